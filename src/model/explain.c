/*
 * explain.c - why a record got a label: each term's share of the label's
 * decision value (weight x feature value), the largest first, with the
 * record's own words behind each stem or bigram collected from the
 * analyzer's token offsets.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "revtag/model.h"
#include "rtint.h"

/* A surface form being collected: text and how often it occurs. */
typedef struct surf {
    char *text;
    unsigned n;
} surf;

typedef struct collect {
    const rt_record *rec;
    rt_contrib *c;
    size_t nc;
    surf **s;               /* per contribution */
    size_t *ns;
    int rc;
} collect;

void rt_contribs_free(rt_contrib *c, size_t n)
{
    for (size_t i = 0; c && i < n; i++) {
        for (size_t k = 0; k < c[i].nsurface; k++)
            free(c[i].surface[k]);
        free(c[i].surface);
    }
    free(c);
}

static int cmp_contrib(const void *a, const void *b)
{
    const rt_contrib *x = a, *y = b;
    if (x->value != y->value)
        return x->value < y->value ? 1 : -1;
    return (x->term > y->term) - (x->term < y->term);
}

/* Positive shares of LABEL's decision value among the record's terms, largest first. */
static int shares(const rt_model *m, size_t f, uint32_t label, const rt_fvec *x, rt_contrib **out,
                  size_t *n)
{
    const rt_fmodel *fm = &m->facets[f];
    const float *idf = rt_vocab_idf(m->vocab);
    int tfidf = fm->algo != RT_ALGO_MNB;
    double norm = 0;
    for (size_t k = 0; tfidf && k < x->n; k++)
        norm += pow((1.0 + log(x->val[k])) * idf[x->idx[k]], 2);
    norm = norm > 0 ? 1.0 / sqrt(norm) : 0;
    rt_contrib *c = calloc(x->n + 1, sizeof *c);
    if (!c)
        return RT_ENOMEM;
    *n = 0;
    for (size_t k = 0; k < x->n; k++) {
        double v = tfidf ? (1.0 + log(x->val[k])) * idf[x->idx[k]] * norm : (double)x->val[k];
        double share = v * fm->w[(size_t)x->idx[k] * fm->nlabels + label];
        if (share <= 0)
            continue;
        c[*n].term = x->idx[k];
        c[*n].text = rt_vocab_term(m->vocab, x->idx[k]);
        c[*n].value = share;
        c[(*n)++].count = (unsigned)x->val[k];
    }
    qsort(c, *n, sizeof *c, cmp_contrib);
    *out = c;
    return RT_OK;
}

static const char *field_text(const rt_record *rec, int field)
{
    return field == RT_FIELD_TITLE ? rec->title : field == RT_FIELD_ABSTRACT ? rec->abstract : rec->text;
}

/* rt_term_fn: count the surface form of each occurrence of a kept term. */
static int on_hit(void *ctx, const rt_term_hit *h)
{
    collect *c = ctx;
    size_t i = 0;
    while (i < c->nc && c->c[i].term != h->term)
        i++;
    if (i == c->nc)
        return 0;
    const char *s = field_text(c->rec, h->field) + h->start;
    size_t len = h->end - h->start;
    for (size_t k = 0; k < c->ns[i]; k++)
        if (strlen(c->s[i][k].text) == len && memcmp(c->s[i][k].text, s, len) == 0) {
            c->s[i][k].n++;
            return 0;
        }
    surf *ns = realloc(c->s[i], (c->ns[i] + 1) * sizeof *ns);
    char *t = rt_strndup(s, len);
    if (ns)
        c->s[i] = ns;
    if (!ns || !t) {
        free(t);
        return c->rc = RT_ENOMEM;
    }
    c->s[i][c->ns[i]].text = t;
    c->s[i][c->ns[i]++].n = 1;
    return 0;
}

/* Most frequent first; a stable insertion sort keeps first appearance among equals. */
static int surfaces_to_contrib(surf *s, size_t ns, rt_contrib *c)
{
    for (size_t i = 1; i < ns; i++)
        for (size_t k = i; k > 0 && s[k].n > s[k - 1].n; k--) {
            surf t = s[k];
            s[k] = s[k - 1];
            s[k - 1] = t;
        }
    c->surface = malloc((ns + 1) * sizeof *c->surface);
    if (!c->surface)
        return RT_ENOMEM;
    for (size_t i = 0; i < ns; i++)
        c->surface[i] = s[i].text;
    c->nsurface = ns;
    free(s);
    return RT_OK;
}

static int collect_surfaces(rt_featurizer *fz, const rt_record *rec, rt_contrib *c, size_t nc,
                            rt_err *err)
{
    collect col = { rec, c, nc, calloc(nc + 1, sizeof(surf *)), calloc(nc + 1, sizeof(size_t)),
                    RT_OK };
    int rc = col.s && col.ns ? rt_featurizer_walk(fz, rec, on_hit, &col, err) : RT_ENOMEM;
    if (col.rc != RT_OK || rc == RT_ENOMEM)
        rc = rt_err_set(err, RT_ENOMEM, "explain: out of memory");
    for (size_t i = 0; col.s && col.ns && i < nc; i++) {
        if (rc == RT_OK && surfaces_to_contrib(col.s[i], col.ns[i], &c[i]) == RT_OK)
            continue;
        if (rc == RT_OK)
            rc = rt_err_set(err, RT_ENOMEM, "explain: out of memory");
        for (size_t k = 0; k < col.ns[i]; k++)
            free(col.s[i][k].text);
        free(col.s[i]);
    }
    free(col.s);
    free(col.ns);
    return rc;
}

int rt_model_explain(const rt_model *m, rt_featurizer *fz, const rt_record *rec, size_t f,
                     uint32_t label, size_t k, rt_contrib **out, size_t *n, rt_err *err)
{
    *out = NULL;
    *n = 0;
    rt_fvec x;
    rt_contrib *c = NULL;
    size_t nc = 0;
    int rc = rt_featurizer_run(fz, rec, &x, err);
    if (rc == RT_OK && shares(m, f, label, &x, &c, &nc) != RT_OK)
        rc = rt_err_set(err, RT_ENOMEM, "explain: out of memory");
    if (rc == RT_OK && nc > k)
        nc = k;
    if (rc == RT_OK)
        rc = collect_surfaces(fz, rec, c, nc, err);
    if (rc != RT_OK) {
        rt_contribs_free(c, nc);
        return rc;
    }
    *out = c;
    *n = nc;
    return RT_OK;
}
