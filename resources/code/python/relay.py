# {{TITLE}}
# Made by SockPlay from the endpoint's settings.
# Run it with: python3 {{FILE}}
# It relays clients until you stop it (Ctrl+C): each client gets a connection
# of its own to the target, and one thread per client passes the bytes on
# both ways, reading whichever side has something to say.
{{NOTES}}

import socket  # Python's door to the operating system's sockets
{{#tls}}
import ssl  # TLS over a socket: the handshake, then encrypted bytes
{{/tls}}
import select  # wait until one of several sockets has bytes to read
import threading  # one thread per conversation

HOST = {{HOST}}  # the address to listen on
PORT = {{PORT}}  # 0: the operating system picks a free port
TARGET_HOST = {{TARGET_HOST}}  # where each client is passed on to
TARGET_PORT = {{TARGET_PORT}}
{{#listen_tls}}

# TLS for the clients: the relay proves who it is with this certificate
listen_tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
listen_tls.load_cert_chain({{LISTEN_CERT}}, {{LISTEN_KEY}})
{{#listen_verify}}
# Each client must present a certificate that these CAs vouch for
listen_tls.verify_mode = ssl.CERT_REQUIRED
{{#listen_ca}}
listen_tls.load_verify_locations({{LISTEN_CA}})
{{/listen_ca}}
{{^listen_ca}}
listen_tls.load_default_certs(ssl.Purpose.CLIENT_AUTH)
{{/listen_ca}}
{{/listen_verify}}
{{#listen_alpn}}
listen_tls.set_alpn_protocols({{LISTEN_ALPN}})  # application protocols accepted (ALPN)
{{/listen_alpn}}
{{/listen_tls}}
{{#target_tls}}

# TLS to the target: the relay checks the target's certificate, as a client does
{{#target_ca}}
target_tls = ssl.create_default_context(cafile={{TARGET_CA}})  # trust only these CAs
{{/target_ca}}
{{^target_ca}}
target_tls = ssl.create_default_context()  # trust the system's CAs
{{/target_ca}}
{{^target_verify}}
# Verification off: anyone in the middle could read the traffic
target_tls.check_hostname = False
target_tls.verify_mode = ssl.CERT_NONE
{{/target_verify}}
{{#target_cert}}
target_tls.load_cert_chain({{TARGET_CERT}}, {{TARGET_KEY}})  # our client certificate
{{/target_cert}}
{{#target_alpn}}
target_tls.set_alpn_protocols({{TARGET_ALPN}})  # application protocols offered (ALPN)
{{/target_alpn}}
SERVER_NAME = {{SERVER_NAME}}  # sent as SNI and looked for in the certificate
{{/target_tls}}


def text(data):
    # As a Python string, so that line ends show: 'hello\n'
    return repr(data.decode("utf-8", errors="replace"))


def readable(sockets):
    """The sockets with bytes to read. A TLS socket may hold bytes it has
    already decrypted, which select cannot see: those come first."""
    held = [side for side in sockets if getattr(side, "pending", lambda: 0)()]
    return held or select.select(sockets, [], [])[0]


def pipe(client, target, name):
    """Passes bytes both ways until either side closes. One thread reads and
    writes both sockets: a TLS connection is not to be read in one thread
    while another writes to it."""
    other = {client: (target, f"{name} ->"), target: (client, f"{name} <-")}
    try:
        while True:
            for source in readable([client, target]):
                destination, label = other[source]
                # recv: the bytes that came. TCP is a stream: they come in pieces of any size
                data = source.recv(4096)
                if not data:  # b"": this side closed, so the conversation ends
                    return
                print(f"{label} ({len(data)} bytes): {text(data)}", flush=True)
                # send: pass them on, unchanged (sendall calls send until every byte is out)
                destination.sendall(data)
    except OSError:
        pass  # a side reset the connection


def relay(client, address):
    name = f"{address[0]}:{address[1]}"
{{#listen_tls}}
    try:
        # The client's TLS handshake, in this client's thread
        client = listen_tls.wrap_socket(client, server_side=True)
    except (ssl.SSLError, OSError) as error:
        print(f"TLS handshake with {name} failed: {error}", flush=True)
        client.close()
        return
{{/listen_tls}}
    try:
        # connect: a connection of our own to the target, for this client
        target = socket.create_connection((TARGET_HOST, TARGET_PORT))
{{#target_tls}}
        target = target_tls.wrap_socket(target, server_hostname=SERVER_NAME)
{{/target_tls}}
    except OSError as error:
        print(f"cannot reach {TARGET_HOST}:{TARGET_PORT} for {name}: {error}", flush=True)
        client.close()
        return
    print(f"relaying {name} to {TARGET_HOST}:{TARGET_PORT}", flush=True)
    pipe(client, target, name)
    # close: both sockets of this conversation
    client.close()
    target.close()
    print(f"closed {name}", flush=True)


# socket: a new TCP socket (SOCK_STREAM) that clients connect to
server_socket = socket.socket({{FAMILY}}, socket.SOCK_STREAM)
# Let a restarted relay take the port again at once
server_socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
# bind: claim the address and port
server_socket.bind((HOST, PORT))
# listen: from now on the kernel accepts clients and queues them
server_socket.listen(5)
port = server_socket.getsockname()[1]  # the real port, also when PORT is 0
print(f"listening on {HOST}:{port}", flush=True)

while True:
    # accept: wait for the next client; each one is relayed in a thread of its own
    client, address = server_socket.accept()
    print(f"connection from {address[0]}:{address[1]}", flush=True)
    threading.Thread(target=relay, args=(client, address), daemon=True).start()
