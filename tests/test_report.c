/*
 * test_report.c - the three report forms carry the same figures: every
 * figure of the JSON (full precision) appears, rounded to 4 decimals, in the
 * table and in the HTML; the JSON has the documented members; the HTML is
 * self-contained and escapes labels; write and allocation failures.
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
#include "revtag/report.h"
#include "testutil.h"

/* The fixture: a single-label facet (2 folds, a learning curve) and a multi-label one. */
typedef struct fixture {
    rt_metrics *single, *fold[2], *multi;
    rt_metrics_summary folds[2];
    rt_curve_point curve[2];
    rt_report_facet facets[2];
    rt_report report;
    const char *files[1];
} fixture;

static void add(rt_metrics *m, const char *g1, const char *g2, const char *p1, const char *p2)
{
    const char *g[2] = { g1, g2 }, *p[2] = { p1, p2 };
    assert_int_equal(rt_metrics_add(m, "r", g, g2 ? 2 : g1 ? 1 : 0, p, p2 ? 2 : p1 ? 1 : 0, NULL),
                     RT_OK);
}

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    static const char *const gold[] = { "Health", "Health", "Health",
                                        "Education", "Education", "Crime" };
    static const char *const pred[] = { "Health", "Health", "Education",
                                        "Education", "Crime", "Crime" };
    assert_int_equal(rt_metrics_new("policy_area", 0, &f->single, NULL), RT_OK);
    for (size_t k = 0; k < 2; k++)
        assert_int_equal(rt_metrics_new("policy_area", 0, &f->fold[k], NULL), RT_OK);
    for (size_t i = 0; i < 6; i++) {
        add(f->single, gold[i], NULL, pred[i], NULL);
        add(f->fold[i % 2], gold[i], NULL, pred[i], NULL);
        rt_metrics_add_score(f->single, 0.3 + 0.1 * (double)i, 1);
        rt_metrics_add_score(f->single, 0.05 * (double)i, 0);
    }
    for (size_t k = 0; k < 2; k++)
        rt_metrics_get(f->fold[k], &f->folds[k]);
    rt_metrics_mean_sd(f->folds, 2, &f->curve[1].mean, &f->curve[1].sd);
    f->curve[0] = f->curve[1];
    f->curve[0].mean.micro.f1 = 0.123456;
    f->curve[0].sd.macro.f1 = 0.0421;
    f->curve[0].share = 0.5;
    f->curve[0].ntrain = 1.5;
    f->curve[1].share = 1.0;
    f->curve[1].ntrain = 3;
    assert_int_equal(rt_metrics_new("theme", 1, &f->multi, NULL), RT_OK);
    add(f->multi, "R&D <x>", "costs", "R&D <x>", NULL);
    add(f->multi, "costs", NULL, "costs", "equity");
    add(f->multi, NULL, NULL, NULL, NULL);
    add(f->multi, "equity", NULL, "R&D <x>", NULL);
    f->facets[0] = (rt_report_facet){ f->single, f->folds, 2, f->curve, 2, "svm" };
    f->facets[1] = (rt_report_facet){ f->multi, NULL, 0, NULL, 0, NULL };
    f->files[0] = "corpus/<test>.jsonl";
    f->report = (rt_report){ NULL, 2, 42, f->files, 1, f->facets, 2 };
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    rt_metrics_free(f->single);
    rt_metrics_free(f->fold[0]);
    rt_metrics_free(f->fold[1]);
    rt_metrics_free(f->multi);
    free(f);
    return 0;
}

/* Run a writer into a memory buffer; the caller frees. */
static char *capture(int (*fn)(const rt_report *, FILE *, rt_err *), const rt_report *r)
{
    char *s = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&s, &len);
    assert_non_null(fp);
    assert_int_equal(fn(r, fp, NULL), RT_OK);
    fclose(fp);
    return s;
}

/* Keys whose figures the table and HTML do not show (in folds and curve points). */
static int shown(const char *path, const char *key)
{
    if (!strcmp(key, "scores") || !strcmp(key, "share") || !strcmp(key, "n_train"))
        return 0;
    int inner = strstr(path, "/folds") || strstr(path, "/curve");
    if (inner && (!strcmp(key, "precision") || !strcmp(key, "recall")
                  || !strcmp(key, "subset_accuracy")))
        return 0;
    if (strstr(path, "/curve") && (!strcmp(key, "weighted") || !strcmp(key, "hamming_loss")))
        return 0;
    return 1;
}

/* Every real in V (shown in the table and HTML) must appear as %.4f in TABLE and HTML. */
static size_t check_reals(const json_t *v, const char *path, const char *table, const char *html)
{
    size_t n = 0;
    char sub[512], num[32];
    if (json_is_real(v)) {
        snprintf(num, sizeof num, "%.4f", json_real_value(v));
        if (!strstr(table, num) || !strstr(html, num))
            fail_msg("%s = %s: missing from the %s", path, num,
                     strstr(table, num) ? "HTML" : "table");
        return 1;
    }
    if (json_is_array(v)) {
        for (size_t i = 0; i < json_array_size(v); i++) {
            snprintf(sub, sizeof sub, "%s[%zu]", path, i);
            n += check_reals(json_array_get(v, i), sub, table, html);
        }
    }
    const char *key;
    json_t *x;
    if (json_is_object(v))
        json_object_foreach((json_t *)v, key, x) {
            snprintf(sub, sizeof sub, "%s/%s", path, key);
            if (shown(path, key))
                n += check_reals(x, sub, table, html);
        }
    return n;
}

static void test_same_numbers(void **state)
{
    fixture *f = *state;
    char *table = capture(rt_report_table, &f->report), *json = capture(rt_report_json, &f->report);
    char path[] = "/tmp/rt_reportXXXXXX.html";
    int fd = mkstemps(path, 5);
    assert_true(fd >= 0);
    close(fd);
    assert_int_equal(rt_report_save_html(&f->report, path, NULL), RT_OK);
    char *html = tu_read_file(path, NULL);
    assert_non_null(html);
    size_t lines = 0, reals = 0;
    for (char *line = strtok(json, "\n"); line; line = strtok(NULL, "\n"), lines++) {
        json_error_t e;
        json_t *o = json_loads(line, 0, &e);
        assert_non_null(o);
        reals += check_reals(o, "", table, html);
        json_decref(o);
    }
    assert_int_equal(lines, 2);    /* one object per facet */
    assert_true(reals > 60);
    free(table);
    free(json);
    free(html);
    unlink(path);
}

/* The real at KEY of O is X (JSON keeps 15 significant digits). */
static int real_is(const json_t *o, const char *key, double x)
{
    double v = json_real_value(json_object_get(o, key));
    return v > x - 1e-13 && v < x + 1e-13;
}

static void test_json_members(void **state)
{
    fixture *f = *state;
    char *json = capture(rt_report_json, &f->report);
    size_t first = strcspn(json, "\n");
    assert_int_equal(json[first], '\n');
    json_error_t e;
    json_t *a = json_loadb(json, first, 0, &e), *b = json_loads(json + first + 1, 0, &e);
    assert_non_null(a);
    assert_non_null(b);
    assert_string_equal(json_string_value(json_object_get(a, "facet")), "policy_area");
    assert_int_equal(json_integer_value(json_object_get(a, "n")), 6);
    assert_true(json_is_false(json_object_get(a, "multi_label")));
    assert_true(real_is(a, "accuracy", 4.0 / 6));
    json_t *h = json_object_get(json_object_get(a, "labels"), "Health");
    assert_int_equal(json_integer_value(json_object_get(h, "support")), 3);
    assert_true(real_is(h, "f1", 0.8));
    json_t *conf = json_object_get(json_object_get(a, "confusion"), "Health");
    assert_int_equal(json_integer_value(json_object_get(conf, "Health")), 2);
    assert_int_equal(json_integer_value(json_object_get(conf, "Education")), 1);
    assert_int_equal(json_integer_value(json_object_get(conf, "Crime")), 0);
    json_t *folds = json_object_get(a, "folds");
    assert_int_equal(json_integer_value(json_object_get(folds, "k")), 2);
    assert_int_equal(json_integer_value(json_object_get(folds, "seed")), 42);
    assert_int_equal(json_array_size(json_object_get(folds, "per_fold")), 2);
    assert_non_null(json_object_get(json_object_get(folds, "sd"), "macro"));
    assert_int_equal(json_array_size(json_object_get(a, "curve")), 2);
    assert_null(json_object_get(a, "hamming_loss"));
    json_t *sc = json_object_get(a, "scores");
    assert_int_equal(json_array_size(json_object_get(sc, "gold")), RT_METRICS_BINS);
    /* multi-label: subset accuracy and Hamming loss, no confusion matrix, label escaped by JSON */
    assert_true(json_is_true(json_object_get(b, "multi_label")));
    assert_true(real_is(b, "hamming_loss", 4.0 / 12));
    assert_true(real_is(b, "subset_accuracy", 0.25));
    assert_null(json_object_get(b, "confusion"));
    assert_null(json_object_get(b, "folds"));
    assert_non_null(json_object_get(json_object_get(b, "labels"), "R&D <x>"));
    json_decref(a);
    json_decref(b);
    free(json);
}

static void test_html_self_contained(void **state)
{
    fixture *f = *state;
    char path[] = "/tmp/rt_reportXXXXXX.html";
    int fd = mkstemps(path, 5);
    close(fd);
    assert_int_equal(rt_report_save_html(&f->report, path, NULL), RT_OK);
    char *html = tu_read_file(path, NULL);
    assert_int_equal(strncmp(html, "<!DOCTYPE html>", 15), 0);
    assert_non_null(strstr(html, "</html>\n"));
    assert_null(strstr(html, "<script"));
    assert_null(strstr(html, "src="));
    assert_null(strstr(html, "href=\"http"));
    assert_null(strstr(html, "R&D <x>"));                 /* escaped */
    assert_non_null(strstr(html, "R&amp;D &lt;x&gt;"));
    assert_non_null(strstr(html, "corpus/&lt;test&gt;.jsonl"));
    size_t svgs = 0;
    for (const char *p = html; (p = strstr(p, "<svg ")); p++)
        svgs++;
    assert_int_equal(svgs, 4 + 2);   /* F1, confusion, scores, curve; F1, errors (no scores) */
    assert_non_null(strstr(html, "Confusion matrix"));
    assert_non_null(strstr(html, "Errors per label"));
    free(html);
    unlink(path);
}

/* A confusion matrix too wide for a terminal is left to the JSON and HTML. */
static void test_wide_confusion(void **state)
{
    (void)state;
    rt_metrics *m;
    assert_int_equal(rt_metrics_new("topic", 0, &m, NULL), RT_OK);
    char g[16], p[16];
    for (int i = 0; i < 31; i++) {
        snprintf(g, sizeof g, "t%02d", i);
        snprintf(p, sizeof p, "t%02d", (i + 1) % 31);
        add(m, g, NULL, i % 2 ? g : p, NULL);
    }
    rt_report_facet f = { m, NULL, 0, NULL, 0, NULL };
    rt_report r = { "x.model", 0, 0, NULL, 0, &f, 1 };
    char *table = capture(rt_report_table, &r), *json = capture(rt_report_json, &r);
    assert_non_null(strstr(table, "confusion matrix of 31 labels: see --json or --html"));
    assert_null(strstr(table, "rows: gold label"));
    assert_non_null(strstr(json, "\"confusion\":{\"t00\":{\"t00\":0,\"t01\":1,"));
    free(table);
    free(json);
    rt_metrics_free(m);
}

/* Count of the SVG heat-map cell whose tooltip is TITLE, as drawn text, or -1 when not drawn. */
static long drawn_count(const char *html, const char *title)
{
    const char *t = strstr(html, title), *end = t ? strstr(t, "</g>") : NULL;
    const char *txt = t ? strstr(t, "<text") : NULL;
    if (!txt || txt > end)
        return -1;
    return strtol(strchr(txt, '>') + 1, NULL, 10);
}

/* 40 labels: 14 px cells, upright column numbers; a count that cannot fit is left to the tooltip. */
static void test_html_wide_heat_map(void **state)
{
    (void)state;
    rt_metrics *m;
    assert_int_equal(rt_metrics_new("topic", 0, &m, NULL), RT_OK);
    char g[16];
    for (int i = 0; i < 40; i++) {
        snprintf(g, sizeof g, "t%02d", i);
        for (int k = 0; k < (i == 0 ? 12345 : i == 1 ? 7 : 1); k++)
            add(m, g, NULL, g, NULL);
    }
    rt_report_facet f = { m, NULL, 0, NULL, 0, NULL };
    rt_report r = { "x.model", 0, 0, NULL, 0, &f, 1 };
    char path[] = "/tmp/rt_reportXXXXXX.html";
    int fd = mkstemps(path, 5);
    assert_true(fd >= 0);
    close(fd);
    assert_int_equal(rt_report_save_html(&r, path, NULL), RT_OK);
    char *html = tu_read_file(path, NULL);
    assert_non_null(html);
    assert_non_null(strstr(html, "rotate(-90)\" text-anchor=\"start\">40</text>"));
    assert_non_null(strstr(html, "width=\"14.0\" height=\"14.0\""));
    assert_int_equal(drawn_count(html, "gold t01, predicted t01: 7</title>"), 7);
    assert_int_equal(drawn_count(html, "gold t00, predicted t00: 12345</title>"), -1);
    free(html);
    unlink(path);
    rt_metrics_free(m);
}

static void test_write_errors(void **state)
{
    fixture *f = *state;
    FILE *full = fopen("/dev/full", "w");
    assert_non_null(full);
    setvbuf(full, NULL, _IONBF, 0);
    rt_err err = { 0, "" };
    assert_int_equal(rt_report_table(&f->report, full, &err), RT_EIO);
    clearerr(full);
    assert_int_equal(rt_report_json(&f->report, full, &err), RT_EIO);
    fclose(full);
    assert_int_equal(rt_report_save_html(&f->report, "/nonexistent-dir/r.html", &err), RT_EIO);
    assert_non_null(strstr(err.msg, "/nonexistent-dir/r.html"));
}

static void test_out_of_memory(void **state)
{
    fixture *f = *state;
    char path[] = "/tmp/rt_reportXXXXXX.html";
    int fd = mkstemps(path, 5);
    close(fd);
    FILE *null = fopen("/dev/null", "w");
    size_t fired = 0;
    for (size_t nth = 1;; nth++) {
        failalloc_arm(nth);
        int a = rt_report_json(&f->report, null, NULL);
        int hit = failalloc_fired();
        failalloc_arm(nth);
        int b = rt_report_save_html(&f->report, path, NULL);
        hit |= failalloc_fired();
        failalloc_arm(0);
        if (!hit) {
            assert_int_equal(a, RT_OK);
            assert_int_equal(b, RT_OK);
            break;
        }
        assert_true(a == RT_OK || a == RT_ENOMEM);
        assert_true(b == RT_OK || b == RT_ENOMEM);
        fired++;
    }
    assert_true(fired > 20);
    fclose(null);
    unlink(path);
}

int main(void)
{
    json_set_alloc_funcs(malloc, free);   /* so failalloc reaches jansson's allocations too */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_same_numbers, setup, teardown),
        cmocka_unit_test_setup_teardown(test_json_members, setup, teardown),
        cmocka_unit_test_setup_teardown(test_html_self_contained, setup, teardown),
        cmocka_unit_test(test_wide_confusion),
        cmocka_unit_test(test_html_wide_heat_map),
        cmocka_unit_test_setup_teardown(test_write_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_out_of_memory, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
