/*
 * server.h - the local web explorer: an HTTP server (libmicrohttpd) that
 * serves the page shipped inside revtag and a read-only JSON API over a
 * store (search with facet counts, one record, exports, the country table).
 */
#ifndef REVTAG_SERVER_H
#define REVTAG_SERVER_H

#include "revtag/revtag.h"

typedef struct rt_server rt_server;

/* Server options: a plain value; start from rt_server_defaults(). Strings borrowed. */
typedef struct rt_server_opts {
    const char *db;              /* store to serve, opened read-only (required) */
    const char *host;            /* address to bind: numeric or a name; "127.0.0.1" */
    unsigned port;               /* 0 = any free port (rt_server_port says which); 8080 */
    unsigned threads;            /* worker threads, each with its own store handle (4) */
    const char *model;           /* model file whose predictions /api/explain explains, or NULL */
} rt_server_opts;

/* Defaults: host 127.0.0.1, port 8080, 4 threads, no database, no model. */
rt_server_opts rt_server_defaults(void);

/*
 * Open O->db read-only (and load O->model when given), bind O->host:O->port
 * and start serving on threads of the server's own; returns once it is
 * accepting connections. GET and
 * HEAD only (405 otherwise). When bound to a loopback address, requests
 * whose Host header names another host are refused (403), so a web page
 * elsewhere cannot read the store through DNS rebinding. *out is owned by
 * the caller (rt_server_free). Returns RT_OK, RT_EINVAL (bad options or
 * host), RT_EIO (cannot bind), or the store's RT_EIO/RT_EFORMAT/RT_EDB/
 * RT_ENOMEM, with err.
 */
int rt_server_new(const rt_server_opts *o, rt_server **out, rt_err *err);

/* The TCP port the server listens on (the chosen one when O->port was 0). */
unsigned rt_server_port(const rt_server *s);

/*
 * Stop accepting, wait for the requests in progress to finish, close every
 * store handle and free. NULL is safe. Call from one thread, not from a
 * signal handler.
 */
void rt_server_free(rt_server *s);

#endif
