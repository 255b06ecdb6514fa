/*
 * testutil.h - helpers shared by the cmocka tests: collecting analyzer or
 * tokenizer output as one space-joined string, reading fixture files and
 * the records a reader makes of them.
 */
#ifndef RT_TESTUTIL_H
#define RT_TESTUTIL_H

#include <stddef.h>
#include "revtag/reader.h"
#include "revtag/tokenizer.h"

/* Token collector: tokens joined by single spaces into a fixed buffer. */
typedef struct tu_tokens {
    char text[8192];
    size_t len;
    size_t n;
    size_t starts[512], ends[512];   /* offsets of the first 512 tokens */
    int kinds[512];
} tu_tokens;

/* rt_token_fn appending to a tu_tokens (CTX). */
int tu_collect(void *ctx, const rt_token *t);

/*
 * Run STEP(CTX) with the 1st, 2nd, 3rd ... heap allocation failing until a
 * run completes without a failure. Every run that saw a failure must return
 * RT_ENOMEM; CLEANUP(CTX) runs after each run (freeing what STEP made).
 * Returns the rc of the final, failure-free run, or -1 if a failed run
 * returned something else or no run completed within MAX_RUNS.
 */
int tu_each_alloc_failure(int (*step)(void *ctx), void (*cleanup)(void *ctx), void *ctx,
                          size_t max_runs);

/* Read a whole file into a malloc'd NUL-terminated buffer; NULL on failure. */
char *tu_read_file(const char *path, size_t *len);

/* Remove the SQLite database PATH with its -wal, -shm and -journal files, then DIR (may be NULL). */
void tu_remove_db(const char *path, const char *dir);

#define TU_MAXREC 8

/* What a reader made of one file: the first TU_MAXREC records and how it ended. */
typedef struct tu_records {
    rt_record recs[TU_MAXREC];
    size_t n;
    size_t skipped;  /* rt_reader_skipped at the end */
    int rc;          /* status that ended reading (RT_DONE when all was read) */
    rt_err err;
} tu_records;

/* Read PATH with options O (NULL: defaults) into *RES; records are owned by RES. */
void tu_read_records(const char *path, const rt_reader_opts *o, tu_records *res);

/* Free the records of RES (n, rc, skipped and err stay readable). */
void tu_records_clear(tu_records *res);

/*
 * Labels of FACET in REC joined by "|", or "-" when the record has no such
 * facet. The text lives in a static buffer until the next call.
 */
const char *tu_labels(const rt_record *rec, const char *facet);

#endif
