/*
 * testutil.h - helpers shared by the cmocka tests: collecting analyzer or
 * tokenizer output as one space-joined string, reading fixture files.
 */
#ifndef RT_TESTUTIL_H
#define RT_TESTUTIL_H

#include <stddef.h>
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

#endif
