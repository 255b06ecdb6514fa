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

/* Read a whole file into a malloc'd NUL-terminated buffer; NULL on failure. */
char *tu_read_file(const char *path, size_t *len);

#endif
