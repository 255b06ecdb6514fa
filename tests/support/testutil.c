/*
 * testutil.c - shared test helpers (see testutil.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "failalloc.h"
#include "revtag/revtag.h"
#include "testutil.h"

int tu_collect(void *ctx, const rt_token *t)
{
    tu_tokens *c = ctx;
    if (c->n < 512) {
        c->starts[c->n] = t->start;
        c->ends[c->n] = t->end;
        c->kinds[c->n] = t->kind;
    }
    if (c->len + t->len + 2 < sizeof c->text) {
        if (c->n)
            c->text[c->len++] = ' ';
        memcpy(c->text + c->len, t->text, t->len);
        c->len += t->len;
        c->text[c->len] = '\0';
    }
    c->n++;
    return 0;
}

char *tu_read_file(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    char *buf = NULL;
    size_t cap = 0, n = 0, got;
    do {
        if (n + 4096 + 1 > cap) {
            cap = cap ? cap * 2 : 65536;
            char *p = realloc(buf, cap);
            if (!p) {
                free(buf);
                fclose(fp);
                return NULL;
            }
            buf = p;
        }
        got = fread(buf + n, 1, cap - n - 1, fp);
        n += got;
    } while (got > 0);
    fclose(fp);
    if (!buf)
        buf = calloc(1, 1);
    if (buf)
        buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

int tu_each_alloc_failure(int (*step)(void *ctx), void (*cleanup)(void *ctx), void *ctx,
                          size_t max_runs)
{
    for (size_t n = 1; n <= max_runs; n++) {
        failalloc_arm(n);
        int rc = step(ctx);
        int fired = failalloc_fired();
        failalloc_arm(0);
        cleanup(ctx);
        if (!fired)
            return rc;
        if (rc != RT_ENOMEM) {
            fprintf(stderr, "allocation %zu failed but the call returned %d, not RT_ENOMEM\n", n, rc);
            return -1;
        }
    }
    fprintf(stderr, "still failing after %zu allocations\n", max_runs);
    return -1;
}

void tu_read_records(const char *path, const rt_reader_opts *o, tu_records *res)
{
    memset(res, 0, sizeof *res);
    rt_reader *r;
    if ((res->rc = rt_reader_open(path, o, &r, &res->err)) != RT_OK)
        return;
    rt_record rec;
    rt_record_init(&rec);
    while ((res->rc = rt_reader_next(r, &rec, &res->err)) == RT_OK)
        if (res->n < TU_MAXREC) {
            res->recs[res->n++] = rec;
            rt_record_init(&rec);
        }
    res->skipped = rt_reader_skipped(r);
    rt_record_clear(&rec);
    rt_reader_free(r);
}

void tu_records_clear(tu_records *res)
{
    for (size_t i = 0; i < res->n; i++)
        rt_record_clear(&res->recs[i]);
}

const char *tu_labels(const rt_record *rec, const char *facet)
{
    static char buf[512];
    const rt_facet_labels *f = rt_record_get_facet(rec, facet);
    if (!f)
        return "-";
    buf[0] = '\0';
    for (size_t i = 0; i < f->nlabels; i++) {
        if (i)
            strcat(buf, "|");
        strncat(buf, f->labels[i], sizeof buf - strlen(buf) - 2);
    }
    return buf;
}

void tu_remove_db(const char *path, const char *dir)
{
    static const char *const sfx[] = { "", "-wal", "-shm", "-journal" };
    char p[512];
    for (size_t i = 0; i < sizeof sfx / sizeof sfx[0]; i++) {
        snprintf(p, sizeof p, "%s%s", path, sfx[i]);
        unlink(p);
    }
    if (dir)
        rmdir(dir);
}
