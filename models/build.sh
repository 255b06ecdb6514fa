#!/usr/bin/env bash
# Build revtag's default models -- one per corpus facet (country, policy_area,
# approach, theme) in one model file -- from corpus/publications.jsonl with the
# default training options. Reproducible (same corpus and revtag, same bytes,
# any thread count) and rebuilt whenever the corpus or revtag is newer.
# Usage: bash models/build.sh [REVTAG] [MODEL]   (default build/revtag, build/models/default.rtm)
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in
  -h|--help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  -*) echo "models: unknown option $1 (usage: bash models/build.sh [REVTAG] [MODEL])" >&2; exit 2 ;;
esac
REVTAG=${1:-build/revtag}
MODEL=${2:-build/models/default.rtm}
CORPUS=corpus/publications.jsonl
[ -x "$REVTAG" ] || { echo "models: $REVTAG not found: build revtag first" >&2; exit 1; }
[ -f "$CORPUS" ] || { echo "models: $CORPUS not found" >&2; exit 1; }
if [ -f "$MODEL" ] && [ "$MODEL" -nt "$CORPUS" ] && [ "$MODEL" -nt "$REVTAG" ]; then
  echo "models: $MODEL is up to date"
  exit 0
fi
mkdir -p "$(dirname "$MODEL")"
"$REVTAG" train -f country -f policy_area -f approach -f theme -o "$MODEL" "$CORPUS"
echo "models: wrote $MODEL"
