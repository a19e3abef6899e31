// TCP_NODELAY (EndpointConfig::noDelay), read back from the real sockets with
// getsockopt(): on a client's connection, and on each connection a server
// accepts; off unless asked; a Note in the log when on.
#include "eventlog.h"
#include "tcpclientendpoint.h"
#include "tcpserverendpoint.h"
#include "testsupport.h"

#include <QDir>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

using namespace SockPlay;
using namespace SockPlay::Test;

namespace {

quint16 portOf(const sockaddr_storage &address)
{
    if (address.ss_family == AF_INET)
        return ntohs(reinterpret_cast<const sockaddr_in &>(address).sin_port);
    if (address.ss_family == AF_INET6)
        return ntohs(reinterpret_cast<const sockaddr_in6 &>(address).sin6_port);
    return 0;
}

/// TCP_NODELAY of this process's connected socket from localPort to peerPort
/// (found among our descriptors): 1 or 0, or -1 when there is no such socket.
int noDelayOf(quint16 localPort, quint16 peerPort)
{
    const QStringList fds = QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::Files | QDir::System);
    for (const QString &entry : fds) {
        const int fd = entry.toInt();
        sockaddr_storage local{};
        sockaddr_storage peer{};
        socklen_t size = sizeof local;
        if (::getsockname(fd, reinterpret_cast<sockaddr *>(&local), &size) != 0 || portOf(local) != localPort)
            continue;
        size = sizeof peer;
        if (::getpeername(fd, reinterpret_cast<sockaddr *>(&peer), &size) != 0 || portOf(peer) != peerPort)
            continue;
        int on = 0;
        size = sizeof on;
        if (::getsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, &size) != 0)
            return -1;
        return on ? 1 : 0;
    }
    return -1;
}

bool notedNoDelay(const EventLog &log, int endpointId)
{
    for (const Event &note : eventsOf(log, endpointId, EventKind::Note))
        if (note.detail == QLatin1String("TCP_NODELAY on: Nagle's algorithm off"))
            return true;
    return false;
}

} // namespace

class TestNoDelay : public QObject
{
    Q_OBJECT
private slots:
    void clientSetsItOnItsSocket_data();
    void clientSetsItOnItsSocket();
    void serverSetsItOnEachAcceptedSocket_data();
    void serverSetsItOnEachAcceptedSocket();
};

void TestNoDelay::clientSetsItOnItsSocket_data()
{
    QTest::addColumn<bool>("noDelay");
    QTest::newRow("nodelay on") << true;
    QTest::newRow("nodelay off (Nagle)") << false;
}

void TestNoDelay::clientSetsItOnItsSocket()
{
    QFETCH(bool, noDelay);
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    EventLog log;
    TcpClientEndpoint client(&log);
    EndpointConfig config;
    config.transport = Transport::Tcp;
    config.role = Role::Client;
    config.port = server.serverPort();
    config.noDelay = noDelay;
    QVERIFY(client.start(config));
    QTRY_VERIFY(client.isActive());
    QCOMPARE(noDelayOf(client.localPort(), server.serverPort()), noDelay ? 1 : 0);
    QCOMPARE(notedNoDelay(log, client.id()), noDelay);
    // A second connection of the same client gets it too.
    QVERIFY(client.openConnection());
    QTRY_COMPARE(client.connections().size(), 2);
    QCOMPARE(noDelayOf(client.connections().at(1).localPort, server.serverPort()), noDelay ? 1 : 0);
}

void TestNoDelay::serverSetsItOnEachAcceptedSocket_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("noDelay");
    QTest::newRow("IPv4, nodelay on") << QStringLiteral("127.0.0.1") << true;
    QTest::newRow("IPv4, nodelay off (Nagle)") << QStringLiteral("127.0.0.1") << false;
    QTest::newRow("IPv6, nodelay on") << QStringLiteral("::1") << true;
}

void TestNoDelay::serverSetsItOnEachAcceptedSocket()
{
    QFETCH(QString, address);
    QFETCH(bool, noDelay);
    SOCKPLAY_SKIP_IF_NO_IPV6(address);
    EventLog log;
    TcpServerEndpoint server(&log);
    EndpointConfig config;
    config.host = address;
    config.noDelay = noDelay;
    QVERIFY(server.start(config));
    QCOMPARE(notedNoDelay(log, server.id()), noDelay);
    QTcpSocket first;
    QTcpSocket second;
    first.connectToHost(QHostAddress(address), server.localPort());
    second.connectToHost(QHostAddress(address), server.localPort());
    QTRY_COMPARE(server.connectionCount(), 2);
    QCOMPARE(noDelayOf(server.localPort(), first.localPort()), noDelay ? 1 : 0);
    QCOMPARE(noDelayOf(server.localPort(), second.localPort()), noDelay ? 1 : 0);
}

QTEST_GUILESS_MAIN(TestNoDelay)
#include "tst_nodelay.moc"
