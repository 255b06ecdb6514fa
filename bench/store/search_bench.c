/*
 * search_bench.c - latency of search + facet counts (rt_search_run and the
 * JSON the web explorer serves) over a store, for bench/store/run.sh:
 * p50/p95/max per query class and overall, in a long-lived process.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "revtag/search.h"

#define MAXQ 1000

typedef struct query {
    char cls[16], q[256], f[256];
    double ms;
} query;

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Percentile P (0..100) of the N values V (sorted in place). */
static double pct(double *v, size_t n, double p)
{
    qsort(v, n, sizeof *v, cmp_double);
    size_t i = (size_t)(p / 100.0 * (double)(n - 1) + 0.5);
    return v[i < n ? i : n - 1];
}

static size_t parse_filters(char *f, rt_facet_filter *out)
{
    size_t n = 0;
    for (char *tok = strtok(f, ";"); tok && n < 8; tok = strtok(NULL, ";")) {
        char *eq = strchr(tok, '=');
        if (!eq)
            continue;
        *eq = '\0';
        out[n++] = (rt_facet_filter){ tok, eq + 1 };
    }
    return n;
}

static int run_one(rt_store *s, query *q, size_t *total)
{
    rt_facet_filter f[8];
    char fbuf[256];
    snprintf(fbuf, sizeof fbuf, "%s", q->f);
    rt_search_opts o = rt_search_defaults();
    o.query = q->q;
    o.filters = f;
    o.nfilters = parse_filters(fbuf, f);
    if (getenv("BENCH_LIMIT"))
        o.limit = (size_t)atoi(getenv("BENCH_LIMIT"));
    rt_err err = { 0, "" };
    rt_search *r;
    char *json = NULL;
    double t0 = now_ms();
    int rc = rt_search_run(s, &o, &r, &err);
    if (rc == RT_OK)
        rc = rt_search_to_json(r, &json, NULL, &err);
    q->ms = now_ms() - t0;
    if (rc != RT_OK) {
        fprintf(stderr, "search_bench: '%s': %s\n", q->q, err.msg);
        return rc;
    }
    *total = rt_search_total(r);
    free(json);
    rt_search_free(r);
    return RT_OK;
}

static size_t load_queries(const char *path, query *qs)
{
    FILE *fp = fopen(path, "r");
    char line[600];
    size_t n = 0;
    while (fp && n < MAXQ && fgets(line, sizeof line, fp)) {
        line[strcspn(line, "\n")] = '\0';
        char *rest = line, *a = strsep(&rest, "\t"), *b = strsep(&rest, "\t");
        char *c = strsep(&rest, "\t");
        snprintf(qs[n].cls, sizeof qs[n].cls, "%s", a);
        snprintf(qs[n].q, sizeof qs[n].q, "%s", b ? b : "");
        snprintf(qs[n].f, sizeof qs[n].f, "%s", c ? c : "");
        n++;
    }
    if (fp)
        fclose(fp);
    return n;
}

static void report(const char *label, query *qs, size_t n, const char *cls)
{
    double v[MAXQ];
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (!cls || strcmp(qs[i].cls, cls) == 0)
            v[k++] = qs[i].ms;
    if (!k)
        return;
    double p50 = pct(v, k, 50), p95 = pct(v, k, 95), max = v[k - 1];
    printf("  %-11s n=%-4zu p50 %7.2f ms   p95 %7.2f ms   max %7.2f ms\n", label, k, p50, p95, max);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: search_bench DB QUERIES.tsv\n");
        return 2;
    }
    static query qs[MAXQ];
    size_t n = load_queries(argv[2], qs), total = 0, sum = 0;
    rt_store *s;
    rt_err err = { 0, "" };
    if (n == 0 || rt_store_open(argv[1], RT_STORE_READ, &s, &err) != RT_OK) {
        fprintf(stderr, "search_bench: %s\n", n ? err.msg : "no queries");
        return 1;
    }
    query cold = qs[0];
    if (run_one(s, &cold, &total) != RT_OK)
        return 1;
    for (size_t i = 0; i < n; i++) {
        if (run_one(s, &qs[i], &total) != RT_OK)
            return 1;
        sum += total;
    }
    printf("  first search (opens the store, loads the label postings): %.1f ms\n", cold.ms);
    printf("  %zu searches, mean %.0f matching records each (20 results + all facet counts + JSON)\n",
           n, (double)sum / (double)n);
    static const char *const CLS[] = { "rare", "medium", "common", "and", "phrase", "prefix",
                                       "facets", "word+facet" };
    for (size_t i = 0; i < sizeof CLS / sizeof CLS[0]; i++)
        report(CLS[i], qs, n, CLS[i]);
    report("ALL", qs, n, NULL);
    rt_store_free(s);
    return 0;
}
