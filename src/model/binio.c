/*
 * binio.c - little-endian encoding of the model file's scalars, strings and
 * float arrays: sticky-rc writers into an rt_buf and a bounds-checked reader,
 * so a truncated or corrupted file can never make the loader read past the end.
 */
#include <stdlib.h>
#include <string.h>

#include "rtint.h"

/* ------------------------------------------------------------ writers */

/* Floats are stored little-endian; on such hosts arrays are copied whole. */
static int host_little_endian(void)
{
    const uint16_t one = 1;
    unsigned char c;
    memcpy(&c, &one, 1);
    return c == 1;
}

void rt_bin_u8(int *rc, rt_buf *b, uint8_t v)
{
    rt_buf_append(rc, b, &v, 1);
}

void rt_bin_u32(int *rc, rt_buf *b, uint32_t v)
{
    unsigned char p[4];
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (8 * i));
    rt_buf_append(rc, b, p, 4);
}

void rt_bin_u64(int *rc, rt_buf *b, uint64_t v)
{
    unsigned char p[8];
    for (int i = 0; i < 8; i++)
        p[i] = (unsigned char)(v >> (8 * i));
    rt_buf_append(rc, b, p, 8);
}

void rt_bin_f64(int *rc, rt_buf *b, double v)
{
    uint64_t u;
    memcpy(&u, &v, sizeof u);
    rt_bin_u64(rc, b, u);
}

void rt_bin_f32s(int *rc, rt_buf *b, const float *v, size_t n)
{
    if (host_little_endian() && sizeof(float) == 4) {
        rt_buf_append(rc, b, v, n * sizeof *v);
        return;
    }
    for (size_t i = 0; i < n && *rc == RT_OK; i++) {
        uint32_t u;
        memcpy(&u, &v[i], sizeof u);
        rt_bin_u32(rc, b, u);
    }
}

void rt_bin_str(int *rc, rt_buf *b, const char *s)
{
    size_t len = s ? strlen(s) : 0;
    if (*rc == RT_OK && len > UINT32_MAX)
        *rc = RT_EINVAL;
    rt_bin_u32(rc, b, (uint32_t)len);
    rt_buf_append(rc, b, s ? s : "", len);
}

/* ------------------------------------------------------------- reader */

static const unsigned char *take(rt_bin *r, size_t n)
{
    if (r->rc != RT_OK)
        return NULL;
    if (n > r->len - r->pos) {
        r->rc = RT_EFORMAT;
        return NULL;
    }
    const unsigned char *p = r->p + r->pos;
    r->pos += n;
    return p;
}

uint8_t rt_bin_get_u8(rt_bin *r)
{
    const unsigned char *p = take(r, 1);
    return p ? p[0] : 0;
}

uint32_t rt_bin_get_u32(rt_bin *r)
{
    const unsigned char *p = take(r, 4);
    uint32_t v = 0;
    for (int i = 0; p && i < 4; i++)
        v |= (uint32_t)p[i] << (8 * i);
    return v;
}

uint64_t rt_bin_get_u64(rt_bin *r)
{
    const unsigned char *p = take(r, 8);
    uint64_t v = 0;
    for (int i = 0; p && i < 8; i++)
        v |= (uint64_t)p[i] << (8 * i);
    return v;
}

double rt_bin_get_f64(rt_bin *r)
{
    uint64_t u = rt_bin_get_u64(r);
    double v;
    memcpy(&v, &u, sizeof v);
    return v;
}

void rt_bin_get_f32s(rt_bin *r, float *v, size_t n)
{
    if (r->rc != RT_OK || n > (r->len - r->pos) / 4) {
        r->rc = r->rc != RT_OK ? r->rc : RT_EFORMAT;
        return;
    }
    if (host_little_endian() && sizeof(float) == 4) {
        if (n)
            memcpy(v, r->p + r->pos, n * sizeof *v);
        r->pos += n * sizeof *v;
        return;
    }
    for (size_t i = 0; i < n && r->rc == RT_OK; i++) {
        uint32_t u = rt_bin_get_u32(r);
        memcpy(&v[i], &u, sizeof u);
    }
}

uint32_t rt_bin_get_count(rt_bin *r, uint32_t max)
{
    uint32_t n = rt_bin_get_u32(r);
    if (r->rc == RT_OK && n > max)
        r->rc = RT_EFORMAT;
    return r->rc == RT_OK ? n : 0;
}

char *rt_bin_get_str(rt_bin *r)
{
    uint32_t len = rt_bin_get_u32(r);
    const unsigned char *p = take(r, len);
    if (!p)
        return NULL;
    if (memchr(p, '\0', len)) {
        r->rc = RT_EFORMAT;
        return NULL;
    }
    char *s = rt_strndup((const char *)p, len);
    if (!s)
        r->rc = RT_ENOMEM;
    return s;
}
