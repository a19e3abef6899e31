// The TCP server endpoint over real loopback sockets, IPv4 and IPv6.
#include "tcpconnection.h"
#include "tcpserverendpoint.h"
#include "testsupport.h"

#include <QDeadlineTimer>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <memory>
#include <vector>

using namespace SockPlay;
using namespace SockPlay::Test;

class TestTcpServer : public QObject
{
    Q_OBJECT
private slots:
    void threeClientsSendToOneToAllAndKickOne_data();
    void threeClientsSendToOneToAllAndKickOne();
    void lifecycleEventsComeInOrder();
    void portZeroLetsTheSystemChoose();
    void portInUseIsAnErrorWithTheReason();
    void badAddressIsAnError();
    void listeningOnDoubleColonAcceptsIPv4AndIPv6();
    void echoSendsBackExactlyWhatArrived();
    void echoWithSlowReaderStillDeliversEverything();
    void echoToAPeerThatStopsReadingKeepsMemoryBounded();
    void echoCanBeSwitchedWhileRunning();
    void clientsPastTheLimitAreTurnedAway();
    void stopClosesEveryConnection();
    void floodingPeerCannotGrowTheLog();

private:
    // The server reads at most its socket's read buffer at once, so its echo
    // queue may pass the bound by one read.
    static constexpr qint64 ServerReadBytes = TcpConnection::ReadBufferBytes;
    static constexpr qint64 QueueSlackBytes = 64 * 1024;

    /// Bytes that do not repeat with a short period, so a lost or reordered chunk shows.
    static QByteArray payload(qsizetype size)
    {
        QByteArray bytes(size, Qt::Uninitialized);
        QRandomGenerator random(20240601);
        random.fillRange(reinterpret_cast<quint32 *>(bytes.data()), size / 4);
        return bytes;
    }

    static EndpointConfig configFor(const QString &host)
    {
        EndpointConfig config;
        config.host = host;
        config.port = 0;
        return config;
    }
};

void TestTcpServer::threeClientsSendToOneToAllAndKickOne_data()
{
    QTest::addColumn<QString>("address");
    QTest::newRow("IPv4 127.0.0.1") << QStringLiteral("127.0.0.1");
    QTest::newRow("IPv6 ::1") << QStringLiteral("::1");
}

void TestTcpServer::threeClientsSendToOneToAllAndKickOne()
{
    QFETCH(QString, address);
    SOCKPLAY_SKIP_IF_NO_IPV6(address);
    EventLog log;
    TcpServerEndpoint server(&log);
    QVERIFY(server.start(configFor(address)));
    QVERIFY(server.localPort() != 0);

    std::vector<std::unique_ptr<QTcpSocket>> clients;
    for (int i = 0; i < 3; ++i) {
        clients.push_back(std::make_unique<QTcpSocket>());
        clients.back()->connectToHost(QHostAddress(address), server.localPort());
    }
    QTRY_COMPARE(server.connectionCount(), 3);
    const QList<ConnectionInfo> connections = server.connections();
    for (int i = 0; i < 3; ++i) {
        QTRY_COMPARE(clients[i]->state(), QAbstractSocket::ConnectedState);
        // connections() lists clients in accept order with their real peer ports
        bool found = false;
        for (const ConnectionInfo &c : connections)
            found = found || c.peerPort == clients[i]->localPort();
        QVERIFY2(found, "each client appears in the connections list");
    }
    QCOMPARE(connections.at(0).peerAddress, QHostAddress(address));

    // To one: only that client gets it.
    const ConnectionInfo target = connections.at(1);
    QTcpSocket *targetClient = nullptr;
    for (auto &c : clients)
        if (c->localPort() == target.peerPort)
            targetClient = c.get();
    QVERIFY(server.send(target.id, "just you\n"));
    QTRY_COMPARE(targetClient->bytesAvailable(), qint64(9));
    QCOMPARE(targetClient->readAll(), QByteArray("just you\n"));
    for (auto &c : clients)
        QCOMPARE(c->bytesAvailable(), qint64(0));

    // To all: everyone gets it.
    QVERIFY(server.send(Endpoint::AllConnections, "everyone\n"));
    for (auto &c : clients) {
        QTRY_COMPARE(c->bytesAvailable(), qint64(9));
        QCOMPARE(c->readAll(), QByteArray("everyone\n"));
    }
    QCOMPARE(eventsOf(log, server.id(), EventKind::Sent).size(), 4);

    // A client talks: the server logs it against the right connection.
    targetClient->write("hi server");
    QTRY_COMPARE(bytesOf(log, server.id(), EventKind::Received, target.id), QByteArray("hi server"));
    QTRY_COMPARE(server.connections().at(1).bytesIn, qint64(9));
    QCOMPARE(server.connections().at(1).bytesOut, qint64(18));

    // Kick one: that client sees the close; the others stay.
    QSignalSpy closed(&server, &Endpoint::connectionClosed);
    QVERIFY(server.disconnectConnection(target.id));
    QTRY_COMPARE(targetClient->state(), QAbstractSocket::UnconnectedState);
    QTRY_COMPARE(closed.count(), 1);
    QCOMPARE(closed.at(0).at(0).toInt(), target.id);
    QCOMPARE(server.connectionCount(), 2);
    const QList<Event> closes = eventsOf(log, server.id(), EventKind::Closed);
    QCOMPARE(closes.size(), 1);
    QCOMPARE(closes.at(0).connectionId(), target.id);
    QVERIFY(!server.send(target.id, "gone"));
    QCOMPARE(eventsOf(log, server.id(), EventKind::Error).size(), 1); // the refusal is logged
}

void TestTcpServer::lifecycleEventsComeInOrder()
{
    EventLog log;
    TcpServerEndpoint server(&log);
    QVERIFY(server.start(configFor(QStringLiteral("127.0.0.1"))));
    const quint16 port = server.localPort();
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, port);
    QTRY_COMPARE(server.connectionCount(), 1);
    const quint16 clientPort = client.localPort();
    client.write("ping");
    QTRY_COMPARE(eventsOf(log, server.id(), EventKind::Received).size(), 1);
    client.disconnectFromHost();
    QTRY_COMPARE(server.connectionCount(), 0);
    server.stop();

    const QList<EventKind> expected{EventKind::Created, EventKind::Bound, EventKind::Listening,
                                    EventKind::Accepted, EventKind::Received, EventKind::PeerClosed,
                                    EventKind::Stopped};
    QCOMPARE(kindsOf(log, server.id()), expected);
    const Event received = eventsOf(log, server.id(), EventKind::Received).at(0);
    QCOMPARE(received.payload, QByteArray("ping"));
    QCOMPARE(received.byteCount, 4);
    QCOMPARE(received.peerText(), QStringLiteral("127.0.0.1:%1").arg(clientPort));
    QCOMPARE(received.localText(), QStringLiteral("127.0.0.1:%1").arg(port));
    QCOMPARE(server.state(), EndpointState::Idle);
}

void TestTcpServer::portZeroLetsTheSystemChoose()
{
    EventLog log;
    TcpServerEndpoint server(&log);
    QVERIFY(server.start(configFor(QStringLiteral("127.0.0.1"))));
    QVERIFY(server.localPort() > 0);
    const Event bound = eventsOf(log, server.id(), EventKind::Bound).at(0);
    QVERIFY2(bound.detail.contains(QString::number(server.localPort())), qPrintable(bound.detail));
    QCOMPARE(bound.localText(), QStringLiteral("127.0.0.1:%1").arg(server.localPort()));
}

void TestTcpServer::portInUseIsAnErrorWithTheReason()
{
    EventLog log;
    TcpServerEndpoint first(&log);
    QVERIFY(first.start(configFor(QStringLiteral("127.0.0.1"))));
    TcpServerEndpoint second(&log);
    EndpointConfig config = configFor(QStringLiteral("127.0.0.1"));
    config.port = first.localPort();
    QSignalSpy errors(&second, &Endpoint::errorOccurred);
    const Result result = second.start(config);
    QVERIFY(!result.ok);
    QVERIFY2(result.error.contains(QStringLiteral("in use")), qPrintable(result.error));
    QVERIFY2(result.error.contains(QString::number(config.port)), qPrintable(result.error));
    QCOMPARE(errors.count(), 1);
    QCOMPARE(second.state(), EndpointState::Idle);
    QCOMPARE(eventsOf(log, second.id(), EventKind::Error).size(), 1);
    QCOMPARE(eventsOf(log, second.id(), EventKind::Error).at(0).detail, result.error);
}

void TestTcpServer::badAddressIsAnError()
{
    EventLog log;
    TcpServerEndpoint server(&log);
    const Result result = server.start(configFor(QStringLiteral("300.1.2.3")));
    QVERIFY(!result.ok);
    QVERIFY2(result.error.contains(QStringLiteral("300.1.2.3")), qPrintable(result.error));
    QCOMPARE(eventsOf(log, server.id(), EventKind::Error).size(), 1);
}

void TestTcpServer::listeningOnDoubleColonAcceptsIPv4AndIPv6()
{
    SOCKPLAY_SKIP_IF_NO_IPV6(QStringLiteral("::1"));
    EventLog log;
    TcpServerEndpoint server(&log);
    QVERIFY(server.start(configFor(QStringLiteral("::"))));
    QCOMPARE(eventsOf(log, server.id(), EventKind::Listening).at(0).localText(),
             QStringLiteral("[::]:%1").arg(server.localPort()));
    QTcpSocket v4, v6;
    v4.connectToHost(QHostAddress::LocalHost, server.localPort());
    v6.connectToHost(QHostAddress::LocalHostIPv6, server.localPort());
    QTRY_COMPARE(server.connectionCount(), 2);
    QStringList peers;
    for (const ConnectionInfo &c : server.connections())
        peers.append(c.peerText());
    QVERIFY2(peers.contains(QStringLiteral("127.0.0.1:%1").arg(v4.localPort())), qPrintable(peers.join(u' ')));
    QVERIFY2(peers.contains(QStringLiteral("[::1]:%1").arg(v6.localPort())), qPrintable(peers.join(u' ')));
}

void TestTcpServer::echoSendsBackExactlyWhatArrived()
{
    EventLog log;
    TcpServerEndpoint server(&log);
    EndpointConfig config = configFor(QStringLiteral("127.0.0.1"));
    config.echo = true;
    QVERIFY(server.start(config));
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, server.localPort());
    QVERIFY(client.waitForConnected(5000));
    client.write(QByteArray("echo \0me\r\n", 10));
    QTRY_COMPARE(client.bytesAvailable(), qint64(10));
    QCOMPARE(client.readAll(), QByteArray("echo \0me\r\n", 10));
    // Echo's writes are automatic replies, not sends by the user.
    QCOMPARE(bytesOf(log, server.id(), EventKind::AutoReplied), QByteArray("echo \0me\r\n", 10));
    QCOMPARE(eventsOf(log, server.id(), EventKind::Sent).size(), 0);
}

void TestTcpServer::echoWithSlowReaderStillDeliversEverything()
{
    // The client sends 32 MiB at once and reads the echo back slowly, 128 KiB
    // every 5 ms at most. The server must stop reading while its echo
    // queue is over the bound (TCP then holds the client back) and resume as
    // it drains: everything comes back, and the queue never grows past the
    // bound plus one read. Without backpressure the server takes all 32 MiB
    // at loopback speed and queues what the kernel cannot hold: megabytes.
    EventLog::Limits limits;
    limits.payloadBytesPerEvent = 16;
    EventLog log(limits);
    TcpServerEndpoint server(&log);
    EndpointConfig config = configFor(QStringLiteral("127.0.0.1"));
    config.echo = true;
    config.maxPendingWriteBytes = 64 * 1024;
    QVERIFY(server.start(config));
    const qint64 bound = config.maxPendingWriteBytes + ServerReadBytes + QueueSlackBytes;
    qint64 peak = 0;
    const auto samplePeak = [&] { peak = qMax(peak, server.pendingWriteBytes()); };
    // The queue grows only in an echo, which dataReceived follows.
    connect(&server, &Endpoint::dataReceived, this, samplePeak);
    connect(&server, &Endpoint::bytesWritten, this, samplePeak);

    QTcpSocket client;
    constexpr qint64 ReadPiece = 128 * 1024;
    client.setReadBufferSize(ReadPiece); // Qt must not drain the kernel for us
    client.connectToHost(QHostAddress::LocalHost, server.localPort());
    QVERIFY(client.waitForConnected(5000));
    const QByteArray data = payload(32 << 20);
    client.write(data);
    QByteArray back;
    QTimer reader;
    reader.setTimerType(Qt::PreciseTimer);
    reader.setInterval(5);
    connect(&reader, &QTimer::timeout, this, [&] { back += client.read(ReadPiece); });
    reader.start();

    QTRY_COMPARE_WITH_TIMEOUT(back.size(), data.size(), 20000);
    QVERIFY(back == data);
    QCOMPARE(server.connections().at(0).bytesOut, qint64(data.size()));
    QVERIFY2(peak <= bound, qPrintable(QStringLiteral("the echo queue peaked at %1 bytes; the bound is %2")
                                           .arg(peak).arg(bound)));
}

void TestTcpServer::echoToAPeerThatStopsReadingKeepsMemoryBounded()
{
    // The client sends 64 MiB and reads nothing. The server echoes until its
    // queue reaches the bound, then stops reading; the kernel buffers fill
    // and TCP stops the client, which keeps most of the 64 MiB unsent.
    EventLog::Limits limits;
    limits.payloadBytesPerEvent = 16;
    EventLog log(limits);
    TcpServerEndpoint server(&log);
    EndpointConfig config = configFor(QStringLiteral("127.0.0.1"));
    config.echo = true;
    config.maxPendingWriteBytes = 256 * 1024;
    QVERIFY(server.start(config));
    const qint64 bound = config.maxPendingWriteBytes + ServerReadBytes + QueueSlackBytes;
    qint64 peak = 0;
    const auto samplePeak = [&] { peak = qMax(peak, server.pendingWriteBytes()); };
    connect(&server, &Endpoint::dataReceived, this, samplePeak);
    connect(&server, &Endpoint::bytesWritten, this, samplePeak);

    QTcpSocket client;
    client.setReadBufferSize(64 * 1024); // not reading: Qt must not drain the kernel either
    client.connectToHost(QHostAddress::LocalHost, server.localPort());
    QVERIFY(client.waitForConnected(5000));
    const QByteArray data = payload(64 << 20);
    client.write(data);

    // Let it flow until it stops: no byte leaves the client for half a second
    // (when the server takes everything, that is once all 64 MiB are sent).
    QSignalSpy clientWrote(&client, &QTcpSocket::bytesWritten);
    QDeadlineTimer deadline(15000);
    while (clientWrote.wait(500))
        QVERIFY2(!deadline.hasExpired(), "the client never stopped sending");

    const qint64 taken = data.size() - client.bytesToWrite(); // by the kernels and the server
    const QString state = QStringLiteral("stalled with %1 of %2 bytes sent, %3 read by the server, "
                                         "%4 queued by it; the queue peaked at %5, the bound is %6")
                              .arg(taken).arg(data.size()).arg(server.bytesIn())
                              .arg(server.pendingWriteBytes()).arg(peak).arg(bound);
    QVERIFY2(peak <= bound, qPrintable(state));
    // The server read its queue, its kernel send buffer and the client's
    // receive buffer (megabytes, here ~5 MiB); its receive buffer, which the
    // kernel may grow, holds more: "taken" gets the looser limit.
    QVERIFY2(server.bytesIn() < data.size() / 4, qPrintable(state));
    QVERIFY2(taken < data.size() / 2, qPrintable(state));

    // Now the client reads: the rest flows and the whole echo comes back.
    QByteArray back = client.readAll();
    connect(&client, &QTcpSocket::readyRead, this, [&] { back += client.readAll(); });
    client.setReadBufferSize(0);
    QTRY_COMPARE_WITH_TIMEOUT(back.size(), data.size(), 20000);
    QVERIFY(back == data);
    QCOMPARE(server.connections().at(0).bytesOut, qint64(data.size()));
    QVERIFY2(peak <= bound, qPrintable(QStringLiteral("the echo queue peaked at %1 bytes; the bound is %2")
                                           .arg(peak).arg(bound)));
}

void TestTcpServer::echoCanBeSwitchedWhileRunning()
{
    EventLog log;
    TcpServerEndpoint server(&log);
    QVERIFY(server.start(configFor(QStringLiteral("127.0.0.1"))));
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, server.localPort());
    QTRY_COMPARE(server.connectionCount(), 1);
    client.write("not echoed");
    QTRY_COMPARE(server.bytesIn(), 10);
    server.setEcho(true);
    client.write("echoed");
    QTRY_COMPARE(client.bytesAvailable(), qint64(6));
    QCOMPARE(client.readAll(), QByteArray("echoed"));
    const QList<Event> notes = eventsOf(log, server.id(), EventKind::Note);
    QCOMPARE(notes.size(), 1);
    QCOMPARE(notes.at(0).detail, QStringLiteral("echo on"));
}

void TestTcpServer::clientsPastTheLimitAreTurnedAway()
{
    EventLog log;
    TcpServerEndpoint server(&log);
    EndpointConfig config = configFor(QStringLiteral("127.0.0.1"));
    config.maxConnections = 1;
    QVERIFY(server.start(config));
    QTcpSocket first;
    first.connectToHost(QHostAddress::LocalHost, server.localPort());
    QTRY_COMPARE(server.connectionCount(), 1);
    QTcpSocket second;
    second.connectToHost(QHostAddress::LocalHost, server.localPort());
    QTRY_COMPARE(second.state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(server.connectionCount(), 1);
    const QList<Event> notes = eventsOf(log, server.id(), EventKind::TurnedAway);
    QCOMPARE(notes.size(), 1);
    QVERIFY2(notes.at(0).detail.contains(QStringLiteral("limit")), qPrintable(notes.at(0).detail));
}

void TestTcpServer::stopClosesEveryConnection()
{
    EventLog log;
    TcpServerEndpoint server(&log);
    QVERIFY(server.start(configFor(QStringLiteral("127.0.0.1"))));
    QTcpSocket a, b;
    a.connectToHost(QHostAddress::LocalHost, server.localPort());
    b.connectToHost(QHostAddress::LocalHost, server.localPort());
    QTRY_COMPARE(server.connectionCount(), 2);
    server.stop();
    QTRY_COMPARE(a.state(), QAbstractSocket::UnconnectedState);
    QTRY_COMPARE(b.state(), QAbstractSocket::UnconnectedState);
    QTRY_COMPARE(eventsOf(log, server.id(), EventKind::Closed).size(), 2);
    QCOMPARE(eventsOf(log, server.id(), EventKind::Stopped).size(), 1);
    QCOMPARE(server.localPort(), quint16(0));
    QCOMPARE(server.state(), EndpointState::Idle);
}

void TestTcpServer::floodingPeerCannotGrowTheLog()
{
    EventLog::Limits limits;
    limits.capacity = 100;
    limits.payloadBytesTotal = 4096;
    limits.payloadBytesPerEvent = 64;
    EventLog log(limits);
    TcpServerEndpoint server(&log);
    QVERIFY(server.start(configFor(QStringLiteral("127.0.0.1"))));
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, server.localPort());
    QVERIFY(client.waitForConnected(5000));
    const QByteArray chunk(1000, 'f');
    const qint64 total = 4000 * chunk.size();
    for (int i = 0; i < 4000; ++i)
        client.write(chunk);
    QTRY_COMPARE_WITH_TIMEOUT(server.bytesIn(), total, 60000);
    QVERIFY(log.size() <= 100);
    QVERIFY(log.payloadBytesKept() <= 4096);
    QCOMPARE(log.at(log.size() - 1).kind, EventKind::Received);
}

QTEST_GUILESS_MAIN(TestTcpServer)
#include "tst_tcpserver.moc"
