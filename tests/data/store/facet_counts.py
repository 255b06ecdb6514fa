#!/usr/bin/python3
"""Independent facet counts for the store's CLI tests.

Reads the records (JSON Lines, revtag's record format with "labels" and
"predicted") and the output of `revtag search --json` (or an export's counts
as the same {"total", "facets"} JSON), computes which records match and how
many carry each label under the same filters, and exits 1 showing the
difference when they disagree. Written for revtag's tests.
"""
import argparse
import json
import sys


def kept(rec, sources, min_score):
    """{facet: set(labels)} the record carries under the source/score filter."""
    out = {}
    if sources in ("manual", "all"):
        for f, ls in (rec.get("labels") or {}).items():
            out.setdefault(f, set()).update(ls)
    if sources in ("predicted", "all"):
        for f, items in (rec.get("predicted") or {}).items():
            for it in items:
                if it["score"] >= min_score:
                    out.setdefault(f, set()).add(it["label"])
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("records")
    ap.add_argument("result", help="search --json output, '-' for stdin")
    ap.add_argument("--source", default="all")
    ap.add_argument("--min-score", type=float, default=0.0)
    ap.add_argument("--facet", action="append", default=[])
    ap.add_argument("--result-ids", action="store_true",
                    help="the matching records are the results listed (a query was used)")
    a = ap.parse_args()
    recs = {}
    with open(a.records, encoding="utf-8") as fp:
        for line in fp:
            if line.strip():
                r = json.loads(line)
                recs[r["id"]] = r          # a later line replaces an earlier one
    res = json.load(sys.stdin if a.result == "-" else open(a.result, encoding="utf-8"))
    filters = {}
    for fv in a.facet:
        f, v = fv.split("=", 1)
        filters.setdefault(f, set()).add(v)
    if a.result_ids:
        ids = [h["id"] for h in res["results"]]
        if len(ids) != res["total"]:
            sys.exit("result lists %d of %d records: raise --limit" % (len(ids), res["total"]))
        match = [recs[i] for i in ids]
    else:
        match = [r for r in recs.values()
                 if all(kept(r, a.source, a.min_score).get(f, set()) & vs
                        for f, vs in filters.items())]
    counts = {}
    for r in match:
        for f, ls in kept(r, a.source, a.min_score).items():
            for l in ls:
                counts.setdefault(f, {}).setdefault(l, 0)
                counts[f][l] += 1
    want = {"total": len(match), "facets": counts}
    got = {"total": res["total"], "facets": res["facets"]}
    if want != got:
        print("counts differ\n want %s\n got  %s" % (json.dumps(want, sort_keys=True),
                                                    json.dumps(got, sort_keys=True)))
        sys.exit(1)
    if not match:
        sys.exit("no record matches: the check would prove nothing")


main()
