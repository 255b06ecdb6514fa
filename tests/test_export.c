/*
 * test_export.c - exports of a small store: every format parses and holds
 * the search's counts, codes without a centroid become unlocated features,
 * saving is atomic, and allocation failures are reported without leaks.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "failalloc.h"
#include "revtag/export.h"
#include "revtag/reader.h"
#include "testutil.h"

static char DIR_[64], PATH_[96];

static int setup(void **state)
{
    (void)state;
    snprintf(DIR_, sizeof DIR_, "/tmp/rt_exportXXXXXX");
    assert_non_null(mkdtemp(DIR_));
    snprintf(PATH_, sizeof PATH_, "%s/t.db", DIR_);
    rt_store *s;
    rt_reader *r;
    rt_record rec;
    assert_int_equal(rt_store_open(PATH_, RT_STORE_WRITE, &s, NULL), RT_OK);
    assert_int_equal(rt_reader_open(RT_TEST_DATA "/store/records.jsonl", NULL, &r, NULL), RT_OK);
    rt_record_init(&rec);
    assert_int_equal(rt_store_begin(s, NULL), RT_OK);
    int rc;
    while ((rc = rt_reader_next(r, &rec, NULL)) == RT_OK)
        assert_int_equal(rt_store_put(s, &rec, NULL, 0, NULL), RT_OK);
    assert_int_equal(rc, RT_DONE);
    rt_record_init(&rec);                 /* a country code with no centroid */
    rec.id = strdup("z-1");
    rec.title = strdup("Nowhere");
    assert_int_equal(rt_record_add_label(&rec, "country", "ZZ"), RT_OK);
    assert_int_equal(rt_store_put(s, &rec, NULL, 0, NULL), RT_OK);
    rt_record_clear(&rec);
    assert_int_equal(rt_store_commit(s, NULL), RT_OK);
    rt_reader_free(r);
    rt_store_free(s);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    tu_remove_db(PATH_, DIR_);
    return 0;
}

static void test_format_names(void **state)
{
    (void)state;
    static const struct { const char *name; int f; const char *type; } F[] = {
        { "geojson", RT_EXPORT_GEOJSON, "application/geo+json" },
        { "csv", RT_EXPORT_CSV, "text/csv; charset=utf-8" },
        { "json", RT_EXPORT_JSON, "application/json" },
        { "jsonl", RT_EXPORT_JSONL, "application/x-ndjson" },
        { "ris", RT_EXPORT_RIS, "application/x-research-info-systems" },
    };
    for (size_t i = 0; i < sizeof F / sizeof F[0]; i++) {
        assert_int_equal(rt_export_format_from_name(F[i].name), F[i].f);
        assert_string_equal(rt_export_format_name(F[i].f), F[i].name);
        assert_string_equal(rt_export_content_type(F[i].f), F[i].type);
    }
    assert_int_equal(rt_export_format_from_name("docx"), -1);
    assert_int_equal(rt_export_format_from_name(NULL), -1);
    assert_null(rt_export_format_name(0));
    assert_null(rt_export_content_type(99));
}

static char *export(rt_store *s, const rt_search_opts *so, int format, int flag)
{
    rt_export_opts o = { format, format == RT_EXPORT_GEOJSON && flag,
                         format == RT_EXPORT_CSV && flag, NULL };
    char *out;
    size_t len;
    rt_err err = { 0, "" };
    if (rt_export_string(s, so, &o, &out, &len, &err) != RT_OK)
        fail_msg("export %d: %s", format, err.msg);
    assert_int_equal(strlen(out), len);
    return out;
}

static size_t count_of(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = hay; (p = strstr(p, needle)); p++)
        n++;
    return n;
}

static void test_formats(void **state)
{
    (void)state;
    rt_store *s;
    assert_int_equal(rt_store_open(PATH_, RT_STORE_READ, &s, NULL), RT_OK);
    rt_search_opts so = rt_search_defaults();
    so.min_score = 0.6;
    so.limit = 0;
    rt_search *r;
    assert_int_equal(rt_search_run(s, &so, &r, NULL), RT_OK);
    size_t gb = 0, nlabels = 0;
    for (size_t i = 0; i < rt_search_ncounts(r); i++) {
        const rt_label_count *c = rt_search_count(r, i);
        nlabels += c->count;
        if (strcmp(c->facet, "country") == 0 && strcmp(c->label, "GB") == 0)
            gb = c->count;
    }
    assert_int_equal(gb, 4);

    char *geo = export(s, &so, RT_EXPORT_GEOJSON, 0);
    json_t *g = json_loads(geo, 0, NULL);
    assert_non_null(g);
    size_t i;
    json_t *ft;
    int seen_gb = 0, seen_zz = 0;
    json_array_foreach(json_object_get(g, "features"), i, ft) {
        json_t *p = json_object_get(ft, "properties"), *geom = json_object_get(ft, "geometry");
        const char *code = json_string_value(json_object_get(p, "country"));
        if (strcmp(code, "GB") == 0) {
            seen_gb = 1;
            assert_int_equal(json_integer_value(json_object_get(p, "count")), gb);
            json_t *xy = json_object_get(geom, "coordinates");
            assert_true(json_real_value(json_array_get(xy, 0)) < 0);    /* lon first */
            assert_true(json_real_value(json_array_get(xy, 1)) > 45);
            assert_null(json_object_get(json_object_get(p, "facets"), "country"));
        }
        if (strcmp(code, "ZZ") == 0) {
            seen_zz = 1;
            assert_true(json_is_null(geom));
            assert_true(json_is_null(json_object_get(p, "name")));
        }
    }
    assert_true(seen_gb && seen_zz);
    json_decref(g);
    free(geo);

    char *csv = export(s, &so, RT_EXPORT_CSV, 0);
    /* a header, a row per kept tag: s-07 has US both manual and predicted (counted once) */
    assert_int_equal(count_of(csv, "\r\n"), 1 + nlabels + 1);
    free(csv);
    csv = export(s, &so, RT_EXPORT_CSV, 1);
    assert_int_equal(count_of(csv, "\r\n"), rt_search_total(r) + 1);
    free(csv);
    char *ris = export(s, &so, RT_EXPORT_RIS, 0);
    assert_int_equal(count_of(ris, "\r\nER  - \r\n"), rt_search_total(r));
    assert_non_null(strstr(ris, "KW  - theme:costs and transaction costs\r\n"));
    assert_null(strstr(ris, "theme:development and design process")); /* 0.42 < 0.6 */
    free(ris);
    char *js = export(s, &so, RT_EXPORT_JSON, 0);
    json_t *arr = json_loads(js, 0, NULL);
    assert_int_equal(json_array_size(arr), rt_search_total(r));
    json_decref(arr);
    free(js);
    rt_search_free(r);
    rt_store_free(s);
}

/* A label held both ways counts once, in every format. */
static void test_both_sources(void **state)
{
    (void)state;
    rt_store *s;
    assert_int_equal(rt_store_open(PATH_, RT_STORE_READ, &s, NULL), RT_OK);
    rt_search_opts so = rt_search_defaults();
    rt_facet_filter us = { "country", "US" };
    so.filters = &us, so.nfilters = 1;
    char *geo = export(s, &so, RT_EXPORT_GEOJSON, 1);
    assert_int_equal(count_of(geo, "\"Feature\""), 1);       /* s-07: US manual + predicted */
    free(geo);
    char *wide = export(s, &so, RT_EXPORT_CSV, 1);
    assert_non_null(strstr(wide, ",\"US\","));
    free(wide);
    char *ris = export(s, &so, RT_EXPORT_RIS, 0);
    assert_int_equal(count_of(ris, "KW  - country:US"), 1);
    assert_non_null(strstr(ris, "country: US (manual); country: US (predicted 0.99)"));
    free(ris);
    rt_store_free(s);
}

static void test_save_atomic(void **state)
{
    (void)state;
    char out[128];
    snprintf(out, sizeof out, "%s/out.csv", DIR_);
    FILE *fp = fopen(out, "w");
    fputs("old", fp);
    fclose(fp);
    rt_store *s;
    assert_int_equal(rt_store_open(PATH_, RT_STORE_READ, &s, NULL), RT_OK);
    rt_search_opts so = rt_search_defaults();
    so.query = "costs AND";
    rt_export_opts o = { RT_EXPORT_CSV, 0, 0, NULL };
    rt_err err = { 0, "" };
    assert_int_equal(rt_export_save(s, &so, &o, out, &err), RT_EINVAL);
    char *got = tu_read_file(out, NULL);
    assert_string_equal(got, "old");
    free(got);
    so.query = "costs";
    assert_int_equal(rt_export_save(s, &so, &o, out, NULL), RT_OK);
    got = tu_read_file(out, NULL);
    assert_non_null(strstr(got, "record_id,facet,label,source,score\r\n\"s-01\""));
    free(got);
    o.wide = 1, o.format = RT_EXPORT_GEOJSON;
    assert_int_equal(rt_export_save(s, &so, &o, out, NULL), RT_EINVAL);
    rt_store_free(s);
    unlink(out);
}

static void test_out_of_memory(void **state)
{
    (void)state;
    rt_store *s;
    assert_int_equal(rt_store_open(PATH_, RT_STORE_READ, &s, NULL), RT_OK);
    for (int f = RT_EXPORT_GEOJSON; f <= RT_EXPORT_RIS; f++) {
        for (size_t n = 1;; n++) {
            rt_search_opts so = rt_search_defaults();
            rt_export_opts o = { f, 0, f == RT_EXPORT_CSV, NULL };
            char *out = NULL;
            failalloc_arm(n);
            int rc = rt_export_string(s, &so, &o, &out, NULL, NULL);
            int fired = failalloc_fired();
            failalloc_arm(0);
            free(out);
            if (!fired) {
                assert_int_equal(rc, RT_OK);
                assert_true(n > 10);
                break;
            }
            if (rc != RT_ENOMEM)
                fail_msg("format %d, allocation %zu: status %d, want RT_ENOMEM", f, n, rc);
            assert_true(n < 100000);
        }
    }
    rt_store_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_format_names), cmocka_unit_test(test_formats),
        cmocka_unit_test(test_both_sources), cmocka_unit_test(test_save_atomic),
        cmocka_unit_test(test_out_of_memory),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
