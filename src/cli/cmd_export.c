/*
 * cmd_export.c - `revtag export`: the records a search selects, with their
 * tags, as GeoJSON, CSV, JSON or RIS; to a file written atomically, or to
 * stdout only once the whole export has been made.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "revtag/export.h"
#include "rtint.h"

typedef struct export_cli {
    const char *db, *out;
    cli_filters f;
    rt_export_opts eo;
} export_cli;

static int parse(int argc, char **argv, export_cli *o, rt_err *err)
{
    enum { O_PER_RECORD = 256, O_WIDE, O_COUNTRY };
    static const struct option longopts[] = {
        CLI_FILTER_OPTIONS,
        { "db", required_argument, NULL, 'd' },          { "format", required_argument, NULL, 'f' },
        { "output", required_argument, NULL, 'o' },      { "per-record", no_argument, NULL, O_PER_RECORD },
        { "wide", no_argument, NULL, O_WIDE },           { "country-facet", required_argument, NULL, O_COUNTRY },
        { NULL, 0, NULL, 0 },
    };
    int ch, rc = RT_OK;
    optind = 0;
    opterr = 0;
    while (rc == RT_OK && (ch = getopt_long(argc, argv, "d:f:o:", longopts, NULL)) != -1) {
        switch (ch) {
        case 'd': o->db = optarg; break;
        case 'o': o->out = optarg; break;
        case 'f':
            if ((o->eo.format = rt_export_format_from_name(optarg)) < 0)
                rc = rt_err_set(err, CLI_USAGE, "--format: expected geojson, csv, json, jsonl or ris,"
                                " got '%s'", optarg);
            break;
        case O_PER_RECORD: o->eo.per_record = 1; break;
        case O_WIDE: o->eo.wide = 1; break;
        case O_COUNTRY: o->eo.country_facet = optarg; break;
        default: rc = cli_filters_option(&o->f, ch, optarg, argv[optind - 1], err); break;
        }
    }
    if (rc == RT_OK && !o->db)
        rc = rt_err_set(err, CLI_USAGE, "-d DB is required");
    if (rc == RT_OK && o->eo.format <= 0)
        rc = rt_err_set(err, CLI_USAGE, "--format is required");
    if (rc == RT_OK && o->eo.per_record && o->eo.format != RT_EXPORT_GEOJSON)
        rc = rt_err_set(err, CLI_USAGE, "--per-record applies to --format geojson");
    if (rc == RT_OK && o->eo.wide && o->eo.format != RT_EXPORT_CSV)
        rc = rt_err_set(err, CLI_USAGE, "--wide applies to --format csv");
    if (rc == RT_OK)
        rc = cli_filters_query(&o->f, argc - optind, argv + optind, err);
    return rc;
}

static int to_stdout(rt_store *s, const rt_search_opts *so, const rt_export_opts *eo, rt_err *err)
{
    char *buf;
    size_t len;
    int rc = rt_export_string(s, so, eo, &buf, &len, err);
    if (rc == RT_OK && fwrite(buf, 1, len, stdout) != len)
        rc = rt_err_set(err, RT_EIO, "stdout: write error");
    free(buf);
    return rc == RT_OK ? cli_flush_stdout(err) : rc;
}

static int run(int argc, char **argv, rt_err *err)
{
    export_cli o;
    memset(&o, 0, sizeof o);
    int rc = parse(argc, argv, &o, err);
    rt_search_opts so = cli_filters_opts(&o.f);
    rt_store *s = NULL;
    if (rc == RT_OK)
        rc = rt_store_open(o.db, RT_STORE_READ, &s, err);
    if (rc == RT_OK && o.out)
        rc = rt_export_save(s, &so, &o.eo, o.out, err);
    else if (rc == RT_OK)
        rc = to_stdout(s, &so, &o.eo, err);
    rt_store_free(s);
    cli_filters_free(&o.f);
    return rc;
}

const cli_cmd cli_cmd_export = {
    "export", run, "write the tagged records as GeoJSON, CSV, JSON or RIS",
    "usage: revtag export -d DB -f geojson|csv|json|jsonl|ris [-o FILE] [--per-record]\n"
    "                     [--wide] [--facet F=V ...] [--source manual|predicted|all]\n"
    "                     [--min-score S] [--lang L] [QUERY...]\n\n"
    "Write every record of the store DB that `revtag search` would find with the\n"
    "same QUERY and filters, with the labels that pass --source and --min-score,\n"
    "in record-id order. Counts in the export equal the search's facet counts.\n\n"
    "  -f, --format F      geojson: an RFC 7946 FeatureCollection with one Point per\n"
    "                        country at its centroid ([lon, lat]); properties\n"
    "                        country (ISO alpha-2), name, count (records), facets\n"
    "                        ({FACET: {LABEL: COUNT}} for every other facet) and\n"
    "                        records (ids); a code with no known centroid gets a\n"
    "                        null geometry\n"
    "                      csv: RFC 4180, one row per label: record_id, facet,\n"
    "                        label, source (manual|predicted), score\n"
    "                      json: a JSON array of records in revtag's record form,\n"
    "                        manual labels in \"labels\", the others in \"predicted\"\n"
    "                      jsonl: the same, one record per line (re-indexable)\n"
    "                      ris: TY, ID, TI, AB, PY, LA, M3, one \"KW  - facet:label\"\n"
    "                        per label and a summary with sources and scores in N1\n"
    "  -o, --output FILE   write FILE atomically (default: stdout)\n"
    "      --per-record    geojson: one feature per record and country, with the\n"
    "                      record's id, title, year, country, name and tags\n"
    "      --wide          csv: one row per record (id, title, year, then one\n"
    "                      column per facet, labels joined by ;)\n"
    "      --country-facet F  the facet holding country codes (default country)\n"
    CLI_FILTER_HELP
    "  -d, --db DB         the store\n\n"
    "Exit status: 0 success, 1 error (nothing written), 2 usage.\n",
};
