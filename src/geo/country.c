/*
 * country.c - lookups in the ISO 3166-1 country table the build generates
 * from iso-codes (codes, English names) and data/gazetteer/centroids.tsv.
 */
#include <stdlib.h>
#include <string.h>

#include "geo/geo_int.h"

/* Upper-case ASCII copy of a 2- or 3-letter code into BUF; 0 when S is not one. */
static int code_key(const char *s, size_t want, char *buf)
{
    if (!s || strlen(s) != want)
        return 0;
    for (size_t i = 0; i < want; i++) {
        char ch = s[i];
        if (ch >= 'a' && ch <= 'z')
            ch = (char)(ch - 'a' + 'A');
        if (ch < 'A' || ch > 'Z')
            return 0;
        buf[i] = ch;
    }
    buf[want] = '\0';
    return 1;
}

static int cmp_alpha2(const void *key, const void *elem)
{
    return strcmp(key, ((const rt_country *)elem)->alpha2);
}

const rt_country *rt_country_get(const char *alpha2)
{
    char k[3];
    if (!code_key(alpha2, 2, k))
        return NULL;
    return bsearch(k, rt_geo_countries, rt_geo_ncountries, sizeof rt_geo_countries[0], cmp_alpha2);
}

const rt_country *rt_country_get3(const char *alpha3)
{
    char k[4];
    if (!code_key(alpha3, 3, k))
        return NULL;
    for (size_t i = 0; i < rt_geo_ncountries; i++)
        if (strcmp(rt_geo_countries[i].alpha3, k) == 0)
            return &rt_geo_countries[i];
    return NULL;
}

size_t rt_country_count(void)
{
    return rt_geo_ncountries;
}

const rt_country *rt_country_at(size_t i)
{
    return i < rt_geo_ncountries ? &rt_geo_countries[i] : NULL;
}
