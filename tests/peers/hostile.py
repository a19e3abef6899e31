#!/usr/bin/env python3
"""Hostile TCP peers for a SockPlay server on loopback.

    hostile.py flood --port P [--bytes N]
        Streams N bytes of 'x' (default 1 GiB), no delimiter, as fast as the
        server takes them. Halfway it prints "half" and waits for a line on
        stdin (the test checks the server meanwhile). After the flood it
        sends "\\nafter\\n": the newline ends the oversized frame, "after\\n"
        is a frame of its own, which an echoing server sends back. Prints
        "echo after" when that echo came, then closes.

    hostile.py loris --port P [--text T] [--interval S]
        Sends T (default "loris\\n") one byte every S seconds (default 1),
        printing "sent K" after each byte, then reads the echo of T and
        prints "echo T" (escaped), then closes.

    hostile.py reset --port P [--after N]
        Prints "connected", reads until N bytes came (default 1 MiB) from
        a server that is sending more, then closes with SO_LINGER 0: an RST
        in the middle of the server's write. Prints "reset after K".
"""
import argparse
import socket
import struct
import sys
import time

CHUNK = 1 << 20


def connect(port):
    s = socket.create_connection(("127.0.0.1", port), timeout=30)
    return s


def read_exactly(s, n):
    data = b""
    while len(data) < n:
        more = s.recv(n - len(data))
        if not more:
            break
        data += more
    return data


def flood(port, total):
    s = connect(port)
    chunk = b"x" * CHUNK
    sent = 0
    half_said = False
    while sent < total:
        if not half_said and sent >= total // 2:
            print("half", flush=True)
            sys.stdin.readline()
            half_said = True
        n = min(CHUNK, total - sent)
        s.sendall(chunk[:n])
        sent += n
    s.sendall(b"\nafter\n")
    echo = read_exactly(s, len(b"after\n"))
    print("echo", echo.decode("ascii", "backslashreplace").strip(), flush=True)
    s.close()
    return 0 if echo == b"after\n" else 1


def loris(port, text, interval):
    s = connect(port)
    data = text.encode("utf-8")
    for k in range(len(data)):
        if k > 0:
            time.sleep(interval)
        s.sendall(data[k:k + 1])
        print("sent", k + 1, flush=True)
    echo = read_exactly(s, len(data))
    print("echo", echo.decode("utf-8", "backslashreplace").encode("unicode_escape").decode("ascii"), flush=True)
    s.close()
    return 0 if echo == data else 1


def reset(port, after):
    s = connect(port)
    print("connected", flush=True)
    got = len(read_exactly(s, after))
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    s.close()  # unread bytes and SO_LINGER 0: the kernel sends an RST
    print("reset after", got, flush=True)
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["flood", "loris", "reset"])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--bytes", type=int, default=1 << 30)
    parser.add_argument("--text", default="loris\n")
    parser.add_argument("--interval", type=float, default=1.0)
    parser.add_argument("--after", type=int, default=1 << 20)
    args = parser.parse_args()
    if args.what == "flood":
        return flood(args.port, args.bytes)
    if args.what == "loris":
        return loris(args.port, args.text, args.interval)
    return reset(args.port, args.after)


if __name__ == "__main__":
    sys.exit(main())
