#!/usr/bin/env bash
# Runs every test of cwlf: the Catch2 unit tests (plain and under ASan+UBSan),
# each libFuzzer target for 60 s, the command-line tests, the wasm module's
# tests in Node, and the browser tests in headless Chromium. Installs what it
# needs when missing.
set -euo pipefail
cd "$(dirname "$0")"
export NODE_PATH=/usr/share/nodejs   # em++ needs Debian's acorn
jobs=$(nproc 2>/dev/null || echo 2)

scripts/ensure-deps.sh native wasm browser fuzz

step() { echo; echo "==> $*"; }

step "native build (Release, -Wall -Wextra -Werror)"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$jobs"

step "unit tests"
ctest --test-dir build --output-on-failure

step "unit tests under AddressSanitizer + UndefinedBehaviorSanitizer"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DCWLF_SANITIZE=ON >/dev/null
cmake --build build-asan -j"$jobs"
ctest --test-dir build-asan --output-on-failure

step "fuzzing: each libFuzzer target for 60 s under ASan+UBSan (clang-14)"
scripts/fuzz.sh 60

step "wasm build and the served folder (dist/)"
scripts/build-web.sh

node_tests=()
for d in tests/cli tests/node tests/browser; do
  [ -d "$d" ] && node_tests+=("$d")
done
step "command-line, wasm (Node) and browser tests: ${node_tests[*]}"
CWLF_BIN="$PWD/build/cwlf" node --test "${node_tests[@]}"
