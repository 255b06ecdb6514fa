/*
 * store.h - the SQLite store: records with their unknown fields, their labels
 * (manual or predicted, with score and model), the FTS5 index and the label
 * postings that facet counting reads. Writers work in one transaction per run.
 */
#ifndef REVTAG_STORE_H
#define REVTAG_STORE_H

#include <stddef.h>
#include "revtag/record.h"
#include "revtag/revtag.h"

typedef struct rt_store rt_store;

/* Where a label came from; also a filter (RT_SOURCE_ALL = either). */
enum rt_label_source {
    RT_SOURCE_MANUAL = 1,      /* coded by hand: the record's "labels" */
    RT_SOURCE_PREDICTED = 2,   /* assigned by a classifier, with a score */
    RT_SOURCE_ALL = 3
};

/* Open flags. */
enum {
    RT_STORE_READ = 0,         /* read only; the database must exist */
    RT_STORE_WRITE = 1         /* read and write; created when missing */
};

/*
 * A predicted label to store with a record: a plain value, strings borrowed.
 * An entry with LABEL NULL stores nothing (a facet predicted with no label).
 */
typedef struct rt_store_label {
    const char *facet;
    const char *label;
    double score;              /* classifier score, 0..1 */
    const char *model;         /* model that assigned it, or NULL */
} rt_store_label;

/* Source name ("manual", "predicted", "all") to enum rt_label_source; -1 when unknown. */
int rt_label_source_from_name(const char *name);

/*
 * Open (or with RT_STORE_WRITE create) the store at PATH and register the
 * revtag FTS5 tokenizer on it. *out owns the connection; one rt_store per
 * thread. Returns RT_OK, RT_EIO (cannot open), RT_EFORMAT (not a revtag
 * database or a newer schema), RT_EDB or RT_ENOMEM, with err.
 */
int rt_store_open(const char *path, int flags, rt_store **out, rt_err *err);

/* Close and free; an open transaction is rolled back. NULL is safe. */
void rt_store_free(rt_store *s);

/*
 * Start the write transaction of a run. Until rt_store_commit nothing is
 * visible to other connections, and a crash or kill leaves the database as
 * it was. Returns RT_OK, RT_EINVAL (read-only or already started) or RT_EDB.
 */
int rt_store_begin(rt_store *s, rt_err *err);

/*
 * Rebuild the facet postings of the labels the run touched and commit.
 * Returns RT_OK, RT_EDB or RT_ENOMEM; on failure the run is rolled back.
 */
int rt_store_commit(rt_store *s, rt_err *err);

/* Roll back the current transaction, if any. */
void rt_store_rollback(rt_store *s);

/*
 * Store REC, replacing any record with the same id (its labels included).
 * Manual labels are REC's facets (a facet with no labels is kept as coded
 * and empty). Predicted labels are the "predicted" member of REC's unknown
 * fields ({FACET: [{"label": L, "score": S[, "model": M]}, ...]}, removed
 * from the stored fields), or, when PRED is not NULL, the NPRED labels PRED
 * instead (replacing the input's "predicted" as `revtag classify` does).
 * Outside rt_store_begin/commit the put
 * is its own transaction. Returns RT_OK, RT_EFORMAT (no id, unknown
 * language, or a bad "predicted" member; err = "FILE:LINE: ...", found
 * before anything is written, so the run can go on without the record),
 * RT_EDB or RT_ENOMEM (after which the run can only be rolled back).
 */
int rt_store_put(rt_store *s, const rt_record *rec, const rt_store_label *pred, size_t npred,
                 rt_err *err);

/* Number of records stored (as of the current transaction). Returns RT_OK or RT_EDB. */
int rt_store_count(rt_store *s, size_t *n, rt_err *err);

/*
 * Record ID as one compact JSON object: the record in revtag's JSON Lines
 * form (id, title, abstract, text, year, type, lang, "labels" = manual
 * labels, the unknown fields) followed by "predicted": {FACET: [{"label",
 * "score", "model"}, ...]} in descending score. *out is malloc'd, owned by
 * the caller, and NULL (RT_OK) when there is no such record. Returns RT_OK,
 * RT_EDB or RT_ENOMEM.
 */
int rt_store_get_json(rt_store *s, const char *id, char **out, size_t *len, rt_err *err);

#endif
