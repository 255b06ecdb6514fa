#!/usr/bin/python3
"""Train and apply one peer classifier on a revtag train/test split.

  /usr/bin/python3 bench/peers.py SYSTEM FACET TRAIN.jsonl TEST.jsonl OUT.jsonl WORKDIR

SYSTEM is one of
  mnb        scikit-learn MultinomialNB on term counts (unigrams + bigrams, min_df 2)
  cnb        scikit-learn ComplementNB on TF-IDF (sublinear tf, unigrams + bigrams, min_df 2)
  linearsvc  scikit-learn LinearSVC (C 1) on the same TF-IDF
  logreg     scikit-learn LogisticRegression (lbfgs, C 1, max_iter 1000) on the same TF-IDF
  liblinear  LIBLINEAR's liblinear-train -s 1 -c 1 -B 1 / liblinear-predict on the same
             TF-IDF written in svmlight format by scikit-learn
  fasttext   fastText supervised, the tutorial's settings: -lr 1.0 -epoch 25 -wordNgrams 2
             (multi-label: -loss ova, labels with probability >= 0.5); the training
             lines are shuffled (seeded), as fastText reads them in order
Classifier settings are the libraries' defaults unless named here. Multi-label facets
(a training record with other than one label) use one-vs-rest binary classifiers.

Records are revtag JSON Lines; the text is title, abstract and text joined. Only
records with labels for FACET are used. OUT gets one line per test record:
{"id", "labels": {FACET: gold}, "predicted": {FACET: [{"label": L}, ...]}}.
Prints one JSON object: {"train_s", "classify_s", "peak_mb", "threads", "note"}:
scikit-learn times are measured in-process around fit and predict (vectorising
included, Python start-up and file reading excluded) and peak_mb is this
process's peak RSS; liblinear and fasttext times are their processes' wall
clock (liblinear plus the in-process TF-IDF step) and peak_mb their peak RSS.
"""
import json
import os
import random
import re
import resource
import subprocess
import sys
import time

FT_ARGS = ["-lr", "1.0", "-epoch", "25", "-wordNgrams", "2", "-thread", "1", "-verbose", "0"]


def load(path, facet):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            labels = r.get("labels", {}).get(facet)
            if labels is None:
                continue
            text = "\n".join(r[k] for k in ("title", "abstract", "text") if r.get(k))
            out.append((r["id"], text, labels))
    return out


def run_child(cmd, stdout=None):
    """Run CMD; return (wall seconds, peak RSS in MB) of that process alone."""
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=stdout)
    _, status, ru = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        sys.exit("peers: %s exited %d" % (cmd[0], p.returncode))
    return time.perf_counter() - t, ru.ru_maxrss / 1024.0


def vectorizer(counts):
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
    if counts:
        return CountVectorizer(ngram_range=(1, 2), min_df=2)
    return TfidfVectorizer(sublinear_tf=True, ngram_range=(1, 2), min_df=2)


def sklearn_model(system):
    from sklearn.linear_model import LogisticRegression
    from sklearn.naive_bayes import ComplementNB, MultinomialNB
    from sklearn.svm import LinearSVC
    return {"mnb": MultinomialNB, "cnb": ComplementNB, "linearsvc": LinearSVC,
            "logreg": lambda: LogisticRegression(max_iter=1000)}[system]()


def run_sklearn(system, train, test, multi):
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.preprocessing import MultiLabelBinarizer
    t0 = time.perf_counter()
    vec = vectorizer(system == "mnb")
    x = vec.fit_transform([t for _, t, _ in train])
    if multi:
        mlb = MultiLabelBinarizer()
        y = mlb.fit_transform([set(l) for _, _, l in train])
        clf = OneVsRestClassifier(sklearn_model(system)).fit(x, y)
    else:
        clf = sklearn_model(system).fit(x, [l[0] for _, _, l in train])
    t1 = time.perf_counter()
    z = clf.predict(vec.transform([t for _, t, _ in test]))
    pred = [list(mlb.classes_[row.nonzero()[0]]) if multi else [row]
            for row in (z.toarray() if hasattr(z, "toarray") else z)]
    t2 = time.perf_counter()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    return pred, t1 - t0, t2 - t1, peak


def run_liblinear(train, test, multi, work):
    from sklearn.datasets import dump_svmlight_file
    t0 = time.perf_counter()
    vec = vectorizer(False)
    x = vec.fit_transform([t for _, t, _ in train])
    xt = vec.transform([t for _, t, _ in test])
    labels = sorted(set(l for _, _, ls in train for l in ls))
    ys = {l: [1 if l in ls else -1 for _, _, ls in train] for l in labels} if multi else \
        {None: [labels.index(ls[0]) for _, _, ls in train]}
    feat = time.perf_counter() - t0
    dump_svmlight_file(xt, [0] * xt.shape[0], work + "/test.svm", zero_based=False)
    train_s = classify_s = peak = 0.0
    votes = [[] for _ in test]
    for key, y in ys.items():
        dump_svmlight_file(x, y, work + "/train.svm", zero_based=False)
        s, m = run_child(["liblinear-train", "-s", "1", "-c", "1", "-B", "1", "-q",
                          work + "/train.svm", work + "/model"])
        train_s, peak = train_s + s, max(peak, m)
        s, m = run_child(["liblinear-predict", "-q", work + "/test.svm", work + "/model",
                          work + "/out"])
        classify_s, peak = classify_s + s, max(peak, m)
        with open(work + "/out") as f:
            for i, v in enumerate(f):
                v = int(float(v))
                if key is None:
                    votes[i].append(labels[v])
                elif v == 1:
                    votes[i].append(key)
    return votes, train_s + feat, classify_s, peak


PUNCT = re.compile(r"([.!?,;:'\"/()\[\]<>])")


def ft_line(text):
    """fastText tutorial preprocessing: punctuation split off, lower case, one line."""
    return " ".join(PUNCT.sub(r" \1 ", text).lower().split())


def run_fasttext(train, test, multi, work):
    code = {}
    train = list(train)
    random.Random(1).shuffle(train)   # fastText does not shuffle; label-sorted input ruins SGD
    with open(work + "/train.ft", "w", encoding="utf-8") as f:
        for _, text, ls in train:
            for l in ls:
                code["__label__" + re.sub(r"\s", "_", l)] = l
            f.write(" ".join("__label__" + re.sub(r"\s", "_", l) for l in ls) + " "
                    + ft_line(text) + "\n")
    with open(work + "/test.ft", "w", encoding="utf-8") as f:
        f.writelines(ft_line(t) + "\n" for _, t, _ in test)
    train_s, m1 = run_child(["fasttext", "supervised", "-input", work + "/train.ft", "-output",
                             work + "/ft"] + FT_ARGS + (["-loss", "ova"] if multi else []))
    cmd = ["fasttext", "predict-prob", work + "/ft.bin", work + "/test.ft"]
    with open(work + "/ft.out", "w") as out:
        classify_s, m2 = run_child(cmd + (["-1", "0.5"] if multi else ["1"]), stdout=out)
    with open(work + "/ft.out", encoding="utf-8") as f:
        pred = [[code[w] for w in line.split() if w in code] for line in f]
    return pred, train_s, classify_s, max(m1, m2)


def main():
    if len(sys.argv) != 7:
        sys.exit(__doc__)
    system, facet, train_path, test_path, out_path, work = sys.argv[1:]
    os.makedirs(work, exist_ok=True)
    train, test = load(train_path, facet), load(test_path, facet)
    multi = any(len(ls) != 1 for _, _, ls in train)
    if system == "liblinear":
        pred, tr, cl, peak = run_liblinear(train, test, multi, work)
        note = "liblinear-train/predict processes + scikit-learn TF-IDF"
    elif system == "fasttext":
        pred, tr, cl, peak = run_fasttext(train, test, multi, work)
        note = "fasttext processes"
    else:
        pred, tr, cl, peak = run_sklearn(system, train, test, multi)
        note = "in-process fit/predict; peak includes Python and scikit-learn"
    if len(pred) != len(test):
        sys.exit("peers: %s gave %d predictions for %d records" % (system, len(pred), len(test)))
    with open(out_path, "w", encoding="utf-8") as f:
        for (i, _, gold), p in zip(test, pred):
            f.write(json.dumps({"id": i, "labels": {facet: gold},
                                "predicted": {facet: [{"label": str(l)} for l in p]}},
                               ensure_ascii=False) + "\n")
    print(json.dumps({"train_s": tr, "classify_s": cl, "peak_mb": peak, "threads": 1,
                      "note": note}))


if __name__ == "__main__":
    main()
