/*
 * cmd_classify.c - `revtag classify`: read records in batches, predict every
 * facet of the model in parallel, and write each record back as JSON with a
 * "predicted" member, in input order. Output is identical for any thread
 * count and held back until every input has been classified, so a bad
 * record never leaves partial output.
 */
#include <getopt.h>
#include <jansson.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "revtag/model.h"
#include "revtag/reader.h"
#include "revtag/tagger.h"
#include "rtint.h"

#define BATCH 1024
#define PROGRESS_EVERY 4096

typedef struct classify_args {
    const char *model;
    size_t top;
    int threads, progress;
    rt_reader_opts ro;
} classify_args;

/* One batch of records and their output lines. */
typedef struct batch {
    rt_record recs[BATCH];
    const rt_record *ptrs[BATCH];
    char *json[BATCH];
    size_t len[BATCH];
    size_t n;
} batch;

typedef struct run_state {
    const classify_args *a;
    const rt_model *m;
    rt_tagger *t;            /* the model's decisions; country joined with the gazetteer */
    batch *b;
    rt_buf out;
    size_t done, reported;
} run_state;

/* {"predicted": {FACET: [{"label": L, "score": S}, ...], ...}} for record I. */
static char *predicted_json(const rt_model *m, const rt_tagger *t, size_t i)
{
    json_t *root = json_object(), *pred = json_object();
    rt_assigned *tags = malloc(rt_tagger_cap(t) * sizeof *tags);
    rt_model_info mi;
    rt_model_get_info(m, &mi);
    int bad = !root || !pred || !tags;
    for (size_t f = 0; !bad && f < mi.nfacets; f++) {
        rt_facet_info fi;
        rt_model_get_facet(m, f, &fi);
        size_t n = 0;
        json_t *arr = json_array();
        bad = !arr || rt_tagger_get(t, i, f, tags, &n, NULL) != RT_OK;
        for (size_t k = 0; !bad && k < n; k++)
            bad = json_array_append_new(arr, json_pack("{s:s,s:f}", "label", tags[k].label,
                                                       "score", tags[k].score)) != 0;
        bad = bad || json_object_set_new(pred, fi.name, arr) != 0;
        if (bad)
            json_decref(arr);
    }
    char *s = NULL;
    if (!bad && json_object_set(root, "predicted", pred) == 0)
        s = json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(4));
    free(tags);
    json_decref(pred);
    json_decref(root);
    return s;
}

/* Serialise the batch's records in parallel; lines stay in input order. */
static int batch_write(run_state *st, rt_err *err)
{
    batch *b = st->b;
    int bad = 0;
#pragma omp parallel for num_threads(st->a->threads) schedule(dynamic, 16) reduction(| : bad)
    for (size_t i = 0; i < b->n; i++) {
        char *app = predicted_json(st->m, st->t, i);
        b->json[i] = NULL;
        bad |= !app || rt_record_write_json(&b->recs[i], app, &b->json[i], &b->len[i], NULL) != RT_OK;
        free(app);
    }
    int rc = bad ? rt_err_set(err, RT_ENOMEM, "out of memory") : RT_OK;
    for (size_t i = 0; i < b->n; i++) {
        rt_buf_append(&rc, &st->out, b->json[i], b->len[i]);
        rt_buf_append(&rc, &st->out, "\n", 1);
        free(b->json[i]);
    }
    return rc == RT_ENOMEM ? rt_err_set(err, rc, "out of memory") : rc;
}

static int batch_flush(run_state *st, rt_err *err)
{
    batch *b = st->b;
    if (b->n == 0)
        return RT_OK;
    int rc = rt_tagger_run(st->t, b->ptrs, b->n, st->a->top, err);
    if (rc == RT_OK)
        rc = batch_write(st, err);
    for (size_t i = 0; i < b->n; i++)
        rt_record_clear(&b->recs[i]);
    st->done += b->n;
    b->n = 0;
    if (st->a->progress && st->done - st->reported >= PROGRESS_EVERY) {
        fprintf(stderr, "revtag classify: %zu records\n", st->done);
        st->reported = st->done;
    }
    return rc;
}

static int classify_file(run_state *st, const char *path, rt_err *err)
{
    rt_reader *r;
    int rc = rt_reader_open(path, &st->a->ro, &r, err);
    batch *b = st->b;
    while (rc == RT_OK) {
        rt_record_init(&b->recs[b->n]);
        if ((rc = rt_reader_next(r, &b->recs[b->n], err)) != RT_OK) {
            rt_record_clear(&b->recs[b->n]);
            break;
        }
        b->ptrs[b->n] = &b->recs[b->n];
        if (++b->n == BATCH)
            rc = batch_flush(st, err);
    }
    if (rc == RT_DONE && rt_reader_skipped(r) > 0)
        fprintf(stderr, "revtag classify: %s: %zu malformed record(s) skipped\n", path,
                rt_reader_skipped(r));
    rt_reader_free(r);
    return rc == RT_DONE ? RT_OK : rc;
}

static int parse(int argc, char **argv, classify_args *a, rt_err *err)
{
    enum { O_TOP = 256, O_PROGRESS };
    static const struct option longopts[] = {
        { "model", required_argument, NULL, 'm' }, { "top", required_argument, NULL, O_TOP },
        { "threads", required_argument, NULL, 't' }, { "progress", no_argument, NULL, O_PROGRESS },
        CLI_INPUT_OPTIONS, { NULL, 0, NULL, 0 },
    };
    int ch;
    long v;
    optind = 0;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, "m:t:", longopts, NULL)) != -1) {
        switch (ch) {
        case 'm': a->model = optarg; break;
        case O_TOP:
            if (cli_parse_int("--top", optarg, 1, 100000, &v, err) != RT_OK)
                return CLI_USAGE;
            a->top = (size_t)v;
            break;
        case 't':
            if (cli_parse_int("--threads", optarg, 1, 1024, &v, err) != RT_OK)
                return CLI_USAGE;
            a->threads = (int)v;
            break;
        case O_PROGRESS: a->progress = 1; break;
        case '?':
        case ':':
            return rt_err_set(err, CLI_USAGE, "unknown or incomplete option '%s'", argv[optind - 1]);
        default:
            if (cli_input_option(&a->ro, ch, optarg, err) != RT_OK)
                return CLI_USAGE;
            break;
        }
    }
    if (!a->model)
        return rt_err_set(err, CLI_USAGE, "no model given (-m MODEL)");
    return RT_OK;
}

static int run(int argc, char **argv, rt_err *err)
{
    classify_args a = { NULL, 0, 0, isatty(2), { 0 } };
    int rc = parse(argc, argv, &a, err);
    if (rc != RT_OK)
        return rc;
    if (a.threads <= 0)
        a.threads = omp_get_max_threads();
    a.ro.threads = a.threads;   /* JSONL lines are parsed on as many threads */
    run_state st = { &a, NULL, NULL, calloc(1, sizeof(batch)), { 0 }, 0, 0 };
    rt_model *m = NULL;
    if (!st.b)
        return rt_err_set(err, RT_ENOMEM, "out of memory");
    if ((rc = rt_model_load(a.model, &m, err)) == RT_OK)
        rc = rt_tagger_new(m, a.threads, &st.t, err);
    st.m = m;
    if (rc == RT_OK && optind == argc)
        rc = classify_file(&st, "-", err);
    for (int i = optind; rc == RT_OK && i < argc; i++)
        rc = classify_file(&st, argv[i], err);
    if (rc == RT_OK)
        rc = batch_flush(&st, err);
    for (size_t i = 0; i < st.b->n; i++)
        rt_record_clear(&st.b->recs[i]);
    if (rc == RT_OK && st.out.len && fwrite(st.out.data, 1, st.out.len, stdout) != st.out.len)
        rc = rt_err_set(err, RT_EIO, "stdout: write error");
    if (rc == RT_OK)
        rc = cli_flush_stdout(err);
    rt_buf_free(&st.out);
    rt_tagger_free(st.t);
    rt_model_free(m);
    free(st.b);
    return rc;
}

const cli_cmd cli_cmd_classify = {
    "classify", run, "tag records with a trained model (JSONL out)",
    "usage: revtag classify -m MODEL [--top K] [--threads N] [--progress] [FILE...]\n\n"
    "Classify the records in FILEs (stdin when none; '-' is stdin; JSONL, CSV/TSV,\n"
    "RIS or BibTeX) with MODEL and write each one to stdout as a JSON line with\n"
    "one more member:\n"
    "  \"predicted\": {\"FACET\": [{\"label\": \"...\", \"score\": 0.91}, ...], ...}\n"
    "listing, for every facet of the model, the labels assigned in descending\n"
    "score: exactly one for a single-label facet, those at or above their\n"
    "threshold (zero or more) for a multi-label facet. Scores are calibrated\n"
    "probabilities in [0, 1]. Records keep their input order; the output is\n"
    "identical for any --threads, and nothing is written unless every input was\n"
    "read and classified without error. For a facet named country the model's\n"
    "scores are combined with the places the gazetteer finds in the record (see\n"
    "revtag places and revtag explain); --top does not apply to it.\n\n"
    "  -m, --model MODEL  model file from revtag train\n"
    "      --top K        list the K best labels of every facet, whatever the\n"
    "                     thresholds\n"
    "  -t, --threads N    worker threads (default: all cores)\n"
    "      --progress     report progress on stderr every 4096 records (default\n"
    "                     when stderr is a terminal)\n"
    CLI_INPUT_HELP "\n"
    "Exit status: 0 success, 1 error (one line naming FILE:LINE), 2 usage.\n",
};
