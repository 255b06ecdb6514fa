/*
 * stemmer.c - thin, language-aware wrapper over libstemmer's UTF-8 stemmers.
 */
#include <ctype.h>
#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>

#include "revtag/stemmer.h"
#include "rtint.h"

struct rt_stemmer {
    struct sb_stemmer *sb;
    const char *code;
};

/* ISO 639-1 code, ISO 639-2 code, English name = Snowball algorithm. */
static const struct { const char *code, *code3, *name; } LANGS[] = {
    { "ar", "ara", "arabic" },     { "ca", "cat", "catalan" },
    { "da", "dan", "danish" },     { "de", "deu", "german" },
    { "el", "ell", "greek" },      { "en", "eng", "english" },
    { "es", "spa", "spanish" },    { "eu", "eus", "basque" },
    { "fi", "fin", "finnish" },    { "fr", "fra", "french" },
    { "ga", "gle", "irish" },      { "hi", "hin", "hindi" },
    { "hu", "hun", "hungarian" },  { "hy", "hye", "armenian" },
    { "id", "ind", "indonesian" }, { "it", "ita", "italian" },
    { "lt", "lit", "lithuanian" }, { "ne", "nep", "nepali" },
    { "nl", "nld", "dutch" },      { "no", "nor", "norwegian" },
    { "pt", "por", "portuguese" }, { "ro", "ron", "romanian" },
    { "ru", "rus", "russian" },    { "sr", "srp", "serbian" },
    { "sv", "swe", "swedish" },    { "ta", "tam", "tamil" },
    { "tr", "tur", "turkish" },    { "yi", "yid", "yiddish" },
};
#define NLANGS (sizeof LANGS / sizeof LANGS[0])

const char *rt_stemmer_languages(void)
{
    return "ar ca da de el en es eu fi fr ga hi hu hy id it lt ne nl no pt ro ru sr sv ta tr yi";
}

int rt_stemmer_lang(const char *lang, const char **code, const char **algorithm, rt_err *err)
{
    char t[32];
    size_t n = 0;
    if (!lang || !*lang)
        lang = "en";
    /* Lower-case and cut a region subtag: "en-GB", "pt_BR" -> "en", "pt". */
    for (; lang[n] && lang[n] != '-' && lang[n] != '_' && n < sizeof t - 1; n++)
        t[n] = (char)tolower((unsigned char)lang[n]);
    t[n] = '\0';
    for (size_t i = 0; i < NLANGS; i++) {
        if (strcmp(t, LANGS[i].code) == 0 || strcmp(t, LANGS[i].code3) == 0
            || strcmp(t, LANGS[i].name) == 0) {
            if (code)
                *code = LANGS[i].code;
            if (algorithm)
                *algorithm = LANGS[i].name;
            return RT_OK;
        }
    }
    return rt_err_set(err, RT_EINVAL, "unknown language '%s' (supported: %s)", lang,
                      rt_stemmer_languages());
}

int rt_stemmer_new(const char *lang, rt_stemmer **out, rt_err *err)
{
    const char *code, *alg;
    *out = NULL;
    int rc = rt_stemmer_lang(lang, &code, &alg, err);
    if (rc != RT_OK)
        return rc;
    rt_stemmer *st = calloc(1, sizeof *st);
    if (!st)
        return rt_err_set(err, RT_ENOMEM, "stemmer: out of memory");
    st->code = code;
    st->sb = sb_stemmer_new(alg, "UTF_8");
    if (!st->sb) {
        free(st);
        return rt_err_set(err, RT_ENOMEM, "stemmer: cannot create Snowball stemmer '%s'", alg);
    }
    *out = st;
    return RT_OK;
}

void rt_stemmer_free(rt_stemmer *st)
{
    if (!st)
        return;
    sb_stemmer_delete(st->sb);
    free(st);
}

const char *rt_stemmer_code(const rt_stemmer *st)
{
    return st->code;
}

const char *rt_stemmer_stem(rt_stemmer *st, const char *w, size_t len, size_t *outlen)
{
    if (len > (size_t)INT32_MAX)
        return NULL;
    const sb_symbol *s = sb_stemmer_stem(st->sb, (const sb_symbol *)w, (int)len);
    if (!s)
        return NULL;
    *outlen = (size_t)sb_stemmer_length(st->sb);
    return (const char *)s;
}
