/*
 * web_int.h - internals of the web explorer (src/web/): request handling
 * free of HTTP plumbing, so tests call it without a socket, and the page's
 * files, embedded into the library at build time by src/web/embed.cmake.
 */
#ifndef REVTAG_WEB_INT_H
#define REVTAG_WEB_INT_H

#include <stddef.h>
#include "revtag/revtag.h"
#include "revtag/store.h"

/* One file of the page (src/web/assets/NAME), static data of the library. */
typedef struct rt_web_asset {
    const char *name;            /* file name, e.g. "app.js" */
    const char *type;            /* its Content-Type */
    const unsigned char *data;   /* the bytes, NUL-terminated past LEN */
    size_t len;
} rt_web_asset;

extern const rt_web_asset rt_web_assets[];   /* sorted by name */
extern const size_t rt_web_nassets;

/* Asset called NAME, or NULL. */
const rt_web_asset *rt_web_asset_get(const char *name);

/* One query argument, percent-decoded; VALUE is NULL for "?key" without "=". Borrowed. */
typedef struct rt_web_param {
    const char *key;
    const char *value;
} rt_web_param;

/* A request as the handler sees it. Strings borrowed from the caller. */
typedef struct rt_web_request {
    const char *method;          /* "GET", "HEAD", ... */
    const char *path;            /* percent-decoded path without the query, "/api/search" */
    const rt_web_param *params;  /* in request order; a key may repeat (facet=...) */
    size_t nparams;
} rt_web_request;

/* A response: status, headers the server adds, and a body static or owned. */
typedef struct rt_web_response {
    unsigned status;             /* HTTP status */
    const char *type;            /* Content-Type; static */
    const char *allow;           /* Allow header (405), or NULL; static */
    const char *filename;        /* download name for Content-Disposition, or NULL; static */
    int page;                    /* 1: a page file, sent with the page's security policy */
    const unsigned char *data;   /* body: an asset's bytes or BODY */
    size_t len;
    char *body;                  /* malloc'd body owned by the response, or NULL */
} rt_web_response;

struct rt_model;
struct rt_featurizer;

/* What one worker thread answers with; the pointers are borrowed. */
typedef struct rt_web_ctx {
    rt_store *store;             /* read-only store, used by this thread only */
    const struct rt_model *model; /* model for /api/explain (shared, read-only), or NULL */
    struct rt_featurizer *fz;    /* this thread's featurizer of the model's vocabulary */
} rt_web_ctx;

/*
 * Answer REQ into *resp (zeroed first): the page's files, GET /api/search,
 * /api/record/ID, /api/export, /api/countries, /api/explain/ID; 400 with
 * {"error": MSG} for bad arguments or FTS5 syntax, 404 for unknown paths
 * and records (and /api/explain when no model is served), 405 for methods
 * other than GET and HEAD, 500 for store errors. The caller frees *resp
 * with rt_web_response_clear. Returns RT_OK when *resp holds an answer, or
 * RT_ENOMEM when none could be built (*resp empty, err set).
 */
int rt_web_handle(const rt_web_ctx *c, const rt_web_request *req, rt_web_response *resp,
                  rt_err *err);

/*
 * Record ID's predicted labels explained by C->model: {"id", "explain":
 * {FACET: [{"label", "score", "terms": [{"term", "weight", "count",
 * "words"}]}]}} with the K strongest terms per label; labels the model does
 * not know are left out. *out is malloc'd (caller frees), NULL with RT_OK
 * when there is no such record. Returns RT_OK, RT_EINVAL (a record in a
 * language the model cannot analyze), RT_EDB or RT_ENOMEM.
 */
int rt_web_explain_json(const rt_web_ctx *c, const char *id, size_t k, char **out, size_t *len,
                        rt_err *err);

/* Free the body of R and zero it; NULL is safe. */
void rt_web_response_clear(rt_web_response *r);

/*
 * 1 when HOST (a Host header: name or address, optional ":port"; NULL when
 * absent) names this machine's loopback interface: localhost, 127.x.y.z or
 * [::1]. The server checks it on loopback binds against DNS rebinding.
 */
int rt_web_host_is_loopback(const char *host);

#endif
