/*
 * geo_int.h - the tables the build generates for the geo module (country
 * list from iso-codes, centroids and names from data/gazetteer/ TSV files) and
 * the few definitions the module's files share. Private to src/geo/.
 */
#ifndef REVTAG_GEO_INT_H
#define REVTAG_GEO_INT_H

#include <stddef.h>
#include "revtag/gazetteer.h"

/* Entry flags, from the flags column of the data files. */
enum {
    RT_GEO_F_COMMON = 1u << 0,   /* 'c': lower-cased it is an ordinary word (turkey, chad, us) */
    RT_GEO_F_PERSON = 1u << 1,   /* 'p': also a personal name (Jordan, Victoria, Chad) */
    RT_GEO_F_NOSTART = 1u << 2   /* 's': ignored at the start of a sentence (Reading, Bath) */
};

/* Where an entry comes from; earlier sources win when two give one name different targets. */
enum {
    RT_GEO_SRC_MANUAL = 0,       /* data/gazetteer/ TSV files */
    RT_GEO_SRC_ISO,              /* iso-codes, English */
    RT_GEO_SRC_ISO_LANG          /* + i: iso-codes translation (fr, es, pt, de, nl, it) */
};

/*
 * One name. TARGET is '|'-separated alternatives, each "CC" (unconditional)
 * or "CC@XX" (only when country XX has unambiguous evidence in the same
 * record), tried in order; "-" blocks the name (it matches, to stop a
 * shorter name inside it, but yields nothing).
 */
typedef struct rt_geo_entry {
    const char *name;        /* UTF-8 as written in the source */
    const char *target;      /* e.g. "GB", "US@US|GE", "AU@AU|CA@CA", "-" */
    unsigned char kind;      /* enum rt_place_kind */
    unsigned char source;    /* RT_GEO_SRC_* */
    unsigned char flags;     /* RT_GEO_F_* */
} rt_geo_entry;

extern const rt_country rt_geo_countries[];     /* sorted by alpha2 */
extern const size_t rt_geo_ncountries;
extern const rt_geo_entry rt_geo_entries[];
extern const size_t rt_geo_nentries;
extern const char *const rt_geo_name_rules[];   /* rule of source RT_GEO_SRC_ISO + i: "name", "name:fr", ... */
extern const size_t rt_geo_nlangs;

#endif
