/*
 * calib.c - turning decision values into calibrated scores and decisions:
 * Platt scaling per label (Newton's method with backtracking, as refined by
 * Lin, Lin & Weng 2007), one softmax temperature for single-label facets,
 * and the F1-maximising threshold per label. All fitted on held-out
 * (cross-validated) decision values.
 */
#include <math.h>
#include <stdlib.h>

#include "rtint.h"

/* ---------------------------------------------------------------- Platt */

/* log(1 + exp(-|z|)) + max(z, 0)-style stable pieces of the Platt loss. */
static double platt_loss(const double *dec, const uint8_t *pos, size_t n, double hi, double lo,
                         double A, double B)
{
    double f = 0;
    for (size_t i = 0; i < n; i++) {
        double t = pos[i] ? hi : lo, z = dec[i] * A + B;
        f += z >= 0 ? t * z + log1p(exp(-z)) : (t - 1) * z + log1p(exp(z));
    }
    return f;
}

void rt_platt_fit(const double *dec, const uint8_t *pos, size_t n, double *A, double *B)
{
    double np = 0, nn = 0;
    for (size_t i = 0; i < n; i++)
        np += pos[i] ? 1 : 0;
    nn = (double)n - np;
    double hi = (np + 1) / (np + 2), lo = 1 / (nn + 2);
    double a = 0, b = log((nn + 1) / (np + 1)), sigma = 1e-12;
    double f = platt_loss(dec, pos, n, hi, lo, a, b);
    for (int it = 0; it < 100; it++) {
        double h11 = sigma, h22 = sigma, h21 = 0, g1 = 0, g2 = 0;
        for (size_t i = 0; i < n; i++) {
            double t = pos[i] ? hi : lo, z = dec[i] * a + b;
            double p = z >= 0 ? exp(-z) / (1 + exp(-z)) : 1 / (1 + exp(z));
            double q = 1 - p, d2 = p * q, d1 = t - p;
            h11 += dec[i] * dec[i] * d2;
            h22 += d2;
            h21 += dec[i] * d2;
            g1 += dec[i] * d1;
            g2 += d1;
        }
        if (fabs(g1) < 1e-5 && fabs(g2) < 1e-5)
            break;
        double det = h11 * h22 - h21 * h21;
        double da = -(h22 * g1 - h21 * g2) / det, db = -(-h21 * g1 + h11 * g2) / det;
        double gd = g1 * da + g2 * db, step = 1;
        while (step >= 1e-10) {
            double na = a + step * da, nb = b + step * db, nf = platt_loss(dec, pos, n, hi, lo, na, nb);
            if (nf < f + 1e-4 * step * gd) {
                a = na;
                b = nb;
                f = nf;
                break;
            }
            step /= 2;
        }
        if (step < 1e-10)
            break;
    }
    *A = a;
    *B = b;
}

double rt_platt_apply(double dec, double A, double B)
{
    double z = dec * A + B;
    return z >= 0 ? exp(-z) / (1 + exp(-z)) : 1 / (1 + exp(z));
}

/* --------------------------------------------------------------- softmax */

/* Softmax of T * s over L scores into p; returns log-sum-exp. */
static double softmax(const double *s, size_t L, double T, double *p)
{
    double m = -INFINITY, z = 0;
    for (size_t l = 0; l < L; l++)
        m = fmax(m, T * s[l]);
    for (size_t l = 0; l < L; l++)
        z += (p[l] = exp(T * s[l] - m));
    for (size_t l = 0; l < L; l++)
        p[l] /= z;
    return m + log(z);
}

void rt_softmax_apply(const double *s, size_t L, double T, double *p)
{
    softmax(s, L, T, p);
}

/*
 * Cross-entropy against smoothed targets (Platt's prior carried over to
 * several classes): the true label gets (n_y + 1) / (n_y + 2), where n_y is
 * how many rows carry it, and the rest is spread over the other labels. So
 * the temperature stays finite even when the held-out scores separate the
 * labels perfectly. Also its first and second derivative in T.
 */
static double softmax_nll(const double *dec, const uint32_t *y, const double *hi, size_t n, size_t L,
                          double T, double *p, double *g, double *h)
{
    double f = 0;
    *g = *h = 0;
    for (size_t i = 0; i < n; i++) {
        const double *s = dec + i * L;
        double lse = softmax(s, L, T, p), e = 0, e2 = 0, sum = 0;
        for (size_t l = 0; l < L; l++) {
            e += p[l] * s[l];
            e2 += p[l] * s[l] * s[l];
            sum += s[l];
        }
        double lo = (1 - hi[y[i]]) / (double)(L - 1);
        double ts = hi[y[i]] * s[y[i]] + lo * (sum - s[y[i]]);
        f += lse - T * ts;
        *g += e - ts;
        *h += e2 - e * e;
    }
    return f;
}

/* Newton's method on T with backtracking; the loss is convex in T. */
static double softmax_newton(const double *dec, const uint32_t *y, const double *hi, size_t n, size_t L,
                             double *p)
{
    double T = 1.0, g, h;
    double f = softmax_nll(dec, y, hi, n, L, T, p, &g, &h);
    for (int it = 0; it < 50 && fabs(g) > 1e-9 * (double)n; it++) {
        double nt = h > 1e-12 ? T - g / h : (g > 0 ? T / 2 : 2 * T);
        if (nt <= 0)
            nt = T / 4;
        double ng, nh, nf = softmax_nll(dec, y, hi, n, L, nt, p, &ng, &nh);
        while (nf > f && fabs(nt - T) > 1e-9 * T) {
            nt = (nt + T) / 2;
            nf = softmax_nll(dec, y, hi, n, L, nt, p, &ng, &nh);
        }
        if (nf > f)
            break;
        T = nt;
        f = nf;
        g = ng;
        h = nh;
    }
    return T;
}

int rt_softmax_fit(const double *dec, const uint32_t *y, size_t n, size_t L, double *out)
{
    *out = 1.0;
    if (n == 0 || L < 2)
        return RT_OK;
    double *p = malloc(L * sizeof *p), *hi = calloc(L, sizeof *hi);
    if (!p || !hi) {
        free(p);
        free(hi);
        return RT_ENOMEM;
    }
    for (size_t i = 0; i < n; i++)
        hi[y[i]] += 1;
    for (size_t l = 0; l < L; l++)
        hi[l] = (hi[l] + 1) / (hi[l] + 2);
    *out = softmax_newton(dec, y, hi, n, L, p);
    free(p);
    free(hi);
    return RT_OK;
}

/* ------------------------------------------------------------ threshold */

typedef struct scored {
    double p;
    uint8_t pos;
} scored;

static int cmp_desc(const void *a, const void *b)
{
    double x = ((const scored *)a)->p, y = ((const scored *)b)->p;
    return (x < y) - (x > y);
}

int rt_threshold_fit(const double *p, const uint8_t *pos, size_t n, size_t min_pos, double *out)
{
    size_t npos = 0;
    for (size_t i = 0; i < n; i++)
        npos += pos[i] ? 1 : 0;
    *out = 0.5;
    if (npos < min_pos || npos == 0)
        return RT_OK;
    scored *s = malloc(n * sizeof *s);
    if (!s)
        return RT_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        s[i].p = p[i];
        s[i].pos = pos[i];
    }
    qsort(s, n, sizeof *s, cmp_desc);
    double best = -1, t = 0.5;
    size_t tp = 0;
    for (size_t k = 0; k < n; k++) {
        tp += s[k].pos ? 1 : 0;
        if (k + 1 < n && s[k + 1].p == s[k].p)
            continue;   /* cut only between distinct scores */
        double f1 = 2.0 * (double)tp / (double)(k + 1 + npos);
        if (f1 > best) {
            best = f1;
            t = k + 1 < n ? (s[k].p + s[k + 1].p) / 2 : s[k].p / 2;
        }
    }
    free(s);
    *out = t;
    return RT_OK;
}
