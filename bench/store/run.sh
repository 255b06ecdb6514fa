#!/usr/bin/env bash
# bench/store: index throughput and search + facet-count latency (p50/p95)
# of revtag's SQLite store at several sizes (default 2000 and 100000 records;
# `bench/store/run.sh 2000 100000 1000000` adds 1M). Records and queries are
# synthetic (bench/store/gen.py), generated under $WORK (default /tmp), never
# committed. Target: p95 under 50 ms at 100k records. SEARCH_ONLY=1 reuses
# the stores of an earlier run (latency again, without re-indexing).
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZES=${*:-2000 100000}
WORK=${WORK:-/tmp/revtag-bench-store}
BUILD=${BUILD:-build-bench}
PY=/usr/bin/python3
mkdir -p "$WORK"
cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DRT_TESTS=OFF > /dev/null
cmake --build "$BUILD" -j2 --target revtag_cli revtag_static > /dev/null
DEPS=$(pkg-config --libs sqlite3 jansson libutf8proc libxxhash libmicrohttpd)
cc -O2 -std=gnu11 -Iinclude -I"$BUILD/include" bench/store/search_bench.c "$BUILD/librevtag.a" \
   $DEPS -lstemmer -lcsv -fopenmp -lm -lpthread -o "$WORK/search_bench"
echo "revtag store benchmark: $(nproc) CPU(s), $(uname -m), SQLite $(pkg-config --modversion sqlite3)," \
     "load average $(cut -d' ' -f1-3 /proc/loadavg)"
for n in $SIZES; do
  rec=$WORK/records-$n.jsonl q=$WORK/queries-$n.tsv db=$WORK/store-$n.db
  [ -s "$rec" ] || $PY bench/store/gen.py "$n" "$rec" "$q"
  echo
  echo "== $n records ($(du -m "$rec" | cut -f1) MB of JSON Lines)"
  if [ "${SEARCH_ONLY:-0}" = 1 ] && [ -s "$db" ]; then
    echo "  index: kept from an earlier run (SEARCH_ONLY=1)"
  else
    rm -f "$db" "$db-wal" "$db-shm"
    t0=$EPOCHREALTIME
    "$BUILD/revtag" index -q -d "$db" "$rec"
    t1=$EPOCHREALTIME
    $PY -c 'import sys; n, t = int(sys.argv[1]), float(sys.argv[3]) - float(sys.argv[2]); print("  index: %.1f s, %.0f records/s, store %s MB" % (t, n / t, sys.argv[4]))' \
        "$n" "$t0" "$t1" "$(du -m "$db" | cut -f1)"
  fi
  "$WORK/search_bench" "$db" "$q"
  # End to end: a `revtag search --json` process per query (opens the store every time).
  s0=$EPOCHREALTIME
  cut -f2 "$q" | head -20 | while IFS= read -r query; do
    "$BUILD/revtag" search -d "$db" --json -- "$query" > /dev/null
  done
  s1=$EPOCHREALTIME
  $PY -c 'import sys; print("  CLI: revtag search --json, one process per query: %.0f ms each (mean of 20)" % ((float(sys.argv[2]) - float(sys.argv[1])) * 50))' "$s0" "$s1"
done
