/*
 * fts.h - revtag's FTS5 tokenizer. It runs the analyzer (tokenizer + Snowball
 * stemmer, stop words kept) so the full-text index holds exactly the terms
 * `revtag tokens` prints and the classifier sees; SQLite's `porter` differs.
 */
#ifndef REVTAG_FTS_H
#define REVTAG_FTS_H

#include "revtag/revtag.h"

struct sqlite3;
typedef struct rt_fts rt_fts;

/*
 * Byte that brackets a language tag at the start of a column value
 * ("\x1f" "fr" "\x1f" "texte..."): documents in a language other than English
 * reach the tokenizer tagged this way, so any re-tokenizing (delete, rebuild,
 * snippet) stems them with their own language. Untagged text is English.
 */
#define RT_FTS_LANG_MARK '\x1f'

/*
 * Register the FTS5 tokenizer "revtag" (no arguments) on DB, for use as
 * `tokenize = 'revtag'`. On success *out is the tokenizer's shared state,
 * owned by DB: it lives until sqlite3_close(DB) frees it. Not thread-safe:
 * use DB from one thread at a time. Returns RT_OK, RT_ENOMEM or RT_EDB
 * (SQLite built without FTS5), with err.
 */
int rt_fts_register(struct sqlite3 *db, rt_fts **out, rt_err *err);

/*
 * Analyze query text in language LANG (any tag rt_stemmer_lang accepts;
 * NULL = "en") from now on. Returns RT_OK or RT_EINVAL (unknown language).
 */
int rt_fts_set_query_lang(rt_fts *f, const char *lang, rt_err *err);

/*
 * Length of the language tag prefix at the start of S (LEN bytes), 0 when
 * there is none; the ISO 639-1 code is copied into LANG (size >= 8) when
 * LANG is not NULL.
 */
size_t rt_fts_lang_prefix(const char *s, size_t len, char *lang);

#endif
