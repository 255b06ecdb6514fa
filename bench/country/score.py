#!/usr/bin/python3
"""Country micro/macro precision, recall and F1 of predicted ISO codes against
gold labels. Used by bench/country/run.sh; standard library only.

usage: score.py GOLD.jsonl PRED.jsonl [--per-label] [--placeless PLACES.json] [--origin O]
GOLD: records with labels.country; PRED: `revtag places --json` output
({"id", "countries": [{"country"}]}) or `revtag classify` output
({"id", "predicted": {"country": [{"label"}]}}). --placeless scores only the
records in which `revtag places --json` (PLACES.json) found no place;
--origin only the GOLD records with that origin ("written", "composed")."""
import json, sys
from collections import Counter


def gold_of(path, origin=None):
    gold = {}
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        labels = r.get("labels", {})
        if "country" in labels and origin in (None, r.get("origin")):
            gold[r["id"]] = set(labels["country"])
    return gold


def pred_of(path):
    pred = {}
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        if "countries" in r:
            pred[r["id"]] = {c["country"] for c in r["countries"]}
        else:
            pred[r["id"]] = {p["label"] for p in r.get("predicted", {}).get("country", [])}
    return pred


def score(gold, pred):
    tp, fp, fn = Counter(), Counter(), Counter()
    exact = 0
    for rid, g in gold.items():
        p = pred.get(rid, set())
        exact += p == g
        for c in p & g: tp[c] += 1
        for c in p - g: fp[c] += 1
        for c in g - p: fn[c] += 1
    def prf(t, f_p, f_n):
        P = t / (t + f_p) if t + f_p else 0.0
        R = t / (t + f_n) if t + f_n else 0.0
        return P, R, (2 * P * R / (P + R) if P + R else 0.0)
    micro = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    labels = sorted(set(tp) | set(fn))          # countries in the gold labels
    per = {c: prf(tp[c], fp[c], fn[c]) for c in labels}
    macro = tuple(sum(v[i] for v in per.values()) / len(per) if per else 0.0 for i in range(3))
    none_gold = sum(1 for g in gold.values() if not g)
    none_ok = sum(1 for rid, g in gold.items() if not g and not pred.get(rid))
    return {"n": len(gold), "micro": micro, "macro": macro, "exact": exact / len(gold) if gold else 0,
            "labels": len(labels), "none_gold": none_gold, "none_ok": none_ok,
            "errors": (sum(fp.values()), sum(fn.values())), "per": per, "tp": tp, "fp": fp, "fn": fn}


def placeless(path):
    """Ids of the records in which the gazetteer found nothing."""
    return {r["id"] for r in map(json.loads, open(path, encoding="utf-8")) if not r.get("places")}


def main():
    origin = sys.argv[sys.argv.index("--origin") + 1] if "--origin" in sys.argv else None
    gold = gold_of(sys.argv[1], origin)
    if "--placeless" in sys.argv:
        keep = placeless(sys.argv[sys.argv.index("--placeless") + 1])
        gold = {rid: g for rid, g in gold.items() if rid in keep}
    s = score(gold, pred_of(sys.argv[2]))
    mi, ma = s["micro"], s["macro"]
    print("records %d  micro P %.3f R %.3f F1 %.3f  macro P %.3f R %.3f F1 %.3f  exact %.3f  "
          "no-country %d/%d  FP %d FN %d" % (s["n"], *mi, *ma, s["exact"], s["none_ok"],
                                            s["none_gold"], *s["errors"]))
    if "--per-label" in sys.argv:
        for c, (P, R, F) in sorted(s["per"].items(), key=lambda kv: -(s["tp"][kv[0]] + s["fn"][kv[0]])):
            print("  %s  support %3d  P %.2f R %.2f F1 %.2f  (fp %d)" % (
                c, s["tp"][c] + s["fn"][c], P, R, F, s["fp"][c]))


if __name__ == "__main__":
    main()
