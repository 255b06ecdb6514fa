#!/usr/bin/env bash
# revtag export: every format parses with a standard parser (Python's json
# and csv modules, revtag's own RIS reader), GeoJSON is RFC 7946 ([lon, lat]
# in range, required properties), and every count equals `revtag search`'s
# facet counts for the same filters; -o is atomic; usage errors exit 2.
set -uo pipefail
REVTAG=$1 SRC=$2 TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
PY=/usr/bin/python3
REC=$SRC/tests/data/store/records.jsonl
DB=$TMP/s.db
"$REVTAG" index -q -d "$DB" "$REC" || fail "index exited $?"

# check FILTERS...: every format under these filters against search --json.
check() {
  "$REVTAG" search -d "$DB" -n 0 --json "$@" > "$TMP/search.json" || fail "search $*"
  for f in geojson csv json jsonl ris; do
    "$REVTAG" export -d "$DB" -f $f -o "$TMP/out.$f" "$@" || fail "export -f $f $* exited $?"
  done
  "$REVTAG" export -d "$DB" -f geojson --per-record "$@" > "$TMP/per.geojson" || fail "--per-record"
  "$REVTAG" export -d "$DB" -f csv --wide "$@" > "$TMP/wide.csv" || fail "--wide"
  cmp -s <("$REVTAG" export -d "$DB" -f csv "$@") "$TMP/out.csv" || fail "stdout and -o differ"
  # RIS re-read by revtag's reader: tags come back as labels.
  rm -f "$TMP/ris.db"*
  "$REVTAG" index -q -d "$TMP/ris.db" "$TMP/out.ris" || fail "RIS not re-readable"
  "$REVTAG" export -d "$TMP/ris.db" -f json > "$TMP/ris.json" || fail "export of re-read RIS"
  $PY - "$TMP" "$@" <<'PY' || fail "counts or shapes under: $*"
import csv, json, sys
from collections import defaultdict
d = sys.argv[1]
search = json.load(open(d + "/search.json"))
want, total = search["facets"], search["total"]

def counts(pairs):
    """{facet: {label: distinct records}} from (record, facet, label) triples."""
    seen, out = set(), defaultdict(lambda: defaultdict(int))
    for r, f, l in pairs:
        if (r, f, l) not in seen:
            seen.add((r, f, l))
            out[f][l] += 1
    return {f: dict(v) for f, v in out.items()}

def same(name, got, want):
    if got != want:
        sys.exit("%s: %s\n   search: %s" % (name, json.dumps(got, sort_keys=True), json.dumps(want, sort_keys=True)))

# GeoJSON by country.
g = json.load(open(d + "/out.geojson"))
assert g["type"] == "FeatureCollection"
per_country, per_country_facets = {}, {}
for ft in g["features"]:
    assert ft["type"] == "Feature", ft
    p = ft["properties"]
    assert set(p) == {"country", "name", "count", "facets", "records"}, p
    geo = ft["geometry"]
    assert geo["type"] == "Point" and len(geo["coordinates"]) == 2, geo
    lon, lat = geo["coordinates"]
    assert -180 <= lon <= 180 and -90 <= lat <= 90, geo
    assert p["count"] == len(p["records"]) == len(set(p["records"])), p
    per_country[p["country"]] = p["count"]
    per_country_facets[p["country"]] = p["facets"]
same("geojson counts", per_country, want.get("country", {}))
for ft in g["features"]:    # coordinate order: GB is at lon -2, lat 54; US at lon < 0 < lat
    if ft["properties"]["country"] in ("GB", "US", "IN"):
        lon, lat = ft["geometry"]["coordinates"]
        assert lat > 0 and (lon < 0) == (ft["properties"]["country"] != "IN"), ft
json.dump(per_country_facets, open(d + "/country_facets.json", "w"))

# GeoJSON per record.
pr = json.load(open(d + "/per.geojson"))
n = defaultdict(int)
for ft in pr["features"]:
    p = ft["properties"]
    assert {"id", "title", "year", "country", "name", "tags"} <= set(p), p
    assert p["country"] in p["tags"]["country"], p
    n[p["country"]] += 1
same("per-record counts", dict(n), want.get("country", {}))

# CSV long and wide, read by Python's csv module.
rows = list(csv.reader(open(d + "/out.csv", newline="", encoding="utf-8")))
assert rows[0] == ["record_id", "facet", "label", "source", "score"], rows[0]
for r in rows[1:]:
    assert len(r) == 5 and r[3] in ("manual", "predicted") and (r[4] == "") == (r[3] == "manual"), r
same("csv counts", counts((r[0], r[1], r[2]) for r in rows[1:]), want)
wide = list(csv.DictReader(open(d + "/wide.csv", newline="", encoding="utf-8")))
assert len(wide) == total, (len(wide), total)
same("wide csv counts", counts((r["id"], f, l) for r in wide for f in r if f not in ("id", "title", "year")
                               for l in r[f].split(";") if l), want)

# JSON and JSON Lines: the records with their tags.
js = json.load(open(d + "/out.json"))
jl = [json.loads(l) for l in open(d + "/out.jsonl", encoding="utf-8")]
assert js == jl and len(js) == total, (len(js), len(jl), total)
assert [r["id"] for r in js] == sorted(r["id"] for r in js)
tags = lambda r: [(r["id"], f, l) for f, ls in r.get("labels", {}).items() for l in ls] + \
                 [(r["id"], f, it["label"]) for f, its in r.get("predicted", {}).items() for it in its]
same("json counts", counts(t for r in js for t in tags(r)), want)

# GeoJSON facets of each country = counts over the exported records carrying it.
for c, geo in per_country_facets.items():
    recs = [r for r in js if (r["id"], "country", c) in set(tags(r))]
    got = counts(t for r in recs for t in tags(r) if t[1] != "country")
    same("facets of " + c, geo, got)

# RIS re-read: the same tags per record, all as labels now.
back = {r["id"]: set((f, l) for f, ls in r.get("labels", {}).items() for l in ls)
        for r in json.load(open(d + "/ris.json"))}
for r in js:
    assert back[r["id"]] == set((f, l) for _, f, l in tags(r)), (r["id"], back[r["id"]])
assert len(back) == total
PY
  # GeoJSON facets of a country = search counts with that country as a filter.
  case "$*" in *country=*) return ;; esac
  for c in $($PY -c 'import json,sys; print(" ".join(json.load(open(sys.argv[1]))))' "$TMP/country_facets.json"); do
    "$REVTAG" search -d "$DB" -n 0 --json "$@" --facet country=$c > "$TMP/c.json"
    $PY - "$TMP/country_facets.json" "$TMP/c.json" "$c" <<'PY' || fail "facets of $c under: $*"
import json, sys
geo = json.load(open(sys.argv[1]))[sys.argv[3]]
s = json.load(open(sys.argv[2]))["facets"]
s.pop("country", None)
assert geo == s, (geo, s)
PY
  done
}
check
check --source manual
check --source predicted --min-score 0.5
check --facet approach="social impact bond"
check --facet country=GB --facet country=KE --min-score 0.6
check evaluation
check '"transaction costs"' --facet theme="costs and transaction costs"

# -o is atomic: a failing export leaves the old file and no temporary.
echo old > "$TMP/keep.csv"
"$REVTAG" export -d "$DB" -f csv -o "$TMP/keep.csv" 'bad AND' 2> "$TMP/err"; rc=$?
[ $rc -eq 1 ] || fail "bad query: exit $rc, want 1"
[ "$(cat "$TMP/keep.csv")" = old ] || fail "failed export touched the output"
[ "$(ls "$TMP" | grep -c 'keep.csv.tmp')" = 0 ] || fail "temporary left behind"
"$REVTAG" export -d "$DB" -f csv 'bad AND' > "$TMP/partial" 2> /dev/null
[ ! -s "$TMP/partial" ] || fail "failed export wrote to stdout"

# Usage errors.
for a in "-f geojson --wide" "-f csv --per-record" "-f docx" "" ; do
  "$REVTAG" export -d "$DB" $a > /dev/null 2>&1; rc=$?
  [ $rc -eq 2 ] || fail "export $a: exit $rc, want 2"
done
"$REVTAG" export -f csv > /dev/null 2>&1; [ $? -eq 2 ] || fail "no -d: want exit 2"
"$REVTAG" help export | grep -q -- '--per-record' || fail "help"
echo "1 passed, 0 failed"
