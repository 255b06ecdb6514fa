/*
 * api.c - the explorer's requests: routes a path to the page's files or to
 * the JSON API, turns query arguments into search options, and answers with
 * the store's own search, record and export functions (no SQL here).
 */
#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "revtag/export.h"
#include "revtag/gazetteer.h"
#include "revtag/search.h"
#include "rtint.h"
#include "web/web_int.h"

#define MAX_LIMIT 10000          /* most results one /api/search returns */
#define MAX_FILTERS 256          /* most facet= arguments in one request */

/* Snippet marks the page splits on: private-use code points, never HTML. */
#define MARK_OPEN "\xee\x80\x80"  /* U+E000 */
#define MARK_CLOSE "\xee\x80\x81" /* U+E001 */

static const char TYPE_JSON[] = "application/json; charset=utf-8";

/* Search arguments parsed from a request; FILTERS and their strings owned. */
typedef struct search_args {
    rt_search_opts o;
    rt_facet_filter *filters;
    char **facets;               /* facet names copied out of "F:V" */
    size_t n;
    const char *format;          /* /api/export only: format= */
    int per_record, wide;        /* /api/export only: per_record=, wide= */
} search_args;

/* ---------------------------------------------------------------- responses */

void rt_web_response_clear(rt_web_response *r)
{
    if (!r)
        return;
    free(r->body);
    memset(r, 0, sizeof *r);
}

/* Make BODY (malloc'd, LEN bytes) the response with STATUS and TYPE. */
static void respond(rt_web_response *r, unsigned status, const char *type, char *body, size_t len)
{
    r->status = status;
    r->type = type;
    r->body = body;
    r->data = (const unsigned char *)body;
    r->len = len;
}

/* {"error": MSG} with STATUS. Returns RT_OK or RT_ENOMEM. */
static int respond_error(rt_web_response *r, unsigned status, const char *msg, rt_err *err)
{
    json_t *o = json_pack("{s:s}", "error", msg);
    char *s = o ? json_dumps(o, JSON_COMPACT) : NULL;
    json_decref(o);
    if (!s)
        return rt_err_set(err, RT_ENOMEM, "out of memory");
    respond(r, status, TYPE_JSON, s, strlen(s));
    return RT_OK;
}

/* The answer to a library status RC: 400 for bad input, else 500. */
static int respond_status(rt_web_response *r, int rc, const rt_err *e, rt_err *err)
{
    if (rc == RT_ENOMEM)
        return rt_err_set(err, RT_ENOMEM, "%s", e->msg[0] ? e->msg : "out of memory");
    const char *msg = e->msg[0] ? e->msg : rt_strerror(rc);
    return respond_error(r, rc == RT_EINVAL ? 400 : 500, msg, err);
}

/* ---------------------------------------------------------------- arguments */

static void args_free(search_args *a)
{
    for (size_t i = 0; i < a->n; i++)
        free(a->facets[i]);
    free(a->facets);
    free(a->filters);
    memset(a, 0, sizeof *a);
}

/* A number argument in [MIN, MAX]; RT_EINVAL with err otherwise. */
static int parse_num(const char *key, const char *v, double min, double max, double *out,
                     rt_err *err)
{
    char *end;
    errno = 0;
    double d = v ? strtod(v, &end) : 0;
    if (!v || end == v || *end || errno || !isfinite(d) || d < min || d > max)
        return rt_err_set(err, RT_EINVAL, "%s: expected a number from %g to %g, got '%s'", key,
                          min, max, v ? v : "");
    *out = d;
    return RT_OK;
}

/* Add the filter "FACET:LABEL" in V to A. RT_OK, RT_EINVAL or RT_ENOMEM. */
static int add_filter(search_args *a, const char *v, rt_err *err)
{
    const char *colon = v ? strchr(v, ':') : NULL;
    if (!colon || colon == v || !colon[1])
        return rt_err_set(err, RT_EINVAL, "facet: expected FACET:LABEL, got '%s'", v ? v : "");
    if (a->n == MAX_FILTERS)
        return rt_err_set(err, RT_EINVAL, "facet: more than %d filters", MAX_FILTERS);
    char *facet = rt_strndup(v, (size_t)(colon - v));
    if (!facet)
        return rt_err_set(err, RT_ENOMEM, "out of memory");
    a->facets[a->n] = facet;
    a->filters[a->n].facet = facet;
    a->filters[a->n].label = colon + 1;
    a->n++;
    return RT_OK;
}

/* Apply one argument KEY=V to A. RT_OK, RT_EINVAL (unknown or bad) or RT_ENOMEM. */
static int apply_param(search_args *a, const char *key, const char *v, int export, rt_err *err)
{
    double d = 0;
    int rc = RT_OK;
    if (strcmp(key, "q") == 0) {
        a->o.query = v;
    } else if (strcmp(key, "facet") == 0) {
        rc = add_filter(a, v, err);
    } else if (strcmp(key, "source") == 0) {
        a->o.sources = rt_label_source_from_name(v ? v : "");
        if (a->o.sources < 0)
            rc = rt_err_set(err, RT_EINVAL, "source: expected manual, predicted or all");
    } else if (strcmp(key, "min_score") == 0) {
        if ((rc = parse_num(key, v, 0, 1, &d, err)) == RT_OK)
            a->o.min_score = d;
    } else if (strcmp(key, "lang") == 0) {
        a->o.lang = v;
    } else if (!export && (strcmp(key, "limit") == 0 || strcmp(key, "offset") == 0)) {
        if ((rc = parse_num(key, v, 0, key[0] == 'l' ? MAX_LIMIT : 1e9, &d, err)) == RT_OK
            && d != floor(d))
            rc = rt_err_set(err, RT_EINVAL, "%s: expected a whole number", key);
        if (rc == RT_OK)
            *(key[0] == 'l' ? &a->o.limit : &a->o.offset) = (size_t)d;
    } else if (export && strcmp(key, "format") == 0) {
        a->format = v;
    } else if (export && (strcmp(key, "per_record") == 0 || strcmp(key, "wide") == 0)) {
        if (v && strcmp(v, "0") != 0 && strcmp(v, "1") != 0)
            rc = rt_err_set(err, RT_EINVAL, "%s: expected 0 or 1", key);
        *(key[0] == 'p' ? &a->per_record : &a->wide) = !v || strcmp(v, "1") == 0;
    } else {
        rc = rt_err_set(err, RT_EINVAL, "unknown argument '%s'", key);
    }
    return rc;
}

/* Parse REQ's arguments into *a (args_free frees it). RT_OK, RT_EINVAL or RT_ENOMEM. */
static int parse_args(const rt_web_request *req, int export, search_args *a, rt_err *err)
{
    memset(a, 0, sizeof *a);
    a->o = rt_search_defaults();
    a->o.mark_open = MARK_OPEN;
    a->o.mark_close = MARK_CLOSE;
    size_t cap = req->nparams < MAX_FILTERS ? req->nparams : MAX_FILTERS;
    a->filters = calloc(cap + 1, sizeof *a->filters);
    a->facets = calloc(cap + 1, sizeof *a->facets);
    if (!a->filters || !a->facets)
        return rt_err_set(err, RT_ENOMEM, "out of memory");
    int rc = RT_OK;
    for (size_t i = 0; i < req->nparams && rc == RT_OK; i++)
        rc = apply_param(a, req->params[i].key, req->params[i].value, export, err);
    a->o.filters = a->filters;
    a->o.nfilters = a->n;
    return rc;
}

/* ---------------------------------------------------------------- API */

static int api_search(rt_store *s, const rt_web_request *req, rt_web_response *r, rt_err *err)
{
    search_args a;
    rt_err e = { 0, "" };
    char *out = NULL;
    size_t len = 0;
    int rc = parse_args(req, 0, &a, &e);
    if (rc == RT_OK)
        rc = rt_search_json(s, &a.o, &out, &len, &e);
    args_free(&a);
    if (rc != RT_OK)
        return respond_status(r, rc, &e, err);
    respond(r, 200, TYPE_JSON, out, len);
    return RT_OK;
}

/* The JSON OUT (LEN bytes, taken over) about record ID; 404 when it was not found (OUT NULL). */
static int respond_record(rt_web_response *r, int rc, const rt_err *e, const char *id, char *out,
                          size_t len, rt_err *err)
{
    if (rc != RT_OK)
        return respond_status(r, rc, e, err);
    if (!out) {
        char msg[RT_ERR_MAX];
        snprintf(msg, sizeof msg, "no record with id '%.200s'", id);
        return respond_error(r, 404, msg, err);
    }
    respond(r, 200, TYPE_JSON, out, len);
    return RT_OK;
}

static int api_record(rt_store *s, const char *id, rt_web_response *r, rt_err *err)
{
    rt_err e = { 0, "" };
    char *out = NULL;
    size_t len = 0;
    int rc = *id ? rt_store_get_json(s, id, &out, &len, &e) : RT_OK;
    return respond_record(r, rc, &e, id, out, len, err);
}

/* Every country of the gazetteer: [{"code", "name", "lat", "lon"}], for the map. */
static int api_countries(rt_web_response *r, rt_err *err)
{
    json_t *arr = json_array();
    int ok = arr != NULL;
    for (size_t i = 0; ok && i < rt_country_count(); i++) {
        const rt_country *c = rt_country_at(i);
        ok = json_array_append_new(arr, json_pack("{s:s,s:s,s:f,s:f}", "code", c->alpha2, "name",
                                                  c->name, "lat", c->lat, "lon", c->lon))
             == 0;
    }
    char *s = ok ? json_dumps(arr, JSON_COMPACT | JSON_REAL_PRECISION(6)) : NULL;
    json_decref(arr);
    if (!s)
        return rt_err_set(err, RT_ENOMEM, "out of memory");
    respond(r, 200, TYPE_JSON, s, strlen(s));
    return RT_OK;
}

/* Export options from A's format=, per_record= and wide=. RT_OK or RT_EINVAL. */
static int export_opts(const search_args *a, rt_export_opts *eo, rt_err *err)
{
    memset(eo, 0, sizeof *eo);
    eo->format = a->format ? rt_export_format_from_name(a->format) : -1;
    eo->per_record = a->per_record;
    eo->wide = a->wide;
    if (eo->format < 0)
        return rt_err_set(err, RT_EINVAL, "format: expected geojson, csv, json, jsonl or ris");
    if (eo->per_record && eo->format != RT_EXPORT_GEOJSON)
        return rt_err_set(err, RT_EINVAL, "per_record applies to format=geojson");
    if (eo->wide && eo->format != RT_EXPORT_CSV)
        return rt_err_set(err, RT_EINVAL, "wide applies to format=csv");
    return RT_OK;
}

/* Download name of an export in FORMAT. */
static const char *export_filename(int format)
{
    switch (format) {
    case RT_EXPORT_GEOJSON: return "revtag.geojson";
    case RT_EXPORT_CSV: return "revtag.csv";
    case RT_EXPORT_JSON: return "revtag.json";
    case RT_EXPORT_JSONL: return "revtag.jsonl";
    default: return "revtag.ris";
    }
}

static int api_export(rt_store *s, const rt_web_request *req, rt_web_response *r, rt_err *err)
{
    search_args a;
    rt_export_opts eo;
    rt_err e = { 0, "" };
    char *out = NULL;
    size_t len = 0;
    int rc = parse_args(req, 1, &a, &e);
    if (rc == RT_OK)
        rc = export_opts(&a, &eo, &e);
    if (rc == RT_OK)
        rc = rt_export_string(s, &a.o, &eo, &out, &len, &e);
    args_free(&a);
    if (rc != RT_OK)
        return respond_status(r, rc, &e, err);
    respond(r, 200, rt_export_content_type(eo.format), out, len);
    r->filename = export_filename(eo.format);
    return RT_OK;
}

/* /api/explain/ID?k=N: the terms behind the record's predicted labels. */
static int api_explain(const rt_web_ctx *c, const rt_web_request *req, const char *id,
                       rt_web_response *r, rt_err *err)
{
    rt_err e = { 0, "" };
    double k = 8;
    int rc = RT_OK;
    for (size_t i = 0; i < req->nparams && rc == RT_OK; i++)
        rc = strcmp(req->params[i].key, "k") == 0
                 ? parse_num("k", req->params[i].value, 1, 100, &k, &e)
                 : rt_err_set(&e, RT_EINVAL, "unknown argument '%s'", req->params[i].key);
    if (rc == RT_OK && k != floor(k))
        rc = rt_err_set(&e, RT_EINVAL, "k: expected a whole number");
    if (rc != RT_OK)
        return respond_status(r, rc, &e, err);
    if (!c->model)
        return respond_error(r, 404, "no model: start revtag serve with -m MODEL to explain "
                             "predicted labels", err);
    char *out = NULL;
    size_t len = 0;
    rc = *id ? rt_web_explain_json(c, id, (size_t)k, &out, &len, &e) : RT_OK;
    return respond_record(r, rc, &e, id, out, len, err);
}

/* ---------------------------------------------------------------- routing */

const rt_web_asset *rt_web_asset_get(const char *name)
{
    for (size_t i = 0; i < rt_web_nassets; i++)
        if (strcmp(rt_web_assets[i].name, name) == 0)
            return &rt_web_assets[i];
    return NULL;
}

/* A file of the page: "/" is index.html. 0 when PATH names none. */
static int serve_asset(const char *path, rt_web_response *r)
{
    const rt_web_asset *a = rt_web_asset_get(strcmp(path, "/") == 0 ? "index.html" : path + 1);
    if (!a)
        return 0;
    r->status = 200;
    r->type = a->type;
    r->data = a->data;
    r->len = a->len;
    r->page = 1;
    return 1;
}

int rt_web_handle(const rt_web_ctx *c, const rt_web_request *req, rt_web_response *r, rt_err *err)
{
    static const char RECORD[] = "/api/record/", EXPLAIN[] = "/api/explain/";
    rt_store *s = c->store;
    const char *path = req->path;
    memset(r, 0, sizeof *r);
    if (strcmp(req->method, "GET") != 0 && strcmp(req->method, "HEAD") != 0) {
        r->allow = "GET, HEAD";
        return respond_error(r, 405, "method not allowed: the explorer is read-only", err);
    }
    if (strcmp(path, "/api/search") == 0)
        return api_search(s, req, r, err);
    if (strncmp(path, RECORD, sizeof RECORD - 1) == 0)
        return api_record(s, path + sizeof RECORD - 1, r, err);
    if (strncmp(path, EXPLAIN, sizeof EXPLAIN - 1) == 0)
        return api_explain(c, req, path + sizeof EXPLAIN - 1, r, err);
    if (strcmp(path, "/api/export") == 0)
        return api_export(s, req, r, err);
    if (strcmp(path, "/api/countries") == 0)
        return api_countries(r, err);
    if (strncmp(path, "/api/", 5) != 0 && serve_asset(path, r))
        return RT_OK;
    char msg[RT_ERR_MAX];
    snprintf(msg, sizeof msg, "not found: %.200s", path);
    return respond_error(r, 404, msg, err);
}

/* ---------------------------------------------------------------- host check */

int rt_web_host_is_loopback(const char *host)
{
    if (!host)
        return 1;                /* HTTP/1.0 without Host: only a direct client */
    size_t n = strlen(host);
    if (host[0] == '[')
        return strncmp(host, "[::1]", 5) == 0 && (n == 5 || host[5] == ':');
    const char *colon = strchr(host, ':');
    size_t len = colon ? (size_t)(colon - host) : n;
    if (colon && (!colon[1] || strspn(colon + 1, "0123456789") != strlen(colon + 1)))
        return 0;
    if (len == 9 && strncasecmp(host, "localhost", 9) == 0)
        return 1;
    unsigned a, b, c, d;
    char tail;
    char ip[16];
    if (len == 0 || len >= sizeof ip)
        return 0;
    memcpy(ip, host, len);
    ip[len] = 0;
    return sscanf(ip, "%3u.%3u.%3u.%3u%c", &a, &b, &c, &d, &tail) == 4 && a == 127 && b < 256
           && c < 256 && d < 256;
}
