/*
 * revtag.h - status codes and the error buffer shared by every revtag module.
 *
 * Fallible functions return an int from enum rt_status and, on failure, put a
 * one-line message (with file/line context where there is one) into an rt_err
 * that the caller owns. Include the module headers for the rest of the API.
 */
#ifndef REVTAG_REVTAG_H
#define REVTAG_REVTAG_H

#include <stddef.h>
#include "revtag/version.h"

enum rt_status {
    RT_OK = 0,      /* success */
    RT_ENOMEM,      /* out of memory */
    RT_EIO,         /* read/write/open failed (errno-based message) */
    RT_EFORMAT,     /* malformed input or model file */
    RT_EINVAL,      /* invalid argument or option */
    RT_EDB,         /* SQLite error */
    RT_DONE         /* iterator exhausted: not an error */
};

#define RT_ERR_MAX 512

/* Error buffer owned by the caller; functions fill it on failure only. */
typedef struct rt_err {
    int code;              /* the rt_status returned with the message */
    char msg[RT_ERR_MAX];  /* NUL-terminated one-line message */
} rt_err;

/* Static English description of a status code; never NULL. */
const char *rt_strerror(int code);

/* Library version string, e.g. "0.1.0"; static storage. */
const char *rt_version(void);

#endif
