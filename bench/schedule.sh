#!/usr/bin/env bash
# Benchmark of Q4 (schedule) and Q5 (slip) at 100,000 and 1,000,000 actions
# (or the sizes given): builds schedule_bench in Release at -O2, generates the
# seed-1 workloads into bench/data/ (once; gitignored), runs the benchmark and
# prints one JSON line per (n, query) with the median seconds, the rows and
# the sha256 digest of the answer lines, compared with
# bench/workload/reference/digests.json. Exits non-zero on any mismatch.
#
#   bench/schedule.sh [N ...]       REPEAT=7 (runs per query)
#   PLANSIGHT_BENCH_BUILD=build-bench (build directory)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build=${PLANSIGHT_BENCH_BUILD:-$root/build-bench}
repeat=${REPEAT:-7}
data=$here/data
reference=$here/workload/reference/digests.json
if [ $# -eq 0 ]; then set -- 100000 1000000; fi

cmake -Wno-dev -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" \
  -DPLANSIGHT_BUILD_BENCH=ON -DPLANSIGHT_BUILD_TESTS=OFF -DPLANSIGHT_BUILD_EXAMPLES=OFF \
  -DPLANSIGHT_BUILD_CLI=OFF -DPLANSIGHT_SANITIZE=OFF >/dev/null
cmake --build "$build" -j 2 --target schedule_bench >/dev/null

# The reference digest of query $2 at n = $1 ("" when there is none).
reference_digest() {
  python3 -c 'import json, sys
w = json.load(open(sys.argv[1]))["workloads"].get(sys.argv[2], {})
print(w.get("answers", {}).get(sys.argv[3], {}).get("digest", ""))' "$reference" "$1" "$2"
}

status=0
for n in "$@"; do
  workload=$data/workload-$n
  if [ ! -f "$workload/meta.json" ]; then
    python3 "$here/workload/gen_workload.py" --actions "$n" --seed 1 --out "$workload"
  fi
  answers=$data/answers-$n
  "$build/bench/schedule_bench" --workload "$workload" --answers "$answers" --repeat "$repeat" | {
    mismatch=0
    while IFS= read -r line; do
      answer=$(sed -n 's/.*"answer": "\([^"]*\)".*/\1/p' <<<"$line")
      if [ -z "$answer" ]; then
        echo "$line"
        continue
      fi
      query=$(sed -n 's/.*"query": "\([^"-]*\).*/\1/p' <<<"$line")
      digest=$(sha256sum "$answer" | cut -d' ' -f1)
      expected=$(reference_digest "$n" "$query")
      if [ "$digest" = "$expected" ]; then match=true; else match=false; mismatch=1; fi
      echo "${line%\}}, \"digest\": \"$digest\", \"reference\": \"$expected\", \"match\": $match}"
    done
    exit $mismatch
  } || status=1
done
exit $status
