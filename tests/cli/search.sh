#!/usr/bin/env bash
# revtag search: facet counts equal counts computed independently (Python)
# from the same records for every filter combination; filters OR within a
# facet and AND across; every term `revtag tokens` prints is searchable;
# the JSON has exactly the documented members; bad queries fail cleanly.
set -uo pipefail
REVTAG=$1 SRC=$2 TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
PY=/usr/bin/python3
REC=$SRC/tests/data/store/records.jsonl
COUNTS=$SRC/tests/data/store/facet_counts.py
DB=$TMP/s.db
"$REVTAG" index -q -d "$DB" "$REC" || fail "index exited $?"

# 1. Counts without a query: filters, sources and scores against Python's counts.
check() {   # check ARGS... (revtag search options, also understood by facet_counts.py)
  "$REVTAG" search -d "$DB" -n 0 --json "$@" > "$TMP/out.json" || fail "search $* exited $?"
  $PY "$COUNTS" "$REC" "$TMP/out.json" "$@" || fail "counts for: $*"
}
check
check --source manual
check --source predicted
check --min-score 0.6
check --source predicted --min-score 0.9
check --facet country=GB
check --facet country=GB --facet country=IN
check --facet country=GB --facet approach="social impact bond"
check --facet theme="costs and transaction costs" --min-score 0.6
check --facet policy_area=Health --facet policy_area=Education --source predicted
n=$("$REVTAG" search -d "$DB" -n 0 --json --facet country=GB --facet country=US |
    $PY -c 'import json,sys; print(json.load(sys.stdin)["total"])')
[ "$n" = 5 ] || fail "country GB OR US: $n records, want 5"
n=$("$REVTAG" search -d "$DB" -n 0 --json --facet country=GB --facet policy_area=Health |
    $PY -c 'import json,sys; print(json.load(sys.stdin)["total"])')
[ "$n" = 1 ] || fail "country GB AND Health: $n records, want 1"

# 2. With a query: counts over exactly the records returned.
qcheck() {  # qcheck QUERY OPTIONS...
  local q=$1; shift
  "$REVTAG" search -d "$DB" -n 1000 --json "$@" -- "$q" > "$TMP/out.json" || fail "search '$q' exited $?"
  $PY "$COUNTS" "$REC" "$TMP/out.json" --result-ids "$@" || fail "counts for '$q' $*"
}
qcheck "evaluation"
qcheck "transaction costs" --source predicted
qcheck '"impact bond" OR "outcomes fund"' --facet country=GB
qcheck 'employ* NOT refugees'
[ "$("$REVTAG" search -d "$DB" -n 0 --json evaluations | $PY -c 'import json,sys; print(json.load(sys.stdin)["total"])')" = \
  "$("$REVTAG" search -d "$DB" -n 0 --json evaluated | $PY -c 'import json,sys; print(json.load(sys.stdin)["total"])')" ] \
  || fail "evaluations and evaluated do not find the same records (stemming)"
"$REVTAG" search -d "$DB" --lang fr -n 5 --json "coûts" | grep -q '"id":"s-08"' || fail "French query"

# 3. JSON members, ranking and snippets.
"$REVTAG" search -d "$DB" --json -n 3 "transaction costs" > "$TMP/q.json" || fail "search --json"
$PY - "$TMP/q.json" <<'PY' || fail "JSON shape"
import json, sys
d = json.load(open(sys.argv[1]))
assert list(d) == ["total", "results", "facets"], list(d)
assert d["total"] >= 3 and len(d["results"]) == 3
scores = [r["score"] for r in d["results"]]
assert scores == sorted(scores, reverse=True), scores
for r in d["results"]:
    assert list(r) == ["id", "title", "snippet", "score", "labels"], list(r)
    assert "[" in r["snippet"] and "]" in r["snippet"], r["snippet"]
    for f, ls in r["labels"].items():
        for l in ls:
            assert list(l) == ["label", "source", "score"], l
            assert (l["source"] == "manual") == (l["score"] is None), l
for f, ls in d["facets"].items():
    assert all(isinstance(c, int) and c > 0 for c in ls.values())
PY
"$REVTAG" search -d "$DB" "peterborough" > "$TMP/q.txt" || fail "text output"
grep -q '^1 record(s) match' "$TMP/q.txt" || fail "text total: $(head -1 "$TMP/q.txt")"
grep -q '\[Peterborough\]' "$TMP/q.txt" || fail "text snippet"

# 4. Every term `revtag tokens` prints is in the index under that term.
$PY - "$SRC/tests/data/prose_en.txt" > "$TMP/prose.jsonl" <<'PY'
import json, sys
print(json.dumps({"id": "prose", "abstract": open(sys.argv[1], encoding="utf-8").read()}))
PY
"$REVTAG" index -q -d "$TMP/p.db" "$TMP/prose.jsonl" || fail "index prose"
"$REVTAG" tokens --offsets "$SRC/tests/data/prose_en.txt" | cut -f4 | sort -u > "$TMP/surfaces"
[ "$(wc -l < "$TMP/surfaces")" -gt 50 ] || fail "too few words"
while read -r w; do
  n=$("$REVTAG" search -d "$TMP/p.db" -n 0 -- "\"$w\"" | head -1)
  [ "$n" = "1 record(s) match" ] || fail "'$w' not found: $n"
done < "$TMP/surfaces"

# 5. Errors.
"$REVTAG" search -d "$DB" 'costs AND' 2> "$TMP/err"; rc=$?
[ $rc -eq 1 ] || fail "bad query: exit $rc, want 1"
[ "$(wc -l < "$TMP/err")" -eq 1 ] && grep -q "syntax error" "$TMP/err" || fail "bad query message: $(cat "$TMP/err")"
"$REVTAG" search -d "$DB" 'nosuchcolumn: x' 2> "$TMP/err"; [ $? -eq 1 ] || fail "unknown column"
"$REVTAG" search -d "$TMP/missing.db" x 2> "$TMP/err"; [ $? -eq 1 ] || fail "missing db"
grep -q "missing.db" "$TMP/err" || fail "missing db not named"
"$REVTAG" search x 2> /dev/null; [ $? -eq 2 ] || fail "no -d: want exit 2"
"$REVTAG" search -d "$DB" --facet nolabel x 2> /dev/null; [ $? -eq 2 ] || fail "bad --facet"
"$REVTAG" search -d "$DB" --source both x 2> /dev/null; [ $? -eq 2 ] || fail "bad --source"
"$REVTAG" search -d "$DB" --min-score high x 2> /dev/null; [ $? -eq 2 ] || fail "bad --min-score"
"$REVTAG" help search | grep -q -- '--min-score' || fail "help"
echo "1 passed, 0 failed"
