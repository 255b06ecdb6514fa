/*
 * model.c - the classifier's public face: training one model per facet
 * from records (features, label sets, then train.c per facet), accessors,
 * the per-facet prediction step (score, then decide), and the batch
 * predictor that classifies records in parallel with per-thread featurizers.
 */
#include <math.h>
#include <omp.h>
#include <stdlib.h>
#include <string.h>

#include "revtag/model.h"
#include "rtint.h"

static const char *const ALGO_NAMES[] = { NULL, "mnb", "cnb", "svm", "nbsvm", "auto" };

const char *rt_algo_name(int algo)
{
    return algo >= RT_ALGO_MNB && algo <= RT_ALGO_AUTO ? ALGO_NAMES[algo] : NULL;
}

int rt_algo_from_name(const char *s)
{
    for (int a = RT_ALGO_MNB; s && a <= RT_ALGO_AUTO; a++)
        if (strcmp(s, ALGO_NAMES[a]) == 0)
            return a;
    return -1;
}

rt_train_opts rt_train_defaults(void)
{
    rt_train_opts o;
    memset(&o, 0, sizeof o);
    o.features = rt_feature_defaults();
    o.algo = RT_ALGO_NBSVM;
    o.C = 1.0;
    o.alpha = 0.1;
    o.cv = 5;
    o.cv_max = 3000;
    o.seed = 1;
    return o;
}

void rt_model_free(rt_model *m)
{
    if (!m)
        return;
    for (size_t f = 0; f < m->nfacets; f++)
        rt_fmodel_clear(&m->facets[f]);
    free(m->facets);
    rt_vocab_free(m->vocab);
    free(m->version);
    free(m);
}

/* ------------------------------------------------------------ accessors */

void rt_model_get_info(const rt_model *m, rt_model_info *out)
{
    memset(out, 0, sizeof *out);
    out->version = m->version;
    out->params.features = *rt_vocab_opts(m->vocab);
    out->params.algo = m->algo;
    out->params.C = m->C;
    out->params.alpha = m->alpha;
    out->params.cv = m->cv;
    out->params.cv_max = m->cv_max;
    out->params.seed = m->seed;
    out->nterms = rt_vocab_size(m->vocab);
    out->nunigrams = rt_vocab_nunigrams(m->vocab);
    out->ndocs = rt_vocab_ndocs(m->vocab);
    out->nfacets = m->nfacets;
}

void rt_model_get_facet(const rt_model *m, size_t f, rt_facet_info *out)
{
    const rt_fmodel *fm = &m->facets[f];
    out->name = fm->name;
    out->multi_label = fm->multi;
    out->algo = fm->algo;
    out->ntrain = fm->ntrain;
    out->nlabels = fm->nlabels;
    out->labels = (const char *const *)fm->labels;
    out->support = fm->support;
    out->threshold = fm->multi ? fm->threshold : NULL;
    out->cv_metric = fm->cv_metric;
    out->loo = fm->loo;
}

long rt_model_find_facet(const rt_model *m, const char *name)
{
    for (size_t f = 0; f < m->nfacets; f++)
        if (strcmp(m->facets[f].name, name) == 0)
            return (long)f;
    return -1;
}

const rt_vocab *rt_model_vocab(const rt_model *m)
{
    return m->vocab;
}

/* ------------------------------------------------------------ prediction */

void rt_model_score(const rt_model *m, size_t f, const rt_fvec *x, double *scores)
{
    const rt_fmodel *fm = &m->facets[f];
    size_t L = fm->nlabels;
    const float *idf = rt_vocab_idf(m->vocab);
    int tfidf = fm->algo != RT_ALGO_MNB;
    double norm = 0;
    for (size_t k = 0; tfidf && k < x->n; k++) {
        double v = (1.0 + log(x->val[k])) * idf[x->idx[k]];
        norm += v * v;
    }
    norm = norm > 0 ? 1.0 / sqrt(norm) : 0;
    for (size_t l = 0; l < L; l++)
        scores[l] = fm->bias[l];
    for (size_t k = 0; k < x->n; k++) {
        double v = tfidf ? (1.0 + log(x->val[k])) * idf[x->idx[k]] * norm : (double)x->val[k];
        const float *w = fm->w + (size_t)x->idx[k] * L;
        for (size_t l = 0; l < L; l++)
            scores[l] += v * w[l];
    }
    if (!fm->multi)
        rt_softmax_apply(scores, L, fm->temp, scores);
    for (size_t l = 0; fm->multi && l < L; l++)
        scores[l] = rt_platt_apply(scores[l], fm->pa[l], fm->pb[l]);
}

static int cmp_score(const void *a, const void *b)
{
    const rt_label_score *x = a, *y = b;
    if (x->score != y->score)
        return x->score < y->score ? 1 : -1;
    return (x->label > y->label) - (x->label < y->label);
}

size_t rt_model_decide(const rt_model *m, size_t f, const double *scores, size_t top_k,
                       rt_label_score *out)
{
    const rt_fmodel *fm = &m->facets[f];
    size_t n = 0;
    for (uint32_t l = 0; l < fm->nlabels; l++)
        if (top_k || !fm->multi || scores[l] >= fm->threshold[l]) {
            out[n].label = l;
            out[n++].score = scores[l];
        }
    qsort(out, n, sizeof *out, cmp_score);
    size_t keep = top_k ? top_k : (fm->multi ? n : 1);
    return n < keep ? n : keep;
}

/* ------------------------------------------------------------ training */

/* Records coded for at least one requested facet. */
static int used_records(const rt_record *const *recs, size_t n, const rt_train_opts *o,
                        const rt_record ***out, size_t *nout)
{
    const rt_record **u = malloc((n + 1) * sizeof *u);
    if (!u)
        return RT_ENOMEM;
    *nout = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t f = 0; f < o->nfacets; f++)
            if (rt_record_get_facet(recs[i], o->facets[f])) {
                u[(*nout)++] = recs[i];
                break;
            }
    *out = u;
    return RT_OK;
}

static int check_opts(const rt_train_opts *o, rt_err *err)
{
    if (o->nfacets == 0)
        return rt_err_set(err, RT_EINVAL, "train: no facet to train");
    if (!rt_algo_name(o->algo))
        return rt_err_set(err, RT_EINVAL, "train: unknown algorithm %d", o->algo);
    if (!(o->C > 0) || !(o->alpha > 0) || o->cv < 2)
        return rt_err_set(err, RT_EINVAL, "train: C and alpha must be positive and cv >= 2");
    for (size_t f = 0; f < o->nfacets; f++)
        for (size_t g = 0; g < f; g++)
            if (strcmp(o->facets[f], o->facets[g]) == 0)
                return rt_err_set(err, RT_EINVAL, "train: facet '%s' given twice", o->facets[f]);
    return RT_OK;
}

static int cmp_label(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The facet's label names, sorted, into fm->labels (from an interning map). */
static int facet_labels(const rt_strmap *names, rt_fmodel *fm, uint32_t *remap)
{
    size_t L = names->n;
    fm->labels = calloc(L + 1, sizeof *fm->labels);
    fm->support = calloc(L + 1, sizeof *fm->support);
    if (!fm->labels || !fm->support)
        return RT_ENOMEM;
    fm->nlabels = (uint32_t)L;   /* before filling: rt_fmodel_clear frees what was copied */
    for (uint32_t l = 0; l < L; l++)
        if (!(fm->labels[l] = rt_strdup(rt_strmap_key(names, l, NULL))))
            return RT_ENOMEM;
    qsort(fm->labels, L, sizeof *fm->labels, cmp_label);
    for (uint32_t l = 0; l < L; l++)
        remap[rt_strmap_get(names, fm->labels[l], strlen(fm->labels[l]))] = l;
    return RT_OK;
}

/* Label indicators (and single-label labels) of the facet's rows. */
static int facet_matrix(const rt_record **u, rt_facet_data *fd, rt_fmodel *fm,
                        const uint32_t *remap, const rt_strmap *names)
{
    size_t L = fm->nlabels;
    fd->nlabels = L;
    fd->Y = calloc(fd->nrows * L + 1, 1);
    fd->y1 = calloc(fd->nrows + 1, sizeof *fd->y1);
    if (!fd->Y || !fd->y1)
        return RT_ENOMEM;
    for (size_t i = 0; i < fd->nrows; i++) {
        const rt_facet_labels *fl = rt_record_get_facet(u[fd->rows[i]], fm->name);
        for (size_t k = 0; k < fl->nlabels; k++) {
            uint32_t l = remap[rt_strmap_get(names, fl->labels[k], strlen(fl->labels[k]))];
            fd->Y[i * L + l] = 1;
            fd->y1[i] = l;
            fm->support[l]++;
        }
    }
    return RT_OK;
}

/* Rows, labels and single/multi decision of facet NAME. */
static int facet_data(const rt_record **u, size_t nu, const char *name, rt_facet_data *fd,
                      rt_fmodel *fm, rt_err *err)
{
    rt_strmap names;
    rt_strmap_init(&names);
    uint32_t id, *remap = NULL;
    fd->rows = malloc((nu + 1) * sizeof *fd->rows);
    int rc = fd->rows && (fm->name = rt_strdup(name)) ? RT_OK : RT_ENOMEM;
    fd->multi = 0;
    for (size_t i = 0; rc == RT_OK && i < nu; i++) {
        const rt_facet_labels *fl = rt_record_get_facet(u[i], name);
        if (!fl)
            continue;
        fd->rows[fd->nrows++] = (uint32_t)i;
        fd->multi |= fl->nlabels != 1;
        for (size_t k = 0; rc == RT_OK && k < fl->nlabels; k++)
            rc = rt_strmap_add(&names, fl->labels[k], strlen(fl->labels[k]), &id);
    }
    fm->ntrain = (uint32_t)fd->nrows;
    if (rc == RT_OK && names.n == 0)
        rc = rt_err_set(err, RT_EINVAL, "train: facet '%s': no training record has a label for it",
                        name);
    else if (rc == RT_OK && !(remap = malloc(names.n * sizeof *remap)))
        rc = RT_ENOMEM;
    if (rc == RT_OK && (rc = facet_labels(&names, fm, remap)) == RT_OK)
        rc = facet_matrix(u, fd, fm, remap, &names);
    if (rc == RT_ENOMEM)
        rt_err_set(err, rc, "train: out of memory");
    free(remap);
    rt_strmap_free(&names);
    return rc;
}

static int sparse_copy(const rt_sparse *a, rt_sparse *b)
{
    size_t nnz = a->ptr[a->nrows];
    *b = *a;
    b->ptr = malloc((a->nrows + 1) * sizeof *b->ptr);
    b->idx = rt_malloc_big((nnz + 1) * sizeof *b->idx);
    b->val = rt_malloc_big((nnz + 1) * sizeof *b->val);
    if (!b->ptr || !b->idx || !b->val) {
        rt_sparse_free(b);
        return RT_ENOMEM;
    }
    memcpy(b->ptr, a->ptr, (a->nrows + 1) * sizeof *b->ptr);
    memcpy(b->idx, a->idx, nnz * sizeof *b->idx);
    memcpy(b->val, a->val, nnz * sizeof *b->val);
    return RT_OK;
}

static int train_facets(rt_model *m, const rt_record **u, size_t nu, const rt_train_opts *o,
                        const rt_sparse *cnt, const rt_sparse *tfidf, rt_err *err)
{
    int rc = RT_OK;
    for (size_t f = 0; rc == RT_OK && f < o->nfacets; f++) {
        rt_facet_data fd = { cnt, tfidf, NULL, 0, 0, NULL, NULL, 0 };
        rt_fmodel *fm = &m->facets[m->nfacets++];
        rc = facet_data(u, nu, o->facets[f], &fd, fm, err);
        if (rc == RT_OK && (rc = rt_facet_train(&fd, o->algo, m, o->threads, fm)) != RT_OK)
            rt_err_set(err, rc, "train: out of memory");
        free(fd.rows);
        free(fd.Y);
        free(fd.y1);
    }
    return rc;
}

static rt_model *model_new(const rt_train_opts *o)
{
    rt_model *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->algo = o->algo;
    m->C = o->C;
    m->alpha = o->alpha;
    m->cv = o->cv;
    m->cv_max = o->cv_max;
    m->seed = o->seed;
    m->version = rt_strdup(rt_version());
    m->facets = calloc(o->nfacets, sizeof *m->facets);
    if (!m->version || !m->facets) {
        rt_model_free(m);
        return NULL;
    }
    return m;
}

int rt_model_train(const rt_record *const *recs, size_t n, const rt_train_opts *o, rt_model **out,
                   rt_err *err)
{
    *out = NULL;
    int rc = check_opts(o, err);
    if (rc != RT_OK)
        return rc;
    const rt_record **u = NULL;
    size_t nu = 0;
    rt_sparse cnt = { 0 }, tfidf = { 0 };
    rt_model *m = model_new(o);
    rc = m ? used_records(recs, n, o, &u, &nu) : RT_ENOMEM;
    if (rc == RT_ENOMEM)
        rt_err_set(err, rc, "train: out of memory");
    if (rc == RT_OK)
        rc = rt_vocab_build(u, nu, &o->features, o->threads, &m->vocab, &cnt, err);
    if (rc == RT_OK && (rc = sparse_copy(&cnt, &tfidf)) != RT_OK)
        rt_err_set(err, rc, "train: out of memory");
    if (rc == RT_OK) {
        rt_sparse_tfidf(&tfidf, rt_vocab_idf(m->vocab));
        rc = train_facets(m, u, nu, o, &cnt, &tfidf, err);
    }
    free(u);
    rt_sparse_free(&cnt);
    rt_sparse_free(&tfidf);
    if (rc != RT_OK) {
        rt_model_free(m);
        return rc;
    }
    *out = m;
    return RT_OK;
}

/* ------------------------------------------------------------ predictor */

struct rt_predictor {
    const rt_model *m;
    int threads;
    rt_featurizer **fz;     /* one per thread */
    size_t ltot;            /* labels over all facets */
    size_t *loff;           /* per facet: offset of its labels in a record's block */
    double *scores;         /* cap x ltot */
    rt_label_score *dec;    /* cap x ltot */
    size_t *ndec;           /* cap x nfacets */
    size_t cap;
};

void rt_predictor_free(rt_predictor *p)
{
    if (!p)
        return;
    for (int t = 0; p->fz && t < p->threads; t++)
        rt_featurizer_free(p->fz[t]);
    free(p->fz);
    free(p->loff);
    free(p->scores);
    free(p->dec);
    free(p->ndec);
    free(p);
}

int rt_predictor_new(const rt_model *m, int threads, rt_predictor **out, rt_err *err)
{
    *out = NULL;
    rt_predictor *p = calloc(1, sizeof *p);
    if (!p)
        return rt_err_set(err, RT_ENOMEM, "classify: out of memory");
    p->m = m;
    p->threads = threads > 0 ? threads : omp_get_max_threads();
    p->fz = calloc((size_t)p->threads, sizeof *p->fz);
    p->loff = calloc(m->nfacets + 1, sizeof *p->loff);
    int rc = p->fz && p->loff ? RT_OK : rt_err_set(err, RT_ENOMEM, "classify: out of memory");
    for (int t = 0; rc == RT_OK && t < p->threads; t++)
        rc = rt_featurizer_new(m->vocab, &p->fz[t], err);
    for (size_t f = 0; rc == RT_OK && f < m->nfacets; f++) {
        p->loff[f] = p->ltot;
        p->ltot += m->facets[f].nlabels;
    }
    if (rc != RT_OK) {
        rt_predictor_free(p);
        return rc;
    }
    *out = p;
    return RT_OK;
}

static int predictor_reserve(rt_predictor *p, size_t n)
{
    if (n <= p->cap)
        return RT_OK;
    size_t F = p->m->nfacets, L = p->ltot ? p->ltot : 1;
    double *s = realloc(p->scores, n * L * sizeof *s);
    if (s)
        p->scores = s;
    rt_label_score *d = realloc(p->dec, n * L * sizeof *d);
    if (d)
        p->dec = d;
    size_t *nd = realloc(p->ndec, n * (F ? F : 1) * sizeof *nd);
    if (nd)
        p->ndec = nd;
    if (!s || !d || !nd)
        return RT_ENOMEM;
    p->cap = n;
    return RT_OK;
}

/* Featurize and predict record I with the featurizer FZ. */
static int predict_one(rt_predictor *p, rt_featurizer *fz, const rt_record *rec, size_t i,
                       size_t top_k, rt_err *err)
{
    rt_fvec x;
    int rc = rt_featurizer_run(fz, rec, &x, err);
    for (size_t f = 0; rc == RT_OK && f < p->m->nfacets; f++) {
        double *s = p->scores + i * p->ltot + p->loff[f];
        rt_model_score(p->m, f, &x, s);
        p->ndec[i * p->m->nfacets + f] =
            rt_model_decide(p->m, f, s, top_k, p->dec + i * p->ltot + p->loff[f]);
    }
    return rc;
}

int rt_predictor_run(rt_predictor *p, const rt_record *const *recs, size_t n, size_t top_k,
                     rt_err *err)
{
    if (predictor_reserve(p, n) != RT_OK)
        return rt_err_set(err, RT_ENOMEM, "classify: out of memory");
    size_t bad = n;   /* lowest failing record: the error reported, whatever the threads */
    rt_err first = { 0, "" };
#pragma omp parallel num_threads(p->threads)
    {
        rt_featurizer *fz = p->fz[omp_get_thread_num()];
        rt_err e = { 0, "" };
#pragma omp for schedule(dynamic, 16)
        for (size_t i = 0; i < n; i++) {
            if (predict_one(p, fz, recs[i], i, top_k, &e) == RT_OK)
                continue;
#pragma omp critical(rt_predictor_err)
            if (i < bad) {
                bad = i;
                first = e;
            }
        }
    }
    if (bad < n) {
        if (err)
            *err = first;
        return first.code ? first.code : RT_EINVAL;
    }
    return RT_OK;
}

size_t rt_predictor_get(const rt_predictor *p, size_t i, size_t f, const rt_label_score **out)
{
    *out = p->dec + i * p->ltot + p->loff[f];
    return p->ndec[i * p->m->nfacets + f];
}

const double *rt_predictor_scores(const rt_predictor *p, size_t i, size_t f)
{
    return p->scores + i * p->ltot + p->loff[f];
}
