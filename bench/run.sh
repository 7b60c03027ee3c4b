#!/usr/bin/env bash
# The benchmark (run by hand, not by the tests): generates ~200 MB of
# CloudTrail JSON Lines (deterministic, build/bench-data/, never committed)
# and an access log, then measures on the same data, in one run:
#   cwlf filter -c (native), the same engine as wasm under Node, jq -c 'select(..)',
#   RapidJSON DOM parse only, simdjson DOM parse only, simdjson On-Demand reading eventName;
# and cwlf filter -c for every pattern in bench/patterns.tsv.
# Prints throughput (MB/s, events/s; from CPU time, user+sys, because this
# machine is shared and wall time mostly measures the queue for a core; wall
# time is printed too), peak memory (max RSS) and ratios against cwlf native.
# Usage: bench/run.sh [MEGABYTES=200] [REPEATS=3]
set -euo pipefail
cd "$(dirname "$0")/.."
mb="${1:-200}"
repeats="${2:-3}"
export NODE_PATH=/usr/share/nodejs

# Tools only the benchmark needs.
need=()
for p in jq libsimdjson-dev time bc; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "==> installing ${need[*]}"
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
scripts/ensure-deps.sh native wasm >/dev/null

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j2 --target cwlf bench_generate bench_baselines >/dev/null
scripts/build-web.sh >/dev/null

data=build/bench-data
mkdir -p "$data"
if [ ! -f "$data/cloudtrail.jsonl" ] || [ "$(cat "$data/.size" 2>/dev/null)" != "$mb" ]; then
  build/bench/bench_generate tests/data/corpus/cloudtrail-docs.ndjson "$data" "$mb" 1
  echo "$mb" > "$data/.size"
fi
ct="$data/cloudtrail.jsonl"
ct_bytes=$(stat -c %s "$ct"); ct_events=$(wc -l < "$ct")
al="$data/access.log"
al_bytes=$(stat -c %s "$al"); al_events=$(wc -l < "$al")

# measure NAME BYTES EVENTS CMD...: best (least CPU) of $repeats runs.
# Sets: cpu wall rss out
measure() {
  local best_cpu="" tf; tf=$(mktemp)
  for ((r = 0; r < repeats; r++)); do
    # bash's `times` gives the child's CPU time to the millisecond (GNU time
    # prints 10 ms steps, too coarse for 0.1 s runs); GNU time gives the peak RSS.
    /usr/bin/time -f "%e %M" -o "$tf" bash -c '"${@:2}" > "$1"; times > "$1.times"' _ "$tf.out" "$@" || true
    read -r w m < <(tail -1 "$tf")
    local c; c=$(sed -n 2p "$tf.out.times" | sed -E 's/([0-9]+)m([0-9.]+)s/(\1*60+\2)/g; s/ /+/' | bc -l)
    if [ -z "$best_cpu" ] || (( $(echo "$c < $best_cpu" | bc -l) )); then
      best_cpu=$c; wall=$w; rss=$m; out=$(head -c 200 "$tf.out" | tr '\n' ' ')
    fi
  done
  cpu=$best_cpu
  rm -f "$tf" "$tf.out" "$tf.out.times"
}

declare -A CPU
row() {  # name bytes events
  local name=$1 bytes=$2 events=$3
  local c=$cpu; (( $(echo "$c < 0.001" | bc -l) )) && c=0.001
  local mbs evs; mbs=$(echo "$bytes / 1000000 / $c" | bc -l); evs=$(echo "$events / $c" | bc -l)
  CPU[$name]=$c
  local ratio="-"
  if [ -n "${CPU[native]:-}" ]; then ratio=$(printf "%.2f" "$(echo "$c / ${CPU[native]}" | bc -l)"); fi
  printf "%-34s %9.0f %12.0f %8.3f %8.2f %9.1f %8s   %s\n" "$name" "$mbs" "$evs" "$c" "$wall" \
    "$(echo "$rss / 1024" | bc -l)" "$ratio" "$out"
}
header() {
  printf "%-34s %9s %12s %8s %8s %9s %8s   %s\n" "" "MB/s" "events/s" "cpu s" "wall s" "peak MB" "x native" "output"
}

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name:[[:space:]]*//p'); $(date -u +%Y-%m-%d)"
echo "data: $ct ($ct_bytes bytes, $ct_events events); $al ($al_bytes bytes, $al_events lines)"
echo "(x native: CPU time (user+sys, to the ms) relative to cwlf native; > 1 means slower than cwlf)"

seed=$(awk -F'\t' '$1=="seed-exclusion"{print $3}' bench/patterns.tsv)
seed_jq=$(awk -F'\t' '$1=="seed-exclusion"{print $4}' bench/patterns.tsv)
echo
echo "== the seed pattern on $ct =="
header
measure build/cwlf filter -c "$seed" "$ct"; row native "$ct_bytes" "$ct_events"
measure build/cwlf filter -c --no-prefilter "$seed" "$ct"; row "native, prefilter off" "$ct_bytes" "$ct_events"
measure node bench/wasm_filter.mjs "$seed" "$ct" --lines; row "wasm (Node), whole process" "$ct_bytes" "$ct_events"
# The same run, timed inside the script around the filtering alone (Node's
# start-up, the wasm compilation and an 8 MB warm-up left out): the process's
# CPU time, then its main thread's alone (V8's optimizing compiler and GC
# helpers run on other threads meanwhile; see bench/wasm_filter.mjs).
read -r _ _ wall cpu main _ <<< "$out"; row "wasm (Node), filtering only" "$ct_bytes" "$ct_events"
cpu=$main; row "wasm (Node), filtering, main thread" "$ct_bytes" "$ct_events"
# Node with V8's optimizing compiler only (--no-liftoff): the whole module is
# compiled before the timed part, so nothing compiles during it; the
# filtering-only CPU time of the process, the steady state.
measure node --no-liftoff bench/wasm_filter.mjs "$seed" "$ct" --lines
read -r _ _ wall cpu _ <<< "$out"; row "wasm (Node --no-liftoff), filtering" "$ct_bytes" "$ct_events"
measure build/bench/bench_baselines simdjson-eventname "$ct"; row "simdjson On-Demand eventName only" "$ct_bytes" "$ct_events"
measure build/bench/bench_baselines simdjson-dom "$ct"; row "simdjson DOM parse only" "$ct_bytes" "$ct_events"
measure build/bench/bench_baselines rapidjson-dom "$ct"; row "RapidJSON DOM parse only" "$ct_bytes" "$ct_events"
saved=$repeats; repeats=1
measure sh -c "jq -c '$seed_jq' '$ct' | wc -l"; row "jq -c 'select(...)' | wc -l" "$ct_bytes" "$ct_events"
repeats=$saved

echo
echo "== cwlf filter -c, native, every pattern of bench/patterns.tsv =="
header
while IFS=$'\t' read -r name set pattern _; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  if [ "$set" = access ]; then f=$al; b=$al_bytes; e=$al_events; else f=$ct; b=$ct_bytes; e=$ct_events; fi
  measure build/cwlf filter -c "$pattern" "$f"; row "$name" "$b" "$e"
done < bench/patterns.tsv

echo
echo "== transferred size of the page's engine (gzip -9) =="
for f in dist/cwlf.wasm dist/cwlf.js; do printf "%-20s %8d bytes, gzip %8d\n" "$f" "$(stat -c %s "$f")" "$(gzip -9c "$f" | wc -c)"; done
printf "%-20s %8s        gzip %8d\n" "total" "" "$(( $(gzip -9c dist/cwlf.wasm | wc -c) + $(gzip -9c dist/cwlf.js | wc -c) ))"
