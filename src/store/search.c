/*
 * search.c - a search is bit operations over record ids: facet filters OR
 * label postings into a mask, one FTS5 pass ANDs the query in and keeps the
 * best bm25 scores in a heap, and counts walk every label's postings once.
 */
#include <ctype.h>
#include <jansson.h>
#include <math.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "revtag/fts.h"
#include "revtag/search.h"
#include "rtint.h"

#define SNIPPET_TOKENS 20
#define LEAD_BYTES 240           /* snippet length without a query */

struct rt_search {
    int ranked;                  /* a query was given: hits carry bm25 scores */
    size_t total;
    rt_hit *hits;
    size_t nhits;
    rt_label_count *counts;
    size_t ncounts;
};

/* A candidate result: higher score first, then lower rid. */
typedef struct cand {
    double score;
    uint32_t rid;
} cand;

/* The K best candidates seen so far, as a heap with the worst on top. */
typedef struct topk {
    cand *v;
    size_t n, k;
} topk;

rt_search_opts rt_search_defaults(void)
{
    rt_search_opts o;
    memset(&o, 0, sizeof o);
    o.sources = RT_SOURCE_ALL;
    o.limit = 20;
    return o;
}

/* ---------------------------------------------------------------- bitmaps and counts */

static void bit_set(uint64_t *bits, uint32_t rid)
{
    bits[rid >> 6] |= (uint64_t)1 << (rid & 63);
}

/*
 * Walks the records carrying one label under a source filter: the manual
 * and predicted postings merged (each record once), predicted ones below
 * the minimum score skipped.
 */
typedef struct kept_iter {
    const rt_plist *m, *p;   /* NULL when that source is filtered out */
    size_t i, j;
    double min_score;
} kept_iter;

static void kept_init(kept_iter *it, const rt_flabel *fl, int sources, double min_score)
{
    static const rt_plist none = { NULL, NULL, 0 };
    it->m = sources & RT_SOURCE_MANUAL ? &fl->manual : &none;
    it->p = sources & RT_SOURCE_PREDICTED ? &fl->predicted : &none;
    it->i = it->j = 0;
    it->min_score = min_score;
}

/* The next kept record in ascending order into *rid; 0 at the end. */
static int kept_next(kept_iter *it, uint32_t *rid)
{
    const rt_plist *m = it->m, *p = it->p;
    while (it->i < m->n || it->j < p->n) {
        if (it->j == p->n || (it->i < m->n && m->rids[it->i] < p->rids[it->j])) {
            *rid = m->rids[it->i++];
            return 1;
        }
        if (it->i == m->n || p->rids[it->j] < m->rids[it->i]) {
            *rid = p->rids[it->j];
            if (p->scores[it->j++] >= it->min_score)
                return 1;
            continue;
        }
        *rid = m->rids[it->i++];     /* both sources: manual needs no score */
        it->j++;
        return 1;
    }
    return 0;
}

void rt_flabel_mark(const rt_flabel *fl, int sources, double min_score, uint64_t *bits,
                    size_t nwords)
{
    kept_iter it;
    uint32_t rid;
    kept_init(&it, fl, sources, min_score);
    while (kept_next(&it, &rid))
        if ((size_t)(rid >> 6) < nwords)
            bit_set(bits, rid);
}

/*
 * Count once each label record RID carries under SOURCES / MIN_SCORE
 * (SCORED: some predicted score is below MIN_SCORE, so scores must be read).
 */
static void count_record(const rt_facets *f, uint32_t rid, int sources, double min_score,
                         int scored, size_t *counts)
{
    uint32_t last = UINT32_MAX;
    for (uint32_t e = f->rec_off[rid]; e < f->rec_off[rid + 1]; e++) {
        uint32_t lab = f->rec_lab[e], i = lab >> 1;
        if (i == last)
            continue;                /* the same label from the other source */
        int ok = lab & 1 ? (sources & RT_SOURCE_PREDICTED)
                               && (!scored
                                   || f->v[i].predicted.scores[f->rec_pos[e]] >= min_score)
                         : (sources & RT_SOURCE_MANUAL);
        if (ok) {
            counts[i]++;
            last = i;
        }
    }
}

void rt_facets_count(const rt_facets *f, const uint64_t *bits, size_t nwords, int sources,
                     double min_score, size_t *counts)
{
    int scored = !(min_score <= f->min_pred);
    memset(counts, 0, f->n * sizeof *counts);
    for (size_t w = 0; w < nwords; w++)
        for (uint64_t word = bits[w]; word; word &= word - 1) {
            uint32_t rid = (uint32_t)(w * 64 + (size_t)__builtin_ctzll(word));
            if (rid <= f->maxrid)
                count_record(f, rid, sources, min_score, scored, counts);
        }
}

static int flabel_cmp(const rt_flabel *a, const char *facet, const char *label)
{
    int c = strcmp(a->facet, facet);
    return c ? c : strcmp(a->label, label);
}

size_t rt_facets_find(const rt_facets *f, const char *facet, const char *label)
{
    size_t lo = 0, hi = f->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = flabel_cmp(&f->v[mid], facet, label);
        if (c == 0)
            return mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (size_t)-1;
}

static size_t popcount(const uint64_t *bits, size_t nwords)
{
    size_t n = 0;
    for (size_t i = 0; i < nwords; i++)
        n += (size_t)__builtin_popcountll(bits[i]);
    return n;
}

/* ---------------------------------------------------------------- the result set */

void rt_hitset_free(rt_hitset *h)
{
    if (!h)
        return;
    free(h->bits);
    memset(h, 0, sizeof *h);
}

static int blank(const char *q)
{
    while (q && *q && isspace((unsigned char)*q))
        q++;
    return !q || !*q;
}

/* AND into H->bits, for each facet filtered, the OR of its labels' records. */
static int apply_filters(const rt_search_opts *o, rt_hitset *h)
{
    uint64_t *any = malloc(h->nwords * sizeof *any);
    if (!any)
        return RT_ENOMEM;
    for (size_t i = 0; i < o->nfilters; i++) {
        size_t j = 0;
        while (j < i && strcmp(o->filters[j].facet, o->filters[i].facet) != 0)
            j++;
        if (j < i)
            continue;                          /* facet done with its first filter */
        memset(any, 0, h->nwords * sizeof *any);
        for (size_t k = i; k < o->nfilters; k++) {
            if (strcmp(o->filters[k].facet, o->filters[i].facet) != 0)
                continue;
            size_t at = rt_facets_find(h->facets, o->filters[k].facet, o->filters[k].label);
            if (at != (size_t)-1)
                rt_flabel_mark(&h->facets->v[at], o->sources, o->min_score, any, h->nwords);
        }
        for (size_t w = 0; w < h->nwords; w++)
            h->bits[w] &= any[w];
    }
    free(any);
    return RT_OK;
}

static int check_opts(const rt_search_opts *o, rt_err *err)
{
    if (o->sources < RT_SOURCE_MANUAL || o->sources > RT_SOURCE_ALL)
        return rt_err_set(err, RT_EINVAL, "source must be manual, predicted or all");
    if (isnan(o->min_score))
        return rt_err_set(err, RT_EINVAL, "min score is not a number");
    for (size_t i = 0; i < o->nfilters; i++)
        if (!o->filters[i].facet || !o->filters[i].label)
            return rt_err_set(err, RT_EINVAL, "facet filter %zu has no facet or label", i + 1);
    return RT_OK;
}

/* Every record allowed by the filters, before the query. */
static int hitset_mask(rt_store *s, const rt_search_opts *o, rt_hitset *h, rt_err *err)
{
    memset(h, 0, sizeof *h);
    int rc = check_opts(o, err);
    if (rc == RT_OK)
        rc = rt_store_get_facets(s, &h->facets, err);
    if (rc != RT_OK)
        return rc;
    h->nwords = (size_t)(h->facets->maxrid >> 6) + 1;
    if (!(h->bits = malloc(h->nwords * sizeof *h->bits)))
        return rt_err_set(err, RT_ENOMEM, "search: out of memory");
    memcpy(h->bits, h->facets->all, h->nwords * sizeof *h->bits);
    if (o->nfilters && apply_filters(o, h) != RT_OK)
        return rt_err_set(err, RT_ENOMEM, "search: out of memory");
    return RT_OK;
}

static int cand_worse(const cand *a, const cand *b)
{
    return a->score < b->score || (a->score == b->score && a->rid > b->rid);
}

static void heap_down(topk *t, size_t i)
{
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, w = i;
        if (l < t->n && cand_worse(&t->v[l], &t->v[w]))
            w = l;
        if (r < t->n && cand_worse(&t->v[r], &t->v[w]))
            w = r;
        if (w == i)
            return;
        cand c = t->v[i];
        t->v[i] = t->v[w];
        t->v[w] = c;
        i = w;
    }
}

static void topk_push(topk *t, cand c)
{
    if (t->n < t->k) {
        size_t i = t->n++;
        t->v[i] = c;
        while (i && cand_worse(&t->v[i], &t->v[(i - 1) / 2])) {
            cand p = t->v[(i - 1) / 2];
            t->v[(i - 1) / 2] = t->v[i];
            t->v[i] = p;
            i = (i - 1) / 2;
        }
    } else if (t->k && cand_worse(&t->v[0], &c)) {
        t->v[0] = c;
        heap_down(t, 0);
    }
}

static int query_fail(sqlite3 *db, const char *query, rt_err *err)
{
    int e = sqlite3_errcode(db);
    int code = e == SQLITE_ERROR ? RT_EINVAL : e == SQLITE_NOMEM ? RT_ENOMEM : RT_EDB;
    return rt_err_set(err, code, "query '%s': %s", query, sqlite3_errmsg(db));
}

/* AND the query's matches into H; offer each match to TOP (may be NULL). */
static int fts_pass(rt_store *s, const char *query, rt_hitset *h, topk *top, rt_err *err)
{
    sqlite3 *db = rt_store_db(s);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db,
                           top ? "SELECT rowid, rt_bm25(fts, 3.0, 2.0, 1.0) FROM fts"
                                 " WHERE fts MATCH ?1"
                               : "SELECT rowid FROM fts WHERE fts MATCH ?1",
                           -1, &st, NULL) != SQLITE_OK)
        return query_fail(db, query, err);
    uint64_t *match = calloc(h->nwords, sizeof *match);
    int rc = match ? RT_OK : rt_err_set(err, RT_ENOMEM, "search: out of memory");
    sqlite3_bind_text(st, 1, query, -1, SQLITE_STATIC);
    int e = SQLITE_DONE;
    while (rc == RT_OK && (e = sqlite3_step(st)) == SQLITE_ROW) {
        sqlite3_int64 rid = sqlite3_column_int64(st, 0);
        if (rid < 0 || !rt_bit_has(h->bits, h->nwords, (uint32_t)rid))
            continue;
        bit_set(match, (uint32_t)rid);
        if (top)
            topk_push(top, (cand){ -sqlite3_column_double(st, 1), (uint32_t)rid });
    }
    if (rc == RT_OK && e != SQLITE_DONE)
        rc = query_fail(db, query, err);
    sqlite3_finalize(st);
    if (rc == RT_OK) {
        free(h->bits);
        h->bits = match;
        match = NULL;
    }
    free(match);
    return rc;
}

static int hitset_run(rt_store *s, const rt_search_opts *o, rt_hitset *h, topk *top,
                      rt_err *err)
{
    int rc = hitset_mask(s, o, h, err);
    if (rc == RT_OK && !blank(o->query))
        rc = rt_fts_set_query_lang(rt_store_fts(s), o->lang, err) == RT_OK
                 ? fts_pass(s, o->query, h, top, err)
                 : RT_EINVAL;
    if (rc == RT_OK && top && blank(o->query))     /* index order: the first K records */
        for (size_t i = 0; i < h->facets->nrids && top->n < top->k; i++)
            if (rt_bit_has(h->bits, h->nwords, h->facets->rids[i]))
                top->v[top->n++] = (cand){ 0, h->facets->rids[i] };
    if (rc != RT_OK) {
        rt_hitset_free(h);
        return rc;
    }
    h->total = popcount(h->bits, h->nwords);
    return RT_OK;
}

int rt_hitset_build(rt_store *s, const rt_search_opts *o, rt_hitset *h, rt_err *err)
{
    return hitset_run(s, o, h, NULL, err);
}

/* ---------------------------------------------------------------- snippets */

static void put_text(int *rc, rt_buf *b, const char *s, size_t len, int html)
{
    size_t from = 0;
    for (size_t i = 0; html && i < len; i++) {
        const char *esc = s[i] == '&' ? "&amp;" : s[i] == '<' ? "&lt;" : s[i] == '>' ? "&gt;"
                        : s[i] == '"' ? "&quot;" : s[i] == '\'' ? "&#39;" : NULL;
        if (esc) {
            rt_buf_append(rc, b, s + from, i - from);
            rt_buf_puts(rc, b, esc);
            from = i + 1;
        }
    }
    rt_buf_append(rc, b, s + from, len - from);
}

/* FTS5's snippet (marks \x02 \x03) with language tags dropped, marks replaced, text escaped. */
static char *render_snippet(const char *raw, const rt_search_opts *o, int *rc)
{
    rt_buf b = { 0 };
    const char *open = o->mark_open ? o->mark_open : "[";
    const char *close = o->mark_close ? o->mark_close : "]";
    size_t len = strlen(raw), i = 0, from = 0;
    rt_buf_puts(rc, &b, "");
    while (i < len) {
        size_t tag = raw[i] == RT_FTS_LANG_MARK ? rt_fts_lang_prefix(raw + i, len - i, NULL) : 0;
        if (!tag && raw[i] != '\x02' && raw[i] != '\x03') {
            i++;
            continue;
        }
        put_text(rc, &b, raw + from, i - from, o->html);
        if (!tag)
            rt_buf_puts(rc, &b, raw[i] == '\x02' ? open : close);
        i += tag ? tag : 1;
        from = i;
    }
    put_text(rc, &b, raw + from, len - from, o->html);
    if (*rc != RT_OK)
        rt_buf_free(&b);
    return b.data;
}

/* The first LEAD_BYTES of the record's abstract, text or title, cut at a space. */
static char *lead_snippet(const rt_record *r, const rt_search_opts *o, int *rc)
{
    const char *s = r->abstract ? r->abstract : r->text ? r->text : r->title ? r->title : "";
    size_t len = strlen(s), cut = len;
    if (len > LEAD_BYTES) {
        cut = LEAD_BYTES;
        while (cut > LEAD_BYTES / 2 && s[cut] != ' ')
            cut--;
        while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
            cut--;
    }
    rt_buf b = { 0 };
    rt_buf_puts(rc, &b, "");
    put_text(rc, &b, s, cut, o->html);
    if (cut < len)
        rt_buf_puts(rc, &b, "\xE2\x80\xA6");
    if (*rc != RT_OK)
        rt_buf_free(&b);
    return b.data;
}

static sqlite3_stmt *snippet_stmt(rt_store *s, const rt_search_opts *o, int *rc, rt_err *err)
{
    sqlite3 *db = rt_store_db(s);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db,
                           "SELECT snippet(fts, -1, char(2), char(3), '\xE2\x80\xA6', "
                           "?3) FROM fts WHERE fts MATCH ?1 AND rowid = ?2",
                           -1, &st, NULL) != SQLITE_OK) {
        *rc = query_fail(db, o->query, err);
        return NULL;
    }
    sqlite3_bind_text(st, 1, o->query, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 3, SNIPPET_TOKENS);
    return st;
}

/* The best fragment of record RID for the query, with ST from snippet_stmt. */
static char *fts_snippet(rt_store *s, sqlite3_stmt *st, const rt_search_opts *o, uint32_t rid,
                         int *rc, rt_err *err)
{
    char *out = NULL;
    sqlite3_bind_int64(st, 2, rid);
    int e = sqlite3_step(st);
    if (e == SQLITE_ROW)
        out = render_snippet((const char *)sqlite3_column_text(st, 0), o, rc);
    else if (e != SQLITE_DONE)
        *rc = query_fail(rt_store_db(s), o->query, err);
    else
        out = render_snippet("", o, rc);
    sqlite3_reset(st);
    return out;
}

/* ---------------------------------------------------------------- results */

static void hit_free(rt_hit *h)
{
    free((void *)h->id);
    free((void *)h->title);
    free((void *)h->snippet);
    for (size_t i = 0; i < h->nlabels; i++) {
        free((void *)h->labels[i].facet);
        free((void *)h->labels[i].label);
    }
    free((void *)h->labels);
}

void rt_search_free(rt_search *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->nhits; i++)
        hit_free(&r->hits[i]);
    free(r->hits);
    for (size_t i = 0; i < r->ncounts; i++) {
        free((void *)r->counts[i].facet);
        free((void *)r->counts[i].label);
    }
    free(r->counts);
    free(r);
}

/* Move the stored record's id, title and kept labels into H. */
static void hit_take(rt_hit *h, rt_stored *st, const rt_search_opts *o, int *rc)
{
    h->id = st->rec.id;
    st->rec.id = NULL;
    if (st->rec.title && o->html) {
        rt_buf b = { 0 };
        put_text(rc, &b, st->rec.title, strlen(st->rec.title), 1);
        h->title = b.data;
    } else {
        h->title = st->rec.title;
        st->rec.title = NULL;
    }
    rt_hit_label *ls = calloc(st->ntags ? st->ntags : 1, sizeof *ls);
    if (!ls) {
        *rc = RT_ENOMEM;
        return;
    }
    for (size_t i = 0; i < st->ntags; i++) {
        ls[i] = (rt_hit_label){ st->tags[i].facet, st->tags[i].label, st->tags[i].source,
                                st->tags[i].score };
        st->tags[i].facet = st->tags[i].label = NULL;
    }
    h->labels = ls;
    h->nlabels = st->ntags;
}

static int load_hit(rt_store *s, sqlite3_stmt *snip, const rt_search_opts *o, uint32_t rid,
                    double score, rt_hit *h, rt_err *err)
{
    rt_stored st = { 0 };
    int rc = rt_store_load(s, rid, o->sources, o->min_score, &st, err);
    if (rc == RT_DONE)
        rc = rt_err_set(err, RT_EDB, "record %u vanished during the search", rid);
    h->score = score;
    if (rc == RT_OK)
        hit_take(h, &st, o, &rc);
    if (rc == RT_OK)
        h->snippet = snip ? fts_snippet(s, snip, o, rid, &rc, err) : lead_snippet(&st.rec, o, &rc);
    if (rc == RT_ENOMEM)
        rt_err_set(err, RT_ENOMEM, "search: out of memory");
    rt_stored_clear(&st);
    return rc;
}

static int cand_cmp(const void *a, const void *b)
{
    const cand *x = a, *y = b;
    return cand_worse(y, x) ? -1 : cand_worse(x, y) ? 1 : 0;
}

static int load_hits(rt_store *s, const rt_search_opts *o, topk *top, rt_search *r,
                     rt_err *err)
{
    if (top->n)
        qsort(top->v, top->n, sizeof *top->v, cand_cmp);
    size_t from = o->offset < top->n ? o->offset : top->n;
    r->hits = calloc(top->n - from + 1, sizeof *r->hits);
    if (!r->hits)
        return rt_err_set(err, RT_ENOMEM, "search: out of memory");
    int rc = RT_OK;
    sqlite3_stmt *snip = from < top->n && !blank(o->query) ? snippet_stmt(s, o, &rc, err) : NULL;
    for (size_t i = from; i < top->n && rc == RT_OK; i++) {
        double score = snip ? round(top->v[i].score * 1e6) / 1e6 : 0;
        rc = load_hit(s, snip, o, top->v[i].rid, score, &r->hits[r->nhits], err);
        r->nhits++;
    }
    sqlite3_finalize(snip);
    return rc;
}

static int count_cmp(const void *a, const void *b)
{
    const rt_label_count *x = a, *y = b;
    int c = strcmp(x->facet, y->facet);
    if (c)
        return c;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return strcmp(x->label, y->label);
}

static int make_counts(const rt_search_opts *o, const rt_hitset *h, rt_search *r, rt_err *err)
{
    const rt_facets *f = h->facets;
    size_t *c = calloc(f->n + 1, sizeof *c);
    r->counts = calloc(f->n + 1, sizeof *r->counts);
    int rc = c && r->counts ? RT_OK : RT_ENOMEM;
    if (rc == RT_OK)
        rt_facets_count(f, h->bits, h->nwords, o->sources, o->min_score, c);
    for (size_t i = 0; rc == RT_OK && i < f->n; i++) {
        if (!c[i])
            continue;
        rt_label_count *lc = &r->counts[r->ncounts++];
        lc->facet = rt_strdup(f->v[i].facet);
        lc->label = rt_strdup(f->v[i].label);
        lc->count = c[i];
        if (!lc->facet || !lc->label)
            rc = RT_ENOMEM;
    }
    free(c);
    if (rc != RT_OK)
        return rt_err_set(err, RT_ENOMEM, "search: out of memory");
    qsort(r->counts, r->ncounts, sizeof *r->counts, count_cmp);
    return RT_OK;
}

static int search_snapshot(rt_store *s, const rt_search_opts *o, rt_search *r, rt_err *err)
{
    size_t k = o->limit + o->offset < o->limit ? SIZE_MAX : o->limit + o->offset;
    topk top = { NULL, 0, 0 };
    rt_hitset h;
    if (k > 0 && !(top.v = malloc((k < 100000 ? k : 100000) * sizeof *top.v)))
        return rt_err_set(err, RT_ENOMEM, "search: out of memory");
    top.k = k < 100000 ? k : 100000;
    int rc = hitset_run(s, o, &h, &top, err);
    if (rc == RT_OK) {
        r->ranked = !blank(o->query);
        r->total = h.total;
        rc = make_counts(o, &h, r, err);
    }
    if (rc == RT_OK)
        rc = load_hits(s, o, &top, r, err);
    rt_hitset_free(&h);
    free(top.v);
    return rc;
}

int rt_search_run(rt_store *s, const rt_search_opts *o, rt_search **out, rt_err *err)
{
    *out = NULL;
    rt_search *r = calloc(1, sizeof *r);
    if (!r)
        return rt_err_set(err, RT_ENOMEM, "search: out of memory");
    int own;
    int rc = rt_store_read_begin(s, &own, err);
    if (rc == RT_OK) {
        rc = search_snapshot(s, o, r, err);
        rt_store_read_end(s, own);
    }
    if (rc != RT_OK) {
        rt_search_free(r);
        return rc;
    }
    *out = r;
    return RT_OK;
}

size_t rt_search_total(const rt_search *r)
{
    return r->total;
}

size_t rt_search_nhits(const rt_search *r)
{
    return r->nhits;
}

const rt_hit *rt_search_hit(const rt_search *r, size_t i)
{
    return i < r->nhits ? &r->hits[i] : NULL;
}

size_t rt_search_ncounts(const rt_search *r)
{
    return r->ncounts;
}

const rt_label_count *rt_search_count(const rt_search *r, size_t i)
{
    return i < r->ncounts ? &r->counts[i] : NULL;
}

/* ---------------------------------------------------------------- JSON */

static json_t *hit_labels_json(const rt_hit *h)
{
    json_t *o = json_object();
    for (size_t i = 0; o && i < h->nlabels; i++) {
        const rt_hit_label *l = &h->labels[i];
        json_t *arr = json_object_get(o, l->facet);
        if (!arr && (json_object_set_new(o, l->facet, json_array()) != 0
                     || !(arr = json_object_get(o, l->facet))))
            goto fail;
        json_t *it = json_pack("{s:s, s:s, s:o}", "label", l->label, "source",
                               l->source == RT_SOURCE_MANUAL ? "manual" : "predicted", "score",
                               l->source == RT_SOURCE_MANUAL ? json_null() : json_real(l->score));
        if (json_array_append_new(arr, it) != 0)
            goto fail;
    }
    return o;
fail:
    json_decref(o);
    return NULL;
}

static json_t *hit_json(const rt_hit *h, int has_query)
{
    json_t *labels = hit_labels_json(h);
    if (!labels)
        return NULL;
    return json_pack("{s:s, s:s?, s:s, s:o, s:o}", "id", h->id, "title", h->title, "snippet",
                     h->snippet, "score", has_query ? json_real(h->score) : json_null(),
                     "labels", labels);
}

static json_t *counts_json(const rt_search *r)
{
    json_t *o = json_object();
    for (size_t i = 0; o && i < r->ncounts; i++) {
        const rt_label_count *c = &r->counts[i];
        json_t *f = json_object_get(o, c->facet);
        if (!f && (json_object_set_new(o, c->facet, json_object()) != 0
                   || !(f = json_object_get(o, c->facet)))) {
            json_decref(o);
            return NULL;
        }
        if (json_object_set_new(f, c->label, json_integer((json_int_t)c->count)) != 0) {
            json_decref(o);
            return NULL;
        }
    }
    return o;
}

int rt_search_to_json(const rt_search *r, char **out, size_t *len, rt_err *err)
{
    *out = NULL;
    json_t *results = json_array();
    int q = r->ranked;
    for (size_t i = 0; results && i < r->nhits; i++)
        if (json_array_append_new(results, hit_json(&r->hits[i], q)) != 0) {
            json_decref(results);
            results = NULL;
        }
    json_t *doc = results ? json_pack("{s:I, s:o, s:o?}", "total", (json_int_t)r->total,
                                      "results", results, "facets", counts_json(r))
                          : NULL;
    if (doc && !json_object_get(doc, "facets"))
        json_decref(doc), doc = NULL;
    *out = doc ? json_dumps(doc, JSON_COMPACT | JSON_REAL_PRECISION(15)) : NULL;
    json_decref(doc);
    if (!*out)
        return rt_err_set(err, RT_ENOMEM, "search JSON: out of memory");
    if (len)
        *len = strlen(*out);
    return RT_OK;
}

int rt_search_json(rt_store *s, const rt_search_opts *o, char **out, size_t *len, rt_err *err)
{
    rt_search *r;
    *out = NULL;
    int rc = rt_search_run(s, o, &r, err);
    if (rc == RT_OK)
        rc = rt_search_to_json(r, out, len, err);
    rt_search_free(r);
    return rc;
}
