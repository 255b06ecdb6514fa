/*
 * test_linear.c - the dual coordinate descent SVM on problems solved by
 * hand (the optimum of two symmetric points, a separable set, feature
 * scaling), determinism by seed, and out of memory.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <string.h>

#include "failalloc.h"
#include "revtag/features.h"
#include "rtint.h"

#define assert_near(a, b, eps) assert_true(fabs((double)(a) - (double)(b)) < (eps))

/* A dense toy matrix as CSR (every entry stored). */
typedef struct toy {
    size_t ptr[9];
    uint32_t idx[16];
    float val[16];
    rt_sparse m;
} toy;

static void toy_init(toy *t, const float *x, size_t nrows, size_t ncols)
{
    size_t k = 0;
    for (size_t i = 0; i < nrows; i++) {
        t->ptr[i] = k;
        for (size_t j = 0; j < ncols; j++) {
            t->idx[k] = (uint32_t)j;
            t->val[k++] = x[i * ncols + j];
        }
    }
    t->ptr[nrows] = k;
    rt_sparse m = { nrows, ncols, t->ptr, t->idx, t->val };
    t->m = m;
}

static rt_svm_problem problem(const toy *t, const uint32_t *rows, size_t n, const int8_t *y, double C)
{
    rt_svm_problem p = { &t->m, rows, n, y, NULL, C, C, 1e-9, 10000, 7 };
    return p;
}

/*
 * x = +1 (y = +1) and x = -1 (y = -1): by symmetry b = 0, and the primal
 * 1/2 w^2 + 1/2 b^2 + C sum max(0, 1 - y(wx + b))^2 = 1/2 w^2 + 2C (1 - w)^2
 * is minimised at w = 4C / (1 + 4C).
 */
static void test_two_points(void **state)
{
    (void)state;
    static const struct { double C, w; } CASES[] = { { 1, 0.8 }, { 0.5, 2.0 / 3 }, { 10, 40.0 / 41 } };
    const float x[] = { 1, -1 };
    toy t;
    toy_init(&t, x, 2, 1);
    const uint32_t rows[] = { 0, 1 };
    const int8_t y[] = { 1, -1 };
    for (size_t c = 0; c < sizeof CASES / sizeof CASES[0]; c++) {
        rt_svm_problem p = problem(&t, rows, 2, y, CASES[c].C);
        float w[1];
    double b, alpha[2];
        assert_int_equal(rt_svm_train(&p, w, &b, alpha), RT_OK);
        assert_near(w[0], CASES[c].w, 1e-6);
        assert_near(b, 0, 1e-6);
        /* dual: w = sum alpha_i y_i x_i, alpha_i = 2C (1 - y_i w x_i) */
        assert_near(alpha[0], 2 * CASES[c].C * (1 - CASES[c].w), 1e-6);
    }
}

/* Four separable points in 2-D: every training point on its side, C large. */
static void test_separable(void **state)
{
    (void)state;
    const float x[] = { 2, 1, 1, 2, -1, -2, -2, -1 };
    toy t;
    toy_init(&t, x, 4, 2);
    const uint32_t rows[] = { 0, 1, 2, 3 };
    const int8_t y[] = { 1, 1, -1, -1 };
    rt_svm_problem p = problem(&t, rows, 4, y, 100);
    float w[2];
    double b, alpha[4];
    assert_int_equal(rt_svm_train(&p, w, &b, alpha), RT_OK);
    for (size_t i = 0; i < 4; i++) {
        double d = w[0] * x[2 * i] + w[1] * x[2 * i + 1] + b;
        assert_true(d * y[i] > 0.9);
    }
    assert_near(w[0], w[1], 1e-5);   /* symmetric problem, symmetric answer */
}

/* Entry values given apart from the matrix (NB-scaled ones) are what the solver sees. */
static void test_scaled_features(void **state)
{
    (void)state;
    const float x[] = { 1, -1 };
    const float scaled[] = { 2, -2 };
    toy t;
    toy_init(&t, x, 2, 1);
    const uint32_t rows[] = { 0, 1 };
    const int8_t y[] = { 1, -1 };
    rt_svm_problem p = problem(&t, rows, 2, y, 1);
    p.vals = scaled;
    float w[1];
    double b, alpha[2];
    assert_int_equal(rt_svm_train(&p, w, &b, alpha), RT_OK);
    /* scaled points are +-2: 1/2 w^2 + 2C (1 - 2w)^2 is minimised at w = 8C / (1 + 16C) */
    assert_near(w[0], 8.0 / 17, 1e-6);
}

/* The same seed gives the same bits; a subset of rows trains on those rows only. */
static void test_deterministic_subset(void **state)
{
    (void)state;
    const float x[] = { 3, 1, 1, 3, -1, -2, -2, -1, 5, 5, 0, 1, 1, 0, -3, -3 };
    toy t;
    toy_init(&t, x, 8, 2);
    const uint32_t rows[] = { 7, 0, 2, 4, 5 };
    const int8_t y[] = { -1, 1, -1, 1, 1 };
    rt_svm_problem p = problem(&t, rows, 5, y, 1);
    p.eps = 0.1;
    float w1[2], w2[2];
    double b1, b2, a1[5], a2[5];
    assert_int_equal(rt_svm_train(&p, w1, &b1, a1), RT_OK);
    assert_int_equal(rt_svm_train(&p, w2, &b2, a2), RT_OK);
    assert_memory_equal(w1, w2, sizeof w1);
    assert_memory_equal(&b1, &b2, sizeof b1);
    for (size_t i = 0; i < 5; i++)
        assert_true(a1[i] >= 0);
}

static void test_out_of_memory(void **state)
{
    (void)state;
    const float x[] = { 1, -1 };
    toy t;
    toy_init(&t, x, 2, 1);
    const uint32_t rows[] = { 0, 1 };
    const int8_t y[] = { 1, -1 };
    rt_svm_problem p = problem(&t, rows, 2, y, 1);
    float w[1];
    double b, alpha[2];
    for (size_t n = 1;; n++) {
        failalloc_arm(n);
        int rc = rt_svm_train(&p, w, &b, alpha);
        int fired = failalloc_fired();
        failalloc_arm(0);
        if (!fired) {
            assert_int_equal(rc, RT_OK);
            assert_true(n > 1);
            break;
        }
        assert_int_equal(rc, RT_ENOMEM);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_two_points),
        cmocka_unit_test(test_separable),
        cmocka_unit_test(test_scaled_features),
        cmocka_unit_test(test_deterministic_subset),
        cmocka_unit_test(test_out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
