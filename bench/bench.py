#!/usr/bin/python3
"""The benchmark: runs revtag and its peers and writes the whole of bench/RESULTS.md.

Run it through `bash bench/run.sh [OPTIONS]`, which installs the peers, builds
revtag (Release, build-bench/) and prepares the splits (bench/prepare.py) first;
the options below pass through. RESULTS.md is written in one piece at the end
(nothing is kept from the old file); commentary belongs in bench/README.md.

  /usr/bin/python3 bench/bench.py [--revtag PATH] [--data DIR] [--only NAME,...]
                                  [--systems S,...] [--repeat N] [--quick] [--out FILE]

The file has four parts:
  targets      per data set, whether revtag meets issue 4's targets, computed from
               the figures below: accuracy and macro-F1 at least the best of
               LinearSVC, ComplementNB, MultinomialNB and fastText (every
               configuration of those measured in this run), and on 20 Newsgroups
               a train + classify end-to-end speed-up of 10x over scikit-learn's
               TF-IDF + LinearSVC and over fastText (25 epochs)
  end to end   20ng, r8, r52, congress: each tool as a whole process (read, train,
               predict, write), revtag with its default threads (all cores),
               fastText with -thread = all cores, scikit-learn single-threaded;
               wall time best of --repeat runs (bench_e2e below)
  per system   the corpus facets, INDIGO, 20ng, r8, r52, congress: every system
               single-threaded, train and classify time and peak memory apart,
               micro-F1 too (bench/compare.py)
  header       machine, versions, git commit, date, duration, load average before
               and after, the exact command, the data sets skipped

Data set names for --only: corpus-policy_area, corpus-approach, corpus-theme,
corpus-country (or `corpus` for all four), indigo, 20ng, r8, r52, congress. All
but the corpus facets need the data directory (default ../shared/data); without
it they are skipped and the file says so. --quick is --repeat 1.
"""
import argparse
import datetime
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "bench", "work")
PY = "/usr/bin/python3"
PEER = os.path.join(ROOT, "bench", "peer_sklearn.py")
sys.path.insert(0, os.path.join(ROOT, "bench"))
import compare  # noqa: E402  (the per-system part)
from eval_check import figures  # noqa: E402  (compare put tests/cli on the path)

CORES = os.cpu_count()
FT_DEFAULT = ["-epoch", "25"]
FT_TUTORIAL = ["-epoch", "25", "-lr", "1.0", "-wordNgrams", "2"]
# End-to-end tools: key, short name, family for the targets, threads, what it runs.
E2E_TOOLS = [
    ("revtag", "revtag", None, "all (%d)" % CORES,
     "`revtag train -f topic` + `revtag classify`, defaults (NBSVM, unigrams + bigrams, "
     "all cores)"),
    ("sk-svc", "LinearSVC, TF-IDF defaults", "LinearSVC", "1",
     "scikit-learn TfidfVectorizer() + LinearSVC() (bench/peer_sklearn.py svc)"),
    ("sk-svc-sub", "LinearSVC, sublinear TF-IDF", "LinearSVC", "1",
     "scikit-learn TfidfVectorizer(sublinear_tf=True) + LinearSVC()"),
    ("sk-cnb", "ComplementNB, TF-IDF", "ComplementNB", "1",
     "scikit-learn TfidfVectorizer() + ComplementNB(alpha=0.1)"),
    ("sk-mnb", "MultinomialNB, TF-IDF", "MultinomialNB", "1",
     "scikit-learn TfidfVectorizer() + MultinomialNB(alpha=0.01)"),
    ("ft-default", "fastText default, 25 epochs", "fastText", "all (%d)" % CORES,
     "fastText supervised %s -thread %d, other options default (lr 0.1, word unigrams); "
     "shuffled training lines" % (" ".join(FT_DEFAULT), CORES)),
    ("ft-tutorial", "fastText tutorial, 25 epochs", "fastText", "all (%d)" % CORES,
     "fastText supervised %s -thread %d (the fastText tutorial's settings); shuffled "
     "training lines" % (" ".join(FT_TUTORIAL), CORES)),
]
E2E = {t[0]: t for t in E2E_TOOLS}
E2E_SETS = {"20ng": ["20ng"], "r8": ["r8"], "r52": ["r52"],
            "congress": ["congress-%d" % k for k in range(1, 6)]}
# Per-system peers (bench/peers.py) that count for the accuracy targets, by family.
PEER_FAMILY = {"linearsvc": "LinearSVC", "cnb": "ComplementNB", "mnb": "MultinomialNB",
               "fasttext": "fastText"}
TARGET_FAMILIES = "LinearSVC, ComplementNB, MultinomialNB, fastText"
SPEED_SET, SPEED_TARGET = "20ng", 10.0
TOL = 1e-9


def log(*a):
    print("bench:", *a, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- end to end

def ft_shuffled(path):
    """False when PATH's labels come in sorted runs (a label-sorted fastText file)."""
    with open(path, encoding="utf-8") as f:
        labels = [line.split(" ", 1)[0] for line in f]
    runs = 1 + sum(a != b for a, b in zip(labels, labels[1:]))
    return runs > 2 * len(set(labels))


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f]


def timed(cmd, stdout, env=None):
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=stdout, stderr=subprocess.DEVNULL, env=env)
    return time.perf_counter() - t


def e2e_run(tool, d, tmp, revtag):
    """Run TOOL on split directory D as whole processes; (seconds, predicted labels)."""
    train, test = os.path.join(d, "train.jsonl"), os.path.join(d, "test.jsonl")
    out = os.path.join(tmp, "pred")
    with open(out, "w") as f:
        if tool == "revtag":
            model = os.path.join(tmp, "m.rtm")
            t = timed([revtag, "train", "-q", "-f", "topic", "-o", model, train], None)
            t += timed([revtag, "classify", "-m", model, test], f)
        elif tool.startswith("ft-"):
            model = os.path.join(tmp, "ft")
            opts = FT_DEFAULT if tool == "ft-default" else FT_TUTORIAL
            t = timed(["fasttext", "supervised", "-input", os.path.join(d, "train.ft"),
                       "-output", model, "-thread", str(CORES), "-verbose", "0"] + opts,
                      subprocess.DEVNULL)
            t += timed(["fasttext", "predict", model + ".bin", os.path.join(d, "test.ft")], f)
        else:
            algo = tool[len("sk-"):].replace("svc-sub", "svc-sublinear")
            t = timed([PY, PEER, algo, train, test, out + ".txt"], None, env=compare.ONE_THREAD)
    if tool == "revtag":
        return t, [json.loads(l)["predicted"]["topic"][0]["label"] for l in read_lines(out)]
    if tool.startswith("ft-"):
        return t, [l[len("__label__"):] for l in read_lines(out)]
    return t, read_lines(out + ".txt")


def e2e_set(name, tools, revtag, repeat):
    """Every end-to-end tool on data set NAME: accuracy and macro-F1 over the pooled
    test records of its splits, seconds summed over splits (best of REPEAT each)."""
    res = {}
    for split in E2E_SETS[name]:
        d = os.path.join(WORK, split)
        if not ft_shuffled(os.path.join(d, "train.ft")):
            sys.exit("bench: %s/train.ft is sorted by label: rerun bench/prepare.py" % d)
    for tool in tools:
        pairs, secs, loads = [], 0.0, []
        for split in E2E_SETS[name]:
            d = os.path.join(WORK, split)
            gold = [json.loads(l)["labels"]["topic"][0]
                    for l in read_lines(os.path.join(d, "test.jsonl"))]
            best = None
            with tempfile.TemporaryDirectory() as tmp:
                for r in range(repeat):
                    loads.append(os.getloadavg()[0])
                    t, pred = e2e_run(tool, d, tmp, revtag)
                    if len(pred) != len(gold):
                        sys.exit("bench: %s gave %d predictions for %d records of %s"
                                 % (tool, len(pred), len(gold), split))
                    if r == 0:
                        pairs += [({g}, {p}) for g, p in zip(gold, pred)]
                    best = t if best is None else min(best, t)
            secs += best
        f = figures(pairs, False)
        res[tool] = {"accuracy": f["accuracy"], "macro_f1": f["macro"][2], "secs": secs,
                     "load": max(loads)}
        log("%-9s %-12s acc %.4f macro-F1 %.4f %7.2f s (load <= %.1f)" % (
            name, tool, f["accuracy"], f["macro"][2], secs, max(loads)))
    return res


# ---------------------------------------------------------------- targets

def candidates(name, e2e, per):
    """Peer configurations of the target families measured on NAME: (label, acc, f1)."""
    out = []
    for tool, r in e2e.get(name, {}).items():
        if E2E[tool][2]:
            out.append(("%s (end to end)" % E2E[tool][1], r["accuracy"], r["macro_f1"]))
    for system, r in per.get(name, {}).items():
        if system in PEER_FAMILY:
            out.append(("%s (per system)" % compare.NAMES[system], r["accuracy"], r["macro_f1"]))
    return out


def revtag_figures(name, e2e, per):
    """revtag's accuracy and macro-F1 on NAME, and a note when its all-cores (end-to-end)
    and 1-thread (per-system) runs disagree, which they must not."""
    a, b = e2e.get(name, {}).get("revtag"), per.get(name, {}).get("revtag")
    r = a or b
    if r is None:
        return None
    if a and b and (abs(a["accuracy"] - b["accuracy"]) > TOL or
                    abs(a["macro_f1"] - b["macro_f1"]) > TOL):
        return r["accuracy"], r["macro_f1"], "DIFFERENT with 1 thread: %.4f / %.4f" % (
            b["accuracy"], b["macro_f1"])
    return r["accuracy"], r["macro_f1"], "same with 1 thread and all cores" if a and b else ""


def verdict(mine, best):
    return "**met**" if mine >= best - TOL else "**missed** (%+.4f)" % (mine - best)


def speedups(res):
    rt = res.get("revtag")
    return {t: res[t]["secs"] / rt["secs"] for t in res if rt and t != "revtag"}


def targets(names, e2e, per):
    """The issue-4 verdicts, one row per data set, computed from the measured figures."""
    out = ["| data set | revtag accuracy | best peer accuracy | accuracy target | "
           "revtag macro-F1 | best peer macro-F1 | macro-F1 target |",
           "| --- | ---: | --- | --- | ---: | --- | --- |"]
    notes, same = [], []
    for name in names:
        rv, cand = revtag_figures(name, e2e, per), candidates(name, e2e, per)
        if rv is None or not cand:
            continue
        ba = max(cand, key=lambda c: c[1])
        bf = max(cand, key=lambda c: c[2])
        out.append("| %s | %.4f | %.4f %s | %s | %.4f | %.4f %s | %s |" % (
            name, rv[0], ba[1], ba[0], verdict(rv[0], ba[1]),
            rv[1], bf[2], bf[0], verdict(rv[1], bf[2])))
        if rv[2].startswith("same"):
            same.append(name)
        if rv[2].startswith("DIFFERENT"):
            notes.append("- %s: revtag's figures are %s (all cores: %.4f / %.4f)." % (
                name, rv[2], rv[0], rv[1]))
    out.append("")
    if same:
        notes.append("- revtag's accuracy and macro-F1 are the same with all cores (end to end) "
                     "and with 1 thread (per system) on %s." % ", ".join(same))
    out += notes + ([""] if notes else [])
    if SPEED_SET in e2e and "revtag" in e2e[SPEED_SET]:
        sp = speedups(e2e[SPEED_SET])
        rows = [("scikit-learn TF-IDF + LinearSVC (`sk-svc`)", "sk-svc"),
                ("fastText 25 epochs, default settings (`ft-default`)", "ft-default"),
                ("fastText 25 epochs, tutorial settings (`ft-tutorial`)", "ft-tutorial")]
        out += ["Speed on %s (train + classify end to end, target %.0fx; revtag %.2f s):" % (
                    SPEED_SET, SPEED_TARGET, e2e[SPEED_SET]["revtag"]["secs"]), "",
                "| against | its time s | speed-up | target %.0fx |" % SPEED_TARGET,
                "| --- | ---: | ---: | --- |"]
        for what, tool in rows:
            if tool in sp:
                out.append("| %s | %.2f | %.1fx | %s |" % (
                    what, e2e[SPEED_SET][tool]["secs"], sp[tool],
                    "**met**" if sp[tool] >= SPEED_TARGET else "**missed**"))
        if "sk-svc" in sp and "ft-default" in sp:
            ok = min(sp["sk-svc"], sp["ft-default"]) >= SPEED_TARGET
            out += ["", "Issue 4's speed target (%.0fx over scikit-learn TF-IDF + LinearSVC and "
                    "over fastText 25 epochs with its other settings default): **%s**." % (
                        SPEED_TARGET, "met" if ok else "missed")]
        out.append("")
    else:
        out += ["Speed target: %s was not run end to end in this run." % SPEED_SET, ""]
    return out


# ---------------------------------------------------------------- the file

def sh(cmd):
    try:
        r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        return r.stdout.strip()
    except OSError:
        return ""


def header(a, started, secs, loads, skipped, command):
    dpkg = lambda p: sh(["dpkg-query", "-W", "-f=${Version}", p]) or "not installed"
    commit = sh(["git", "-C", ROOT, "log", "-1", "--format=%h %cd", "--date=format:%Y-%m-%d %H:%M"])
    dirty = [l.split(None, 1)[1] for l in sh(["git", "-C", ROOT, "status", "--porcelain",
                                              "--untracked-files=no"]).splitlines()]
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo")
                if l.startswith("model name")), "unknown CPU")
    mem = int(open("/proc/meminfo").readline().split()[1]) / 1024 / 1024
    la = lambda l: "%.2f / %.2f / %.2f" % l
    out = ["# revtag benchmark results", "",
           "Written whole by `%s` (bench/bench.py) on %s in %.0f minutes. Do not edit: rerun "
           "the command; commentary goes in bench/README.md." % (
               command, started.strftime("%Y-%m-%d %H:%M %Z").strip(), secs / 60), ""]
    part = (["--only %s" % ",".join(a.only)] if a.only else []) + \
        (["--systems %s" % ",".join(a.systems)]
         if set(a.systems) != set(["revtag"] + compare.PEERS) else [])
    if part:
        out += ["**Partial run** (`%s`): not the full benchmark." % " ".join(part), ""]
    out += ["- Command: `%s`" % command,
            "- Date: %s; git commit %s%s; revtag binary %s" % (
                started.strftime("%Y-%m-%d %H:%M"), commit,
                " with uncommitted changes in %s" % ", ".join(dirty)
                if dirty else " (clean working tree)", os.path.relpath(a.revtag, ROOT)),
            "- Machine: %s, %d cores, %.1f GB RAM, %s" % (cpu, CORES, mem, platform.platform()),
            "- Versions: %s; fastText %s; scikit-learn %s; LIBLINEAR %s; Python %s" % (
                sh([a.revtag, "--version"]), dpkg("fasttext"), dpkg("python3-sklearn"),
                dpkg("liblinear-tools"), platform.python_version()),
            "- Load average (1 / 5 / 15 min) before: %s; after: %s. The machine may be shared "
            "with other work, so times are noisy; accuracy is not affected." % (
                la(loads[0]), la(loads[1])),
            "- Threads: end to end, revtag uses its default (all %d cores) and fastText "
            "`-thread %d`; scikit-learn is single-threaded (LinearSVC is LIBLINEAR, the naive "
            "Bayes models sparse products; BLAS pools limited to 1 thread). Per system, every "
            "system runs on 1 thread (`revtag -t 1`, fastText `-thread 1`)." % (CORES, CORES),
            "- Data: %s" % (os.path.normpath(a.data) + ", prepared by bench/prepare.py"
                             if a.have_data else "none"), ""]
    if skipped:
        out += ["**Skipped**: %s" % skipped, ""]
    return out


def e2e_section(e2e, repeat):
    out = ["## Train + classify, end to end", "",
           "Each tool runs as whole processes on the prepared splits (read, train, predict, "
           "write predictions); wall time is the best of %d run%s of each split (Congress: "
           "summed over its 5 folds; accuracy and macro-F1 over the pooled folds). 'load' is "
           "the highest 1-minute load average seen before a run. fastText on several threads is "
           "not deterministic: its figures (from the first run) move a little between runs; "
           "revtag's and scikit-learn's do not." % (repeat, "s" if repeat > 1 else ""), ""]
    for name, res in e2e.items():
        sp = speedups(res)
        out += ["### %s" % name, "",
                "| tool | threads | accuracy | macro-F1 | wall s | its time / revtag's | load |",
                "| --- | --- | ---: | ---: | ---: | ---: | ---: |"]
        for tool, r in res.items():
            out.append("| %s | %s | %.4f | %.4f | %.2f | %s | %.1f |" % (
                E2E[tool][1], E2E[tool][3], r["accuracy"], r["macro_f1"], r["secs"],
                "%.1fx" % sp[tool] if tool in sp else "", r["load"]))
        out.append("")
    out += ["Tools:", ""] + ["- %s: %s" % (t[1], t[4]) for t in E2E_TOOLS] + [""]
    return out


def per_section(results):
    out = ["## Per system, single-threaded", "", compare.NOTES, "",
           "### Summary: macro-F1", ""]
    out += compare.summary(results)
    for ds, rows in results:
        out += compare.section(ds, rows)
    return out


def write_atomic(path, text):
    tmp = path + ".tmp%d" % os.getpid()
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


# ---------------------------------------------------------------- main

def parse(argv):
    p = argparse.ArgumentParser(
        prog="bash bench/run.sh",
        description="Run revtag and its peers; write the whole of bench/RESULTS.md.",
        epilog="Data set names: " + ", ".join(compare.NAMES_ALL) + " (corpus = all four "
               "corpus facets). See bench/README.md.")
    p.add_argument("--revtag", default=os.path.join(ROOT, "build-bench", "revtag"),
                   help="revtag binary (run.sh: build-bench/revtag)")
    p.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "data"),
                   help="benchmark data directory (default ../shared/data)")
    p.add_argument("--only", help="comma-separated data set names (default: all)")
    p.add_argument("--systems", default=",".join(["revtag"] + compare.PEERS),
                   help="systems of the per-system part (default: all)")
    p.add_argument("--repeat", type=int, default=3,
                   help="end-to-end runs per tool and split, best time kept (default 3)")
    p.add_argument("--quick", action="store_true", help="the same as --repeat 1")
    p.add_argument("--out", default=os.path.join(ROOT, "bench", "RESULTS.md"),
                   help="file to write (default bench/RESULTS.md)")
    p.add_argument("--check-args", action="store_true", help=argparse.SUPPRESS)
    a = p.parse_args(argv)
    if a.quick:
        a.repeat = 1
    if a.repeat < 1:
        p.error("--repeat must be at least 1")
    if a.only:
        names = []
        for n in a.only.split(","):
            names += ["corpus-" + f for f in compare.CORPUS_FACETS] if n == "corpus" else [n]
        bad = [n for n in names if n not in compare.NAMES_ALL]
        if bad:
            p.error("unknown data set %s (known: %s)" % (", ".join(bad), ", ".join(compare.NAMES_ALL)))
        a.only = names
    a.systems = a.systems.split(",")
    bad = [s for s in a.systems if s not in compare.NAMES]
    if bad:
        p.error("unknown system %s (known: %s)" % (", ".join(bad), ", ".join(compare.NAMES)))
    return a


def main(argv=None):
    a = parse(sys.argv[1:] if argv is None else argv)
    if a.check_args:   # bench/run.sh: refuse bad options before building anything
        return
    if not os.access(a.revtag, os.X_OK):
        sys.exit("bench: %s not found: build it (bash bench/run.sh does)" % a.revtag)
    for tool in ("fasttext", "liblinear-train"):
        if not shutil.which(tool):
            sys.exit("bench: %s missing: RT_WITH_PEERS=1 bash scripts/install-deps.sh" % tool)
    if subprocess.run([PY, "-c", "import sklearn"], stderr=subprocess.DEVNULL).returncode:
        sys.exit("bench: scikit-learn missing for %s: RT_WITH_PEERS=1 bash "
                 "scripts/install-deps.sh" % PY)
    command = os.environ.get("RT_BENCH_COMMAND") or " ".join(
        ["/usr/bin/python3 bench/bench.py"] + (sys.argv[1:] if argv is None else argv))
    want = a.only or compare.NAMES_ALL
    a.have_data = os.path.isdir(os.path.join(a.data, "benchmarks"))
    skipped = ""
    if not a.have_data:
        gone = [n for n in want if not n.startswith("corpus-")]
        if gone:
            skipped = "%s: the benchmark data (%s) is not on this machine." % (
                ", ".join(gone), os.path.normpath(a.data))
            log(skipped, "Running the corpus sets only.")
    elif not os.path.exists(os.path.join(WORK, "r8", "train.ft")):
        sys.exit("bench: bench/work/ is not prepared: /usr/bin/python3 bench/prepare.py %s"
                 % a.data)
    started, t0 = datetime.datetime.now().astimezone(), time.perf_counter()
    loads = [os.getloadavg()]

    e2e_names = [n for n in want if n in E2E_SETS] if a.have_data else []
    e2e = {n: e2e_set(n, [t[0] for t in E2E_TOOLS], a.revtag, a.repeat) for n in e2e_names}
    sets = compare.data_sets(a, set(a.only) if a.only else None)
    results = [(ds, compare.run_dataset(a, ds)) for ds in sets]
    per = {ds["name"]: rows for ds, rows in results}

    loads.append(os.getloadavg())
    names = [n for n in compare.NAMES_ALL if n in e2e or n in per]
    lines = header(a, started, time.perf_counter() - t0, loads, skipped, command)
    lines += ["## Targets (issue 4)", "",
              "revtag against the best configuration of %s measured in this run on the "
              "same data set (end to end or per system); 'met' means at least as high. "
              "Computed by bench/bench.py from the tables below." % TARGET_FAMILIES, ""]
    lines += targets(names, e2e, per)
    if e2e:
        lines += e2e_section(e2e, a.repeat)
    if results:
        lines += per_section(results)
    write_atomic(a.out, "\n".join(lines).rstrip("\n") + "\n")
    log("wrote %s in %.1f minutes" % (os.path.relpath(a.out), (time.perf_counter() - t0) / 60))


if __name__ == "__main__":
    main()
