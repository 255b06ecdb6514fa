#!/usr/bin/env bash
# revtag explain: for each record and assigned label, the terms that raised
# it with the record's own words; text and JSON agree with classify.
set -uo pipefail
REVTAG=$1 SRC=$2 TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
DATA=$SRC/tests/data
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3

"$REVTAG" train -q -f topic -f region -o "$TMP/m.rtm" "$DATA/model_train.jsonl" || fail "train exited $?"

# 1. Text: a heading per record, the label classify assigns, stems with surface words.
"$REVTAG" explain -m "$TMP/m.rtm" --facet topic "$DATA/model_test.jsonl" > "$TMP/text" 2> "$TMP/err" \
  || fail "explain exited $?: $(cat "$TMP/err")"
grep -q '^t5  Prisoners left prison and reoffending fell$' "$TMP/text" || fail "heading: $(head -3 "$TMP/text")"
grep -q '^  topic = justice (' "$TMP/text" || fail "label line: $(cat "$TMP/text")"
grep -qE '^ +\+[0-9.]+  prison +"Prisoners", "prison" \(x2\)$' "$TMP/text" \
  || fail "stem with its surface words: $(grep -A8 '^t5' "$TMP/text")"
grep -q 'region' "$TMP/text" && fail "--facet topic shows region"

# 2. JSON: one object per record, labels = classify's, terms sorted by weight.
"$REVTAG" explain -m "$TMP/m.rtm" --json -n 3 "$DATA/model_test.jsonl" > "$TMP/json" || fail "explain --json"
"$REVTAG" classify -m "$TMP/m.rtm" "$DATA/model_test.jsonl" > "$TMP/cls" || fail "classify"
$PY - "$TMP/json" "$TMP/cls" <<'EOF' || fail "JSON explanations"
import json, sys
ex = [json.loads(l) for l in open(sys.argv[1])]
cl = [json.loads(l) for l in open(sys.argv[2])]
assert [e["id"] for e in ex] == [c["id"] for c in cl]
for e, c in zip(ex, cl):
    for facet, labels in c["predicted"].items():
        got = e["explain"][facet]
        assert [g["label"] for g in got] == [l["label"] for l in labels], (facet, got, labels)
        assert [g["score"] for g in got] == [l["score"] for l in labels]
        for g in got:
            w = [t["weight"] for t in g["terms"]]
            assert len(w) <= 3 and w == sorted(w, reverse=True) and all(x > 0 for x in w), g
            for t in g["terms"]:
                assert t["count"] >= 1 and len(t["words"]) >= 1, t
EOF

# 3. The country facet: explain lists the gazetteer's spans as written in the record.
cat > "$TMP/geo.jsonl" <<'EOJ'
{"id":"g1","title":"Rough sleeping in Greater Manchester","abstract":"An evaluation of the bond commissioned in Manchester and Kirklees.","labels":{"country":["GB"]}}
{"id":"g2","title":"A global review","abstract":"Outcomes contracts across many countries.","labels":{"country":[]}}
EOJ
"$REVTAG" train -q -f country -o "$TMP/c.rtm" "$TMP/geo.jsonl" "$TMP/geo.jsonl" || fail "train country"
"$REVTAG" explain -m "$TMP/c.rtm" --json "$TMP/geo.jsonl" > "$TMP/geo.out" || fail "explain country exited $?"
$PY - "$TMP/geo.out" <<'EOF' || fail "explain country places"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
p = {r["id"]: r["places"] for r in recs}
got = [(m["field"], m["text"], m["country"]) for m in p["g1"]]
assert ("title", "Greater Manchester", "GB") in got, got
assert ("abstract", "Kirklees", "GB") in got, got
assert p["g2"] == [], p["g2"]
EOF
"$REVTAG" explain -m "$TMP/c.rtm" "$TMP/geo.jsonl" | grep -q '"Greater Manchester" GB (title' \
  || fail "explain text lacks the gazetteer span"

# 3b. Explain's countries are classify's: the model's scores joined with the
# gazetteer, so a country the model never saw (Kenya) is explained too.
cat > "$TMP/geo2.jsonl" <<'EOJ'
{"id":"k1","title":"A development impact bond in Nairobi, Kenya","abstract":"Education outcomes for girls in Kenya."}
{"id":"k2","title":"Rough sleeping in Greater Manchester","abstract":"Kirklees and Manchester."}
{"id":"k3","title":"A global review","abstract":"Outcomes contracts across many countries."}
EOJ
"$REVTAG" classify -m "$TMP/c.rtm" "$TMP/geo2.jsonl" > "$TMP/geo2.cls" || fail "classify geo2"
"$REVTAG" explain -m "$TMP/c.rtm" --json "$TMP/geo2.jsonl" > "$TMP/geo2.exp" || fail "explain geo2"
$PY - "$TMP/geo2.cls" "$TMP/geo2.exp" <<'EOF' || fail "explain countries differ from classify"
import json, sys
cls = {r["id"]: [(p["label"], p["score"]) for p in r["predicted"]["country"]]
       for r in map(json.loads, open(sys.argv[1]))}
exp = {r["id"]: [(p["label"], p["score"]) for p in r["explain"]["country"]]
       for r in map(json.loads, open(sys.argv[2]))}
assert cls == exp, (cls, exp)
assert [l for l, _ in cls["k1"]] == ["KE"], cls["k1"]
assert [l for l, _ in cls["k2"]] == ["GB"], cls["k2"]
EOF
"$REVTAG" explain -m "$TMP/c.rtm" "$TMP/geo2.jsonl" | grep -q "country = KE .*" \
  || fail "explain text lacks the gazetteer-only country"

# 4. Errors.
"$REVTAG" explain -m "$TMP/m.rtm" --facet nope < /dev/null 2> /dev/null; rc=$?
[ $rc -eq 2 ] || fail "unknown facet: exit $rc, want 2"
"$REVTAG" explain -m "$TMP/missing.rtm" < /dev/null 2> "$TMP/err"; rc=$?
[ $rc -eq 1 ] || fail "missing model: exit $rc, want 1"
grep -q "missing.rtm" "$TMP/err" || fail "missing model not named"
echo "1 passed, 0 failed"
