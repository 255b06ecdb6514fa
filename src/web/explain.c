/*
 * explain.c - the record detail's "why": for each predicted label of a
 * stored record that the served model knows, the terms that raised its
 * score the most (rt_model_explain), with the record's own words for them.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "revtag/model.h"
#include "rtint.h"
#include "web/web_int.h"

/* REC's text fields and language from the stored record's JSON. RT_OK or RT_ENOMEM. */
static int record_from_json(json_t *j, rt_record *rec)
{
    static const char *const KEYS[] = { "id", "title", "abstract", "text", "lang" };
    char **dst[] = { &rec->id, &rec->title, &rec->abstract, &rec->text, &rec->lang };
    rt_record_init(rec);
    for (size_t i = 0; i < sizeof KEYS / sizeof KEYS[0]; i++) {
        const char *s = json_string_value(json_object_get(j, KEYS[i]));
        if (s && !(*dst[i] = rt_strdup(s)))
            return RT_ENOMEM;
    }
    return RT_OK;
}

/* Index of LABEL among facet F's labels (sorted by bytes), or RT_NOID. */
static uint32_t find_label(const rt_facet_info *fi, const char *label)
{
    size_t lo = 0, hi = fi->nlabels;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(fi->labels[mid], label);
        if (c == 0)
            return (uint32_t)mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return RT_NOID;
}

/* {"term", "weight", "count", "words"} for each contribution. NULL on OOM. */
static json_t *terms_json(const rt_contrib *c, size_t n)
{
    json_t *arr = json_array();
    for (size_t i = 0; arr && i < n; i++) {
        json_t *words = json_array();
        for (size_t k = 0; words && k < c[i].nsurface; k++)
            if (json_array_append_new(words, json_string(c[i].surface[k])) != 0) {
                json_decref(words);
                words = NULL;
            }
        json_t *t = words ? json_pack("{s:s,s:f,s:I,s:o}", "term", c[i].text, "weight",
                                      c[i].value, "count", (json_int_t)c[i].count, "words", words)
                          : NULL;
        if (!t || json_array_append_new(arr, t) != 0) {
            json_decref(arr);
            arr = NULL;
        }
    }
    return arr;
}

/* Explain one predicted label P ({"label", "score"}) of facet NAME into OUT[NAME]. */
static int explain_label(const rt_web_ctx *c, const rt_record *rec, const char *name, json_t *p,
                         size_t k, json_t *out, rt_err *err)
{
    long f = rt_model_find_facet(c->model, name);
    const char *label = json_string_value(json_object_get(p, "label"));
    if (f < 0 || !label)
        return RT_OK;                    /* a facet or label this model does not have */
    rt_facet_info fi;
    rt_model_get_facet(c->model, (size_t)f, &fi);
    uint32_t l = find_label(&fi, label);
    if (l == RT_NOID)
        return RT_OK;
    rt_contrib *con = NULL;
    size_t n = 0;
    int rc = rt_model_explain(c->model, c->fz, rec, (size_t)f, l, k, &con, &n, err);
    json_t *terms = rc == RT_OK ? terms_json(con, n) : NULL;
    rt_contribs_free(con, n);
    if (rc != RT_OK)
        return rc;
    json_t *arr = json_object_get(out, name);
    if (!arr && json_object_set_new(out, name, arr = json_array()) != 0)
        arr = NULL;
    json_t *e = terms ? json_pack("{s:s,s:O,s:o}", "label", label, "score",
                                  json_object_get(p, "score"), "terms", terms)
                      : NULL;
    if (!arr || !e) {
        json_decref(e);
        return rt_err_set(err, RT_ENOMEM, "out of memory");
    }
    if (json_array_append_new(arr, e) != 0)
        return rt_err_set(err, RT_ENOMEM, "out of memory");
    return RT_OK;
}

/* Every predicted label of the stored record J into OUT. */
static int explain_record(const rt_web_ctx *c, json_t *j, size_t k, json_t *out, rt_err *err)
{
    rt_record rec;
    int rc = record_from_json(j, &rec);
    if (rc != RT_OK)
        rc = rt_err_set(err, RT_ENOMEM, "out of memory");
    const char *name;
    json_t *labels;
    json_object_foreach(json_object_get(j, "predicted"), name, labels) {
        size_t i;
        json_t *p;
        json_array_foreach(labels, i, p) {
            if (rc == RT_OK)
                rc = explain_label(c, &rec, name, p, k, out, err);
        }
    }
    rt_record_clear(&rec);
    return rc;
}

int rt_web_explain_json(const rt_web_ctx *c, const char *id, size_t k, char **out, size_t *len,
                        rt_err *err)
{
    char *rec = NULL;
    size_t rlen = 0;
    *out = NULL;
    *len = 0;
    int rc = rt_store_get_json(c->store, id, &rec, &rlen, err);
    if (rc != RT_OK || !rec)
        return rc;
    json_t *j = json_loadb(rec, rlen, 0, NULL);
    json_t *ex = json_object();
    json_t *doc = json_pack("{s:s,s:o}", "id", id, "explain", ex);
    rc = j && doc ? explain_record(c, j, k, ex, err) : rt_err_set(err, RT_ENOMEM, "out of memory");
    if (rc == RT_OK && !(*out = json_dumps(doc, JSON_COMPACT | JSON_REAL_PRECISION(6))))
        rc = rt_err_set(err, RT_ENOMEM, "out of memory");
    if (*out)
        *len = strlen(*out);
    json_decref(doc);
    json_decref(j);
    free(rec);
    return rc;
}
