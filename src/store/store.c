/*
 * store.c - the SQLite store: schema, one write transaction per run, putting
 * and loading records with their labels, and the per-label postings (sorted
 * record ids, with scores) that make facet counts a pass over arrays.
 */
#include <jansson.h>
#include <math.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "revtag/fts.h"
#include "revtag/stemmer.h"
#include "revtag/store.h"
#include "rtint.h"

#define SCHEMA_VERSION 1

static const char SCHEMA[] =
    "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS records("
    " rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,"
    " title TEXT, abstract TEXT, text TEXT, year INTEGER, type TEXT, lang TEXT,"
    " fts_lang TEXT NOT NULL DEFAULT 'en',"  /* ISO 639-1 code the index stems it in */
    " extra TEXT,"                           /* unknown input fields: a JSON object */
    " source TEXT, line INTEGER);"           /* where it was read from */
    "CREATE TABLE IF NOT EXISTS coded("      /* facets coded by hand, possibly empty */
    " rid INTEGER NOT NULL, facet TEXT NOT NULL, PRIMARY KEY(rid, facet)) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS labels("
    " rid INTEGER NOT NULL, facet TEXT NOT NULL, label TEXT NOT NULL,"
    " source TEXT NOT NULL CHECK(source IN ('manual', 'predicted')),"
    " score REAL, model TEXT, pos INTEGER NOT NULL,"
    " PRIMARY KEY(rid, facet, source, label)) WITHOUT ROWID;"
    "CREATE INDEX IF NOT EXISTS labels_by_label ON labels(facet, label, source, rid, score);"
    "CREATE TABLE IF NOT EXISTS postings("   /* labels_by_label packed, one row per label */
    " facet TEXT NOT NULL, label TEXT NOT NULL, source TEXT NOT NULL, n INTEGER NOT NULL,"
    " rids BLOB NOT NULL, scores BLOB, PRIMARY KEY(facet, label, source)) WITHOUT ROWID;"
    "CREATE VIEW IF NOT EXISTS fts_src AS SELECT rid,"
    " CASE WHEN fts_lang = 'en' OR title IS NULL THEN title"
    "  ELSE char(31) || fts_lang || char(31) || title END AS title,"
    " CASE WHEN fts_lang = 'en' OR abstract IS NULL THEN abstract"
    "  ELSE char(31) || fts_lang || char(31) || abstract END AS abstract,"
    " CASE WHEN fts_lang = 'en' OR text IS NULL THEN text"
    "  ELSE char(31) || fts_lang || char(31) || text END AS text FROM records;"
    "CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(title, abstract, text,"
    " content='fts_src', content_rowid='rid', tokenize='revtag');"
    "INSERT OR IGNORE INTO meta VALUES('schema', 1), ('generation', 0), ('rids', x''),"
    " ('doclens', x'');";

enum {
    ST_FIND, ST_TOUCH, ST_FTS_DEL, ST_LAB_DEL, ST_COD_DEL, ST_UPDATE, ST_INSERT, ST_FTS_INS,
    ST_LAB_INS, ST_COD_INS, ST_COUNT, ST_GEN, ST_REC, ST_REC_CODED, ST_REC_LABELS,
    ST_TOUCHED, ST_KEY_RIDS, ST_POST_PUT, ST_POST_DEL, ST_ALL_RIDS, ST_META_PUT, ST_POSTINGS,
    ST_META_GET, ST_DOCSIZE, ST_NSTMT
};

static const char *const SQL[ST_NSTMT] = {
    [ST_FIND] = "SELECT rid FROM records WHERE id = ?1",
    [ST_TOUCH] = "INSERT OR IGNORE INTO temp.touched SELECT facet, label, source FROM labels"
                 " WHERE rid = ?1",
    [ST_FTS_DEL] = "INSERT INTO fts(fts, rowid, title, abstract, text)"
                   " SELECT 'delete', rid, title, abstract, text FROM fts_src WHERE rid = ?1",
    [ST_LAB_DEL] = "DELETE FROM labels WHERE rid = ?1",
    [ST_COD_DEL] = "DELETE FROM coded WHERE rid = ?1",
    [ST_UPDATE] = "UPDATE records SET title = ?2, abstract = ?3, text = ?4, year = ?5,"
                  " type = ?6, lang = ?7, fts_lang = ?8, extra = ?9, source = ?10, line = ?11"
                  " WHERE rid = ?1",
    [ST_INSERT] = "INSERT INTO records(id, title, abstract, text, year, type, lang, fts_lang,"
                  " extra, source, line) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    [ST_FTS_INS] = "INSERT INTO fts(rowid, title, abstract, text)"
                   " SELECT rid, title, abstract, text FROM fts_src WHERE rid = ?1",
    [ST_LAB_INS] = "INSERT OR REPLACE INTO labels VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    [ST_COD_INS] = "INSERT OR IGNORE INTO coded VALUES(?1, ?2)",
    [ST_COUNT] = "SELECT count(*) FROM records",
    [ST_GEN] = "UPDATE meta SET value = value + 1 WHERE key = 'generation'",
    [ST_REC] = "SELECT id, title, abstract, text, year, type, lang, extra, source, line"
               " FROM records WHERE rid = ?1",
    [ST_REC_CODED] = "SELECT facet FROM coded WHERE rid = ?1 ORDER BY facet",
    [ST_REC_LABELS] = "SELECT facet, label, source, score, model FROM labels WHERE rid = ?1"
                      " ORDER BY facet, source, pos",
    [ST_TOUCHED] = "SELECT facet, label, source FROM temp.touched",
    [ST_KEY_RIDS] = "SELECT rid, score FROM labels WHERE facet = ?1 AND label = ?2"
                    " AND source = ?3 ORDER BY rid",
    [ST_POST_PUT] = "INSERT OR REPLACE INTO postings VALUES(?1, ?2, ?3, ?4, ?5, ?6)",
    [ST_POST_DEL] = "DELETE FROM postings WHERE facet = ?1 AND label = ?2 AND source = ?3",
    [ST_ALL_RIDS] = "SELECT rid FROM records ORDER BY rid",
    [ST_META_PUT] = "INSERT OR REPLACE INTO meta VALUES(?1, ?2)",
    [ST_POSTINGS] = "SELECT facet, label, source, n, rids, scores FROM postings"
                    " ORDER BY facet, label, source",
    [ST_META_GET] = "SELECT value FROM meta WHERE key = ?1",
    [ST_DOCSIZE] = "SELECT id, sz FROM fts_docsize ORDER BY id",
};

/* The postings of the last load, and everything they own. */
typedef struct facet_cache {
    rt_facets pub;
    rt_flabel *v;
    size_t n, cap;
    uint32_t *rids;
    uint32_t *rec_off, *rec_lab, *rec_pos;   /* the postings inverted (rt_facets) */
    uint32_t *doclen;        /* tokens indexed per record, by rid (maxrid + 1); may be NULL */
    uint64_t *all;           /* every record as a bit set (rt_facets) */
    long long gen;           /* generation loaded; -1 = nothing loaded */
} facet_cache;

struct rt_store {
    sqlite3 *db;
    rt_fts *fts;             /* owned by db */
    char *path;
    int writable;
    int in_txn;
    int new_records;         /* this run inserted records: rebuild the rid list */
    int changed;             /* this run stored records: rebuild the row lengths */
    sqlite3_stmt *st[ST_NSTMT];
    facet_cache cache;
};

/* ---------------------------------------------------------------- helpers */

static int db_fail(rt_store *s, rt_err *err, const char *what)
{
    int e = sqlite3_errcode(s->db);
    int code = e == SQLITE_NOMEM ? RT_ENOMEM : e == SQLITE_NOTADB ? RT_EFORMAT : RT_EDB;
    return rt_err_set(err, code, "%s: %s: %s", s->path, what, sqlite3_errmsg(s->db));
}

/* The prepared statement K, reset and unbound; NULL with *rc set on failure. */
static sqlite3_stmt *prep(rt_store *s, int k, int *rc, rt_err *err)
{
    if (*rc != RT_OK)
        return NULL;
    if (!s->st[k] && sqlite3_prepare_v3(s->db, SQL[k], -1, SQLITE_PREPARE_PERSISTENT, &s->st[k],
                                        NULL) != SQLITE_OK) {
        *rc = db_fail(s, err, "prepare");
        return NULL;
    }
    sqlite3_reset(s->st[k]);
    sqlite3_clear_bindings(s->st[k]);
    return s->st[k];
}

/* Step ST to completion (statements returning no rows we need); sticky. */
static void run(rt_store *s, sqlite3_stmt *st, int *rc, rt_err *err)
{
    if (*rc != RT_OK)
        return;
    int e = SQLITE_DONE;
    while ((e = sqlite3_step(st)) == SQLITE_ROW)
        ;
    if (e != SQLITE_DONE)
        *rc = db_fail(s, err, "write");
    sqlite3_reset(st);
}

/* Run statement K with ?1 = RID. */
static void run_rid(rt_store *s, int k, int64_t rid, int *rc, rt_err *err)
{
    sqlite3_stmt *st = prep(s, k, rc, err);
    if (st) {
        sqlite3_bind_int64(st, 1, rid);
        run(s, st, rc, err);
    }
}

static int exec(rt_store *s, const char *sql, rt_err *err)
{
    return sqlite3_exec(s->db, sql, NULL, NULL, NULL) == SQLITE_OK ? RT_OK
                                                                    : db_fail(s, err, sql);
}

static void bind_text(sqlite3_stmt *st, int i, const char *v)
{
    sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
}

static char *column_dup(sqlite3_stmt *st, int i, int *rc)
{
    const unsigned char *v = sqlite3_column_text(st, i);
    if (!v)
        return NULL;
    char *d = rt_strdup((const char *)v);
    if (!d)
        *rc = RT_ENOMEM;
    return d;
}

static const char *source_name(int source)
{
    return source == RT_SOURCE_MANUAL ? "manual" : "predicted";
}

int rt_label_source_from_name(const char *name)
{
    if (strcmp(name, "manual") == 0)
        return RT_SOURCE_MANUAL;
    if (strcmp(name, "predicted") == 0)
        return RT_SOURCE_PREDICTED;
    if (strcmp(name, "all") == 0)
        return RT_SOURCE_ALL;
    return -1;
}

sqlite3 *rt_store_db(rt_store *s)
{
    return s->db;
}

rt_fts *rt_store_fts(rt_store *s)
{
    return s->fts;
}

/* ---------------------------------------------------------------- open and close */

static int check_schema(rt_store *s, rt_err *err)
{
    int rc = RT_OK;
    sqlite3_stmt *st = prep(s, ST_META_GET, &rc, err);
    if (!st) {
        if (rc != RT_ENOMEM && rc != RT_EFORMAT)
            rc = rt_err_set(err, RT_EFORMAT, "%s: not a revtag database", s->path);
        return rc;
    }
    bind_text(st, 1, "schema");
    int e = sqlite3_step(st);
    long long v = e == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    if (e != SQLITE_ROW && e != SQLITE_DONE)
        return db_fail(s, err, "read");
    if (v != SCHEMA_VERSION)
        return rt_err_set(err, RT_EFORMAT, "%s: database schema %lld, this revtag reads %d",
                          s->path, v, SCHEMA_VERSION);
    return RT_OK;
}

static int create_schema(rt_store *s, rt_err *err)
{
    int rc = exec(s, "PRAGMA journal_mode = WAL", err);
    if (rc == RT_OK)
        rc = exec(s, "BEGIN IMMEDIATE", err);
    if (rc != RT_OK)
        return rc;
    rc = exec(s, SCHEMA, err);
    if (rc == RT_OK)
        rc = exec(s, "COMMIT", err);
    if (rc != RT_OK)
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return rc;
}

static int open_db(rt_store *s, int flags, rt_err *err)
{
    int oflags = flags & RT_STORE_WRITE ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
                                        : SQLITE_OPEN_READONLY;
    int e = sqlite3_open_v2(s->path, &s->db, oflags, NULL);
    if (e == SQLITE_NOMEM || !s->db)
        return rt_err_set(err, RT_ENOMEM, "%s: out of memory", s->path);
    if (e != SQLITE_OK)
        return rt_err_set(err, RT_EIO, "%s: cannot open database: %s", s->path,
                          sqlite3_errmsg(s->db));
    sqlite3_busy_timeout(s->db, 10000);
    sqlite3_extended_result_codes(s->db, 0);
    /* Read pages through a memory map (up to SQLite's 2 GB default cap): searches
       touch many pages, and a map saves a read() and a copy for each. */
    sqlite3_exec(s->db, "PRAGMA mmap_size = 2147418112", NULL, NULL, NULL);
    return rt_fts_register(s->db, &s->fts, err);
}

int rt_store_open(const char *path, int flags, rt_store **out, rt_err *err)
{
    *out = NULL;
    rt_store *s = calloc(1, sizeof *s);
    if (!s || !(s->path = rt_strdup(path))) {
        free(s);
        return rt_err_set(err, RT_ENOMEM, "%s: out of memory", path);
    }
    s->writable = (flags & RT_STORE_WRITE) != 0;
    s->cache.gen = -1;
    int rc = open_db(s, flags, err);
    if (rc == RT_OK && s->writable)
        rc = create_schema(s, err);
    if (rc == RT_OK)
        rc = check_schema(s, err);
    if (rc == RT_OK && s->writable)
        rc = exec(s, "CREATE TEMP TABLE IF NOT EXISTS touched(facet, label, source,"
                     " PRIMARY KEY(facet, label, source)) WITHOUT ROWID", err);
    if (rc != RT_OK) {
        rt_store_free(s);
        return rc;
    }
    *out = s;
    return RT_OK;
}

static void cache_clear(facet_cache *c)
{
    for (size_t i = 0; i < c->n; i++) {
        free((void *)c->v[i].facet);
        free((void *)c->v[i].label);
        free((void *)c->v[i].manual.rids);
        free((void *)c->v[i].predicted.rids);
        free((void *)c->v[i].predicted.scores);
    }
    free(c->v);
    free(c->rids);
    free(c->rec_off);
    free(c->rec_lab);
    free(c->rec_pos);
    free(c->doclen);
    free(c->all);
    memset(c, 0, sizeof *c);
    c->gen = -1;
}

void rt_store_free(rt_store *s)
{
    if (!s)
        return;
    if (s->in_txn)
        rt_store_rollback(s);
    for (int k = 0; k < ST_NSTMT; k++)
        sqlite3_finalize(s->st[k]);
    sqlite3_close(s->db);
    cache_clear(&s->cache);
    free(s->path);
    free(s);
}

/* ---------------------------------------------------------------- transactions */

int rt_store_begin(rt_store *s, rt_err *err)
{
    if (!s->writable)
        return rt_err_set(err, RT_EINVAL, "%s: opened read-only", s->path);
    if (s->in_txn)
        return rt_err_set(err, RT_EINVAL, "%s: a run is already in progress", s->path);
    int rc = exec(s, "BEGIN IMMEDIATE", err);
    if (rc == RT_OK)
        rc = exec(s, "DELETE FROM temp.touched", err);
    if (rc != RT_OK) {
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        return rc;
    }
    s->in_txn = 1;
    s->new_records = s->changed = 0;
    return RT_OK;
}

void rt_store_rollback(rt_store *s)
{
    if (!s->in_txn)
        return;
    for (int k = 0; k < ST_NSTMT; k++)
        if (s->st[k])
            sqlite3_reset(s->st[k]);
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    s->in_txn = 0;
}

static void put_u32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)v;
    p[1] = (unsigned char)(v >> 8);
    p[2] = (unsigned char)(v >> 16);
    p[3] = (unsigned char)(v >> 24);
}

static void put_f64(unsigned char *p, double d)
{
    uint64_t v;
    memcpy(&v, &d, sizeof v);
    for (int i = 0; i < 8; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static void buf_u32(int *rc, rt_buf *b, uint32_t v)
{
    unsigned char p[4];
    put_u32(p, v);
    rt_buf_append(rc, b, p, sizeof p);
}

static void buf_f64(int *rc, rt_buf *b, double v)
{
    unsigned char p[8];
    put_f64(p, v);
    rt_buf_append(rc, b, p, sizeof p);
}

/* Rewrite the postings row of (FACET, LABEL, SOURCE) from the labels table. */
static void rebuild_key(rt_store *s, const char *facet, const char *label, const char *source,
                        int *rc, rt_err *err)
{
    rt_buf rids = { 0 }, scores = { 0 };
    size_t n = 0;
    int predicted = strcmp(source, "predicted") == 0;
    sqlite3_stmt *st = prep(s, ST_KEY_RIDS, rc, err);
    if (st) {
        bind_text(st, 1, facet), bind_text(st, 2, label), bind_text(st, 3, source);
        int e = SQLITE_DONE;
        while (*rc == RT_OK && (e = sqlite3_step(st)) == SQLITE_ROW) {
            buf_u32(rc, &rids, (uint32_t)sqlite3_column_int64(st, 0));
            if (predicted)
                buf_f64(rc, &scores, sqlite3_column_double(st, 1));
            n++;
        }
        if (*rc == RT_OK && e != SQLITE_DONE)
            *rc = db_fail(s, err, "read labels");
        sqlite3_reset(st);
    }
    st = prep(s, n ? ST_POST_PUT : ST_POST_DEL, rc, err);
    if (st) {
        bind_text(st, 1, facet), bind_text(st, 2, label), bind_text(st, 3, source);
        if (n) {
            sqlite3_bind_int64(st, 4, (sqlite3_int64)n);
            sqlite3_bind_blob(st, 5, rids.data, (int)rids.len, SQLITE_STATIC);
            if (predicted)
                sqlite3_bind_blob(st, 6, scores.data, (int)scores.len, SQLITE_STATIC);
        }
        run(s, st, rc, err);
    }
    rt_buf_free(&rids);
    rt_buf_free(&scores);
}

static void rebuild_touched(rt_store *s, int *rc, rt_err *err)
{
    sqlite3_stmt *st = prep(s, ST_TOUCHED, rc, err);
    if (!st)
        return;
    int e = SQLITE_DONE;
    while (*rc == RT_OK && (e = sqlite3_step(st)) == SQLITE_ROW)
        rebuild_key(s, (const char *)sqlite3_column_text(st, 0),
                    (const char *)sqlite3_column_text(st, 1),
                    (const char *)sqlite3_column_text(st, 2), rc, err);
    if (*rc == RT_OK && e != SQLITE_DONE)
        *rc = db_fail(s, err, "read touched labels");
    sqlite3_reset(st);
}

static void rebuild_rids(rt_store *s, int *rc, rt_err *err)
{
    rt_buf rids = { 0 };
    sqlite3_stmt *st = prep(s, ST_ALL_RIDS, rc, err);
    if (st) {
        int e = SQLITE_DONE;
        while (*rc == RT_OK && (e = sqlite3_step(st)) == SQLITE_ROW)
            buf_u32(rc, &rids, (uint32_t)sqlite3_column_int64(st, 0));
        if (*rc == RT_OK && e != SQLITE_DONE)
            *rc = db_fail(s, err, "read records");
        sqlite3_reset(st);
    }
    st = prep(s, ST_META_PUT, rc, err);
    if (st) {
        bind_text(st, 1, "rids");
        sqlite3_bind_blob(st, 2, rids.data ? rids.data : "", (int)rids.len, SQLITE_STATIC);
        run(s, st, rc, err);
    }
    rt_buf_free(&rids);
}

/* The tokens of one row: the sum of the varints (one per column) of FTS5's docsize record. */
static int docsize_sum(const unsigned char *p, size_t n, uint32_t *sum)
{
    uint64_t total = 0, v = 0;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        v = v << 7 | (p[i] & 0x7f);
        if (++k > 5)
            return 0;                 /* wider than a column size can be */
        if (!(p[i] & 0x80)) {
            total += v;
            v = 0, k = 0;
        }
    }
    *sum = (uint32_t)(total <= UINT32_MAX ? total : UINT32_MAX);
    return k == 0;
}

/* Row lengths in rid order (meta 'doclens'), so ranking need not read FTS5's docsize table. */
static void rebuild_doclens(rt_store *s, int *rc, rt_err *err)
{
    rt_buf lens = { 0 };
    int ok = 1, e = SQLITE_DONE;
    sqlite3_stmt *st = prep(s, ST_DOCSIZE, rc, err);
    while (st && *rc == RT_OK && (e = sqlite3_step(st)) == SQLITE_ROW) {
        uint32_t n = 0;
        ok &= docsize_sum(sqlite3_column_blob(st, 1), (size_t)sqlite3_column_bytes(st, 1), &n);
        buf_u32(rc, &lens, (uint32_t)sqlite3_column_int64(st, 0));
        buf_u32(rc, &lens, n);
    }
    if (st && *rc == RT_OK && e != SQLITE_DONE)
        *rc = db_fail(s, err, "read docsize");
    if (st)
        sqlite3_reset(st);
    st = prep(s, ST_META_PUT, rc, err);
    if (st) {
        bind_text(st, 1, "doclens");    /* (rid, tokens) pairs; empty when unreadable */
        sqlite3_bind_blob(st, 2, ok && lens.data ? lens.data : "", ok ? (int)lens.len : 0,
                          SQLITE_STATIC);
        run(s, st, rc, err);
    }
    rt_buf_free(&lens);
}

int rt_store_commit(rt_store *s, rt_err *err)
{
    if (!s->in_txn)
        return rt_err_set(err, RT_EINVAL, "%s: no run in progress", s->path);
    int rc = RT_OK;
    rebuild_touched(s, &rc, err);
    if (s->new_records)
        rebuild_rids(s, &rc, err);
    if (s->changed)
        rebuild_doclens(s, &rc, err);
    sqlite3_stmt *st = prep(s, ST_GEN, &rc, err);
    run(s, st, &rc, err);
    if (rc == RT_OK)
        rc = exec(s, "DELETE FROM temp.touched", err);
    if (rc == RT_OK)
        rc = exec(s, "COMMIT", err);
    if (rc != RT_OK) {
        rt_store_rollback(s);
        return rc;
    }
    s->in_txn = 0;
    return RT_OK;
}

int rt_store_read_begin(rt_store *s, int *own, rt_err *err)
{
    *own = sqlite3_get_autocommit(s->db) != 0;
    return *own ? exec(s, "BEGIN", err) : RT_OK;
}

void rt_store_read_end(rt_store *s, int own)
{
    if (own)
        sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
}

/* ---------------------------------------------------------------- put */

/* What one put writes besides the record row. */
typedef struct put_ctx {
    rt_store *s;
    const rt_record *rec;
    int64_t rid;
    json_t *extra;           /* the unknown fields, "predicted" removed; owned */
    json_t *predicted;       /* the input's "predicted" member; owned; may be NULL */
    const char *fts_lang;
    rt_err *err;
} put_ctx;

static int rec_fail(const put_ctx *c, int code, const char *what, const char *detail)
{
    const rt_record *r = c->rec;
    return rt_err_set(c->err, code, "%s:%ld: record '%s': %s%s", r->source ? r->source : "-",
                      r->line, r->id ? r->id : "", what, detail);
}

/* Split REC's unknown fields into the ones kept and the "predicted" member. */
static int split_extra(put_ctx *c)
{
    if (!c->rec->extra)
        return RT_OK;
    json_error_t je;
    c->extra = json_loads(c->rec->extra, JSON_DECODE_ANY, &je);
    if (!json_is_object(c->extra))
        return rec_fail(c, RT_EFORMAT, "unknown fields are not a JSON object: ", je.text);
    c->predicted = json_incref(json_object_get(c->extra, "predicted"));
    json_object_del(c->extra, "predicted");
    return RT_OK;
}

static int put_row(put_ctx *c, int *rc)
{
    rt_store *s = c->s;
    const rt_record *r = c->rec;
    char *extra = NULL;
    if (c->extra && json_object_size(c->extra)
        && !(extra = json_dumps(c->extra, JSON_COMPACT | JSON_REAL_PRECISION(17))))
        *rc = rt_err_set(c->err, RT_ENOMEM, "%s: out of memory", s->path);
    sqlite3_stmt *st = prep(s, c->rid ? ST_UPDATE : ST_INSERT, rc, c->err);
    if (st) {
        if (c->rid)
            sqlite3_bind_int64(st, 1, c->rid);
        else
            bind_text(st, 1, r->id);
        bind_text(st, 2, r->title), bind_text(st, 3, r->abstract), bind_text(st, 4, r->text);
        if (r->year)
            sqlite3_bind_int(st, 5, r->year);
        bind_text(st, 6, r->type), bind_text(st, 7, r->lang), bind_text(st, 8, c->fts_lang);
        bind_text(st, 9, extra), bind_text(st, 10, r->source);
        if (r->line)
            sqlite3_bind_int64(st, 11, r->line);
        run(s, st, rc, c->err);
    }
    free(extra);
    if (*rc == RT_OK && !c->rid)
        c->rid = sqlite3_last_insert_rowid(s->db);
    if (*rc == RT_OK && c->rid > (int64_t)UINT32_MAX)
        *rc = rt_err_set(c->err, RT_EDB, "%s: more than 2^32 records", s->path);
    return *rc;
}

static void put_label(put_ctx *c, const char *facet, const char *label, int source,
                      double score, const char *model, size_t pos, int *rc)
{
    sqlite3_stmt *st = prep(c->s, ST_LAB_INS, rc, c->err);
    if (!st)
        return;
    sqlite3_bind_int64(st, 1, c->rid);
    bind_text(st, 2, facet), bind_text(st, 3, label), bind_text(st, 4, source_name(source));
    if (source == RT_SOURCE_PREDICTED)
        sqlite3_bind_double(st, 5, score);
    bind_text(st, 6, model);
    sqlite3_bind_int64(st, 7, (sqlite3_int64)pos);
    run(c->s, st, rc, c->err);
}

static void put_manual(put_ctx *c, int *rc)
{
    for (size_t i = 0; i < c->rec->nfacets && *rc == RT_OK; i++) {
        const rt_facet_labels *f = &c->rec->facets[i];
        sqlite3_stmt *st = prep(c->s, ST_COD_INS, rc, c->err);
        if (st) {
            sqlite3_bind_int64(st, 1, c->rid);
            bind_text(st, 2, f->facet);
            run(c->s, st, rc, c->err);
        }
        for (size_t j = 0; j < f->nlabels; j++)
            put_label(c, f->facet, f->labels[j], RT_SOURCE_MANUAL, 0, NULL, j, rc);
    }
}

/* Check the input's "predicted": {FACET: [{"label": L, "score": S[, "model": M]}, ...]}. */
static int check_predicted(const put_ctx *c)
{
    char what[160];
    const char *facet;
    json_t *arr, *it;
    size_t i;
    if (!c->predicted || json_is_null(c->predicted))
        return RT_OK;
    if (!json_is_object(c->predicted))
        return rec_fail(c, RT_EFORMAT, "predicted: ", "expected an object {FACET: [...]}");
    json_object_foreach(c->predicted, facet, arr) {
        snprintf(what, sizeof what, "predicted.%s: ", facet);
        if (!json_is_array(arr))
            return rec_fail(c, RT_EFORMAT, what, "expected an array of {\"label\", \"score\"}");
        json_array_foreach(arr, i, it) {
            json_t *model = json_object_get(it, "model");
            if (json_is_string(json_object_get(it, "label"))
                && json_is_number(json_object_get(it, "score"))
                && (!model || json_is_string(model) || json_is_null(model)))
                continue;
            snprintf(what, sizeof what, "predicted.%s[%zu]: ", facet, i);
            return rec_fail(c, RT_EFORMAT, what,
                            "expected {\"label\": string, \"score\": number[, \"model\": string]}");
        }
    }
    return RT_OK;
}

static void put_predicted(put_ctx *c, const rt_store_label *pred, size_t npred, int *rc)
{
    const char *facet;
    json_t *arr, *it;
    size_t i;
    if (*rc == RT_OK && !pred && json_is_object(c->predicted))
        json_object_foreach(c->predicted, facet, arr) {
            json_array_foreach(arr, i, it)
                put_label(c, facet, json_string_value(json_object_get(it, "label")),
                          RT_SOURCE_PREDICTED, json_number_value(json_object_get(it, "score")),
                          json_string_value(json_object_get(it, "model")), i, rc);
        }
    for (size_t k = 0; k < npred && *rc == RT_OK; k++)
        if (pred[k].label)
            put_label(c, pred[k].facet, pred[k].label, RT_SOURCE_PREDICTED, pred[k].score,
                      pred[k].model, k, rc);
}

static int find_rid(rt_store *s, const char *id, int64_t *rid, rt_err *err)
{
    int rc = RT_OK;
    *rid = 0;
    sqlite3_stmt *st = prep(s, ST_FIND, &rc, err);
    if (!st)
        return rc;
    bind_text(st, 1, id);
    int e = sqlite3_step(st);
    if (e == SQLITE_ROW)
        *rid = sqlite3_column_int64(st, 0);
    else if (e != SQLITE_DONE)
        rc = db_fail(s, err, "read");
    sqlite3_reset(st);
    return rc;
}

static int put_record(put_ctx *c, const rt_store_label *pred, size_t npred)
{
    rt_store *s = c->s;
    if (!c->rec->id || !*c->rec->id)
        return rec_fail(c, RT_EFORMAT, "", "no id");
    if (rt_stemmer_lang(rt_record_lang(c->rec), &c->fts_lang, NULL, NULL) != RT_OK)
        return rec_fail(c, RT_EFORMAT, "unknown language ", rt_record_lang(c->rec));
    int rc = split_extra(c);
    if (rc == RT_OK)
        rc = check_predicted(c);
    if (rc == RT_OK)            /* nothing is written before the record is known good */
        rc = find_rid(s, c->rec->id, &c->rid, c->err);
    if (rc == RT_OK && c->rid) {          /* replace: take the old version out first */
        run_rid(s, ST_TOUCH, c->rid, &rc, c->err);
        run_rid(s, ST_FTS_DEL, c->rid, &rc, c->err);
        run_rid(s, ST_LAB_DEL, c->rid, &rc, c->err);
        run_rid(s, ST_COD_DEL, c->rid, &rc, c->err);
    }
    int inserted = rc == RT_OK && !c->rid;
    if (rc == RT_OK)
        put_row(c, &rc);
    run_rid(s, ST_FTS_INS, c->rid, &rc, c->err);
    put_manual(c, &rc);
    put_predicted(c, pred, npred, &rc);
    run_rid(s, ST_TOUCH, c->rid, &rc, c->err);
    if (rc == RT_OK && inserted)
        s->new_records = 1;
    s->changed = 1;
    return rc;
}

int rt_store_put(rt_store *s, const rt_record *rec, const rt_store_label *pred, size_t npred,
                 rt_err *err)
{
    int own = !s->in_txn, rc = RT_OK;
    if (own && (rc = rt_store_begin(s, err)) != RT_OK)
        return rc;
    put_ctx c = { s, rec, 0, NULL, NULL, "en", err };
    rc = put_record(&c, pred, npred);
    json_decref(c.extra);
    json_decref(c.predicted);
    if (own)
        rc = rc == RT_OK ? rt_store_commit(s, err) : (rt_store_rollback(s), rc);
    return rc;
}

int rt_store_count(rt_store *s, size_t *n, rt_err *err)
{
    int rc = RT_OK;
    *n = 0;
    sqlite3_stmt *st = prep(s, ST_COUNT, &rc, err);
    if (!st)
        return rc;
    if (sqlite3_step(st) == SQLITE_ROW)
        *n = (size_t)sqlite3_column_int64(st, 0);
    else
        rc = db_fail(s, err, "count");
    sqlite3_reset(st);
    return rc;
}

/* ---------------------------------------------------------------- facet postings */

static uint32_t get_u32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static double get_f64(const unsigned char *p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = v << 8 | p[i];
    double d;
    memcpy(&d, &v, sizeof d);
    return d;
}

/* Decode N rids (and scores when WANT_SCORES) from row columns 4 and 5 into PL. */
static int decode_plist(sqlite3_stmt *st, int icol, size_t n, int want_scores, rt_plist *pl)
{
    const unsigned char *r = sqlite3_column_blob(st, icol);
    size_t rlen = (size_t)sqlite3_column_bytes(st, icol);
    const unsigned char *sc = want_scores ? sqlite3_column_blob(st, icol + 1) : NULL;
    size_t sclen = want_scores ? (size_t)sqlite3_column_bytes(st, icol + 1) : 0;
    if (rlen != 4 * n || (want_scores && sclen != 8 * n))
        return RT_EFORMAT;
    uint32_t *rids = malloc((n ? n : 1) * sizeof *rids);
    double *scores = want_scores ? malloc((n ? n : 1) * sizeof *scores) : NULL;
    if (!rids || (want_scores && !scores)) {
        free(rids);
        free(scores);
        return RT_ENOMEM;
    }
    for (size_t i = 0; i < n; i++) {
        rids[i] = get_u32(r + 4 * i);
        if (scores)
            scores[i] = get_f64(sc + 8 * i);
    }
    pl->rids = rids;
    pl->scores = scores;
    pl->n = n;
    return RT_OK;
}

/* The entry for (FACET, LABEL): the last one when it matches (rows come sorted), else a new one. */
static rt_flabel *cache_entry(facet_cache *c, const char *facet, const char *label, int *rc)
{
    if (c->n && strcmp(c->v[c->n - 1].facet, facet) == 0
        && strcmp(c->v[c->n - 1].label, label) == 0)
        return &c->v[c->n - 1];
    if (c->n == c->cap) {
        size_t cap = c->cap ? 2 * c->cap : 64;
        rt_flabel *v = realloc(c->v, cap * sizeof *v);
        if (!v) {
            *rc = RT_ENOMEM;
            return NULL;
        }
        c->v = v;
        c->cap = cap;
    }
    rt_flabel *f = &c->v[c->n];
    memset(f, 0, sizeof *f);
    f->facet = rt_strdup(facet);
    f->label = rt_strdup(label);
    c->n++;                         /* counted now so cache_clear frees the strings */
    if (!f->facet || !f->label)
        *rc = RT_ENOMEM;
    return f;
}

static void load_postings(rt_store *s, facet_cache *c, int *rc, rt_err *err)
{
    sqlite3_stmt *st = prep(s, ST_POSTINGS, rc, err);
    if (!st)
        return;
    c->pub.min_pred = HUGE_VAL;
    int e = SQLITE_DONE;
    while (*rc == RT_OK && (e = sqlite3_step(st)) == SQLITE_ROW) {
        rt_flabel *f = cache_entry(c, (const char *)sqlite3_column_text(st, 0),
                                   (const char *)sqlite3_column_text(st, 1), rc);
        if (!f)
            break;
        int pred = strcmp((const char *)sqlite3_column_text(st, 2), "predicted") == 0;
        sqlite3_int64 n = sqlite3_column_int64(st, 3);
        rt_plist *pl = pred ? &f->predicted : &f->manual;
        if (*rc == RT_OK && (n < 0 || pl->rids))
            *rc = RT_EFORMAT;
        if (*rc == RT_OK)
            *rc = decode_plist(st, 4, (size_t)n, pred, pl);
        for (size_t i = 0; *rc == RT_OK && pred && i < pl->n; i++)
            if (pl->scores[i] < c->pub.min_pred)
                c->pub.min_pred = pl->scores[i];
    }
    if (*rc == RT_OK && e != SQLITE_DONE)
        *rc = db_fail(s, err, "read postings");
    else if (*rc != RT_OK && *rc != RT_EDB)
        rt_err_set(err, *rc, "%s: %s", s->path,
                   *rc == RT_ENOMEM ? "out of memory" : "corrupt label postings");
    sqlite3_reset(st);
}

static void load_rids(rt_store *s, facet_cache *c, int *rc, rt_err *err)
{
    sqlite3_stmt *st = prep(s, ST_META_GET, rc, err);
    if (!st)
        return;
    bind_text(st, 1, "rids");
    rt_plist pl = { 0 };
    if (sqlite3_step(st) != SQLITE_ROW)
        *rc = db_fail(s, err, "read record list");
    else if ((*rc = decode_plist(st, 0, (size_t)sqlite3_column_bytes(st, 0) / 4, 0, &pl))
             != RT_OK)
        rt_err_set(err, *rc, "%s: %s", s->path,
                   *rc == RT_ENOMEM ? "out of memory" : "corrupt record list");
    sqlite3_reset(st);
    c->rids = (uint32_t *)pl.rids;
    c->pub.rids = pl.rids;
    c->pub.nrids = pl.n;
    c->pub.maxrid = pl.n ? pl.rids[pl.n - 1] : 0;
    if (*rc == RT_OK && !(c->all = calloc((c->pub.maxrid >> 6) + 1, sizeof *c->all)))
        *rc = rt_err_set(err, RT_ENOMEM, "%s: out of memory", s->path);
    for (size_t i = 0; c->all && i < pl.n; i++)
        c->all[pl.rids[i] >> 6] |= (uint64_t)1 << (pl.rids[i] & 63);
    c->pub.all = c->all;
}

/* Append to REC_LAB/REC_POS the entries of posting list PL of label I. */
static void invert_list(facet_cache *c, const rt_plist *pl, uint32_t i, uint32_t pred,
                        uint32_t *next)
{
    for (size_t j = 0; j < pl->n; j++) {
        uint32_t e = next[pl->rids[j]]++;
        c->rec_lab[e] = i << 1 | pred;
        c->rec_pos[e] = (uint32_t)j;
    }
}

/* Build the per-record view of the postings (see rt_facets). */
static int invert(facet_cache *c)
{
    size_t nr = (size_t)c->pub.maxrid + 2, total = 0;
    c->rec_off = calloc(nr, sizeof *c->rec_off);
    uint32_t *next = calloc(nr, sizeof *next);
    for (size_t i = 0; c->rec_off && i < c->n; i++) {
        const rt_plist *pl[2] = { &c->v[i].manual, &c->v[i].predicted };
        for (int k = 0; k < 2; k++)
            for (size_t j = 0; j < pl[k]->n; j++)
                if (pl[k]->rids[j] <= c->pub.maxrid)
                    c->rec_off[pl[k]->rids[j] + 1]++;
                else
                    total = SIZE_MAX;            /* a label on a record that does not exist */
    }
    for (size_t r = 1; c->rec_off && total != SIZE_MAX && r < nr; r++)
        c->rec_off[r] += c->rec_off[r - 1];
    if (c->rec_off && total != SIZE_MAX)
        total = c->rec_off[nr - 1];
    c->rec_lab = malloc((total != SIZE_MAX ? total : 0) * sizeof *c->rec_lab + 1);
    c->rec_pos = malloc((total != SIZE_MAX ? total : 0) * sizeof *c->rec_pos + 1);
    int rc = !c->rec_off || !next || !c->rec_lab || !c->rec_pos ? RT_ENOMEM
             : total == SIZE_MAX || total > UINT32_MAX       ? RT_EFORMAT
                                                              : RT_OK;
    if (rc == RT_OK) {
        memcpy(next, c->rec_off, nr * sizeof *next);
        for (size_t i = 0; i < c->n; i++) {
            invert_list(c, &c->v[i].manual, (uint32_t)i, 0, next);
            invert_list(c, &c->v[i].predicted, (uint32_t)i, 1, next);
        }
        c->pub.rec_off = c->rec_off;
        c->pub.rec_lab = c->rec_lab;
        c->pub.rec_pos = c->rec_pos;
    }
    free(next);
    return rc;
}

/* Row lengths by rid from meta 'doclens'; none (ranking reads FTS5's docsize) when absent. */
static void load_doclens(rt_store *s, facet_cache *c, int *rc, rt_err *err)
{
    sqlite3_stmt *st = prep(s, ST_META_GET, rc, err);
    if (!st)
        return;
    bind_text(st, 1, "doclens");
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_bytes(st, 0) > 0) {
        const unsigned char *p = sqlite3_column_blob(st, 0);
        size_t n = (size_t)sqlite3_column_bytes(st, 0) / 8;
        c->doclen = calloc((size_t)c->pub.maxrid + 1, sizeof *c->doclen);
        if (!c->doclen)
            *rc = rt_err_set(err, RT_ENOMEM, "%s: out of memory", s->path);
        for (size_t i = 0; c->doclen && i < n; i++) {
            uint32_t rid = get_u32(p + 8 * i);
            if (rid <= c->pub.maxrid)
                c->doclen[rid] = get_u32(p + 8 * i + 4);
        }
    }
    sqlite3_reset(st);
}

static long long generation(rt_store *s, int *rc, rt_err *err)
{
    sqlite3_stmt *st = prep(s, ST_META_GET, rc, err);
    if (!st)
        return -1;
    bind_text(st, 1, "generation");
    long long g = -1;
    if (sqlite3_step(st) == SQLITE_ROW)
        g = sqlite3_column_int64(st, 0);
    else
        *rc = db_fail(s, err, "read generation");
    sqlite3_reset(st);
    return g;
}

int rt_store_get_facets(rt_store *s, const rt_facets **out, rt_err *err)
{
    int rc = RT_OK;
    *out = NULL;
    long long g = generation(s, &rc, err);
    if (rc != RT_OK)
        return rc;
    if (g != s->cache.gen) {
        rt_fts_set_doclen(s->fts, NULL, 0);
        cache_clear(&s->cache);
        load_postings(s, &s->cache, &rc, err);
        load_rids(s, &s->cache, &rc, err);
        load_doclens(s, &s->cache, &rc, err);
        if (rc == RT_OK && (rc = invert(&s->cache)) != RT_OK)
            rt_err_set(err, rc, "%s: %s", s->path,
                       rc == RT_ENOMEM ? "out of memory" : "labels of unknown records");
        if (rc != RT_OK) {
            cache_clear(&s->cache);
            return rc;
        }
        s->cache.pub.v = s->cache.v;
        s->cache.pub.n = s->cache.n;
        s->cache.gen = g;
        rt_fts_set_doclen(s->fts, s->cache.doclen, (size_t)s->cache.pub.maxrid + 1);
    }
    *out = &s->cache.pub;
    return RT_OK;
}

/* ---------------------------------------------------------------- loading records */

void rt_stored_clear(rt_stored *st)
{
    if (!st)
        return;
    rt_record_clear(&st->rec);
    for (size_t i = 0; i < st->ntags; i++) {
        free(st->tags[i].facet);
        free(st->tags[i].label);
        free(st->tags[i].model);
    }
    free(st->tags);
    memset(st, 0, sizeof *st);
}

static void load_fields(rt_store *s, int64_t rid, rt_record *r, int *rc, rt_err *err)
{
    sqlite3_stmt *st = prep(s, ST_REC, rc, err);
    if (!st)
        return;
    sqlite3_bind_int64(st, 1, rid);
    int e = sqlite3_step(st);
    if (e == SQLITE_ROW) {
        r->id = column_dup(st, 0, rc);
        r->title = column_dup(st, 1, rc);
        r->abstract = column_dup(st, 2, rc);
        r->text = column_dup(st, 3, rc);
        r->year = sqlite3_column_int(st, 4);
        r->type = column_dup(st, 5, rc);
        r->lang = column_dup(st, 6, rc);
        r->extra = column_dup(st, 7, rc);
        r->source = column_dup(st, 8, rc);
        r->line = (long)sqlite3_column_int64(st, 9);
        if (*rc == RT_ENOMEM)
            rt_err_set(err, RT_ENOMEM, "%s: out of memory", s->path);
    } else {
        *rc = e == SQLITE_DONE ? RT_DONE : db_fail(s, err, "read record");
    }
    sqlite3_reset(st);
}

static void load_coded(rt_store *s, int64_t rid, rt_record *r, int *rc, rt_err *err)
{
    sqlite3_stmt *st = prep(s, ST_REC_CODED, rc, err);
    if (!st)
        return;
    sqlite3_bind_int64(st, 1, rid);
    int e = SQLITE_DONE;
    while (*rc == RT_OK && (e = sqlite3_step(st)) == SQLITE_ROW)
        if (rt_record_add_facet(r, (const char *)sqlite3_column_text(st, 0)) != RT_OK)
            *rc = rt_err_set(err, RT_ENOMEM, "%s: out of memory", s->path);
    if (*rc == RT_OK && e != SQLITE_DONE)
        *rc = db_fail(s, err, "read coded facets");
    sqlite3_reset(st);
}

static int add_tag(rt_stored *out, sqlite3_stmt *st, int source)
{
    rt_tag *t = realloc(out->tags, (out->ntags + 1) * sizeof *t);
    if (!t)
        return RT_ENOMEM;
    out->tags = t;
    t = &out->tags[out->ntags++];
    memset(t, 0, sizeof *t);
    int rc = RT_OK;
    t->facet = column_dup(st, 0, &rc);
    t->label = column_dup(st, 1, &rc);
    t->source = source;
    t->score = source == RT_SOURCE_PREDICTED ? sqlite3_column_double(st, 3) : 0;
    t->model = column_dup(st, 4, &rc);
    if (rc == RT_OK && source == RT_SOURCE_MANUAL)
        rc = rt_record_add_label(&out->rec, t->facet, t->label);
    return rc;
}

static void load_labels(rt_store *s, int64_t rid, int sources, double min_score, rt_stored *out,
                        int *rc, rt_err *err)
{
    sqlite3_stmt *st = prep(s, ST_REC_LABELS, rc, err);
    if (!st)
        return;
    sqlite3_bind_int64(st, 1, rid);
    int e = SQLITE_DONE;
    while (*rc == RT_OK && (e = sqlite3_step(st)) == SQLITE_ROW) {
        int source = rt_label_source_from_name((const char *)sqlite3_column_text(st, 2));
        if (rt_label_keep(source, sqlite3_column_double(st, 3), sources, min_score)
            && add_tag(out, st, source) != RT_OK)
            *rc = rt_err_set(err, RT_ENOMEM, "%s: out of memory", s->path);
    }
    if (*rc == RT_OK && e != SQLITE_DONE)
        *rc = db_fail(s, err, "read labels");
    sqlite3_reset(st);
}

int rt_store_load(rt_store *s, int64_t rid, int sources, double min_score, rt_stored *out,
                  rt_err *err)
{
    rt_stored_clear(out);
    int rc = RT_OK;
    load_fields(s, rid, &out->rec, &rc, err);
    if (sources & RT_SOURCE_MANUAL)
        load_coded(s, rid, &out->rec, &rc, err);
    load_labels(s, rid, sources, min_score, out, &rc, err);
    if (rc != RT_OK)
        rt_stored_clear(out);
    return rc;
}

/* ---------------------------------------------------------------- record JSON */

static void set_str(json_t *o, const char *key, const char *v, int *rc)
{
    if (v && *rc == RT_OK && json_object_set_new(o, key, json_string(v)) != 0)
        *rc = RT_ENOMEM;
}

static void set_new(json_t *o, const char *key, json_t *v, int *rc)
{
    if (*rc == RT_OK && (!v || json_object_set_new(o, key, v) != 0))
        *rc = RT_ENOMEM;
    else if (*rc != RT_OK)
        json_decref(v);
}

static json_t *manual_json(const rt_record *r, int *rc)
{
    json_t *labels = json_object();
    for (size_t i = 0; labels && i < r->nfacets && *rc == RT_OK; i++) {
        json_t *arr = json_array();
        for (size_t j = 0; arr && j < r->facets[i].nlabels; j++)
            if (json_array_append_new(arr, json_string(r->facets[i].labels[j])) != 0)
                *rc = RT_ENOMEM;
        set_new(labels, r->facets[i].facet, arr, rc);
    }
    return labels;
}

static json_t *predicted_json(const rt_stored *st, int *rc)
{
    json_t *pred = json_object();
    for (size_t i = 0; pred && i < st->ntags && *rc == RT_OK; i++) {
        const rt_tag *t = &st->tags[i];
        if (t->source != RT_SOURCE_PREDICTED)
            continue;
        json_t *arr = json_object_get(pred, t->facet);
        if (!arr) {
            set_new(pred, t->facet, json_array(), rc);
            arr = json_object_get(pred, t->facet);
        }
        json_t *it = json_pack("{s:s, s:f}", "label", t->label, "score", t->score);
        set_str(it, "model", t->model, rc);
        if (!arr || !it || json_array_append_new(arr, it) != 0)
            *rc = RT_ENOMEM;
    }
    return pred;
}

static void add_extra(json_t *o, const char *extra, int *rc)
{
    if (!extra || *rc != RT_OK)
        return;
    json_t *x = json_loads(extra, 0, NULL);
    if (json_is_object(x) && json_object_update(o, x) != 0)
        *rc = RT_ENOMEM;
    json_decref(x);
}

int rt_stored_to_json(const rt_stored *st, json_t **out, rt_err *err)
{
    const rt_record *r = &st->rec;
    int rc = RT_OK;
    json_t *o = json_object();
    if (!o)
        rc = RT_ENOMEM;
    set_str(o, "id", r->id, &rc);
    set_str(o, "title", r->title, &rc);
    set_str(o, "abstract", r->abstract, &rc);
    set_str(o, "text", r->text, &rc);
    if (r->year)
        set_new(o, "year", json_integer(r->year), &rc);
    set_str(o, "type", r->type, &rc);
    set_str(o, "lang", r->lang, &rc);
    if (r->nfacets)
        set_new(o, "labels", manual_json(r, &rc), &rc);
    add_extra(o, r->extra, &rc);
    json_t *pred = rc == RT_OK ? predicted_json(st, &rc) : NULL;
    if (pred && json_object_size(pred))
        set_new(o, "predicted", pred, &rc);
    else
        json_decref(pred);
    if (rc != RT_OK) {
        json_decref(o);
        o = NULL;
        rt_err_set(err, RT_ENOMEM, "record JSON: out of memory");
    }
    *out = o;
    return rc;
}

int rt_store_get_json(rt_store *s, const char *id, char **out, size_t *len, rt_err *err)
{
    *out = NULL;
    if (len)
        *len = 0;
    int64_t rid;
    int rc = find_rid(s, id, &rid, err);
    if (rc != RT_OK || !rid)
        return rc;
    rt_stored st = { 0 };
    json_t *o = NULL;
    rc = rt_store_load(s, rid, RT_SOURCE_ALL, -HUGE_VAL, &st, err);
    if (rc == RT_OK)
        rc = rt_stored_to_json(&st, &o, err);
    if (rc == RT_OK && !(*out = json_dumps(o, JSON_COMPACT | JSON_REAL_PRECISION(15))))
        rc = rt_err_set(err, RT_ENOMEM, "record JSON: out of memory");
    if (rc == RT_OK && len)
        *len = strlen(*out);
    json_decref(o);
    rt_stored_clear(&st);
    return rc == RT_DONE ? RT_OK : rc;
}
