/*
 * cmd_index.c - `revtag index`: read records (any format the readers know)
 * with their manual labels and any "predicted" member into the store, in
 * one transaction: a run that fails or is killed leaves the store as it was.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "revtag/reader.h"
#include "revtag/store.h"
#include "rtint.h"

typedef struct index_opts {
    const char *db;
    rt_reader_opts ro;
    int quiet;
} index_opts;

typedef struct index_stats {
    size_t records;         /* stored this run */
    size_t skipped;         /* malformed, skipped with --skip-bad */
} index_stats;

static int index_file(rt_store *s, const index_opts *o, const char *path, index_stats *st,
                      rt_err *err)
{
    rt_reader *r;
    int rc = rt_reader_open(path, &o->ro, &r, err);
    if (rc != RT_OK)
        return rc;
    rt_record rec;
    rt_record_init(&rec);
    size_t n = 0, bad = 0;
    while ((rc = rt_reader_next(r, &rec, err)) == RT_OK) {
        rc = rt_store_put(s, &rec, NULL, 0, err);
        if (rc == RT_EFORMAT && o->ro.skip_bad) {
            if (!bad++)
                fprintf(stderr, "revtag index: skipped: %s\n", err->msg);
            continue;
        }
        if (rc != RT_OK)
            break;
        n++;
    }
    rt_record_clear(&rec);
    size_t skipped = rt_reader_skipped(r) + bad;
    if (rt_reader_skipped(r) && rt_reader_skip_msg(r))
        fprintf(stderr, "revtag index: skipped: %s\n", rt_reader_skip_msg(r));
    rt_reader_free(r);
    if (rc != RT_DONE)
        return rc;
    st->records += n;
    st->skipped += skipped;
    if (!o->quiet)
        fprintf(stderr, "revtag index: %s: %zu record(s), %zu skipped\n", path, n, skipped);
    return RT_OK;
}

static int parse(int argc, char **argv, index_opts *o, rt_err *err)
{
    enum { O_SKIP = 256, O_COLUMNS, O_SEP };
    static const struct option longopts[] = {
        { "db", required_argument, NULL, 'd' },      { "format", required_argument, NULL, 'f' },
        { "skip-bad", no_argument, NULL, O_SKIP },   { "columns", required_argument, NULL, O_COLUMNS },
        { "label-sep", required_argument, NULL, O_SEP }, { "quiet", no_argument, NULL, 'q' },
        { NULL, 0, NULL, 0 },
    };
    int ch, fmt;
    optind = 0;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, "d:f:q", longopts, NULL)) != -1) {
        switch (ch) {
        case 'd': o->db = optarg; break;
        case 'f':
            if ((fmt = rt_format_from_name(optarg)) < 0)
                return rt_err_set(err, CLI_USAGE, "--format: unknown format '%s'", optarg);
            o->ro.format = (rt_format)fmt;
            break;
        case 'q': o->quiet = 1; break;
        case O_SKIP: o->ro.skip_bad = 1; break;
        case O_COLUMNS: o->ro.columns = optarg; break;
        case O_SEP: o->ro.label_sep = optarg; break;
        default:
            return rt_err_set(err, CLI_USAGE, "unknown or incomplete option '%s'", argv[optind - 1]);
        }
    }
    if (!o->db)
        return rt_err_set(err, CLI_USAGE, "-d DB is required");
    if (optind == argc)
        return rt_err_set(err, CLI_USAGE, "no input FILE (use - for stdin)");
    return RT_OK;
}

static int run(int argc, char **argv, rt_err *err)
{
    index_opts o;
    memset(&o, 0, sizeof o);
    int rc = parse(argc, argv, &o, err);
    if (rc != RT_OK)
        return rc;
    rt_store *s;
    if ((rc = rt_store_open(o.db, RT_STORE_WRITE, &s, err)) != RT_OK)
        return rc;
    index_stats st = { 0, 0 };
    rc = rt_store_begin(s, err);
    for (int i = optind; i < argc && rc == RT_OK; i++)
        rc = index_file(s, &o, argv[i], &st, err);
    if (rc == RT_OK)
        rc = rt_store_commit(s, err);
    size_t total = 0;
    if (rc == RT_OK)
        rc = rt_store_count(s, &total, err);
    if (rc == RT_OK && !o.quiet)
        fprintf(stderr, "revtag index: %s: %zu record(s) indexed, %zu skipped, %zu in the store\n",
                o.db, st.records, st.skipped, total);
    rt_store_free(s);       /* rolls back a run that failed */
    return rc;
}

const cli_cmd cli_cmd_index = {
    "index", run, "load records and their tags into a searchable SQLite store",
    "usage: revtag index -d DB [--format F] [--skip-bad] [--columns MAP]\n"
    "                    [--label-sep S] [-q] FILE...\n\n"
    "Load records into the SQLite store DB (created when missing), with an FTS5\n"
    "full-text index over title, abstract and text that uses revtag's own\n"
    "tokenizer and Snowball stemmer (in each record's language). A record's\n"
    "\"labels\" are stored as manual labels; its \"predicted\" member, as\n"
    "`revtag classify` writes it, as predicted labels with their scores:\n\n"
    "  revtag classify -m MODEL corpus.jsonl | revtag index -d tags.db -\n\n"
    "Indexing a record again (same id) replaces it and its labels. Unknown\n"
    "fields are kept for the exports. The whole run is one transaction: if it\n"
    "fails or is interrupted, DB is left as it was.\n\n"
    "  -d, --db DB         the store (SQLite file)\n"
    "  -f, --format F      input format: jsonl, csv, tsv, ris, bibtex (default:\n"
    "                      by file extension; stdin is JSON Lines)\n"
    "      --skip-bad      skip malformed records (counted, the first reported)\n"
    "                      instead of stopping\n"
    "      --columns MAP   CSV/TSV column mapping FIELD=COLUMN,... (see README)\n"
    "      --label-sep S   separator of labels in one CSV cell (default ;)\n"
    "  -q, --quiet         no progress on stderr\n\n"
    "Exit status: 0 success, 1 error (nothing stored), 2 usage.\n",
};
