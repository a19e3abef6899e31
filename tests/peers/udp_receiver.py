#!/usr/bin/env python3
"""The beginner tutorial's UDP receiver (Python socket module), made testable.

As in the tutorial: bind, recvfrom, print the message, sendto(b'hello') back
to the sender. The tutorial's listing creates a SOCK_STREAM socket and calls
bind() without a tuple (typos); this is the program it meant: SOCK_DGRAM,
bind((host, port)). It binds to loopback and port 0, prints the chosen port on
the first line of stdout, then the payload it received (decoded, undecodable
bytes escaped) on the second, and exits after one datagram.

    udp_receiver.py [--host 127.0.0.1|::1]
"""
import argparse
import socket


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1", help="127.0.0.1 or ::1")
    args = parser.parse_args()

    family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
    s = socket.socket(family, socket.SOCK_DGRAM)
    s.bind((args.host, 0))
    print(s.getsockname()[1], flush=True)
    bufsize = 8192
    message, address = s.recvfrom(bufsize)
    print(message.decode("utf-8", errors="backslashreplace"), flush=True)
    s.sendto(b'hello', address)
    s.close()


if __name__ == "__main__":
    main()
