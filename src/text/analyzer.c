/*
 * analyzer.c - stemming and stop-word filtering wrapped around the
 * tokenizer's callback, so every consumer sees the same terms.
 */
#include <stdlib.h>
#include <string.h>

#include "revtag/analyzer.h"
#include "revtag/stemmer.h"
#include "revtag/stopwords.h"
#include "rtint.h"

#define MAX_LANGS 32

struct rt_analyzer {
    rt_analyzer_opts o;
    rt_tokenizer *tk;
    rt_stemmer *stemmers[MAX_LANGS];   /* created on first use of a language */
    size_t nstemmers;
};

typedef struct run_ctx {
    rt_analyzer *a;
    const char *code;        /* ISO 639-1 of this run */
    rt_stemmer *st;          /* NULL when stemming is off */
    rt_token_fn fn;
    void *ctx;
    int oom;
} run_ctx;

rt_analyzer_opts rt_analyzer_defaults(void)
{
    rt_analyzer_opts o = { RT_TOK_NUMBERS, 1, 0 };
    return o;
}

int rt_analyzer_new(const rt_analyzer_opts *o, rt_analyzer **out, rt_err *err)
{
    *out = NULL;
    rt_analyzer *a = calloc(1, sizeof *a);
    if (!a)
        return rt_err_set(err, RT_ENOMEM, "analyzer: out of memory");
    a->o = *o;
    int rc = rt_tokenizer_new(&a->tk, err);
    if (rc != RT_OK) {
        free(a);
        return rc;
    }
    *out = a;
    return RT_OK;
}

void rt_analyzer_free(rt_analyzer *a)
{
    if (!a)
        return;
    for (size_t i = 0; i < a->nstemmers; i++)
        rt_stemmer_free(a->stemmers[i]);
    rt_tokenizer_free(a->tk);
    free(a);
}

void rt_analyzer_get_stats(const rt_analyzer *a, rt_tokenizer_stats *st)
{
    rt_tokenizer_get_stats(a->tk, st);
}

static int stemmer_for(rt_analyzer *a, const char *code, rt_stemmer **st, rt_err *err)
{
    for (size_t i = 0; i < a->nstemmers; i++)
        if (strcmp(rt_stemmer_code(a->stemmers[i]), code) == 0) {
            *st = a->stemmers[i];
            return RT_OK;
        }
    if (a->nstemmers == MAX_LANGS)
        return rt_err_set(err, RT_EINVAL, "analyzer: too many languages");
    int rc = rt_stemmer_new(code, st, err);
    if (rc == RT_OK)
        a->stemmers[a->nstemmers++] = *st;
    return rc;
}

static int on_token(void *vctx, const rt_token *t)
{
    run_ctx *c = vctx;
    if (t->kind != RT_TOKEN_WORD)
        return c->fn(c->ctx, t);
    if (c->a->o.stopwords && rt_stopwords_has(c->code, t->text, t->len))
        return 0;
    if (!c->st)
        return c->fn(c->ctx, t);
    rt_token s = *t;
    s.text = rt_stemmer_stem(c->st, t->text, t->len, &s.len);
    if (!s.text) {
        c->oom = 1;
        return RT_ENOMEM;
    }
    return c->fn(c->ctx, &s);
}

static int has_elision(const char *code)
{
    return strcmp(code, "fr") == 0 || strcmp(code, "it") == 0 || strcmp(code, "ca") == 0;
}

int rt_analyzer_run(rt_analyzer *a, const char *lang, const char *s, size_t len,
                    rt_token_fn fn, void *ctx, rt_err *err)
{
    run_ctx c = { a, NULL, NULL, fn, ctx, 0 };
    int rc = rt_stemmer_lang(lang, &c.code, NULL, err);
    if (rc == RT_OK && a->o.stem)
        rc = stemmer_for(a, c.code, &c.st, err);
    if (rc != RT_OK)
        return rc;
    unsigned flags = a->o.tok_flags | (has_elision(c.code) ? RT_TOK_ELISION : 0u);
    rc = rt_tokenizer_run(a->tk, flags, s, len, on_token, &c);
    if (rc == RT_ENOMEM || c.oom)
        return rt_err_set(err, RT_ENOMEM, "analyzer: out of memory");
    return rc;
}
