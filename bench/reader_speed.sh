#!/usr/bin/env bash
# bench/reader_speed.sh [REVTAG]: how fast revtag reads and writes records.
# Builds a JSONL file of the 20 Newsgroups "bydate" collection (18,846 posts)
# from ../shared/data when present (never copied into the repo), else a
# synthetic file of the same size, and prints records/s and MB/s for
# `revtag convert` (read + write JSONL), `revtag check --no-taxonomy` (read +
# validate) and, for reference, Python's json module reading the same lines.
set -euo pipefail
cd "$(dirname "$0")/.."
REVTAG=${1:-build/revtag}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
PY=/usr/bin/python3
NEWS=../shared/data/benchmarks/20news-bydate.tar.gz

if [ -f "$NEWS" ]; then
  echo "data: $NEWS (20 Newsgroups bydate, train + test)"
  $PY - "$NEWS" "$TMP/news.jsonl" <<'PY'
import json, sys, tarfile
with tarfile.open(sys.argv[1]) as tar, open(sys.argv[2], "w", encoding="utf-8") as out:
    for m in tar:
        parts = m.name.split("/")
        if not m.isfile() or len(parts) < 3:
            continue
        text = tar.extractfile(m).read().decode("latin-1")
        out.write(json.dumps({"id": "/".join(parts[-3:]), "text": text,
                              "labels": {"topic": [parts[-2]]}}, ensure_ascii=False, separators=(",", ":")) + "\n")
PY
else
  echo "data: ../shared/data absent; synthetic records of the same size instead"
  $PY - "$TMP/news.jsonl" <<'PY'
import json, random, sys
random.seed(7)
words = [w.strip() for w in open("/usr/share/dict/words", errors="ignore")][:50000] \
    if __import__("os").path.exists("/usr/share/dict/words") else ["word%d" % i for i in range(5000)]
with open(sys.argv[1], "w") as out:
    for i in range(18846):
        text = " ".join(random.choice(words) for _ in range(random.randint(50, 500)))
        out.write(json.dumps({"id": "s%d" % i, "text": text, "labels": {"topic": ["t%d" % (i % 20)]}}, separators=(",", ":")) + "\n")
PY
fi

n=$(wc -l < "$TMP/news.jsonl")
mb=$(du -m "$TMP/news.jsonl" | cut -f1)
# Best of 3 runs of a command, as "WALL CPU" seconds (CPU = user + sys of the child:
# steadier than wall time on a shared machine).
best() {
  $PY - "$@" <<'PY'
import os, resource, subprocess, sys, time
best = None
for _ in range(3):
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN); t0 = time.time()
    subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
    t1 = time.time(); r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    if best is None or cpu < best[1]:
        best = (t1 - t0, cpu)
print("%.3f %.3f" % best)
PY
}
report() {   # LABEL "WALL CPU"
  set -- "$1" $2
  printf "%-32s wall %6.2f s  cpu %6.2f s  %7.0f records/s  %6.1f MB/s (cpu)\n" "$1" "$2" "$3" \
    "$(echo "$n / $3" | bc -l)" "$(echo "$mb / $3" | bc -l)"
}
echo "file: $n records, $mb MB"
report "revtag convert (read + write)" "$(best "$REVTAG" convert "$TMP/news.jsonl")"
report "revtag check --no-taxonomy" "$(best "$REVTAG" check --no-taxonomy "$TMP/news.jsonl")"
report "python3 json.loads per line" "$(best $PY -c 'import json,sys
for l in open(sys.argv[1], encoding="utf-8"): json.loads(l)' "$TMP/news.jsonl")"
"$REVTAG" convert "$TMP/news.jsonl" | cmp -s - "$TMP/news.jsonl" && echo "round trip: byte-identical" \
  || echo "round trip: differs (input not in revtag's normal form)"
