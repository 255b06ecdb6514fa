/*
 * main.c - revtag's entry point: parse the subcommand, dispatch, and report
 * every error in one place with a one-line message and a documented status.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "revtag/revtag.h"

static const cli_cmd *const COMMANDS[] = {
    &cli_cmd_tokens,
    &cli_cmd_check,
    &cli_cmd_places,
    &cli_cmd_convert,
    &cli_cmd_index,
    &cli_cmd_search,
    &cli_cmd_serve,
    &cli_cmd_export,
    &cli_cmd_train,
    &cli_cmd_classify,
    &cli_cmd_model,
    &cli_cmd_eval,
    &cli_cmd_explain,
};
#define NCOMMANDS (sizeof COMMANDS / sizeof COMMANDS[0])

static void usage(FILE *fp)
{
    fprintf(fp,
            "usage: revtag COMMAND [OPTIONS] [ARGS]\n"
            "       revtag help COMMAND | --help | --version\n\n"
            "revtag tags systematic-review literature on outcomes-based contracting by\n"
            "country, policy area, theme and approach.\n\ncommands:\n");
    for (size_t i = 0; i < NCOMMANDS; i++)
        fprintf(fp, "  %-10s %s\n", COMMANDS[i]->name, COMMANDS[i]->summary);
    fprintf(fp,
            "\nData goes to stdout; progress and errors to stderr.\n"
            "Exit status: 0 success, 1 error (one line on stderr naming the file and\n"
            "line), 2 usage error.\n");
}

static const cli_cmd *find(const char *name)
{
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (strcmp(COMMANDS[i]->name, name) == 0)
            return COMMANDS[i];
    return NULL;
}

static int help(int argc, char **argv)
{
    if (argc < 3) {
        usage(stdout);
        return CLI_EXIT_OK;
    }
    const cli_cmd *c = find(argv[2]);
    if (!c) {
        fprintf(stderr, "revtag: unknown command '%s' (see 'revtag --help')\n", argv[2]);
        return CLI_EXIT_USAGE;
    }
    cli_print_help(c, stdout);
    return CLI_EXIT_OK;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return CLI_EXIT_USAGE;
    }
    const char *name = argv[1];
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0 || strcmp(name, "help") == 0)
        return help(argc, argv);
    if (strcmp(name, "--version") == 0 || strcmp(name, "version") == 0) {
        printf("revtag %s\n", rt_version());
        return CLI_EXIT_OK;
    }
    const cli_cmd *c = find(name);
    if (!c) {
        fprintf(stderr, "revtag: unknown command '%s' (see 'revtag --help')\n", name);
        return CLI_EXIT_USAGE;
    }
    for (int i = 2; i < argc && strcmp(argv[i], "--") != 0; i++)
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            cli_print_help(c, stdout);
            return CLI_EXIT_OK;
        }
    rt_err err = { 0, "" };
    int rc = c->run(argc - 1, argv + 1, &err);
    if (rc == RT_OK)
        return CLI_EXIT_OK;
    fprintf(stderr, "revtag %s: %s\n", c->name, err.msg[0] ? err.msg : rt_strerror(rc));
    if (rc == CLI_USAGE) {
        fprintf(stderr, "(see 'revtag help %s')\n", c->name);
        return CLI_EXIT_USAGE;
    }
    return CLI_EXIT_ERROR;
}
