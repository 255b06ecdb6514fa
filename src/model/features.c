/*
 * features.c - records to term counts. Each thread runs its own analyzer
 * with stemming done here through a word -> term cache (stemming is most of
 * the analyzer's cost, and a corpus has few distinct words). Vocabularies
 * are built from contiguous chunks of records merged in chunk order, so term
 * ids follow first occurrence in the input whatever the thread count.
 */
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "revtag/features.h"
#include "revtag/stemmer.h"
#include "rtint.h"

#define MAX_LANGS 32

struct rt_vocab {
    rt_feature_opts o;
    size_t ndocs;           /* records the vocabulary was built from */
    size_t nuni, nterms;    /* unigram ids [0, nuni), bigram ids [nuni, nterms) */
    rt_strmap uni;          /* unigram text -> id */
    uint32_t *bfirst;       /* per bigram index (sorted by first, then second word): a */
    uint32_t *bsecond;      /* per bigram index: b */
    size_t *boff;           /* per bigram index: offset of its text in barena */
    char *barena;           /* "a b" texts, NUL-terminated */
    struct bslot *btab;     /* (a, b) -> bigram index, open addressing (bmask + 1 slots) */
    size_t bmask;
    uint32_t *df;           /* nterms */
    float *idf;             /* nterms */
};

/* A slot of the bigram table: first word a (RT_NOID = empty), second word b, bigram index. */
struct bslot {
    uint32_t a, b, k;
};

struct rt_featurizer {
    const rt_vocab *v;            /* NULL while building a vocabulary */
    rt_feature_opts o;
    rt_analyzer *a;               /* stemming off: done below through the cache */
    const char *codes[MAX_LANGS]; /* ISO 639-1 codes seen so far */
    rt_stemmer *stemmers[MAX_LANGS];
    rt_strmap words[MAX_LANGS];   /* case-folded word -> word id, per language */
    uint32_t *wterm[MAX_LANGS];   /* word id -> term id (RT_NOID: not a term) */
    size_t wcap[MAX_LANGS];
    size_t nlangs, li;            /* languages seen; the current record's */
    rt_strmap local;              /* building: stem -> chunk-local term id */
    uint32_t *seq;                /* the record's terms in text order, RT_NOID = break */
    size_t nseq, seqcap;
    size_t *starts, *ends;        /* walk: byte range of each seq entry */
    int *fields;
    size_t offcap;
    int offsets, field, rc;       /* collect offsets?; field being analyzed; callback status */
    uint32_t *stamp, *pos, cur;   /* per-term "seen in this record" marks (vocab mode) */
    uint32_t *uidx, *utmp;        /* the record's distinct terms, then sorted; sort scratch */
    float *ucnt, *uval;
    size_t nu, ucap;
};

/* ------------------------------------------------------------ helpers */

rt_feature_opts rt_feature_defaults(void)
{
    rt_feature_opts o = { rt_analyzer_defaults(), 1, 2 };
    return o;
}

static int grow(void **p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return RT_OK;
    size_t c = *cap ? *cap : 256;
    while (c < need)
        c *= 2;
    void *q = realloc(*p, c * elem);
    if (!q)
        return RT_ENOMEM;
    rt_mem_huge(q, c * elem);
    *p = q;
    *cap = c;
    return RT_OK;
}

static int where(rt_err *err, int code, const rt_record *rec, const char *msg)
{
    if (rec->source && rec->line > 0)
        return rt_err_set(err, code, "%s:%ld: %s", rec->source, rec->line, msg);
    return rt_err_set(err, code, "record '%s': %s", rec->id ? rec->id : "?", msg);
}

static int nthreads(int threads)
{
    return threads > 0 ? threads : omp_get_max_threads();
}

void rt_sparse_free(rt_sparse *m)
{
    if (!m)
        return;
    free(m->ptr);
    free(m->idx);
    free(m->val);
    memset(m, 0, sizeof *m);
}

rt_fvec rt_sparse_row(const rt_sparse *m, size_t i)
{
    rt_fvec r = { m->idx + m->ptr[i], m->val + m->ptr[i], m->ptr[i + 1] - m->ptr[i] };
    return r;
}

void rt_sparse_tfidf(rt_sparse *m, const float *idf)
{
    for (size_t i = 0; i < m->nrows; i++) {
        double ss = 0;
        for (size_t k = m->ptr[i]; k < m->ptr[i + 1]; k++) {
            double x = (1.0 + log(m->val[k])) * idf[m->idx[k]];
            m->val[k] = (float)x;
            ss += x * x;
        }
        double s = ss > 0 ? 1.0 / sqrt(ss) : 0;
        for (size_t k = m->ptr[i]; k < m->ptr[i + 1]; k++)
            m->val[k] = (float)(m->val[k] * s);
    }
}

/* ------------------------------------------------------------ vocabulary */

void rt_vocab_free(rt_vocab *v)
{
    if (!v)
        return;
    rt_strmap_free(&v->uni);
    free(v->bfirst);
    free(v->bsecond);
    free(v->boff);
    free(v->barena);
    free(v->btab);
    free(v->df);
    free(v->idf);
    free(v);
}

size_t rt_vocab_size(const rt_vocab *v) { return v->nterms; }
size_t rt_vocab_nunigrams(const rt_vocab *v) { return v->nuni; }
size_t rt_vocab_ndocs(const rt_vocab *v) { return v->ndocs; }
uint32_t rt_vocab_df(const rt_vocab *v, uint32_t id) { return v->df[id]; }
const float *rt_vocab_idf(const rt_vocab *v) { return v->idf; }
const rt_feature_opts *rt_vocab_opts(const rt_vocab *v) { return &v->o; }

const char *rt_vocab_term(const rt_vocab *v, uint32_t id)
{
    if (id < v->nuni)
        return rt_strmap_key(&v->uni, id, NULL);
    return v->barena + v->boff[id - v->nuni];
}

uint32_t rt_vocab_find(const rt_vocab *v, const char *term, size_t len)
{
    return rt_strmap_get(&v->uni, term, len);
}

/* First slot to probe for the pair (A, B) in a table of MASK + 1 slots. */
static size_t pair_slot(uint32_t a, uint32_t b, size_t mask)
{
    uint64_t h = (((uint64_t)a << 32) | b) * 0x9E3779B97F4A7C15ULL;
    return (size_t)(h ^ (h >> 29)) & mask;
}

/*
 * The bigram of unigrams A and B: its term id, or RT_NOID. A hash probe,
 * not a search of A's sorted list: classifying looks up every adjacent
 * pair of words, and a binary search there missed the cache at each step.
 */
static uint32_t vocab_pair(const rt_vocab *v, uint32_t a, uint32_t b)
{
    if (!v->btab)
        return RT_NOID;
    for (size_t i = pair_slot(a, b, v->bmask);; i = (i + 1) & v->bmask) {
        const struct bslot *s = &v->btab[i];
        if (s->a == RT_NOID)
            return RT_NOID;
        if (s->a == a && s->b == b)
            return (uint32_t)(v->nuni + s->k);
    }
}

/* The table vocab_pair probes, for the NB bigrams in bfirst/bsecond. RT_OK or RT_ENOMEM. */
static int vocab_hash_bigrams(rt_vocab *v, size_t nb)
{
    size_t cap = 16;
    while (cap < nb + nb / 2 + 1)   /* load factor at most 2/3 */
        cap *= 2;
    v->btab = malloc(cap * sizeof *v->btab);
    if (!v->btab)
        return RT_ENOMEM;
    v->bmask = cap - 1;
    for (size_t i = 0; i < cap; i++)
        v->btab[i].a = RT_NOID;
    for (size_t k = 0; k < nb; k++) {
        size_t i = pair_slot(v->bfirst[k], v->bsecond[k], v->bmask);
        while (v->btab[i].a != RT_NOID)
            i = (i + 1) & v->bmask;
        struct bslot s = { v->bfirst[k], v->bsecond[k], (uint32_t)k };
        v->btab[i] = s;
    }
    return RT_OK;
}

/*
 * Index the NB bigrams in bfirst/bsecond (sorted by first word, then second;
 * the caller has checked both are unigram ids): the pair table and the
 * "a b" texts. Returns RT_OK or RT_ENOMEM.
 */
static int vocab_index_bigrams(rt_vocab *v, size_t nb)
{
    size_t len = 0;
    for (size_t k = 0; k < nb; k++)
        len += v->uni.len[v->bfirst[k]] + v->uni.len[v->bsecond[k]] + 2;
    v->boff = malloc((nb + 1) * sizeof *v->boff);
    v->barena = malloc(len + 1);
    if (!v->boff || !v->barena)
        return RT_ENOMEM;
    size_t at = 0;
    for (size_t k = 0; k < nb; k++) {
        size_t la, lb;
        const char *a = rt_strmap_key(&v->uni, v->bfirst[k], &la);
        const char *b = rt_strmap_key(&v->uni, v->bsecond[k], &lb);
        v->boff[k] = at;
        memcpy(v->barena + at, a, la);
        v->barena[at + la] = ' ';
        memcpy(v->barena + at + la + 1, b, lb + 1);
        at += la + lb + 2;
    }
    return vocab_hash_bigrams(v, nb);
}

/* df -> idf for every term; RT_OK or RT_ENOMEM. */
static int vocab_finish(rt_vocab *v)
{
    v->idf = malloc((v->nterms ? v->nterms : 1) * sizeof *v->idf);
    if (!v->idf)
        return RT_ENOMEM;
    for (size_t i = 0; i < v->nterms; i++)
        v->idf[i] = (float)(log((1.0 + (double)v->ndocs) / (1.0 + v->df[i])) + 1.0);
    return RT_OK;
}

/* ------------------------------------------------------------ featurizer */

static int featurizer_alloc(const rt_feature_opts *o, const rt_vocab *v, rt_featurizer **out,
                            rt_err *err)
{
    *out = NULL;
    rt_featurizer *f = calloc(1, sizeof *f);
    if (!f)
        return rt_err_set(err, RT_ENOMEM, "features: out of memory");
    f->v = v;
    f->o = *o;
    rt_analyzer_opts an = o->an;
    an.stem = 0;
    rt_strmap_init(&f->local);
    for (size_t i = 0; i < MAX_LANGS; i++)
        rt_strmap_init(&f->words[i]);
    int rc = rt_analyzer_new(&an, &f->a, err);
    if (rc == RT_OK && v && v->nterms) {
        f->stamp = calloc(v->nterms, sizeof *f->stamp);
        f->pos = malloc(v->nterms * sizeof *f->pos);
        if (!f->stamp || !f->pos)
            rc = rt_err_set(err, RT_ENOMEM, "features: out of memory");
    }
    if (rc != RT_OK) {
        rt_featurizer_free(f);
        return rc;
    }
    *out = f;
    return RT_OK;
}

int rt_featurizer_new(const rt_vocab *v, rt_featurizer **out, rt_err *err)
{
    return featurizer_alloc(&v->o, v, out, err);
}

void rt_featurizer_free(rt_featurizer *f)
{
    if (!f)
        return;
    rt_analyzer_free(f->a);
    for (size_t i = 0; i < MAX_LANGS; i++) {
        rt_strmap_free(&f->words[i]);
        free(f->wterm[i]);
    }
    for (size_t i = 0; i < f->nlangs; i++)
        rt_stemmer_free(f->stemmers[i]);
    rt_strmap_free(&f->local);
    free(f->seq);
    free(f->starts);
    free(f->ends);
    free(f->fields);
    free(f->stamp);
    free(f->pos);
    free(f->uidx);
    free(f->ucnt);
    free(f->uval);
    free(f->utmp);
    free(f);
}

/* Select the record's language (creating its stemmer on first use). */
static int set_lang(rt_featurizer *f, const rt_record *rec, rt_err *err)
{
    const char *code;
    rt_err e = { 0, "" };
    if (rt_stemmer_lang(rt_record_lang(rec), &code, NULL, &e) != RT_OK)
        return where(err, RT_EINVAL, rec, e.msg);
    for (f->li = 0; f->li < f->nlangs; f->li++)
        if (f->codes[f->li] == code || strcmp(f->codes[f->li], code) == 0)
            return RT_OK;
    if (f->nlangs == MAX_LANGS)
        return where(err, RT_EINVAL, rec, "too many languages");
    rt_stemmer *st = NULL;
    int rc = f->o.an.stem ? rt_stemmer_new(code, &st, &e) : RT_OK;
    if (rc != RT_OK)
        return rc == RT_ENOMEM ? rt_err_set(err, rc, "features: out of memory")
                               : where(err, rc, rec, e.msg);
    f->codes[f->nlangs] = code;
    f->stemmers[f->nlangs++] = st;
    return RT_OK;
}

/* Term id of token T through the word cache (stemming on a miss). */
static int word_term(rt_featurizer *f, const rt_token *t, uint32_t *term)
{
    size_t li = f->li;
    uint32_t wid = rt_strmap_get(&f->words[li], t->text, t->len);
    if (wid != RT_NOID) {
        *term = f->wterm[li][wid];
        return RT_OK;
    }
    const char *s = t->text;
    size_t len = t->len;
    if (t->kind == RT_TOKEN_WORD && f->stemmers[li]
        && !(s = rt_stemmer_stem(f->stemmers[li], t->text, t->len, &len)))
        return RT_ENOMEM;
    if (f->v)
        *term = rt_vocab_find(f->v, s, len);
    else if (rt_strmap_add(&f->local, s, len, term) != RT_OK)
        return RT_ENOMEM;
    /* room for the entry first, so a failure never leaves a word without its term */
    if (grow((void **)&f->wterm[li], &f->wcap[li], f->words[li].n + 1, sizeof(uint32_t))
        || rt_strmap_add(&f->words[li], t->text, t->len, &wid) != RT_OK)
        return RT_ENOMEM;
    f->wterm[li][wid] = *term;
    return RT_OK;
}

static int push(rt_featurizer *f, uint32_t term, size_t start, size_t end)
{
    if (grow((void **)&f->seq, &f->seqcap, f->nseq + 1, sizeof *f->seq))
        return RT_ENOMEM;
    if (f->offsets) {
        size_t c1 = f->offcap, c2 = f->offcap, c3 = f->offcap;
        if (grow((void **)&f->starts, &c1, f->nseq + 1, sizeof *f->starts)
            || grow((void **)&f->ends, &c2, f->nseq + 1, sizeof *f->ends)
            || grow((void **)&f->fields, &c3, f->nseq + 1, sizeof *f->fields))
            return RT_ENOMEM;
        f->offcap = c3;
        f->starts[f->nseq] = start;
        f->ends[f->nseq] = end;
        f->fields[f->nseq] = f->field;
    }
    f->seq[f->nseq++] = term;
    return RT_OK;
}

static int on_token(void *ctx, const rt_token *t)
{
    rt_featurizer *f = ctx;
    uint32_t term;
    if (word_term(f, t, &term) != RT_OK || push(f, term, t->start, t->end) != RT_OK) {
        f->rc = RT_ENOMEM;
        return 1;
    }
    return 0;
}

/* Analyze REC's fields into f->seq (RT_NOID closes each field). */
static int analyze(rt_featurizer *f, const rt_record *rec, rt_err *err)
{
    const char *fields[3] = { rec->title, rec->abstract, rec->text };
    f->nseq = 0;
    f->rc = RT_OK;
    int rc = set_lang(f, rec, err);
    for (int k = 0; k < 3 && rc == RT_OK; k++) {
        if (!fields[k] || !*fields[k])
            continue;
        f->field = k;
        rt_err e = { 0, "" };
        rc = rt_analyzer_run(f->a, f->codes[f->li], fields[k], strlen(fields[k]), on_token, f, &e);
        if (f->rc != RT_OK || rc == RT_ENOMEM)
            rc = RT_ENOMEM;
        else if (rc != RT_OK)
            rc = where(err, rc, rec, e.msg);
        if (rc == RT_OK && push(f, RT_NOID, 0, 0) != RT_OK)
            rc = RT_ENOMEM;
    }
    if (rc == RT_ENOMEM)
        rt_err_set(err, rc, "features: out of memory");
    return rc;
}

/* ------------------------------------------------------ counting one record */

/*
 * Sort N ids ascending: insertion sort for short lists, else LSD radix sort
 * on bytes (skipping bytes that are zero in every id) through TMP (room for N).
 */
static void sort_ids(uint32_t *a, uint32_t *tmp, size_t n)
{
    if (n <= 32) {
        for (size_t i = 1; i < n; i++) {
            uint32_t v = a[i];
            size_t k = i;
            for (; k > 0 && a[k - 1] > v; k--)
                a[k] = a[k - 1];
            a[k] = v;
        }
        return;
    }
    uint32_t all = 0;
    for (size_t i = 0; i < n; i++)
        all |= a[i];
    for (unsigned shift = 0; shift < 32 && (all >> shift); shift += 8) {
        size_t count[257] = { 0 };
        for (size_t i = 0; i < n; i++)
            count[((a[i] >> shift) & 0xFF) + 1]++;
        for (size_t d = 0; d < 256; d++)
            count[d + 1] += count[d];
        for (size_t i = 0; i < n; i++)
            tmp[count[(a[i] >> shift) & 0xFF]++] = a[i];
        memcpy(a, tmp, n * sizeof *a);
    }
}

static void count_term(rt_featurizer *f, uint32_t id)
{
    if (f->stamp[id] != f->cur) {
        f->stamp[id] = f->cur;
        f->pos[id] = (uint32_t)f->nu;
        f->uidx[f->nu] = id;
        f->ucnt[f->nu++] = 1;
    } else {
        f->ucnt[f->pos[id]] += 1;
    }
}

/* Count f->seq's terms and bigrams into sorted uidx/uval. */
static int count_seq(rt_featurizer *f)
{
    size_t c1 = f->ucap, c2 = f->ucap, c3 = f->ucap, c4 = f->ucap;
    size_t need = 2 * f->nseq + 1;
    if (grow((void **)&f->uidx, &c1, need, sizeof *f->uidx)
        || grow((void **)&f->ucnt, &c2, need, sizeof *f->ucnt)
        || grow((void **)&f->utmp, &c4, need, sizeof *f->utmp)
        || grow((void **)&f->uval, &c3, need, sizeof *f->uval))
        return RT_ENOMEM;
    f->ucap = c3;
    if (++f->cur == 0) {
        memset(f->stamp, 0, f->v->nterms * sizeof *f->stamp);
        f->cur = 1;
    }
    f->nu = 0;
    for (size_t k = 0; k < f->nseq; k++) {
        uint32_t t = f->seq[k];
        if (t == RT_NOID)
            continue;
        count_term(f, t);
        uint32_t b;
        if (f->o.bigrams && k > 0 && f->seq[k - 1] != RT_NOID
            && (b = vocab_pair(f->v, f->seq[k - 1], t)) != RT_NOID)
            count_term(f, b);
    }
    sort_ids(f->uidx, f->utmp, f->nu);
    for (size_t k = 0; k < f->nu; k++)
        f->uval[k] = f->ucnt[f->pos[f->uidx[k]]];
    return RT_OK;
}

int rt_featurizer_run(rt_featurizer *f, const rt_record *rec, rt_fvec *out, rt_err *err)
{
    out->n = 0;
    out->idx = NULL;
    out->val = NULL;
    f->offsets = 0;
    int rc = analyze(f, rec, err);
    if (rc == RT_OK && f->v->nterms && count_seq(f) != RT_OK)
        rc = rt_err_set(err, RT_ENOMEM, "features: out of memory");
    if (rc == RT_OK && f->v->nterms) {
        out->idx = f->uidx;
        out->val = f->uval;
        out->n = f->nu;
    }
    return rc;
}

int rt_featurizer_walk(rt_featurizer *f, const rt_record *rec, rt_term_fn fn, void *ctx,
                       rt_err *err)
{
    f->offsets = 1;
    int rc = analyze(f, rec, err);
    f->offsets = 0;
    for (size_t k = 0; rc == RT_OK && k < f->nseq; k++) {
        uint32_t t = f->seq[k], b;
        if (t == RT_NOID)
            continue;
        rt_term_hit h = { t, f->fields[k], f->starts[k], f->ends[k] };
        rc = fn(ctx, &h);
        if (rc == RT_OK && f->o.bigrams && k > 0 && f->seq[k - 1] != RT_NOID
            && (b = vocab_pair(f->v, f->seq[k - 1], t)) != RT_NOID) {
            rt_term_hit hb = { b, f->fields[k], f->starts[k - 1], f->ends[k] };
            rc = fn(ctx, &hb);
        }
    }
    return rc;
}

/* ------------------------------------------------------ rows of many records */

/* One thread's contiguous share of the records and what it produced. */
typedef struct chunk {
    size_t lo, hi;          /* records [lo, hi) */
    rt_featurizer *f;
    int rc;
    rt_err err;
    uint32_t *seq;          /* building: all records' terms, local then global ids */
    size_t nseq, seqcap;
    uint32_t *map;          /* building: local term id -> global id */
    uint64_t *pkey;         /* building: each record's distinct adjacent pairs, sorted */
    float *pcnt;            /* building: occurrences of each in its record */
    size_t np, pcap;
    uint64_t *ktmp;         /* building: sort scratch */
    size_t ktcap;
    uint32_t *idx;          /* the rows' entries */
    float *val;
    size_t nnz, cap;
} chunk;

static void chunks_free(chunk *c, size_t nc)
{
    for (size_t t = 0; c && t < nc; t++) {
        rt_featurizer_free(c[t].f);
        free(c[t].seq);
        free(c[t].map);
        free(c[t].pkey);
        free(c[t].pcnt);
        free(c[t].ktmp);
        free(c[t].idx);
        free(c[t].val);
    }
    free(c);
}

static chunk *chunks_new(size_t n, size_t nc)
{
    chunk *c = calloc(nc, sizeof *c);
    for (size_t t = 0; c && t < nc; t++) {
        c[t].lo = n * t / nc;
        c[t].hi = n * (t + 1) / nc;
    }
    return c;
}

/* Append a row (IDX, VAL, N entries) to chunk C; rowlen[i] = N. */
static int chunk_row(chunk *c, const uint32_t *idx, const float *val, size_t n)
{
    size_t cap = c->cap;
    if (grow((void **)&c->idx, &cap, c->nnz + n, sizeof *c->idx)
        || grow((void **)&c->val, &c->cap, c->nnz + n, sizeof *c->val))
        return RT_ENOMEM;
    if (n) {
        memcpy(c->idx + c->nnz, idx, n * sizeof *idx);
        memcpy(c->val + c->nnz, val, n * sizeof *val);
    }
    c->nnz += n;
    return RT_OK;
}

/* First failing chunk's status and message (in record order: deterministic). */
static int chunks_status(const chunk *c, size_t nc, rt_err *err)
{
    for (size_t t = 0; t < nc; t++)
        if (c[t].rc != RT_OK) {
            if (err)
                *err = c[t].err;
            return c[t].rc;
        }
    return RT_OK;
}

/* Concatenate the chunks' rows (ROWLEN per record) into OUT. */
static int chunks_assemble(chunk *c, size_t nc, const size_t *rowlen, size_t n, size_t ncols,
                           rt_sparse *out, rt_err *err)
{
    memset(out, 0, sizeof *out);
    size_t nnz = 0;
    for (size_t t = 0; t < nc; t++)
        nnz += c[t].nnz;
    out->ptr = malloc((n + 1) * sizeof *out->ptr);
    out->idx = rt_malloc_big((nnz ? nnz : 1) * sizeof *out->idx);
    out->val = rt_malloc_big((nnz ? nnz : 1) * sizeof *out->val);
    if (!out->ptr || !out->idx || !out->val) {
        rt_sparse_free(out);
        return rt_err_set(err, RT_ENOMEM, "features: out of memory");
    }
    out->nrows = n;
    out->ncols = ncols;
    out->ptr[0] = 0;
    for (size_t i = 0; i < n; i++)
        out->ptr[i + 1] = out->ptr[i] + rowlen[i];
    for (size_t t = 0; t < nc; t++) {
        if (!c[t].nnz)
            continue;
        memcpy(out->idx + out->ptr[c[t].lo], c[t].idx, c[t].nnz * sizeof *out->idx);
        memcpy(out->val + out->ptr[c[t].lo], c[t].val, c[t].nnz * sizeof *out->val);
    }
    return RT_OK;
}

static void count_chunk(const rt_vocab *v, chunk *c, const rt_record *const *recs, size_t *rowlen)
{
    c->rc = featurizer_alloc(&v->o, v, &c->f, &c->err);
    for (size_t i = c->lo; i < c->hi && c->rc == RT_OK; i++) {
        rt_fvec x;
        c->rc = rt_featurizer_run(c->f, recs[i], &x, &c->err);
        if (c->rc == RT_OK && (c->rc = chunk_row(c, x.idx, x.val, x.n)) != RT_OK)
            rt_err_set(&c->err, c->rc, "features: out of memory");
        rowlen[i] = x.n;
    }
}

int rt_vocab_count(const rt_vocab *v, const rt_record *const *recs, size_t n, int threads,
                   rt_sparse *out, rt_err *err)
{
    memset(out, 0, sizeof *out);
    size_t nc = (size_t)nthreads(threads);
    chunk *c = chunks_new(n, nc);
    size_t *rowlen = calloc(n + 1, sizeof *rowlen);
    int rc = c && rowlen ? RT_OK : rt_err_set(err, RT_ENOMEM, "features: out of memory");
    if (rc == RT_OK) {
#pragma omp parallel for num_threads((int)nc) schedule(static, 1)
        for (size_t t = 0; t < nc; t++)
            count_chunk(v, &c[t], recs, rowlen);
        rc = chunks_status(c, nc, err);
    }
    if (rc == RT_OK)
        rc = chunks_assemble(c, nc, rowlen, n, v->nterms, out, err);
    free(rowlen);
    chunks_free(c, nc);
    return rc;
}

/* ------------------------------------------------------ building a vocabulary */

/* Build state shared by the steps of rt_vocab_build. */
typedef struct build {
    const rt_record *const *recs;
    size_t n, nc;
    chunk *c;
    size_t *rstart, *rend;  /* each record's range in its chunk's seq */
    rt_vocab *v;
    rt_strmap all;          /* every unigram seen -> global id (first occurrence) */
    uint32_t *df;           /* per global unigram */
    uint32_t *keep;         /* global unigram -> final id or RT_NOID */
    size_t *pstart, *pend;  /* each record's distinct pairs in its chunk's pkey */
    size_t *pbase;          /* per chunk: number of its first pair among all chunks' */
    uint32_t *bid;          /* per pair occurrence (all chunks, in order): term id or RT_NOID */
    size_t *rowlen;
} build;

/* Step 1 (per chunk): analyze records into the chunk's seq with local ids. */
static void build_analyze(build *B, chunk *c)
{
    c->rc = featurizer_alloc(&B->v->o, NULL, &c->f, &c->err);
    for (size_t i = c->lo; i < c->hi && c->rc == RT_OK; i++) {
        c->rc = analyze(c->f, B->recs[i], &c->err);
        if (c->rc != RT_OK)
            break;
        B->rstart[i] = c->nseq;
        if (grow((void **)&c->seq, &c->seqcap, c->nseq + c->f->nseq, sizeof *c->seq)) {
            c->rc = rt_err_set(&c->err, RT_ENOMEM, "features: out of memory");
            break;
        }
        if (c->f->nseq)
            memcpy(c->seq + c->nseq, c->f->seq, c->f->nseq * sizeof *c->seq);
        c->nseq += c->f->nseq;
        B->rend[i] = c->nseq;
    }
}

/* Step 2 (serial, chunk order): local ids -> global ids by first occurrence. */
static int build_merge_terms(build *B)
{
    for (size_t t = 0; t < B->nc; t++) {
        chunk *c = &B->c[t];
        size_t nl = c->f->local.n;
        c->map = malloc((nl ? nl : 1) * sizeof *c->map);
        if (!c->map)
            return RT_ENOMEM;
        for (uint32_t l = 0; l < nl; l++) {
            size_t len;
            const char *k = rt_strmap_key(&c->f->local, l, &len);
            if (rt_strmap_add(&B->all, k, len, &c->map[l]) != RT_OK)
                return RT_ENOMEM;
        }
    }
    return RT_OK;
}

/* Step 3 (per chunk): translate seq through MAP, count unigram df into DF. */
static int build_df(build *B, chunk *c, const uint32_t *map, uint32_t *df)
{
    size_t ng = B->all.n;
    uint32_t *last = calloc(ng ? ng : 1, sizeof *last);
    if (!last)
        return RT_ENOMEM;
    for (size_t i = c->lo; i < c->hi; i++)
        for (size_t k = B->rstart[i]; k < B->rend[i]; k++) {
            uint32_t g = c->seq[k] == RT_NOID ? RT_NOID : map[c->seq[k]];
            c->seq[k] = g;
            if (g != RT_NOID && last[g] != i + 1) {
                last[g] = (uint32_t)(i + 1);
                df[g]++;
            }
        }
    free(last);
    return RT_OK;
}

/* Steps 3-4: df of every unigram (summed over chunks), then pruning by min_df. */
static int build_prune_unigrams(build *B)
{
    size_t ng = B->all.n, nc = B->nc;
    uint32_t *dfs = calloc(nc * (ng ? ng : 1), sizeof *dfs);
    B->df = calloc(ng ? ng : 1, sizeof *B->df);
    B->keep = malloc((ng ? ng : 1) * sizeof *B->keep);
    if (!dfs || !B->df || !B->keep) {
        free(dfs);
        return RT_ENOMEM;
    }
    int bad = 0;
#pragma omp parallel for num_threads((int)nc) schedule(static, 1) reduction(| : bad)
    for (size_t t = 0; t < nc; t++)
        bad |= build_df(B, &B->c[t], B->c[t].map, dfs + t * ng) != RT_OK;
    for (size_t t = 0; t < nc; t++)
        for (size_t g = 0; g < ng; g++)
            B->df[g] += dfs[t * ng + g];
    free(dfs);
    if (bad)
        return RT_ENOMEM;
    rt_vocab *v = B->v;
    for (uint32_t g = 0; g < ng; g++) {
        B->keep[g] = RT_NOID;
        if (B->df[g] < v->o.min_df)
            continue;
        size_t len;
        const char *k = rt_strmap_key(&B->all, g, &len);
        if (rt_strmap_add(&v->uni, k, len, &B->keep[g]) != RT_OK)
            return RT_ENOMEM;
    }
    v->nuni = v->nterms = v->uni.n;
    return RT_OK;
}

/*
 * Sort N 64-bit keys below 2^BITS with payload O (may be NULL), via KT/OT:
 * LSD radix sort, DIGIT bits a pass (8 for a record's few keys, 11 for all).
 */
static void radix_sort64(uint64_t *k, uint32_t *o, uint64_t *kt, uint32_t *ot, size_t n,
                         unsigned bits, unsigned digit)
{
    size_t count[2049], nb = (size_t)1 << digit, mask = nb - 1;
    for (unsigned shift = 0; shift < bits; shift += digit) {
        memset(count, 0, (nb + 1) * sizeof *count);
        for (size_t i = 0; i < n; i++)
            count[((k[i] >> shift) & mask) + 1]++;
        for (size_t d = 0; d < nb; d++)
            count[d + 1] += count[d];
        for (size_t i = 0; i < n; i++) {
            size_t at = count[(k[i] >> shift) & mask]++;
            kt[at] = k[i];
            if (o)
                ot[at] = o[i];
        }
        memcpy(k, kt, n * sizeof *k);
        if (o)
            memcpy(o, ot, n * sizeof *o);
    }
}

static unsigned key_bits(uint64_t max)
{
    unsigned b = 1;
    while (b < 64 && (max >> b))
        b++;
    return b;
}

/* One record's adjacent pairs, as keys a * nuni + b, made distinct with counts. */
static int record_pairs(build *B, chunk *c, size_t i)
{
    uint64_t U = B->v->nuni;
    size_t from = c->np, len = B->rend[i] - B->rstart[i];
    size_t cap = c->pcap, tcap = c->ktcap;
    if (grow((void **)&c->pkey, &cap, from + len + 1, sizeof *c->pkey)
        || grow((void **)&c->pcnt, &c->pcap, from + len + 1, sizeof *c->pcnt)
        || grow((void **)&c->ktmp, &tcap, len + 1, sizeof *c->ktmp))
        return RT_ENOMEM;
    c->ktcap = tcap;
    size_t m = 0;
    for (size_t k = B->rstart[i] + 1; k < B->rend[i]; k++)
        if (c->seq[k - 1] != RT_NOID && c->seq[k] != RT_NOID)
            c->pkey[from + m++] = c->seq[k - 1] * U + c->seq[k];
    radix_sort64(c->pkey + from, NULL, c->ktmp, NULL, m, key_bits(U * U), 8);
    size_t u = 0;
    for (size_t k = 0; k < m; k++) {
        if (u > 0 && c->pkey[from + u - 1] == c->pkey[from + k]) {
            c->pcnt[from + u - 1] += 1;
            continue;
        }
        c->pkey[from + u] = c->pkey[from + k];
        c->pcnt[from + u++] = 1;
    }
    B->pstart[i] = from;
    B->pend[i] = c->np = from + u;
    return RT_OK;
}

/* Step 5 (per chunk): final unigram ids, then each record's distinct bigram candidates. */
static int build_chunk_pairs(build *B, chunk *c)
{
    for (size_t i = c->lo; i < c->hi; i++) {
        for (size_t k = B->rstart[i]; k < B->rend[i]; k++)
            c->seq[k] = c->seq[k] == RT_NOID ? RT_NOID : B->keep[c->seq[k]];
        B->pstart[i] = B->pend[i] = c->np;
        if (B->v->o.bigrams && record_pairs(B, c, i) != RT_OK)
            return RT_ENOMEM;
    }
    return RT_OK;
}

/* Kept bigrams from the sorted keys: each run is one pair, its length its df. */
static int keep_pairs(build *B, const uint64_t *k, const uint32_t *o, size_t n, uint32_t **df)
{
    rt_vocab *v = B->v;
    size_t nb = 0, cap = 0;
    for (size_t j = 0, e; j < n; j = e) {
        for (e = j + 1; e < n && k[e] == k[j]; e++)
            ;
        uint32_t id = RT_NOID;
        if (e - j >= v->o.min_df) {
            size_t c1 = cap, c2 = cap;
            if (grow((void **)&v->bfirst, &c1, nb + 1, sizeof *v->bfirst)
                || grow((void **)&v->bsecond, &c2, nb + 1, sizeof *v->bsecond)
                || grow((void **)df, &cap, nb + 1, sizeof **df))
                return RT_ENOMEM;
            v->bfirst[nb] = (uint32_t)(k[j] / v->nuni);
            v->bsecond[nb] = (uint32_t)(k[j] % v->nuni);
            (*df)[nb] = (uint32_t)(e - j);
            id = (uint32_t)(v->nuni + nb++);
        }
        for (size_t x = j; x < e; x++)
            B->bid[o[x]] = id;
    }
    v->nterms = v->nuni + nb;
    return nb ? vocab_index_bigrams(v, nb) : RT_OK;
}

/*
 * Step 6: every record's distinct pairs, from all chunks in order, sorted by
 * key; a pair is kept when it is in >= min_df records, and bigram ids follow
 * the key order (first word, then second): the same for any thread count.
 */
static int build_bigrams(build *B, uint32_t **df)
{
    size_t n = 0;
    for (size_t t = 0; t < B->nc; t++) {
        B->pbase[t] = n;
        n += B->c[t].np;
    }
    uint64_t *k = rt_malloc_big((n + 1) * sizeof *k), *kt = rt_malloc_big((n + 1) * sizeof *kt);
    uint32_t *o = rt_malloc_big((n + 1) * sizeof *o), *ot = rt_malloc_big((n + 1) * sizeof *ot);
    B->bid = rt_malloc_big((n + 1) * sizeof *B->bid);
    int rc = k && kt && o && ot && B->bid ? RT_OK : RT_ENOMEM;
    for (size_t t = 0; rc == RT_OK && t < B->nc; t++)
        for (size_t j = 0; j < B->c[t].np; j++) {
            k[B->pbase[t] + j] = B->c[t].pkey[j];
            o[B->pbase[t] + j] = (uint32_t)(B->pbase[t] + j);
        }
    if (rc == RT_OK && n > UINT32_MAX - 1)
        rc = RT_ENOMEM;
    if (rc == RT_OK) {
        uint64_t U = B->v->nuni;
        radix_sort64(k, o, kt, ot, n, key_bits(U * U), 11);
        rc = keep_pairs(B, k, o, n, df);
    }
    free(k);
    free(kt);
    free(o);
    free(ot);
    return rc;
}

/* Step 7 (per chunk): each record's row: unigram counts, then its kept bigrams. */
static int build_rows(build *B, chunk *c)
{
    rt_featurizer *f = c->f;
    size_t nt = B->v->nterms, t = (size_t)(c - B->c);
    f->v = B->v;
    f->o.bigrams = 0;   /* the bigrams come from the pair lists below */
    if (!nt)
        return RT_OK;
    f->stamp = calloc(nt, sizeof *f->stamp);
    f->pos = malloc(nt * sizeof *f->pos);
    size_t cap = c->cap, most = c->nseq + c->np + 1;   /* entries cannot exceed terms + pairs */
    if (!f->stamp || !f->pos || grow((void **)&c->idx, &cap, most, sizeof *c->idx)
        || grow((void **)&c->val, &c->cap, most, sizeof *c->val))
        return RT_ENOMEM;
    for (size_t i = c->lo; i < c->hi; i++) {
        size_t len = B->rend[i] - B->rstart[i];
        if (grow((void **)&f->seq, &f->seqcap, len + 1, sizeof *f->seq))
            return RT_ENOMEM;
        if (len)
            memcpy(f->seq, c->seq + B->rstart[i], len * sizeof *f->seq);
        f->nseq = len;
        if (count_seq(f) != RT_OK || chunk_row(c, f->uidx, f->uval, f->nu) != RT_OK)
            return RT_ENOMEM;
        size_t nb = 0;   /* ids ascend with the keys, above every unigram id */
        for (size_t j = B->pstart[i]; j < B->pend[i]; j++) {
            uint32_t id = B->bid[B->pbase[t] + j];
            if (id != RT_NOID && chunk_row(c, &id, &c->pcnt[j], 1) != RT_OK)
                return RT_ENOMEM;
            nb += id != RT_NOID;
        }
        B->rowlen[i] = f->nu + nb;
    }
    return RT_OK;
}

/* Final df array: kept unigrams then kept bigrams. */
static int build_df_final(build *B, const uint32_t *bdf)
{
    rt_vocab *v = B->v;
    v->df = malloc((v->nterms ? v->nterms : 1) * sizeof *v->df);
    if (!v->df)
        return RT_ENOMEM;
    for (size_t g = 0; g < B->all.n; g++)
        if (B->keep[g] != RT_NOID)
            v->df[B->keep[g]] = B->df[g];
    for (size_t k = v->nuni; k < v->nterms; k++)
        v->df[k] = bdf[k - v->nuni];
    return vocab_finish(v);
}

/* Run a per-chunk step on every chunk in parallel; RT_ENOMEM if any failed. */
static int par_chunks(build *B, int (*step)(build *, chunk *))
{
    int bad = 0;
#pragma omp parallel for num_threads((int)B->nc) schedule(static, 1) reduction(| : bad)
    for (size_t t = 0; t < B->nc; t++)
        bad |= step(B, &B->c[t]) != RT_OK;
    return bad ? RT_ENOMEM : RT_OK;
}

static int build_steps(build *B, rt_sparse *counts, rt_err *err)
{
#pragma omp parallel for num_threads((int)B->nc) schedule(static, 1)
    for (size_t t = 0; t < B->nc; t++)
        build_analyze(B, &B->c[t]);
    int rc = chunks_status(B->c, B->nc, err);
    if (rc != RT_OK)
        return rc;
    uint32_t *bdf = NULL;
    if ((rc = build_merge_terms(B)) == RT_OK && (rc = build_prune_unigrams(B)) == RT_OK
        && (rc = par_chunks(B, build_chunk_pairs)) == RT_OK && (rc = build_bigrams(B, &bdf)) == RT_OK
        && (rc = par_chunks(B, build_rows)) == RT_OK && (rc = build_df_final(B, bdf)) == RT_OK)
        rc = chunks_assemble(B->c, B->nc, B->rowlen, B->n, B->v->nterms, counts, err);
    free(bdf);
    if (rc == RT_ENOMEM)
        rt_err_set(err, rc, "features: out of memory");
    return rc;
}

int rt_vocab_build(const rt_record *const *recs, size_t n, const rt_feature_opts *o, int threads,
                   rt_vocab **vocab, rt_sparse *counts, rt_err *err)
{
    *vocab = NULL;
    memset(counts, 0, sizeof *counts);
    build B = { .recs = recs, .n = n, .nc = (size_t)nthreads(threads) };
    rt_strmap_init(&B.all);
    B.c = chunks_new(n, B.nc);
    B.rstart = calloc(n + 1, sizeof *B.rstart);
    B.rend = calloc(n + 1, sizeof *B.rend);
    B.pstart = calloc(n + 1, sizeof *B.pstart);
    B.pend = calloc(n + 1, sizeof *B.pend);
    B.pbase = calloc(B.nc + 1, sizeof *B.pbase);
    B.rowlen = calloc(n + 1, sizeof *B.rowlen);
    B.v = calloc(1, sizeof *B.v);
    int rc = RT_ENOMEM;
    if (B.c && B.rstart && B.rend && B.pstart && B.pend && B.pbase && B.rowlen && B.v) {
        B.v->o = *o;
        if (B.v->o.min_df < 1)
            B.v->o.min_df = 1;
        B.v->ndocs = n;
        rc = build_steps(&B, counts, err);
    } else {
        rt_err_set(err, rc, "features: out of memory");
    }
    if (rc == RT_OK) {
        *vocab = B.v;
        B.v = NULL;
    }
    rt_vocab_free(B.v);
    chunks_free(B.c, B.nc);
    rt_strmap_free(&B.all);
    free(B.rstart);
    free(B.rend);
    free(B.pstart);
    free(B.pend);
    free(B.pbase);
    free(B.bid);
    free(B.rowlen);
    free(B.df);
    free(B.keep);
    return rc;
}

/* ------------------------------------------------------------ model file */

void rt_vocab_write(int *rc, rt_buf *b, const rt_vocab *v)
{
    rt_bin_u32(rc, b, v->o.an.tok_flags);
    rt_bin_u8(rc, b, (uint8_t)v->o.an.stem);
    rt_bin_u8(rc, b, (uint8_t)v->o.an.stopwords);
    rt_bin_u8(rc, b, (uint8_t)v->o.bigrams);
    rt_bin_u32(rc, b, v->o.min_df);
    rt_bin_u64(rc, b, v->ndocs);
    rt_bin_u32(rc, b, (uint32_t)v->nuni);
    rt_bin_u32(rc, b, (uint32_t)(v->nterms - v->nuni));
    for (uint32_t i = 0; i < v->nuni && *rc == RT_OK; i++) {
        rt_bin_str(rc, b, rt_strmap_key(&v->uni, i, NULL));
        rt_bin_u32(rc, b, v->df[i]);
    }
    for (uint32_t k = 0; k < v->nterms - v->nuni && *rc == RT_OK; k++) {
        rt_bin_u32(rc, b, v->bfirst[k]);
        rt_bin_u32(rc, b, v->bsecond[k]);
        rt_bin_u32(rc, b, v->df[v->nuni + k]);
    }
}

/* Read the vocabulary's terms: unique unigrams; bigrams of unigram ids, strictly ascending. */
static int vocab_read_terms(rt_bin *r, rt_vocab *v, uint32_t nbi)
{
    for (uint32_t i = 0; i < v->nuni && r->rc == RT_OK; i++) {
        char *s = rt_bin_get_str(r);
        uint32_t id = RT_NOID;
        if (s && rt_strmap_add(&v->uni, s, strlen(s), &id) != RT_OK)
            r->rc = RT_ENOMEM;
        else if (s && id != i)
            r->rc = RT_EFORMAT;   /* duplicate term */
        v->df[i] = rt_bin_get_u32(r);
        free(s);
    }
    if (r->rc == RT_OK && nbi
        && (!(v->bfirst = malloc(nbi * sizeof *v->bfirst))
            || !(v->bsecond = malloc(nbi * sizeof *v->bsecond))))
        r->rc = RT_ENOMEM;
    for (uint32_t k = 0; k < nbi && r->rc == RT_OK; k++) {
        uint32_t a = rt_bin_get_u32(r), b = rt_bin_get_u32(r);
        v->df[v->nuni + k] = rt_bin_get_u32(r);
        if (r->rc == RT_OK && (a >= v->nuni || b >= v->nuni
                               || (k > 0 && (a < v->bfirst[k - 1]
                                             || (a == v->bfirst[k - 1] && b <= v->bsecond[k - 1])))))
            r->rc = RT_EFORMAT;   /* not a unigram id, or out of order */
        v->bfirst[k] = a;
        v->bsecond[k] = b;
    }
    if (r->rc == RT_OK && nbi && vocab_index_bigrams(v, nbi) != RT_OK)
        r->rc = RT_ENOMEM;
    return r->rc;
}

int rt_vocab_read(rt_bin *r, rt_vocab **out)
{
    *out = NULL;
    rt_vocab *v = calloc(1, sizeof *v);
    if (!v)
        return r->rc = RT_ENOMEM;
    v->o.an.tok_flags = rt_bin_get_u32(r);
    v->o.an.stem = rt_bin_get_u8(r);
    v->o.an.stopwords = rt_bin_get_u8(r);
    v->o.bigrams = rt_bin_get_u8(r);
    v->o.min_df = rt_bin_get_u32(r);
    v->ndocs = (size_t)rt_bin_get_u64(r);
    size_t left = r->len - r->pos;
    v->nuni = rt_bin_get_count(r, (uint32_t)(left / 8 < RT_NOID ? left / 8 : RT_NOID - 1));
    uint32_t nbi = rt_bin_get_count(r, (uint32_t)(left / 12 < RT_NOID ? left / 12 : RT_NOID - 1));
    v->nterms = v->nuni + nbi;
    if (r->rc == RT_OK && !(v->df = malloc((v->nterms ? v->nterms : 1) * sizeof *v->df)))
        r->rc = RT_ENOMEM;
    if (r->rc == RT_OK)
        vocab_read_terms(r, v, nbi);
    if (r->rc == RT_OK && vocab_finish(v) != RT_OK)
        r->rc = RT_ENOMEM;
    if (r->rc != RT_OK) {
        rt_vocab_free(v);
        return r->rc;
    }
    *out = v;
    return RT_OK;
}
