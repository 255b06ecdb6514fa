#!/usr/bin/env bash
# revtag classify: every record back in input order with "predicted", the
# right topics on the fixture, identical bytes for any --threads, --top, and
# refused models (corrupted, truncated, not a model) with exit 1.
set -uo pipefail
REVTAG=$1 SRC=$2 TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
DATA=$SRC/tests/data
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3

"$REVTAG" train -q -f topic -f region -o "$TMP/m.rtm" "$DATA/model_train.jsonl" || fail "train exited $?"

# 1. Predictions: one line per record, input order, the right single topic.
"$REVTAG" classify -m "$TMP/m.rtm" -t 1 "$DATA/model_test.jsonl" > "$TMP/out1" 2> "$TMP/err" \
  || fail "classify exited $?: $(cat "$TMP/err")"
$PY - "$TMP/out1" "$DATA/model_test.jsonl" <<'EOF' || fail "predictions"
import json, sys
out = [json.loads(l) for l in open(sys.argv[1])]
inp = [json.loads(l) for l in open(sys.argv[2])]
assert [r["id"] for r in out] == [r["id"] for r in inp], "order"
for o, i in zip(out, inp):
    assert o["title"] == i["title"] and o["year"] == i["year"] and o["labels"] == i["labels"]
    p = o["predicted"]
    assert set(p) == {"topic", "region"}, p
    assert len(p["topic"]) == 1, p
    assert p["topic"][0]["label"] == i["labels"]["topic"][0], (i["title"], p)
    for f in p.values():
        s = [x["score"] for x in f]
        assert all(0 <= x <= 1 for x in s) and s == sorted(s, reverse=True), f
EOF

# 2. Byte-identical output for 1 and 2 threads, and through stdin.
"$REVTAG" classify -m "$TMP/m.rtm" --threads 2 "$DATA/model_test.jsonl" > "$TMP/out2" || fail "classify -t 2"
cmp -s "$TMP/out1" "$TMP/out2" || fail "output differs between 1 and 2 threads"
"$REVTAG" classify -m "$TMP/m.rtm" < "$DATA/model_test.jsonl" > "$TMP/out3" || fail "classify stdin"
cmp -s "$TMP/out1" "$TMP/out3" || fail "stdin output differs"
# many records: several batches of 1024, still identical and in order
for i in $(seq 1 80); do cat "$DATA/model_train.jsonl"; done |
  $PY -c 'import sys,json
for n,l in enumerate(sys.stdin):
    r=json.loads(l); r["id"]="r%d"%n; print(json.dumps(r))' > "$TMP/many.jsonl"
"$REVTAG" classify -m "$TMP/m.rtm" -t 1 "$TMP/many.jsonl" > "$TMP/many1" || fail "classify many -t 1"
"$REVTAG" classify -m "$TMP/m.rtm" -t 2 "$TMP/many.jsonl" > "$TMP/many2" || fail "classify many -t 2"
[ "$(wc -l < "$TMP/many1")" -eq 2400 ] || fail "many: $(wc -l < "$TMP/many1") lines"
cmp -s "$TMP/many1" "$TMP/many2" || fail "many: output differs between 1 and 2 threads"

# 3. --top K lists K labels of every facet.
"$REVTAG" classify -m "$TMP/m.rtm" --top 2 "$DATA/model_test.jsonl" > "$TMP/top" || fail "classify --top"
$PY -c 'import sys,json
for l in open(sys.argv[1]):
    p=json.loads(l)["predicted"]; assert len(p["topic"])==2 and len(p["region"])==2, p' "$TMP/top" \
  || fail "--top 2"

# 4. Refused models: exit 1, one line naming the file, nothing on stdout.
size=$(stat -c %s "$TMP/m.rtm")
head -c $((size - 50)) "$TMP/m.rtm" > "$TMP/trunc.rtm"
cp "$TMP/m.rtm" "$TMP/flip.rtm"
printf '\x55' | dd of="$TMP/flip.rtm" bs=1 seek=$((size / 2)) conv=notrunc 2> /dev/null
cp "$DATA/model_test.jsonl" "$TMP/notmodel.rtm"
for bad in trunc flip notmodel missing; do
  "$REVTAG" classify -m "$TMP/$bad.rtm" "$DATA/model_test.jsonl" > "$TMP/out" 2> "$TMP/err"; rc=$?
  [ $rc -eq 1 ] || fail "$bad model: exit $rc, want 1"
  grep -q "$bad.rtm" "$TMP/err" || fail "$bad model: $(cat "$TMP/err")"
  [ "$(wc -l < "$TMP/err")" -eq 1 ] || fail "$bad model: error is not one line"
  [ ! -s "$TMP/out" ] || fail "$bad model: output written"
done
grep -q "checksum" <("$REVTAG" classify -m "$TMP/flip.rtm" < /dev/null 2>&1) || fail "flip: no checksum message"
grep -q "not a revtag model" <("$REVTAG" classify -m "$TMP/notmodel.rtm" < /dev/null 2>&1) || fail "notmodel"

# 5. Bad input: exit 1, the file and line named, no partial output.
{ cat "$DATA/model_test.jsonl"; echo '{"id": "x", "title": "y", "lang": "tlh"}'; } > "$TMP/bad.jsonl"
"$REVTAG" classify -m "$TMP/m.rtm" "$TMP/bad.jsonl" > "$TMP/out" 2> "$TMP/err"; rc=$?
[ $rc -eq 1 ] || fail "bad record: exit $rc, want 1"
grep -q "bad.jsonl:7" "$TMP/err" || fail "bad record not located: $(cat "$TMP/err")"
[ ! -s "$TMP/out" ] || fail "partial output written"
"$REVTAG" classify "$DATA/model_test.jsonl" 2> /dev/null; rc=$?
[ $rc -eq 2 ] || fail "no model: exit $rc, want 2"
"$REVTAG" classify -m "$TMP/m.rtm" --top 0 < /dev/null 2> /dev/null; rc=$?
[ $rc -eq 2 ] || fail "--top 0: exit $rc, want 2"
echo "1 passed, 0 failed"
