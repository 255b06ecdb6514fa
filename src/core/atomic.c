/*
 * atomic.c - write-to-temporary, fsync, rename. A reader of the target sees
 * the old file or the complete new one, never a partial write.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "revtag/atomic.h"
#include "rtint.h"

struct rt_atomic {
    char *path;      /* target */
    char *tmp;       /* temporary beside the target */
    FILE *fp;
    int committed;
};

/*
 * The process umask, read from /proc without umask(2), which would change it
 * for a moment under other threads; 022 when /proc cannot tell.
 */
static mode_t current_umask(void)
{
    FILE *fp = fopen("/proc/self/status", "r");
    char line[128];
    unsigned int um = 022;
    while (fp && fgets(line, sizeof line, fp))
        if (sscanf(line, "Umask: %o", &um) == 1)
            break;
    if (fp)
        fclose(fp);
    return (mode_t)um;
}

/* mkstemp makes 0600 files: give the new file the target's mode, or 0666 less the umask. */
static void set_mode(int fd, const char *path)
{
    struct stat st;
    mode_t mode = stat(path, &st) == 0 ? (st.st_mode & 07777) : (0666 & ~current_umask());
    (void)fchmod(fd, mode);
}

int rt_atomic_new(const char *path, rt_atomic **out, rt_err *err)
{
    *out = NULL;
    rt_atomic *a = calloc(1, sizeof *a);
    if (!a)
        return rt_err_set(err, RT_ENOMEM, "%s: out of memory", path);
    size_t n = strlen(path) + 16;
    a->path = rt_strdup(path);
    a->tmp = malloc(n);
    if (!a->path || !a->tmp) {
        rt_atomic_free(a);
        return rt_err_set(err, RT_ENOMEM, "%s: out of memory", path);
    }
    snprintf(a->tmp, n, "%s.tmpXXXXXX", path);
    int fd = mkstemp(a->tmp);
    if (fd < 0) {
        int e = errno;
        free(a->tmp);
        a->tmp = NULL;
        rt_atomic_free(a);
        return rt_err_set(err, RT_EIO, "%s: cannot create: %s", path, strerror(e));
    }
    set_mode(fd, path);
    a->fp = fdopen(fd, "wb");
    if (!a->fp) {
        int e = errno;
        close(fd);
        rt_atomic_free(a);
        return rt_err_set(err, RT_EIO, "%s: cannot open: %s", path, strerror(e));
    }
    *out = a;
    return RT_OK;
}

FILE *rt_atomic_fp(rt_atomic *a)
{
    return a->fp;
}

int rt_atomic_commit(rt_atomic *a, rt_err *err)
{
    int bad = ferror(a->fp) || fflush(a->fp) != 0 || fsync(fileno(a->fp)) != 0;
    int e = errno;
    if (fclose(a->fp) != 0 && !bad) {
        bad = 1;
        e = errno;
    }
    a->fp = NULL;
    if (!bad && rename(a->tmp, a->path) != 0) {
        bad = 1;
        e = errno;
    }
    if (bad) {
        remove(a->tmp);
        return rt_err_set(err, RT_EIO, "%s: write failed: %s", a->path, strerror(e));
    }
    a->committed = 1;
    return RT_OK;
}

void rt_atomic_free(rt_atomic *a)
{
    if (!a)
        return;
    if (a->fp)
        fclose(a->fp);
    if (a->tmp && !a->committed)
        remove(a->tmp);
    free(a->tmp);
    free(a->path);
    free(a);
}
