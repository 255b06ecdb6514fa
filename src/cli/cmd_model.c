/*
 * cmd_model.c - `revtag model info MODEL`: what a model file holds (format
 * and revtag version, feature and training options, and per facet its
 * algorithm, labels, support, thresholds and held-out accuracy).
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "revtag/model.h"
#include "revtag/tokenizer.h"
#include "rtint.h"

static const char *yes(int b)
{
    return b ? "yes" : "no";
}

static void print_header(const char *path, const rt_model_info *mi)
{
    const rt_feature_opts *fo = &mi->params.features;
    printf("model      %s\n", path);
    printf("format     %d, written by revtag %s\n", RT_MODEL_FORMAT, mi->version);
    printf("features   %zu terms (%zu unigrams, %zu bigrams) from %zu records\n", mi->nterms,
           mi->nunigrams, mi->nterms - mi->nunigrams, mi->ndocs);
    printf("           bigrams %s, min_df %u, stemming %s, stop words dropped %s,\n",
           yes(fo->bigrams), fo->min_df, yes(fo->an.stem), yes(fo->an.stopwords));
    printf("           numbers %s, urls %s, emails %s\n", yes(fo->an.tok_flags & RT_TOK_NUMBERS),
           yes(fo->an.tok_flags & RT_TOK_URLS), yes(fo->an.tok_flags & RT_TOK_EMAILS));
    printf("training   algo %s, C %g, alpha %g, cv %u folds, cv_max %zu, seed %llu\n",
           rt_algo_name(mi->params.algo), mi->params.C, mi->params.alpha, mi->params.cv,
           mi->params.cv_max, (unsigned long long)mi->params.seed);
}

static void print_facet(const rt_model_info *mi, const rt_facet_info *fi)
{
    size_t w = 5;
    for (size_t l = 0; l < fi->nlabels; l++)
        if (strlen(fi->labels[l]) > w)
            w = strlen(fi->labels[l]);
    printf("\nfacet %s: %s, %s, %zu records, %zu labels\n", fi->name,
           fi->multi_label ? "multi-label" : "single-label", rt_algo_name(fi->algo), fi->ntrain,
           fi->nlabels);
    const char *metric = fi->multi_label ? "micro-F1" : "accuracy";
    size_t k = mi->params.cv < fi->ntrain ? mi->params.cv : fi->ntrain;
    if (fi->loo)
        printf("  held-out %s %.4f (leave-one-out estimates)\n", metric, fi->cv_metric);
    else if (k >= 2)
        printf("  held-out %s %.4f (%zu-fold cross-validation)\n", metric, fi->cv_metric, k);
    else
        printf("  no held-out estimate: too few training records\n");
    printf("  %-*s  %7s%s\n", (int)w, "label", "records", fi->multi_label ? "  threshold" : "");
    for (size_t l = 0; l < fi->nlabels; l++) {
        printf("  %-*s  %7u", (int)w, fi->labels[l], fi->support[l]);
        if (fi->multi_label)
            printf("  %9.4f", fi->threshold[l]);
        putchar('\n');
    }
}

static int run(int argc, char **argv, rt_err *err)
{
    if (argc != 3 || strcmp(argv[1], "info") != 0)
        return rt_err_set(err, CLI_USAGE, "expected: revtag model info MODEL");
    rt_model *m;
    int rc = rt_model_load(argv[2], &m, err);
    if (rc != RT_OK)
        return rc;
    rt_model_info mi;
    rt_model_get_info(m, &mi);
    print_header(argv[2], &mi);
    for (size_t f = 0; f < mi.nfacets; f++) {
        rt_facet_info fi;
        rt_model_get_facet(m, f, &fi);
        print_facet(&mi, &fi);
    }
    rt_model_free(m);
    return cli_flush_stdout(err);
}

const cli_cmd cli_cmd_model = {
    "model", run, "describe a model file (revtag model info MODEL)",
    "usage: revtag model info MODEL\n\n"
    "Print what MODEL holds: its format and the revtag version that wrote it,\n"
    "the feature options (bigrams, min_df, stemming, stop words, numbers), the\n"
    "training options, and for each facet whether it is single- or multi-label,\n"
    "the algorithm, the number of training records, the held-out accuracy\n"
    "(single-label) or micro-F1 (multi-label) measured while training, and each\n"
    "label with its number of training records and, for multi-label facets, the\n"
    "score threshold at which it is assigned.\n\n"
    "A model that is not a revtag model, has another format version, is\n"
    "truncated or fails its checksum is refused.\n\n"
    "Exit status: 0 success, 1 error, 2 usage.\n",
};
