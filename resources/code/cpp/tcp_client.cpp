{{HEADER}}

#include <QCoreApplication>
#include <QTcpSocket>

#include <iostream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // The server's name or address, and its port
    const QString host = QStringLiteral({{HOST}});
    const quint16 port = {{PORT}};
{{#message}}
    const QByteArray message({{MESSAGE}}); // what to send
{{/message}}

    // socket + connect: connectToHost() looks the name up, makes the socket
    // and connects it; waitForConnected() waits for the handshake
    QTcpSocket socket;
    socket.connectToHost(host, port);
    if (!socket.waitForConnected()) {
        std::cout << "connect: " << qPrintable(socket.errorString()) << std::endl;
        return 1;
    }
    std::cout << "connected to " << qPrintable(host) << ':' << port << std::endl;
{{#message}}

    // send: the message (write() queues it, waitForBytesWritten() sends it)
    socket.write(message);
    socket.waitForBytesWritten();
{{/message}}
{{^line}}

    // recv: wait for what the server sends (TCP is a stream: a long reply
    // can take several reads)
    QByteArray reply;
    if (socket.bytesAvailable() > 0 || socket.waitForReadyRead(-1))
        reply = socket.readAll();
{{/line}}
{{#line}}

    // recv, one line: wait until a whole line is there
    while (!socket.canReadLine()) {
        if (!socket.waitForReadyRead(-1))
            break; // the server closed the connection
    }
    const QByteArray reply = socket.readLine();
{{/line}}
    if (reply.isEmpty()) // the server closed the connection
        std::cout << "no reply: the server hung up" << std::endl;
    else
        std::cout << "received: " << reply.toStdString() << std::endl;

    // close: hang up
    socket.disconnectFromHost();
    if (socket.state() != QAbstractSocket::UnconnectedState)
        socket.waitForDisconnected();
    return 0;
}
