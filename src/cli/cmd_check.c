/*
 * cmd_check.c - `revtag check`: read every record of every file, report what
 * is wrong (malformed records, duplicate ids across files, labels outside the
 * taxonomy or the ISO 3166-1 list) one line each, and count labels per facet.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "revtag/reader.h"
#include "rtint.h"

#define DEFAULT_TAXONOMY "corpus/taxonomy.json"

typedef struct check_opts {
    const char *taxonomy;      /* NULL: DEFAULT_TAXONOMY when it exists */
    int no_taxonomy;
    rt_reader_opts ro;
    int skip_bad;
    int json;
    long max_problems;
} check_opts;

typedef struct id_slot {
    char *id;                  /* NULL = empty slot */
    int file;
    long line;
} id_slot;

typedef struct label_count {
    char *label;
    size_t count;
} label_count;

typedef struct facet_count {
    char *facet;
    size_t coded;              /* records coded for the facet */
    label_count *labels;
    size_t n, cap;
} facet_count;

typedef struct checker {
    const check_opts *o;
    char **files;
    rt_taxonomy *tax;
    id_slot *ids;
    size_t nids, capids;       /* capids: a power of two */
    facet_count *facets;
    size_t nfacets;
    size_t records, skipped, problems;
    rt_buf messages;           /* --json: the reported problems as JSON strings */
    int rc;                    /* sticky RT_ENOMEM */
} checker;

/* ---------------------------------------------------------------- problems */

static void problem(checker *c, const char *fmt, ...) RT_PRINTF(2, 3);

static void problem(checker *c, const char *fmt, ...)
{
    if (++c->problems > (size_t)c->o->max_problems)
        return;
    char msg[RT_ERR_MAX + 256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    fprintf(stderr, "revtag check: %s\n", msg);
    if (c->o->json) {
        rt_buf_puts(&c->rc, &c->messages, c->messages.len ? "," : "");
        rt_json_string(&c->rc, &c->messages, msg, strlen(msg));
    }
}

/* ---------------------------------------------------------------- ids */

static int ids_grow(checker *c)
{
    size_t cap = c->capids ? 2 * c->capids : 1024;
    id_slot *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return RT_ENOMEM;
    for (size_t i = 0; i < c->capids; i++) {
        if (!c->ids[i].id)
            continue;
        size_t h = (size_t)rt_hash64(c->ids[i].id, strlen(c->ids[i].id)) & (cap - 1);
        while (slots[h].id)
            h = (h + 1) & (cap - 1);
        slots[h] = c->ids[i];
    }
    free(c->ids);
    c->ids = slots;
    c->capids = cap;
    return RT_OK;
}

/* Record REC's id; a duplicate is reported with both locations. */
static int check_id(checker *c, int file, const rt_record *rec)
{
    if (2 * (c->nids + 1) > c->capids && ids_grow(c) != RT_OK)
        return RT_ENOMEM;
    size_t h = (size_t)rt_hash64(rec->id, strlen(rec->id)) & (c->capids - 1);
    for (; c->ids[h].id; h = (h + 1) & (c->capids - 1))
        if (strcmp(c->ids[h].id, rec->id) == 0) {
            problem(c, "%s:%ld: duplicate id '%s' (first at %s:%ld)", rec->source, rec->line,
                    rec->id, c->files[c->ids[h].file], c->ids[h].line);
            return RT_OK;
        }
    if (!(c->ids[h].id = rt_strdup(rec->id)))
        return RT_ENOMEM;
    c->ids[h].file = file;
    c->ids[h].line = rec->line;
    c->nids++;
    return RT_OK;
}

/* ---------------------------------------------------------------- labels */

static facet_count *facet_get(checker *c, const char *facet)
{
    for (size_t i = 0; i < c->nfacets; i++)
        if (strcmp(c->facets[i].facet, facet) == 0)
            return &c->facets[i];
    facet_count *fs = realloc(c->facets, (c->nfacets + 1) * sizeof *fs);
    if (!fs)
        return NULL;
    c->facets = fs;
    facet_count *f = &fs[c->nfacets];
    memset(f, 0, sizeof *f);
    if (!(f->facet = rt_strdup(facet)))
        return NULL;
    c->nfacets++;
    return f;
}

static int count_label(facet_count *f, const char *label, size_t add)
{
    for (size_t i = 0; i < f->n; i++)
        if (strcmp(f->labels[i].label, label) == 0) {
            f->labels[i].count += add;
            return RT_OK;
        }
    if (f->n == f->cap) {
        size_t cap = f->cap ? 2 * f->cap : 16;
        label_count *ls = realloc(f->labels, cap * sizeof *ls);
        if (!ls)
            return RT_ENOMEM;
        f->labels = ls;
        f->cap = cap;
    }
    if (!(f->labels[f->n].label = rt_strdup(label)))
        return RT_ENOMEM;
    f->labels[f->n++].count = add;
    return RT_OK;
}

/* Report LABEL when the taxonomy does not have it in FACET. */
static void check_label(checker *c, const rt_record *rec, const char *facet, const char *label)
{
    if (rt_taxonomy_has_label(c->tax, facet, label) != 0)
        return;
    size_t n;
    if (rt_taxonomy_labels(c->tax, facet, &n) != NULL) {
        problem(c, "%s:%ld: record '%s': '%s' is not a %s label of the taxonomy", rec->source,
                rec->line, rec->id, label, facet);
        return;
    }
    char up[3] = { 0 };
    for (size_t i = 0; i < 2 && label[i]; i++)
        up[i] = (char)(label[i] >= 'a' && label[i] <= 'z' ? label[i] - 32 : label[i]);
    const char *hint = strcmp(label, "UK") == 0 ? " (the code of the United Kingdom is GB)"
                       : strlen(label) == 2 && rt_taxonomy_has_label(c->tax, facet, up) == 1
                           ? " (codes are upper case)" : "";
    problem(c, "%s:%ld: record '%s': %s '%s' is not an ISO 3166-1 alpha-2 code%s", rec->source,
            rec->line, rec->id, facet, label, hint);
}

static int check_labels(checker *c, const rt_record *rec)
{
    for (size_t i = 0; i < rec->nfacets; i++) {
        const rt_facet_labels *fl = &rec->facets[i];
        facet_count *f = facet_get(c, fl->facet);
        if (!f)
            return RT_ENOMEM;
        f->coded++;
        int multi = c->tax ? rt_taxonomy_multi(c->tax, fl->facet) : 1;
        if (multi < 0)
            problem(c, "%s:%ld: record '%s': facet '%s' is not in the taxonomy", rec->source,
                    rec->line, rec->id, fl->facet);
        else if (multi == 0 && fl->nlabels > 1)
            problem(c, "%s:%ld: record '%s': facet '%s' takes one label, the record has %zu",
                    rec->source, rec->line, rec->id, fl->facet, fl->nlabels);
        for (size_t j = 0; j < fl->nlabels; j++) {
            if (count_label(f, fl->labels[j], 1) != RT_OK)
                return RT_ENOMEM;
            if (c->tax && multi >= 0)
                check_label(c, rec, fl->facet, fl->labels[j]);
        }
    }
    return RT_OK;
}

/* ---------------------------------------------------------------- files */

static int check_file(checker *c, int file, rt_err *err)
{
    const char *path = c->files[file];
    rt_reader *r;
    rt_err e = { 0, "" };
    int rc = rt_reader_open(path, &c->o->ro, &r, &e);
    if (rc == RT_ENOMEM)
        return rt_err_set(err, rc, "%s", e.msg);
    if (rc != RT_OK) {
        problem(c, "%s", e.msg);
        return RT_OK;
    }
    rt_record rec;
    rt_record_init(&rec);
    size_t skipped = 0;
    int oom = 0;
    char first[RT_ERR_MAX] = "";
    while ((rc = rt_reader_next(r, &rec, &e)) == RT_OK || rc == RT_EFORMAT) {
        if (rc == RT_EFORMAT && c->o->skip_bad) {
            if (!skipped++)
                snprintf(first, sizeof first, "%s", e.msg);
        } else if (rc == RT_EFORMAT) {
            problem(c, "%s", e.msg);
        } else {
            c->records++;
            if ((oom = check_id(c, file, &rec) != RT_OK || check_labels(c, &rec) != RT_OK))
                break;
        }
    }
    rt_record_clear(&rec);
    rt_reader_free(r);
    c->skipped += skipped;
    if (skipped)
        fprintf(stderr, "revtag check: %zu malformed record(s) skipped; the first: %s\n",
                skipped, first);
    if (oom || c->rc != RT_OK)
        return rt_err_set(err, RT_ENOMEM, "out of memory");
    return rc == RT_DONE ? RT_OK : rt_err_set(err, rc, "%s", e.msg);
}

/* ---------------------------------------------------------------- report */

static int by_count(const void *a, const void *b)
{
    const label_count *x = a, *y = b;
    if (x->count != y->count)
        return x->count < y->count ? 1 : -1;
    return strcmp(x->label, y->label);
}

/* Sort labels by count and list the taxonomy's unused labels with 0; taxonomy facets first. */
static int arrange(checker *c)
{
    for (size_t i = 0; c->tax && i < rt_taxonomy_nfacets(c->tax); i++) {
        facet_count *f = facet_get(c, rt_taxonomy_facet(c->tax, i));
        if (!f)
            return RT_ENOMEM;
        facet_count keep = *f;                            /* move it to position i */
        memmove(&c->facets[i + 1], &c->facets[i], (size_t)(f - &c->facets[i]) * sizeof *f);
        c->facets[i] = keep;
        size_t n;
        const char *const *labels = rt_taxonomy_labels(c->tax, keep.facet, &n);
        for (size_t j = 0; j < n; j++)
            if (count_label(&c->facets[i], labels[j], 0) != RT_OK)
                return RT_ENOMEM;
    }
    for (size_t i = 0; i < c->nfacets; i++)
        if (c->facets[i].n > 1)
            qsort(c->facets[i].labels, c->facets[i].n, sizeof *c->facets[i].labels, by_count);
    return RT_OK;
}

static void print_text(const checker *c, int nfiles)
{
    printf("%zu record(s) in %d file(s)", c->records, nfiles);
    if (c->skipped)
        printf(", %zu malformed record(s) skipped", c->skipped);
    printf("\n");
    for (size_t i = 0; i < c->nfacets; i++) {
        const facet_count *f = &c->facets[i];
        printf("\n%s: %zu record(s) coded, %zu label(s)\n", f->facet, f->coded, f->n);
        for (size_t j = 0; j < f->n; j++)
            printf("  %7zu  %s\n", f->labels[j].count, f->labels[j].label);
    }
}

static int print_json(checker *c, int nfiles)
{
    int rc = RT_OK;
    rt_buf b = { 0 };
    rt_buf_printf(&rc, &b, "{\"files\":%d,\"records\":%zu,\"skipped\":%zu,\"problems\":%zu,"
                  "\"facets\":{", nfiles, c->records, c->skipped, c->problems);
    for (size_t i = 0; i < c->nfacets; i++) {
        const facet_count *f = &c->facets[i];
        rt_buf_puts(&rc, &b, i ? "," : "");
        rt_json_string(&rc, &b, f->facet, strlen(f->facet));
        rt_buf_printf(&rc, &b, ":{\"coded\":%zu,\"labels\":{", f->coded);
        for (size_t j = 0; j < f->n; j++) {
            rt_buf_puts(&rc, &b, j ? "," : "");
            rt_json_string(&rc, &b, f->labels[j].label, strlen(f->labels[j].label));
            rt_buf_printf(&rc, &b, ":%zu", f->labels[j].count);
        }
        rt_buf_puts(&rc, &b, "}}");
    }
    rt_buf_puts(&rc, &b, "},\"messages\":[");
    if (c->messages.len)
        rt_buf_append(&rc, &b, c->messages.data, c->messages.len);
    rt_buf_puts(&rc, &b, "]}\n");
    if (rc == RT_OK)
        fwrite(b.data, 1, b.len, stdout);
    rt_buf_free(&b);
    return rc;
}

/* ---------------------------------------------------------------- command */

static void checker_free(checker *c)
{
    for (size_t i = 0; i < c->capids; i++)
        free(c->ids[i].id);
    free(c->ids);
    for (size_t i = 0; i < c->nfacets; i++) {
        for (size_t j = 0; j < c->facets[i].n; j++)
            free(c->facets[i].labels[j].label);
        free(c->facets[i].labels);
        free(c->facets[i].facet);
    }
    free(c->facets);
    rt_buf_free(&c->messages);
    rt_taxonomy_free(c->tax);
}

static int load_taxonomy(checker *c, rt_err *err)
{
    const char *path = c->o->taxonomy;
    if (c->o->no_taxonomy)
        return RT_OK;
    if (!path && access(DEFAULT_TAXONOMY, F_OK) != 0)
        return RT_OK;
    return rt_taxonomy_load(path ? path : DEFAULT_TAXONOMY, NULL, &c->tax, err);
}

static int parse(int argc, char **argv, check_opts *o, rt_err *err)
{
    enum { O_TAX = 256, O_NOTAX, O_COLUMNS, O_SEP, O_SKIP, O_JSON, O_MAX };
    static const struct option longopts[] = {
        { "taxonomy", required_argument, NULL, O_TAX }, { "no-taxonomy", no_argument, NULL, O_NOTAX },
        { "format", required_argument, NULL, 'f' }, { "columns", required_argument, NULL, O_COLUMNS },
        { "label-sep", required_argument, NULL, O_SEP }, { "skip-bad", no_argument, NULL, O_SKIP },
        { "encoding", required_argument, NULL, CLI_O_ENCODING },
        { "json", no_argument, NULL, O_JSON }, { "max-problems", required_argument, NULL, O_MAX },
        { NULL, 0, NULL, 0 },
    };
    int ch, f;
    optind = 0;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, "f:", longopts, NULL)) != -1) {
        switch (ch) {
        case O_TAX: o->taxonomy = optarg; break;
        case O_NOTAX: o->no_taxonomy = 1; break;
        case 'f':
            if ((f = rt_format_from_name(optarg)) < 0)
                return rt_err_set(err, CLI_USAGE,
                                  "--format: unknown format '%s' (jsonl, csv, tsv, ris, bibtex)",
                                  optarg);
            o->ro.format = (rt_format)f;
            break;
        case O_COLUMNS: o->ro.columns = optarg; break;
        case O_SEP:
            if (!*optarg)
                return rt_err_set(err, CLI_USAGE, "--label-sep: empty separator");
            o->ro.label_sep = optarg;
            break;
        case O_SKIP: o->skip_bad = 1; break;
        case CLI_O_ENCODING:
            if (cli_input_option(&o->ro, ch, optarg, err) != RT_OK)
                return CLI_USAGE;
            break;
        case O_JSON: o->json = 1; break;
        case O_MAX:
            if (cli_parse_int("--max-problems", optarg, 0, 1000000000, &o->max_problems, err))
                return CLI_USAGE;
            break;
        default:
            return rt_err_set(err, CLI_USAGE, "unknown or incomplete option '%s'", argv[optind - 1]);
        }
    }
    return RT_OK;
}

static int run(int argc, char **argv, rt_err *err)
{
    check_opts o = { NULL, 0, { 0 }, 0, 0, 20 };
    int rc = parse(argc, argv, &o, err);
    if (rc != RT_OK)
        return rc;
    static char dash[] = "-";
    char *stdin_name[] = { dash };
    checker c = { 0 };
    c.o = &o;
    c.files = optind < argc ? argv + optind : stdin_name;
    int nfiles = optind < argc ? argc - optind : 1;
    rc = load_taxonomy(&c, err);
    for (int i = 0; i < nfiles && rc == RT_OK; i++)
        rc = check_file(&c, i, err);
    if (rc == RT_OK && (rc = arrange(&c)) != RT_OK)
        rt_err_set(err, rc, "out of memory");
    if (rc == RT_OK && o.json && print_json(&c, nfiles) != RT_OK)
        rc = rt_err_set(err, RT_ENOMEM, "out of memory");
    else if (rc == RT_OK && !o.json)
        print_text(&c, nfiles);
    if (rc == RT_OK)
        rc = cli_flush_stdout(err);
    if (rc == RT_OK && c.problems > (size_t)o.max_problems)
        fprintf(stderr, "revtag check: ... and %zu more problem(s)\n",
                c.problems - (size_t)o.max_problems);
    if (rc == RT_OK && c.problems)
        rc = rt_err_set(err, RT_EFORMAT, "%zu problem(s) in %d file(s)", c.problems, nfiles);
    checker_free(&c);
    return rc;
}

const cli_cmd cli_cmd_check = {
    "check", run, "validate records and count their labels per facet",
    "usage: revtag check [--taxonomy FILE | --no-taxonomy] [--format F] [--columns MAP]\n"
    "                    [--label-sep S] [--skip-bad] [--json] [--max-problems N] [FILE...]\n\n"
    "Read the records of FILEs (stdin when none; '-' is stdin) and report, one line\n"
    "each on stderr: malformed records (no id, no title/abstract/text, bad fields),\n"
    "ids used twice (across all FILEs, with both places), and labels outside the\n"
    "taxonomy: an unknown facet, an unknown label, a country that is not an\n"
    "ISO 3166-1 alpha-2 code (Debian's iso-codes list), or several labels in a\n"
    "single-label facet. Then print, on stdout, the number of records coded for\n"
    "each facet and of records per label (taxonomy labels no record has: 0).\n\n"
    "      --taxonomy FILE   the taxonomy (default: " DEFAULT_TAXONOMY " in the current\n"
    "                        directory, when it exists; otherwise labels are only\n"
    "                        counted)\n"
    "      --no-taxonomy     do not check labels, only count them\n"
    "  -f, --format F        jsonl, csv, tsv, ris or bibtex (default: by extension)\n"
    "      --columns MAP     CSV/TSV column mapping, as for revtag convert\n"
    "      --label-sep S     CSV/TSV label separator (default ;)\n"
    "      --skip-bad        count malformed records as skipped, not as problems\n"
    "      --encoding E      utf-8 (default), windows-1252 or latin1 (converted)\n"
    "      --json            print the counts and messages as one JSON object\n"
    "      --max-problems N  print at most N problem lines, then how many more\n"
    "                        (default 20)\n\n"
    "Exit status: 0 when nothing is wrong, 1 when anything is (or on an error),\n"
    "2 usage.\n",
};
