/*
 * test_analyzer.c - tokenizer + stop words + stemmer as one stream: stems,
 * per-language elision and stop words, offsets kept, unknown languages.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "revtag/analyzer.h"
#include "testutil.h"

typedef struct acase {
    const char *lang;
    int stem, stop;
    const char *in, *want;
} acase;

static const acase CASES[] = {
    { "en", 1, 0, "The children's services were commissioned", "the children servic were commiss" },
    { "en", 1, 1, "The children's services were commissioned", "children servic commiss" },
    { "en", 0, 1, "The outcomes of the bond", "outcomes bond" },
    { "en", 1, 0, "payment-by-results", "payment by result" },
    { "fr", 1, 1, "L'\xC3\xA9valuation des contrats \xC3\xA0 impact social",
      "\xC3\xA9valu contrat impact social" },
    { "fr", 0, 0, "l'\xC3\x89tat", "\xC3\xA9tat" },
    { "es", 1, 1, "Los bonos de impacto social en Colombia", "bon impact social colombi" },
    { "de", 1, 1, "Die Ergebnisse der Stra\xC3\x9F" "enarbeit", "ergebnis strassenarbeit" },
    { "nl", 1, 1, "De resultaten van het programma", "resultat programma" },
    { "pt", 1, 1, "Os resultados do programa em Lisboa", "result program lisbo" },
    { "en-GB", 1, 0, "Outcomes", "outcom" },
};

static void test_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
        rt_analyzer_opts o = rt_analyzer_defaults();
        o.stem = CASES[i].stem;
        o.stopwords = CASES[i].stop;
        rt_analyzer *a;
        assert_int_equal(rt_analyzer_new(&o, &a, NULL), RT_OK);
        tu_tokens got = { 0 };
        rt_err err = { 0, "" };
        int rc = rt_analyzer_run(a, CASES[i].lang, CASES[i].in, strlen(CASES[i].in), tu_collect,
                                 &got, &err);
        assert_int_equal(rc, RT_OK);
        if (strcmp(got.text, CASES[i].want) != 0)
            fail_msg("case %zu [%s] '%s': got '%s', want '%s'", i, CASES[i].lang, CASES[i].in,
                     got.text, CASES[i].want);
        rt_analyzer_free(a);
    }
}

static void test_offsets_point_at_surface(void **state)
{
    (void)state;
    const char *s = "Commissioners commissioned";
    rt_analyzer_opts o = rt_analyzer_defaults();
    rt_analyzer *a;
    assert_int_equal(rt_analyzer_new(&o, &a, NULL), RT_OK);
    tu_tokens got = { 0 };
    assert_int_equal(rt_analyzer_run(a, "en", s, strlen(s), tu_collect, &got, NULL), RT_OK);
    assert_string_equal(got.text, "commission commiss");
    assert_memory_equal(s + got.starts[0], "Commissioners", got.ends[0] - got.starts[0]);
    assert_memory_equal(s + got.starts[1], "commissioned", got.ends[1] - got.starts[1]);
    rt_analyzer_free(a);
}

static void test_unknown_language(void **state)
{
    (void)state;
    rt_analyzer_opts o = rt_analyzer_defaults();
    rt_analyzer *a;
    rt_err err = { 0, "" };
    assert_int_equal(rt_analyzer_new(&o, &a, NULL), RT_OK);
    tu_tokens got = { 0 };
    assert_int_equal(rt_analyzer_run(a, "klingon", "text", 4, tu_collect, &got, &err), RT_EINVAL);
    assert_non_null(strstr(err.msg, "klingon"));
    assert_int_equal(got.n, 0);
    rt_analyzer_free(a);
}

typedef struct oom_ctx {
    rt_analyzer *a;
    tu_tokens got;
} oom_ctx;

static int oom_step(void *vctx)
{
    oom_ctx *c = vctx;
    const char *s = "R\xC3\xA9sultats des contrats";
    rt_analyzer_opts o = rt_analyzer_defaults();
    memset(&c->got, 0, sizeof c->got);
    int rc = rt_analyzer_new(&o, &c->a, NULL);
    return rc != RT_OK ? rc : rt_analyzer_run(c->a, "fr", s, strlen(s), tu_collect, &c->got, NULL);
}

static void oom_cleanup(void *vctx)
{
    oom_ctx *c = vctx;
    rt_analyzer_free(c->a);
    c->a = NULL;
}

static void test_out_of_memory(void **state)
{
    (void)state;
    oom_ctx c;
    memset(&c, 0, sizeof c);
    assert_int_equal(tu_each_alloc_failure(oom_step, oom_cleanup, &c, 40), RT_OK);
    assert_string_equal(c.got.text, "r\xC3\xA9sultat de contrat");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table),
        cmocka_unit_test(test_offsets_point_at_surface),
        cmocka_unit_test(test_unknown_language),
        cmocka_unit_test(test_out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
