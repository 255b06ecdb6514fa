#!/usr/bin/python3
"""revtag against its peers on the same splits, system by system (part of bench/bench.py).

bench/bench.py imports this module and writes every figure into bench/RESULTS.md;
run the whole benchmark with `bash bench/run.sh` (see bench/README.md). Running
this file runs bench/bench.py with the same arguments.

This part compares what a review team needs: the corpus facets (multi-label), all
the peers, and train time, classify time and memory apart, every system
single-threaded.

Data sets (every system trains and tests on the same records):
  corpus-FACET   revtag's embedded corpus, facets policy_area, approach, theme and
                 country, 5-fold stratified cross-validation (folds from
                 `revtag eval --folds 5 --seed 1 --predictions`, which also checks
                 that eval's figures equal the ones measured here)
  indigo         INDIGO impact-bond projects (DATA/indigo), policy sector,
                 the project name removed from the text, 5-fold as above
  20ng, r8, r52  standard train/test splits; congress: 5 folds (all made by
                 bench/prepare.py into bench/work/)
The last four need the data directory (../shared/data); without it they are
skipped and RESULTS.md says so. Nothing from the data directory is written outside
bench/work/ (gitignored).

Systems: revtag (its default algorithm), and the peers of bench/peers.py:
fastText, scikit-learn MultinomialNB, ComplementNB, LinearSVC, LogisticRegression,
LIBLINEAR. Every system runs single-threaded. Figures: accuracy (subset accuracy
for multi-label facets), macro-F1 and micro-F1 computed the same way for every
system (tests/cli/eval_check.py, the definitions of revtag eval), train and
classify time in seconds, peak resident memory in MB.
"""
import csv
import glob
import json
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "bench", "work")
sys.path.insert(0, os.path.join(ROOT, "tests", "cli"))
from eval_check import figures  # noqa: E402  (the metric definitions of revtag eval)

PEERS = ["fasttext", "mnb", "cnb", "linearsvc", "logreg", "liblinear"]
NAMES = {"revtag": "revtag", "fasttext": "fastText tutorial", "mnb": "sklearn MultinomialNB",
         "cnb": "sklearn ComplementNB", "linearsvc": "sklearn LinearSVC",
         "logreg": "sklearn LogisticRegression", "liblinear": "LIBLINEAR"}
CORPUS_FACETS = ["policy_area", "approach", "theme", "country"]
NAMES_ALL = ["corpus-" + f for f in CORPUS_FACETS] + ["indigo", "20ng", "r8", "r52", "congress"]
# scikit-learn, numpy and LIBLINEAR stay on one thread (BLAS pools included)
ONE_THREAD = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1",
                  MKL_NUM_THREADS="1")
FOLDS = 5


def log(*a):
    print("compare:", *a, file=sys.stderr, flush=True)


def run(cmd, stdout=None):
    """Run CMD; (wall seconds, peak RSS MB) of that process."""
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=stdout)
    _, status, ru = os.wait4(p.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("compare: %s failed" % " ".join(cmd))
    return time.perf_counter() - t, ru.ru_maxrss / 1024.0


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def write_jsonl(path, recs):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in recs)


def count_lines(path):
    with open(path, encoding="utf-8") as f:
        return sum(1 for _ in f)


# ---------------------------------------------------------------- systems

def run_revtag(a, facet, train, test, out, work):
    model = os.path.join(work, "model")
    tr, m1 = run([a.revtag, "train", "-q", "-t", "1", "-f", facet, "-o", model, train])
    with open(out, "w") as f:
        cl, m2 = run([a.revtag, "classify", "-t", "1", "-m", model, test], stdout=f)
    return {"train_s": tr, "classify_s": cl, "peak_mb": max(m1, m2)}


def run_peer(system, facet, train, test, out, work):
    r = subprocess.run([sys.executable, os.path.join(ROOT, "bench", "peers.py"), system, facet,
                        train, test, out, work], stdout=subprocess.PIPE, check=True,
                       env=ONE_THREAD)
    return json.loads(r.stdout)


def run_split(a, system, facet, split_dir):
    """One system on one split: its predictions and costs."""
    work = os.path.join(split_dir, "run-" + system)
    os.makedirs(work, exist_ok=True)
    out = os.path.join(work, "predicted.jsonl")
    train, test = os.path.join(split_dir, "train.jsonl"), os.path.join(split_dir, "test.jsonl")
    if system == "revtag":
        cost = run_revtag(a, facet, train, test, out, work)
    else:
        cost = run_peer(system, facet, train, test, out, work)
    return read_jsonl(out), cost


def score(facet, recs):
    pairs = [(set(r["labels"][facet]), set(p["label"] for p in r["predicted"].get(facet) or []))
             for r in recs if facet in r.get("labels", {})]
    multi = any(len(g) != 1 for g, _ in pairs)
    f = figures(pairs, multi)
    return {"n": f["n"], "accuracy": f["accuracy"], "macro_f1": f["macro"][2],
            "micro_f1": f["micro"][2], "multi": multi}


def run_dataset(a, ds):
    """Every system on every split of DS; pooled figures and summed costs."""
    rows = {}
    for system in a.systems:
        preds, cost = [], {"train_s": 0.0, "classify_s": 0.0, "peak_mb": 0.0}
        for split in ds["splits"]:
            log("%s: %s on %s" % (ds["name"], system, os.path.relpath(split, WORK)))
            p, c = run_split(a, system, ds["facet"], split)
            preds += p
            cost = {"train_s": cost["train_s"] + c["train_s"],
                    "classify_s": cost["classify_s"] + c["classify_s"],
                    "peak_mb": max(cost["peak_mb"], c["peak_mb"])}
        rows[system] = dict(score(ds["facet"], preds), **cost)
    return rows


# ---------------------------------------------------------------- data sets

def cv_splits(a, name, facet, path):
    """FOLDS splits of the records in PATH, folds from revtag eval; also eval's own figures."""
    d = os.path.join(WORK, "cv", name)
    os.makedirs(d, exist_ok=True)
    pred = os.path.join(d, "eval-predictions.jsonl")
    log("%s: revtag eval --folds %d" % (name, FOLDS))
    with open(os.path.join(d, "eval.json"), "w") as f:
        run([a.revtag, "eval", "--folds", str(FOLDS), "--seed", "1", "-t", "1", "-f", facet,
             "--json", "--predictions", pred, path], stdout=f)
    fold = {r["id"]: r["fold"] for r in read_jsonl(pred)}
    recs = [r for r in read_jsonl(path) if r["id"] in fold]
    splits = []
    for j in range(1, FOLDS + 1):
        s = os.path.join(d, "fold-%d" % j)
        write_jsonl(os.path.join(s, "train.jsonl"), [r for r in recs if fold[r["id"]] != j])
        write_jsonl(os.path.join(s, "test.jsonl"), [r for r in recs if fold[r["id"]] == j])
        splits.append(s)
    with open(os.path.join(d, "eval.json")) as f:
        ev = json.loads(f.readline())
    return {"name": name, "facet": facet, "splits": splits, "eval": ev,
            "what": "%d-fold stratified cross-validation" % FOLDS}


def corpus_sets(a, only):
    path = os.path.join(ROOT, "corpus", "publications.jsonl")
    if not os.path.exists(path):   # not built yet: the written sources
        path = os.path.join(WORK, "corpus.jsonl")
        recs = []
        for p in sorted(glob.glob(os.path.join(ROOT, "corpus", "src", "*.jsonl"))):
            recs += read_jsonl(p)
        write_jsonl(path, recs)
    return [cv_splits(a, "corpus-" + f, f, path) for f in CORPUS_FACETS
            if not only or "corpus-" + f in only]


def indigo_set(a):
    src = os.path.join(a.data, "indigo", "indigo_projects_eval.tsv")
    recs, empty = [], 0
    with open(src, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            text = row["text"]
            if text.startswith(row["name"]):   # the name often gives the sector away
                text = text[len(row["name"]):].lstrip(" .")
            if not text.strip():
                empty += 1
                continue
            recs.append({"id": row["id"], "text": text,
                         "labels": {"policy_area": [row["policy_sector"]]}})
    path = os.path.join(WORK, "indigo.jsonl")
    write_jsonl(path, recs)
    ds = cv_splits(a, "indigo", "policy_area", path)
    ds["what"] += " of the %d projects with a description besides their name (%d have none)" \
        % (len(recs), empty)
    return ds


def standard_sets(only):
    out = [{"name": n, "facet": "topic", "splits": [os.path.join(WORK, n)],
            "what": "standard train/test split"} for n in ("20ng", "r8", "r52")]
    out.append({"name": "congress", "facet": "topic",
                "splits": sorted(glob.glob(os.path.join(WORK, "congress-[0-9]"))),
                "what": "5-fold cross-validation (folds of bench/prepare.py)"})
    return [ds for ds in out if not only or ds["name"] in only]


def data_sets(a, only):
    """The data sets to run (ONLY: set of names or None); bench/prepare.py must have run."""
    sets = corpus_sets(a, only)
    if not a.have_data:
        return sets
    if not only or "indigo" in only:
        sets.append(indigo_set(a))
    return sets + standard_sets(only)


# ---------------------------------------------------------------- report

def ratio(a, b):
    return "%.2f" % (a / b) if b > 0 else "-"


def section(ds, rows):
    first = next(iter(rows.values()))
    out = ["### %s" % ds["name"], "",
           "%s; facet `%s`, %s; %d test records%s." % (
               ds["what"], ds["facet"], "multi-label" if first["multi"] else "single-label",
               first["n"], "; accuracy is subset accuracy" if first["multi"] else ""), "",
           "| system | accuracy | macro-F1 | micro-F1 | train s | classify s | peak MB |",
           "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    out += ["| %s | %.4f | %.4f | %.4f | %.2f | %.2f | %.0f |" % (
        NAMES[s], r["accuracy"], r["macro_f1"], r["micro_f1"], r["train_s"], r["classify_s"],
        r["peak_mb"]) for s, r in rows.items()]
    if "revtag" in rows and len(rows) > 1:
        rv = rows["revtag"]
        out += ["", "revtag relative to each peer, as ratios where above 1 favours revtag "
                "(accuracy and macro-F1: revtag / peer; time and memory: peer / revtag):", "",
                "| peer | accuracy | macro-F1 | train time | classify time | memory |",
                "| --- | ---: | ---: | ---: | ---: | ---: |"]
        out += ["| %s | %s | %s | %s | %s | %s |" % (
            NAMES[s], ratio(rv["accuracy"], r["accuracy"]), ratio(rv["macro_f1"], r["macro_f1"]),
            ratio(r["train_s"], rv["train_s"]), ratio(r["classify_s"], rv["classify_s"]),
            ratio(r["peak_mb"], rv["peak_mb"])) for s, r in rows.items() if s != "revtag"]
    if "eval" in ds and "revtag" in rows:
        ev = ds["eval"]
        same = abs(ev["macro"]["f1"] - rows["revtag"]["macro_f1"]) < 1e-9
        out += ["", "`revtag eval --folds %d` on the same folds: macro-F1 %.4f, accuracy %.4f "
                "(%s the train/classify runs above)." % (FOLDS, ev["macro"]["f1"], ev["accuracy"],
                                                         "equal to" if same else "DIFFERENT from")]
    return out + [""]


def summary(results):
    """Macro-F1 of every system on every data set, the best in bold."""
    systems = list(results[0][1]) if results else []
    out = ["| data set | " + " | ".join(NAMES[s] for s in systems) + " |",
           "| --- |" + " ---: |" * len(systems)]
    for ds, rows in results:
        best = max(r["macro_f1"] for r in rows.values())
        out.append("| %s | " % ds["name"] + " | ".join(
            ("**%.4f**" if rows[s]["macro_f1"] == best else "%.4f") % rows[s]["macro_f1"]
            for s in systems) + " |")
    return out + [""]


NOTES = (
    "Every system runs single-threaded on the same train/test records. revtag's times are "
    "whole processes (`revtag train`, `revtag classify`: reading the records, featurizing, "
    "writing JSON); scikit-learn's are fit and predict inside Python (vectorizing included, "
    "start-up and file reading excluded), and its memory includes the Python interpreter and "
    "libraries; fastText's and LIBLINEAR's are their command-line tools (LIBLINEAR plus the "
    "scikit-learn TF-IDF step it is fed by). Peak memory is the largest resident set of any "
    "process of the run. Settings are in bench/peers.py; revtag uses its defaults. For the "
    "country facet revtag also uses its gazetteer (as `revtag classify` does); the peers see "
    "only the text. On multi-label facets the scikit-learn and LIBLINEAR peers are "
    "one-vs-rest classifiers with their default decision threshold and fastText keeps labels "
    "of probability >= 0.5, while revtag tunes a threshold per label on held-out scores of "
    "the training data.")


if __name__ == "__main__":
    import bench   # noqa: E402  (this directory is on sys.path when run as a script)
    bench.main()
