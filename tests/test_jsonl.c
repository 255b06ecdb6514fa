/*
 * test_jsonl.c - the JSON Lines reader and rt_record_write_json: fields and
 * labels, unknown members kept verbatim, BOM/CRLF/blank lines, FILE:LINE:COL
 * errors, skip_bad, byte-identical round trip, appended members, batches
 * parsed in parallel giving what one line at a time gives, and every
 * allocation failure giving RT_ENOMEM without leaks.
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

/* Read every record of PATH; returns the status that ended the loop. */
static int read_all(const char *path, const rt_reader_opts *o, rt_record *recs, size_t max,
                    size_t *n, rt_err *err)
{
    rt_reader *r;
    *n = 0;
    int rc = rt_reader_open(path, o, &r, err);
    if (rc != RT_OK)
        return rc;
    rt_record rec;
    rt_record_init(&rec);
    while ((rc = rt_reader_next(r, &rec, err)) == RT_OK) {
        if (*n < max) {
            recs[(*n)++] = rec;
            rt_record_init(&rec);
        }
    }
    rt_record_clear(&rec);
    rt_reader_free(r);
    return rc;
}

static void clear_all(rt_record *recs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        rt_record_clear(&recs[i]);
}

static void test_valid(void **state)
{
    (void)state;
    rt_record recs[8];
    size_t n;
    rt_err err = { 0, "" };
    assert_int_equal(read_all(DATA "valid.jsonl", NULL, recs, 8, &n, &err), RT_DONE);
    assert_int_equal(n, 3);
    /* line 1: BOM, CRLF, spacing, numeric-string year, unknown member compacted */
    assert_string_equal(recs[0].id, "w2w");
    assert_string_equal(recs[0].title, "Ways to Wellness");
    assert_int_equal(recs[0].year, 2015);
    assert_string_equal(recs[0].extra, "{\"extra_note\":[1,2]}");
    assert_int_equal(recs[0].line, 1);
    assert_string_equal(recs[0].source, DATA "valid.jsonl");
    /* line 4 after two blank lines: integer id, nulls, duplicate label dropped */
    assert_string_equal(recs[1].id, "42");
    assert_int_equal(recs[1].line, 4);
    assert_null(recs[1].lang);
    assert_null(recs[1].extra);
    const rt_facet_labels *f = rt_record_get_facet(&recs[1], "approach");
    assert_non_null(f);
    assert_int_equal(f->nlabels, 1);
    assert_string_equal(rt_record_get_facet(&recs[1], "country")->labels[0], "IN");
    /* last line without a newline */
    assert_string_equal(recs[2].text, "Só texto, em português.");
    assert_string_equal(recs[2].lang, "pt");
    clear_all(recs, n);
}

static const struct bad_case {
    const char *file;
    const char *msg;     /* expected error message after the path */
} BAD[] = {
    { "bad_syntax.jsonl", ":2:33: '}' expected near end of file" },
    { "bad_not_object.jsonl", ":1:1: a record must be a JSON object" },
    { "bad_labels_string.jsonl", ":1:32: \"labels\": facet \"country\" must be a list" },
    { "bad_labels_array.jsonl", ":1:32: \"labels\" must be an object of label lists" },
    { "bad_labels_number.jsonl", ":1:32: \"labels\": facet \"country\" has a label that is not" },
    { "bad_year_text.jsonl", ":1:30: \"year\" must be a year" },
    { "bad_year_real.jsonl", ":1:30: \"year\" must be a year" },
    { "bad_no_id.jsonl", ":1: record has no id" },
    { "bad_empty_id.jsonl", ":1:7: \"id\" is empty" },
    { "bad_no_text.jsonl", ":1: record 'a' has no title, abstract or text" },
    { "bad_title_number.jsonl", ":1:19: \"title\" must be a string" },
    { "bad_dup_key.jsonl", ":1:26: duplicate object key" },
    { "bad_bom_late.jsonl", ":2:1: '[' or '{' expected" },
    { "bad_utf8.jsonl", ":1:22: unable to decode byte 0xe9" },
    { "bad_ris_as_jsonl.txt", "(this looks like RIS: use --format ris)" },
};

static void test_malformed(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof BAD / sizeof BAD[0]; i++) {
        rt_record recs[4];
        size_t n;
        rt_err err = { 0, "" };
        char path[512];
        snprintf(path, sizeof path, DATA "%s", BAD[i].file);
        int rc = read_all(path, NULL, recs, 4, &n, &err);
        clear_all(recs, n);
        if (rc != RT_EFORMAT || strncmp(err.msg, path, strlen(path)) != 0
            || !strstr(err.msg, BAD[i].msg))
            fail_msg("%s: rc %d, message '%s', want '%s'", BAD[i].file, rc, err.msg, BAD[i].msg);
    }
}

/* After RT_EFORMAT the next call continues; skip_bad counts and remembers the first. */
static void test_continue_and_skip(void **state)
{
    (void)state;
    rt_reader *r;
    rt_err err = { 0, "" };
    rt_record rec;
    rt_record_init(&rec);
    assert_int_equal(rt_reader_open(DATA "bad_syntax.jsonl", NULL, &r, &err), RT_OK);
    assert_int_equal(rt_reader_next(r, &rec, &err), RT_OK);
    assert_int_equal(rt_reader_next(r, &rec, &err), RT_EFORMAT);
    assert_int_equal(rt_reader_next(r, &rec, &err), RT_OK);
    assert_string_equal(rec.id, "c");
    assert_int_equal(rt_reader_next(r, &rec, &err), RT_DONE);
    assert_int_equal(rt_reader_skipped(r), 0);
    rt_reader_free(r);

    rt_reader_opts o = { .skip_bad = 1 };
    rt_record recs[4];
    size_t n;
    assert_int_equal(rt_reader_open(DATA "bad_syntax.jsonl", &o, &r, &err), RT_OK);
    while (rt_reader_next(r, &rec, &err) == RT_OK)
        ;
    assert_int_equal(rt_reader_skipped(r), 1);
    assert_non_null(strstr(rt_reader_skip_msg(r), "bad_syntax.jsonl:2:33:"));
    rt_reader_free(r);
    rt_record_clear(&rec);
    assert_int_equal(read_all(DATA "bad_syntax.jsonl", &o, recs, 4, &n, &err), RT_DONE);
    assert_int_equal(n, 2);
    clear_all(recs, n);
}

/* normalised.jsonl is what the writer produces: reading and writing it back is the identity. */
static void test_round_trip(void **state)
{
    (void)state;
    size_t flen;
    char *file = tu_read_file(DATA "normalised.jsonl", &flen);
    assert_non_null(file);
    rt_record recs[8];
    size_t n;
    rt_err err = { 0, "" };
    assert_int_equal(read_all(DATA "normalised.jsonl", NULL, recs, 8, &n, &err), RT_DONE);
    assert_int_equal(n, 4);
    rt_buf out = { 0 };
    int rc = RT_OK;
    for (size_t i = 0; i < n; i++) {
        char *json;
        size_t len;
        assert_int_equal(rt_record_write_json(&recs[i], NULL, &json, &len, &err), RT_OK);
        rt_buf_append(&rc, &out, json, len);
        rt_buf_append(&rc, &out, "\n", 1);
        free(json);
    }
    assert_int_equal(rc, RT_OK);
    assert_int_equal(out.len, flen);
    assert_memory_equal(out.data, file, flen);
    /* facet coded with no labels survives */
    const rt_facet_labels *f = rt_record_get_facet(&recs[1], "theme");
    assert_non_null(f);
    assert_int_equal(f->nlabels, 0);
    rt_buf_free(&out);
    free(file);
    clear_all(recs, n);
}

static const struct append_case {
    const char *extra;
    const char *append;
    int rc;
    const char *want;
} APPEND[] = {
    { NULL, "{\"predicted\": {\"topic\": [{\"label\": \"a\", \"score\": 0.5}]}}", RT_OK,
      "{\"id\":\"x\",\"title\":\"T\",\"predicted\":{\"topic\":[{\"label\":\"a\",\"score\":0.5}]}}" },
    { "{\"predicted\":{\"old\":1},\"keep\":\"yes\"}", "{\"predicted\":{\"new\":2}}", RT_OK,
      "{\"id\":\"x\",\"title\":\"T\",\"keep\":\"yes\",\"predicted\":{\"new\":2}}" },
    { "{\"k\":[1, 2]}", "{ }", RT_OK, "{\"id\":\"x\",\"title\":\"T\",\"k\":[1,2]}" },
    { "{\"id\":\"dup\",\"k\":1}", NULL, RT_OK, "{\"id\":\"x\",\"title\":\"T\",\"k\":1}" },
    { NULL, "[1,2]", RT_EINVAL, NULL },
    { NULL, "{\"predicted\":", RT_EINVAL, NULL },
    { NULL, "{\"id\":\"other\"}", RT_EINVAL, NULL },
};

static void test_append(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof APPEND / sizeof APPEND[0]; i++) {
        rt_record rec;
        rt_record_init(&rec);
        rec.id = rt_strdup("x");
        rec.title = rt_strdup("T");
        rec.extra = rt_strdup(APPEND[i].extra);
        char *json = NULL;
        size_t len = 0;
        rt_err err = { 0, "" };
        int rc = rt_record_write_json(&rec, APPEND[i].append, &json, &len, &err);
        if (rc != APPEND[i].rc || (APPEND[i].want && strcmp(json, APPEND[i].want) != 0))
            fail_msg("case %zu: rc %d, got %s", i, rc, json ? json : "(null)");
        if (rc != RT_OK)
            assert_true(err.msg[0] != '\0');
        free(json);
        rt_record_clear(&rec);
    }
}

/* Escaping of control characters, quotes and backslashes, and no escaping of UTF-8 or '/'. */
static void test_escape(void **state)
{
    (void)state;
    rt_record rec;
    rt_record_init(&rec);
    rec.id = rt_strdup("a/b");
    rec.text = rt_strdup("q\"b\\n\n\t\x01\x1f é");
    rec.year = 1999;
    char *json;
    size_t len;
    assert_int_equal(rt_record_write_json(&rec, NULL, &json, &len, NULL), RT_OK);
    assert_string_equal(json, "{\"id\":\"a/b\",\"text\":\"q\\\"b\\\\n\\n\\t\\u0001\\u001f é\",\"year\":1999}");
    assert_int_equal(len, strlen(json));
    free(json);
    rt_record_clear(&rec);
}

/* A file of N lines spanning several batches: blank lines, a syntax error, a record without text. */
static void write_many(char *path, size_t n)
{
    strcpy(path, "/tmp/rt_test_jsonlXXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *fp = fdopen(fd, "w");
    assert_non_null(fp);
    for (size_t i = 1; i <= n; i++) {
        if (i % 97 == 0)
            fputs("  \n", fp);
        else if (i == 1500)
            fputs("{\"id\": \"bad\", \"title\": }\n", fp);
        else if (i == 2100)
            fprintf(fp, "{\"id\": \"r%zu\"}\n", i);
        else
            fprintf(fp, "{\"id\": \"r%zu\", \"title\": \"t %zu\", \"x\": %zu}\n", i, i, i);
    }
    assert_int_equal(fclose(fp), 0);
}

/* Each call's status, record id and line, or error message, on one line per call. */
static char *trace(const char *path, int threads, int skip_bad, size_t *skipped)
{
    rt_reader_opts o = { .threads = threads, .skip_bad = skip_bad };
    rt_reader *r;
    rt_err err = { 0, "" };
    rt_record rec;
    rt_record_init(&rec);
    int rc = rt_reader_open(path, &o, &r, &err), brc = RT_OK;
    assert_int_equal(rc, RT_OK);
    rt_buf b = { 0 };
    do {
        rc = rt_reader_next(r, &rec, &err);
        if (rc == RT_OK)
            rt_buf_printf(&brc, &b, "ok %s %ld %s\n", rec.id, rec.line, rec.extra);
        else
            rt_buf_printf(&brc, &b, "rc %d %s\n", rc, rc == RT_DONE ? "" : err.msg);
    } while (rc == RT_OK || rc == RT_EFORMAT);
    *skipped = rt_reader_skipped(r);
    rt_record_clear(&rec);
    rt_reader_free(r);
    assert_int_equal(brc, RT_OK);
    return b.data;
}

static void test_batches(void **state)
{
    (void)state;
    char path[64];
    write_many(path, 2600);
    for (int skip = 0; skip <= 1; skip++) {
        size_t s1, s2;
        char *one = trace(path, 1, skip, &s1), *two = trace(path, 2, skip, &s2);
        assert_string_equal(one, two);
        assert_int_equal(s1, s2);
        assert_int_equal(s1, skip ? 2 : 0);
        assert_non_null(strstr(one, skip ? "ok r2600 2600 {\"x\":2600}" : ":1500:"));
        assert_non_null(strstr(one, skip ? "ok r2101 2101" : ":2100: record 'r2100' has no"));
        free(one);
        free(two);
    }
    unlink(path);
}

/*
 * Every failure of revtag's own allocations while reading and writing gives
 * RT_ENOMEM, never a crash or leak. jansson keeps libc malloc here: it reports
 * some of its own allocation failures as syntax errors, which no caller can
 * tell apart. THREADS 2 reads in a batch (the file's few lines fall in one
 * thread's share, so the allocation count stays deterministic).
 */
static void out_of_memory(int threads)
{
    rt_reader_opts o = { .threads = threads };
    for (size_t k = 1; k < 5000; k++) {
        rt_reader *r = NULL;
        rt_err err = { 0, "" };
        rt_record rec;
        rt_record_init(&rec);
        failalloc_arm(k);
        int rc = rt_reader_open(DATA "normalised.jsonl", &o, &r, &err);
        while (rc == RT_OK) {
            rc = rt_reader_next(r, &rec, &err);
            char *json = NULL;
            size_t len;
            if (rc == RT_OK)
                rc = rt_record_write_json(&rec, "{\"p\":1}", &json, &len, &err);
            free(json);
        }
        int fired = failalloc_fired();
        failalloc_arm(0);
        rt_record_clear(&rec);
        rt_reader_free(r);
        if (!fired) {
            assert_int_equal(rc, RT_DONE);
            return;
        }
        if (rc != RT_ENOMEM)
            fail_msg("threads %d, allocation %zu: rc %d (%s)", threads, k, rc, err.msg);
    }
    fail_msg("allocation count did not converge");
}

static void test_out_of_memory(void **state)
{
    (void)state;
    out_of_memory(1);
    out_of_memory(2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid),
        cmocka_unit_test(test_malformed),
        cmocka_unit_test(test_continue_and_skip),
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_append),
        cmocka_unit_test(test_escape),
        cmocka_unit_test(test_batches),
        cmocka_unit_test(test_out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
