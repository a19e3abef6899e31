{{HEADER}}

#include <QCoreApplication>
#include <QHostInfo>
#include <QNetworkDatagram>
#include <QUdpSocket>

#include <iostream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QString host = QStringLiteral({{HOST}}); // where to send
    const quint16 port = {{PORT}};
    const QByteArray message({{MESSAGE}}); // the datagram

    // A name ("localhost") is looked up; an address stays as it is
    const QList<QHostAddress> addresses = QHostInfo::fromName(host).addresses();
    if (addresses.isEmpty()) {
        std::cout << "lookup: no address for " << qPrintable(host) << std::endl;
        return 1;
    }

    // socket + sendto: one datagram (the system binds a port for the reply)
    QUdpSocket socket;
    socket.writeDatagram(message, addresses.constFirst(), port);
    std::cout << "sent " << message.size() << " bytes to " << qPrintable(host)
              << ':' << port << std::endl;

    // UDP promises nothing: wait for a reply one second at most
    if (socket.waitForReadyRead(1000)) {
        // recvfrom: the reply, and who sent it
        const QNetworkDatagram reply = socket.receiveDatagram();
        std::cout << "received: " << reply.data().toStdString() << std::endl;
    } else {
        std::cout << "no reply within 1 second" << std::endl;
    }
    // close: give the port back
    socket.close();
    return 0;
}
