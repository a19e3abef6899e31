#!/usr/bin/env python3
"""A chat client with the Python socket module, as a student would write it.

Connects, sends one line, then reads lines until it has received COUNT lines
from the others, prints each on stdout and closes. The first line of stdout
is "connected" once the socket is connected and its line sent.

    chat_client.py HOST PORT LINE COUNT
"""
import socket
import sys


def main():
    host, port, line, count = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.settimeout(15)
    sock.connect((host, port))
    sock.sendall((line + "\n").encode("utf-8"))
    print("connected", flush=True)
    with sock, sock.makefile("rb") as reader:
        for _ in range(count):
            received = reader.readline()
            if not received:
                break
            print(received.decode("utf-8").rstrip("\n"), flush=True)


if __name__ == "__main__":
    main()
