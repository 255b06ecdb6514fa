/*
 * test_stopwords.c - every list is sorted (binary search depends on it),
 * membership per language, and languages without a list.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "revtag/stopwords.h"

static void test_sorted_and_findable(void **state)
{
    (void)state;
    static const char *const LANGS[] = { "en", "fr", "es", "pt", "de", "nl", "it" };
    for (size_t l = 0; l < sizeof LANGS / sizeof LANGS[0]; l++) {
        size_t n = rt_stopwords_count(LANGS[l]);
        assert_true(n >= 50);
        for (size_t i = 0; i < n; i++) {
            const char *w = rt_stopwords_get(LANGS[l], i);
            assert_non_null(w);
            if (i)
                assert_true(strcmp(rt_stopwords_get(LANGS[l], i - 1), w) < 0);
            assert_true(rt_stopwords_has(LANGS[l], w, strlen(w)));
        }
        assert_null(rt_stopwords_get(LANGS[l], n));
    }
}

static void test_membership(void **state)
{
    (void)state;
    static const struct { const char *lang, *w; int want; } T[] = {
        { "en", "the", 1 }, { "en", "bond", 0 }, { "en", "them", 1 }, { "en", "th", 0 },
        { "fr", "les", 1 }, { "fr", "\xC3\xA0", 1 }, { "fr", "contrat", 0 },
        { "de", "\xC3\xBC" "ber", 1 }, { "es", "los", 1 }, { "pt", "n\xC3\xB3s", 1 },
        { "nl", "het", 1 }, { "it", "della", 1 }, { "fi", "ja", 0 }, { "xx", "the", 0 },
    };
    for (size_t i = 0; i < sizeof T / sizeof T[0]; i++)
        if (rt_stopwords_has(T[i].lang, T[i].w, strlen(T[i].w)) != T[i].want)
            fail_msg("%s '%s' expected %d", T[i].lang, T[i].w, T[i].want);
    assert_int_equal(rt_stopwords_count("fi"), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sorted_and_findable),
        cmocka_unit_test(test_membership),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
