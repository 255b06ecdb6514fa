/*
 * bibtex.c - BibTeX/BibLaTeX entries as Zotero, Better BibTeX, EndNote and
 * JabRef write them: @type{key, field = {value} | "value" | number | macro
 * # ...}, @string macros, @comment/@preamble skipped. The key is the id;
 * title, abstract, year/date, keywords and langid/language fill the record,
 * other fields are kept under "bibtex" in rec->extra.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "revtag/reader.h"
#include "rtint.h"

typedef struct bib_macro {
    char *name;             /* lower-case */
    char *value;            /* raw LaTeX */
} bib_macro;

typedef struct bib_state {
    char *buf;              /* the whole file; owned */
    size_t len, pos;
    size_t lpos;            /* line_of() cache: LINE is the line of byte LPOS */
    long lline;
    bib_macro *macros;
    size_t nmacros, capmacros;
    size_t entries;         /* @type{ or @type( seen, @string and @comment included */
    int told_empty;         /* the "no entries" error was given */
} bib_state;

typedef struct bib_field {
    char name[64];          /* lower-case */
    rt_buf raw;             /* value with the pieces of a # concatenation joined */
    long line;
} bib_field;

typedef struct bib_entry {
    char type[32];          /* lower-case entry type */
    char *key;              /* NULL when the entry has none (EndNote) */
    bib_field *f;
    size_t n, cap;
    long line;
    char close;             /* '}' or ')' */
} bib_entry;

/* Entry types, as readable publication types; others are kept as written. */
static const struct { const char *bib, *type; } TYPES[] = {
    { "article", "journal article" }, { "techreport", "report" }, { "report", "report" },
    { "book", "book" }, { "inbook", "book chapter" }, { "incollection", "book chapter" },
    { "inproceedings", "conference paper" }, { "conference", "conference paper" },
    { "proceedings", "conference proceedings" }, { "phdthesis", "thesis" },
    { "mastersthesis", "thesis" }, { "thesis", "thesis" }, { "unpublished", "unpublished work" },
    { "online", "web page" }, { "electronic", "web page" }, { "www", "web page" },
};
#define NTYPES (sizeof TYPES / sizeof TYPES[0])

/* Fields kept verbatim (no LaTeX conversion). */
static const char *const VERBATIM[] = { "url", "doi", "eprint", "file", "pdf", "isbn", "issn" };
#define NVERBATIM (sizeof VERBATIM / sizeof VERBATIM[0])

static const char *const MONTHS[] = { "jan", "January", "feb", "February", "mar", "March",
    "apr", "April", "may", "May", "jun", "June", "jul", "July", "aug", "August",
    "sep", "September", "oct", "October", "nov", "November", "dec", "December" };

/* ---------------------------------------------------------------- scanning */

static long line_of(bib_state *st, size_t pos)
{
    if (pos < st->lpos) {
        st->lpos = 0;
        st->lline = 1;
    }
    for (; st->lpos < pos && st->lpos < st->len; st->lpos++)
        if (st->buf[st->lpos] == '\n')
            st->lline++;
    return st->lline;
}

static void skip_ws(bib_state *st)
{
    while (st->pos < st->len && isspace((unsigned char)st->buf[st->pos]))
        st->pos++;
}

static int is_name_char(char c)
{
    return isalnum((unsigned char)c) || (c && strchr("_-:.+/'!?&*<>|[]", c));
}

/* A name (entry type, field or macro) at pos, lower-cased into OUT; its length (0: none). */
static size_t read_name(bib_state *st, char *out, size_t cap)
{
    size_t n = 0;
    while (st->pos < st->len && is_name_char(st->buf[st->pos])) {
        if (n + 1 < cap)
            out[n++] = (char)tolower((unsigned char)st->buf[st->pos]);
        st->pos++;
    }
    out[n < cap ? n : cap - 1] = '\0';
    return n;
}

static int fail(bib_state *st, const rt_reader *r, size_t pos, rt_err *err, const char *what)
{
    return rt_err_set(err, RT_EFORMAT, "%s:%ld: %s", r->path, line_of(st, pos), what);
}

/* After a bad entry: go on from the next '@' that starts a line. */
static void resync(bib_state *st, size_t from)
{
    for (st->pos = from; st->pos < st->len; st->pos++) {
        if (st->buf[st->pos] != '@')
            continue;
        size_t i = st->pos;
        while (i > 0 && (st->buf[i - 1] == ' ' || st->buf[i - 1] == '\t'))
            i--;
        if (i == 0 || st->buf[i - 1] == '\n')
            return;
    }
}

/* ---------------------------------------------------------------- values */

static const char *macro_get(const bib_state *st, const char *name)
{
    for (size_t i = st->nmacros; i-- > 0;)
        if (strcmp(st->macros[i].name, name) == 0)
            return st->macros[i].value;
    for (size_t i = 0; i < sizeof MONTHS / sizeof MONTHS[0]; i += 2)
        if (strcmp(MONTHS[i], name) == 0)
            return MONTHS[i + 1];
    return NULL;
}

/* A {braced} or "quoted" piece at pos, its content appended to OUT. */
static int read_delimited(bib_state *st, const rt_reader *r, rt_buf *out, rt_err *err)
{
    size_t start = st->pos, depth = 0;
    char open = st->buf[st->pos++];
    size_t from = st->pos;
    for (; st->pos < st->len; st->pos++) {
        char c = st->buf[st->pos];
        if (c == '\\' && st->pos + 1 < st->len) {
            st->pos++;
            continue;
        }
        if (c == '{')
            depth++;
        else if (c == '}' && depth > 0)
            depth--;
        else if ((open == '{' && c == '}') || (open == '"' && c == '"' && depth == 0))
            break;
    }
    if (st->pos >= st->len)
        return fail(st, r, start, err, open == '{' ? "unbalanced braces: '{' never closed"
                                                   : "'\"' never closed");
    int rc = RT_OK;
    rt_buf_append(&rc, out, st->buf + from, st->pos - from);
    st->pos++;
    return rc;
}

/* value = piece ('#' piece)*, where a piece is {..}, "..", a number or a macro name. */
static int read_value(bib_state *st, const rt_reader *r, rt_buf *out, rt_err *err)
{
    int rc = RT_OK;
    for (;;) {
        skip_ws(st);
        char c = st->pos < st->len ? st->buf[st->pos] : '\0';
        if (c == '{' || c == '"') {
            rc = read_delimited(st, r, out, err);
        } else if (is_name_char(c)) {
            size_t at = st->pos;
            char name[64];
            read_name(st, name, sizeof name);
            const char *v = isdigit((unsigned char)c) ? NULL : macro_get(st, name);
            if (isdigit((unsigned char)c))
                rt_buf_append(&rc, out, st->buf + at, st->pos - at);
            else if (v)
                rt_buf_puts(&rc, out, v);
            else
                return rt_err_set(err, RT_EFORMAT, "%s:%ld: undefined @string macro '%s'",
                                  r->path, line_of(st, at), name);
        } else {
            return fail(st, r, st->pos, err, "expected a value: {text}, \"text\", a number or "
                        "a @string name");
        }
        if (rc != RT_OK)
            return rc;
        skip_ws(st);
        if (st->pos >= st->len || st->buf[st->pos] != '#')
            return RT_OK;
        st->pos++;
    }
}

/* ---------------------------------------------------------------- entries */

static void entry_clear(bib_entry *e)
{
    for (size_t i = 0; i < e->n; i++)
        rt_buf_free(&e->f[i].raw);
    free(e->f);
    free(e->key);
    memset(e, 0, sizeof *e);
}

static bib_field *entry_add(bib_entry *e, const char *name, long line)
{
    if (e->n == e->cap) {
        size_t cap = e->cap ? 2 * e->cap : 16;
        bib_field *f = realloc(e->f, cap * sizeof *f);
        if (!f)
            return NULL;
        e->f = f;
        e->cap = cap;
    }
    bib_field *f = &e->f[e->n++];
    memset(f, 0, sizeof *f);
    snprintf(f->name, sizeof f->name, "%s", name);
    f->line = line;
    return f;
}

static const bib_field *entry_get(const bib_entry *e, const char *name)
{
    for (size_t i = 0; i < e->n; i++)
        if (strcmp(e->f[i].name, name) == 0)
            return &e->f[i];
    return NULL;
}

/* The key after '{', or none when the first token is a field name (EndNote writes no key). */
static int read_key(bib_state *st, const rt_reader *r, bib_entry *e, rt_err *err)
{
    skip_ws(st);
    size_t start = st->pos;
    while (st->pos < st->len && !isspace((unsigned char)st->buf[st->pos])
           && !strchr(",={}()\"#", st->buf[st->pos]))
        st->pos++;
    size_t end = st->pos;
    skip_ws(st);
    if (st->pos < st->len && st->buf[st->pos] == '=') {
        st->pos = start;                                  /* a field, not a key */
        return RT_OK;
    }
    if (end > start && !(e->key = rt_strndup(st->buf + start, end - start)))
        return RT_ENOMEM;
    if (e->key && rt_io_utf8_invalid(e->key, end - start) < end - start)
        return fail(st, r, start, err, "the entry key is not valid UTF-8");
    if (st->pos < st->len && st->buf[st->pos] == ',')
        st->pos++;
    else if (st->pos >= st->len || st->buf[st->pos] != e->close)
        return fail(st, r, st->pos, err, "expected ',' after the entry key");
    return RT_OK;
}

static int read_field(bib_state *st, const rt_reader *r, bib_entry *e, rt_err *err)
{
    size_t at = st->pos;
    char name[64];
    if (read_name(st, name, sizeof name) == 0)
        return fail(st, r, at, err, "expected a field name");
    if (entry_get(e, name)) {
        char msg[128];
        snprintf(msg, sizeof msg, "field '%s' given twice in entry '%s'", name,
                 e->key ? e->key : "(no key)");
        return fail(st, r, at, err, msg);
    }
    skip_ws(st);
    if (st->pos >= st->len || st->buf[st->pos] != '=')
        return fail(st, r, st->pos, err, "expected '=' after the field name");
    st->pos++;
    bib_field *f = entry_add(e, name, line_of(st, at));
    if (!f)
        return RT_ENOMEM;
    return read_value(st, r, &f->raw, err);
}

static int read_fields(bib_state *st, const rt_reader *r, bib_entry *e, size_t start, rt_err *err)
{
    for (;;) {
        skip_ws(st);
        if (st->pos >= st->len)
            return fail(st, r, start, err, e->close == '}' ? "entry not closed: '}' missing"
                                                           : "entry not closed: ')' missing");
        if (st->buf[st->pos] == e->close) {
            st->pos++;
            return RT_OK;
        }
        int rc = read_field(st, r, e, err);
        if (rc != RT_OK)
            return rc;
        skip_ws(st);
        if (st->pos < st->len && st->buf[st->pos] == ',')
            st->pos++;
        else if (st->pos < st->len && st->buf[st->pos] != e->close)
            return fail(st, r, st->pos, err, "expected ',' or the end of the entry after a value");
    }
}

static int read_string(bib_state *st, const rt_reader *r, char close, rt_err *err)
{
    size_t at;
    char name[64];
    skip_ws(st);
    at = st->pos;
    if (read_name(st, name, sizeof name) == 0)
        return fail(st, r, at, err, "@string: expected a name");
    skip_ws(st);
    if (st->pos >= st->len || st->buf[st->pos++] != '=')
        return fail(st, r, at, err, "@string: expected '=' after the name");
    rt_buf v = { 0 };
    int rc = read_value(st, r, &v, err);
    skip_ws(st);
    if (rc == RT_OK && (st->pos >= st->len || st->buf[st->pos++] != close))
        rc = fail(st, r, at, err, "@string: not closed");
    if (rc == RT_OK && st->nmacros == st->capmacros) {
        size_t cap = st->capmacros ? 2 * st->capmacros : 8;
        bib_macro *m = realloc(st->macros, cap * sizeof *m);
        rc = m ? RT_OK : RT_ENOMEM;
        if (m) {
            st->macros = m;
            st->capmacros = cap;
        }
    }
    if (rc == RT_OK) {
        bib_macro *m = &st->macros[st->nmacros];
        m->name = rt_strdup(name);
        m->value = rt_strdup(v.data ? v.data : "");
        if (m->name && m->value)
            st->nmacros++;
        else
            free(m->name), free(m->value), rc = RT_ENOMEM;
    }
    rt_buf_free(&v);
    return rc;
}

/* Skip the balanced group of @comment / @preamble. */
static int skip_group(bib_state *st, const rt_reader *r, size_t start, rt_err *err)
{
    size_t depth = 0;
    for (; st->pos < st->len; st->pos++) {
        char c = st->buf[st->pos];
        if (c == '{' || c == '(')
            depth++;
        else if ((c == '}' || c == ')') && --depth == 0) {
            st->pos++;
            return RT_OK;
        }
    }
    return fail(st, r, start, err, "@comment or @preamble not closed");
}

/*
 * Find and parse the next entry into E: RT_OK, RT_DONE, RT_EFORMAT (positioned
 * at the next entry), RT_ENOMEM. @string, @comment and @preamble are consumed.
 */
static int read_entry(bib_state *st, const rt_reader *r, bib_entry *e, rt_err *err)
{
    for (;;) {
        char *at = memchr(st->buf + st->pos, '@', st->len - st->pos);
        if (!at)
            return RT_DONE;
        size_t start = (size_t)(at - st->buf);
        st->pos = start + 1;
        skip_ws(st);
        char type[32];
        if (read_name(st, e->type, sizeof e->type) == 0)
            continue;                                     /* an '@' in comment text */
        skip_ws(st);
        if (st->pos >= st->len || (st->buf[st->pos] != '{' && st->buf[st->pos] != '('))
            continue;
        memcpy(type, e->type, sizeof type);
        st->entries++;
        e->close = st->buf[st->pos] == '{' ? '}' : ')';
        e->line = line_of(st, start);
        int rc;
        if (strcmp(type, "comment") == 0 || strcmp(type, "preamble") == 0) {
            rc = skip_group(st, r, start, err);
        } else {
            st->pos++;
            if (strcmp(type, "string") == 0)
                rc = read_string(st, r, e->close, err);
            else if ((rc = read_key(st, r, e, err)) == RT_OK)
                return read_fields(st, r, e, start, err);
        }
        if (rc != RT_OK)
            return rc;
    }
}

/* ---------------------------------------------------------------- records */

static int is_verbatim(const char *name)
{
    for (size_t i = 0; i < NVERBATIM; i++)
        if (strcmp(name, VERBATIM[i]) == 0)
            return 1;
    return 0;
}

/* Text of field NAME from RAW (LEN bytes): LaTeX converted, or verbatim; malloc'd into *out. */
static int field_text(const rt_reader *r, const bib_field *f, const char *raw, size_t len,
                      char **out, rt_err *err)
{
    int rc;
    if (!is_verbatim(f->name))
        rc = rt_latex_to_utf8(raw, len, out);
    else if (rt_io_utf8_invalid(raw, len) < len)
        rc = RT_EFORMAT;
    else
        rc = (*out = rt_strndup(raw, len)) ? RT_OK : RT_ENOMEM;
    if (rc == RT_EFORMAT)
        rt_err_set(err, rc, "%s:%ld: field '%s' is not valid UTF-8 (export the file as UTF-8)",
                   r->path, f->line, f->name);
    return rc;
}

/* Keywords separated by ',' ';' or new lines (EndNote); "facet:label" ones become labels. */
static int set_keywords(const rt_reader *r, rt_record *rec, const bib_field *f, rt_buf *kw,
                        rt_err *err)
{
    const char *s = f->raw.data ? f->raw.data : "";
    int rc = RT_OK;
    while (rc == RT_OK && *s) {
        size_t n = strcspn(s, ",;\n");
        char *text = NULL;
        rc = field_text(r, f, s, n, &text, err);
        if (rc == RT_OK)
            rc = rt_io_keyword(rec, kw, text, strlen(text));
        free(text);
        s += n + (s[n] != '\0');
    }
    return rc;
}

static void put_other(int *rc, rt_buf *b, const char *name, const char *text)
{
    rt_buf_puts(rc, b, b->len ? "," : "\"bibtex\":{");
    rt_json_string(rc, b, name, strlen(name));
    rt_buf_puts(rc, b, ":");
    rt_json_string(rc, b, text, strlen(text));
}

/* One field into REC; fields that are not record fields go to OTHER ("bibtex" members). */
static int set_field(const rt_reader *r, const bib_entry *e, const bib_field *f, rt_record *rec,
                     rt_buf *kw, rt_buf *other, rt_err *err)
{
    const char *name = f->name;
    if (!strcmp(name, "keywords") || !strcmp(name, "keyword"))
        return set_keywords(r, rec, f, kw, err);
    char *text = NULL;
    int rc = field_text(r, f, f->raw.data ? f->raw.data : "", f->raw.len, &text, err);
    if (rc != RT_OK)
        return rc;
    char **dst = !strcmp(name, "title") ? &rec->title : !strcmp(name, "abstract") ? &rec->abstract
                                                                                    : NULL;
    int year = rt_io_parse_year(text, strlen(text));
    if (dst && *text) {
        *dst = text;
        return RT_OK;
    }
    if (!strcmp(name, "year") && year)
        rec->year = year;
    else if (!strcmp(name, "date") && year && !entry_get(e, "year"))
        rec->year = year;
    else if ((!strcmp(name, "langid") || (!strcmp(name, "language") && !entry_get(e, "langid")))
             && *text)
        rc = rt_io_set_lang(rec, text, strlen(text));
    else if (*text)
        put_other(&rc, other, name, text);
    free(text);
    return rc;
}

static int set_type(rt_record *rec, const char *type)
{
    for (size_t i = 0; i < NTYPES; i++)
        if (strcmp(type, TYPES[i].bib) == 0)
            type = TYPES[i].type;
    return (rec->type = rt_strdup(type)) ? RT_OK : RT_ENOMEM;
}

static int set_extra(rt_record *rec, const rt_buf *kw, const rt_buf *other)
{
    int rc = RT_OK;
    rt_buf b = { 0 };
    if (!kw->len && !other->len)
        return RT_OK;
    rt_buf_puts(&rc, &b, "{");
    if (kw->len) {
        rt_buf_puts(&rc, &b, "\"keywords\":[");
        rt_buf_append(&rc, &b, kw->data, kw->len);
        rt_buf_puts(&rc, &b, other->len ? "]," : "]");
    }
    if (other->len) {
        rt_buf_append(&rc, &b, other->data, other->len);
        rt_buf_puts(&rc, &b, "}");
    }
    rt_buf_puts(&rc, &b, "}");
    if (rc == RT_OK)
        rec->extra = b.data;
    else
        rt_buf_free(&b);
    return rc;
}

static int build(const rt_reader *r, bib_entry *e, rt_record *rec, rt_err *err)
{
    rt_buf kw = { 0 }, other = { 0 };
    int rc = set_type(rec, e->type);
    if (rc == RT_OK && e->key) {
        rec->id = e->key;
        e->key = NULL;
    }
    for (size_t i = 0; i < e->n && rc == RT_OK; i++)
        rc = set_field(r, e, &e->f[i], rec, &kw, &other, err);
    if (rc == RT_OK)
        rc = set_extra(rec, &kw, &other);
    rt_buf_free(&kw);
    rt_buf_free(&other);
    if (rc == RT_OK && !rec->id)
        rc = rt_io_derive_id(rec);
    return rc;
}

static int bib_next(rt_reader *r, rt_record *rec, rt_err *err)
{
    bib_state *st = r->state;
    bib_entry e = { 0 };
    size_t from = st->pos;
    int rc = read_entry(st, r, &e, err);
    if (rc == RT_DONE) {
        entry_clear(&e);
        if (st->entries || st->told_empty || rt_io_blank(st->buf, st->len))
            return rc;
        st->told_empty = 1;                   /* text but no entry: not BibTeX at all? */
        return rt_err_set(err, RT_EFORMAT, "%s:1: no BibTeX entry (@type{key, field = ...}) "
                          "in the file", r->path);
    }
    rec->line = e.line;
    if (rc == RT_OK && !(rec->source = rt_strdup(r->path)))
        rc = RT_ENOMEM;
    if (rc == RT_OK)
        rc = build(r, &e, rec, err);
    entry_clear(&e);
    if (rc == RT_EFORMAT)
        resync(st, st->pos > from ? st->pos : from + 1);
    if (rc == RT_ENOMEM)
        rt_err_set(err, rc, "%s:%ld: out of memory", r->path, rec->line);
    return rc;
}

/* Read the whole file: entries span lines freely and files are small. */
static int slurp(rt_reader *r, bib_state *st, rt_err *err)
{
    rt_buf b = { 0 };
    int rc = RT_OK;
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, r->fp)) > 0)
        rt_buf_append(&rc, &b, chunk, n);
    if (ferror(r->fp))
        rc = rt_err_set(err, RT_EIO, "%s: read error: %s", r->path, strerror(errno));
    else if (rc != RT_OK)
        rt_err_set(err, rc, "%s: out of memory", r->path);
    rt_buf_append(&rc, &b, "", 0);
    if (rc != RT_OK) {
        rt_buf_free(&b);
        return rc;
    }
    size_t bom = b.len >= 3 && memcmp(b.data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    memmove(b.data, b.data + bom, b.len - bom + 1);
    st->buf = b.data;
    st->len = b.len - bom;
    return RT_OK;
}

static int bib_open(rt_reader *r, rt_err *err)
{
    bib_state *st = calloc(1, sizeof *st);
    if (!st)
        return rt_err_set(err, RT_ENOMEM, "%s: out of memory", r->path);
    st->lline = 1;
    r->state = st;
    return slurp(r, st, err);
}

static void bib_free(void *vst)
{
    bib_state *st = vst;
    for (size_t i = 0; i < st->nmacros; i++) {
        free(st->macros[i].name);
        free(st->macros[i].value);
    }
    free(st->macros);
    free(st->buf);
    free(st);
}

const rt_io_format rt_io_bibtex = { bib_open, bib_next, bib_free };
