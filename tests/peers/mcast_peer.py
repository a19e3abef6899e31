#!/usr/bin/env python3
"""A multicast and broadcast peer, written with Python's socket module as its
documentation and the classic multicast examples show, for SockPlay's tests.
Everything stays on this machine: the interface is loopback ("lo").

    mcast_peer.py send [--ipv6] [--iface lo]
        A sender. Binds 127.0.0.1 (--ipv6: ::1) on a free port and sends
        multicast out of the interface; prints its port on the first line of
        stdout. Then, for each line "HOST PORT PAYLOAD" on stdin, sends
        PAYLOAD to HOST:PORT (a group, or any address) and prints "sent N"
        (N counting from 1), or "error N: REASON". Ends at the end of stdin.

    mcast_peer.py receive GROUP [--iface lo] [--count N]
        A group member. Binds the group's own address on a free port (so that
        nothing sent to another address reaches it), joins GROUP on the
        interface, prints its port on the first line, then one line per
        datagram: "from HOST:PORT ttl=T PAYLOAD" (T: the TTL or hop limit it
        arrived with, from IP_RECVTTL / IPV6_RECVHOPLIMIT). Exits after N.

    mcast_peer.py receive-broadcast ADDRESS [--count N]
        A broadcast receiver: binds ADDRESS (127.255.255.255, loopback's
        broadcast address) on a free port; prints like receive.
"""
import argparse
import socket
import struct
import sys

# Linux's numbers, where this Python does not name them.
IP_RECVTTL = getattr(socket, "IP_RECVTTL", 12)
IP_TTL = getattr(socket, "IP_TTL", 2)
IPV6_RECVHOPLIMIT = getattr(socket, "IPV6_RECVHOPLIMIT", 51)
IPV6_HOPLIMIT = getattr(socket, "IPV6_HOPLIMIT", 52)


def interface_address(name):
    """The IPv4 address of an interface (loopback's is 127.0.0.1)."""
    return "127.0.0.1" if name == "lo" else socket.gethostbyname(name)


def send(args):
    index = socket.if_nametoindex(args.iface)
    if args.ipv6:
        s = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
        s.bind(("::1", 0))
        s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_IF, index)
    else:
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.bind(("127.0.0.1", 0))
        s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, socket.inet_aton(interface_address(args.iface)))
    print(s.getsockname()[1], flush=True)
    count = 0
    for line in sys.stdin:
        host, port, payload = line.rstrip("\n").split(" ", 2)
        count += 1
        try:
            if args.ipv6:
                s.sendto(payload.encode(), (host, int(port), 0, index))
            else:
                s.sendto(payload.encode(), (host, int(port)))
            print("sent %d" % count, flush=True)
        except OSError as error:
            print("error %d: %s" % (count, error.strerror), flush=True)


def receive_loop(s, count):
    print(s.getsockname()[1], flush=True)
    received = 0
    while count == 0 or received < count:
        data, ancillary, _flags, sender = s.recvmsg(65535, socket.CMSG_SPACE(4) * 2)
        ttl = "?"
        for level, kind, value in ancillary:
            if (level, kind) in ((socket.IPPROTO_IP, IP_TTL), (socket.IPPROTO_IPV6, IPV6_HOPLIMIT)):
                ttl = str(struct.unpack("i", value[:4])[0])
        print("from %s:%d ttl=%s %s" % (sender[0], sender[1], ttl,
                                        data.decode("utf-8", errors="backslashreplace")), flush=True)
        received += 1


def receive(args):
    index = socket.if_nametoindex(args.iface)
    if ":" in args.group:
        s = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
        s.bind((args.group, 0, 0, index))
        s.setsockopt(socket.IPPROTO_IPV6, IPV6_RECVHOPLIMIT, 1)
        request = socket.inet_pton(socket.AF_INET6, args.group) + struct.pack("@I", index)
        s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_JOIN_GROUP, request)
    else:
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.bind((args.group, 0))
        s.setsockopt(socket.IPPROTO_IP, IP_RECVTTL, 1)
        request = socket.inet_aton(args.group) + socket.inet_aton(interface_address(args.iface))
        s.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, request)
    receive_loop(s, args.count)


def receive_broadcast(args):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind((args.address, 0))
    s.setsockopt(socket.IPPROTO_IP, IP_RECVTTL, 1)
    receive_loop(s, args.count)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    sender = commands.add_parser("send")
    sender.add_argument("--ipv6", action="store_true")
    sender.add_argument("--iface", default="lo")
    receiver = commands.add_parser("receive")
    receiver.add_argument("group")
    receiver.add_argument("--iface", default="lo")
    receiver.add_argument("--count", type=int, default=0)
    broadcast = commands.add_parser("receive-broadcast")
    broadcast.add_argument("address")
    broadcast.add_argument("--count", type=int, default=0)
    args = parser.parse_args()
    {"send": send, "receive": receive, "receive-broadcast": receive_broadcast}[args.command](args)


if __name__ == "__main__":
    main()
