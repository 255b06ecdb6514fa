/*
 * combine.c - the country facet: gazetteer evidence (weighted by field and
 * kind of name) and, when there is one, a classifier's per-country scores,
 * merged by a few fixed rules documented in README "Countries and places";
 * a record naming no place is read for cross-national wording.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "geo/geo_int.h"
#include "revtag/tokenizer.h"
#include "rtint.h"

#define MAXC 300

rt_country_opts rt_country_defaults(void)
{
    rt_country_opts o = {
        { 3.0, 1.5, 1.0 },             /* title, abstract, text */
        { 1.0, 1.0, 0.5, 1.0, 0.8 },   /* country, alias, demonym, place, institution */
        0.4, 0.5, 1.0, 2.0, 0.3, 0.3, 0.06,
    };
    return o;
}

static int cmp_score(const void *a, const void *b)
{
    const rt_country_score *x = a, *y = b;
    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    return strcmp(x->alpha2, y->alpha2);
}

/* Weighted evidence per country index; returns the largest. */
static double evidence(const rt_country_opts *o, const rt_place_match *m, size_t nm, double *ev)
{
    double max = 0;
    for (size_t i = 0; i < nm; i++) {
        const rt_country *c = rt_country_get(m[i].country);
        if (!c || m[i].field < 0 || m[i].field >= RT_GEO_NFIELDS || m[i].kind < 0 ||
            m[i].kind >= RT_PLACE_NKINDS)
            continue;
        size_t ci = (size_t)(c - rt_geo_countries);
        ev[ci] += o->field_weight[m[i].field] * o->kind_weight[m[i].kind];
        max = ev[ci] > max ? ev[ci] : max;
    }
    return max;
}

/*
 * Score of country CI: gazetteer confidence 1 - exp(-evidence) for a country
 * with at least rel_cut of the strongest evidence, joined to the model score
 * by noisy-or; a country with no (or too weak) gazetteer evidence gets the
 * model score alone, and only counts if the model is sure (model_only) or,
 * when the record names no place at all, if the model assigns it with a
 * score of at least model_floor.
 */
static double score_of(const rt_country_opts *o, double ev, double max, double ms, int massigned,
                       int *assign)
{
    if (ev > 0 && ev >= o->rel_cut * max) {
        double g = 1.0 - exp(-ev);
        double s = 1.0 - (1.0 - g) * (1.0 - fmin(1.0, o->model_weight * ms));
        *assign = s >= o->threshold;
        return s;
    }
    *assign = max > 0 ? ms >= o->model_only : massigned && ms >= o->model_floor;
    return ms;
}

/* No place named and nothing assigned: the model's best country if it reaches model_top. */
static size_t best_of_model(const rt_country_opts *o, const double *ms, rt_country_score *out)
{
    size_t best = 0;
    for (size_t ci = 1; ci < rt_geo_ncountries && ci < MAXC; ci++)
        best = ms[ci] > ms[best] ? ci : best;
    if (ms[best] <= 0 || ms[best] < o->model_top)
        return 0;
    out[0] = (rt_country_score){ rt_geo_countries[best].alpha2, ms[best], 0 };
    return 1;
}

int rt_country_combine(const rt_country_opts *o, const rt_place_match *m, size_t nm,
                       const char *const *labels, const double *scores,
                       const int *model_assigned, size_t nlabels, rt_country_score *out,
                       size_t cap, size_t *nout, rt_err *err)
{
    if (!o || !nout || (nm && !m) || (nlabels && (!labels || !scores)) || (cap && !out))
        return rt_err_set(err, RT_EINVAL, "country combine: NULL argument");
    double ev[MAXC] = { 0 }, ms[MAXC] = { 0 };
    int ma[MAXC] = { 0 };
    double max = evidence(o, m, nm, ev);
    for (size_t i = 0; i < nlabels; i++) {
        const rt_country *c = rt_country_get(labels[i]);
        if (!c)
            continue;
        size_t ci = (size_t)(c - rt_geo_countries);
        ms[ci] = scores[i] < 0 ? 0 : scores[i] > 1 ? 1 : scores[i];
        ma[ci] = model_assigned ? model_assigned[i] : scores[i] >= 0.5;
    }
    size_t n = 0;
    for (size_t ci = 0; ci < rt_geo_ncountries && ci < MAXC; ci++) {
        int assign = 0;
        double s = score_of(o, ev[ci], max, ms[ci], ma[ci], &assign);
        if (!assign || n == cap)
            continue;
        out[n++] = (rt_country_score){ rt_geo_countries[ci].alpha2, s, ev[ci] };
    }
    if (n == 0 && max == 0 && cap > 0)
        n = best_of_model(o, ms, out);
    qsort(out, n, sizeof *out, cmp_score);
    *nout = n;
    return RT_OK;
}

/* ------------------------------------------------------------ scope */

/*
 * Words that make a record naming no place read as a cross-national study
 * (a review, a comparison) rather than a project somewhere unnamed. Chosen
 * by cross-validation on the corpus; case-folded tokens, and two-token
 * phrases for the hyphenated forms the tokenizer splits.
 */
static const char *const CROSS_WORDS[] = {
    "countries", "international", "internationally", "global", "globally", "worldwide",
    "comparative", "review", "reviews", "literature",
};
static const char *const CROSS_PAIRS[][2] = { { "cross", "national" }, { "cross", "country" } };

typedef struct scope_ctx {
    char prev[16];     /* the previous token when short, for the pairs */
    int cross;
} scope_ctx;

static int token_is(const rt_token *t, const char *w)
{
    return t->len == strlen(w) && memcmp(t->text, w, t->len) == 0;
}

static int on_scope_token(void *vctx, const rt_token *t)
{
    scope_ctx *c = vctx;
    for (size_t i = 0; i < sizeof CROSS_WORDS / sizeof CROSS_WORDS[0]; i++)
        c->cross |= token_is(t, CROSS_WORDS[i]);
    for (size_t i = 0; i < sizeof CROSS_PAIRS / sizeof CROSS_PAIRS[0]; i++)
        c->cross |= strcmp(c->prev, CROSS_PAIRS[i][0]) == 0 && token_is(t, CROSS_PAIRS[i][1]);
    size_t n = t->len < sizeof c->prev ? t->len : 0;
    memcpy(c->prev, t->text, n);
    c->prev[n] = '\0';
    return c->cross ? -1 : 0;   /* stop at the first cue (-1: not an rt_status) */
}

/* Does REC (title, abstract, text) use cross-national wording? RT_OK or RT_ENOMEM. */
static int cross_national(const rt_record *rec, int *cross, rt_err *err)
{
    rt_tokenizer *tk;
    int rc = rt_tokenizer_new(&tk, err);
    const char *f[3] = { rec->title, rec->abstract, rec->text };
    scope_ctx c = { "", 0 };
    for (int i = 0; i < 3 && rc == RT_OK && !c.cross; i++) {
        c.prev[0] = '\0';
        if (f[i] && rt_tokenizer_run(tk, 0, f[i], strlen(f[i]), on_scope_token, &c) == RT_ENOMEM)
            rc = rt_err_set(err, RT_ENOMEM, "country tag: out of memory");
    }
    rt_tokenizer_free(tk);
    *cross = c.cross;
    return rc;
}

/* ------------------------------------------------------------ one record */

typedef struct matches {
    rt_place_match *v;
    size_t n, cap;
} matches;

static int keep_match(void *ctx, const rt_place_match *m)
{
    matches *ms = ctx;
    if (ms->n == ms->cap) {
        size_t cap = ms->cap ? ms->cap * 2 : 32;
        rt_place_match *p = realloc(ms->v, cap * sizeof *p);
        if (!p)
            return RT_ENOMEM;
        ms->v = p;
        ms->cap = cap;
    }
    ms->v[ms->n++] = *m;
    return 0;
}

/*
 * The options for one record: O (NULL = defaults), with local_top standing in
 * for model_top when the record names no place (NM 0), there are model scores
 * and none of its words is cross-national: such a record is a project somewhere.
 */
static int record_opts(const rt_country_opts *o, const rt_record *rec, size_t nm, size_t nlabels,
                       rt_country_opts *use, rt_err *err)
{
    *use = o ? *o : rt_country_defaults();
    int cross = 1, rc = nm == 0 && nlabels > 0 ? cross_national(rec, &cross, err) : RT_OK;
    if (rc == RT_OK && !cross)
        use->model_top = use->local_top;
    return rc;
}

int rt_country_tag(const rt_gazetteer *g, const rt_record *rec, const rt_country_opts *o,
                   const char *const *labels, const double *scores, size_t nlabels,
                   const unsigned *decided, size_t ndecided, rt_country_score *out, size_t cap,
                   size_t *nout, rt_err *err)
{
    matches ms = { NULL, 0, 0 };
    rt_country_opts use;
    int *assigned = nlabels ? calloc(nlabels, sizeof *assigned) : NULL;
    int rc = nlabels && !assigned ? rt_err_set(err, RT_ENOMEM, "country tag: out of memory")
                                  : rt_gazetteer_match_record(g, rec, keep_match, &ms, err);
    if (rc == RT_ENOMEM)
        rt_err_set(err, RT_ENOMEM, "country tag: out of memory");
    for (size_t i = 0; rc == RT_OK && i < ndecided; i++)
        if (decided[i] < nlabels)
            assigned[decided[i]] = 1;
    if (rc == RT_OK)
        rc = record_opts(o, rec, ms.n, nlabels, &use, err);
    if (rc == RT_OK)
        rc = rt_country_combine(&use, ms.v, ms.n, labels, scores, assigned, nlabels, out, cap,
                                nout, err);
    free(ms.v);
    free(assigned);
    return rc;
}
