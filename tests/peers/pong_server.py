#!/usr/bin/env python3
"""A line server for scripted checks: answers "PING N" with "PONG N".

Binds to loopback and port 0, prints the chosen port on the first line of
stdout, and serves --clients clients one after the other. Each line a client
sends that reads "PING N" is answered with "<reply> N" (--reply, default
PONG: --reply PONX makes a server that answers wrongly); --silent never
answers; --flood N first sends N lines that match nothing ("noise K"), then
serves as usual. A client's EOF ends its connection.

    pong_server.py [--host 127.0.0.1|::1] [--clients N] [--reply WORD] [--silent] [--flood N]
"""
import argparse
import socket


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1", help="127.0.0.1 or ::1")
    parser.add_argument("--clients", type=int, default=1, help="clients to serve, then exit")
    parser.add_argument("--reply", default="PONG", help="the word of the answer")
    parser.add_argument("--silent", action="store_true", help="never answer")
    parser.add_argument("--flood", type=int, default=0, help="lines of noise sent on connect")
    args = parser.parse_args()

    family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM)
    listener.bind((args.host, 0))
    listener.listen(5)
    print(listener.getsockname()[1], flush=True)

    for _ in range(args.clients):
        conn, _addr = listener.accept()
        with conn, conn.makefile("rb") as reader:
            if args.flood:
                conn.sendall(b"".join(b"noise %d\n" % k for k in range(args.flood)))
            for line in reader:
                words = line.split()
                if args.silent or len(words) != 2 or words[0] != b"PING":
                    continue
                conn.sendall(args.reply.encode() + b" " + words[1] + b"\n")
    listener.close()


if __name__ == "__main__":
    main()
