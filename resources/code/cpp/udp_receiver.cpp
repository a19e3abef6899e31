{{HEADER}}
// It receives datagrams until you stop it (Ctrl+C).

#include <QCoreApplication>
#include <QNetworkDatagram>
#include <QUdpSocket>

#include <iostream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // The address to receive on, and the port (0: the system picks a free one)
    const QHostAddress host(QStringLiteral({{HOST}}));
    const quint16 port = {{PORT}};

    // socket + bind: a UDP socket (no connections, only datagrams), bound so
    // that senders know where to send
    QUdpSocket socket;
    if (!socket.bind(host, port)) {
        std::cout << "bind: " << qPrintable(socket.errorString()) << std::endl;
        return 1;
    }
    // localPort(): the real port, also when port is 0
    std::cout << "listening on " << qPrintable(socket.localAddress().toString())
              << ':' << socket.localPort() << std::endl;

    for (;;) {
        // recvfrom: wait for datagrams; each says who sent it
        if (!socket.waitForReadyRead(-1))
            continue;
        while (socket.hasPendingDatagrams()) {
            const QNetworkDatagram datagram = socket.receiveDatagram();
            std::cout << "received from "
                      << qPrintable(datagram.senderAddress().toString()) << ':'
                      << datagram.senderPort() << ": "
                      << datagram.data().toStdString() << std::endl;
{{#echo}}
            // sendto: echo the datagram back to its sender
            socket.writeDatagram(datagram.makeReply(datagram.data()));
{{/echo}}
        }
    }
}
