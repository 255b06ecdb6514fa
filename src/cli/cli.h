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
