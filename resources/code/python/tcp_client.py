# {{TITLE}}
# Made by SockPlay from the endpoint's settings.
# Run it with: python3 {{FILE}}
{{NOTES}}

import socket  # Python's door to the operating system's sockets

HOST = {{HOST}}  # the server's address
PORT = {{PORT}}  # the server's port
{{#message}}
MESSAGE = {{MESSAGE}}  # what to send
{{/message}}

# socket: a new TCP socket (SOCK_STREAM)
client_socket = socket.socket({{FAMILY}}, socket.SOCK_STREAM)
# connect: the handshake with the server (SYN, SYN-ACK, ACK)
client_socket.connect((HOST, PORT))
print(f"connected to {HOST}:{PORT}", flush=True)
{{#message}}
# send: the message (sendall calls send until every byte is out)
client_socket.sendall(MESSAGE)
{{/message}}
{{^line}}
# recv: wait for what the server sends (up to 4096 bytes; TCP is a stream,
# so a long reply can take several recv calls)
reply = client_socket.recv(4096)
{{/line}}
{{#line}}
# recv, one line: a file-like reader calls recv until it has a whole line
reader = client_socket.makefile("rb")
reply = reader.readline()
reader.close()
{{/line}}
if reply:
{{^line}}
    print("received:", reply.decode("utf-8", errors="replace"), flush=True)
{{/line}}
{{#line}}
    print("received:", reply.decode("utf-8", errors="replace").rstrip("\r\n"), flush=True)
{{/line}}
else:  # b"": the server closed the connection
    print("no reply: the server hung up", flush=True)
# close: hang up (the server's recv then returns b"")
client_socket.close()
