/*
 * test_calib.c - calibration on hand-checked cases: the F1-maximising
 * threshold, Platt scaling (monotone, symmetric, at a minimum of its loss),
 * the softmax temperature (at a minimum of the negative log-likelihood).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>

#include "failalloc.h"
#include "rtint.h"

#define assert_near(a, b, eps) assert_true(fabs((double)(a) - (double)(b)) < (eps))

typedef struct tcase {
    double p[6];
    uint8_t pos[6];
    size_t n, min_pos;
    double want;
} tcase;

static const tcase THRESHOLDS[] = {
    /* F1 at each cut: 0.5, 0.8, 0.667, 0.857, 0.75: keep the top four */
    { { 0.9, 0.8, 0.7, 0.6, 0.2 }, { 1, 1, 0, 1, 0 }, 5, 1, 0.4 },
    /* unsorted input, the same answer */
    { { 0.2, 0.6, 0.9, 0.7, 0.8 }, { 0, 1, 1, 0, 1 }, 5, 1, 0.4 },
    /* perfect separation: cut between the lowest positive and the highest negative */
    { { 0.95, 0.9, 0.3, 0.1 }, { 1, 1, 0, 0 }, 4, 1, 0.6 },
    /* tied scores are never split */
    { { 0.8, 0.5, 0.5, 0.1 }, { 1, 1, 0, 0 }, 4, 1, 0.3 },
    /* too few positives: 0.5 */
    { { 0.9, 0.1 }, { 1, 0 }, 2, 3, 0.5 },
    { { 0.9, 0.1 }, { 0, 0 }, 2, 1, 0.5 },
};

static void test_threshold(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof THRESHOLDS / sizeof THRESHOLDS[0]; i++) {
        const tcase *c = &THRESHOLDS[i];
        double t;
        assert_int_equal(rt_threshold_fit(c->p, c->pos, c->n, c->min_pos, &t), RT_OK);
        if (fabs(t - c->want) > 1e-12)
            fail_msg("case %zu: threshold %g, want %g", i, t, c->want);
    }
}

static double platt_nll(const double *d, const uint8_t *pos, size_t n, double A, double B)
{
    double np = 0, f = 0;
    for (size_t i = 0; i < n; i++)
        np += pos[i];
    double hi = (np + 1) / (np + 2), lo = 1 / ((double)n - np + 2);
    for (size_t i = 0; i < n; i++) {
        double p = rt_platt_apply(d[i], A, B), t = pos[i] ? hi : lo;
        f -= t * log(p) + (1 - t) * log(1 - p);
    }
    return f;
}

static void test_platt(void **state)
{
    (void)state;
    const double d[] = { -2, -1.5, -1, -0.2, 0.2, 1, 1.5, 2 };
    const uint8_t pos[] = { 0, 0, 0, 1, 0, 1, 1, 1 };
    double A, B;
    rt_platt_fit(d, pos, 8, &A, &B);
    assert_true(A < 0);                      /* higher decision value, higher score */
    assert_near(B, 0, 1e-6);                 /* symmetric data */
    assert_near(rt_platt_apply(0, A, B), 0.5, 1e-6);
    double f = platt_nll(d, pos, 8, A, B);   /* a minimum: no nearby point is lower */
    for (int k = 0; k < 4; k++) {
        double da = (k & 1 ? 1 : -1) * (k < 2 ? 1e-3 : 0), db = (k & 1 ? 1 : -1) * (k < 2 ? 0 : 1e-3);
        assert_true(platt_nll(d, pos, 8, A + da, B + db) >= f - 1e-12);
    }
    /* all one class: finite parameters, scores on the right side */
    const uint8_t none[] = { 0, 0, 0, 0, 0, 0, 0, 0 };
    rt_platt_fit(d, none, 8, &A, &B);
    assert_true(isfinite(A) && isfinite(B));
    assert_true(rt_platt_apply(2, A, B) < 0.5);
}

/* The loss rt_softmax_fit minimises: cross-entropy against targets smoothed per label. */
static double softmax_nll(const double *d, const uint32_t *y, size_t n, size_t L, double T)
{
    double f = 0, p[3], cnt[3] = { 0, 0, 0 };
    for (size_t i = 0; i < n; i++)
        cnt[y[i]]++;
    for (size_t i = 0; i < n; i++) {
        rt_softmax_apply(d + i * L, L, T, p);
        double hi = (cnt[y[i]] + 1) / (cnt[y[i]] + 2);
        for (size_t l = 0; l < L; l++)
            f -= (l == y[i] ? hi : (1 - hi) / (double)(L - 1)) * log(p[l]);
    }
    return f;
}

static void test_softmax(void **state)
{
    (void)state;
    const double d[] = { 2, 0, -1, 0, 1, 0, 1, 0, 2, -1, 1, 0 };
    const uint32_t y[] = { 0, 1, 0, 1 };   /* the third row is wrong */
    double T;
    assert_int_equal(rt_softmax_fit(d, y, 4, 3, &T), RT_OK);
    assert_true(T > 0);
    double f = softmax_nll(d, y, 4, 3, T);
    assert_true(softmax_nll(d, y, 4, 3, T * 1.01) >= f - 1e-12);
    assert_true(softmax_nll(d, y, 4, 3, T * 0.99) >= f - 1e-12);
    double p[3];
    rt_softmax_apply(d, 3, T, p);
    assert_near(p[0] + p[1] + p[2], 1, 1e-12);
    assert_true(p[0] > p[1] && p[1] > p[2]);
    /* perfectly separated scores: a finite temperature, no certainty */
    const uint32_t right[] = { 0, 1, 2, 1 };
    assert_int_equal(rt_softmax_fit(d, right, 4, 3, &T), RT_OK);
    assert_true(T > 0 && isfinite(T));
    rt_softmax_apply(d, 3, T, p);
    assert_true(p[0] > 0.5 && p[0] < 0.95);
    /* large scores do not overflow */
    const double big[] = { 1000, 999, -1000 };
    rt_softmax_apply(big, 3, 1, p);
    assert_near(p[0] + p[1] + p[2], 1, 1e-12);
    assert_true(isfinite(p[0]) && p[2] == 0);
}

static void test_out_of_memory(void **state)
{
    (void)state;
    const double d[] = { 2, 0, -1, 0, 1, 0, 1, 0, 2, -1, 1, 0 };
    const uint32_t y[] = { 0, 1, 2, 1 };
    const uint8_t pos[] = { 1, 0, 0, 1 };
    double T = 0, t = 0;
    failalloc_arm(1);
    assert_int_equal(rt_softmax_fit(d, y, 4, 3, &T), RT_ENOMEM);
    failalloc_arm(1);
    assert_int_equal(rt_threshold_fit(d, pos, 4, 1, &t), RT_ENOMEM);
    failalloc_arm(0);
    assert_int_equal(rt_threshold_fit(d, pos, 4, 1, &t), RT_OK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_threshold),
        cmocka_unit_test(test_platt),
        cmocka_unit_test(test_softmax),
        cmocka_unit_test(test_out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
