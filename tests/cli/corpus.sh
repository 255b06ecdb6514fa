#!/usr/bin/env bash
# The embedded corpus obeys its rules (corpus/build.py --check: fields, labels
# in the taxonomy and ISO 3166, sizes, language mix, no near-duplicates) and
# publications.jsonl is exactly what corpus/src builds to.
set -uo pipefail
REVTAG=$1 SRC=$2
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
fail() { echo "FAIL: $*"; exit 1; }
cd "$SRC" || fail "no source dir"
out=$("$PY" corpus/build.py --check 2>&1) || { echo "$out"; fail "corpus/build.py --check"; }
echo "$out" | tail -5
# publications.jsonl must be the merge of corpus/src (no stale or hand-edited copy).
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
n=$(grep -c . corpus/publications.jsonl)
[ "$n" -ge 1900 ] || fail "only $n records"
cat corpus/src/*.jsonl | LC_ALL=C sort > "$tmp/src"
LC_ALL=C sort corpus/publications.jsonl > "$tmp/pub"
cmp -s "$tmp/src" "$tmp/pub" || fail "publications.jsonl is stale: rebuild with /usr/bin/python3 corpus/build.py"
echo "1 passed, 0 failed"
