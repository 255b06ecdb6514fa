/*
 * failalloc.c - linker-wrapped allocators counting calls and failing the
 * armed one. Test-only: globals are fine here, not in the library.
 */
#include <stdlib.h>

#include "failalloc.h"

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t m);
void *__real_realloc(void *p, size_t n);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t m);
void *__wrap_realloc(void *p, size_t n);

static size_t fail_at, seen;
static int fired;

void failalloc_arm(size_t n)
{
    fail_at = n;
    seen = 0;
    fired = 0;
}

size_t failalloc_count(void)
{
    return seen;
}

int failalloc_fired(void)
{
    return fired;
}

static int should_fail(void)
{
    seen++;
    if (fail_at && seen == fail_at) {
        fired = 1;
        return 1;
    }
    return 0;
}

void *__wrap_malloc(size_t n)
{
    return should_fail() ? NULL : __real_malloc(n);
}

void *__wrap_calloc(size_t n, size_t m)
{
    return should_fail() ? NULL : __real_calloc(n, m);
}

void *__wrap_realloc(void *p, size_t n)
{
    return should_fail() ? NULL : __real_realloc(p, n);
}
