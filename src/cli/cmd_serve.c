/*
 * cmd_serve.c - `revtag serve`: run the local web explorer over a store
 * until SIGINT or SIGTERM. The signals are blocked before the server's
 * threads start, so only this thread receives them, through sigwait.
 */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "revtag/server.h"
#include "rtint.h"

static int parse(int argc, char **argv, rt_server_opts *o, rt_err *err)
{
    static const struct option longopts[] = {
        { "db", required_argument, NULL, 'd' }, { "port", required_argument, NULL, 'p' },
        { "host", required_argument, NULL, 'H' }, { "threads", required_argument, NULL, 't' },
        { "model", required_argument, NULL, 'm' }, { NULL, 0, NULL, 0 },
    };
    long v;
    int ch, rc = RT_OK;
    optind = 0;
    opterr = 0;
    while (rc == RT_OK && (ch = getopt_long(argc, argv, "d:p:H:t:m:", longopts, NULL)) != -1) {
        switch (ch) {
        case 'd': o->db = optarg; break;
        case 'H': o->host = optarg; break;
        case 'm': o->model = optarg; break;
        case 'p':
            if ((rc = cli_parse_int("--port", optarg, 0, 65535, &v, err)) == RT_OK)
                o->port = (unsigned)v;
            break;
        case 't':
            if ((rc = cli_parse_int("--threads", optarg, 1, 64, &v, err)) == RT_OK)
                o->threads = (unsigned)v;
            break;
        default:
            return rt_err_set(err, CLI_USAGE, "unknown or incomplete option '%s'", argv[optind - 1]);
        }
    }
    if (rc == RT_OK && !o->db)
        rc = rt_err_set(err, CLI_USAGE, "missing -d DB");
    if (rc == RT_OK && optind < argc)
        rc = rt_err_set(err, CLI_USAGE, "unexpected argument '%s'", argv[optind]);
    return rc;
}

/* The URL to print: IPv6 addresses go in brackets. */
static void print_url(const char *host, unsigned port)
{
    int v6 = strchr(host, ':') != NULL;
    fprintf(stderr, "revtag serve: http://%s%s%s:%u/\n", v6 ? "[" : "", host, v6 ? "]" : "", port);
    fflush(stderr);
}

static int run(int argc, char **argv, rt_err *err)
{
    rt_server_opts o = rt_server_defaults();
    int rc = parse(argc, argv, &o, err);
    if (rc != RT_OK)
        return rc;
    sigset_t set, old;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, &old);
    rt_server *srv;
    if ((rc = rt_server_new(&o, &srv, err)) != RT_OK) {
        pthread_sigmask(SIG_SETMASK, &old, NULL);
        return rc;
    }
    print_url(o.host, rt_server_port(srv));
    int sig = 0;
    sigwait(&set, &sig);
    fprintf(stderr, "revtag serve: %s, stopping\n", sig == SIGINT ? "interrupted" : "terminated");
    rt_server_free(srv);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    return RT_OK;
}

const cli_cmd cli_cmd_serve = {
    "serve", run, "serve the local web explorer (search, facets, map) over a store",
    "usage: revtag serve -d DB [-m MODEL] [--port N] [--host H] [--threads N]\n\n"
    "Serve a read-only web explorer of the store DB (made by 'revtag index'):\n"
    "a page with a search box, facet counts with check boxes, results with\n"
    "highlighted snippets and tags, record detail and a world map of records by\n"
    "country, and the JSON API it uses:\n\n"
    "  GET /api/search?q=Q&facet=F:V&...&source=S&min_score=X&limit=N&offset=N\n"
    "                   same JSON as 'revtag search --json'; matches are marked\n"
    "                   with U+E000 ... U+E001 in snippets\n"
    "  GET /api/record/ID   one record with its manual and predicted labels\n"
    "  GET /api/export?format=csv|json|geojson|ris&...   the matching records\n"
    "  GET /api/countries   country codes, names and map centroids\n"
    "  GET /api/explain/ID?k=N   with -m: the N terms (default 8) that raised\n"
    "                   each predicted label of the record the most\n\n"
    "Bad query syntax gives HTTP 400 with {\"error\": MESSAGE}, unknown paths\n"
    "404, methods other than GET and HEAD 405.\n\n"
    "  -d, --db DB       the store (opened read-only)\n"
    "  -m, --model MODEL the model that predicted the store's labels (revtag\n"
    "                    train): the record detail then shows the words behind\n"
    "                    each predicted label\n"
    "  -p, --port N      TCP port (default 8080); 0 picks a free one\n"
    "  -H, --host H      address to bind (default 127.0.0.1, this machine only;\n"
    "                    on a loopback address requests for other host names\n"
    "                    are refused)\n"
    "  -t, --threads N   worker threads, 1-64 (default 4)\n\n"
    "Prints 'revtag serve: http://HOST:PORT/' on stderr once it listens, and\n"
    "stops cleanly on SIGINT (Ctrl-C) or SIGTERM. The page works offline: its\n"
    "HTML, CSS and JavaScript are inside revtag. Exit status: 0 after a clean\n"
    "stop, 1 error (database, address in use), 2 usage.\n",
};
