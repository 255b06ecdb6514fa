/*
 * test_ris.c - the RIS reader on Zotero, EndNote, Covidence and EPPI-Reviewer
 * exports (CRLF, BOM, continued values, T1/N2/Y1 tags, language names), the
 * KW facet:label round trip of revtag's own export, derived ids, malformed
 * files with FILE:LINE errors, skip_bad, and allocation failures.
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

static void test_zotero(void **state)
{
    (void)state;
    tu_records res;
    tu_read_records(DATA "zotero.ris", NULL, &res);
    assert_int_equal(res.rc, RT_DONE);
    assert_int_equal(res.n, 2);
    rt_record *z = &res.recs[0];
    assert_int_equal(z->line, 2);                     /* after the leading blank line */
    assert_memory_equal(z->id, "h-", 2);              /* no ID tag: derived */
    assert_string_equal(z->title, "Narratives of promise, narratives of caution: a review of "
                        "the literature on social impact bonds");
    assert_string_equal(z->abstract, "Social impact bonds are promoted as a way to pay for "
                        "preventive services from private capital.\nThe review sorts the "
                        "literature into narratives of promise and narratives of caution.");
    assert_int_equal(z->year, 2018);
    assert_string_equal(z->type, "journal article");
    assert_string_equal(z->lang, "en");
    assert_non_null(strstr(z->extra, "\"keywords\":[\"social impact bonds\",\"outcomes-based "
                           "commissioning\"]"));
    assert_non_null(strstr(z->extra, "\"AU\":[\"Fraser, Alec\",\"Tan, Stefanie\""));
    assert_non_null(strstr(z->extra, "\"DA\":[\"2018/01//\"]"));   /* unused date kept */
    assert_null(strstr(z->extra, "\"PY\""));
    assert_null(strstr(z->extra, "\"TI\""));
    assert_string_equal(res.recs[1].type, "report");
    assert_string_equal(res.recs[1].lang, "fr");
    assert_string_equal(res.recs[1].title, "Évaluation du contrat à impact social « Passerelle » "
                        ": rapport intermédiaire");
    tu_records_clear(&res);
}

static void test_endnote_covidence_eppi(void **state)
{
    (void)state;
    tu_records res;
    tu_read_records(DATA "endnote.ris", NULL, &res);          /* BOM, CRLF */
    assert_int_equal(res.rc, RT_DONE);
    assert_int_equal(res.n, 2);
    assert_string_equal(res.recs[0].id, "12");
    assert_int_equal(res.recs[0].line, 1);
    assert_int_equal(res.recs[0].year, 2011);           /* PY, not DA "May" */
    assert_string_equal(res.recs[0].lang, "en");        /* "English" */
    assert_string_equal(tu_labels(&res.recs[0], "policy_area"), "Criminal justice");
    assert_non_null(strstr(res.recs[0].extra, "\"keywords\":[\"social impact bond\",\"reoffending\"]"));
    assert_non_null(strstr(res.recs[0].extra, "\"DA\":[\"May\"]"));
    assert_string_equal(res.recs[1].lang, "en");        /* "eng" */
    tu_records_clear(&res);

    tu_read_records(DATA "covidence.ris", NULL, &res);
    assert_int_equal(res.rc, RT_DONE);
    assert_int_equal(res.n, 2);
    assert_string_equal(res.recs[0].id, res.recs[1].id);   /* same title and year: same id */
    assert_null(res.recs[1].abstract);
    assert_int_equal(res.recs[1].line, 12);
    tu_records_clear(&res);

    tu_read_records(DATA "eppi.ris", NULL, &res);
    assert_int_equal(res.rc, RT_DONE);
    assert_int_equal(res.n, 1);
    assert_string_equal(res.recs[0].title, "Results-based financing in health: what do we know "
                        "about its effects on service delivery in low-income countries?");
    assert_non_null(strstr(res.recs[0].abstract, "Cochrane review"));
    assert_int_equal(res.recs[0].year, 2012);
    assert_string_equal(tu_labels(&res.recs[0], "approach"), "results-based financing");
    tu_records_clear(&res);

    tu_read_records(DATA "concatenated.ris", NULL, &res);     /* cat zotero.ris endnote.ris: a BOM mid-file */
    assert_int_equal(res.rc, RT_DONE);
    assert_int_equal(res.n, 4);
    assert_string_equal(res.recs[2].id, "12");
    assert_int_equal(res.recs[2].line, 39);
    tu_records_clear(&res);

    tu_read_records(DATA "kw_list.ris", NULL, &res);          /* several keywords in one KW */
    assert_int_equal(res.rc, RT_DONE);
    assert_string_equal(tu_labels(&res.recs[0], "country"), "KE");
    assert_string_equal(tu_labels(&res.recs[0], "policy_area"), "Education");
    assert_string_equal(res.recs[0].extra, "{\"keywords\":[\"impact bonds\"]}");
    tu_records_clear(&res);

    tu_read_records(DATA "preamble.ris", NULL, &res);
    assert_int_equal(res.rc, RT_DONE);
    assert_int_equal(res.n, 1);
    assert_string_equal(res.recs[0].id, "SPA-99812");   /* AN when there is no ID */
    assert_null(res.recs[0].extra);
    tu_records_clear(&res);
}

/* Write REC the way a RIS export with KW facet:label does. */
static void write_ris(FILE *fp, const rt_record *rec)
{
    fprintf(fp, "TY  - RPRT\r\nID  - %s\r\n", rec->id);
    if (rec->title)
        fprintf(fp, "TI  - %s\r\n", rec->title);
    if (rec->abstract)
        fprintf(fp, "AB  - %s\r\n", rec->abstract);
    if (rec->year)
        fprintf(fp, "PY  - %d\r\n", rec->year);
    if (rec->lang)
        fprintf(fp, "LA  - %s\r\n", rec->lang);
    for (size_t i = 0; i < rec->nfacets; i++)
        for (size_t j = 0; j < rec->facets[i].nlabels; j++)
            fprintf(fp, "KW  - %s:%s\r\n", rec->facets[i].facet, rec->facets[i].labels[j]);
    fprintf(fp, "ER  - \r\n\r\n");
}

/* JSONL -> record -> RIS (KW facet:label) -> record keeps id, text, year, lang and labels. */
static void test_export_round_trip(void **state)
{
    (void)state;
    tu_records in, out;
    tu_read_records(DATA "normalised.jsonl", NULL, &in);
    assert_int_equal(in.rc, RT_DONE);
    char path[] = "/tmp/rt_test_risXXXXXX.ris";
    int fd = mkstemps(path, 4);
    assert_true(fd >= 0);
    FILE *fp = fdopen(fd, "w");
    size_t nexp = 0;
    for (size_t i = 0; i < in.n; i++)
        if (in.recs[i].title || in.recs[i].abstract) {
            write_ris(fp, &in.recs[i]);
            nexp++;
        }
    fclose(fp);
    tu_read_records(path, NULL, &out);
    unlink(path);
    assert_int_equal(out.rc, RT_DONE);
    assert_int_equal(out.n, nexp);
    for (size_t i = 0, k = 0; i < in.n; i++) {
        const rt_record *a = &in.recs[i];
        if (!a->title && !a->abstract)
            continue;
        const rt_record *b = &out.recs[k++];
        assert_string_equal(a->id, b->id);
        assert_string_equal(a->title ? a->title : "-", b->title ? b->title : "-");
        assert_string_equal(a->abstract ? a->abstract : "-", b->abstract ? b->abstract : "-");
        assert_int_equal(a->year, b->year);
        assert_string_equal(rt_record_lang(a), rt_record_lang(b));
        for (size_t f = 0; f < a->nfacets; f++)
            if (a->facets[f].nlabels) {
                char want[512];
                snprintf(want, sizeof want, "%s", tu_labels(a, a->facets[f].facet));
                assert_string_equal(want, tu_labels(b, a->facets[f].facet));
            }
    }
    tu_records_clear(&in);
    tu_records_clear(&out);

    tu_read_records(DATA "revtag_export.ris", NULL, &out);
    assert_int_equal(out.rc, RT_DONE);
    assert_string_equal(tu_labels(&out.recs[0], "theme"), "changes in person-level outcomes");
    assert_string_equal(tu_labels(&out.recs[1], "country"), "BR|PT");
    assert_null(out.recs[0].extra);
    tu_records_clear(&out);
}

static const struct bad_case {
    const char *file;
    int skip_bad;
    int rc;
    const char *msg;
    size_t n, skipped;
} BAD[] = {
    { "bad_no_er.ris", 0, RT_EFORMAT, ".ris:6: record has no 'ER  - ' before the next 'TY  - ' on line 10", 1, 0 },
    { "bad_no_er.ris", 1, RT_DONE, NULL, 2, 1 },
    { "bad_eof.ris", 0, RT_EFORMAT, ".ris:6: record has no 'ER  - ' before the end of the file", 1, 0 },
    { "bad_eof.ris", 1, RT_DONE, NULL, 1, 1 },
    { "bad_outside.ris", 0, RT_EFORMAT, ".ris:6: 'AU' tag outside a record", 1, 0 },
    { "bad_outside.ris", 1, RT_DONE, NULL, 2, 1 },
    { "bad_junk.ris", 0, RT_EFORMAT, ".ris:1: '{\"id\": \"a\", \"title\":' is not a RIS tag line", 0, 0 },
    { "bad_junk.ris", 1, RT_DONE, NULL, 0, 1 },
    { "bad_no_title.ris", 0, RT_EFORMAT, ".ris:1: record '7' has no title, abstract or text", 0, 0 },
    { "bad_latin1.ris", 0, RT_EFORMAT, ".ris:2: TI value is not valid UTF-8", 0, 0 },
};

static void test_malformed(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof BAD / sizeof BAD[0]; i++) {
        const struct bad_case *b = &BAD[i];
        char path[512];
        snprintf(path, sizeof path, DATA "%s", b->file);
        rt_reader_opts o = { .skip_bad = b->skip_bad };
        tu_records res;
        tu_read_records(path, &o, &res);
        tu_records_clear(&res);
        if (res.rc != b->rc || res.n != b->n || res.skipped != b->skipped
            || (b->msg && (!strstr(res.err.msg, b->msg) || strncmp(res.err.msg, path, strlen(path)))))
            fail_msg("case %zu (%s): rc %d, %zu read, %zu skipped, '%s'", i, b->file, res.rc,
                     res.n, res.skipped, res.err.msg);
    }
}

static void test_out_of_memory(void **state)
{
    (void)state;
    const char *files[] = { DATA "zotero.ris", DATA "endnote.ris", DATA "bad_no_er.ris" };
    const int want_rc[] = { RT_DONE, RT_DONE, RT_EFORMAT };
    for (size_t f = 0; f < 3; f++) {
        size_t k;
        for (k = 1; k < 20000; k++) {
            failalloc_arm(k);
            tu_records res;
            tu_read_records(files[f], NULL, &res);
            int fired = failalloc_fired();
            failalloc_arm(0);
            tu_records_clear(&res);
            if (!fired) {
                assert_int_equal(res.rc, want_rc[f]);
                break;
            }
            if (res.rc != RT_ENOMEM)
                fail_msg("%s, allocation %zu: rc %d (%s)", files[f], k, res.rc, res.err.msg);
        }
        assert_true(k < 20000);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_zotero),
        cmocka_unit_test(test_endnote_covidence_eppi),
        cmocka_unit_test(test_export_round_trip),
        cmocka_unit_test(test_malformed),
        cmocka_unit_test(test_out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
