/*
 * test_encoding.c - single-byte inputs converted to UTF-8 on open: every
 * Windows-1252 byte of the 0x80-0x9F block, Latin-1, the five bytes
 * Windows-1252 leaves undefined (an error naming the line), unknown names.
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

/* A JSONL file whose record 'r' has title "x" + BYTE + "y", on line 2. */
static void write_fixture(const char *path, unsigned char byte)
{
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    fprintf(fp, "{\"id\": \"q\", \"title\": \"first\"}\n{\"id\": \"r\", \"title\": \"x%cy\"}\n", byte);
    fclose(fp);
}

/* Read PATH with ENC; the second record's title into OUT (or the status that ended reading). */
static int read_title(const char *path, const char *enc, char *out, size_t cap, rt_err *err)
{
    rt_reader_opts o = { 0 };
    o.encoding = enc;
    rt_reader *r;
    int rc = rt_reader_open(path, &o, &r, err);
    if (rc != RT_OK)
        return rc;
    rt_record rec;
    rt_record_init(&rec);
    for (int i = 0; i < 2 && (rc = rt_reader_next(r, &rec, err)) == RT_OK; i++)
        snprintf(out, cap, "%s", rec.title);
    rt_record_clear(&rec);
    rt_reader_free(r);
    return rc;
}

static const struct { unsigned char byte; const char *utf8; } CP1252[] = {
    { 0x80, "\xe2\x82\xac" }, { 0x82, "\xe2\x80\x9a" }, { 0x83, "\xc6\x92" },
    { 0x84, "\xe2\x80\x9e" }, { 0x85, "\xe2\x80\xa6" }, { 0x86, "\xe2\x80\xa0" },
    { 0x87, "\xe2\x80\xa1" }, { 0x88, "\xcb\x86" }, { 0x89, "\xe2\x80\xb0" },
    { 0x8A, "\xc5\xa0" }, { 0x8B, "\xe2\x80\xb9" }, { 0x8C, "\xc5\x92" },
    { 0x8E, "\xc5\xbd" }, { 0x91, "\xe2\x80\x98" }, { 0x92, "\xe2\x80\x99" },
    { 0x93, "\xe2\x80\x9c" }, { 0x94, "\xe2\x80\x9d" }, { 0x95, "\xe2\x80\xa2" },
    { 0x96, "\xe2\x80\x93" }, { 0x97, "\xe2\x80\x94" }, { 0x98, "\xcb\x9c" },
    { 0x99, "\xe2\x84\xa2" }, { 0x9A, "\xc5\xa1" }, { 0x9B, "\xe2\x80\xba" },
    { 0x9C, "\xc5\x93" }, { 0x9E, "\xc5\xbe" }, { 0x9F, "\xc5\xb8" },
    { 0xA0, "\xc2\xa0" }, { 0xE9, "\xc3\xa9" }, { 0xFF, "\xc3\xbf" },
};

static void test_windows_1252(void **state)
{
    (void)state;
    char path[] = "/tmp/rt_encXXXXXX", title[64], want[64];
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    for (size_t i = 0; i < sizeof CP1252 / sizeof CP1252[0]; i++) {
        write_fixture(path, CP1252[i].byte);
        assert_int_equal(read_title(path, "windows-1252", title, sizeof title, NULL), RT_OK);
        snprintf(want, sizeof want, "x%sy", CP1252[i].utf8);
        if (strcmp(title, want) != 0)
            fail_msg("byte 0x%02X: got '%s', want '%s'", CP1252[i].byte, title, want);
    }
    static const unsigned char undefined[] = { 0x81, 0x8D, 0x8F, 0x90, 0x9D };
    for (size_t i = 0; i < sizeof undefined; i++) {
        rt_err err = { 0, "" };
        write_fixture(path, undefined[i]);
        assert_int_equal(read_title(path, "cp1252", title, sizeof title, &err), RT_EFORMAT);
        char msg[64];
        snprintf(msg, sizeof msg, ":2: byte 0x%02X is not a Windows-1252", undefined[i]);
        assert_non_null(strstr(err.msg, msg));
        assert_int_equal(strncmp(err.msg, path, strlen(path)), 0);
    }
    unlink(path);
}

static void test_latin1_and_names(void **state)
{
    (void)state;
    char path[] = "/tmp/rt_encXXXXXX", title[64];
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    write_fixture(path, 0x93);   /* a C1 control in Latin-1, kept as U+0093 */
    assert_int_equal(read_title(path, "ISO-8859-1", title, sizeof title, NULL), RT_OK);
    assert_string_equal(title, "x\xc2\x93y");
    write_fixture(path, 0xE9);   /* UTF-8 input: a lone 0xE9 is still refused */
    assert_int_equal(read_title(path, NULL, title, sizeof title, NULL), RT_EFORMAT);
    assert_int_equal(read_title(path, "utf-8", title, sizeof title, NULL), RT_EFORMAT);
    rt_err err = { 0, "" };
    assert_int_equal(read_title(path, "ebcdic", title, sizeof title, &err), RT_EINVAL);
    assert_non_null(strstr(err.msg, "unknown encoding 'ebcdic'"));
    assert_int_equal(rt_io_encoding_from_name("CP1252"), RT_ENC_CP1252);
    assert_int_equal(rt_io_encoding_from_name(NULL), RT_ENC_UTF8);
    unlink(path);
}

typedef struct oom_ctx {
    const char *path;
    char title[64];
} oom_ctx;

static int oom_step(void *vctx)
{
    oom_ctx *c = vctx;
    return read_title(c->path, "windows-1252", c->title, sizeof c->title, NULL);
}

static void oom_cleanup(void *vctx)
{
    (void)vctx;
}

/* Every allocation failure while opening and converting gives RT_ENOMEM and leaks nothing. */
static void test_out_of_memory(void **state)
{
    (void)state;
    char path[] = "/tmp/rt_encXXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    write_fixture(path, 0x80);
    oom_ctx c = { path, "" };
    assert_int_equal(tu_each_alloc_failure(oom_step, oom_cleanup, &c, 10000), RT_OK);
    assert_string_equal(c.title, "x\xe2\x82\xacy");
    unlink(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_windows_1252),
        cmocka_unit_test(test_latin1_and_names),
        cmocka_unit_test(test_out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
