/*
 * test_store.c - the SQLite store: a record and its labels come back as they
 * went in, re-indexing replaces, a run rolled back (or abandoned) leaves
 * nothing, bad input is refused before anything is written, and every
 * allocation failure is reported without leaks.
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
#include "testutil.h"

typedef struct tmpdb {
    char dir[64];
    char path[96];
} tmpdb;

static void tmpdb_new(tmpdb *t)
{
    snprintf(t->dir, sizeof t->dir, "/tmp/rt_storeXXXXXX");
    assert_non_null(mkdtemp(t->dir));
    snprintf(t->path, sizeof t->path, "%s/t.db", t->dir);
}

static void tmpdb_free(tmpdb *t)
{
    tu_remove_db(t->path, t->dir);
}

/* A record as a reader would give it. */
static void make_record(rt_record *r, const char *id, const char *title, const char *extra)
{
    rt_record_init(r);
    r->id = strdup(id);
    r->title = strdup(title);
    r->abstract = strdup("Outcomes payments were made for sustained employment.");
    r->year = 2019;
    r->type = strdup("evaluation report");
    r->extra = extra ? strdup(extra) : NULL;
    r->source = strdup("in.jsonl");
    r->line = 7;
}

static void assert_json_equal(const char *got, const char *want)
{
    json_t *g = json_loads(got, 0, NULL), *w = json_loads(want, 0, NULL);
    assert_non_null(g);
    assert_non_null(w);
    if (!json_equal(g, w))
        fail_msg("JSON differs:\n got  %s\n want %s", got, want);
    json_decref(g);
    json_decref(w);
}

static size_t count(rt_store *s)
{
    size_t n = 99;
    assert_int_equal(rt_store_count(s, &n, NULL), RT_OK);
    return n;
}

static void test_round_trip(void **state)
{
    (void)state;
    tmpdb t;
    tmpdb_new(&t);
    rt_store *s;
    assert_int_equal(rt_store_open(t.path, RT_STORE_WRITE, &s, NULL), RT_OK);
    rt_record r;
    make_record(&r, "r1", "Peterborough bond",
                "{\"origin\":\"written\",\"predicted\":{\"theme\":[{\"label\":\"costs\","
                "\"score\":0.75},{\"label\":\"equity\",\"score\":0.5,\"model\":\"m1\"}]},"
                "\"n\":[1,2.5]}");
    r.lang = strdup("en-GB");
    assert_int_equal(rt_record_add_label(&r, "country", "GB"), RT_OK);
    assert_int_equal(rt_record_add_label(&r, "policy_area", "Criminal justice"), RT_OK);
    assert_int_equal(rt_record_add_label(&r, "policy_area", "Health"), RT_OK);
    assert_int_equal(rt_record_add_facet(&r, "approach"), RT_OK);     /* coded, empty */
    assert_int_equal(rt_store_put(s, &r, NULL, 0, NULL), RT_OK);
    char *json;
    size_t len;
    static const char WANT[] =
        "{\"id\":\"r1\",\"title\":\"Peterborough bond\",\"abstract\":\"Outcomes payments were"
        " made for sustained employment.\",\"year\":2019,\"type\":\"evaluation report\","
        "\"lang\":\"en-GB\",\"labels\":{\"approach\":[],\"country\":[\"GB\"],\"policy_area\":"
        "[\"Criminal justice\",\"Health\"]},\"origin\":\"written\",\"n\":[1,2.5],"
        "\"predicted\":%s}";
    char want[1024];
    assert_int_equal(rt_store_get_json(s, "r1", &json, &len, NULL), RT_OK);
    assert_int_equal(len, strlen(json));
    snprintf(want, sizeof want, WANT,
             "{\"theme\":[{\"label\":\"costs\",\"score\":0.75},{\"label\":\"equity\","
             "\"score\":0.5,\"model\":\"m1\"}]}");
    assert_json_equal(json, want);
    free(json);
    /* Predictions given by the caller (a model) replace the input's "predicted". */
    rt_store_label extra[] = { { "country", "IE", 0.25, "geo" }, { "theme", NULL, 0, "geo" } };
    assert_int_equal(rt_store_put(s, &r, extra, 2, NULL), RT_OK);
    rt_record_clear(&r);
    assert_int_equal(rt_store_get_json(s, "r1", &json, &len, NULL), RT_OK);
    snprintf(want, sizeof want, WANT,
             "{\"country\":[{\"label\":\"IE\",\"score\":0.25,\"model\":\"geo\"}]}");
    assert_json_equal(json, want);
    free(json);
    assert_int_equal(rt_store_get_json(s, "nope", &json, NULL, NULL), RT_OK);
    assert_null(json);
    rt_store_free(s);

    /* Read-only reopen sees the same, and refuses writes. */
    rt_err err = { 0, "" };
    assert_int_equal(rt_store_open(t.path, RT_STORE_READ, &s, NULL), RT_OK);
    assert_int_equal(count(s), 1);
    assert_int_equal(rt_store_begin(s, &err), RT_EINVAL);
    rt_store_free(s);
    tmpdb_free(&t);
}

static int search_total(rt_store *s, const char *query, const rt_facet_filter *f, size_t nf)
{
    rt_search_opts o = rt_search_defaults();
    o.query = query;
    o.filters = f;
    o.nfilters = nf;
    rt_search *r;
    assert_int_equal(rt_search_run(s, &o, &r, NULL), RT_OK);
    int n = (int)rt_search_total(r);
    rt_search_free(r);
    return n;
}

static void test_reindex_replaces(void **state)
{
    (void)state;
    tmpdb t;
    tmpdb_new(&t);
    rt_store *s;
    assert_int_equal(rt_store_open(t.path, RT_STORE_WRITE, &s, NULL), RT_OK);
    rt_record r;
    make_record(&r, "r1", "Peterborough prison bond", NULL);
    assert_int_equal(rt_record_add_label(&r, "country", "GB"), RT_OK);
    assert_int_equal(rt_store_put(s, &r, NULL, 0, NULL), RT_OK);
    rt_record_clear(&r);
    make_record(&r, "r1", "Essex family therapy", NULL);
    assert_int_equal(rt_record_add_label(&r, "country", "US"), RT_OK);
    assert_int_equal(rt_store_begin(s, NULL), RT_OK);
    assert_int_equal(rt_store_put(s, &r, NULL, 0, NULL), RT_OK);
    assert_int_equal(rt_store_put(s, &r, NULL, 0, NULL), RT_OK);   /* twice in one run */
    assert_int_equal(rt_store_commit(s, NULL), RT_OK);
    rt_record_clear(&r);
    assert_int_equal(count(s), 1);
    assert_int_equal(search_total(s, "peterborough", NULL, 0), 0);
    assert_int_equal(search_total(s, "essex", NULL, 0), 1);
    rt_facet_filter gb = { "country", "GB" }, us = { "country", "US" };
    assert_int_equal(search_total(s, NULL, &gb, 1), 0);
    assert_int_equal(search_total(s, NULL, &us, 1), 1);
    rt_store_free(s);
    tmpdb_free(&t);
}

static void test_rollback(void **state)
{
    (void)state;
    tmpdb t;
    tmpdb_new(&t);
    rt_store *s;
    rt_record r;
    make_record(&r, "r1", "kept", NULL);
    assert_int_equal(rt_store_open(t.path, RT_STORE_WRITE, &s, NULL), RT_OK);
    assert_int_equal(rt_store_put(s, &r, NULL, 0, NULL), RT_OK);
    rt_record_clear(&r);

    make_record(&r, "r2", "rolled back", NULL);
    assert_int_equal(rt_store_begin(s, NULL), RT_OK);
    assert_int_equal(rt_store_put(s, &r, NULL, 0, NULL), RT_OK);
    assert_int_equal(count(s), 2);
    rt_store_rollback(s);
    assert_int_equal(count(s), 1);

    assert_int_equal(rt_store_begin(s, NULL), RT_OK);          /* abandoned: freed mid-run */
    assert_int_equal(rt_store_put(s, &r, NULL, 0, NULL), RT_OK);
    rt_store_free(s);
    rt_record_clear(&r);
    assert_int_equal(rt_store_open(t.path, RT_STORE_READ, &s, NULL), RT_OK);
    assert_int_equal(count(s), 1);
    assert_int_equal(search_total(s, "rolled", NULL, 0), 0);
    assert_int_equal(search_total(s, "kept", NULL, 0), 1);
    rt_store_free(s);
    tmpdb_free(&t);
}

typedef struct bad_case {
    const char *extra, *lang, *want;
} bad_case;

static const bad_case BAD[] = {
    { "{\"predicted\":[1]}", NULL, "in.jsonl:7: record 'r1': predicted: expected an object" },
    { "{\"predicted\":{\"theme\":\"x\"}}", NULL, "predicted.theme: expected an array" },
    { "{\"predicted\":{\"theme\":[{\"label\":\"x\"}]}}", NULL, "predicted.theme[0]: expected" },
    { "{\"predicted\":{\"t\":[{\"label\":1,\"score\":1}]}}", NULL, "predicted.t[0]" },
    { NULL, "tlh", "in.jsonl:7: record 'r1': unknown language tlh" },
};

static void test_bad_records(void **state)
{
    (void)state;
    tmpdb t;
    tmpdb_new(&t);
    rt_store *s;
    assert_int_equal(rt_store_open(t.path, RT_STORE_WRITE, &s, NULL), RT_OK);
    assert_int_equal(rt_store_begin(s, NULL), RT_OK);
    for (size_t i = 0; i < sizeof BAD / sizeof BAD[0]; i++) {
        rt_record r;
        rt_err err = { 0, "" };
        make_record(&r, "r1", "title", BAD[i].extra);
        r.lang = BAD[i].lang ? strdup(BAD[i].lang) : NULL;
        assert_int_equal(rt_store_put(s, &r, NULL, 0, &err), RT_EFORMAT);
        if (!strstr(err.msg, BAD[i].want))
            fail_msg("case %zu: '%s' lacks '%s'", i, err.msg, BAD[i].want);
        rt_record_clear(&r);
    }
    rt_record r;                          /* the run goes on after refused records */
    make_record(&r, "r2", "good", NULL);
    assert_int_equal(rt_store_put(s, &r, NULL, 0, NULL), RT_OK);
    rt_record_clear(&r);
    assert_int_equal(rt_store_commit(s, NULL), RT_OK);
    assert_int_equal(count(s), 1);
    rt_store_free(s);
    tmpdb_free(&t);
}

static void test_not_a_store(void **state)
{
    (void)state;
    tmpdb t;
    tmpdb_new(&t);
    rt_store *s;
    rt_err err = { 0, "" };
    assert_int_equal(rt_store_open(t.path, RT_STORE_READ, &s, &err), RT_EIO);  /* missing */
    assert_non_null(strstr(err.msg, t.path));
    FILE *fp = fopen(t.path, "w");
    assert_non_null(fp);
    fputs("not a database, just text that is long enough to be looked at\n", fp);
    fclose(fp);
    assert_int_equal(rt_store_open(t.path, RT_STORE_READ, &s, &err), RT_EFORMAT);
    assert_non_null(strstr(err.msg, t.path));
    assert_null(s);
    tmpdb_free(&t);
}

/* One full cycle (open, put, commit, JSON, search); RT_OK or the first failure. */
static int cycle(const char *path)
{
    rt_store *s = NULL;
    rt_search *res = NULL;
    char *json = NULL;
    rt_record r;
    make_record(&r, "r1", "Outcomes fund in Colombia",
                "{\"predicted\":{\"country\":[{\"label\":\"CO\",\"score\":0.9}]}}");
    int rc = rt_record_add_label(&r, "policy_area", "Employment and training");
    if (rc == RT_OK)
        rc = rt_store_open(path, RT_STORE_WRITE, &s, NULL);
    if (rc == RT_OK)
        rc = rt_store_put(s, &r, NULL, 0, NULL);
    if (rc == RT_OK)
        rc = rt_store_get_json(s, "r1", &json, NULL, NULL);
    rt_search_opts o = rt_search_defaults();
    o.query = "colombia OR fund*";
    if (rc == RT_OK)
        rc = rt_search_run(s, &o, &res, NULL);
    if (rc == RT_OK && (rt_search_total(res) != 1 || rt_search_ncounts(res) != 2))
        rc = RT_EINVAL;
    rt_search_free(res);
    free(json);
    rt_store_free(s);
    rt_record_clear(&r);
    return rc;
}

static void test_out_of_memory(void **state)
{
    (void)state;
    for (size_t n = 1; n < 2000; n++) {
        tmpdb t;
        tmpdb_new(&t);
        failalloc_arm(n);
        int rc = cycle(t.path);
        int fired = failalloc_fired();
        failalloc_arm(0);
        tmpdb_free(&t);
        if (!fired) {
            assert_int_equal(rc, RT_OK);
            assert_true(n > 50);           /* the cycle does allocate: failures were tested */
            return;
        }
        if (rc != RT_ENOMEM)
            fail_msg("allocation %zu failed: got status %d, want RT_ENOMEM", n, rc);
    }
    fail_msg("allocation count did not converge");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip),   cmocka_unit_test(test_reindex_replaces),
        cmocka_unit_test(test_rollback),     cmocka_unit_test(test_bad_records),
        cmocka_unit_test(test_not_a_store),  cmocka_unit_test(test_out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
