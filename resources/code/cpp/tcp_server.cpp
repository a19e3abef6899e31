{{HEADER}}
// It serves one client after another until you stop it (Ctrl+C).

#include <QCoreApplication>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>

#include <iostream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // The address to listen on, and the port (0: the system picks a free one)
    const QHostAddress host(QStringLiteral({{HOST}}));
    const quint16 port = {{PORT}};
{{#greet}}
    const QByteArray greeting({{GREETING}}); // sent to each client as it connects
{{/greet}}

    // socket + bind + listen: QTcpServer::listen() does all three
    QTcpServer server;
    if (!server.listen(host, port)) {
        std::cout << "listen: " << qPrintable(server.errorString()) << std::endl;
        return 1;
    }
    // serverPort(): the real port, also when port is 0
    std::cout << "listening on " << qPrintable(server.serverAddress().toString())
              << ':' << server.serverPort() << std::endl;

    for (;;) {
        // accept: wait for the next client (-1: as long as it takes)
        if (!server.waitForNewConnection(-1))
            continue;
        QTcpSocket *conn = server.nextPendingConnection();
        const QString peer = conn->peerAddress().toString() + ':'
            + QString::number(conn->peerPort());
        std::cout << "connection from " << qPrintable(peer) << std::endl;
{{#greet}}
        // send: the greeting (write() queues it, waitForBytesWritten() sends it)
        conn->write(greeting);
        conn->waitForBytesWritten();
{{/greet}}
{{^close}}
{{^line}}
        // recv: wait for bytes until the client closes its side. TCP is a
        // stream: one read may hold part of a message, or several messages
        while (conn->bytesAvailable() > 0 || conn->waitForReadyRead(-1)) {
            const QByteArray data = conn->readAll();
            std::cout << "received: " << data.toStdString() << std::endl;
{{#echo}}
            // send: echo the bytes back
            conn->write(data);
            conn->waitForBytesWritten();
{{/echo}}
        }
{{/line}}
{{#line}}
        // Line framing: wait until a whole line is there, then take it,
        // until the client closes its side
        while (conn->canReadLine() || conn->waitForReadyRead(-1)) {
            while (conn->canReadLine()) {
                const QByteArray line = conn->readLine(); // with its "\n"
                std::cout << "received: " << line.chopped(1).toStdString() << std::endl;
{{#echo}}
                // send: echo the line back
                conn->write(line);
                conn->waitForBytesWritten();
{{/echo}}
            }
        }
{{/line}}
{{/close}}
        // close: done with this client (the server listens for the next)
        conn->disconnectFromHost();
        if (conn->state() != QAbstractSocket::UnconnectedState)
            conn->waitForDisconnected();
        std::cout << "closed " << qPrintable(peer) << std::endl;
        delete conn;
    }
}
