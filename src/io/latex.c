/*
 * latex.c - the LaTeX that BibTeX exports put in titles and abstracts, turned
 * into plain UTF-8: an accent command becomes its base letter plus a Unicode
 * combining mark, and utf8proc's NFC composes the pair (\'{e} -> é).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "rtint.h"

/* Accent commands and their combining marks (UTF-8). */
static const struct { const char *cmd, *mark; } ACCENTS[] = {
    { "'", "\xCC\x81" }, { "`", "\xCC\x80" }, { "^", "\xCC\x82" }, { "\"", "\xCC\x88" },
    { "~", "\xCC\x83" }, { "=", "\xCC\x84" }, { ".", "\xCC\x87" }, { "u", "\xCC\x86" },
    { "v", "\xCC\x8C" }, { "H", "\xCC\x8B" }, { "c", "\xCC\xA7" }, { "k", "\xCC\xA8" },
    { "r", "\xCC\x8A" }, { "d", "\xCC\xA3" }, { "b", "\xCC\xB1" }, { "t", "\xCD\xA1" },
};
#define NACCENTS (sizeof ACCENTS / sizeof ACCENTS[0])

/* Control words that stand for a character or a short text. */
static const struct { const char *cmd, *text; } SYMBOLS[] = {
    { "ss", "ß" }, { "SS", "SS" }, { "ae", "æ" }, { "AE", "Æ" }, { "oe", "œ" }, { "OE", "Œ" },
    { "o", "ø" }, { "O", "Ø" }, { "aa", "å" }, { "AA", "Å" }, { "l", "ł" }, { "L", "Ł" },
    { "i", "ı" }, { "j", "ȷ" }, { "dh", "ð" }, { "DH", "Ð" }, { "th", "þ" }, { "TH", "Þ" },
    { "ng", "ŋ" }, { "NG", "Ŋ" }, { "S", "§" }, { "P", "¶" }, { "pounds", "£" },
    { "textsterling", "£" }, { "euro", "€" }, { "texteuro", "€" }, { "textdollar", "$" },
    { "ldots", "…" }, { "dots", "…" }, { "textellipsis", "…" }, { "textendash", "–" },
    { "textemdash", "—" }, { "textquoteleft", "‘" }, { "textquoteright", "’" },
    { "textquotedblleft", "“" }, { "textquotedblright", "”" }, { "guillemotleft", "«" },
    { "guillemotright", "»" }, { "guillemetleft", "«" }, { "guillemetright", "»" },
    { "copyright", "©" }, { "textcopyright", "©" }, { "textregistered", "®" },
    { "texttrademark", "™" }, { "textdegree", "°" }, { "textpercent", "%" },
    { "textbackslash", "\\" }, { "textasciitilde", "~" }, { "textunderscore", "_" },
    { "textbar", "|" }, { "textless", "<" }, { "textgreater", ">" }, { "textbullet", "•" },
    { "LaTeX", "LaTeX" }, { "TeX", "TeX" }, { "par", " " }, { "newline", " " },
    { "quad", " " }, { "qquad", " " }, { "times", "×" }, { "pm", "±" }, { "leq", "≤" },
    { "geq", "≥" }, { "le", "≤" }, { "ge", "≥" }, { "alpha", "α" }, { "beta", "β" },
};
#define NSYMBOLS (sizeof SYMBOLS / sizeof SYMBOLS[0])

typedef struct latex {
    const char *s;
    size_t len, i;
    rt_buf out;
    int rc;
} latex;

static void emit(latex *x, const char *p, size_t n)
{
    rt_buf_append(&x->rc, &x->out, p, n);
}

static void emit_space(latex *x)
{
    if (x->out.len && x->out.data[x->out.len - 1] != ' ' && x->out.data[x->out.len - 1] != '\n')
        emit(x, " ", 1);
}

static size_t utf8_len(unsigned char c)
{
    return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

static void convert(latex *x, size_t end);

/* The argument of an accent: {e}, {\i}, e, \i; its base letter then the mark, then any rest. */
static void accent(latex *x, const char *mark, int skip_spaces)
{
    while (skip_spaces && x->i < x->len && x->s[x->i] == ' ')
        x->i++;
    size_t start = x->i, end = x->i, after;
    if (x->i < x->len && x->s[x->i] == '{') {
        size_t depth = 0;
        for (end = x->i; end < x->len; end++)
            if (x->s[end] == '{')
                depth++;
            else if (x->s[end] == '}' && --depth == 0)
                break;
        start = x->i + 1;
        after = end < x->len ? end + 1 : end;
        while (start < end && x->s[start] == ' ')
            start++;
    } else {
        end = x->i < x->len ? x->i + (x->s[x->i] == '\\' ? 2 : utf8_len((unsigned char)x->s[x->i])) : x->i;
        end = end > x->len ? x->len : end;
        after = end;
    }
    if (start + 2 <= end && x->s[start] == '\\' && (x->s[start + 1] == 'i' || x->s[start + 1] == 'j')
        && (start + 2 == end || !isalpha((unsigned char)x->s[start + 2]))) {
        emit(x, x->s + start + 1, 1);                 /* dotless i/j take the accent as i/j */
        start += 2;
    } else if (start < end) {
        size_t n = utf8_len((unsigned char)x->s[start]);
        n = start + n > end ? end - start : n;
        emit(x, x->s + start, n);
        start += n;
    }
    emit(x, mark, strlen(mark));
    x->i = start;
    convert(x, end);
    x->i = after;
}

static const char *accent_mark(const char *cmd, size_t n)
{
    for (size_t k = 0; k < NACCENTS; k++)
        if (strlen(ACCENTS[k].cmd) == n && memcmp(ACCENTS[k].cmd, cmd, n) == 0)
            return ACCENTS[k].mark;
    return NULL;
}

/* A control word \NAME at x->i (past the backslash). */
static void control_word(latex *x)
{
    size_t start = x->i;
    while (x->i < x->len && isalpha((unsigned char)x->s[x->i]))
        x->i++;
    size_t n = x->i - start;
    const char *mark = accent_mark(x->s + start, n);
    if (mark) {
        accent(x, mark, 1);
        return;
    }
    while (x->i < x->len && (x->s[x->i] == ' ' || x->s[x->i] == '\n'))
        x->i++;                                          /* TeX eats the space after a word */
    for (size_t k = 0; k < NSYMBOLS; k++)
        if (strlen(SYMBOLS[k].cmd) == n && memcmp(SYMBOLS[k].cmd, x->s + start, n) == 0) {
            emit(x, SYMBOLS[k].text, strlen(SYMBOLS[k].text));
            return;
        }
    if (x->i < x->len && x->s[x->i] == '{')
        return;                                          /* \emph{...}: keep the argument */
    emit(x, x->s + start, n);                            /* unknown: keep its name, lose nothing */
    if (x->i > start + n)
        emit_space(x);
}

static void command(latex *x)
{
    x->i++;
    if (x->i >= x->len)
        return;
    char c = x->s[x->i];
    const char *mark = accent_mark(&c, 1);
    if (isalpha((unsigned char)c)) {
        control_word(x);
    } else if (mark) {
        x->i++;
        accent(x, mark, 0);
    } else if (strchr("&%$#_{}", c)) {
        emit(x, &c, 1);
        x->i++;
    } else if (strchr("\\ \n\t,;:!>", c)) {
        emit_space(x);
        x->i++;
    } else if (strchr("-/@", c)) {
        x->i++;                                          /* \- \/ \@: invisible */
    } else {
        emit(x, &c, 1);
        x->i++;
    }
}

/* Ligatures of TeX's text fonts: -- – , --- —, `` “, '' ”, ` ‘. */
static int ligature(latex *x)
{
    const char *p = x->s + x->i;
    size_t left = x->len - x->i;
    static const struct { const char *in, *out; } L[] = {
        { "---", "—" }, { "--", "–" }, { "``", "“" }, { "''", "”" }, { "`", "‘" },
    };
    for (size_t k = 0; k < sizeof L / sizeof L[0]; k++) {
        size_t n = strlen(L[k].in);
        if (left >= n && memcmp(p, L[k].in, n) == 0) {
            emit(x, L[k].out, strlen(L[k].out));
            x->i += n;
            return 1;
        }
    }
    return 0;
}

static void convert(latex *x, size_t end)
{
    while (x->i < end && x->rc == RT_OK) {
        char c = x->s[x->i];
        if (c == '\\') {
            command(x);
        } else if (c == '{' || c == '}' || c == '$') {
            x->i++;
        } else if (c == '~' || isspace((unsigned char)c)) {
            emit_space(x);
            x->i++;
        } else if (!((c == '-' || c == '`' || c == '\'') && ligature(x))) {
            emit(x, &c, 1);
            x->i++;
        }
    }
}

int rt_latex_to_utf8(const char *s, size_t len, char **out)
{
    *out = NULL;
    if (rt_io_utf8_invalid(s, len) < len)
        return RT_EFORMAT;
    latex x = { s, len, 0, { 0 }, RT_OK };
    emit(&x, "", 0);
    convert(&x, len);
    while (x.rc == RT_OK && x.out.len && x.out.data[x.out.len - 1] == ' ')
        x.out.data[--x.out.len] = '\0';
    if (x.rc != RT_OK) {
        rt_buf_free(&x.out);
        return x.rc;
    }
    const char *text = x.out.data + (x.out.len && x.out.data[0] == ' ');
    *out = (char *)utf8proc_NFC((const utf8proc_uint8_t *)text);
    rt_buf_free(&x.out);
    return *out ? RT_OK : RT_ENOMEM;
}
