#!/usr/bin/env python3
"""udpflood.py PORT COUNT PEERS [--burst N] [--pause S] [--adaptive]

Sends COUNT 64-byte datagrams to 127.0.0.1:PORT from PEERS sockets (PEERS
distinct source ports), round robin, in bursts of N (default 200) with a short
pause (default 0.001 s) after each, so that a receiver that keeps up is not
overrun. Prints "sent N datagrams in S s". Loopback only; standard library only.

--adaptive also watches the receiving socket's drop counter (/proc/net/udp):
after a burst that made it drop, the pause doubles (up to 20 ms); after a clean
one it shrinks back by 2 % (down to --pause). The rate it settles at is what
the receiver sustains. It prints a second line: "adaptive: ...".
"""
import argparse
import resource
import socket
import sys
import time

MAX_PAUSE = 0.02


def socket_drops(port):
    """The drop counter of the UDP socket bound to port, or None."""
    suffix = ":%04X" % port
    try:
        with open("/proc/net/udp") as f:
            next(f)
            for line in f:
                fields = line.split()
                if fields[1].endswith(suffix):
                    return int(fields[12])
    except (OSError, ValueError, IndexError, StopIteration):
        pass
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("port", type=int)
    parser.add_argument("count", type=int)
    parser.add_argument("peers", type=int)
    parser.add_argument("--burst", type=int, default=200)
    parser.add_argument("--pause", type=float, default=0.001)
    parser.add_argument("--adaptive", action="store_true")
    args = parser.parse_args()
    if not (0 < args.port < 65536 and args.count >= 0 and args.peers > 0 and args.burst > 0):
        parser.error("bad arguments")

    # A thousand sockets may need more than the default 1,024 descriptors.
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = args.peers + 64
    if soft != resource.RLIM_INFINITY and soft < want:
        limit = want if hard == resource.RLIM_INFINITY else min(want, hard)
        resource.setrlimit(resource.RLIMIT_NOFILE, (limit, hard))

    socks = []
    for _ in range(args.peers):
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.bind(("127.0.0.1", 0))
        socks.append(s)
    senders = [s.sendto for s in socks]
    target = ("127.0.0.1", args.port)
    payload = bytes(range(64))
    peers = len(senders)

    sent = 0
    errors = 0
    pause = args.pause
    drops = socket_drops(args.port) if args.adaptive else None
    slowdowns = 0
    max_pause = pause
    start = time.monotonic()
    while sent < args.count:
        end = min(args.count, sent + args.burst)
        for i in range(sent, end):
            try:
                senders[i % peers](payload, target)
            except OSError:  # ECONNREFUSED from an earlier ICMP, ENOBUFS
                errors += 1
        sent = end
        if drops is not None:
            now_drops = socket_drops(args.port)
            if now_drops is not None and now_drops > drops:
                pause = min(MAX_PAUSE, max(pause * 2, 0.0005))
                slowdowns += 1
                max_pause = max(max_pause, pause)
            else:
                pause = max(args.pause, pause * 0.98)
            drops = now_drops if now_drops is not None else drops
        if pause > 0:
            time.sleep(pause)
    elapsed = time.monotonic() - start
    for s in socks:
        s.close()
    print(f"sent {sent - errors} datagrams in {elapsed:.3f} s", flush=True)
    if args.adaptive:
        print(f"adaptive: {slowdowns} slowdowns, longest pause {max_pause * 1000:.1f} ms, "
              f"last pause {pause * 1000:.2f} ms", flush=True)
    if errors:
        print(f"udpflood: {errors} sends failed", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
