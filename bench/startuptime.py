#!/usr/bin/env python3
"""startuptime.py RUNS EXPECTED NAME CMD... [-- NAME CMD...]...

Runs each command RUNS times, alternating between them (a, b, a, b...), each with
"hi\\n" on its standard input, and times it from start to exit (the process is
started directly: no shell, no wrapper, nothing but the command in the time).
A run has 10 s before it is killed. Prints, per command:
    NAME_ms_median MS
    NAME_ms_min MS
    NAME_answered N     (runs whose standard output was EXPECTED, exactly)
Standard library only.
"""
import statistics
import subprocess
import sys
import time


def main():
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    runs, expected = int(sys.argv[1]), sys.argv[2].encode()
    commands, current = [], []
    for arg in sys.argv[3:]:
        if arg == "--":
            commands.append(current)
            current = []
        else:
            current.append(arg)
    commands.append(current)
    if any(len(c) < 2 for c in commands):
        sys.exit(__doc__)
    times = {c[0]: [] for c in commands}
    answered = {c[0]: 0 for c in commands}
    for _ in range(runs):
        for name, *argv in commands:
            start = time.perf_counter()
            try:
                done = subprocess.run(argv, input=b"hi\n", stdout=subprocess.PIPE,
                                      stderr=subprocess.DEVNULL, timeout=10)
                out = done.stdout
            except subprocess.TimeoutExpired:
                out = b""
            times[name].append((time.perf_counter() - start) * 1e3)
            answered[name] += out == expected
    for name, _ in ((c[0], None) for c in commands):
        print(f"{name}_ms_median {statistics.median(times[name]):.2f}")
        print(f"{name}_ms_min {min(times[name]):.2f}")
        print(f"{name}_answered {answered[name]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
