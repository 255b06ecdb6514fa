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
extern const cli_cmd cli_cmd_convert;

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

#endif
