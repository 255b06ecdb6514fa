#!/usr/bin/env bash
# Install everything revtag needs to build, test and run on Debian (bookworm),
# as root. Idempotent: does nothing when every package is already installed.
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config
  libstemmer-dev libstemmer-tools snowball-data   # Snowball stemmers, stemwords, test vocabularies
  libsqlite3-dev libcmocka-dev libjansson-dev libcsv-dev
  libutf8proc-dev libmicrohttpd-dev libxxhash-dev
  iso-codes                                        # ISO 3166 country list and names
  python3                                          # corpus validation script (corpus/build.py)
  chromium nodejs                                  # web explorer end-to-end test (tests/e2e, headless)
)
# npm: Debian packages it apart from nodejs; some nodejs builds bundle it.
command -v npm > /dev/null || PACKAGES+=(npm)
if [ "${RT_WITH_PEERS:-0}" = 1 ]; then
  PACKAGES+=(fasttext python3-sklearn liblinear-tools)  # bench/: peers to compare against
  PACKAGES+=(gmt-dcw python3-netcdf4)   # bench/country/check_centroids.py: country borders
fi

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
