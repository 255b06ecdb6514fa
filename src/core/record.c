/*
 * record.c - the record struct's lifetime and label helpers.
 */
#include <stdlib.h>
#include <string.h>

#include "revtag/record.h"
#include "rtint.h"

void rt_record_init(rt_record *rec)
{
    memset(rec, 0, sizeof *rec);
}

static void facet_clear(rt_facet_labels *f)
{
    for (size_t i = 0; i < f->nlabels; i++)
        free(f->labels[i]);
    free(f->labels);
    free(f->facet);
}

void rt_record_clear(rt_record *rec)
{
    if (!rec)
        return;
    free(rec->id);
    free(rec->title);
    free(rec->abstract);
    free(rec->text);
    free(rec->type);
    free(rec->lang);
    for (size_t i = 0; i < rec->nfacets; i++)
        facet_clear(&rec->facets[i]);
    free(rec->facets);
    free(rec->extra);
    free(rec->source);
    rt_record_init(rec);
}

const rt_facet_labels *rt_record_get_facet(const rt_record *rec, const char *facet)
{
    for (size_t i = 0; i < rec->nfacets; i++)
        if (strcmp(rec->facets[i].facet, facet) == 0)
            return &rec->facets[i];
    return NULL;
}

static rt_facet_labels *facet_find_or_add(rt_record *rec, const char *facet)
{
    for (size_t i = 0; i < rec->nfacets; i++)
        if (strcmp(rec->facets[i].facet, facet) == 0)
            return &rec->facets[i];
    rt_facet_labels *fs = realloc(rec->facets, (rec->nfacets + 1) * sizeof *fs);
    if (!fs)
        return NULL;
    rec->facets = fs;
    rt_facet_labels *f = &fs[rec->nfacets];
    memset(f, 0, sizeof *f);
    f->facet = rt_strdup(facet);
    if (!f->facet)
        return NULL;
    rec->nfacets++;
    return f;
}

int rt_record_add_facet(rt_record *rec, const char *facet)
{
    return facet_find_or_add(rec, facet) ? RT_OK : RT_ENOMEM;
}

int rt_record_add_label(rt_record *rec, const char *facet, const char *label)
{
    rt_facet_labels *f = facet_find_or_add(rec, facet);
    if (!f)
        return RT_ENOMEM;
    for (size_t i = 0; i < f->nlabels; i++)
        if (strcmp(f->labels[i], label) == 0)
            return RT_OK;
    char **ls = realloc(f->labels, (f->nlabels + 1) * sizeof *ls);
    if (!ls)
        return RT_ENOMEM;
    f->labels = ls;
    if (!(ls[f->nlabels] = rt_strdup(label)))
        return RT_ENOMEM;
    f->nlabels++;
    return RT_OK;
}

const char *rt_record_lang(const rt_record *rec)
{
    return rec->lang && rec->lang[0] ? rec->lang : "en";
}
