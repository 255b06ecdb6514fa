/*
 * rtint.h - internals shared across revtag library modules, one section per
 * module. Never included by public headers; the CLI may use the core section.
 */
#ifndef REVTAG_RTINT_H
#define REVTAG_RTINT_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include "revtag/revtag.h"

#if defined(__GNUC__)
#define RT_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define RT_PRINTF(f, a)
#endif

/* ---------------------------------------------------------------- core */

/*
 * Set ERR (may be NULL) to CODE and a printf-style message; returns CODE so
 * callers can write `return rt_err_set(err, RT_EIO, "%s: ...", path);`.
 */
int rt_err_set(rt_err *err, int code, const char *fmt, ...) RT_PRINTF(3, 4);

/* strdup of the first LEN bytes of S (NUL-terminated copy); NULL on OOM. */
char *rt_strndup(const char *s, size_t len);

/* strdup(S) or NULL on OOM; NULL S gives NULL. */
char *rt_strdup(const char *s);

/*
 * Growable byte buffer with sticky error codes: every rt_buf_* call does
 * nothing once *rc != RT_OK, so builders check rc once at the end. The data
 * is always NUL-terminated after a successful append.
 */
typedef struct rt_buf {
    char *data;     /* owned; NULL until first append */
    size_t len;     /* bytes used, excluding the terminating NUL */
    size_t cap;     /* bytes allocated */
} rt_buf;

void rt_buf_append(int *rc, rt_buf *b, const void *p, size_t len);
void rt_buf_puts(int *rc, rt_buf *b, const char *s);
void rt_buf_printf(int *rc, rt_buf *b, const char *fmt, ...) RT_PRINTF(3, 4);
void rt_buf_free(rt_buf *b);            /* frees data and zeroes B */

/*
 * malloc for big arrays (vocabulary building, feature matrices, weights):
 * blocks of 4 MiB and more are advised to the kernel as transparent huge
 * pages, so first writes fault once per 2 MiB instead of once per 4 KiB.
 * A hint only; the block is freed with free(). rt_mem_huge gives the same
 * hint for a block P of N bytes got some other way (e.g. realloc).
 */
void *rt_malloc_big(size_t n);
void rt_mem_huge(void *p, size_t n);

/* 64-bit hash of bytes (xxhash XXH3), stable across runs and machines. */
uint64_t rt_hash64(const void *p, size_t len);

/* ---------------------------------------------------------------- io */
/* Record readers (src/io/): the dispatcher in reader.c, one backend per format. */
#include <stdio.h>
#include "revtag/reader.h"

/*
 * A format backend. next() fills REC and returns RT_OK, RT_DONE, RT_EFORMAT
 * (record-level: the backend has moved past the bad record, so the next call
 * continues), RT_EIO or RT_ENOMEM. open() may read ahead (a CSV header).
 */
typedef struct rt_io_format {
    int (*open)(rt_reader *r, rt_err *err);
    int (*next)(rt_reader *r, rt_record *rec, rt_err *err);
    void (*free)(void *state);
} rt_io_format;

extern const rt_io_format rt_io_jsonl, rt_io_csv, rt_io_ris, rt_io_bibtex;

struct rt_reader {
    char *path;                 /* display name: the path, or "<stdin>"; owned */
    FILE *fp;                   /* owned unless stdin */
    rt_reader_opts o;           /* copy; o.columns and o.label_sep point into owned copies */
    const rt_io_format *fmt;
    void *state;                /* the backend's, freed by fmt->free */
    char *line;                 /* rt_io_getline buffer; owned */
    size_t cap;
    long lineno;                /* lines read so far */
    size_t skipped;             /* records skipped (skip_bad) */
    char *skip_msg;             /* message of the first one skipped; owned */
};

/*
 * Read the next line into r->line without its "\n" / "\r\n" (and without a
 * UTF-8 BOM on line 1). Returns RT_OK with *len, RT_DONE at the end, RT_EIO
 * or RT_ENOMEM.
 */
int rt_io_getline(rt_reader *r, size_t *len, rt_err *err);

/* Input encodings (encoding.c): UTF-8, or a single-byte one converted on open. */
enum { RT_ENC_UTF8 = 0, RT_ENC_CP1252, RT_ENC_LATIN1 };

/* The encoding named S ("utf-8", "windows-1252"/"cp1252", "latin1"/"iso-8859-1"; NULL = UTF-8), or -1. */
int rt_io_encoding_from_name(const char *s);

/*
 * Replace r->fp by a temporary file holding its content converted from ENC
 * to UTF-8 (nothing to do for RT_ENC_UTF8). Returns RT_OK, RT_EFORMAT
 * ("FILE:LINE: byte 0x81 is not a Windows-1252 character") or RT_EIO.
 */
int rt_io_transcode(rt_reader *r, int enc, rt_err *err);

/* Offset of the first byte of S that is not valid UTF-8 or is NUL; LEN when none. */
size_t rt_io_utf8_invalid(const char *s, size_t len);

/* 1 when S (LEN bytes) is empty or only ASCII white space. */
int rt_io_blank(const char *s, size_t len);

/* Year from the first run of exactly four digits in S ("2019///", "May 2019"), else 0. */
int rt_io_parse_year(const char *s, size_t len);

/*
 * Set rec->lang from a language tag or name as exporters write it ("en",
 * "eng", "English", "ngerman", "Français"): its ISO 639-1 code when known,
 * else the value lower-cased. Returns RT_OK or RT_ENOMEM.
 */
int rt_io_set_lang(rt_record *rec, const char *s, size_t len);

/*
 * Give REC the derived id "h-" + 16 hex digits of XXH3 over its title (or
 * abstract, or text) lower-cased with white space collapsed, then "|" and the
 * year. Does nothing when REC has no text. Returns RT_OK or RT_ENOMEM.
 */
int rt_io_derive_id(rt_record *rec);

/*
 * Handle one keyword: "facet:label" (facet = [a-z][a-z0-9_]*) becomes a label,
 * anything else is appended to KW as a JSON array element. Returns RT_OK or
 * RT_ENOMEM.
 */
int rt_io_keyword(rt_record *rec, rt_buf *kw, const char *s, size_t len);

/* Append S (LEN bytes of UTF-8) to B as a JSON string literal. */
void rt_json_string(int *rc, rt_buf *b, const char *s, size_t len);

/* Append the JSON value at S (LEN bytes, valid JSON) to B without insignificant white space. */
void rt_json_compact(int *rc, rt_buf *b, const char *s, size_t len);

/* One member of a JSON object text, as byte spans (the key with its quotes). */
typedef struct rt_json_member {
    size_t key_off, key_len;
    size_t val_off, val_len;
} rt_json_member;

/*
 * Call FN for each top-level member of the JSON object text S (LEN bytes,
 * already validated) in order; stops when FN returns non-zero and returns
 * that value. Returns -1 if S is not an object.
 */
int rt_json_members(const char *s, size_t len,
                    int (*fn)(void *ctx, const rt_json_member *m), void *ctx);

/* 1 when NAME is a record field written by rt_record_write_json (id, title, ..., labels). */
int rt_json_is_field(const char *name, size_t len);

/*
 * BibTeX field text to plain UTF-8 (latex.c): accents ({\'e}, \"{o}, \c{c},
 * \~n, \v s, {\'\i}) and symbols (\ss, \o, \&, --, ``...'') converted, NFC,
 * braces, math dollars and formatting commands (\emph, \textit, ...) dropped,
 * white space collapsed. *out is malloc'd. Returns RT_OK, RT_ENOMEM, or
 * RT_EFORMAT when S is not valid UTF-8.
 */
int rt_latex_to_utf8(const char *s, size_t len, char **out);

/* --------------------------------------------------------------- model */

#define RT_NOID UINT32_MAX   /* "no such term/label" in uint32_t id spaces */

/*
 * String interning map: key bytes -> dense id 0..n-1 in insertion order.
 * Keys are copied into an arena and kept NUL-terminated. Not thread-safe.
 */
typedef struct rt_strmap {
    uint64_t *slots;    /* (hash >> 32) << 32 | (id + 1) per slot, 0 = empty; cap a power of two */
    size_t cap;
    uint64_t *hash;     /* per id: hash of the key */
    size_t *off;        /* per id: offset of the key in arena */
    uint32_t *len;      /* per id: key length in bytes */
    size_t n, ncap;     /* ids in use / allocated */
    char *arena;
    size_t alen, acap;
} rt_strmap;

/* Zeroed map; allocation happens on first add. */
void rt_strmap_init(rt_strmap *m);
void rt_strmap_free(rt_strmap *m);                /* frees and zeroes; NULL-safe */
/* Intern K: *id = its id (new ids are m->n - 1). RT_OK or RT_ENOMEM. */
int rt_strmap_add(rt_strmap *m, const char *k, size_t len, uint32_t *id);
/* Id of K, or RT_NOID. */
uint32_t rt_strmap_get(const rt_strmap *m, const char *k, size_t len);
/* Key of ID (NUL-terminated, owned by M until it changes); *len may be NULL. */
const char *rt_strmap_key(const rt_strmap *m, uint32_t id, size_t *len);

/*
 * Little-endian binary encoding for model files. Writers append to an
 * rt_buf with a sticky rc; the reader walks a bounded buffer and sets
 * r->rc = RT_EFORMAT (returning zeros) once it would read past the end.
 */
void rt_bin_u8(int *rc, rt_buf *b, uint8_t v);
void rt_bin_u32(int *rc, rt_buf *b, uint32_t v);
void rt_bin_u64(int *rc, rt_buf *b, uint64_t v);
void rt_bin_f64(int *rc, rt_buf *b, double v);
void rt_bin_f32s(int *rc, rt_buf *b, const float *v, size_t n);
void rt_bin_str(int *rc, rt_buf *b, const char *s);   /* u32 length + bytes; NULL = "" */

typedef struct rt_bin {
    const unsigned char *p;
    size_t len, pos;
    int rc;             /* RT_OK until a read overruns or a value is invalid */
} rt_bin;

uint8_t rt_bin_get_u8(rt_bin *r);
uint32_t rt_bin_get_u32(rt_bin *r);
uint64_t rt_bin_get_u64(rt_bin *r);
double rt_bin_get_f64(rt_bin *r);
/* Read N floats into V (caller-allocated). */
void rt_bin_get_f32s(rt_bin *r, float *v, size_t n);
/* malloc'd NUL-terminated copy of a string (NULL and rc set on overrun or OOM). */
char *rt_bin_get_str(rt_bin *r);
/* Length-checked count: a u32 that must be <= MAX (else RT_EFORMAT). */
uint32_t rt_bin_get_count(rt_bin *r, uint32_t max);

/* Deterministic PRNG streams (linear.c): state for SEED and STREAM; draw in [0, n). */
uint64_t rt_rng_seed(uint64_t seed, uint64_t stream);
size_t rt_rng_below(uint64_t *state, size_t n);

/* One binary problem for the dual coordinate descent SVM (linear.c). */
typedef struct rt_svm_problem {
    const struct rt_sparse *x;  /* feature rows */
    const uint32_t *rows;       /* the rows of x to train on */
    size_t nrows;
    const int8_t *y;            /* +1 / -1 per training row */
    const float *vals;          /* values of x's entries to use (e.g. NB-scaled), or NULL */
    double cpos, cneg;          /* cost of errors on positive / negative rows */
    double eps;                 /* stop when the projected-gradient range <= eps */
    int max_iter;
    uint64_t seed;
} rt_svm_problem;

/*
 * Train: W (x->ncols, in the space of VALS), *B the bias (a feature
 * of value 1, regularised like liblinear's), ALPHA the dual variables
 * (nrows). Returns RT_OK or RT_ENOMEM.
 */
int rt_svm_train(const rt_svm_problem *p, float *w, double *b, double *alpha);

/* Calibration (calib.c). Platt: p = 1 / (1 + exp(A * dec + B)). */
void rt_platt_fit(const double *dec, const uint8_t *pos, size_t n, double *A, double *B);
double rt_platt_apply(double dec, double A, double B);
/* Softmax temperature *T maximising the likelihood of labels Y (n rows of L scores). */
int rt_softmax_fit(const double *dec, const uint32_t *y, size_t n, size_t L, double *T);
void rt_softmax_apply(const double *s, size_t L, double T, double *p);
/* Threshold *t on P maximising F1 (0.5 when fewer than MIN_POS positives). RT_OK or RT_ENOMEM. */
int rt_threshold_fit(const double *p, const uint8_t *pos, size_t n, size_t min_pos, double *t);

/* Model-file encoding of a vocabulary (features.c). */
struct rt_vocab;
void rt_vocab_write(int *rc, rt_buf *b, const struct rt_vocab *v);
/* Read a vocabulary written by rt_vocab_write; r->rc says why on failure. */
int rt_vocab_read(rt_bin *r, struct rt_vocab **out);

/* One facet's trained model (model.c, train.c, modelfile.c, explain.c). */
typedef struct rt_fmodel {
    char *name;
    int multi, algo, loo;       /* multi-label?; enum rt_algo; calibrated on LOO estimates? */
    uint32_t ntrain, nlabels;
    char **labels;              /* sorted */
    uint32_t *support;          /* training records per label */
    float *w;                   /* nterms x nlabels, feature-major */
    double *bias;               /* per label */
    double *pa, *pb;            /* multi-label: Platt parameters per label */
    double *threshold;          /* multi-label: per label */
    double temp;                /* single-label: softmax temperature */
    double cv_metric;           /* held-out accuracy or micro-F1 */
} rt_fmodel;

struct rt_model {
    char *version;              /* revtag version that trained the model */
    int algo;                   /* training options, as given */
    double C, alpha;
    unsigned cv;
    size_t cv_max;
    uint64_t seed;
    struct rt_vocab *vocab;
    rt_fmodel *facets;
    size_t nfacets;
};

/* Free everything a facet model owns (train.c). */
void rt_fmodel_clear(rt_fmodel *fm);

/* Training input of one facet (train.c). */
typedef struct rt_facet_data {
    const struct rt_sparse *cnt, *tfidf;  /* rows: all training records */
    uint32_t *rows;             /* the rows coded for this facet */
    size_t nrows, nlabels;
    uint8_t *Y;                 /* nrows x nlabels label indicators */
    uint32_t *y1;               /* single-label: each row's label */
    int multi;
} rt_facet_data;

/*
 * Fit facet FD with the options of M (algorithm chosen by CV when auto,
 * calibration, thresholds, final weights) into FM, whose name, labels and
 * support the caller has set. RT_OK or RT_ENOMEM.
 */
int rt_facet_train(const rt_facet_data *fd, int algo, const struct rt_model *m, int threads,
                   rt_fmodel *fm);

/* ---------------------------------------------------------------- store */
/* The SQLite store (src/store/) as search and exports read it. */
#include "revtag/store.h"
struct sqlite3;
struct rt_fts;
struct json_t;

/* Records carrying one label from one source, ascending by rid. */
typedef struct rt_plist {
    const uint32_t *rids;
    const double *scores;      /* per rid for predicted labels; NULL for manual */
    size_t n;
} rt_plist;

/* One (facet, label) pair and its records per source. */
typedef struct rt_flabel {
    const char *facet, *label;
    rt_plist manual, predicted;
} rt_flabel;

/* Every label in the store, sorted by facet then label, and every record. */
typedef struct rt_facets {
    const rt_flabel *v;
    size_t n;
    const uint32_t *rids;      /* every record, ascending */
    size_t nrids;
    uint32_t maxrid;           /* largest rid, 0 when empty */
    const uint64_t *all;       /* the same as a bit set: (maxrid >> 6) + 1 words */
    double min_pred;           /* lowest predicted score stored (HUGE_VAL when none) */
    /* The postings inverted, for counting a result set record by record: the
       labels of record RID are entries rec_off[RID] .. rec_off[RID + 1] - 1,
       sorted by label; entry E is label rec_lab[E] >> 1 of v, from the
       predicted postings (at position rec_pos[E]) when rec_lab[E] & 1. */
    const uint32_t *rec_off;   /* maxrid + 2 offsets */
    const uint32_t *rec_lab;
    const uint32_t *rec_pos;
} rt_facets;

/* One stored label. Strings owned by the rt_stored holding it. */
typedef struct rt_tag {
    char *facet, *label;
    int source;                /* RT_SOURCE_MANUAL or RT_SOURCE_PREDICTED */
    double score;              /* predicted only; 0 for manual */
    char *model;               /* predicted only; may be NULL */
} rt_tag;

/* A stored record with its kept labels (facet, then manual first, then score descending). */
typedef struct rt_stored {
    rt_record rec;             /* rec.facets = manual labels kept (coded facets included) */
    rt_tag *tags;
    size_t ntags;
} rt_stored;

/* 1 when a label of SOURCE with SCORE passes the filter SOURCES / MIN_SCORE. */
static inline int rt_label_keep(int source, double score, int sources, double min_score)
{
    return (source & sources) && (source == RT_SOURCE_MANUAL || score >= min_score);
}

/*
 * Give F's rank function rt_bm25 the tokens of each row, by rowid (N
 * entries; NULL = read them from FTS5's docsize table). The array must stay
 * valid until the next call; the store passes its cache.
 */
void rt_fts_set_doclen(struct rt_fts *f, const uint32_t *doclen, size_t n);

/* The connection and tokenizer state of S; owned by S. */
struct sqlite3 *rt_store_db(rt_store *s);
struct rt_fts *rt_store_fts(rt_store *s);

/*
 * The label postings of S, loaded on first use and reloaded when a run has
 * committed since. Owned by S, valid until the next call on S. Returns
 * RT_OK, RT_EDB, RT_EFORMAT (corrupt postings) or RT_ENOMEM.
 */
int rt_store_get_facets(rt_store *s, const rt_facets **out, rt_err *err);

/*
 * Load record RID with the labels that pass SOURCES / MIN_SCORE into *out
 * (cleared first; rt_stored_clear frees it). Returns RT_OK, RT_DONE (no such
 * record), RT_EDB or RT_ENOMEM.
 */
int rt_store_load(rt_store *s, int64_t rid, int sources, double min_score,
                  rt_stored *out, rt_err *err);
void rt_stored_clear(rt_stored *st);

/*
 * REC as a new jansson object in revtag's JSON Lines form plus "predicted"
 * (see rt_store_get_json). Returns RT_OK or RT_ENOMEM (*out NULL).
 */
int rt_stored_to_json(const rt_stored *st, struct json_t **out, rt_err *err);

/*
 * A read transaction around several reads, so they see one snapshot. *own
 * says whether this call started it (a writer's open run is reused); pass
 * it to rt_store_read_end. Returns RT_OK or RT_EDB.
 */
int rt_store_read_begin(rt_store *s, int *own, rt_err *err);
void rt_store_read_end(rt_store *s, int own);

/* ---------------------------------------------------------------- search */
/* Result sets as bitmaps over rids (src/store/search.c), shared with exports. */
#include "revtag/search.h"

typedef struct rt_hitset {
    uint64_t *bits;            /* bit RID set for each matching record; owned */
    size_t nwords;
    size_t total;              /* bits set */
    const rt_facets *facets;   /* the store's; valid until the next call on the store */
} rt_hitset;

static inline int rt_bit_has(const uint64_t *bits, size_t nwords, uint32_t rid)
{
    return (size_t)(rid >> 6) < nwords && (bits[rid >> 6] >> (rid & 63) & 1u);
}

/*
 * Records matching O's query and filters (unranked) into *h (zeroed first;
 * rt_hitset_free frees it). Call inside rt_store_read_begin/end. Returns
 * RT_OK, RT_EINVAL (bad query), RT_EDB or RT_ENOMEM.
 */
int rt_hitset_build(rt_store *s, const rt_search_opts *o, rt_hitset *h, rt_err *err);
void rt_hitset_free(rt_hitset *h);

/* COUNTS[i] (F->n of them) = records in BITS carrying F->v[i] under SOURCES / MIN_SCORE. */
void rt_facets_count(const rt_facets *f, const uint64_t *bits, size_t nwords, int sources,
                     double min_score, size_t *counts);

/* Index of (FACET, LABEL) in F, or (size_t)-1 when no record carries it. */
size_t rt_facets_find(const rt_facets *f, const char *facet, const char *label);

/* Set in BITS (NWORDS words) the records carrying FL under SOURCES / MIN_SCORE. */
void rt_flabel_mark(const rt_flabel *fl, int sources, double min_score, uint64_t *bits,
                    size_t nwords);

#endif
