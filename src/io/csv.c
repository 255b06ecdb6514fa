/*
 * csv.c - CSV (RFC 4180, strict quoting) and TSV records through libcsv: a
 * header row maps columns to record fields and label facets (by name, or
 * by a "FIELD=COLUMN,..." mapping); other columns are kept as strings.
 */
#include <csv.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "revtag/reader.h"
#include "rtint.h"

typedef enum col_kind { C_EXTRA, C_ID, C_TITLE, C_ABSTRACT, C_TEXT, C_YEAR, C_TYPE, C_LANG,
                        C_KEYWORDS, C_LABEL } col_kind;

static const char *const KIND_NAMES[] = { "", "id", "title", "abstract", "text",
                                          "year", "type", "lang", "keywords" };
#define NKINDS (sizeof KIND_NAMES / sizeof KIND_NAMES[0])

typedef struct csv_row {
    char **cells;
    size_t n, cap;
    long line;                  /* line the row starts on */
} csv_row;

typedef struct csv_col {
    col_kind kind;
    char *name;                 /* header name (extra: the JSON key); owned */
    char *facet;                /* C_LABEL: facet name; owned */
} csv_col;

typedef struct csv_state {
    struct csv_parser p;
    unsigned char opts;
    int rc;                     /* sticky RT_ENOMEM from the callbacks */
    csv_row cur;                /* row being parsed */
    int row_open;               /* cur has started */
    csv_row *queue;             /* completed rows, oldest at head */
    size_t qhead, qlen, qcap;
    int eof;
    int sniffed;                /* the delimiter has been chosen from the header line */
    csv_col *cols;
    size_t ncols;
    int has_id;
} csv_state;

/* ---------------------------------------------------------------- rows */

static void row_clear(csv_row *row)
{
    for (size_t i = 0; i < row->n; i++)
        free(row->cells[i]);
    free(row->cells);
    memset(row, 0, sizeof *row);
}

static void on_field(void *s, size_t len, void *data)
{
    csv_state *st = data;
    if (st->rc != RT_OK)
        return;
    if (st->cur.n == st->cur.cap) {
        size_t cap = st->cur.cap ? 2 * st->cur.cap : 16;
        char **cells = realloc(st->cur.cells, cap * sizeof *cells);
        if (!cells) {
            st->rc = RT_ENOMEM;
            return;
        }
        st->cur.cells = cells;
        st->cur.cap = cap;
    }
    char *cell = rt_strndup(s ? s : "", s ? len : 0);
    if (!cell)
        st->rc = RT_ENOMEM;
    else
        st->cur.cells[st->cur.n++] = cell;
}

static void on_row(int c, void *data)
{
    csv_state *st = data;
    (void)c;
    st->row_open = 0;
    if (st->rc != RT_OK)
        return;
    if (st->qlen == st->qcap) {
        size_t cap = st->qcap ? 2 * st->qcap : 4;
        csv_row *q = realloc(st->queue, cap * sizeof *q);
        if (!q) {
            st->rc = RT_ENOMEM;
            return;
        }
        st->queue = q;
        st->qcap = cap;
    }
    st->queue[st->qlen++] = st->cur;
    memset(&st->cur, 0, sizeof st->cur);
}

static int parser_init(csv_state *st)
{
    if (csv_init(&st->p, st->opts) != 0)
        return RT_ENOMEM;
    csv_set_realloc_func(&st->p, realloc);
    csv_set_free_func(&st->p, free);
    return RT_OK;
}

/* After a quoting error: drop the partial row and start afresh on the next line. */
static int parser_reset(csv_state *st, unsigned char delim)
{
    csv_free(&st->p);
    row_clear(&st->cur);
    st->row_open = 0;
    int rc = parser_init(st);
    csv_set_delim(&st->p, delim);
    return rc;
}

static int feed(rt_reader *r, csv_state *st, const char *s, size_t len, rt_err *err)
{
    size_t done = csv_parse(&st->p, s, len, on_field, on_row, st);
    if (st->rc != RT_OK || csv_error(&st->p) == CSV_ENOMEM)
        return rt_err_set(err, RT_ENOMEM, "%s:%ld: out of memory", r->path, r->lineno);
    if (done == len)
        return RT_OK;
    long line = r->lineno;
    if (parser_reset(st, csv_get_delim(&st->p)) != RT_OK)
        return rt_err_set(err, RT_ENOMEM, "%s:%ld: out of memory", r->path, line);
    return rt_err_set(err, RT_EFORMAT,
                      "%s:%ld: malformed %s: a quote inside an unquoted field, or text after a "
                      "closing quote (quote the whole field and double inner quotes)",
                      r->path, line, r->o.format == RT_FORMAT_TSV ? "TSV" : "CSV");
}

static int finish(rt_reader *r, csv_state *st, rt_err *err)
{
    st->eof = 1;
    long start = st->cur.line;
    int open = st->row_open;
    if (csv_fini(&st->p, on_field, on_row, st) == 0 && st->rc == RT_OK)
        return RT_OK;
    if (st->rc != RT_OK)
        return rt_err_set(err, RT_ENOMEM, "%s: out of memory", r->path);
    row_clear(&st->cur);
    return rt_err_set(err, RT_EFORMAT, "%s:%ld: quoted field not closed before the end of the file",
                      r->path, open ? start : r->lineno);
}

/*
 * A .csv whose header line has more ';' than ',' outside quotes is semicolon-
 * separated, as Excel writes CSV in French, German or Dutch locales.
 */
static void sniff(rt_reader *r, csv_state *st, const char *s, size_t len)
{
    st->sniffed = 1;
    if (r->o.format != RT_FORMAT_CSV)
        return;
    size_t commas = 0, semis = 0;
    int quoted = 0;
    for (size_t i = 0; i < len; i++) {
        quoted ^= s[i] == '"';
        commas += !quoted && s[i] == ',';
        semis += !quoted && s[i] == ';';
    }
    if (semis > commas)
        csv_set_delim(&st->p, ';');
}

/* Parse lines until a complete row is queued or the input ends. */
static int fill(rt_reader *r, csv_state *st, rt_err *err)
{
    while (st->qhead == st->qlen && !st->eof) {
        st->qhead = st->qlen = 0;
        size_t len;
        int rc = rt_io_getline(r, &len, err);
        if (rc == RT_DONE)
            return finish(r, st, err);
        if (rc != RT_OK)
            return rc;
        if (!st->row_open && rt_io_blank(r->line, len))
            continue;
        if (!st->sniffed)
            sniff(r, st, r->line, len);
        if (!st->row_open) {
            st->row_open = 1;
            st->cur.line = r->lineno;
        }
        if ((rc = feed(r, st, r->line, len, err)) != RT_OK
            || (rc = feed(r, st, "\n", 1, err)) != RT_OK)
            return rc;
    }
    return RT_OK;
}

/* Take the oldest complete row into *row; RT_DONE when there is none. */
static int take_row(rt_reader *r, csv_state *st, csv_row *row, rt_err *err)
{
    int rc = fill(r, st, err);
    if (rc != RT_OK)
        return rc;
    if (st->qhead == st->qlen)
        return RT_DONE;
    *row = st->queue[st->qhead++];
    return RT_OK;
}

/* ---------------------------------------------------------------- header */

static void trim(char *s)
{
    size_t n = strlen(s), i = 0;
    while (n && isspace((unsigned char)s[n - 1]))
        s[--n] = '\0';
    while (isspace((unsigned char)s[i]))
        i++;
    memmove(s, s + i, n - i + 1);
}

static col_kind kind_of(const char *name)
{
    for (size_t k = 1; k < NKINDS; k++)
        if (strcasecmp(name, KIND_NAMES[k]) == 0)
            return (col_kind)k;
    return C_EXTRA;
}

/*
 * Column names of reviewers' exports, tried after the field names themselves,
 * in this order: Zotero, Covidence, EPPI-Reviewer, EndNote, Web of Science,
 * Scopus, PubMed.
 */
static const struct { const char *name; col_kind kind; } ALIASES[] = {
    { "key", C_ID }, { "covidence #", C_ID }, { "itemid", C_ID }, { "item id", C_ID },
    { "record number", C_ID }, { "ut (unique wos id)", C_ID }, { "eid", C_ID }, { "pmid", C_ID },
    { "article title", C_TITLE }, { "document title", C_TITLE }, { "primary title", C_TITLE },
    { "abstract note", C_ABSTRACT }, { "publication year", C_YEAR }, { "published year", C_YEAR },
    { "year published", C_YEAR }, { "item type", C_TYPE }, { "reference type", C_TYPE },
    { "document type", C_TYPE }, { "language", C_LANG }, { "language of original document", C_LANG },
    { "manual tags", C_KEYWORDS }, { "tags", C_KEYWORDS }, { "author keywords", C_KEYWORDS },
};
#define NALIASES (sizeof ALIASES / sizeof ALIASES[0])

/* Web of Science tab-delimited exports: two-letter field tags as headers ("ID" is Keywords Plus). */
static const struct { const char *tag; col_kind kind; } WOS[] = {
    { "UT", C_ID }, { "TI", C_TITLE }, { "AB", C_ABSTRACT }, { "PY", C_YEAR }, { "LA", C_LANG },
    { "DT", C_TYPE }, { "DE", C_KEYWORDS },
};
#define NWOS (sizeof WOS / sizeof WOS[0])

/* Facet named by "label:FACET" or "labels.FACET", else NULL. */
static const char *label_facet(const char *name)
{
    if (strncasecmp(name, "label:", 6) == 0 && name[6])
        return name + 6;
    if (strncasecmp(name, "labels.", 7) == 0 && name[7])
        return name + 7;
    return NULL;
}

static int col_set(csv_col *c, col_kind kind, const char *facet)
{
    c->kind = kind;
    if (kind == C_LABEL && !(c->facet = rt_strdup(facet)))
        return RT_ENOMEM;
    return RT_OK;
}

/* Index of the header column named NAME (exact, then case-insensitive), or ncols. */
static size_t find_col(const csv_state *st, const char *name, size_t len)
{
    for (size_t i = 0; i < st->ncols; i++)
        if (strlen(st->cols[i].name) == len && memcmp(st->cols[i].name, name, len) == 0)
            return i;
    for (size_t i = 0; i < st->ncols; i++)
        if (strlen(st->cols[i].name) == len && strncasecmp(st->cols[i].name, name, len) == 0)
            return i;
    return st->ncols;
}

static int field_taken(const csv_state *st, col_kind kind, const char *facet)
{
    for (size_t i = 0; i < st->ncols; i++)
        if (st->cols[i].kind == kind
            && (kind != C_LABEL || (facet && strcmp(st->cols[i].facet, facet) == 0)))
            return 1;
    return 0;
}

/* Apply one "FIELD=COLUMN" entry of the --columns mapping. */
static int map_entry(rt_reader *r, csv_state *st, const char *e, size_t len, rt_err *err)
{
    const char *eq = memchr(e, '=', len);
    if (!eq || eq == e || eq == e + len - 1)
        return rt_err_set(err, RT_EINVAL, "%s: column mapping '%.*s': expected FIELD=COLUMN",
                          r->path, (int)len, e);
    char field[128];
    snprintf(field, sizeof field, "%.*s", (int)(eq - e), e);
    trim(field);
    const char *facet = label_facet(field);
    col_kind kind = facet ? C_LABEL : kind_of(field);
    if (kind == C_EXTRA)
        return rt_err_set(err, RT_EINVAL,
                          "%s: column mapping: unknown field '%s' (id, title, abstract, text, "
                          "year, type, lang, keywords, label:FACET)", r->path, field);
    size_t col = find_col(st, eq + 1, (size_t)(e + len - eq - 1));
    if (col == st->ncols)
        return rt_err_set(err, RT_EINVAL, "%s: column mapping: no column '%.*s' in the header",
                          r->path, (int)(e + len - eq - 1), eq + 1);
    if (st->cols[col].kind != C_EXTRA || field_taken(st, kind, facet))
        return rt_err_set(err, RT_EINVAL, "%s: column mapping: '%s' or column '%s' mapped twice",
                          r->path, field, st->cols[col].name);
    return col_set(&st->cols[col], kind, facet) == RT_OK
               ? RT_OK : rt_err_set(err, RT_ENOMEM, "%s: out of memory", r->path);
}

static int map_explicit(rt_reader *r, csv_state *st, rt_err *err)
{
    const char *s = r->o.columns;
    while (s && *s) {
        size_t n = strcspn(s, ",");
        if (n > 0) {
            int rc = map_entry(r, st, s, n, err);
            if (rc != RT_OK)
                return rc;
        }
        s += n + (s[n] == ',');
    }
    return RT_OK;
}

/* A Web of Science export (headers PT and UT) maps its own tags first. */
static void map_wos(csv_state *st)
{
    if (find_col(st, "PT", 2) == st->ncols || find_col(st, "UT", 2) == st->ncols)
        return;
    for (size_t w = 0; w < NWOS; w++) {
        size_t i = find_col(st, WOS[w].tag, 2);
        if (i < st->ncols && st->cols[i].kind == C_EXTRA && !field_taken(st, WOS[w].kind, NULL))
            st->cols[i].kind = WOS[w].kind;
    }
}

/* Map the columns --columns left alone by their header names. */
static int map_by_name(rt_reader *r, csv_state *st, rt_err *err)
{
    map_wos(st);
    for (size_t i = 0; i < st->ncols; i++) {
        csv_col *c = &st->cols[i];
        if (c->kind != C_EXTRA)
            continue;
        const char *facet = label_facet(c->name);
        col_kind kind = facet ? C_LABEL : kind_of(c->name);
        if (strcasecmp(c->name, "labels") == 0)
            return rt_err_set(err, RT_EINVAL, "%s:1: column 'labels' needs a facet: name it "
                              "label:FACET, or map it with --columns label:FACET=labels", r->path);
        if (kind != C_EXTRA && !field_taken(st, kind, facet) && col_set(c, kind, facet) != RT_OK)
            return rt_err_set(err, RT_ENOMEM, "%s: out of memory", r->path);
    }
    for (size_t a = 0; a < NALIASES; a++) {
        if (field_taken(st, ALIASES[a].kind, NULL))
            continue;
        for (size_t i = 0; i < st->ncols; i++)
            if (st->cols[i].kind == C_EXTRA && strcasecmp(st->cols[i].name, ALIASES[a].name) == 0) {
                st->cols[i].kind = ALIASES[a].kind;
                break;
            }
    }
    return RT_OK;
}

/* 1 when NAME is taken: by an earlier extra column, a record field or a key the reader adds. */
static int name_used(const csv_state *st, size_t upto, const char *name)
{
    if (rt_json_is_field(name, strlen(name)) || strcmp(name, "keywords") == 0
        || strcmp(name, "year_text") == 0)
        return 1;
    for (size_t j = 0; j < upto; j++)
        if (st->cols[j].kind == C_EXTRA && strcmp(st->cols[j].name, name) == 0)
            return 1;
    return 0;
}

/* Extra columns get distinct JSON keys: "Notes", "Notes.2", ...; empty names "column N". */
static int name_extras(csv_state *st)
{
    for (size_t i = 0; i < st->ncols; i++) {
        csv_col *c = &st->cols[i];
        if (c->kind != C_EXTRA)
            continue;
        char name[300];
        if (c->name[0])
            snprintf(name, sizeof name, "%s", c->name);
        else
            snprintf(name, sizeof name, "column %zu", i + 1);
        for (int dup = 2; name_used(st, i, name); dup++)
            snprintf(name, sizeof name, "%.280s.%d", c->name, dup);
        if (strcmp(name, c->name) != 0) {
            char *n = rt_strdup(name);
            if (!n)
                return RT_ENOMEM;
            free(c->name);
            c->name = n;
        }
    }
    return RT_OK;
}

static int has_text_column(const csv_state *st)
{
    for (size_t i = 0; i < st->ncols; i++)
        if (st->cols[i].kind == C_TITLE || st->cols[i].kind == C_ABSTRACT
            || st->cols[i].kind == C_TEXT)
            return 1;
    return 0;
}

static int read_header(rt_reader *r, csv_state *st, rt_err *err)
{
    csv_row h;
    int rc = take_row(r, st, &h, err);
    if (rc == RT_DONE)
        return rt_err_set(err, RT_EFORMAT, "%s:1: empty file: no header row", r->path);
    if (rc != RT_OK)
        return rc;
    st->cols = calloc(h.n, sizeof *st->cols);
    if (!st->cols) {
        row_clear(&h);
        return rt_err_set(err, RT_ENOMEM, "%s: out of memory", r->path);
    }
    st->ncols = h.n;
    for (size_t i = 0; i < h.n; i++) {
        size_t n = strlen(h.cells[i]);
        if (rt_io_utf8_invalid(h.cells[i], n) < n) {
            long line = h.line;
            row_clear(&h);
            return rt_err_set(err, RT_EFORMAT, "%s:%ld: the header is not valid UTF-8 (save "
                              "the file as UTF-8)", r->path, line);
        }
    }
    for (size_t i = 0; i < h.n; i++) {
        trim(h.cells[i]);
        st->cols[i].name = h.cells[i];
        h.cells[i] = NULL;
    }
    row_clear(&h);
    if ((rc = map_explicit(r, st, err)) != RT_OK || (rc = map_by_name(r, st, err)) != RT_OK)
        return rc;
    if (name_extras(st) != RT_OK)
        return rt_err_set(err, RT_ENOMEM, "%s: out of memory", r->path);
    if (!has_text_column(st))
        return rt_err_set(err, RT_EINVAL, "%s:1: no title, abstract or text column in the "
                          "header; name one with --columns, e.g. title=\"Article Title\"", r->path);
    st->has_id = field_taken(st, C_ID, NULL);
    return RT_OK;
}

/* ---------------------------------------------------------------- records */

/* Split CELL on the label separator: labels of FACET, or keywords (facet NULL) into KW. */
static int add_labels(const rt_reader *r, rt_record *rec, const char *facet, const char *cell,
                      rt_buf *kw)
{
    const char *sep = r->o.label_sep;
    size_t seplen = strlen(sep);
    while (*cell) {
        const char *end = strstr(cell, sep);
        size_t n = end ? (size_t)(end - cell) : strlen(cell);
        while (n && isspace((unsigned char)*cell))
            cell++, n--;
        while (n && isspace((unsigned char)cell[n - 1]))
            n--;
        if (n && !facet) {
            int rc = rt_io_keyword(rec, kw, cell, n);
            if (rc != RT_OK)
                return rc;
        } else if (n) {
            char *label = rt_strndup(cell, n);
            int rc = label ? rt_record_add_label(rec, facet, label) : RT_ENOMEM;
            free(label);
            if (rc != RT_OK)
                return rc;
        }
        if (!end)
            break;
        cell = end + seplen;
    }
    return RT_OK;
}

static void put_extra(int *rc, rt_buf *extra, const char *key, const char *val)
{
    rt_buf_puts(rc, extra, extra->len ? "," : "{");
    rt_json_string(rc, extra, key, strlen(key));
    rt_buf_puts(rc, extra, ":");
    rt_json_string(rc, extra, val, strlen(val));
}

static int set_cell(const rt_reader *r, rt_record *rec, const csv_col *c, char **cell,
                    rt_buf *extra, rt_buf *kw)
{
    int rc = RT_OK;
    char **dst = NULL;
    switch (c->kind) {
    case C_ID: trim(*cell); dst = &rec->id; break;
    case C_TITLE: dst = &rec->title; break;
    case C_ABSTRACT: dst = &rec->abstract; break;
    case C_TEXT: dst = &rec->text; break;
    case C_TYPE: trim(*cell); dst = &rec->type; break;
    case C_LANG: return rt_io_set_lang(rec, *cell, strlen(*cell));
    case C_LABEL: return add_labels(r, rec, c->facet, *cell, NULL);
    case C_KEYWORDS: return add_labels(r, rec, NULL, *cell, kw);
    case C_YEAR:
        rec->year = rt_io_parse_year(*cell, strlen(*cell));
        if (!rec->year && !rt_io_blank(*cell, strlen(*cell)))
            put_extra(&rc, extra, "year_text", *cell);   /* "in press": kept, not lost */
        return rc;
    case C_EXTRA:
        if (**cell)
            put_extra(&rc, extra, c->name, *cell);
        return rc;
    }
    if (dst && **cell) {
        *dst = *cell;
        *cell = NULL;
    }
    return RT_OK;
}

static int check_row(const rt_reader *r, const csv_state *st, csv_row *row, rt_err *err)
{
    while (row->n > st->ncols && !row->cells[row->n - 1][0])
        free(row->cells[--row->n]);           /* a trailing delimiter (Web of Science) */
    if (row->n != st->ncols)
        return rt_err_set(err, RT_EFORMAT, "%s:%ld: row has %zu field(s), the header has %zu",
                          r->path, row->line, row->n, st->ncols);
    for (size_t i = 0; i < row->n; i++) {
        size_t n = strlen(row->cells[i]);
        if (rt_io_utf8_invalid(row->cells[i], n) < n)
            return rt_err_set(err, RT_EFORMAT, "%s:%ld: column '%s' is not valid UTF-8 "
                              "(save the file as UTF-8)", r->path, row->line, st->cols[i].name);
    }
    return RT_OK;
}

static int row_to_record(rt_reader *r, csv_state *st, csv_row *row, rt_record *rec)
{
    rt_buf extra = { 0 }, kw = { 0 };
    int rc = RT_OK;
    for (size_t i = 0; i < row->n && rc == RT_OK; i++)
        rc = set_cell(r, rec, &st->cols[i], &row->cells[i], &extra, &kw);
    if (rc == RT_OK && kw.len) {
        rt_buf_puts(&rc, &extra, extra.len ? ",\"keywords\":[" : "{\"keywords\":[");
        rt_buf_append(&rc, &extra, kw.data, kw.len);
        rt_buf_puts(&rc, &extra, "]");
    }
    rt_buf_free(&kw);
    if (rc == RT_OK && extra.len)
        rt_buf_puts(&rc, &extra, "}");
    if (rc == RT_OK) {
        rec->extra = extra.data;
        extra.data = NULL;
    }
    rt_buf_free(&extra);
    if (rc == RT_OK && !st->has_id)
        rc = rt_io_derive_id(rec);
    return rc;
}

static int csv_next(rt_reader *r, rt_record *rec, rt_err *err)
{
    csv_state *st = r->state;
    csv_row row;
    int rc = take_row(r, st, &row, err);
    if (rc != RT_OK)
        return rc;
    rec->line = row.line;
    if (!(rec->source = rt_strdup(r->path)))
        rc = RT_ENOMEM;
    if (rc == RT_OK && (rc = check_row(r, st, &row, err)) == RT_OK)
        rc = row_to_record(r, st, &row, rec);
    row_clear(&row);
    if (rc == RT_ENOMEM)
        rt_err_set(err, rc, "%s:%ld: out of memory", r->path, rec->line);
    return rc;
}

static void csv_state_free(void *vst)
{
    csv_state *st = vst;
    if (!st)
        return;
    csv_free(&st->p);
    row_clear(&st->cur);
    for (size_t i = st->qhead; i < st->qlen; i++)
        row_clear(&st->queue[i]);
    free(st->queue);
    for (size_t i = 0; i < st->ncols; i++) {
        free(st->cols[i].name);
        free(st->cols[i].facet);
    }
    free(st->cols);
    free(st);
}

static int csv_open(rt_reader *r, rt_err *err)
{
    csv_state *st = calloc(1, sizeof *st);
    if (!st)
        return rt_err_set(err, RT_ENOMEM, "%s: out of memory", r->path);
    int tsv = r->o.format == RT_FORMAT_TSV;
    st->opts = (unsigned char)(CSV_APPEND_NULL | CSV_STRICT_FINI | (tsv ? 0 : CSV_STRICT));
    if (parser_init(st) != RT_OK) {
        free(st);
        return rt_err_set(err, RT_ENOMEM, "%s: out of memory", r->path);
    }
    csv_set_delim(&st->p, tsv ? CSV_TAB : CSV_COMMA);
    r->state = st;
    return read_header(r, st, err);
}

const rt_io_format rt_io_csv = { csv_open, csv_next, csv_state_free };
