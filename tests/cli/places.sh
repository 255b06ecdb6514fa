#!/usr/bin/env bash
# revtag places: matches with spans, countries and rules; JSON output; the
# gazetteer-only countries of a record; errors and usage give the documented
# exit status and one line naming the file.
set -uo pipefail
REVTAG=$1 SRC=$2 TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
IN=$SRC/tests/data/geo/records.jsonl

# 1. Text output: one line per match, then one per record.
"$REVTAG" places "$IN" > "$TMP/out.tsv" || fail "places exited $?"
grep -qP '^uk-1\ttitle\t4\t16\tPeterborough\tGB\tPeterborough\tplace\t' "$TMP/out.tsv" || fail "Peterborough span"
grep -qP '^uk-1\tabstract\t\d+\t\d+\tMinistry of Justice\tGB\tMinistry of Justice\tinstitution\tinstitution$' "$TMP/out.tsv" \
  || fail "institution"
grep -qP '^us-1\tabstract\t\d+\t\d+\tGeorgia\tUS\tGeorgia\tvariant\tcontext:US$' "$TMP/out.tsv" || fail "Georgia by context"
grep -qP '^uk-1\t=\tGB:' "$TMP/out.tsv" || fail "uk-1 countries"
grep -qP '^multi-1\t=\t(KE:[0-9.]+,UG|UG:[0-9.]+,KE):[0-9.]+$' "$TMP/out.tsv" || fail "multi-country record: $(grep '^multi-1' "$TMP/out.tsv")"
grep -qP '^global-1\t=$' "$TMP/out.tsv" || fail "global review got a country"
grep -qP '^fr-1\ttitle\t\d+\t\d+\tRoyaume-Uni\tGB\tRoyaume-Uni\tcountry\tname:fr$' "$TMP/out.tsv" || fail "French name"
grep -qP "^fr-1\tabstract\t0\t6\tL'Inde\tIN\t" "$TMP/out.tsv" || fail "elision"

# 2. Offsets are byte offsets into the field: the span cut from the input is the surface.
title=$(head -1 "$IN" | grep -o '"title": "[^"]*"' | cut -d'"' -f4)
[ "${title:4:12}" = "Peterborough" ] || fail "offsets do not point at the surface"

# 3. JSON output, one object per record, same countries.
"$REVTAG" places --json "$IN" > "$TMP/out.json" || fail "--json exited $?"
[ "$(wc -l < "$TMP/out.json")" -eq 5 ] || fail "--json: want 5 lines"
grep -q '"id":"multi-1","places":\[{"field":"title","start":28,"end":33,"text":"Kenya","country":"KE"' "$TMP/out.json" \
  || fail "--json match: $(grep multi-1 "$TMP/out.json")"
grep -q '"id":"global-1","places":\[\],"countries":\[\]' "$TMP/out.json" || fail "--json global"
"$REVTAG" places --format jsonl < "$IN" | cmp -s - "$TMP/out.tsv" || fail "stdin differs from file"

# 4. Errors: missing file, bad record, bad option.
"$REVTAG" places "$TMP/missing.jsonl" > "$TMP/o" 2> "$TMP/err"; rc=$?
[ $rc -eq 1 ] || fail "missing file: exit $rc, want 1"
grep -q "missing.jsonl" "$TMP/err" || fail "missing file not named"
[ "$(wc -l < "$TMP/err")" -eq 1 ] || fail "error is not one line"
{ head -1 "$IN"; echo '{"id": "bad", "title": '; } > "$TMP/bad.jsonl"
"$REVTAG" places "$TMP/bad.jsonl" > "$TMP/o" 2> "$TMP/err"; rc=$?
[ $rc -eq 1 ] || fail "bad record: exit $rc, want 1"
grep -q "bad.jsonl:2" "$TMP/err" || fail "bad record line not named: $(cat "$TMP/err")"
[ ! -s "$TMP/o" ] || fail "partial output on error"
"$REVTAG" places --bogus < /dev/null 2> /dev/null; rc=$?
[ $rc -eq 2 ] || fail "unknown option: exit $rc, want 2"
"$REVTAG" places --format xml < /dev/null 2> /dev/null; rc=$?
[ $rc -eq 2 ] || fail "unknown format: exit $rc, want 2"
"$REVTAG" help places | grep -q -- '--json' || fail "help places"
echo "1 passed, 0 failed"
