#!/usr/bin/env bash
# revtag's main job on the embedded corpus, from a fresh Debian machine (as
# root): install dependencies, build, train the default models on corpus/,
# classify and explain, index into SQLite and write the tag exports.
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

echo "== default models (one per corpus facet) from $CORPUS"
bash models/build.sh "$REVTAG" build/models/default.rtm
"$REVTAG" model info build/models/default.rtm > "$OUT/model-info.txt"
echo "   build/models/default.rtm; summary in $OUT/model-info.txt"

echo "== classify the corpus with the default models"
"$REVTAG" classify -m build/models/default.rtm "$CORPUS" > "$OUT/classified.jsonl"
echo "   $(wc -l < "$OUT/classified.jsonl") records with \"predicted\" tags in $OUT/classified.jsonl"
head -n 3 "$CORPUS" | "$REVTAG" explain -m build/models/default.rtm --terms 5 > "$OUT/explain.txt"
echo "   why the first records got their tags: $OUT/explain.txt"

# Store and exports: index the classified corpus ($OUT/classified.jsonl from the
# step above; the corpus with its manual labels only when it is missing) and
# write every export under one folder.
echo "== store and exports"
DB=$OUT/revtag.db
EXPORTS=$OUT/exports
INDEXED=$OUT/classified.jsonl
[ -s "$INDEXED" ] || INDEXED=$CORPUS
rm -f "$DB" "$DB-wal" "$DB-shm"
"$REVTAG" index -q -d "$DB" "$INDEXED"
mkdir -p "$EXPORTS"
"$REVTAG" export -d "$DB" -f geojson -o "$EXPORTS/countries.geojson"
"$REVTAG" export -d "$DB" -f geojson --per-record -o "$EXPORTS/records.geojson"
"$REVTAG" export -d "$DB" -f csv -o "$EXPORTS/tags.csv"
"$REVTAG" export -d "$DB" -f csv --wide -o "$EXPORTS/tags-wide.csv"
"$REVTAG" export -d "$DB" -f json -o "$EXPORTS/records.json"
"$REVTAG" export -d "$DB" -f ris -o "$EXPORTS/records.ris"
echo "   $("$REVTAG" search -d "$DB" -n 0 | head -1) in $DB (from $INDEXED)"
echo "   exports in $EXPORTS/: countries.geojson records.geojson tags.csv tags-wide.csv records.json records.ris"
echo "   try: $REVTAG search -d $DB '\"transaction costs\"' --facet policy_area=Health"
# end of store and exports
