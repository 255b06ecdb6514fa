/*
 * strmap.c - the classifier's string interning map (vocabulary, word ->
 * term caches). Open addressing with linear probing; each slot keeps 32 bits
 * of the hash, so most probes never touch the keys. Ids are dense and in
 * insertion order, so whatever is built from them is deterministic.
 */
#include <stdlib.h>
#include <string.h>

#include "rtint.h"

/* ------------------------------------------------------------ helpers */

static int grow_array(void **p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return RT_OK;
    size_t c = *cap ? *cap : 16;
    while (c < need)
        c *= 2;
    void *q = realloc(*p, c * elem);
    if (!q)
        return RT_ENOMEM;
    *p = q;
    *cap = c;
    return RT_OK;
}

/* Rebuild a string map's slots with NEWCAP entries from its per-id hashes. */
static int rehash(rt_strmap *m, size_t newcap)
{
    uint64_t *s = calloc(newcap, sizeof *s);
    if (!s)
        return RT_ENOMEM;
    size_t mask = newcap - 1;
    for (size_t id = 0; id < m->n; id++) {
        size_t i = (size_t)m->hash[id] & mask;
        while (s[i])
            i = (i + 1) & mask;
        s[i] = (m->hash[id] >> 32 << 32) | (uint64_t)(id + 1);
    }
    free(m->slots);
    m->slots = s;
    m->cap = newcap;
    return RT_OK;
}

/* ------------------------------------------------------------- strmap */

void rt_strmap_init(rt_strmap *m)
{
    memset(m, 0, sizeof *m);
}

void rt_strmap_free(rt_strmap *m)
{
    if (!m)
        return;
    free(m->slots);
    free(m->hash);
    free(m->off);
    free(m->len);
    free(m->arena);
    rt_strmap_init(m);
}

static uint32_t strmap_find(const rt_strmap *m, const char *k, size_t len, uint64_t h, size_t *slot)
{
    size_t mask = m->cap - 1, i = (size_t)h & mask;
    uint64_t fp = h >> 32;
    for (; m->slots[i]; i = (i + 1) & mask) {
        if (m->slots[i] >> 32 != fp)
            continue;   /* most misses end here, without touching the keys */
        uint32_t id = (uint32_t)(m->slots[i] & 0xFFFFFFFFu) - 1;
        if (m->len[id] == len && memcmp(m->arena + m->off[id], k, len) == 0)
            return id;
    }
    *slot = i;
    return RT_NOID;
}

uint32_t rt_strmap_get(const rt_strmap *m, const char *k, size_t len)
{
    if (!m->cap)
        return RT_NOID;
    size_t slot;
    return strmap_find(m, k, len, rt_hash64(k, len), &slot);
}

/* Room for one more id and LEN key bytes; keeps the load factor <= 1/2. */
static int strmap_reserve(rt_strmap *m, size_t len)
{
    size_t n = m->n + 1, cap = m->ncap;
    if (grow_array((void **)&m->hash, &cap, n, sizeof *m->hash) != RT_OK)
        return RT_ENOMEM;
    cap = m->ncap;
    if (grow_array((void **)&m->off, &cap, n, sizeof *m->off) != RT_OK)
        return RT_ENOMEM;
    cap = m->ncap;
    if (grow_array((void **)&m->len, &cap, n, sizeof *m->len) != RT_OK)
        return RT_ENOMEM;
    m->ncap = cap;
    if (grow_array((void **)&m->arena, &m->acap, m->alen + len + 1, 1) != RT_OK)
        return RT_ENOMEM;
    if (2 * n > m->cap)
        return rehash(m, m->cap ? 2 * m->cap : 64);
    return RT_OK;
}

int rt_strmap_add(rt_strmap *m, const char *k, size_t len, uint32_t *id)
{
    uint64_t h = rt_hash64(k, len);
    size_t slot = 0;
    if (m->cap && (*id = strmap_find(m, k, len, h, &slot)) != RT_NOID)
        return RT_OK;
    if (len > UINT32_MAX || m->n >= RT_NOID - 1 || strmap_reserve(m, len) != RT_OK)
        return RT_ENOMEM;
    strmap_find(m, k, len, h, &slot);   /* the slot may have moved in a rehash */
    uint32_t nid = (uint32_t)m->n++;
    m->hash[nid] = h;
    m->off[nid] = m->alen;
    m->len[nid] = (uint32_t)len;
    if (len)
        memcpy(m->arena + m->alen, k, len);
    m->arena[m->alen + len] = '\0';
    m->alen += len + 1;
    m->slots[slot] = (h >> 32 << 32) | (uint64_t)(nid + 1);
    *id = nid;
    return RT_OK;
}

const char *rt_strmap_key(const rt_strmap *m, uint32_t id, size_t *len)
{
    if (len)
        *len = m->len[id];
    return m->arena + m->off[id];
}
