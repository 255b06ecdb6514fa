/*
 * reader.c - the record reader: picks a format backend (jsonl.c, csv.c,
 * ris.c, bibtex.c), checks every record has an id and some text, skips and
 * counts malformed records on request, and holds helpers the backends share.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "revtag/reader.h"
#include "revtag/stemmer.h"
#include "rtint.h"

/* ---------------------------------------------------------------- formats */

static const struct { const char *name; rt_format f; } FORMAT_NAMES[] = {
    { "jsonl", RT_FORMAT_JSONL }, { "ndjson", RT_FORMAT_JSONL }, { "json", RT_FORMAT_JSONL },
    { "csv", RT_FORMAT_CSV },     { "tsv", RT_FORMAT_TSV },     { "tab", RT_FORMAT_TSV },
    { "ris", RT_FORMAT_RIS },     { "bibtex", RT_FORMAT_BIBTEX }, { "bib", RT_FORMAT_BIBTEX },
};
#define NFORMAT_NAMES (sizeof FORMAT_NAMES / sizeof FORMAT_NAMES[0])

int rt_format_from_name(const char *s)
{
    for (size_t i = 0; s && i < NFORMAT_NAMES; i++)
        if (strcasecmp(s, FORMAT_NAMES[i].name) == 0)
            return (int)FORMAT_NAMES[i].f;
    return -1;
}

rt_format rt_format_from_path(const char *path)
{
    const char *slash = strrchr(path, '/');
    const char *dot = strrchr(slash ? slash + 1 : path, '.');
    int f = dot ? rt_format_from_name(dot + 1) : -1;
    return f < 0 ? RT_FORMAT_JSONL : (rt_format)f;
}

static const rt_io_format *format_ops(rt_format f)
{
    switch (f) {
    case RT_FORMAT_CSV:
    case RT_FORMAT_TSV: return &rt_io_csv;
    case RT_FORMAT_RIS: return &rt_io_ris;
    case RT_FORMAT_BIBTEX: return &rt_io_bibtex;
    default: return &rt_io_jsonl;
    }
}

/* ---------------------------------------------------------------- reader */

static int open_stream(rt_reader *r, const char *path, rt_err *err)
{
    int is_stdin = strcmp(path, "-") == 0;
    r->path = rt_strdup(is_stdin ? "<stdin>" : path);
    if (!r->path)
        return rt_err_set(err, RT_ENOMEM, "%s: out of memory", path);
    r->fp = is_stdin ? stdin : fopen(path, "rb");
    if (!r->fp)
        return rt_err_set(err, RT_EIO, "%s: cannot open: %s", path, strerror(errno));
    return RT_OK;
}

static int copy_opts(rt_reader *r, const rt_reader_opts *o, const char *path, rt_err *err)
{
    if (o)
        r->o = *o;
    r->o.encoding = NULL;   /* borrowed: used by rt_reader_open only */
    r->o.columns = r->o.columns ? rt_strdup(r->o.columns) : NULL;
    r->o.label_sep = rt_strdup(r->o.label_sep && *r->o.label_sep ? r->o.label_sep : ";");
    if ((o && o->columns && !r->o.columns) || !r->o.label_sep)
        return rt_err_set(err, RT_ENOMEM, "%s: out of memory", path);
    if (r->o.format == RT_FORMAT_AUTO)
        r->o.format = rt_format_from_path(path);
    r->fmt = format_ops(r->o.format);
    return RT_OK;
}

int rt_reader_open(const char *path, const rt_reader_opts *o, rt_reader **out, rt_err *err)
{
    *out = NULL;
    rt_reader *r = calloc(1, sizeof *r);
    if (!r)
        return rt_err_set(err, RT_ENOMEM, "%s: out of memory", path);
    int rc = copy_opts(r, o, path, err);
    int enc = rt_io_encoding_from_name(o ? o->encoding : NULL);
    if (rc == RT_OK && enc < 0)
        rc = rt_err_set(err, RT_EINVAL, "unknown encoding '%s' (utf-8, windows-1252, latin1)",
                        o->encoding);
    if (rc == RT_OK)
        rc = open_stream(r, path, err);
    if (rc == RT_OK)
        rc = rt_io_transcode(r, enc, err);
    if (rc == RT_OK)
        rc = r->fmt->open(r, err);
    if (rc != RT_OK)
        goto fail;
    *out = r;
    return RT_OK;
fail:
    rt_reader_free(r);
    return rc;
}

/* The checks every format shares: an id and at least one text field. */
static int check_required(const rt_reader *r, const rt_record *rec, rt_err *err)
{
    if (!rec->id || rt_io_blank(rec->id, strlen(rec->id)))
        return rt_err_set(err, RT_EFORMAT, "%s:%ld: record has no id", r->path, rec->line);
    const char *texts[] = { rec->title, rec->abstract, rec->text };
    for (size_t i = 0; i < 3; i++)
        if (texts[i] && !rt_io_blank(texts[i], strlen(texts[i])))
            return RT_OK;
    return rt_err_set(err, RT_EFORMAT, "%s:%ld: record '%s' has no title, abstract or text",
                      r->path, rec->line, rec->id);
}

static int note_skip(rt_reader *r, const rt_err *err)
{
    r->skipped++;
    if (!r->skip_msg && !(r->skip_msg = rt_strdup(err->msg)))
        return RT_ENOMEM;
    return RT_OK;
}

int rt_reader_next(rt_reader *r, rt_record *rec, rt_err *err)
{
    rt_err local;
    if (!err)
        err = &local;
    for (;;) {
        rt_record_clear(rec);
        int rc = r->fmt->next(r, rec, err);
        if (rc == RT_OK)
            rc = check_required(r, rec, err);
        if (rc != RT_EFORMAT || !r->o.skip_bad)
            return rc;
        rt_record_clear(rec);
        if (note_skip(r, err) != RT_OK)
            return rt_err_set(err, RT_ENOMEM, "%s: out of memory", r->path);
    }
}

size_t rt_reader_skipped(const rt_reader *r)
{
    return r->skipped;
}

const char *rt_reader_skip_msg(const rt_reader *r)
{
    return r->skip_msg;
}

void rt_reader_free(rt_reader *r)
{
    if (!r)
        return;
    if (r->fmt && r->state)
        r->fmt->free(r->state);
    if (r->fp && r->fp != stdin)
        fclose(r->fp);
    free((char *)r->o.columns);
    free((char *)r->o.label_sep);
    free(r->path);
    free(r->line);
    free(r->skip_msg);
    free(r);
}

int rt_io_getline(rt_reader *r, size_t *len, rt_err *err)
{
    errno = 0;
    ssize_t n = getline(&r->line, &r->cap, r->fp);
    if (n < 0) {
        if (errno == ENOMEM)
            return rt_err_set(err, RT_ENOMEM, "%s:%ld: out of memory", r->path, r->lineno + 1);
        if (ferror(r->fp))
            return rt_err_set(err, RT_EIO, "%s:%ld: read error: %s", r->path, r->lineno + 1,
                              strerror(errno));
        return RT_DONE;
    }
    r->lineno++;
    size_t l = (size_t)n;
    if (r->lineno == 1 && l >= 3 && memcmp(r->line, "\xEF\xBB\xBF", 3) == 0) {
        memmove(r->line, r->line + 3, l - 2);
        l -= 3;
    }
    if (l && r->line[l - 1] == '\n')
        l--;
    if (l && r->line[l - 1] == '\r')
        l--;
    r->line[l] = '\0';
    *len = l;
    return RT_OK;
}

/* ---------------------------------------------------------------- helpers */

size_t rt_io_utf8_invalid(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        unsigned c = p[i];
        size_t n;
        unsigned min;
        if (c == 0)
            return i;
        if (c < 0x80) {
            i++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF)
            n = 1, min = 0x80;
        else if (c >= 0xE0 && c <= 0xEF)
            n = 2, min = 0x800;
        else if (c >= 0xF0 && c <= 0xF4)
            n = 3, min = 0x10000;
        else
            return i;
        if (len - i <= n)
            return i;
        unsigned cp = c & (0x3Fu >> n);
        for (size_t k = 1; k <= n; k++) {
            if ((p[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (p[i + k] & 0x3Fu);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += n + 1;
    }
    return len;
}

int rt_io_blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (!isspace((unsigned char)s[i]))
            return 0;
    return 1;
}

int rt_io_parse_year(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        if (!isdigit((unsigned char)s[i])) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < len && isdigit((unsigned char)s[j]))
            j++;
        if (j - i == 4 && s[i] != '0')
            return (s[i] - '0') * 1000 + (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10
                   + (s[i + 3] - '0');
        i = j;
    }
    return 0;
}

/* Language names exporters write that the stemmer table does not know. */
static const struct { const char *name, *code; } LANG_ALIASES[] = {
    { "fre", "fr" }, { "ger", "de" }, { "dut", "nl" }, { "français", "fr" },
    { "francais", "fr" }, { "deutsch", "de" }, { "ngerman", "de" }, { "austrian", "de" },
    { "naustrian", "de" }, { "español", "es" }, { "espanol", "es" }, { "castellano", "es" },
    { "português", "pt" }, { "portugues", "pt" }, { "portuges", "pt" }, { "brazil", "pt" },
    { "brazilian", "pt" }, { "nederlands", "nl" }, { "italiano", "it" }, { "british", "en" },
    { "american", "en" }, { "ukenglish", "en" }, { "usenglish", "en" }, { "canadian", "en" },
    { "australian", "en" }, { "newzealand", "en" }, { "acadian", "fr" }, { "canadien", "fr" },
    { "swissgerman", "de" }, { "nswissgerman", "de" },
};
#define NLANG_ALIASES (sizeof LANG_ALIASES / sizeof LANG_ALIASES[0])

int rt_io_set_lang(rt_record *rec, const char *s, size_t len)
{
    char t[32];
    size_t n = 0, i = 0;
    while (i < len && isspace((unsigned char)s[i]))
        i++;
    for (; i < len && n < sizeof t - 1 && !strchr(";,/( \t", s[i]); i++)
        t[n++] = (char)tolower((unsigned char)s[i]);
    t[n] = '\0';
    if (n == 0)
        return RT_OK;
    const char *code = NULL;
    if (rt_stemmer_lang(t, &code, NULL, NULL) != RT_OK)
        for (size_t k = 0; k < NLANG_ALIASES && !code; k++)
            if (strcmp(t, LANG_ALIASES[k].name) == 0)
                code = LANG_ALIASES[k].code;
    free(rec->lang);
    rec->lang = rt_strdup(code ? code : t);
    return rec->lang ? RT_OK : RT_ENOMEM;
}

int rt_io_derive_id(rt_record *rec)
{
    const char *src = rec->title && !rt_io_blank(rec->title, strlen(rec->title)) ? rec->title
                      : rec->abstract ? rec->abstract : rec->text;
    if (!src)
        return RT_OK;
    int rc = RT_OK, space = 0;
    rt_buf b = { 0 };
    for (const char *p = src; *p; p++) {
        if (isspace((unsigned char)*p)) {
            space = b.len > 0;
            continue;
        }
        if (space)
            rt_buf_append(&rc, &b, " ", 1);
        space = 0;
        char c = (char)tolower((unsigned char)*p);
        rt_buf_append(&rc, &b, &c, 1);
    }
    rt_buf_printf(&rc, &b, "|%d", rec->year);
    if (rc == RT_OK) {
        char id[24];
        snprintf(id, sizeof id, "h-%016llx", (unsigned long long)rt_hash64(b.data, b.len));
        free(rec->id);
        if (!(rec->id = rt_strdup(id)))
            rc = RT_ENOMEM;
    }
    rt_buf_free(&b);
    return rc;
}

/* Length of the facet name when S is "facet:label", else 0. */
static size_t facet_prefix(const char *s, size_t len)
{
    if (len == 0 || !islower((unsigned char)s[0]))
        return 0;
    size_t i = 1;
    while (i < len && (islower((unsigned char)s[i]) || isdigit((unsigned char)s[i]) || s[i] == '_'))
        i++;
    if (i >= len || s[i] != ':' || rt_io_blank(s + i + 1, len - i - 1))
        return 0;
    return i;
}

int rt_io_keyword(rt_record *rec, rt_buf *kw, const char *s, size_t len)
{
    while (len && isspace((unsigned char)*s))
        s++, len--;
    while (len && isspace((unsigned char)s[len - 1]))
        len--;
    if (len == 0)
        return RT_OK;
    size_t f = facet_prefix(s, len);
    if (f == 0) {
        int rc = RT_OK;
        rt_buf_puts(&rc, kw, kw->len ? "," : "");
        rt_json_string(&rc, kw, s, len);
        return rc;
    }
    size_t l = f + 1;
    while (isspace((unsigned char)s[l]))
        l++;
    char *facet = rt_strndup(s, f), *label = rt_strndup(s + l, len - l);
    int rc = facet && label ? rt_record_add_label(rec, facet, label) : RT_ENOMEM;
    free(facet);
    free(label);
    return rc;
}
