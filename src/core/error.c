/*
 * error.c - status strings, the caller-owned error buffer, version, and the
 * small string/hash helpers every module uses.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "rtint.h"

const char *rt_strerror(int code)
{
    switch (code) {
    case RT_OK:      return "success";
    case RT_ENOMEM:  return "out of memory";
    case RT_EIO:     return "input/output error";
    case RT_EFORMAT: return "malformed input";
    case RT_EINVAL:  return "invalid argument";
    case RT_EDB:     return "database error";
    case RT_DONE:    return "no more items";
    default:         return "unknown error";
    }
}

const char *rt_version(void)
{
    return RT_VERSION;
}

int rt_err_set(rt_err *err, int code, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
        err->code = code;
    }
    return code;
}

char *rt_strndup(const char *s, size_t len)
{
    char *d = malloc(len + 1);
    if (d) {
        if (len)
            memcpy(d, s, len);
        d[len] = '\0';
    }
    return d;
}

char *rt_strdup(const char *s)
{
    return s ? rt_strndup(s, strlen(s)) : NULL;
}

uint64_t rt_hash64(const void *p, size_t len)
{
    return (uint64_t)XXH3_64bits(p, len);
}
