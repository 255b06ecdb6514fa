/*
 * test_model.c - the classifier end to end on a small fixture: every
 * algorithm learns it, single- vs multi-label facets, calibrated scores and
 * thresholds, decisions, save/load round trips, refused model files,
 * identical models for any thread count, explanations, out of memory.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "failalloc.h"
#include "revtag/model.h"
#include "revtag/reader.h"
#include "rtint.h"
#include "testutil.h"

typedef struct fixture {
    rt_record recs[64];
    const rt_record *ptrs[64];
    size_t n;
} fixture;

static fixture TRAIN, TEST;

static void load(const char *name, fixture *fx)
{
    rt_reader *r;
    assert_int_equal(rt_reader_open(name, NULL, &r, NULL), RT_OK);
    fx->n = 0;
    rt_record_init(&fx->recs[0]);
    while (fx->n < 64 && rt_reader_next(r, &fx->recs[fx->n], NULL) == RT_OK) {
        fx->ptrs[fx->n] = &fx->recs[fx->n];
        rt_record_init(&fx->recs[++fx->n]);
    }
    rt_reader_free(r);
}

static int setup(void **state)
{
    (void)state;
    load(RT_TEST_DATA "/model_train.jsonl", &TRAIN);
    load(RT_TEST_DATA "/model_test.jsonl", &TEST);
    return TRAIN.n == 30 && TEST.n == 6 ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    for (size_t i = 0; i <= TRAIN.n; i++)
        rt_record_clear(&TRAIN.recs[i]);
    for (size_t i = 0; i <= TEST.n; i++)
        rt_record_clear(&TEST.recs[i]);
    return 0;
}

static const char *const FACETS[] = { "topic", "region" };

static rt_model *train(int algo, int threads, size_t n)
{
    rt_train_opts o = rt_train_defaults();
    o.facets = FACETS;
    o.nfacets = 2;
    o.algo = algo;
    o.threads = threads;
    o.features.min_df = 1;
    rt_model *m = NULL;
    rt_err err = { 0, "" };
    int rc = rt_model_train(TRAIN.ptrs, n, &o, &m, &err);
    if (rc != RT_OK)
        fail_msg("train: %s", err.msg);
    return m;
}

/* The topic decided for each test record, checked against its label. */
static void check_predictions(const rt_model *m)
{
    rt_predictor *p;
    assert_int_equal(rt_predictor_new(m, 2, &p, NULL), RT_OK);
    assert_int_equal(rt_predictor_run(p, TEST.ptrs, TEST.n, 0, NULL), RT_OK);
    rt_facet_info topic, region;
    rt_model_get_facet(m, 0, &topic);
    rt_model_get_facet(m, 1, &region);
    for (size_t i = 0; i < TEST.n; i++) {
        const rt_label_score *ls;
        assert_int_equal(rt_predictor_get(p, i, 0, &ls), 1);   /* single-label: exactly one */
        const char *want = rt_record_get_facet(TEST.ptrs[i], "topic")->labels[0];
        if (strcmp(topic.labels[ls[0].label], want) != 0)
            fail_msg("%s: %s for '%s', want %s", rt_algo_name(topic.algo),
                     topic.labels[ls[0].label], TEST.ptrs[i]->title, want);
        const double *s = rt_predictor_scores(p, i, 0);
        assert_true(s[0] + s[1] + s[2] > 0.999999 && s[0] + s[1] + s[2] < 1.000001);
        size_t nc = rt_predictor_get(p, i, 1, &ls);   /* multi-label: at or above threshold */
        for (size_t k = 0; k < nc; k++) {
            assert_true(ls[k].score >= region.threshold[ls[k].label]);
            assert_true(k == 0 || ls[k - 1].score >= ls[k].score);
        }
        s = rt_predictor_scores(p, i, 1);
        for (size_t l = 0; l < region.nlabels; l++)
            assert_true(s[l] >= 0 && s[l] <= 1);
    }
    rt_predictor_free(p);
}

static void test_algorithms(void **state)
{
    (void)state;
    static const int ALGOS[] = { RT_ALGO_MNB, RT_ALGO_CNB, RT_ALGO_SVM, RT_ALGO_NBSVM, RT_ALGO_AUTO };
    for (size_t a = 0; a < sizeof ALGOS / sizeof ALGOS[0]; a++) {
        rt_model *m = train(ALGOS[a], 0, TRAIN.n);
        rt_model_info mi;
        rt_model_get_info(m, &mi);
        assert_int_equal(mi.nfacets, 2);
        rt_facet_info fi;
        rt_model_get_facet(m, 0, &fi);
        assert_string_equal(fi.name, "topic");
        assert_false(fi.multi_label);
        assert_int_equal(fi.nlabels, 3);
        assert_string_equal(fi.labels[0], "education");   /* sorted */
        assert_int_equal(fi.support[2], 10);
        assert_null(fi.threshold);
        assert_true(fi.cv_metric > 0.6);   /* held-out accuracy on a separable fixture */
        if (ALGOS[a] != RT_ALGO_AUTO)
            assert_int_equal(fi.algo, ALGOS[a]);
        rt_model_get_facet(m, 1, &fi);
        assert_true(fi.multi_label);        /* some records have 0 or 2 countries */
        assert_int_equal(fi.nlabels, 3);
        assert_int_equal(fi.ntrain, 30);
        for (size_t l = 0; l < fi.nlabels; l++)
            assert_true(fi.threshold[l] > 0 && fi.threshold[l] < 1);
        assert_int_equal(rt_model_find_facet(m, "region"), 1);
        assert_int_equal(rt_model_find_facet(m, "theme"), -1);
        check_predictions(m);
        rt_model_free(m);
    }
}

static void test_decide(void **state)
{
    (void)state;
    rt_model *m = train(RT_ALGO_NBSVM, 1, TRAIN.n);
    rt_facet_info fi;
    rt_model_get_facet(m, 1, &fi);
    double s[3] = { fi.threshold[0] + 0.01, fi.threshold[1] - 0.01, fi.threshold[2] + 0.02 };
    rt_label_score out[3];
    assert_int_equal(rt_model_decide(m, 1, s, 0, out), 2);   /* labels 0 and 2 pass */
    assert_true(out[0].score >= out[1].score);
    assert_int_equal(rt_model_decide(m, 1, s, 3, out), 3);   /* --top 3 regardless */
    assert_int_equal(rt_model_decide(m, 1, s, 1, out), 1);
    double t[3] = { 0.2, 0.5, 0.3 };
    assert_int_equal(rt_model_decide(m, 0, t, 0, out), 1);   /* single-label: the top one */
    assert_int_equal(out[0].label, 1);
    rt_model_free(m);
}

static void test_bad_facet(void **state)
{
    (void)state;
    static const char *const none[] = { "theme" };
    rt_train_opts o = rt_train_defaults();
    o.facets = none;
    o.nfacets = 1;
    rt_model *m = NULL;
    rt_err err = { 0, "" };
    assert_int_equal(rt_model_train(TRAIN.ptrs, TRAIN.n, &o, &m, &err), RT_EINVAL);
    assert_null(m);
    assert_non_null(strstr(err.msg, "theme"));
    o.facets = FACETS;
    o.nfacets = 1;
    o.cv = 1;
    assert_int_equal(rt_model_train(TRAIN.ptrs, TRAIN.n, &o, &m, &err), RT_EINVAL);
}

static char *slurp(const char *path, size_t *len)
{
    return tu_read_file(path, len);
}

static void spit(const char *path, const char *data, size_t len)
{
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(data, 1, len, fp), len);
    fclose(fp);
}

static void test_save_load(void **state)
{
    (void)state;
    const char *a = "test_model_a.rtm", *b = "test_model_b.rtm";
    rt_model *m = train(RT_ALGO_NBSVM, 2, TRAIN.n), *l = NULL;
    assert_int_equal(rt_model_save(m, a, NULL), RT_OK);
    assert_int_equal(rt_model_load(a, &l, NULL), RT_OK);
    assert_int_equal(rt_model_save(l, b, NULL), RT_OK);
    size_t la, lb;
    char *da = slurp(a, &la), *db = slurp(b, &lb);
    assert_int_equal(la, lb);
    assert_memory_equal(da, db, la);   /* load + save reproduces the file */
    check_predictions(l);
    free(db);
    /* 1 thread and 3 threads train byte-identical models */
    rt_model *m1 = train(RT_ALGO_NBSVM, 1, TRAIN.n), *m3 = train(RT_ALGO_AUTO, 3, TRAIN.n);
    rt_model *m1a = train(RT_ALGO_AUTO, 1, TRAIN.n);
    assert_int_equal(rt_model_save(m1, b, NULL), RT_OK);
    db = slurp(b, &lb);
    assert_int_equal(la, lb);
    assert_memory_equal(da, db, la);
    free(db);
    assert_int_equal(rt_model_save(m3, a, NULL), RT_OK);
    assert_int_equal(rt_model_save(m1a, b, NULL), RT_OK);
    free(da);
    da = slurp(a, &la);
    db = slurp(b, &lb);
    assert_int_equal(la, lb);
    assert_memory_equal(da, db, la);
    free(da);
    free(db);
    rt_model_free(m);
    rt_model_free(l);
    rt_model_free(m1);
    rt_model_free(m3);
    rt_model_free(m1a);
    remove(a);
    remove(b);
}

typedef struct damage {
    const char *what;
    const char *want;    /* in the error message */
} damage;

static void test_refused(void **state)
{
    (void)state;
    static const damage CASES[] = {
        { "flip", "checksum mismatch" },  { "truncate", "checksum mismatch" },
        { "magic", "not a revtag model" }, { "version", "format 99" },
        { "tiny", "truncated" },           { "empty", "not a revtag model" },
    };
    const char *path = "test_model_bad.rtm";
    rt_model *m = train(RT_ALGO_MNB, 1, TRAIN.n);
    assert_int_equal(rt_model_save(m, path, NULL), RT_OK);
    rt_model_free(m);
    size_t len;
    char *good = slurp(path, &len);
    for (size_t c = 0; c < sizeof CASES / sizeof CASES[0]; c++) {
        char *d = malloc(len);
        memcpy(d, good, len);
        size_t n = len;
        const char *w = CASES[c].what;
        if (strcmp(w, "flip") == 0)
            d[len / 2] ^= 0x10;
        else if (strcmp(w, "truncate") == 0)
            n = len - 100;
        else if (strcmp(w, "magic") == 0)
            d[0] = 'X';
        else if (strcmp(w, "tiny") == 0)
            n = 14;
        else if (strcmp(w, "empty") == 0)
            n = 0;
        else {   /* a valid checksum over another format version */
            d[8] = 99;
            uint64_t h = rt_hash64(d, len - 8);
            for (int i = 0; i < 8; i++)
                d[len - 8 + (size_t)i] = (char)(h >> (8 * i));
        }
        spit(path, d, n);
        rt_model *l = NULL;
        rt_err err = { 0, "" };
        assert_int_equal(rt_model_load(path, &l, &err), RT_EFORMAT);
        assert_null(l);
        if (!strstr(err.msg, CASES[c].want) || !strstr(err.msg, path))
            fail_msg("%s: message '%s'", w, err.msg);
        free(d);
    }
    rt_model *l = NULL;
    assert_int_equal(rt_model_load("no/such/model.rtm", &l, NULL), RT_EIO);
    free(good);
    remove(path);
}

static void test_explain(void **state)
{
    (void)state;
    rt_model *m = train(RT_ALGO_NBSVM, 1, TRAIN.n);
    rt_featurizer *f;
    assert_int_equal(rt_featurizer_new(rt_model_vocab(m), &f, NULL), RT_OK);
    rt_facet_info fi;
    rt_model_get_facet(m, 0, &fi);
    uint32_t justice = 2;
    assert_string_equal(fi.labels[justice], "justice");
    rt_contrib *c;
    size_t n;
    const rt_record *rec = TEST.ptrs[4];   /* "Prisoners left prison and reoffending fell" */
    assert_int_equal(rt_model_explain(m, f, rec, 0, justice, 5, &c, &n, NULL), RT_OK);
    assert_true(n > 0 && n <= 5);
    int prison = 0;
    for (size_t k = 0; k < n; k++) {
        assert_true(c[k].value > 0);
        assert_true(k == 0 || c[k - 1].value >= c[k].value);
        assert_true(c[k].nsurface >= 1);
        if (strcmp(c[k].text, "prison") == 0) {
            prison = 1;
            assert_int_equal(c[k].count, 2);
            assert_int_equal(c[k].nsurface, 2);   /* both words, first appearance first */
            assert_string_equal(c[k].surface[0], "Prisoners");
            assert_string_equal(c[k].surface[1], "prison");
        }
    }
    assert_true(prison);
    rt_contribs_free(c, n);
    rt_featurizer_free(f);
    rt_model_free(m);
}

/*
 * Multinomial NB by hand: A = "apple apple", B = "pear", alpha 1, no bigrams.
 * theta_A = (3/4, 1/4), theta_B = (1/3, 2/3) over (apple, pear); priors
 * (1 + 1) / (2 + 2) each. Single-label weights are centred per term.
 */
static void test_mnb_by_hand(void **state)
{
    (void)state;
    rt_record r[2];
    const rt_record *p[2] = { &r[0], &r[1] };
    const char *text[2] = { "apple apple", "pear" }, *label[2] = { "A", "B" };
    for (int i = 0; i < 2; i++) {
        rt_record_init(&r[i]);
        r[i].id = strdup(label[i]);
        r[i].title = strdup(text[i]);
        assert_int_equal(rt_record_add_label(&r[i], "t", label[i]), RT_OK);
    }
    static const char *const T[] = { "t" };
    rt_train_opts o = rt_train_defaults();
    o.facets = T;
    o.nfacets = 1;
    o.algo = RT_ALGO_MNB;
    o.alpha = 1;
    o.features.bigrams = 0;
    o.features.min_df = 1;
    rt_model *m;
    assert_int_equal(rt_model_train(p, 2, &o, &m, NULL), RT_OK);
    const rt_fmodel *fm = &m->facets[0];
    uint32_t apple = rt_vocab_find(m->vocab, "appl", 4), pear = rt_vocab_find(m->vocab, "pear", 4);
    assert_int_not_equal(apple, UINT32_MAX);
    double la[2] = { log(0.75), log(0.25) }, lb[2] = { log(1.0 / 3), log(2.0 / 3) };
    uint32_t term[2] = { apple, pear };
    for (int j = 0; j < 2; j++) {
        double mean = (la[j] + lb[j]) / 2;
        if (fabs(fm->w[term[j] * 2 + 0] - (la[j] - mean)) > 1e-6
            || fabs(fm->w[term[j] * 2 + 1] - (lb[j] - mean)) > 1e-6)
            fail_msg("term %d: weights %g %g", j, fm->w[term[j] * 2], fm->w[term[j] * 2 + 1]);
    }
    assert_true(fabs(fm->bias[0] - log(0.5)) < 1e-12 && fabs(fm->bias[1] - log(0.5)) < 1e-12);
    /* "apple" alone scores A: softmax of T * (bias + weights) */
    rt_featurizer *f;
    assert_int_equal(rt_featurizer_new(m->vocab, &f, NULL), RT_OK);
    rt_fvec x;
    assert_int_equal(rt_featurizer_run(f, &r[0], &x, NULL), RT_OK);
    double s[2];
    rt_model_score(m, 0, &x, s);
    double d = 2 * ((la[0] - lb[0]));   /* count 2 times the weight difference */
    assert_true(fabs(s[0] - 1 / (1 + exp(-fm->temp * d))) < 1e-6);
    rt_featurizer_free(f);
    rt_model_free(m);
    rt_record_clear(&r[0]);
    rt_record_clear(&r[1]);
}

/* Every allocation of train, save, load and predict may fail: RT_ENOMEM, no leak. */
static void test_out_of_memory(void **state)
{
    (void)state;
    const char *path = "test_model_oom.rtm";
    rt_train_opts o = rt_train_defaults();
    o.facets = FACETS;
    o.nfacets = 2;
    o.threads = 1;
    o.cv = 2;
    for (size_t n = 1; n < 20000; n++) {
        rt_model *m = NULL, *l = NULL;
        rt_predictor *p = NULL;
        failalloc_arm(n);
        int rc = rt_model_train(TRAIN.ptrs, 8, &o, &m, NULL);
        if (rc == RT_OK)
            rc = rt_model_save(m, path, NULL);
        if (rc == RT_OK)
            rc = rt_model_load(path, &l, NULL);
        if (rc == RT_OK)
            rc = rt_predictor_new(l, 1, &p, NULL);
        if (rc == RT_OK)
            rc = rt_predictor_run(p, TEST.ptrs, TEST.n, 0, NULL);
        int fired = failalloc_fired();
        failalloc_arm(0);
        rt_predictor_free(p);
        rt_model_free(l);
        rt_model_free(m);
        if (!fired) {
            assert_int_equal(rc, RT_OK);
            remove(path);
            return;
        }
        if (rc != RT_ENOMEM && rc != RT_EIO)
            fail_msg("allocation %zu: status %d", n, rc);
    }
    fail_msg("allocation count did not converge");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_algorithms),
        cmocka_unit_test(test_decide),
        cmocka_unit_test(test_mnb_by_hand),
        cmocka_unit_test(test_bad_facet),
        cmocka_unit_test(test_save_load),
        cmocka_unit_test(test_refused),
        cmocka_unit_test(test_explain),
        cmocka_unit_test(test_out_of_memory),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
