/*
 * rtint.h - internals shared across revtag library modules, one section per
 * module. Never included by public headers; the CLI may use the core section.
 */
#ifndef REVTAG_RTINT_H
#define REVTAG_RTINT_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include "revtag/revtag.h"

#if defined(__GNUC__)
#define RT_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define RT_PRINTF(f, a)
#endif

/* ---------------------------------------------------------------- core */

/*
 * Set ERR (may be NULL) to CODE and a printf-style message; returns CODE so
 * callers can write `return rt_err_set(err, RT_EIO, "%s: ...", path);`.
 */
int rt_err_set(rt_err *err, int code, const char *fmt, ...) RT_PRINTF(3, 4);

/* strdup of the first LEN bytes of S (NUL-terminated copy); NULL on OOM. */
char *rt_strndup(const char *s, size_t len);

/* strdup(S) or NULL on OOM; NULL S gives NULL. */
char *rt_strdup(const char *s);

/*
 * Growable byte buffer with sticky error codes: every rt_buf_* call does
 * nothing once *rc != RT_OK, so builders check rc once at the end. The data
 * is always NUL-terminated after a successful append.
 */
typedef struct rt_buf {
    char *data;     /* owned; NULL until first append */
    size_t len;     /* bytes used, excluding the terminating NUL */
    size_t cap;     /* bytes allocated */
} rt_buf;

void rt_buf_append(int *rc, rt_buf *b, const void *p, size_t len);
void rt_buf_puts(int *rc, rt_buf *b, const char *s);
void rt_buf_printf(int *rc, rt_buf *b, const char *fmt, ...) RT_PRINTF(3, 4);
void rt_buf_free(rt_buf *b);            /* frees data and zeroes B */

/* 64-bit hash of bytes (xxhash XXH3), stable across runs and machines. */
uint64_t rt_hash64(const void *p, size_t len);

#endif
