#!/usr/bin/env bash
# revtag check: every kind of problem reported on its own line with file and
# line (duplicate ids across files with both places, labels outside the
# taxonomy, ISO 3166-1 codes, single-label facets, malformed records), the
# problem limit, counts per facet and label (text and --json), --skip-bad,
# the default taxonomy, and exit statuses.
set -uo pipefail
REVTAG=$1 SRC=$2 TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
D=$SRC/tests/data/reader
fail() { echo "FAIL: $*"; exit 1; }
cd "$D" || fail "no fixtures"
TAX="--taxonomy taxonomy_small.json"

# 1. A clean file: exit 0, counts with the taxonomy's unused labels at 0.
"$REVTAG" check $TAX check_good.jsonl > "$TMP/out" 2> "$TMP/err" || fail "clean file: exit $? $(cat "$TMP/err")"
[ ! -s "$TMP/err" ] || fail "clean file: stderr $(cat "$TMP/err")"
head -1 "$TMP/out" | grep -q "^3 record(s) in 1 file(s)$" || fail "summary: $(head -1 "$TMP/out")"
grep -q "^policy_area: 2 record(s) coded, 2 label(s)$" "$TMP/out" || fail "policy_area counts"
grep -qE "^ +2  Health$" "$TMP/out" || fail "Health count"
grep -qE "^ +0  evaluation$" "$TMP/out" || fail "unused taxonomy label not listed with 0"
grep -q "^country: 3 record(s) coded, 2 label(s)$" "$TMP/out" || fail "country coded count (a global study counts as coded)"

# 2. Every problem, one line each, with FILE:LINE; exit 1.
"$REVTAG" check $TAX check_a.jsonl check_b.ris > "$TMP/out" 2> "$TMP/err"; rc=$?
[ $rc -eq 1 ] || fail "problems: exit $rc, want 1"
want=(
  "revtag check: check_a.jsonl:2: record 'a2': 'Healthcare' is not a policy_area label of the taxonomy"
  "revtag check: check_a.jsonl:2: record 'a2': country 'UK' is not an ISO 3166-1 alpha-2 code (the code of the United Kingdom is GB)"
  "revtag check: check_a.jsonl:3: record 'a3': country 'ke' is not an ISO 3166-1 alpha-2 code (codes are upper case)"
  "revtag check: check_a.jsonl:3: record 'a3': facet 'topic' is not in the taxonomy"
  "revtag check: check_a.jsonl:3: record 'a3': facet 'study_type' takes one label, the record has 2"
  "revtag check: check_a.jsonl:4: record has no id"
  "revtag check: check_b.ris:1: duplicate id 'a1' (first at check_a.jsonl:1)"
  "revtag check: check_b.ris:1: record 'a1': country 'XZ' is not an ISO 3166-1 alpha-2 code"
  "revtag check: 8 problem(s) in 2 file(s)"
)
for w in "${want[@]}"; do grep -qxF "$w" "$TMP/err" || fail "missing: $w"$'\n'"got: $(cat "$TMP/err")"; done
[ "$(wc -l < "$TMP/err")" -eq ${#want[@]} ] || fail "extra stderr lines: $(cat "$TMP/err")"
grep -q "^6 record(s) in 2 file(s)$" "$TMP/out" || fail "counts still printed with problems"

# 3. The problem limit, then a count.
"$REVTAG" check $TAX --max-problems 2 check_a.jsonl check_b.ris > /dev/null 2> "$TMP/err"; rc=$?
[ $rc -eq 1 ] || fail "--max-problems: exit $rc"
[ "$(grep -c "record '" "$TMP/err")" -eq 2 ] || fail "--max-problems 2 printed $(grep -c "record '" "$TMP/err")"
grep -qxF "revtag check: ... and 6 more problem(s)" "$TMP/err" || fail "no 'more' line: $(cat "$TMP/err")"

# 4. --json: one object with counts and messages.
"$REVTAG" check $TAX --json check_a.jsonl check_b.ris > "$TMP/json" 2> /dev/null
/usr/bin/python3 - "$TMP/json" <<'PY' || fail "--json: $(cat "$TMP/json")"
import json, sys
j = json.load(open(sys.argv[1]))
assert j["files"] == 2 and j["records"] == 6 and j["problems"] == 8 and j["skipped"] == 0, j
assert j["facets"]["policy_area"]["labels"] == {"Health": 2, "Education": 1, "Healthcare": 1}, j
assert j["facets"]["country"]["coded"] == 6
assert list(j["facets"])[:3] == ["policy_area", "country", "study_type"]   # taxonomy order first
assert len(j["messages"]) == 8 and j["messages"][6].startswith("check_b.ris:1: duplicate id 'a1'")
PY

# 5. --skip-bad: malformed records are counted, not problems; --no-taxonomy: no label checks.
"$REVTAG" check --no-taxonomy --skip-bad check_a.jsonl > "$TMP/out" 2> "$TMP/err" || fail "--skip-bad --no-taxonomy: exit $?"
grep -q "1 malformed record(s) skipped; the first: check_a.jsonl:4: record has no id" "$TMP/err" || fail "skip count: $(cat "$TMP/err")"
grep -q "^4 record(s) in 1 file(s), 1 malformed record(s) skipped$" "$TMP/out" || fail "skip summary: $(head -1 "$TMP/out")"
"$REVTAG" check --no-taxonomy ragged.csv > /dev/null 2> "$TMP/err"; rc=$?
[ $rc -eq 1 ] && grep -q "ragged.csv:3: row has 2 field(s)" "$TMP/err" && grep -q "ragged.csv:4: row has 4 field(s)" "$TMP/err" \
  || fail "check goes on after a malformed record: $(cat "$TMP/err")"

# A facet coded only with empty lists.
printf '{"id":"x","title":"t","labels":{"topic":[]}}\n' | "$REVTAG" check --no-taxonomy > "$TMP/out" 2> "$TMP/err" \
  || fail "empty facet: exit $? $(cat "$TMP/err")"
grep -q "^topic: 1 record(s) coded, 0 label(s)$" "$TMP/out" || fail "empty facet counts: $(cat "$TMP/out")"

# 6. The default taxonomy is corpus/taxonomy.json in the current directory, when there is one.
cp check_a.jsonl "$TMP/a.jsonl"
(cd "$SRC" && "$REVTAG" check "$TMP/a.jsonl" > /dev/null 2> "$TMP/err"); rc=$?
[ $rc -eq 1 ] && grep -q "'Healthcare' is not a policy_area label" "$TMP/err" || fail "default taxonomy not used: $(cat "$TMP/err")"
(cd "$TMP" && "$REVTAG" check --skip-bad a.jsonl > /dev/null 2> "$TMP/err") || fail "no taxonomy in $TMP: $(cat "$TMP/err")"

# 7. Errors: a missing or broken taxonomy is fatal; a missing input is a problem; usage.
"$REVTAG" check --taxonomy "$TMP/none.json" check_good.jsonl > /dev/null 2> "$TMP/err"; rc=$?
[ $rc -eq 1 ] && grep -q "none.json: cannot open" "$TMP/err" || fail "missing taxonomy: exit $rc $(cat "$TMP/err")"
"$REVTAG" check --taxonomy bad_taxonomy.json check_good.jsonl > /dev/null 2> "$TMP/err"; rc=$?
[ $rc -eq 1 ] && grep -q "bad_taxonomy.json: facet 'policy_area': label 1 has no \"label\" string" "$TMP/err" \
  || fail "bad taxonomy: exit $rc $(cat "$TMP/err")"
"$REVTAG" check $TAX check_good.jsonl "$TMP/missing.jsonl" > /dev/null 2> "$TMP/err"; rc=$?
[ $rc -eq 1 ] && grep -q "missing.jsonl: cannot open" "$TMP/err" || fail "missing input: exit $rc"
"$REVTAG" check --max-problems x check_good.jsonl > /dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || fail "bad --max-problems: exit $rc, want 2"
"$REVTAG" help check | grep -q -- '--taxonomy FILE' || fail "help check"
echo "1 passed, 0 failed"
