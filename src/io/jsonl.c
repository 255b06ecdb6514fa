/*
 * jsonl.c - JSON Lines records (../shared/DESIGN.md): one object per line,
 * parsed with jansson; known fields go into rt_record, unknown members are
 * kept verbatim (input order, compacted) in rec->extra. From a regular file,
 * lines are read ahead in batches and parsed in parallel, handed out in order.
 */
#include <jansson.h>
#include <omp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "revtag/reader.h"
#include "rtint.h"

typedef enum field { F_OTHER, F_ID, F_TITLE, F_ABSTRACT, F_TEXT, F_YEAR, F_TYPE, F_LANG,
                     F_LABELS } field;

static field field_of(const char *k)
{
    static const char *const names[] = { "id", "title", "abstract", "text", "year",
                                         "type", "lang", "labels" };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(k, names[i]) == 0)
            return (field)(i + 1);
    return F_OTHER;
}

/* ---------------------------------------------------------------- columns */

typedef struct col_ctx {
    size_t want, seen, off;
} col_ctx;

static int find_member(void *vctx, const rt_json_member *m)
{
    col_ctx *c = vctx;
    if (c->seen++ != c->want)
        return 0;
    c->off = m->val_off;
    return 1;
}

/* 1-based column (in characters, like jansson's) of the value of member I of LINE. */
static long member_column(const char *line, size_t len, size_t i)
{
    col_ctx c = { i, 0, 0 };
    rt_json_members(line, len, find_member, &c);
    long col = 1;
    for (size_t k = 0; k < c.off; k++)
        if (((unsigned char)line[k] & 0xC0) != 0x80)
            col++;
    return col;
}

/* ---------------------------------------------------------------- fields */

typedef struct jsonl_line {
    const rt_reader *r;
    const char *text;
    size_t len;
    long lineno;
    size_t member;     /* index of the member being converted */
} jsonl_line;

static int bad(const jsonl_line *l, rt_err *err, const char *what, const char *key)
{
    return rt_err_set(err, RT_EFORMAT, "%s:%ld:%ld: \"%s\" %s", l->r->path, l->lineno,
                      member_column(l->text, l->len, l->member), key, what);
}

static int bad_facet(const jsonl_line *l, rt_err *err, const char *facet, const char *what)
{
    return rt_err_set(err, RT_EFORMAT, "%s:%ld:%ld: \"labels\": facet \"%s\" %s", l->r->path,
                      l->lineno, member_column(l->text, l->len, l->member), facet, what);
}

static int set_string(const jsonl_line *l, char **dst, const char *key, json_t *v, rt_err *err)
{
    if (json_is_null(v))
        return RT_OK;
    if (!json_is_string(v))
        return bad(l, err, "must be a string", key);
    if (!(*dst = rt_strndup(json_string_value(v), json_string_length(v))))
        return RT_ENOMEM;
    return RT_OK;
}

static int set_id(const jsonl_line *l, rt_record *rec, json_t *v, rt_err *err)
{
    if (json_is_integer(v)) {
        char num[32];
        snprintf(num, sizeof num, "%lld", (long long)json_integer_value(v));
        return (rec->id = rt_strdup(num)) ? RT_OK : RT_ENOMEM;
    }
    if (!json_is_string(v))
        return bad(l, err, "must be a string", "id");
    if (rt_io_blank(json_string_value(v), json_string_length(v)))
        return bad(l, err, "is empty", "id");
    return (rec->id = rt_strndup(json_string_value(v), json_string_length(v))) ? RT_OK
                                                                               : RT_ENOMEM;
}

static int set_year(const jsonl_line *l, rt_record *rec, json_t *v, rt_err *err)
{
    long long y = 0;
    if (json_is_integer(v)) {
        y = json_integer_value(v);
    } else if (json_is_string(v)) {
        const char *s = json_string_value(v);
        size_t n = json_string_length(v);
        if (n > 4 || strspn(s, "0123456789") != n)
            return bad(l, err, "must be a year (a number or a numeric string)", "year");
        y = n ? atoll(s) : 0;
    } else if (!json_is_null(v)) {
        return bad(l, err, "must be a year (a number or a numeric string)", "year");
    }
    if (y < 0 || y > 9999)
        return bad(l, err, "must be a year from 0 to 9999", "year");
    rec->year = (int)y;
    return RT_OK;
}

static int set_labels(const jsonl_line *l, rt_record *rec, json_t *v, rt_err *err)
{
    const char *facet;
    json_t *arr;
    if (!json_is_object(v))
        return bad(l, err, "must be an object of label lists, e.g. {\"country\": [\"GB\"]}",
                   "labels");
    json_object_foreach(v, facet, arr) {
        if (!json_is_array(arr))
            return bad_facet(l, err, facet, "must be a list of labels, e.g. [\"GB\"]");
        int rc = rt_record_add_facet(rec, facet);
        size_t i;
        json_t *lab;
        json_array_foreach(arr, i, lab) {
            if (rc != RT_OK)
                return rc;
            if (!json_is_string(lab) || rt_io_blank(json_string_value(lab), json_string_length(lab)))
                return bad_facet(l, err, facet, "has a label that is not a non-empty string");
            rc = rt_record_add_label(rec, facet, json_string_value(lab));
        }
        if (rc != RT_OK)
            return rc;
    }
    return RT_OK;
}

static int set_field(const jsonl_line *l, rt_record *rec, field f, const char *key, json_t *v,
                     rt_err *err)
{
    switch (f) {
    case F_ID: return set_id(l, rec, v, err);
    case F_TITLE: return set_string(l, &rec->title, key, v, err);
    case F_ABSTRACT: return set_string(l, &rec->abstract, key, v, err);
    case F_TEXT: return set_string(l, &rec->text, key, v, err);
    case F_YEAR: return set_year(l, rec, v, err);
    case F_TYPE: return set_string(l, &rec->type, key, v, err);
    case F_LANG: return set_string(l, &rec->lang, key, v, err);
    case F_LABELS: return set_labels(l, rec, v, err);
    default: return RT_OK;
    }
}

/* ---------------------------------------------------------------- extra */

typedef struct extra_ctx {
    int rc;
    rt_buf b;
    const char *text;
    json_t *root;
} extra_ctx;

static int copy_unknown(void *vctx, const rt_json_member *m)
{
    extra_ctx *c = vctx;
    const char *k = c->text + m->key_off + 1;
    size_t klen = m->key_len - 2;
    if (memchr(k, '\\', klen)) {
        json_t *dk = json_loadb(c->text + m->key_off, m->key_len, JSON_DECODE_ANY, NULL);
        int known = dk && field_of(json_string_value(dk)) != F_OTHER;
        if (!dk)
            c->rc = RT_ENOMEM;
        json_decref(dk);
        if (known || c->rc != RT_OK)
            return c->rc != RT_OK;
    } else if (rt_json_is_field(k, klen)) {
        return 0;
    }
    rt_buf_append(&c->rc, &c->b, c->b.len > 1 ? "," : "", c->b.len > 1);
    rt_buf_append(&c->rc, &c->b, c->text + m->key_off, m->key_len);
    rt_buf_append(&c->rc, &c->b, ":", 1);
    rt_json_compact(&c->rc, &c->b, c->text + m->val_off, m->val_len);
    return c->rc != RT_OK;
}

static int keep_unknown(const jsonl_line *l, rt_record *rec)
{
    extra_ctx c = { RT_OK, { 0 }, l->text, NULL };
    rt_buf_append(&c.rc, &c.b, "{", 1);
    rt_json_members(l->text, l->len, copy_unknown, &c);
    rt_buf_append(&c.rc, &c.b, "}", 1);
    if (c.rc != RT_OK) {
        rt_buf_free(&c.b);
        return c.rc;
    }
    rec->extra = c.b.data;
    return RT_OK;
}

/* ---------------------------------------------------------------- records */

static int from_object(const jsonl_line *line, json_t *root, rt_record *rec, rt_err *err)
{
    jsonl_line l = *line;
    const char *key;
    json_t *v;
    int unknown = 0, rc = RT_OK;
    l.member = 0;
    json_object_foreach(root, key, v) {
        field f = field_of(key);
        unknown |= f == F_OTHER;
        if ((rc = set_field(&l, rec, f, key, v, err)) != RT_OK)
            break;
        l.member++;
    }
    if (rc == RT_OK && unknown)
        rc = keep_unknown(&l, rec);
    if (rc == RT_ENOMEM)
        rt_err_set(err, rc, "%s:%ld: out of memory", l.r->path, l.lineno);
    return rc;
}

/* A hint when line 1 (LINENO) of a file read as JSONL looks like another format. */
static const char *format_hint(long lineno, const char *s)
{
    if (lineno != 1)
        return "";
    if (strncmp(s, "TY  -", 5) == 0)
        return " (this looks like RIS: use --format ris)";
    if (s[0] == '@' || s[0] == '%')
        return " (this looks like BibTeX: use --format bibtex)";
    if (s[0] != '{' && s[0] != '[' && strchr(s, '\t'))
        return " (this looks like TSV: use --format tsv)";
    if (s[0] != '{' && s[0] != '[' && strchr(s, ','))
        return " (this looks like CSV: use --format csv)";
    return "";
}

/* Record REC from line LINENO (TEXT, LEN bytes, NUL-terminated) of R; R is only read. */
static int parse_line(const rt_reader *r, const char *text, size_t len, long lineno,
                      rt_record *rec, rt_err *err)
{
    rec->line = lineno;
    if (!(rec->source = rt_strdup(r->path)))
        return rt_err_set(err, RT_ENOMEM, "%s:%ld: out of memory", r->path, lineno);
    json_error_t je;
    json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
    if (!root) {
        /* jansson leaves the text empty when an early allocation fails */
        if (json_error_code(&je) == json_error_out_of_memory || !je.text[0])
            return rt_err_set(err, RT_ENOMEM, "%s:%ld: out of memory", r->path, lineno);
        return rt_err_set(err, RT_EFORMAT, "%s:%ld:%d: %s%s", r->path, lineno,
                          je.column > 0 ? je.column : 1, je.text, format_hint(lineno, text));
    }
    int rc;
    if (!json_is_object(root)) {
        rc = rt_err_set(err, RT_EFORMAT, "%s:%ld:1: a record must be a JSON object", r->path,
                        lineno);
    } else {
        jsonl_line l = { r, text, len, lineno, 0 };
        rc = from_object(&l, root, rec, err);
    }
    json_decref(root);
    return rc;
}

/* ---------------------------------------------------------------- batches */

#define BATCH_LINES 1024

/* Lines read ahead and their records, parsed in parallel, handed out in order. */
typedef struct batch {
    int threads;
    char *text;             /* the lines, each NUL-terminated */
    size_t tlen, tcap;
    size_t off[BATCH_LINES], len[BATCH_LINES];
    long lineno[BATCH_LINES];
    rt_record recs[BATCH_LINES];
    int rc[BATCH_LINES];
    rt_err errs[BATCH_LINES];
    size_t n, next;         /* lines in the batch; the next to hand out */
    int end_rc;             /* after the batch: RT_OK (more lines), RT_DONE or a read error */
    rt_err end_err;
} batch;

static void batch_clear(batch *b)
{
    for (size_t i = b->next; i < b->n; i++)
        rt_record_clear(&b->recs[i]);
    b->n = b->next = 0;
    b->tlen = 0;
}

static int batch_add_line(batch *b, const char *s, size_t len)
{
    if (b->tlen + len + 1 > b->tcap) {
        size_t cap = b->tcap ? b->tcap : 1 << 16;
        while (cap < b->tlen + len + 1)
            cap *= 2;
        char *t = realloc(b->text, cap);
        if (!t)
            return RT_ENOMEM;
        b->text = t;
        b->tcap = cap;
    }
    memcpy(b->text + b->tlen, s, len + 1);
    b->off[b->n] = b->tlen;
    b->len[b->n++] = len;
    b->tlen += len + 1;
    return RT_OK;
}

/* Read up to BATCH_LINES non-blank lines, then parse them on b->threads threads. */
static void batch_fill(rt_reader *r, batch *b)
{
    batch_clear(b);
    size_t len;
    while (b->n < BATCH_LINES && b->end_rc == RT_OK) {
        if ((b->end_rc = rt_io_getline(r, &len, &b->end_err)) != RT_OK)
            break;
        if (rt_io_blank(r->line, len))
            continue;
        b->lineno[b->n] = r->lineno;
        if (batch_add_line(b, r->line, len) != RT_OK)
            b->end_rc = rt_err_set(&b->end_err, RT_ENOMEM, "%s:%ld: out of memory", r->path,
                                   r->lineno);
    }
    const rt_reader *cr = r;
#pragma omp parallel for num_threads(b->threads) schedule(dynamic, 16)
    for (size_t i = 0; i < b->n; i++) {
        rt_record_init(&b->recs[i]);
        b->errs[i].code = 0;
        b->errs[i].msg[0] = '\0';
        b->rc[i] = parse_line(cr, b->text + b->off[i], b->len[i], b->lineno[i], &b->recs[i],
                              &b->errs[i]);
    }
}

static int batch_next(rt_reader *r, batch *b, rt_record *rec, rt_err *err)
{
    if (b->next == b->n && b->end_rc == RT_OK)
        batch_fill(r, b);
    if (b->next == b->n) {
        if (err && b->end_rc != RT_DONE)
            *err = b->end_err;
        return b->end_rc;
    }
    size_t i = b->next++;
    *rec = b->recs[i];
    rt_record_init(&b->recs[i]);
    if (b->rc[i] != RT_OK && err)
        *err = b->errs[i];
    return b->rc[i];
}

/* ---------------------------------------------------------------- format */

static int jsonl_next(rt_reader *r, rt_record *rec, rt_err *err)
{
    if (r->state)
        return batch_next(r, r->state, rec, err);
    size_t len;
    int rc;
    do {
        if ((rc = rt_io_getline(r, &len, err)) != RT_OK)
            return rc;
    } while (rt_io_blank(r->line, len));
    return parse_line(r, r->line, len, r->lineno, rec, err);
}

/* Batches when more than one thread will parse and the input is a regular file
 * (reading ahead from a pipe or terminal would hold records back). */
static int jsonl_open(rt_reader *r, rt_err *err)
{
    struct stat st;
    int threads = r->o.threads > 0 ? r->o.threads : omp_get_max_threads();
    if (threads <= 1 || fstat(fileno(r->fp), &st) != 0 || !S_ISREG(st.st_mode))
        return RT_OK;
    batch *b = calloc(1, sizeof *b);
    if (!b)
        return rt_err_set(err, RT_ENOMEM, "%s: out of memory", r->path);
    b->threads = threads;
    r->state = b;
    return RT_OK;
}

static void jsonl_free(void *state)
{
    batch *b = state;
    if (!b)
        return;
    batch_clear(b);
    free(b->text);
    free(b);
}

const rt_io_format rt_io_jsonl = { jsonl_open, jsonl_next, jsonl_free };
