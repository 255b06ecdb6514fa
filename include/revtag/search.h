/*
 * search.h - full-text and faceted search over the store: FTS5 query syntax
 * analyzed like the index, facet filters, bm25 ranking, highlighted snippets
 * and label counts over the whole result set, as structs or as JSON.
 */
#ifndef REVTAG_SEARCH_H
#define REVTAG_SEARCH_H

#include <stddef.h>
#include "revtag/revtag.h"
#include "revtag/store.h"

/* One facet filter: records carrying LABEL in FACET. Strings borrowed. */
typedef struct rt_facet_filter {
    const char *facet;
    const char *label;
} rt_facet_filter;

/* Search options: a plain value; start from rt_search_defaults(). Strings borrowed. */
typedef struct rt_search_opts {
    const char *query;           /* FTS5 query (phrases, AND/OR/NOT, prefix*, NEAR,
                                    column filters); NULL or blank = every record */
    const rt_facet_filter *filters; /* ORed within a facet, ANDed across facets */
    size_t nfilters;
    int sources;                 /* labels that count: enum rt_label_source (default ALL) */
    double min_score;            /* predicted labels scoring below this are ignored (0) */
    size_t limit;                /* results to return (20); 0 = counts only */
    size_t offset;               /* results to skip first (0), for paging; offset + limit
                                    is capped at 100000 */
    const char *lang;            /* language the query is stemmed in; NULL = "en" */
    const char *mark_open;       /* snippet highlight; NULL = "[" */
    const char *mark_close;      /* NULL = "]" */
    int html;                    /* 1: HTML-escape title and snippet text (not the marks) */
} rt_search_opts;

/* A label of a result record. Strings owned by the rt_search. */
typedef struct rt_hit_label {
    const char *facet, *label;
    int source;                  /* RT_SOURCE_MANUAL or RT_SOURCE_PREDICTED */
    double score;                /* predicted only */
} rt_hit_label;

/* One result record. Strings owned by the rt_search. */
typedef struct rt_hit {
    const char *id;
    const char *title;           /* NULL when the record has none */
    const char *snippet;         /* best-matching fragment with marks; the start of the
                                    abstract (or text, or title) without a query */
    double score;                /* relevance: -bm25, higher is better; 0 without a query */
    const rt_hit_label *labels;  /* kept labels: by facet, manual first, score descending */
    size_t nlabels;
} rt_hit;

/* Records of the result set carrying one label. Strings owned by the rt_search. */
typedef struct rt_label_count {
    const char *facet, *label;
    size_t count;
} rt_label_count;

typedef struct rt_search rt_search;

/* Defaults: no query, no filters, all sources, min score 0, limit 20. */
rt_search_opts rt_search_defaults(void);

/*
 * Run O against S. Results are ranked by bm25 (column weights title 3,
 * abstract 2, text 1; ties by index order), or in index order without a
 * query. Counts cover the whole result set: a record counts once per label,
 * whatever source it has it from. One consistent snapshot of the store.
 * *out is owned by the caller (rt_search_free). Returns RT_OK, RT_EINVAL
 * (bad query syntax or options: err says what, for an HTTP 400), RT_EDB or
 * RT_ENOMEM. Use S from one thread at a time.
 */
int rt_search_run(rt_store *s, const rt_search_opts *o, rt_search **out, rt_err *err);

/* Free; NULL is safe. */
void rt_search_free(rt_search *r);

/* Number of records matching (not only those returned). */
size_t rt_search_total(const rt_search *r);

/* Results returned (at most limit) and the I-th of them, best first; valid while R lives. */
size_t rt_search_nhits(const rt_search *r);
const rt_hit *rt_search_hit(const rt_search *r, size_t i);

/* Label counts (non-zero only): by facet, then count descending, then label. */
size_t rt_search_ncounts(const rt_search *r);
const rt_label_count *rt_search_count(const rt_search *r, size_t i);

/*
 * R as compact JSON: {"total": N, "results": [{"id", "title", "snippet",
 * "score", "labels": {FACET: [{"label", "source", "score"}]}}], "facets":
 * {FACET: {LABEL: COUNT}}}; "score" is null for manual labels and for
 * results without a query. *out is malloc'd, owned by the caller. Returns
 * RT_OK or RT_ENOMEM.
 */
int rt_search_to_json(const rt_search *r, char **out, size_t *len, rt_err *err);

/* rt_search_run then rt_search_to_json: the web explorer's /api/search. Same contract. */
int rt_search_json(rt_store *s, const rt_search_opts *o, char **out, size_t *len, rt_err *err);

#endif
