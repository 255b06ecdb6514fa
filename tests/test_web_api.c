/*
 * test_web_api.c - the explorer's request handler without a socket: routes
 * and statuses for a table of requests, /api/search equal to rt_search_json
 * for the same options, snippet marks, the loopback Host check, the embedded
 * page files, explanations with a model, and allocation failures on every
 * route.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "failalloc.h"
#include "revtag/model.h"
#include "revtag/reader.h"
#include "revtag/search.h"
#include "revtag/store.h"
#include "rtint.h"
#include "web/web_int.h"
#include "testutil.h"

#define MAXP 6

static char DIR_[64], PATH_[96];
static rt_store *S;
static rt_web_ctx C;             /* S, no model */

/* Store the fixture records (tests/data/web/records.jsonl) and open them read-only. */
static int setup(void **state)
{
    (void)state;
    snprintf(DIR_, sizeof DIR_, "/tmp/rt_webapiXXXXXX");
    assert_non_null(mkdtemp(DIR_));
    snprintf(PATH_, sizeof PATH_, "%s/web.db", DIR_);
    rt_store *w;
    rt_reader *r;
    rt_record rec;
    rt_record_init(&rec);
    assert_int_equal(rt_store_open(PATH_, RT_STORE_WRITE, &w, NULL), RT_OK);
    assert_int_equal(rt_reader_open(RT_TEST_DATA "/web/records.jsonl", NULL, &r, NULL), RT_OK);
    assert_int_equal(rt_store_begin(w, NULL), RT_OK);
    int rc;
    while ((rc = rt_reader_next(r, &rec, NULL)) == RT_OK)
        assert_int_equal(rt_store_put(w, &rec, NULL, 0, NULL), RT_OK);
    assert_int_equal(rc, RT_DONE);
    assert_int_equal(rt_store_commit(w, NULL), RT_OK);
    rt_record_clear(&rec);
    rt_reader_free(r);
    rt_store_free(w);
    assert_int_equal(rt_store_open(PATH_, RT_STORE_READ, &S, NULL), RT_OK);
    C.store = S;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    rt_store_free(S);
    tu_remove_db(PATH_, DIR_);
    return 0;
}

/* A request from "key=value" strings ("key" alone: no value). */
typedef struct req_buf {
    rt_web_param p[MAXP];
    char kv[MAXP][128];
    rt_web_request req;
} req_buf;

static const rt_web_request *make_req(req_buf *b, const char *method, const char *path,
                                      const char *const *params)
{
    size_t n = 0;
    for (; n < MAXP && params && params[n]; n++) {
        snprintf(b->kv[n], sizeof b->kv[n], "%s", params[n]);
        char *eq = strchr(b->kv[n], '=');
        if (eq)
            *eq = 0;
        b->p[n].key = b->kv[n];
        b->p[n].value = eq ? eq + 1 : NULL;
    }
    b->req.method = method;
    b->req.path = path;
    b->req.params = b->p;
    b->req.nparams = n;
    return &b->req;
}

/* ---------------------------------------------------------------- routes */

typedef struct route_case {
    const char *method, *path;
    const char *params[MAXP];
    unsigned status;
    const char *type;            /* Content-Type prefix */
    const char *has;             /* substring of the body, or NULL */
} route_case;

static const route_case ROUTES[] = {
    { "GET", "/", { NULL }, 200, "text/html", "<title>revtag explorer</title>" },
    { "HEAD", "/index.html", { NULL }, 200, "text/html", "app.js" },
    { "GET", "/app.js", { NULL }, 200, "text/javascript", "use strict" },
    { "GET", "/style.css", { NULL }, 200, "text/css", ":root" },
    { "GET", "/nope", { NULL }, 404, "application/json", "\"error\":\"not found: /nope\"" },
    { "GET", "/api/", { NULL }, 404, "application/json", "not found" },
    { "GET", "/api/app.js", { NULL }, 404, "application/json", "not found" },
    { "GET", "//app.js", { NULL }, 404, "application/json", "not found" },
    { "GET", "/api/search", { NULL }, 200, "application/json", "\"total\":12," },
    { "GET", "/api/search", { "q" }, 200, "application/json", "\"total\":12," },
    { "GET", "/api/search", { "q=outcomes", "limit=1" }, 200, "application/json", "\"results\":[{" },
    { "GET", "/api/search", { "q=\"unbalanced" }, 400, "application/json", "unterminated" },
    { "GET", "/api/search", { "min_score=2" }, 400, "application/json", "min_score" },
    { "GET", "/api/search", { "min_score" }, 400, "application/json", "min_score" },
    { "GET", "/api/search", { "limit=10001" }, 400, "application/json", "limit" },
    { "GET", "/api/search", { "limit=2.5" }, 400, "application/json", "whole number" },
    { "GET", "/api/search", { "offset=-1" }, 400, "application/json", "offset" },
    { "GET", "/api/search", { "facet=nocolon" }, 400, "application/json", "FACET:LABEL" },
    { "GET", "/api/search", { "facet=country:" }, 400, "application/json", "FACET:LABEL" },
    { "GET", "/api/search", { "facet" }, 400, "application/json", "FACET:LABEL" },
    { "GET", "/api/search", { "source=robot" }, 400, "application/json", "source" },
    { "GET", "/api/search", { "format=csv" }, 400, "application/json", "unknown argument" },
    { "GET", "/api/search", { "bogus=1" }, 400, "application/json", "unknown argument 'bogus'" },
    { "POST", "/api/search", { NULL }, 405, "application/json", "read-only" },
    { "DELETE", "/", { NULL }, 405, "application/json", "read-only" },
    { "GET", "/api/record/web-01", { NULL }, 200, "application/json", "{\"id\":\"web-01\"," },
    { "GET", "/api/record/web-02", { NULL }, 200, "application/json", "\"predicted\":{" },
    { "GET", "/api/record/missing", { NULL }, 404, "application/json", "no record with id 'missing'" },
    { "GET", "/api/record/", { NULL }, 404, "application/json", "error" },
    { "GET", "/api/countries", { NULL }, 200, "application/json", "{\"code\":\"GB\",\"name\":\"United Kingdom\"," },
    { "GET", "/api/export", { "format=csv", "facet=country:KE" }, 200, "text/csv", "web-04" },
    { "GET", "/api/export", { "format=geojson", "q=outcomes" }, 200, "application/geo+json", "FeatureCollection" },
    { "GET", "/api/export", { "format=geojson", "per_record" }, 200, "application/geo+json", "web-01" },
    { "GET", "/api/export", { "format=ris", "source=manual" }, 200, "application/x-research-info-systems", "TY  -" },
    { "GET", "/api/export", { "format=csv", "wide=1" }, 200, "text/csv", "web-12" },
    { "GET", "/api/explain/web-04", { NULL }, 404, "application/json", "-m MODEL" },
    { "GET", "/api/explain/web-04", { "k=0" }, 400, "application/json", "k:" },
    { "GET", "/api/export", { NULL }, 400, "application/json", "format" },
    { "GET", "/api/export", { "format=xml" }, 400, "application/json", "format" },
    { "GET", "/api/export", { "format=json", "wide=1" }, 400, "application/json", "wide" },
    { "GET", "/api/export", { "format=csv", "per_record=1" }, 400, "application/json", "per_record" },
    { "GET", "/api/export", { "format=csv", "wide=yes" }, 400, "application/json", "wide" },
    { "GET", "/api/export", { "format=csv", "limit=3" }, 400, "application/json", "unknown argument" },
    { "GET", "/api/export", { "format=csv", "q=\"bad" }, 400, "application/json", "unterminated" },
};

static void test_routes(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof ROUTES / sizeof ROUTES[0]; i++) {
        const route_case *c = &ROUTES[i];
        req_buf b;
        rt_web_response r;
        rt_err err = { 0, "" };
        assert_int_equal(rt_web_handle(&C, make_req(&b, c->method, c->path, c->params), &r, &err), RT_OK);
        if (r.status != c->status)
            fail_msg("%s %s (case %zu): status %u, want %u: %.*s", c->method, c->path, i, r.status,
                     c->status, (int)r.len, (const char *)r.data);
        assert_non_null(r.type);
        assert_int_equal(strncmp(r.type, c->type, strlen(c->type)), 0);
        assert_non_null(r.data);
        assert_int_equal(r.data[r.len], 0);
        if (c->has && !strstr((const char *)r.data, c->has))
            fail_msg("%s %s (case %zu): body lacks '%s': %.300s", c->method, c->path, i, c->has,
                     (const char *)r.data);
        assert_int_equal(r.allow != NULL, r.status == 405);
        assert_int_equal(r.filename != NULL, strcmp(c->path, "/api/export") == 0 && r.status == 200);
        assert_int_equal(r.page, strncmp(c->path, "/api/", 5) != 0 && r.status == 200);
        rt_web_response_clear(&r);
        assert_null(r.body);
    }
}

/* ---------------------------------------------------------------- search arguments */

typedef struct search_case {
    const char *params[MAXP];
    const char *query;
    rt_facet_filter filters[3];
    size_t nfilters;
    int sources;
    double min_score;
    size_t limit, offset;
    const char *lang;
} search_case;

static const search_case SEARCHES[] = {
    { { NULL }, NULL, { { 0 } }, 0, RT_SOURCE_ALL, 0, 20, 0, NULL },
    { { "q=outcomes" }, "outcomes", { { 0 } }, 0, RT_SOURCE_ALL, 0, 20, 0, NULL },
    { { "q=transaction costs", "limit=2", "offset=1" }, "transaction costs", { { 0 } }, 0,
      RT_SOURCE_ALL, 0, 2, 1, NULL },
    { { "q=bond*", "facet=country:GB", "facet=country:US" }, "bond*",
      { { "country", "GB" }, { "country", "US" } }, 2, RT_SOURCE_ALL, 0, 20, 0, NULL },
    { { "facet=approach:social impact bond", "facet=country:US" }, NULL,
      { { "approach", "social impact bond" }, { "country", "US" } }, 2, RT_SOURCE_ALL, 0, 20, 0, NULL },
    { { "source=predicted", "min_score=0.8" }, NULL, { { 0 } }, 0, RT_SOURCE_PREDICTED, 0.8, 20, 0, NULL },
    { { "source=manual", "limit=0" }, NULL, { { 0 } }, 0, RT_SOURCE_MANUAL, 0, 0, 0, NULL },
    { { "facet=theme:costs and transaction costs", "source=all", "min_score=0.5" }, NULL,
      { { "theme", "costs and transaction costs" } }, 1, RT_SOURCE_ALL, 0.5, 20, 0, NULL },
    { { "q=contrat", "lang=fr" }, "contrat", { { 0 } }, 0, RT_SOURCE_ALL, 0, 20, 0, "fr" },
    { { "q=titl: x" }, "titl: x", { { 0 } }, 0, RT_SOURCE_ALL, 0, 20, 0, NULL },
};

/* /api/search answers what rt_search_json gives for the same options. */
static void test_search_args(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof SEARCHES / sizeof SEARCHES[0]; i++) {
        const search_case *c = &SEARCHES[i];
        rt_search_opts o = rt_search_defaults();
        o.query = c->query;
        o.filters = c->filters;
        o.nfilters = c->nfilters;
        o.sources = c->sources;
        o.min_score = c->min_score;
        o.limit = c->limit;
        o.offset = c->offset;
        o.lang = c->lang;
        o.mark_open = "\xee\x80\x80";
        o.mark_close = "\xee\x80\x81";
        char *want = NULL;
        size_t wlen = 0;
        rt_err err = { 0, "" };
        int wrc = rt_search_json(S, &o, &want, &wlen, &err);
        req_buf b;
        rt_web_response r;
        assert_int_equal(rt_web_handle(&C, make_req(&b, "GET", "/api/search", c->params), &r, NULL), RT_OK);
        if (wrc == RT_OK) {
            assert_int_equal(r.status, 200);
            assert_int_equal(r.len, wlen);
            assert_memory_equal(r.data, want, wlen);
        } else {
            assert_int_equal(wrc, RT_EINVAL);
            assert_int_equal(r.status, 400);
            assert_non_null(strstr((const char *)r.data, "\"error\""));
        }
        free(want);
        rt_web_response_clear(&r);
    }
}

/* Snippets carry U+E000 / U+E001 around matches, never markup from the data. */
static void test_snippet_marks(void **state)
{
    (void)state;
    static const char *const params[] = { "q=outcomes", "facet=country:GB", "limit=20", NULL };
    req_buf b;
    rt_web_response r;
    assert_int_equal(rt_web_handle(&C, make_req(&b, "GET", "/api/search", params), &r, NULL), RT_OK);
    assert_int_equal(r.status, 200);
    const char *body = (const char *)r.data;
    assert_non_null(strstr(body, "\xee\x80\x80" "outcomes" "\xee\x80\x81"));
    assert_null(strstr(body, "[outcomes]"));
    assert_null(strstr(body, "<mark>"));
    /* The hostile title comes through as data, quoted for JSON only. */
    assert_non_null(strstr(body, "\"<img src=x onerror=\\\"document.title='pwned'\\\"> Homelessness"));
    rt_web_response_clear(&r);
}

/* ---------------------------------------------------------------- host check and assets */

static void test_host_check(void **state)
{
    (void)state;
    static const struct { const char *host; int ok; } T[] = {
        { NULL, 1 }, { "localhost", 1 }, { "LOCALHOST:8080", 1 }, { "127.0.0.1", 1 },
        { "127.0.0.1:41234", 1 }, { "127.1.2.3:80", 1 }, { "[::1]", 1 }, { "[::1]:8080", 1 },
        { "", 0 }, { "evil.example", 0 }, { "localhost.evil.example", 0 }, { "127.0.0.1.evil", 0 },
        { "128.0.0.1", 0 }, { "127.0.0.256", 0 }, { "127.0.0", 0 }, { "[::2]:80", 0 },
        { "[::1]x", 0 }, { "localhost:", 0 }, { "localhost:80x", 0 }, { "10.0.0.1:8080", 0 },
        { "localhost:8080:1", 0 }, { "0x7f.0.0.1", 0 },
    };
    for (size_t i = 0; i < sizeof T / sizeof T[0]; i++)
        if (rt_web_host_is_loopback(T[i].host) != T[i].ok)
            fail_msg("host '%s': want %d", T[i].host ? T[i].host : "(null)", T[i].ok);
}

static void test_assets(void **state)
{
    (void)state;
    assert_true(rt_web_nassets >= 3);
    for (size_t i = 0; i < rt_web_nassets; i++) {
        const rt_web_asset *a = &rt_web_assets[i];
        assert_true(a->len > 100);
        assert_int_equal(a->data[a->len], 0);
        assert_int_equal(strlen((const char *)a->data), a->len);
        assert_ptr_equal(rt_web_asset_get(a->name), a);
        if (i > 0)
            assert_true(strcmp(rt_web_assets[i - 1].name, a->name) < 0);
    }
    const rt_web_asset *html = rt_web_asset_get("index.html");
    assert_non_null(html);
    assert_non_null(strstr((const char *)html->data, "<script src=\"app.js\" defer></script>"));
    assert_non_null(strstr((const char *)html->data, "href=\"style.css\""));
    assert_null(strstr((const char *)html->data, "http://"));
    assert_null(strstr((const char *)html->data, "https://"));
    const rt_web_asset *js = rt_web_asset_get("app.js");
    assert_non_null(js);
    assert_null(strstr((const char *)js->data, "innerHTML"));   /* data reaches the page as text */
    assert_null(rt_web_asset_get("missing.js"));
}

/* ---------------------------------------------------------------- explain */

/* A model of policy_area trained on the fixture records, with a featurizer. */
static void train(rt_model **m, rt_featurizer **fz)
{
    rt_record recs[16];
    const rt_record *ptr[16];
    size_t n = 0;
    rt_reader *r;
    assert_int_equal(rt_reader_open(RT_TEST_DATA "/web/records.jsonl", NULL, &r, NULL), RT_OK);
    rt_record_init(&recs[0]);
    while (n < 16 && rt_reader_next(r, &recs[n], NULL) == RT_OK) {
        ptr[n] = &recs[n];
        n++;
        if (n < 16)
            rt_record_init(&recs[n]);
    }
    rt_reader_free(r);
    static const char *const facets[] = { "policy_area" };
    rt_train_opts o = rt_train_defaults();
    o.facets = facets;
    o.nfacets = 1;
    o.threads = 1;
    rt_err err = { 0, "" };
    if (rt_model_train(ptr, n, &o, m, &err) != RT_OK)
        fail_msg("train: %s", err.msg);
    for (size_t i = 0; i <= n && i < 16; i++)
        rt_record_clear(&recs[i]);
    assert_int_equal(rt_featurizer_new(rt_model_vocab(*m), fz, NULL), RT_OK);
}

static size_t count_of(const char *s, const char *needle)
{
    size_t n = 0;
    for (const char *p = s; (p = strstr(p, needle)) != NULL; p += strlen(needle))
        n++;
    return n;
}

static void test_explain(void **state)
{
    (void)state;
    rt_web_ctx c = { S, NULL, NULL };
    rt_model *m;
    train(&m, &c.fz);
    c.model = m;
    static const struct { const char *path, *params[MAXP]; unsigned status; const char *has; } T[] = {
        { "/api/explain/web-04", { NULL }, 200,
          "{\"id\":\"web-04\",\"explain\":{\"policy_area\":[{\"label\":\"Health\",\"score\":0.95,\"terms\":[{\"term\":" },
        { "/api/explain/web-04", { "k=1" }, 200, "\"words\":[\"" },
        { "/api/explain/web-09", { NULL }, 200, "{\"id\":\"web-09\",\"explain\":{}}" },  /* a label the model lacks */
        { "/api/explain/web-03", { NULL }, 200, "\"explain\":{}" },                         /* no predictions */
        { "/api/explain/missing", { NULL }, 404, "no record" },
        { "/api/explain/", { NULL }, 404, "no record" },
        { "/api/explain/web-04", { "k=2.5" }, 400, "whole number" },
        { "/api/explain/web-04", { "q=x" }, 400, "unknown argument" },
    };
    for (size_t i = 0; i < sizeof T / sizeof T[0]; i++) {
        req_buf b;
        rt_web_response r;
        assert_int_equal(rt_web_handle(&c, make_req(&b, "GET", T[i].path, T[i].params), &r, NULL), RT_OK);
        if (r.status != T[i].status || !strstr((const char *)r.data, T[i].has))
            fail_msg("%s (case %zu): %u %s", T[i].path, i, r.status, (const char *)r.data);
        if (i == 1)
            assert_int_equal(count_of((const char *)r.data, "\"term\":"), 1);
        if (i == 0)
            assert_true(count_of((const char *)r.data, "\"term\":") > 1);
        rt_web_response_clear(&r);
    }
    /* Allocation failures: an answer or RT_ENOMEM, never a leak or a crash. */
    static const char *const none[] = { NULL };
    for (size_t n = 1;; n++) {
        req_buf b;
        rt_web_response r;
        failalloc_arm(n);
        int rc = rt_web_handle(&c, make_req(&b, "GET", "/api/explain/web-02", none), &r, NULL);
        int fired = failalloc_fired();
        failalloc_arm(0);
        assert_true(rc == RT_OK || (rc == RT_ENOMEM && fired));
        rt_web_response_clear(&r);
        if (!fired)
            break;
    }
    rt_featurizer_free(c.fz);
    rt_model_free(m);
}

/* ---------------------------------------------------------------- allocation failures */

static void test_alloc_failures(void **state)
{
    (void)state;
    static const struct { const char *method, *path, *params[MAXP]; } T[] = {
        { "GET", "/api/search", { "q=outcomes", "facet=country:GB", "facet=approach:outcomes fund" } },
        { "GET", "/api/search", { "q=\"bad" } },
        { "GET", "/api/record/web-02", { NULL } },
        { "GET", "/api/record/none", { NULL } },
        { "GET", "/api/countries", { NULL } },
        { "GET", "/api/export", { "format=geojson", "facet=country:GB" } },
        { "GET", "/api/export", { "format=csv", "wide=1" } },
        { "GET", "/app.js", { NULL } },
        { "GET", "/nope", { NULL } },
        { "PUT", "/", { NULL } },
    };
    for (size_t i = 0; i < sizeof T / sizeof T[0]; i++) {
        req_buf b;
        rt_web_response ref;
        const rt_web_request *req = make_req(&b, T[i].method, T[i].path, T[i].params);
        assert_int_equal(rt_web_handle(&C, req, &ref, NULL), RT_OK);
        for (size_t n = 1;; n++) {
            rt_web_response r;
            rt_err err = { 0, "" };
            failalloc_arm(n);
            int rc = rt_web_handle(&C, req, &r, &err);
            int fired = failalloc_fired();
            failalloc_arm(0);
            if (rc == RT_OK) {
                /* Either untouched by the failure, or a failure inside the store reported as 500. */
                assert_true(r.status == ref.status || (fired && r.status == 500));
            } else {
                assert_int_equal(rc, RT_ENOMEM);
                assert_true(fired);
                assert_null(r.body);
            }
            rt_web_response_clear(&r);
            if (!fired)
                break;
        }
        rt_web_response_clear(&ref);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_routes),
        cmocka_unit_test(test_search_args),
        cmocka_unit_test(test_snippet_marks),
        cmocka_unit_test(test_host_check),
        cmocka_unit_test(test_assets),
        cmocka_unit_test(test_explain),
        cmocka_unit_test(test_alloc_failures),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
