/*
 * export.c - a search's whole result set written for other tools. The
 * matches come from the same bitmaps and label postings as rt_search, so
 * every count in an export is the count the search reports.
 */
#include <csv.h>
#include <jansson.h>
#include <math.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "revtag/atomic.h"
#include "revtag/export.h"
#include "revtag/gazetteer.h"
#include "rtint.h"

#define JSON_FLAGS (JSON_COMPACT | JSON_REAL_PRECISION(15))

/* One export run: the matches in id order and where they go. */
typedef struct exp_ctx {
    rt_store *s;
    const rt_search_opts *so;
    const rt_export_opts *o;
    const char *country;     /* the country facet */
    FILE *fp;
    rt_hitset h;
    uint32_t *rids;          /* matching records in id order */
    size_t n;
    rt_err *err;
} exp_ctx;

static const struct {
    const char *name, *type;
} FORMATS[] = {
    [RT_EXPORT_GEOJSON] = { "geojson", "application/geo+json" },
    [RT_EXPORT_CSV] = { "csv", "text/csv; charset=utf-8" },
    [RT_EXPORT_JSON] = { "json", "application/json" },
    [RT_EXPORT_JSONL] = { "jsonl", "application/x-ndjson" },
    [RT_EXPORT_RIS] = { "ris", "application/x-research-info-systems" },
};
#define NFORMATS (sizeof FORMATS / sizeof FORMATS[0])

int rt_export_format_from_name(const char *s)
{
    for (size_t i = 1; s && i < NFORMATS; i++)
        if (strcmp(s, FORMATS[i].name) == 0)
            return (int)i;
    return -1;
}

const char *rt_export_format_name(int format)
{
    return format > 0 && (size_t)format < NFORMATS ? FORMATS[format].name : NULL;
}

const char *rt_export_content_type(int format)
{
    return format > 0 && (size_t)format < NFORMATS ? FORMATS[format].type : NULL;
}

static int oom(exp_ctx *c)
{
    return rt_err_set(c->err, RT_ENOMEM, "export: out of memory");
}

/* ---------------------------------------------------------------- the matches */

/* The matching records in record-id order. */
static int matches_by_id(exp_ctx *c)
{
    sqlite3 *db = rt_store_db(c->s);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "SELECT rid FROM records ORDER BY id", -1, &st, NULL) != SQLITE_OK)
        return rt_err_set(c->err, RT_EDB, "export: %s", sqlite3_errmsg(db));
    c->rids = malloc((c->h.total ? c->h.total : 1) * sizeof *c->rids);
    int rc = c->rids ? RT_OK : oom(c), e = SQLITE_DONE;
    while (rc == RT_OK && (e = sqlite3_step(st)) == SQLITE_ROW) {
        sqlite3_int64 rid = sqlite3_column_int64(st, 0);
        if (rid >= 0 && rid <= UINT32_MAX && rt_bit_has(c->h.bits, c->h.nwords, (uint32_t)rid)
            && c->n < c->h.total)
            c->rids[c->n++] = (uint32_t)rid;
    }
    if (rc == RT_OK && e != SQLITE_DONE)
        rc = rt_err_set(c->err, RT_EDB, "export: %s", sqlite3_errmsg(db));
    sqlite3_finalize(st);
    return rc;
}

static int load(exp_ctx *c, uint32_t rid, rt_stored *st)
{
    int rc = rt_store_load(c->s, rid, c->so->sources, c->so->min_score, st, c->err);
    return rc == RT_DONE ? rt_err_set(c->err, RT_EDB, "record %u vanished", rid) : rc;
}

/* Does tag I of ST repeat an earlier tag's facet and label (the other source)? */
static int tag_repeats(const rt_stored *st, size_t i)
{
    for (size_t j = 0; j < i; j++)
        if (strcmp(st->tags[j].facet, st->tags[i].facet) == 0
            && strcmp(st->tags[j].label, st->tags[i].label) == 0)
            return 1;
    return 0;
}

/* ---------------------------------------------------------------- JSON and JSON Lines */

static int write_json(exp_ctx *c, int lines)
{
    rt_stored st = { 0 };
    int rc = RT_OK;
    if (!lines)
        fputs("[\n", c->fp);
    for (size_t i = 0; i < c->n && rc == RT_OK; i++) {
        json_t *o = NULL;
        rc = load(c, c->rids[i], &st);
        if (rc == RT_OK)
            rc = rt_stored_to_json(&st, &o, c->err);
        if (rc == RT_OK && json_dumpf(o, c->fp, JSON_FLAGS) != 0)
            rc = rt_err_set(c->err, RT_EIO, "export: write error");
        if (rc == RT_OK)
            fputs(lines || i + 1 == c->n ? "\n" : ",\n", c->fp);
        json_decref(o);
    }
    if (!lines)
        fputs("]\n", c->fp);
    rt_stored_clear(&st);
    return rc;
}

/* ---------------------------------------------------------------- CSV */

static void csv_field(FILE *fp, const char *s, int last)
{
    csv_fwrite(fp, s ? s : "", s ? strlen(s) : 0);
    fputs(last ? "\r\n" : ",", fp);
}

static void csv_long_record(exp_ctx *c, const rt_stored *st)
{
    for (size_t i = 0; i < st->ntags; i++) {
        const rt_tag *t = &st->tags[i];
        csv_field(c->fp, st->rec.id, 0);
        csv_field(c->fp, t->facet, 0);
        csv_field(c->fp, t->label, 0);
        csv_field(c->fp, t->source == RT_SOURCE_MANUAL ? "manual" : "predicted", 0);
        if (t->source == RT_SOURCE_PREDICTED)
            fprintf(c->fp, "%.15g", t->score);
        fputs("\r\n", c->fp);
    }
}

/* The distinct facet names of the store, in order (they come sorted). */
static size_t facet_names(const rt_facets *f, const char **out)
{
    size_t n = 0;
    for (size_t i = 0; i < f->n; i++)
        if (!n || strcmp(out[n - 1], f->v[i].facet) != 0)
            out[n++] = f->v[i].facet;
    return n;
}

/* "label;label" of FACET's kept labels in ST, each once. */
static char *joined_labels(const rt_stored *st, const char *facet, int *rc)
{
    rt_buf b = { 0 };
    rt_buf_puts(rc, &b, "");
    for (size_t i = 0; i < st->ntags; i++)
        if (strcmp(st->tags[i].facet, facet) == 0 && !tag_repeats(st, i)) {
            if (b.len)
                rt_buf_puts(rc, &b, ";");
            rt_buf_puts(rc, &b, st->tags[i].label);
        }
    if (*rc != RT_OK)
        rt_buf_free(&b);
    return b.data;
}

static int csv_wide_record(exp_ctx *c, const rt_stored *st, const char **facets, size_t nf)
{
    char year[16] = "";
    if (st->rec.year)
        snprintf(year, sizeof year, "%d", st->rec.year);
    csv_field(c->fp, st->rec.id, 0);
    csv_field(c->fp, st->rec.title, 0);
    csv_field(c->fp, year, nf == 0);
    int rc = RT_OK;
    for (size_t k = 0; k < nf && rc == RT_OK; k++) {
        char *cell = joined_labels(st, facets[k], &rc);
        if (cell)
            csv_field(c->fp, cell, k + 1 == nf);
        free(cell);
    }
    return rc == RT_OK ? RT_OK : oom(c);
}

static int write_csv(exp_ctx *c)
{
    const char **facets = malloc((c->h.facets->n + 1) * sizeof *facets);
    if (!facets)
        return oom(c);
    size_t nf = facet_names(c->h.facets, facets);
    if (c->o->wide) {
        csv_field(c->fp, "id", 0);
        csv_field(c->fp, "title", 0);
        csv_field(c->fp, "year", nf == 0);
        for (size_t k = 0; k < nf; k++)
            csv_field(c->fp, facets[k], k + 1 == nf);
    } else {
        fputs("record_id,facet,label,source,score\r\n", c->fp);   /* plain names: no quotes needed */
    }
    rt_stored st = { 0 };
    int rc = RT_OK;
    for (size_t i = 0; i < c->n && rc == RT_OK; i++) {
        rc = load(c, c->rids[i], &st);
        if (rc == RT_OK && c->o->wide)
            rc = csv_wide_record(c, &st, facets, nf);
        else if (rc == RT_OK)
            csv_long_record(c, &st);
    }
    rt_stored_clear(&st);
    free(facets);
    return rc;
}

/* ---------------------------------------------------------------- RIS */

static const struct {
    const char *type, *ris;
} RIS_TYPES[] = {
    { "journal article", "JOUR" }, { "article", "JOUR" },        { "evaluation report", "RPRT" },
    { "report", "RPRT" },          { "working paper", "RPRT" },  { "policy brief", "RPRT" },
    { "book", "BOOK" },            { "book chapter", "CHAP" },   { "chapter", "CHAP" },
    { "thesis", "THES" },          { "conference paper", "CPAPER" }, { "web page", "ELEC" },
};

static const char *ris_type(const char *type)
{
    for (size_t i = 0; type && i < sizeof RIS_TYPES / sizeof RIS_TYPES[0]; i++)
        if (strcmp(type, RIS_TYPES[i].type) == 0)
            return RIS_TYPES[i].ris;
    return "GEN";
}

/* "TG  - value" on one line: RIS values cannot hold line breaks. */
static void ris_line(FILE *fp, const char *tag, const char *v)
{
    if (!v)
        return;
    fprintf(fp, "%s  - ", tag);
    for (; *v; v++)
        fputc(*v == '\n' || *v == '\r' || *v == '\t' ? ' ' : *v, fp);
    fputs("\r\n", fp);
}

static void ris_summary(FILE *fp, const rt_stored *st)
{
    if (!st->ntags)
        return;
    fputs("N1  - revtag tags:", fp);
    for (size_t i = 0; i < st->ntags; i++) {
        const rt_tag *t = &st->tags[i];
        fprintf(fp, "%s %s: %s (", i ? ";" : "", t->facet, t->label);
        if (t->source == RT_SOURCE_MANUAL)
            fputs("manual)", fp);
        else
            fprintf(fp, "predicted %.2f%s%s)", t->score, t->model ? ", model " : "",
                    t->model ? t->model : "");
    }
    fputs("\r\n", fp);
}

static void ris_record(FILE *fp, const rt_stored *st)
{
    const rt_record *r = &st->rec;
    ris_line(fp, "TY", ris_type(r->type));
    ris_line(fp, "ID", r->id);
    ris_line(fp, "TI", r->title);
    ris_line(fp, "AB", r->abstract);
    if (r->year)
        fprintf(fp, "PY  - %d\r\n", r->year);
    ris_line(fp, "LA", r->lang);
    ris_line(fp, "M3", r->type);
    for (size_t i = 0; i < st->ntags; i++)
        if (!tag_repeats(st, i))
            fprintf(fp, "KW  - %s:%s\r\n", st->tags[i].facet, st->tags[i].label);
    ris_summary(fp, st);
    fputs("ER  - \r\n\r\n", fp);
}

static int write_ris(exp_ctx *c)
{
    rt_stored st = { 0 };
    int rc = RT_OK;
    for (size_t i = 0; i < c->n && rc == RT_OK; i++)
        if ((rc = load(c, c->rids[i], &st)) == RT_OK)
            ris_record(c->fp, &st);
    rt_stored_clear(&st);
    return rc;
}

/* ---------------------------------------------------------------- GeoJSON */

static json_t *point(const char *code)
{
    const rt_country *k = rt_country_get(code);
    if (!k)
        return json_null();     /* RFC 7946 3.2: an unlocated feature */
    return json_pack("{s:s, s:[f, f]}", "type", "Point", "coordinates", k->lon, k->lat);
}

static int write_feature(exp_ctx *c, json_t *props, const char *code)
{
    json_t *f = props ? json_pack("{s:s, s:o, s:o}", "type", "Feature", "geometry", point(code),
                                  "properties", props)
                      : NULL;
    int rc = !f ? oom(c) : json_dumpf(f, c->fp, JSON_FLAGS) ? RT_EIO : RT_OK;
    json_decref(f);
    return rc;
}

/* {FACET: {LABEL: COUNT}} over BITS for every facet but the country one. */
static json_t *facet_counts(exp_ctx *c, const uint64_t *bits, size_t *counts)
{
    const rt_facets *f = c->h.facets;
    rt_facets_count(f, bits, c->h.nwords, c->so->sources, c->so->min_score, counts);
    json_t *o = json_object();
    for (size_t i = 0; o && i < f->n; i++) {
        if (!counts[i] || strcmp(f->v[i].facet, c->country) == 0)
            continue;
        json_t *fo = json_object_get(o, f->v[i].facet);
        if (!fo && json_object_set_new(o, f->v[i].facet, fo = json_object()) != 0)
            fo = NULL;
        if (!fo || json_object_set_new(fo, f->v[i].label, json_integer((json_int_t)counts[i])))
            json_decref(o), o = NULL;
    }
    return o;
}

/* Ids of the records in BITS, in id order. */
static json_t *record_ids(exp_ctx *c, const uint64_t *bits)
{
    sqlite3 *db = rt_store_db(c->s);
    sqlite3_stmt *st;
    json_t *arr = json_array();
    if (!arr || sqlite3_prepare_v2(db, "SELECT id FROM records WHERE rid = ?1", -1, &st, NULL))
        return json_decref(arr), NULL;
    for (size_t i = 0; arr && i < c->n; i++) {
        if (!rt_bit_has(bits, c->h.nwords, c->rids[i]))
            continue;
        sqlite3_bind_int64(st, 1, c->rids[i]);
        if (sqlite3_step(st) != SQLITE_ROW
            || json_array_append_new(arr, json_string((const char *)sqlite3_column_text(st, 0))))
            json_decref(arr), arr = NULL;
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    return arr;
}

static int country_feature(exp_ctx *c, const rt_flabel *fl, size_t count, uint64_t *bits,
                           size_t *counts)
{
    memset(bits, 0, c->h.nwords * sizeof *bits);
    rt_flabel_mark(fl, c->so->sources, c->so->min_score, bits, c->h.nwords);
    for (size_t w = 0; w < c->h.nwords; w++)
        bits[w] &= c->h.bits[w];
    const rt_country *k = rt_country_get(fl->label);
    json_t *props = json_pack("{s:s, s:s?, s:I, s:o, s:o}", "country", fl->label, "name",
                              k ? k->name : NULL, "count", (json_int_t)count, "facets",
                              facet_counts(c, bits, counts), "records", record_ids(c, bits));
    return write_feature(c, props, fl->label);
}

static int geo_by_country(exp_ctx *c)
{
    const rt_facets *f = c->h.facets;
    size_t *counts = calloc(f->n + 1, sizeof *counts), *sub = calloc(f->n + 1, sizeof *sub);
    uint64_t *bits = calloc(c->h.nwords, sizeof *bits);
    int rc = counts && sub && bits ? RT_OK : oom(c), first = 1;
    if (rc == RT_OK)
        rt_facets_count(f, c->h.bits, c->h.nwords, c->so->sources, c->so->min_score, counts);
    for (size_t i = 0; rc == RT_OK && i < f->n; i++) {
        if (!counts[i] || strcmp(f->v[i].facet, c->country) != 0)
            continue;
        fputs(first ? "\n" : ",\n", c->fp);
        first = 0;
        rc = country_feature(c, &f->v[i], counts[i], bits, sub);
    }
    free(counts);
    free(sub);
    free(bits);
    return rc;
}

/* {FACET: [label, ...]} of the kept tags, each label once. */
static json_t *tags_json(const rt_stored *st)
{
    json_t *o = json_object();
    for (size_t i = 0; o && i < st->ntags; i++) {
        if (tag_repeats(st, i))
            continue;
        json_t *arr = json_object_get(o, st->tags[i].facet);
        if (!arr && json_object_set_new(o, st->tags[i].facet, arr = json_array()) != 0)
            arr = NULL;
        if (!arr || json_array_append_new(arr, json_string(st->tags[i].label)) != 0)
            json_decref(o), o = NULL;
    }
    return o;
}

static int geo_record(exp_ctx *c, const rt_stored *st, int *first)
{
    int rc = RT_OK;
    for (size_t i = 0; i < st->ntags && rc == RT_OK; i++) {
        const rt_tag *t = &st->tags[i];
        if (strcmp(t->facet, c->country) != 0 || tag_repeats(st, i))
            continue;
        const rt_country *k = rt_country_get(t->label);
        json_t *props = json_pack("{s:s, s:s?, s:o, s:s, s:s?, s:o}", "id", st->rec.id, "title",
                                  st->rec.title, "year",
                                  st->rec.year ? json_integer(st->rec.year) : json_null(),
                                  "country", t->label, "name", k ? k->name : NULL, "tags",
                                  tags_json(st));
        fputs(*first ? "\n" : ",\n", c->fp);
        *first = 0;
        rc = write_feature(c, props, t->label);
    }
    return rc;
}

static int geo_by_record(exp_ctx *c)
{
    rt_stored st = { 0 };
    int rc = RT_OK, first = 1;
    for (size_t i = 0; i < c->n && rc == RT_OK; i++)
        if ((rc = load(c, c->rids[i], &st)) == RT_OK)
            rc = geo_record(c, &st, &first);
    rt_stored_clear(&st);
    return rc;
}

static int write_geojson(exp_ctx *c)
{
    fputs("{\"type\":\"FeatureCollection\",\"features\":[", c->fp);
    int rc = c->o->per_record ? geo_by_record(c) : geo_by_country(c);
    fputs("\n]}\n", c->fp);
    if (rc == RT_EIO)
        rt_err_set(c->err, RT_EIO, "export: write error");
    return rc;
}

/* ---------------------------------------------------------------- entry points */

static int check(const rt_export_opts *o, rt_err *err)
{
    if (!rt_export_format_name(o->format))
        return rt_err_set(err, RT_EINVAL, "export: unknown format %d", o->format);
    if (o->per_record && o->format != RT_EXPORT_GEOJSON)
        return rt_err_set(err, RT_EINVAL, "export: per-record applies to geojson only");
    if (o->wide && o->format != RT_EXPORT_CSV)
        return rt_err_set(err, RT_EINVAL, "export: wide applies to csv only");
    return RT_OK;
}

static int dispatch(exp_ctx *c)
{
    switch (c->o->format) {
    case RT_EXPORT_GEOJSON: return write_geojson(c);
    case RT_EXPORT_CSV: return write_csv(c);
    case RT_EXPORT_JSON: return write_json(c, 0);
    case RT_EXPORT_JSONL: return write_json(c, 1);
    default: return write_ris(c);
    }
}

int rt_export_write(rt_store *s, const rt_search_opts *search, const rt_export_opts *o,
                    FILE *fp, rt_err *err)
{
    exp_ctx c = { s, search, o, o->country_facet ? o->country_facet : "country", fp,
                  { 0 }, NULL, 0, err };
    int own, rc = check(o, err);
    if (rc == RT_OK)
        rc = rt_store_read_begin(s, &own, err);
    if (rc != RT_OK)
        return rc;
    rc = rt_hitset_build(s, search, &c.h, err);
    if (rc == RT_OK)
        rc = matches_by_id(&c);
    if (rc == RT_OK)
        rc = dispatch(&c);
    rt_store_read_end(s, own);
    rt_hitset_free(&c.h);
    free(c.rids);
    if (rc == RT_OK && (fflush(fp) != 0 || ferror(fp)))
        rc = rt_err_set(err, RT_EIO, "export: write error");
    return rc;
}

int rt_export_string(rt_store *s, const rt_search_opts *search, const rt_export_opts *o,
                     char **out, size_t *len, rt_err *err)
{
    char *buf = NULL;
    size_t n = 0;
    *out = NULL;
    FILE *fp = open_memstream(&buf, &n);
    if (!fp)
        return rt_err_set(err, RT_ENOMEM, "export: out of memory");
    int rc = rt_export_write(s, search, o, fp, err);
    if (fclose(fp) != 0 && rc == RT_OK)
        rc = rt_err_set(err, RT_ENOMEM, "export: out of memory");
    if (rc != RT_OK) {
        free(buf);
        return rc;
    }
    *out = buf;
    if (len)
        *len = n;
    return RT_OK;
}

int rt_export_save(rt_store *s, const rt_search_opts *search, const rt_export_opts *o,
                   const char *path, rt_err *err)
{
    rt_atomic *a;
    int rc = rt_atomic_new(path, &a, err);
    if (rc != RT_OK)
        return rc;
    rc = rt_export_write(s, search, o, rt_atomic_fp(a), err);
    if (rc == RT_EIO)
        rt_err_set(err, RT_EIO, "%s: write error", path);
    if (rc == RT_OK)
        rc = rt_atomic_commit(a, err);
    rt_atomic_free(a);
    return rc;
}
