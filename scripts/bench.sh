#!/usr/bin/env bash
# Measures SockPlay's event log and compares sockplay-cli with other UDP receivers.
#   scripts/bench.sh
# Builds in Release into $SOCKPLAY_BENCH_BUILD_DIR or $SOCKPLAY_BUILD_DIR (default
# build-bench), runs
# sockplay-logbench (append time, memory per event, reading rows, clear), then
# floods 127.0.0.1 with 1,000,000 64-byte datagrams from 1,000 peers into
# (a) sockplay-cli udp-listen, (b) socat, (c) a bare epoll receiver, and prints
# one table. Loopback only; every step has a time limit; takes a few minutes.
# Numbers only: the targets are printed next to them, nothing fails on a timing.
#
# Knobs (environment): SOCKPLAY_BENCH_DATAGRAMS (1000000), SOCKPLAY_BENCH_PEERS
# (1000); SOCKPLAY_BENCH_PACING: "window" (default: the sender keeps at most
# half the receiving socket's buffer unread, asking the kernel through
# sock_diag, so the rate is the receiver's and nothing is dropped) or "paced"
# (bursts of SOCKPLAY_BENCH_BURST (50) with SOCKPLAY_BENCH_PAUSE (0.0002 s)
# after each, slowing down when the receiver drops unless
# SOCKPLAY_BENCH_ADAPTIVE=0); SOCKPLAY_BENCH_SKIP_FLOOD=1 runs the log
# benchmark only.
set -uo pipefail

cd "$(dirname "$0")/.."
build=${SOCKPLAY_BENCH_BUILD_DIR:-${SOCKPLAY_BUILD_DIR:-build-bench}}
datagrams=${SOCKPLAY_BENCH_DATAGRAMS:-1000000}
peers=${SOCKPLAY_BENCH_PEERS:-1000}
burst=${SOCKPLAY_BENCH_BURST:-50}
pause=${SOCKPLAY_BENCH_PAUSE:-0.0002}
pacing=${SOCKPLAY_BENCH_PACING:-window}
if [[ $pacing == paced ]]; then
  flood_args=(--paced --burst "$burst" --pause "$pause")
  [[ ${SOCKPLAY_BENCH_ADAPTIVE:-1} == 1 ]] && flood_args+=(--adaptive)
  pacing_text="bursts of $burst, $pause s pause"
else
  flood_args=(--window)
  pacing_text="a window of half the receiving socket's buffer"
fi
nice_cmd=(nice -n 10) # two shared cores: stay polite, every process alike

work=$(mktemp -d "${TMPDIR:-/tmp}/sockplay-bench.XXXXXX")
started=() # pids this script started, ended on exit
cleanup() {
  local pid
  for pid in "${started[@]}"; do
    kill -TERM "$pid" 2>/dev/null
  done
  sleep 0.2
  for pid in "${started[@]}"; do
    kill -KILL "$pid" 2>/dev/null
  done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say() { printf '%s\n' "$*"; }
die() { say "bench: $*" >&2; exit 1; }
calc() { awk "BEGIN { printf \"%s\", ($*) }"; } # calc '3 / 2'; parenthesized: a bare ">" would redirect
now() { date +%s.%N; }

# ---------------------------------------------------------------- build
say "== build (Release, $build)"
configure=(cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF)
timeout 600 "${nice_cmd[@]}" "${configure[@]}" >"$work/configure.log" 2>&1 \
  || { tail -30 "$work/configure.log" >&2; die "configuring failed"; }
timeout 1200 "${nice_cmd[@]}" cmake --build "$build" --target sockplay-logbench sockplay-epoll-udp-sink \
  >"$work/build.log" 2>&1 || { tail -30 "$work/build.log" >&2; die "building the benchmarks failed"; }
cli_ok=1
timeout 1200 "${nice_cmd[@]}" cmake --build "$build" --target sockplay-cli >"$work/build-cli.log" 2>&1 || {
  cli_ok=0
  tail -15 "$work/build-cli.log" >&2
  say "bench: sockplay-cli does not build: its column is skipped"
}

find_binary() { # the targets land in bin/ (the top-level output directory), else next to their CMakeLists
  local name=$1 dir
  for dir in "$build/bin" "$build/bench" "$build/app"; do
    [[ -x $dir/$name ]] && { say "$dir/$name"; return 0; }
  done
  return 1
}
logbench=$(find_binary sockplay-logbench) || die "sockplay-logbench not found in $build"
sink=$(find_binary sockplay-epoll-udp-sink) || die "sockplay-epoll-udp-sink not found in $build"
cli=""
((cli_ok)) && { cli=$(find_binary sockplay-cli) || cli_ok=0; }

# ---------------------------------------------------------------- the log
say ""
say "== event log (sockplay-logbench)"
timeout 300 "${nice_cmd[@]}" "$logbench" >"$work/logbench.txt" 2>"$work/logbench.err" \
  || { cat "$work/logbench.err" >&2; die "sockplay-logbench failed"; }
cat "$work/logbench.txt"
declare -A v=()
while read -r name value _; do
  [[ $name == \#* || -z $name ]] && continue
  v[$name]=$value
done <"$work/logbench.txt"
val() { say "${v[$1]:-?}"; }
mark() { # mark VALUE OP LIMIT -> "meets" / "misses"
  awk -v x="$1" -v l="$3" -v op="$2" 'BEGIN { ok = (op == "<=") ? x <= l : x < l; print (x == "?" ? "?" : ok ? "meets" : "MISSES") }'
}

# Diagnostic: the same appends with glibc told to keep freed memory (no
# trimming, no mmap for chunks): the difference is the cost of giving chunks
# back to the kernel and faulting fresh ones in.
timeout 120 env GLIBC_TUNABLES=glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=4294967296 \
  "${nice_cmd[@]}" "$logbench" --section append >"$work/logbench-keep.txt" 2>/dev/null
declare -A k=()
while read -r name value _; do
  [[ $name == \#* || -z $name ]] && continue
  k[$name]=$value
done <"$work/logbench-keep.txt"

say ""
say "== event log: numbers and targets"
printf '%-44s %12s   %s\n' "measure" "value" "target"
printf '%-44s %12s   %s\n' "append median, filling (ns)" "$(val append_fill_median)" \
  "<= 500 ns: $(mark "$(val append_fill_median)" '<=' 500)"
printf '%-44s %12s   %s\n' "append median, full log evicting (ns)" "$(val append_steady_median)" \
  "<= 500 ns: $(mark "$(val append_steady_median)" '<=' 500)"
printf '%-44s %12s\n' "append p99, filling / evicting (ns)" "$(val append_fill_p99) / $(val append_steady_p99)"
printf '%-44s %12s   %s\n' "append max, filling (us)" "$(calc "${v[append_fill_max]:-0}/1000")" \
  "none > 1 ms: $(val append_fill_over_1ms) over"
printf '%-44s %12s   %s\n' "append max, evicting (us)" "$(calc "${v[append_steady_max]:-0}/1000")" \
  "none > 1 ms: $(val append_steady_over_1ms) over"
printf '%-44s %12s\n' "appends over 100 us: filling / evicting" "$(val append_fill_over_100us) / $(val append_steady_over_100us)"
printf '%-44s %12s\n' "  of which start a chunk of records" \
  "$(val append_fill_over_100us_at_record_chunk) / $(val append_steady_over_100us_at_record_chunk)"
printf '%-44s %12s\n' "minor page faults: filling / evicting" "$(val append_fill_minor_faults) / $(val append_steady_minor_faults)"
printf '%-44s %12s\n' "  evicting, glibc keeping freed memory" \
  "p99 ${k[append_steady_p99]:-?} ns, max $(calc "${k[append_steady_max]:-0}/1000") us, ${k[append_steady_minor_faults]:-?} faults"
printf '%-44s %12s\n' "  appends over 1 ms, switched out: fill / evict" \
  "${v[ctx_fill_over_1ms_switched_out]:-?}/${v[ctx_fill_over_1ms]:-?} / ${v[ctx_steady_over_1ms_switched_out]:-?}/${v[ctx_steady_over_1ms]:-?}"
printf '%-44s %12s   %s\n' "  max append not switched out: fill (us)" "$(calc "${v[ctx_fill_max_not_switched_out]:-0}/1000")" \
  "<= 1 ms: $(mark "$(calc "${v[ctx_fill_max_not_switched_out]:-0}/1000")" '<=' 1000)"
printf '%-44s %12s   %s\n' "  max append not switched out: evict (us)" "$(calc "${v[ctx_steady_max_not_switched_out]:-0}/1000")" \
  "<= 1 ms: $(mark "$(calc "${v[ctx_steady_max_not_switched_out]:-0}/1000")" '<=' 1000)"
printf '%-44s %12s\n' "UDP-like 1M events: bytes/event (RSS)" "$(val mem_udp_per_event_rss)"
printf '%-44s %12s\n' "UDP-like 1M events: bytes/event (totals)" "$(val mem_udp_per_event_totals)"
printf '%-44s %12s\n' "TCP-like 1M events: bytes/event (RSS)" "$(val mem_tcp_per_event_rss)"
printf '%-44s %12s\n' "TCP-like 1M events: bytes/event (totals)" "$(val mem_tcp_per_event_totals)"
printf '%-44s %12s\n' "view: last 1,000 rows via event(seq) (us)" "$(val view_last1000_best) (first $(val view_last1000_first))"
printf '%-44s %12s\n' "view: per row (ns)" "$(val view_per_row_best)"
printf '%-44s %12s\n' "clear() of 1M events (ms)" "$(calc "${v[clear_time]:-0}/1000")"
printf '%-44s %12s\n' "RSS before / after clear() (MB)" "$(val clear_rss_before) / $(val clear_rss_after)"

[[ ${SOCKPLAY_BENCH_SKIP_FLOOD:-0} == 1 ]] && exit 0

# ---------------------------------------------------------------- the flood
# Reads the receiving socket's line of /proc/net/udp: "RXQUEUE_BYTES DROPS".
udp_socket_state() {
  local state
  state=$(awk -v p="$(printf ':%04X' "$1")" '$2 ~ p"$" { split($5, q, ":"); print q[2], $13; exit }' /proc/net/udp)
  [[ -n $state ]] && printf '%d %d\n' "$((16#${state%% *}))" "${state##* }"
}
proc_kb() { awk -v f="$2:" '$1 == f { print $2 }' "/proc/$1/status" 2>/dev/null; }
proc_cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null; }
ticks=$(getconf CLK_TCK)
free_udp_port() {
  python3 -c 'import socket; s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
wait_for() { # wait_for SECONDS COMMAND...: polls every 0.05 s
  local tries=$(($1 * 20))
  shift
  until "$@"; do
    ((tries-- > 0)) || return 1
    sleep 0.05
  done
}
port_bound() { [[ -n $(udp_socket_state "$1") ]]; }
drained() { local s; s=$(udp_socket_state "$1"); [[ -n $s && ${s%% *} == 0 ]]; }

declare -A r=() # r[name.field]
# flood NAME PID PORT: sends the datagrams, waits until the receiver has read them, measures it.
flood() {
  local name=$1 pid=$2 port=$3 cpu0 t0 t1 t2 state
  r[$name.rss_idle]=$(proc_kb "$pid" VmRSS)
  cpu0=$(proc_cpu_ticks "$pid")
  t0=$(now)
  timeout 300 "${nice_cmd[@]}" python3 bench/udpflood.py "$port" "$datagrams" "$peers" \
    "${flood_args[@]}" --timeout 150 >"$work/flood.$name" 2>&1 || say "bench: the flood into $name failed or timed out"
  t1=$(now)
  wait_for 30 drained "$port" || say "bench: $name did not drain its socket in 30 s"
  t2=$(now)
  sleep 0.3 # what it read, it handles
  state=$(udp_socket_state "$port")
  r[$name.rss]=$(proc_kb "$pid" VmRSS)
  r[$name.hwm]=$(proc_kb "$pid" VmHWM)
  r[$name.cpu]=$(calc "($(proc_cpu_ticks "$pid") - $cpu0) / $ticks")
  r[$name.sent]=$(awk '/^sent/ { print $2 }' "$work/flood.$name")
  r[$name.send_s]=$(calc "$t1 - $t0")
  r[$name.recv_s]=$(calc "$t2 - $t0")
  r[$name.drops]=${state##* }
  r[$name.received]=$(calc "${r[$name.sent]:-0} - ${r[$name.drops]:-0}")
  r[$name.pacing]=$(awk '/^(adaptive|window):/ { print }' "$work/flood.$name")
  # window: BURSTS bursts, waited for the receiver WAITS times. Fewer waits
  # than a tenth of the bursts: the receiver was never the limit, the sender was.
  r[$name.sender_bound]=$(awk '/^window:/ { print ($7 < $2 / 10) ? 1 : 0 }' "$work/flood.$name")
  if [[ -z ${r[$name.rss]} || -z ${r[$name.drops]} ]]; then
    r[$name.note]="it exited during the flood"
    unset "r[$name.rss]"
  fi
}
stop() { # stop PID: SIGTERM, then SIGKILL after 5 s
  kill -TERM "$1" 2>/dev/null
  wait_for 5 eval '! kill -0 '"$1"' 2>/dev/null' || kill -KILL "$1" 2>/dev/null
  wait "$1" 2>/dev/null
  started=()
}

say ""
say "== flood: $datagrams datagrams of 64 bytes from $peers peers ($pacing_text)"
receivers=()

if ((cli_ok)); then
  say "-- sockplay-cli udp-listen --log-capacity 1000000"
  (exec "${nice_cmd[@]}" "$cli" udp-listen --log-capacity 1000000 0 >/dev/null 2>"$work/cli.err") &
  pid=$!
  started+=("$pid")
  if wait_for 15 grep -q 'bound to 127\.0\.0\.1:[0-9]' "$work/cli.err"; then
    port=$(grep -o 'bound to 127\.0\.0\.1:[0-9]*' "$work/cli.err" | head -1 | sed 's/.*://')
    flood sockplay "$pid" "$port"
    receivers+=(sockplay)
  else
    say "bench: sockplay-cli did not say where it is bound:"
    cat "$work/cli.err"
    r[sockplay.note]="did not start"
  fi
  stop "$pid"
else
  r[sockplay.note]="sockplay-cli does not build"
fi

if command -v socat >/dev/null; then
  say "-- socat -u UDP-RECV:PORT,bind=127.0.0.1 /dev/null"
  port=$(free_udp_port)
  (exec "${nice_cmd[@]}" socat -u "UDP-RECV:$port,bind=127.0.0.1" /dev/null) &
  pid=$!
  started+=("$pid")
  if wait_for 10 port_bound "$port"; then
    flood socat "$pid" "$port"
    receivers+=(socat)
  else
    say "bench: socat did not bind 127.0.0.1:$port"
    r[socat.note]="did not start"
  fi
  stop "$pid"
else
  r[socat.note]="socat is not installed (apt-get install socat)"
fi

say "-- sockplay-epoll-udp-sink (epoll + recvmmsg)"
(exec "${nice_cmd[@]}" "$sink" >"$work/sink.out" 2>&1) &
pid=$!
started+=("$pid")
if wait_for 10 grep -q '^port [0-9]' "$work/sink.out"; then
  port=$(awk '/^port/ { print $2; exit }' "$work/sink.out")
  flood epoll "$pid" "$port"
  receivers+=(epoll)
  # It exits 2 s after the last datagram and says how many it read.
  wait_for 10 grep -q '^received' "$work/sink.out" || say "bench: the sink did not report"
  r[epoll.counted]=$(awk '/^received/ { print $2 }' "$work/sink.out")
else
  say "bench: the epoll sink did not start"
  r[epoll.note]="did not start"
fi
stop "$pid"

say ""
say "== flood results"
printf '%-9s %9s %8s %9s %7s %10s %7s %9s %8s %8s %8s\n' \
  receiver sent "send s" received drops "recv/s" "CPU s" "CPU us/dg" "RSS0 MB" "RSS MB" "HWM MB"
for name in sockplay socat epoll; do
  if [[ -z ${r[$name.rss]:-} ]]; then
    printf '%-9s %s\n' "$name" "skipped: ${r[$name.note]:-no measurement}"
    continue
  fi
  printf '%-9s %9s %8.2f %9s %7s %10.0f %7.2f %9.2f %8.1f %8.1f %8.1f\n' "$name" \
    "${r[$name.sent]}" "${r[$name.send_s]}" "${r[$name.received]}" "${r[$name.drops]}" \
    "$(calc "${r[$name.received]} / ${r[$name.recv_s]}")" "${r[$name.cpu]}" \
    "$(calc "${r[$name.received]} > 0 ? ${r[$name.cpu]} * 1e6 / ${r[$name.received]} : 0")" \
    "$(calc "${r[$name.rss_idle]:-0} / 1024")" "$(calc "${r[$name.rss]} / 1024")" "$(calc "${r[$name.hwm]} / 1024")"
done
[[ -n ${r[epoll.counted]:-} ]] && say "(the epoll sink counted ${r[epoll.counted]} datagrams itself)"
for name in sockplay socat epoll; do
  [[ -n ${r[$name.pacing]:-} ]] && say "sender into $name: ${r[$name.pacing]}"
done
say "received = sent - drops (the socket's drop counter in /proc/net/udp); recv/s: received / (flood start to socket drained)."
if [[ $pacing == paced ]]; then
  say "The sender is paced (and slows down when the receiver drops), so recv/s is at most the pace; drops and"
  say "CPU us/datagram (user+system time of the receiver, 1/${ticks} s ticks) show who keeps up and at what cost."
else
  say "The sender keeps at most half the receiver's socket buffer unread, so recv/s is what the receiver sustains"
  say "unless the sender rarely waited for it (then the Python sender, a few 100k/s at best, was the limit)."
  say "CPU us/dg: user+system time of the receiver (1/${ticks} s ticks) per datagram."
fi
say "Two shared cores: other load on the machine shows up as drops; compare receivers within one run."

ratio() { # ratio FIELD A B
  local a=${r[$2.$1]:-} b=${r[$3.$1]:-}
  [[ -n $a && -n $b ]] && [[ $(calc "$b > 0") == 1 ]] && calc "sprintf(\"%.2f\", $a / $b)" || say "-"
}
for name in "${receivers[@]}"; do r[$name.rate]=$(calc "${r[$name.received]} / ${r[$name.recv_s]}"); done
for name in "${receivers[@]}"; do
  [[ $(calc "${r[$name.received]} > 0") == 1 ]] && r[$name.cpudg]=$(calc "${r[$name.cpu]} / ${r[$name.received]}")
done
if [[ -n ${r[sockplay.rss]:-} ]]; then
  say ""
  printf '%-28s %14s %14s\n' "sockplay-cli relative to" "socat" "epoll sink"
  printf '%-28s %14s %14s\n' "RSS after the flood" "$(ratio rss sockplay socat)" "$(ratio rss sockplay epoll)"
  printf '%-28s %14s %14s\n' "peak RSS (VmHWM)" "$(ratio hwm sockplay socat)" "$(ratio hwm sockplay epoll)"
  printf '%-28s %14s %14s\n' "datagrams/s received" "$(ratio rate sockplay socat)" "$(ratio rate sockplay epoll)"
  printf '%-28s %14s %14s\n' "CPU per datagram" "$(ratio cpudg sockplay socat)" "$(ratio cpudg sockplay epoll)"
  for name in "${receivers[@]}"; do
    [[ ${r[$name.sender_bound]:-0} == 1 ]] \
      && say "($name rarely made the sender wait: its datagrams/s is the sender's limit, not its own)"
  done
  say ""
  printf '%-44s %12s   %s\n' "sockplay-cli after ${r[sockplay.received]} events: RSS (MB)" \
    "$(calc "${r[sockplay.rss]} / 1024")" "1M UDP events <= 250 MB: $(mark "$(calc "${r[sockplay.rss]} / 1024")" '<=' 250)"
  printf '%-44s %12s   %s\n' "  peak RSS (VmHWM, MB)" "$(calc "${r[sockplay.hwm]} / 1024")" \
    "1M UDP events <= 250 MB: $(mark "$(calc "${r[sockplay.hwm]} / 1024")" '<=' 250)"
  if [[ $(calc "${r[sockplay.received]} > 0 && ${r[sockplay.received]} < 1000000") == 1 ]]; then
    # Fewer than a million arrived: scale what the log added (the capacity is a million).
    extrapolated=$(calc "(${r[sockplay.rss_idle]} + (${r[sockplay.rss]} - ${r[sockplay.rss_idle]}) * 1000000 / ${r[sockplay.received]}) / 1024")
    printf '%-44s %12.1f   %s\n' "  RSS scaled to 1,000,000 events (MB)" "$extrapolated" \
      "1M UDP events <= 250 MB: $(mark "$extrapolated" '<=' 250) (an estimate)"
  fi
fi
