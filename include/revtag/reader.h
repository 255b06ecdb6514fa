/*
 * reader.h - read records from JSON Lines, CSV/TSV, RIS or BibTeX into
 * rt_record, one at a time, and write records back as JSON Lines.
 *
 * Every reader reports bad input as "FILE:LINE[:COL]: what is wrong" and
 * either stops there or, with skip_bad, skips the record and counts it.
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
    RT_FORMAT_CSV,        /* .csv */
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
     * abstract, text, year, type, lang or label:FACET, and COLUMN a header
     * name; NULL maps header names equal (case-insensitively) to the field
     * names, and "label:FACET" / "labels.FACET" headers to facets.
     */
    const char *columns;
    const char *label_sep;  /* separator splitting a label cell into labels; NULL = ";" */
} rt_reader_opts;

/* Format named by S ("jsonl", "csv", "tsv", "ris", "bibtex"/"bib"), or -1 when unknown. */
int rt_format_from_name(const char *s);

/* Format for PATH by its extension (RT_FORMAT_JSONL when unknown or "-"). */
rt_format rt_format_from_path(const char *path);

/*
 * Open PATH ("-" = stdin) for reading records with options O (NULL =
 * defaults). On success *out owns the open file. Returns RT_OK, RT_EIO,
 * RT_EINVAL (bad column mapping, or a CSV header that cannot be mapped)
 * or RT_ENOMEM, with err set.
 */
int rt_reader_open(const char *path, const rt_reader_opts *o, rt_reader **out, rt_err *err);

/*
 * Read the next record into *rec (cleared first; the caller clears it when
 * done). Returns RT_OK, RT_DONE at the end, or RT_EFORMAT / RT_EIO /
 * RT_ENOMEM with err = "FILE:LINE: message". rec->source and rec->line are
 * set. A record without an id, or without any of title/abstract/text, is
 * malformed.
 */
int rt_reader_next(rt_reader *r, rt_record *rec, rt_err *err);

/* Records skipped as malformed so far (skip_bad only). */
size_t rt_reader_skipped(const rt_reader *r);

/* Close and free; NULL is safe. */
void rt_reader_free(rt_reader *r);

/*
 * Serialise REC as one compact JSON object, without a newline: id, title,
 * abstract, text, year, type, lang, labels, then the unknown input fields
 * (rec->extra) in input order, then the members of APPEND (a JSON object
 * text such as {"predicted": {...}}, or NULL). *out is malloc'd and owned
 * by the caller. Returns RT_OK, RT_ENOMEM or RT_EINVAL (APPEND not an object).
 */
int rt_record_write_json(const rt_record *rec, const char *append, char **out, size_t *len,
                         rt_err *err);

#endif
