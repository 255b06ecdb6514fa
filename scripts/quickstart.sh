#!/usr/bin/env bash
# revtag's main job on the embedded corpus, from a fresh Debian machine (as
# root): install dependencies, build, then run the pipeline over corpus/.
# Output goes under out/ (override with OUT=DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-out}
bash scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
REVTAG=build/revtag
mkdir -p "$OUT"
CORPUS=corpus/publications.jsonl

echo "== text pipeline over $CORPUS"
"$REVTAG" tokens "$CORPUS" > "$OUT/tokens.txt"
echo "   $(wc -l < "$OUT/tokens.txt") terms written to $OUT/tokens.txt"
