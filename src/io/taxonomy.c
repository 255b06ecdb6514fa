/*
 * taxonomy.c - the facets and labels records may carry (corpus/taxonomy.json),
 * read with jansson, so `revtag check` can report labels outside them. A facet
 * whose labels are "ISO 3166-1 alpha-2" accepts the codes of Debian's
 * iso-codes list.
 */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "revtag/reader.h"
#include "rtint.h"

#define ISO_LABELS "ISO 3166-1 alpha-2"

typedef struct tax_facet {
    char *name;
    int multi;
    int iso;              /* labels are ISO 3166-1 alpha-2 codes */
    char **labels;
    size_t nlabels;
} tax_facet;

struct rt_taxonomy {
    tax_facet *facets;
    size_t nfacets;
    char (*iso)[3];       /* sorted alpha-2 codes */
    size_t niso;
};

void rt_taxonomy_free(rt_taxonomy *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->nfacets; i++) {
        for (size_t j = 0; j < t->facets[i].nlabels; j++)
            free(t->facets[i].labels[j]);
        free(t->facets[i].labels);
        free(t->facets[i].name);
    }
    free(t->facets);
    free(t->iso);
    free(t);
}

static int load_json(const char *path, json_t **out, rt_err *err)
{
    json_error_t je;
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return rt_err_set(err, RT_EIO, "%s: cannot open: %s", path, strerror(errno));
    *out = json_loadf(fp, JSON_REJECT_DUPLICATES, &je);
    fclose(fp);
    if (!*out)
        return rt_err_set(err, RT_EFORMAT, "%s:%d:%d: %s", path, je.line, je.column, je.text);
    return RT_OK;
}

static int cmp_code(const void *a, const void *b)
{
    return memcmp(a, b, 2);
}

static int load_iso(rt_taxonomy *t, const char *path, rt_err *err)
{
    json_t *root;
    int rc = load_json(path, &root, err);
    if (rc == RT_EIO)
        return rt_err_set(err, RT_EIO, "%s: cannot open the ISO 3166-1 list (Debian package "
                          "iso-codes)", path);
    if (rc != RT_OK)
        return rc;
    json_t *list = json_object_get(root, "3166-1"), *c;
    size_t i;
    if (!json_is_array(list))
        rc = rt_err_set(err, RT_EFORMAT, "%s: no \"3166-1\" list", path);
    else if (!(t->iso = calloc(json_array_size(list) + 1, sizeof *t->iso)))
        rc = rt_err_set(err, RT_ENOMEM, "%s: out of memory", path);
    if (rc != RT_OK) {
        json_decref(root);
        return rc;
    }
    json_array_foreach(list, i, c) {
        const char *a2 = json_string_value(json_object_get(c, "alpha_2"));
        if (a2 && strlen(a2) == 2)
            memcpy(t->iso[t->niso++], a2, 3);
    }
    json_decref(root);
    qsort(t->iso, t->niso, sizeof *t->iso, cmp_code);
    return RT_OK;
}

static int load_labels(tax_facet *f, json_t *labels, const char *path, rt_err *err)
{
    if (json_is_string(labels) && strcmp(json_string_value(labels), ISO_LABELS) == 0) {
        f->iso = 1;
        return RT_OK;
    }
    if (!json_is_array(labels))
        return rt_err_set(err, RT_EFORMAT, "%s: facet '%s': \"labels\" must be a list or \""
                          ISO_LABELS "\"", path, f->name);
    if (!(f->labels = calloc(json_array_size(labels) + 1, sizeof *f->labels)))
        return rt_err_set(err, RT_ENOMEM, "%s: out of memory", path);
    size_t i;
    json_t *l;
    json_array_foreach(labels, i, l) {
        const char *s = json_is_object(l) ? json_string_value(json_object_get(l, "label"))
                                          : json_string_value(l);
        if (!s || !*s)
            return rt_err_set(err, RT_EFORMAT, "%s: facet '%s': label %zu has no \"label\" "
                              "string", path, f->name, i + 1);
        if (!(f->labels[f->nlabels] = rt_strdup(s)))
            return rt_err_set(err, RT_ENOMEM, "%s: out of memory", path);
        f->nlabels++;
    }
    return RT_OK;
}

static int load_facets(rt_taxonomy *t, json_t *root, const char *path, rt_err *err)
{
    json_t *facets = json_object_get(root, "facets"), *fj;
    if (!json_is_array(facets))
        return rt_err_set(err, RT_EFORMAT, "%s: no \"facets\" list", path);
    if (!(t->facets = calloc(json_array_size(facets) + 1, sizeof *t->facets)))
        return rt_err_set(err, RT_ENOMEM, "%s: out of memory", path);
    size_t i;
    json_array_foreach(facets, i, fj) {
        const char *name = json_string_value(json_object_get(fj, "name"));
        if (!name || !*name)
            return rt_err_set(err, RT_EFORMAT, "%s: facet %zu has no \"name\"", path, i + 1);
        if (rt_taxonomy_multi(t, name) >= 0)
            return rt_err_set(err, RT_EFORMAT, "%s: facet '%s' given twice", path, name);
        tax_facet *f = &t->facets[t->nfacets++];
        json_t *multi = json_object_get(fj, "multi_label");
        f->multi = !json_is_false(multi);
        if (!(f->name = rt_strdup(name)))
            return rt_err_set(err, RT_ENOMEM, "%s: out of memory", path);
        int rc = load_labels(f, json_object_get(fj, "labels"), path, err);
        if (rc != RT_OK)
            return rc;
    }
    return RT_OK;
}

int rt_taxonomy_load(const char *path, const char *iso_path, rt_taxonomy **out, rt_err *err)
{
    *out = NULL;
    json_t *root = NULL;
    rt_taxonomy *t = calloc(1, sizeof *t);
    int rc = t ? load_json(path, &root, err) : rt_err_set(err, RT_ENOMEM, "%s: out of memory", path);
    if (rc == RT_OK)
        rc = load_facets(t, root, path, err);
    json_decref(root);
    for (size_t i = 0; rc == RT_OK && i < t->nfacets; i++)
        if (t->facets[i].iso && !t->iso)
            rc = load_iso(t, iso_path ? iso_path : RT_ISO3166_PATH, err);
    if (rc != RT_OK) {
        rt_taxonomy_free(t);
        return rc;
    }
    *out = t;
    return RT_OK;
}

size_t rt_taxonomy_nfacets(const rt_taxonomy *t)
{
    return t->nfacets;
}

const char *rt_taxonomy_facet(const rt_taxonomy *t, size_t i)
{
    return i < t->nfacets ? t->facets[i].name : NULL;
}

static const tax_facet *find(const rt_taxonomy *t, const char *facet)
{
    for (size_t i = 0; i < t->nfacets; i++)
        if (strcmp(t->facets[i].name, facet) == 0)
            return &t->facets[i];
    return NULL;
}

int rt_taxonomy_multi(const rt_taxonomy *t, const char *facet)
{
    const tax_facet *f = find(t, facet);
    return f ? f->multi : -1;
}

const char *const *rt_taxonomy_labels(const rt_taxonomy *t, const char *facet, size_t *n)
{
    const tax_facet *f = find(t, facet);
    *n = f && !f->iso ? f->nlabels : 0;
    return f && !f->iso ? (const char *const *)f->labels : NULL;
}

int rt_taxonomy_has_label(const rt_taxonomy *t, const char *facet, const char *label)
{
    const tax_facet *f = find(t, facet);
    if (!f)
        return -1;
    if (f->iso)
        return strlen(label) == 2 && bsearch(label, t->iso, t->niso, sizeof *t->iso, cmp_code);
    for (size_t i = 0; i < f->nlabels; i++)
        if (strcmp(f->labels[i], label) == 0)
            return 1;
    return 0;
}
