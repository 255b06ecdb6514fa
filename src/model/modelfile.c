/*
 * modelfile.c - the model file: "RTMODEL\n", format version, revtag
 * version, training options, vocabulary (with the analyzer options), per
 * facet labels, calibration, thresholds and weights, then an XXH3-64 of
 * everything before it. Little-endian throughout; written atomically; the
 * loader checks magic, version and checksum before parsing a single field.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <xxhash.h>

#include "revtag/atomic.h"
#include "revtag/model.h"
#include "rtint.h"

#define MAGIC "RTMODEL\n"
#define MAGIC_LEN 8
#define HEADER_LEN (MAGIC_LEN + 4)
#define MAX_LABELS 1000000u

/* ------------------------------------------------------------ writing */

/*
 * The model is encoded into a small buffer that is hashed (XXH3 streaming,
 * the same value as rt_hash64 over the whole file) and written out whenever
 * it fills, so a model of any size needs no copy of itself in memory.
 */
typedef struct mwriter {
    rt_buf b;
    FILE *fp;
    XXH3_state_t *h;
    int rc;
} mwriter;

#define FLUSH_AT (1u << 18)
#define WEIGHT_CHUNK (1u << 16)

static void mw_flush(mwriter *w)
{
    if (w->rc == RT_OK && w->b.len) {
        XXH3_64bits_update(w->h, w->b.data, w->b.len);
        if (fwrite(w->b.data, 1, w->b.len, w->fp) != w->b.len)
            w->rc = RT_EIO;   /* rt_atomic_commit reports the stream's error */
    }
    w->b.len = 0;
}

static void mw_maybe_flush(mwriter *w)
{
    if (w->b.len >= FLUSH_AT)
        mw_flush(w);
}

static void write_facet(mwriter *w, const rt_fmodel *fm, size_t V)
{
    int *rc = &w->rc;
    rt_buf *b = &w->b;
    rt_bin_str(rc, b, fm->name);
    rt_bin_u8(rc, b, (uint8_t)fm->multi);
    rt_bin_u8(rc, b, (uint8_t)fm->algo);
    rt_bin_u8(rc, b, (uint8_t)fm->loo);
    rt_bin_u32(rc, b, fm->ntrain);
    rt_bin_u32(rc, b, fm->nlabels);
    for (size_t l = 0; l < fm->nlabels; l++) {
        rt_bin_str(rc, b, fm->labels[l]);
        rt_bin_u32(rc, b, fm->support[l]);
        rt_bin_f64(rc, b, fm->bias[l]);
        rt_bin_f64(rc, b, fm->pa[l]);
        rt_bin_f64(rc, b, fm->pb[l]);
        rt_bin_f64(rc, b, fm->threshold[l]);
        mw_maybe_flush(w);
    }
    rt_bin_f64(rc, b, fm->temp);
    rt_bin_f64(rc, b, fm->cv_metric);
    for (size_t k = 0, n = V * fm->nlabels; k < n; k += WEIGHT_CHUNK) {
        rt_bin_f32s(rc, b, fm->w + k, n - k < WEIGHT_CHUNK ? n - k : WEIGHT_CHUNK);
        mw_flush(w);
    }
}

static void model_encode(mwriter *w, const rt_model *m)
{
    int *rc = &w->rc;
    rt_buf *b = &w->b;
    rt_buf_append(rc, b, MAGIC, MAGIC_LEN);
    rt_bin_u32(rc, b, RT_MODEL_FORMAT);
    rt_bin_str(rc, b, m->version);
    rt_bin_u8(rc, b, (uint8_t)m->algo);
    rt_bin_f64(rc, b, m->C);
    rt_bin_f64(rc, b, m->alpha);
    rt_bin_u32(rc, b, m->cv);
    rt_bin_u64(rc, b, m->cv_max);
    rt_bin_u64(rc, b, m->seed);
    rt_vocab_write(rc, b, m->vocab);
    rt_bin_u32(rc, b, (uint32_t)m->nfacets);
    for (size_t f = 0; f < m->nfacets; f++)
        write_facet(w, &m->facets[f], rt_vocab_size(m->vocab));
    mw_flush(w);
    rt_bin_u64(rc, b, XXH3_64bits_digest(w->h));   /* the checksum is not hashed */
    if (*rc == RT_OK && fwrite(b->data, 1, b->len, w->fp) != b->len)
        *rc = RT_EIO;
}

int rt_model_save(const rt_model *m, const char *path, rt_err *err)
{
    rt_atomic *a;
    int rc = rt_atomic_new(path, &a, err);
    if (rc != RT_OK)
        return rc;
    mwriter w = { { 0 }, rt_atomic_fp(a), XXH3_createState(), RT_OK };
    if (!w.h || XXH3_64bits_reset(w.h) != XXH_OK)
        w.rc = RT_ENOMEM;
    else
        model_encode(&w, m);
    if (w.rc == RT_ENOMEM)
        rc = rt_err_set(err, RT_ENOMEM, "%s: out of memory encoding the model", path);
    else
        rc = rt_atomic_commit(a, err);   /* reports any write error */
    rt_atomic_free(a);
    XXH3_freeState(w.h);
    rt_buf_free(&w.b);
    return rc;
}

/* ------------------------------------------------------------ reading */

/* The whole file in one allocation (its size from fstat; a stream of unknown size grows). */
static int read_file(const char *path, unsigned char **data, size_t *len, rt_err *err)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return rt_err_set(err, RT_EIO, "%s: cannot open: %s", path, strerror(errno));
    struct stat st;
    rt_buf b = { 0 };
    int rc = RT_OK;
    if (fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
        if ((b.data = rt_malloc_big((size_t)st.st_size + 1)))
            b.cap = (size_t)st.st_size + 1;
        else
            rc = rt_err_set(err, RT_ENOMEM, "%s: out of memory", path);
    }
    char chunk[65536];
    size_t got;
    while (rc == RT_OK && (got = fread(chunk, 1, sizeof chunk, fp)) > 0)
        rt_buf_append(&rc, &b, chunk, got);
    if (rc == RT_OK && ferror(fp))
        rc = rt_err_set(err, RT_EIO, "%s: read error: %s", path, strerror(errno));
    else if (rc == RT_ENOMEM)
        rt_err_set(err, rc, "%s: out of memory", path);
    fclose(fp);
    if (rc != RT_OK) {
        rt_buf_free(&b);
        return rc;
    }
    *data = (unsigned char *)b.data;
    *len = b.len;
    return RT_OK;
}

/* Magic, format version and checksum, before anything is parsed. */
static int check_envelope(const char *path, const unsigned char *p, size_t len, rt_err *err)
{
    if (len < MAGIC_LEN || memcmp(p, MAGIC, MAGIC_LEN) != 0)
        return rt_err_set(err, RT_EFORMAT, "%s: not a revtag model file (bad magic number)", path);
    if (len < HEADER_LEN + 8)
        return rt_err_set(err, RT_EFORMAT, "%s: truncated model file (%zu bytes)", path, len);
    rt_bin r = { p, len, MAGIC_LEN, RT_OK };
    uint32_t version = rt_bin_get_u32(&r);
    if (version != RT_MODEL_FORMAT)
        return rt_err_set(err, RT_EFORMAT,
                          "%s: model file format %u, this revtag reads format %d (retrain the model)",
                          path, version, RT_MODEL_FORMAT);
    rt_bin tail = { p, len, len - 8, RT_OK };
    if (rt_bin_get_u64(&tail) != rt_hash64(p, len - 8))
        return rt_err_set(err, RT_EFORMAT,
                          "%s: checksum mismatch: the model file is truncated or corrupted", path);
    return RT_OK;
}

static void read_labels(rt_bin *r, rt_fmodel *fm)
{
    for (size_t l = 0; l < fm->nlabels && r->rc == RT_OK; l++) {
        fm->labels[l] = rt_bin_get_str(r);
        fm->support[l] = rt_bin_get_u32(r);
        fm->bias[l] = rt_bin_get_f64(r);
        fm->pa[l] = rt_bin_get_f64(r);
        fm->pb[l] = rt_bin_get_f64(r);
        fm->threshold[l] = rt_bin_get_f64(r);
        if (r->rc == RT_OK && l > 0 && strcmp(fm->labels[l - 1], fm->labels[l]) >= 0)
            r->rc = RT_EFORMAT;   /* labels are stored sorted and unique */
    }
}

static void read_facet(rt_bin *r, rt_fmodel *fm, size_t V)
{
    fm->name = rt_bin_get_str(r);
    fm->multi = rt_bin_get_u8(r);
    fm->algo = rt_bin_get_u8(r);
    fm->loo = rt_bin_get_u8(r);
    fm->ntrain = rt_bin_get_u32(r);
    fm->nlabels = rt_bin_get_count(r, MAX_LABELS);
    size_t L = fm->nlabels;
    if (r->rc == RT_OK && (fm->multi > 1 || fm->algo < RT_ALGO_MNB || fm->algo > RT_ALGO_NBSVM
                           || (L && V > (r->len - r->pos) / 4 / L)))
        r->rc = RT_EFORMAT;
    if (r->rc != RT_OK)
        return;
    fm->labels = calloc(L + 1, sizeof *fm->labels);
    fm->support = calloc(L + 1, sizeof *fm->support);
    fm->bias = calloc(L + 1, sizeof *fm->bias);
    fm->pa = calloc(L + 1, sizeof *fm->pa);
    fm->pb = calloc(L + 1, sizeof *fm->pb);
    fm->threshold = calloc(L + 1, sizeof *fm->threshold);
    fm->w = rt_malloc_big((V * L + 1) * sizeof *fm->w);
    if (!fm->labels || !fm->support || !fm->bias || !fm->pa || !fm->pb || !fm->threshold || !fm->w) {
        r->rc = RT_ENOMEM;
        return;
    }
    read_labels(r, fm);
    fm->temp = rt_bin_get_f64(r);
    fm->cv_metric = rt_bin_get_f64(r);
    rt_bin_get_f32s(r, fm->w, V * L);
}

static void model_decode(rt_bin *r, rt_model *m)
{
    r->pos = HEADER_LEN;
    m->version = rt_bin_get_str(r);
    m->algo = rt_bin_get_u8(r);
    m->C = rt_bin_get_f64(r);
    m->alpha = rt_bin_get_f64(r);
    m->cv = rt_bin_get_u32(r);
    m->cv_max = (size_t)rt_bin_get_u64(r);
    m->seed = rt_bin_get_u64(r);
    if (r->rc == RT_OK)
        rt_vocab_read(r, &m->vocab);
    uint32_t nf = rt_bin_get_count(r, 4096);
    if (r->rc == RT_OK && !(m->facets = calloc(nf + 1, sizeof *m->facets)))
        r->rc = RT_ENOMEM;
    /* A facet that fails half way is counted, so rt_model_free frees what it holds. */
    for (; r->rc == RT_OK && m->nfacets < nf; m->nfacets++)
        read_facet(r, &m->facets[m->nfacets], rt_vocab_size(m->vocab));
}

int rt_model_load(const char *path, rt_model **out, rt_err *err)
{
    *out = NULL;
    unsigned char *p;
    size_t len;
    int rc = read_file(path, &p, &len, err);
    if (rc != RT_OK)
        return rc;
    if ((rc = check_envelope(path, p, len, err)) != RT_OK) {
        free(p);
        return rc;
    }
    rt_bin r = { p, len - 8, 0, RT_OK };
    rt_model *m = calloc(1, sizeof *m);
    if (m)
        model_decode(&r, m);
    else
        r.rc = RT_ENOMEM;
    if (r.rc == RT_OK && r.pos != r.len)
        r.rc = RT_EFORMAT;   /* bytes left over before the checksum */
    free(p);
    if (r.rc != RT_OK) {
        rt_model_free(m);
        return r.rc == RT_ENOMEM ? rt_err_set(err, RT_ENOMEM, "%s: out of memory", path)
                                 : rt_err_set(err, RT_EFORMAT, "%s: malformed model file", path);
    }
    *out = m;
    return RT_OK;
}
