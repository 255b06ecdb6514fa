/*
 * tagger.c - a model's predictor plus, for the facet "country", the
 * gazetteer: the single place where revtag decides a record's tags.
 */
#include <stdlib.h>
#include <string.h>

#include "revtag/tagger.h"
#include "rtint.h"

struct rt_tagger {
    const rt_model *m;
    rt_predictor *p;
    rt_gazetteer *gz;          /* NULL when the model has no "country" facet */
    long country;              /* index of the model's "country" facet, or -1 */
    const rt_record *const *recs;   /* the last run's records (borrowed) */
    size_t n;
    size_t cap;                /* most tags of any facet */
};

int rt_tagger_new(const rt_model *m, int threads, rt_tagger **out, rt_err *err)
{
    rt_tagger *t = calloc(1, sizeof *t);
    if (!t)
        return rt_err_set(err, RT_ENOMEM, "out of memory");
    t->m = m;
    t->country = rt_model_find_facet(m, "country");
    rt_model_info mi;
    rt_model_get_info(m, &mi);
    t->cap = t->country >= 0 ? rt_country_count() : 1;
    for (size_t f = 0; f < mi.nfacets; f++) {
        rt_facet_info fi;
        rt_model_get_facet(m, f, &fi);
        if (fi.nlabels > t->cap)
            t->cap = fi.nlabels;
    }
    int rc = rt_predictor_new(m, threads, &t->p, err);
    if (rc == RT_OK && t->country >= 0)
        rc = rt_gazetteer_new(&t->gz, err);
    if (rc != RT_OK)
        goto fail;
    *out = t;
    return RT_OK;
fail:
    rt_tagger_free(t);
    return rc;
}

void rt_tagger_free(rt_tagger *t)
{
    if (!t)
        return;
    rt_predictor_free(t->p);
    rt_gazetteer_free(t->gz);
    free(t);
}

int rt_tagger_run(rt_tagger *t, const rt_record *const *recs, size_t n, size_t top_k,
                  rt_err *err)
{
    t->recs = recs;
    t->n = n;
    return rt_predictor_run(t->p, recs, n, top_k, err);
}

size_t rt_tagger_cap(const rt_tagger *t)
{
    return t->cap;
}

const rt_predictor *rt_tagger_predictor(const rt_tagger *t)
{
    return t->p;
}

const rt_gazetteer *rt_tagger_gazetteer(const rt_tagger *t)
{
    return t->gz;
}

/* Country: the model's decided labels and every score go to rt_country_tag with the record. */
static int country_tags(const rt_tagger *t, size_t i, const rt_facet_info *fi, rt_assigned *out,
                        size_t *nout, rt_err *err)
{
    const rt_label_score *ls;
    size_t nd = rt_predictor_get(t->p, i, (size_t)t->country, &ls), nc = 0;
    unsigned *dec = malloc((nd + 1) * sizeof *dec);
    rt_country_score *cs = malloc(t->cap * sizeof *cs);
    int rc = dec && cs ? RT_OK : rt_err_set(err, RT_ENOMEM, "out of memory");
    for (size_t k = 0; rc == RT_OK && k < nd; k++)
        dec[k] = ls[k].label;
    if (rc == RT_OK)
        rc = rt_country_tag(t->gz, t->recs[i], NULL, fi->labels,
                            rt_predictor_scores(t->p, i, (size_t)t->country), fi->nlabels, dec,
                            nd, cs, t->cap, &nc, err);
    for (size_t k = 0; rc == RT_OK && k < nc; k++)
        out[k] = (rt_assigned){ cs[k].alpha2, cs[k].score };
    *nout = rc == RT_OK ? nc : 0;
    free(dec);
    free(cs);
    return rc;
}

int rt_tagger_get(const rt_tagger *t, size_t i, size_t f, rt_assigned *out, size_t *nout,
                  rt_err *err)
{
    rt_facet_info fi;
    rt_model_get_facet(t->m, f, &fi);
    if (t->gz && (long)f == t->country)
        return country_tags(t, i, &fi, out, nout, err);
    const rt_label_score *ls;
    size_t n = rt_predictor_get(t->p, i, f, &ls);
    for (size_t k = 0; k < n; k++)
        out[k] = (rt_assigned){ fi.labels[ls[k].label], ls[k].score };
    *nout = n;
    return RT_OK;
}
