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

enum { O_QUIET = 256 };

static int parse_opt(train_args *a, int ch, rt_err *err)
{
    switch (ch) {
    case 'f': return cli_facets_add(&a->facets, &a->nfacets, optarg, err);
    case 'o': a->out = optarg; return RT_OK;
    case 'q':
    case O_QUIET: a->quiet = 1; return RT_OK;
    default:
        return ch >= CLI_O_FORMAT && ch <= CLI_O_ENCODING ? cli_input_option(&a->ro, ch, optarg, err)
                                                      : cli_train_option(&a->t, ch, optarg, err);
    }
}

static int parse(int argc, char **argv, train_args *a, rt_err *err)
{
    static const struct option longopts[] = {
        { "facet", required_argument, NULL, 'f' }, { "output", required_argument, NULL, 'o' },
        { "seed", required_argument, NULL, CLI_O_SEED }, { "threads", required_argument, NULL, 't' },
        { "quiet", no_argument, NULL, O_QUIET }, CLI_TRAIN_OPTIONS, CLI_INPUT_OPTIONS,
        { NULL, 0, NULL, 0 },
    };
    int ch, rc = RT_OK;
    optind = 0;
    opterr = 0;
    while (rc == RT_OK && (ch = getopt_long(argc, argv, "f:o:a:C:t:q", longopts, NULL)) != -1) {
        if (ch == '?' || ch == ':')
            return rt_err_set(err, CLI_USAGE, "unknown or incomplete option '%s'", argv[optind - 1]);
        rc = parse_opt(a, ch, err);
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
    cli_recset s = { 0 };
    rt_model *m = NULL;
    const rt_record **ptrs = NULL;
    int rc = parse(argc, argv, &a, err);
    a.ro.threads = a.t.threads;   /* JSONL lines are parsed on as many threads */
    for (int i = optind; rc == RT_OK && i < argc; i++)
        rc = cli_recset_read("train", argv[i], &a.ro, &s, err);
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
    cli_recset_free(&s);
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
    "      --seed S       fold assignment and SVM order (default 1)\n"
    "  -t, --threads N    worker threads (default: all cores)\n"
    CLI_TRAIN_HELP
    CLI_INPUT_HELP
    "  -q, --quiet        no summary on stderr\n\n"
    "Exit status: 0 success, 1 error (one line naming FILE:LINE), 2 usage.\n",
};
