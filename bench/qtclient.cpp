// sockplay-bench-qtclient HOST PORT: the least a Qt program does for
// `echo hi | nc -N HOST PORT` — QCoreApplication, one QTcpSocket, stdin sent,
// the write side shut, everything the server sends printed until it closes.
// scripts/bench.sh times it beside sockplay-cli tcp-connect and nc -N: the
// gap between it and nc is what loading and starting Qt costs on this
// machine, a floor no Qt program goes under; the gap between it and
// sockplay-cli is SockPlay's own.
// A benchmark helper, not a pattern: it blocks (waitFor*) as no SockPlay code may.

#include <QCoreApplication>
#include <QTcpSocket>

#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s HOST PORT\n", argv[0]);
        return 2;
    }
    QByteArray input;
    char buffer[4096];
    for (ssize_t n; (n = ::read(0, buffer, sizeof buffer)) > 0;)
        input.append(buffer, n);
    QTcpSocket socket;
    socket.connectToHost(QString::fromLocal8Bit(argv[1]), quint16(atoi(argv[2])));
    if (!socket.waitForConnected(5000)) {
        std::fprintf(stderr, "%s\n", qPrintable(socket.errorString()));
        return 1;
    }
    socket.write(input);
    while (socket.bytesToWrite() > 0 && socket.waitForBytesWritten(5000)) {
    }
    ::shutdown(int(socket.socketDescriptor()), SHUT_WR); // nc -N: EOF on stdin is a FIN
    while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(5000)) {
        const QByteArray reply = socket.readAll();
        std::fwrite(reply.constData(), 1, size_t(reply.size()), stdout);
    }
    const QByteArray rest = socket.readAll();
    std::fwrite(rest.constData(), 1, size_t(rest.size()), stdout);
    return 0;
}
