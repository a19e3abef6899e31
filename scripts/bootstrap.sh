#!/usr/bin/env bash
# One command from a fresh Debian 12 / Ubuntu 22.04+ checkout to a running SockPlay.
#   scripts/bootstrap.sh run    install what is missing, build, start the GUI
#   scripts/bootstrap.sh test   install what is missing, build, run every test with ctest
#   scripts/bootstrap.sh sanitize   the same with AddressSanitizer and UBSan, in build-asan/
#   scripts/bootstrap.sh package    install what is missing, build, make the .deb
# Extra arguments after "run" go to sockplay; after "test" to ctest.
set -euo pipefail

mode=${1:-run}
[[ $# -gt 0 ]] && shift
case "$mode" in run|test|sanitize|package) ;; *) echo "usage: $0 run|test|sanitize|package [args...]" >&2; exit 2 ;; esac

cd "$(dirname "$0")/.."
build_dir=${SOCKPLAY_BUILD_DIR:-build}
# A build from scratch compiles the libraries in batches (SOCKPLAY_UNITY_BUILD).
# Line tables only (-g1): enough for backtraces with files and lines, and the
# eighty-odd test programs link without full debug information to carry.
cmake_args=(-DCMAKE_BUILD_TYPE="${SOCKPLAY_BUILD_TYPE:-RelWithDebInfo}" -DSOCKPLAY_UNITY_BUILD=ON
            "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG" "-DCMAKE_C_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG")
if [[ $mode == sanitize ]]; then
  # Only what the tests need, optimised a little (-O1: ASan's advice) and with
  # line tables only: a sanitizer build that fits in CI beside the normal one.
  build_dir=${SOCKPLAY_BUILD_DIR:-build-asan}
  # The tests' own code builds at -O0 (tests/CMakeLists.txt).
  cmake_args=(-DCMAKE_BUILD_TYPE=None "-DCMAKE_CXX_FLAGS=-O1 -g1"
              -DSOCKPLAY_SANITIZE=ON -DSOCKPLAY_EXTRAS=OFF -DSOCKPLAY_UNITY_BUILD=ON)
fi

# What building needs, what the GUI needs at run time (SVG icon, a font), and
# the foreign peers the tests talk to (Python's socket module, socat, nc), and
# libpcap, which reads back the pcapng files the fuzz tests write, and Go, which
# builds and runs the Go programs SockPlay generates. libssl-dev: the core makes
# self-signed certificates with OpenSSL (the library Qt's TLS backend loads);
# openssl: the TLS tests' foreign peer (s_server, s_client) and certificate maker.
# Qt WebSockets, and Python's websockets package, the WebSocket tests' foreign peer.
# Qt Serial Port: serial ports (its tests talk to socat's pseudo-terminals).
# tshark: Wireshark's reader, the foreign peer that reads back every capture we write.
packages=(cmake g++ ninja-build qt6-base-dev qt6-svg-dev libqt6svg6 qt6-websockets-dev fonts-dejavu-core qt6-l10n-tools qt6-tools-dev libssl-dev qt6-serialport-dev)
[[ $mode == test || $mode == sanitize ]] && packages+=(python3 python3-websockets python3-serial socat netcat-openbsd libpcap-dev golang-go openssl tshark)
# The man pages are written by help2man; cpack asks dpkg-shlibdeps for the dependencies.
[[ $mode == package ]] && packages+=(help2man dpkg-dev)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "bootstrap: installing ${missing[*]}"
  sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
fi

cmake -S . -B "$build_dir" -G Ninja "${cmake_args[@]}"
cmake --build "$build_dir" --parallel

if [[ $mode == run ]]; then
  exec "$build_dir/bin/sockplay" "$@"
fi
if [[ $mode == package ]]; then
  (cd "$build_dir" && cpack -G DEB)
  exit
fi
# CI installs the peers above, so a test must not skip for lack of one.
export SOCKPLAY_REQUIRE_PEERS=1
if [[ $mode == sanitize ]]; then
  # Any finding fails its test: ASan aborts, UBSan stops (-fno-sanitize-recover),
  # LeakSanitizer reports at a normal exit.
  export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1:detect_stack_use_after_return=0}
  export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
  # tst_codegen_cpp compiles the generated C++ programs with g++: minutes of
  # the compiler's time, and none of SockPlay's code runs (tst_codegen covers
  # the generator). Every other test runs.
  # Three at a time: instrumented tests wait on their peers even more than
  # the normal ones compute (the floods never run two at once: RESOURCE_LOCK).
  exec ctest --test-dir "$build_dir" --output-on-failure --timeout 300 --parallel 3 -E '^tst_codegen_cpp$' "$@"
fi
# Two at a time: most tests wait on sockets and peers more than they compute.
ctest --test-dir "$build_dir" --output-on-failure --timeout 300 --parallel 2 "$@"
