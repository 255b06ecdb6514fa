/*
 * test_bibtex.c - the BibTeX reader and its LaTeX-to-UTF-8 conversion:
 * accents and symbols, Zotero / Better BibTeX / EndNote exports (no key,
 * CRLF, BOM), @string macros and # concatenation, @comment and @preamble,
 * keywords facet:label, malformed files with FILE:LINE errors, skip_bad, and
 * allocation failures.
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
#include "testutil.h"

#define DATA RT_TEST_DATA "/reader/"

static const struct latex_case {
    const char *in, *out;
} LATEX[] = {
    { "{\\'e}t{\\'e}", "été" },
    { "\\'{e}\\`{a}\\^{o}", "éàô" },
    { "M\\\"{u}ller M{\\\"u}ller M\\\"uller", "Müller Müller Müller" },
    { "Fran\\c{c}ois Fran\\c cois {\\c{C}}a", "François François Ça" },
    { "Espa\\~na Espa\\~{n}a", "España España" },
    { "\\v{S}koda \\v s \\u{a} \\H{o} \\k{a} \\r{a} \\={o} \\.{z} \\d{s} \\b{t}",
      "Škoda š ă ő ą å ō ż ṣ ṯ" },
    { "Sm{\\'\\i}chov \\'{\\i} \\^\\i", "Smíchov í î" },
    { "Stra\\ss e \\ss{}e \\o \\O \\aa \\AA \\ae \\AE \\oe \\l \\L \\i",
      "Straße ße øØåÅæÆœłŁı" },                      /* TeX eats the space after \o */
    { "Costs \\& benefits, 10\\% \\$5 \\#1 a\\_b \\{x\\}", "Costs & benefits, 10% $5 #1 a_b {x}" },
    { "1990--2025 --- ``quoted'' `single'", "1990–2025 — “quoted” ‘single'" },
    { "{Social} {Impact} {B}onds", "Social Impact Bonds" },
    { "\\emph{Newcastle} upon~Tyne \\textbf{b} \\textit{i}", "Newcastle upon Tyne b i" },
    { "$\\alpha$ and $x$", "α and x" },
    { "  many \n\t spaces\r\n here  ", "many spaces here" },
    { "\\LaTeX\\ rocks, \\foo bar, \\foo{arg}", "LaTeX rocks, foo bar, arg" },
    { "already UTF-8: é ü ß 中文", "already UTF-8: é ü ß 中文" },
    { "e\xCC\x81 decomposed", "é decomposed" },          /* NFC */
    { "", "" },
    { "trailing \\", "trailing" },
    { "\\'", "\xCC\x81" },                               /* an accent with nothing to sit on */
};

static void test_latex(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof LATEX / sizeof LATEX[0]; i++) {
        char *out = NULL;
        int rc = rt_latex_to_utf8(LATEX[i].in, strlen(LATEX[i].in), &out);
        if (rc != RT_OK || strcmp(out, LATEX[i].out) != 0)
            fail_msg("case %zu: '%s' -> rc %d '%s', want '%s'", i, LATEX[i].in, rc,
                     out ? out : "(null)", LATEX[i].out);
        free(out);
    }
    char *out = NULL;
    assert_int_equal(rt_latex_to_utf8("caf\xe9", 4, &out), RT_EFORMAT);
    assert_null(out);
}

static void test_zotero(void **state)
{
    (void)state;
    tu_records res;
    tu_read_records(DATA "zotero.bib", NULL, &res);
    assert_int_equal(res.rc, RT_DONE);
    assert_int_equal(res.n, 2);
    rt_record *z = &res.recs[0];
    assert_string_equal(z->id, "fraser_narratives_2018");
    assert_int_equal(z->line, 1);
    assert_string_equal(z->title, "Narratives of Promise, Narratives of Caution: A Review of the "
                        "Literature on Social Impact Bonds");
    assert_non_null(strstr(z->abstract, "Social impact bonds (SIBs) are"));
    assert_int_equal(z->year, 2018);
    assert_string_equal(z->type, "journal article");
    assert_string_equal(z->lang, "en");
    assert_int_equal(rt_record_get_facet(z, "approach")->nlabels, 1);
    assert_non_null(strstr(z->extra, "\"keywords\":[\"social impact bonds\",\"outcomes-based "
                           "commissioning\"]"));
    assert_non_null(strstr(z->extra, "\"journal\":\"Social Policy & Administration\""));
    assert_non_null(strstr(z->extra, "\"month\":\"January\""));
    assert_non_null(strstr(z->extra, "\"pages\":\"4–28\""));
    assert_string_equal(res.recs[1].type, "report");
    assert_int_equal(res.recs[1].line, 20);
    tu_records_clear(&res);
}

static void test_other_exports(void **state)
{
    (void)state;
    tu_records res;
    tu_read_records(DATA "betterbibtex.bib", NULL, &res);
    assert_int_equal(res.rc, RT_DONE);
    assert_int_equal(res.n, 2);
    assert_int_equal(res.recs[0].year, 2019);                 /* date = {2019-03} */
    assert_string_equal(res.recs[0].lang, "fr");              /* langid = {french} */
    assert_string_equal(res.recs[1].lang, "en");              /* langid = {british} */
    assert_string_equal(rt_record_get_facet(&res.recs[0], "country")->labels[0], "FR");
    assert_non_null(strstr(res.recs[0].extra, "\"author\":\"Lefèvre, Hélène\""));
    assert_non_null(strstr(res.recs[1].extra, "\"url\":\"https://golab.bsg.ox.ac.uk/knowledge-bank/\""));
    tu_records_clear(&res);

    tu_read_records(DATA "endnote.bib", NULL, &res);                /* BOM, CRLF, first entry has no key */
    assert_int_equal(res.rc, RT_DONE);
    assert_int_equal(res.n, 2);
    assert_memory_equal(res.recs[0].id, "h-", 2);
    assert_string_equal(res.recs[0].abstract, "Link workers in Newcastle upon Tyne supported "
                        "patients with long-term conditions. This follow-up study reports their "
                        "experiences after two years.");
    assert_string_equal(rt_record_get_facet(&res.recs[0], "country")->labels[0], "GB");
    assert_non_null(strstr(res.recs[0].extra, "\"keywords\":[\"social prescribing\",\"long-term conditions\"]"));
    assert_string_equal(res.recs[1].id, "RN12");
    assert_int_equal(res.recs[1].line, 21);
    tu_records_clear(&res);

    tu_read_records(DATA "strings.bib", NULL, &res);
    assert_int_equal(res.rc, RT_DONE);
    assert_int_equal(res.n, 1);
    assert_string_equal(res.recs[0].id, "golab-2019");
    assert_string_equal(res.recs[0].title, "A review by the Government Outcomes Lab of outcomes "
                        "contracts in the United Kingdom");
    assert_int_equal(res.recs[0].year, 2019);
    assert_string_equal(res.recs[0].type, "misc");
    assert_non_null(strstr(res.recs[0].extra, "\"month\":\"September\""));
    assert_non_null(strstr(res.recs[0].extra, "\"note\":\"Quoted value with braces, and a comma inside\""));
    tu_records_clear(&res);

    tu_read_records(DATA "accents.bib", NULL, &res);
    assert_int_equal(res.rc, RT_DONE);
    assert_int_equal(res.n, 1);
    assert_non_null(strstr(res.recs[0].title, "Évaluation d'un contrat à impact social: Genève, "
                           "Zürich, München, François, España, Škoda, Smíchov, Straße"));
    assert_int_equal(res.recs[0].year, 2020);
    tu_records_clear(&res);
}

static const struct bad_case {
    const char *file;
    int skip_bad;
    int rc;
    const char *msg;
    size_t n, skipped;
} BAD[] = {
    { "bad_unclosed.bib", 0, RT_EFORMAT, ".bib:6: entry not closed: '}' missing", 1, 0 },
    { "bad_unclosed.bib", 1, RT_DONE, NULL, 1, 1 },
    { "bad_braces.bib", 0, RT_EFORMAT, ".bib:5: entry not closed", 1, 0 },
    { "bad_macro.bib", 0, RT_EFORMAT, ".bib:3: undefined @string macro 'jpam'", 0, 0 },
    { "bad_comma.bib", 0, RT_EFORMAT, ".bib:3: expected ',' or the end of the entry", 0, 0 },
    { "bad_comma.bib", 1, RT_DONE, NULL, 1, 1 },
    { "bad_dup_field.bib", 0, RT_EFORMAT, ".bib:3: field 'title' given twice in entry 'd1'", 0, 0 },
    { "bad_no_title.bib", 0, RT_EFORMAT, ".bib:1: record 'n1' has no title, abstract or text", 0, 0 },
    { "bad_key.bib", 0, RT_EFORMAT, ".bib:1: expected ',' after the entry key", 0, 0 },
    { "bad_latin1.bib", 0, RT_EFORMAT, ".bib:2: field 'title' is not valid UTF-8", 0, 0 },
    { "bad_not_bibtex.bib", 0, RT_EFORMAT, ".bib:1: no BibTeX entry (@type{key, field = ...})", 0, 0 },
    { "bad_not_bibtex.bib", 1, RT_DONE, NULL, 0, 1 },
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
    const char *files[] = { DATA "zotero.bib", DATA "strings.bib", DATA "accents.bib" };
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
                assert_int_equal(res.rc, RT_DONE);
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
        cmocka_unit_test(test_latex),
        cmocka_unit_test(test_zotero),
        cmocka_unit_test(test_other_exports),
        cmocka_unit_test(test_malformed),
        cmocka_unit_test(test_out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
