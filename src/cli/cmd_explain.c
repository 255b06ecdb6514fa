/*
 * cmd_explain.c - `revtag explain`: for each record and each label the
 * model assigns, the terms that raised that label's score the most, shown
 * with the record's own words, as readable text or one JSON line a record.
 */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "revtag/model.h"
#include "revtag/reader.h"
#include "revtag/tagger.h"
#include "rtint.h"

typedef struct explain_args {
    const char *model, *facet;
    long terms;
    size_t top;
    int json;
    rt_reader_opts ro;
} explain_args;

typedef struct explain_state {
    const explain_args *a;
    const rt_model *m;
    rt_featurizer *fz;
    rt_tagger *t;            /* the country facet's tags, as classify assigns them */
    rt_assigned *tags;       /* the record's countries (room for rt_tagger_cap) */
    size_t ntags;
    double *scores;
    rt_label_score *dec;
    rt_buf out;
} explain_state;

/* One label's terms as text lines appended to OUT. */
static void text_label(int *rc, rt_buf *out, const rt_contrib *c, size_t n)
{
    if (n == 0)
        rt_buf_puts(rc, out, "      (no term of the record raises this label)\n");
    for (size_t k = 0; k < n; k++) {
        rt_buf_printf(rc, out, "      %+8.4f  %-24s ", c[k].value, c[k].text);
        for (size_t s = 0; s < c[k].nsurface; s++)
            rt_buf_printf(rc, out, "%s\"%s\"", s ? ", " : "", c[k].surface[s]);
        rt_buf_printf(rc, out, c[k].count > 1 ? " (x%u)\n" : "\n", c[k].count);
    }
}

static json_t *json_label(const char *label, double score, const rt_contrib *c, size_t n)
{
    json_t *terms = json_array();
    for (size_t k = 0; terms && k < n; k++) {
        json_t *words = json_array();
        for (size_t s = 0; words && s < c[k].nsurface; s++)
            json_array_append_new(words, json_string(c[k].surface[s]));
        json_array_append_new(terms, json_pack("{s:s,s:f,s:i,s:o}", "term", c[k].text, "weight",
                                               c[k].value, "count", (json_int_t)c[k].count,
                                               "words", words ? words : json_array()));
    }
    return json_pack("{s:s,s:f,s:o}", "label", label, "score", score, "terms",
                     terms ? terms : json_array());
}

/* The record's heading in text mode: id and the start of its title. */
static void text_heading(int *rc, rt_buf *out, const rt_record *rec)
{
    const char *t = rec->title ? rec->title : rec->abstract ? rec->abstract : rec->text;
    size_t len = t ? strlen(t) : 0, cut = len > 72 ? 72 : len;
    while (cut < len && cut > 0 && ((unsigned char)t[cut] & 0xC0) == 0x80)
        cut--;   /* never split a UTF-8 sequence */
    rt_buf_printf(rc, out, "%s  %.*s%s\n", rec->id, (int)cut, t ? t : "", cut < len ? "..." : "");
}

/* Index of LABEL among the facet's labels, or -1 (a country only the gazetteer found). */
static long label_index(const rt_facet_info *fi, const char *label)
{
    for (size_t l = 0; l < fi->nlabels; l++)
        if (strcmp(fi->labels[l], label) == 0)
            return (long)l;
    return -1;
}

/* One assigned LABEL (index L, -1 when not a model label) with SCORE, and its terms. */
static int explain_label(explain_state *st, const rt_record *rec, size_t f, const char *label,
                         long l, double score, json_t *arr, rt_err *err)
{
    rt_facet_info fi;
    rt_model_get_facet(st->m, f, &fi);
    rt_contrib *c = NULL;
    size_t n = 0;
    int rc = l < 0 ? RT_OK
                   : rt_model_explain(st->m, st->fz, rec, f, (uint32_t)l, (size_t)st->a->terms,
                                      &c, &n, err);
    if (rc == RT_OK && arr) {
        json_array_append_new(arr, json_label(label, score, c, n));
    } else if (rc == RT_OK) {
        rt_buf_printf(&rc, &st->out, "  %s = %s (%.4f)\n", fi.name, label, score);
        if (l < 0)
            rt_buf_puts(&rc, &st->out, "      (named in the text: see the places below)\n");
        else
            text_label(&rc, &st->out, c, n);
    }
    rt_contribs_free(c, n);
    return rc;
}

/*
 * Explain every label of facet F that classify assigns REC into OUT (text)
 * or ARR (JSON): the model's decision, or for "country" the tagger's
 * combination of the model with the gazetteer.
 */
static int explain_facet(explain_state *st, const rt_record *rec, size_t f, const rt_fvec *x,
                         json_t *arr, rt_err *err)
{
    rt_facet_info fi;
    rt_model_get_facet(st->m, f, &fi);
    int country = rt_tagger_gazetteer(st->t) && strcmp(fi.name, "country") == 0;
    size_t nd = 0;
    if (!country) {
        rt_model_score(st->m, f, x, st->scores);
        nd = rt_model_decide(st->m, f, st->scores, st->a->top, st->dec);
    }
    size_t n = country ? st->ntags : nd;
    int rc = RT_OK;
    if (!arr && n == 0)
        rt_buf_printf(&rc, &st->out, "  %s: no label\n", fi.name);
    for (size_t k = 0; rc == RT_OK && k < n; k++) {
        const char *label = country ? st->tags[k].label : fi.labels[st->dec[k].label];
        rc = explain_label(st, rec, f, label,
                           country ? label_index(&fi, label) : (long)st->dec[k].label,
                           country ? st->tags[k].score : st->dec[k].score, arr, err);
    }
    return rc;
}

typedef struct places_ctx {
    const rt_record *rec;
    rt_buf *out;             /* text mode */
    json_t *arr;             /* JSON mode */
    size_t n;
    int rc;
} places_ctx;

static int on_place(void *vctx, const rt_place_match *m)
{
    places_ctx *c = vctx;
    static const char *const FIELD[] = { "title", "abstract", "text" };
    const char *src = m->field == RT_GEO_TITLE      ? c->rec->title
                      : m->field == RT_GEO_ABSTRACT ? c->rec->abstract
                                                    : c->rec->text;
    int len = (int)(m->end - m->start);
    if (c->arr) {
        json_t *o = json_pack("{s:s,s:s#,s:I,s:I,s:s,s:s}", "field", FIELD[m->field], "text",
                              src + m->start, (size_t)len, "start", (json_int_t)m->start, "end",
                              (json_int_t)m->end, "country", m->country, "rule", m->rule);
        if (!o || json_array_append_new(c->arr, o) != 0)
            c->rc = RT_ENOMEM;
    } else {
        rt_buf_printf(&c->rc, c->out, "%s\"%.*s\" %s (%s, %s)", c->n ? ", " : "      ", len,
                      src + m->start, m->country, FIELD[m->field], m->rule);
    }
    c->n++;
    return c->rc;
}

/* The gazetteer's matched spans, which classify weighs with the model for "country". */
static int explain_places(explain_state *st, const rt_record *rec, json_t *root, rt_err *err)
{
    places_ctx c = { rec, &st->out, root ? json_array() : NULL, 0, RT_OK };
    if (root && (!c.arr || json_object_set_new(root, "places", c.arr) != 0))
        return rt_err_set(err, RT_ENOMEM, "out of memory");
    if (!root)
        rt_buf_puts(&c.rc, &st->out, "  country places (gazetteer):\n");
    int rc = rt_gazetteer_match_record(rt_tagger_gazetteer(st->t), rec, on_place, &c, err);
    if (rc == RT_OK && !root)
        rt_buf_puts(&c.rc, &st->out, c.n ? "\n" : "      (no place named)\n");
    return rc != RT_OK ? rc : c.rc != RT_OK ? rt_err_set(err, c.rc, "out of memory") : RT_OK;
}

static int explain_record(explain_state *st, const rt_record *rec, rt_err *err)
{
    rt_model_info mi;
    rt_model_get_info(st->m, &mi);
    json_t *root = st->a->json ? json_pack("{s:s,s:{}}", "id", rec->id, "explain") : NULL;
    int rc = st->a->json && !root ? RT_ENOMEM : RT_OK;
    if (rc == RT_OK && !st->a->json)
        text_heading(&rc, &st->out, rec);
    long cf = rt_tagger_gazetteer(st->t) ? rt_model_find_facet(st->m, "country") : -1;
    if (rc == RT_OK && cf >= 0 && (rc = rt_tagger_run(st->t, &rec, 1, 0, err)) == RT_OK)
        rc = rt_tagger_get(st->t, 0, (size_t)cf, st->tags, &st->ntags, err);
    for (size_t f = 0; rc == RT_OK && f < mi.nfacets; f++) {
        rt_facet_info fi;
        rt_model_get_facet(st->m, f, &fi);
        if (st->a->facet && strcmp(st->a->facet, fi.name) != 0)
            continue;
        json_t *arr = root ? json_array() : NULL;
        if (root)
            json_object_set_new(json_object_get(root, "explain"), fi.name, arr);
        rt_fvec x;   /* featurized per facet: rt_model_explain reuses the featurizer */
        if ((rc = rt_featurizer_run(st->fz, rec, &x, err)) == RT_OK)
            rc = explain_facet(st, rec, f, &x, arr, err);
        if (rc == RT_OK && (long)f == cf)
            rc = explain_places(st, rec, root, err);
    }
    char *s = root && rc == RT_OK
                  ? json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(4))
                  : NULL;
    if (rc == RT_OK && root && !s)
        rc = RT_ENOMEM;
    rt_buf_puts(&rc, &st->out, s ? s : "");
    rt_buf_puts(&rc, &st->out, "\n");
    free(s);
    json_decref(root);
    return rc == RT_ENOMEM ? rt_err_set(err, rc, "out of memory") : rc;
}

static int explain_file(explain_state *st, const char *path, rt_err *err)
{
    rt_reader *r;
    int rc = rt_reader_open(path, &st->a->ro, &r, err);
    rt_record rec;
    rt_record_init(&rec);
    while (rc == RT_OK && (rc = rt_reader_next(r, &rec, err)) == RT_OK)
        rc = explain_record(st, &rec, err);
    rt_record_clear(&rec);
    rt_reader_free(r);
    return rc == RT_DONE ? RT_OK : rc;
}

static int parse(int argc, char **argv, explain_args *a, rt_err *err)
{
    enum { O_TOP = 256, O_JSON, O_FACET };
    static const struct option longopts[] = {
        { "model", required_argument, NULL, 'm' }, { "terms", required_argument, NULL, 'n' },
        { "top", required_argument, NULL, O_TOP }, { "json", no_argument, NULL, O_JSON },
        { "facet", required_argument, NULL, O_FACET }, CLI_INPUT_OPTIONS, { NULL, 0, NULL, 0 },
    };
    int ch;
    long v;
    optind = 0;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, "m:n:", longopts, NULL)) != -1) {
        switch (ch) {
        case 'm': a->model = optarg; break;
        case 'n':
            if (cli_parse_int("--terms", optarg, 1, 1000, &a->terms, err) != RT_OK)
                return CLI_USAGE;
            break;
        case O_TOP:
            if (cli_parse_int("--top", optarg, 1, 100000, &v, err) != RT_OK)
                return CLI_USAGE;
            a->top = (size_t)v;
            break;
        case O_JSON: a->json = 1; break;
        case O_FACET: a->facet = optarg; break;
        case '?':
        case ':':
            return rt_err_set(err, CLI_USAGE, "unknown or incomplete option '%s'", argv[optind - 1]);
        default:
            if (cli_input_option(&a->ro, ch, optarg, err) != RT_OK)
                return CLI_USAGE;
            break;
        }
    }
    return a->model ? RT_OK : rt_err_set(err, CLI_USAGE, "no model given (-m MODEL)");
}

static int explain_all(explain_state *st, int argc, char **argv, rt_err *err)
{
    int rc = RT_OK;
    if (st->a->facet && rt_model_find_facet(st->m, st->a->facet) < 0)
        return rt_err_set(err, CLI_USAGE, "--facet: the model has no facet '%s'", st->a->facet);
    if (optind == argc)
        rc = explain_file(st, "-", err);
    for (int i = optind; rc == RT_OK && i < argc; i++)
        rc = explain_file(st, argv[i], err);
    if (rc == RT_OK && st->out.len && fwrite(st->out.data, 1, st->out.len, stdout) != st->out.len)
        rc = rt_err_set(err, RT_EIO, "stdout: write error");
    return rc == RT_OK ? cli_flush_stdout(err) : rc;
}

static int run(int argc, char **argv, rt_err *err)
{
    explain_args a = { NULL, NULL, 8, 0, 0, { 0 } };
    int rc = parse(argc, argv, &a, err);
    if (rc != RT_OK)
        return rc;
    rt_model *m = NULL;
    explain_state st = { &a, NULL, NULL, NULL, NULL, 0, NULL, NULL, { 0 } };
    if ((rc = rt_model_load(a.model, &m, err)) == RT_OK)
        rc = rt_featurizer_new(rt_model_vocab(m), &st.fz, err);
    if (rc == RT_OK)
        rc = rt_tagger_new(m, 1, &st.t, err);
    if (rc == RT_OK && !(st.tags = malloc(rt_tagger_cap(st.t) * sizeof *st.tags)))
        rc = rt_err_set(err, RT_ENOMEM, "out of memory");
    st.m = m;
    size_t L = 1;
    if (rc == RT_OK) {
        rt_model_info mi;
        rt_model_get_info(m, &mi);
        for (size_t f = 0; f < mi.nfacets; f++) {
            rt_facet_info fi;
            rt_model_get_facet(m, f, &fi);
            L = fi.nlabels > L ? fi.nlabels : L;
        }
        st.scores = malloc(L * sizeof *st.scores);
        st.dec = malloc(L * sizeof *st.dec);
        if (!st.scores || !st.dec)
            rc = rt_err_set(err, RT_ENOMEM, "out of memory");
    }
    if (rc == RT_OK)
        rc = explain_all(&st, argc, argv, err);
    rt_buf_free(&st.out);
    free(st.scores);
    free(st.dec);
    rt_featurizer_free(st.fz);
    rt_tagger_free(st.t);
    free(st.tags);
    rt_model_free(m);
    return rc;
}

const cli_cmd cli_cmd_explain = {
    "explain", run, "show which words made the model assign each label",
    "usage: revtag explain -m MODEL [--terms N] [--top K] [--facet F] [--json] [FILE...]\n\n"
    "For each record in FILEs (stdin when none; any input format) and each label\n"
    "the model assigns it (as revtag classify would), list the terms that raised\n"
    "that label's score the most: the term's share of the decision value (its\n"
    "weight times its TF-IDF value in the record), the term (a stem, or two for\n"
    "a bigram), and the record's own words behind it, most frequent first.\n\n"
    "  -m, --model MODEL  model file from revtag train\n"
    "  -n, --terms N      terms per label (default 8)\n"
    "      --top K        explain the K best labels of every facet, whatever the\n"
    "                     thresholds (not country, which is decided as below)\n"
    "      --facet F      only facet F\n"
    "      --json         one JSON object per record:\n"
    "                     {\"id\", \"explain\": {FACET: [{\"label\", \"score\", \"terms\":\n"
    "                     [{\"term\", \"weight\", \"count\", \"words\": [...]}]}]},\n"
    "                     \"places\": [{\"field\", \"text\", \"start\", \"end\", \"country\",\n"
    "                     \"rule\"}]} (places only with a country facet)\n"
    CLI_INPUT_HELP "\n"
    "Only positive shares are listed: the words that argue for the label. For the\n"
    "country facet the countries are the ones classify assigns, the model's\n"
    "scores weighed with the place names the gazetteer finds (a country the model\n"
    "has no weights for shows no terms); explain lists those places after the\n"
    "model's terms: the words as written, the country, the field and the rule\n"
    "that chose the country (as revtag places).\n\n"
    "Exit status: 0 success, 1 error (one line naming FILE:LINE), 2 usage.\n",
};
