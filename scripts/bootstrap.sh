#!/usr/bin/env bash
# One command from a fresh Debian 12 / Ubuntu 22.04+ checkout to a running SockPlay.
#   scripts/bootstrap.sh run    install what is missing, build, start the GUI
#   scripts/bootstrap.sh test   install what is missing, build, run every test with ctest
# Extra arguments after "run" go to sockplay; after "test" to ctest.
set -euo pipefail

mode=${1:-run}
[[ $# -gt 0 ]] && shift
case "$mode" in run|test|package) ;; *) echo "usage: $0 run|test|package [args...]" >&2; exit 2 ;; esac

cd "$(dirname "$0")/.."
build_dir=${SOCKPLAY_BUILD_DIR:-build}

# What building needs, what the GUI needs at run time (SVG icon, a font), and
# the foreign peers the tests talk to (Python's socket module, socat, nc), and
# libpcap, which reads back the pcapng files the fuzz tests write, and Go, which
# builds and runs the Go programs SockPlay generates.
packages=(cmake g++ ninja-build qt6-base-dev qt6-svg-dev libqt6svg6 fonts-dejavu-core qt6-l10n-tools qt6-tools-dev)
[[ $mode == test ]] && packages+=(python3 socat netcat-openbsd libpcap-dev golang-go)
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

cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="${SOCKPLAY_BUILD_TYPE:-RelWithDebInfo}"
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
ctest --test-dir "$build_dir" --output-on-failure --timeout 300 "$@"
