#!/usr/bin/python3
"""Prepare the benchmark splits from ../shared/data into bench/work/ (gitignored).

For each data set NAME it writes bench/work/NAME/{train,test}.jsonl (revtag
records, label facet "topic") and {train,test}.ft (fastText: __label__X text,
tokenized as bench/peers.py does); scikit-learn reads the JSONL. The splits are
sorted by label; fastText reads its input in order and learns badly from sorted
lines, so train.ft is shuffled (seeded) and bench/bench.py refuses a sorted one.
The US Congress set has no standard split: five folds of a seeded,
label-stratified shuffle give NAME = congress-1 .. congress-5.

  20ng       20 Newsgroups "bydate" (11,314 / 7,532), whole messages (headers kept)
  r52, r8    Reuters-21578 ModApte: single-topic documents whose topic has at
             least one training and one test document (R52: 6,532 / 2,568), and
             those of the ten most frequent topics (R8: 5,485 / 2,189); title + body
  congress   CAP US Congress bill titles (4,449), major topic, 5-fold

Usage: /usr/bin/python3 bench/prepare.py [DATA_DIR]  (default ../shared/data)
"""
import gzip
import csv
import html
import json
import os
import random
import re
import sys
import tarfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "bench", "work")
sys.path.insert(0, os.path.join(ROOT, "bench"))
from peers import ft_line  # noqa: E402  (fastText's preprocessing, one definition)


def write_split(name, split, docs):
    """docs: list of (id, text, label). test.ft keeps test.jsonl's order; train.ft is shuffled."""
    d = os.path.join(WORK, name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, split + ".jsonl"), "w", encoding="utf-8") as js:
        for i, text, label in docs:
            js.write(json.dumps({"id": i, "text": text, "labels": {"topic": [label]}},
                                ensure_ascii=False) + "\n")
    ft = ["__label__%s %s\n" % (label.replace(" ", "_"), ft_line(text)) for _, text, label in docs]
    if split == "train":
        random.Random(1).shuffle(ft)
    with open(os.path.join(d, split + ".ft"), "w", encoding="utf-8") as f:
        f.writelines(ft)


def prep_20ng(data):
    path = os.path.join(data, "benchmarks", "20news-bydate.tar.gz")
    out = {"train": [], "test": []}
    with tarfile.open(path) as tar:
        for m in tar.getmembers():
            parts = m.name.split("/")
            if not m.isfile() or len(parts) != 3:
                continue
            split = "train" if parts[0].endswith("train") else "test"
            text = tar.extractfile(m).read().decode("latin-1")
            out[split].append(("%s-%s-%s" % (split, parts[1], parts[2]), text, parts[1]))
    for split in out:
        out[split].sort()
        write_split("20ng", split, out[split])
    return {s: len(v) for s, v in out.items()}


REUTERS = re.compile(r"<REUTERS ([^>]*)>(.*?)</REUTERS>", re.S)


def reuters_docs(data):
    path = os.path.join(data, "benchmarks", "reuters21578.tar.gz")
    with tarfile.open(path) as tar:
        for m in sorted(tar.getmembers(), key=lambda m: m.name):
            if not m.name.endswith(".sgm"):
                continue
            sgm = tar.extractfile(m).read().decode("latin-1")
            for attrs, body in REUTERS.findall(sgm):
                a = dict(re.findall(r'(\w+)="([^"]*)"', attrs))
                topics = re.findall(r"<D>(.*?)</D>", re.search(r"<TOPICS>(.*?)</TOPICS>", body, re.S).group(1))
                title = re.search(r"<TITLE>(.*?)</TITLE>", body, re.S)
                text = re.search(r"<BODY>(.*?)</BODY>", body, re.S)
                if title or text:
                    text = ((title.group(1) + "\n") if title else "") + (text.group(1) if text else "")
                else:   # unprocessed stories: the whole TEXT element, tags removed
                    text = re.sub(r"<[^>]*>", " ", re.search(r"<TEXT[^>]*>(.*?)</TEXT>", body, re.S).group(1))
                yield a, topics, html.unescape(text)


def prep_reuters(data):
    split = {"train": [], "test": []}
    counts = {}   # documents per topic over the whole ModApte set, multi-topic ones included
    for a, topics, text in reuters_docs(data):
        s = {"TRAIN": "train", "TEST": "test"}.get(a.get("LEWISSPLIT"))
        if a.get("TOPICS") != "YES" or not s:
            continue
        for t in topics:
            counts[t] = counts.get(t, 0) + 1
        if len(topics) == 1:
            split[s].append(("reuters-" + a["NEWID"], text, topics[0]))
    both = set(d[2] for d in split["train"]) & set(d[2] for d in split["test"])
    r52 = {s: [d for d in v if d[2] in both] for s, v in split.items()}
    # R8: single-topic documents of the ten most frequent topics (R10); corn and
    # wheat never occur alone, which leaves eight.
    top10 = set(sorted(counts, key=lambda t: (-counts[t], t))[:10])
    r8 = {s: [d for d in v if d[2] in top10] for s, v in r52.items()}
    for s in ("train", "test"):
        write_split("r52", s, r52[s])
        write_split("r8", s, r8[s])
    return ({s: len(v) for s, v in r52.items()}, {s: len(v) for s, v in r8.items()},
            len(both))


def prep_congress(data, k=5, seed=1):
    path = os.path.join(data, "cap", "USCongress.csv.gz")
    with gzip.open(path, "rt", encoding="utf-8", errors="replace", newline="") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    docs = [("congress-" + r["ID"], r["text"], r["major"]) for r in rows if r["text"].strip()]
    rng = random.Random(seed)
    rng.shuffle(docs)
    docs.sort(key=lambda d: d[2])          # stable: stratified by label
    fold = {d[0]: i % k for i, d in enumerate(docs)}
    for f in range(k):
        write_split("congress-%d" % (f + 1), "train", [d for d in docs if fold[d[0]] != f])
        write_split("congress-%d" % (f + 1), "test", [d for d in docs if fold[d[0]] == f])
    return len(docs)


def main():
    data = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "data")
    if not os.path.isdir(data):
        sys.exit("prepare: %s not found: the benchmark data is not on this machine" % data)
    print("20ng:", prep_20ng(data))
    r52, r8, ntopics = prep_reuters(data)
    print("r52:", r52, "(%d topics)" % ntopics, "r8:", r8)
    print("congress:", prep_congress(data), "records, 5 folds")


if __name__ == "__main__":
    main()
