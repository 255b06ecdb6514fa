/*
 * model.h - revtag's classifier: one model per facet (multinomial or
 * complement naive Bayes, or a linear SVM on TF-IDF features, optionally
 * NB-scaled), single- or multi-label as the training data says, scores
 * calibrated to [0, 1], trained and applied with OpenMP, saved to a
 * checksummed file, and able to say which words drove each label.
 */
#ifndef REVTAG_MODEL_H
#define REVTAG_MODEL_H

#include <stddef.h>
#include <stdint.h>
#include "revtag/features.h"
#include "revtag/record.h"
#include "revtag/revtag.h"

typedef struct rt_model rt_model;

/* Learning algorithms (stored in model files: never renumber). */
typedef enum rt_algo {
    RT_ALGO_MNB = 1,  /* multinomial naive Bayes on term counts */
    RT_ALGO_CNB = 2,  /* complement naive Bayes on TF-IDF, weight-normalised (Rennie 2003) */
    RT_ALGO_SVM = 3,  /* L2-loss linear SVM on TF-IDF, dual coordinate descent */
    RT_ALGO_NBSVM = 4,/* the SVM on TF-IDF scaled by NB log-count ratios (Wang & Manning 2012) */
    RT_ALGO_AUTO = 5  /* per facet, whichever cross-validates best on the training data */
} rt_algo;

/* Name of ALGO ("mnb", "cnb", "svm", "nbsvm", "auto"), or NULL when invalid. */
const char *rt_algo_name(int algo);

/* Algorithm named S, or -1 when unknown. */
int rt_algo_from_name(const char *s);

/* Training options: a plain value; rt_train_defaults() gives the defaults. */
typedef struct rt_train_opts {
    const char *const *facets; /* facet names to train (borrowed for the call) */
    size_t nfacets;
    rt_feature_opts features;  /* tokenizer, stemmer, bigrams, min_df */
    int algo;                  /* enum rt_algo */
    double C;                  /* SVM cost of errors */
    double alpha;              /* NB additive smoothing */
    unsigned cv;               /* folds for --algo auto, calibration and thresholds (>= 2) */
    size_t cv_max;             /* SVM facets with more records calibrate on leave-one-out
                                  estimates instead of retraining cv times (0 = always CV) */
    uint64_t seed;             /* fold assignment and SVM visiting order */
    int threads;               /* OpenMP workers; <= 0 = all cores */
} rt_train_opts;

/* The defaults (the most accurate choices measured in bench/RESULTS.md). */
rt_train_opts rt_train_defaults(void);

/*
 * Train one model per facet in o->facets from the N records RECS (a record
 * is used for a facet when it has labels for it: rt_record_get_facet).
 * A facet is single-label when every such record has exactly one label,
 * multi-label otherwise. The vocabulary is built from every record used.
 * Deterministic: the same records, options and seed give a byte-identical
 * model for any thread count. *out is owned by the caller (rt_model_free).
 * Returns RT_OK, RT_EINVAL (no records for a facet, bad options, unknown
 * language) or RT_ENOMEM, with err set.
 */
int rt_model_train(const rt_record *const *recs, size_t n, const rt_train_opts *o, rt_model **out,
                   rt_err *err);

/* Free; NULL is safe. */
void rt_model_free(rt_model *m);

/*
 * Write M to PATH atomically (temporary file, fsync, rename): magic,
 * format version, revtag version, options, vocabulary, per-facet labels,
 * weights and calibration, and an XXH3 checksum. Returns RT_OK, RT_EIO or
 * RT_ENOMEM.
 */
int rt_model_save(const rt_model *m, const char *path, rt_err *err);

/*
 * Load a model file. Refuses (RT_EFORMAT, "PATH: ...") a file that is not a
 * revtag model, has another format version, is truncated, or fails its
 * checksum; RT_EIO when it cannot be read. *out is owned by the caller.
 */
int rt_model_load(const char *path, rt_model **out, rt_err *err);

#define RT_MODEL_FORMAT 1   /* model file format version written and read */

/* Summary of a model; pointers are owned by the model. */
typedef struct rt_model_info {
    const char *version;       /* revtag version that trained it */
    rt_train_opts params;      /* as trained (facets NULL, threads 0) */
    size_t nterms, nunigrams;  /* vocabulary size; unigrams among them */
    size_t ndocs;              /* records the vocabulary was built from */
    size_t nfacets;
} rt_model_info;

void rt_model_get_info(const rt_model *m, rt_model_info *out);

/* One facet's model; pointers are owned by the model. */
typedef struct rt_facet_info {
    const char *name;
    int multi_label;           /* 1: zero or more labels per record */
    int algo;                  /* the algorithm used (never RT_ALGO_AUTO) */
    size_t ntrain;             /* training records */
    size_t nlabels;
    const char *const *labels; /* sorted (byte order) */
    const uint32_t *support;   /* training records per label */
    const double *threshold;   /* multi-label: assign at score >= threshold; else NULL */
    double cv_metric;          /* held-out accuracy (single) or micro-F1 (multi) */
    int loo;                   /* 1: calibrated on leave-one-out estimates, 0: on CV */
} rt_facet_info;

/* Facet F (< info.nfacets) of M into *out. */
void rt_model_get_facet(const rt_model *m, size_t f, rt_facet_info *out);

/* Index of the facet NAME, or -1. */
long rt_model_find_facet(const rt_model *m, const char *name);

/* The model's vocabulary (and so its feature options); owned by M. */
const rt_vocab *rt_model_vocab(const rt_model *m);

/* ------------------------------------------------------------ prediction */

/* A label of a facet and its calibrated score in [0, 1]. */
typedef struct rt_label_score {
    uint32_t label;            /* index into rt_facet_info.labels */
    double score;
} rt_label_score;

/*
 * The per-facet prediction step: calibrated scores of every label of facet
 * F for a record with term counts X (from rt_featurizer_run on a
 * featurizer of rt_model_vocab(M)), written to scores[0 .. nlabels-1].
 * Single-label facets: softmax probabilities (summing to 1); multi-label:
 * one Platt-scaled probability per label. Thread-safe (M is read-only).
 */
void rt_model_score(const rt_model *m, size_t f, const rt_fvec *x, double *scores);

/*
 * The labels to assign from SCORES (as rt_model_score gives them): the top
 * label for a single-label facet, every label at or above its threshold
 * for a multi-label one; with TOP_K > 0, the TOP_K best regardless of
 * thresholds. Written to OUT (room for nlabels) in descending score, ties
 * by label index; returns how many.
 */
size_t rt_model_decide(const rt_model *m, size_t f, const double *scores, size_t top_k,
                       rt_label_score *out);

typedef struct rt_predictor rt_predictor;

/*
 * Batch predictor for M (which must outlive it) with per-thread
 * featurizers and result buffers. THREADS <= 0: all cores. Returns RT_OK or
 * RT_ENOMEM.
 */
int rt_predictor_new(const rt_model *m, int threads, rt_predictor **out, rt_err *err);

/* Free; NULL is safe. */
void rt_predictor_free(rt_predictor *p);

/*
 * Predict every facet for N records in parallel (rt_model_score then
 * rt_model_decide with TOP_K). Results are identical for any thread count
 * and stay readable until the next run. Returns RT_OK, RT_ENOMEM or
 * RT_EINVAL (a record in an unknown language), with err set.
 */
int rt_predictor_run(rt_predictor *p, const rt_record *const *recs, size_t n, size_t top_k,
                     rt_err *err);

/* Labels decided for record I of the last run and facet F; *out owned by P. */
size_t rt_predictor_get(const rt_predictor *p, size_t i, size_t f, const rt_label_score **out);

/* Calibrated scores of every label for record I and facet F; owned by P. */
const double *rt_predictor_scores(const rt_predictor *p, size_t i, size_t f);

/* ------------------------------------------------------------ explanation */

/* A term's share of a label's score in one record. */
typedef struct rt_contrib {
    uint32_t term;             /* vocabulary id */
    const char *text;          /* the term ("stem" or "stem stem"), owned by the model */
    double value;              /* weight x feature value: its share of the decision value */
    unsigned count;            /* occurrences in the record */
    char **surface;            /* the record's own words for it, most frequent first */
    size_t nsurface;
} rt_contrib;

/*
 * The K terms of REC that raise label LABEL of facet F the most (positive
 * shares only), with the surface words they come from. F must be a
 * featurizer of rt_model_vocab(M). *out (n entries) is owned by the caller:
 * free with rt_contribs_free. Returns like rt_featurizer_run.
 */
int rt_model_explain(const rt_model *m, rt_featurizer *fz, const rt_record *rec, size_t f,
                     uint32_t label, size_t k, rt_contrib **out, size_t *n, rt_err *err);

/* Free an explanation from rt_model_explain; NULL is safe. */
void rt_contribs_free(rt_contrib *c, size_t n);

#endif
