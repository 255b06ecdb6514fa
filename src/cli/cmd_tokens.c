/*
 * cmd_tokens.c - `revtag tokens`: print the terms the classifier sees, one
 * per line, so anyone can check tokenizing and stemming on their own text.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "cli/cli.h"
#include "revtag/analyzer.h"
#include "revtag/stemmer.h"
#include "rtint.h"

typedef struct tokens_opts {
    const char *lang;
    rt_analyzer_opts an;
    int offsets;        /* print START<TAB>END<TAB>TOKEN<TAB>SURFACE */
} tokens_opts;

typedef struct print_ctx {
    const tokens_opts *o;
    const char *line;
    size_t base;        /* byte offset of the line in its file */
} print_ctx;

static int print_token(void *vctx, const rt_token *t)
{
    print_ctx *c = vctx;
    if (c->o->offsets) {
        printf("%zu\t%zu\t%.*s\t", c->base + t->start, c->base + t->end, (int)t->len, t->text);
        fwrite(c->line + t->start, 1, t->end - t->start, stdout);
        putchar('\n');
    } else {
        fwrite(t->text, 1, t->len, stdout);
        putchar('\n');
    }
    return 0;
}

static int tokens_file(rt_analyzer *a, const tokens_opts *o, const char *path, rt_err *err)
{
    FILE *fp;
    int rc = cli_open(path, &fp, err);
    if (rc != RT_OK)
        return rc;
    char *line = NULL;
    size_t cap = 0, base = 0;
    ssize_t n;
    long lineno = 0;
    rt_tokenizer_stats before, after;
    rt_analyzer_get_stats(a, &before);
    while (rc == RT_OK && (n = getline(&line, &cap, fp)) >= 0) {
        lineno++;
        print_ctx c = { o, line, base };
        rt_err inner = { 0, "" };
        rc = rt_analyzer_run(a, o->lang, line, (size_t)n, print_token, &c, &inner);
        if (rc != RT_OK)
            rt_err_set(err, rc, "%s:%ld: %s", path, lineno, inner.msg);
        base += (size_t)n;
    }
    if (rc == RT_OK && ferror(fp))
        rc = rt_err_set(err, RT_EIO, "%s: read error", path);
    free(line);
    cli_close(fp);
    rt_analyzer_get_stats(a, &after);
    if (after.invalid > before.invalid)
        fprintf(stderr, "revtag tokens: %s: %zu invalid UTF-8 sequence(s) replaced\n", path,
                after.invalid - before.invalid);
    if (after.too_long > before.too_long)
        fprintf(stderr, "revtag tokens: %s: %zu token(s) over %d bytes dropped\n", path,
                after.too_long - before.too_long, RT_TOKEN_MAX_BYTES);
    return rc;
}

static int parse(int argc, char **argv, tokens_opts *o, rt_err *err)
{
    enum { O_NOSTEM = 256, O_STOP, O_URLS, O_EMAILS, O_NONUM, O_OFFSETS };
    static const struct option longopts[] = {
        { "lang", required_argument, NULL, 'l' }, { "no-stem", no_argument, NULL, O_NOSTEM },
        { "stopwords", no_argument, NULL, O_STOP }, { "urls", no_argument, NULL, O_URLS },
        { "emails", no_argument, NULL, O_EMAILS }, { "no-numbers", no_argument, NULL, O_NONUM },
        { "offsets", no_argument, NULL, O_OFFSETS }, { NULL, 0, NULL, 0 },
    };
    int ch;
    optind = 0;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, "l:", longopts, NULL)) != -1) {
        switch (ch) {
        case 'l': o->lang = optarg; break;
        case O_NOSTEM: o->an.stem = 0; break;
        case O_STOP: o->an.stopwords = 1; break;
        case O_URLS: o->an.tok_flags |= RT_TOK_URLS; break;
        case O_EMAILS: o->an.tok_flags |= RT_TOK_EMAILS; break;
        case O_NONUM: o->an.tok_flags &= ~(unsigned)RT_TOK_NUMBERS; break;
        case O_OFFSETS: o->offsets = 1; break;
        default:
            return rt_err_set(err, CLI_USAGE, "unknown or incomplete option '%s'", argv[optind - 1]);
        }
    }
    return rt_stemmer_lang(o->lang, NULL, NULL, err) == RT_OK ? RT_OK : CLI_USAGE;
}

static int run(int argc, char **argv, rt_err *err)
{
    tokens_opts o = { "en", rt_analyzer_defaults(), 0 };
    int rc = parse(argc, argv, &o, err);
    if (rc != RT_OK)
        return rc;
    rt_analyzer *a;
    if ((rc = rt_analyzer_new(&o.an, &a, err)) != RT_OK)
        return rc;
    if (optind == argc)
        rc = tokens_file(a, &o, "-", err);
    for (int i = optind; i < argc && rc == RT_OK; i++)
        rc = tokens_file(a, &o, argv[i], err);
    rt_analyzer_free(a);
    if (rc == RT_OK)
        rc = cli_flush_stdout(err);
    return rc;
}

const cli_cmd cli_cmd_tokens = {
    "tokens", run, "print the terms the classifier sees, one per line",
    "usage: revtag tokens [--lang L] [--no-stem] [--stopwords] [--no-numbers]\n"
    "                     [--urls] [--emails] [--offsets] [FILE...]\n\n"
    "Tokenize and stem text (FILEs, or stdin when none; '-' is stdin) exactly as\n"
    "the classifier does, printing one term per line.\n\n"
    "  -l, --lang L    language of the text, ISO 639-1 (default en); selects the\n"
    "                  Snowball stemmer, stop words and elision (fr, it, ca)\n"
    "      --no-stem   print case-folded words without stemming\n"
    "      --stopwords drop stop words\n"
    "      --no-numbers drop numbers (kept by default)\n"
    "      --urls      keep URLs as single tokens (dropped by default)\n"
    "      --emails    keep e-mail addresses as single tokens (dropped by default)\n"
    "      --offsets   print START, END (byte offsets in the file), TERM and the\n"
    "                  original text, tab-separated\n\n"
    "Text is NFKC-normalised and case-folded; invalid UTF-8 is replaced and\n"
    "counted on stderr. Exit status: 0 success, 1 error, 2 usage.\n",
};
