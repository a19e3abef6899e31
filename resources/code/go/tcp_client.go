// {{TITLE}}
// Made by SockPlay from the endpoint's settings.
// Run it with: go run {{FILE}}
{{NOTES}}
package main

import (
{{#line}}
	"bufio"
{{/line}}
	"fmt"
	"net"
	"os"
{{#line}}
	"strings"
{{/line}}
)

// The server's address and port.
const host = {{HOST}}
const port = {{PORT}}
{{#message}}

// What to send.
const message = {{MESSAGE}}
{{/message}}

func main() {
	// socket + connect: net.Dial makes the socket and connects it (the
	// handshake with the server: SYN, SYN-ACK, ACK)
	conn, err := net.Dial("tcp", net.JoinHostPort(host, port))
	if err != nil {
		fmt.Println("connect:", err)
		os.Exit(1)
	}
	// close: hang up when main returns
	defer conn.Close()
	fmt.Println("connected to", conn.RemoteAddr())
{{#message}}

	// send: the message
	if _, err := conn.Write([]byte(message)); err != nil {
		fmt.Println("send:", err)
		return
	}
{{/message}}
{{^line}}

	// recv: wait for what the server sends (up to 4096 bytes; TCP is a
	// stream, so a long reply can take several Reads)
	buffer := make([]byte, 4096)
	n, err := conn.Read(buffer)
	if n == 0 && err != nil { // io.EOF: the server closed the connection
		fmt.Println("no reply: the server hung up")
		return
	}
	fmt.Println("received:", string(buffer[:n]))
{{/line}}
{{#line}}

	// recv, one line: the reader calls Read until it has a whole line
	reply, err := bufio.NewReader(conn).ReadString('\n')
	if reply == "" && err != nil { // io.EOF: the server closed the connection
		fmt.Println("no reply: the server hung up")
		return
	}
	fmt.Println("received:", strings.TrimRight(reply, "\r\n"))
{{/line}}
}
