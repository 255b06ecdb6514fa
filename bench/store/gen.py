#!/usr/bin/python3
"""Synthetic records and queries for bench/store (never committed: generated
on each run). Words come from Snowball's English vocabulary when installed
(Debian snowball-data), else from made-up syllable words; word frequencies
follow Zipf's law; labels follow the corpus facets (country, policy_area,
approach, theme); 30% of records are coded by hand, all get predictions.

usage: gen.py N RECORDS.jsonl QUERIES.tsv [SEED]
"""
import itertools
import json
import os
import random
import sys

VOC = "/usr/share/snowball/data/english/voc.txt"
COUNTRIES = ("GB US IN KE UG NG ZA CO PE BR AU CA NZ FR DE NL PT ES IT JP KR IL RW TZ GH "
             "ET MW ZM ZW CM SL ML BD NP PK AF HT MX AR CL FI SE DK BE CH AT IE PL CZ "
             "ID PH VN TH MY LK EG MA TN JO").split()
AREAS = ["Employment and training", "Health", "Education", "Child and family welfare",
         "Homelessness", "Criminal justice", "Agriculture and environment", "Poverty reduction"]
APPROACHES = ["social impact bond", "development impact bond", "payment by results",
              "outcomes fund", "results-based financing", "performance-based contract"]
THEMES = ["changes in service delivery", "changes in utilisation", "changes in person-level outcomes",
          "unintended effects", "auxiliary resources or parallel reforms",
          "acceptability (political or cultural)", "participant or provider satisfaction",
          "management information systems", "costs and transaction costs", "equity considerations",
          "development and design process", "independent investor involvement",
          "scale or scalability", "relationships between contracted parties",
          "ecosystem or system-strengthening effects", "changes in provider performance or culture",
          "long-term sustainment and legacy effects"]
DOMAIN = ("outcomes bond impact social payment results contract evaluation investors "
          "commissioners providers funding government services programme").split()


def vocabulary(rng):
    if os.path.exists(VOC):
        words = [w.strip() for w in open(VOC, encoding="utf-8") if w.strip().isalpha()]
        src = VOC
    else:
        syl = ["ba", "co", "di", "fe", "ga", "hi", "jo", "ku", "la", "me", "no", "pu", "ra", "si", "to"]
        words = ["".join(p) for p in itertools.product(syl, repeat=3)]
        src = "made-up syllable words (snowball-data not installed)"
    rng.shuffle(words)
    words = DOMAIN + [w for w in words if w not in DOMAIN][:20000]
    return words, src


def zipf_weights(n, s=1.0):
    return list(itertools.accumulate(1.0 / (i + 1) ** s for i in range(n)))


def pick(rng, items, cum, k):
    return list(dict.fromkeys(rng.choices(items, cum_weights=cum, k=k)))


def record(i, rng, words, wcum, ccum):
    title = " ".join(rng.choices(words, cum_weights=wcum, k=rng.randint(6, 14)))
    abstract = " ".join(rng.choices(words, cum_weights=wcum, k=rng.randint(50, 110)))
    labels = {
        "country": pick(rng, COUNTRIES, ccum, rng.choice((1, 1, 1, 2))),
        "policy_area": rng.sample(AREAS, rng.choice((1, 1, 2))),
        "approach": [rng.choice(APPROACHES)],
        "theme": rng.sample(THEMES, rng.randint(1, 4)),
    }
    rec = {"id": "b-%07d" % i, "title": title.capitalize(), "abstract": abstract.capitalize() + ".",
           "year": rng.randint(2000, 2024)}
    if rng.random() < 0.3:
        rec["labels"] = labels
    pred = {}
    for f, ls in labels.items():
        if rng.random() < 0.15:             # the classifier is sometimes wrong
            ls = [rng.choice(AREAS if f == "policy_area" else THEMES if f == "theme" else
                             APPROACHES if f == "approach" else COUNTRIES)]
        pred[f] = [{"label": l, "score": round(rng.uniform(0.3, 1.0), 3)} for l in ls]
    rec["predicted"] = pred
    return rec


def queries(rng, words, n):
    """class <TAB> query <TAB> facet filters (F=V;F=V)."""
    out = []
    for _ in range(n):
        cls = rng.choices(["rare", "medium", "common", "and", "phrase", "prefix", "facets",
                           "word+facet"], weights=[15, 20, 10, 15, 10, 10, 10, 10])[0]
        q, f = "", ""
        if cls == "rare":
            q = rng.choice(words[2000:20000])
        elif cls == "medium":
            q = rng.choice(words[100:2000])
        elif cls == "common":
            q = rng.choice(words[:100])
        elif cls == "and":
            q = "%s %s" % (rng.choice(words[:500]), rng.choice(words[100:3000]))
        elif cls == "phrase":
            q = '"%s %s"' % (rng.choice(words[:50]), rng.choice(words[:300]))
        elif cls == "prefix":
            q = rng.choice([w for w in words[100:3000] if len(w) > 5])[:4] + "*"
        if cls in ("facets", "word+facet"):
            f = "country=%s;policy_area=%s" % (rng.choice(COUNTRIES[:10]), rng.choice(AREAS))
            if cls == "word+facet":
                q, f = rng.choice(words[50:1000]), f.split(";")[0]
        out.append("%s\t%s\t%s" % (cls, q, f))
    return out


def main():
    n, rec_path, q_path = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 1)
    words, src = vocabulary(rng)
    wcum, ccum = zipf_weights(len(words)), zipf_weights(len(COUNTRIES), 1.2)
    with open(rec_path, "w", encoding="utf-8") as fp:
        for i in range(n):
            fp.write(json.dumps(record(i, rng, words, wcum, ccum)) + "\n")
    with open(q_path, "w", encoding="utf-8") as fp:
        fp.write("\n".join(queries(rng, words, 400)) + "\n")
    print("gen: %d records, 400 queries; words from %s" % (n, src), file=sys.stderr)


main()
