#!/usr/bin/env python3
"""The beginner tutorial's TCP server (Python socket module), made testable.

As in the tutorial: create a socket, bind, listen, accept, send
b'Welcome to the server!' and close the client socket. Differences, so that
tests can run it: it binds to loopback and port 0 (the system picks a free
port), prints that port on the first line of stdout, and exits after serving
--clients clients instead of looping forever.

    welcome_server.py [--host 127.0.0.1|::1] [--clients N]
"""
import argparse
import socket


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1", help="127.0.0.1 or ::1")
    parser.add_argument("--clients", type=int, default=1, help="clients to serve, then exit")
    args = parser.parse_args()

    family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
    server_socket = socket.socket(family, socket.SOCK_STREAM)  # Create a TCP socket
    server_socket.bind((args.host, 0))  # Bind to loopback; port 0: the system picks one
    server_socket.listen(5)  # Enable the server to accept connections
    print(server_socket.getsockname()[1], flush=True)

    for _ in range(args.clients):
        client_socket, addr = server_socket.accept()  # Accept a connection from the client
        print(f"Connection from {addr} has been established!", flush=True)
        client_socket.send(b'Welcome to the server!')  # Send a byte message to the client
        client_socket.close()  # Close the client socket after sending the message
    server_socket.close()


if __name__ == "__main__":
    main()
