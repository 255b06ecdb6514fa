/*
 * cmd_train.c - `revtag train`: read labelled records in any supported
 * format, train one model per requested facet, write the model file
 * atomically, and summarise each facet on stderr.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "revtag/model.h"
#include "revtag/reader.h"
#include "rtint.h"

typedef struct train_args {
    rt_train_opts t;
    const char **facets;     /* borrowed from argv */
    size_t nfacets;
    const char *out;
    rt_reader_opts ro;
    int quiet;
} train_args;

/* Every record of every input, in input order. */
typedef struct recset {
    rt_record *v;
    size_t n, cap;
} recset;

static void recset_free(recset *s)
{
    for (size_t i = 0; i < s->n; i++)
        rt_record_clear(&s->v[i]);
    free(s->v);
}

static int read_file(const char *path, const rt_reader_opts *o, recset *s, rt_err *err)
{
    rt_reader *r;
    int rc = rt_reader_open(path, o, &r, err);
    while (rc == RT_OK) {
        if (s->n == s->cap) {
            size_t cap = s->cap ? 2 * s->cap : 1024;
            rt_record *v = realloc(s->v, cap * sizeof *v);
            if (!v) {
                rc = rt_err_set(err, RT_ENOMEM, "out of memory");
                break;
            }
            s->v = v;
            s->cap = cap;
        }
        rt_record_init(&s->v[s->n]);
        if ((rc = rt_reader_next(r, &s->v[s->n], err)) == RT_OK)
            s->n++;
        else
            rt_record_clear(&s->v[s->n]);
    }
    if (rc == RT_DONE && rt_reader_skipped(r) > 0)
        fprintf(stderr, "revtag train: %s: %zu malformed record(s) skipped\n", path,
                rt_reader_skipped(r));
    rt_reader_free(r);
    return rc == RT_DONE ? RT_OK : rc;
}

static int parse_double(const char *opt, const char *val, double *out, rt_err *err)
{
    char *end;
    double v = strtod(val, &end);
    if (end == val || *end || !(v > 0) || v > 1e9)
        return rt_err_set(err, CLI_USAGE, "%s: expected a positive number, got '%s'", opt, val);
    *out = v;
    return RT_OK;
}

static int add_facet(train_args *a, const char *name, rt_err *err)
{
    const char **f = realloc(a->facets, (a->nfacets + 1) * sizeof *f);
    if (!f)
        return rt_err_set(err, RT_ENOMEM, "out of memory");
    a->facets = f;
    a->facets[a->nfacets++] = name;
    return RT_OK;
}

enum { O_ALGO = 256, O_BIGRAMS, O_NOBIGRAMS, O_MINDF, O_ALPHA, O_CV, O_CVMAX, O_SEED, O_NOSTEM,
       O_STOP, O_NONUM, O_URLS, O_EMAILS, O_FORMAT, O_COLUMNS, O_SEP, O_SKIP, O_QUIET };

/* Options shared with the reader and the analyzer. */
static int parse_input_opt(train_args *a, int ch, rt_err *err)
{
    int f;
    long v;
    switch (ch) {
    case O_NOSTEM: a->t.features.an.stem = 0; return RT_OK;
    case O_STOP: a->t.features.an.stopwords = 1; return RT_OK;
    case O_NONUM: a->t.features.an.tok_flags &= ~(unsigned)RT_TOK_NUMBERS; return RT_OK;
    case O_URLS: a->t.features.an.tok_flags |= RT_TOK_URLS; return RT_OK;
    case O_EMAILS: a->t.features.an.tok_flags |= RT_TOK_EMAILS; return RT_OK;
    case O_BIGRAMS: a->t.features.bigrams = 1; return RT_OK;
    case O_NOBIGRAMS: a->t.features.bigrams = 0; return RT_OK;
    case O_MINDF:
        if (cli_parse_int("--min-df", optarg, 1, 1000000, &v, err) != RT_OK)
            return CLI_USAGE;
        a->t.features.min_df = (unsigned)v;
        return RT_OK;
    case O_FORMAT:
        if ((f = rt_format_from_name(optarg)) < 0)
            return rt_err_set(err, CLI_USAGE, "--format: unknown format '%s'", optarg);
        a->ro.format = (rt_format)f;
        return RT_OK;
    case O_COLUMNS: a->ro.columns = optarg; return RT_OK;
    case O_SEP: a->ro.label_sep = optarg; return RT_OK;
    case O_SKIP: a->ro.skip_bad = 1; return RT_OK;
    case O_QUIET: a->quiet = 1; return RT_OK;
    default: return rt_err_set(err, CLI_USAGE, "unknown or incomplete option");
    }
}

static int parse_opt(train_args *a, int ch, rt_err *err)
{
    long v;
    switch (ch) {
    case 'f': return add_facet(a, optarg, err);
    case 'o': a->out = optarg; return RT_OK;
    case 'a':
    case O_ALGO:
        if ((a->t.algo = rt_algo_from_name(optarg)) < 0)
            return rt_err_set(err, CLI_USAGE,
                              "--algo: unknown algorithm '%s' (mnb, cnb, svm, nbsvm, auto)", optarg);
        return RT_OK;
    case 'C': return parse_double("-C", optarg, &a->t.C, err);
    case O_ALPHA: return parse_double("--alpha", optarg, &a->t.alpha, err);
    case O_CV:
        if (cli_parse_int("--cv", optarg, 2, 100, &v, err) != RT_OK)
            return CLI_USAGE;
        a->t.cv = (unsigned)v;
        return RT_OK;
    case O_CVMAX:
        if (cli_parse_int("--cv-max", optarg, 0, 1000000000, &v, err) != RT_OK)
            return CLI_USAGE;
        a->t.cv_max = (size_t)v;
        return RT_OK;
    case O_SEED:
        if (cli_parse_int("--seed", optarg, 0, 2147483647, &v, err) != RT_OK)
            return CLI_USAGE;
        a->t.seed = (uint64_t)v;
        return RT_OK;
    case 't':
        if (cli_parse_int("--threads", optarg, 1, 1024, &v, err) != RT_OK)
            return CLI_USAGE;
        a->t.threads = (int)v;
        return RT_OK;
    default: return parse_input_opt(a, ch, err);
    }
}

static int parse(int argc, char **argv, train_args *a, rt_err *err)
{
    static const struct option longopts[] = {
        { "facet", required_argument, NULL, 'f' }, { "output", required_argument, NULL, 'o' },
        { "algo", required_argument, NULL, O_ALGO }, { "bigrams", no_argument, NULL, O_BIGRAMS },
        { "no-bigrams", no_argument, NULL, O_NOBIGRAMS }, { "min-df", required_argument, NULL, O_MINDF },
        { "alpha", required_argument, NULL, O_ALPHA }, { "cv", required_argument, NULL, O_CV },
        { "cv-max", required_argument, NULL, O_CVMAX }, { "seed", required_argument, NULL, O_SEED },
        { "threads", required_argument, NULL, 't' }, { "no-stem", no_argument, NULL, O_NOSTEM },
        { "stopwords", no_argument, NULL, O_STOP }, { "no-numbers", no_argument, NULL, O_NONUM },
        { "urls", no_argument, NULL, O_URLS }, { "emails", no_argument, NULL, O_EMAILS },
        { "format", required_argument, NULL, O_FORMAT }, { "columns", required_argument, NULL, O_COLUMNS },
        { "label-sep", required_argument, NULL, O_SEP }, { "skip-bad", no_argument, NULL, O_SKIP },
        { "quiet", no_argument, NULL, O_QUIET }, { NULL, 0, NULL, 0 },
    };
    int ch, rc = RT_OK;
    optind = 0;
    opterr = 0;
    while (rc == RT_OK && (ch = getopt_long(argc, argv, "f:o:a:C:t:q", longopts, NULL)) != -1) {
        if (ch == '?' || ch == ':')
            return rt_err_set(err, CLI_USAGE, "unknown or incomplete option '%s'", argv[optind - 1]);
        rc = parse_opt(a, ch == 'q' ? O_QUIET : ch, err);
    }
    if (rc != RT_OK)
        return rc;
    if (a->nfacets == 0)
        return rt_err_set(err, CLI_USAGE, "no facet given (-f FACET)");
    if (!a->out)
        return rt_err_set(err, CLI_USAGE, "no model file given (-o MODEL)");
    if (optind == argc)
        return rt_err_set(err, CLI_USAGE, "no training file given");
    return RT_OK;
}

static void summary(const rt_model *m)
{
    rt_model_info mi;
    rt_model_get_info(m, &mi);
    fprintf(stderr, "revtag train: %zu records, %zu terms (%zu unigrams)\n", mi.ndocs, mi.nterms,
            mi.nunigrams);
    for (size_t f = 0; f < mi.nfacets; f++) {
        rt_facet_info fi;
        rt_model_get_facet(m, f, &fi);
        fprintf(stderr, "revtag train: facet %s: %zu records, %zu labels, %s, %s, held-out %s %.4f\n",
                fi.name, fi.ntrain, fi.nlabels, fi.multi_label ? "multi-label" : "single-label",
                rt_algo_name(fi.algo), fi.multi_label ? "micro-F1" : "accuracy", fi.cv_metric);
    }
}

static int run(int argc, char **argv, rt_err *err)
{
    train_args a = { rt_train_defaults(), NULL, 0, NULL, { 0 }, 0 };
    recset s = { 0 };
    rt_model *m = NULL;
    const rt_record **ptrs = NULL;
    int rc = parse(argc, argv, &a, err);
    for (int i = optind; rc == RT_OK && i < argc; i++)
        rc = read_file(argv[i], &a.ro, &s, err);
    if (rc == RT_OK && !(ptrs = malloc((s.n + 1) * sizeof *ptrs)))
        rc = rt_err_set(err, RT_ENOMEM, "out of memory");
    for (size_t i = 0; rc == RT_OK && i < s.n; i++)
        ptrs[i] = &s.v[i];
    a.t.facets = a.facets;
    a.t.nfacets = a.nfacets;
    if (rc == RT_OK)
        rc = rt_model_train(ptrs, s.n, &a.t, &m, err);
    if (rc == RT_OK)
        rc = rt_model_save(m, a.out, err);
    if (rc == RT_OK && !a.quiet)
        summary(m);
    rt_model_free(m);
    free(ptrs);
    recset_free(&s);
    free(a.facets);
    return rc;
}

const cli_cmd cli_cmd_train = {
    "train", run, "train a classifier model from labelled records",
    "usage: revtag train -f FACET [-f FACET...] -o MODEL [OPTIONS] FILE...\n\n"
    "Train one model per FACET from the records in FILEs (JSONL, CSV/TSV, RIS or\n"
    "BibTeX) that carry labels for it, and write them to MODEL (atomically).\n"
    "A facet is single-label when every such record has exactly one label,\n"
    "multi-label otherwise (zero or more labels per record, a threshold per label\n"
    "tuned by cross-validation). Scores are calibrated to [0, 1] on held-out\n"
    "decision values. The model is identical for any --threads.\n\n"
    "  -f, --facet F      facet to train (repeat for several)\n"
    "  -o, --output MODEL model file to write\n"
    "  -a, --algo A       nbsvm (default): linear SVM on NB-scaled TF-IDF;\n"
    "                     svm: linear SVM on TF-IDF; cnb: complement naive Bayes;\n"
    "                     mnb: multinomial naive Bayes; auto: per facet, the best\n"
    "                     of the four by cross-validation on the training data\n"
    "  -C C               SVM cost of errors (default 1)\n"
    "      --alpha A      naive Bayes smoothing (default 0.1)\n"
    "      --cv K         cross-validation folds (default 5)\n"
    "      --cv-max N     SVM facets with more than N records (default 3000) are\n"
    "                     calibrated on leave-one-out estimates instead of K-fold\n"
    "                     cross-validation; 0 always cross-validates\n"
    "      --seed S       fold assignment and SVM order (default 1)\n"
    "  -t, --threads N    worker threads (default: all cores)\n"
    "      --bigrams      add bigrams of adjacent terms (default)\n"
    "      --no-bigrams   unigrams only\n"
    "      --min-df N     keep terms found in at least N records (default 2)\n"
    "      --no-stem      do not stem; --stopwords drop stop words; --no-numbers\n"
    "                     drop numbers; --urls, --emails keep them as terms\n"
    "      --format F     input format for every FILE (jsonl, csv, tsv, ris,\n"
    "                     bibtex; default by extension)\n"
    "      --columns MAP  CSV/TSV column mapping (see revtag help convert)\n"
    "      --label-sep S  CSV/TSV label separator (default ;)\n"
    "      --skip-bad     skip malformed records instead of stopping\n"
    "  -q, --quiet        no summary on stderr\n\n"
    "Exit status: 0 success, 1 error (one line naming FILE:LINE), 2 usage.\n",
};
