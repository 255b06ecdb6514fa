/*
 * metrics.h - accuracy of one facet's tags: records are added one at a time
 * as (gold labels, predicted labels) and the accumulator gives per-label
 * support, precision, recall and F1, their micro, macro and weighted
 * averages, accuracy, subset accuracy, Hamming loss and a confusion matrix.
 */
#ifndef REVTAG_METRICS_H
#define REVTAG_METRICS_H

#include <stddef.h>
#include "revtag/revtag.h"

/*
 * Definitions (the same as scikit-learn's with zero_division=0):
 * - per label: precision = tp / (tp + fp), recall = tp / (tp + fn),
 *   F1 = 2PR / (P + R); every 0/0 is defined as 0.
 * - the labels are those in the gold or the predicted sets of the records
 *   added (a label never seen does not count in the macro average).
 * - micro: P, R and F1 of the summed tp, fp, fn; macro: the unweighted mean
 *   of the per-label P, R and F1; weighted: their mean weighted by support.
 * - single-label: accuracy = share of records whose one predicted label is
 *   the gold one (equal to micro P, R and F1).
 * - multi-label: accuracy = subset accuracy = share of records whose
 *   predicted set equals the gold set; Hamming loss = wrong (record, label)
 *   pairs / (records x labels).
 */

typedef struct rt_metrics rt_metrics;

/* Precision, recall and F1: a plain value. */
typedef struct rt_prf {
    double precision, recall, f1;
} rt_prf;

/* The facet-wide figures: a plain value. */
typedef struct rt_metrics_summary {
    size_t n;                /* records added */
    size_t nlabels;          /* distinct labels seen (gold or predicted) */
    int multi_label;         /* as given to rt_metrics_new */
    double accuracy;         /* single: share right; multi: = subset_accuracy */
    double subset_accuracy;  /* share of records with predicted set == gold set */
    double hamming_loss;     /* wrong (record, label) pairs / (n * nlabels) */
    rt_prf micro, macro, weighted;
} rt_metrics_summary;

/* One label's figures; label is owned by the rt_metrics it came from. */
typedef struct rt_label_metrics {
    const char *label;
    size_t support;          /* records whose gold set holds the label */
    size_t tp, fp, fn;
    rt_prf prf;
} rt_label_metrics;

#define RT_METRICS_BINS 20   /* score histogram: bins of width 1/20 over [0, 1] */

/*
 * New empty accumulator for FACET (copied). MULTI_LABEL 0 requires exactly
 * one gold and one predicted label per record and keeps a confusion matrix.
 * *out is owned by the caller (rt_metrics_free). Returns RT_OK or RT_ENOMEM.
 */
int rt_metrics_new(const char *facet, int multi_label, rt_metrics **out, rt_err *err);

/* Free; NULL is safe. */
void rt_metrics_free(rt_metrics *m);

/* The facet name, owned by M. */
const char *rt_metrics_facet(const rt_metrics *m);

/*
 * Add one record: its NGOLD gold labels and NPRED predicted labels (strings
 * copied; repeats within a set are ignored). ID names the record in the
 * error message (may be NULL). Returns RT_OK, RT_ENOMEM, or RT_EINVAL when a
 * single-label accumulator gets other than one gold and one predicted
 * label; M is unchanged on failure.
 */
int rt_metrics_add(rt_metrics *m, const char *id, const char *const *gold, size_t ngold,
                   const char *const *pred, size_t npred, rt_err *err);

/*
 * Count one score in the histograms of scores given to gold labels
 * (POSITIVE 1) and to labels that are not gold (POSITIVE 0). Scores are
 * clamped to [0, 1]; NaN is ignored.
 */
void rt_metrics_add_score(rt_metrics *m, double score, int positive);

/* The facet-wide figures as of now into *out. */
void rt_metrics_get(const rt_metrics *m, rt_metrics_summary *out);

/* Label I (< nlabels) in byte order of the label strings into *out. */
void rt_metrics_get_label(const rt_metrics *m, size_t i, rt_label_metrics *out);

/*
 * Records with gold label G and predicted label P (indices as in
 * rt_metrics_get_label); 0 for a multi-label accumulator.
 */
size_t rt_metrics_confusion(const rt_metrics *m, size_t g, size_t p);

/* Copy the score histograms (RT_METRICS_BINS counts each) to POS and NEG. */
void rt_metrics_get_scores(const rt_metrics *m, size_t *pos, size_t *neg);

/*
 * Mean and sample standard deviation (n - 1 denominator; 0 when K < 2) of
 * every figure of the K summaries S (e.g. one per fold) into *mean and *sd.
 * Counts (n, nlabels) are averaged too and rounded down; multi_label is
 * taken from S[0]. K = 0 gives zeros.
 */
void rt_metrics_mean_sd(const rt_metrics_summary *s, size_t k, rt_metrics_summary *mean,
                        rt_metrics_summary *sd);

#endif
