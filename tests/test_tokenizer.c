/*
 * test_tokenizer.c - table-driven checks of splitting, normalisation,
 * offsets, numbers/URLs/e-mails, elision and hostile input.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "revtag/tokenizer.h"
#include "testutil.h"

typedef struct tcase {
    const char *in;
    unsigned flags;
    const char *want;     /* tokens joined by spaces */
} tcase;

static const tcase CASES[] = {
    { "Social Impact Bonds", 0, "social impact bonds" },
    { "payment-by-results contracts", 0, "payment by results contracts" },
    { "the children's services", 0, "the children's services" },
    { "the children\xE2\x80\x99s services", 0, "the children's services" },      /* U+2019 */
    { "parents' views", 0, "parents views" },
    { "l'\xC3\x89tat et l'\xC3\xA9valuation", RT_TOK_ELISION, "\xC3\xA9tat et \xC3\xA9valuation" },
    { "l\xE2\x80\x99\xC3\x89tat", RT_TOK_ELISION, "\xC3\xA9tat" },
    { "aujourd'hui", RT_TOK_ELISION, "aujourd'hui" },
    { "l'\xC3\x89tat", 0, "l'\xC3\xA9tat" },
    { "STRASSE Stra\xC3\x9F" "e", 0, "strasse strasse" },                       /* case fold ß */
    { "\xEF\xAC\x81nance", 0, "finance" },                                      /* ﬁ ligature, NFKC */
    { "cafe\xCC\x81 caf\xC3\xA9", 0, "caf\xC3\xA9 caf\xC3\xA9" },               /* NFC compose */
    { "\xEF\xBC\xA8\xEF\xBD\x85\xEF\xBD\x81\xEF\xBD\x8C\xEF\xBD\x94\xEF\xBD\x88", 0, "health" }, /* fullwidth */
    { "In 2019, 1,250 people (3.5%)", RT_TOK_NUMBERS, "in 2019 1,250 people 3.5" },
    { "In 2019, 1,250 people (3.5%)", 0, "in people" },
    { "covid-19 and G20", RT_TOK_NUMBERS, "covid 19 and g20" },
    { "see https://example.org/a?b=1. Then", RT_TOK_URLS, "see https://example.org/a?b=1 then" },
    { "see https://example.org/a?b=1. Then", 0, "see then" },
    { "www.golab.example (site)", RT_TOK_URLS, "www.golab.example site" },
    { "mail Jane.Doe@Example.org now", RT_TOK_EMAILS, "mail jane.doe@example.org now" },
    { "mail Jane.Doe@Example.org now", 0, "mail now" },
    { "a@b is not mail", 0, "a b is not mail" },
    { "\xCE\x9A\xCE\xB1\xCE\xBB\xCE\xB7\xCE\xBC\xCE\xAD\xCF\x81\xCE\xB1", 0, "\xCE\xBA\xCE\xB1\xCE\xBB\xCE\xB7\xCE\xBC\xCE\xAD\xCF\x81\xCE\xB1" },
    { "\xE0\xA4\xB9\xE0\xA4\xBF\xE0\xA4\x82\xE0\xA4\xA6\xE0\xA5\x80 text", 0,
      "\xE0\xA4\xB9\xE0\xA4\xBF\xE0\xA4\x82\xE0\xA4\xA6\xE0\xA5\x80 text" },    /* marks inside word */
    { "", 0, "" },
    { " \t\n.,;!?", 0, "" },
    /* currency signs (Unicode Sc) are separators unless RT_TOK_SYMBOLS asks for them */
    { "\xC2\xA3" "5m and US$3 million", 0, "5m and us million" },
    { "\xC2\xA3" "5m and US$3 million", RT_TOK_SYMBOLS, "\xC2\xA3 5m and us $ million" },
    { "\xC2\xA3" "5m and US$3 million", RT_TOK_SYMBOLS | RT_TOK_NUMBERS,
      "\xC2\xA3 5m and us $ 3 million" },
    { "\xE2\x82\xAC\xC2\xA5\xE2\x82\xB9 kr", RT_TOK_SYMBOLS,                       /* € ¥ ₹ adjacent */
      "\xE2\x82\xAC \xC2\xA5 \xE2\x82\xB9 kr" },
    { "\xEF\xBC\x84" "10", RT_TOK_SYMBOLS, "$" },                                       /* fullwidth $, NFKC */
    { "50% a+b=c #1 @x", RT_TOK_SYMBOLS, "a b c x" },                                  /* not Sc */
};

static void test_table(void **state)
{
    (void)state;
    rt_tokenizer *tk;
    assert_int_equal(rt_tokenizer_new(&tk, NULL), RT_OK);
    for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
        tu_tokens got = { 0 };
        int rc = rt_tokenizer_run(tk, CASES[i].flags, CASES[i].in, strlen(CASES[i].in),
                                  tu_collect, &got);
        assert_int_equal(rc, RT_OK);
        if (strcmp(got.text, CASES[i].want) != 0)
            fail_msg("case %zu '%s': got '%s', want '%s'", i, CASES[i].in, got.text, CASES[i].want);
    }
    rt_tokenizer_free(tk);
}

static void test_offsets(void **state)
{
    (void)state;
    const char *s = "Le r\xC3\xA9sultat, l'\xC3\x89tat.";
    rt_tokenizer *tk;
    assert_int_equal(rt_tokenizer_new(&tk, NULL), RT_OK);
    tu_tokens got = { 0 };
    assert_int_equal(rt_tokenizer_run(tk, RT_TOK_ELISION, s, strlen(s), tu_collect, &got), RT_OK);
    assert_int_equal(got.n, 3);
    assert_memory_equal(s + got.starts[0], "Le", 2);
    assert_int_equal(got.ends[1] - got.starts[1], strlen("r\xC3\xA9sultat"));
    assert_memory_equal(s + got.starts[1], "r\xC3\xA9sultat", got.ends[1] - got.starts[1]);
    assert_memory_equal(s + got.starts[2], "\xC3\x89tat", got.ends[2] - got.starts[2]);
    rt_tokenizer_free(tk);
}

static void test_kinds(void **state)
{
    (void)state;
    const char *s = "word 42 http://x.org a@b.org";
    rt_tokenizer *tk;
    assert_int_equal(rt_tokenizer_new(&tk, NULL), RT_OK);
    tu_tokens got = { 0 };
    unsigned all = RT_TOK_NUMBERS | RT_TOK_URLS | RT_TOK_EMAILS;
    assert_int_equal(rt_tokenizer_run(tk, all, s, strlen(s), tu_collect, &got), RT_OK);
    assert_int_equal(got.n, 4);
    assert_int_equal(got.kinds[0], RT_TOKEN_WORD);
    assert_int_equal(got.kinds[1], RT_TOKEN_NUMBER);
    assert_int_equal(got.kinds[2], RT_TOKEN_URL);
    assert_int_equal(got.kinds[3], RT_TOKEN_EMAIL);
    rt_tokenizer_free(tk);
}

static void test_symbols(void **state)
{
    (void)state;
    const char *s = "cost \xC2\xA3" "2m, R$ 4";   /* cost £2m, R$ 4 */
    rt_tokenizer *tk;
    assert_int_equal(rt_tokenizer_new(&tk, NULL), RT_OK);
    tu_tokens got = { 0 };
    assert_int_equal(rt_tokenizer_run(tk, RT_TOK_SYMBOLS, s, strlen(s), tu_collect, &got), RT_OK);
    assert_string_equal(got.text, "cost \xC2\xA3 2m r $");
    assert_int_equal(got.kinds[0], RT_TOKEN_WORD);
    assert_int_equal(got.kinds[1], RT_TOKEN_SYMBOL);
    assert_int_equal(got.starts[1], 5);
    assert_int_equal(got.ends[1], 7);            /* the two bytes of U+00A3 */
    assert_int_equal(got.kinds[2], RT_TOKEN_WORD);
    assert_int_equal(got.kinds[4], RT_TOKEN_SYMBOL);
    assert_memory_equal(s + got.starts[4], "$", 1);
    rt_tokenizer_stats st;
    rt_tokenizer_get_stats(tk, &st);
    assert_int_equal(st.tokens, 5);
    rt_tokenizer_free(tk);
}

static void test_invalid_utf8_and_nul(void **state)
{
    (void)state;
    /* overlong, lone continuation, truncated sequence, NUL, surrogate encoding */
    const char s[] = "ab\xC0\xAF" "cd\x80" "ef\0gh\xED\xA0\x80ij\xE2\x82";
    rt_tokenizer *tk;
    assert_int_equal(rt_tokenizer_new(&tk, NULL), RT_OK);
    tu_tokens got = { 0 };
    assert_int_equal(rt_tokenizer_run(tk, 0, s, sizeof s - 1, tu_collect, &got), RT_OK);
    assert_string_equal(got.text, "ab cd ef gh ij");
    rt_tokenizer_stats st;
    rt_tokenizer_get_stats(tk, &st);
    assert_true(st.invalid >= 5);
    assert_int_equal(st.tokens, 5);
    rt_tokenizer_free(tk);
}

static void test_long_input(void **state)
{
    (void)state;
    size_t n = 4u << 20;        /* a 4 MiB line: one giant word, then words */
    char *s = malloc(n + 32);
    assert_non_null(s);
    memset(s, 'x', n);
    memcpy(s + n, " tail words", 12);
    rt_tokenizer *tk;
    assert_int_equal(rt_tokenizer_new(&tk, NULL), RT_OK);
    tu_tokens got = { 0 };
    assert_int_equal(rt_tokenizer_run(tk, 0, s, n + 11, tu_collect, &got), RT_OK);
    assert_string_equal(got.text, "tail words");
    rt_tokenizer_stats st;
    rt_tokenizer_get_stats(tk, &st);
    assert_int_equal(st.too_long, 1);
    rt_tokenizer_free(tk);
    free(s);
}

static int stop_after_two(void *ctx, const rt_token *t)
{
    (void)t;
    return ++*(int *)ctx == 2 ? 42 : 0;
}

static void test_callback_stops(void **state)
{
    (void)state;
    rt_tokenizer *tk;
    int seen = 0;
    assert_int_equal(rt_tokenizer_new(&tk, NULL), RT_OK);
    assert_int_equal(rt_tokenizer_run(tk, 0, "one two three", 13, stop_after_two, &seen), 42);
    assert_int_equal(seen, 2);
    rt_tokenizer_free(tk);
}

typedef struct oom_ctx {
    rt_tokenizer *tk;
    tu_tokens got;
} oom_ctx;

static int oom_step(void *vctx)
{
    oom_ctx *c = vctx;
    const char *s = "caf\xC3\xA9 \xC3\xA9tat CAF\xC3\x89";
    memset(&c->got, 0, sizeof c->got);
    int rc = rt_tokenizer_new(&c->tk, NULL);
    return rc != RT_OK ? rc : rt_tokenizer_run(c->tk, 0, s, strlen(s), tu_collect, &c->got);
}

static void oom_cleanup(void *vctx)
{
    oom_ctx *c = vctx;
    rt_tokenizer_free(c->tk);
    c->tk = NULL;
}

static void test_out_of_memory(void **state)
{
    (void)state;
    oom_ctx c;
    memset(&c, 0, sizeof c);
    assert_int_equal(tu_each_alloc_failure(oom_step, oom_cleanup, &c, 20), RT_OK);
    assert_string_equal(c.got.text, "caf\xC3\xA9 \xC3\xA9tat caf\xC3\xA9");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table),
        cmocka_unit_test(test_offsets),
        cmocka_unit_test(test_kinds),
        cmocka_unit_test(test_symbols),
        cmocka_unit_test(test_invalid_utf8_and_nul),
        cmocka_unit_test(test_long_input),
        cmocka_unit_test(test_callback_stops),
        cmocka_unit_test(test_out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
