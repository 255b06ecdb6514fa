/*
 * ris.c - RIS records as Zotero, EndNote, Covidence and EPPI-Reviewer export
 * them: "XX  - value" tag lines from TY to ER, values continued on following
 * lines, CRLF or LF. Unused tags are kept under "ris" in rec->extra, and
 * keywords written "facet:label" (revtag's own RIS export) become labels.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "revtag/reader.h"
#include "rtint.h"

typedef struct ris_field {
    char tag[3];
    rt_buf val;
    long line;
} ris_field;

typedef struct ris_state {
    ris_field *f;           /* fields of the record being read, in input order */
    size_t n, cap;
    long start;             /* line of its TY */
    int pushback;           /* r->line holds a TY line not yet used (len in plen) */
    size_t plen;
    int seen_record;
} ris_state;

/* RIS reference types, as readable publication types. */
static const struct { const char *code, *type; } TYPES[] = {
    { "JOUR", "journal article" }, { "JFULL", "journal article" }, { "EJOUR", "journal article" },
    { "MGZN", "magazine article" }, { "NEWS", "newspaper article" }, { "RPRT", "report" },
    { "BOOK", "book" }, { "EBOOK", "book" }, { "EDBOOK", "edited book" }, { "CHAP", "book chapter" },
    { "ECHAP", "book chapter" }, { "THES", "thesis" }, { "CONF", "conference paper" },
    { "CPAPER", "conference paper" }, { "GOVDOC", "government document" }, { "ELEC", "web page" },
    { "WEB", "web page" }, { "BLOG", "blog post" }, { "UNPB", "unpublished work" },
    { "MANSCPT", "manuscript" }, { "DATA", "dataset" }, { "PAMP", "pamphlet" }, { "GEN", "generic" },
    { "SER", "serial" }, { "INPR", "in press" }, { "ABST", "abstract" }, { "CASE", "case" },
    { "STAT", "statute" }, { "BILL", "bill" }, { "HEAR", "hearing" },
};
#define NTYPES (sizeof TYPES / sizeof TYPES[0])

/* ---------------------------------------------------------------- lines */

/* 1 when LINE is a tag line "XX  - value" (or "XX  -" with no value). */
static int is_tag(const char *s, size_t len)
{
    return len >= 5 && isupper((unsigned char)s[0])
           && (isupper((unsigned char)s[1]) || isdigit((unsigned char)s[1])) && s[2] == ' '
           && s[3] == ' ' && s[4] == '-' && (len == 5 || s[5] == ' ');
}

/* 1 for "Provider: ..."-style header lines some databases put before the first record. */
static int is_preamble(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && (isalpha((unsigned char)s[i]) || s[i] == ' ' || s[i] == '-'))
        i++;
    return i > 0 && i < len && s[i] == ':' && isalpha((unsigned char)s[0]);
}

/* Next line into r->line, without a BOM where concatenated exports leave one. */
static int get_line(rt_reader *r, size_t *len, rt_err *err)
{
    int rc = rt_io_getline(r, len, err);
    if (rc == RT_OK && *len >= 3 && memcmp(r->line, "\xEF\xBB\xBF", 3) == 0) {
        memmove(r->line, r->line + 3, *len - 2);
        *len -= 3;
    }
    return rc;
}

/* Next line into r->line (the pushed-back one first). */
static int next_line(rt_reader *r, ris_state *st, size_t *len, rt_err *err)
{
    if (st->pushback) {
        st->pushback = 0;
        *len = st->plen;
        return RT_OK;
    }
    return get_line(r, len, err);
}

static void fields_clear(ris_state *st)
{
    for (size_t i = 0; i < st->n; i++)
        rt_buf_free(&st->f[i].val);
    st->n = 0;
}

static int add_field(ris_state *st, const char *line, size_t len, long lineno)
{
    if (st->n == st->cap) {
        size_t cap = st->cap ? 2 * st->cap : 32;
        ris_field *f = realloc(st->f, cap * sizeof *f);
        if (!f)
            return RT_ENOMEM;
        st->f = f;
        st->cap = cap;
    }
    ris_field *f = &st->f[st->n++];
    memset(f, 0, sizeof *f);
    memcpy(f->tag, line, 2);
    f->line = lineno;
    size_t off = len > 6 ? 6 : len;
    while (len > off && (line[len - 1] == ' ' || line[len - 1] == '\t'))
        len--;
    int rc = RT_OK;
    rt_buf_append(&rc, &f->val, line + off, len - off);
    return rc;
}

/* A line that is not a tag continues the last value: a new line of keywords or abstract. */
static int continue_field(ris_state *st, const char *line, size_t len)
{
    ris_field *f = &st->f[st->n - 1];
    int para = strcmp(f->tag, "AB") == 0 || strcmp(f->tag, "N2") == 0 || strcmp(f->tag, "KW") == 0
               || strcmp(f->tag, "N1") == 0;
    int rc = RT_OK;
    while (len && (line[len - 1] == ' ' || line[len - 1] == '\t'))
        len--;
    if (f->val.len)
        rt_buf_append(&rc, &f->val, para ? "\n" : " ", 1);
    rt_buf_append(&rc, &f->val, line, len);
    return rc;
}

/* ---------------------------------------------------------------- records */

static const ris_field *find(const ris_state *st, const char *tag)
{
    for (size_t i = 0; i < st->n; i++)
        if (strcmp(st->f[i].tag, tag) == 0)
            return &st->f[i];
    return NULL;
}

/* The first of TAGS present; its values (all of them, joined by SEP) go to *dst. */
static const char *take(const ris_state *st, const char *const *tags, const char *sep, char **dst,
                        int *rc)
{
    for (size_t t = 0; tags[t]; t++) {
        if (!find(st, tags[t]))
            continue;
        rt_buf b = { 0 };
        for (size_t i = 0; i < st->n; i++)
            if (strcmp(st->f[i].tag, tags[t]) == 0 && st->f[i].val.len) {
                rt_buf_puts(rc, &b, b.len ? sep : "");
                rt_buf_append(rc, &b, st->f[i].val.data, st->f[i].val.len);
            }
        *dst = b.data;
        return tags[t];
    }
    return NULL;
}

static int set_type(rt_record *rec, const ris_state *st)
{
    const ris_field *ty = find(st, "TY");
    const char *code = ty && ty->val.data ? ty->val.data : "";
    if (!*code)
        return RT_OK;
    const char *type = code;
    for (size_t i = 0; i < NTYPES; i++)
        if (strcmp(code, TYPES[i].code) == 0)
            type = TYPES[i].type;
    return (rec->type = rt_strdup(type)) ? RT_OK : RT_ENOMEM;
}

/* Year from PY, else Y1, else DA; "2019///", "2019/05/01/" and "May 2019" all work. */
static const char *set_year(rt_record *rec, const ris_state *st)
{
    static const char *const tags[] = { "PY", "Y1", "DA" };
    for (size_t t = 0; t < 3; t++)
        for (size_t i = 0; i < st->n; i++)
            if (strcmp(st->f[i].tag, tags[t]) == 0 && st->f[i].val.len
                && (rec->year = rt_io_parse_year(st->f[i].val.data, st->f[i].val.len)))
                return tags[t];
    return NULL;
}

static int set_lang_id(rt_record *rec, const ris_state *st)
{
    const ris_field *la = find(st, "LA");
    int rc = la && la->val.len ? rt_io_set_lang(rec, la->val.data, la->val.len) : RT_OK;
    const ris_field *id = find(st, "ID");
    if (!id || !id->val.len)
        id = find(st, "AN");
    if (rc == RT_OK && id && id->val.len && !(rec->id = rt_strndup(id->val.data, id->val.len)))
        rc = RT_ENOMEM;
    return rc;
}

static int set_keywords(rt_record *rec, const ris_state *st, rt_buf *kw)
{
    int rc = RT_OK;
    for (size_t i = 0; i < st->n && rc == RT_OK; i++) {
        if (strcmp(st->f[i].tag, "KW") != 0 || !st->f[i].val.len)
            continue;
        const char *s = st->f[i].val.data;
        while (rc == RT_OK && *s) {   /* EndNote: one per continued line; some: "a; b" */
            size_t n = strcspn(s, "\n;");
            rc = rt_io_keyword(rec, kw, s, n);
            s += n + (s[n] != '\0');
        }
    }
    return rc;
}

/* 1 when TAG was used for a record field (and is not repeated in "ris"). */
static int used(const char *tag, const char *const *taken)
{
    if (!strcmp(tag, "TY") || !strcmp(tag, "KW") || !strcmp(tag, "ER") || !strcmp(tag, "LA"))
        return 1;
    for (size_t i = 0; taken[i]; i++)
        if (strcmp(tag, taken[i]) == 0)
            return 1;
    return 0;
}

/* The other tags under "ris", each a list of its values, in order of first appearance. */
static void put_ris(int *rc, rt_buf *b, const ris_state *st, const char *const *taken)
{
    size_t start = b->len;
    for (size_t i = 0; i < st->n; i++) {
        const ris_field *f = &st->f[i];
        if (used(f->tag, taken) || find(st, f->tag) != f)
            continue;
        rt_buf_puts(rc, b, b->len > start ? "]," : "\"ris\":{");
        rt_buf_printf(rc, b, "\"%s\":[", f->tag);
        for (size_t j = i, k = 0; j < st->n; j++)
            if (strcmp(st->f[j].tag, f->tag) == 0) {
                rt_buf_puts(rc, b, k++ ? "," : "");
                rt_json_string(rc, b, st->f[j].val.data ? st->f[j].val.data : "",
                               st->f[j].val.len);
            }
    }
    if (b->len > start)
        rt_buf_puts(rc, b, "]}");
}

static int set_extra(rt_record *rec, const ris_state *st, const rt_buf *kw,
                     const char *const *taken)
{
    int rc = RT_OK;
    rt_buf b = { 0 };
    rt_buf_puts(&rc, &b, "{");
    if (kw->len) {
        rt_buf_puts(&rc, &b, "\"keywords\":[");
        rt_buf_append(&rc, &b, kw->data, kw->len);
        rt_buf_puts(&rc, &b, "]");
    }
    size_t before = b.len;
    if (kw->len)
        rt_buf_puts(&rc, &b, ",");
    put_ris(&rc, &b, st, taken);
    if (rc == RT_OK && kw->len && b.len == before + 1)
        b.data[--b.len] = '\0';               /* no "ris" after all: drop the comma */
    rt_buf_puts(&rc, &b, "}");
    if (rc == RT_OK && b.len > 2) {
        rec->extra = b.data;
        b.data = NULL;
    }
    rt_buf_free(&b);
    return rc;
}

static int check_utf8(const rt_reader *r, const ris_state *st, rt_err *err)
{
    for (size_t i = 0; i < st->n; i++)
        if (st->f[i].val.len
            && rt_io_utf8_invalid(st->f[i].val.data, st->f[i].val.len) < st->f[i].val.len)
            return rt_err_set(err, RT_EFORMAT, "%s:%ld: %s value is not valid UTF-8 (export the "
                              "file as UTF-8)", r->path, st->f[i].line, st->f[i].tag);
    return RT_OK;
}

/* Tags used for record fields, so they are not repeated under "ris". */
typedef struct taken_tags {
    const char *tag[5];
    size_t n;
} taken_tags;

static void mark(taken_tags *t, const char *tag)
{
    if (tag)
        t->tag[t->n++] = tag;
}

static int build(const rt_reader *r, const ris_state *st, rt_record *rec, rt_err *err)
{
    static const char *const titles[] = { "TI", "T1", NULL }, *const abstracts[] = { "AB", "N2", NULL };
    int rc = check_utf8(r, st, err);
    if (rc != RT_OK)
        return rc;
    taken_tags t = { { NULL }, 0 };
    mark(&t, take(st, titles, " ", &rec->title, &rc));
    mark(&t, take(st, abstracts, "\n", &rec->abstract, &rc));
    mark(&t, set_year(rec, st));
    if (rc == RT_OK)
        rc = set_type(rec, st);
    if (rc == RT_OK)
        rc = set_lang_id(rec, st);
    if (rec->id)
        mark(&t, find(st, "ID") && find(st, "ID")->val.len ? "ID" : "AN");
    rt_buf kw = { 0 };
    if (rc == RT_OK)
        rc = set_keywords(rec, st, &kw);
    if (rc == RT_OK)
        rc = set_extra(rec, st, &kw, t.tag);
    rt_buf_free(&kw);
    if (rc == RT_OK && !rec->id)
        rc = rt_io_derive_id(rec);
    return rc;
}

/* ---------------------------------------------------------------- reading */

/* Skip to the next TY line (left pushed back) or the end, after a bad line. */
static int resync(rt_reader *r, ris_state *st, rt_err *err)
{
    size_t len;
    int rc;
    rt_err local;
    while ((rc = get_line(r, &len, &local)) == RT_OK)
        if (is_tag(r->line, len) && memcmp(r->line, "TY", 2) == 0) {
            st->pushback = 1;
            st->plen = len;
            return RT_OK;
        }
    if (rc != RT_DONE && err)
        *err = local;
    return rc == RT_DONE ? RT_OK : rc;
}

/* Find the next TY; RT_DONE at the end. */
static int find_start(rt_reader *r, ris_state *st, rt_err *err)
{
    size_t len;
    int rc;
    while ((rc = next_line(r, st, &len, err)) == RT_OK) {
        if (rt_io_blank(r->line, len) || (!st->seen_record && is_preamble(r->line, len)))
            continue;
        if (is_tag(r->line, len) && memcmp(r->line, "TY", 2) == 0)
            break;
        long line = r->lineno;
        int tag = is_tag(r->line, len);
        char what[24];
        snprintf(what, sizeof what, tag ? "%.2s" : "%.20s", r->line);
        if ((rc = resync(r, st, err)) != RT_OK)
            return rc;
        return rt_err_set(err, RT_EFORMAT, tag
                          ? "%s:%ld: '%s' tag outside a record (a record starts with 'TY  - ')"
                          : "%s:%ld: '%s' is not a RIS tag line (a record starts with 'TY  - ')",
                          r->path, line, what);
    }
    if (rc != RT_OK)
        return rc;
    st->seen_record = 1;
    st->start = r->lineno;
    return add_field(st, r->line, len, r->lineno) == RT_OK
               ? RT_OK : rt_err_set(err, RT_ENOMEM, "%s:%ld: out of memory", r->path, r->lineno);
}

/* Read the lines of a record after its TY up to ER. */
static int read_fields(rt_reader *r, ris_state *st, rt_err *err)
{
    size_t len;
    int rc;
    while ((rc = get_line(r, &len, err)) == RT_OK) {
        if (is_tag(r->line, len) && memcmp(r->line, "ER", 2) == 0)
            return RT_OK;
        if (is_tag(r->line, len) && memcmp(r->line, "TY", 2) == 0) {
            st->pushback = 1;
            st->plen = len;
            return rt_err_set(err, RT_EFORMAT, "%s:%ld: record has no 'ER  - ' before the next "
                              "'TY  - ' on line %ld", r->path, st->start, r->lineno);
        }
        if (is_tag(r->line, len))
            rc = add_field(st, r->line, len, r->lineno);
        else if (!rt_io_blank(r->line, len))
            rc = continue_field(st, r->line, len);
        if (rc != RT_OK)
            return rt_err_set(err, RT_ENOMEM, "%s:%ld: out of memory", r->path, r->lineno);
    }
    if (rc == RT_DONE)
        return rt_err_set(err, RT_EFORMAT, "%s:%ld: record has no 'ER  - ' before the end of the "
                          "file", r->path, st->start);
    return rc;
}

static int ris_next(rt_reader *r, rt_record *rec, rt_err *err)
{
    ris_state *st = r->state;
    fields_clear(st);
    int rc = find_start(r, st, err);
    if (rc == RT_OK)
        rc = read_fields(r, st, err);
    if (rc != RT_OK && rc != RT_EFORMAT)
        return rc;
    rec->line = st->start;
    if (!(rec->source = rt_strdup(r->path)))
        return rt_err_set(err, RT_ENOMEM, "%s: out of memory", r->path);
    if (rc != RT_OK)
        return rc;
    rc = build(r, st, rec, err);
    if (rc == RT_ENOMEM)
        rt_err_set(err, rc, "%s:%ld: out of memory", r->path, st->start);
    return rc;
}

static int ris_open(rt_reader *r, rt_err *err)
{
    if (!(r->state = calloc(1, sizeof(ris_state))))
        return rt_err_set(err, RT_ENOMEM, "%s: out of memory", r->path);
    return RT_OK;
}

static void ris_free(void *vst)
{
    ris_state *st = vst;
    fields_clear(st);
    free(st->f);
    free(st);
}

const rt_io_format rt_io_ris = { ris_open, ris_next, ris_free };
