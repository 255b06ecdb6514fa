/*
 * metrics.c - the accuracy accumulator behind `revtag eval`: counts of true
 * and false positives and false negatives per label, exact matches, wrong
 * (record, label) pairs and, for single-label facets, a confusion matrix.
 * Figures are computed from the counts on demand.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "revtag/metrics.h"
#include "rtint.h"

struct rt_metrics {
    char *facet;
    int multi;
    char **labels;          /* label strings by id, in order of first sight */
    size_t nlabels, cap;    /* ids in use / room in every per-label array */
    size_t *order;          /* label ids sorted by string (byte order) */
    size_t *tp, *fp, *fn;   /* per label id */
    size_t *conf;           /* single-label: cap x cap, row gold id, column predicted id */
    size_t n;               /* records added */
    size_t exact;           /* records whose predicted set equals the gold set */
    size_t wrong;           /* (record, label) pairs in one set and not the other */
    size_t pos[RT_METRICS_BINS], neg[RT_METRICS_BINS];
};

int rt_metrics_new(const char *facet, int multi_label, rt_metrics **out, rt_err *err)
{
    *out = NULL;
    rt_metrics *m = calloc(1, sizeof *m);
    if (!m || !(m->facet = rt_strdup(facet))) {
        free(m);
        return rt_err_set(err, RT_ENOMEM, "metrics: out of memory");
    }
    m->multi = multi_label != 0;
    *out = m;
    return RT_OK;
}

void rt_metrics_free(rt_metrics *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->nlabels; i++)
        free(m->labels[i]);
    free(m->labels);
    free(m->order);
    free(m->tp);
    free(m->fp);
    free(m->fn);
    free(m->conf);
    free(m->facet);
    free(m);
}

const char *rt_metrics_facet(const rt_metrics *m)
{
    return m->facet;
}

/* ------------------------------------------------------------ label table */

/* Grow one per-label array from OLD to NEW entries, zeroing the new ones. */
static int grow(void *pp, size_t elem, size_t old, size_t new)
{
    void **p = pp;
    char *q = realloc(*p, new * elem);
    if (!q)
        return RT_ENOMEM;
    memset(q + old * elem, 0, (new - old) * elem);
    *p = q;
    return RT_OK;
}

/* The confusion matrix re-laid out for a row length of NEW. */
static int grow_conf(rt_metrics *m, size_t new)
{
    size_t *c = calloc(new * new, sizeof *c);
    if (!c)
        return RT_ENOMEM;
    for (size_t g = 0; g < m->nlabels; g++)
        for (size_t p = 0; p < m->nlabels; p++)
            c[g * new + p] = m->conf[g * m->cap + p];
    free(m->conf);
    m->conf = c;
    return RT_OK;
}

/* Make room for WANT labels. Arrays already grown stay grown, which is harmless. */
static int reserve(rt_metrics *m, size_t want)
{
    if (want <= m->cap)
        return RT_OK;
    size_t new = m->cap ? m->cap : 8;
    while (new < want)
        new *= 2;
    if (grow(&m->labels, sizeof *m->labels, m->cap, new)
        || grow(&m->order, sizeof *m->order, m->cap, new)
        || grow(&m->tp, sizeof *m->tp, m->cap, new) || grow(&m->fp, sizeof *m->fp, m->cap, new)
        || grow(&m->fn, sizeof *m->fn, m->cap, new) || (!m->multi && grow_conf(m, new)))
        return RT_ENOMEM;
    m->cap = new;
    return RT_OK;
}

/* Position of LABEL in m->order, or where it would go (*found = 0). */
static size_t find(const rt_metrics *m, const char *label, int *found)
{
    size_t lo = 0, hi = m->nlabels;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(m->labels[m->order[mid]], label);
        if (c == 0) {
            *found = 1;
            return mid;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    *found = 0;
    return lo;
}

/* Id of LABEL, interning it (room must be reserved); (size_t)-1 when out of memory. */
static size_t intern(rt_metrics *m, const char *label)
{
    int found;
    size_t at = find(m, label, &found);
    if (found)
        return m->order[at];
    char *s = rt_strdup(label);
    if (!s)
        return (size_t)-1;
    size_t id = m->nlabels++;
    m->labels[id] = s;
    memmove(&m->order[at + 1], &m->order[at], (id - at) * sizeof *m->order);
    m->order[at] = id;
    return id;
}

/* Forget the labels with ids from OLD on (interned by a failed add). */
static void rollback(rt_metrics *m, size_t old)
{
    size_t j = 0;
    for (size_t i = 0; i < m->nlabels; i++)
        if (m->order[i] < old)
            m->order[j++] = m->order[i];
    for (size_t id = old; id < m->nlabels; id++)
        free(m->labels[id]);
    m->nlabels = old;
}

/* ------------------------------------------------------------ adding records */

static int in_set(const char *s, const char *const *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(v[i], s) == 0)
            return 1;
    return 0;
}

/* Intern every label of V (room reserved). RT_OK or RT_ENOMEM. */
static int intern_all(rt_metrics *m, const char *const *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (intern(m, v[i]) == (size_t)-1)
            return RT_ENOMEM;
    return RT_OK;
}

static size_t id_of(const rt_metrics *m, const char *label)
{
    int found;
    return m->order[find(m, label, &found)];
}

/* Update the counts for one record whose labels are all interned. */
static void count(rt_metrics *m, const char *const *gold, size_t ngold, const char *const *pred,
                  size_t npred)
{
    size_t hits = 0, ng = 0, np = 0, wrong = 0;
    for (size_t i = 0; i < ngold; i++) {
        if (in_set(gold[i], gold, i))
            continue;
        ng++;
        size_t id = id_of(m, gold[i]);
        if (in_set(gold[i], pred, npred)) {
            m->tp[id]++;
            hits++;
        } else {
            m->fn[id]++;
            wrong++;
        }
    }
    for (size_t i = 0; i < npred; i++) {
        if (in_set(pred[i], pred, i))
            continue;
        np++;
        if (!in_set(pred[i], gold, ngold)) {
            m->fp[id_of(m, pred[i])]++;
            wrong++;
        }
    }
    if (!m->multi)
        m->conf[id_of(m, gold[0]) * m->cap + id_of(m, pred[0])]++;
    if (hits == ng && hits == np)
        m->exact++;
    m->wrong += wrong;
    m->n++;
}

int rt_metrics_add(rt_metrics *m, const char *id, const char *const *gold, size_t ngold,
                   const char *const *pred, size_t npred, rt_err *err)
{
    if (!m->multi && (ngold != 1 || npred != 1))
        return rt_err_set(err, RT_EINVAL,
                          "%s: single-label facet '%s' needs one gold and one predicted label, "
                          "got %zu and %zu", id ? id : "record", m->facet, ngold, npred);
    size_t old = m->nlabels;
    if (reserve(m, old + ngold + npred) != RT_OK || intern_all(m, gold, ngold) != RT_OK
        || intern_all(m, pred, npred) != RT_OK) {
        rollback(m, old);
        return rt_err_set(err, RT_ENOMEM, "metrics: out of memory");
    }
    count(m, gold, ngold, pred, npred);
    return RT_OK;
}

void rt_metrics_add_score(rt_metrics *m, double score, int positive)
{
    if (isnan(score))
        return;
    double s = score < 0 ? 0 : score > 1 ? 1 : score;
    size_t bin = (size_t)(s * RT_METRICS_BINS);
    if (bin >= RT_METRICS_BINS)
        bin = RT_METRICS_BINS - 1;
    (positive ? m->pos : m->neg)[bin]++;
}

/* ------------------------------------------------------------ figures */

static double ratio(size_t a, size_t b)
{
    return b ? (double)a / (double)b : 0.0;
}

static rt_prf prf_of(size_t tp, size_t fp, size_t fn)
{
    rt_prf r = { ratio(tp, tp + fp), ratio(tp, tp + fn), 0.0 };
    if (r.precision + r.recall > 0)
        r.f1 = 2 * r.precision * r.recall / (r.precision + r.recall);
    return r;
}

void rt_metrics_get_label(const rt_metrics *m, size_t i, rt_label_metrics *out)
{
    size_t id = m->order[i];
    out->label = m->labels[id];
    out->tp = m->tp[id];
    out->fp = m->fp[id];
    out->fn = m->fn[id];
    out->support = out->tp + out->fn;
    out->prf = prf_of(out->tp, out->fp, out->fn);
}

void rt_metrics_get(const rt_metrics *m, rt_metrics_summary *out)
{
    memset(out, 0, sizeof *out);
    out->n = m->n;
    out->nlabels = m->nlabels;
    out->multi_label = m->multi;
    size_t tp = 0, fp = 0, fn = 0, support = 0;
    for (size_t i = 0; i < m->nlabels; i++) {
        rt_label_metrics l;
        rt_metrics_get_label(m, i, &l);
        tp += l.tp;
        fp += l.fp;
        fn += l.fn;
        support += l.support;
        double w = (double)l.support;
        out->macro.precision += l.prf.precision;
        out->macro.recall += l.prf.recall;
        out->macro.f1 += l.prf.f1;
        out->weighted.precision += w * l.prf.precision;
        out->weighted.recall += w * l.prf.recall;
        out->weighted.f1 += w * l.prf.f1;
    }
    double nl = m->nlabels ? (double)m->nlabels : 1.0, ns = support ? (double)support : 1.0;
    out->macro = (rt_prf){ out->macro.precision / nl, out->macro.recall / nl, out->macro.f1 / nl };
    out->weighted = (rt_prf){ out->weighted.precision / ns, out->weighted.recall / ns,
                              out->weighted.f1 / ns };
    out->micro = prf_of(tp, fp, fn);
    out->subset_accuracy = ratio(m->exact, m->n);
    out->accuracy = out->subset_accuracy;
    out->hamming_loss = ratio(m->wrong, m->n * m->nlabels);
}

size_t rt_metrics_confusion(const rt_metrics *m, size_t g, size_t p)
{
    return m->multi ? 0 : m->conf[m->order[g] * m->cap + m->order[p]];
}

void rt_metrics_get_scores(const rt_metrics *m, size_t *pos, size_t *neg)
{
    memcpy(pos, m->pos, sizeof m->pos);
    memcpy(neg, m->neg, sizeof m->neg);
}

/* ------------------------------------------------------------ spread across folds */

/* The double-valued figures of a summary, so mean and sd are one loop. */
static double *field(rt_metrics_summary *s, size_t i)
{
    double *f[] = { &s->accuracy, &s->subset_accuracy, &s->hamming_loss,
                    &s->micro.precision, &s->micro.recall, &s->micro.f1,
                    &s->macro.precision, &s->macro.recall, &s->macro.f1,
                    &s->weighted.precision, &s->weighted.recall, &s->weighted.f1 };
    return i < sizeof f / sizeof f[0] ? f[i] : NULL;
}

void rt_metrics_mean_sd(const rt_metrics_summary *s, size_t k, rt_metrics_summary *mean,
                        rt_metrics_summary *sd)
{
    memset(mean, 0, sizeof *mean);
    memset(sd, 0, sizeof *sd);
    if (k == 0)
        return;
    size_t n = 0, nl = 0;
    for (size_t j = 0; j < k; j++) {
        n += s[j].n;
        nl += s[j].nlabels;
    }
    mean->n = n / k;
    mean->nlabels = nl / k;
    mean->multi_label = sd->multi_label = s[0].multi_label;
    for (size_t i = 0; field(mean, i); i++) {
        double sum = 0, ss = 0;
        for (size_t j = 0; j < k; j++) {
            rt_metrics_summary t = s[j];
            sum += *field(&t, i);
        }
        double mu = sum / (double)k;
        for (size_t j = 0; j < k; j++) {
            rt_metrics_summary t = s[j];
            double d = *field(&t, i) - mu;
            ss += d * d;
        }
        *field(mean, i) = mu;
        *field(sd, i) = k > 1 ? sqrt(ss / (double)(k - 1)) : 0.0;
    }
}
