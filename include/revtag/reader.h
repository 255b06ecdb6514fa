/*
 * reader.h - read records from JSON Lines, CSV/TSV, RIS or BibTeX into
 * rt_record, one at a time, and write records back as JSON Lines.
 *
 * Every reader reports bad input as "FILE:LINE[:COL]: what is wrong" and
 * either stops there or, with skip_bad, skips the record and counts it.
 * Readers share no state: several may be used at once, each by one thread.
 */
#ifndef REVTAG_READER_H
#define REVTAG_READER_H

#include <stddef.h>
#include "revtag/record.h"
#include "revtag/revtag.h"

typedef struct rt_reader rt_reader;

typedef enum rt_format {
    RT_FORMAT_AUTO = 0,   /* by file extension; stdin and unknown extensions: JSONL */
    RT_FORMAT_JSONL,      /* .jsonl .ndjson .json */
    RT_FORMAT_CSV,        /* .csv; ',' or ';' separated (chosen from the header line) */
    RT_FORMAT_TSV,        /* .tsv .tab */
    RT_FORMAT_RIS,        /* .ris */
    RT_FORMAT_BIBTEX      /* .bib .bibtex */
} rt_format;

/* Reader options: a plain value; zero-initialised means the defaults. */
typedef struct rt_reader_opts {
    rt_format format;       /* RT_FORMAT_AUTO by default */
    int skip_bad;           /* 1: skip malformed records (counted) instead of failing */
    /*
     * CSV/TSV column mapping, "FIELD=COLUMN,..." where FIELD is id, title,
     * abstract, text, year, type, lang, keywords or label:FACET, and COLUMN
     * a header name; NULL maps header names equal (case-insensitively) to the
     * field names, "label:FACET" / "labels.FACET" headers to facets, and the
     * column names of Zotero, Covidence, EPPI-Reviewer, Web of Science and
     * Scopus exports ("Abstract Note", "Publication Year", "Covidence #",
     * "Manual Tags", ...). A mapping names only some fields; the rest still
     * map by name. Unmapped non-empty cells are kept as string members.
     */
    const char *columns;
    const char *label_sep;  /* separator splitting a label cell into labels; NULL = ";" */
    /*
     * JSONL from a regular file: lines are read ahead in batches and parsed
     * on this many threads (<= 0: all cores, 1: one line at a time). Records,
     * errors and skips come out exactly as when reading one line at a time.
     */
    int threads;
    /*
     * Encoding of the input: NULL or "utf-8" (the default), "windows-1252"
     * ("cp1252", what Excel writes as "CSV") or "latin1" ("iso-8859-1");
     * a single-byte input is converted to UTF-8 when opened. Borrowed for
     * rt_reader_open only.
     */
    const char *encoding;
} rt_reader_opts;

/* Format named by S ("jsonl", "csv", "tsv", "ris", "bibtex"/"bib"), or -1 when unknown. */
int rt_format_from_name(const char *s);

/* Format for PATH by its extension (RT_FORMAT_JSONL when unknown or "-"). */
rt_format rt_format_from_path(const char *path);

/*
 * Open PATH ("-" = stdin) for reading records with options O (NULL =
 * defaults). On success *out owns the open file. Returns RT_OK, RT_EIO,
 * RT_EINVAL (bad column mapping, a CSV header that cannot be mapped, or an
 * unknown encoding),
 * RT_EFORMAT (a CSV header that is missing, badly quoted or not UTF-8) or
 * RT_ENOMEM, with err set.
 */
int rt_reader_open(const char *path, const rt_reader_opts *o, rt_reader **out, rt_err *err);

/*
 * Read the next record into *rec (cleared first; the caller clears it when
 * done). Returns RT_OK, RT_DONE at the end, or RT_EFORMAT / RT_EIO /
 * RT_ENOMEM with err = "FILE:LINE: message". rec->source and rec->line are
 * set. A record without an id, or without any of title/abstract/text, is
 * malformed. After RT_EFORMAT the reader has moved past the bad record, so
 * calling again continues with the next one (what skip_bad does, counting
 * it); after RT_EIO or RT_ENOMEM it must not be called again.
 */
int rt_reader_next(rt_reader *r, rt_record *rec, rt_err *err);

/* Records skipped as malformed so far (skip_bad only). */
size_t rt_reader_skipped(const rt_reader *r);

/*
 * Error message ("FILE:LINE: ...") of the first record skipped, or NULL when
 * none was; owned by R and valid until rt_reader_free.
 */
const char *rt_reader_skip_msg(const rt_reader *r);

/* Close and free; NULL is safe. */
void rt_reader_free(rt_reader *r);

/*
 * Serialise REC as one compact JSON object, without a newline: id, title,
 * abstract, text, year, type, lang, labels, then the unknown input fields
 * (rec->extra) in input order, then the members of APPEND (a JSON object
 * text such as {"predicted": {...}}, or NULL). A member of APPEND replaces
 * an extra member of the same name, so re-classifying output does not repeat
 * keys. Absent fields (NULL, year 0, no facets) are left out. *out is
 * malloc'd and owned by the caller. Returns RT_OK, RT_ENOMEM or RT_EINVAL
 * (APPEND not an object, or it names a record field such as "id").
 */
int rt_record_write_json(const rt_record *rec, const char *append, char **out, size_t *len,
                         rt_err *err);

/*
 * Taxonomy: the facets and labels records may carry, loaded from a JSON file
 * like corpus/taxonomy.json: {"facets": [{"name": F, "multi_label": B,
 * "labels": [{"label": L, ...}, ...] or [L, ...] or "ISO 3166-1 alpha-2"}]}.
 * The ISO form accepts the alpha-2 codes of Debian's iso-codes list.
 */
typedef struct rt_taxonomy rt_taxonomy;

/* Default location of the ISO 3166-1 list (Debian package iso-codes). */
#define RT_ISO3166_PATH "/usr/share/iso-codes/json/iso_3166-1.json"

/*
 * Load the taxonomy at PATH; ISO_PATH is the ISO 3166-1 list (NULL =
 * RT_ISO3166_PATH), read only when a facet uses it. On success *out is owned
 * by the caller (rt_taxonomy_free). Returns RT_OK, RT_EIO, RT_EFORMAT
 * ("FILE: what is wrong") or RT_ENOMEM.
 */
int rt_taxonomy_load(const char *path, const char *iso_path, rt_taxonomy **out, rt_err *err);

/* Free; NULL is safe. */
void rt_taxonomy_free(rt_taxonomy *t);

/* Number of facets, and the name of facet I (owned by T), in file order. */
size_t rt_taxonomy_nfacets(const rt_taxonomy *t);
const char *rt_taxonomy_facet(const rt_taxonomy *t, size_t i);

/* 1 when FACET is a multi-label facet of T, 0 when single-label, -1 when unknown. */
int rt_taxonomy_multi(const rt_taxonomy *t, const char *facet);

/*
 * Labels listed for FACET in file order (owned by T): *n labels, or NULL and
 * *n = 0 when the facet is unknown or uses the ISO list.
 */
const char *const *rt_taxonomy_labels(const rt_taxonomy *t, const char *facet, size_t *n);

/* 1 when LABEL is a valid label of FACET, 0 when not, -1 when FACET is unknown. */
int rt_taxonomy_has_label(const rt_taxonomy *t, const char *facet, const char *label);

#endif
