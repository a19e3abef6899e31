// {{TITLE}}
// Made by SockPlay from the endpoint's settings.
// Run it with: go run {{FILE}}
{{NOTES}}
package main

import (
	"fmt"
	"net"
	"os"
	"time"
)

// Where to send.
const host = {{HOST}}
const port = {{PORT}}

// The datagram.
const message = {{MESSAGE}}

func main() {
	// socket + connect: for UDP, net.Dial sends nothing; it only sets the
	// address that Write sends to (and that a reply must come from)
	conn, err := net.Dial("udp", net.JoinHostPort(host, port))
	if err != nil {
		fmt.Println("connect:", err)
		os.Exit(1)
	}
	// close: give the port back when main returns
	defer conn.Close()

	// send: one datagram
	if _, err := conn.Write([]byte(message)); err != nil {
		fmt.Println("send:", err)
		return
	}
	fmt.Printf("sent %d bytes to %v\n", len(message), conn.RemoteAddr())

	// UDP promises nothing: wait for a reply one second at most
	conn.SetReadDeadline(time.Now().Add(time.Second))
	buffer := make([]byte, 65535)
	// recv: the reply
	n, err := conn.Read(buffer)
	if os.IsTimeout(err) {
		fmt.Println("no reply within 1 second")
		return
	}
	if err != nil { // e.g. "connection refused": nothing listens there
		fmt.Println("no reply:", err)
		return
	}
	fmt.Println("received:", string(buffer[:n]))
}
