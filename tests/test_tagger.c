/*
 * test_tagger.c - the tags of a record: the predictor's decisions for an
 * ordinary facet, the model joined with the gazetteer for "country" (a
 * country the model never saw is tagged when the text names it), out of
 * memory in the constructor.
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
#include "revtag/tagger.h"
#include "testutil.h"

/* Training records: title, topic, country. */
static const char *const TRAIN[][3] = {
    { "Schools in Leeds improved reading after teachers were trained", "education", "GB" },
    { "Pupils in Manchester primary schools and their reading scores", "education", "GB" },
    { "Teachers and pupils in Lyon schools, a reading programme", "education", "FR" },
    { "Primary schools in Marseille: pupils, teachers and reading", "education", "FR" },
    { "Hospital waiting times in Leeds fell with the outcomes contract", "health", "GB" },
    { "Clinics in Manchester treated patients faster; hospital costs", "health", "GB" },
    { "Hospital patients in Lyon and clinic waiting times", "health", "FR" },
    { "Patients of Marseille clinics: hospital admissions fell", "health", "FR" },
};
#define NTRAIN (sizeof TRAIN / sizeof TRAIN[0])

typedef struct fixture {
    rt_record recs[NTRAIN + 3];
    const rt_record *ptrs[NTRAIN + 3];
    rt_model *m;            /* facets topic and country */
    rt_model *topic_only;   /* facet topic */
} fixture;

static void make(rt_record *r, const char *id, const char *title)
{
    rt_record_init(r);
    r->id = strdup(id);
    r->title = strdup(title);
    assert_non_null(r->id);
    assert_non_null(r->title);
}

static rt_model *train(fixture *fx, const char *const *facets, size_t nfacets)
{
    rt_train_opts o = rt_train_defaults();
    o.facets = facets;
    o.nfacets = nfacets;
    o.features.min_df = 1;
    o.cv = 2;
    rt_model *m = NULL;
    rt_err err = { 0, "" };
    if (rt_model_train(fx->ptrs, NTRAIN, &o, &m, &err) != RT_OK)
        fail_msg("train: %s", err.msg);
    return m;
}

static int setup(void **state)
{
    fixture *fx = calloc(1, sizeof *fx);
    assert_non_null(fx);
    for (size_t i = 0; i < NTRAIN; i++) {
        char id[16];
        snprintf(id, sizeof id, "t%zu", i);
        make(&fx->recs[i], id, TRAIN[i][0]);
        assert_int_equal(rt_record_add_label(&fx->recs[i], "topic", TRAIN[i][1]), RT_OK);
        assert_int_equal(rt_record_add_label(&fx->recs[i], "country", TRAIN[i][2]), RT_OK);
        fx->ptrs[i] = &fx->recs[i];
    }
    make(&fx->recs[NTRAIN], "kenya", "Girls' schools in Nairobi, Kenya: an education impact bond");
    make(&fx->recs[NTRAIN + 1], "leeds", "Hospital waiting times in Leeds clinics");
    make(&fx->recs[NTRAIN + 2], "none", "Outcomes contracts: a review across many countries");
    for (size_t i = NTRAIN; i < NTRAIN + 3; i++)
        fx->ptrs[i] = &fx->recs[i];
    static const char *const both[] = { "topic", "country" }, *const topic[] = { "topic" };
    fx->m = train(fx, both, 2);
    fx->topic_only = train(fx, topic, 1);
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    fixture *fx = *state;
    for (size_t i = 0; i < NTRAIN + 3; i++)
        rt_record_clear(&fx->recs[i]);
    rt_model_free(fx->m);
    rt_model_free(fx->topic_only);
    free(fx);
    return 0;
}

/* Tags of facet F for record I as "L L ..." (labels only). */
static void labels_of(const rt_tagger *t, size_t i, size_t f, char *buf, size_t cap)
{
    rt_assigned *tags = malloc(rt_tagger_cap(t) * sizeof *tags);
    size_t n = 0;
    assert_non_null(tags);
    assert_int_equal(rt_tagger_get(t, i, f, tags, &n, NULL), RT_OK);
    buf[0] = '\0';
    for (size_t k = 0; k < n; k++) {
        assert_true(tags[k].score >= 0 && tags[k].score <= 1);
        assert_true(k == 0 || tags[k].score <= tags[k - 1].score);
        strncat(buf, k ? " " : "", cap - strlen(buf) - 1);
        strncat(buf, tags[k].label, cap - strlen(buf) - 1);
    }
    free(tags);
}

static void test_ordinary_facet_is_the_predictor(void **state)
{
    fixture *fx = *state;
    rt_tagger *t;
    assert_int_equal(rt_tagger_new(fx->m, 2, &t, NULL), RT_OK);
    assert_int_equal(rt_tagger_run(t, fx->ptrs + NTRAIN, 3, 0, NULL), RT_OK);
    long f = rt_model_find_facet(fx->m, "topic");
    assert_true(f >= 0);
    rt_facet_info fi;
    rt_model_get_facet(fx->m, (size_t)f, &fi);
    rt_assigned tags[8];
    assert_true(rt_tagger_cap(t) >= fi.nlabels);
    for (size_t i = 0; i < 3; i++) {
        const rt_label_score *ls;
        size_t nd = rt_predictor_get(rt_tagger_predictor(t), i, (size_t)f, &ls), n = 0;
        assert_int_equal(rt_tagger_get(t, i, (size_t)f, tags, &n, NULL), RT_OK);
        assert_int_equal(n, nd);
        assert_int_equal(n, 1);   /* single-label facet */
        assert_string_equal(tags[0].label, fi.labels[ls[0].label]);
        assert_true(tags[0].score == ls[0].score);
    }
    char buf[64];
    labels_of(t, 0, (size_t)f, buf, sizeof buf);
    assert_string_equal(buf, "education");
    labels_of(t, 1, (size_t)f, buf, sizeof buf);
    assert_string_equal(buf, "health");
    rt_tagger_free(t);
}

static void test_country_joins_the_gazetteer(void **state)
{
    fixture *fx = *state;
    rt_tagger *t;
    assert_int_equal(rt_tagger_new(fx->m, 1, &t, NULL), RT_OK);
    assert_non_null(rt_tagger_gazetteer(t));
    assert_true(rt_tagger_cap(t) >= rt_country_count());
    assert_int_equal(rt_tagger_run(t, fx->ptrs + NTRAIN, 3, 0, NULL), RT_OK);
    size_t f = (size_t)rt_model_find_facet(fx->m, "country");
    char buf[64];
    labels_of(t, 0, f, buf, sizeof buf);
    assert_string_equal(buf, "KE");   /* not a label of the model: named in the text */
    labels_of(t, 1, f, buf, sizeof buf);
    assert_string_equal(buf, "GB");
    labels_of(t, 2, f, buf, sizeof buf);   /* no place named: the model's own decision */
    const rt_label_score *ls;
    assert_int_equal(rt_predictor_get(rt_tagger_predictor(t), 2, f, &ls), 1);
    rt_facet_info fi;
    rt_model_get_facet(fx->m, f, &fi);
    assert_string_equal(buf, fi.labels[ls[0].label]);
    rt_tagger_free(t);
}

static void test_without_country(void **state)
{
    fixture *fx = *state;
    rt_tagger *t;
    assert_int_equal(rt_tagger_new(fx->topic_only, 1, &t, NULL), RT_OK);
    assert_null(rt_tagger_gazetteer(t));
    assert_int_equal(rt_tagger_cap(t), 2);   /* education, health */
    rt_tagger_free(t);
    rt_tagger_free(NULL);
}

typedef struct oom_ctx {
    const rt_model *m;
    rt_tagger *t;
} oom_ctx;

static int oom_step(void *vctx)
{
    oom_ctx *c = vctx;
    return rt_tagger_new(c->m, 1, &c->t, NULL);
}

static void oom_cleanup(void *vctx)
{
    oom_ctx *c = vctx;
    rt_tagger_free(c->t);
    c->t = NULL;
}

static void test_out_of_memory(void **state)
{
    fixture *fx = *state;
    oom_ctx c = { fx->m, NULL };
    assert_int_equal(tu_each_alloc_failure(oom_step, oom_cleanup, &c, 100000), RT_OK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ordinary_facet_is_the_predictor),
        cmocka_unit_test(test_country_joins_the_gazetteer),
        cmocka_unit_test(test_without_country),
        cmocka_unit_test(test_out_of_memory),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
