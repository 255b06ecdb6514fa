/*
 * test_metrics.c - the accuracy figures on toy cases computed by hand (the
 * fractions in the tables), 0/0 defined as 0, rejected records leaving the
 * accumulator unchanged, out-of-memory paths, and mean/sd across folds.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "failalloc.h"
#include "revtag/metrics.h"

#define MAXL 4
#define EPS 1e-12

/* One record: gold and predicted labels as NULL-terminated lists. */
typedef struct toy_rec {
    const char *gold[MAXL];
    const char *pred[MAXL];
} toy_rec;

typedef struct toy_label {
    const char *label;
    size_t support, tp, fp, fn;
    double p, r, f1;
} toy_label;

typedef struct toy_case {
    const char *name;
    int multi;
    size_t n;
    toy_rec recs[8];
    size_t nlabels;
    toy_label labels[MAXL];        /* in byte order */
    double accuracy, hamming;
    rt_prf micro, macro, weighted;
    size_t confusion[MAXL][MAXL];  /* single-label: [gold][pred] */
} toy_case;

static const toy_case CASES[] = {
    { "single-label, three classes", 0, 6,
      { { { "a" }, { "a" } }, { { "a" }, { "a" } }, { { "a" }, { "b" } },
        { { "b" }, { "b" } }, { { "b" }, { "c" } }, { { "c" }, { "c" } } },
      3,
      { { "a", 3, 2, 0, 1, 1.0, 2.0 / 3, 0.8 },
        { "b", 2, 1, 1, 1, 0.5, 0.5, 0.5 },
        { "c", 1, 1, 1, 0, 0.5, 1.0, 2.0 / 3 } },
      4.0 / 6, 4.0 / 18,
      { 4.0 / 6, 4.0 / 6, 4.0 / 6 },
      { 2.0 / 3, 13.0 / 18, 59.0 / 90 },
      { 0.75, 4.0 / 6, 61.0 / 90 },
      { { 2, 1, 0 }, { 0, 1, 1 }, { 0, 0, 1 } } },
    { "single-label, a label only predicted (recall 0/0 = 0)", 0, 2,
      { { { "a" }, { "a" } }, { { "a" }, { "b" } } },
      2,
      { { "a", 2, 1, 0, 1, 1.0, 0.5, 2.0 / 3 },
        { "b", 0, 0, 1, 0, 0.0, 0.0, 0.0 } },
      0.5, 2.0 / 4,
      { 0.5, 0.5, 0.5 },
      { 0.5, 0.25, 1.0 / 3 },
      { 1.0, 0.5, 2.0 / 3 },
      { { 1, 1 }, { 0, 0 } } },
    { "multi-label with an empty record", 1, 4,
      { { { "x", "y" }, { "x" } }, { { "y" }, { "y", "z" } }, { { NULL }, { NULL } },
        { { "z" }, { "x" } } },
      3,
      { { "x", 1, 1, 1, 0, 0.5, 1.0, 2.0 / 3 },
        { "y", 2, 1, 0, 1, 1.0, 0.5, 2.0 / 3 },
        { "z", 1, 0, 1, 1, 0.0, 0.0, 0.0 } },
      0.25, 4.0 / 12,
      { 0.5, 0.5, 0.5 },
      { 0.5, 0.5, 4.0 / 9 },
      { 0.625, 0.5, 0.5 },
      { { 0 } } },
    { "multi-label, repeats ignored, labels sorted by bytes", 1, 2,
      { { { "b", "b", "B" }, { "b", "B", "B" } }, { { "B" }, { NULL } } },
      2,
      { { "B", 2, 1, 0, 1, 1.0, 0.5, 2.0 / 3 },
        { "b", 1, 1, 0, 0, 1.0, 1.0, 1.0 } },
      0.5, 1.0 / 4,
      { 1.0, 2.0 / 3, 0.8 },
      { 1.0, 0.75, 5.0 / 6 },
      { 1.0, 2.0 / 3, 7.0 / 9 },
      { { 0 } } },
    { "nothing added", 1, 0, { { { NULL }, { NULL } } }, 0, { { NULL, 0, 0, 0, 0, 0, 0, 0 } },
      0, 0, { 0, 0, 0 }, { 0, 0, 0 }, { 0, 0, 0 }, { { 0 } } },
};

static size_t count(const char *const *v)
{
    size_t n = 0;
    while (n < MAXL && v[n])
        n++;
    return n;
}

static int add_rec(rt_metrics *m, const toy_rec *r)
{
    return rt_metrics_add(m, "toy", r->gold, count(r->gold), r->pred, count(r->pred), NULL);
}

static void check_prf(rt_prf got, rt_prf want)
{
    assert_true(fabs(got.precision - want.precision) < EPS);
    assert_true(fabs(got.recall - want.recall) < EPS);
    assert_true(fabs(got.f1 - want.f1) < EPS);
}

static void check_case(const rt_metrics *m, const toy_case *c)
{
    rt_metrics_summary s;
    rt_metrics_get(m, &s);
    assert_int_equal(s.n, c->n);
    assert_int_equal(s.nlabels, c->nlabels);
    assert_int_equal(s.multi_label, c->multi);
    assert_true(fabs(s.accuracy - c->accuracy) < EPS);
    assert_true(fabs(s.subset_accuracy - c->accuracy) < EPS);
    assert_true(fabs(s.hamming_loss - c->hamming) < EPS);
    check_prf(s.micro, c->micro);
    check_prf(s.macro, c->macro);
    check_prf(s.weighted, c->weighted);
    for (size_t i = 0; i < c->nlabels; i++) {
        rt_label_metrics l;
        rt_metrics_get_label(m, i, &l);
        const toy_label *w = &c->labels[i];
        assert_string_equal(l.label, w->label);
        assert_int_equal(l.support, w->support);
        assert_int_equal(l.tp, w->tp);
        assert_int_equal(l.fp, w->fp);
        assert_int_equal(l.fn, w->fn);
        check_prf(l.prf, (rt_prf){ w->p, w->r, w->f1 });
        for (size_t j = 0; j < c->nlabels; j++)
            assert_int_equal(rt_metrics_confusion(m, i, j), c->multi ? 0 : c->confusion[i][j]);
    }
}

static void test_toy_cases(void **state)
{
    (void)state;
    for (size_t k = 0; k < sizeof CASES / sizeof CASES[0]; k++) {
        const toy_case *c = &CASES[k];
        print_message("case: %s\n", c->name);
        rt_metrics *m;
        assert_int_equal(rt_metrics_new("facet", c->multi, &m, NULL), RT_OK);
        assert_string_equal(rt_metrics_facet(m), "facet");
        for (size_t i = 0; i < c->n; i++)
            assert_int_equal(add_rec(m, &c->recs[i]), RT_OK);
        check_case(m, c);
        rt_metrics_free(m);
    }
}

/* A single-label accumulator rejects records with 0 or 2 labels and stays as it was. */
static void test_single_label_rejects(void **state)
{
    (void)state;
    const toy_case *c = &CASES[0];
    rt_metrics *m;
    assert_int_equal(rt_metrics_new("policy", 0, &m, NULL), RT_OK);
    const char *two[] = { "zz", "yy" }, *one[] = { "a" };
    rt_err err = { 0, "" };
    for (size_t i = 0; i < c->n; i++) {
        assert_int_equal(rt_metrics_add(m, "r9", two, 2, one, 1, &err), RT_EINVAL);
        assert_int_equal(rt_metrics_add(m, "r9", one, 1, two, 0, &err), RT_EINVAL);
        assert_int_equal(add_rec(m, &c->recs[i]), RT_OK);
    }
    assert_non_null(strstr(err.msg, "r9"));
    assert_non_null(strstr(err.msg, "policy"));
    check_case(m, c);
    rt_metrics_free(m);
}

/* Every allocation failure gives RT_ENOMEM and leaves the figures as they were. */
static void test_out_of_memory(void **state)
{
    (void)state;
    for (size_t k = 0; k < 4; k++) {
        const toy_case *c = &CASES[k];
        size_t fired = 0;
        for (size_t nth = 1;; nth++) {
            rt_metrics *m = NULL;
            failalloc_arm(nth);
            int rc = rt_metrics_new("f", c->multi, &m, NULL), hit = 0;
            for (size_t i = 0; rc == RT_OK && i < c->n; i++) {
                rc = add_rec(m, &c->recs[i]);
                if (rc != RT_OK) {
                    assert_int_equal(rc, RT_ENOMEM);
                    hit = 1;
                    failalloc_arm(0);
                    rc = add_rec(m, &c->recs[i]);   /* retry: nothing was half counted */
                    assert_int_equal(rc, RT_OK);
                }
            }
            hit |= failalloc_fired();
            failalloc_arm(0);
            if (rc == RT_OK)
                check_case(m, c);
            else
                assert_int_equal(rc, RT_ENOMEM);
            rt_metrics_free(m);
            if (!hit)
                break;
            fired++;
        }
        assert_true(fired > 2);
    }
}

static void test_score_histogram(void **state)
{
    (void)state;
    rt_metrics *m;
    assert_int_equal(rt_metrics_new("f", 1, &m, NULL), RT_OK);
    const double pos[] = { 0.0, 0.049, 0.05, 0.99, 1.0, 1.7 }, neg[] = { -3, 0.5, NAN };
    for (size_t i = 0; i < sizeof pos / sizeof pos[0]; i++)
        rt_metrics_add_score(m, pos[i], 1);
    for (size_t i = 0; i < sizeof neg / sizeof neg[0]; i++)
        rt_metrics_add_score(m, neg[i], 0);
    size_t p[RT_METRICS_BINS], n[RT_METRICS_BINS];
    rt_metrics_get_scores(m, p, n);
    assert_int_equal(p[0], 2);
    assert_int_equal(p[1], 1);
    assert_int_equal(p[RT_METRICS_BINS - 1], 3);
    assert_int_equal(n[0], 1);
    assert_int_equal(n[10], 1);
    size_t total = 0;
    for (size_t i = 0; i < RT_METRICS_BINS; i++)
        total += p[i] + n[i];
    assert_int_equal(total, 8);    /* NaN not counted */
    rt_metrics_free(m);
}

static void test_mean_sd(void **state)
{
    (void)state;
    rt_metrics_summary s[3] = { { 0 } }, mean, sd;
    const double acc[] = { 0.5, 1.0, 0.75 }, mf1[] = { 0.2, 0.2, 0.2 };
    for (size_t i = 0; i < 3; i++) {
        s[i].n = 10 + i;
        s[i].multi_label = 1;
        s[i].accuracy = acc[i];
        s[i].macro.f1 = mf1[i];
        s[i].hamming_loss = (double)i;
    }
    rt_metrics_mean_sd(s, 3, &mean, &sd);
    assert_int_equal(mean.n, 11);
    assert_int_equal(mean.multi_label, 1);
    assert_true(fabs(mean.accuracy - 0.75) < EPS);
    assert_true(fabs(sd.accuracy - 0.25) < EPS);          /* sqrt((.0625 + .0625 + 0) / 2) */
    assert_true(fabs(mean.macro.f1 - 0.2) < EPS);
    assert_true(fabs(sd.macro.f1) < 1e-9);
    assert_true(fabs(mean.hamming_loss - 1.0) < EPS);
    assert_true(fabs(sd.hamming_loss - 1.0) < EPS);
    rt_metrics_mean_sd(s, 1, &mean, &sd);
    assert_true(fabs(mean.accuracy - 0.5) < EPS && sd.accuracy == 0.0);
    rt_metrics_mean_sd(s, 0, &mean, &sd);
    assert_int_equal(mean.n, 0);
    rt_metrics_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_toy_cases),
        cmocka_unit_test(test_single_label_rejects),
        cmocka_unit_test(test_out_of_memory),
        cmocka_unit_test(test_score_histogram),
        cmocka_unit_test(test_mean_sd),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
