#!/usr/bin/python3
"""Check `revtag eval --json` against an independent computation.

  eval_check.py metrics PREDICTIONS.jsonl EVAL.json
      Recompute every figure of EVAL.json (one object per facet) from
      PREDICTIONS.jsonl (the output of `revtag classify`, or of
      `revtag eval --predictions`, whose records also carry "fold") with the
      standard library only, and, when scikit-learn is installed, with
      scikit-learn too. Per-fold figures are recomputed from the "fold" member.
  eval_check.py same EVAL.json TABLE HTML
      Every figure the table and the HTML show appears there as in the JSON,
      rounded to 4 decimals.

Definitions (as documented in include/revtag/metrics.h): labels = those in the
gold or predicted sets; 0/0 = 0; macro = unweighted mean over labels; weighted
by support; micro from summed counts; multi-label accuracy = subset accuracy.
Exits 1 with one line per mismatch.
"""
import json
import math
import statistics
import sys

TOL = 1e-9
problems = []


def close(a, b):
    return abs(a - b) <= TOL


def check(what, got, want):
    if isinstance(want, float) or isinstance(got, float):
        ok = close(float(got), float(want))
    else:
        ok = got == want
    if not ok:
        problems.append("%s: revtag eval says %r, recomputed %r" % (what, got, want))


def div(a, b):
    return a / b if b else 0.0


def prf(tp, fp, fn):
    p, r = div(tp, tp + fp), div(tp, tp + fn)
    return p, r, div(2 * p * r, p + r)


def figures(pairs, multi):
    """pairs: list of (gold set, predicted set). The figures revtag eval reports."""
    labels = sorted(set().union(*[g | p for g, p in pairs]) if pairs else set(),
                    key=lambda s: s.encode("utf-8"))
    tp = {l: 0 for l in labels}
    fp = dict(tp)
    fn = dict(tp)
    exact = wrong = 0
    for g, p in pairs:
        for l in g & p:
            tp[l] += 1
        for l in p - g:
            fp[l] += 1
        for l in g - p:
            fn[l] += 1
        exact += g == p
        wrong += len(g ^ p)
    per = {l: prf(tp[l], fp[l], fn[l]) + (tp[l] + fn[l],) for l in labels}
    support = sum(v[3] for v in per.values())
    out = {"n": len(pairs), "labels": per, "tp": tp, "fp": fp, "fn": fn}
    out["micro"] = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    out["macro"] = tuple(div(sum(v[i] for v in per.values()), len(labels)) for i in range(3))
    out["weighted"] = tuple(div(sum(v[i] * v[3] for v in per.values()), support)
                            for i in range(3))
    out["accuracy"] = div(exact, len(pairs))
    if multi:
        out["subset_accuracy"] = out["accuracy"]
        out["hamming_loss"] = div(wrong, len(pairs) * len(labels))
    return out


def compare_summary(where, got, want):
    check(where + " accuracy", got["accuracy"], want["accuracy"])
    for avg in ("micro", "macro", "weighted"):
        for i, k in enumerate(("precision", "recall", "f1")):
            check("%s %s %s" % (where, avg, k), got[avg][k], want[avg][i])
    for k in ("subset_accuracy", "hamming_loss"):
        if k in want:
            check(where + " " + k, got.get(k), want[k])


def sklearn_check(facet, pairs, want):
    """The same figures from scikit-learn, when it is installed."""
    try:
        from sklearn.metrics import precision_recall_fscore_support
        from sklearn.preprocessing import MultiLabelBinarizer
    except ImportError:
        return False
    labels = sorted(want["labels"], key=lambda s: s.encode("utf-8"))
    mlb = MultiLabelBinarizer(classes=labels)
    y = mlb.fit_transform([g for g, _ in pairs])
    z = mlb.transform([p for _, p in pairs])
    for avg in ("micro", "macro", "weighted"):
        p, r, f, _ = precision_recall_fscore_support(y, z, average=avg, zero_division=0)
        for i, v in enumerate((p, r, f)):
            if not close(v, want[avg][i]):
                problems.append("%s %s: scikit-learn %r, recomputed %r" % (facet, avg, v,
                                                                           want[avg][i]))
    return True


def pairs_of(recs, facet):
    out = []
    for r in recs:
        if facet not in r.get("labels", {}):
            continue
        pred = r.get("predicted", {}).get(facet) or []
        out.append((set(r["labels"][facet]), set(x["label"] for x in pred)))
    return out


def check_facet(e, recs):
    facet, multi = e["facet"], e["multi_label"]
    pairs = pairs_of(recs, facet)
    want = figures(pairs, multi)
    check(facet + " n", e["n"], want["n"])
    compare_summary(facet, e, want)
    check(facet + " label set", sorted(e["labels"]), sorted(want["labels"]))
    for l, v in e["labels"].items():
        if l in want["labels"]:
            w = want["labels"][l]
            for i, k in enumerate(("precision", "recall", "f1", "support")):
                check("%s label %s %s" % (facet, l, k), v[k], w[i])
            for k in ("tp", "fp", "fn"):
                check("%s label %s %s" % (facet, l, k), v[k], want[k][l])
    if not multi:
        for g, p in pairs:
            if len(g) != 1 or len(p) != 1:
                problems.append("%s: single-label facet with %d gold, %d predicted labels"
                                % (facet, len(g), len(p)))
                return
        for gl, row in e["confusion"].items():
            for pl, c in row.items():
                want_c = sum(1 for g, p in pairs if g == {gl} and p == {pl})
                check("%s confusion %s -> %s" % (facet, gl, pl), c, want_c)
    if "folds" in e:
        check_folds(e, recs, multi)
    sk = sklearn_check(facet, pairs, want)
    print("ok: %s: %d records, %d labels, %s%s%s" % (
        facet, want["n"], len(want["labels"]), "multi-label" if multi else "single-label",
        ", %d folds" % e["folds"]["k"] if "folds" in e else "",
        ", scikit-learn agrees" if sk else ""))


def check_folds(e, recs, multi):
    facet, k = e["facet"], e["folds"]["k"]
    per = []
    for j in range(1, k + 1):
        want = figures(pairs_of([r for r in recs if r.get("fold") == j], facet), multi)
        got = e["folds"]["per_fold"][j - 1]
        check("%s fold %d n" % (facet, j), got["n"], want["n"])
        compare_summary("%s fold %d" % (facet, j), got, want)
        per.append(want)
    for stat, fn in (("mean", statistics.mean), ("sd", statistics.stdev)):
        got = e["folds"][stat]
        check("%s folds %s accuracy" % (facet, stat), got["accuracy"],
              fn([w["accuracy"] for w in per]))
        for avg in ("micro", "macro", "weighted"):
            check("%s folds %s %s f1" % (facet, stat, avg), got[avg]["f1"],
                  fn([w[avg][2] for w in per]))


def cmd_metrics(pred_path, eval_path):
    with open(pred_path, encoding="utf-8") as f:
        recs = [json.loads(line) for line in f if line.strip()]
    with open(eval_path, encoding="utf-8") as f:
        evals = [json.loads(line) for line in f if line.strip()]
    if not evals:
        problems.append("no facet in " + eval_path)
    for e in evals:
        check_facet(e, recs)


def shown(e):
    """(name, value) of every figure the table and the HTML show."""
    out = [("accuracy", e["accuracy"])]
    for avg in ("micro", "macro", "weighted"):
        out += [("%s %s" % (avg, k), e[avg][k]) for k in ("precision", "recall", "f1")]
    for k in ("subset_accuracy", "hamming_loss"):
        if k in e:
            out.append((k, e[k]))
    for l, v in e["labels"].items():
        out += [("%s %s" % (l, k), v[k]) for k in ("precision", "recall", "f1")]
    if "folds" in e:
        for stat in ("mean", "sd"):
            s = e["folds"][stat]
            out += [("folds %s accuracy" % stat, s["accuracy"])]
            out += [("folds %s %s f1" % (stat, a), s[a]["f1"]) for a in ("micro", "macro", "weighted")]
        for j, s in enumerate(e["folds"]["per_fold"]):
            out += [("fold %d accuracy" % (j + 1), s["accuracy"]),
                    ("fold %d micro f1" % (j + 1), s["micro"]["f1"]),
                    ("fold %d macro f1" % (j + 1), s["macro"]["f1"])]
    for c in e.get("curve", []):
        for stat in ("mean", "sd"):
            out += [("curve %g %s %s f1" % (c["share"], stat, a), c[stat][a]["f1"])
                    for a in ("micro", "macro")]
    return out


def cmd_same(eval_path, table_path, html_path):
    with open(eval_path, encoding="utf-8") as f:
        evals = [json.loads(line) for line in f if line.strip()]
    texts = {}
    for name, path in (("table", table_path), ("HTML", html_path)):
        with open(path, encoding="utf-8") as f:
            texts[name] = f.read()
    n = 0
    for e in evals:
        for what, v in shown(e):
            s = "%.4f" % v
            n += 1
            for name, text in texts.items():
                if s not in text:
                    problems.append("%s %s = %s missing from the %s" % (e["facet"], what, s, name))
    print("ok: %d figures of %d facets in the table and the HTML" % (n, len(evals)))


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "metrics":
        cmd_metrics(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 5 and sys.argv[1] == "same":
        cmd_same(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        sys.exit(__doc__)
    for p in problems[:20]:
        print("MISMATCH:", p)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
