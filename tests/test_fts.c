/*
 * test_fts.c - the revtag FTS5 tokenizer: the index holds exactly the
 * analyzer's terms (what `revtag tokens` prints), per record language;
 * queries are stemmed the same way; prefix queries; the index survives
 * FTS5's own integrity check and rebuild.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "revtag/analyzer.h"
#include "revtag/fts.h"
#include "revtag/store.h"
#include "rtint.h"
#include "testutil.h"

/* ---------------------------------------------------------------- a bare FTS5 table */

static sqlite3 *fts_db(void)
{
    sqlite3 *db;
    rt_fts *f;
    assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
    assert_int_equal(rt_fts_register(db, &f, NULL), RT_OK);
    assert_int_equal(sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(x, tokenize='revtag')",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    return db;
}

static int matches(sqlite3 *db, const char *doc, const char *query)
{
    sqlite3_stmt *st;
    sqlite3_exec(db, "DELETE FROM t", NULL, NULL, NULL);
    assert_int_equal(sqlite3_prepare_v2(db, "INSERT INTO t VALUES(?1)", -1, &st, NULL), SQLITE_OK);
    sqlite3_bind_text(st, 1, doc, -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_DONE);
    sqlite3_finalize(st);
    assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM t WHERE t MATCH ?1", -1, &st,
                                        NULL),
                     SQLITE_OK);
    sqlite3_bind_text(st, 1, query, -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_ROW)
        fail_msg("query '%s': %s", query, sqlite3_errmsg(db));
    int n = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return n;
}

typedef struct mcase {
    const char *doc, *query, *lang;
    int want;
} mcase;

static const mcase MATCH[] = {
    { "The children's services were commissioned", "commissioning", "en", 1 },
    { "The children's services were commissioned", "service", "en", 1 },
    { "The children's services were commissioned", "\"children's service\"", "en", 1 },
    { "Payment-by-Results contracts", "\"payment by results\"", "en", 1 },
    { "Payment-by-Results contracts", "payments AND contract", "en", 1 },
    { "Payment-by-Results contracts", "payments NOT contract", "en", 0 },
    { "Commissioners met", "commission*", "en", 1 },      /* stem commission */
    { "The service was commissioned", "commission*", "en", 1 }, /* stem commiss */
    { "The service was commissioned", "commissar*", "en", 0 },
    { "Contracts were signed", "cons*", "en", 0 },           /* "cons" stems to "con" */
    { "Consultants were hired", "cons*", "en", 1 },
    { "Children's services were commissioned", "\"children servic*\"", "en", 1 },
    { "Housing associations", "housing*", "en", 1 },        /* stem "hous" */
    { "The evaluation was late", "evaluat*", "en", 1 },     /* stem "evalu" */
    { "They were educated", "educat*", "en", 1 },           /* stem "educ" */
    { "Evaluators", "evaluation*", "en", 1 },               /* "evalu" < "evaluation" */
    { "Eval", "evaluat*", "en", 0 },
    { "1,250 participants in 2019", "\"1,250\" AND 2019", "en", 1 },
    { "\x1f" "fr" "\x1f" "Les \xC3\xA9valuations des contrats", "\xC3\xA9valuation", "fr", 1 },
    { "\x1f" "fr" "\x1f" "Les \xC3\xA9valuations des contrats", "evaluation", "en", 0 },
    { "\x1f" "fr" "\x1f" "l'\xC3\x89tat", "\xC3\xA9tat", "fr", 1 },   /* elision in fr */
    { "RESULTS", "result", "en", 1 },
};

static void test_matching(void **state)
{
    (void)state;
    sqlite3 *db;
    rt_fts *f;
    assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
    assert_int_equal(rt_fts_register(db, &f, NULL), RT_OK);
    assert_int_equal(sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(x, tokenize='revtag')",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    for (size_t i = 0; i < sizeof MATCH / sizeof MATCH[0]; i++) {
        assert_int_equal(rt_fts_set_query_lang(f, MATCH[i].lang, NULL), RT_OK);
        int got = matches(db, MATCH[i].doc, MATCH[i].query);
        if (got != MATCH[i].want)
            fail_msg("case %zu: '%s' MATCH '%s' [%s]: got %d, want %d", i, MATCH[i].doc,
                     MATCH[i].query, MATCH[i].lang, got, MATCH[i].want);
    }
    rt_err err = { 0, "" };
    assert_int_equal(rt_fts_set_query_lang(f, "xx", &err), RT_EINVAL);
    sqlite3_close(db);     /* frees f */
}

static void test_bad_arguments(void **state)
{
    (void)state;
    sqlite3 *db = fts_db();
    assert_int_not_equal(sqlite3_exec(db, "CREATE VIRTUAL TABLE u USING fts5(x, tokenize='revtag x')",
                                      NULL, NULL, NULL),
                         SQLITE_OK);
    sqlite3_close(db);
}

typedef struct pcase {
    const char *s;
    size_t want;
    const char *lang;
} pcase;

static void test_lang_prefix(void **state)
{
    (void)state;
    static const pcase P[] = {
        { "\x1f" "fr" "\x1f" "texte", 4, "fr" }, { "\x1f" "pt" "\x1f", 4, "pt" },
        { "plain", 0, NULL },                    { "\x1f\x1f" "x", 0, NULL },
        { "\x1f" "toolongtag" "\x1f", 0, NULL }, { "\x1f" "fr", 0, NULL },
    };
    for (size_t i = 0; i < sizeof P / sizeof P[0]; i++) {
        char lang[8] = "";
        assert_int_equal(rt_fts_lang_prefix(P[i].s, strlen(P[i].s), lang), P[i].want);
        if (P[i].lang)
            assert_string_equal(lang, P[i].lang);
    }
}

/* ---------------------------------------------------------------- the store's index */

/* The terms FTS5 holds for column COL of row RID, in order, space-joined. */
static void index_terms(sqlite3 *db, int64_t rid, int col, char *out, size_t cap)
{
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "SELECT term FROM temp.v WHERE doc = ?1 AND col = ?2"
                                        " ORDER BY offset",
                                        -1, &st, NULL),
                     SQLITE_OK);
    sqlite3_bind_int64(st, 1, rid);
    sqlite3_bind_text(st, 2, col == 0 ? "title" : "abstract", -1, SQLITE_STATIC);
    size_t len = 0;
    out[0] = '\0';
    while (sqlite3_step(st) == SQLITE_ROW)
        len += (size_t)snprintf(out + len, cap - len, "%s%s", len ? " " : "",
                                (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
}

static void analyzer_terms(const char *lang, const char *s, tu_tokens *out)
{
    rt_analyzer_opts o = rt_analyzer_defaults();
    rt_analyzer *a;
    memset(out, 0, sizeof *out);
    assert_int_equal(rt_analyzer_new(&o, &a, NULL), RT_OK);
    assert_int_equal(rt_analyzer_run(a, lang, s, strlen(s), tu_collect, out, NULL), RT_OK);
    rt_analyzer_free(a);
}

static void put(rt_store *s, const char *id, const char *lang, const char *title,
                const char *abstract)
{
    rt_record r;
    rt_record_init(&r);
    r.id = strdup(id);
    r.lang = lang ? strdup(lang) : NULL;
    r.title = strdup(title);
    r.abstract = strdup(abstract);
    assert_int_equal(rt_store_put(s, &r, NULL, 0, NULL), RT_OK);
    rt_record_clear(&r);
}

static void test_index_equals_analyzer(void **state)
{
    (void)state;
    char dir[] = "/tmp/rt_ftsXXXXXX", path[64];
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/t.db", dir);
    char *prose = tu_read_file(RT_TEST_DATA "/prose_en.txt", NULL);
    assert_non_null(prose);
    const char *fr = "Les \xC3\xA9valuations des contrats \xC3\xA0 impact social de l'\xC3\x89tat";
    rt_store *s;
    assert_int_equal(rt_store_open(path, RT_STORE_WRITE, &s, NULL), RT_OK);
    put(s, "en", NULL, "Payment-by-Results: 1,250 children's services", prose);
    put(s, "fr", "fr", "Contrats \xC3\xA0 impact social", fr);
    sqlite3 *db = rt_store_db(s);
    assert_int_equal(sqlite3_exec(db, "CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, fts,"
                                      " instance)", NULL, NULL, NULL),
                     SQLITE_OK);
    static char got[16384];
    tu_tokens want;
    const struct { int64_t rid; int col; const char *lang, *text; } C[] = {
        { 1, 0, "en", "Payment-by-Results: 1,250 children's services" }, { 1, 1, "en", prose },
        { 2, 0, "fr", "Contrats \xC3\xA0 impact social" },               { 2, 1, "fr", fr },
    };
    for (size_t i = 0; i < sizeof C / sizeof C[0]; i++) {
        index_terms(db, C[i].rid, C[i].col, got, sizeof got);
        analyzer_terms(C[i].lang, C[i].text, &want);
        assert_true(want.n > 3);
        if (strcmp(got, want.text) != 0)
            fail_msg("row %lld col %d:\n index    %s\n analyzer %s", (long long)C[i].rid,
                     C[i].col, got, want.text);
    }
    /* FTS5 re-tokenizes everything for these; the language tags make them agree. */
    assert_int_equal(sqlite3_exec(db, "INSERT INTO fts(fts) VALUES('integrity-check')", NULL,
                                  NULL, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "INSERT INTO fts(fts) VALUES('rebuild');"
                                      "INSERT INTO fts(fts) VALUES('integrity-check')",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    rt_store_free(s);
    free(prose);
    unlink(path);
    rmdir(dir);
}

/* rt_bm25 is FTS5's bm25 with row lengths from the store's cache: same scores. */
static void compare_ranks(sqlite3 *db, const char *query, int *rows)
{
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "SELECT rowid, bm25(fts, 3.0, 2.0, 1.0),"
                                        " rt_bm25(fts, 3.0, 2.0, 1.0) FROM fts WHERE fts MATCH ?1",
                                        -1, &st, NULL),
                     SQLITE_OK);
    sqlite3_bind_text(st, 1, query, -1, SQLITE_STATIC);
    while (sqlite3_step(st) == SQLITE_ROW) {
        double a = sqlite3_column_double(st, 1), b = sqlite3_column_double(st, 2);
        if (fabs(a - b) > 1e-9 * fabs(a) || a >= 0)
            fail_msg("'%s' row %lld: bm25 %.17g, rt_bm25 %.17g", query,
                     (long long)sqlite3_column_int64(st, 0), a, b);
        (*rows)++;
    }
    sqlite3_finalize(st);
}

static void test_rank_equals_bm25(void **state)
{
    (void)state;
    char dir[] = "/tmp/rt_rankXXXXXX", path[64];
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/t.db", dir);
    char *prose = tu_read_file(RT_TEST_DATA "/prose_en.txt", NULL);
    assert_non_null(prose);
    rt_store *s;
    assert_int_equal(rt_store_open(path, RT_STORE_WRITE, &s, NULL), RT_OK);
    assert_int_equal(rt_store_begin(s, NULL), RT_OK);
    for (int i = 0; i < 40; i++) {      /* rows of many lengths: a prefix of the prose */
        char id[16], *part = strndup(prose, strlen(prose) * (size_t)(i + 1) / 40);
        snprintf(id, sizeof id, "p%d", i);
        put(s, id, NULL, i % 3 ? "Outcomes contracts" : "Social impact bonds", part);
        free(part);
    }
    assert_int_equal(rt_store_commit(s, NULL), RT_OK);
    sqlite3_stmt *st;                   /* the lengths the cache loads: (rid, tokens) x 40 */
    assert_int_equal(sqlite3_prepare_v2(rt_store_db(s), "SELECT length(value) FROM meta"
                                        " WHERE key = 'doclens'", -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 40 * 8);
    sqlite3_finalize(st);
    const char *Q[] = { "the", "outcomes", "bond OR contract", "\"social impact\"", "pay*" };
    for (int pass = 0; pass < 2; pass++) {   /* 0: lengths from FTS5; 1: from the cache */
        int rows = 0;
        if (pass == 1) {
            const rt_facets *f;
            assert_int_equal(rt_store_get_facets(s, &f, NULL), RT_OK);
        }
        for (size_t i = 0; i < sizeof Q / sizeof Q[0]; i++)
            compare_ranks(rt_store_db(s), Q[i], &rows);
        assert_true(rows > 60);
    }
    rt_store_free(s);
    free(prose);
    tu_remove_db(path, dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_matching),
        cmocka_unit_test(test_bad_arguments),
        cmocka_unit_test(test_lang_prefix),
        cmocka_unit_test(test_index_equals_analyzer),
        cmocka_unit_test(test_rank_equals_bm25),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
