/*
 * encoding.c - single-byte input encodings (Windows-1252, Latin-1): Excel's
 * "CSV" and older reference managers write them. The input is transcoded to
 * UTF-8 into a temporary file before any reader sees it, so every format
 * and every error message works on UTF-8 as usual.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "rtint.h"

/* Windows-1252 bytes 0x80-0x9F as code points; 0 = not a character. */
static const unsigned short CP1252_HIGH[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

int rt_io_encoding_from_name(const char *s)
{
    static const struct { const char *name; int enc; } N[] = {
        { "utf-8", RT_ENC_UTF8 }, { "utf8", RT_ENC_UTF8 },
        { "windows-1252", RT_ENC_CP1252 }, { "cp1252", RT_ENC_CP1252 },
        { "latin1", RT_ENC_LATIN1 }, { "latin-1", RT_ENC_LATIN1 },
        { "iso-8859-1", RT_ENC_LATIN1 },
    };
    if (!s)
        return RT_ENC_UTF8;
    for (size_t i = 0; i < sizeof N / sizeof N[0]; i++)
        if (strcasecmp(s, N[i].name) == 0)
            return N[i].enc;
    return -1;
}

/* Code point of byte C in ENC, or 0 when ENC has no character there. */
static unsigned codepoint(int enc, unsigned char c)
{
    if (enc == RT_ENC_CP1252 && c >= 0x80 && c < 0xA0)
        return CP1252_HIGH[c - 0x80];
    return c;
}

/* Write code point U as UTF-8 to FP; 0 on a write error. */
static int put_utf8(FILE *fp, unsigned u)
{
    if (u < 0x80)
        return putc((int)u, fp) != EOF;
    if (u < 0x800)
        return putc((int)(0xC0 | (u >> 6)), fp) != EOF && putc((int)(0x80 | (u & 0x3F)), fp) != EOF;
    return putc((int)(0xE0 | (u >> 12)), fp) != EOF
           && putc((int)(0x80 | ((u >> 6) & 0x3F)), fp) != EOF
           && putc((int)(0x80 | (u & 0x3F)), fp) != EOF;
}

int rt_io_transcode(rt_reader *r, int enc, rt_err *err)
{
    if (enc == RT_ENC_UTF8)
        return RT_OK;
    FILE *out = tmpfile();
    if (!out)
        return rt_err_set(err, RT_EIO, "%s: cannot create a temporary file to convert it",
                          r->path);
    long line = 1;
    int c, rc = RT_OK;
    while (rc == RT_OK && (c = getc(r->fp)) != EOF) {
        unsigned u = codepoint(enc, (unsigned char)c);
        if (u == 0 && c != 0)
            rc = rt_err_set(err, RT_EFORMAT, "%s:%ld: byte 0x%02X is not a Windows-1252 "
                            "character (is the file in another encoding?)", r->path, line, c);
        else if (!put_utf8(out, u))
            rc = rt_err_set(err, RT_EIO, "%s: write error while converting it", r->path);
        line += c == '\n';
    }
    if (rc == RT_OK && ferror(r->fp))
        rc = rt_err_set(err, RT_EIO, "%s: read error", r->path);
    if (rc == RT_OK && (fflush(out) != 0 || fseek(out, 0, SEEK_SET) != 0))
        rc = rt_err_set(err, RT_EIO, "%s: write error while converting it", r->path);
    if (rc != RT_OK) {
        fclose(out);
        return rc;
    }
    if (r->fp != stdin)
        fclose(r->fp);
    r->fp = out;
    return RT_OK;
}
