# {{TITLE}}
# Made by SockPlay from the endpoint's settings.
# Run it with: python3 {{FILE}}
{{NOTES}}

import socket  # Python's door to the operating system's sockets

HOST = {{HOST}}  # where to send
PORT = {{PORT}}
MESSAGE = {{MESSAGE}}  # the datagram

# socket: a new UDP socket (SOCK_DGRAM): no connection to make
udp_socket = socket.socket({{FAMILY}}, socket.SOCK_DGRAM)
# sendto: one datagram (the system binds a free port for the reply)
udp_socket.sendto(MESSAGE, (HOST, PORT))
print(f"sent {len(MESSAGE)} bytes to {HOST}:{PORT}", flush=True)
# UDP promises nothing: wait for a reply one second at most
udp_socket.settimeout(1.0)
try:
    # recvfrom: the reply, and who sent it
    reply, address = udp_socket.recvfrom(65535)
    print("received:", reply.decode("utf-8", errors="replace"), flush=True)
except socket.timeout:
    print("no reply within 1 second", flush=True)
# close: give the port back
udp_socket.close()
