/*
 * folds.c - iterative stratification (Sechidis et al. 2011) for K folds of
 * equal desired size. Desired counts are kept multiplied by K so that every
 * comparison is exact integer arithmetic; ties are broken by a splitmix64
 * stream from the seed, never by the platform.
 */
#include <stdlib.h>
#include <string.h>

#include "revtag/folds.h"
#include "rtint.h"

/* splitmix64: a tiny, well-mixed generator whose state is the caller's. */
static uint64_t rng_next(uint64_t *s)
{
    uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* Uniform in [0, n), n > 0 (the modulo bias is below 2^-40 for any n here). */
static size_t rng_below(uint64_t *s, size_t n)
{
    return (size_t)(rng_next(s) % n);
}

/* Working state of one assignment. */
typedef struct strat {
    const rt_fold_item *items;
    size_t n, nlabels;
    unsigned k;
    uint64_t rng;
    size_t *order;      /* the items in a seeded random order */
    size_t *lstart;     /* CSR lists: records of label l are lrec[lstart[l] .. lstart[l+1]) */
    size_t *lrec;
    size_t *remain;     /* per label: records not yet assigned */
    long *want;         /* per fold: desired records x K, minus K per record assigned */
    long *lwant;        /* per label x fold: desired records of the label x K, likewise */
    size_t *size;       /* per fold: records assigned */
    unsigned *fold;     /* the output; k while unassigned */
} strat;

static void strat_free(strat *s)
{
    free(s->order);
    free(s->lstart);
    free(s->lrec);
    free(s->remain);
    free(s->want);
    free(s->lwant);
    free(s->size);
}

/* 1 when label I of ITEM already appeared before it (a repeat to ignore). */
static int repeat(const rt_fold_item *item, size_t i)
{
    for (size_t j = 0; j < i; j++)
        if (item->labels[j] == item->labels[i])
            return 1;
    return 0;
}

/* Shuffle the record order and build the per-label lists in that order. */
static void build_lists(strat *s)
{
    for (size_t i = 0; i < s->n; i++)
        s->order[i] = i;
    for (size_t i = s->n; i > 1; i--) {
        size_t j = rng_below(&s->rng, i), t = s->order[i - 1];
        s->order[i - 1] = s->order[j];
        s->order[j] = t;
    }
    for (size_t i = 0; i < s->n; i++)
        for (size_t j = 0; j < s->items[i].n; j++)
            if (!repeat(&s->items[i], j))
                s->lstart[s->items[i].labels[j] + 1]++;
    for (size_t l = 0; l < s->nlabels; l++) {
        s->remain[l] = s->lstart[l + 1];
        s->lstart[l + 1] += s->lstart[l];
    }
    for (size_t o = 0; o < s->n; o++) {     /* lstart[l] runs as a cursor, then shifts back */
        const rt_fold_item *it = &s->items[s->order[o]];
        for (size_t j = 0; j < it->n; j++)
            if (!repeat(it, j))
                s->lrec[s->lstart[it->labels[j]]++] = s->order[o];
    }
    for (size_t l = s->nlabels; l > 0; l--)
        s->lstart[l] = s->lstart[l - 1];
    s->lstart[0] = 0;
    for (unsigned f = 0; f < s->k; f++)
        s->want[f] = (long)s->n;
    for (size_t l = 0; l < s->nlabels; l++)
        for (unsigned f = 0; f < s->k; f++)
            s->lwant[l * s->k + f] = (long)s->remain[l];
}

/*
 * The fold for the next record: the largest desire for label L (none: skip
 * that criterion), then the largest overall desire, then a seeded draw.
 */
static unsigned pick_fold(strat *s, size_t l)
{
    unsigned cand[RT_FOLDS_MAX], nbest = 0;
    long bl = 0, bw = 0;
    for (unsigned f = 0; f < s->k; f++) {
        long lw = l == (size_t)-1 ? 0 : s->lwant[l * s->k + f], w = s->want[f];
        if (nbest == 0 || lw > bl || (lw == bl && w > bw)) {
            bl = lw;
            bw = w;
            nbest = 0;
        }
        if (lw == bl && w == bw)
            cand[nbest++] = f;
    }
    return cand[rng_below(&s->rng, nbest)];
}

static void assign(strat *s, size_t rec, unsigned f)
{
    const rt_fold_item *it = &s->items[rec];
    s->fold[rec] = f;
    s->want[f] -= (long)s->k;
    for (size_t j = 0; j < it->n; j++) {
        if (repeat(it, j))
            continue;
        s->remain[it->labels[j]]--;
        s->lwant[it->labels[j] * s->k + f] -= (long)s->k;
    }
}

/* The label with the fewest unassigned records (> 0), ties drawn; (size_t)-1 when none. */
static size_t rarest(strat *s)
{
    size_t best = (size_t)-1, ties = 0;
    for (size_t l = 0; l < s->nlabels; l++) {
        if (s->remain[l] == 0)
            continue;
        if (best == (size_t)-1 || s->remain[l] < s->remain[best]) {
            best = l;
            ties = 1;
        } else if (s->remain[l] == s->remain[best] && rng_below(&s->rng, ++ties) == 0) {
            best = l;   /* reservoir draw among equally rare labels */
        }
    }
    return best;
}

/* Move one record from the largest fold into each empty fold. */
static void fill_empty(strat *s, size_t *size)
{
    for (unsigned e = 0; e < s->k; e++) {
        if (size[e])
            continue;
        unsigned big = 0;
        for (unsigned f = 1; f < s->k; f++)
            if (size[f] > size[big])
                big = f;
        for (size_t o = s->n; o-- > 0;)
            if (s->fold[s->order[o]] == big) {
                s->fold[s->order[o]] = e;
                size[big]--;
                size[e]++;
                break;
            }
    }
}

static void strat_run(strat *s)
{
    size_t l;
    while ((l = rarest(s)) != (size_t)-1)
        for (size_t i = s->lstart[l]; i < s->lstart[l + 1]; i++)
            if (s->fold[s->lrec[i]] == s->k)
                assign(s, s->lrec[i], pick_fold(s, l));
    for (size_t o = 0; o < s->n; o++)
        if (s->fold[s->order[o]] == s->k)
            assign(s, s->order[o], pick_fold(s, (size_t)-1));
    for (size_t i = 0; i < s->n; i++)
        s->size[s->fold[i]]++;
    fill_empty(s, s->size);
}

static int check(const rt_fold_item *items, size_t n, size_t nlabels, unsigned k, rt_err *err)
{
    if (k < 2 || k > RT_FOLDS_MAX || k > n)
        return rt_err_set(err, RT_EINVAL, "folds: need 2 to %d folds and at least as many records "
                          "(got %u folds, %zu records)", RT_FOLDS_MAX, k, n);
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < items[i].n; j++)
            if (items[i].labels[j] >= nlabels)
                return rt_err_set(err, RT_EINVAL, "folds: record %zu: label id %u out of range",
                                  i, (unsigned)items[i].labels[j]);
    return RT_OK;
}

int rt_folds_assign(const rt_fold_item *items, size_t n, size_t nlabels, unsigned k,
                    uint64_t seed, unsigned *fold, rt_err *err)
{
    int rc = check(items, n, nlabels, k, err);
    if (rc != RT_OK)
        return rc;
    strat s = { items, n, nlabels, k, seed, NULL, NULL, NULL, NULL, NULL, NULL, NULL, fold };
    s.order = malloc(n * sizeof *s.order);
    s.lstart = calloc(nlabels + 1, sizeof *s.lstart);
    s.remain = calloc(nlabels ? nlabels : 1, sizeof *s.remain);
    s.size = calloc(k, sizeof *s.size);
    s.want = calloc(k, sizeof *s.want);
    s.lwant = calloc((nlabels ? nlabels : 1) * k, sizeof *s.lwant);
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += items[i].n;
    s.lrec = malloc((total ? total : 1) * sizeof *s.lrec);
    if (!s.order || !s.lstart || !s.remain || !s.size || !s.want || !s.lwant || !s.lrec) {
        strat_free(&s);
        return rt_err_set(err, RT_ENOMEM, "folds: out of memory");
    }
    for (size_t i = 0; i < n; i++)
        fold[i] = k;
    build_lists(&s);
    strat_run(&s);
    strat_free(&s);
    return RT_OK;
}

/* ------------------------------------------------------------ records */

/* Intern the (facet, label) pairs of every record into ids and item lists. */
static int record_items(const rt_record *const *recs, size_t n, const char *const *facets,
                        size_t nfacets, rt_strmap *map, rt_fold_item *items, uint32_t **ids)
{
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t f = 0; f < nfacets; f++) {
            const rt_facet_labels *fl = rt_record_get_facet(recs[i], facets[f]);
            total += fl ? fl->nlabels : 0;
        }
    uint32_t *v = *ids = malloc((total ? total : 1) * sizeof *v);
    if (!v)
        return RT_ENOMEM;
    int rc = RT_OK;
    rt_buf key = { 0 };
    for (size_t i = 0; i < n && rc == RT_OK; i++) {
        items[i].labels = v;
        items[i].n = 0;
        for (size_t f = 0; f < nfacets; f++) {
            const rt_facet_labels *fl = rt_record_get_facet(recs[i], facets[f]);
            for (size_t j = 0; fl && j < fl->nlabels && rc == RT_OK; j++) {
                key.len = 0;
                rt_buf_puts(&rc, &key, facets[f]);
                rt_buf_append(&rc, &key, "", 1);      /* facet NUL label: no clashes */
                rt_buf_puts(&rc, &key, fl->labels[j]);
                if (rc == RT_OK)
                    rc = rt_strmap_add(map, key.data, key.len, &v[items[i].n++]);
            }
        }
        v += items[i].n;
    }
    rt_buf_free(&key);
    return rc;
}

int rt_folds_assign_records(const rt_record *const *recs, size_t n, const char *const *facets,
                            size_t nfacets, unsigned k, uint64_t seed, unsigned *fold,
                            rt_err *err)
{
    rt_strmap map;
    rt_strmap_init(&map);
    uint32_t *ids = NULL;
    rt_fold_item *items = calloc(n ? n : 1, sizeof *items);
    int rc = items ? record_items(recs, n, facets, nfacets, &map, items, &ids) : RT_ENOMEM;
    if (rc == RT_OK)
        rc = rt_folds_assign(items, n, map.n, k, seed, fold, err);
    else
        rt_err_set(err, rc, "folds: out of memory");
    free(ids);
    free(items);
    rt_strmap_free(&map);
    return rc;
}
