#!/usr/bin/env bash
# Run revtag's whole test suite with ctest: a normal build and an
# AddressSanitizer + UndefinedBehaviorSanitizer build, warnings as errors.
# Installs missing dependencies first, so it works on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
jobs=$(nproc)

echo "== build (RelWithDebInfo, -Werror)"
cmake -S . -B build -DRT_WERROR=ON >/dev/null
cmake --build build -j"$jobs"
echo "== ctest (build)"
ctest --test-dir build --output-on-failure -j"$jobs"

echo "== build-asan (ASan + UBSan, -Werror)"
cmake -S . -B build-asan -DRT_WERROR=ON -DRT_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build build-asan -j"$jobs"
echo "== ctest (build-asan)"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j"$jobs"
