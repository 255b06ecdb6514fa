#!/usr/bin/python3
"""Merge and validate revtag's embedded corpus.

Reads corpus/src/written_*.jsonl (records written one by one) and
corpus/src/composed.jsonl (records made by compose.py), validates every record,
and writes corpus/publications.jsonl sorted by id.  Standard library only.

  /usr/bin/python3 corpus/build.py            merge, validate, write, report
  /usr/bin/python3 corpus/build.py --check    validate publications.jsonl as it is
  /usr/bin/python3 corpus/build.py --table    print the label tables (markdown)

Exits non-zero on any violation, printing one line per problem with the file,
line and record id.  Country codes are checked against Debian's iso-codes
package (/usr/share/iso-codes/json/iso_3166-1.json).
"""

import argparse
import glob
import json
import os
import re
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "src")
OUT = os.path.join(HERE, "publications.jsonl")
TAXONOMY = os.path.join(HERE, "taxonomy.json")
ISO_3166 = "/usr/share/iso-codes/json/iso_3166-1.json"
ISO_639 = "/usr/share/iso-codes/json/iso_639-2.json"

REQUIRED = {"id": str, "title": str, "abstract": str, "year": int,
            "type": str, "lang": str, "origin": str, "labels": dict}
TYPES = {"journal article", "evaluation report", "policy report", "working paper",
         "book chapter", "thesis", "case study", "conference paper",
         "briefing note", "investor report"}
FACETS = ("country", "policy_area", "approach", "theme")
COUNT_RULES = {"country": (0, None), "policy_area": (1, 3),
               "approach": (1, None), "theme": (0, 5)}
YEARS = (1990, 2025)
MIN_WORDS = 60
SHINGLE = 5
MAX_JACCARD = 0.5
OTHER_LANGS = ("fr", "es", "pt", "de", "nl")
MIN_OTHER_SHARE = 0.05


# ---------------------------------------------------------------- reference data

def load_taxonomy():
    with open(TAXONOMY, encoding="utf-8") as f:
        tax = json.load(f)
    labels = {}
    for facet in tax["facets"]:
        if isinstance(facet["labels"], list):
            labels[facet["name"]] = [x["label"] for x in facet["labels"]]
    return labels


def load_iso(path, key):
    if not os.path.exists(path):
        sys.exit("build.py: %s not found (install Debian's iso-codes package: "
                 "apt-get install iso-codes)" % path)
    with open(path, encoding="utf-8") as f:
        return {e["alpha_2"] for e in json.load(f)[key] if "alpha_2" in e}


# ---------------------------------------------------------------- reading

def read_jsonl(path, errors):
    """Yield (line number, record) for each line; bad lines go to errors."""
    name = os.path.relpath(path, os.path.dirname(HERE))
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                errors.append("%s:%d: blank line" % (name, n))
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                errors.append("%s:%d: invalid JSON (%s)" % (name, n, e.msg))
                continue
            if not isinstance(rec, dict):
                errors.append("%s:%d: not a JSON object" % (name, n))
                continue
            yield name, n, rec


# ---------------------------------------------------------------- validation

def check_record(rec, where, ref, errors):
    rid = rec.get("id", "?")
    def bad(msg):
        errors.append("%s: %s: %s" % (where, rid, msg))
    for field, typ in REQUIRED.items():
        if field not in rec:
            bad("missing field '%s'" % field)
        elif not isinstance(rec[field], typ) or isinstance(rec[field], bool):
            bad("field '%s' should be %s" % (field, typ.__name__))
    if any(f not in rec or not isinstance(rec[f], REQUIRED[f]) for f in REQUIRED):
        return
    if not rec["id"].strip():
        bad("empty id")
    if not rec["title"].strip():
        bad("empty title")
    words = len(rec["abstract"].split())
    if words < MIN_WORDS:
        bad("abstract has %d words (minimum %d)" % (words, MIN_WORDS))
    if not YEARS[0] <= rec["year"] <= YEARS[1]:
        bad("year %d outside %d-%d" % (rec["year"], YEARS[0], YEARS[1]))
    if rec["type"] not in TYPES:
        bad("unknown type '%s'" % rec["type"])
    if rec["lang"] not in ref["langs"]:
        bad("lang '%s' is not an ISO 639-1 code" % rec["lang"])
    if rec["origin"] not in ("written", "composed"):
        bad("origin '%s' is not written or composed" % rec["origin"])
    elif (rec["origin"] == "composed") != rec["id"].startswith("c-"):
        bad("origin '%s' does not match the id prefix" % rec["origin"])
    check_labels(rec["labels"], ref, bad)


def check_labels(labels, ref, bad):
    for facet in labels:
        if facet not in FACETS:
            bad("unknown facet '%s'" % facet)
    for facet in FACETS:
        vals = labels.get(facet)
        if not isinstance(vals, list) or not all(isinstance(v, str) for v in vals):
            bad("labels.%s missing or not a list of strings" % facet)
            continue
        if len(set(vals)) != len(vals):
            bad("labels.%s has duplicates" % facet)
        lo, hi = COUNT_RULES[facet]
        if len(vals) < lo or (hi is not None and len(vals) > hi):
            bad("labels.%s has %d labels (allowed %d-%s)"
                % (facet, len(vals), lo, hi if hi is not None else "any"))
        allowed = ref["countries"] if facet == "country" else ref["taxonomy"][facet]
        for v in vals:
            if v not in allowed:
                bad("labels.%s: '%s' is not a valid label" % (facet, v))


def shingles(rec):
    words = re.findall(r"\w+", (rec["title"] + " " + rec["abstract"]).lower())
    return {" ".join(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def max_jaccard(records):
    """Return (max Jaccard, id a, id b, list of pairs at or above MAX_JACCARD).

    An inverted index from shingle to records gives, for each record, the
    overlap with every record sharing at least one shingle."""
    ids = {}
    sets = []
    for rec in records:
        sets.append({ids.setdefault(s, len(ids)) for s in shingles(rec)})
    postings = defaultdict(list)
    for i, s in enumerate(sets):
        for sh in s:
            postings[sh].append(i)
    best = (0.0, None, None)
    over = []
    for i, s in enumerate(sets):
        inter = Counter()
        for sh in s:
            for j in postings[sh]:
                if j > i:
                    inter[j] += 1
        for j, k in inter.items():
            jac = k / (len(s) + len(sets[j]) - k)
            if jac > best[0]:
                best = (jac, records[i]["id"], records[j]["id"])
            if jac >= MAX_JACCARD:
                over.append((jac, records[i]["id"], records[j]["id"]))
    return best, over


def validate(entries, ref, errors):
    """entries: list of (file, line, record). Returns the valid-shaped records."""
    seen = {}
    records = []
    for name, n, rec in entries:
        where = "%s:%d" % (name, n)
        check_record(rec, where, ref, errors)
        rid = rec.get("id")
        if isinstance(rid, str):
            if rid in seen:
                errors.append("%s: %s: duplicate id (also at %s)" % (where, rid, seen[rid]))
            seen[rid] = where
        if all(isinstance(rec.get(f), str) for f in ("id", "title", "abstract")):
            records.append(rec)
    if records:
        share = sum(r.get("lang") in OTHER_LANGS for r in records) / len(records)
        if share < MIN_OTHER_SHARE:
            errors.append("corpus: only %.1f%% of records in %s (minimum %.0f%%)"
                          % (100 * share, "/".join(OTHER_LANGS), 100 * MIN_OTHER_SHARE))
    best, over = max_jaccard(records)
    for jac, a, b in sorted(over, reverse=True):
        errors.append("near-duplicate: %s and %s (Jaccard %.3f >= %.1f)"
                      % (a, b, jac, MAX_JACCARD))
    return records, best


# ---------------------------------------------------------------- output

def dump(rec):
    return json.dumps(rec, ensure_ascii=False, separators=(", ", ": "))


def write_atomic(path, records):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        for rec in records:
            f.write(dump(rec) + "\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def distribution(records, ref):
    dist = {}
    for facet in FACETS:
        c = Counter()
        for rec in records:
            labels = rec.get("labels", {}).get(facet, [])
            if isinstance(labels, list):
                c.update(l for l in labels if isinstance(l, str))
        dist[facet] = c
    return dist


def report(records, best, ref):
    n = len(records)
    origins = Counter(r.get("origin") for r in records)
    langs = Counter(r.get("lang") for r in records)
    words = sorted(len(r["abstract"].split()) for r in records) or [0]
    years = [r["year"] for r in records if isinstance(r.get("year"), int)] or [0]
    no_country = sum(1 for r in records if r.get("labels", {}).get("country") == [])
    other = sum(langs[l] for l in OTHER_LANGS)
    print("records: %d (written %d, composed %d)"
          % (n, origins.get("written", 0), origins.get("composed", 0)))
    for src in ("written", "composed"):
        sub = [r for r in records if r.get("origin") == src]
        if sub:
            pre = Counter(r["id"].rsplit("-", 1)[0] for r in sub)
            print("  %s by prefix: %s" % (src, ", ".join("%s %d" % kv for kv in sorted(pre.items()))))
    print("languages: %s; fr/es/pt/de/nl %d (%.1f%%)"
          % (", ".join("%s %d" % kv for kv in langs.most_common()), other,
             100 * other / max(n, 1)))
    print("types: %s" % ", ".join("%s %d" % kv for kv in Counter(r.get("type") for r in records).most_common()))
    print("years: %d-%d; abstract words: min %d, median %d, max %d"
          % (min(years), max(years), words[0], words[len(words) // 2], words[-1]))
    dist = distribution(records, ref)
    for facet in FACETS:
        c = dist[facet]
        per = Counter(len(r.get("labels", {}).get(facet, [])) for r in records)
        print("%s: %d distinct labels; labels per record %s"
              % (facet, len(c), ", ".join("%d:%d" % kv for kv in sorted(per.items()))))
        items = c.most_common() if facet != "country" else c.most_common(40)
        print("  " + "; ".join("%s %d" % kv for kv in items))
    print("  records with no country (global or cross-national): %d" % no_country)
    print("max pairwise Jaccard (word 5-shingles): %.3f (%s, %s)" % best)


def table(records, ref):
    n = len(records)
    dist = distribution(records, ref)
    out = []
    def section(title, facet, order):
        out.append("**%s**\n" % title)
        out.append("| label | records | share |")
        out.append("| --- | ---: | ---: |")
        for label in order:
            out.append("| %s | %d | %.1f%% |" % (label, dist[facet][label], 100 * dist[facet][label] / n))
        out.append("")
    section("Policy area", "policy_area", ref["taxonomy"]["policy_area"])
    section("Approach", "approach", ref["taxonomy"]["approach"])
    section("Theme", "theme", ref["taxonomy"]["theme"])
    c = dist["country"]
    top = [k for k, _ in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))]
    section("Country (the 25 most frequent of %d)" % len(c), "country", top[:25])
    rest = ", ".join("%s %d" % (k, c[k]) for k in top[25:])
    no_country = sum(1 for r in records if r["labels"].get("country") == [])
    out.append("Other countries: %s.\n" % rest)
    out.append("Records with no country label (global or cross-national): %d.\n" % no_country)
    langs = Counter(r["lang"] for r in records)
    origins = Counter((r["origin"], r["lang"]) for r in records)
    out.append("**Language**\n")
    out.append("| lang | written | composed | total |")
    out.append("| --- | ---: | ---: | ---: |")
    for lang, total in langs.most_common():
        out.append("| %s | %d | %d | %d |" % (lang, origins[("written", lang)],
                                              origins[("composed", lang)], total))
    out.append("| all | %d | %d | %d |" % (sum(v for (o, _), v in origins.items() if o == "written"),
                                            sum(v for (o, _), v in origins.items() if o == "composed"), n))
    print("\n".join(out))


# ---------------------------------------------------------------- main

def source_entries(errors):
    files = sorted(glob.glob(os.path.join(SRC, "written_*.jsonl")))
    composed = os.path.join(SRC, "composed.jsonl")
    if os.path.exists(composed):
        files.append(composed)
    entries = []
    for path in files:
        entries.extend(read_jsonl(path, errors))
    return files, entries


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true",
                    help="validate corpus/publications.jsonl without rewriting it")
    ap.add_argument("--table", action="store_true",
                    help="print the label distribution of publications.jsonl as markdown")
    args = ap.parse_args()
    ref = {"taxonomy": load_taxonomy(), "countries": load_iso(ISO_3166, "3166-1"),
           "langs": load_iso(ISO_639, "639-2")}
    errors = []
    if args.check or args.table:
        if not os.path.exists(OUT):
            sys.exit("build.py: %s not found; run build.py first" % OUT)
        entries = list(read_jsonl(OUT, errors))
        if args.table:
            table([r for _, _, r in entries], ref)
            return 0
        records, best = validate(entries, ref, errors)
        ids = [r["id"] for r in records]
        if ids != sorted(ids):
            errors.append("publications.jsonl: records are not sorted by id")
        stale = stale_note(records, errors)
    else:
        files, entries = source_entries(errors)
        if not files:
            sys.exit("build.py: no source files in %s" % SRC)
        records, best = validate(entries, ref, errors)
        records.sort(key=lambda r: r["id"])
        stale = None
        if not errors:
            write_atomic(OUT, records)
            print("wrote %s from %d source files" % (os.path.relpath(OUT), len(files)))
    report(records, best, ref)
    if stale:
        print("note: " + stale)
    if errors:
        for e in errors:
            print("error: " + e, file=sys.stderr)
        print("%d violation(s)" % len(errors), file=sys.stderr)
        return 1
    print("ok")
    return 0


def stale_note(records, errors):
    """Say so if corpus/src holds records that differ from publications.jsonl."""
    src_errors = []
    files, entries = source_entries(src_errors)
    if not files:
        return None
    src = sorted((r for _, _, r in entries if isinstance(r.get("id"), str)), key=lambda r: r["id"])
    if [dump(r) for r in src] != [dump(r) for r in records]:
        return "publications.jsonl differs from corpus/src (rebuild with build.py)"
    return None


if __name__ == "__main__":
    sys.exit(main())
