/*
 * test_reader.c - the reader dispatcher and what the format backends share:
 * format names and extensions, open errors, years, language names, UTF-8
 * validation, facet:label keywords, the stable derived id, and the taxonomy
 * (corpus/taxonomy.json, ISO 3166-1 codes, malformed files, allocation failures).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "failalloc.h"
#include "revtag/reader.h"
#include "rtint.h"

#define DATA RT_TEST_DATA "/reader/"
#define CORPUS_TAXONOMY RT_SOURCE_DIR "/corpus/taxonomy.json"

static void test_formats(void **state)
{
    (void)state;
    static const struct { const char *name; int f; } names[] = {
        { "jsonl", RT_FORMAT_JSONL }, { "JSON", RT_FORMAT_JSONL }, { "ndjson", RT_FORMAT_JSONL },
        { "csv", RT_FORMAT_CSV }, { "tsv", RT_FORMAT_TSV }, { "ris", RT_FORMAT_RIS },
        { "RIS", RT_FORMAT_RIS }, { "bib", RT_FORMAT_BIBTEX }, { "bibtex", RT_FORMAT_BIBTEX },
        { "xml", -1 }, { "", -1 }, { NULL, -1 },
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        assert_int_equal(rt_format_from_name(names[i].name), names[i].f);
    static const struct { const char *path; rt_format f; } paths[] = {
        { "a.jsonl", RT_FORMAT_JSONL }, { "dir.v2/a.RIS", RT_FORMAT_RIS },
        { "refs.bib", RT_FORMAT_BIBTEX }, { "x.tab", RT_FORMAT_TSV }, { "x.csv", RT_FORMAT_CSV },
        { "-", RT_FORMAT_JSONL }, { "noext", RT_FORMAT_JSONL }, { "dir.csv/file", RT_FORMAT_JSONL },
        { "export.txt", RT_FORMAT_JSONL },
    };
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++)
        if (rt_format_from_path(paths[i].path) != paths[i].f)
            fail_msg("%s: %d", paths[i].path, rt_format_from_path(paths[i].path));
}

static void test_open_errors(void **state)
{
    (void)state;
    rt_reader *r = (rt_reader *)1;
    rt_err err = { 0, "" };
    assert_int_equal(rt_reader_open(DATA "nope.jsonl", NULL, &r, &err), RT_EIO);
    assert_null(r);
    assert_non_null(strstr(err.msg, "nope.jsonl: cannot open: No such file"));
    rt_reader_free(NULL);
    /* the format option overrides the extension */
    rt_reader_opts o = { .format = RT_FORMAT_RIS };
    assert_int_equal(rt_reader_open(DATA "bad_ris_as_jsonl.txt", &o, &r, &err), RT_OK);
    rt_record rec;
    rt_record_init(&rec);
    assert_int_equal(rt_reader_next(r, &rec, &err), RT_OK);
    assert_string_equal(rec.title, "t");
    assert_int_equal(rt_reader_next(r, &rec, &err), RT_DONE);
    assert_int_equal(rt_reader_skipped(r), 0);
    assert_null(rt_reader_skip_msg(r));
    rt_record_clear(&rec);
    rt_reader_free(r);
}

static void test_years(void **state)
{
    (void)state;
    static const struct { const char *s; int year; } cases[] = {
        { "2019", 2019 }, { "2019///", 2019 }, { "2019/05/01/", 2019 }, { "May 2019", 2019 },
        { "2018-01", 2018 }, { "c. 1998", 1998 }, { "in press", 0 }, { "", 0 }, { "19", 0 },
        { "20190", 0 }, { "0999", 0 }, { "vol 12, 2020", 2020 }, { "12345 and 2021", 2021 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        if (rt_io_parse_year(cases[i].s, strlen(cases[i].s)) != cases[i].year)
            fail_msg("'%s' -> %d", cases[i].s, rt_io_parse_year(cases[i].s, strlen(cases[i].s)));
}

static void test_languages(void **state)
{
    (void)state;
    static const struct { const char *in, *code; } cases[] = {
        { "en", "en" }, { "EN", "en" }, { "en-GB", "en" }, { "English", "en" }, { "eng", "en" },
        { "british", "en" }, { "French", "fr" }, { "fre", "fr" }, { "Français", "fr" },
        { "ngerman", "de" }, { "Deutsch", "de" }, { "Español", "es" }, { "pt_BR", "pt" },
        { "Português", "pt" }, { "Dutch", "nl" }, { "English; French", "en" },
        { " Spanish ", "es" }, { "Japanese", "japanese" }, { "ja", "ja" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        rt_record rec;
        rt_record_init(&rec);
        assert_int_equal(rt_io_set_lang(&rec, cases[i].in, strlen(cases[i].in)), RT_OK);
        if (!rec.lang || strcmp(rec.lang, cases[i].code) != 0)
            fail_msg("'%s' -> '%s', want '%s'", cases[i].in, rec.lang ? rec.lang : "(null)",
                     cases[i].code);
        rt_record_clear(&rec);
    }
}

static void test_utf8(void **state)
{
    (void)state;
    static const struct { const char *s; size_t len, bad; } cases[] = {
        { "plain", 5, 5 }, { "é中😀", 9, 9 }, { "a\xff", 2, 1 }, { "a\0b", 3, 1 },
        { "\xc3", 1, 0 }, { "\xc0\xaf", 2, 0 }, { "\xed\xa0\x80", 3, 0 },
        { "\xf4\x90\x80\x80", 4, 0 }, { "ok\xe2\x82", 4, 2 }, { "\xe0\x80\xaf", 3, 0 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        if (rt_io_utf8_invalid(cases[i].s, cases[i].len) != cases[i].bad)
            fail_msg("case %zu: %zu, want %zu", i, rt_io_utf8_invalid(cases[i].s, cases[i].len),
                     cases[i].bad);
}

static void test_keywords(void **state)
{
    (void)state;
    static const char *const kws[] = {
        "country:GB", " policy_area: Criminal justice ", "theme:changes in service delivery",
        "Health: a policy", "covid-19:pandemic", "x_1:", "plain keyword", "", "a2:b",
    };
    rt_record rec;
    rt_record_init(&rec);
    rt_buf kw = { 0 };
    for (size_t i = 0; i < sizeof kws / sizeof kws[0]; i++)
        assert_int_equal(rt_io_keyword(&rec, &kw, kws[i], strlen(kws[i])), RT_OK);
    assert_string_equal(rt_record_get_facet(&rec, "country")->labels[0], "GB");
    assert_string_equal(rt_record_get_facet(&rec, "policy_area")->labels[0], "Criminal justice");
    assert_string_equal(rt_record_get_facet(&rec, "a2")->labels[0], "b");
    assert_int_equal(rec.nfacets, 4);
    assert_string_equal(kw.data, "\"Health: a policy\",\"covid-19:pandemic\",\"x_1:\",\"plain keyword\"");
    rt_buf_free(&kw);
    rt_record_clear(&rec);
}

/* The derived id is documented as stable: it must never change between versions. */
static void test_derived_id(void **state)
{
    (void)state;
    rt_record rec;
    rt_record_init(&rec);
    assert_int_equal(rt_io_derive_id(&rec), RT_OK);
    assert_null(rec.id);                              /* no text: nothing to derive from */
    rec.title = rt_strdup("  Outcomes\tFUNDS ");
    rec.year = 2021;
    assert_int_equal(rt_io_derive_id(&rec), RT_OK);
    assert_string_equal(rec.id, "h-3950b1c953c7eaf3");
    free(rec.title);
    rec.title = NULL;
    rec.abstract = rt_strdup("Outcomes funds");       /* falls back to the abstract */
    assert_int_equal(rt_io_derive_id(&rec), RT_OK);
    assert_string_equal(rec.id, "h-3950b1c953c7eaf3");
    rt_record_clear(&rec);
}

static void test_taxonomy(void **state)
{
    (void)state;
    rt_taxonomy *t;
    rt_err err = { 0, "" };
    assert_int_equal(rt_taxonomy_load(CORPUS_TAXONOMY, NULL, &t, &err), RT_OK);
    assert_int_equal(rt_taxonomy_nfacets(t), 4);
    assert_string_equal(rt_taxonomy_facet(t, 0), "policy_area");
    assert_null(rt_taxonomy_facet(t, 4));
    assert_int_equal(rt_taxonomy_has_label(t, "policy_area", "Criminal justice"), 1);
    assert_int_equal(rt_taxonomy_has_label(t, "policy_area", "criminal justice"), 0);
    assert_int_equal(rt_taxonomy_has_label(t, "country", "GB"), 1);
    assert_int_equal(rt_taxonomy_has_label(t, "country", "ZW"), 1);
    assert_int_equal(rt_taxonomy_has_label(t, "country", "UK"), 0);
    assert_int_equal(rt_taxonomy_has_label(t, "country", "GBR"), 0);
    assert_int_equal(rt_taxonomy_has_label(t, "topic", "x"), -1);
    assert_int_equal(rt_taxonomy_multi(t, "theme"), 1);
    assert_int_equal(rt_taxonomy_multi(t, "topic"), -1);
    size_t n;
    const char *const *labels = rt_taxonomy_labels(t, "approach", &n);
    assert_int_equal(n, 6);
    assert_string_equal(labels[0], "social impact bond");
    assert_null(rt_taxonomy_labels(t, "country", &n));
    assert_int_equal(n, 0);
    rt_taxonomy_free(t);
    rt_taxonomy_free(NULL);

    assert_int_equal(rt_taxonomy_load(DATA "taxonomy_small.json", NULL, &t, &err), RT_OK);
    assert_int_equal(rt_taxonomy_multi(t, "study_type"), 0);
    assert_int_equal(rt_taxonomy_has_label(t, "study_type", "review"), 1);
    rt_taxonomy_free(t);
}

static const struct tax_bad {
    const char *path, *iso;
    int rc;
    const char *msg;
} TAX_BAD[] = {
    { DATA "bad_taxonomy.json", NULL, RT_EFORMAT, "facet 'policy_area': label 1 has no \"label\" string" },
    { DATA "taxonomy_small.json", DATA "nope.json", RT_EIO, "nope.json: cannot open the ISO 3166-1 list" },
    { DATA "taxonomy_small.json", DATA "taxonomy_small.json", RT_EFORMAT, "no \"3166-1\" list" },
    { DATA "nope.json", NULL, RT_EIO, "nope.json: cannot open" },
    { DATA "bad_syntax.jsonl", NULL, RT_EFORMAT, "bad_syntax.jsonl:2:1: end of file expected" },
    { DATA "normalised.jsonl", NULL, RT_EFORMAT, "normalised.jsonl:2:1: end of file expected" },
    { DATA "check_good.jsonl", NULL, RT_EFORMAT, ":2:1: end of file expected" },
};

static void test_taxonomy_errors(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof TAX_BAD / sizeof TAX_BAD[0]; i++) {
        rt_taxonomy *t = (rt_taxonomy *)1;
        rt_err err = { 0, "" };
        int rc = rt_taxonomy_load(TAX_BAD[i].path, TAX_BAD[i].iso, &t, &err);
        if (rc != TAX_BAD[i].rc || t || !strstr(err.msg, TAX_BAD[i].msg))
            fail_msg("case %zu: rc %d '%s', want '%s'", i, rc, err.msg, TAX_BAD[i].msg);
    }
}

static void test_out_of_memory(void **state)
{
    (void)state;
    size_t k;
    for (k = 1; k < 5000; k++) {
        rt_taxonomy *t = NULL;
        rt_reader *r = NULL;
        rt_err err = { 0, "" };
        rt_reader_opts o = { .columns = "title=Title", .label_sep = "|" };
        failalloc_arm(k);
        int rc = rt_taxonomy_load(CORPUS_TAXONOMY, NULL, &t, &err);
        if (rc == RT_OK)
            rc = rt_reader_open(DATA "pipes.csv", &o, &r, &err);
        int fired = failalloc_fired(), opened = r != NULL;
        failalloc_arm(0);
        rt_taxonomy_free(t);
        rt_reader_free(r);
        if (!fired) {
            assert_int_equal(rc, RT_OK);
            break;
        }
        if (rc != RT_ENOMEM && !(rc == RT_OK && opened))     /* libcsv may retry and succeed */
            fail_msg("allocation %zu: rc %d (%s)", k, rc, err.msg);
    }
    assert_true(k < 5000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_formats),
        cmocka_unit_test(test_open_errors),
        cmocka_unit_test(test_years),
        cmocka_unit_test(test_languages),
        cmocka_unit_test(test_utf8),
        cmocka_unit_test(test_keywords),
        cmocka_unit_test(test_derived_id),
        cmocka_unit_test(test_taxonomy),
        cmocka_unit_test(test_taxonomy_errors),
        cmocka_unit_test(test_out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
