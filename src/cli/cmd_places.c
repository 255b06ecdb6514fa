/*
 * cmd_places.c - `revtag places`: the places the gazetteer finds in each
 * record (span, surface text, country, rule) and the countries they add up
 * to, so anyone can see why a record got (or missed) a country.
 */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "revtag/gazetteer.h"
#include "revtag/reader.h"
#include "rtint.h"

static const char *const FIELD_NAMES[RT_GEO_NFIELDS] = { "title", "abstract", "text" };
static const char *const KIND_NAMES[RT_PLACE_NKINDS] = { "country", "variant", "demonym",
                                                         "place", "institution" };

typedef struct places_ctx {
    const rt_record *rec;
    rt_place_match *ms;     /* matches of the current record */
    size_t n, cap;
} places_ctx;

static int collect(void *vctx, const rt_place_match *m)
{
    places_ctx *c = vctx;
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 32;
        rt_place_match *p = realloc(c->ms, cap * sizeof *p);
        if (!p)
            return RT_ENOMEM;
        c->ms = p;
        c->cap = cap;
    }
    c->ms[c->n++] = *m;
    return 0;
}

static const char *field_text(const rt_record *rec, int f)
{
    return f == RT_GEO_TITLE ? rec->title : f == RT_GEO_ABSTRACT ? rec->abstract : rec->text;
}

/* Tab-separated: ID FIELD START END SURFACE COUNTRY NAME KIND RULE, then ID "=" COUNTRIES. */
static void put_text(int *rc, rt_buf *out, const places_ctx *c, const rt_country_score *cs,
                     size_t ncs)
{
    for (size_t i = 0; i < c->n; i++) {
        const rt_place_match *m = &c->ms[i];
        const char *s = field_text(c->rec, m->field);
        rt_buf_printf(rc, out, "%s\t%s\t%zu\t%zu\t%.*s\t%s\t%s\t%s\t%s\n", c->rec->id,
                      FIELD_NAMES[m->field], m->start, m->end, (int)(m->end - m->start),
                      s + m->start, m->country, m->name, KIND_NAMES[m->kind], m->rule);
    }
    rt_buf_printf(rc, out, "%s\t=", c->rec->id);
    for (size_t i = 0; i < ncs; i++)
        rt_buf_printf(rc, out, "%s%s:%.2f", i ? "," : "\t", cs[i].alpha2, cs[i].score);
    rt_buf_puts(rc, out, "\n");
}

static json_t *match_json(const rt_record *rec, const rt_place_match *m)
{
    const char *s = field_text(rec, m->field);
    return json_pack("{s:s, s:I, s:I, s:s%, s:s, s:s, s:s, s:s}", "field", FIELD_NAMES[m->field],
                     "start", (json_int_t)m->start, "end", (json_int_t)m->end, "text",
                     s + m->start, m->end - m->start, "country", m->country, "name", m->name,
                     "kind", KIND_NAMES[m->kind], "rule", m->rule);
}

/* One JSON object: {"id", "places": [...], "countries": [{"country", "score"}]}. */
static void put_json(int *rc, rt_buf *out, const places_ctx *c, const rt_country_score *cs,
                     size_t ncs)
{
    json_t *places = json_array(), *countries = json_array();
    for (size_t i = 0; i < c->n; i++)
        json_array_append_new(places, match_json(c->rec, &c->ms[i]));
    for (size_t i = 0; i < ncs; i++)
        json_array_append_new(countries,
                              json_pack("{s:s, s:f}", "country", cs[i].alpha2, "score", cs[i].score));
    json_t *o = json_pack("{s:s, s:o, s:o}", "id", c->rec->id, "places", places, "countries",
                          countries);
    char *text = o ? json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(3)) : NULL;
    if (!text && *rc == RT_OK)
        *rc = RT_ENOMEM;
    rt_buf_puts(rc, out, text ? text : "");
    rt_buf_puts(rc, out, "\n");
    free(text);
    json_decref(o);
}

static int places_file(const rt_gazetteer *g, const char *path, const rt_reader_opts *ro,
                       int json, rt_buf *out, rt_err *err)
{
    rt_reader *r;
    int rc = rt_reader_open(path, ro, &r, err);
    if (rc != RT_OK)
        return rc;
    rt_record rec;
    rt_record_init(&rec);
    places_ctx c = { &rec, NULL, 0, 0 };
    rt_country_opts co = rt_country_defaults();
    rt_country_score cs[300];
    while ((rc = rt_reader_next(r, &rec, err)) == RT_OK) {
        c.n = 0;
        size_t ncs = 0;
        rc = rt_gazetteer_match_record(g, &rec, collect, &c, err);
        if (rc == RT_OK)
            rc = rt_country_combine(&co, c.ms, c.n, NULL, NULL, NULL, 0, cs, 300, &ncs, err);
        if (rc == RT_OK && json)
            put_json(&rc, out, &c, cs, ncs);
        else if (rc == RT_OK)
            put_text(&rc, out, &c, cs, ncs);
        if (rc != RT_OK) {
            rt_err_set(err, rc, "%s:%ld: %s", path, rec.line,
                       rc == RT_ENOMEM ? "out of memory" : err->msg);
            break;
        }
    }
    free(c.ms);
    rt_record_clear(&rec);
    rt_reader_free(r);
    return rc == RT_DONE ? RT_OK : rc;
}

static int parse(int argc, char **argv, int *json, rt_reader_opts *ro, rt_err *err)
{
    static const struct option longopts[] = {
        { "json", no_argument, NULL, 'j' }, { "format", required_argument, NULL, 'f' },
        { NULL, 0, NULL, 0 },
    };
    int ch, f;
    optind = 0;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, "jf:", longopts, NULL)) != -1) {
        if (ch == 'j') {
            *json = 1;
        } else if (ch == 'f' && (f = rt_format_from_name(optarg)) >= 0) {
            ro->format = (rt_format)f;
        } else if (ch == 'f') {
            return rt_err_set(err, CLI_USAGE, "--format: unknown format '%s'", optarg);
        } else {
            return rt_err_set(err, CLI_USAGE, "unknown or incomplete option '%s'", argv[optind - 1]);
        }
    }
    return RT_OK;
}

static int run(int argc, char **argv, rt_err *err)
{
    int json = 0;
    rt_reader_opts ro;
    memset(&ro, 0, sizeof ro);
    int rc = parse(argc, argv, &json, &ro, err);
    if (rc != RT_OK)
        return rc;
    rt_gazetteer *g;
    if ((rc = rt_gazetteer_new(&g, err)) != RT_OK)
        return rc;
    rt_buf out = { NULL, 0, 0 };
    if (optind == argc)
        rc = places_file(g, "-", &ro, json, &out, err);
    for (int i = optind; i < argc && rc == RT_OK; i++)
        rc = places_file(g, argv[i], &ro, json, &out, err);
    if (rc == RT_OK && out.len)
        fwrite(out.data, 1, out.len, stdout);
    rt_buf_free(&out);
    rt_gazetteer_free(g);
    return rc == RT_OK ? cli_flush_stdout(err) : rc;
}

const cli_cmd cli_cmd_places = {
    "places", run, "show the places and countries the gazetteer finds in records",
    "usage: revtag places [--json] [--format F] [FILE...]\n\n"
    "Read records (JSONL, CSV/TSV, RIS or BibTeX by extension; stdin when no FILE)\n"
    "and print the country names, variants, demonyms, sub-national places and\n"
    "national institutions found in their title, abstract and text, then the\n"
    "countries the gazetteer alone assigns (no model).\n\n"
    "  -j, --json      one JSON object per record: {\"id\", \"places\": [{\"field\",\n"
    "                  \"start\", \"end\", \"text\", \"country\", \"name\", \"kind\",\n"
    "                  \"rule\"}], \"countries\": [{\"country\", \"score\"}]}\n"
    "  -f, --format F  input format: jsonl, csv, tsv, ris, bibtex (default: by\n"
    "                  extension)\n\n"
    "Without --json, one line per match, tab-separated: ID FIELD START END TEXT\n"
    "COUNTRY NAME KIND RULE (START/END are byte offsets in the field), then one\n"
    "line per record: ID = CC:SCORE,... RULE says how the country was chosen:\n"
    "name, name:LANG, variant, demonym, place, institution, context:CC (an\n"
    "ambiguous name resolved by another country named in the record) or default.\n"
    "Exit status: 0 success, 1 error, 2 usage.\n",
};
