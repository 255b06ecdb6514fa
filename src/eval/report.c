/*
 * report.c - the table and JSON forms of an accuracy report. The table
 * rounds to 4 decimals; JSON (built with jansson) keeps full precision, so
 * a script can recompute and compare. The HTML form is in html.c.
 */
#include <errno.h>
#include <jansson.h>
#include <string.h>

#include "revtag/report.h"
#include "rtint.h"

/* ------------------------------------------------------------ table */

#define TABLE_CONFUSION_MAX 30   /* wider confusion matrices do not fit a terminal */

/* Display width of UTF-8 text: code points, ignoring continuation bytes. */
static int width(const char *s)
{
    int w = 0;
    for (; *s; s++)
        w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

/* Print S left-aligned in W columns (UTF-8 aware). */
static void pad(FILE *fp, const char *s, int w)
{
    fprintf(fp, "%s%*s", s, w - width(s) > 0 ? w - width(s) : 0, "");
}

static int label_width(const rt_metrics *m, const char *floor_text)
{
    rt_metrics_summary s;
    rt_metrics_get(m, &s);
    int w = width(floor_text);
    for (size_t i = 0; i < s.nlabels; i++) {
        rt_label_metrics l;
        rt_metrics_get_label(m, i, &l);
        w = width(l.label) > w ? width(l.label) : w;
    }
    return w;
}

static void table_head(const rt_report *r, const rt_report_facet *f, const rt_metrics_summary *s,
                       FILE *fp)
{
    fprintf(fp, "== %s: %zu records, %zu labels, %s", rt_metrics_facet(f->m), s->n, s->nlabels,
            s->multi_label ? "multi-label" : "single-label");
    if (r->k)
        fprintf(fp, "; %u-fold cross-validation, seed %llu", r->k, (unsigned long long)r->seed);
    if (r->model)
        fprintf(fp, "; model %s", r->model);
    if (f->algo)
        fprintf(fp, ", algorithm %s", f->algo);
    fputs("\n\n", fp);
}

static void table_labels(const rt_metrics *m, const rt_metrics_summary *s, int w, FILE *fp)
{
    pad(fp, "label", w);
    fputs("  precision  recall      f1  support\n", fp);
    size_t support = 0;
    for (size_t i = 0; i < s->nlabels; i++) {
        rt_label_metrics l;
        rt_metrics_get_label(m, i, &l);
        pad(fp, l.label, w);
        fprintf(fp, "     %.4f  %.4f  %.4f  %7zu\n", l.prf.precision, l.prf.recall, l.prf.f1,
                l.support);
        support += l.support;
    }
    fputc('\n', fp);
    const char *name[] = { "micro average", "macro average", "weighted average" };
    const rt_prf *avg[] = { &s->micro, &s->macro, &s->weighted };
    for (size_t i = 0; i < 3; i++) {
        pad(fp, name[i], w);
        fprintf(fp, "     %.4f  %.4f  %.4f  %7zu\n", avg[i]->precision, avg[i]->recall,
                avg[i]->f1, support);
    }
    if (s->multi_label)
        fprintf(fp, "\nsubset accuracy %.4f   Hamming loss %.4f\n", s->subset_accuracy,
                s->hamming_loss);
    else
        fprintf(fp, "\naccuracy %.4f\n", s->accuracy);
}

static void table_folds(const rt_report_facet *f, FILE *fp)
{
    rt_metrics_summary mean, sd;
    rt_metrics_mean_sd(f->folds, f->nfolds, &mean, &sd);
    int multi = mean.multi_label;
    fprintf(fp, "\nacross the %zu folds (mean ± standard deviation):\n", f->nfolds);
    fprintf(fp, "  %-16s %.4f ± %.4f\n", multi ? "subset accuracy" : "accuracy", mean.accuracy,
            sd.accuracy);
    fprintf(fp, "  %-16s %.4f ± %.4f\n", "micro F1", mean.micro.f1, sd.micro.f1);
    fprintf(fp, "  %-16s %.4f ± %.4f\n", "macro F1", mean.macro.f1, sd.macro.f1);
    fprintf(fp, "  %-16s %.4f ± %.4f\n", "weighted F1", mean.weighted.f1, sd.weighted.f1);
    if (multi)
        fprintf(fp, "  %-16s %.4f ± %.4f\n", "Hamming loss", mean.hamming_loss, sd.hamming_loss);
    fprintf(fp, "\n  fold  records  %s  micro F1  macro F1  weighted F1%s\n",
            multi ? "subset acc" : "  accuracy", multi ? "  Hamming loss" : "");
    for (size_t i = 0; i < f->nfolds; i++) {
        const rt_metrics_summary *s = &f->folds[i];
        fprintf(fp, "  %4zu  %7zu      %.4f    %.4f    %.4f       %.4f", i + 1, s->n, s->accuracy,
                s->micro.f1, s->macro.f1, s->weighted.f1);
        if (multi)
            fprintf(fp, "        %.4f", s->hamming_loss);
        fputc('\n', fp);
    }
}

static void table_confusion(const rt_metrics *m, const rt_metrics_summary *s, int w, FILE *fp)
{
    fputs("\nconfusion matrix (rows: gold label, columns: predicted label by number)\n", fp);
    fprintf(fp, "%*s", w + 5, "");
    for (size_t p = 0; p < s->nlabels; p++)
        fprintf(fp, " %5zu", p + 1);
    fputc('\n', fp);
    for (size_t g = 0; g < s->nlabels; g++) {
        rt_label_metrics l;
        rt_metrics_get_label(m, g, &l);
        fprintf(fp, "%3zu  ", g + 1);
        pad(fp, l.label, w);
        for (size_t p = 0; p < s->nlabels; p++)
            fprintf(fp, " %5zu", rt_metrics_confusion(m, g, p));
        fputc('\n', fp);
    }
}

static void table_curve(const rt_report_facet *f, FILE *fp)
{
    fprintf(fp, "\nlearning curve (held-out figures as the labelled share of the training folds "
                "grows; mean ± sd over the folds)\n");
    fprintf(fp, "  share    train  micro F1          macro F1          %s\n",
            f->curve[0].mean.multi_label ? "subset accuracy" : "accuracy");
    for (size_t i = 0; i < f->ncurve; i++) {
        const rt_curve_point *c = &f->curve[i];
        fprintf(fp, "  %4.0f%%  %7.1f  %.4f ± %.4f   %.4f ± %.4f   %.4f ± %.4f\n",
                c->share * 100, c->ntrain, c->mean.micro.f1, c->sd.micro.f1, c->mean.macro.f1,
                c->sd.macro.f1, c->mean.accuracy, c->sd.accuracy);
    }
}

int rt_report_table(const rt_report *r, FILE *fp, rt_err *err)
{
    for (size_t i = 0; i < r->nfacets; i++) {
        const rt_report_facet *f = &r->facets[i];
        rt_metrics_summary s;
        rt_metrics_get(f->m, &s);
        int w = label_width(f->m, "weighted average");
        if (i)
            fputc('\n', fp);
        table_head(r, f, &s, fp);
        table_labels(f->m, &s, w, fp);
        if (f->folds && f->nfolds)
            table_folds(f, fp);
        if (!s.multi_label && s.nlabels && s.nlabels <= TABLE_CONFUSION_MAX)
            table_confusion(f->m, &s, w, fp);
        else if (!s.multi_label && s.nlabels)
            fprintf(fp, "\n(confusion matrix of %zu labels: see --json or --html)\n", s.nlabels);
        if (f->curve && f->ncurve)
            table_curve(f, fp);
    }
    if (ferror(fp))
        return rt_err_set(err, RT_EIO, "write error: %s", strerror(errno));
    return RT_OK;
}

/* ------------------------------------------------------------ JSON */

/* Set KEY of O to V (stolen; freed when rc is already bad); NULL V or a failed set: RT_ENOMEM. */
static void put(int *rc, json_t *o, const char *key, json_t *v)
{
    if (*rc != RT_OK) {
        json_decref(v);
        return;
    }
    if (!v || json_object_set_new(o, key, v) != 0)   /* set_new frees V when it fails */
        *rc = RT_ENOMEM;
}

static json_t *prf_json(const rt_prf *p)
{
    return json_pack("{s:f,s:f,s:f}", "precision", p->precision, "recall", p->recall, "f1", p->f1);
}

/* The facet-wide figures: accuracy, averages and, for multi-label, the two set measures. */
static void summary_json(int *rc, json_t *o, const rt_metrics_summary *s)
{
    put(rc, o, "accuracy", json_real(s->accuracy));
    put(rc, o, "micro", prf_json(&s->micro));
    put(rc, o, "macro", prf_json(&s->macro));
    put(rc, o, "weighted", prf_json(&s->weighted));
    if (s->multi_label) {
        put(rc, o, "subset_accuracy", json_real(s->subset_accuracy));
        put(rc, o, "hamming_loss", json_real(s->hamming_loss));
    }
}

static json_t *labels_json(const rt_metrics *m, size_t nlabels)
{
    json_t *o = json_object();
    int rc = o ? RT_OK : RT_ENOMEM;
    for (size_t i = 0; i < nlabels; i++) {
        rt_label_metrics l;
        rt_metrics_get_label(m, i, &l);
        put(&rc, o, l.label,
            json_pack("{s:f,s:f,s:f,s:I,s:I,s:I,s:I}", "precision", l.prf.precision, "recall",
                      l.prf.recall, "f1", l.prf.f1, "support", (json_int_t)l.support, "tp",
                      (json_int_t)l.tp, "fp", (json_int_t)l.fp, "fn", (json_int_t)l.fn));
    }
    if (rc != RT_OK)
        json_decref(o);
    return rc == RT_OK ? o : NULL;
}

static json_t *confusion_json(const rt_metrics *m, size_t nlabels)
{
    json_t *o = json_object();
    int rc = o ? RT_OK : RT_ENOMEM;
    for (size_t g = 0; g < nlabels && rc == RT_OK; g++) {
        rt_label_metrics lg;
        rt_metrics_get_label(m, g, &lg);
        json_t *row = json_object();
        put(&rc, o, lg.label, row);
        for (size_t p = 0; p < nlabels; p++) {
            rt_label_metrics lp;
            rt_metrics_get_label(m, p, &lp);
            put(&rc, row, lp.label, json_integer((json_int_t)rt_metrics_confusion(m, g, p)));
        }
    }
    if (rc != RT_OK)
        json_decref(o);
    return rc == RT_OK ? o : NULL;
}

static json_t *counts_json(const size_t *v, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < n; i++)
        if (json_array_append_new(a, json_integer((json_int_t)v[i])) != 0) {
            json_decref(a);
            return NULL;
        }
    return a;
}

static json_t *scores_json(const rt_metrics *m)
{
    size_t pos[RT_METRICS_BINS], neg[RT_METRICS_BINS];
    rt_metrics_get_scores(m, pos, neg);
    return json_pack("{s:i,s:o,s:o}", "bins", RT_METRICS_BINS, "gold",
                     counts_json(pos, RT_METRICS_BINS), "other", counts_json(neg, RT_METRICS_BINS));
}

/* A summary as its own object: n, then the figures. */
static json_t *summary_obj(const rt_metrics_summary *s, int with_n)
{
    json_t *o = json_object();
    int rc = o ? RT_OK : RT_ENOMEM;
    if (with_n)
        put(&rc, o, "n", json_integer((json_int_t)s->n));
    summary_json(&rc, o, s);
    if (rc != RT_OK)
        json_decref(o);
    return rc == RT_OK ? o : NULL;
}

static json_t *folds_json(const rt_report *r, const rt_report_facet *f)
{
    rt_metrics_summary mean, sd;
    rt_metrics_mean_sd(f->folds, f->nfolds, &mean, &sd);
    json_t *per = json_array();
    for (size_t i = 0; per && i < f->nfolds; i++)
        if (json_array_append_new(per, summary_obj(&f->folds[i], 1)) != 0) {
            json_decref(per);
            per = NULL;
        }
    return json_pack("{s:i,s:I,s:o,s:o,s:o}", "k", (int)r->k, "seed", (json_int_t)r->seed,
                     "mean", summary_obj(&mean, 0), "sd", summary_obj(&sd, 0), "per_fold", per);
}

static json_t *curve_json(const rt_report_facet *f)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < f->ncurve; i++) {
        const rt_curve_point *c = &f->curve[i];
        json_t *p = json_pack("{s:f,s:f,s:o,s:o}", "share", c->share, "n_train", c->ntrain,
                              "mean", summary_obj(&c->mean, 0), "sd", summary_obj(&c->sd, 0));
        if (json_array_append_new(a, p) != 0) {
            json_decref(a);
            a = NULL;
        }
    }
    return a;
}

static json_t *facet_json(const rt_report *r, const rt_report_facet *f)
{
    rt_metrics_summary s;
    rt_metrics_get(f->m, &s);
    json_t *o = json_object();
    int rc = o ? RT_OK : RT_ENOMEM;
    put(&rc, o, "facet", json_string(rt_metrics_facet(f->m)));
    put(&rc, o, "n", json_integer((json_int_t)s.n));
    put(&rc, o, "multi_label", json_boolean(s.multi_label));
    if (f->algo)
        put(&rc, o, "algo", json_string(f->algo));
    if (r->model)
        put(&rc, o, "model", json_string(r->model));
    summary_json(&rc, o, &s);
    put(&rc, o, "labels", labels_json(f->m, s.nlabels));
    if (!s.multi_label)
        put(&rc, o, "confusion", confusion_json(f->m, s.nlabels));
    put(&rc, o, "scores", scores_json(f->m));
    if (f->folds && f->nfolds)
        put(&rc, o, "folds", folds_json(r, f));
    if (f->curve && f->ncurve)
        put(&rc, o, "curve", curve_json(f));
    if (rc != RT_OK)
        json_decref(o);
    return rc == RT_OK ? o : NULL;
}

int rt_report_json(const rt_report *r, FILE *fp, rt_err *err)
{
    for (size_t i = 0; i < r->nfacets; i++) {
        json_t *o = facet_json(r, &r->facets[i]);
        if (!o)
            return rt_err_set(err, RT_ENOMEM, "report: out of memory");
        /* 15 significant digits: exact to 1e-15, and 0.8 prints as 0.8 */
        int bad = json_dumpf(o, fp, JSON_COMPACT | JSON_REAL_PRECISION(15)) != 0
                  || fputc('\n', fp) == EOF;
        json_decref(o);
        if (bad && ferror(fp))
            return rt_err_set(err, RT_EIO, "write error: %s", strerror(errno));
        if (bad)   /* jansson failed without a write error: it ran out of memory */
            return rt_err_set(err, RT_ENOMEM, "report: out of memory");
    }
    return RT_OK;
}
