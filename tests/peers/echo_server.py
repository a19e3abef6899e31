#!/usr/bin/env python3
"""A line echo server like the Go tutorial's (net.Listen, Accept, then
bufio ReadString('\\n') and write each line back), in Python.

Binds to loopback and port 0, prints the chosen port on the first line of
stdout, and serves --clients clients one after the other: every line a client
sends comes back; when the client closes its sending side (EOF), the server
closes the connection.

    echo_server.py [--host 127.0.0.1|::1] [--clients N]
"""
import argparse
import socket


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1", help="127.0.0.1 or ::1")
    parser.add_argument("--clients", type=int, default=1, help="clients to serve, then exit")
    args = parser.parse_args()

    family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM)
    listener.bind((args.host, 0))
    listener.listen(5)
    print(listener.getsockname()[1], flush=True)

    for _ in range(args.clients):
        conn, _addr = listener.accept()
        with conn, conn.makefile("rb") as reader:
            for line in reader:  # like bufio.Reader.ReadString('\n'), until EOF
                conn.sendall(line)
    listener.close()


if __name__ == "__main__":
    main()
