/*
 * test_search.c - search over the store: totals and label counts equal a
 * brute-force count over generated records for a table of filters; paging;
 * snippets with custom marks and HTML escaping; bad queries; JSON; and
 * allocation failures.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "failalloc.h"
#include "revtag/search.h"
#include "revtag/store.h"
#include "rtint.h"
#include "testutil.h"

#define NREC 300
static const char *const COUNTRIES[] = { "GB", "US", "IN", "KE", "FR" };
static const char *const AREAS[] = { "Health", "Education", "Homelessness" };

/* What the generator gave each record, for the brute-force counts. */
typedef struct truth {
    int country_manual[5];        /* 1 when manual */
    double country_pred[5];       /* score, or -1 when not predicted */
    int area_manual[3];
    double area_pred[3];
    int has_word;                 /* "bond" in the title */
} truth;

static truth T[NREC + 1];
static char DIR_[64], PATH_[96];

static uint64_t rng = 42;
static unsigned rnd(unsigned n)
{
    rng = rng * 6364136223846793005u + 1442695040888963407u;
    return (unsigned)(rng >> 33) % n;
}

static void gen_record(rt_record *r, int i, rt_buf *pred, int *rc)
{
    char id[16];
    snprintf(id, sizeof id, "g-%03d", i);
    rt_record_init(r);
    T[i].has_word = rnd(3) == 0;
    r->id = strdup(id);
    r->title = strdup(T[i].has_word ? "An outcomes bond" : "An outcomes contract");
    rt_buf_puts(rc, pred, "{\"predicted\":{\"country\":[");
    for (int c = 0; c < 5; c++) {
        T[i].country_manual[c] = rnd(4) == 0;
        if (T[i].country_manual[c])
            rt_record_add_label(r, "country", COUNTRIES[c]);
        T[i].country_pred[c] = rnd(3) == 0 ? rnd(101) / 100.0 : -1;
        if (T[i].country_pred[c] >= 0)
            rt_buf_printf(rc, pred, "%s{\"label\":\"%s\",\"score\":%.2f}",
                          pred->data[pred->len - 1] == '[' ? "" : ",", COUNTRIES[c],
                          T[i].country_pred[c]);
    }
    rt_buf_puts(rc, pred, "],\"policy_area\":[");
    for (int a = 0; a < 3; a++) {
        T[i].area_manual[a] = rnd(3) == 0;
        if (T[i].area_manual[a])
            rt_record_add_label(r, "policy_area", AREAS[a]);
        T[i].area_pred[a] = rnd(2) == 0 ? rnd(101) / 100.0 : -1;
        if (T[i].area_pred[a] >= 0)
            rt_buf_printf(rc, pred, "%s{\"label\":\"%s\",\"score\":%.2f}",
                          pred->data[pred->len - 1] == '[' ? "" : ",", AREAS[a],
                          T[i].area_pred[a]);
    }
    rt_buf_puts(rc, pred, "]}}");
}

static int setup(void **state)
{
    (void)state;
    snprintf(DIR_, sizeof DIR_, "/tmp/rt_searchXXXXXX");
    assert_non_null(mkdtemp(DIR_));
    snprintf(PATH_, sizeof PATH_, "%s/t.db", DIR_);
    rt_store *s;
    assert_int_equal(rt_store_open(PATH_, RT_STORE_WRITE, &s, NULL), RT_OK);
    assert_int_equal(rt_store_begin(s, NULL), RT_OK);
    for (int i = 1; i <= NREC; i++) {
        rt_record r;
        rt_buf pred = { 0 };
        int rc = RT_OK;
        gen_record(&r, i, &pred, &rc);
        assert_int_equal(rc, RT_OK);
        r.extra = pred.data;
        assert_int_equal(rt_store_put(s, &r, NULL, 0, NULL), RT_OK);
        rt_record_clear(&r);
    }
    assert_int_equal(rt_store_commit(s, NULL), RT_OK);
    rt_store_free(s);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    tu_remove_db(PATH_, DIR_);
    return 0;
}

/* ---------------------------------------------------------------- brute force */

static int carries(const int *manual, const double *pred, int k, int sources, double min)
{
    return ((sources & RT_SOURCE_MANUAL) && manual[k])
           || ((sources & RT_SOURCE_PREDICTED) && pred[k] >= 0 && pred[k] >= min);
}

typedef struct fcase {
    const char *query;              /* NULL or "bond" */
    const char *country[2];         /* ORed */
    const char *area;
    int sources;
    double min_score;
} fcase;

static const fcase CASES[] = {
    { NULL, { NULL, NULL }, NULL, RT_SOURCE_ALL, 0 },
    { NULL, { NULL, NULL }, NULL, RT_SOURCE_MANUAL, 0 },
    { NULL, { NULL, NULL }, NULL, RT_SOURCE_PREDICTED, 0.5 },
    { NULL, { "GB", NULL }, NULL, RT_SOURCE_ALL, 0 },
    { NULL, { "GB", "KE" }, NULL, RT_SOURCE_ALL, 0.3 },
    { NULL, { "GB", "KE" }, "Health", RT_SOURCE_ALL, 0.3 },
    { NULL, { "US", NULL }, "Education", RT_SOURCE_PREDICTED, 0.8 },
    { "bond", { NULL, NULL }, NULL, RT_SOURCE_ALL, 0 },
    { "bond", { "IN", "FR" }, "Homelessness", RT_SOURCE_ALL, 0.6 },
    { "bond", { "XX", NULL }, NULL, RT_SOURCE_ALL, 0 },      /* unknown label: nothing */
};

static int idx(const char *const *v, int n, const char *s)
{
    for (int i = 0; i < n; i++)
        if (s && strcmp(v[i], s) == 0)
            return i;
    return -1;
}

static int brute_match(const fcase *c, int i)
{
    const truth *t = &T[i];
    if (c->query && !t->has_word)
        return 0;
    if (c->country[0]) {
        int ok = 0;
        for (int k = 0; k < 2; k++) {
            int ci = idx(COUNTRIES, 5, c->country[k]);
            ok |= ci >= 0 && carries(t->country_manual, t->country_pred, ci, c->sources,
                                     c->min_score);
        }
        if (!ok)
            return 0;
    }
    int ai = idx(AREAS, 3, c->area);
    return !c->area || (ai >= 0 && carries(t->area_manual, t->area_pred, ai, c->sources,
                                           c->min_score));
}

static size_t find_count(const rt_search *r, const char *facet, const char *label)
{
    for (size_t i = 0; i < rt_search_ncounts(r); i++) {
        const rt_label_count *c = rt_search_count(r, i);
        if (strcmp(c->facet, facet) == 0 && strcmp(c->label, label) == 0)
            return c->count;
    }
    return 0;
}

static void check_case(rt_store *s, size_t ci)
{
    const fcase *c = &CASES[ci];
    rt_facet_filter f[3];
    size_t nf = 0;
    for (int k = 0; k < 2; k++)
        if (c->country[k])
            f[nf++] = (rt_facet_filter){ "country", c->country[k] };
    if (c->area)
        f[nf++] = (rt_facet_filter){ "policy_area", c->area };
    rt_search_opts o = rt_search_defaults();
    o.query = c->query, o.filters = f, o.nfilters = nf;
    o.sources = c->sources, o.min_score = c->min_score;
    rt_search *r;
    assert_int_equal(rt_search_run(s, &o, &r, NULL), RT_OK);
    size_t total = 0, cc[5] = { 0 }, ac[3] = { 0 };
    for (int i = 1; i <= NREC; i++) {
        if (!brute_match(c, i))
            continue;
        total++;
        for (int k = 0; k < 5; k++)
            cc[k] += (size_t)carries(T[i].country_manual, T[i].country_pred, k, c->sources,
                                     c->min_score);
        for (int k = 0; k < 3; k++)
            ac[k] += (size_t)carries(T[i].area_manual, T[i].area_pred, k, c->sources,
                                     c->min_score);
    }
    if (rt_search_total(r) != total)
        fail_msg("case %zu: total %zu, want %zu", ci, rt_search_total(r), total);
    for (int k = 0; k < 5; k++)
        if (find_count(r, "country", COUNTRIES[k]) != cc[k])
            fail_msg("case %zu: country %s: %zu, want %zu", ci, COUNTRIES[k],
                     find_count(r, "country", COUNTRIES[k]), cc[k]);
    for (int k = 0; k < 3; k++)
        if (find_count(r, "policy_area", AREAS[k]) != ac[k])
            fail_msg("case %zu: %s: %zu, want %zu", ci, AREAS[k],
                     find_count(r, "policy_area", AREAS[k]), ac[k]);
    assert_int_equal(rt_search_nhits(r), total < 20 ? total : 20);
    rt_search_free(r);
}

static void test_counts_brute_force(void **state)
{
    (void)state;
    rt_store *s;
    assert_int_equal(rt_store_open(PATH_, RT_STORE_READ, &s, NULL), RT_OK);
    for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++)
        check_case(s, i);
    rt_store_free(s);
}

/* ---------------------------------------------------------------- paging, snippets, JSON */

static void test_paging(void **state)
{
    (void)state;
    rt_store *s;
    assert_int_equal(rt_store_open(PATH_, RT_STORE_READ, &s, NULL), RT_OK);
    rt_search_opts o = rt_search_defaults();
    o.query = "outcomes";
    o.limit = 1000;
    rt_search *all, *page;
    assert_int_equal(rt_search_run(s, &o, &all, NULL), RT_OK);
    assert_int_equal(rt_search_nhits(all), NREC);
    for (size_t i = 1; i < NREC; i++)
        assert_true(rt_search_hit(all, i - 1)->score >= rt_search_hit(all, i)->score);
    o.limit = 7, o.offset = 95;
    assert_int_equal(rt_search_run(s, &o, &page, NULL), RT_OK);
    assert_int_equal(rt_search_nhits(page), 7);
    for (size_t i = 0; i < 7; i++)
        assert_string_equal(rt_search_hit(page, i)->id, rt_search_hit(all, 95 + i)->id);
    assert_null(rt_search_hit(page, 7));
    rt_search_free(page);
    o.offset = NREC + 5;
    assert_int_equal(rt_search_run(s, &o, &page, NULL), RT_OK);
    assert_int_equal(rt_search_nhits(page), 0);
    assert_int_equal(rt_search_total(page), NREC);
    rt_search_free(page);
    rt_search_free(all);
    rt_store_free(s);
}

static void test_snippet_and_json(void **state)
{
    (void)state;
    char dir[] = "/tmp/rt_snipXXXXXX", path[64];
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/t.db", dir);
    rt_store *s;
    assert_int_equal(rt_store_open(path, RT_STORE_WRITE, &s, NULL), RT_OK);
    rt_record r;
    rt_record_init(&r);
    r.id = strdup("x");
    r.title = strdup("Bonds <in> \"Fran\xC3\xA7" "e\"");
    r.lang = strdup("fr");
    r.abstract = strdup("Les contrats & les obligations \xC3\xA0 impact social");
    assert_int_equal(rt_record_add_label(&r, "country", "FR"), RT_OK);
    assert_int_equal(rt_store_put(s, &r, NULL, 0, NULL), RT_OK);
    rt_record_clear(&r);
    rt_search_opts o = rt_search_defaults();
    o.query = "obligation";
    o.lang = "fr";
    o.mark_open = "<mark>", o.mark_close = "</mark>", o.html = 1;
    rt_search *res;
    assert_int_equal(rt_search_run(s, &o, &res, NULL), RT_OK);
    assert_int_equal(rt_search_total(res), 1);
    const rt_hit *h = rt_search_hit(res, 0);
    assert_string_equal(h->snippet,
                        "Les contrats &amp; les <mark>obligations</mark> \xC3\xA0 impact social");
    assert_string_equal(h->title, "Bonds &lt;in&gt; &quot;Fran\xC3\xA7" "e&quot;");
    assert_true(h->score > 0);
    rt_search_free(res);

    o = rt_search_defaults();              /* no query: the abstract's start, no marks */
    char *json;
    assert_int_equal(rt_search_json(s, &o, &json, NULL, NULL), RT_OK);
    json_t *d = json_loads(json, 0, NULL);
    assert_non_null(d);
    json_t *hit = json_array_get(json_object_get(d, "results"), 0);
    assert_string_equal(json_string_value(json_object_get(hit, "snippet")),
                        "Les contrats & les obligations \xC3\xA0 impact social");
    assert_true(json_is_null(json_object_get(hit, "score")));
    json_t *fr = json_array_get(json_object_get(json_object_get(hit, "labels"), "country"), 0);
    assert_string_equal(json_string_value(json_object_get(fr, "source")), "manual");
    assert_int_equal(json_integer_value(json_object_get(
                         json_object_get(json_object_get(d, "facets"), "country"), "FR")),
                     1);
    json_decref(d);
    free(json);
    rt_store_free(s);
    tu_remove_db(path, dir);
}

static void test_bad_query(void **state)
{
    (void)state;
    rt_store *s;
    assert_int_equal(rt_store_open(PATH_, RT_STORE_READ, &s, NULL), RT_OK);
    const char *bad[] = { "bond AND", "\"open", "nocolumn: bond", "NEAR(", "(bond" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        rt_search_opts o = rt_search_defaults();
        o.query = bad[i];
        rt_search *r = (rt_search *)(void *)&o;   /* must be reset to NULL */
        rt_err err = { 0, "" };
        assert_int_equal(rt_search_run(s, &o, &r, &err), RT_EINVAL);
        assert_null(r);
        assert_non_null(strstr(err.msg, bad[i]));
    }
    rt_search_opts o = rt_search_defaults();
    o.sources = 0;
    rt_search *r;
    assert_int_equal(rt_search_run(s, &o, &r, NULL), RT_EINVAL);
    o = rt_search_defaults();
    o.lang = "xx";
    o.query = "bond";
    assert_int_equal(rt_search_run(s, &o, &r, NULL), RT_EINVAL);
    rt_store_free(s);
}

static void test_out_of_memory(void **state)
{
    (void)state;
    rt_store *s;
    assert_int_equal(rt_store_open(PATH_, RT_STORE_READ, &s, NULL), RT_OK);
    rt_facet_filter f[] = { { "country", "GB" }, { "policy_area", "Health" } };
    for (size_t n = 1; n < 5000; n++) {
        rt_search_opts o = rt_search_defaults();
        o.query = "bond OR evaluat* OR contr*";
        o.filters = f, o.nfilters = 2;
        char *json = NULL;
        failalloc_arm(n);
        int rc = rt_search_json(s, &o, &json, NULL, NULL);
        int fired = failalloc_fired();
        failalloc_arm(0);
        free(json);
        if (!fired) {
            assert_int_equal(rc, RT_OK);
            assert_true(n > 20);
            rt_store_free(s);
            return;
        }
        if (rc != RT_ENOMEM)
            fail_msg("allocation %zu failed: status %d, want RT_ENOMEM", n, rc);
    }
    fail_msg("allocation count did not converge");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_counts_brute_force),
        cmocka_unit_test(test_paging),
        cmocka_unit_test(test_snippet_and_json),
        cmocka_unit_test(test_bad_query),
        cmocka_unit_test(test_out_of_memory),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
