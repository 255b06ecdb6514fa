/*
 * server.c - the explorer's HTTP side: a libmicrohttpd daemon with a pool
 * of worker threads, each request answered by rt_web_handle on a worker
 * context borrowed from a pool: a read-only store handle (one SQLite
 * connection per thread) and a featurizer for the shared model.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <jansson.h>
#include <microhttpd.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "revtag/model.h"
#include "revtag/server.h"
#include "rtint.h"
#include "web/web_int.h"

#define MAX_THREADS 64
#define MAX_PARAMS 512           /* query arguments kept per request */
#define CONN_TIMEOUT 30          /* seconds an idle connection is kept */
#define CONN_LIMIT 256

/* The page may load its own files and talk to its own API, nothing else. */
static const char PAGE_POLICY[] =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

struct rt_server {
    struct MHD_Daemon *d;
    char *db;                    /* path of the store; owned */
    int loopback;                /* bound to a loopback address: check Host */
    unsigned port;
    rt_model *model;             /* for /api/explain, or NULL; owned, read-only once loaded */
    pthread_mutex_t mu;          /* guards the pool */
    rt_web_ctx *pool;            /* idle worker contexts; their store and featurizer owned */
    size_t npool, cap;
};

/* Query arguments of one request, collected from MHD. */
typedef struct params {
    rt_web_param v[MAX_PARAMS];
    size_t n;
    int overflow;
} params;

rt_server_opts rt_server_defaults(void)
{
    rt_server_opts o = { NULL, "127.0.0.1", 8080, 4, NULL };
    return o;
}

/* ---------------------------------------------------------------- store pool */

static void ctx_free(rt_web_ctx *c)
{
    rt_store_free(c->store);
    rt_featurizer_free(c->fz);
    memset(c, 0, sizeof *c);
}

/* A worker context for this request: an idle one, or a new one. */
static int pool_get(rt_server *s, rt_web_ctx *out, rt_err *err)
{
    memset(out, 0, sizeof *out);
    pthread_mutex_lock(&s->mu);
    int idle = s->npool > 0;
    if (idle)
        *out = s->pool[--s->npool];
    pthread_mutex_unlock(&s->mu);
    if (idle)
        return RT_OK;
    out->model = s->model;
    int rc = rt_store_open(s->db, RT_STORE_READ, &out->store, err);
    if (rc == RT_OK && s->model)
        rc = rt_featurizer_new(rt_model_vocab(s->model), &out->fz, err);
    if (rc != RT_OK)
        ctx_free(out);
    return rc;
}

/* Give C back to the pool (freed when the pool is full). */
static void pool_put(rt_server *s, rt_web_ctx *c)
{
    pthread_mutex_lock(&s->mu);
    int kept = s->npool < s->cap;
    if (kept)
        s->pool[s->npool++] = *c;
    pthread_mutex_unlock(&s->mu);
    if (!kept)
        ctx_free(c);
}

/* ---------------------------------------------------------------- requests */

static enum MHD_Result collect(void *cls, enum MHD_ValueKind kind, const char *key,
                               const char *value)
{
    params *p = cls;
    (void)kind;
    if (p->n == MAX_PARAMS) {
        p->overflow = 1;
        return MHD_NO;
    }
    p->v[p->n].key = key;
    p->v[p->n].value = value;
    p->n++;
    return MHD_YES;
}

/* {"error": MSG} with STATUS into R, when the handler could not run. */
static void fail_response(rt_web_response *r, unsigned status, const char *msg)
{
    json_t *o = json_pack("{s:s}", "error", msg);
    memset(r, 0, sizeof *r);
    r->status = status;
    r->type = "application/json; charset=utf-8";
    r->body = o ? json_dumps(o, JSON_COMPACT) : NULL;
    json_decref(o);
    r->data = (const unsigned char *)r->body;
    r->len = r->body ? strlen(r->body) : 0;
}

/* Answer one request into R: host check, arguments, a store, the handler. */
static void answer(rt_server *s, struct MHD_Connection *c, const char *url, const char *method,
                   rt_web_response *r)
{
    const char *host = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST);
    if (s->loopback && !rt_web_host_is_loopback(host)) {
        fail_response(r, 403, "this explorer only answers requests for localhost");
        return;
    }
    params *p = calloc(1, sizeof *p);
    if (!p) {
        fail_response(r, 503, "out of memory");
        return;
    }
    MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, collect, p);
    rt_err err = { 0, "" };
    rt_web_ctx ctx = { NULL, NULL, NULL };
    rt_web_request req = { method, url, p->v, p->n };
    if (p->overflow)
        fail_response(r, 400, "too many query arguments");
    else if (pool_get(s, &ctx, &err) != RT_OK)
        fail_response(r, 500, err.msg);
    else if (rt_web_handle(&ctx, &req, r, &err) != RT_OK)
        fail_response(r, 503, err.msg);
    if (ctx.store)
        pool_put(s, &ctx);
    free(p);
}

/* Add the headers R calls for to RESP. */
static void add_headers(struct MHD_Response *resp, const rt_web_response *r)
{
    char disp[256];
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, r->type ? r->type : "text/plain");
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, r->page ? "no-cache" : "no-store");
    if (r->page)
        MHD_add_response_header(resp, "Content-Security-Policy", PAGE_POLICY);
    if (r->allow)
        MHD_add_response_header(resp, MHD_HTTP_HEADER_ALLOW, r->allow);
    if (r->filename) {
        snprintf(disp, sizeof disp, "attachment; filename=\"%s\"", r->filename);
        MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_DISPOSITION, disp);
    }
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version,
                                  const char *upload, size_t *upload_size, void **con_cls)
{
    rt_server *s = cls;
    rt_web_response r;
    (void)version;
    (void)upload;
    int get = strcmp(method, MHD_HTTP_METHOD_GET) == 0 || strcmp(method, MHD_HTTP_METHOD_HEAD) == 0;
    if (get && *con_cls == NULL) {
        *con_cls = s;            /* headers seen; answer once the request is complete, */
        return MHD_YES;          /* so the connection can be kept alive */
    }
    if (get && *upload_size) {
        *upload_size = 0;        /* a body on a GET means nothing here: drop it */
        return MHD_YES;
    }
    answer(s, c, url, method, &r);   /* other methods: refused at once, connection closed */
    struct MHD_Response *resp;
    if (r.body) {
        resp = MHD_create_response_from_buffer(r.len, r.body, MHD_RESPMEM_MUST_FREE);
        if (resp)
            r.body = NULL;       /* MHD frees it */
    } else {
        resp = MHD_create_response_from_buffer(r.len, (void *)(uintptr_t)r.data,
                                               MHD_RESPMEM_PERSISTENT);
    }
    enum MHD_Result ret = MHD_NO;
    if (resp) {
        add_headers(resp, &r);
        ret = MHD_queue_response(c, r.status ? r.status : 500, resp);
        MHD_destroy_response(resp);
    }
    rt_web_response_clear(&r);
    return ret;
}

/* ---------------------------------------------------------------- life cycle */

/* Resolve HOST:PORT into *sa; *loopback says whether it is a loopback address. */
static int resolve(const char *host, unsigned port, struct sockaddr_storage *sa, socklen_t *salen,
                   int *loopback, rt_err *err)
{
    struct addrinfo hints, *ai = NULL;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    int gai = getaddrinfo(host, NULL, &hints, &ai);
    if (gai != 0 || !ai)
        return rt_err_set(err, RT_EINVAL, "host '%s': %s", host, gai_strerror(gai));
    memcpy(sa, ai->ai_addr, ai->ai_addrlen);
    *salen = ai->ai_addrlen;
    freeaddrinfo(ai);
    if (sa->ss_family == AF_INET6) {
        struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)sa;
        a6->sin6_port = htons((uint16_t)port);
        *loopback = IN6_IS_ADDR_LOOPBACK(&a6->sin6_addr);
    } else {
        struct sockaddr_in *a4 = (struct sockaddr_in *)sa;
        a4->sin_port = htons((uint16_t)port);
        *loopback = (ntohl(a4->sin_addr.s_addr) >> 24) == 127;
    }
    return RT_OK;
}

static int start(rt_server *s, const rt_server_opts *o, rt_err *err)
{
    struct sockaddr_storage sa;
    socklen_t salen;
    int rc = resolve(o->host, o->port, &sa, &salen, &s->loopback, err);
    if (rc != RT_OK)
        return rc;
    unsigned flags = MHD_USE_AUTO_INTERNAL_THREAD;
    if (sa.ss_family == AF_INET6)
        flags |= MHD_USE_IPv6;
    errno = 0;
    s->d = MHD_start_daemon(flags, (uint16_t)o->port, NULL, NULL, on_request, s,
                            MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
                            MHD_OPTION_THREAD_POOL_SIZE, o->threads,
                            MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)CONN_TIMEOUT,
                            MHD_OPTION_CONNECTION_LIMIT, (unsigned)CONN_LIMIT, MHD_OPTION_END);
    if (!s->d)
        return rt_err_set(err, RT_EIO, "cannot listen on %s port %u: %s", o->host, o->port,
                          errno ? strerror(errno) : "address in use or not available");
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(s->d, MHD_DAEMON_INFO_BIND_PORT);
    s->port = info ? info->port : o->port;
    return RT_OK;
}

int rt_server_new(const rt_server_opts *o, rt_server **out, rt_err *err)
{
    *out = NULL;
    if (!o->db || !o->host || o->threads == 0 || o->threads > MAX_THREADS || o->port > 65535)
        return rt_err_set(err, RT_EINVAL, "server: a database, a host, a port up to 65535 and "
                          "1 to %d threads are needed", MAX_THREADS);
    rt_server *s = calloc(1, sizeof *s);
    if (!s || pthread_mutex_init(&s->mu, NULL) != 0) {
        free(s);
        return rt_err_set(err, RT_ENOMEM, "out of memory");
    }
    s->cap = o->threads;
    s->db = rt_strdup(o->db);
    s->pool = calloc(s->cap, sizeof *s->pool);
    int rc = s->db && s->pool ? RT_OK : rt_err_set(err, RT_ENOMEM, "out of memory");
    if (rc == RT_OK && o->model)
        rc = rt_model_load(o->model, &s->model, err);
    if (rc == RT_OK && (rc = pool_get(s, &s->pool[0], err)) == RT_OK)
        s->npool = 1;
    if (rc == RT_OK)
        rc = start(s, o, err);
    if (rc != RT_OK)
        goto fail;
    *out = s;
    return RT_OK;
fail:
    rt_server_free(s);
    return rc;
}

unsigned rt_server_port(const rt_server *s)
{
    return s->port;
}

void rt_server_free(rt_server *s)
{
    if (!s)
        return;
    if (s->d)
        MHD_stop_daemon(s->d);
    for (size_t i = 0; i < s->npool; i++)
        ctx_free(&s->pool[i]);
    free(s->pool);
    rt_model_free(s->model);
    free(s->db);
    pthread_mutex_destroy(&s->mu);
    free(s);
}
