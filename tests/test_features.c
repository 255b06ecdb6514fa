/*
 * test_features.c - records to term counts: stems as the analyzer gives
 * them, min_df pruning, bigrams, TF-IDF, identical vocabularies and rows for
 * any thread count, surface offsets, unknown languages, out of memory.
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
#include "revtag/analyzer.h"
#include "revtag/features.h"
#include "testutil.h"

typedef struct doc {
    const char *title, *text, *lang;
} doc;

static const doc DOCS[] = {
    { "Social impact bonds", "The bond paid for results.", NULL },
    { "Payment by results", "Social outcomes were paid for.", "en" },
    { "Obligations à impact social", "Les résultats sociaux des contrats.", "fr" },
    { "Impact bonds and results", NULL, NULL },
};
#define NDOCS (sizeof DOCS / sizeof DOCS[0])

static void make_records(rt_record *recs, const rt_record **ptrs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        rt_record_init(&recs[i]);
        char id[32];
        snprintf(id, sizeof id, "d%zu", i);
        recs[i].id = strdup(id);
        recs[i].title = DOCS[i % NDOCS].title ? strdup(DOCS[i % NDOCS].title) : NULL;
        recs[i].text = DOCS[i % NDOCS].text ? strdup(DOCS[i % NDOCS].text) : NULL;
        recs[i].lang = DOCS[i % NDOCS].lang ? strdup(DOCS[i % NDOCS].lang) : NULL;
        ptrs[i] = &recs[i];
    }
}

static void free_records(rt_record *recs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        rt_record_clear(&recs[i]);
}

/* Count of term TEXT in row I of M (0 when absent). */
static float row_count(const rt_vocab *v, const rt_sparse *m, size_t i, const char *text)
{
    rt_fvec r = rt_sparse_row(m, i);
    for (size_t k = 0; k < r.n; k++)
        if (strcmp(rt_vocab_term(v, r.idx[k]), text) == 0)
            return r.val[k];
    return 0;
}

static void test_vocabulary(void **state)
{
    (void)state;
    rt_record recs[NDOCS];
    const rt_record *ptrs[NDOCS];
    make_records(recs, ptrs, NDOCS);
    rt_feature_opts o = rt_feature_defaults();
    rt_vocab *v;
    rt_sparse m;
    assert_int_equal(rt_vocab_build(ptrs, NDOCS, &o, 1, &v, &m, NULL), RT_OK);
    /* min_df 2: "social" (docs 0, 1, 2 in en and fr), "bond" (0, 3), "result" (0, 1, 3) */
    assert_int_not_equal(rt_vocab_find(v, "social", 6), UINT32_MAX);
    assert_int_not_equal(rt_vocab_find(v, "bond", 4), UINT32_MAX);
    assert_int_not_equal(rt_vocab_find(v, "result", 6), UINT32_MAX);
    assert_int_equal(rt_vocab_find(v, "outcom", 6), UINT32_MAX);   /* df 1: pruned */
    assert_int_equal(rt_vocab_find(v, "bonds", 5), UINT32_MAX);    /* stemmed away */
    assert_int_equal(rt_vocab_df(v, rt_vocab_find(v, "social", 6)), 3);
    assert_int_equal(rt_vocab_ndocs(v), NDOCS);
    /* "impact bond" occurs in docs 0 and 3: a bigram; "social impact" only in doc 0 */
    int found = 0;
    for (uint32_t t = (uint32_t)rt_vocab_nunigrams(v); t < rt_vocab_size(v); t++)
        found |= strcmp(rt_vocab_term(v, t), "impact bond") == 0;
    assert_true(found);
    assert_true(row_count(v, &m, 0, "bond") == 2);        /* "bonds", "bond" */
    assert_true(row_count(v, &m, 3, "impact bond") == 1);
    assert_true(row_count(v, &m, 1, "impact bond") == 0);
    assert_int_equal(m.nrows, NDOCS);
    assert_int_equal(m.ncols, rt_vocab_size(v));
    for (size_t i = 0; i < m.nrows; i++)   /* columns ascending within a row */
        for (size_t k = m.ptr[i] + 1; k < m.ptr[i + 1]; k++)
            assert_true(m.idx[k - 1] < m.idx[k]);
    /* idf = ln((1 + N) / (1 + df)) + 1 */
    uint32_t s = rt_vocab_find(v, "social", 6);
    assert_float_equal(rt_vocab_idf(v)[s], log(5.0 / 4.0) + 1, 1e-6);
    rt_sparse_free(&m);
    rt_vocab_free(v);
    free_records(recs, NDOCS);
}

static void test_matches_analyzer(void **state)
{
    (void)state;
    const char *text = "The commissioners commissioned outcomes-based contracts; outcomes improved.";
    rt_record rec;
    rt_record_init(&rec);
    rec.id = strdup("a");
    rec.text = strdup(text);
    const rt_record *p[2] = { &rec, &rec };
    rt_feature_opts o = rt_feature_defaults();
    o.bigrams = 0;
    o.min_df = 1;
    rt_vocab *v;
    rt_sparse m;
    assert_int_equal(rt_vocab_build(p, 2, &o, 1, &v, &m, NULL), RT_OK);
    rt_analyzer *a;
    assert_int_equal(rt_analyzer_new(&o.an, &a, NULL), RT_OK);
    tu_tokens got = { 0 };
    assert_int_equal(rt_analyzer_run(a, "en", text, strlen(text), tu_collect, &got, NULL), RT_OK);
    /* every analyzer term is in the vocabulary, in first-occurrence order */
    char *save, *tok = strtok_r(got.text, " ", &save);
    uint32_t next = 0;
    for (; tok; tok = strtok_r(NULL, " ", &save)) {
        uint32_t id = rt_vocab_find(v, tok, strlen(tok));
        assert_int_not_equal(id, UINT32_MAX);
        assert_true(id <= next);
        if (id == next)
            next++;
    }
    assert_int_equal(next, rt_vocab_size(v));
    assert_true(row_count(v, &m, 0, "outcom") == 2);
    rt_analyzer_free(a);
    rt_sparse_free(&m);
    rt_vocab_free(v);
    rt_record_clear(&rec);
}

static void assert_same(const rt_vocab *a, const rt_sparse *ma, const rt_vocab *b, const rt_sparse *mb)
{
    assert_int_equal(rt_vocab_size(a), rt_vocab_size(b));
    for (uint32_t t = 0; t < rt_vocab_size(a); t++) {
        assert_string_equal(rt_vocab_term(a, t), rt_vocab_term(b, t));
        assert_int_equal(rt_vocab_df(a, t), rt_vocab_df(b, t));
    }
    assert_int_equal(ma->nrows, mb->nrows);
    assert_memory_equal(ma->ptr, mb->ptr, (ma->nrows + 1) * sizeof *ma->ptr);
    assert_memory_equal(ma->idx, mb->idx, ma->ptr[ma->nrows] * sizeof *ma->idx);
    assert_memory_equal(ma->val, mb->val, ma->ptr[ma->nrows] * sizeof *ma->val);
}

static void test_thread_count_invariant(void **state)
{
    (void)state;
    enum { N = 41 };
    rt_record recs[N];
    const rt_record *ptrs[N];
    make_records(recs, ptrs, N);
    rt_feature_opts o = rt_feature_defaults();
    rt_vocab *v1, *v3, *v7;
    rt_sparse m1, m3, m7;
    assert_int_equal(rt_vocab_build(ptrs, N, &o, 1, &v1, &m1, NULL), RT_OK);
    assert_int_equal(rt_vocab_build(ptrs, N, &o, 3, &v3, &m3, NULL), RT_OK);
    assert_int_equal(rt_vocab_build(ptrs, N, &o, 7, &v7, &m7, NULL), RT_OK);
    assert_same(v1, &m1, v3, &m3);
    assert_same(v1, &m1, v7, &m7);
    /* rows from the fixed vocabulary equal the training rows */
    rt_sparse c2;
    assert_int_equal(rt_vocab_count(v1, ptrs, N, 2, &c2, NULL), RT_OK);
    assert_same(v1, &m1, v1, &c2);
    rt_sparse_free(&c2);
    rt_sparse_free(&m1);
    rt_sparse_free(&m3);
    rt_sparse_free(&m7);
    rt_vocab_free(v1);
    rt_vocab_free(v3);
    rt_vocab_free(v7);
    free_records(recs, N);
}

static void test_featurizer_and_tfidf(void **state)
{
    (void)state;
    rt_record recs[NDOCS];
    const rt_record *ptrs[NDOCS];
    make_records(recs, ptrs, NDOCS);
    rt_feature_opts o = rt_feature_defaults();
    rt_vocab *v;
    rt_sparse m;
    assert_int_equal(rt_vocab_build(ptrs, NDOCS, &o, 2, &v, &m, NULL), RT_OK);
    rt_featurizer *f;
    assert_int_equal(rt_featurizer_new(v, &f, NULL), RT_OK);
    rt_record q;
    rt_record_init(&q);
    q.id = strdup("q");
    q.title = strdup("Unknown words, social impact bonds, impact BONDS");
    rt_fvec x;
    assert_int_equal(rt_featurizer_run(f, &q, &x, NULL), RT_OK);
    float bond = 0, ib = 0;
    for (size_t k = 0; k < x.n; k++) {
        const char *t = rt_vocab_term(v, x.idx[k]);
        bond += strcmp(t, "bond") == 0 ? x.val[k] : 0;
        ib += strcmp(t, "impact bond") == 0 ? x.val[k] : 0;
        assert_null(strstr(t, "unknown"));
    }
    assert_true(bond == 2 && ib == 2);
    rt_sparse_tfidf(&m, rt_vocab_idf(v));
    for (size_t i = 0; i < m.nrows; i++) {
        double ss = 0;
        for (size_t k = m.ptr[i]; k < m.ptr[i + 1]; k++)
            ss += (double)m.val[k] * m.val[k];
        assert_float_equal(ss, m.ptr[i + 1] > m.ptr[i] ? 1.0 : 0.0, 1e-5);
    }
    rt_record_clear(&q);
    rt_featurizer_free(f);
    rt_sparse_free(&m);
    rt_vocab_free(v);
    free_records(recs, NDOCS);
}

typedef struct hits {
    const rt_record *rec;
    const rt_vocab *v;
    char seen[512];
} hits;

static int on_hit(void *ctx, const rt_term_hit *h)
{
    hits *c = ctx;
    const char *f = h->field == RT_FIELD_TITLE ? c->rec->title : c->rec->text;
    char buf[128];
    snprintf(buf, sizeof buf, "%s=%.*s;", rt_vocab_term(c->v, h->term), (int)(h->end - h->start),
             f + h->start);
    strncat(c->seen, buf, sizeof c->seen - strlen(c->seen) - 1);
    return 0;
}

static void test_walk_surfaces(void **state)
{
    (void)state;
    rt_record recs[NDOCS];
    const rt_record *ptrs[NDOCS];
    make_records(recs, ptrs, NDOCS);
    rt_feature_opts o = rt_feature_defaults();
    rt_vocab *v;
    rt_sparse m;
    assert_int_equal(rt_vocab_build(ptrs, NDOCS, &o, 1, &v, &m, NULL), RT_OK);
    rt_featurizer *f;
    assert_int_equal(rt_featurizer_new(v, &f, NULL), RT_OK);
    hits c = { &recs[0], v, "" };
    assert_int_equal(rt_featurizer_walk(f, &recs[0], on_hit, &c, NULL), RT_OK);
    assert_string_equal(c.seen, "social=Social;impact=impact;bond=bonds;impact bond=impact bonds;"
                                "bond=bond;paid=paid;for=for;paid for=paid for;result=results;");
    rt_featurizer_free(f);
    rt_sparse_free(&m);
    rt_vocab_free(v);
    free_records(recs, NDOCS);
}

static void test_unknown_language(void **state)
{
    (void)state;
    rt_record recs[2];
    const rt_record *ptrs[2];
    make_records(recs, ptrs, 2);
    free(recs[1].lang);
    recs[1].lang = strdup("tlh");
    recs[1].source = strdup("in.jsonl");
    recs[1].line = 7;
    rt_feature_opts o = rt_feature_defaults();
    rt_vocab *v = NULL;
    rt_sparse m;
    rt_err err = { 0, "" };
    assert_int_equal(rt_vocab_build(ptrs, 2, &o, 2, &v, &m, &err), RT_EINVAL);
    assert_null(v);
    assert_non_null(strstr(err.msg, "in.jsonl:7:"));
    free_records(recs, 2);
}

static void test_out_of_memory(void **state)
{
    (void)state;
    rt_record recs[NDOCS];
    const rt_record *ptrs[NDOCS];
    make_records(recs, ptrs, NDOCS);
    rt_feature_opts o = rt_feature_defaults();
    for (size_t n = 1; n < 5000; n++) {
        rt_vocab *v = NULL;
        rt_sparse m = { 0 }, c = { 0 };
        failalloc_arm(n);
        int rc = rt_vocab_build(ptrs, NDOCS, &o, 1, &v, &m, NULL);
        if (rc == RT_OK)
            rc = rt_vocab_count(v, ptrs, NDOCS, 1, &c, NULL);
        int fired = failalloc_fired();
        failalloc_arm(0);
        rt_sparse_free(&m);
        rt_sparse_free(&c);
        rt_vocab_free(v);
        if (!fired) {
            assert_int_equal(rc, RT_OK);
            free_records(recs, NDOCS);
            return;
        }
        assert_int_equal(rc, RT_ENOMEM);
    }
    fail_msg("allocation count did not converge");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_vocabulary),
        cmocka_unit_test(test_matches_analyzer),
        cmocka_unit_test(test_thread_count_invariant),
        cmocka_unit_test(test_featurizer_and_tfidf),
        cmocka_unit_test(test_walk_surfaces),
        cmocka_unit_test(test_unknown_language),
        cmocka_unit_test(test_out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
