{{HEADER}}
// It receives datagrams until you stop it (Ctrl+C).

#include <QCoreApplication>
#include <QNetworkDatagram>
#include <QUdpSocket>

#include <iostream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QHostAddress host(QStringLiteral({{HOST}})); // the address to receive on
    const quint16 port = {{PORT}}; // 0: the operating system picks a free port

    // socket + bind: a UDP socket (no connections, only datagrams), bound so
    // that senders know where to send
    QUdpSocket socket;
    if (!socket.bind(host, port)) {
        std::cout << "bind: " << socket.errorString().toStdString() << std::endl;
        return 1;
    }
    // localPort(): the real port, also when port is 0
    std::cout << "listening on " << socket.localAddress().toString().toStdString() << ':'
              << socket.localPort() << std::endl;

    for (;;) {
        // recvfrom: wait for datagrams; each says who sent it
        if (!socket.waitForReadyRead(-1))
            continue;
        while (socket.hasPendingDatagrams()) {
            const QNetworkDatagram datagram = socket.receiveDatagram();
            std::cout << "received from " << datagram.senderAddress().toString().toStdString() << ':'
                      << datagram.senderPort() << ": " << datagram.data().toStdString() << std::endl;
{{#echo}}
            // sendto: echo the datagram back to its sender
            socket.writeDatagram(datagram.data(), datagram.senderAddress(), datagram.senderPort());
{{/echo}}
        }
    }
}
