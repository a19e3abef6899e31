#!/usr/bin/env python3
"""udpflood.py PORT COUNT PEERS [--window | --burst N --pause S [--adaptive]]

Sends COUNT 64-byte datagrams to 127.0.0.1:PORT from PEERS sockets (PEERS
distinct source ports), round robin. Loopback only; standard library only.
Prints "sent N datagrams in S s", then "receiver: ..." with what the receiving
socket dropped.

How fast it sends decides what is measured, so there are two ways:

--window (the default): a bounded window in flight. Before each burst it asks
the kernel (netlink sock_diag, one exact lookup, ~10 us) how many bytes wait
unread in the receiving socket, and sends only while that stays under half the
socket's receive buffer. The receiver is never overrun, and the rate is what
the receiver sustains (or what this sender can do, a few hundred thousand
datagrams/s; it prints how often it had to wait, which tells which).

--paced: bursts of --burst datagrams with --pause seconds after each.
--adaptive doubles the pause after a burst that made the receiver drop and
shrinks it by 2 % after a clean one. It reads /proc/net/udp, which lists every
UDP socket (these PEERS too): that costs about a millisecond per burst.
"""
import argparse
import resource
import socket
import struct
import sys
import time

MAX_PAUSE = 0.02
ASSUMED_TRUESIZE = 1024  # kernel bytes per queued 64-byte datagram, rounded up (832 on x86-64 loopback)
MAX_BURST = 64

# netlink sock_diag (linux/inet_diag.h, linux/sock_diag.h)
NETLINK_SOCK_DIAG = 4
SOCK_DIAG_BY_FAMILY = 20
NLM_F_REQUEST = 1
NLMSG_ERROR = 2
INET_DIAG_SKMEMINFO = 7
SK_MEMINFO_RCVBUF = 1
SK_MEMINFO_DROPS = 8
INET_DIAG_NOCOOKIE = 0xFFFFFFFF


class SocketDiag:
    """The unread bytes, receive buffer and drop counter of the UDP socket bound to 127.0.0.1:port."""

    def __init__(self, port):
        self.nl = socket.socket(socket.AF_NETLINK, socket.SOCK_DGRAM, NETLINK_SOCK_DIAG)
        lo = socket.inet_aton("127.0.0.1")
        # An exact lookup "as if a datagram came from 127.0.0.1:1 to 127.0.0.1:port".
        sockid = (struct.pack("!HH", 1, port) + lo + bytes(12) + lo + bytes(12)
                  + struct.pack("=III", 0, INET_DIAG_NOCOOKIE, INET_DIAG_NOCOOKIE))
        req = struct.pack("=BBBBI", socket.AF_INET, socket.IPPROTO_UDP,
                          1 << (INET_DIAG_SKMEMINFO - 1), 0, 0xFFFFFFFF) + sockid
        self.request = struct.pack("=IHHII", 16 + len(req), SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST, 0, 0) + req

    def query(self):
        """(unread bytes, receive buffer bytes, drops), or None."""
        self.nl.send(self.request)
        data = self.nl.recv(4096)
        length, kind = struct.unpack_from("=IH", data)
        if kind != SOCK_DIAG_BY_FAMILY or length < 16 + 72:
            return None
        # struct inet_diag_msg: 4 bytes, sockid (48), expires, rqueue, wqueue, uid, inode
        (rqueue,) = struct.unpack_from("=I", data, 16 + 4 + 48 + 4)
        rcvbuf = drops = None
        at = 16 + 72
        while at + 4 <= length:
            alen, atype = struct.unpack_from("=HH", data, at)
            if alen < 4:
                break
            if atype == INET_DIAG_SKMEMINFO:
                info = struct.unpack_from("=%dI" % ((alen - 4) // 4), data, at + 4)
                if len(info) > SK_MEMINFO_DROPS:
                    rcvbuf, drops = info[SK_MEMINFO_RCVBUF], info[SK_MEMINFO_DROPS]
            at += (alen + 3) & ~3
        if rcvbuf is None:
            return None
        return rqueue, rcvbuf, drops


def proc_drops(port):
    """The drop counter of the UDP socket bound to port, from /proc/net/udp, or None."""
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


def open_diag(port):
    try:
        diag = SocketDiag(port)
        return diag if diag.query() is not None else None
    except OSError:
        return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("port", type=int)
    parser.add_argument("count", type=int)
    parser.add_argument("peers", type=int)
    parser.add_argument("--paced", action="store_true", help="pace by --burst/--pause instead of a window")
    parser.add_argument("--window", action="store_true", help="bounded window in flight (the default)")
    parser.add_argument("--burst", type=int, default=200)
    parser.add_argument("--pause", type=float, default=0.001)
    parser.add_argument("--adaptive", action="store_true")
    parser.add_argument("--timeout", type=float, default=240.0, help="stop sending after this many seconds")
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

    diag = None if args.paced else open_diag(args.port)
    if not args.paced and diag is None:
        print("udpflood: no sock_diag answer for the receiving socket: pacing instead", file=sys.stderr)
    drops_at_start = (diag.query()[2] if diag else proc_drops(args.port)) or 0

    sent = 0
    errors = 0
    waits = 0
    bursts = 0
    slowdowns = 0
    pause = args.pause
    max_pause = pause
    start = time.monotonic()
    deadline = start + args.timeout
    if diag:
        while sent < args.count:
            state = diag.query()
            room = (state[1] // 2 - state[0]) // ASSUMED_TRUESIZE if state else 0
            if room < 8:  # the receiver is behind: let it read
                waits += 1
                if waits % 256 == 0 and time.monotonic() > deadline:
                    break
                time.sleep(0.00005)
                continue
            end = min(args.count, sent + min(room, MAX_BURST))
            for i in range(sent, end):
                try:
                    senders[i % peers](payload, target)
                except OSError:  # ENOBUFS, or ECONNREFUSED once the receiver is gone
                    errors += 1
            sent = end
            bursts += 1
    else:
        drops = drops_at_start if args.adaptive else None
        while sent < args.count and time.monotonic() < deadline:
            end = min(args.count, sent + args.burst)
            for i in range(sent, end):
                try:
                    senders[i % peers](payload, target)
                except OSError:
                    errors += 1
            sent = end
            if drops is not None:
                now_drops = proc_drops(args.port)
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
    if diag:
        print(f"window: {bursts} bursts, waited for the receiver {waits} times", flush=True)
    elif args.adaptive:
        print(f"adaptive: {slowdowns} slowdowns, longest pause {max_pause * 1000:.1f} ms, "
              f"last pause {pause * 1000:.2f} ms", flush=True)
    drops_now = (diag.query() or (0, 0, None))[2] if diag else proc_drops(args.port)
    if drops_now is not None:
        print(f"receiver: dropped {drops_now - drops_at_start} while this ran", flush=True)
    if errors:
        print(f"udpflood: {errors} sends failed", file=sys.stderr)
    if sent < args.count:
        print(f"udpflood: stopped after {args.timeout} s with {args.count - sent} unsent", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
