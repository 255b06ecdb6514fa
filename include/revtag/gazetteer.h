/*
 * gazetteer.h - countries (ISO 3166-1 codes, names, centroids) and the
 * gazetteer that finds country names, variants, demonyms, sub-national places
 * and national institutions in text, plus the rule that turns those matches
 * (and a classifier's scores) into a record's country labels.
 */
#ifndef REVTAG_GAZETTEER_H
#define REVTAG_GAZETTEER_H

#include <stddef.h>
#include "revtag/record.h"
#include "revtag/revtag.h"

/* ---------------------------------------------------------------- countries */

/*
 * One ISO 3166-1 country: static, read-only data compiled into the library
 * (from Debian's iso-codes at build time), valid for the life of the program.
 * lat/lon is a representative point inside the country (a map marker), in
 * decimal degrees, WGS 84.
 */
typedef struct rt_country {
    const char *alpha2;   /* "GB" */
    const char *alpha3;   /* "GBR" */
    const char *name;     /* English short name, e.g. "United Kingdom", "Bolivia" */
    double lat, lon;      /* -90..90, -180..180 */
} rt_country;

/* Country with alpha-2 code ALPHA2 (case-insensitive), or NULL if unknown or NULL. Static; any thread. */
const rt_country *rt_country_get(const char *alpha2);

/* Country with alpha-3 code ALPHA3 (case-insensitive), or NULL. Static; any thread. */
const rt_country *rt_country_get3(const char *alpha3);

/* Number of countries in the table (every ISO 3166-1 entry). */
size_t rt_country_count(void);

/* The I-th country in alpha-2 order, or NULL when I >= rt_country_count(). Static. */
const rt_country *rt_country_at(size_t i);

/* ---------------------------------------------------------------- gazetteer */

typedef struct rt_gazetteer rt_gazetteer;

/* What a gazetteer entry is; the combination weighs kinds differently. */
enum rt_place_kind {
    RT_PLACE_COUNTRY = 0,   /* an ISO name of the country, in English or fr/es/pt/de/nl/it */
    RT_PLACE_ALIAS,         /* a common variant: UK, USA, Holland, Ivory Coast, DRC */
    RT_PLACE_DEMONYM,       /* Kenyan, British, Colombian */
    RT_PLACE_PLACE,         /* a sub-national place: state, region, county, council, city */
    RT_PLACE_INSTITUTION,   /* a national institution: Ministry of Justice, DWP, NHS England */
    RT_PLACE_NKINDS
};

/* Where a match occurs in a record; the combination weighs fields differently. */
enum rt_geo_field { RT_GEO_TITLE = 0, RT_GEO_ABSTRACT, RT_GEO_TEXT, RT_GEO_NFIELDS };

/* The texts to match: up to three fields (NULL = absent) in one language. */
typedef struct rt_geo_doc {
    const char *text[RT_GEO_NFIELDS];   /* UTF-8, not necessarily NUL-terminated */
    size_t len[RT_GEO_NFIELDS];
    const char *lang;                   /* ISO 639-1, NULL = "en" (kept for the caller; matching is language-independent) */
} rt_geo_doc;

/*
 * One match, passed to a callback; the struct may be copied, and its strings
 * live as long as the gazetteer that produced it.
 */
typedef struct rt_place_match {
    int field;             /* enum rt_geo_field */
    size_t start, end;     /* byte range of the matched words in that field's text */
    const char *country;   /* ISO alpha-2 */
    const char *name;      /* the gazetteer entry as written in its data file, e.g. "Greater Manchester" */
    int kind;              /* enum rt_place_kind */
    const char *rule;      /* how the country was chosen: "name", "name:fr", "variant", "demonym",
                              "place", "institution", "context:XX" (ambiguous name, XX found
                              elsewhere in the record) or "default" (ambiguous, no context) */
} rt_place_match;

/* Receives each match in field order, then text order; non-zero stops the run (returned by match). */
typedef int (*rt_place_fn)(void *ctx, const rt_place_match *m);

/*
 * Build the gazetteer from the data compiled into the library (a few
 * thousand names, built in milliseconds). Once built it is read-only and
 * may be shared by any number of threads. *out is owned by the caller
 * (rt_gazetteer_free). Returns RT_OK or RT_ENOMEM (RT_EFORMAT if the
 * compiled data is inconsistent, which the build prevents).
 */
int rt_gazetteer_new(rt_gazetteer **out, rt_err *err);

/* Free; NULL is safe. */
void rt_gazetteer_free(rt_gazetteer *g);

/* Number of names (entries) the gazetteer matches. */
size_t rt_gazetteer_size(const rt_gazetteer *g);

/*
 * Find places in DOC, calling FN(CTX, match) for each: words are the
 * tokenizer's case-folded tokens, further folded for matching (accents
 * removed, a possessive 's and an elided l'/d' prefix dropped); the longest
 * name wins; capitalised names need capitals in the text ("Turkey" not
 * "turkey"), acronyms exact case ("US" not "us"); ambiguous names are
 * resolved from the other matches of the same DOC (see README "Countries and
 * places"). Thread-safe on a shared G (scratch memory is per call). Returns
 * RT_OK, RT_ENOMEM, or FN's non-zero value.
 */
int rt_gazetteer_match(const rt_gazetteer *g, const rt_geo_doc *doc, rt_place_fn fn, void *ctx,
                       rt_err *err);

/* rt_gazetteer_match on REC's title, abstract and text. Same contract. */
int rt_gazetteer_match_record(const rt_gazetteer *g, const rt_record *rec, rt_place_fn fn,
                              void *ctx, rt_err *err);

/* ---------------------------------------------------------------- combination */

/* Weights and thresholds of the country facet: a plain value. */
typedef struct rt_country_opts {
    double field_weight[RT_GEO_NFIELDS];   /* title 3, abstract 1.5, text 1 */
    double kind_weight[RT_PLACE_NKINDS];   /* country 1, alias 1, demonym 0.5, place 1, institution 0.8 */
    double rel_cut;        /* drop a country whose evidence is below rel_cut x the strongest (0.4) */
    double threshold;      /* assign a country whose combined score reaches this (0.5) */
    double model_weight;   /* how much a model score counts next to the gazetteer (1) */
    double model_only;     /* a country the gazetteer never saw needs a model score this high (2:
                              never, the gazetteer decides when the record names a place),
                              or, when the record names no place at all, the model's own
                              decision with a score of at least model_floor (0.3) */
    double model_floor;    /* see model_only: guards against very low per-label thresholds */
    double model_top;      /* no place and no model decision: the model's best country when
                              its score reaches this (0.3); > 1 turns it off */
    double local_top;      /* the same for a record whose wording is not cross-national (no
                              "countries", "international", "global", "review"...): such a
                              record is a project somewhere, so its best country needs only
                              this score (0.06); used by rt_country_tag, which reads the text */
} rt_country_opts;

/* The documented defaults above. */
rt_country_opts rt_country_defaults(void);

/* One assigned country. alpha2 points into the static country table. */
typedef struct rt_country_score {
    const char *alpha2;
    double score;          /* combined score in [0, 1] */
    double evidence;       /* weighted gazetteer evidence (0 when only the model saw it) */
} rt_country_score;

/*
 * Combine the gazetteer matches M[0..NM) of one record with a classifier's
 * per-label scores for the country facet (LABELS/SCORES[0..NLABELS), alpha-2
 * labels; NLABELS 0 when there is no model; MODEL_ASSIGNED[0..NLABELS) says
 * whether the model itself would assign each label, NULL = score >= 0.5).
 * Writes the assigned countries, highest score first, to OUT (room for CAP;
 * rt_country_count() always suffices) and their number to *NOUT. No
 * allocation; any thread. Returns RT_OK or RT_EINVAL (NULL arguments).
 */
int rt_country_combine(const rt_country_opts *o, const rt_place_match *m, size_t nm,
                       const char *const *labels, const double *scores,
                       const int *model_assigned, size_t nlabels, rt_country_score *out,
                       size_t cap, size_t *nout, rt_err *err);

/*
 * The country facet of one record in one call: rt_gazetteer_match_record on
 * REC, then rt_country_combine with options O (NULL = defaults) and the
 * model's scores: LABELS/SCORES[0..NLABELS) for every label of the model's
 * country facet, DECIDED[0..NDECIDED) the indices of the labels the model
 * itself assigns (NLABELS 0: gazetteer only). When REC names no place and
 * none of its words is cross-national, local_top stands in for model_top.
 * Output as rt_country_combine.
 * Thread-safe on a shared G. Returns RT_OK or RT_ENOMEM.
 */
int rt_country_tag(const rt_gazetteer *g, const rt_record *rec, const rt_country_opts *o,
                   const char *const *labels, const double *scores, size_t nlabels,
                   const unsigned *decided, size_t ndecided, rt_country_score *out, size_t cap,
                   size_t *nout, rt_err *err);

#endif
