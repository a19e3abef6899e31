#!/usr/bin/env python3
"""A WebSocket peer written with Python's websockets package (not by us), for
the tests: a server, a client, or a peer that sends garbage.

server [--subprotocol S]... [--cert FILE --key FILE [--client-ca FILE]]
    Binds to 127.0.0.1, port 0, prints the port on the first line, then serves
    clients; with --cert and --key over TLS (wss://, Python's ssl), and with
    --client-ca it requires a client certificate that FILE vouches for. Over
    TLS, for each client: "sni NAME" (or "sni -") as its ClientHello
    arrives, "peer-cert CN" (or "peer-cert -") once it is open, and
    "tls-failed REASON" for a handshake that fails. For each: "open PATH SUBPROTOCOL" and "header NAME: VALUE" for
    each request header that is not the handshake's own. Each message is
    printed ("text hello", "binary 0102") and sent back as the same kind,
    except commands sent as text: "close:CODE:REASON" closes with that code,
    "ping:DATA" pings the client (prints "pong DATA" when it answers). When
    a client leaves: "closed CODE REASON".

client URL [--subprotocol S]... [--header 'K: V']... [--ca FILE]
    Connects (wss://: verifying the server against --ca, a PEM file); prints "connected SUBPROTOCOL"; then each message that arrives
    ("text hello", "binary 0102"), each ping answered is Qt-invisible. Reads
    commands from stdin, one a line: "text T", "binary HEX", "big N" (a text
    message of N bytes), "ping DATA" (prints "pong DATA"), "close CODE REASON".
    Ends with "closed CODE REASON" however the connection ended.

garbage HOST PORT TEXT
    Opens a plain TCP connection, sends TEXT, prints "eof" when the server
    closes the connection (or "timeout" after 10 s).
"""
import argparse
import asyncio
import socket
import ssl
import sys

import websockets

HANDSHAKE = {"host", "upgrade", "connection", "sec-websocket-key", "sec-websocket-version",
             "sec-websocket-protocol", "sec-websocket-extensions", "user-agent"}


def show(message):
    if isinstance(message, str):
        return "text " + message
    return "binary " + message.hex()


def server_context(args):
    if not args.cert:
        return None
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(args.cert, args.key)
    if args.client_ca:
        context.verify_mode = ssl.CERT_REQUIRED
        context.load_verify_locations(args.client_ca)

    def sni(sslobj, name, ctx):
        print("sni", name or "-", flush=True)
    context.sni_callback = sni
    return context


def common_name(certificate):
    for entry in (certificate or {}).get("subject", ()):
        for key, value in entry:
            if key == "commonName":
                return value
    return "-"


async def serve(args):
    context = server_context(args)
    if context:
        # A failed handshake is the client's problem: say why, keep serving.
        def on_error(loop, info):
            print("tls-failed", info.get("exception") or info.get("message"), flush=True)
        asyncio.get_running_loop().set_exception_handler(on_error)

    async def handler(ws, path):
        if context:
            print("peer-cert", common_name(ws.transport.get_extra_info("peercert")), flush=True)
        print("open", path, ws.subprotocol or "-", flush=True)
        for name, value in ws.request_headers.raw_items():
            if name.lower() not in HANDSHAKE:
                print("header %s: %s" % (name, value), flush=True)
        try:
            async for message in ws:
                print(show(message), flush=True)
                if isinstance(message, str) and message.startswith("close:"):
                    _, code, reason = message.split(":", 2)
                    await ws.close(int(code), reason)
                    break
                if isinstance(message, str) and message.startswith("ping:"):
                    data = message[5:]
                    await (await ws.ping(data.encode()))
                    print("pong", data, flush=True)
                    continue
                await ws.send(message)
        except websockets.ConnectionClosed:
            pass
        await ws.wait_closed()
        print("closed", ws.close_code, ws.close_reason, flush=True)

    async with websockets.serve(handler, "127.0.0.1", 0, subprotocols=args.subprotocol or None,
                                max_size=None, ssl=context) as server:
        print(server.sockets[0].getsockname()[1], flush=True)
        await asyncio.Future()


async def client(args):
    headers = [tuple(part.strip() for part in header.split(":", 1)) for header in args.header]
    context = None
    if args.url.startswith("wss:"):
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        context.load_verify_locations(args.ca)
    ws = await websockets.connect(args.url, subprotocols=args.subprotocol or None, extra_headers=headers,
                                  max_size=None, ssl=context)
    print("connected", ws.subprotocol or "-", flush=True)

    async def read():
        try:
            async for message in ws:
                print(show(message), flush=True)
        except websockets.ConnectionClosed:
            pass

    reader = asyncio.create_task(read())
    loop = asyncio.get_running_loop()
    while not reader.done():
        line_task = loop.run_in_executor(None, sys.stdin.readline)
        done, _ = await asyncio.wait({reader, line_task}, return_when=asyncio.FIRST_COMPLETED)
        if line_task not in done:
            break
        line = line_task.result()
        if not line:
            await ws.close()
            break
        command, _, rest = line.rstrip("\n").partition(" ")
        try:
            if command == "text":
                await ws.send(rest)
            elif command == "binary":
                await ws.send(bytes.fromhex(rest))
            elif command == "big":
                await ws.send("x" * int(rest))
            elif command == "ping":
                await (await ws.ping(rest.encode()))
                print("pong", rest, flush=True)
            elif command == "close":
                code, _, reason = rest.partition(" ")
                await ws.close(int(code), reason)
                break
        except websockets.ConnectionClosed:
            break
    await reader
    await ws.wait_closed()
    print("closed", ws.close_code, ws.close_reason, flush=True)
    # stdin's reader thread may still wait for a line: leave without it.
    sys.stdout.flush()
    import os
    os._exit(0)


def garbage(args):
    with socket.create_connection((args.host, args.port)) as conn:
        conn.sendall(args.text.encode())
        conn.settimeout(10)
        try:
            while conn.recv(4096):
                pass
            print("eof", flush=True)
        except socket.timeout:
            print("timeout", flush=True)
        except ConnectionResetError:
            print("eof", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="mode", required=True)
    server_args = sub.add_parser("server")
    server_args.add_argument("--subprotocol", action="append")
    server_args.add_argument("--cert")
    server_args.add_argument("--key")
    server_args.add_argument("--client-ca")
    client_args = sub.add_parser("client")
    client_args.add_argument("url")
    client_args.add_argument("--subprotocol", action="append")
    client_args.add_argument("--header", action="append", default=[])
    client_args.add_argument("--ca")
    garbage_args = sub.add_parser("garbage")
    garbage_args.add_argument("host")
    garbage_args.add_argument("port", type=int)
    garbage_args.add_argument("text")
    args = parser.parse_args()
    if args.mode == "server":
        asyncio.run(serve(args))
    elif args.mode == "client":
        asyncio.run(client(args))
    else:
        garbage(args)


if __name__ == "__main__":
    main()
