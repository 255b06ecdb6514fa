/*
 * fts.c - the "revtag" FTS5 tokenizer: FTS5 asks for tokens, the analyzer
 * streams them. Documents are stemmed in their own language (a tag at the
 * start of the text), queries in the language set on the connection.
 */
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "revtag/analyzer.h"
#include "revtag/fts.h"
#include "revtag/stemmer.h"
#include "rtint.h"

struct rt_fts {
    char query_lang[8];      /* ISO 639-1 code queries are stemmed in */
    const uint32_t *doclen;  /* tokens per row by rowid (the store's cache), or NULL */
    size_t ndoclen;
};

/* One per FTS5 table per connection: FTS5 never shares it across threads. */
typedef struct fts_tok {
    rt_fts *f;
    rt_analyzer *stem;       /* the index's terms */
    rt_analyzer *plain;      /* case-folded words, for prefix queries */
} fts_tok;

typedef int (*fts_token_fn)(void *, int, const char *, int, int, int);

typedef struct emit_ctx {
    fts_token_fn xToken;
    void *pCtx;
    size_t base;             /* bytes of language tag before the analyzed text */
    int sqlite_rc;           /* xToken's failure, returned as is */
} emit_ctx;

/* ---------------------------------------------------------------- language tag */

size_t rt_fts_lang_prefix(const char *s, size_t len, char *lang)
{
    if (len < 3 || s[0] != RT_FTS_LANG_MARK)
        return 0;
    for (size_t i = 1; i < len && i < 8; i++) {
        if (s[i] == RT_FTS_LANG_MARK) {
            if (i == 1)
                return 0;
            if (lang) {
                memcpy(lang, s + 1, i - 1);
                lang[i - 1] = '\0';
            }
            return i + 1;
        }
    }
    return 0;
}

/* ---------------------------------------------------------------- tokenizer */

static void tok_delete(Fts5Tokenizer *p)
{
    fts_tok *t = (fts_tok *)p;
    if (!t)
        return;
    rt_analyzer_free(t->stem);
    rt_analyzer_free(t->plain);
    free(t);
}

static int tok_create(void *ctx, const char **azArg, int nArg, Fts5Tokenizer **out)
{
    (void)azArg;
    *out = NULL;
    if (nArg > 0)
        return SQLITE_ERROR;     /* "revtag" takes no arguments */
    fts_tok *t = calloc(1, sizeof *t);
    if (!t)
        return SQLITE_NOMEM;
    t->f = ctx;
    rt_analyzer_opts o = rt_analyzer_defaults();
    int rc = rt_analyzer_new(&o, &t->stem, NULL);
    o.stem = 0;
    if (rc == RT_OK)
        rc = rt_analyzer_new(&o, &t->plain, NULL);
    if (rc != RT_OK) {
        tok_delete((Fts5Tokenizer *)t);
        return SQLITE_NOMEM;
    }
    *out = (Fts5Tokenizer *)t;
    return SQLITE_OK;
}

static int emit(void *vctx, const rt_token *tok)
{
    emit_ctx *c = vctx;
    int rc = c->xToken(c->pCtx, 0, tok->text, (int)tok->len, (int)(c->base + tok->start),
                       (int)(c->base + tok->end));
    if (rc != SQLITE_OK) {
        c->sqlite_rc = rc;
        return 1;
    }
    return 0;
}

static int to_sqlite(int rc, const emit_ctx *c)
{
    if (c->sqlite_rc != SQLITE_OK)
        return c->sqlite_rc;
    if (rc == RT_OK)
        return SQLITE_OK;
    return rc == RT_ENOMEM ? SQLITE_NOMEM : SQLITE_ERROR;
}

/* Collects tokens as NUL-terminated strings, one after another. */
typedef struct collect_ctx {
    rt_buf terms;
    size_t n;
    int rc;
} collect_ctx;

static int collect(void *vctx, const rt_token *tok)
{
    collect_ctx *c = vctx;
    rt_buf_append(&c->rc, &c->terms, tok->text, tok->len + 1);
    c->n++;
    return c->rc;
}

#define PREFIX_STEM_MIN 6  /* bytes: shorter prefixes are not stemmed ("cons*" is not "con*") */
#define PREFIX_ALT_MIN 4   /* bytes: the shortest stem a prefix may fall back to */

/* Word endings tried on an English prefix to find the stems of words starting with it. */
static const char *const EN_ENDINGS[] = { "", "e", "s", "ed", "ing", "ion" };

/* First term of S as the stemming analyzer gives it, into OUT (NUL-terminated). */
static int first_stem(fts_tok *t, const char *lang, const char *s, size_t len, rt_buf *out)
{
    collect_ctx c = { { 0 }, 0, RT_OK };
    int rc = rt_analyzer_run(t->stem, lang, s, len, collect, &c, NULL);
    out->len = 0;
    rt_buf_puts(&rc, out, rc == RT_OK && c.n ? c.terms.data : "");
    rt_buf_free(&c.terms);
    return rc;
}

/*
 * The stems a word starting with prefix P may have that are shorter than P:
 * "evaluat*" -> "evalu" (evaluation, evaluated), "housing*" -> "hous". Each
 * goes to FTS5 as a colocated alternative, so it is prefix-matched too.
 */
static int prefix_alternatives(fts_tok *t, const char *lang, const char *p, emit_ctx *e)
{
    size_t np = strlen(p), nend = strcmp(lang, "en") == 0 ? 6 : 1;
    rt_buf word = { 0 }, stem = { 0 }, seen = { 0 };
    int rc = RT_OK;
    rt_buf_puts(&rc, &seen, "\n");
    for (size_t k = 0; k < nend && rc == RT_OK && e->sqlite_rc == SQLITE_OK; k++) {
        word.len = 0;
        rt_buf_puts(&rc, &word, p);
        rt_buf_puts(&rc, &word, EN_ENDINGS[k]);
        if (rc == RT_OK)
            rc = first_stem(t, lang, word.data, word.len, &stem);
        if (rc != RT_OK || stem.len < PREFIX_ALT_MIN || stem.len >= np
            || memcmp(stem.data, p, stem.len) != 0)
            continue;                        /* longer stems start with P: P* finds them */
        rt_buf_puts(&rc, &stem, "\n");
        if (rc != RT_OK || strstr(seen.data, stem.data))
            continue;
        rt_buf_puts(&rc, &seen, stem.data);
        e->sqlite_rc = e->xToken(e->pCtx, FTS5_TOKEN_COLOCATED, stem.data, (int)stem.len - 1, 0, 0);
    }
    rt_buf_free(&word);
    rt_buf_free(&stem);
    rt_buf_free(&seen);
    return rc;
}

/*
 * A prefix query ("evaluat*"): FTS5 marks the last token of the phrase. It
 * matches index terms starting with the case-folded word and, for words of
 * PREFIX_STEM_MIN bytes or more, starting with the shorter stems of words
 * that begin with it (prefix_alternatives). The phrase's other tokens are
 * stemmed as usual.
 */
static int tokenize_prefix(fts_tok *t, const char *lang, const char *s, size_t len, emit_ctx *e)
{
    collect_ctx st = { { 0 }, 0, RT_OK }, pl = { { 0 }, 0, RT_OK };
    int rc = rt_analyzer_run(t->stem, lang, s, len, collect, &st, NULL);
    if (rc == RT_OK)
        rc = rt_analyzer_run(t->plain, lang, s, len, collect, &pl, NULL);
    const char *a = st.terms.data, *b = pl.terms.data;
    for (size_t i = 0; rc == RT_OK && i < st.n && i < pl.n && e->sqlite_rc == SQLITE_OK; i++) {
        size_t na = strlen(a), nb = strlen(b);
        if (i + 1 < st.n) {
            e->sqlite_rc = e->xToken(e->pCtx, 0, a, (int)na, 0, 0);
        } else {
            e->sqlite_rc = e->xToken(e->pCtx, 0, b, (int)nb, 0, 0);
            if (e->sqlite_rc == SQLITE_OK && nb >= PREFIX_STEM_MIN)
                rc = prefix_alternatives(t, lang, b, e);
        }
        a += na + 1;
        b += nb + 1;
    }
    rt_buf_free(&st.terms);
    rt_buf_free(&pl.terms);
    return to_sqlite(rc, e);
}

static int tok_tokenize(Fts5Tokenizer *p, void *pCtx, int flags, const char *text, int ntext,
                        fts_token_fn xToken)
{
    fts_tok *t = (fts_tok *)p;
    emit_ctx e = { xToken, pCtx, 0, SQLITE_OK };
    char lang[8] = "en";
    size_t len = ntext > 0 ? (size_t)ntext : 0;
    if (flags & FTS5_TOKENIZE_QUERY) {
        memcpy(lang, t->f->query_lang, sizeof lang);
        if (flags & FTS5_TOKENIZE_PREFIX)
            return tokenize_prefix(t, lang, text, len, &e);
    } else {
        e.base = rt_fts_lang_prefix(text, len, lang);
    }
    int rc = rt_analyzer_run(t->stem, lang, text + e.base, len - e.base, emit, &e, NULL);
    return to_sqlite(rc, &e);
}

/* ---------------------------------------------------------------- ranking */

#define BM25_K1 1.2
#define BM25_B 0.75

/* Per-query part of bm25, computed on the first row (as FTS5's own bm25 does). */
typedef struct bm25_data {
    int nphrase;
    double avgdl;            /* mean tokens per row */
    double *idf;             /* per phrase */
    double *freq;            /* per phrase, scratch for one row */
} bm25_data;

static int count_cb(const Fts5ExtensionApi *api, Fts5Context *fts, void *ctx)
{
    (void)api;
    (void)fts;
    (*(sqlite3_int64 *)ctx)++;
    return SQLITE_OK;
}

static void bm25_free(void *p)
{
    bm25_data *d = p;
    if (d) {
        free(d->idf);
        free(d->freq);
        free(d);
    }
}

static int bm25_data_new(const Fts5ExtensionApi *api, Fts5Context *fts, bm25_data **out)
{
    sqlite3_int64 nrow = 0, ntok = 0;
    bm25_data *d = calloc(1, sizeof *d);
    if (!d)
        return SQLITE_NOMEM;
    d->nphrase = api->xPhraseCount(fts);
    d->idf = calloc((size_t)d->nphrase + 1, sizeof *d->idf);
    d->freq = calloc((size_t)d->nphrase + 1, sizeof *d->freq);
    int rc = d->idf && d->freq ? SQLITE_OK : SQLITE_NOMEM;
    if (rc == SQLITE_OK)
        rc = api->xRowCount(fts, &nrow);
    if (rc == SQLITE_OK)
        rc = api->xColumnTotalSize(fts, -1, &ntok);
    d->avgdl = nrow ? (double)ntok / (double)nrow : 1.0;
    for (int i = 0; rc == SQLITE_OK && i < d->nphrase; i++) {
        sqlite3_int64 nhit = 0;
        rc = api->xQueryPhrase(fts, i, &nhit, count_cb);
        double idf = log(((double)nrow - (double)nhit + 0.5) / ((double)nhit + 0.5));
        d->idf[i] = idf <= 0.0 ? 1e-6 : idf;
    }
    if (rc == SQLITE_OK)
        rc = api->xSetAuxdata(fts, d, bm25_free);
    else
        bm25_free(d);
    *out = rc == SQLITE_OK ? d : NULL;
    return rc;
}

/*
 * rt_bm25(fts, w_title, w_abstract, w_text): FTS5's bm25 exactly (same k1,
 * b, IDF and column weights, lower is better), but with each row's length
 * read from the store's in-memory table instead of FTS5's docsize table:
 * one B-tree lookup per matching row less, which is most of bm25's cost on
 * queries matching many records.
 */
static void rank_fn(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx,
                    int nval, sqlite3_value **val)
{
    rt_fts *f = api->xUserData(fts);
    bm25_data *d = api->xGetAuxdata(fts, 0);
    int rc = d ? SQLITE_OK : bm25_data_new(api, fts, &d), ninst = 0;
    if (rc == SQLITE_OK)
        rc = api->xInstCount(fts, &ninst);
    for (int i = 0; rc == SQLITE_OK && i < d->nphrase; i++)
        d->freq[i] = 0;
    for (int i = 0; rc == SQLITE_OK && i < ninst; i++) {
        int ip, ic, io;
        rc = api->xInst(fts, i, &ip, &ic, &io);
        if (rc == SQLITE_OK && ip >= 0 && ip < d->nphrase)
            d->freq[ip] += ic < nval ? sqlite3_value_double(val[ic]) : 1.0;
    }
    sqlite3_int64 rowid = api->xRowid(fts);
    int ntok = 0;
    if (rc == SQLITE_OK && f->doclen && rowid >= 0 && (size_t)rowid < f->ndoclen)
        ntok = (int)f->doclen[rowid];
    else if (rc == SQLITE_OK)
        rc = api->xColumnSize(fts, -1, &ntok);
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(ctx, rc);
        return;
    }
    double score = 0, k = BM25_K1 * (1 - BM25_B + BM25_B * (double)ntok / d->avgdl);
    for (int i = 0; i < d->nphrase; i++)
        score += d->idf[i] * (d->freq[i] * (BM25_K1 + 1.0)) / (d->freq[i] + k);
    sqlite3_result_double(ctx, -1.0 * score);
}

void rt_fts_set_doclen(rt_fts *f, const uint32_t *doclen, size_t n)
{
    f->doclen = doclen;
    f->ndoclen = doclen ? n : 0;
}

/* ---------------------------------------------------------------- registration */

static fts5_api *fts5_api_of(sqlite3 *db)
{
    fts5_api *api = NULL;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
        sqlite3_step(st);
    }
    sqlite3_finalize(st);
    return api;
}

static void fts_destroy(void *p)
{
    free(p);
}

int rt_fts_register(struct sqlite3 *db, rt_fts **out, rt_err *err)
{
    *out = NULL;
    fts5_api *api = fts5_api_of(db);
    if (!api || api->iVersion < 2)
        return rt_err_set(err, RT_EDB, "SQLite has no FTS5 (version 2 API): %s",
                          sqlite3_libversion());
    rt_fts *f = calloc(1, sizeof *f);
    if (!f)
        return rt_err_set(err, RT_ENOMEM, "fts: out of memory");
    memcpy(f->query_lang, "en", 3);
    fts5_tokenizer tok = { tok_create, tok_delete, tok_tokenize };
    int rc = api->xCreateTokenizer(api, "revtag", f, &tok, fts_destroy);
    if (rc != SQLITE_OK)
        free(f);          /* not owned by DB yet */
    else                  /* from here DB owns F */
        rc = api->xCreateFunction(api, "rt_bm25", f, rank_fn, NULL);
    if (rc != SQLITE_OK)
        return rt_err_set(err, rc == SQLITE_NOMEM ? RT_ENOMEM : RT_EDB,
                          "fts: cannot register the tokenizer: %s", sqlite3_errstr(rc));
    *out = f;
    return RT_OK;
}

int rt_fts_set_query_lang(rt_fts *f, const char *lang, rt_err *err)
{
    const char *code;
    int rc = rt_stemmer_lang(lang, &code, NULL, err);
    if (rc == RT_OK)
        snprintf(f->query_lang, sizeof f->query_lang, "%s", code);
    return rc;
}
