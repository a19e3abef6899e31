#!/usr/bin/env python3
"""The two ends of a conversation through a relay, written with Python's
socket (and ssl) module, for the relay tests.

server: binds to loopback and port 0, prints the chosen port on the first
  line of stdout, then serves --clients clients one after the other: each
  line a client sends is printed ("got LINE") and answered with "echo: LINE";
  a line "bye" is answered "bye" and closes the connection. With --cert and
  --key it speaks TLS. With --greeting it first sends that line.

client: connects to --port, prints "connected", sends each --send line and
  prints every line that comes back ("reply LINE"), one reply per line sent,
  then closes (--reset: with an RST, SO_LINGER 0, instead of a FIN). With
  --tls it speaks TLS, without verifying (the relay's certificate is made at
  its start). "closed" is printed when the peer closed before all replies came.

    relay_peer.py server [--cert C --key K] [--greeting TEXT] [--clients N]
    relay_peer.py client --port P [--tls] [--send LINE]... [--reset]
"""
import argparse
import socket
import ssl
import struct


def serve(args):
    context = None
    if args.cert:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.cert, args.key)
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    print(listener.getsockname()[1], flush=True)
    for _ in range(args.clients):
        conn, _addr = listener.accept()
        if context:
            try:
                conn = context.wrap_socket(conn, server_side=True)
            except (ssl.SSLError, OSError) as error:
                print("handshake failed: %s" % error, flush=True)
                conn.close()
                continue
        with conn, conn.makefile("rb") as reader:
            if args.greeting:
                conn.sendall(args.greeting.encode() + b"\n")
            try:
                for line in reader:
                    text = line.decode(errors="replace").rstrip("\n")
                    print("got " + text, flush=True)
                    if text == "bye":
                        conn.sendall(b"bye\n")
                        break
                    conn.sendall(b"echo: " + line)
            except ConnectionResetError:
                print("reset", flush=True)
                continue
        print("client gone", flush=True)
    listener.close()


def connect(args):
    conn = socket.create_connection(("127.0.0.1", args.port))
    if args.tls:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        conn = context.wrap_socket(conn)
    print("connected", flush=True)
    reader = conn.makefile("rb")
    for line in args.send:
        conn.sendall(line.encode() + b"\n")
        reply = reader.readline()
        if not reply:
            print("closed", flush=True)
            break
        print("reply " + reply.decode(errors="replace").rstrip("\n"), flush=True)
    if args.reset:
        # An abortive close: the kernel sends an RST, not a FIN.
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    conn.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["server", "client"])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--tls", action="store_true")
    parser.add_argument("--greeting")
    parser.add_argument("--clients", type=int, default=1)
    parser.add_argument("--send", action="append", default=[])
    parser.add_argument("--reset", action="store_true")
    args = parser.parse_args()
    if args.mode == "server":
        serve(args)
    else:
        connect(args)


if __name__ == "__main__":
    main()
