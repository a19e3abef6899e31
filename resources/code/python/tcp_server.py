# {{TITLE}}
# Made by SockPlay from the endpoint's settings.
# Run it with: python3 {{FILE}}
# It serves one client after another until you stop it (Ctrl+C).
{{NOTES}}

import socket  # Python's door to the operating system's sockets

HOST = {{HOST}}  # the address to listen on
PORT = {{PORT}}  # 0: the operating system picks a free port
{{#greet}}
GREETING = {{GREETING}}  # sent to each client as it connects
{{/greet}}

# socket: a new TCP socket (SOCK_STREAM)
server_socket = socket.socket({{FAMILY}}, socket.SOCK_STREAM)
# Let a restarted server take the port again at once
server_socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
# bind: claim the address and port
server_socket.bind((HOST, PORT))
# listen: from now on the kernel accepts clients and queues them (5 at most)
server_socket.listen(5)
port = server_socket.getsockname()[1]  # the real port, also when PORT is 0
print(f"listening on {HOST}:{port}", flush=True)

while True:
    # accept: wait for the next client; conn is a socket for it alone
    conn, address = server_socket.accept()
    print(f"connection from {address[0]}:{address[1]}", flush=True)
{{#greet}}
    # send: the greeting (sendall calls send until every byte is out)
    conn.sendall(GREETING)
{{/greet}}
{{^close}}
{{^line}}
    while True:
        # recv: wait for bytes. TCP is a stream: one recv may hold part of
        # a message, or several messages
        data = conn.recv(4096)
        if not data:  # b"": the client closed its side
            break
        print("received:", data.decode("utf-8", errors="replace"), flush=True)
{{#echo}}
        # send: echo the bytes back
        conn.sendall(data)
{{/echo}}
{{/line}}
{{#line}}
    # Line framing: a file-like reader calls recv until it has a whole line
    reader = conn.makefile("rb")
    for line in reader:  # one line at a time, until the client closes its side
        print("received:", line.decode("utf-8", errors="replace").rstrip("\r\n"), flush=True)
{{#echo}}
        # send: echo the line back
        conn.sendall(line)
{{/echo}}
    reader.close()
{{/line}}
{{/close}}
    # close: done with this client (the server keeps listening for the next)
    conn.close()
    print(f"closed {address[0]}:{address[1]}", flush=True)
