#!/usr/bin/env bash
# revtag eval: its figures equal an independent computation (eval_check.py,
# standard library, plus scikit-learn when installed) from revtag classify
# output and from the held-out predictions of cross-validation; a fold
# retrained with revtag train gives the same predictions; runs are
# reproducible; table, JSON and HTML agree; errors and usage.
set -uo pipefail
REVTAG=$1 SRC=$2 TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
PY=/usr/bin/python3
CHECK="$PY $SRC/tests/cli/eval_check.py"

# Data: the embedded corpus, with policy_area kept only where a record has one
# (a single-label facet) and approach as it is (multi-label); every third record
# is held out.
/usr/bin/python3 - "$SRC" "$TMP" <<'EOF' || fail "data preparation"
import glob, json, sys
src, tmp = sys.argv[1:]
recs = []
for path in sorted(glob.glob(src + "/corpus/src/written_*.jsonl")):
    with open(path, encoding="utf-8") as f:
        recs += [json.loads(line) for line in f if line.strip()]
recs.sort(key=lambda r: r["id"])
out = {"train": [], "test": [], "all": []}
for i, r in enumerate(recs):
    labels = r["labels"]
    r["labels"] = {"approach": labels["approach"], "country": labels["country"]}
    if len(labels["policy_area"]) == 1:
        r["labels"]["policy_area"] = labels["policy_area"]
    out["test" if i % 3 == 0 else "train"].append(r)
    out["all"].append(r)
out["small"] = out["all"][::4]
for name, rs in out.items():
    with open("%s/%s.jsonl" % (tmp, name), "w", encoding="utf-8") as f:
        f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rs)
EOF

# 1. -m: the figures of revtag classify's output, and the same numbers in every form.
"$REVTAG" train -q -f policy_area -f approach -f country -o "$TMP/model" "$TMP/train.jsonl" \
  || fail "train exited $?"
"$REVTAG" classify -m "$TMP/model" "$TMP/test.jsonl" > "$TMP/classified.jsonl" || fail "classify"
"$REVTAG" eval -m "$TMP/model" --json "$TMP/test.jsonl" > "$TMP/eval.json" || fail "eval --json exited $?"
[ "$(wc -l < "$TMP/eval.json")" -eq 3 ] || fail "want one JSON object per facet"
$CHECK metrics "$TMP/classified.jsonl" "$TMP/eval.json" || fail "eval -m differs from classify output"
grep -q '"facet":"policy_area","n":[0-9]*,"multi_label":false' "$TMP/eval.json" \
  || fail "policy_area is not evaluated as single-label"
grep -q '"confusion":{' "$TMP/eval.json" || fail "no confusion matrix"
"$REVTAG" eval -m "$TMP/model" --html "$TMP/eval.html" "$TMP/test.jsonl" > "$TMP/eval.txt" \
  || fail "eval table exited $?"
$CHECK same "$TMP/eval.json" "$TMP/eval.txt" "$TMP/eval.html" || fail "table/HTML differ from JSON"
grep -q '^== policy_area: .* single-label' "$TMP/eval.txt" || fail "table heading"
"$REVTAG" eval -m "$TMP/model" -f approach --json "$TMP/test.jsonl" > "$TMP/one.json" || fail "-f"
[ "$(wc -l < "$TMP/one.json")" -eq 1 ] && grep -q '"facet":"approach"' "$TMP/one.json" || fail "-f approach"

# 2. Cross-validation: figures from the held-out predictions, per fold too.
cv() { "$REVTAG" eval --folds 3 -f policy_area -f approach --json "$@" "$TMP/all.jsonl"; }
cv --seed 7 --predictions "$TMP/cv.jsonl" > "$TMP/cv.json" || fail "eval --folds exited $?"
$CHECK metrics "$TMP/cv.jsonl" "$TMP/cv.json" || fail "cross-validation figures differ"
[ "$(wc -l < "$TMP/cv.jsonl")" -eq "$(wc -l < "$TMP/all.jsonl")" ] \
  || fail "every record is held out exactly once"

# 2b. Training options reach the fold models: fold 1's predictions equal those of
# `revtag train` with the same options on the other folds, then `revtag classify`.
cv --seed 5 --algo cnb --alpha 0.5 --no-bigrams --stopwords --predictions "$TMP/opt.jsonl" \
  > /dev/null || fail "eval --folds with training options exited $?"
$PY - "$TMP/opt.jsonl" "$TMP/all.jsonl" "$TMP/f1" <<'EOF' || fail "split by fold"
import json, sys
fold = {r["id"]: r["fold"] for r in map(json.loads, open(sys.argv[1]))}
with open(sys.argv[3] + ".train", "w") as tr, open(sys.argv[3] + ".test", "w") as te:
    for line in open(sys.argv[2]):   # input order, as eval trains
        f = fold.get(json.loads(line)["id"])
        if f:
            (te if f == 1 else tr).write(line)
EOF
"$REVTAG" train -q --seed 5 --algo cnb --alpha 0.5 --no-bigrams --stopwords -f policy_area \
  -f approach -o "$TMP/f1.rtm" "$TMP/f1.train" || fail "train on folds 2-3"
"$REVTAG" classify -m "$TMP/f1.rtm" "$TMP/f1.test" > "$TMP/f1.cls" || fail "classify fold 1"
$PY - "$TMP/opt.jsonl" "$TMP/f1.cls" <<'EOF' || fail "eval's fold model differs from train's"
import json, sys
ev = {r["id"]: r["predicted"] for r in map(json.loads, open(sys.argv[1])) if r["fold"] == 1}
cl = {r["id"]: r["predicted"] for r in map(json.loads, open(sys.argv[2]))}
assert ev.keys() == cl.keys() and len(ev) > 10, (len(ev), len(cl))
for k in ev:
    for f in ("policy_area", "approach"):
        assert [p["label"] for p in ev[k][f]] == [p["label"] for p in cl[k][f]], (k, f)
EOF
cv --seed 5 --predictions "$TMP/def.jsonl" > /dev/null || fail "eval --folds default"
cmp -s "$TMP/def.jsonl" "$TMP/opt.jsonl" && fail "training options had no effect"

# 3. Reproducible: same seed, any thread count -> the same report; another seed -> other folds.
cv --seed 7 --threads 1 > "$TMP/cv1.json" || fail "eval --threads 1"
cmp -s "$TMP/cv.json" "$TMP/cv1.json" || fail "cross-validation not reproducible"
cv --seed 8 > "$TMP/cv8.json" || fail "eval --seed 8"
cmp -s "$TMP/cv.json" "$TMP/cv8.json" && fail "the seed does not change the folds"

# 4. A fold by hand: revtag train on the other folds, revtag classify on this one.
/usr/bin/python3 - "$TMP" <<'EOF' || fail "fold split"
import json, sys
tmp = sys.argv[1]
fold = {}
with open(tmp + "/cv.jsonl", encoding="utf-8") as f:
    for line in f:
        r = json.loads(line)
        fold[r["id"]] = r["fold"]
with open(tmp + "/all.jsonl", encoding="utf-8") as f, \
     open(tmp + "/f2train.jsonl", "w", encoding="utf-8") as tr, \
     open(tmp + "/f2test.jsonl", "w", encoding="utf-8") as te:
    for line in f:
        (te if fold[json.loads(line)["id"]] == 2 else tr).write(line)
EOF
"$REVTAG" train -q -f policy_area -f approach --seed 7 -o "$TMP/f2.model" "$TMP/f2train.jsonl" \
  || fail "train fold 2"
"$REVTAG" classify -m "$TMP/f2.model" "$TMP/f2test.jsonl" > "$TMP/f2.jsonl" || fail "classify fold 2"
/usr/bin/python3 - "$TMP" <<'EOF' || fail "fold 2 retrained by hand predicts differently"
import json, sys
tmp = sys.argv[1]
def preds(path, keep):
    with open(path, encoding="utf-8") as f:
        return {r["id"]: r["predicted"] for r in map(json.loads, f) if keep(r)}
a = preds(tmp + "/cv.jsonl", lambda r: r["fold"] == 2)
b = preds(tmp + "/f2.jsonl", lambda r: True)
assert a.keys() == b.keys() and len(a) > 50, "records differ"
strip = lambda p: {k: [x["label"] for x in v] for k, v in p.items()}
bad = [i for i in a if strip(a[i]) != strip(b[i])]
assert not bad, "%d records differ, e.g. %s" % (len(bad), bad[:3])
EOF

# 5. Learning curve: ten nested shares, the last one the cross-validation itself.
"$REVTAG" eval --folds 3 -f approach --curve --json "$TMP/small.jsonl" > "$TMP/curve.json" \
  || fail "eval --curve exited $?"
/usr/bin/python3 - "$TMP/curve.json" <<'EOF' || fail "learning curve"
import json, sys
e = json.loads(open(sys.argv[1]).readline())
c = e["curve"]
assert [round(p["share"], 2) for p in c] == [i / 10 for i in range(1, 11)], c
assert all(a["n_train"] < b["n_train"] for a, b in zip(c, c[1:])), "training sets do not grow"
assert abs(c[-1]["mean"]["micro"]["f1"] - e["folds"]["mean"]["micro"]["f1"]) < 1e-12
assert c[-1]["mean"]["micro"]["f1"] > c[0]["mean"]["micro"]["f1"], "no learning"
EOF
"$REVTAG" eval --folds 3 -f approach --curve "$TMP/small.jsonl" | grep -q '^   100%' || fail "curve table"

# 6. Errors and usage.
"$REVTAG" eval -m "$TMP/model" "$TMP/missing.jsonl" > "$TMP/out" 2> "$TMP/err"; rc=$?
[ $rc -eq 1 ] && grep -q missing.jsonl "$TMP/err" && [ "$(wc -l < "$TMP/err")" -eq 1 ] \
  || fail "missing file: exit $rc, $(cat "$TMP/err")"
{ head -3 "$TMP/test.jsonl"; echo '{"id": "bad", "title": '; } > "$TMP/bad.jsonl"
"$REVTAG" eval -m "$TMP/model" "$TMP/bad.jsonl" > "$TMP/out" 2> "$TMP/err"; rc=$?
[ $rc -eq 1 ] && grep -q 'bad.jsonl:4' "$TMP/err" && [ ! -s "$TMP/out" ] \
  || fail "bad record: exit $rc, $(cat "$TMP/err")"
"$REVTAG" eval -m "$TMP/model" -f theme "$TMP/test.jsonl" 2> "$TMP/err"; rc=$?
[ $rc -eq 1 ] && grep -q "theme" "$TMP/err" || fail "facet not in the model: exit $rc"
"$REVTAG" eval -m "$TMP/model" --html /nonexistent-dir/r.html "$TMP/test.jsonl" > "$TMP/out" 2>&1; rc=$?
[ $rc -eq 1 ] && ! grep -q '^==' "$TMP/out" || fail "unwritable --html: exit $rc"
for args in "" "-m $TMP/model --folds 3 -f approach" "--folds 3" "--folds 1 -f approach" \
            "-m $TMP/model --curve" "--folds 3 -f approach --algo nosuch" "-m $TMP/model --bogus" \
            "-m $TMP/model --stopwords" "--folds 3 -f approach -C 0" \
            "--folds 3 -f approach -f approach"; do
  # shellcheck disable=SC2086
  "$REVTAG" eval $args "$TMP/test.jsonl" > /dev/null 2>&1; rc=$?
  [ $rc -eq 2 ] || fail "usage error '$args': exit $rc, want 2"
done
"$REVTAG" help eval | grep -q -- '--curve' || fail "help eval"
echo "1 passed, 0 failed"
