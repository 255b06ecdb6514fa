/*
 * test_csv.c - the CSV/TSV reader: header mapping by name, by the column names
 * of Zotero, Covidence and Web of Science exports and by --columns, label
 * splitting, quoted fields with newlines and doubled quotes, BOM and CRLF,
 * ';'-separated files, derived ids, malformed files with FILE:LINE errors,
 * skip_bad, and allocation failures.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "failalloc.h"
#include "revtag/reader.h"
#include "rtint.h"
#include "testutil.h"

#define DATA RT_TEST_DATA "/reader/"

static char *write_tmp(const char *content, const char *suffix)
{
    static char path[64];
    snprintf(path, sizeof path, "/tmp/rt_test_csvXXXXXX%s", suffix);
    int fd = mkstemps(path, (int)strlen(suffix));
    assert_true(fd >= 0);
    size_t n = strlen(content);
    assert_int_equal(write(fd, content, n), (ssize_t)n);
    close(fd);
    return path;
}

static void test_default_mapping(void **state)
{
    (void)state;
    tu_records res;
    tu_read_records(DATA "labelled.csv", NULL, &res);
    assert_int_equal(res.rc, RT_DONE);
    assert_int_equal(res.n, 4);
    rt_record *k = &res.recs[0];
    assert_string_equal(k->id, "kirklees-1");
    assert_int_equal(k->line, 2);
    assert_string_equal(k->abstract, "The Kirklees partnership funds housing-related support for "
                        "people at risk of homelessness.\n\nThe review covers referrals, engagement "
                        "and the first outcome payments.");
    assert_int_equal(k->year, 2020);
    assert_string_equal(tu_labels(k, "country"), "GB");
    assert_string_equal(tu_labels(k, "policy_area"), "Homelessness|Health");
    assert_string_equal(tu_labels(k, "approach"), "social impact bond");
    assert_string_equal(k->extra, "{\"notes\":\"said \\\"promising\\\", not proven\"}");
    assert_string_equal(res.recs[1].id, "sib-fr-1");
    assert_int_equal(res.recs[1].line, 6);            /* the blank line 5 is skipped */
    assert_string_equal(res.recs[1].title, "Les contrats à impact social en France : premier bilan");
    assert_null(res.recs[1].extra);                   /* empty cells are not kept */
    assert_null(res.recs[2].abstract);
    assert_null(res.recs[2].lang);
    assert_string_equal(tu_labels(&res.recs[2], "approach"), "-");
    assert_string_equal(tu_labels(&res.recs[3], "country"), "-");
    assert_string_equal(tu_labels(&res.recs[3], "policy_area"), "Poverty reduction | Health");
    tu_records_clear(&res);
}

static void test_mapping_and_separator(void **state)
{
    (void)state;
    rt_reader_opts o = { .columns = "label:country=Countries, label:policy_area=sectors",
                         .label_sep = "|" };
    tu_records res;
    tu_read_records(DATA "pipes.csv", &o, &res);
    assert_int_equal(res.rc, RT_DONE);
    assert_int_equal(res.n, 2);
    assert_string_equal(res.recs[0].id, "p1");        /* "ID" maps by name */
    assert_string_equal(tu_labels(&res.recs[0], "policy_area"), "Health|Poverty reduction");
    assert_string_equal(tu_labels(&res.recs[1], "country"), "KE|UG");
    assert_null(res.recs[1].extra);
    tu_records_clear(&res);

    tu_read_records(DATA "topics.tsv", NULL, &res);           /* TSV: quotes are plain text */
    assert_int_equal(res.rc, RT_DONE);
    assert_int_equal(res.n, 2);
    assert_string_equal(res.recs[0].text, "I said \"no\" to the upgrade; the old card works fine.");
    assert_string_equal(tu_labels(&res.recs[1], "topic"), "rec.sport.hockey|rec.sport.baseball");
    tu_records_clear(&res);
}

/* Zotero and Covidence CSV exports convert without a mapping. */
static void test_exports(void **state)
{
    (void)state;
    tu_records res;
    tu_read_records(DATA "zotero.csv", NULL, &res);
    assert_int_equal(res.rc, RT_DONE);
    assert_int_equal(res.n, 3);
    rt_record *z = &res.recs[0];
    assert_string_equal(z->id, "Q7ZK2M4N");
    assert_int_equal(z->year, 2018);
    assert_string_equal(z->lang, "en");
    assert_non_null(strstr(z->abstract, "achieved.\nThis review"));
    assert_string_equal(tu_labels(z, "approach"), "social impact bond");
    assert_string_equal(tu_labels(z, "theme"), "independent investor involvement");
    assert_non_null(strstr(z->extra, "\"keywords\":[\"social impact bonds\"]"));
    assert_non_null(strstr(z->extra, "\"DOI\":\"10.1111/spol.12260\""));
    assert_null(strstr(z->extra, "\"ISBN\""));
    assert_string_equal(res.recs[1].lang, "en");      /* "English" */
    assert_string_equal(tu_labels(&res.recs[1], "country"), "GB");
    assert_string_equal(res.recs[2].lang, "es");      /* "Español" */
    assert_int_equal(res.recs[2].year, 0);
    tu_records_clear(&res);

    rt_reader_opts tsv = { .format = RT_FORMAT_TSV };  /* Web of Science: tags, "ID" is not the id */
    tu_read_records(DATA "wos_savedrecs.txt", &tsv, &res);
    assert_int_equal(res.rc, RT_DONE);
    assert_int_equal(res.n, 2);
    assert_string_equal(res.recs[0].id, "WOS:000418781500002");
    assert_int_equal(res.recs[0].year, 2018);
    assert_string_equal(res.recs[0].lang, "en");
    assert_non_null(strstr(res.recs[0].abstract, "the \"promise\" and"));
    assert_non_null(strstr(res.recs[0].extra, "\"ID\":\"PUBLIC-SERVICES; GOVERNANCE\""));
    assert_non_null(strstr(res.recs[0].extra, "\"keywords\":[\"social impact bonds\",\"payment by results\""));
    tu_records_clear(&res);

    tu_read_records(DATA "covidence.csv", NULL, &res);
    assert_int_equal(res.rc, RT_DONE);
    assert_int_equal(res.n, 2);
    assert_string_equal(res.recs[0].id, "#1021");
    assert_int_equal(res.recs[0].year, 2019);
    assert_string_equal(tu_labels(&res.recs[1], "approach"), "development impact bond");
    assert_non_null(strstr(res.recs[0].extra, "\"keywords\":[\"Included\"]"));
    tu_records_clear(&res);
}

/* Excel in French/German/Dutch locales writes ';'-separated CSV. */
static void test_semicolons(void **state)
{
    (void)state;
    rt_reader_opts o = { .columns = "title=titre,year=année" };
    tu_records res;
    tu_read_records(DATA "excel_fr.csv", &o, &res);
    assert_int_equal(res.rc, RT_DONE);
    assert_int_equal(res.n, 2);
    assert_string_equal(res.recs[0].title, "Contrats à impact social ; premier bilan");
    assert_string_equal(res.recs[0].abstract, "Coût : 3,5 M€, résultats mitigés");
    assert_int_equal(res.recs[0].year, 2019);
    assert_string_equal(tu_labels(&res.recs[1], "country"), "FR");
    tu_records_clear(&res);
}

static void test_derived_id(void **state)
{
    (void)state;
    char *path = write_tmp("Title,Year\n\"Outcomes  Funds\",2021\n outcomes funds ,2021\n"
                           "outcomes funds,2022\n\"Pay for Success\",in press\n", ".csv");
    tu_records res;
    tu_read_records(path, NULL, &res);
    unlink(path);
    assert_int_equal(res.rc, RT_DONE);
    assert_int_equal(res.n, 4);
    assert_int_equal(strlen(res.recs[0].id), 18);
    assert_memory_equal(res.recs[0].id, "h-", 2);
    assert_string_equal(res.recs[0].id, res.recs[1].id);   /* case and spacing ignored */
    assert_string_not_equal(res.recs[0].id, res.recs[2].id); /* the year counts */
    assert_string_equal(res.recs[3].extra, "{\"year_text\":\"in press\"}");
    tu_records_clear(&res);
}

static const struct bad_case {
    const char *file;
    const char *columns;
    int skip_bad;
    int rc;
    const char *msg;
    size_t n, skipped;      /* records read and skipped */
} BAD[] = {
    { "bad_quote.csv", NULL, 0, RT_EFORMAT, ".csv:3: malformed CSV", 1, 0 },
    { "bad_quote.csv", NULL, 1, RT_DONE, NULL, 2, 1 },
    { "ragged.csv", NULL, 0, RT_EFORMAT, ".csv:3: row has 2 field(s), the header has 3", 1, 0 },
    { "ragged.csv", NULL, 1, RT_DONE, NULL, 2, 2 },
    { "unclosed.csv", NULL, 0, RT_EFORMAT, ".csv:3: quoted field not closed", 1, 0 },
    { "unclosed.csv", NULL, 1, RT_DONE, NULL, 1, 1 },
    { "no_text_column.csv", NULL, 0, RT_EINVAL, ".csv:1: no title, abstract or text column", 0, 0 },
    { "labels_column.csv", NULL, 0, RT_EINVAL, ".csv:1: column 'labels' needs a facet", 0, 0 },
    { "latin1.csv", NULL, 0, RT_EFORMAT, ".csv:3: column 'title' is not valid UTF-8", 1, 0 },
    { "missing_fields.csv", NULL, 0, RT_EFORMAT, ".csv:2: record has no id", 0, 0 },
    { "missing_fields.csv", NULL, 1, RT_DONE, NULL, 1, 2 },
    { "empty.csv", NULL, 0, RT_EFORMAT, ".csv:1: empty file: no header row", 0, 0 },
    { "bad_header_latin1.csv", NULL, 0, RT_EFORMAT, ".csv:1: the header is not valid UTF-8", 0, 0 },
    { "pipes.csv", "label:country=Nope", 0, RT_EINVAL, "no column 'Nope' in the header", 0, 0 },
    { "pipes.csv", "country=Countries", 0, RT_EINVAL, "unknown field 'country'", 0, 0 },
    { "pipes.csv", "title", 0, RT_EINVAL, "'title': expected FIELD=COLUMN", 0, 0 },
    { "pipes.csv", "title=Title,title=Sectors", 0, RT_EINVAL, "mapped twice", 0, 0 },
};

static void test_malformed(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof BAD / sizeof BAD[0]; i++) {
        const struct bad_case *b = &BAD[i];
        char path[512];
        snprintf(path, sizeof path, DATA "%s", b->file);
        rt_reader_opts o = { .columns = b->columns, .skip_bad = b->skip_bad };
        tu_records res;
        tu_read_records(path, &o, &res);
        tu_records_clear(&res);
        if (res.rc != b->rc || res.n != b->n || res.skipped != b->skipped
            || (b->msg && (!strstr(res.err.msg, b->msg) || strncmp(res.err.msg, path, strlen(path)))))
            fail_msg("case %zu (%s): rc %d, %zu read, %zu skipped, '%s'", i, b->file, res.rc,
                     res.n, res.skipped, res.err.msg);
    }
}

/*
 * Every allocation failure gives RT_ENOMEM, or is absorbed (libcsv retries a
 * failed buffer growth with a smaller size) and the whole file is read.
 */
static void test_out_of_memory(void **state)
{
    (void)state;
    const char *files[] = { DATA "labelled.csv", DATA "zotero.csv" };
    const size_t want[] = { 4, 3 };
    for (size_t f = 0; f < 2; f++) {
        size_t k;
        for (k = 1; k < 20000; k++) {
            failalloc_arm(k);
            tu_records res;
            tu_read_records(files[f], NULL, &res);
            int fired = failalloc_fired();
            failalloc_arm(0);
            tu_records_clear(&res);
            if (!fired) {
                assert_int_equal(res.rc, RT_DONE);
                break;
            }
            if (res.rc != RT_ENOMEM && !(res.rc == RT_DONE && res.n == want[f]))
                fail_msg("%s, allocation %zu: rc %d (%s)", files[f], k, res.rc, res.err.msg);
        }
        assert_true(k < 20000);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_default_mapping),
        cmocka_unit_test(test_mapping_and_separator),
        cmocka_unit_test(test_exports),
        cmocka_unit_test(test_semicolons),
        cmocka_unit_test(test_derived_id),
        cmocka_unit_test(test_malformed),
        cmocka_unit_test(test_out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
