/*
 * tokenizer.c - Unicode-aware word splitting with NFKC + case folding.
 *
 * The scanner walks code points once, deciding token boundaries from Unicode
 * categories; each token is then normalised on its own (ASCII fast path, else
 * utf8proc into a reusable buffer), so offsets always refer to the input.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "revtag/tokenizer.h"
#include "rtint.h"

struct rt_tokenizer {
    utf8proc_int32_t *u32;     /* normalisation scratch (code points) */
    size_t u32cap;
    char *out;                 /* normalised token text */
    size_t outcap;
    rt_tokenizer_stats st;
};

enum cclass { C_SEP, C_ALPHA, C_DIGIT, C_MARK, C_APOS, C_SYMBOL, C_INVALID };

typedef struct scan {
    const unsigned char *s;
    size_t len;
} scan;

/* ------------------------------------------------------------ lifetime */

int rt_tokenizer_new(rt_tokenizer **out, rt_err *err)
{
    *out = calloc(1, sizeof **out);
    if (!*out)
        return rt_err_set(err, RT_ENOMEM, "tokenizer: out of memory");
    return RT_OK;
}

void rt_tokenizer_free(rt_tokenizer *tk)
{
    if (!tk)
        return;
    free(tk->u32);
    free(tk->out);
    free(tk);
}

void rt_tokenizer_get_stats(const rt_tokenizer *tk, rt_tokenizer_stats *st)
{
    *st = tk->st;
}

/* ------------------------------------------------------------ classes */

static int is_apostrophe(int32_t cp)
{
    return cp == '\'' || cp == 0x2019 || cp == 0x02BC || cp == 0x2018;
}

static enum cclass class_of(int32_t cp)
{
    if (cp < 0x80) {
        if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))
            return C_ALPHA;
        if (cp >= '0' && cp <= '9')
            return C_DIGIT;
        return cp == '\'' ? C_APOS : cp == '$' ? C_SYMBOL : C_SEP;
    }
    if (is_apostrophe(cp))
        return C_APOS;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
        return C_ALPHA;
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
        return C_MARK;
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        return C_DIGIT;
    case UTF8PROC_CATEGORY_SC:
        return C_SYMBOL;
    default:
        return C_SEP;
    }
}

/* Decode the code point at I into *cp; returns its byte length (>= 1). */
static size_t decode(const scan *sc, size_t i, int32_t *cp, int *invalid)
{
    unsigned char c = sc->s[i];
    *invalid = 0;
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    utf8proc_int32_t u;
    utf8proc_ssize_t n = utf8proc_iterate(sc->s + i, (utf8proc_ssize_t)(sc->len - i), &u);
    if (n < 1) {
        *cp = 0xFFFD;
        *invalid = 1;
        return 1;
    }
    *cp = u;
    return (size_t)n;
}

static enum cclass class_at(const scan *sc, size_t i, size_t *n)
{
    int32_t cp;
    int inv;
    if (i >= sc->len) {
        *n = 0;
        return C_SEP;
    }
    *n = decode(sc, i, &cp, &inv);
    return inv ? C_INVALID : class_of(cp);
}

/* ------------------------------------------------------- URLs, e-mails */

static int ascii_prefix_ci(const scan *sc, size_t i, const char *p)
{
    size_t n = strlen(p);
    if (sc->len - i < n)
        return 0;
    for (size_t k = 0; k < n; k++) {
        unsigned char c = sc->s[i + k];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        if (c != (unsigned char)p[k])
            return 0;
    }
    return 1;
}

static int is_trailing_punct(unsigned char c)
{
    return c && strchr(".,;:!?)]}'\"", c) != NULL;
}

/* Length of a URL starting at I, or 0. */
static size_t url_len(const scan *sc, size_t i)
{
    if (!ascii_prefix_ci(sc, i, "http://") && !ascii_prefix_ci(sc, i, "https://")
        && !ascii_prefix_ci(sc, i, "www."))
        return 0;
    size_t j = i;
    while (j < sc->len && sc->s[j] > ' ' && sc->s[j] != '<' && sc->s[j] != '>'
           && sc->s[j] != '"' && sc->s[j] != 0x7F)
        j++;
    while (j > i && is_trailing_punct(sc->s[j - 1]))
        j--;
    return j - i > 4 ? j - i : 0;
}

static int email_local(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
           || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

static int email_domain(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
           || c == '.' || c == '-';
}

/* Length of an e-mail address starting at I, or 0. */
static size_t email_len(const scan *sc, size_t i)
{
    size_t j = i;
    while (j < sc->len && email_local(sc->s[j]))
        j++;
    if (j == i || j >= sc->len || sc->s[j] != '@')
        return 0;
    size_t at = j++, dot = 0;
    while (j < sc->len && email_domain(sc->s[j])) {
        if (sc->s[j] == '.')
            dot = j;
        j++;
    }
    while (j > at + 1 && (sc->s[j - 1] == '.' || sc->s[j - 1] == '-'))
        j--;
    if (!dot || dot <= at + 1 || dot + 2 >= j + 1)
        return 0;
    return j - i;
}

/* ------------------------------------------------------- words, numbers */

/*
 * End of the word or number starting at I. Apostrophes join letters; '.'
 * and ',' join digits while the token is all digits so far. *numeric says
 * whether it is a number.
 */
static size_t word_end(const scan *sc, size_t i, int *numeric)
{
    size_t j = i, n;
    int digits_only = 1;
    enum cclass prev = C_SEP;
    for (;;) {
        enum cclass c = class_at(sc, j, &n);
        if (c == C_ALPHA || c == C_DIGIT || (c == C_MARK && j > i)) {
            if (c != C_DIGIT)
                digits_only = 0;
            prev = c;
            j += n;
            continue;
        }
        size_t n2;
        if (c == C_APOS && (prev == C_ALPHA || prev == C_MARK)
            && class_at(sc, j + n, &n2) == C_ALPHA) {
            prev = C_APOS;
            j += n;
            continue;
        }
        if (j < sc->len && (sc->s[j] == '.' || sc->s[j] == ',') && digits_only
            && prev == C_DIGIT && class_at(sc, j + 1, &n2) == C_DIGIT) {
            j += 1;
            continue;
        }
        break;
    }
    *numeric = digits_only;
    return j;
}

/* ------------------------------------------------------- normalisation */

static int reserve_out(rt_tokenizer *tk, size_t need)
{
    if (need <= tk->outcap)
        return RT_OK;
    size_t cap = tk->outcap ? tk->outcap : 256;
    while (cap < need)
        cap *= 2;
    char *p = realloc(tk->out, cap);
    if (!p)
        return RT_ENOMEM;
    tk->out = p;
    tk->outcap = cap;
    return RT_OK;
}

static int normalise_ascii(rt_tokenizer *tk, const unsigned char *s, size_t len, size_t *outlen)
{
    if (reserve_out(tk, len + 1) != RT_OK)
        return RT_ENOMEM;
    for (size_t k = 0; k < len; k++) {
        unsigned char c = s[k];
        tk->out[k] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
    }
    tk->out[len] = '\0';
    *outlen = len;
    return RT_OK;
}

/* NFKC + case fold via utf8proc into tk->out, apostrophes unified to U+0027. */
static int normalise_utf8(rt_tokenizer *tk, const unsigned char *s, size_t len, size_t *outlen)
{
    const utf8proc_option_t opt =
        UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE;
    for (;;) {
        utf8proc_ssize_t n = utf8proc_decompose(s, (utf8proc_ssize_t)len, tk->u32,
                                                (utf8proc_ssize_t)tk->u32cap, opt);
        if (n < 0)
            return RT_EFORMAT;
        if ((size_t)n <= tk->u32cap) {
            for (utf8proc_ssize_t k = 0; k < n; k++)
                if (is_apostrophe(tk->u32[k]))
                    tk->u32[k] = '\'';
            n = utf8proc_normalize_utf32(tk->u32, n, opt);
            if (n < 0)
                return RT_EFORMAT;
            if (reserve_out(tk, (size_t)n * 4 + 1) != RT_OK)
                return RT_ENOMEM;
            /* Re-encode by hand: utf8proc_reencode writes in place into u32. */
            size_t o = 0;
            for (utf8proc_ssize_t k = 0; k < n; k++)
                o += (size_t)utf8proc_encode_char(tk->u32[k], (utf8proc_uint8_t *)tk->out + o);
            tk->out[o] = '\0';
            *outlen = o;
            return RT_OK;
        }
        size_t cap = (size_t)n + 16;
        utf8proc_int32_t *p = realloc(tk->u32, cap * sizeof *p);
        if (!p)
            return RT_ENOMEM;
        tk->u32 = p;
        tk->u32cap = cap;
    }
}

static int normalise(rt_tokenizer *tk, const unsigned char *s, size_t len, size_t *outlen)
{
    for (size_t k = 0; k < len; k++)
        if (s[k] >= 0x80)
            return normalise_utf8(tk, s, len, outlen);
    return normalise_ascii(tk, s, len, outlen);
}

/* Byte offset just after the elided prefix ("l'", "qu'", "dell'"), or 0. */
static size_t elision_skip(const char *t, size_t len)
{
    const char *a = memchr(t, '\'', len);
    /* Elided articles and pronouns are short; "aujourd'hui" (7) is kept whole. */
    if (!a || (size_t)(a - t) > 6 || (size_t)(a - t) + 1 >= len)
        return 0;
    return (size_t)(a - t) + 1;
}

/* Raw bytes up to and including the first apostrophe (any of its spellings). */
static size_t raw_prefix_len(const unsigned char *s, size_t len)
{
    for (size_t k = 0; k < len;) {
        if (s[k] == '\'')
            return k + 1;
        if (k + 3 <= len && s[k] == 0xE2 && s[k + 1] == 0x80 && (s[k + 2] == 0x99 || s[k + 2] == 0x98))
            return k + 3;
        if (k + 2 <= len && s[k] == 0xCA && s[k + 1] == 0xBC)
            return k + 2;
        k++;
    }
    return 0;
}

/* ------------------------------------------------------------ driver */

static int emit(rt_tokenizer *tk, unsigned flags, const scan *sc, size_t i, size_t j,
                int kind, rt_token_fn fn, void *ctx)
{
    size_t len = j - i, outlen;
    int rc = normalise(tk, sc->s + i, len, &outlen);
    if (rc != RT_OK)
        return rc == RT_EFORMAT ? RT_OK : rc;
    rt_token t = { tk->out, outlen, i, j, kind };
    if (kind == RT_TOKEN_WORD && (flags & RT_TOK_ELISION)) {
        size_t skip = elision_skip(tk->out, outlen);
        if (skip) {
            t.text += skip;
            t.len -= skip;
            t.start += raw_prefix_len(sc->s + i, len);
        }
    }
    tk->st.tokens++;
    return fn(ctx, &t);
}

int rt_tokenizer_run(rt_tokenizer *tk, unsigned flags, const char *s, size_t len,
                     rt_token_fn fn, void *ctx)
{
    scan sc = { (const unsigned char *)s, len };
    size_t i = 0;
    while (i < len) {
        size_t n;
        enum cclass c = class_at(&sc, i, &n);
        if (c == C_INVALID)
            tk->st.invalid++;
        if (c == C_SYMBOL && (flags & RT_TOK_SYMBOLS)) {
            int rc = emit(tk, flags, &sc, i, i + n, RT_TOKEN_SYMBOL, fn, ctx);
            if (rc != RT_OK)
                return rc;
        }
        if (c != C_ALPHA && c != C_DIGIT) {
            i += n;
            continue;
        }
        size_t m, j;
        int rc = RT_OK, numeric;
        if ((m = url_len(&sc, i)) > 0) {
            j = i + m;
            if (flags & RT_TOK_URLS)
                rc = emit(tk, flags, &sc, i, j, RT_TOKEN_URL, fn, ctx);
        } else if ((m = email_len(&sc, i)) > 0) {
            j = i + m;
            if (flags & RT_TOK_EMAILS)
                rc = emit(tk, flags, &sc, i, j, RT_TOKEN_EMAIL, fn, ctx);
        } else {
            j = word_end(&sc, i, &numeric);
            if (j - i > RT_TOKEN_MAX_BYTES)
                tk->st.too_long++;
            else if (!numeric || (flags & RT_TOK_NUMBERS))
                rc = emit(tk, flags, &sc, i, j, numeric ? RT_TOKEN_NUMBER : RT_TOKEN_WORD, fn, ctx);
        }
        if (rc != RT_OK)
            return rc;
        i = j;
    }
    return RT_OK;
}
