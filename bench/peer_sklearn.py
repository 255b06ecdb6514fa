#!/usr/bin/python3
"""One scikit-learn peer, end to end, as a reviewer would run it: read the
JSONL splits, vectorise, fit, predict, write one predicted label per line.

Usage: /usr/bin/python3 bench/peer_sklearn.py ALGO TRAIN.jsonl TEST.jsonl OUT.txt
ALGO: svc (TfidfVectorizer() + LinearSVC()), svc-sublinear (sublinear_tf=True),
      cnb (TfidfVectorizer() + ComplementNB(alpha=0.1)),
      mnb (TfidfVectorizer() + MultinomialNB(alpha=0.01)); the settings of
      scikit-learn's own text classification example.
"""
import json
import sys

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.naive_bayes import ComplementNB, MultinomialNB
from sklearn.svm import LinearSVC


def load(path):
    texts, labels = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            texts.append(" ".join(r.get(k) or "" for k in ("title", "abstract", "text")))
            labels.append(r["labels"]["topic"][0])
    return texts, labels


def main():
    algo, train, test, out = sys.argv[1:5]
    xtr, ytr = load(train)
    xte, _ = load(test)
    vec = TfidfVectorizer(sublinear_tf=(algo == "svc-sublinear"))
    model = {"svc": LinearSVC, "svc-sublinear": LinearSVC,
             "cnb": lambda: ComplementNB(alpha=0.1),
             "mnb": lambda: MultinomialNB(alpha=0.01)}[algo]()
    model.fit(vec.fit_transform(xtr), ytr)
    pred = model.predict(vec.transform(xte))
    with open(out, "w", encoding="utf-8") as f:
        f.write("".join(p + "\n" for p in pred))


if __name__ == "__main__":
    main()
