/*
 * test_server.c - the explorer's HTTP server over a real socket: it binds
 * 127.0.0.1 on a free port, answers GET/HEAD with the handler's statuses and
 * headers, refuses other methods and foreign Host headers, serves many
 * clients at once with identical answers, and reports bad options.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "failalloc.h"
#include "revtag/server.h"
#include "revtag/store.h"
#include "rtint.h"
#include "testutil.h"

#define NCLIENTS 8
#define NREQ 15

static char DIR_[64], PATH_[96];

static int setup(void **state)
{
    (void)state;
    snprintf(DIR_, sizeof DIR_, "/tmp/rt_serverXXXXXX");
    assert_non_null(mkdtemp(DIR_));
    snprintf(PATH_, sizeof PATH_, "%s/s.db", DIR_);
    rt_store *w;
    assert_int_equal(rt_store_open(PATH_, RT_STORE_WRITE, &w, NULL), RT_OK);
    for (int i = 0; i < 30; i++) {
        rt_record r;
        char id[16], title[64];
        rt_record_init(&r);
        snprintf(id, sizeof id, "s-%02d", i);
        snprintf(title, sizeof title, "Outcomes contract number %d%s", i, i % 3 ? "" : " bond");
        r.id = strdup(id);
        r.title = strdup(title);
        assert_int_equal(rt_record_add_label(&r, "country", i % 2 ? "GB" : "KE"), RT_OK);
        assert_int_equal(rt_store_put(w, &r, NULL, 0, NULL), RT_OK);
        rt_record_clear(&r);
    }
    rt_store_free(w);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    tu_remove_db(PATH_, DIR_);
    return 0;
}

/* Send RAW to 127.0.0.1:PORT and read the whole answer into OUT (NUL-terminated). */
static size_t http(unsigned port, const char *raw, char *out, size_t cap)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    assert_true(fd >= 0);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons((uint16_t)port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    assert_int_equal(connect(fd, (struct sockaddr *)&a, sizeof a), 0);
    size_t len = strlen(raw);
    assert_int_equal(write(fd, raw, len), (ssize_t)len);
    size_t n = 0;
    ssize_t k;
    while (n + 1 < cap && (k = read(fd, out + n, cap - 1 - n)) > 0)
        n += (size_t)k;
    out[n] = 0;
    close(fd);
    return n;
}

/* GET-style request line for METHOD PATH with Host HOST (NULL = 127.0.0.1). */
static size_t ask(unsigned port, const char *method, const char *path, const char *host, char *out,
                  size_t cap)
{
    char raw[512];
    snprintf(raw, sizeof raw, "%s %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", method,
             path, host ? host : "127.0.0.1");
    return http(port, raw, out, cap);
}

static rt_server *start(unsigned threads)
{
    rt_server_opts o = rt_server_defaults();
    o.db = PATH_;
    o.port = 0;
    o.threads = threads;
    rt_server *s = NULL;
    rt_err err = { 0, "" };
    if (rt_server_new(&o, &s, &err) != RT_OK)
        fail_msg("rt_server_new: %s", err.msg);
    assert_true(rt_server_port(s) > 0);
    return s;
}

typedef struct wire_case {
    const char *method, *path, *host;
    const char *status_line;
    const char *has[3];          /* substrings of the answer */
} wire_case;

static const wire_case WIRE[] = {
    { "GET", "/", NULL, "HTTP/1.1 200", { "Content-Security-Policy: default-src 'none'",
                                          "Content-Type: text/html", "<title>revtag explorer" } },
    { "GET", "/api/search?q=bond&facet=country:GB&limit=1", NULL, "HTTP/1.1 200",
      { "Content-Type: application/json", "Cache-Control: no-store", "\"total\":5," } },
    { "GET", "/api/search?q=%22bond", NULL, "HTTP/1.1 400", { "{\"error\":", NULL, NULL } },
    { "GET", "/api/search?facet=country%3AKE&limit=0", "localhost:1", "HTTP/1.1 200",
      { "\"total\":15,", "\"facets\":{\"country\":{\"KE\":15}}", NULL } },
    { "GET", "/api/record/s-07", NULL, "HTTP/1.1 200", { "\"id\":\"s-07\"", NULL, NULL } },
    { "GET", "/api/record/s%2D07", NULL, "HTTP/1.1 200", { "\"id\":\"s-07\"", NULL, NULL } },
    { "GET", "/api/record/none", NULL, "HTTP/1.1 404", { "no record", NULL, NULL } },
    { "GET", "/missing", NULL, "HTTP/1.1 404", { "X-Content-Type-Options: nosniff", NULL, NULL } },
    { "POST", "/api/search", NULL, "HTTP/1.1 405", { "Allow: GET, HEAD", NULL, NULL } },
    { "OPTIONS", "/", NULL, "HTTP/1.1 405", { "Allow: GET, HEAD", NULL, NULL } },
    { "HEAD", "/app.js", NULL, "HTTP/1.1 200", { "Content-Type: text/javascript", NULL, NULL } },
    { "GET", "/api/search", "evil.example", "HTTP/1.1 403", { "localhost", NULL, NULL } },
    { "GET", "/api/search", "evil.example:80", "HTTP/1.1 403", { NULL, NULL, NULL } },
};

static void test_wire(void **state)
{
    (void)state;
    rt_server *s = start(2);
    static char out[1 << 17];
    for (size_t i = 0; i < sizeof WIRE / sizeof WIRE[0]; i++) {
        const wire_case *c = &WIRE[i];
        ask(rt_server_port(s), c->method, c->path, c->host, out, sizeof out);
        if (strncmp(out, c->status_line, strlen(c->status_line)) != 0)
            fail_msg("%s %s: got %.80s", c->method, c->path, out);
        for (size_t k = 0; k < 3; k++)
            if (c->has[k] && !strstr(out, c->has[k]))
                fail_msg("%s %s: no '%s' in %.400s", c->method, c->path, c->has[k], out);
    }
    /* Keep-alive: two requests on one connection, both answered. */
    http(rt_server_port(s),
         "GET /app.js HTTP/1.1\r\nHost: localhost\r\n\r\n"
         "GET /api/record/s-01 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
         out, sizeof out);
    const char *second = strstr(out + 1, "HTTP/1.1 200");
    assert_int_equal(strncmp(out, "HTTP/1.1 200", 12), 0);
    assert_non_null(second);
    assert_non_null(strstr(second, "\"id\":\"s-01\""));
    /* HEAD: headers only. */
    ask(rt_server_port(s), "HEAD", "/", NULL, out, sizeof out);
    assert_null(strstr(out, "<html"));
    rt_server_free(s);
}

/* ---------------------------------------------------------------- concurrency */

typedef struct client {
    unsigned port;
    char first[4096];
    int ok;
} client;

static void *client_run(void *arg)
{
    client *c = arg;
    char out[4096];
    c->ok = 1;
    for (int i = 0; i < NREQ; i++) {
        const char *path = i % 2 ? "/api/search?q=outcomes&limit=3" : "/api/record/s-11";
        ask(c->port, "GET", path, NULL, out, sizeof out);
        const char *body = strstr(out, "\r\n\r\n");
        if (!body || strncmp(out, "HTTP/1.1 200", 12) != 0) {
            c->ok = 0;
            break;
        }
        if (i == 1)
            snprintf(c->first, sizeof c->first, "%s", body);
        else if (i % 2 && strcmp(c->first, body) != 0)
            c->ok = 0;
    }
    return NULL;
}

static void test_concurrent(void **state)
{
    (void)state;
    rt_server *s = start(4);
    client c[NCLIENTS];
    pthread_t t[NCLIENTS];
    for (int i = 0; i < NCLIENTS; i++) {
        memset(&c[i], 0, sizeof c[i]);
        c[i].port = rt_server_port(s);
        assert_int_equal(pthread_create(&t[i], NULL, client_run, &c[i]), 0);
    }
    for (int i = 0; i < NCLIENTS; i++) {
        pthread_join(t[i], NULL);
        assert_true(c[i].ok);
        assert_string_equal(c[i].first, c[0].first);
    }
    assert_non_null(strstr(c[0].first, "\"total\":30,"));
    rt_server_free(s);
}

/* ---------------------------------------------------------------- options and errors */

static void test_errors(void **state)
{
    (void)state;
    rt_server *s = NULL;
    rt_err err = { 0, "" };
    rt_server_opts o = rt_server_defaults();
    assert_string_equal(o.host, "127.0.0.1");
    assert_int_equal(o.port, 8080);
    assert_int_equal(rt_server_new(&o, &s, &err), RT_EINVAL);        /* no database */
    assert_null(s);
    o.db = PATH_;
    o.port = 0;
    o.threads = 0;
    assert_int_equal(rt_server_new(&o, &s, &err), RT_EINVAL);
    o.threads = 2;
    o.host = "no.such.host.invalid";
    assert_int_equal(rt_server_new(&o, &s, &err), RT_EINVAL);
    assert_non_null(strstr(err.msg, "no.such.host.invalid"));
    o.host = "127.0.0.1";
    char missing[128];
    snprintf(missing, sizeof missing, "%s/missing.db", DIR_);
    o.db = missing;
    assert_int_not_equal(rt_server_new(&o, &s, &err), RT_OK);
    assert_null(s);
    assert_int_equal(access(missing, F_OK), -1);                      /* read-only: not created */
    /* The port is taken. */
    rt_server *first = start(1);
    o.db = PATH_;
    o.port = rt_server_port(first);
    assert_int_equal(rt_server_new(&o, &s, &err), RT_EIO);
    assert_non_null(strstr(err.msg, "cannot listen"));
    rt_server_free(first);
    rt_server_free(NULL);
}

static void test_alloc_failures(void **state)
{
    (void)state;
    rt_server_opts o = rt_server_defaults();
    o.db = PATH_;
    o.port = 0;
    o.threads = 1;
    for (size_t n = 1;; n++) {
        rt_server *s = NULL;
        rt_err err = { 0, "" };
        failalloc_arm(n);
        int rc = rt_server_new(&o, &s, &err);
        int fired = failalloc_fired();
        failalloc_arm(0);
        if (rc == RT_OK)
            assert_non_null(s);
        else
            assert_null(s);
        rt_server_free(s);
        if (!fired)
            break;
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wire),
        cmocka_unit_test(test_concurrent),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_alloc_failures),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
