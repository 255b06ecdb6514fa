#!/usr/bin/env bash
# revtag train: writes a model that `model info` describes, the same bytes for
# any --threads, refuses bad options and inputs with the documented status.
set -uo pipefail
REVTAG=$1 SRC=$2 TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
DATA=$SRC/tests/data

# 1. Train two facets; the summary names both.
"$REVTAG" train -f topic -f region -o "$TMP/m1.rtm" --threads 1 "$DATA/model_train.jsonl" \
  2> "$TMP/err" || fail "train exited $?: $(cat "$TMP/err")"
grep -q "facet topic: 30 records, 3 labels, single-label, nbsvm" "$TMP/err" || fail "summary: $(cat "$TMP/err")"
grep -q "facet region: 30 records, 3 labels, multi-label" "$TMP/err" || fail "summary: $(cat "$TMP/err")"

# 2. Byte-identical models for 1 and 2 threads, and from run to run.
"$REVTAG" train -q -f topic -f region -o "$TMP/m2.rtm" --threads 2 "$DATA/model_train.jsonl" || fail "train -t 2"
cmp -s "$TMP/m1.rtm" "$TMP/m2.rtm" || fail "models differ between 1 and 2 threads"
"$REVTAG" train -q -f topic -f region -o "$TMP/m3.rtm" --threads 2 "$DATA/model_train.jsonl" || fail "train again"
cmp -s "$TMP/m2.rtm" "$TMP/m3.rtm" || fail "models differ from run to run"
for a in mnb cnb svm auto; do
  "$REVTAG" train -q -f topic -a $a --no-bigrams -o "$TMP/a1.rtm" -t 1 "$DATA/model_train.jsonl" || fail "train -a $a"
  "$REVTAG" train -q -f topic -a $a --no-bigrams -o "$TMP/a2.rtm" -t 2 "$DATA/model_train.jsonl" || fail "train -a $a -t 2"
  cmp -s "$TMP/a1.rtm" "$TMP/a2.rtm" || fail "$a models differ between 1 and 2 threads"
done

# 3. model info describes what was trained.
"$REVTAG" model info "$TMP/m1.rtm" > "$TMP/info" || fail "model info exited $?"
for want in "format *1," "facet topic" "single-label" "facet region" "multi-label" "education" \
            "bigrams yes" "min_df 2" "stemming yes"; do
  grep -q -- "$want" "$TMP/info" || fail "model info lacks '$want': $(cat "$TMP/info")"
done

# 4. Errors: usage (2), bad input and unknown facets (1, one line naming the file).
"$REVTAG" train -o "$TMP/x.rtm" "$DATA/model_train.jsonl" 2> /dev/null; rc=$?
[ $rc -eq 2 ] || fail "no facet: exit $rc, want 2"
"$REVTAG" train -f topic "$DATA/model_train.jsonl" 2> /dev/null; rc=$?
[ $rc -eq 2 ] || fail "no output: exit $rc, want 2"
"$REVTAG" train -f topic -o "$TMP/x.rtm" -a bogus "$DATA/model_train.jsonl" 2> /dev/null; rc=$?
[ $rc -eq 2 ] || fail "bad algo: exit $rc, want 2"
"$REVTAG" train -f theme -o "$TMP/x.rtm" "$DATA/model_train.jsonl" 2> "$TMP/err"; rc=$?
[ $rc -eq 1 ] || fail "unknown facet: exit $rc, want 1"
grep -q "theme" "$TMP/err" || fail "unknown facet not named: $(cat "$TMP/err")"
printf '{"id": "a", "title": "x", "labels": {"topic": ["t"]}}\n{"id": "b", "title": \n' > "$TMP/bad.jsonl"
"$REVTAG" train -f topic -o "$TMP/x.rtm" "$TMP/bad.jsonl" 2> "$TMP/err"; rc=$?
[ $rc -eq 1 ] || fail "bad JSON: exit $rc, want 1"
grep -q "bad.jsonl:2" "$TMP/err" || fail "bad JSON not located: $(cat "$TMP/err")"
[ "$(wc -l < "$TMP/err")" -eq 1 ] || fail "error is not one line: $(cat "$TMP/err")"
[ ! -e "$TMP/x.rtm" ] || fail "a model was written despite errors"
printf '{"id": "a", "title": "x", "lang": "tlh", "labels": {"topic": ["t"]}}\n' > "$TMP/lang.jsonl"
"$REVTAG" train -f topic -o "$TMP/x.rtm" "$TMP/lang.jsonl" 2> "$TMP/err"; rc=$?
[ $rc -eq 1 ] || fail "unknown language: exit $rc, want 1"
grep -q "lang.jsonl:1" "$TMP/err" || fail "unknown language not located: $(cat "$TMP/err")"
"$REVTAG" help train | grep -q -- '--algo' || fail "help train"
echo "1 passed, 0 failed"
