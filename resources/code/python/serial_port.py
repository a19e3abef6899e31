# {{TITLE}}
# Made by SockPlay from the endpoint's settings.
# It needs pyserial (apt install python3-serial, or pip install pyserial).
# Run it with: python3 {{FILE}}
{{NOTES}}

import serial  # pyserial: a serial port as a file-like object

PORT = {{DEVICE}}  # the device to open
{{#message}}
MESSAGE = {{MESSAGE}}  # what to send
{{/message}}

# open() and configure: the device, set up as SockPlay's port is ({{SETTINGS}})
port = serial.Serial(
    PORT,
    baudrate={{BAUD}},  # bits per second
    bytesize={{BYTESIZE}},  # data bits per character
    parity={{PARITY}},
    stopbits={{STOPBITS}},
    xonxoff={{XONXOFF}},  # software flow control (XON/XOFF)
    rtscts={{RTSCTS}},  # hardware flow control (RTS/CTS)
    timeout=1,  # a read waits one second at most
)
{{^dtr}}
port.dtr = False  # DTR off: lowered right after opening
{{/dtr}}
{{^rts}}
port.rts = False  # RTS off: lowered right after opening
{{/rts}}
print(f"opened {PORT}", flush=True)
{{#message}}
# write(): the bytes go out at the line's speed
port.write(MESSAGE)
port.flush()  # wait until they left
{{/message}}
{{^line}}
# read(): what the device sends within a second (a serial line is a stream of
# bytes: no messages, no sender address)
reply = port.read(4096)
{{/line}}
{{#line}}
# read, one line: pyserial reads until a newline (or the second is over)
reply = port.readline()
{{/line}}
if reply:
    print("received:", reply.decode("utf-8", errors="replace"), flush=True)
else:
    print("nothing received within a second", flush=True)
# close(): release the device (the driver usually lowers DTR)
port.close()
