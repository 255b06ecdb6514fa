/*
 * linear.c - L2-regularised L2-loss linear SVM trained by dual coordinate
 * descent with shrinking (Hsieh et al., ICML 2008, the method of
 * liblinear's -s 1). Binary; the model trains one per label in parallel.
 * Deterministic: the visiting order comes from a PRNG seeded per problem.
 */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "revtag/features.h"
#include "rtint.h"

/* xorshift64* : small, fast, and the same sequence on every machine. */
static uint64_t rng_next(uint64_t *s)
{
    uint64_t x = *s;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *s = x;
    return x * 0x2545F4914F6CDD1DULL;
}

uint64_t rt_rng_seed(uint64_t seed, uint64_t stream)
{
    uint64_t s = seed * 0x9E3779B97F4A7C15ULL + stream * 0xD1B54A32D192ED03ULL + 1;
    s ^= s >> 31;
    return s ? s : 0x853c49e6748fea9bULL;
}

size_t rt_rng_below(uint64_t *s, size_t n)
{
    return (size_t)(rng_next(s) % (uint64_t)n);
}

/* Decision value of row R (without bias) under W, with entry values V. */
static double row_dot(const rt_sparse *x, const float *v, size_t r, const float *w)
{
    float d = 0;
    for (size_t k = x->ptr[r]; k < x->ptr[r + 1]; k++)
        d += w[x->idx[k]] * v[k];
    return d;
}

static void row_axpy(const rt_sparse *x, const float *v, size_t r, double a, float *w)
{
    float af = (float)a;
    for (size_t k = x->ptr[r]; k < x->ptr[r + 1]; k++)
        w[x->idx[k]] += af * v[k];
}

static double row_sqnorm(const rt_sparse *x, const float *v, size_t r)
{
    double q = 0;
    for (size_t k = x->ptr[r]; k < x->ptr[r + 1]; k++)
        q += (double)v[k] * v[k];
    return q;
}

/*
 * Rows are visited in random order, so each one's entries start cold and the
 * solver would wait on memory at every row: ask for the entries of the row
 * PREFETCH_AHEAD visits ahead while this one is computed (-20% time on 20NG).
 */
#define PREFETCH_AHEAD 4

static void prefetch_row(const rt_sparse *x, const float *v, size_t r)
{
    const char *a = (const char *)(x->idx + x->ptr[r]), *ae = (const char *)(x->idx + x->ptr[r + 1]);
    const char *b = (const char *)(v + x->ptr[r]);
    for (; a < ae; a += 64, b += 64) {
        __builtin_prefetch(a);
        __builtin_prefetch(b);
    }
}

/* Solver state for one problem. */
typedef struct svm {
    const rt_svm_problem *p;
    double *alpha, *qd;     /* per training row */
    size_t *order;          /* visiting order; [0, active) not shrunk */
    float *w;               /* the weights while solving (single precision: half the cache) */
    double *b;
    const float *v;         /* entry values: p->vals or the matrix's own */
    uint64_t rng;
} svm;

/*
 * One pass over the active rows in a fresh random order; returns the
 * projected-gradient range. With the L2 loss alpha has no upper bound, so
 * only rows at alpha = 0 with a gradient above the last pass's maximum shrink.
 */
static void svm_pass(svm *S, size_t *active, double pgmax_old, double *pgmax, double *pgmin)
{
    const rt_svm_problem *p = S->p;
    for (size_t s = 0; s + 1 < *active; s++) {
        size_t k = s + rt_rng_below(&S->rng, *active - s), t = S->order[s];
        S->order[s] = S->order[k];
        S->order[k] = t;
    }
    *pgmax = -DBL_MAX;
    *pgmin = DBL_MAX;
    for (size_t s = 0; s < *active; s++) {
        size_t i = S->order[s], r = p->rows[i];
        if (s + PREFETCH_AHEAD < *active)
            prefetch_row(p->x, S->v, p->rows[S->order[s + PREFETCH_AHEAD]]);
        double yi = p->y[i] > 0 ? 1.0 : -1.0, diag = 0.5 / (p->y[i] > 0 ? p->cpos : p->cneg);
        double g = yi * (row_dot(p->x, S->v, r, S->w) + *S->b) - 1.0 + S->alpha[i] * diag;
        double pg = g;
        if (S->alpha[i] == 0) {
            if (g > pgmax_old) {   /* shrink: stays at the bound */
                (*active)--;
                S->order[s] = S->order[*active];
                S->order[*active] = i;
                s--;
                continue;
            }
            if (g > 0)
                pg = 0;
        }
        if (pg > *pgmax)
            *pgmax = pg;
        if (pg < *pgmin)
            *pgmin = pg;
        if (fabs(pg) > 1e-12) {
            double old = S->alpha[i];
            S->alpha[i] = fmax(old - g / S->qd[i], 0.0);
            double d = (S->alpha[i] - old) * yi;
            row_axpy(p->x, S->v, r, d, S->w);
            *S->b += d;
        }
    }
}

static int svm_solve(svm *S)
{
    const rt_svm_problem *p = S->p;
    size_t n = p->nrows, active = n;
    double pgmax_old = DBL_MAX;
    int iter = 0;
    for (; iter < p->max_iter; iter++) {
        double pgmax, pgmin;
        svm_pass(S, &active, pgmax_old, &pgmax, &pgmin);
        if (pgmax - pgmin <= p->eps) {
            if (active == n)
                break;
            active = n;   /* converged on the active set: check every row once more */
            pgmax_old = DBL_MAX;
            continue;
        }
        pgmax_old = pgmax <= 0 ? DBL_MAX : pgmax;
    }
    return iter;
}

int rt_svm_train(const rt_svm_problem *p, float *w, double *b, double *alpha)
{
    size_t n = p->nrows;
    svm S = { p, alpha, NULL, NULL, w, b, p->vals ? p->vals : p->x->val,
              rt_rng_seed(p->seed, 0x5356u) };
    S.qd = malloc((n ? n : 1) * sizeof *S.qd);
    S.order = malloc((n ? n : 1) * sizeof *S.order);
    if (!S.qd || !S.order) {
        free(S.qd);
        free(S.order);
        return RT_ENOMEM;
    }
    memset(w, 0, p->x->ncols * sizeof *w);
    *b = 0;
    for (size_t i = 0; i < n; i++) {
        alpha[i] = 0;
        S.order[i] = i;
        S.qd[i] = 0.5 / (p->y[i] > 0 ? p->cpos : p->cneg) + row_sqnorm(p->x, S.v, p->rows[i])
                  + 1.0;   /* the bias feature, value 1 */
    }
    svm_solve(&S);
    free(S.qd);
    free(S.order);
    return RT_OK;
}
