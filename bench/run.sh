#!/usr/bin/env bash
# The benchmark in one command: build revtag (Release) into build/, install the
# peers (scikit-learn, fastText; Debian packages), prepare the splits from
# ../shared/data into bench/work/, run every tool and write bench/RESULTS.md.
# Extra arguments go to bench/bench.py (e.g. --sets 20ng --repeat 1).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${RT_BENCH_DATA:-../shared/data}
if [ ! -d "$DATA/benchmarks" ]; then
  echo "bench: $DATA/benchmarks not found: the benchmark data is not on this machine" >&2
  exit 1
fi
RT_WITH_PEERS=1 bash scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" --target revtag_cli
/usr/bin/python3 bench/prepare.py "$DATA"
/usr/bin/python3 bench/bench.py --revtag build/revtag "$@"
