/*
 * record.h - the one record every reader produces and every stage consumes:
 * id, title, abstract, text, year, type, lang, labels per facet, and the
 * input's unknown fields kept verbatim so they pass through to the output.
 */
#ifndef REVTAG_RECORD_H
#define REVTAG_RECORD_H

#include <stddef.h>
#include "revtag/revtag.h"

/* Labels of one facet. Owns facet, every label string and the label array. */
typedef struct rt_facet_labels {
    char *facet;        /* facet name, e.g. "policy_area" */
    char **labels;      /* nlabels label strings */
    size_t nlabels;
} rt_facet_labels;

/*
 * A record. Every pointer is owned by the record and freed by rt_record_clear;
 * strings are NUL-terminated UTF-8 or NULL when absent.
 */
typedef struct rt_record {
    char *id;               /* required, unique within a file */
    char *title;
    char *abstract;
    char *text;
    int year;               /* 0 when unknown */
    char *type;             /* publication type, e.g. "evaluation report" */
    char *lang;             /* ISO 639-1 as given in the input; NULL = "en" */
    rt_facet_labels *facets;/* manual labels, one entry per facet */
    size_t nfacets;
    char *extra;            /* unknown input fields as a compact JSON object text, or NULL */
    char *source;           /* input file name, for error messages */
    long line;              /* 1-based line of the record in its input, 0 unknown */
} rt_record;

/* Zero a record before first use (a zeroed struct is an empty record). */
void rt_record_init(rt_record *rec);

/* Free everything the record owns and zero it. Safe on a zeroed record and NULL. */
void rt_record_clear(rt_record *rec);

/*
 * Labels of FACET in REC, or NULL when the record has none for it (not coded
 * for that facet). The pointer lives as long as the record.
 */
const rt_facet_labels *rt_record_get_facet(const rt_record *rec, const char *facet);

/*
 * Add LABEL to FACET (creating the facet entry); duplicates are ignored.
 * Strings are copied. Returns RT_OK or RT_ENOMEM.
 */
int rt_record_add_label(rt_record *rec, const char *facet, const char *label);

/*
 * Mark FACET as coded with no labels (e.g. a global study: country []).
 * Returns RT_OK or RT_ENOMEM.
 */
int rt_record_add_facet(rt_record *rec, const char *facet);

/* Record language as a lower-case ISO 639-1 code: rec->lang, or "en" when NULL/empty. */
const char *rt_record_lang(const rt_record *rec);

#endif
