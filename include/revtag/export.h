/*
 * export.h - the records a search selects, with their tags, in the formats
 * other tools read: GeoJSON for web maps, CSV (long or wide) for
 * spreadsheets, JSON for programs, RIS for reference managers and screening
 * tools. Counts in every export equal the search's facet counts.
 */
#ifndef REVTAG_EXPORT_H
#define REVTAG_EXPORT_H

#include <stddef.h>
#include <stdio.h>
#include "revtag/revtag.h"
#include "revtag/search.h"
#include "revtag/store.h"

typedef enum rt_export_format {
    RT_EXPORT_GEOJSON = 1,  /* RFC 7946 FeatureCollection: a Point per country (or per
                               record-country pair) at the country's centroid */
    RT_EXPORT_CSV,          /* RFC 4180: record_id,facet,label,source,score (or wide) */
    RT_EXPORT_JSON,         /* a JSON array of records with "labels" and "predicted" */
    RT_EXPORT_JSONL,        /* the same records, one per line: re-indexable */
    RT_EXPORT_RIS           /* RIS with KW "facet:label" lines and a tag summary in N1 */
} rt_export_format;

/* Export options: a plain value; zero-initialise, then set format. */
typedef struct rt_export_opts {
    int format;             /* enum rt_export_format */
    int per_record;         /* GeoJSON: one feature per record-country pair */
    int wide;               /* CSV: one row per record, one column per facet */
    const char *country_facet; /* facet holding ISO 3166-1 alpha-2 codes; NULL = "country" */
} rt_export_opts;

/* Format named S ("geojson", "csv", "json", "jsonl", "ris"), or -1 when unknown. */
int rt_export_format_from_name(const char *s);

/* Name of FORMAT, or NULL when invalid. Static. */
const char *rt_export_format_name(int format);

/* MIME type of FORMAT (e.g. "application/geo+json"), or NULL when invalid. Static. */
const char *rt_export_content_type(int format);

/*
 * Write the records of S matching SEARCH (query, facet filters, sources and
 * min score; limit and offset are ignored: every match is exported), in
 * record-id order, with the labels that pass the source and score filters,
 * to FP. Reads one snapshot of the store. A record counts for a label once
 * whatever its source, as in rt_search. Returns RT_OK, RT_EINVAL (bad query
 * or options), RT_EIO (write error), RT_EDB or RT_ENOMEM, with err.
 */
int rt_export_write(rt_store *s, const rt_search_opts *search, const rt_export_opts *o,
                    FILE *fp, rt_err *err);

/*
 * rt_export_write into memory: *out (malloc'd, NUL-terminated, *len bytes)
 * is owned by the caller; NULL on failure. For the web explorer's
 * /api/export. Same returns.
 */
int rt_export_string(rt_store *s, const rt_search_opts *search, const rt_export_opts *o,
                     char **out, size_t *len, rt_err *err);

/*
 * rt_export_write to PATH atomically: PATH is replaced only by a complete
 * export (temporary file, fsync, rename) and left as it was on failure.
 */
int rt_export_save(rt_store *s, const rt_search_opts *search, const rt_export_opts *o,
                   const char *path, rt_err *err);

#endif
