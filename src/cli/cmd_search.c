/*
 * cmd_search.c - `revtag search`: full-text query and facet filters over the
 * store, printing ranked results with snippets and the label counts of the
 * whole result set, as text or as the JSON the web explorer serves.
 */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "revtag/search.h"
#include "rtint.h"

typedef struct search_cli {
    const char *db;
    cli_filters f;           /* query, facet filters, source, min score */
    long limit, offset;
    int json;
} search_cli;

/* ---------------------------------------------------------------- filters (shared with export) */

int cli_filters_option(cli_filters *f, int ch, const char *arg, const char *opt, rt_err *err)
{
    char *end;
    switch (ch) {
    case CLI_O_FACET: {
        const char *eq = strchr(arg, '=');
        if (!eq || eq == arg || !eq[1])
            return rt_err_set(err, CLI_USAGE, "--facet: expected FACET=LABEL, got '%s'", arg);
        rt_facet_filter *v = realloc(f->filters, (f->nfilters + 1) * sizeof *v);
        if (!v)
            return rt_err_set(err, RT_ENOMEM, "out of memory");
        f->filters = v;
        char *facet = rt_strndup(arg, (size_t)(eq - arg)), *label = rt_strdup(eq + 1);
        if (!facet || !label) {
            free(facet);
            free(label);
            return rt_err_set(err, RT_ENOMEM, "out of memory");
        }
        v[f->nfilters++] = (rt_facet_filter){ facet, label };
        return RT_OK;
    }
    case CLI_O_SOURCE:
        if ((f->sources = rt_label_source_from_name(arg)) < 0)
            return rt_err_set(err, CLI_USAGE, "--source: expected manual, predicted or all, got '%s'",
                              arg);
        return RT_OK;
    case CLI_O_MIN_SCORE:
        errno = 0;
        f->min_score = strtod(arg, &end);
        if (errno || end == arg || *end || !isfinite(f->min_score))
            return rt_err_set(err, CLI_USAGE, "--min-score: expected a number, got '%s'", arg);
        return RT_OK;
    case CLI_O_LANG:
        f->lang = arg;
        return RT_OK;
    default:
        return rt_err_set(err, CLI_USAGE, "unknown or incomplete option '%s'", opt);
    }
}

int cli_filters_query(cli_filters *f, int argc, char **argv, rt_err *err)
{
    rt_buf q = { 0 };
    int rc = RT_OK;
    for (int i = 0; i < argc; i++) {
        if (i)
            rt_buf_puts(&rc, &q, " ");
        rt_buf_puts(&rc, &q, argv[i]);
    }
    if (rc != RT_OK)
        return rt_err_set(err, RT_ENOMEM, "out of memory");
    f->query = q.data;
    return RT_OK;
}

rt_search_opts cli_filters_opts(const cli_filters *f)
{
    rt_search_opts o = rt_search_defaults();
    o.query = f->query;
    o.filters = f->filters;
    o.nfilters = f->nfilters;
    o.sources = f->sources ? f->sources : RT_SOURCE_ALL;
    o.min_score = f->min_score;
    o.lang = f->lang;
    return o;
}

void cli_filters_free(cli_filters *f)
{
    for (size_t i = 0; i < f->nfilters; i++) {
        free((void *)f->filters[i].facet);
        free((void *)f->filters[i].label);
    }
    free(f->filters);
    free(f->query);
    memset(f, 0, sizeof *f);
}

/* ---------------------------------------------------------------- search */

static void print_labels(const rt_hit *h)
{
    const char *facet = NULL;
    fputs("   ", stdout);
    for (size_t i = 0; i < h->nlabels; i++) {
        const rt_hit_label *l = &h->labels[i];
        if (!facet || strcmp(facet, l->facet) != 0)
            printf("%s%s: ", facet ? "; " : "", l->facet);
        else
            fputs(", ", stdout);
        facet = l->facet;
        if (l->source == RT_SOURCE_MANUAL)
            fputs(l->label, stdout);
        else
            printf("%s (predicted %.2f)", l->label, l->score);
    }
    putchar('\n');
}

static void print_text(const rt_search *r, const rt_search_opts *o)
{
    size_t n = rt_search_nhits(r);
    printf("%zu record(s) match", rt_search_total(r));
    if (n)
        printf("; showing %zu-%zu", o->offset + 1, o->offset + n);
    putchar('\n');
    for (size_t i = 0; i < n; i++) {
        const rt_hit *h = rt_search_hit(r, i);
        printf("\n%zu. %s", o->offset + i + 1, h->id);
        if (o->query && h->score != 0)
            printf("  (score %.3f)", h->score);
        printf("\n   %s\n   %s\n", h->title ? h->title : "(no title)", h->snippet);
        if (h->nlabels)
            print_labels(h);
    }
    const char *facet = NULL;
    for (size_t i = 0; i < rt_search_ncounts(r); i++) {
        const rt_label_count *c = rt_search_count(r, i);
        if (!facet)
            fputs("\nfacets:", stdout);
        if (!facet || strcmp(facet, c->facet) != 0)
            printf("\n  %s: ", c->facet);
        else
            fputs(", ", stdout);
        printf("%s %zu", c->label, c->count);
        facet = c->facet;
    }
    if (facet)
        putchar('\n');
}

static int parse(int argc, char **argv, search_cli *o, rt_err *err)
{
    enum { O_OFFSET = 256, O_JSON };
    static const struct option longopts[] = {
        CLI_FILTER_OPTIONS,
        { "db", required_argument, NULL, 'd' },       { "limit", required_argument, NULL, 'n' },
        { "offset", required_argument, NULL, O_OFFSET }, { "json", no_argument, NULL, O_JSON },
        { NULL, 0, NULL, 0 },
    };
    int ch, rc = RT_OK;
    optind = 0;
    opterr = 0;
    while (rc == RT_OK && (ch = getopt_long(argc, argv, "d:n:", longopts, NULL)) != -1) {
        switch (ch) {
        case 'd': o->db = optarg; break;
        case 'n': rc = cli_parse_int("--limit", optarg, 0, 100000, &o->limit, err); break;
        case O_OFFSET: rc = cli_parse_int("--offset", optarg, 0, 100000, &o->offset, err); break;
        case O_JSON: o->json = 1; break;
        default: rc = cli_filters_option(&o->f, ch, optarg, argv[optind - 1], err); break;
        }
    }
    if (rc == RT_OK && !o->db)
        rc = rt_err_set(err, CLI_USAGE, "-d DB is required");
    if (rc == RT_OK)
        rc = cli_filters_query(&o->f, argc - optind, argv + optind, err);
    return rc;
}

static int run(int argc, char **argv, rt_err *err)
{
    search_cli o;
    memset(&o, 0, sizeof o);
    o.limit = 20;
    int rc = parse(argc, argv, &o, err);
    rt_store *s = NULL;
    rt_search *r = NULL;
    rt_search_opts so = cli_filters_opts(&o.f);
    so.limit = (size_t)o.limit;
    so.offset = (size_t)o.offset;
    if (rc == RT_OK)
        rc = rt_store_open(o.db, RT_STORE_READ, &s, err);
    if (rc == RT_OK)
        rc = rt_search_run(s, &so, &r, err);
    char *json = NULL;
    if (rc == RT_OK && o.json && (rc = rt_search_to_json(r, &json, NULL, err)) == RT_OK)
        puts(json);
    else if (rc == RT_OK)
        print_text(r, &so);
    free(json);
    rt_search_free(r);
    rt_store_free(s);
    cli_filters_free(&o.f);
    if (rc == RT_OK)
        rc = cli_flush_stdout(err);
    return rc;
}

const cli_cmd cli_cmd_search = {
    "search", run, "full-text and faceted search of the store, with label counts",
    "usage: revtag search -d DB [--facet F=V ...] [--source manual|predicted|all]\n"
    "                     [--min-score S] [--lang L] [-n N] [--offset N] [--json]\n"
    "                     [QUERY...]\n\n"
    "Search the store made by `revtag index`. QUERY (the remaining arguments,\n"
    "joined by spaces) uses SQLite FTS5 syntax: words, \"phrases\", AND, OR, NOT,\n"
    "prefix*, NEAR(a b, 5), column filters (title: bond, {title abstract}: ...);\n"
    "it is stemmed like the index, so `revtag tokens` shows the terms it looks\n"
    "for. Quote words with hyphens or apostrophes: '\"payment-by-results\"'.\n"
    "Results are ranked by bm25 (title weighs 3, abstract 2, text 1); without\n"
    "a query every record matches, in the order first indexed.\n\n"
    CLI_FILTER_HELP
    "  -d, --db DB         the store\n"
    "  -n, --limit N       results to show (default 20; 0 = counts only)\n"
    "      --offset N      skip the first N results\n"
    "      --json          print {\"total\", \"results\": [{\"id\", \"title\", \"snippet\",\n"
    "                      \"score\", \"labels\": {F: [{\"label\", \"source\", \"score\"}]}}],\n"
    "                      \"facets\": {F: {LABEL: COUNT}}}\n\n"
    "Counts cover the whole result set (not only the results shown): records\n"
    "carrying each label from the selected sources. Matches are [bracketed]\n"
    "in snippets. A query FTS5 cannot parse is an error (exit 1).\n"
    "Exit status: 0 success, 1 error, 2 usage.\n",
};
