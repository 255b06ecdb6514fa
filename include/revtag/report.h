/*
 * report.h - accuracy reports from rt_metrics: a readable table, one JSON
 * object per facet, and a self-contained HTML page with inline SVG plots
 * (confusion heat map, per-label F1, score distributions, learning curve).
 * All three print the same figures, rounded to 4 decimals in table and HTML.
 */
#ifndef REVTAG_REPORT_H
#define REVTAG_REPORT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "revtag/metrics.h"
#include "revtag/revtag.h"

/* One point of a learning curve: a plain value. */
typedef struct rt_curve_point {
    double share;                 /* of the training folds' records used, (0, 1] */
    double ntrain;                /* training records, mean across folds */
    rt_metrics_summary mean, sd;  /* held-out figures across folds */
} rt_curve_point;

/* One facet's results. Every pointer is borrowed for the call. */
typedef struct rt_report_facet {
    const rt_metrics *m;              /* all held-out records (every fold pooled) */
    const rt_metrics_summary *folds;  /* per fold, or NULL without cross-validation */
    size_t nfolds;
    const rt_curve_point *curve;      /* learning curve, or NULL */
    size_t ncurve;
    const char *algo;                 /* algorithm name, or NULL when unknown */
} rt_report_facet;

/* A whole report. Every pointer is borrowed for the call. */
typedef struct rt_report {
    const char *model;                /* model file scored, or NULL when cross-validated */
    unsigned k;                       /* folds (cross-validation), 0 otherwise */
    uint64_t seed;                    /* fold seed (cross-validation) */
    const char *const *files;         /* the labelled input files */
    size_t nfiles;
    const rt_report_facet *facets;
    size_t nfacets;
} rt_report;

/*
 * Write R as a table to FP: per facet the per-label figures, the averages,
 * accuracy (or subset accuracy and Hamming loss), fold mean and standard
 * deviation, the confusion matrix (up to 30 labels) and the learning curve,
 * where they apply.
 * Returns RT_OK or RT_EIO (a write failed).
 */
int rt_report_table(const rt_report *r, FILE *fp, rt_err *err);

/*
 * Write R to FP as JSON Lines, one object per facet:
 * {"facet", "n", "multi_label", "accuracy", "micro": {"precision",
 * "recall", "f1"}, "macro": {...}, "weighted": {...}, "labels": {LABEL:
 * {"precision", "recall", "f1", "support", "tp", "fp", "fn"}}, then
 * "confusion": {GOLD: {PREDICTED: count}} (single-label) or
 * "subset_accuracy" and "hamming_loss" (multi-label), "scores", and "folds"
 * ({"k", "seed", "mean", "sd", "per_fold"}) and "curve" when present.
 * Returns RT_OK, RT_ENOMEM or RT_EIO.
 */
int rt_report_json(const rt_report *r, FILE *fp, rt_err *err);

/*
 * Write R as one self-contained HTML page (inline CSS and SVG, no scripts,
 * no network) to PATH, atomically. Returns RT_OK, RT_EIO or RT_ENOMEM.
 */
int rt_report_save_html(const rt_report *r, const char *path, rt_err *err);

#endif
