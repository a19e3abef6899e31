# {{TITLE}}
# Made by SockPlay from the endpoint's settings.
# Run it with: python3 {{FILE}}
# It receives datagrams until you stop it (Ctrl+C).
{{NOTES}}

import socket  # Python's door to the operating system's sockets

HOST = {{HOST}}  # the address to receive on
PORT = {{PORT}}  # 0: the operating system picks a free port

# socket: a new UDP socket (SOCK_DGRAM): no connections, only datagrams
udp_socket = socket.socket({{FAMILY}}, socket.SOCK_DGRAM)
# bind: claim the address and port, so that senders know where to send
udp_socket.bind((HOST, PORT))
port = udp_socket.getsockname()[1]  # the real port, also when PORT is 0
print(f"listening on {HOST}:{port}", flush=True)

while True:
    # recvfrom: wait for the next datagram; it says who sent it
    data, address = udp_socket.recvfrom(65535)
    text = data.decode("utf-8", errors="replace")
    print(f"received from {address[0]}:{address[1]}: {text}", flush=True)
{{#echo}}
    # sendto: echo the datagram back to its sender
    udp_socket.sendto(data, address)
{{/echo}}
