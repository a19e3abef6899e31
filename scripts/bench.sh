#!/usr/bin/env bash
# Measures SockPlay's event log, its UDP receiver and its echo servers at scale.
#   scripts/bench.sh
# Builds in Release into $SOCKPLAY_BENCH_BUILD_DIR or $SOCKPLAY_BUILD_DIR (default
# build-bench), then runs the sections named in SOCKPLAY_BENCH_SECTIONS (default
# "log,flood,scale,startup,window,repeat"):
#   log      sockplay-logbench (append time, memory per event, reading rows, clear)
#   flood    1,000,000 64-byte datagrams from 1,000 peers into (a) sockplay-cli
#            udp-listen, (b) socat, (c) a bare epoll receiver
#   scale    three echo servers, SockPlay (sockplay-cli tcp-listen/udp-listen --echo),
#            the raw epoll echo (bench/epoll_echo.c) and socat, driven by
#            sockplay-tcpload (bench/tcpload.c): a 1 GiB echo checked byte for byte,
#            64-byte TCP ping-pong, UDP ping-pong, UDP windowed, and 1,000 and 10,000
#            concurrent clients (connect-all, sequential round trips, bursts, the
#            server's memory while every client is connected)
#   startup  echo hi | sockplay-cli tcp-connect against echo hi | nc -N, a bare Qt client
#            (bench/qtclient.cpp) and nc's round trip in a program that loads Qt and calls
#            none of it (bench/qtlinked.cpp), 20 runs each, alternating, timed by
#            bench/startuptime.py (the client alone, no wrapper)
#   window   sockplay-windowbench (bench/windowbench.cpp) under xvfb-run: the window's
#            start-up against a bare Qt window and against the window's skeleton (the
#            same visible widgets made plain: the floor), events ingested per second from a UDP
#            flood, key-press-to-paint latency and timer lag meanwhile, Clear log
#   repeat   sockplay-cli udp-send --repeat 10000 --interval 1 to a Python receiver: every
#            datagram counted, the time from the first to the last against the ideal
#            9.999 s (drift in intervals; the target is at most one)
# Each section prints one table. Loopback only; every step has a time limit; the whole
# run takes about ten minutes. Numbers only: the targets are printed next to them,
# nothing fails on a timing.
#
# Knobs (environment), flood: SOCKPLAY_BENCH_DATAGRAMS (1000000), SOCKPLAY_BENCH_PEERS
# (1000); SOCKPLAY_BENCH_PACING: "window" (default: the sender keeps at most
# half the receiving socket's buffer unread, asking the kernel through
# sock_diag, so the rate is the receiver's and nothing is dropped) or "paced"
# (bursts of SOCKPLAY_BENCH_BURST (50) with SOCKPLAY_BENCH_PAUSE (0.0002 s)
# after each, slowing down when the receiver drops unless
# SOCKPLAY_BENCH_ADAPTIVE=0); SOCKPLAY_BENCH_SKIP_FLOOD=1 runs the log
# benchmark only (when SOCKPLAY_BENCH_SECTIONS is not set).
# Scale: SOCKPLAY_BENCH_SERVERS ("sockplay epoll socat"), SOCKPLAY_BENCH_CLIENTS
# ("1000 10000"), SOCKPLAY_BENCH_ROUNDS (5 bursts), SOCKPLAY_BENCH_SAMPLE (1000
# clients for sequential round trips), SOCKPLAY_BENCH_BULK_BYTES (1073741824),
# SOCKPLAY_BENCH_PINGPONGS (20000), SOCKPLAY_BENCH_UDP_PINGPONGS (20000),
# SOCKPLAY_BENCH_UDP_DATAGRAMS (200000) and SOCKPLAY_BENCH_UDP_WINDOW (64) for the
# windowed UDP echo, SOCKPLAY_BENCH_SECONDS (60: a TCP measure stops then and reports
# what it got), SOCKPLAY_BENCH_UDP_SECONDS (10, the same for UDP: socat forks a process
# per datagram), SOCKPLAY_BENCH_SOCAT_MAX_CLIENTS (10000: socat forks a process per
# client; above this it is not run). Startup: SOCKPLAY_BENCH_STARTUP_RUNS (20).
# Repeat: SOCKPLAY_BENCH_REPEAT_COUNT (10000), SOCKPLAY_BENCH_REPEAT_INTERVAL_MS (1).
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
started=() # pids this script started (-PGID: a process group, socat and its children), ended on exit
cleanup() {
  local pid
  for pid in "${started[@]}"; do
    kill -TERM -- "$pid" 2>/dev/null
  done
  sleep 0.2
  for pid in "${started[@]}"; do
    kill -KILL -- "$pid" 2>/dev/null
  done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say() { printf '%s\n' "$*"; }
die() { say "bench: $*" >&2; exit 1; }
calc() { awk "BEGIN { printf \"%s\", ($*) }"; } # calc '3 / 2'; parenthesized: a bare ">" would redirect
now() { date +%s.%N; }

sections=${SOCKPLAY_BENCH_SECTIONS:-log,flood,scale,startup,window,repeat}
[[ -z ${SOCKPLAY_BENCH_SECTIONS:-} && ${SOCKPLAY_BENCH_SKIP_FLOOD:-0} == 1 ]] && sections=log
for section in ${sections//,/ }; do
  case $section in
    log | flood | scale | startup | window | repeat) ;;
    *) die "unknown section \"$section\" in SOCKPLAY_BENCH_SECTIONS (log,flood,scale,startup,window,repeat)" ;;
  esac
done
want() { [[ ,$sections, == *,$1,* ]]; }

# ---------------------------------------------------------------- build
say "== build (Release, $build)"
configure=(cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF)
timeout 600 "${nice_cmd[@]}" "${configure[@]}" >"$work/configure.log" 2>&1 \
  || { tail -30 "$work/configure.log" >&2; die "configuring failed"; }
timeout 1200 "${nice_cmd[@]}" cmake --build "$build" --target sockplay-logbench sockplay-epoll-udp-sink \
  sockplay-epoll-echo sockplay-tcpload sockplay-bench-qtclient sockplay-bench-qtlinked \
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
echo_server=$(find_binary sockplay-epoll-echo) || die "sockplay-epoll-echo not found in $build"
tcpload=$(find_binary sockplay-tcpload) || die "sockplay-tcpload not found in $build"
cli=""
((cli_ok)) && { cli=$(find_binary sockplay-cli) || cli_ok=0; }

# ---------------------------------------------------------------- helpers
mark() { # mark VALUE OP LIMIT -> "meets" / "MISSES" (OP: <, <=, >=, >)
  awk -v x="$1" -v l="$3" -v op="$2" 'BEGIN {
    ok = op == "<=" ? x <= l : op == ">=" ? x >= l : op == ">" ? x > l : x < l
    print (x == "?" || x == "" ? "?" : ok ? "meets" : "MISSES") }'
}
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

# ---------------------------------------------------------------- the log
if want log; then
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
fi

# ---------------------------------------------------------------- the flood
if want flood; then
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
fi

# ---------------------------------------------------------------- scale: three echo servers
if want scale || want startup; then
  # 10,000 clients take 10,000 descriptors in the server and as many in the load.
  ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null
  fd_limit=$(ulimit -n)
  cli_max_clients=0
  ((cli_ok)) && "$cli" tcp-listen --help 2>/dev/null | grep -q -- '--max-clients' && cli_max_clients=1

  tcp_listening() { # tcp_listening PORT: a socket listens on 127.0.0.1:PORT (/proc/net/tcp, state 0A)
    awk -v p="$(printf ':%04X' "$1")" '$2 ~ p"$" && $4 == "0A" { f = 1 } END { exit !f }' /proc/net/tcp
  }
  free_tcp_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
  }
  tcp_ext() { # tcp_ext FIELD: a TcpExt counter of /proc/net/netstat (ListenOverflows, SyncookiesFailed...)
    awk -v f="$1" '$1 == "TcpExt:" { if (!h) { for (i = 2; i <= NF; ++i) k[i] = $i; h = 1 }
      else for (i = 2; i <= NF; ++i) if (k[i] == f) print $i }' /proc/net/netstat
  }

  # start_server NAME PROTO CLIENTS: a fresh echo server; sets srv_pid and srv_port, or
  # returns 1 with the reason in srv_note. NAME: sockplay, epoll, socat (one process per
  # TCP client or per UDP datagram), socat-listen (UDP only: a process per peer, a pipe
  # in between, which merges datagrams: shown apart).
  srv_pid="" srv_port="" srv_note="" srv_group=0
  start_server() {
    local name=$1 proto=$2 clients=$3 out="$work/server.$1.$2" address
    srv_pid="" srv_port="" srv_note="" srv_group=0
    case $name in
      sockplay)
        ((cli_ok)) || { srv_note="sockplay-cli does not build"; return 1; }
        if [[ $proto == tcp ]]; then
          local args=(tcp-listen --echo)
          ((cli_max_clients)) && args+=(--max-clients "$clients")
          (exec "${nice_cmd[@]}" "$cli" "${args[@]}" 0 >/dev/null 2>"$out") &
          srv_pid=$!
          started=("$srv_pid")
          wait_for 15 grep -q 'listening on 127\.0\.0\.1:[0-9]' "$out" \
            && srv_port=$(grep -o 'listening on 127\.0\.0\.1:[0-9]*' "$out" | head -1 | sed 's/.*://')
        else
          (exec "${nice_cmd[@]}" "$cli" udp-listen --echo 0 >/dev/null 2>"$out") &
          srv_pid=$!
          started=("$srv_pid")
          wait_for 15 grep -q 'bound to 127\.0\.0\.1:[0-9]' "$out" \
            && srv_port=$(grep -o 'bound to 127\.0\.0\.1:[0-9]*' "$out" | head -1 | sed 's/.*://')
        fi
        ;;
      epoll)
        (exec "${nice_cmd[@]}" "$echo_server" "--$proto" 0 >"$out" 2>&1) &
        srv_pid=$!
        started=("$srv_pid")
        wait_for 10 grep -q "^$proto [0-9]" "$out" && srv_port=$(awk -v p="$proto" '$1 == p { print $2; exit }' "$out")
        ;;
      socat | socat-listen)
        command -v socat >/dev/null || { srv_note="socat is not installed"; return 1; }
        local port
        if [[ $proto == tcp ]]; then
          port=$(free_tcp_port)
          address="TCP-LISTEN:$port,bind=127.0.0.1,fork,reuseaddr,backlog=4096"
        elif [[ $name == socat ]]; then
          port=$(free_udp_port)
          address="UDP-RECVFROM:$port,bind=127.0.0.1,fork"
        else
          port=$(free_udp_port)
          address="UDP-LISTEN:$port,bind=127.0.0.1,fork"
        fi
        # Its own process group (setsid), so that stopping it ends the children too.
        (exec setsid "${nice_cmd[@]}" socat "$address" PIPE 2>"$out") &
        srv_pid=$!
        srv_group=1
        started=("-$srv_pid")
        if [[ $proto == tcp ]]; then
          wait_for 10 tcp_listening "$port" && srv_port=$port
        else
          wait_for 10 port_bound "$port" && srv_port=$port
        fi
        ;;
    esac
    [[ -n $srv_port ]] && return 0
    srv_note="did not start"
    say "bench: the $name $proto echo server did not start:"
    head -5 "$out"
    stop_server
    return 1
  }
  stop_server() { # SIGTERM (socat: the whole group, the children too), SIGKILL after 5 s
    [[ -z $srv_pid ]] && return
    local target=$srv_pid
    ((srv_group)) && target=-$srv_pid
    kill -TERM -- "$target" 2>/dev/null
    wait_for 5 eval '! kill -0 -- '"$target"' 2>/dev/null' || kill -KILL -- "$target" 2>/dev/null
    wait "$srv_pid" 2>/dev/null
    srv_pid="" started=()
  }

  declare -A sv=() # sv[server.key]: what sockplay-tcpload printed; sv[server.PREFIXnote]: why there is none
  # run_load NAME PROTO CLIENTS PREFIX LIMIT_S MODE ARGS...: a fresh server, one tcpload run,
  # its "key value" lines kept as sv[NAME.PREFIXkey].
  run_load() {
    local name=$1 proto=$2 clients=$3 prefix=$4 limit=$5 mode=$6 out rc key value
    shift 5
    out="$work/load.$name.$prefix$mode"
    if ! start_server "$name" "$proto" "$clients"; then
      sv[$name.${prefix}note]=$srv_note
      return 1
    fi
    local extra=()
    [[ $mode == clients ]] && extra=(--rss-pid "$srv_pid")
    timeout "$limit" "${nice_cmd[@]}" "$tcpload" "$@" --port "$srv_port" "${extra[@]}" >"$out" 2>"$out.err"
    rc=$?
    ((rc == 124)) && say "bench: $name: sockplay-tcpload $mode was stopped after $limit s"
    sed "s/^/   ($name) /" "$out.err"
    while read -r key value _; do
      [[ -n $key && -n ${value:-} ]] && sv[$name.$prefix$key]=$value
    done <"$out"
    kill -0 "$srv_pid" 2>/dev/null || {
      sv[$name.${prefix}note]="the server exited"
      say "bench: the $name server exited during $mode"
    }
    stop_server
    return 0
  }
  get() { say "${sv[$1]:-}"; }
fi

if want scale; then
  servers=${SOCKPLAY_BENCH_SERVERS:-sockplay epoll socat}
  clients_list=${SOCKPLAY_BENCH_CLIENTS:-1000 10000}
  rounds=${SOCKPLAY_BENCH_ROUNDS:-5}
  sample=${SOCKPLAY_BENCH_SAMPLE:-1000}
  bulk_bytes=${SOCKPLAY_BENCH_BULK_BYTES:-1073741824}
  pingpongs=${SOCKPLAY_BENCH_PINGPONGS:-20000}
  udp_pingpongs=${SOCKPLAY_BENCH_UDP_PINGPONGS:-20000}
  udp_datagrams=${SOCKPLAY_BENCH_UDP_DATAGRAMS:-200000}
  udp_window=${SOCKPLAY_BENCH_UDP_WINDOW:-64}
  limit_s=${SOCKPLAY_BENCH_SECONDS:-60}
  udp_limit_s=${SOCKPLAY_BENCH_UDP_SECONDS:-10}
  socat_max_clients=${SOCKPLAY_BENCH_SOCAT_MAX_CLIENTS:-10000}
  scale_t0=$SECONDS

  say ""
  say "== scale: echo servers on 127.0.0.1 ($servers), load from sockplay-tcpload"
  ((cli_ok && !cli_max_clients)) \
    && say "bench: sockplay-cli has no --max-clients: it serves 1,000 clients at most and turns the rest away"
  say "(descriptors per process: $fd_limit; runnable tasks now: $(cut -d' ' -f4 /proc/loadavg), two shared cores)"
  for name in $servers; do
    case $name in sockplay | epoll | socat) ;; *) die "unknown server \"$name\" in SOCKPLAY_BENCH_SERVERS" ;; esac
  done

  say "-- $bulk_bytes bytes echoed over one connection, every byte checked"
  for name in $servers; do
    run_load "$name" tcp 1 "" $((limit_s + 30)) bulk --bytes "$bulk_bytes" --seconds "$limit_s" \
      && say "   $name: $(get "$name.bulk_mb_s") MB/s in $(get "$name.bulk_s") s, verified $(get "$name.bulk_verified")"
  done
  say "-- $pingpongs sequential 64-byte TCP round trips"
  for name in $servers; do
    run_load "$name" tcp 1 "" $((limit_s + 30)) pingpong --count "$pingpongs" --seconds "$limit_s" \
      && say "   $name: $(get "$name.pingpong_per_s")/s, median $(get "$name.pingpong_rtt_us") us"
  done
  say "-- $udp_pingpongs sequential 64-byte UDP round trips (at most $udp_limit_s s)"
  udp_servers=$servers
  [[ " $servers " == *" socat "* ]] && udp_servers+=" socat-listen"
  for name in $udp_servers; do
    run_load "$name" udp 1 "" $((udp_limit_s + 30)) udp-pingpong --count "$udp_pingpongs" --seconds "$udp_limit_s" \
      && say "   $name: $(get "$name.udp_pingpong_per_s")/s, median $(get "$name.udp_rtt_us") us, lost $(get "$name.udp_pingpong_lost")"
  done
  say "-- $udp_datagrams 64-byte datagrams, $udp_window outstanding (at most $udp_limit_s s)"
  for name in $udp_servers; do
    run_load "$name" udp 1 "" $((udp_limit_s + 30)) udp-window --count "$udp_datagrams" --window "$udp_window" \
      --seconds "$udp_limit_s" \
      && say "   $name: $(get "$name.udp_window_per_s")/s, $(get "$name.udp_window_received") of $(get "$name.udp_window_sent") back, boundaries kept $(get "$name.udp_boundaries_ok")"
  done
  for n in $clients_list; do
    say "-- $n concurrent clients ($rounds bursts; sequential round trips through $sample of them at most)"
    ((n + 64 > fd_limit)) && say "bench: $fd_limit descriptors per process: fewer than $n clients need"
    for name in $servers; do
      if [[ $name == socat ]] && ((n > socat_max_clients)); then
        sv[$name.c$n.note]="n/a (a process per client: $n processes, over SOCKPLAY_BENCH_SOCAT_MAX_CLIENTS=$socat_max_clients)"
        say "   socat: skipped (a process per client; SOCKPLAY_BENCH_SOCAT_MAX_CLIENTS=$socat_max_clients)"
        continue
      fi
      overflows0=$(tcp_ext ListenOverflows) cookies0=$(tcp_ext SyncookiesFailed)
      run_load "$name" tcp "$n" "c$n." $((limit_s + 60)) clients "$n" --rounds "$rounds" --sample "$sample" \
        --seconds "$limit_s" || continue
      sv[$name.c$n.overflows]=$(($(tcp_ext ListenOverflows) - overflows0))
      sv[$name.c$n.cookies_failed]=$(($(tcp_ext SyncookiesFailed) - cookies0))
      say "   $name: $(get "$name.c$n.connected") of $n served, connect-all $(get "$name.c$n.connect_all_ms") ms," \
        "round trip $(get "$name.c$n.seq_rtt_us_median") us, burst $(get "$name.c$n.burst_ms") ms," \
        "RSS $(calc "sprintf(\"%.1f\", ${sv[$name.c$n.server_rss_kb]:-0} / 1024)") MB; closed $(get "$name.c$n.refused_or_closed")," \
        "no reply $(get "$name.c$n.no_reply"), accept queue overflows ${sv[$name.c$n.overflows]}; $(get "$name.c$n.total_s") s"
    done
  done

  # ------------------------------------------------------------ the table
  # cell NAME KEY DECIMALS [DIVISOR]: the value, "n/a" when the server was not run, "-" when missing
  cell() {
    local v=${sv[$1.$2]:-} prefix=""
    [[ $2 == c*.* ]] && prefix=${2%%.*}.
    if [[ -z $v ]]; then
      [[ -n ${sv[$1.${prefix}note]:-} || -n ${sv[$1.note]:-} ]] && say "n/a" || say "-"
      return
    fi
    calc "sprintf(\"%.${3}f\", $v / ${4:-1})"
  }
  # ratio KEY KIND A B: A's value over B's, "0.85x rate" (higher is better) or "2.10x time"/"1.5x memory" (lower)
  ratio() {
    local a=${sv[$3.$1]:-} b=${sv[$4.$1]:-}
    if [[ -n $a && -n $b && $(calc "$b > 0") == 1 ]]; then
      printf '%sx %s' "$(calc "sprintf(\"%.2f\", $a / $b)")" "$2"
    else
      say "-"
    fi
  }
  rawratio() { local a=${sv[$2.$1]:-} b=${sv[$3.$1]:-}; [[ -n $a && -n $b && $(calc "$b > 0") == 1 ]] && calc "$a / $b"; }
  row() { # row LABEL KEY DECIMALS KIND [DIVISOR] [TARGET]
    printf '%-42s %11s %11s %11s %15s %15s  %s\n' "$1" "$(cell sockplay "$2" "$3" "${5:-1}")" \
      "$(cell epoll "$2" "$3" "${5:-1}")" "$(cell socat "$2" "$3" "${5:-1}")" \
      "$([[ -n $4 ]] && ratio "$2" "$4" sockplay epoll)" "$([[ -n $4 ]] && ratio "$2" "$4" sockplay socat)" "${6:-}"
  }
  yesno() { case ${sv[$1]:-} in 1) say yes ;; 0) say NO ;; *) say "-" ;; esac; }
  textrow() { printf '%-42s %11s %11s %11s\n' "$1" "$2" "$3" "$4"; }

  say ""
  say "== scale: numbers and targets (SockPlay = sockplay-cli; epoll = bench/epoll_echo.c; socat: fork, PIPE)"
  say "ratios: SockPlay's value over the other's; \"rate\": higher is better, \"time\"/\"memory\": lower is better"
  printf '%-42s %11s %11s %11s %15s %15s  %s\n' measure SockPlay epoll socat SockPlay/epoll SockPlay/socat target
  t=$(rawratio bulk_mb_s sockplay epoll)
  verdict=$(mark "${t:-?}" '>=' 0.8)
  [[ ${sv[sockplay.bulk_verified]:-0} != 1 && $verdict == meets ]] && verdict="MISSES (not verified)"
  bulk_label=$(awk -v b="$bulk_bytes" 'BEGIN { if (b % 1073741824 == 0) printf "%d GiB", b / 1073741824;
    else if (b % 1048576 == 0) printf "%d MiB", b / 1048576; else printf "%d B", b }')
  row "$bulk_label TCP echo (MB/s)" bulk_mb_s 0 rate 1 ">= 0.8x epoll, verified: $verdict"
  textrow "  every byte back and checked" "$(yesno sockplay.bulk_verified)" "$(yesno epoll.bulk_verified)" \
    "$(yesno socat.bulk_verified)"
  t=$(rawratio pingpong_per_s sockplay epoll)
  row "64-byte TCP ping-pong (round trips/s)" pingpong_per_s 0 rate 1 ">= 0.9x epoll: $(mark "${t:-?}" '>=' 0.9)"
  row "  median round trip (us)" pingpong_rtt_us 1 time
  row "UDP ping-pong, 64 B (round trips/s)" udp_pingpong_per_s 0 rate
  row "  lost (no echo in 200 ms)" udp_pingpong_lost 0 ""
  t=$(rawratio udp_window_per_s sockplay socat)
  verdict=$(mark "${t:-?}" '>=' 1.5)
  [[ ${sv[sockplay.udp_boundaries_ok]:-0} != 1 && $verdict == meets ]] && verdict="MISSES (boundaries)"
  row "UDP windowed, 64 B, $udp_window out (dgrams/s)" udp_window_per_s 0 rate 1 \
    ">= 1.5x socat, boundaries kept: $verdict"
  row "  lost (no echo in 1 s)" udp_lost 0 ""
  textrow "  boundaries kept (length and content)" "$(yesno sockplay.udp_boundaries_ok)" \
    "$(yesno epoll.udp_boundaries_ok)" "$(yesno socat.udp_boundaries_ok)"
  for n in $clients_list; do
    label=$(printf "%'d clients" "$n" 2>/dev/null || say "$n clients")
    served() { [[ -n ${sv[$1.c$n.connected]:-} ]] && say "${sv[$1.c$n.connected]}/$n" || cell "$1" "c$n.connected" 0; }
    textrow "$label: served (a correct echo)" "$(served sockplay)" "$(served epoll)" "$(served socat)"
    targets=0
    [[ $n == 10000 ]] && targets=1
    all=1
    [[ ${sv[sockplay.c$n.connected]:-0} == "$n" ]] || all=0
    unserved=""
    ((targets && !all)) && unserved=" (not all served)"
    tc=$(((targets)) && say "< 1 s: $(mark "${sv[sockplay.c$n.connect_all_ms]:-?}" '<' 1000)$unserved")
    row "  connect all (ms)" "c$n.connect_all_ms" 0 time 1 "$tc"
    tc=$(((targets)) && say "<= 3x epoll: $(mark "$(rawratio "c$n.seq_rtt_us_median" sockplay epoll || say '?')" '<=' 3)$unserved")
    row "  sequential round trip, median (us)" "c$n.seq_rtt_us_median" 0 time 1 "$tc"
    row "  sequential round trip, p99 (us)" "c$n.seq_rtt_us_p99" 0 time
    tc=$(((targets)) && say "<= 3x epoll: $(mark "$(rawratio "c$n.burst_ms" sockplay epoll || say '?')" '<=' 3)$unserved")
    row "  burst, all send 64 B at once (ms)" "c$n.burst_ms" 1 time 1 "$tc"
    row "  burst, per message (us)" "c$n.burst_per_msg_us" 2 time
    tc=$(((targets)) && say "<= 64 MB: $(mark "$(calc "${sv[sockplay.c$n.server_rss_kb]:-0} / 1024")" '<=' 64)$unserved")
    [[ -z ${sv[sockplay.c$n.server_rss_kb]:-} ]] && tc=${tc:+"<= 64 MB: ?"}
    row "  server RSS, all connected (MB)" "c$n.server_rss_kb" 1 memory 1024 "$tc"
    row "  server PSS, all connected (MB)" "c$n.server_pss_kb" 1 memory 1024
    textrow "  closed or turned away / no reply" \
      "${sv[sockplay.c$n.refused_or_closed]:--}/${sv[sockplay.c$n.no_reply]:--}" \
      "${sv[epoll.c$n.refused_or_closed]:--}/${sv[epoll.c$n.no_reply]:--}" \
      "${sv[socat.c$n.refused_or_closed]:--}/${sv[socat.c$n.no_reply]:--}"
    textrow "  accept queue overflows (kernel)" "${sv[sockplay.c$n.overflows]:--}" "${sv[epoll.c$n.overflows]:--}" \
      "${sv[socat.c$n.overflows]:--}"
  done
  say ""
  say "Served: clients that got their 64 bytes back intact. Connect all: first connect() to the last client"
  say "established, every connect in flight at once. When the accept queue overflows (its length is capped by"
  say "net.core.somaxconn, $(cat /proc/sys/net/core/somaxconn 2>/dev/null) here), the kernel drops SYNs and the clients retry"
  say "after 1 s: connect-all is then over a second. Round trips and bursts are over the clients served."
  say "RSS of socat is the sum over the parent and every child (a process per client: shared pages counted each"
  say "time); PSS shares them out. UDP socat: UDP-RECVFROM,fork (a process per datagram; the only socat echo"
  say "found to keep datagram boundaries)."
  if [[ -n ${sv[socat-listen.udp_window_per_s]:-} || -n ${sv[socat-listen.udp_pingpong_per_s]:-} ]]; then
    say "socat UDP-LISTEN,fork PIPE (a process per peer, a stream pipe between): ping-pong" \
      "${sv[socat-listen.udp_pingpong_per_s]:--}/s; windowed ${sv[socat-listen.udp_window_per_s]:--}/s with" \
      "${sv[socat-listen.udp_bad]:--} replies of the wrong length or content: boundaries kept" \
      "$(yesno socat-listen.udp_boundaries_ok)."
  fi
  for n in $clients_list; do
    [[ -n ${sv[socat.c$n.note]:-} ]] && say "socat at $n clients: ${sv[socat.c$n.note]}"
  done
  say "(scale section: $((SECONDS - scale_t0)) s)"
fi

# ---------------------------------------------------------------- startup
if want startup; then
  runs=${SOCKPLAY_BENCH_STARTUP_RUNS:-20}
  say ""
  say "== startup: echo hi | sockplay-cli tcp-connect vs echo hi | nc -N, a bare Qt client and Qt loaded alone, against the raw epoll echo ($runs runs each, alternating)"
  if ((!cli_ok)); then
    say "skipped: sockplay-cli does not build"
  elif ! command -v nc >/dev/null || ! nc -h 2>&1 | grep -q -- '-N'; then
    say "skipped: no OpenBSD nc (apt-get install netcat-openbsd)"
  elif start_server epoll tcp 1; then
    # bench/startuptime.py starts each client itself (no shell, no wrapper in the time),
    # alternating, 10 s at most a run; nice reaches them through it.
    timeout $((runs * 30 + 30)) "${nice_cmd[@]}" python3 bench/startuptime.py "$runs" $'hi\n' \
      cli "$cli" tcp-connect 127.0.0.1 "$srv_port" -- nc nc -N 127.0.0.1 "$srv_port" \
      -- qt "$(find_binary sockplay-bench-qtclient)" 127.0.0.1 "$srv_port" \
      -- linked "$(find_binary sockplay-bench-qtlinked)" 127.0.0.1 "$srv_port" >"$work/startup.txt" \
      || say "bench: the startup runs failed or timed out"
    stop_server
    declare -A st=()
    while read -r key value _; do [[ -n $key ]] && st[$key]=$value; done <"$work/startup.txt"
    if [[ -n ${st[cli_ms_median]:-} && -n ${st[nc_ms_median]:-} ]]; then
      startup_ratio=$(calc "sprintf(\"%.2f\", ${st[cli_ms_median]} / ${st[nc_ms_median]})")
      printf '%-44s %12s   %s\n' "sockplay-cli tcp-connect, median (ms)" "${st[cli_ms_median]}" \
        "fastest ${st[cli_ms_min]} ms; answered \"hi\" ${st[cli_answered]} of $runs"
      printf '%-44s %12s   %s\n' "nc -N, median (ms)" "${st[nc_ms_median]}" \
        "fastest ${st[nc_ms_min]} ms; answered \"hi\" ${st[nc_answered]} of $runs"
      printf '%-44s %12s   %s\n' "sockplay-cli / nc (time)" "${startup_ratio}x" \
        "<= 1.5x: $(mark "$startup_ratio" '<=' 1.5)$( ((st[cli_answered] < runs)) && say " (not every run answered)")"
      if [[ -n ${st[qt_ms_median]:-} ]]; then
        printf '%-44s %12s   %s\n' "bare Qt client (bench/qtclient.cpp), median (ms)" "${st[qt_ms_median]}" \
          "fastest ${st[qt_ms_min]} ms; answered \"hi\" ${st[qt_answered]} of $runs"
        printf '%-44s %12s   %s\n' "bare Qt client / nc (time)" \
          "$(calc "sprintf(\"%.2f\", ${st[qt_ms_median]} / ${st[nc_ms_median]})")x" \
          "the floor: loading and starting Qt, no SockPlay code"
        printf '%-44s %12s   %s\n' "sockplay-cli / bare Qt client (time)" \
          "$(calc "sprintf(\"%.2f\", ${st[cli_ms_median]} / ${st[qt_ms_median]})")x" "SockPlay's own share"
      fi
      if [[ -n ${st[linked_ms_median]:-} ]]; then
        printf '%-44s %12s   %s\n' "Qt loaded, no Qt called (bench/qtlinked.cpp) (ms)" "${st[linked_ms_median]}" \
          "fastest ${st[linked_ms_min]} ms; answered \"hi\" ${st[linked_answered]} of $runs"
        printf '%-44s %12s   %s\n' "  Qt loaded, no Qt called / nc (time)" \
          "$(calc "sprintf(\"%.2f\", ${st[linked_ms_median]} / ${st[nc_ms_median]})")x" \
          "nc's round trip plus loading QtCore and QtNetwork"
      fi
      say "Start to exit of the client alone, \"hi\" on its stdin, until the echo came back and the server closed."
    fi
  fi
fi
# ---------------------------------------------------------------- the window
if want window; then
  say ""
  say "== window: sockplay-windowbench under xvfb-run (start-up, ingest under a UDP flood, key presses, Clear log)"
  if ! command -v xvfb-run >/dev/null; then
    say "skipped: no xvfb-run (apt-get install xvfb xauth)"
  elif ! timeout 1200 "${nice_cmd[@]}" cmake --build "$build" --target sockplay-windowbench >"$work/build-window.log" 2>&1; then
    tail -15 "$work/build-window.log" >&2
    say "skipped: sockplay-windowbench does not build"
  else
    windowbench=$(find_binary sockplay-windowbench)
    timeout 300 xvfb-run -a -s "-screen 0 1400x900x24" "$windowbench" \
      --seconds "${SOCKPLAY_BENCH_WINDOW_SECONDS:-10}" --startup-runs "${SOCKPLAY_BENCH_WINDOW_STARTUPS:-10}" \
      >"$work/window.txt" 2>"$work/window.err" || { tail -5 "$work/window.err" >&2; say "bench: the window run failed"; }
    declare -A wv=()
    while read -r key value _; do [[ -n $key && $key != \#* ]] && wv[$key]=$value; done <"$work/window.txt"
    printf '%-44s %12s   %s\n' "measure" "value" "target"
    printf '%-44s %12s   %s\n' "window on screen, SockPlay (ms, median)" "${wv[startup_sockplay_ms]:-?}" ""
    printf '%-44s %12s   %s\n' "window on screen, bare Qt label (ms, median)" "${wv[startup_bare_ms]:-?}" ""
    printf '%-44s %12s   %s\n' "  SockPlay / bare (time)" "${wv[startup_ratio]:-?}x" \
      "<= 1.2x: $(mark "${wv[startup_ratio]:-?}" '<=' 1.2)"
    printf '%-44s %12s   %s\n' "window's skeleton on screen (ms, median)" "${wv[startup_skeleton_ms]:-?}" \
      "the same visible widgets, plain, no layouts"
    printf '%-44s %12s   %s\n' "  skeleton / bare (time): the floor" "${wv[startup_skeleton_ratio]:-?}x" ""
    printf '%-44s %12s   %s\n' "  SockPlay / skeleton (time)" "${wv[startup_over_skeleton_ratio]:-?}x" ""
    printf '%-44s %12s   %s\n' "  CPU until first paint: SockPlay, skeleton, bare (ms)" \
      "${wv[startup_sockplay_cpu_ms]:-?}" "${wv[startup_skeleton_cpu_ms]:-?}, ${wv[startup_bare_cpu_ms]:-?}"
    printf '%-44s %12s   %s\n' "events ingested per second under a flood" "${wv[ingest_events_per_s]:-?}" \
      ">= 100,000: $(awk -v x="${wv[ingest_events_per_s]:-0}" 'BEGIN { print (x >= 100000 ? "meets" : "MISSES") }')"
    printf '%-44s %12s   %s\n' "key press to paint, p99 (ms)" "${wv[keypress_p99_ms]:-?}" \
      "<= 50 ms: $(mark "${wv[keypress_p99_ms]:-?}" '<=' 50) (p50 ${wv[keypress_p50_ms]:-?}, max ${wv[keypress_max_ms]:-?}, ${wv[keypress_samples]:-?} samples)"
    printf '%-44s %12s   %s\n' "10 ms timer lateness, p99 (ms)" "${wv[lag_p99_ms]:-?}" "max ${wv[lag_max_ms]:-?}"
    printf '%-44s %12s   %s\n' "Clear log during the flood, slowest of 3 (ms)" "${wv[clear_ms_max]:-?}" \
      "<= 100 ms: $(mark "${wv[clear_ms_max]:-?}" '<=' 100)"
    grep '^# flood' "$work/window.txt" | sed 's/^# /  /'
  fi
fi
# ---------------------------------------------------------------- repeat
if want repeat; then
  repeat_count=${SOCKPLAY_BENCH_REPEAT_COUNT:-10000}
  repeat_ms=${SOCKPLAY_BENCH_REPEAT_INTERVAL_MS:-1}
  say ""
  say "== repeat: sockplay-cli udp-send --repeat $repeat_count --interval $repeat_ms to a Python receiver"
  if ((!cli_ok)); then
    say "skipped: sockplay-cli does not build"
  else
    # The receiver stamps each datagram as it arrives (monotonic clock) and ends
    # after the last one, or after 5 s without any.
    (exec "${nice_cmd[@]}" python3 -u -c '
import socket, sys, time
n = int(sys.argv[1])
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 22)
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1], flush=True)
s.settimeout(5)
count, first, last = 0, 0.0, 0.0
try:
    while count < n:
        s.recv(65535)
        last = time.monotonic()
        first = first or last
        count += 1
except socket.timeout:
    pass
print("received", count)
print("span_s", "%.4f" % (last - first))
' "$repeat_count" >"$work/repeat-receiver.txt" 2>&1) &
    receiver_pid=$!
    started=("$receiver_pid")
    wait_for 10 grep -q '^[0-9]' "$work/repeat-receiver.txt" || die "the repeat receiver did not start"
    receiver_port=$(head -1 "$work/repeat-receiver.txt")
    repeat_t0=$(now)
    timeout $((repeat_count * repeat_ms / 1000 + 60)) "${nice_cmd[@]}" "$cli" udp-send --repeat "$repeat_count" \
      --interval "$repeat_ms" 127.0.0.1 "$receiver_port" 'r {{counter}}' 2>"$work/repeat-cli.err" \
      || { tail -3 "$work/repeat-cli.err" >&2; say "bench: sockplay-cli udp-send --repeat failed or timed out"; }
    repeat_t1=$(now)
    wait "$receiver_pid" 2>/dev/null
    started=()
    received=$(awk '$1 == "received" { print $2 }' "$work/repeat-receiver.txt")
    span=$(awk '$1 == "span_s" { print $2 }' "$work/repeat-receiver.txt")
    ideal=$(calc "sprintf(\"%.3f\", ($repeat_count - 1) * $repeat_ms / 1000)")
    drift=$(calc "sprintf(\"%.2f\", (${span:-0} - $ideal) * 1000 / $repeat_ms)")
    abs_drift=$(calc "($drift < 0 ? -$drift : $drift)")
    printf '%-44s %12s   %s\n' "measure" "value" "target"
    printf '%-44s %12s   %s\n' "datagrams received" "${received:-?}" "$repeat_count: $(mark "${received:-0}" '>=' "$repeat_count")"
    printf '%-44s %12s   %s\n' "first to last datagram (s)" "${span:-?}" "ideal $ideal s"
    printf '%-44s %12s   %s\n' "drift (intervals)" "$drift" "within one interval: $(mark "$abs_drift" '<=' 1)"
    printf '%-44s %12s   %s\n' "sockplay-cli, start to exit (s)" "$(calc "sprintf(\"%.3f\", $repeat_t1 - $repeat_t0)")" \
      "start-up and stop included"
  fi
fi

say ""
say "bench: done in $SECONDS s"
