/*
 * stopwords.h - stop-word lists (en, fr, es, pt, de, nl, it), matched against
 * case-folded, unstemmed tokens. Static read-only data: safe from any thread.
 */
#ifndef REVTAG_STOPWORDS_H
#define REVTAG_STOPWORDS_H

#include <stddef.h>

/* 1 if the case-folded word W (LEN bytes) is a stop word of ISO 639-1 LANG; 0 otherwise or for a language without a list. */
int rt_stopwords_has(const char *lang, const char *w, size_t len);

/* Number of stop words for LANG (0 when it has no list). */
size_t rt_stopwords_count(const char *lang);

/* The I-th stop word of LANG in sorted order, or NULL; static storage. */
const char *rt_stopwords_get(const char *lang, size_t i);

#endif
