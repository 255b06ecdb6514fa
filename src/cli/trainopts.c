/*
 * trainopts.c - what `train` and `eval --folds` share: the training and
 * feature options (one parser, one help text, so a cross-validation can
 * use exactly the settings a model will be trained with) and reading
 * every record of the input files.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "rtint.h"

static int parse_positive(const char *opt, const char *val, double *out, rt_err *err)
{
    char *end;
    double v = strtod(val, &end);
    if (end == val || *end || !(v > 0) || v > 1e9)
        return rt_err_set(err, CLI_USAGE, "%s: expected a positive number, got '%s'", opt, val);
    *out = v;
    return RT_OK;
}

static int parse_count(const char *opt, const char *val, long min, long max, long *out,
                       rt_err *err)
{
    return cli_parse_int(opt, val, min, max, out, err) == RT_OK ? RT_OK : CLI_USAGE;
}

int cli_train_option(rt_train_opts *t, int ch, const char *arg, rt_err *err)
{
    long v = 0;
    int rc = RT_OK;
    switch (ch) {
    case 'a':
    case CLI_O_ALGO:
        if ((t->algo = rt_algo_from_name(arg)) < 0)
            return rt_err_set(err, CLI_USAGE,
                              "--algo: unknown algorithm '%s' (mnb, cnb, svm, nbsvm, auto)", arg);
        return RT_OK;
    case 'C': return parse_positive("-C", arg, &t->C, err);
    case CLI_O_ALPHA: return parse_positive("--alpha", arg, &t->alpha, err);
    case CLI_O_CV:
        if ((rc = parse_count("--cv", arg, 2, 100, &v, err)) == RT_OK)
            t->cv = (unsigned)v;
        return rc;
    case CLI_O_CVMAX:
        if ((rc = parse_count("--cv-max", arg, 0, 1000000000, &v, err)) == RT_OK)
            t->cv_max = (size_t)v;
        return rc;
    case CLI_O_MINDF:
        if ((rc = parse_count("--min-df", arg, 1, 1000000, &v, err)) == RT_OK)
            t->features.min_df = (unsigned)v;
        return rc;
    case CLI_O_SEED:
        if ((rc = parse_count("--seed", arg, 0, 2147483647, &v, err)) == RT_OK)
            t->seed = (uint64_t)v;
        return rc;
    case 't':
        if ((rc = parse_count("--threads", arg, 1, 1024, &v, err)) == RT_OK)
            t->threads = (int)v;
        return rc;
    case CLI_O_BIGRAMS: t->features.bigrams = 1; return RT_OK;
    case CLI_O_NOBIGRAMS: t->features.bigrams = 0; return RT_OK;
    case CLI_O_NOSTEM: t->features.an.stem = 0; return RT_OK;
    case CLI_O_STOP: t->features.an.stopwords = 1; return RT_OK;
    case CLI_O_NONUM: t->features.an.tok_flags &= ~(unsigned)RT_TOK_NUMBERS; return RT_OK;
    case CLI_O_URLS: t->features.an.tok_flags |= RT_TOK_URLS; return RT_OK;
    case CLI_O_EMAILS: t->features.an.tok_flags |= RT_TOK_EMAILS; return RT_OK;
    default: return rt_err_set(err, CLI_USAGE, "unknown or incomplete option");
    }
}

int cli_input_option(rt_reader_opts *o, int ch, const char *arg, rt_err *err)
{
    int f;
    switch (ch) {
    case CLI_O_FORMAT:
        if ((f = rt_format_from_name(arg)) < 0)
            return rt_err_set(err, CLI_USAGE, "--format: unknown format '%s'", arg);
        o->format = (rt_format)f;
        return RT_OK;
    case CLI_O_COLUMNS: o->columns = arg; return RT_OK;
    case CLI_O_SEP: o->label_sep = arg; return RT_OK;
    case CLI_O_SKIP: o->skip_bad = 1; return RT_OK;
    case CLI_O_ENCODING:
        if (rt_io_encoding_from_name(arg) < 0)
            return rt_err_set(err, CLI_USAGE, "--encoding: unknown encoding '%s' (utf-8, "
                              "windows-1252, latin1)", arg);
        o->encoding = arg;
        return RT_OK;
    default: return rt_err_set(err, CLI_USAGE, "unknown or incomplete option");
    }
}

int cli_recset_read(const char *cmd, const char *path, const rt_reader_opts *o, cli_recset *s,
                    rt_err *err)
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
        fprintf(stderr, "revtag %s: %s: %zu malformed record(s) skipped\n", cmd, path,
                rt_reader_skipped(r));
    rt_reader_free(r);
    return rc == RT_DONE ? RT_OK : rc;
}

void cli_recset_free(cli_recset *s)
{
    for (size_t i = 0; i < s->n; i++)
        rt_record_clear(&s->v[i]);
    free(s->v);
    s->v = NULL;
    s->n = s->cap = 0;
}

int cli_facets_add(const char ***facets, size_t *n, const char *name, rt_err *err)
{
    const char **f = realloc(*facets, (*n + 1) * sizeof *f);
    if (!f)
        return rt_err_set(err, RT_ENOMEM, "out of memory");
    f[(*n)++] = name;
    *facets = f;
    return RT_OK;
}
