#!/usr/bin/env bash
# Builds the libFuzzer targets in fuzz/ with clang-14 under AddressSanitizer +
# UndefinedBehaviorSanitizer and runs each for SECONDS (one at a time).
# Usage: scripts/fuzz.sh SECONDS [TARGET ...]   (targets: pattern split evaluate compare cli_readers gunzip)
# New inputs go to build-fuzz/corpus-TARGET (fuzz/corpus/TARGET, the seed
# corpus in git, is only read); a crash leaves build-fuzz/crash-* and fails.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:?usage: scripts/fuzz.sh SECONDS [TARGET ...]}"
shift
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(pattern split evaluate compare cli_readers gunzip)

scripts/ensure-deps.sh fuzz
cxx=clang++-14
out=build-fuzz
mkdir -p "$out/obj"
flags=(-std=c++17 -g -O1 -Wall -Wextra -Werror -fno-omit-frame-pointer
       -fsanitize=address,undefined -fno-sanitize-recover=all
       -fsanitize-recover=pointer-overflow -Icore/include)  # see fuzz/ubsan.supp
# Every UBSan report stops the run except the one suppressed in fuzz/ubsan.supp.
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$PWD/fuzz/ubsan.supp"

# The message catalogues compiled in (as CMake does: core/i18n/catalogue.cmake),
# rewritten only when they change so that objects are not rebuilt for nothing.
mkdir -p "$out/generated/cwlf"
cmake -DCWLF_SOURCE_DIR="$PWD" -DCWLF_CATALOGUE_HEADER="$out/generated/cwlf/catalogue_data.h" \
  -P core/i18n/catalogue_header.cmake

# The engine, compiled once (only what changed is rebuilt).
objs=()
# The core's sources see every stage's folder (as CMake gives them); the fuzz
# targets themselves only the public headers (core/include/cwlf/).
core_includes=(-Icore/include/cwlf "-I$out/generated")
for d in core/*/; do [ "$d" = core/include/ ] || core_includes+=("-I${d%/}"); done
# The CLI's file readers (fuzz_cli_readers) are compiled beside the engine.
for src in core/*/*.cc cli/input_file.cc cli/gzip_inflate.cc cli/suite.cc cli/caret.cc; do
  obj="$out/obj/$(basename "${src%.cc}").o"
  if [ ! -f "$obj" ] || [ "$src" -nt "$obj" ] || [ -n "$(find core cli "$out/generated" -name '*.h' -newer "$obj" -print -quit)" ]; then
    rm -f "$obj"
    extra=()  # as CMakeLists.txt: the AVX2 loops (NeedleSet, record ends), each in its own file, on x86-64
    if [ "$(uname -m)" = x86_64 ]; then
      extra+=(-DCWLF_AVX2_SCAN=1 -DCWLF_AVX2_RECORD_END=1)
      [ "$(basename "$src")" = needle_set_avx2.cc ] && extra+=(-mavx2 -mpopcnt)
      [ "$(basename "$src")" = record_end_avx2.cc ] && extra+=(-mavx2 -mpopcnt -mpclmul)
    fi
    "$cxx" "${flags[@]}" "${core_includes[@]}" "${extra[@]}" -fsanitize=fuzzer-no-link -c "$src" -o "$obj" &
    # at most two compilers at a time (2-core machines, shared)
    while [ "$(jobs -rp | wc -l)" -ge 2 ]; do wait -n; done
  fi
  objs+=("$obj")
done
wait
for obj in "${objs[@]}"; do
  [ -f "$obj" ] || { echo "fuzz.sh: building $obj failed" >&2; exit 1; }
done

# Link every target before running any: a long run must not link a later
# target against objects from before a change to the headers.
for t in "${targets[@]}"; do
  "$cxx" "${flags[@]}" -Icli -fsanitize=fuzzer "fuzz/fuzz_$t.cc" "${objs[@]}" -lisal -lz -o "$out/fuzz_$t"
done

status=0
for t in "${targets[@]}"; do
  bin="$out/fuzz_$t"
  mkdir -p "$out/corpus-$t"
  echo "==> fuzz_$t for ${seconds}s"
  log="$out/fuzz_$t.log"
  if ! "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2560 -max_len=16384 \
        -artifact_prefix="$out/crash-$t-" -print_final_stats=1 \
        "$out/corpus-$t" "fuzz/corpus/$t" >"$log" 2>&1; then
    echo "fuzz_$t FAILED; see $log"; tail -40 "$log"; status=1
  fi
  grep -E "^Done [0-9]+ runs" "$log" || true
done
exit $status
