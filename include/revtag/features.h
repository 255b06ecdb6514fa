/*
 * features.h - records to sparse term-count vectors for the classifier: the
 * analyzer's stems (plus optional bigrams of adjacent stems) from title,
 * abstract and text, each in the record's language; a vocabulary with
 * document frequencies built in parallel; TF-IDF weighting.
 */
#ifndef REVTAG_FEATURES_H
#define REVTAG_FEATURES_H

#include <stddef.h>
#include <stdint.h>
#include "revtag/analyzer.h"
#include "revtag/record.h"
#include "revtag/revtag.h"

/* Feature options: a plain value, stored in model files. */
typedef struct rt_feature_opts {
    rt_analyzer_opts an;  /* tokenizer / stop words / stemming */
    int bigrams;          /* 1: add "stem stem" bigrams of adjacent kept unigrams */
    unsigned min_df;      /* keep terms found in at least this many training records (>= 1) */
} rt_feature_opts;

/* The defaults: rt_analyzer_defaults(), bigrams on, min_df 2. */
rt_feature_opts rt_feature_defaults(void);

/*
 * A sparse matrix in CSR form, one row per record, columns ascending within
 * a row. A plain value: the arrays are malloc'd and freed by rt_sparse_free.
 */
typedef struct rt_sparse {
    size_t nrows, ncols;
    size_t *ptr;          /* nrows + 1 row starts into idx/val */
    uint32_t *idx;        /* column (term id) of each entry */
    float *val;           /* value of each entry */
} rt_sparse;

/* Free the arrays and zero M; NULL and a zeroed matrix are safe. */
void rt_sparse_free(rt_sparse *m);

/* One row of a sparse matrix or a single record's vector; borrows its arrays. */
typedef struct rt_fvec {
    const uint32_t *idx;  /* ascending term ids */
    const float *val;
    size_t n;
} rt_fvec;

/* Row I of M as a vector borrowing M's arrays. */
rt_fvec rt_sparse_row(const rt_sparse *m, size_t i);

typedef struct rt_vocab rt_vocab;

/*
 * Build the vocabulary of the N records RECS (terms kept when in at least
 * o->min_df records) and their term counts: COUNTS gets one row per record
 * (caller frees with rt_sparse_free). THREADS workers tokenize (<= 0: all
 * cores); the result is byte-identical for any thread count. Returns RT_OK,
 * RT_ENOMEM, or RT_EINVAL with "SOURCE:LINE: ..." for a record in an unknown
 * language. *vocab is owned by the caller (rt_vocab_free).
 */
int rt_vocab_build(const rt_record *const *recs, size_t n, const rt_feature_opts *o, int threads,
                   rt_vocab **vocab, rt_sparse *counts, rt_err *err);

/* Free; NULL is safe. */
void rt_vocab_free(rt_vocab *v);

/* Number of terms (unigrams then bigrams). */
size_t rt_vocab_size(const rt_vocab *v);

/* Number of unigram terms: ids below it are stems, ids from it bigrams. */
size_t rt_vocab_nunigrams(const rt_vocab *v);

/* Records the vocabulary was built from (the N of the IDF). */
size_t rt_vocab_ndocs(const rt_vocab *v);

/* Term ID as text ("stem" or "stem stem"), NUL-terminated, owned by V. */
const char *rt_vocab_term(const rt_vocab *v, uint32_t id);

/* Records containing term ID. */
uint32_t rt_vocab_df(const rt_vocab *v, uint32_t id);

/* IDF of every term, ln((1 + N) / (1 + df)) + 1; an array of size() owned by V. */
const float *rt_vocab_idf(const rt_vocab *v);

/* Id of the unigram TERM (LEN bytes), or UINT32_MAX when not in V. */
uint32_t rt_vocab_find(const rt_vocab *v, const char *term, size_t len);

/* The options V was built with (owned by V). */
const rt_feature_opts *rt_vocab_opts(const rt_vocab *v);

/*
 * Turn the count rows of M (from rt_vocab_build or rt_featurizer_run) into
 * TF-IDF in place: (1 + ln tf) * idf, each row scaled to unit L2 norm.
 */
void rt_sparse_tfidf(rt_sparse *m, const float *idf);

/* ------------------------------------------------------------ featurizer */

typedef struct rt_featurizer rt_featurizer;

/*
 * New per-thread featurizer for V (which must outlive it): an analyzer,
 * stemmers and a word -> term cache. Not thread-safe; make one per thread.
 * Returns RT_OK or RT_ENOMEM.
 */
int rt_featurizer_new(const rt_vocab *v, rt_featurizer **out, rt_err *err);

/* Free; NULL is safe. */
void rt_featurizer_free(rt_featurizer *f);

/*
 * Term counts of REC's in-vocabulary terms into *out, whose arrays are owned
 * by F and valid until the next call on F. Returns RT_OK, RT_ENOMEM or
 * RT_EINVAL (unknown language, message "SOURCE:LINE: ...").
 */
int rt_featurizer_run(rt_featurizer *f, const rt_record *rec, rt_fvec *out, rt_err *err);

/* Record fields featurized, in order. */
enum rt_field { RT_FIELD_TITLE = 0, RT_FIELD_ABSTRACT, RT_FIELD_TEXT };

/* One occurrence of an in-vocabulary term: id, field and byte range in that field. */
typedef struct rt_term_hit {
    uint32_t term;
    int field;            /* enum rt_field */
    size_t start, end;    /* bigrams span both words */
} rt_term_hit;

/* Receives each occurrence in text order; non-zero stops the walk (returned). */
typedef int (*rt_term_fn)(void *ctx, const rt_term_hit *hit);

/*
 * Call FN for every occurrence of an in-vocabulary term in REC (unigrams
 * and bigrams), with offsets into the record's field, so callers can show
 * the original words behind a stem. Returns like rt_featurizer_run, or FN's
 * non-zero value.
 */
int rt_featurizer_walk(rt_featurizer *f, const rt_record *rec, rt_term_fn fn, void *ctx,
                       rt_err *err);

/*
 * Count rows for N records with THREADS workers (<= 0: all cores) into *out
 * (caller frees). Row i is rt_featurizer_run of recs[i]. Returns like
 * rt_featurizer_run.
 */
int rt_vocab_count(const rt_vocab *v, const rt_record *const *recs, size_t n, int threads,
                   rt_sparse *out, rt_err *err);

#endif
