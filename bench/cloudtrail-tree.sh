#!/usr/bin/env bash
# The CloudTrail S3 layout benchmark (run by hand, not by the tests): ~101 MB
# of CloudTrail records (the corpus replicated by bench_generate) dealt into
# 456 gzipped {"Records":[...]} files under AWSLogs/.../YYYY/MM/DD/ (build/
# bench-data/tree, never committed), then, on the same tree in one run:
#   zcat | jq '.Records[] | select(...)'   (the usual way)
#   cwlf filter -c -j 1, and -j (every core)
#   the three inflates alone (bench/inflate_compare.cc: zlib, libdeflate, ISA-L)
# Prints wall and CPU time (best of REPEATS), peak memory, and the ratios to
# jq. Usage: bench/cloudtrail-tree.sh [REPEATS=3]
set -euo pipefail
cd "$(dirname "$0")/.."
repeats="${1:-3}"
command -v jq >/dev/null || apt-get install -y -qq --no-install-recommends jq >/dev/null

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j2 --target cwlf bench_generate bench_inflate >/dev/null

data=build/bench-data
tree=$data/tree
if [ ! -d "$tree" ]; then
  mkdir -p "$data/records"
  build/bench/bench_generate tests/data/corpus/cloudtrail-docs.ndjson "$data/records" 101 1 >/dev/null
  node bench/cloudtrail-tree.mjs "$data/records/cloudtrail.jsonl" "$tree" 456
fi
mapfile -t files < <(find "$tree" -name '*.json.gz' | sort)
inflated=$(zcat "${files[@]}" | wc -c)
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name:[[:space:]]*//p'); load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%dT%H:%MZ)"
echo "data: ${#files[@]} files, $(du -cb "${files[@]}" | tail -1 | cut -f1) bytes gzipped, $inflated bytes inflated"

# measure CMD...: best wall time of $repeats runs; sets wall cpu rss out.
measure() {
  local best="" tf; tf=$(mktemp)
  for ((r = 0; r < repeats; r++)); do
    /usr/bin/time -f "%e %U %S %M" -o "$tf" bash -c "$1" > "$tf.out"
    read -r w u s m < <(tail -1 "$tf")
    if [ -z "$best" ] || (( $(echo "$w < $best" | bc -l) )); then
      best=$w; wall=$w; cpu=$(echo "$u + $s" | bc -l); rss=$m; out=$(head -c 60 "$tf.out" | tr '\n' ' ')
    fi
  done
  rm -f "$tf" "$tf.out"
}

printf "%-44s %8s %8s %9s %10s %10s   %s\n" "" "wall s" "cpu s" "peak MB" "wall x jq" "cpu x jq" "output"
row() {
  printf "%-44s %8.3f %8.3f %9.1f %10s %10s   %s\n" "$1" "$wall" "$cpu" "$(echo "$rss / 1024" | bc -l)" \
    "$(printf %.1f "$(echo "$jq_wall / $wall" | bc -l)")" "$(printf %.1f "$(echo "$jq_cpu / $cpu" | bc -l)")" "$out"
}
list=$(printf '%q ' "${files[@]}")
for p in 'ConsoleLogin|{ $.eventName = ConsoleLogin }|.eventName == "ConsoleLogin"' \
         'Root|{ $.userIdentity.type = Root }|.userIdentity.type == "Root"'; do
  IFS='|' read -r name pattern select <<< "$p"
  echo "== $name: cwlf '$pattern', jq 'select($select)'"
  # zcat and jq together: the wall time of the pipeline, the CPU of both.
  measure "zcat $list | jq -c '.Records[] | select($select)' | wc -l"
  jq_wall=$wall; jq_cpu=$cpu
  row "zcat | jq '.Records[] | select(...)'"
  measure "build/cwlf filter -c -j 1 '$pattern' $tree"; row "cwlf filter -c -j 1"
  measure "build/cwlf filter -c '$pattern' $tree"; row "cwlf filter -c (-j $(nproc))"
done
echo "== inflate alone, one core, files in memory"
build/bench/bench_inflate "${files[@]}"
