/*
 * cli.h - the command-line front end: one cli_cmd per subcommand, each in its
 * own src/cli/cmd_<name>.c; main.c dispatches and reports errors in one place.
 */
#ifndef REVTAG_CLI_H
#define REVTAG_CLI_H

#include <stdio.h>
#include "revtag/revtag.h"

/* Exit statuses (documented in --help and the README). */
enum { CLI_EXIT_OK = 0, CLI_EXIT_ERROR = 1, CLI_EXIT_USAGE = 2 };

/* Returned by a command's run() for a usage error; err holds the message. */
#define CLI_USAGE 100

typedef struct cli_cmd {
    const char *name;
    /* Run with argv[0] = command name. Returns RT_OK, an RT_E* code with err set, or CLI_USAGE. */
    int (*run)(int argc, char **argv, rt_err *err);
    const char *summary;   /* one line for `revtag --help` */
    const char *help;      /* full text for `revtag help CMD` and `CMD --help` */
} cli_cmd;

extern const cli_cmd cli_cmd_tokens;
extern const cli_cmd cli_cmd_check;
extern const cli_cmd cli_cmd_places;
extern const cli_cmd cli_cmd_convert;
extern const cli_cmd cli_cmd_index;
extern const cli_cmd cli_cmd_search;
extern const cli_cmd cli_cmd_serve;
extern const cli_cmd cli_cmd_export;
extern const cli_cmd cli_cmd_train;
extern const cli_cmd cli_cmd_classify;
extern const cli_cmd cli_cmd_model;
extern const cli_cmd cli_cmd_eval;
extern const cli_cmd cli_cmd_explain;

/* ---------------------------------------------------------------- util */

/* Open PATH for reading ("-" = stdin). Returns RT_OK or RT_EIO with err. */
int cli_open(const char *path, FILE **fp, rt_err *err);

/* Close a stream from cli_open (stdin is left open). */
void cli_close(FILE *fp);

/* Flush stdout and report a write error (e.g. disk full, closed pipe) as RT_EIO. */
int cli_flush_stdout(rt_err *err);

/* Parse a positive integer option value; CLI_USAGE with err on failure. */
int cli_parse_int(const char *opt, const char *val, long min, long max, long *out, rt_err *err);

/* Print CMD's help to FP. */
void cli_print_help(const cli_cmd *cmd, FILE *fp);

/* ---------------------------------------------------------------- training and input */
/* What `train` and `eval --folds` share (trainopts.c). */
#include "revtag/model.h"
#include "revtag/reader.h"

enum { CLI_O_ALGO = 400, CLI_O_ALPHA, CLI_O_CV, CLI_O_CVMAX, CLI_O_MINDF, CLI_O_BIGRAMS,
       CLI_O_NOBIGRAMS, CLI_O_NOSTEM, CLI_O_STOP, CLI_O_NONUM, CLI_O_URLS, CLI_O_EMAILS,
       CLI_O_SEED, CLI_O_FORMAT, CLI_O_COLUMNS, CLI_O_SEP, CLI_O_SKIP, CLI_O_ENCODING };

/* Long options of the training settings; -a (--algo) and -C are short options. */
#define CLI_TRAIN_OPTIONS                                                           \
    { "algo", required_argument, NULL, CLI_O_ALGO },                                \
    { "alpha", required_argument, NULL, CLI_O_ALPHA },                              \
    { "cv", required_argument, NULL, CLI_O_CV },                                    \
    { "cv-max", required_argument, NULL, CLI_O_CVMAX },                             \
    { "min-df", required_argument, NULL, CLI_O_MINDF },                             \
    { "bigrams", no_argument, NULL, CLI_O_BIGRAMS },                                \
    { "no-bigrams", no_argument, NULL, CLI_O_NOBIGRAMS },                           \
    { "no-stem", no_argument, NULL, CLI_O_NOSTEM },                                 \
    { "stopwords", no_argument, NULL, CLI_O_STOP },                                 \
    { "no-numbers", no_argument, NULL, CLI_O_NONUM },                               \
    { "urls", no_argument, NULL, CLI_O_URLS },                                      \
    { "emails", no_argument, NULL, CLI_O_EMAILS }

#define CLI_TRAIN_HELP                                                              \
    "  -a, --algo A       nbsvm (default): linear SVM on NB-scaled TF-IDF;\n"        \
    "                     svm: linear SVM on TF-IDF; cnb: complement naive Bayes;\n" \
    "                     mnb: multinomial naive Bayes; auto: per facet, the best\n"  \
    "                     of the four by cross-validation on the training data\n"    \
    "  -C C               SVM cost of errors (default 1)\n"                          \
    "      --alpha A      naive Bayes smoothing (default 0.1)\n"                     \
    "      --cv K         cross-validation folds inside training, for calibration,\n"\
    "                     thresholds and --algo auto (default 5)\n"                  \
    "      --cv-max N     SVM facets with more than N records (default 3000) are\n"  \
    "                     calibrated on leave-one-out estimates instead of K-fold\n" \
    "                     cross-validation; 0 always cross-validates\n"              \
    "      --bigrams      add bigrams of adjacent terms (default)\n"                 \
    "      --no-bigrams   unigrams only\n"                                           \
    "      --min-df N     keep terms found in at least N records (default 2)\n"      \
    "      --no-stem      do not stem; --stopwords drop stop words; --no-numbers\n"  \
    "                     drop numbers; --urls, --emails keep them as terms\n"

/* Long options of the readers (every input format). */
#define CLI_INPUT_OPTIONS                                                           \
    { "format", required_argument, NULL, CLI_O_FORMAT },                            \
    { "columns", required_argument, NULL, CLI_O_COLUMNS },                          \
    { "label-sep", required_argument, NULL, CLI_O_SEP },                            \
    { "skip-bad", no_argument, NULL, CLI_O_SKIP },                                  \
    { "encoding", required_argument, NULL, CLI_O_ENCODING }

#define CLI_INPUT_HELP                                                              \
    "      --format F     input format for every FILE (jsonl, csv, tsv, ris,\n"      \
    "                     bibtex; default by extension)\n"                           \
    "      --columns MAP  CSV/TSV column mapping (see revtag help convert)\n"        \
    "      --label-sep S  CSV/TSV label separator (default ;)\n"                     \
    "      --skip-bad     skip malformed records instead of stopping\n"          \
    "      --encoding E   input encoding: utf-8 (default), windows-1252 (Excel's\n"  \
    "                     \"CSV\" on Windows) or latin1; converted to UTF-8\n"

/*
 * Apply training option CH (a CLI_O_* training code, CLI_O_SEED, 'a', 'C'
 * or 't' for --threads) with ARG to *T. Returns RT_OK, or CLI_USAGE with
 * err set (bad value, other option).
 */
int cli_train_option(rt_train_opts *t, int ch, const char *arg, rt_err *err);

/* Apply input option CH (CLI_O_FORMAT .. CLI_O_ENCODING) with ARG to *O; like cli_train_option. */
int cli_input_option(rt_reader_opts *o, int ch, const char *arg, rt_err *err);

/* Append NAME (borrowed, e.g. from argv) to the array *FACETS of *N; the caller frees the array. */
int cli_facets_add(const char ***facets, size_t *n, const char *name, rt_err *err);

/* Every record of the input files, in input order; owns the records. */
typedef struct cli_recset {
    rt_record *v;
    size_t n, cap;
} cli_recset;

/*
 * Append every record of PATH ("-" = stdin) to *S; a count of skipped
 * malformed records (--skip-bad) goes to stderr under "revtag CMD". Returns
 * RT_OK or the reader's error with err set.
 */
int cli_recset_read(const char *cmd, const char *path, const rt_reader_opts *o, cli_recset *s,
                    rt_err *err);

/* Free the records and empty *S. */
void cli_recset_free(cli_recset *s);

/* ---------------------------------------------------------------- search filters */
/* The query and filter options `search` and `export` share (cmd_search.c). */
#include <getopt.h>
#include "revtag/search.h"

typedef struct cli_filters {
    char *query;                 /* the QUERY arguments joined by spaces; owned */
    rt_facet_filter *filters;    /* owned, with their strings */
    size_t nfilters;
    int sources;                 /* 0 = all */
    double min_score;
    const char *lang;            /* borrowed from argv */
} cli_filters;

enum { CLI_O_FACET = 300, CLI_O_SOURCE, CLI_O_MIN_SCORE, CLI_O_LANG };

#define CLI_FILTER_OPTIONS                                                          \
    { "facet", required_argument, NULL, CLI_O_FACET },                              \
    { "source", required_argument, NULL, CLI_O_SOURCE },                            \
    { "min-score", required_argument, NULL, CLI_O_MIN_SCORE },                      \
    { "lang", required_argument, NULL, CLI_O_LANG }

#define CLI_FILTER_HELP                                                             \
    "      --facet F=V     only records labelled V in facet F; repeat it: values\n"  \
    "                      of one facet are ORed, different facets ANDed\n"         \
    "      --source S      labels that count: manual, predicted or all (default)\n"  \
    "      --min-score S   ignore predicted labels scoring below S (default 0)\n"    \
    "      --lang L        language the query is stemmed in (default en)\n"

/* Handle option CH (a CLI_O_* code) with ARG; anything else is a usage error naming OPT. */
int cli_filters_option(cli_filters *f, int ch, const char *arg, const char *opt, rt_err *err);

/* Join the ARGC remaining arguments into the query. RT_OK or RT_ENOMEM. */
int cli_filters_query(cli_filters *f, int argc, char **argv, rt_err *err);

/* Search options for F (limit 20); pointers borrowed from F. */
rt_search_opts cli_filters_opts(const cli_filters *f);

void cli_filters_free(cli_filters *f);

#endif
