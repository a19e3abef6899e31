// {{TITLE}}
// Made by SockPlay from the endpoint's settings.
// Run it with: go run {{FILE}}
// It receives datagrams until you stop it (Ctrl+C).
{{NOTES}}
package main

import (
	"fmt"
	"net"
	"os"
)

// The address to receive on, and the port ("0": the system picks a free one).
const host = {{HOST}}
const port = {{PORT}}

func main() {
	// socket + bind: net.ListenPacket makes a UDP socket (no connections,
	// only datagrams) and binds it, so that senders know where to send
	conn, err := net.ListenPacket("udp", net.JoinHostPort(host, port))
	if err != nil {
		fmt.Println("bind:", err)
		os.Exit(1)
	}
	defer conn.Close()
	// LocalAddr(): the real port, also when port is "0"
	fmt.Println("listening on", conn.LocalAddr())

	buffer := make([]byte, 65535)
	for {
		// recvfrom: wait for the next datagram; it says who sent it
		n, address, err := conn.ReadFrom(buffer)
		if err != nil {
			fmt.Println("receive:", err)
			continue
		}
		fmt.Printf("received from %v: %s\n", address, buffer[:n])
{{#echo}}
		// sendto: echo the datagram back to its sender
		conn.WriteTo(buffer[:n], address)
{{/echo}}
	}
}
