// {{TITLE}}
// Made by SockPlay from the endpoint's settings.
// Run it with: go run {{FILE}}
// It serves clients until you stop it (Ctrl+C), each in a goroutine of its own.
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

// The address to listen on, and the port ("0": the system picks a free one).
const host = {{HOST}}
const port = {{PORT}}
{{#greet}}

// Sent to each client as it connects.
const greeting = {{GREETING}}
{{/greet}}

func main() {
	// socket + bind + listen: net.Listen makes the socket, binds it to the
	// address and starts listening, all in one call
	listener, err := net.Listen("tcp", net.JoinHostPort(host, port))
	if err != nil {
		fmt.Println("listen:", err)
		os.Exit(1)
	}
	defer listener.Close()
	// Addr(): the real port, also when port is "0"
	fmt.Println("listening on", listener.Addr())

	for {
		// accept: wait for the next client; conn is a connection to it alone
		conn, err := listener.Accept()
		if err != nil {
			fmt.Println("accept:", err)
			continue
		}
		// Serve it in a goroutine of its own: the next client is accepted at once
		go handleConnection(conn)
	}
}

func handleConnection(conn net.Conn) {
	// close: hang up when this function returns
	defer conn.Close()
	fmt.Println("connection from", conn.RemoteAddr())
{{#greet}}
	// send: the greeting
	conn.Write([]byte(greeting))
{{/greet}}
{{^close}}
{{^line}}
	buffer := make([]byte, 4096)
	for {
		// recv: wait for bytes. TCP is a stream: one Read may hold part of
		// a message, or several messages
		n, err := conn.Read(buffer)
		if err != nil { // io.EOF: the client closed its side
			break
		}
		fmt.Println("received:", string(buffer[:n]))
{{#echo}}
		// send: echo the bytes back
		conn.Write(buffer[:n])
{{/echo}}
	}
{{/line}}
{{#line}}
	// Line framing: the reader calls Read until it has a whole line
	reader := bufio.NewReader(conn)
	for {
		line, err := reader.ReadString('\n')
		if err != nil { // io.EOF: the client closed its side
			break
		}
		fmt.Println("received:", strings.TrimRight(line, "\r\n"))
{{#echo}}
		// send: echo the line back
		conn.Write([]byte(line))
{{/echo}}
	}
{{/line}}
{{/close}}
	fmt.Println("closed", conn.RemoteAddr())
}
