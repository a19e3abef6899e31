#!/usr/bin/env python3
"""A TLS peer written with Python's ssl module, for the TLS tests.

server: binds to loopback and port 0, prints the chosen port on the first
  line of stdout, then serves --clients clients one after the other: after
  the handshake it prints "secured VERSION CIPHER ALPN" (ALPN "-" when none),
  sends --greeting (if any), and sends every line back with "echo: " before
  it; a line "bye" closes the connection.

client: connects to --port, verifies the server against --ca (or not, with
  --insecure), prints "secured VERSION CIPHER ALPN", sends each --send line,
  prints every line that comes back until --expect lines came (or the server
  closed), then closes. A verification failure prints "verify failed: REASON"
  and exits with 3. With --cert and --key it presents that client
  certificate; a server that refuses it (or wants one) ends the handshake:
  "handshake failed: REASON", exit 4.

    tls_peer.py server --cert C --key K [--alpn h2,http/1.1] [--greeting TEXT] [--clients N]
    tls_peer.py client --port P [--ca F | --insecure] [--cert C --key K] [--sni NAME] [--alpn ...]
                       [--send LINE]... [--expect N]
"""
import argparse
import socket
import ssl
import sys


def describe(conn):
    return "secured %s %s %s" % (conn.version(), conn.cipher()[0], conn.selected_alpn_protocol() or "-")


def serve(args):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(args.cert, args.key)
    if args.alpn:
        context.set_alpn_protocols(args.alpn.split(","))
    family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM)
    listener.bind((args.host, 0))
    listener.listen(5)
    print(listener.getsockname()[1], flush=True)
    served = 0
    while served < args.clients:
        raw, _addr = listener.accept()
        try:
            conn = context.wrap_socket(raw, server_side=True)
        except (ssl.SSLError, OSError) as error:
            print("handshake failed: %s" % error, flush=True)
            raw.close()
            continue
        served += 1
        print(describe(conn), flush=True)
        with conn, conn.makefile("rb") as reader:
            if args.greeting:
                conn.sendall(args.greeting.encode() + b"\n")
            for line in reader:
                if line.strip() == b"bye":
                    break
                conn.sendall(b"echo: " + line)
    listener.close()


def connect(args):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    if args.insecure:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    else:
        context.load_verify_locations(args.ca)
    if args.alpn:
        context.set_alpn_protocols(args.alpn.split(","))
    if args.cert:
        context.load_cert_chain(args.cert, args.key)
    raw = socket.create_connection((args.host, args.port))
    try:
        conn = context.wrap_socket(raw, server_hostname=args.sni or args.host)
    except ssl.SSLCertVerificationError as error:
        print("verify failed: %s" % error.verify_message, flush=True)
        sys.exit(3)
    except (ssl.SSLError, OSError) as error:
        print("handshake failed: %s" % error, flush=True)
        sys.exit(4)
    print(describe(conn), flush=True)
    with conn, conn.makefile("rb") as reader:
        for line in args.send:
            conn.sendall(line.encode() + b"\n")
        for _ in range(args.expect):
            try:
                line = reader.readline()
            except (ssl.SSLError, OSError) as error:
                # TLS 1.3: a server refuses a client certificate after the client's handshake is done.
                print("handshake failed: %s" % error, flush=True)
                sys.exit(4)
            if not line:
                break
            print(line.decode(errors="replace"), end="", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["server", "client"])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--ca")
    parser.add_argument("--insecure", action="store_true")
    parser.add_argument("--sni")
    parser.add_argument("--alpn")
    parser.add_argument("--greeting")
    parser.add_argument("--clients", type=int, default=1)
    parser.add_argument("--send", action="append", default=[])
    parser.add_argument("--expect", type=int, default=0)
    args = parser.parse_args()
    if args.mode == "server":
        serve(args)
    else:
        connect(args)


if __name__ == "__main__":
    main()
