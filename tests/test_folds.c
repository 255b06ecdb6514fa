/*
 * test_folds.c - stratified folds: every record in exactly one fold, no fold
 * empty, each label spread evenly (single- and multi-label), the same folds
 * for the same seed, records stratified on several facets, bad arguments and
 * allocation failures.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "failalloc.h"
#include "revtag/folds.h"

#define MAXN 2000
#define MAXLAB 16

/* A generated data set: N records, labels drawn from a fixed LCG so tests are exact. */
typedef struct dataset {
    size_t n, nlabels;
    uint32_t lab[MAXN][4];
    rt_fold_item items[MAXN];
} dataset;

typedef struct fold_case {
    const char *name;
    size_t n, nlabels;
    unsigned k;
    int multi;            /* 0: one label each; 1: 0-3 labels each (skewed) */
    size_t max_label_spread;  /* most a label's per-fold counts may differ */
    size_t max_size_spread;   /* most fold sizes may differ */
} fold_case;

static const fold_case CASES[] = {
    { "single-label, 5 folds", 1000, 8, 5, 0, 1, 1 },
    { "single-label, 10 folds, rare labels", 203, 12, 10, 0, 1, 1 },
    { "single-label, folds = records", 7, 3, 7, 0, 1, 0 },
    { "multi-label, 5 folds", 1500, 10, 5, 1, 2, 2 },
    { "multi-label, 3 folds", 400, 16, 3, 1, 2, 2 },
    { "multi-label, 10 folds, small", 60, 6, 10, 1, 2, 2 },
};

static uint32_t lcg(uint64_t *s)
{
    *s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
    return (uint32_t)(*s >> 33);
}

static void make(dataset *d, const fold_case *c)
{
    uint64_t s = 42;
    d->n = c->n;
    d->nlabels = c->nlabels;
    for (size_t i = 0; i < c->n; i++) {
        size_t nl = c->multi ? lcg(&s) % 4 : 1;
        for (size_t j = 0; j < nl; j++) {   /* skewed: low ids common, high ids rare */
            uint32_t a = lcg(&s) % (uint32_t)c->nlabels, b = lcg(&s) % (uint32_t)c->nlabels;
            d->lab[i][j] = a < b ? a : b;
        }
        d->items[i].labels = d->lab[i];
        d->items[i].n = nl;
    }
}

static size_t spread(const size_t *v, size_t n)
{
    size_t lo = v[0], hi = v[0];
    for (size_t i = 1; i < n; i++) {
        lo = v[i] < lo ? v[i] : lo;
        hi = v[i] > hi ? v[i] : hi;
    }
    return hi - lo;
}

static int has(const rt_fold_item *it, uint32_t l)
{
    for (size_t j = 0; j < it->n; j++)
        if (it->labels[j] == l)
            return 1;
    return 0;
}

static void check_folds(const dataset *d, const fold_case *c, const unsigned *fold)
{
    size_t size[RT_FOLDS_MAX] = { 0 }, total = 0;
    for (size_t i = 0; i < d->n; i++) {
        assert_true(fold[i] < c->k);    /* each record in exactly one of the K folds */
        size[fold[i]]++;
    }
    for (unsigned f = 0; f < c->k; f++) {
        assert_true(size[f] > 0);
        total += size[f];
    }
    assert_int_equal(total, d->n);
    assert_true(spread(size, c->k) <= c->max_size_spread);
    for (uint32_t l = 0; l < d->nlabels; l++) {
        size_t per[RT_FOLDS_MAX] = { 0 };
        for (size_t i = 0; i < d->n; i++)
            per[fold[i]] += (size_t)has(&d->items[i], l);
        if (spread(per, c->k) > c->max_label_spread)
            fail_msg("label %u spread %zu", (unsigned)l, spread(per, c->k));
    }
}

static void test_cases(void **state)
{
    (void)state;
    static dataset d;
    static unsigned fold[MAXN], again[MAXN], other[MAXN];
    for (size_t k = 0; k < sizeof CASES / sizeof CASES[0]; k++) {
        const fold_case *c = &CASES[k];
        print_message("case: %s\n", c->name);
        make(&d, c);
        assert_int_equal(rt_folds_assign(d.items, d.n, d.nlabels, c->k, 7, fold, NULL), RT_OK);
        check_folds(&d, c, fold);
        assert_int_equal(rt_folds_assign(d.items, d.n, d.nlabels, c->k, 7, again, NULL), RT_OK);
        assert_memory_equal(fold, again, d.n * sizeof *fold);   /* stable for a seed */
        assert_int_equal(rt_folds_assign(d.items, d.n, d.nlabels, c->k, 8, other, NULL), RT_OK);
        check_folds(&d, c, other);
        assert_memory_not_equal(fold, other, d.n * sizeof *fold); /* the seed matters */
    }
}

/* Records without labels fill the smallest folds; repeated labels count once. */
static void test_unlabelled_and_repeats(void **state)
{
    (void)state;
    static const uint32_t rep[] = { 0, 0, 0 };
    rt_fold_item items[9] = { { rep, 3 }, { rep, 1 }, { rep, 1 } };   /* six more empty */
    unsigned fold[9];
    assert_int_equal(rt_folds_assign(items, 9, 1, 3, 1, fold, NULL), RT_OK);
    size_t size[3] = { 0 }, zero[3] = { 0 };
    for (size_t i = 0; i < 9; i++) {
        size[fold[i]]++;
        if (i < 3)
            zero[fold[i]]++;
    }
    assert_int_equal(spread(zero, 3), 0);   /* the three label-0 records, one per fold */
    assert_int_equal(spread(size, 3), 0);   /* three records per fold */
}

static void test_bad_arguments(void **state)
{
    (void)state;
    static const uint32_t l5[] = { 5 };
    rt_fold_item items[3] = { { l5, 1 }, { NULL, 0 }, { NULL, 0 } };
    unsigned fold[3];
    rt_err err = { 0, "" };
    assert_int_equal(rt_folds_assign(items, 3, 6, 1, 0, fold, &err), RT_EINVAL);
    assert_int_equal(rt_folds_assign(items, 3, 6, 4, 0, fold, &err), RT_EINVAL);
    assert_non_null(strstr(err.msg, "4 folds, 3 records"));
    assert_int_equal(rt_folds_assign(items, 3, 6, RT_FOLDS_MAX + 1, 0, fold, &err), RT_EINVAL);
    assert_int_equal(rt_folds_assign(items, 3, 5, 2, 0, fold, &err), RT_EINVAL);
    assert_non_null(strstr(err.msg, "out of range"));
    assert_int_equal(rt_folds_assign(items, 3, 6, 3, 0, fold, &err), RT_OK);
}

/* Records: stratified jointly on two facets; a record coded for neither is unlabelled. */
static void test_records(void **state)
{
    (void)state;
    enum { N = 40 };
    rt_record recs[N];
    const rt_record *ptr[N];
    static const char *const area[] = { "Health", "Education" }, *const appr[] = { "sib", "pbr" };
    for (size_t i = 0; i < N; i++) {
        rt_record_init(&recs[i]);
        ptr[i] = &recs[i];
        if (i % 10 == 9)
            continue;                   /* coded for neither facet */
        assert_int_equal(rt_record_add_label(&recs[i], "policy_area", area[i % 2]), RT_OK);
        if (i % 4 == 0)
            assert_int_equal(rt_record_add_label(&recs[i], "approach", appr[i % 8 == 0]), RT_OK);
        assert_int_equal(rt_record_add_label(&recs[i], "theme", i < 5 ? "x" : "y"), RT_OK);
    }
    const char *const facets[] = { "policy_area", "approach" };
    unsigned fold[N], again[N];
    assert_int_equal(rt_folds_assign_records(ptr, N, facets, 2, 4, 3, fold, NULL), RT_OK);
    assert_int_equal(rt_folds_assign_records(ptr, N, facets, 2, 4, 3, again, NULL), RT_OK);
    assert_memory_equal(fold, again, sizeof fold);
    size_t size[4] = { 0 }, health[4] = { 0 }, sib[4] = { 0 };
    for (size_t i = 0; i < N; i++) {
        assert_true(fold[i] < 4);
        size[fold[i]]++;
        const rt_facet_labels *a = rt_record_get_facet(&recs[i], "policy_area");
        const rt_facet_labels *b = rt_record_get_facet(&recs[i], "approach");
        health[fold[i]] += a && strcmp(a->labels[0], "Health") == 0 ? 1 : 0;
        sib[fold[i]] += b && strcmp(b->labels[0], "sib") == 0 ? 1 : 0;
    }
    assert_int_equal(spread(size, 4), 0);
    assert_true(spread(health, 4) <= 1);
    assert_true(spread(sib, 4) <= 1);
    for (size_t i = 0; i < N; i++)
        rt_record_clear(&recs[i]);
}

static void test_out_of_memory(void **state)
{
    (void)state;
    rt_record recs[6];
    const rt_record *ptr[6];
    for (size_t i = 0; i < 6; i++) {
        rt_record_init(&recs[i]);
        ptr[i] = &recs[i];
        assert_int_equal(rt_record_add_label(&recs[i], "f", i % 2 ? "a" : "b"), RT_OK);
    }
    const char *const facets[] = { "f" };
    unsigned fold[6], want[6];
    assert_int_equal(rt_folds_assign_records(ptr, 6, facets, 1, 3, 9, want, NULL), RT_OK);
    size_t fired = 0;
    for (size_t nth = 1;; nth++) {
        rt_err err = { 0, "" };
        failalloc_arm(nth);
        int rc = rt_folds_assign_records(ptr, 6, facets, 1, 3, 9, fold, &err);
        int hit = failalloc_fired();
        failalloc_arm(0);
        if (!hit) {
            assert_int_equal(rc, RT_OK);
            assert_memory_equal(fold, want, sizeof fold);
            break;
        }
        assert_int_equal(rc, RT_ENOMEM);
        assert_non_null(strstr(err.msg, "out of memory"));
        fired++;
    }
    assert_true(fired >= 8);
    for (size_t i = 0; i < 6; i++)
        rt_record_clear(&recs[i]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),
        cmocka_unit_test(test_unlabelled_and_repeats),
        cmocka_unit_test(test_bad_arguments),
        cmocka_unit_test(test_records),
        cmocka_unit_test(test_out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
