#!/usr/bin/env python3
"""The beginner tutorial's TCP client (Python socket module).

As in the tutorial: create a socket, connect, recv(1024), print the decoded
message, close. The host and port are arguments instead of
('localhost', 12345); an address with a colon is IPv6.

    tutorial_client.py HOST PORT
"""
import socket
import sys


def main():
    host, port = sys.argv[1], int(sys.argv[2])
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    client_socket = socket.socket(family, socket.SOCK_STREAM)  # Create a TCP socket
    client_socket.connect((host, port))  # Connect to the server socket
    message = client_socket.recv(1024)  # Receive the message (up to 1024 bytes)
    print(message.decode('utf-8'), flush=True)  # Decode and print the message
    client_socket.close()  # Close the socket after the communication


if __name__ == "__main__":
    main()
