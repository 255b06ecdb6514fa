#!/usr/bin/env bash
# revtag serve in headless Chromium (tests/e2e/explorer.test.js, playwright-core
# driving Debian's chromium): search, tick a facet, click a country, and check
# the counts shown against `revtag search --json`. Installs the npm packages
# with `npm ci` the first time. Leaves a screenshot in the build directory.
set -uo pipefail
REVTAG=$1 SRC=$2 BUILD=$3 TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
E2E=$SRC/tests/e2e
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}

command -v node > /dev/null || fail "node not found (scripts/install-deps.sh installs nodejs)"
[ -x "$CHROMIUM" ] || fail "$CHROMIUM not found (scripts/install-deps.sh installs chromium)"
if [ ! -d "$E2E/node_modules/playwright-core" ]; then
  (cd "$E2E" && npm ci --no-audit --no-fund --loglevel=error) || fail "npm ci in tests/e2e"
fi
"$REVTAG" index -q -d "$TMP/web.db" "$SRC/tests/data/web/records.jsonl" || fail "revtag index"
"$REVTAG" train -q -f policy_area -f approach -o "$TMP/web.model" "$SRC/tests/data/web/records.jsonl" \
  || fail "revtag train"
node "$E2E/explorer.test.js" "$REVTAG" "$TMP/web.db" "$BUILD/explorer.png" "$TMP/web.model"
