#!/usr/bin/env bash
# The benchmark in one command: install the peers (fastText, scikit-learn,
# LIBLINEAR; Debian packages), build revtag (Release) into build-bench/, prepare
# the splits from ../shared/data into bench/work/ when the data is there, run
# everything and write the whole of bench/RESULTS.md (bench/bench.py).
# Options go to bench/bench.py: --only NAME,... --quick --repeat N --out FILE;
# --help lists them. RT_BENCH_DATA and RT_BENCH_BUILD override the two paths.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${RT_BENCH_DATA:-../shared/data}
BUILD=${RT_BENCH_BUILD:-build-bench}
for arg in "$@"; do
  case $arg in -h|--help) exec /usr/bin/python3 bench/bench.py --help ;; esac
done
/usr/bin/python3 bench/bench.py --check-args "$@"
RT_WITH_PEERS=1 bash scripts/install-deps.sh
cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$BUILD" -j2 --target revtag_cli >/dev/null
if [ -d "$DATA/benchmarks" ]; then
  /usr/bin/python3 bench/prepare.py "$DATA"
else
  echo "bench: $DATA/benchmarks not found: the benchmark data is not on this machine;" \
       "running the corpus sets only" >&2
fi
export RT_BENCH_COMMAND="bash bench/run.sh${*:+ $*}"
exec /usr/bin/python3 bench/bench.py --revtag "$BUILD/revtag" --data "$DATA" "$@"
