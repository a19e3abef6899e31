#!/usr/bin/env python3
"""The far end of a serial line, for the serial tests.

Opens DEVICE (one end of a pseudo-terminal pair that socat made) with
os.open and puts it in raw mode with termios, as a program at the other end
of a real serial cable would, and prints "ready" on its first line.

Relay (the default): writes to stdout the bytes it reads from the line, and
to the line the bytes it reads on stdin. When the line hangs up (socat ended)
it prints "hangup" on stderr and exits.

--flood N: writes N bytes (a counting pattern) to the line as fast as the
line takes them and reads nothing back until the line "read" arrives on
stdin; then it reads until N bytes came back and prints "echo ok N" when
they are the N bytes it sent (an echo), else "echo bad K".

--openpty instead of DEVICE: makes a pseudo-terminal itself (os.openpty),
prints "pty PATH" (the end to open) before "ready", and is the other end.
Nothing sits between the two ends then: a socat in the middle blocks both
directions when one of them is full, which hides whether the far side
stopped reading.

    serial_peer.py DEVICE|--openpty [--flood N]
"""
import argparse
import os
import select
import sys
import tty


def pattern(size):
    block = bytes(range(256))
    return (block * (size // 256 + 1))[:size]


def relay(fd):
    to_line = b""
    stdin_open = True
    while True:
        readers = [fd] + ([0] if stdin_open else [])
        writers = [fd] if to_line else []
        readable, writable, _ = select.select(readers, writers, [])
        if fd in readable:
            try:
                data = os.read(fd, 65536)
            except BlockingIOError:
                data = None
            except OSError:
                data = b""  # EIO: the line hung up
            if data == b"":
                print("hangup", file=sys.stderr, flush=True)
                return
            if data:
                sys.stdout.buffer.write(data)
                sys.stdout.buffer.flush()
        if 0 in readable:
            data = os.read(0, 65536)
            if data:
                to_line += data
            else:
                stdin_open = False
        if fd in writable and to_line:
            try:
                to_line = to_line[os.write(fd, to_line):]
            except BlockingIOError:
                pass


def flood(fd, size):
    data = pattern(size)
    sent = 0
    back = bytearray()
    reading = False
    command = b""
    while True:
        readers = [0] + ([fd] if reading else [])
        writers = [fd] if sent < size else []
        readable, writable, _ = select.select(readers, writers, [])
        if 0 in readable:
            command += os.read(0, 4096)
            reading = reading or b"read\n" in command
        if fd in writable and sent < size:
            try:
                sent += os.write(fd, data[sent:sent + 65536])
            except BlockingIOError:
                pass
        if fd in readable:
            try:
                back += os.read(fd, 65536)
            except BlockingIOError:
                pass
            if len(back) >= size:
                ok = bytes(back[:size]) == data
                print("echo ok %d" % size if ok else "echo bad %d" % len(back), flush=True)
                return


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("device", nargs="?", help="the pseudo-terminal to open")
    parser.add_argument("--openpty", action="store_true", help="make a pseudo-terminal and be its far end")
    parser.add_argument("--flood", type=int, default=0, help="bytes to send without reading")
    args = parser.parse_args()

    if args.openpty:
        fd, other_end = os.openpty()
        tty.setraw(other_end)  # kept open: the pseudo-terminal lives while we do
        os.set_blocking(fd, False)
        print("pty", os.ttyname(other_end), flush=True)
    else:
        fd = os.open(args.device, os.O_RDWR | os.O_NOCTTY | os.O_NONBLOCK)
        tty.setraw(fd)
    print("ready", flush=True)
    if args.flood:
        flood(fd, args.flood)
    else:
        relay(fd)
    os.close(fd)


if __name__ == "__main__":
    main()
