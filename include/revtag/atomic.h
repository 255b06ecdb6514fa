/*
 * atomic.h - files that are never left half written. Writers get a FILE* on
 * a temporary file beside the target; commit checks every write, fsyncs and
 * renames over the target; free without commit removes the temporary.
 */
#ifndef REVTAG_ATOMIC_H
#define REVTAG_ATOMIC_H

#include <stdio.h>
#include "revtag/revtag.h"

typedef struct rt_atomic rt_atomic;

/*
 * Open a temporary file next to PATH for writing. On success *out owns it;
 * free it with rt_atomic_free. Returns RT_OK, RT_ENOMEM or RT_EIO (with err).
 */
int rt_atomic_new(const char *path, rt_atomic **out, rt_err *err);

/* The stream to write to; owned by A, valid until commit or free. */
FILE *rt_atomic_fp(rt_atomic *a);

/*
 * Flush, fsync and rename the temporary file over the target. Any earlier
 * write error is reported here. Returns RT_OK or RT_EIO (with err). After a
 * failed commit the temporary is removed and the target is untouched.
 */
int rt_atomic_commit(rt_atomic *a, rt_err *err);

/* Abandon (remove the temporary unless committed) and free. NULL is safe. */
void rt_atomic_free(rt_atomic *a);

#endif
