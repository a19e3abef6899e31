// The TCP client endpoint over real loopback sockets: its event sequence and its errors.
#include "tcpclientendpoint.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace SockPlay;
using namespace SockPlay::Test;

class TestTcpClient : public QObject
{
    Q_OBJECT
private slots:
    void connectSendReceiveClose_data();
    void connectSendReceiveClose();
    void peerCloseIsToldApartFromOurClose();
    void dataJustBeforeThePeerClosesIsKept();
    void connectionRefusedIsAnErrorWithAHint();
    void unresolvableNameIsAnError();
    void badInputIsRefusedAtOnce_data();
    void badInputIsRefusedAtOnce();
    void sendingWhenNotConnectedFails();
    void pendingWriteBytesShowTheQueueUntilThePeerReads();

private:
    static EndpointConfig target(const QString &host, quint16 port)
    {
        EndpointConfig config;
        config.host = host;
        config.port = port;
        return config;
    }
};

void TestTcpClient::connectSendReceiveClose_data()
{
    QTest::addColumn<QString>("listenOn");
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("isName");
    QTest::newRow("IPv4 address") << QStringLiteral("127.0.0.1") << QStringLiteral("127.0.0.1") << false;
    QTest::newRow("IPv6 address") << QStringLiteral("::1") << QStringLiteral("::1") << false;
    QTest::newRow("IPv6 in brackets") << QStringLiteral("::1") << QStringLiteral("[::1]") << false;
    QTest::newRow("host name localhost") << QStringLiteral("127.0.0.1") << QStringLiteral("localhost") << true;
}

void TestTcpClient::connectSendReceiveClose()
{
    QFETCH(QString, listenOn);
    QFETCH(QString, host);
    QFETCH(bool, isName);
    SOCKPLAY_SKIP_IF_NO_IPV6(listenOn);
    if (isName)
        SOCKPLAY_SKIP_IF_NO_LOCALHOST_NAME();

    QTcpServer server;
    QVERIFY(server.listen(QHostAddress(listenOn), 0));
    EventLog log;
    TcpClientEndpoint client(&log);
    QSignalSpy states(&client, &Endpoint::stateChanged);
    QVERIFY(client.start(target(host, server.serverPort())));
    QTRY_COMPARE(client.state(), EndpointState::Active);
    QTRY_VERIFY(server.hasPendingConnections());
    QTcpSocket *peer = server.nextPendingConnection();
    QVERIFY(peer);

    QVERIFY(client.send(0, "hello\n"));
    QTRY_COMPARE(peer->bytesAvailable(), qint64(6));
    QCOMPARE(peer->readAll(), QByteArray("hello\n"));
    peer->write("welcome");
    QTRY_COMPARE(bytesOf(log, client.id(), EventKind::Received), QByteArray("welcome"));
    QCOMPARE(client.connections().size(), 1);
    QCOMPARE(client.connections().at(0).bytesIn, qint64(7));
    QCOMPARE(client.connections().at(0).bytesOut, qint64(6));

    client.stop();
    QTRY_COMPARE(client.state(), EndpointState::Idle);
    QTRY_COMPARE(peer->state(), QAbstractSocket::UnconnectedState);

    // A name is looked up before the socket is made (socket() needs its address family).
    QList<EventKind> expected;
    if (isName)
        expected << EventKind::LookingUp;
    expected << EventKind::Created << EventKind::Connecting << EventKind::Connected << EventKind::Sent << EventKind::Received
             << EventKind::Closed;
    QCOMPARE(kindsOf(log, client.id()), expected);
    const Event connected = eventsOf(log, client.id(), EventKind::Connected).at(0);
    QCOMPARE(connected.peerText(),
             formatAddress(QHostAddress(listenOn), server.serverPort()));
    QVERIFY2(eventsOf(log, client.id(), EventKind::Closed).at(0).detail.contains(QStringLiteral("by us")),
             "our own close says so");
    QVERIFY(states.count() >= 2);
}

void TestTcpClient::peerCloseIsToldApartFromOurClose()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    EventLog log;
    TcpClientEndpoint client(&log);
    QSignalSpy closed(&client, &Endpoint::connectionClosed);
    QVERIFY(client.start(target(QStringLiteral("127.0.0.1"), server.serverPort())));
    QTRY_VERIFY(server.hasPendingConnections());
    QTcpSocket *peer = server.nextPendingConnection();
    QTRY_COMPARE(client.state(), EndpointState::Active);
    peer->disconnectFromHost();
    QTRY_COMPARE(closed.count(), 1);
    QCOMPARE(client.state(), EndpointState::Idle);
    QCOMPARE(kindsOf(log, client.id()).constLast(), EventKind::PeerClosed);
    QCOMPARE(eventsOf(log, client.id(), EventKind::Closed).size(), 0);
    QCOMPARE(eventsOf(log, client.id(), EventKind::Error).size(), 0);
}

void TestTcpClient::dataJustBeforeThePeerClosesIsKept()
{
    // The tutorial server: send a welcome and close at once.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    connect(&server, &QTcpServer::newConnection, this, [&server] {
        QTcpSocket *peer = server.nextPendingConnection();
        peer->write("Welcome to the server!");
        peer->disconnectFromHost();
    });
    EventLog log;
    TcpClientEndpoint client(&log);
    QVERIFY(client.start(target(QStringLiteral("127.0.0.1"), server.serverPort())));
    QTRY_COMPARE(eventsOf(log, client.id(), EventKind::PeerClosed).size(), 1);
    QCOMPARE(bytesOf(log, client.id(), EventKind::Received), QByteArray("Welcome to the server!"));
    const QList<EventKind> kinds = kindsOf(log, client.id());
    QVERIFY(kinds.indexOf(EventKind::Received) < kinds.indexOf(EventKind::PeerClosed));
}

void TestTcpClient::connectionRefusedIsAnErrorWithAHint()
{
    quint16 closedPort = 0;
    {
        QTcpServer gone;
        QVERIFY(gone.listen(QHostAddress::LocalHost, 0));
        closedPort = gone.serverPort();
    }
    EventLog log;
    TcpClientEndpoint client(&log);
    QSignalSpy errors(&client, &Endpoint::errorOccurred);
    QVERIFY(client.start(target(QStringLiteral("127.0.0.1"), closedPort)));
    QVERIFY(errors.wait(5000));
    const QString message = errors.at(0).at(0).toString();
    QVERIFY2(message.contains(QStringLiteral("refused"), Qt::CaseInsensitive), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("server started")), qPrintable(message));
    QTRY_COMPARE(client.state(), EndpointState::Idle);
    const QList<Event> logged = eventsOf(log, client.id(), EventKind::Error);
    QCOMPARE(logged.size(), 1);
    QCOMPARE(logged.at(0).detail, message);
    QCOMPARE(client.errorString(), message);
    // It can try again afterwards.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    QVERIFY(client.start(target(QStringLiteral("127.0.0.1"), server.serverPort())));
    QTRY_COMPARE(client.state(), EndpointState::Active);
}

void TestTcpClient::unresolvableNameIsAnError()
{
    EventLog log;
    TcpClientEndpoint client(&log);
    QSignalSpy errors(&client, &Endpoint::errorOccurred);
    QVERIFY(client.start(target(QStringLiteral("no-such-host.invalid"), 7)));
    QVERIFY(errors.wait(LookupTimeoutMs));
    const QString message = errors.at(0).at(0).toString();
    QVERIFY2(message.contains(QStringLiteral("resolve")), qPrintable(message));
    QTRY_COMPARE(client.state(), EndpointState::Idle);
    const QList<EventKind> kinds = kindsOf(log, client.id());
    // The lookup failed: no socket was ever made.
    QCOMPARE(kinds.first(), EventKind::LookingUp);
    QVERIFY(!kinds.contains(EventKind::Created));
    QCOMPARE(kinds.constLast(), EventKind::Error);
    QVERIFY(!kinds.contains(EventKind::Connected));
}

void TestTcpClient::badInputIsRefusedAtOnce_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("says");
    QTest::newRow("empty host") << QString() << 80 << QStringLiteral("no host");
    QTest::newRow("port zero") << QStringLiteral("127.0.0.1") << 0 << QStringLiteral("port 0");
}

void TestTcpClient::badInputIsRefusedAtOnce()
{
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, says);
    EventLog log;
    TcpClientEndpoint client(&log);
    const Result result = client.start(target(host, quint16(port)));
    QVERIFY(!result.ok);
    QVERIFY2(result.error.contains(says), qPrintable(result.error));
    QCOMPARE(eventsOf(log, client.id(), EventKind::Error).size(), 1);
    QCOMPARE(client.state(), EndpointState::Idle);
}

void TestTcpClient::sendingWhenNotConnectedFails()
{
    EventLog log;
    TcpClientEndpoint client(&log);
    const Result result = client.send(0, "lost?");
    QVERIFY(!result.ok);
    QVERIFY2(result.error.contains(QStringLiteral("not connected")), qPrintable(result.error));
    QCOMPARE(eventsOf(log, client.id(), EventKind::Sent).size(), 0);
    // The refusal is an event too, so it reaches the log like every error.
    QCOMPARE(eventsOf(log, client.id(), EventKind::Error).size(), 1);
    QCOMPARE(eventsOf(log, client.id(), EventKind::Error).at(0).detail, result.error);
}

namespace {
/// A listener that accepts and leaves the socket alone: no QTcpSocket reads
/// it (one would read everything into memory), so the kernel's buffers fill.
class HoldingServer final : public QTcpServer
{
public:
    qintptr held = -1;

protected:
    void incomingConnection(qintptr descriptor) override { held = descriptor; }
};
} // namespace

void TestTcpClient::pendingWriteBytesShowTheQueueUntilThePeerReads()
{
    HoldingServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    EventLog log;
    TcpClientEndpoint client(&log);
    QVERIFY(client.start(target(QStringLiteral("127.0.0.1"), server.serverPort())));
    QTRY_COMPARE(client.state(), EndpointState::Active);
    QTRY_VERIFY(server.held != -1);

    // More than the kernel's buffers hold while the peer reads nothing.
    // (The first bytes may go out, and be reported, inside send() itself.)
    QSignalSpy written(&client, &Endpoint::bytesWritten);
    const QByteArray chunk(1 << 20, 'q');
    for (int i = 0; i < 32; ++i)
        QVERIFY(client.send(0, chunk));
    QVERIFY(client.pendingWriteBytes() > 0);
    QTRY_VERIFY(written.count() > 0);
    QVERIFY(client.pendingWriteBytes() > 0); // the peer has not read: still queued

    QTcpSocket peer;
    QVERIFY(peer.setSocketDescriptor(server.held));
    qint64 got = 0;
    connect(&peer, &QTcpSocket::readyRead, this, [&] { got += peer.readAll().size(); });
    got += peer.readAll().size();
    QTRY_COMPARE_WITH_TIMEOUT(got, qint64(32) * chunk.size(), 30000);
    QCOMPARE(client.pendingWriteBytes(), 0);
}

QTEST_GUILESS_MAIN(TestTcpClient)
#include "tst_tcpclient.moc"
