/*
 * json_write.c - records out as compact JSON objects in a fixed member order,
 * plus the byte-level JSON helpers the readers share: string escaping, and a
 * scanner over validated object text that keeps unknown members verbatim.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "revtag/reader.h"
#include "rtint.h"

static const char *const FIELDS[] = { "id", "title", "abstract", "text", "year",
                                      "type", "lang", "labels" };
#define NFIELDS (sizeof FIELDS / sizeof FIELDS[0])

int rt_json_is_field(const char *name, size_t len)
{
    for (size_t i = 0; i < NFIELDS; i++)
        if (strlen(FIELDS[i]) == len && memcmp(FIELDS[i], name, len) == 0)
            return 1;
    return 0;
}

/* ---------------------------------------------------------------- escaping */

void rt_json_string(int *rc, rt_buf *b, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    rt_buf_append(rc, b, "\"", 1);
    size_t run = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        rt_buf_append(rc, b, s + run, i - run);
        run = i + 1;
        char e[7] = { '\\', (char)c, 0 };
        switch (c) {
        case '"': case '\\': break;
        case '\n': e[1] = 'n'; break;
        case '\t': e[1] = 't'; break;
        case '\r': e[1] = 'r'; break;
        case '\b': e[1] = 'b'; break;
        case '\f': e[1] = 'f'; break;
        default:
            memcpy(e + 1, "u00", 3);
            e[4] = hex[c >> 4];
            e[5] = hex[c & 15];
        }
        rt_buf_puts(rc, b, e);
    }
    rt_buf_append(rc, b, s + run, len - run);
    rt_buf_append(rc, b, "\"", 1);
}

/* ---------------------------------------------------------------- scanning */

static int is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Index just past the string literal starting at S[i] == '"', or LEN if unterminated. */
static size_t skip_string(const char *s, size_t len, size_t i)
{
    for (i++; i < len; i++) {
        if (s[i] == '\\')
            i++;
        else if (s[i] == '"')
            return i + 1;
    }
    return len;
}

/* Index just past the value starting at S[i]. */
static size_t skip_value(const char *s, size_t len, size_t i)
{
    if (i >= len)
        return len;
    if (s[i] == '"')
        return skip_string(s, len, i);
    if (s[i] != '{' && s[i] != '[') {
        while (i < len && !is_ws(s[i]) && s[i] != ',' && s[i] != '}' && s[i] != ']')
            i++;
        return i;
    }
    size_t depth = 0;
    while (i < len) {
        if (s[i] == '"') {
            i = skip_string(s, len, i);
            continue;
        }
        if (s[i] == '{' || s[i] == '[')
            depth++;
        else if ((s[i] == '}' || s[i] == ']') && --depth == 0)
            return i + 1;
        i++;
    }
    return len;
}

static size_t skip_ws(const char *s, size_t len, size_t i)
{
    while (i < len && is_ws(s[i]))
        i++;
    return i;
}

int rt_json_members(const char *s, size_t len,
                    int (*fn)(void *ctx, const rt_json_member *m), void *ctx)
{
    size_t i = skip_ws(s, len, 0);
    if (i >= len || s[i] != '{')
        return -1;
    i = skip_ws(s, len, i + 1);
    while (i < len && s[i] == '"') {
        rt_json_member m;
        m.key_off = i;
        i = skip_string(s, len, i);
        m.key_len = i - m.key_off;
        i = skip_ws(s, len, i);
        if (i >= len || s[i] != ':')
            return -1;
        m.val_off = skip_ws(s, len, i + 1);
        i = skip_value(s, len, m.val_off);
        m.val_len = i - m.val_off;
        int stop = fn(ctx, &m);
        if (stop)
            return stop;
        i = skip_ws(s, len, i);
        if (i < len && s[i] == ',')
            i = skip_ws(s, len, i + 1);
    }
    return 0;
}

void rt_json_compact(int *rc, rt_buf *b, const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && *rc == RT_OK) {
        size_t j = i;
        if (s[i] == '"')
            j = skip_string(s, len, i);
        else
            while (j < len && s[j] != '"' && !is_ws(s[j]))
                j++;
        rt_buf_append(rc, b, s + i, j - i);
        i = skip_ws(s, len, j);
    }
}

/* ---------------------------------------------------------------- writer */

/*
 * The member name of M in S, decoded: points into S when the key has no
 * escapes, else into SCRATCH (jansson-decoded). NULL on a bad key.
 */
static const char *member_key(const char *s, const rt_json_member *m, size_t *klen,
                              json_t **scratch)
{
    const char *k = s + m->key_off + 1;
    size_t n = m->key_len >= 2 ? m->key_len - 2 : 0;
    if (!memchr(k, '\\', n)) {
        *klen = n;
        return k;
    }
    *scratch = json_loadb(s + m->key_off, m->key_len, JSON_DECODE_ANY, NULL);
    if (!*scratch || !json_is_string(*scratch))
        return NULL;
    *klen = json_string_length(*scratch);
    return json_string_value(*scratch);
}

typedef struct write_ctx {
    int rc;
    rt_buf *b;
    const char *src;      /* the object text being copied */
    json_t *skip;         /* members of this object are not copied (may be NULL) */
    int is_extra;         /* copying rec->extra: members named like record fields are dropped */
    int fields_bad;       /* set when a member of APPEND names a record field */
} write_ctx;

static int copy_member(void *vctx, const rt_json_member *m)
{
    write_ctx *c = vctx;
    json_t *scratch = NULL;
    size_t klen;
    const char *k = member_key(c->src, m, &klen, &scratch);
    int field = k && rt_json_is_field(k, klen);
    int skip = (k && c->skip && json_object_getn(c->skip, k, klen)) || (field && c->is_extra);
    c->fields_bad |= field && !c->is_extra;
    json_decref(scratch);
    if (skip)
        return 0;
    rt_buf_puts(&c->rc, c->b, c->b->data[c->b->len - 1] == '{' ? "" : ",");
    rt_buf_append(&c->rc, c->b, c->src + m->key_off, m->key_len);
    rt_buf_append(&c->rc, c->b, ":", 1);
    rt_json_compact(&c->rc, c->b, c->src + m->val_off, m->val_len);
    return c->rc != RT_OK;
}

static void put_key(int *rc, rt_buf *b, const char *key)
{
    if (*rc == RT_OK && b->data[b->len - 1] != '{')
        rt_buf_append(rc, b, ",", 1);
    rt_json_string(rc, b, key, strlen(key));
    rt_buf_append(rc, b, ":", 1);
}

static void put_str(int *rc, rt_buf *b, const char *key, const char *val)
{
    if (!val)
        return;
    put_key(rc, b, key);
    rt_json_string(rc, b, val, strlen(val));
}

static void put_labels(int *rc, rt_buf *b, const rt_record *rec)
{
    if (rec->nfacets == 0)
        return;
    put_key(rc, b, "labels");
    rt_buf_append(rc, b, "{", 1);
    for (size_t i = 0; i < rec->nfacets; i++) {
        const rt_facet_labels *f = &rec->facets[i];
        put_key(rc, b, f->facet);
        rt_buf_append(rc, b, "[", 1);
        for (size_t j = 0; j < f->nlabels; j++) {
            if (j)
                rt_buf_append(rc, b, ",", 1);
            rt_json_string(rc, b, f->labels[j], strlen(f->labels[j]));
        }
        rt_buf_append(rc, b, "]", 1);
    }
    rt_buf_append(rc, b, "}", 1);
}

static int parse_append(const char *append, json_t **out, rt_err *err)
{
    json_error_t je;
    *out = json_loads(append, JSON_REJECT_DUPLICATES, &je);
    if (!*out)
        return json_error_code(&je) == json_error_out_of_memory || !je.text[0]
                   ? rt_err_set(err, RT_ENOMEM, "out of memory")
                   : rt_err_set(err, RT_EINVAL, "appended JSON: %s", je.text);
    if (!json_is_object(*out))
        return rt_err_set(err, RT_EINVAL, "appended JSON is not an object");
    return RT_OK;
}

int rt_record_write_json(const rt_record *rec, const char *append, char **out, size_t *len,
                         rt_err *err)
{
    *out = NULL;
    *len = 0;
    json_t *app = NULL;
    int rc = append ? parse_append(append, &app, err) : RT_OK;
    rt_buf b = { 0 };
    rt_buf_append(&rc, &b, "{", 1);
    put_str(&rc, &b, "id", rec->id);
    put_str(&rc, &b, "title", rec->title);
    put_str(&rc, &b, "abstract", rec->abstract);
    put_str(&rc, &b, "text", rec->text);
    if (rec->year) {
        put_key(&rc, &b, "year");
        rt_buf_printf(&rc, &b, "%d", rec->year);
    }
    put_str(&rc, &b, "type", rec->type);
    put_str(&rc, &b, "lang", rec->lang);
    put_labels(&rc, &b, rec);
    write_ctx c = { rc, &b, rec->extra, app, 1, 0 };
    if (c.rc == RT_OK && rec->extra)
        rt_json_members(rec->extra, strlen(rec->extra), copy_member, &c);
    c.src = append;
    c.skip = NULL;
    c.is_extra = 0;
    if (c.rc == RT_OK && append)
        rt_json_members(append, strlen(append), copy_member, &c);
    rt_buf_append(&c.rc, &b, "}", 1);
    json_decref(app);
    if (c.rc == RT_OK && c.fields_bad)
        c.rc = rt_err_set(err, RT_EINVAL, "appended JSON names a record field");
    else if (c.rc == RT_ENOMEM)
        rt_err_set(err, RT_ENOMEM, "out of memory");
    if (c.rc != RT_OK) {
        rt_buf_free(&b);
        return c.rc;
    }
    *out = b.data;
    *len = b.len;
    return RT_OK;
}
