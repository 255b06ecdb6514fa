/*
 * analyzer.h - the text pipeline the classifier and the FTS5 index share:
 * tokenizer -> stop words -> Snowball stemmer, streamed to a callback.
 * One analyzer per thread (it owns a tokenizer and one stemmer per language).
 */
#ifndef REVTAG_ANALYZER_H
#define REVTAG_ANALYZER_H

#include <stddef.h>
#include "revtag/revtag.h"
#include "revtag/tokenizer.h"

typedef struct rt_analyzer rt_analyzer;

/* Options: a plain value, stored in model files so training and use agree. */
typedef struct rt_analyzer_opts {
    unsigned tok_flags;   /* RT_TOK_NUMBERS | RT_TOK_URLS | RT_TOK_EMAILS; elision is set per language */
    int stem;             /* 1: Snowball-stem words */
    int stopwords;        /* 1: drop stop words (matched before stemming) */
} rt_analyzer_opts;

/* The defaults: numbers kept, URLs and e-mails dropped, stemming on, stop words kept. */
rt_analyzer_opts rt_analyzer_defaults(void);

/* New analyzer with options O (copied). Returns RT_OK or RT_ENOMEM. */
int rt_analyzer_new(const rt_analyzer_opts *o, rt_analyzer **out, rt_err *err);

/* Free, with its stemmers; NULL is safe. */
void rt_analyzer_free(rt_analyzer *a);

/*
 * Analyze LEN bytes at S in language LANG (ISO 639-1 or any tag the stemmer
 * accepts; NULL = "en"), calling FN for each kept token: text is the stem
 * (or the case-folded word with stemming off), start/end are offsets in S.
 * Returns RT_OK, RT_EINVAL (unknown language), RT_ENOMEM, or FN's non-zero value.
 */
int rt_analyzer_run(rt_analyzer *a, const char *lang, const char *s, size_t len,
                    rt_token_fn fn, void *ctx, rt_err *err);

/* The tokenizer's counters (invalid UTF-8, over-long tokens) for this analyzer. */
void rt_analyzer_get_stats(const rt_analyzer *a, rt_tokenizer_stats *st);

#endif
