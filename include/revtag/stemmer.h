/*
 * stemmer.h - Snowball stemming (libstemmer) by ISO 639-1 language code.
 * One rt_stemmer per thread: libstemmer's state is not shareable.
 */
#ifndef REVTAG_STEMMER_H
#define REVTAG_STEMMER_H

#include <stddef.h>
#include "revtag/revtag.h"

typedef struct rt_stemmer rt_stemmer;

/*
 * Normalise a language tag ("en", "EN", "en-GB", "eng", "english") to its
 * ISO 639-1 code and the Snowball algorithm name (static strings). Returns
 * RT_OK, or RT_EINVAL with a message listing the supported languages.
 */
int rt_stemmer_lang(const char *lang, const char **code, const char **algorithm, rt_err *err);

/* Space-separated ISO 639-1 codes of every supported language; static. */
const char *rt_stemmer_languages(void);

/*
 * New stemmer for LANG (any tag rt_stemmer_lang accepts). Returns RT_OK,
 * RT_EINVAL (unknown language) or RT_ENOMEM. Free with rt_stemmer_free.
 */
int rt_stemmer_new(const char *lang, rt_stemmer **out, rt_err *err);

/* Free; NULL is safe. */
void rt_stemmer_free(rt_stemmer *st);

/* ISO 639-1 code of the stemmer's language; static. */
const char *rt_stemmer_code(const rt_stemmer *st);

/*
 * Stem the case-folded UTF-8 word W (LEN bytes). Returns the stem (*outlen
 * bytes, NUL-terminated), owned by ST and valid until the next call on ST;
 * NULL on out-of-memory.
 */
const char *rt_stemmer_stem(rt_stemmer *st, const char *w, size_t len, size_t *outlen);

#endif
