/*
 * gazetteer.c - a word trie over the compiled place names, matched on the
 * tokenizer's case-folded tokens (plus an accent/possessive/elision fold),
 * longest name first, with case checks against the original text and the
 * ambiguous names resolved from the other matches of the same record.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "geo/geo_int.h"
#include "revtag/stopwords.h"
#include "revtag/tokenizer.h"
#include "rtint.h"

#define FOLD_MAX 512            /* code points of one folded token (tokens are <= 128 bytes) */
#define MAX_NAME_TOKENS 16      /* words in one gazetteer name */
#define TOK_FLAGS RT_TOK_SYMBOLS /* names and texts alike: currency signs are words ("£", "R$") */

enum need { NEED_NONE = 0, NEED_CAP, NEED_EXACT };   /* what a name's word asks of the text */

typedef struct ereq {           /* one word of a name */
    uint32_t off, len;          /* its surface in the entry name */
    uint8_t need;               /* enum need */
} ereq;

typedef struct cand {           /* a name ending at a trie node */
    uint32_t node, entry;
} cand;

struct rt_gazetteer {
    rt_buf words;               /* folded words, NUL-separated */
    uint32_t *woff;             /* word id (1-based) - 1 -> offset in words */
    size_t nwords, woffcap;
    uint32_t *wslot;            /* hash slots: word id or 0 */
    size_t wmask;
    uint64_t *nkey;             /* trie edges: (parent << 32 | word) -> child, open addressing */
    uint32_t *nval;
    size_t nmask, nnodes;
    cand *cands;                /* sorted by node, then entry (data order) */
    size_t ncands;
    uint32_t *nfirst, *ncount;  /* per node: its candidates in cands */
    ereq *req;                  /* every entry's words */
    size_t reqcap;
    uint32_t *req0;             /* per entry: first word in req; req0[n] = total */
    char ctxrules[300][12];     /* "context:XX" per country index */
};

/* ------------------------------------------------------------ folding */

static int is_elision(const char *t, size_t n)
{
    static const char *const P[] = { "l", "d", "qu", "dell", "dall", "nell", "all", "sull" };
    for (size_t i = 0; i < sizeof P / sizeof P[0]; i++)
        if (strlen(P[i]) == n && memcmp(P[i], t, n) == 0)
            return 1;
    return 0;
}

/*
 * Fold a case-folded token for matching: drop an elided prefix (l', d') and
 * a possessive 's, strip accents. Writes to OUT (FOLD_MAX * 4 bytes, using
 * U32 as scratch); returns the length (0 when nothing is left).
 */
static size_t fold(const char *t, size_t len, char *out, int32_t *u32)
{
    const char *ap = memchr(t, '\'', len);
    if (ap && ap + 1 < t + len && is_elision(t, (size_t)(ap - t))) {
        len -= (size_t)(ap + 1 - t);
        t = ap + 1;
    }
    if (len > 2 && t[len - 2] == '\'' && t[len - 1] == 's')
        len -= 2;
    int ascii = 1;
    for (size_t i = 0; i < len && ascii; i++)
        ascii = (unsigned char)t[i] < 0x80;
    if (!ascii) {
        utf8proc_ssize_t n = utf8proc_decompose((const utf8proc_uint8_t *)t, (utf8proc_ssize_t)len,
                                                u32, FOLD_MAX, UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK);
        if (n > 0 && n < FOLD_MAX) {
            n = utf8proc_reencode(u32, n, UTF8PROC_COMPOSE);
            if (n > 0) {
                memcpy(out, u32, (size_t)n);
                return (size_t)n;
            }
        }
    }
    memcpy(out, t, len);
    return len;
}

/* ------------------------------------------------------------ tables */

static size_t slot_of(uint64_t h, size_t mask)
{
    return (size_t)(h & mask);
}

static int grow(void **p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return RT_OK;
    size_t n = *cap ? *cap * 2 : 256;
    while (n < need)
        n *= 2;
    void *q = realloc(*p, n * elem);
    if (!q)
        return RT_ENOMEM;
    *p = q;
    *cap = n;
    return RT_OK;
}

/* Word id of folded W, or 0 when unknown. */
static uint32_t word_get(const rt_gazetteer *g, const char *w, size_t len)
{
    for (size_t s = slot_of(rt_hash64(w, len), g->wmask);; s = (s + 1) & g->wmask) {
        uint32_t id = g->wslot[s];
        if (!id)
            return 0;
        const char *k = g->words.data + g->woff[id - 1];
        if (strlen(k) == len && memcmp(k, w, len) == 0)
            return id;
    }
}

/* Word id of W, adding it (the table is sized for every word of the data). */
static int word_add(rt_gazetteer *g, const char *w, size_t len, uint32_t *id)
{
    if ((*id = word_get(g, w, len)) != 0)
        return RT_OK;
    int rc = grow((void **)&g->woff, &g->woffcap, g->nwords + 1, sizeof *g->woff);
    if (rc != RT_OK)
        return rc;
    g->woff[g->nwords] = (uint32_t)g->words.len;
    rt_buf_append(&rc, &g->words, w, len);
    rt_buf_append(&rc, &g->words, "", 1);
    if (rc != RT_OK)
        return rc;
    *id = (uint32_t)++g->nwords;
    size_t s = slot_of(rt_hash64(w, len), g->wmask);
    while (g->wslot[s])
        s = (s + 1) & g->wmask;
    g->wslot[s] = *id;
    return RT_OK;
}

static uint64_t edge_key(uint32_t parent, uint32_t word)
{
    return (uint64_t)parent << 32 | word;
}

/* Child of PARENT along WORD, or 0. The root is node 0; words are >= 1, so keys are never 0. */
static uint32_t node_next(const rt_gazetteer *g, uint32_t parent, uint32_t word)
{
    uint64_t k = edge_key(parent, word);
    for (size_t s = slot_of(rt_hash64(&k, sizeof k), g->nmask);; s = (s + 1) & g->nmask) {
        if (g->nkey[s] == k)
            return g->nval[s];
        if (!g->nkey[s])
            return 0;
    }
}

static uint32_t node_add(rt_gazetteer *g, uint32_t parent, uint32_t word)
{
    uint32_t n = node_next(g, parent, word);
    if (n)
        return n;
    uint64_t k = edge_key(parent, word);
    size_t s = slot_of(rt_hash64(&k, sizeof k), g->nmask);
    while (g->nkey[s])
        s = (s + 1) & g->nmask;
    g->nkey[s] = k;
    g->nval[s] = (uint32_t)++g->nnodes;
    return g->nval[s];
}

/* ------------------------------------------------------------ building */

typedef struct build_ctx {
    rt_gazetteer *g;
    const char *name;
    uint32_t node;
    size_t ntok;
    int rc;
    int32_t u32[FOLD_MAX];
    char out[FOLD_MAX * 4];
} build_ctx;

static uint8_t need_of(const char *s, size_t len)
{
    int first_upper = s[0] >= 'A' && s[0] <= 'Z';
    if (!first_upper && (unsigned char)s[0] >= 0x80) {
        utf8proc_int32_t cp;
        if (utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &cp) > 0)
            first_upper = utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
    }
    for (size_t i = 1; i < len; i++)
        if (s[i] >= 'A' && s[i] <= 'Z')
            return NEED_EXACT;
    return first_upper ? NEED_CAP : NEED_NONE;
}

static int on_name_token(void *vctx, const rt_token *t)
{
    build_ctx *c = vctx;
    size_t n = fold(t->text, t->len, c->out, c->u32);
    if (n == 0)
        return 0;
    uint32_t id;
    rt_gazetteer *g = c->g;
    size_t nreq = g->req0[0];   /* running total kept in req0[0] while building */
    if ((c->rc = word_add(g, c->out, n, &id)) != RT_OK)
        return c->rc;
    c->node = node_add(g, c->node, id);
    if ((c->rc = grow((void **)&g->req, &g->reqcap, nreq + 1, sizeof *g->req)) != RT_OK)
        return c->rc;
    ereq *r = g->req;
    r[nreq].off = (uint32_t)t->start;
    r[nreq].len = (uint32_t)(t->end - t->start);
    r[nreq].need = need_of(c->name + t->start, t->end - t->start);
    g->req0[0] = (uint32_t)(nreq + 1);
    c->ntok++;
    return 0;
}

static int cmp_cand(const void *a, const void *b)
{
    const cand *x = a, *y = b;
    if (x->node != y->node)
        return x->node < y->node ? -1 : 1;
    return x->entry < y->entry ? -1 : x->entry > y->entry;
}

static int source_class(const rt_geo_entry *e)
{
    return e->source == RT_GEO_SRC_MANUAL ? 0 : e->source == RT_GEO_SRC_ISO ? 1 : 2;
}

/*
 * Keep, of the names ending at one node, those of the best source class;
 * automatic (iso-codes) names that disagree on the country are dropped,
 * identical ones kept once. Returns the new count.
 */
static uint32_t filter_node(cand *c, uint32_t n)
{
    int best = 3;
    for (uint32_t i = 0; i < n; i++) {
        int k = source_class(&rt_geo_entries[c[i].entry]);
        best = k < best ? k : best;
    }
    uint32_t m = 0;
    for (uint32_t i = 0; i < n; i++)
        if (source_class(&rt_geo_entries[c[i].entry]) == best)
            c[m++] = c[i];
    if (best == 0 || m <= 1)
        return m;
    for (uint32_t i = 1; i < m; i++)
        if (strcmp(rt_geo_entries[c[i].entry].target, rt_geo_entries[c[0].entry].target) != 0)
            return 0;
    return 1;
}

static int index_nodes(rt_gazetteer *g)
{
    qsort(g->cands, g->ncands, sizeof *g->cands, cmp_cand);
    g->nfirst = calloc(g->nnodes + 1, sizeof *g->nfirst);
    g->ncount = calloc(g->nnodes + 1, sizeof *g->ncount);
    if (!g->nfirst || !g->ncount)
        return RT_ENOMEM;
    size_t out = 0;
    for (size_t i = 0; i < g->ncands;) {
        size_t j = i;
        while (j < g->ncands && g->cands[j].node == g->cands[i].node)
            j++;
        uint32_t node = g->cands[i].node;
        memmove(g->cands + out, g->cands + i, (j - i) * sizeof *g->cands);
        g->nfirst[node] = (uint32_t)out;
        g->ncount[node] = filter_node(g->cands + out, (uint32_t)(j - i));
        out += g->ncount[node];
        i = j;
    }
    g->ncands = out;
    return RT_OK;
}

static size_t pow2_above(size_t n)
{
    size_t p = 1024;
    while (p < n * 2)
        p *= 2;
    return p;
}

static int alloc_tables(rt_gazetteer *g)
{
    size_t words = 0;   /* upper bound on words and edges: bytes of all names */
    for (size_t i = 0; i < rt_geo_nentries; i++)
        words += strlen(rt_geo_entries[i].name) / 2 + 1;
    g->wmask = pow2_above(words) - 1;
    g->nmask = g->wmask;
    g->wslot = calloc(g->wmask + 1, sizeof *g->wslot);
    g->nkey = calloc(g->nmask + 1, sizeof *g->nkey);
    g->nval = calloc(g->nmask + 1, sizeof *g->nval);
    g->req0 = calloc(rt_geo_nentries + 1, sizeof *g->req0);
    g->cands = calloc(rt_geo_nentries, sizeof *g->cands);
    if (!g->wslot || !g->nkey || !g->nval || !g->req0 || !g->cands)
        return RT_ENOMEM;
    for (size_t i = 0; i < rt_geo_ncountries && i < 300; i++)
        snprintf(g->ctxrules[i], sizeof g->ctxrules[i], "context:%s", rt_geo_countries[i].alpha2);
    return RT_OK;
}

/* Add every entry: words to the trie, requirements to req; req0[i] = first word of entry i. */
static int add_entries(rt_gazetteer *g, rt_tokenizer *tk, rt_err *err)
{
    uint32_t *first = calloc(rt_geo_nentries + 1, sizeof *first);
    build_ctx *c = malloc(sizeof *c);
    int rc = first && c ? RT_OK : RT_ENOMEM;
    for (size_t i = 0; i < rt_geo_nentries && rc == RT_OK; i++) {
        const rt_geo_entry *e = &rt_geo_entries[i];
        first[i] = g->req0[0];
        c->g = g;
        c->name = e->name;
        c->node = 0;
        c->ntok = 0;
        c->rc = RT_OK;
        rc = rt_tokenizer_run(tk, TOK_FLAGS, e->name, strlen(e->name), on_name_token, c);
        if (rc == RT_OK && (c->ntok == 0 || c->ntok > MAX_NAME_TOKENS))
            rc = rt_err_set(err, RT_EFORMAT, "gazetteer: name '%s' has %zu words", e->name, c->ntok);
        if (rc == RT_OK)
            g->cands[g->ncands++] = (cand){ c->node, (uint32_t)i };
    }
    if (rc == RT_OK) {
        first[rt_geo_nentries] = g->req0[0];
        memcpy(g->req0, first, (rt_geo_nentries + 1) * sizeof *first);
    }
    free(first);
    free(c);
    return rc;
}

int rt_gazetteer_new(rt_gazetteer **out, rt_err *err)
{
    *out = NULL;
    rt_tokenizer *tk = NULL;
    rt_gazetteer *g = calloc(1, sizeof *g);
    int rc = g ? alloc_tables(g) : RT_ENOMEM;
    if (rc == RT_OK)
        rc = rt_tokenizer_new(&tk, err);
    if (rc == RT_OK)
        rc = add_entries(g, tk, err);
    if (rc == RT_OK)
        rc = index_nodes(g);
    rt_tokenizer_free(tk);
    if (rc != RT_OK)
        goto fail;
    *out = g;
    return RT_OK;
fail:
    rt_gazetteer_free(g);
    if (rc == RT_ENOMEM)
        return rt_err_set(err, RT_ENOMEM, "gazetteer: out of memory");
    return rc;
}

void rt_gazetteer_free(rt_gazetteer *g)
{
    if (!g)
        return;
    rt_buf_free(&g->words);
    free(g->woff);
    free(g->wslot);
    free(g->nkey);
    free(g->nval);
    free(g->cands);
    free(g->nfirst);
    free(g->ncount);
    free(g->req);
    free(g->req0);
    free(g);
}

size_t rt_gazetteer_size(const rt_gazetteer *g)
{
    return g->ncands;
}

/* ------------------------------------------------------------ matching */

enum casing { CASE_NORMAL, CASE_LOWER, CASE_UPPER };   /* of a whole field */

typedef struct mtok {           /* one token of the document */
    uint32_t word;              /* folded word id, 0 when not in the gazetteer */
    uint32_t start, end;        /* bytes in its field */
    uint8_t field, cap, sent, stop;   /* capitalised, starts a sentence, stop word */
    int32_t match;              /* index of the match covering it, -1 none */
} mtok;

typedef struct mrec {           /* a candidate match */
    uint32_t entry, t0, t1;     /* tokens [t0, t1) */
    const char *country;        /* chosen alpha-2, NULL = dropped */
    const char *rule;
} mrec;

typedef struct doc_ctx {
    const rt_gazetteer *g;
    const rt_geo_doc *doc;
    int field;
    mtok *toks;
    size_t ntoks, cap;
    mrec *ms;
    size_t nms, mcap;
    int casing[RT_GEO_NFIELDS];
    int rc;
    int32_t u32[FOLD_MAX];
    char out[FOLD_MAX * 4];
} doc_ctx;

static int field_casing(const char *s, size_t len)
{
    int up = 0, low = 0;
    for (size_t i = 0; i < len; i++) {
        up |= s[i] >= 'A' && s[i] <= 'Z';
        low |= s[i] >= 'a' && s[i] <= 'z';
    }
    return !up ? CASE_LOWER : !low ? CASE_UPPER : CASE_NORMAL;
}

static int starts_sentence(const char *s, size_t start)
{
    while (start > 0) {
        char ch = s[--start];
        if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '"' || ch == '(')
            continue;
        return ch == '.' || ch == '!' || ch == '?';
    }
    return 1;
}

static int on_doc_token(void *vctx, const rt_token *t)
{
    doc_ctx *c = vctx;
    if (grow((void **)&c->toks, &c->cap, c->ntoks + 1, sizeof *c->toks) != RT_OK)
        return c->rc = RT_ENOMEM;
    const char *s = c->doc->text[c->field];
    size_t n = fold(t->text, t->len, c->out, c->u32);
    mtok *m = &c->toks[c->ntoks++];
    m->word = n ? word_get(c->g, c->out, n) : 0;
    m->start = (uint32_t)t->start;
    m->end = (uint32_t)t->end;
    m->field = (uint8_t)c->field;
    m->cap = need_of(s + t->start, t->end - t->start) != NEED_NONE;
    m->sent = (uint8_t)starts_sentence(s, t->start);
    m->stop = (uint8_t)rt_stopwords_has("en", t->text, t->len);
    m->match = -1;
    return 0;
}

/* Does the text token T satisfy word R of entry E? */
static int token_ok(const doc_ctx *c, const mtok *t, const rt_geo_entry *e, const ereq *r)
{
    const char *surf = c->doc->text[t->field] + t->start;
    if (r->need == NEED_EXACT)
        return t->end - t->start >= r->len && memcmp(surf, e->name + r->off, r->len) == 0;
    if (r->need == NEED_CAP && c->casing[t->field] != CASE_LOWER)
        return t->cap;
    return 1;
}

/* First name at NODE whose case requirements tokens [T0..) meet, or -1. */
static long entry_at(const doc_ctx *c, uint32_t node, size_t t0)
{
    const rt_gazetteer *g = c->g;
    for (uint32_t k = 0; k < g->ncount[node]; k++) {
        uint32_t ei = g->cands[g->nfirst[node] + k].entry;
        const rt_geo_entry *e = &rt_geo_entries[ei];
        int ok = 1;
        for (uint32_t w = g->req0[ei]; ok && w < g->req0[ei + 1]; w++)
            ok = token_ok(c, &c->toks[t0 + (w - g->req0[ei])], e, &g->req[w]);
        if (ok)
            return (long)ei;
    }
    return -1;
}

/* Longest valid name starting at token I, within one field; adds it and returns its length (0 none). */
static size_t match_at(doc_ctx *c, size_t i)
{
    uint32_t node = 0;
    long best = -1;
    size_t blen = 0;
    for (size_t j = i; j < c->ntoks && c->toks[j].field == c->toks[i].field; j++) {
        if (!c->toks[j].word || !(node = node_next(c->g, node, c->toks[j].word)))
            break;
        long e = c->g->ncount[node] ? entry_at(c, node, i) : -1;
        if (e >= 0) {
            best = e;
            blen = j - i + 1;
        }
    }
    if (best < 0)
        return 0;
    if (grow((void **)&c->ms, &c->mcap, c->nms + 1, sizeof *c->ms) != RT_OK) {
        c->rc = RT_ENOMEM;
        return 0;
    }
    c->ms[c->nms] = (mrec){ (uint32_t)best, (uint32_t)i, (uint32_t)(i + blen), NULL, NULL };
    for (size_t j = i; j < i + blen; j++)
        c->toks[j].match = (int32_t)c->nms;
    c->nms++;
    return blen;
}

/* Is token J (a neighbour of a match) a capitalised word right next to it, as in a person's name? */
static int name_neighbour(const doc_ctx *c, size_t j, size_t near)
{
    if (j >= c->ntoks || c->toks[j].field != c->toks[near].field || c->toks[j].match >= 0)
        return 0;
    const mtok *a = &c->toks[j < near ? j : near], *b = &c->toks[j < near ? near : j];
    const char *s = c->doc->text[a->field];
    for (uint32_t p = a->end; p < b->start; p++)
        if (s[p] != ' ')
            return 0;
    return c->toks[j].cap && !c->toks[j].stop && c->casing[a->field] == CASE_NORMAL;
}

static int has_exact(const rt_gazetteer *g, uint32_t entry)
{
    for (uint32_t w = g->req0[entry]; w < g->req0[entry + 1]; w++)
        if (g->req[w].need == NEED_EXACT)
            return 1;
    return 0;
}

/* Apply the flags: c (not in lower/upper-case text), s (not at a sentence start), p (not in a person's name). */
static int flags_drop(const doc_ctx *c, const mrec *m)
{
    const rt_geo_entry *e = &rt_geo_entries[m->entry];
    const mtok *t0 = &c->toks[m->t0];
    /* In lower-case text a capital cannot tell Turkey from turkey; in upper-case text an
       acronym cannot tell US from us. */
    if ((e->flags & RT_GEO_F_COMMON) && c->casing[t0->field] == CASE_LOWER)
        return 1;
    if ((e->flags & RT_GEO_F_COMMON) && c->casing[t0->field] == CASE_UPPER &&
        has_exact(c->g, m->entry))
        return 1;
    if ((e->flags & RT_GEO_F_NOSTART) && t0->sent)
        return 1;
    if (e->flags & RT_GEO_F_PERSON)
        return (m->t0 > 0 && name_neighbour(c, m->t0 - 1, m->t0)) ||
               name_neighbour(c, m->t1, m->t1 - 1);
    return 0;
}

static const char *base_rule(const rt_geo_entry *e)
{
    switch (e->kind) {
    case RT_PLACE_COUNTRY: return rt_geo_name_rules[e->source - RT_GEO_SRC_ISO];
    case RT_PLACE_ALIAS: return "variant";
    case RT_PLACE_DEMONYM: return "demonym";
    case RT_PLACE_PLACE: return "place";
    default: return "institution";
    }
}

static size_t country_index(const char *cc)
{
    const rt_country *k = rt_country_get(cc);
    return k ? (size_t)(k - rt_geo_countries) : SIZE_MAX;
}

/* Pick M's country from its target alternatives given the unambiguous countries EVID. */
static void choose(const doc_ctx *c, mrec *m, const unsigned char *evid)
{
    const rt_geo_entry *e = &rt_geo_entries[m->entry];
    const char *t = e->target;
    int alts = strchr(t, '|') != NULL;
    while (t[0] && t[0] != '-') {
        size_t idx = country_index((char[3]){ t[0], t[1], '\0' });
        if (t[2] == '@') {
            size_t ctx = country_index((char[3]){ t[3], t[4], '\0' });
            if (ctx < rt_geo_ncountries && evid[ctx]) {
                m->country = rt_geo_countries[idx].alpha2;
                m->rule = c->g->ctxrules[ctx];
                return;
            }
            t += 5;
        } else {
            m->country = rt_geo_countries[idx].alpha2;
            m->rule = alts ? "default" : base_rule(e);
            return;
        }
        if (*t == '|')
            t++;
    }
}

static void resolve(doc_ctx *c)
{
    unsigned char evid[300] = { 0 };
    for (size_t i = 0; i < c->nms; i++) {
        mrec *m = &c->ms[i];
        const char *t = rt_geo_entries[m->entry].target;
        if (flags_drop(c, m))
            m->entry |= 0x80000000u;   /* dropped: marked, kept for the token index */
        else if (strlen(t) == 2)
            evid[country_index(t)] = 1;
    }
    for (size_t i = 0; i < c->nms; i++)
        if (!(c->ms[i].entry & 0x80000000u))
            choose(c, &c->ms[i], evid);
}

static int emit(const doc_ctx *c, rt_place_fn fn, void *ctx)
{
    for (size_t i = 0; i < c->nms; i++) {
        const mrec *m = &c->ms[i];
        if (!m->country)
            continue;
        const rt_geo_entry *e = &rt_geo_entries[m->entry];
        const mtok *a = &c->toks[m->t0], *b = &c->toks[m->t1 - 1];
        rt_place_match pm = { a->field, a->start, b->end, m->country, e->name, e->kind, m->rule };
        int rc = fn(ctx, &pm);
        if (rc)
            return rc;
    }
    return RT_OK;
}

static int tokenize_doc(doc_ctx *c, rt_err *err)
{
    rt_tokenizer *tk;
    int rc = rt_tokenizer_new(&tk, err);
    for (int f = 0; f < RT_GEO_NFIELDS && rc == RT_OK; f++) {
        if (!c->doc->text[f])
            continue;
        c->field = f;
        c->casing[f] = field_casing(c->doc->text[f], c->doc->len[f]);
        rc = rt_tokenizer_run(tk, TOK_FLAGS, c->doc->text[f], c->doc->len[f], on_doc_token, c);
        if (c->rc != RT_OK)
            rc = c->rc;
    }
    rt_tokenizer_free(tk);
    return rc;
}

int rt_gazetteer_match(const rt_gazetteer *g, const rt_geo_doc *doc, rt_place_fn fn, void *ctx,
                       rt_err *err)
{
    doc_ctx *c = calloc(1, sizeof *c);
    if (!c)
        return rt_err_set(err, RT_ENOMEM, "gazetteer: out of memory");
    c->g = g;
    c->doc = doc;
    int rc = tokenize_doc(c, err);
    for (size_t i = 0; rc == RT_OK && i < c->ntoks;) {
        size_t n = match_at(c, i);
        rc = c->rc;
        i += n ? n : 1;
    }
    if (rc == RT_OK) {
        resolve(c);
        rc = emit(c, fn, ctx);
    }
    free(c->toks);
    free(c->ms);
    free(c);
    if (rc == RT_ENOMEM)
        return rt_err_set(err, RT_ENOMEM, "gazetteer: out of memory");
    return rc;
}

int rt_gazetteer_match_record(const rt_gazetteer *g, const rt_record *rec, rt_place_fn fn,
                              void *ctx, rt_err *err)
{
    rt_geo_doc d = { { rec->title, rec->abstract, rec->text }, { 0, 0, 0 }, rt_record_lang(rec) };
    for (int f = 0; f < RT_GEO_NFIELDS; f++)
        d.len[f] = d.text[f] ? strlen(d.text[f]) : 0;
    return rt_gazetteer_match(g, &d, fn, ctx, err);
}
