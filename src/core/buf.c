/*
 * buf.c - growable NUL-terminated byte buffer with sticky error codes, so
 * builders (JSON, SQL, exports) append without checking every call; and
 * the huge-page hint for big arrays.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "rtint.h"

static void buf_reserve(int *rc, rt_buf *b, size_t extra)
{
    if (*rc != RT_OK)
        return;
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap *= 2;
    char *p = realloc(b->data, cap);
    if (!p) {
        *rc = RT_ENOMEM;
        return;
    }
    b->data = p;
    b->cap = cap;
}

void rt_buf_append(int *rc, rt_buf *b, const void *p, size_t len)
{
    buf_reserve(rc, b, len);
    if (*rc != RT_OK)
        return;
    if (len)
        memcpy(b->data + b->len, p, len);
    b->len += len;
    b->data[b->len] = '\0';
}

void rt_buf_puts(int *rc, rt_buf *b, const char *s)
{
    rt_buf_append(rc, b, s, strlen(s));
}

void rt_buf_printf(int *rc, rt_buf *b, const char *fmt, ...)
{
    if (*rc != RT_OK)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
        *rc = RT_EINVAL;
        return;
    }
    buf_reserve(rc, b, (size_t)n);
    if (*rc != RT_OK)
        return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void rt_buf_free(rt_buf *b)
{
    if (!b)
        return;
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

/* ---------------------------------------------------------------- big blocks */

#define HUGE_MIN (4u << 20)

void rt_mem_huge(void *p, size_t n)
{
#ifdef MADV_HUGEPAGE
    long pg = sysconf(_SC_PAGESIZE);
    if (!p || n < HUGE_MIN || pg <= 0)
        return;
    uintptr_t a = ((uintptr_t)p + (uintptr_t)pg - 1) & ~((uintptr_t)pg - 1);
    uintptr_t e = ((uintptr_t)p + n) & ~((uintptr_t)pg - 1);
    if (e > a)
        (void)madvise((void *)a, e - a, MADV_HUGEPAGE);   /* a hint: failure changes nothing */
#else
    (void)p;
    (void)n;
#endif
}

void *rt_malloc_big(size_t n)
{
    void *p = malloc(n);
    rt_mem_huge(p, n);
    return p;
}
