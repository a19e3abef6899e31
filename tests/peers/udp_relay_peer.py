#!/usr/bin/env python3
"""The two ends of a UDP conversation through a UDP relay, written with
Python's socket module, for the UDP relay tests.

server: binds to 127.0.0.1 and port 0 (SOCK_DGRAM), prints the chosen port on
  the first line of stdout, then answers each datagram: prints "got TEXT" and
  sends "echo: TEXT" back to its sender, one datagram for one datagram; a
  datagram "bye" is answered "bye". It exits after --byes of them.

client: sends each --send datagram to 127.0.0.1:--port and waits for one
  reply datagram, printing "reply TEXT" ("no reply" after --timeout seconds),
  then reads --extra more replies the same way. --burst sends every --send
  datagram first, then reads one reply per datagram sent. --flood N sends N
  datagrams of --size bytes without reading anything, then prints "sent N".

    udp_relay_peer.py server [--byes N]
    udp_relay_peer.py client --port P [--send TEXT]... [--burst] [--extra K] [--timeout S]
    udp_relay_peer.py client --port P --flood N [--size B]
"""
import argparse
import socket


def serve(args):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.1", 0))
    print(s.getsockname()[1], flush=True)
    byes = 0
    while byes < args.byes:
        data, sender = s.recvfrom(65536)
        text = data.decode(errors="replace")
        print("got " + text, flush=True)
        if text == "bye":
            s.sendto(b"bye", sender)
            byes += 1
        else:
            s.sendto(b"echo: " + data, sender)
    s.close()


def read_reply(s):
    try:
        data = s.recv(65536)
        print("reply " + data.decode(errors="replace"), flush=True)
    except socket.timeout:
        print("no reply", flush=True)


def client(args):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.connect(("127.0.0.1", args.port))
    s.settimeout(args.timeout)
    if args.flood:
        payload = b"x" * max(0, args.size - 6)
        for i in range(args.flood):
            try:
                s.send(b"%06d" % (i % 1000000) + payload)
            except ConnectionRefusedError:
                pass  # an ICMP error of an earlier datagram; UDP goes on
        print("sent %d" % args.flood, flush=True)
        return
    if args.burst:
        for text in args.send:
            s.send(text.encode())
        for _ in args.send:
            read_reply(s)
    else:
        for text in args.send:
            s.send(text.encode())
            read_reply(s)
    for _ in range(args.extra):
        read_reply(s)
    s.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["server", "client"])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--byes", type=int, default=1)
    parser.add_argument("--send", action="append", default=[])
    parser.add_argument("--burst", action="store_true")
    parser.add_argument("--extra", type=int, default=0)
    parser.add_argument("--timeout", type=float, default=10.0)
    parser.add_argument("--flood", type=int, default=0)
    parser.add_argument("--size", type=int, default=100)
    args = parser.parse_args()
    if args.mode == "server":
        serve(args)
    else:
        client(args)


if __name__ == "__main__":
    main()
