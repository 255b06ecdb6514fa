/*
 * train.c - fitting one facet: per-label weights for each algorithm (one
 * label at a time, labels in parallel), held-out decision values from k-fold
 * cross-validation (or leave-one-out estimates for large SVM facets),
 * calibration and per-label thresholds fitted on them, and the choice made
 * by --algo auto. Every label's work is sequential and seeded, so the
 * result does not depend on the number of threads.
 */
#include <math.h>
#include <omp.h>
#include <stdlib.h>
#include <string.h>

#include "revtag/model.h"
#include "rtint.h"

#define MIN_POS_FOR_THRESHOLD 3   /* fewer positives: threshold 0.5 on the calibrated score */
#define SVM_EPS 0.1               /* liblinear's default stopping tolerance for the dual */
#define SVM_MAX_ITER 1000

/* What one run over the labels trains on and produces. */
typedef struct fold {
    const uint32_t *tr;     /* facet rows (indices into fd->rows) to train on */
    size_t ntr;
    const uint32_t *ev;     /* facet rows to write decision values for */
    size_t nev;
    double *tot;            /* per-feature sums over tr of the algorithm's statistic */
    double *D;              /* decision values, nrows x nlabels */
    int loo;                /* write leave-one-out estimates for the tr rows */
    float *wl;              /* final run: weights, nlabels x nterms (label-major) */
    double *bias;           /* final run: bias per label */
    uint64_t stream;        /* PRNG stream of this run */
} fold;

typedef struct ctx {
    const rt_facet_data *fd;
    const struct rt_model *m;
    int algo, threads;
    const rt_sparse *X;     /* counts for MNB, TF-IDF otherwise */
    size_t V, L;
} ctx;

/* Per-thread buffers. */
typedef struct scratch {
    float *w;               /* the label's weights */
    double *pos, *tmp, *alpha;
    float *r, *xv;          /* NB ratios; NB-scaled entry values of the matrix */
    int8_t *y;
    uint32_t *rows;
} scratch;

void rt_fmodel_clear(rt_fmodel *fm)
{
    if (!fm)
        return;
    free(fm->name);
    for (size_t l = 0; fm->labels && l < fm->nlabels; l++)
        free(fm->labels[l]);
    free(fm->labels);
    free(fm->support);
    free(fm->w);
    free(fm->bias);
    free(fm->pa);
    free(fm->pb);
    free(fm->threshold);
    memset(fm, 0, sizeof *fm);
}

static void scratch_free(scratch *s)
{
    free(s->w);
    free(s->pos);
    free(s->tmp);
    free(s->alpha);
    free(s->r);
    free(s->xv);
    free(s->y);
    free(s->rows);
}

static int scratch_new(scratch *s, const ctx *c)
{
    size_t V = c->V, n = c->fd->nrows, nnz = c->X->ptr[c->X->nrows];
    memset(s, 0, sizeof *s);
    s->w = malloc((V + 1) * sizeof *s->w);
    s->pos = malloc((V + 1) * sizeof *s->pos);
    s->tmp = malloc((V + 1) * sizeof *s->tmp);
    s->r = malloc((V + 1) * sizeof *s->r);
    s->alpha = malloc((n + 1) * sizeof *s->alpha);
    s->y = malloc(n + 1);
    s->rows = malloc((n + 1) * sizeof *s->rows);
    if (c->algo == RT_ALGO_NBSVM)
        s->xv = rt_malloc_big((nnz + 1) * sizeof *s->xv);
    return s->w && s->pos && s->tmp && s->r && s->alpha && s->y && s->rows
                   && (s->xv || c->algo != RT_ALGO_NBSVM)
               ? RT_OK
               : RT_ENOMEM;
}

/* ------------------------------------------------------ naive Bayes weights */

/* Statistic summed per feature: counts, TF-IDF values, or presence (NBSVM). */
static double stat(int algo, float v)
{
    return algo == RT_ALGO_NBSVM ? (v > 0) : (double)v;
}

/* pos[j] = statistic summed over the training rows carrying label L; returns their number. */
static size_t label_sums(const ctx *c, const fold *F, size_t l, double *pos)
{
    size_t npos = 0;
    memset(pos, 0, c->V * sizeof *pos);
    for (size_t i = 0; i < F->ntr; i++) {
        uint32_t fr = F->tr[i];
        if (!c->fd->Y[(size_t)fr * c->L + l])
            continue;
        npos++;
        size_t r = c->fd->rows[fr];
        for (size_t k = c->X->ptr[r]; k < c->X->ptr[r + 1]; k++)
            pos[c->X->idx[k]] += stat(c->algo, c->X->val[k]);
    }
    return npos;
}

/* Log of smoothed relative frequencies of CNT (or TOT - CNT when COMPL) into OUT. */
static void log_theta(const double *cnt, const double *tot, int compl, size_t V, double alpha,
                      double *out)
{
    double sum = 0;
    for (size_t j = 0; j < V; j++) {
        double v = compl ? fmax(tot[j] - cnt[j], 0.0) : cnt[j];
        out[j] = v;
        sum += v;
    }
    double den = log(sum + alpha * (double)V);
    for (size_t j = 0; j < V; j++)
        out[j] = log(out[j] + alpha) - den;
}

static void l1_normalise(double *v, size_t V)
{
    double s = 0;
    for (size_t j = 0; j < V; j++)
        s += fabs(v[j]);
    for (size_t j = 0; s > 0 && j < V; j++)
        v[j] /= s;
}

/* MNB / CNB weights of label L into w, bias into *b. */
static void train_nb(const ctx *c, const fold *F, size_t l, scratch *s, double *b)
{
    size_t V = c->V, npos = label_sums(c, F, l, s->pos), nneg = F->ntr - npos;
    double a = c->m->alpha;
    if (c->algo == RT_ALGO_MNB && !c->fd->multi) {
        log_theta(s->pos, NULL, 0, V, a, s->tmp);
        for (size_t j = 0; j < V; j++)
            s->w[j] = (float)s->tmp[j];
        *b = log(((double)npos + 1) / ((double)F->ntr + (double)c->L));
    } else if (c->algo == RT_ALGO_CNB && !c->fd->multi) {
        log_theta(s->pos, F->tot, 1, V, a, s->tmp);   /* complement of label L */
        l1_normalise(s->tmp, V);
        for (size_t j = 0; j < V; j++)
            s->w[j] = (float)-s->tmp[j];
        *b = 0;
    } else {                                        /* one-vs-rest: label vs the rest */
        log_theta(s->pos, NULL, 0, V, a, s->tmp);
        log_theta(s->pos, F->tot, 1, V, a, s->pos);
        if (c->algo == RT_ALGO_CNB) {
            l1_normalise(s->tmp, V);
            l1_normalise(s->pos, V);
        }
        for (size_t j = 0; j < V; j++)
            s->w[j] = (float)(s->tmp[j] - s->pos[j]);
        *b = c->algo == RT_ALGO_CNB ? 0 : log(((double)npos + 1) / ((double)nneg + 1));
    }
}

/* ------------------------------------------------------------ SVM weights */

/* NB log-count ratios of presence for label L (Wang & Manning's r) into s->r. */
static void nb_ratios(const ctx *c, const fold *F, size_t l, scratch *s)
{
    label_sums(c, F, l, s->pos);
    double sp = 0, sq = 0;
    for (size_t j = 0; j < c->V; j++) {
        sp += s->pos[j] + 1;
        sq += fmax(F->tot[j] - s->pos[j], 0.0) + 1;
    }
    for (size_t j = 0; j < c->V; j++)
        s->r[j] = (float)(log((s->pos[j] + 1) / sp) - log((fmax(F->tot[j] - s->pos[j], 0.0) + 1) / sq));
}

static int train_svm(const ctx *c, const fold *F, size_t l, scratch *s, double *b)
{
    for (size_t i = 0; i < F->ntr; i++) {
        s->rows[i] = c->fd->rows[F->tr[i]];
        s->y[i] = c->fd->Y[(size_t)F->tr[i] * c->L + l] ? 1 : -1;
    }
    if (c->algo == RT_ALGO_NBSVM) {
        nb_ratios(c, F, l, s);
        for (size_t i = 0; i < F->ntr; i++)   /* the training rows' entries, scaled */
            for (size_t k = c->X->ptr[s->rows[i]]; k < c->X->ptr[s->rows[i] + 1]; k++)
                s->xv[k] = s->r[c->X->idx[k]] * c->X->val[k];
    }
    rt_svm_problem p = { c->X, s->rows, F->ntr, s->y, c->algo == RT_ALGO_NBSVM ? s->xv : NULL,
                         c->m->C, c->m->C, SVM_EPS, SVM_MAX_ITER,
                         rt_rng_seed(c->m->seed, F->stream * 4096 + l) };
    if (rt_svm_train(&p, s->w, b, s->alpha) != RT_OK)
        return RT_ENOMEM;
    if (c->algo == RT_ALGO_NBSVM)
        for (size_t j = 0; j < c->V; j++)
            s->w[j] *= s->r[j];   /* back to the unscaled TF-IDF space */
    return RT_OK;
}

/* ------------------------------------------------------------ one label */

static double row_decision(const rt_sparse *X, size_t r, const float *w, double b)
{
    double d = b;
    for (size_t k = X->ptr[r]; k < X->ptr[r + 1]; k++)
        d += (double)w[X->idx[k]] * X->val[k];
    return d;
}

/*
 * Leave-one-out estimate for training row I (Jaakkola & Haussler): remove
 * the row's own term alpha_i y_i x_i from w and the bias.
 */
static double loo_decision(const ctx *c, const scratch *s, size_t i, double d)
{
    size_t r = s->rows[i];
    const float *v = c->algo == RT_ALGO_NBSVM ? s->xv : c->X->val;
    double q = 1.0;
    for (size_t k = c->X->ptr[r]; k < c->X->ptr[r + 1]; k++)
        q += (double)v[k] * v[k];
    return d - s->alpha[i] * s->y[i] * q;
}

static int train_label(const ctx *c, const fold *F, size_t l, scratch *s)
{
    double b = 0;
    int svm = c->algo == RT_ALGO_SVM || c->algo == RT_ALGO_NBSVM;
    if (svm && train_svm(c, F, l, s, &b) != RT_OK)
        return RT_ENOMEM;
    if (!svm)
        train_nb(c, F, l, s, &b);
    for (size_t i = 0; i < F->nev; i++) {
        size_t fr = F->ev[i];
        F->D[fr * c->L + l] = row_decision(c->X, c->fd->rows[fr], s->w, b);
    }
    for (size_t i = 0; F->loo && i < F->ntr; i++) {
        size_t fr = F->tr[i];
        F->D[fr * c->L + l] = loo_decision(c, s, i, row_decision(c->X, s->rows[i], s->w, b));
    }
    if (F->wl) {   /* label-major here; transposed into the model once all are done */
        memcpy(F->wl + l * c->V, s->w, c->V * sizeof *s->w);
        F->bias[l] = b;
    }
    return RT_OK;
}

/* Per-feature sums over the fold's training rows (what NB and NBSVM need). */
static void fold_totals(const ctx *c, fold *F)
{
    memset(F->tot, 0, c->V * sizeof *F->tot);
    if (c->algo == RT_ALGO_SVM)
        return;
    for (size_t i = 0; i < F->ntr; i++) {
        size_t r = c->fd->rows[F->tr[i]];
        for (size_t k = c->X->ptr[r]; k < c->X->ptr[r + 1]; k++)
            F->tot[c->X->idx[k]] += stat(c->algo, c->X->val[k]);
    }
}

/* Train every label of the fold, labels in parallel. */
static int run_labels(const ctx *c, fold *F)
{
    fold_totals(c, F);
    int bad = 0;
#pragma omp parallel num_threads(c->threads) reduction(| : bad)
    {
        scratch s;
        int ok = scratch_new(&s, c) == RT_OK;
#pragma omp for schedule(dynamic, 1)
        for (size_t l = 0; l < c->L; l++)
            if (!ok || train_label(c, F, l, &s) != RT_OK)
                bad = 1;
        scratch_free(&s);
    }
    return bad ? RT_ENOMEM : RT_OK;
}

/* ------------------------------------------------------------ CV and calibration */

/* Fold of each facet row: a seeded shuffle, stratified by label when single-label. */
static int make_folds(const rt_facet_data *fd, unsigned k, uint64_t seed, uint32_t *fold_of)
{
    size_t n = fd->nrows;
    uint32_t *perm = malloc((n + 1) * sizeof *perm), *sorted = malloc((n + 1) * sizeof *sorted);
    size_t *start = calloc(fd->nlabels + 1, sizeof *start);
    if (!perm || !sorted || !start) {
        free(perm);
        free(sorted);
        free(start);
        return RT_ENOMEM;
    }
    uint64_t rng = rt_rng_seed(seed, 0xF01D);
    for (size_t i = 0; i < n; i++)
        perm[i] = (uint32_t)i;
    for (size_t i = n; i > 1; i--) {
        size_t j = rt_rng_below(&rng, i);
        uint32_t t = perm[i - 1];
        perm[i - 1] = perm[j];
        perm[j] = t;
    }
    if (!fd->multi) {   /* stable counting sort by label: each fold gets every label's share */
        for (size_t i = 0; i < n; i++)
            start[fd->y1[i] + 1]++;
        for (size_t l = 0; l < fd->nlabels; l++)
            start[l + 1] += start[l];
        for (size_t i = 0; i < n; i++)
            sorted[start[fd->y1[perm[i]]]++] = perm[i];
        memcpy(perm, sorted, n * sizeof *perm);
    }
    for (size_t i = 0; i < n; i++)
        fold_of[perm[i]] = (uint32_t)(i % k);
    free(perm);
    free(sorted);
    free(start);
    return RT_OK;
}

/* Held-out decision values of every facet row by K-fold cross-validation. */
static int cross_validate(const ctx *c, unsigned k, double *D)
{
    size_t n = c->fd->nrows;
    uint32_t *fold_of = malloc((n + 1) * sizeof *fold_of), *tr = malloc((n + 1) * sizeof *tr);
    uint32_t *ev = malloc((n + 1) * sizeof *ev);
    double *tot = malloc((c->V + 1) * sizeof *tot);
    int rc = fold_of && tr && ev && tot ? make_folds(c->fd, k, c->m->seed, fold_of) : RT_ENOMEM;
    for (unsigned f = 0; rc == RT_OK && f < k; f++) {
        fold F = { tr, 0, ev, 0, tot, D, 0, NULL, NULL, f + 1 };
        for (size_t i = 0; i < n; i++) {
            if (fold_of[i] == f)
                ev[F.nev++] = (uint32_t)i;
            else
                tr[F.ntr++] = (uint32_t)i;
        }
        rc = run_labels(c, &F);
    }
    free(fold_of);
    free(tr);
    free(ev);
    free(tot);
    return rc;
}

static int calibrate(const rt_facet_data *fd, const double *D, rt_fmodel *fm)
{
    size_t n = fd->nrows, L = fd->nlabels;
    if (!fd->multi)
        return rt_softmax_fit(D, fd->y1, n, L, &fm->temp);
    double *col = malloc((n + 1) * sizeof *col);
    uint8_t *pos = malloc(n + 1);
    if (!col || !pos) {
        free(col);
        free(pos);
        return RT_ENOMEM;
    }
    int rc = RT_OK;
    for (size_t l = 0; rc == RT_OK && l < L; l++) {
        for (size_t i = 0; i < n; i++) {
            col[i] = D[i * L + l];
            pos[i] = fd->Y[i * L + l];
        }
        rt_platt_fit(col, pos, n, &fm->pa[l], &fm->pb[l]);
        for (size_t i = 0; i < n; i++)
            col[i] = rt_platt_apply(col[i], fm->pa[l], fm->pb[l]);
        rc = rt_threshold_fit(col, pos, n, MIN_POS_FOR_THRESHOLD, &fm->threshold[l]);
    }
    free(col);
    free(pos);
    return rc;
}

/* Held-out accuracy (single-label) or micro-F1 at the fitted thresholds (multi-label). */
static double metric(const rt_facet_data *fd, const double *D, const rt_fmodel *fm)
{
    size_t n = fd->nrows, L = fd->nlabels, good = 0, tp = 0, fp = 0, fn = 0;
    for (size_t i = 0; i < n; i++) {
        const double *d = D + i * L;
        size_t best = 0;
        for (size_t l = 0; l < L; l++) {
            if (d[l] > d[best])
                best = l;
            int yes = fd->multi && rt_platt_apply(d[l], fm->pa[l], fm->pb[l]) >= fm->threshold[l];
            int truth = fd->Y[i * L + l];
            tp += yes && truth;
            fp += yes && !truth;
            fn += !yes && truth;
        }
        good += !fd->multi && best == fd->y1[i];
    }
    if (!fd->multi)
        return n ? (double)good / (double)n : 0;
    return tp ? 2.0 * (double)tp / (double)(2 * tp + fp + fn) : 0;
}

/* Defaults when there are too few records to hold any out. */
static void calibrate_default(const rt_facet_data *fd, rt_fmodel *fm)
{
    fm->temp = 1;
    for (size_t l = 0; fd->multi && l < fd->nlabels; l++) {
        fm->pa[l] = -1;
        fm->pb[l] = 0;
        fm->threshold[l] = 0.5;
    }
    fm->cv_metric = 0;
}

/* ------------------------------------------------------------ a facet */

static int ctx_init(ctx *c, const rt_facet_data *fd, const struct rt_model *m, int algo, int threads)
{
    c->fd = fd;
    c->m = m;
    c->algo = algo;
    c->threads = threads > 0 ? threads : omp_get_max_threads();
    c->X = algo == RT_ALGO_MNB ? fd->cnt : fd->tfidf;
    c->V = fd->cnt->ncols;
    c->L = fd->nlabels;
    return RT_OK;
}

/* --algo auto: cross-validate every algorithm; keep the best one's decision values in D. */
static int choose_algo(const rt_facet_data *fd, const struct rt_model *m, int threads, unsigned k,
                       double *D, rt_fmodel *fm)
{
    static const int ALGOS[] = { RT_ALGO_NBSVM, RT_ALGO_SVM, RT_ALGO_CNB, RT_ALGO_MNB };
    size_t nd = fd->nrows * fd->nlabels;
    double *Dc = malloc((nd + 1) * sizeof *Dc), best = -1;
    int rc = Dc ? RT_OK : RT_ENOMEM;
    for (size_t a = 0; rc == RT_OK && a < sizeof ALGOS / sizeof ALGOS[0]; a++) {
        ctx c;
        ctx_init(&c, fd, m, ALGOS[a], threads);
        if ((rc = cross_validate(&c, k, Dc)) == RT_OK && (rc = calibrate(fd, Dc, fm)) == RT_OK) {
            double s = metric(fd, Dc, fm);
            if (s > best) {   /* ties keep the earlier (usually more accurate) algorithm */
                best = s;
                fm->algo = ALGOS[a];
                memcpy(D, Dc, nd * sizeof *D);
            }
        }
    }
    free(Dc);
    return rc;
}

static int facet_alloc(const rt_facet_data *fd, size_t V, rt_fmodel *fm)
{
    size_t L = fd->nlabels;
    fm->w = rt_malloc_big((V * L + 1) * sizeof *fm->w);
    fm->bias = calloc(L + 1, sizeof *fm->bias);
    fm->pa = calloc(L + 1, sizeof *fm->pa);
    fm->pb = calloc(L + 1, sizeof *fm->pb);
    fm->threshold = calloc(L + 1, sizeof *fm->threshold);
    return fm->w && fm->bias && fm->pa && fm->pb && fm->threshold ? RT_OK : RT_ENOMEM;
}

/* Single-label NB: centre each feature's weights over the labels (softmax-invariant),
 * so a weight reads as evidence for the label against the average label. */
static void centre_weights(rt_fmodel *fm, size_t V)
{
    size_t L = fm->nlabels;
    for (size_t j = 0; j < V; j++) {
        double s = 0;
        for (size_t l = 0; l < L; l++)
            s += fm->w[j * L + l];
        for (size_t l = 0; l < L; l++)
            fm->w[j * L + l] = (float)(fm->w[j * L + l] - s / (double)L);
    }
}

/* Label-major WL (L x V) into the model's feature-major weights, a block of features at a time. */
static void transpose(const float *wl, size_t L, size_t V, float *w)
{
    for (size_t jb = 0; jb < V; jb += 256) {
        size_t je = jb + 256 < V ? jb + 256 : V;
        for (size_t l = 0; l < L; l++)
            for (size_t j = jb; j < je; j++)
                w[j * L + l] = wl[l * V + j];
    }
}

static int final_fit(const rt_facet_data *fd, const struct rt_model *m, int threads, int loo,
                     double *D, rt_fmodel *fm)
{
    size_t n = fd->nrows, V = fd->cnt->ncols, L = fd->nlabels;
    uint32_t *all = malloc((n + 1) * sizeof *all);
    double *tot = malloc((V + 1) * sizeof *tot);
    float *wl = rt_malloc_big((L * V + 1) * sizeof *wl);
    int rc = all && tot && wl ? RT_OK : RT_ENOMEM;
    if (rc == RT_OK) {
        for (size_t i = 0; i < n; i++)
            all[i] = (uint32_t)i;
        ctx c;
        ctx_init(&c, fd, m, fm->algo, threads);
        fold F = { all, n, NULL, 0, tot, D, loo, wl, fm->bias, 0 };
        rc = run_labels(&c, &F);
    }
    if (rc == RT_OK)
        transpose(wl, L, V, fm->w);
    if (rc == RT_OK && !fd->multi && (fm->algo == RT_ALGO_MNB || fm->algo == RT_ALGO_CNB))
        centre_weights(fm, V);
    free(all);
    free(tot);
    free(wl);
    return rc;
}

int rt_facet_train(const rt_facet_data *fd, int algo, const struct rt_model *m, int threads,
                   rt_fmodel *fm)
{
    size_t n = fd->nrows, V = fd->cnt->ncols;
    unsigned k = m->cv < 2 ? 2 : m->cv;
    if (k > n)
        k = (unsigned)n;
    fm->multi = fd->multi;
    fm->algo = algo;
    double *D = malloc((n * fd->nlabels + 1) * sizeof *D);
    int rc = D ? facet_alloc(fd, V, fm) : RT_ENOMEM;
    int svm = algo == RT_ALGO_SVM || algo == RT_ALGO_NBSVM;
    fm->loo = svm && m->cv_max && n > m->cv_max && k >= 2;
    if (rc == RT_OK && k >= 2 && algo == RT_ALGO_AUTO) {
        fm->loo = 0;
        rc = choose_algo(fd, m, threads, k, D, fm);
    } else if (rc == RT_OK && k >= 2 && !fm->loo) {
        ctx c;
        ctx_init(&c, fd, m, algo, threads);
        rc = cross_validate(&c, k, D);
    }
    if (rc == RT_OK && fm->algo == RT_ALGO_AUTO)
        fm->algo = RT_ALGO_NBSVM;   /* too few records to compare: the usual winner */
    if (rc == RT_OK)
        rc = final_fit(fd, m, threads, fm->loo, D, fm);
    if (rc == RT_OK && k >= 2 && (rc = calibrate(fd, D, fm)) == RT_OK)
        fm->cv_metric = metric(fd, D, fm);
    else if (rc == RT_OK)
        calibrate_default(fd, fm);
    free(D);
    return rc;
}
