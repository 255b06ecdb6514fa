/*
 * cmd_eval.c - `revtag eval`: how far the tags can be trusted. Scores a
 * model on held-out labelled records, or cross-validates training on
 * stratified folds (with a learning curve on request), and reports the
 * figures as a table, JSON Lines or a self-contained HTML page.
 */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "revtag/atomic.h"
#include "revtag/folds.h"
#include "revtag/model.h"
#include "revtag/reader.h"
#include "revtag/report.h"
#include "revtag/tagger.h"
#include "rtint.h"

#define BATCH 4096        /* records predicted per predictor run */
#define CURVE_STEPS 10    /* learning curve: 10%, 20%, ... 100% */

typedef struct eval_args {
    const char *model;         /* -m: score this model */
    const char **facets;       /* -f, borrowed from argv */
    size_t nfacets;
    unsigned k;                /* --folds: cross-validate */
    rt_train_opts t;           /* training settings with --folds (revtag train's defaults);
                                  t.seed (folds too) and t.threads also apply with -m */
    int training;              /* a training setting was given */
    int curve, json, progress;
    const char *html;
    const char *predictions;   /* --predictions: dump the held-out predictions here */
    rt_reader_opts ro;
} eval_args;

/* One facet being evaluated. */
typedef struct facet_eval {
    const char *name;
    int multi;                 /* evaluated as multi-label */
    rt_metrics *pooled;        /* every held-out record */
    rt_metrics **fold;         /* per fold (cross-validation) */
    rt_metrics_summary *folds;
    rt_metrics_summary *runs;  /* learning curve: CURVE_STEPS x k summaries */
    rt_curve_point curve[CURVE_STEPS];
    int algo;                  /* algorithm of the models scored; -2 when they differ */
    char algo_name[64];
} facet_eval;

/* Everything one evaluation run holds. */
typedef struct eval_run {
    const eval_args *a;
    cli_recset rs;
    const rt_record **ptrs;    /* the records used */
    size_t n;
    facet_eval *fe;
    size_t nfe;
    double ntrain[CURVE_STEPS];
    int dumping;               /* the predictions scored now go to the dump */
    rt_buf dump;               /* --predictions: JSON Lines */
} eval_run;

/* ------------------------------------------------------------ input */

/* 1 when REC has labels for any evaluated facet. */
static int coded(const eval_run *r, const rt_record *rec)
{
    for (size_t f = 0; f < r->nfe; f++)
        if (rt_record_get_facet(rec, r->fe[f].name))
            return 1;
    return 0;
}

/* Keep the records coded for an evaluated facet; decide each facet's mode. */
static int select_records(eval_run *r, int argc, char **argv, rt_err *err)
{
    r->ptrs = malloc((r->rs.n ? r->rs.n : 1) * sizeof *r->ptrs);
    if (!r->ptrs)
        return rt_err_set(err, RT_ENOMEM, "out of memory");
    for (size_t i = 0; i < r->rs.n; i++)
        if (coded(r, &r->rs.v[i]))
            r->ptrs[r->n++] = &r->rs.v[i];
    size_t kept = 0;
    for (size_t f = 0; f < r->nfe; f++) {
        size_t n = 0;
        for (size_t i = 0; i < r->n; i++) {
            const rt_facet_labels *fl = rt_record_get_facet(r->ptrs[i], r->fe[f].name);
            n += fl != NULL;
            if (fl && fl->nlabels != 1)
                r->fe[f].multi = 1;
        }
        if (n == 0 && (r->a->nfacets || r->nfe == 1))
            return rt_err_set(err, RT_EINVAL, "%s%s: no record has labels for facet '%s'",
                              argv[optind], argc - optind > 1 ? " ..." : "", r->fe[f].name);
        if (n == 0)     /* every facet of a model: skip those the input does not code */
            fprintf(stderr, "revtag eval: no record has labels for facet '%s': skipped\n",
                    r->fe[f].name);
        else
            r->fe[kept++] = r->fe[f];
    }
    if (kept == 0)
        return rt_err_set(err, RT_EINVAL, "%s%s: no record has labels for the model's facets",
                          argv[optind], argc - optind > 1 ? " ..." : "");
    r->nfe = kept;
    return RT_OK;
}

/* ------------------------------------------------------------ scoring */

/* The labels assigned to one record for one facet, as revtag classify assigns them. */
typedef struct assigned {
    rt_assigned *tags;              /* room for rt_tagger_cap */
    const char **names;        /* the tags' labels, as rt_metrics_add takes them */
    size_t n;
} assigned;

/* Add ASSIGNED as FACET: [{"label", "score"}, ...] to PJ (the record's "predicted"). */
static int dump_facet(json_t *pj, const char *facet, const assigned *as, rt_err *err)
{
    json_t *arr = json_array();
    int bad = !arr || json_object_set_new(pj, facet, arr) != 0;
    for (size_t k = 0; !bad && k < as->n; k++)
        bad = json_array_append_new(arr, json_pack("{s:s,s:f}", "label", as->tags[k].label,
                                                   "score", as->tags[k].score)) != 0;
    return bad ? rt_err_set(err, RT_ENOMEM, "out of memory") : RT_OK;
}

/*
 * Record I of the last predictor run, evaluated facet F: add it to POOLED
 * and FOLD (may be NULL) when it has gold labels, and its prediction to PJ
 * (may be NULL).
 */
static int add_record(const eval_run *r, const rt_tagger *t, const rt_model *m, size_t f,
                      const rt_record *rec, size_t i, rt_metrics *pooled, rt_metrics *fold,
                      assigned *as, json_t *pj, rt_err *err)
{
    long mf = rt_model_find_facet(m, r->fe[f].name);
    if (mf < 0)
        return rt_err_set(err, RT_EINVAL, "model has no facet '%s'", r->fe[f].name);
    rt_facet_info fi;
    rt_model_get_facet(m, (size_t)mf, &fi);
    int rc = rt_tagger_get(t, i, (size_t)mf, as->tags, &as->n, err);
    for (size_t k = 0; rc == RT_OK && k < as->n; k++)
        as->names[k] = as->tags[k].label;
    if (rc == RT_OK && pj)
        rc = dump_facet(pj, fi.name, as, err);
    const rt_facet_labels *gold = rt_record_get_facet(rec, r->fe[f].name);
    if (rc != RT_OK || !gold)
        return rc;
    const char *const *g = (const char *const *)gold->labels;
    rc = rt_metrics_add(pooled, rec->id, g, gold->nlabels, as->names, as->n, err);
    if (rc == RT_OK && fold)
        rc = rt_metrics_add(fold, rec->id, g, gold->nlabels, as->names, as->n, err);
    const double *sc = rt_predictor_scores(rt_tagger_predictor(t), i, (size_t)mf);
    for (size_t l = 0; rc == RT_OK && l < fi.nlabels; l++) {
        int pos = 0;
        for (size_t j = 0; j < gold->nlabels; j++)
            pos |= strcmp(gold->labels[j], fi.labels[l]) == 0;
        rt_metrics_add_score(pooled, sc[l], pos);
    }
    return rc;
}

/* Append REC with {"predicted": PJ, "fold": FOLD} (fold 0: none) to the predictions dump. */
static int dump_record(eval_run *r, const rt_record *rec, json_t *pj, unsigned fold, rt_err *err)
{
    json_t *app = json_pack("{s:O}", "predicted", pj);
    char *tail = NULL, *line = NULL;
    size_t len = 0;
    int rc = app && (!fold || json_object_set_new(app, "fold", json_integer(fold)) == 0)
                     && (tail = json_dumps(app, JSON_COMPACT | JSON_REAL_PRECISION(4)))
                 ? rt_record_write_json(rec, tail, &line, &len, err)
                 : rt_err_set(err, RT_ENOMEM, "out of memory");
    rt_buf_append(&rc, &r->dump, line, len);
    rt_buf_append(&rc, &r->dump, "\n", 1);
    free(line);
    free(tail);
    json_decref(app);
    return rc;
}

/* Note the algorithm of facet F in model M (for the report). */
static void note_algo(facet_eval *fe, const rt_model *m)
{
    long mf = rt_model_find_facet(m, fe->name);
    if (mf < 0)
        return;
    rt_facet_info fi;
    rt_model_get_facet(m, (size_t)mf, &fi);
    fe->algo = fe->algo == -1 || fe->algo == fi.algo ? fi.algo : -2;
}

/* Room for the tags of any facet T can assign. */
static int assigned_new(const rt_tagger *t, assigned *as, rt_err *err)
{
    as->tags = malloc(rt_tagger_cap(t) * sizeof *as->tags);
    as->names = malloc(rt_tagger_cap(t) * sizeof *as->names);
    return as->tags && as->names ? RT_OK : rt_err_set(err, RT_ENOMEM, "out of memory");
}

/* Predict a batch and add every record to every facet (and to the dump when asked for). */
static int score_batch(eval_run *r, const rt_model *m, rt_tagger *t, const rt_record **recs,
                       size_t nb, rt_metrics **pooled, rt_metrics **fold, unsigned fold_no,
                       assigned *as, rt_err *err)
{
    int rc = rt_tagger_run(t, recs, nb, 0, err);
    for (size_t i = 0; rc == RT_OK && i < nb; i++) {
        json_t *pj = r->dumping ? json_object() : NULL;
        if (r->dumping && !pj)
            rc = rt_err_set(err, RT_ENOMEM, "out of memory");
        for (size_t f = 0; rc == RT_OK && f < r->nfe; f++)
            rc = add_record(r, t, m, f, recs[i], i, pooled[f], fold ? fold[f] : NULL, as, pj,
                            err);
        if (rc == RT_OK && pj)
            rc = dump_record(r, recs[i], pj, fold_no, err);
        json_decref(pj);
    }
    return rc;
}

/*
 * Predict the N records RECS with M and add them to every facet's
 * accumulators: POOLED[f] and, when not NULL, FOLD[f] (of fold FOLD_NO,
 * 1-based; 0 when not cross-validating).
 */
static int score(eval_run *r, const rt_model *m, const rt_record **recs, size_t n,
                 rt_metrics **pooled, rt_metrics **fold, unsigned fold_no, rt_err *err)
{
    rt_tagger *t = NULL;
    assigned as = { NULL, NULL, 0 };
    int rc = rt_tagger_new(m, r->a->t.threads, &t, err);
    if (rc == RT_OK)
        rc = assigned_new(t, &as, err);
    for (size_t at = 0; rc == RT_OK && at < n; at += BATCH)
        rc = score_batch(r, m, t, recs + at, n - at < BATCH ? n - at : BATCH, pooled, fold,
                         fold_no, &as, err);
    for (size_t f = 0; f < r->nfe; f++)
        note_algo(&r->fe[f], m);
    rt_tagger_free(t);
    free(as.tags);
    free(as.names);
    return rc;
}

/* ------------------------------------------------------------ modes */

static int eval_model(eval_run *r, const rt_model *m, rt_err *err)
{
    rt_metrics **pooled = calloc(r->nfe, sizeof *pooled);
    int rc = pooled ? RT_OK : rt_err_set(err, RT_ENOMEM, "out of memory");
    for (size_t f = 0; rc == RT_OK && f < r->nfe; f++) {
        pooled[f] = r->fe[f].pooled;
        long mf = rt_model_find_facet(m, r->fe[f].name);
        rt_facet_info fi;
        if (mf < 0)
            rc = rt_err_set(err, RT_EINVAL, "%s: the model has no facet '%s'", r->a->model,
                            r->fe[f].name);
        else
            rt_model_get_facet(m, (size_t)mf, &fi);
        if (rc == RT_OK && fi.multi_label && !r->fe[f].multi) {
            rt_metrics_free(r->fe[f].pooled);   /* single-label data, multi-label model */
            r->fe[f].multi = 1;
            rc = rt_metrics_new(r->fe[f].name, 1, &r->fe[f].pooled, err);
            pooled[f] = r->fe[f].pooled;
        }
    }
    r->dumping = r->a->predictions != NULL;
    if (rc == RT_OK)
        rc = score(r, m, r->ptrs, r->n, pooled, NULL, 0, err);
    free(pooled);
    return rc;
}

static rt_train_opts train_opts(const eval_run *r)
{
    rt_train_opts t = r->a->t;
    t.facets = r->a->facets;
    t.nfacets = r->a->nfacets;
    return t;
}

/* Train on TRAIN and score TEST into fresh accumulators; their summaries go to OUT[f]. */
static int train_and_summarise(eval_run *r, const rt_record **train, size_t ntrain,
                               const rt_record **test, size_t ntest, rt_metrics_summary **out,
                               rt_err *err)
{
    rt_train_opts t = train_opts(r);
    rt_model *m = NULL;
    rt_metrics **acc = calloc(r->nfe, sizeof *acc);
    int rc = acc ? rt_model_train(train, ntrain, &t, &m, err)
                 : rt_err_set(err, RT_ENOMEM, "out of memory");
    for (size_t f = 0; rc == RT_OK && f < r->nfe; f++)
        rc = rt_metrics_new(r->fe[f].name, r->fe[f].multi, &acc[f], err);
    if (rc == RT_OK)
        rc = score(r, m, test, ntest, acc, NULL, 0, err);
    for (size_t f = 0; acc && f < r->nfe; f++) {
        if (rc == RT_OK)
            rt_metrics_get(acc[f], out[f]);
        rt_metrics_free(acc[f]);
    }
    free(acc);
    rt_model_free(m);
    return rc;
}

/* Learning curve points below 100% for fold J: nested, stratified shares of TRAIN. */
static int curve_fold(eval_run *r, const rt_record **train, size_t ntrain,
                      const rt_record **test, size_t ntest, unsigned j, rt_err *err)
{
    unsigned *chunk = malloc(ntrain * sizeof *chunk);
    const rt_record **sub = malloc(ntrain * sizeof *sub);
    rt_metrics_summary **out = calloc(r->nfe, sizeof *out);
    int rc = chunk && sub && out ? RT_OK : rt_err_set(err, RT_ENOMEM, "out of memory");
    if (rc == RT_OK)
        rc = rt_folds_assign_records(train, ntrain, r->a->facets, r->a->nfacets, CURVE_STEPS,
                                     r->a->t.seed + 1 + j, chunk, err);
    for (unsigned s = 1; rc == RT_OK && s < CURVE_STEPS; s++) {
        size_t nsub = 0;
        for (size_t i = 0; i < ntrain; i++)
            if (chunk[i] < s)
                sub[nsub++] = train[i];
        for (size_t f = 0; f < r->nfe; f++)
            out[f] = &r->fe[f].runs[(s - 1) * r->a->k + j];
        if (r->a->progress)
            fprintf(stderr, "revtag eval: fold %u/%u: curve %u%%, %zu training records\n", j + 1,
                    r->a->k, s * 100 / CURVE_STEPS, nsub);
        rc = train_and_summarise(r, sub, nsub, test, ntest, out, err);
        if (rc == RT_EINVAL) {   /* e.g. a facet without records in a small share */
            char why[RT_ERR_MAX];
            snprintf(why, sizeof why, "%s", err->msg);
            rt_err_set(err, rc, "learning curve, fold %u, %u%% of the training records: %s",
                       j + 1, s * 100 / CURVE_STEPS, why);
        }
        r->ntrain[s - 1] += (double)nsub;
    }
    r->ntrain[CURVE_STEPS - 1] += (double)ntrain;
    free(chunk);
    free(sub);
    free(out);
    return rc;
}

/* Fold J: train on the other folds, score this one into the pooled and fold accumulators. */
static int cv_fold(eval_run *r, const unsigned *fold, unsigned j, const rt_record **train,
                   const rt_record **test, rt_metrics **pooled, rt_metrics **fm, rt_err *err)
{
    size_t ntrain = 0, ntest = 0;
    for (size_t i = 0; i < r->n; i++) {
        if (fold[i] == j)
            test[ntest++] = r->ptrs[i];
        else
            train[ntrain++] = r->ptrs[i];
    }
    if (r->a->progress)
        fprintf(stderr, "revtag eval: fold %u/%u: training on %zu records, testing on %zu\n",
                j + 1, r->a->k, ntrain, ntest);
    rt_train_opts t = train_opts(r);
    rt_model *m = NULL;
    int rc = rt_model_train(train, ntrain, &t, &m, err);
    for (size_t f = 0; rc == RT_OK && f < r->nfe; f++)
        rc = rt_metrics_new(r->fe[f].name, r->fe[f].multi, &fm[f], err);
    r->dumping = r->a->predictions != NULL;
    if (rc == RT_OK)
        rc = score(r, m, test, ntest, pooled, fm, j + 1, err);
    r->dumping = 0;
    for (size_t f = 0; rc == RT_OK && f < r->nfe; f++) {
        rt_metrics_get(fm[f], &r->fe[f].folds[j]);
        r->fe[f].fold[j] = fm[f];
        fm[f] = NULL;
        if (r->a->curve)
            r->fe[f].runs[(CURVE_STEPS - 1) * r->a->k + j] = r->fe[f].folds[j];
    }
    rt_model_free(m);
    if (rc == RT_OK && r->a->curve)
        rc = curve_fold(r, train, ntrain, test, ntest, j, err);
    return rc;
}

static void curve_finish(eval_run *r)
{
    for (size_t f = 0; f < r->nfe; f++)
        for (size_t s = 0; s < CURVE_STEPS; s++) {
            rt_curve_point *c = &r->fe[f].curve[s];
            c->share = (double)(s + 1) / CURVE_STEPS;
            c->ntrain = r->ntrain[s] / r->a->k;
            rt_metrics_mean_sd(&r->fe[f].runs[s * r->a->k], r->a->k, &c->mean, &c->sd);
        }
}

static int eval_folds(eval_run *r, rt_err *err)
{
    unsigned *fold = malloc(r->n * sizeof *fold);
    const rt_record **train = malloc(r->n * sizeof *train), **test = malloc(r->n * sizeof *test);
    rt_metrics **pooled = calloc(r->nfe, sizeof *pooled), **fm = calloc(r->nfe, sizeof *fm);
    int rc = fold && train && test && pooled && fm ? RT_OK
                                                   : rt_err_set(err, RT_ENOMEM, "out of memory");
    if (rc == RT_OK)
        rc = rt_folds_assign_records(r->ptrs, r->n, r->a->facets, r->a->nfacets, r->a->k,
                                     r->a->t.seed, fold, err);
    for (size_t f = 0; rc == RT_OK && f < r->nfe; f++)
        pooled[f] = r->fe[f].pooled;
    for (unsigned j = 0; rc == RT_OK && j < r->a->k; j++)
        rc = cv_fold(r, fold, j, train, test, pooled, fm, err);
    if (rc == RT_OK && r->a->curve)
        curve_finish(r);
    for (size_t f = 0; fm && f < r->nfe; f++)
        rt_metrics_free(fm[f]);
    free(fold);
    free(train);
    free(test);
    free(pooled);
    free(fm);
    return rc;
}

/* ------------------------------------------------------------ setup and output */

static int facets_new(eval_run *r, const rt_model *m, rt_err *err)
{
    rt_model_info mi = { 0 };
    if (m)
        rt_model_get_info(m, &mi);
    r->nfe = r->a->nfacets ? r->a->nfacets : mi.nfacets;
    r->fe = calloc(r->nfe ? r->nfe : 1, sizeof *r->fe);
    if (!r->fe)
        return rt_err_set(err, RT_ENOMEM, "out of memory");
    unsigned k = r->a->k;
    for (size_t f = 0; f < r->nfe; f++) {
        facet_eval *fe = &r->fe[f];
        rt_facet_info fi;
        if (r->a->nfacets == 0)
            rt_model_get_facet(m, f, &fi);
        fe->name = r->a->nfacets ? r->a->facets[f] : fi.name;
        fe->algo = -1;
        if (k && (!(fe->fold = calloc(k, sizeof *fe->fold))
                  || !(fe->folds = calloc(k, sizeof *fe->folds))
                  || (r->a->curve && !(fe->runs = calloc(k * CURVE_STEPS, sizeof *fe->runs)))))
            return rt_err_set(err, RT_ENOMEM, "out of memory");
    }
    return RT_OK;
}

static void facets_free(eval_run *r)
{
    for (size_t f = 0; r->fe && f < r->nfe; f++) {
        facet_eval *fe = &r->fe[f];
        rt_metrics_free(fe->pooled);
        for (unsigned j = 0; fe->fold && j < r->a->k; j++)
            rt_metrics_free(fe->fold[j]);
        free(fe->fold);
        free(fe->folds);
        free(fe->runs);
    }
    free(r->fe);
}

static const char *algo_label(const eval_args *a, facet_eval *fe)
{
    const char *used = fe->algo >= 0 ? rt_algo_name(fe->algo) : fe->algo == -2 ? "mixed" : NULL;
    if (a->t.algo == RT_ALGO_AUTO && used)
        snprintf(fe->algo_name, sizeof fe->algo_name, "auto (%s)", used);
    else
        snprintf(fe->algo_name, sizeof fe->algo_name, "%s", used ? used : "?");
    return used ? fe->algo_name : NULL;
}

static int save_dump(eval_run *r, rt_err *err)
{
    rt_atomic *at;
    int rc = rt_atomic_new(r->a->predictions, &at, err);
    if (rc == RT_OK) {
        fwrite(r->dump.data ? r->dump.data : "", 1, r->dump.len, rt_atomic_fp(at));
        rc = rt_atomic_commit(at, err);
        rt_atomic_free(at);
    }
    return rc;
}

static int output(eval_run *r, int argc, char **argv, rt_err *err)
{
    const eval_args *a = r->a;
    rt_report_facet *rf = calloc(r->nfe ? r->nfe : 1, sizeof *rf);
    if (!rf)
        return rt_err_set(err, RT_ENOMEM, "out of memory");
    for (size_t f = 0; f < r->nfe; f++) {
        facet_eval *fe = &r->fe[f];
        rf[f] = (rt_report_facet){ fe->pooled, a->k ? fe->folds : NULL, a->k,
                                   a->curve ? fe->curve : NULL, a->curve ? CURVE_STEPS : 0,
                                   algo_label(a, fe) };
    }
    rt_report rep = { a->model, a->k, a->t.seed, (const char *const *)argv + optind,
                      (size_t)(argc - optind), rf, r->nfe };
    int rc = RT_OK;
    if (a->predictions)
        rc = save_dump(r, err);
    if (rc == RT_OK && a->html)
        rc = rt_report_save_html(&rep, a->html, err);
    if (rc == RT_OK)
        rc = a->json ? rt_report_json(&rep, stdout, err) : rt_report_table(&rep, stdout, err);
    if (rc == RT_OK)
        rc = cli_flush_stdout(err);
    free(rf);
    return rc;
}

/* ------------------------------------------------------------ arguments */

enum { O_FOLDS = 256, O_CURVE, O_JSON, O_HTML, O_PRED, O_PROGRESS };

static int parse_opt(eval_args *a, int ch, rt_err *err)
{
    long v;
    switch (ch) {
    case 'm': a->model = optarg; return RT_OK;
    case 'f': return cli_facets_add(&a->facets, &a->nfacets, optarg, err);
    case O_FOLDS:
        if (cli_parse_int("--folds", optarg, 2, RT_FOLDS_MAX, &v, err) != RT_OK)
            return CLI_USAGE;
        a->k = (unsigned)v;
        return RT_OK;
    case CLI_O_SEED:
    case 't': return cli_train_option(&a->t, ch, optarg, err);   /* also with -m */
    case O_CURVE: a->curve = 1; return RT_OK;
    case O_JSON: a->json = 1; return RT_OK;
    case O_HTML: a->html = optarg; return RT_OK;
    case O_PRED: a->predictions = optarg; return RT_OK;
    case O_PROGRESS: a->progress = 1; return RT_OK;
    default:
        if (ch >= CLI_O_FORMAT && ch <= CLI_O_ENCODING)
            return cli_input_option(&a->ro, ch, optarg, err);
        a->training = 1;
        return cli_train_option(&a->t, ch, optarg, err);
    }
}

static int check_args(const eval_args *a, int argc, rt_err *err)
{
    if (!a->model == !a->k)
        return rt_err_set(err, CLI_USAGE, "give either -m MODEL or --folds K");
    if (a->k && a->nfacets == 0)
        return rt_err_set(err, CLI_USAGE, "--folds needs the facets to train (-f FACET)");
    if (a->model && (a->curve || a->training))
        return rt_err_set(err, CLI_USAGE,
                          "--curve and the training options go with --folds, not -m");
    for (size_t i = 0; i < a->nfacets; i++)
        for (size_t j = 0; j < i; j++)
            if (strcmp(a->facets[i], a->facets[j]) == 0)
                return rt_err_set(err, CLI_USAGE, "facet '%s' given twice", a->facets[i]);
    if (optind == argc)
        return rt_err_set(err, CLI_USAGE, "no labelled input file given");
    return RT_OK;
}

static int parse(int argc, char **argv, eval_args *a, rt_err *err)
{
    static const struct option longopts[] = {
        { "model", required_argument, NULL, 'm' }, { "facet", required_argument, NULL, 'f' },
        { "folds", required_argument, NULL, O_FOLDS }, { "seed", required_argument, NULL, CLI_O_SEED },
        { "threads", required_argument, NULL, 't' }, { "curve", no_argument, NULL, O_CURVE },
        { "json", no_argument, NULL, O_JSON }, { "html", required_argument, NULL, O_HTML },
        { "predictions", required_argument, NULL, O_PRED },
        { "progress", no_argument, NULL, O_PROGRESS }, CLI_TRAIN_OPTIONS, CLI_INPUT_OPTIONS,
        { NULL, 0, NULL, 0 },
    };
    int ch, rc = RT_OK;
    optind = 0;
    opterr = 0;
    while (rc == RT_OK && (ch = getopt_long(argc, argv, "m:f:t:a:C:", longopts, NULL)) != -1) {
        if (ch == '?' || ch == ':')
            return rt_err_set(err, CLI_USAGE, "unknown or incomplete option '%s'",
                              argv[optind - 1]);
        rc = parse_opt(a, ch, err);
    }
    return rc == RT_OK ? check_args(a, argc, err) : rc;
}

static int run(int argc, char **argv, rt_err *err)
{
    eval_args a = { NULL, NULL, 0, 0, rt_train_defaults(), 0, 0, 0, isatty(2), NULL, NULL, { 0 } };
    eval_run r = { &a, { 0 }, NULL, 0, NULL, 0, { 0 }, 0, { 0 } };
    rt_model *m = NULL;
    int rc = parse(argc, argv, &a, err);
    if (rc == RT_OK && a.model)
        rc = rt_model_load(a.model, &m, err);
    if (rc == RT_OK)
        rc = facets_new(&r, m, err);   /* -m without -f: every facet of the model */
    for (int i = optind; rc == RT_OK && i < argc; i++)
        rc = cli_recset_read("eval", argv[i], &a.ro, &r.rs, err);
    if (rc == RT_OK)
        rc = select_records(&r, argc, argv, err);
    for (size_t f = 0; rc == RT_OK && f < r.nfe; f++)
        rc = rt_metrics_new(r.fe[f].name, r.fe[f].multi, &r.fe[f].pooled, err);
    if (rc == RT_OK)
        rc = m ? eval_model(&r, m, err) : eval_folds(&r, err);
    if (rc == RT_OK)
        rc = output(&r, argc, argv, err);
    facets_free(&r);
    rt_buf_free(&r.dump);
    rt_model_free(m);
    free(r.ptrs);
    cli_recset_free(&r.rs);
    free(a.facets);
    return rc;
}

const cli_cmd cli_cmd_eval = {
    "eval", run, "measure tagging accuracy: score a model or cross-validate",
    "usage: revtag eval -m MODEL [-f FACET...] [OPTIONS] FILE...\n"
    "       revtag eval --folds K -f FACET [-f FACET...] [TRAINING OPTIONS]\n"
    "                   [--seed S] [--curve] [OPTIONS] FILE...\n\n"
    "Measure how well the tags match hand-coded labels. With -m, predict the\n"
    "labelled records in FILEs with MODEL (exactly as revtag classify does) and\n"
    "compare; with --folds, split the records into K stratified folds (multi-label\n"
    "aware, seeded), train on K-1 folds and test on the other, K times. Only the\n"
    "records with labels for a facet count for it.\n\n"
    "Per facet: precision, recall, F1 and support per label; micro, macro and\n"
    "weighted averages; accuracy and a confusion matrix (single-label facets) or\n"
    "subset accuracy and Hamming loss (multi-label); with --folds also the mean\n"
    "and standard deviation across folds. A 0/0 precision, recall or F1 is 0.\n\n"
    "  -m, --model MODEL  model file to score (from revtag train)\n"
    "  -f, --facet F      facet to evaluate (repeat; with -m default: every facet\n"
    "                     of the model)\n"
    "      --folds K      cross-validate with K folds (2-64)\n"
    "      --seed S       seed for the folds and training (default 1)\n"
    "      --curve        learning curve: held-out F1 as the share of the training\n"
    "                     folds used grows 10%, 20%, ... 100% (nested, stratified)\n"
    "      --json         print one JSON object per facet instead of the table\n"
    "      --html FILE    also write a self-contained HTML report with plots\n"
    "      --predictions FILE  also write every held-out record with its\n"
    "                     \"predicted\" labels (as revtag classify) and, with\n"
    "                     --folds, its \"fold\" (1..K), as JSON Lines\n"
    "  -t, --threads N    worker threads (default: all cores)\n"
    "      --progress     report each fold on stderr (default when stderr is a\n"
    "                     terminal)\n"
    CLI_INPUT_HELP
    "\nTraining options, with --folds (each fold's model is trained exactly as\n"
    "revtag train would train it with the same options):\n"
    CLI_TRAIN_HELP
    "\nExit status: 0 success, 1 error (one line naming FILE:LINE), 2 usage.\n",
};
