/*
 * util.c - small helpers shared by the subcommands: opening inputs,
 * checking stdout, parsing numbers.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "rtint.h"

int cli_open(const char *path, FILE **fp, rt_err *err)
{
    if (strcmp(path, "-") == 0) {
        *fp = stdin;
        return RT_OK;
    }
    *fp = fopen(path, "rb");
    if (!*fp)
        return rt_err_set(err, RT_EIO, "%s: cannot open: %s", path, strerror(errno));
    return RT_OK;
}

void cli_close(FILE *fp)
{
    if (fp && fp != stdin)
        fclose(fp);
}

int cli_flush_stdout(rt_err *err)
{
    if (fflush(stdout) != 0 || ferror(stdout))
        return rt_err_set(err, RT_EIO, "stdout: write error: %s", strerror(errno));
    return RT_OK;
}

int cli_parse_int(const char *opt, const char *val, long min, long max, long *out, rt_err *err)
{
    char *end;
    errno = 0;
    long v = strtol(val, &end, 10);
    if (errno || end == val || *end || v < min || v > max)
        return rt_err_set(err, CLI_USAGE, "%s: expected a whole number from %ld to %ld, got '%s'",
                          opt, min, max, val);
    *out = v;
    return RT_OK;
}

void cli_print_help(const cli_cmd *cmd, FILE *fp)
{
    fputs(cmd->help, fp);
}
