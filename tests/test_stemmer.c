/*
 * test_stemmer.c - Snowball stemming: every word of Snowball's own English
 * vocabulary (Debian snowball-data) gives Snowball's expected output, plus
 * language tags, other languages and unknown-language errors.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "revtag/stemmer.h"
#include "testutil.h"

#define SNOWBALL_DATA "/usr/share/snowball/data"

/* Compare every line of voc.txt with output.txt for one language. */
static void check_vocabulary(const char *lang, const char *dir)
{
    char vp[256], op[256];
    snprintf(vp, sizeof vp, "%s/%s/voc.txt", SNOWBALL_DATA, dir);
    snprintf(op, sizeof op, "%s/%s/output.txt", SNOWBALL_DATA, dir);
    char *voc = tu_read_file(vp, NULL), *out = tu_read_file(op, NULL);
    if (!voc || !out)
        fail_msg("%s or %s missing: install Debian's snowball-data (scripts/install-deps.sh)", vp, op);
    rt_stemmer *st;
    assert_int_equal(rt_stemmer_new(lang, &st, NULL), RT_OK);
    char *vs, *os, *v = strtok_r(voc, "\n", &vs), *o = strtok_r(out, "\n", &os);
    size_t n = 0, bad = 0;
    for (; v && o; v = strtok_r(NULL, "\n", &vs), o = strtok_r(NULL, "\n", &os), n++) {
        size_t len;
        const char *s = rt_stemmer_stem(st, v, strlen(v), &len);
        assert_non_null(s);
        if (len != strlen(o) || memcmp(s, o, len) != 0) {
            if (bad++ < 5)
                print_error("%s: '%s' -> '%.*s', Snowball says '%s'\n", lang, v, (int)len, s, o);
        }
    }
    assert_null(v);
    assert_null(o);
    assert_true(n > 1000);
    assert_int_equal(bad, 0);
    rt_stemmer_free(st);
    free(voc);
    free(out);
}

static void test_english_vocabulary(void **state)
{
    (void)state;
    check_vocabulary("en", "english");
}

static void test_language_tags(void **state)
{
    (void)state;
    static const struct { const char *tag, *code; } T[] = {
        { "en", "en" }, { "EN", "en" }, { "en-GB", "en" }, { "eng", "en" },
        { "english", "en" }, { "pt_BR", "pt" }, { "fr", "fr" }, { "de", "de" },
        { "nl", "nl" }, { "es", "es" }, { "it", "it" }, { NULL, "en" }, { "", "en" },
    };
    for (size_t i = 0; i < sizeof T / sizeof T[0]; i++) {
        const char *code = NULL, *alg = NULL;
        assert_int_equal(rt_stemmer_lang(T[i].tag, &code, &alg, NULL), RT_OK);
        assert_string_equal(code, T[i].code);
        assert_non_null(alg);
    }
}

static void test_unknown_language(void **state)
{
    (void)state;
    rt_err err = { 0, "" };
    rt_stemmer *st = (rt_stemmer *)1;
    assert_int_equal(rt_stemmer_new("xx", &st, &err), RT_EINVAL);
    assert_null(st);
    assert_non_null(strstr(err.msg, "unknown language 'xx'"));
    assert_non_null(strstr(err.msg, "en"));
}

static void test_languages(void **state)
{
    (void)state;
    static const struct { const char *lang, *word, *stem; } T[] = {
        { "en", "contracting", "contract" }, { "en", "outcomes", "outcom" },
        { "fr", "\xC3\xA9valuations", "\xC3\xA9valu" }, { "es", "contratos", "contrat" },
        { "pt", "resultados", "result" }, { "de", "ergebnisse", "ergebnis" },
        { "nl", "resultaten", "resultat" }, { "it", "risultati", "risult" },
    };
    for (size_t i = 0; i < sizeof T / sizeof T[0]; i++) {
        rt_stemmer *st;
        size_t len;
        assert_int_equal(rt_stemmer_new(T[i].lang, &st, NULL), RT_OK);
        assert_string_equal(rt_stemmer_code(st), T[i].lang);
        const char *s = rt_stemmer_stem(st, T[i].word, strlen(T[i].word), &len);
        if (!s || len != strlen(T[i].stem) || memcmp(s, T[i].stem, len) != 0)
            fail_msg("%s '%s' -> '%.*s', want '%s'", T[i].lang, T[i].word, (int)len, s, T[i].stem);
        rt_stemmer_free(st);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_english_vocabulary),
        cmocka_unit_test(test_language_tags),
        cmocka_unit_test(test_unknown_language),
        cmocka_unit_test(test_languages),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
