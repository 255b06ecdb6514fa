/*
 * cmd_convert.c - `revtag convert`: read records from JSONL, CSV/TSV, RIS or
 * BibTeX and write them as JSON Lines on stdout. Output is held back until
 * every input has been read, so a bad record never leaves partial output.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "revtag/reader.h"
#include "rtint.h"

static int parse(int argc, char **argv, rt_reader_opts *o, rt_err *err)
{
    enum { O_COLUMNS = 256, O_SEP, O_SKIP };
    static const struct option longopts[] = {
        { "format", required_argument, NULL, 'f' }, { "columns", required_argument, NULL, O_COLUMNS },
        { "label-sep", required_argument, NULL, O_SEP }, { "skip-bad", no_argument, NULL, O_SKIP },
        { "encoding", required_argument, NULL, CLI_O_ENCODING },
        { NULL, 0, NULL, 0 },
    };
    int ch, f;
    optind = 0;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, "f:", longopts, NULL)) != -1) {
        switch (ch) {
        case 'f':
            if ((f = rt_format_from_name(optarg)) < 0)
                return rt_err_set(err, CLI_USAGE,
                                  "--format: unknown format '%s' (jsonl, csv, tsv, ris, bibtex)",
                                  optarg);
            o->format = (rt_format)f;
            break;
        case O_COLUMNS: o->columns = optarg; break;
        case O_SEP:
            if (!*optarg)
                return rt_err_set(err, CLI_USAGE, "--label-sep: empty separator");
            o->label_sep = optarg;
            break;
        case O_SKIP: o->skip_bad = 1; break;
        case CLI_O_ENCODING:
            if (cli_input_option(o, ch, optarg, err) != RT_OK)
                return CLI_USAGE;
            break;
        default:
            return rt_err_set(err, CLI_USAGE, "unknown or incomplete option '%s'", argv[optind - 1]);
        }
    }
    return RT_OK;
}

/* Append every record of PATH to OUT as JSON lines. */
static int convert_file(const char *path, const rt_reader_opts *o, rt_buf *out, rt_err *err)
{
    rt_reader *r;
    int rc = rt_reader_open(path, o, &r, err);
    if (rc != RT_OK)
        return rc;
    rt_record rec;
    rt_record_init(&rec);
    while ((rc = rt_reader_next(r, &rec, err)) == RT_OK) {
        char *json;
        size_t len;
        if ((rc = rt_record_write_json(&rec, NULL, &json, &len, err)) != RT_OK)
            break;
        rt_buf_append(&rc, out, json, len);
        rt_buf_append(&rc, out, "\n", 1);
        free(json);
        if (rc != RT_OK) {
            rt_err_set(err, rc, "out of memory");
            break;
        }
    }
    rt_record_clear(&rec);
    if (rc == RT_DONE && rt_reader_skipped(r) > 0)
        fprintf(stderr, "revtag convert: %zu malformed record(s) skipped; the first: %s\n",
                rt_reader_skipped(r), rt_reader_skip_msg(r));
    rt_reader_free(r);
    return rc == RT_DONE ? RT_OK : rc;
}

static int run(int argc, char **argv, rt_err *err)
{
    rt_reader_opts o = { 0 };
    int rc = parse(argc, argv, &o, err);
    if (rc != RT_OK)
        return rc;
    rt_buf out = { 0 };
    if (optind == argc)
        rc = convert_file("-", &o, &out, err);
    for (int i = optind; i < argc && rc == RT_OK; i++)
        rc = convert_file(argv[i], &o, &out, err);
    if (rc == RT_OK && out.len && fwrite(out.data, 1, out.len, stdout) != out.len)
        rc = rt_err_set(err, RT_EIO, "stdout: write error");
    rt_buf_free(&out);
    if (rc == RT_OK)
        rc = cli_flush_stdout(err);
    return rc;
}

const cli_cmd cli_cmd_convert = {
    "convert", run, "convert JSONL, CSV/TSV, RIS or BibTeX records to JSON Lines",
    "usage: revtag convert [--format F] [--columns MAP] [--label-sep S] [--skip-bad]\n"
    "                      [FILE...]\n\n"
    "Read records from FILEs (stdin when none; '-' is stdin) and write them to\n"
    "stdout as JSON Lines, one record per line: id, title, abstract, text, year,\n"
    "type, lang, labels, then any other fields of the input. Nothing is written\n"
    "unless every input is read without error.\n\n"
    "  -f, --format F     jsonl, csv, tsv, ris or bibtex for every FILE (default:\n"
    "                     by extension: .jsonl .ndjson .json .csv .tsv .tab .ris\n"
    "                     .bib .bibtex; anything else and stdin are JSONL)\n"
    "      --columns MAP  CSV/TSV: FIELD=COLUMN,... mapping header names to id,\n"
    "                     title, abstract, text, year, type, lang or label:FACET;\n"
    "                     other headers named like a field (or label:FACET,\n"
    "                     labels.FACET) map by name, the rest are kept as is\n"
    "      --label-sep S  CSV/TSV: separator between labels in a cell (default ;)\n"
    "      --skip-bad     skip malformed records instead of stopping, and report\n"
    "                     how many were skipped on stderr\n"
    "      --encoding E   input encoding: utf-8 (default), windows-1252 (what Excel\n"
    "                     on Windows saves as \"CSV\") or latin1; converted to UTF-8\n\n"
    "RIS and BibTeX records without an ID/AN tag or key get the stable id\n"
    "h-XXXXXXXXXXXXXXXX, a hash of the title and year; so do CSV rows when there\n"
    "is no id column. RIS keywords written facet:label become labels.\n\n"
    "Exit status: 0 success, 1 error (one line naming FILE:LINE), 2 usage.\n",
};
