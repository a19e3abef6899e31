#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang (ASan + UBSan) and runs
# each for SECONDS (default 600), JOBS at a time (default 2), at low priority
# (NICE, default 19). An input that takes over TIMEOUT seconds (default 60) is
# a finding: at nice 19 on a busy two-core machine an input that runs in
# milliseconds alone once waited 11 s for the processor.
#   scripts/fuzz.sh [SECONDS] [NAME...]
# New inputs go to build-fuzz/corpus/NAME (the seeds in tests/fuzz/corpus/NAME
# stay as they are); a failing input is written to build-fuzz/crashes/NAME-*:
# add it to tests/fuzz/corpus/NAME so that ctest runs it from then on.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
[[ $# -gt 0 ]] && shift
names=("$@")
((${#names[@]})) || names=(payloadcodec framer rules sessionfile script pcapng cliargs transporttext)
jobs=${JOBS:-2}

command -v clang++ >/dev/null || { echo "fuzz: needs clang (apt-get install clang libclang-rt-14-dev libpcap-dev)" >&2; exit 2; }
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSOCKPLAY_FUZZ=ON >/dev/null
cmake --build build-fuzz --parallel --target "${names[@]/#/fuzz_}"
mkdir -p build-fuzz/crashes

run() {
  local name=$1
  mkdir -p "build-fuzz/corpus/$name"
  nice -n "${NICE:-19}" "build-fuzz/bin/fuzz_$name" -max_total_time="$seconds" -timeout="${TIMEOUT:-60}" -rss_limit_mb=2048 \
    -artifact_prefix="build-fuzz/crashes/$name-" -print_final_stats=1 \
    "build-fuzz/corpus/$name" "tests/fuzz/corpus/$name" > "build-fuzz/fuzz-$name.log" 2>&1
  local rc=$?
  echo "fuzz_$name: exit $rc, $(grep -E '^stat::number_of_executed_units' "build-fuzz/fuzz-$name.log" | awk '{print $2}') runs in ${seconds} s (build-fuzz/fuzz-$name.log)"
  return $rc
}

status=0
pids=()
for name in "${names[@]}"; do
  run "$name" &
  pids+=($!)
  if ((${#pids[@]} >= jobs)); then
    wait "${pids[0]}" || status=1
    pids=("${pids[@]:1}")
  fi
done
for pid in "${pids[@]}"; do wait "$pid" || status=1; done
exit $status
