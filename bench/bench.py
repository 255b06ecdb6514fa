#!/usr/bin/python3
"""revtag against scikit-learn and fastText on the same splits, end to end.

Each tool reads the prepared files, trains, predicts the test split and
writes its predictions; wall time covers all of it (process start to exit,
for revtag `train` + `classify`). Timings are the best of --repeat runs, to
damp the noise of a shared machine; accuracy and macro-F1 come from the
first run. Writes its own section of bench/RESULTS.md (or --out), between
markers, keeping the rest of the file.

Usage: /usr/bin/python3 bench/bench.py [--revtag build/revtag] [--repeat 3]
                                       [--sets 20ng,r8,r52,congress] [--out FILE]
Run bench/prepare.py first (bench/run.sh does both).
"""
import argparse
import collections
import datetime
import json
import os
import platform
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "bench", "work")
PY = "/usr/bin/python3"
PEER = os.path.join(ROOT, "bench", "peer_sklearn.py")
PEERS = os.path.join(ROOT, "bench", "peers.py")   # stronger configurations (unigrams + bigrams)

TOOLS = [
    ("revtag", "revtag train + classify (defaults: NBSVM, unigrams + bigrams)"),
    ("sk-svc", "scikit-learn TfidfVectorizer() + LinearSVC()"),
    ("sk-svc-sub", "scikit-learn TfidfVectorizer(sublinear_tf=True) + LinearSVC()"),
    ("sk-cnb", "scikit-learn TfidfVectorizer() + ComplementNB(alpha=0.1)"),
    ("sk-mnb", "scikit-learn TfidfVectorizer() + MultinomialNB(alpha=0.01)"),
    ("fasttext", "fastText supervised, 25 epochs, other options default"),
    ("p-linearsvc", "bench/peers.py linearsvc: TfidfVectorizer(sublinear_tf, 1-2 grams, min_df 2) + LinearSVC()"),
    ("p-logreg", "bench/peers.py logreg: the same TF-IDF + LogisticRegression(max_iter=1000)"),
    ("p-liblinear", "bench/peers.py liblinear: the same TF-IDF, liblinear-train -s 1 -c 1 -B 1"),
    ("p-cnb", "bench/peers.py cnb: the same TF-IDF + ComplementNB()"),
    ("p-mnb", "bench/peers.py mnb: CountVectorizer(1-2 grams, min_df 2) + MultinomialNB()"),
    ("p-fasttext", "bench/peers.py fasttext: fastText -lr 1.0 -epoch 25 -wordNgrams 2, 1 thread"),
]
SETS = {"20ng": ["20ng"], "r8": ["r8"], "r52": ["r52"],
        "congress": ["congress-%d" % k for k in range(1, 6)]}


def run(cmd, stdout=None):
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=stdout, stderr=subprocess.PIPE)
    return time.perf_counter() - t


def truth(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line)["labels"]["topic"][0] for line in f]


def tool_run(tool, d, tmp, revtag, threads):
    """Run TOOL on split directory D; returns (seconds, predicted labels)."""
    train, test = os.path.join(d, "train.jsonl"), os.path.join(d, "test.jsonl")
    out = os.path.join(tmp, "pred")
    if tool == "revtag":
        model = os.path.join(tmp, "m.rtm")
        with open(out, "w") as f:
            t = time.perf_counter()
            subprocess.run([revtag, "train", "-q", "-f", "topic", "-o", model, train], check=True)
            subprocess.run([revtag, "classify", "-m", model, test], check=True, stdout=f)
            t = time.perf_counter() - t
        with open(out, encoding="utf-8") as f:
            return t, [json.loads(l)["predicted"]["topic"][0]["label"] for l in f]
    if tool == "fasttext":
        model = os.path.join(tmp, "ft")
        with open(out, "w") as f:
            t = time.perf_counter()
            subprocess.run(["fasttext", "supervised", "-input", os.path.join(d, "train.ft"),
                            "-output", model, "-epoch", "25", "-thread", str(threads)],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            subprocess.run(["fasttext", "predict", model + ".bin", os.path.join(d, "test.ft")],
                           check=True, stdout=f)
            t = time.perf_counter() - t
        with open(out, encoding="utf-8") as f:
            return t, [l.strip()[len("__label__"):] for l in f]
    if tool.startswith("p-"):   # bench/peers.py, timed here as a whole process like the others
        t = run([PY, PEERS, tool[2:], "topic", train, test, out, os.path.join(tmp, "peer")],
                stdout=subprocess.DEVNULL)
        with open(out, encoding="utf-8") as f:
            return t, [(json.loads(l)["predicted"]["topic"] or [{"label": ""}])[0]["label"] for l in f]
    algo = tool[len("sk-"):].replace("svc-sub", "svc-sublinear")
    t = run([PY, PEER, algo, train, test, out])
    with open(out, encoding="utf-8") as f:
        return t, [l.rstrip("\n") for l in f]


def scores(gold, pred):
    """Accuracy and macro-F1 over the labels present in the gold standard or predictions."""
    tp, fp, fn = collections.Counter(), collections.Counter(), collections.Counter()
    for g, p in zip(gold, pred):
        if g == p:
            tp[g] += 1
        else:
            fp[p] += 1
            fn[g] += 1
    labels = set(gold) | set(pred)
    f1 = [2 * tp[c] / (2 * tp[c] + fp[c] + fn[c]) for c in labels]
    return sum(tp.values()) / len(gold), sum(f1) / len(f1)


def load1():
    return os.getloadavg()[0]


def bench_set(name, tools, revtag, repeat, threads):
    """Results of every tool on data set NAME (folds summed / averaged)."""
    res = {}
    for tool in tools:
        acc = f1 = secs = 0.0
        loads = []
        for split in SETS[name]:
            d = os.path.join(WORK, split)
            gold = truth(os.path.join(d, "test.jsonl"))
            best = None
            with tempfile.TemporaryDirectory() as tmp:
                for r in range(repeat):
                    loads.append(load1())
                    t, pred = tool_run(tool, d, tmp, revtag, threads)
                    if r == 0:
                        a, f = scores(gold, pred)
                    best = t if best is None else min(best, t)
            acc += a / len(SETS[name])
            f1 += f / len(SETS[name])
            secs += best
        res[tool] = (acc, f1, secs, max(loads))
        print("%-9s %-10s acc %.4f macro-F1 %.4f %7.2f s (load <= %.1f)" %
              (name, tool, acc, f1, secs, max(loads)), flush=True)
    return res


def versions(revtag):
    def out(cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True).stdout.strip()
        except OSError:
            return "?"
    sk = out([PY, "-c", "import sklearn; print(sklearn.__version__)"])
    ft = out(["dpkg-query", "-W", "-f=${Version}", "fasttext"])
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    mem = next((l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal")), "0")
    return {"revtag": out([revtag, "--version"]), "scikit-learn": sk, "fasttext": ft,
            "python": out([PY, "--version"]), "cpu": cpu, "cores": os.cpu_count(),
            "mem": "%.0f GB" % (int(mem) / 1e6), "os": platform.platform()}


def summary(results):
    """One line per data set: revtag against the best peer on each figure, and its speed-up."""
    out = ["| data set | revtag accuracy | best peer accuracy | revtag macro-F1 | best peer macro-F1 |"
           " speed-up vs sk-svc | vs fasttext |",
           "| --- | ---: | --- | ---: | --- | ---: | ---: |"]
    for name, res in results.items():
        if "revtag" not in res:
            continue
        rt = res["revtag"]
        peers = {t: r for t, r in res.items() if t != "revtag"}
        if not peers:
            continue
        ba = max(peers, key=lambda t: peers[t][0])
        bf = max(peers, key=lambda t: peers[t][1])
        sp = lambda t: "%.1fx" % (res[t][2] / rt[2]) if t in res else "-"
        out.append("| %s | %.4f %s | %.4f (%s) | %.4f %s | %.4f (%s) | %s | %s |" % (
            name, rt[0], "(best)" if rt[0] >= peers[ba][0] else "(below)", peers[ba][0], ba,
            rt[1], "(best)" if rt[1] >= peers[bf][1] else "(below)", peers[bf][1], bf,
            sp("sk-svc"), sp("fasttext")))
    return out


BEGIN = "<!-- bench/run.sh: begin (written by bench/bench.py; the rest of the file is kept) -->"
END = "<!-- bench/run.sh: end -->"


def write_results(path, results, info, args, started):
    """Write our section of PATH between BEGIN and END, keeping whatever else is there."""
    lines = [BEGIN, "## Train + classify, end to end (bash bench/run.sh)", "",
             "Written by `bash bench/run.sh` (bench/bench.py --repeat %d) on %s." % (args.repeat, started),
             "Rerun the command rather than editing. Data: ../shared/data, prepared by",
             "bench/prepare.py (the splits are described there).", "",
             "Machine: %s, %s cores, %s RAM, %s." % (info["cpu"], info["cores"], info["mem"], info["os"]),
             "Versions: %s; scikit-learn %s (%s); fastText %s (Debian package)." %
             (info["revtag"], info["scikit-learn"], info["python"], info["fasttext"]),
             "Every tool runs as a whole process (read, train, predict, write predictions) and",
             "may use every core (%d); wall time is the best of %d runs. The machine is shared" %
             (args.threads, args.repeat),
             "with other work: 'load' is the highest 1-minute load average seen before a run.", ""]
    lines += summary(results) + [""]
    for name, res in results.items():
        rt = res.get("revtag")
        lines += ["### %s" % name, "",
                  "| tool | accuracy | macro-F1 | wall s | time / revtag's | load |",
                  "| --- | ---: | ---: | ---: | ---: | ---: |"]
        for tool, _ in TOOLS:
            if tool not in res:
                continue
            a, f, s, ld = res[tool]
            ratio = "%.1fx" % (s / rt[2]) if rt and tool != "revtag" else ""
            lines.append("| %s | %.4f | %.4f | %.2f | %s | %.1f |" % (tool, a, f, s, ratio, ld))
        lines.append("")
    lines += ["Tools:", ""] + ["- `%s`: %s" % t for t in TOOLS] + ["", END]
    old = open(path, encoding="utf-8").read() if os.path.exists(path) else "# revtag benchmark results\n"
    if BEGIN in old and END in old:
        old = old[:old.index(BEGIN)] + old[old.index(END) + len(END):].lstrip("\n")
    with open(path, "w", encoding="utf-8") as f:
        f.write(old.rstrip("\n") + "\n\n" + "\n".join(lines) + "\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--revtag", default=os.path.join(ROOT, "build", "revtag"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--sets", default="20ng,r8,r52,congress")
    ap.add_argument("--tools", default=",".join(t for t, _ in TOOLS))
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    ap.add_argument("--out", default=None, help="results file (default: bench/RESULTS.md for all sets)")
    args = ap.parse_args()
    if not os.path.isdir(os.path.join(WORK, "20ng")):
        sys.exit("bench: bench/work/ is empty: run /usr/bin/python3 bench/prepare.py first")
    tools = args.tools.split(",")
    if not os.path.exists(PEERS) and any(t.startswith("p-") for t in tools):
        print("bench: bench/peers.py not found: skipping the p-* configurations")
        tools = [t for t in tools if not t.startswith("p-")]
    started = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    results = {}
    for name in args.sets.split(","):
        results[name] = bench_set(name, tools, args.revtag, args.repeat, args.threads)
    out = args.out or os.path.join(ROOT, "bench", "RESULTS.md")
    write_results(out, results, versions(args.revtag), args, started)
    print("bench: wrote", out)


if __name__ == "__main__":
    main()
