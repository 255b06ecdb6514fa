/*
 * tagger.h - the tags revtag assigns to a record: a model's decisions, and
 * for the facet "country" the model's scores combined with the gazetteer.
 * classify, eval, index and explain all tag through this one object, so a
 * record gets the same tags whichever command asks.
 */
#ifndef REVTAG_TAGGER_H
#define REVTAG_TAGGER_H

#include <stddef.h>
#include "revtag/gazetteer.h"
#include "revtag/model.h"
#include "revtag/record.h"
#include "revtag/revtag.h"

/* One assigned tag. LABEL is owned by the model or the static country table. */
typedef struct rt_assigned {
    const char *label;
    double score;           /* calibrated (model) or combined (country) score in [0, 1] */
} rt_assigned;

typedef struct rt_tagger rt_tagger;

/*
 * A tagger for model M (which must outlive it): a batch predictor with
 * THREADS workers (<= 0: all cores) and, when M has a facet named
 * "country", the gazetteer. *out is owned by the caller (rt_tagger_free).
 * Returns RT_OK or RT_ENOMEM.
 */
int rt_tagger_new(const rt_model *m, int threads, rt_tagger **out, rt_err *err);

/* Free; NULL is safe. */
void rt_tagger_free(rt_tagger *t);

/*
 * Predict every facet of the N records RECS (which must stay alive until
 * the next run), as rt_predictor_run with TOP_K. Returns like it.
 */
int rt_tagger_run(rt_tagger *t, const rt_record *const *recs, size_t n, size_t top_k,
                  rt_err *err);

/* Room for the tags of any facet: what OUT of rt_tagger_get must hold. */
size_t rt_tagger_cap(const rt_tagger *t);

/*
 * The tags of record I (< n of the last run) for facet F (model facet
 * order), highest score first, into OUT (room for rt_tagger_cap) and their
 * number into *nout. Country: rt_country_tag on the record and the model's
 * scores (TOP_K does not apply); any other facet: the predictor's decision.
 * Thread-safe for concurrent calls after a run. Returns RT_OK or RT_ENOMEM.
 */
int rt_tagger_get(const rt_tagger *t, size_t i, size_t f, rt_assigned *out, size_t *nout,
                  rt_err *err);

/* The predictor behind T (its raw decisions and scores); owned by T. */
const rt_predictor *rt_tagger_predictor(const rt_tagger *t);

/* T's gazetteer (owned by T), or NULL when the model has no "country" facet. */
const rt_gazetteer *rt_tagger_gazetteer(const rt_tagger *t);

#endif
