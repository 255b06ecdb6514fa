/*
 * cmd_index.c - `revtag index`: read records (any format the readers know)
 * with their manual labels, their "predicted" member and, with -m, a
 * model's predictions into the store, in one transaction: a run that fails
 * or is killed leaves the store as it was.
 */
#include <getopt.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "revtag/model.h"
#include "revtag/reader.h"
#include "revtag/store.h"
#include "revtag/tagger.h"
#include "rtint.h"

#define BATCH 512            /* records predicted together with -m */

typedef struct index_opts {
    const char *db, *model;
    rt_reader_opts ro;
    long threads;
    int quiet;
} index_opts;

typedef struct index_stats {
    size_t records;          /* stored this run */
    size_t skipped;          /* malformed, skipped with --skip-bad */
} index_stats;

/* -m MODEL: records wait in a batch, are predicted together, then stored. */
typedef struct predictor {
    rt_model *m;
    rt_tagger *t;            /* the model's tags; country joined with the gazetteer */
    rt_assigned *tags;            /* room for rt_tagger_cap */
    const char *name;        /* each label's model: MODEL's file name */
    rt_record recs[BATCH];
    const rt_record *ptrs[BATCH];
    size_t n;
    rt_store_label labels[1024];
} predictor;

/* ---------------------------------------------------------------- storing */

static int put_one(rt_store *s, const index_opts *o, const rt_record *rec,
                   const rt_store_label *labels, size_t n, index_stats *st, rt_err *err)
{
    int rc = rt_store_put(s, rec, labels, n, err);
    if (rc == RT_EFORMAT && o->ro.skip_bad) {
        if (!st->skipped++)
            fprintf(stderr, "revtag index: skipped: %s\n", err->msg);
        return RT_OK;
    }
    st->records += rc == RT_OK;
    return rc;
}

/* ---------------------------------------------------------------- predicting (-m) */

/* A score as `revtag classify` writes it (4 significant digits), so both paths store the same. */
static double as_classify(double x)
{
    char b[32];
    snprintf(b, sizeof b, "%.4g", x);
    return strtod(b, NULL);
}

static void add_label(predictor *pr, size_t *n, const char *facet, const char *label,
                      double score)
{
    if (*n < sizeof pr->labels / sizeof pr->labels[0])
        pr->labels[(*n)++] = (rt_store_label){ facet, label, as_classify(score), pr->name };
}

/* Facet F of record I: its tags, or a NULL label when nothing is assigned. */
static int facet_labels(predictor *pr, size_t i, size_t f, size_t *n, rt_err *err)
{
    rt_facet_info fi;
    rt_model_get_facet(pr->m, f, &fi);
    size_t nt = 0;
    int rc = rt_tagger_get(pr->t, i, f, pr->tags, &nt, err);
    for (size_t k = 0; rc == RT_OK && k < nt; k++)
        add_label(pr, n, fi.name, pr->tags[k].label, pr->tags[k].score);
    if (rc == RT_OK && nt == 0)
        add_label(pr, n, fi.name, NULL, 0);    /* predicted, nothing assigned */
    return rc;
}

static int predict_flush(rt_store *s, const index_opts *o, predictor *pr, index_stats *st,
                         rt_err *err)
{
    int rc = pr->n ? rt_tagger_run(pr->t, pr->ptrs, pr->n, 0, err) : RT_OK;
    rt_model_info mi;
    rt_model_get_info(pr->m, &mi);
    for (size_t i = 0; i < pr->n && rc == RT_OK; i++) {
        size_t n = 0;
        for (size_t f = 0; f < mi.nfacets && rc == RT_OK; f++)
            rc = facet_labels(pr, i, f, &n, err);
        if (rc == RT_OK)
            rc = put_one(s, o, &pr->recs[i], pr->labels, n, st, err);
    }
    for (size_t i = 0; i < pr->n; i++)
        rt_record_clear(&pr->recs[i]);
    pr->n = 0;
    return rc;
}

static void predictor_free(predictor *pr)
{
    if (!pr)
        return;
    for (size_t i = 0; i < pr->n; i++)
        rt_record_clear(&pr->recs[i]);
    rt_tagger_free(pr->t);
    free(pr->tags);
    rt_model_free(pr->m);
    free(pr);
}

static int predictor_new(const index_opts *o, predictor **out, rt_err *err)
{
    predictor *pr = calloc(1, sizeof *pr);
    if (!pr)
        return rt_err_set(err, RT_ENOMEM, "out of memory");
    const char *slash = strrchr(o->model, '/');
    pr->name = slash ? slash + 1 : o->model;
    int rc = rt_model_load(o->model, &pr->m, err);
    if (rc == RT_OK)
        rc = rt_tagger_new(pr->m, o->threads ? (int)o->threads : omp_get_max_threads(),
                           &pr->t, err);
    if (rc == RT_OK && !(pr->tags = malloc(rt_tagger_cap(pr->t) * sizeof *pr->tags)))
        rc = rt_err_set(err, RT_ENOMEM, "out of memory");
    if (rc != RT_OK) {
        predictor_free(pr);
        return rc;
    }
    *out = pr;
    return RT_OK;
}

/* ---------------------------------------------------------------- reading */

/* Store REC now, or queue it for prediction (taking it over). */
static int take(rt_store *s, const index_opts *o, predictor *pr, rt_record *rec,
                index_stats *st, rt_err *err)
{
    if (!pr)
        return put_one(s, o, rec, NULL, 0, st, err);
    pr->recs[pr->n] = *rec;
    pr->ptrs[pr->n] = &pr->recs[pr->n];
    rt_record_init(rec);
    return ++pr->n == BATCH ? predict_flush(s, o, pr, st, err) : RT_OK;
}

static int index_file(rt_store *s, const index_opts *o, predictor *pr, const char *path,
                      index_stats *st, rt_err *err)
{
    rt_reader *r;
    int rc = rt_reader_open(path, &o->ro, &r, err);
    if (rc != RT_OK)
        return rc;
    rt_record rec;
    rt_record_init(&rec);
    size_t n = 0;
    while ((rc = rt_reader_next(r, &rec, err)) == RT_OK && (rc = take(s, o, pr, &rec, st, err)) == RT_OK)
        n++;
    rt_record_clear(&rec);
    size_t skipped = rt_reader_skipped(r);
    if (skipped && rt_reader_skip_msg(r))
        fprintf(stderr, "revtag index: skipped: %s\n", rt_reader_skip_msg(r));
    rt_reader_free(r);
    if (rc != RT_DONE)
        return rc;
    st->skipped += skipped;
    if (!o->quiet)
        fprintf(stderr, "revtag index: %s: %zu record(s) read, %zu malformed\n", path, n, skipped);
    return RT_OK;
}

/* ---------------------------------------------------------------- command */

static int parse(int argc, char **argv, index_opts *o, rt_err *err)
{
    enum { O_SKIP = 256, O_COLUMNS, O_SEP };
    static const struct option longopts[] = {
        { "db", required_argument, NULL, 'd' },      { "format", required_argument, NULL, 'f' },
        { "model", required_argument, NULL, 'm' },   { "threads", required_argument, NULL, 't' },
        { "skip-bad", no_argument, NULL, O_SKIP },   { "columns", required_argument, NULL, O_COLUMNS },
        { "label-sep", required_argument, NULL, O_SEP }, { "quiet", no_argument, NULL, 'q' },
        { "encoding", required_argument, NULL, CLI_O_ENCODING },
        { NULL, 0, NULL, 0 },
    };
    int ch, fmt, rc = RT_OK;
    optind = 0;
    opterr = 0;
    while (rc == RT_OK && (ch = getopt_long(argc, argv, "d:f:m:t:q", longopts, NULL)) != -1) {
        switch (ch) {
        case 'd': o->db = optarg; break;
        case 'm': o->model = optarg; break;
        case 't': rc = cli_parse_int("--threads", optarg, 1, 1024, &o->threads, err); break;
        case 'f':
            if ((fmt = rt_format_from_name(optarg)) < 0)
                return rt_err_set(err, CLI_USAGE, "--format: unknown format '%s'", optarg);
            o->ro.format = (rt_format)fmt;
            break;
        case 'q': o->quiet = 1; break;
        case O_SKIP: o->ro.skip_bad = 1; break;
        case O_COLUMNS: o->ro.columns = optarg; break;
        case O_SEP: o->ro.label_sep = optarg; break;
        case CLI_O_ENCODING:
            if (cli_input_option(&o->ro, ch, optarg, err) != RT_OK)
                return CLI_USAGE;
            break;
        default:
            return rt_err_set(err, CLI_USAGE, "unknown or incomplete option '%s'", argv[optind - 1]);
        }
    }
    if (rc == RT_OK && !o->db)
        rc = rt_err_set(err, CLI_USAGE, "-d DB is required");
    if (rc == RT_OK && optind == argc)
        rc = rt_err_set(err, CLI_USAGE, "no input FILE (use - for stdin)");
    return rc;
}

static int index_all(rt_store *s, const index_opts *o, predictor *pr, int argc, char **argv,
                     index_stats *st, rt_err *err)
{
    int rc = rt_store_begin(s, err);
    for (int i = optind; i < argc && rc == RT_OK; i++)
        rc = index_file(s, o, pr, argv[i], st, err);
    if (rc == RT_OK && pr)
        rc = predict_flush(s, o, pr, st, err);
    if (rc == RT_OK)
        rc = rt_store_commit(s, err);
    return rc;
}

static int run(int argc, char **argv, rt_err *err)
{
    index_opts o;
    memset(&o, 0, sizeof o);
    int rc = parse(argc, argv, &o, err);
    if (rc != RT_OK)
        return rc;
    rt_store *s = NULL;
    predictor *pr = NULL;
    index_stats st = { 0, 0 };
    if (o.model)
        rc = predictor_new(&o, &pr, err);
    if (rc == RT_OK)
        rc = rt_store_open(o.db, RT_STORE_WRITE, &s, err);
    if (rc == RT_OK)
        rc = index_all(s, &o, pr, argc, argv, &st, err);
    size_t total = 0;
    if (rc == RT_OK)
        rc = rt_store_count(s, &total, err);
    if (rc == RT_OK && !o.quiet)
        fprintf(stderr, "revtag index: %s: %zu record(s) indexed, %zu skipped, %zu in the store\n",
                o.db, st.records, st.skipped, total);
    rt_store_free(s);       /* rolls back a run that failed */
    predictor_free(pr);
    return rc;
}

const cli_cmd cli_cmd_index = {
    "index", run, "load records and their tags into a searchable SQLite store",
    "usage: revtag index -d DB [-m MODEL] [-t N] [--format F] [--skip-bad]\n"
    "                    [--columns MAP] [--label-sep S] [-q] FILE...\n\n"
    "Load records into the SQLite store DB (created when missing), with an FTS5\n"
    "full-text index over title, abstract and text that uses revtag's own\n"
    "tokenizer and Snowball stemmer (in each record's language). A record's\n"
    "\"labels\" are stored as manual labels; its \"predicted\" member, as\n"
    "`revtag classify` writes it, as predicted labels with their scores:\n\n"
    "  revtag classify -m MODEL corpus.jsonl | revtag index -d tags.db -\n\n"
    "or, the same in one step, revtag index -d tags.db -m MODEL corpus.jsonl.\n"
    "Indexing a record again (same id) replaces it and its labels. Unknown\n"
    "fields are kept for the exports. The whole run is one transaction: if it\n"
    "fails or is interrupted, DB is left as it was.\n\n"
    "  -d, --db DB         the store (SQLite file)\n"
    "  -m, --model MODEL   also predict every facet of MODEL (from revtag train)\n"
    "                      as revtag classify does; these predictions replace the\n"
    "                      input's \"predicted\" for the model's facets, and each\n"
    "                      label records MODEL's file name\n"
    "  -t, --threads N     prediction threads (default: all cores)\n"
    "  -f, --format F      input format: jsonl, csv, tsv, ris, bibtex (default:\n"
    "                      by file extension; stdin is JSON Lines)\n"
    "      --skip-bad      skip malformed records (counted, the first reported)\n"
    "                      instead of stopping\n"
    "      --columns MAP   CSV/TSV column mapping FIELD=COLUMN,... (see README)\n"
    "      --label-sep S   separator of labels in one CSV cell (default ;)\n"
    "      --encoding E    utf-8 (default), windows-1252 or latin1 (converted)\n"
    "  -q, --quiet         no progress on stderr\n\n"
    "Exit status: 0 success, 1 error (nothing stored), 2 usage.\n",
};
