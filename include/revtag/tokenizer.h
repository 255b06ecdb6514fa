/*
 * tokenizer.h - UTF-8 text to a stream of normalised tokens.
 *
 * Tokens are NFKC-normalised and case-folded (utf8proc), split on Unicode
 * categories: letters, marks and digits make words; hyphens split
 * ("payment-by-results" -> payment, by, results); an apostrophe between
 * letters stays inside the word ("children's", normalised to U+0027) unless
 * elision is on ("l'État" -> "état"). Numbers, URLs, e-mail addresses and
 * currency signs are recognised and kept or dropped by flag. Invalid UTF-8 is replaced by U+FFFD
 * (a separator) and counted. Each token carries byte offsets into the input.
 */
#ifndef REVTAG_TOKENIZER_H
#define REVTAG_TOKENIZER_H

#include <stddef.h>
#include "revtag/revtag.h"

typedef struct rt_tokenizer rt_tokenizer;

enum rt_token_kind {
    RT_TOKEN_WORD = 0,
    RT_TOKEN_NUMBER,     /* digits with optional inner '.' or ',' ("1,000.5") */
    RT_TOKEN_URL,        /* http://, https://, www. */
    RT_TOKEN_EMAIL,
    RT_TOKEN_SYMBOL      /* one currency sign, Unicode category Sc: $ £ € ¥ ₹ ("US$5" -> us, $, 5) */
};

/* Flags for rt_tokenizer_run. */
enum {
    RT_TOK_NUMBERS = 1u << 0,   /* emit number tokens */
    RT_TOK_URLS    = 1u << 1,   /* emit URL tokens */
    RT_TOK_EMAILS  = 1u << 2,   /* emit e-mail tokens */
    RT_TOK_ELISION = 1u << 3,   /* drop elided prefixes: l', d', qu', dell' (fr, it, ca) */
    RT_TOK_SYMBOLS = 1u << 4    /* emit currency signs as symbol tokens (else separators) */
};

#define RT_TOKEN_MAX_BYTES 128  /* longer words/numbers are dropped and counted */

/* A token, valid only during the callback that receives it. */
typedef struct rt_token {
    const char *text;    /* normalised, case-folded UTF-8, NUL-terminated */
    size_t len;          /* bytes in text */
    size_t start, end;   /* byte range of the token in the original input */
    int kind;            /* enum rt_token_kind */
} rt_token;

/* Receives each token in order; return 0 to go on, non-zero to stop (returned by run). */
typedef int (*rt_token_fn)(void *ctx, const rt_token *tok);

/* Counters accumulated over every run of one tokenizer. */
typedef struct rt_tokenizer_stats {
    size_t tokens;       /* tokens passed to callbacks */
    size_t invalid;      /* invalid UTF-8 sequences replaced */
    size_t too_long;     /* tokens dropped for exceeding RT_TOKEN_MAX_BYTES */
} rt_tokenizer_stats;

/*
 * New tokenizer (scratch buffers and counters). One per thread: not
 * thread-safe, cheap to create. Returns RT_OK or RT_ENOMEM.
 */
int rt_tokenizer_new(rt_tokenizer **out, rt_err *err);

/* Free; NULL is safe. */
void rt_tokenizer_free(rt_tokenizer *tk);

/*
 * Tokenize LEN bytes at S (any bytes: NULs and invalid UTF-8 are separators)
 * with FLAGS (RT_TOK_*), calling FN(CTX, token) for each token. Returns RT_OK,
 * RT_ENOMEM, or the callback's non-zero value if it stopped the run.
 */
int rt_tokenizer_run(rt_tokenizer *tk, unsigned flags, const char *s, size_t len,
                     rt_token_fn fn, void *ctx);

/* Copy the counters accumulated so far into *st. */
void rt_tokenizer_get_stats(const rt_tokenizer *tk, rt_tokenizer_stats *st);

#endif
