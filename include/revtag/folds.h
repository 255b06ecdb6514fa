/*
 * folds.h - stratified K-fold assignment for cross-validation and learning
 * curves, multi-label aware: iterative stratification (Sechidis, Tsoumakas
 * and Vlahavas 2011), seeded, so the same input and seed give the same folds.
 */
#ifndef REVTAG_FOLDS_H
#define REVTAG_FOLDS_H

#include <stddef.h>
#include <stdint.h>
#include "revtag/record.h"
#include "revtag/revtag.h"

#define RT_FOLDS_MAX 64   /* most folds rt_folds_assign makes */

/* One record's labels as ids in 0 .. nlabels-1 (any order; repeats ignored). Borrowed. */
typedef struct rt_fold_item {
    const uint32_t *labels;
    size_t n;
} rt_fold_item;

/*
 * Assign each of the N ITEMS to one of K folds: FOLD[i] in 0 .. K-1
 * (caller-allocated, N entries). Each label's records are spread over the
 * folds as evenly as possible, rarest label first; ties go to the fold
 * lacking the most records, then to a fold drawn from SEED. Records without
 * labels fill the smallest folds. No fold is left empty. The result depends
 * only on the items (in order), K and SEED. Returns RT_OK, RT_EINVAL (K < 2,
 * K > RT_FOLDS_MAX, K > N, or a label id >= NLABELS) or RT_ENOMEM, with err set.
 */
int rt_folds_assign(const rt_fold_item *items, size_t n, size_t nlabels, unsigned k,
                    uint64_t seed, unsigned *fold, rt_err *err);

/*
 * The same for records, stratified on the (facet, label) pairs of the
 * NFACETS FACETS jointly; a record not coded for any of them counts as
 * unlabelled. Returns like rt_folds_assign.
 */
int rt_folds_assign_records(const rt_record *const *recs, size_t n, const char *const *facets,
                            size_t nfacets, unsigned k, uint64_t seed, unsigned *fold,
                            rt_err *err);

#endif
