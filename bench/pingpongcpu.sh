#!/usr/bin/env bash
# pingpongcpu.sh: the server's CPU time per 64-byte TCP round trip, SockPlay's
# (sockplay-cli tcp-listen --echo) against the raw epoll echo's
# (sockplay-epoll-echo), plus round trips/s of each, in the same run.
#
#   bench/pingpongcpu.sh [BUILD_DIR] [RUNS] [COUNT]     (defaults: build 5 100000)
#   SOCKPLAY_CLI_BEFORE=/path/to/an/older/sockplay-cli bench/pingpongcpu.sh
#       also measures that build in each run (before/after a change)
#
# CPU time is what the server's threads spent on a CPU (the sum of
# /proc/PID/task/*/schedstat, in ns; user_us: the user-mode part, from clock
# ticks in /proc/PID/task/*/stat) across COUNT sequential round trips of
# sockplay-tcpload pingpong, after a warm-up connection: it moves far less
# than round trips/s when other work shares the two cores. Each run measures
# every server once, one after the other; the last line is the median of the runs.
set -euo pipefail

build=${1:-build}
runs=${2:-5}
count=${3:-100000}
cli=$build/bin/sockplay-cli
before=${SOCKPLAY_CLI_BEFORE:-}
epoll=$build/bin/sockplay-epoll-echo
load=$build/bin/sockplay-tcpload
for p in "$cli" "$epoll" "$load" ${before:+"$before"}; do
  [[ -x $p ]] || { echo "pingpongcpu: $p is not built" >&2; exit 2; }
done
work=$(mktemp -d /tmp/pp-cpu.XXXXXX)
srv=""
cleanup() { [[ -n $srv ]] && kill "$srv" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

# cpu_ns PID: nanoseconds on a CPU, summed over the process's live threads.
cpu_ns() { cat /proc/"$1"/task/*/schedstat 2>/dev/null | awk '{ s += $1 } END { printf "%d", s }'; }
# user_ticks PID: clock ticks in user mode, summed likewise (a sample per tick:
# coarse, so COUNT should keep a server busy for a few seconds).
user_ticks() { cat /proc/"$1"/task/*/stat 2>/dev/null | sed 's/.*) //' | awk '{ s += $12 } END { printf "%d", s }'; }
hz=$(getconf CLK_TCK)

# start PROGRAM: sets srv (the pid) and port. PROGRAM: a sockplay-cli, or "epoll".
start() {
  local out=$work/server.out
  : >"$out"
  port=""
  if [[ $1 != epoll ]]; then
    "$1" tcp-listen --echo 0 >/dev/null 2>"$out" &
    srv=$!
    for _ in $(seq 100); do grep -q 'listening on 127\.0\.0\.1:[0-9]' "$out" && break; sleep 0.05; done
    port=$(grep -o 'listening on 127\.0\.0\.1:[0-9]*' "$out" | head -1 | sed 's/.*://')
  else
    "$epoll" --tcp 0 >"$out" 2>&1 &
    srv=$!
    for _ in $(seq 100); do grep -q '^tcp [0-9]' "$out" && break; sleep 0.05; done
    port=$(awk '$1 == "tcp" { print $2; exit }' "$out")
  fi
  [[ -n $port ]] || { echo "pingpongcpu: $1 did not start" >&2; cat "$out" >&2; exit 1; }
}

stop() { kill "$srv" 2>/dev/null; wait "$srv" 2>/dev/null || true; srv=""; }

# measure PROGRAM: prints "cpu_us_per_round_trip user_us_per_round_trip round_trips_per_s".
measure() {
  start "$1"
  "$load" pingpong --port "$port" --count 2000 >/dev/null # warm-up: first-touch allocations
  local t0 t1 u0 u1 per_s
  t0=$(cpu_ns "$srv") u0=$(user_ticks "$srv")
  "$load" pingpong --port "$port" --count "$count" >"$work/load" 2>"$work/load.err"
  t1=$(cpu_ns "$srv") u1=$(user_ticks "$srv")
  stop
  grep -q '^pingpong_ok 1' "$work/load" || { echo "pingpongcpu: $1: pingpong failed" >&2; cat "$work/load.err" >&2; }
  per_s=$(awk '$1 == "pingpong_per_s" { print $2 }' "$work/load")
  awk -v a="$t0" -v b="$t1" -v ua="$u0" -v ub="$u1" -v hz="$hz" -v c="$count" -v r="$per_s" \
    'BEGIN { printf "%.2f %.2f %d\n", (b - a) / c / 1000, (ub - ua) / hz * 1e6 / c, r }'
}

{
  printf 'run'
  [[ -n $before ]] && printf '\tbefore_us\tbefore_user_us\tbefore_per_s'
  printf '\tsockplay_us\tsockplay_user_us\tsockplay_per_s\tepoll_us\tepoll_user_us\tepoll_per_s\tcpu_ratio\trate_ratio\n'
  for run in $(seq "$runs"); do
    printf '%s' "$run"
    [[ -n $before ]] && printf '\t%s\t%s\t%s' $(measure "$before")
    read -r s_us s_user s_rate < <(measure "$cli")
    read -r e_us e_user e_rate < <(measure epoll)
    awk -v su="$s_us" -v eu="$e_us" -v sr="$s_rate" -v er="$e_rate" -v suu="$s_user" -v euu="$e_user" \
      'BEGIN { printf "\t%s\t%s\t%s\t%s\t%s\t%s\t%.2f\t%.2f\n", su, suu, sr, eu, euu, er, su / eu, sr / er }'
  done
} >"$work/table"
# The median of each column, as a last row.
awk -F'\t' 'NR == 1 { print; n = NF; next } { print; for (i = 2; i <= NF; ++i) v[i, NR - 1] = $i; rows = NR - 1 }
  END {
    printf "median"
    for (i = 2; i <= n; ++i) {
      m = 0
      for (r = 1; r <= rows; ++r) a[r] = v[i, r]
      for (r = 1; r <= rows; ++r) for (s = r + 1; s <= rows; ++s) if (a[s] + 0 < a[r] + 0) { t = a[r]; a[r] = a[s]; a[s] = t }
      m = rows % 2 ? a[(rows + 1) / 2] : (a[rows / 2] + a[rows / 2 + 1]) / 2
      printf "\t%s", m
    }
    printf "\n"
  }' "$work/table" | column -t -s $'\t'
