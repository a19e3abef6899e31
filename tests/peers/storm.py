#!/usr/bin/env python3
"""Storms of peers against a SockPlay server on loopback, bounded in time.

    storm.py connect --port P [--count 10000] [--batch 250]
        Opens --batch TCP connections at once (non-blocking connects), waits
        until every one is established, closes them all (FIN, not RST), and
        again until --count connections were made. Prints "done N" (the
        connections established) on its last line; exits 1 on a failure
        (refused, reset before we closed, a connect that never completes).

    storm.py udp --port P [--count 100000] [--batch 200]
        Sends one datagram from each of --count distinct (address, port)
        pairs: every 127.x.y.z is loopback on Linux, so it binds
        127.77.0.1, 127.77.0.2, ... and on each a range of ports. Senders go
        in batches and wait for the server's echo (resending up to three
        times), so the server's socket buffer never overflows and each
        sender is known to have been heard. Prints "done N" (the senders
        that got their echo). A port already taken on an address is skipped.
"""
import argparse
import errno
import selectors
import socket
import sys
import time

TIMEOUT_S = 10.0  # per batch: a passing run never waits this long


def connect_storm(port, count, batch):
    made = 0
    while made < count:
        n = min(batch, count - made)
        sockets = []
        selector = selectors.DefaultSelector()
        for _ in range(n):
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.setblocking(False)
            err = s.connect_ex(("127.0.0.1", port))
            if err not in (0, errno.EINPROGRESS):
                print("connect failed:", errno.errorcode.get(err, err), flush=True)
                return 1
            sockets.append(s)
            selector.register(s, selectors.EVENT_WRITE)
        pending = n
        deadline = time.monotonic() + TIMEOUT_S
        while pending > 0:
            left = deadline - time.monotonic()
            if left <= 0:
                print("connects never completed:", pending, "of", n, flush=True)
                return 1
            for key, _ in selector.select(left):
                s = key.fileobj
                err = s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
                if err != 0:
                    print("connect failed:", errno.errorcode.get(err, err), flush=True)
                    return 1
                selector.unregister(s)
                pending -= 1
        selector.close()
        for s in sockets:
            s.close()  # a FIN: the server sees the client close
        made += n
    print("done", made, flush=True)
    return 0


def udp_senders(port, count, batch):
    server = ("127.0.0.1", port)
    first_port, last_port = 20000, 29999  # per address: 10,000 ports
    addresses = (f"127.77.{i // 250}.{i % 250 + 1}" for i in range(100000))
    address = next(addresses)
    next_port = first_port
    heard = 0
    made = 0
    payload = b"x"
    while made < count:
        selector = selectors.DefaultSelector()
        senders = []
        while len(senders) < min(batch, count - made):
            if next_port > last_port:
                address, next_port = next(addresses), first_port
            s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            try:
                s.bind((address, next_port))
            except OSError:
                s.close()  # taken on this machine: the next port
                next_port += 1
                continue
            next_port += 1
            s.setblocking(False)
            senders.append(s)
            selector.register(s, selectors.EVENT_READ)
        made += len(senders)
        waiting = set(senders)
        for attempt in range(4):
            for s in waiting:
                s.sendto(payload, server)
            deadline = time.monotonic() + (0.5 if attempt < 3 else TIMEOUT_S)
            while waiting:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                for key, _ in selector.select(left):
                    try:
                        key.fileobj.recvfrom(64)
                    except BlockingIOError:
                        continue
                    if key.fileobj in waiting:
                        waiting.discard(key.fileobj)
                        heard += 1
            if not waiting:
                break
        selector.close()
        for s in senders:
            s.close()
    print("done", heard, flush=True)
    return 0 if heard == made else 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["connect", "udp"])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--count", type=int)
    parser.add_argument("--batch", type=int)
    args = parser.parse_args()
    if args.what == "connect":
        return connect_storm(args.port, args.count or 10000, args.batch or 250)
    return udp_senders(args.port, args.count or 100000, args.batch or 200)


if __name__ == "__main__":
    sys.exit(main())
