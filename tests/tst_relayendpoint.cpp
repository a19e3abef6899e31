// The relay (Transport::Relay): a listening endpoint that forwards each
// client to a target over a connection of its own, both directions through
// the one pipeline. The client and the target are Python programs no one
// here wrote (tests/peers/relay_peer.py, Python's socket and ssl).
#include "relaytestsupport.h"
#include "session.h"
#include "tcpconnection.h"
#include "tlstestsupport.h"

#include <QDeadlineTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace SockPlay;
using namespace SockPlay::Test;
using namespace SockPlayTest;

class TestRelayEndpoint : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void pythonClientAndServerTalkThroughTheRelayBothWaysLoggedInOrder();
    void framingAndRulesApplyPerDirection();
    void aTargetThatRefusesClosesTheClientWithTheReason();
    void aClientThatResetsClosesTheTargetSide();
    void aTargetThatDoesNotReadHoldsTheClientWithBoundedMemory();
    void aTargetNotOpenYetHoldsTheClient();
    void delayHoldsEachChunkOnItsWay();
    void tlsOnBothSidesAgainstPythonSsl();
    void maxClientsCountsConversations();
    void stoppingClosesBothSides();
    void sendToAllReachesEachClientAndNeedsOne();

private:
    QString m_python;
};

void TestRelayEndpoint::initTestCase()
{
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");
    m_python = python;
}

void TestRelayEndpoint::pythonClientAndServerTalkThroughTheRelayBothWaysLoggedInOrder()
{
    RelayAndPeers<> peers(m_python);
    QVERIFY2(peers.startServer(), qPrintable(peers.server.errText()));
    RelayEndpoint &relay = peers.relay;
    const EventLog &log = peers.log;
    QVERIFY(relay.start(peers.config()));
    QVERIFY2(peers.runClient({QStringLiteral("hello"), QStringLiteral("world"), QStringLiteral("bye")}),
             qPrintable(peers.client.errText()));
    QCOMPARE(peers.client.out(), QByteArray("connected\nreply echo: hello\nreply echo: world\nreply bye\n"));
    QVERIFY2(peers.serverPrinted(QStringLiteral("(client gone)")), peers.server.out().constData());
    QCOMPARE(peers.server.out(), QByteArray(QByteArray::number(peers.targetPort) + "\ngot hello\ngot world\ngot bye\nclient gone\n"));

    // One conversation, both directions, in the order the bytes passed:
    // what came in on one side went out on the other.
    QCOMPARE(dataTrail(log, relay.id()), QStringList({
        QStringLiteral("R#1 hello\n"), QStringLiteral("S#2 hello\n"),
        QStringLiteral("R#2 echo: hello\n"), QStringLiteral("S#1 echo: hello\n"),
        QStringLiteral("R#1 world\n"), QStringLiteral("S#2 world\n"),
        QStringLiteral("R#2 echo: world\n"), QStringLiteral("S#1 echo: world\n"),
        QStringLiteral("R#1 bye\n"), QStringLiteral("S#2 bye\n"),
        QStringLiteral("R#2 bye\n"), QStringLiteral("S#1 bye\n"),
    }));
    QCOMPARE(detailsOf(log, relay.id(), EventKind::Sent, 2), QStringLiteral("relayed from #1|relayed from #1|relayed from #1"));
    QCOMPARE(detailsOf(log, relay.id(), EventKind::Sent, 1), QStringLiteral("relayed from #2|relayed from #2|relayed from #2"));
    // The target closed after "bye": both sides are over, the target's by its peer.
    QTRY_COMPARE(relay.connectionCount(), 0);
    QCOMPARE(eventsOf(log, relay.id(), EventKind::PeerClosed).size() + eventsOf(log, relay.id(), EventKind::Closed).size(), 2);
    QCOMPARE(relay.conversationCount(), 0);
}

void TestRelayEndpoint::framingAndRulesApplyPerDirection()
{
    // Line framing on both sides; a rule that matches what the target says
    // answers the target (the side whose message it matched), and what the
    // target said still goes on to the client unchanged.
    RelayAndPeers<> peers(m_python);
    QVERIFY2(peers.startServer(), qPrintable(peers.server.errText()));
    RelayEndpoint &relay = peers.relay;
    const EventLog &log = peers.log;
    EndpointConfig config = peers.config();
    config.frame = *FrameSpec::parse(QStringLiteral("line"), nullptr);
    QString error;
    config.rules = {*Rule::parse(QStringLiteral("exact:echo: ping=>seen\\n"), &error)};
    QVERIFY(relay.start(config));
    QVERIFY2(peers.runClient({QStringLiteral("ping"), QStringLiteral("bye")}), qPrintable(peers.client.errText()));
    // The server echoed the rule's "seen" too; it reached the client before its "bye".
    QCOMPARE(peers.client.out(), QByteArray("connected\nreply echo: ping\nreply echo: seen\n"));
    QVERIFY2(peers.serverPrinted(QStringLiteral("(got seen)")), peers.server.out().constData());

    const QStringList trail = dataTrail(log, relay.id());
    QVERIFY2(trail.contains(QStringLiteral("M#1 ping\n")), qPrintable(trail.join(u',')));
    QVERIFY2(trail.contains(QStringLiteral("M#2 echo: ping\n")), qPrintable(trail.join(u',')));
    QVERIFY2(trail.contains(QStringLiteral("A#2 seen\n")), qPrintable(trail.join(u',')));
    QVERIFY2(trail.indexOf(QStringLiteral("M#2 echo: ping\n")) < trail.indexOf(QStringLiteral("A#2 seen\n")),
             qPrintable(trail.join(u',')));
    QVERIFY2(trail.contains(QStringLiteral("S#1 echo: ping\n")), qPrintable(trail.join(u',')));
    // No rule answered the client: its side has no automatic reply.
    QVERIFY(!bytesOf(log, relay.id(), EventKind::AutoReplied, 1).size());
}

void TestRelayEndpoint::aTargetThatRefusesClosesTheClientWithTheReason()
{
    quint16 closedPort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        closedPort = probe.serverPort();
    } // nobody listens there now: a connect is refused
    EventLog log;
    RelayEndpoint relay(QStringLiteral("relay"), &log);
    QVERIFY(relay.start(relayConfig(closedPort)));
    QSignalSpy errors(&relay, &Endpoint::errorOccurred);

    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, relay.localPort());
    QVERIFY(client.waitForConnected(PeerTimeoutMs));
    client.write("anyone there?\n");
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::UnconnectedState, PeerTimeoutMs);

    const QString clientErrors = detailsOf(log, relay.id(), EventKind::Error, 1);
    const QString target = QStringLiteral("127.0.0.1:%1").arg(closedPort);
    QVERIFY2(clientErrors.contains(QStringLiteral("the relay's target %1 cannot be reached").arg(target)), qPrintable(clientErrors));
    QVERIFY2(clientErrors.contains(QLatin1String("refused")), qPrintable(clientErrors));
    QVERIFY(std::any_of(errors.cbegin(), errors.cend(), [&](const QList<QVariant> &args) {
        return args.at(0).toString().contains(target);
    }));
    QTRY_COMPARE(relay.connectionCount(), 0);
    // What the client said never went anywhere, and was not lost from the log.
    QCOMPARE(bytesOf(log, relay.id(), EventKind::Sent).size(), 0);
}

void TestRelayEndpoint::aClientThatResetsClosesTheTargetSide()
{
    RelayAndPeers<> peers(m_python);
    QVERIFY2(peers.startServer(), qPrintable(peers.server.errText()));
    RelayEndpoint &relay = peers.relay;
    const EventLog &log = peers.log;
    QVERIFY(relay.start(peers.config()));
    QVERIFY2(peers.runClient({QStringLiteral("hello")}, {QStringLiteral("--reset")}), qPrintable(peers.client.errText()));
    QCOMPARE(peers.client.out(), QByteArray("connected\nreply echo: hello\n"));
    // The target side is closed by the relay, and the Python server sees its client go.
    QVERIFY2(peers.serverPrinted(QStringLiteral("(client gone)")), peers.server.out().constData());
    QTRY_COMPARE(relay.connectionCount(), 0);
    // (Under the network thread's epoll dispatcher the reset is also an Error
    // on #1, and the note says "failed"; Qt's own dispatcher, this test's,
    // reads a reset like a FIN.)
    QCOMPARE(eventsOf(log, relay.id(), EventKind::PeerClosed).size(), 1);
    QCOMPARE(eventsOf(log, relay.id(), EventKind::PeerClosed).constFirst().connectionId(), 1);
    QCOMPARE(eventsOf(log, relay.id(), EventKind::Closed).size(), 1);
    QVERIFY(detailsOf(log, relay.id(), EventKind::Closed, 2).contains(QLatin1String("closed by us")));
    const QString notes = detailsOf(log, relay.id(), EventKind::Note, 2);
    QVERIFY2(notes.contains(QLatin1String("client #1 ")), qPrintable(notes));
}

void TestRelayEndpoint::aTargetThatDoesNotReadHoldsTheClientWithBoundedMemory()
{
    // The client sends 32 MiB; the target reads nothing. The relay queues
    // for the target up to the bound, then stops reading from the client:
    // the kernel's buffers fill and TCP stops the client. Once the target
    // reads, everything flows, in order.
    QTcpServer target;
    QVERIFY(target.listen(QHostAddress::LocalHost, 0));
    QTcpSocket *targetSide = nullptr;
    connect(&target, &QTcpServer::newConnection, this, [&] {
        targetSide = target.nextPendingConnection();
        targetSide->setReadBufferSize(64 * 1024); // not reading: Qt must not drain the kernel either
    });
    EventLog::Limits limits;
    limits.payloadBytesPerEvent = 16;
    EventLog log(limits);
    RelayEndpoint relay(QStringLiteral("relay"), &log);
    EndpointConfig config = relayConfig(target.serverPort());
    config.maxPendingWriteBytes = 256 * 1024;
    QVERIFY(relay.start(config));
    // Past the bound by at most one read, plus slack.
    const qint64 bound = config.maxPendingWriteBytes + TcpConnection::ReadBufferBytes + 64 * 1024;
    qint64 peak = 0;
    const auto samplePeak = [&] { peak = qMax(peak, relay.pendingWriteBytes() + relay.heldBytes()); };
    connect(&relay, &Endpoint::dataReceived, this, samplePeak);
    connect(&relay, &Endpoint::bytesWritten, this, samplePeak);

    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, relay.localPort());
    QTRY_VERIFY(targetSide);
    const QByteArray data = QByteArray("0123456789abcdef").repeated(2 * 1024 * 1024);
    client.write(data);
    QSignalSpy clientWrote(&client, &QTcpSocket::bytesWritten);
    QDeadlineTimer deadline(15000);
    while (clientWrote.wait(500))
        QVERIFY2(!deadline.hasExpired(), "the client never stopped sending");
    const QString state = QStringLiteral("stalled with %1 of %2 bytes sent, %3 read by the relay, %4 queued, %5 held; "
                                         "the queue peaked at %6, the bound is %7")
                              .arg(data.size() - client.bytesToWrite()).arg(data.size()).arg(relay.bytesIn())
                              .arg(relay.pendingWriteBytes()).arg(relay.heldBytes()).arg(peak).arg(bound);
    QVERIFY2(peak <= bound, qPrintable(state));
    QVERIFY2(relay.bytesIn() < data.size() / 2, qPrintable(state));

    QByteArray got = targetSide->readAll();
    connect(targetSide, &QTcpSocket::readyRead, this, [&] { got += targetSide->readAll(); });
    targetSide->setReadBufferSize(0);
    QTRY_COMPARE_WITH_TIMEOUT(got.size(), data.size(), 20000);
    QVERIFY(got == data);
    QVERIFY2(peak <= bound, qPrintable(QStringLiteral("peaked at %1, the bound is %2").arg(peak).arg(bound)));
}

void TestRelayEndpoint::aTargetNotOpenYetHoldsTheClient()
{
    // The target accepts TCP but never answers the relay's TLS ClientHello:
    // its side is not open until the handshake times out. Meanwhile the
    // client floods; the relay reads (almost) nothing of it. Then the
    // client is closed with the reason.
    QTcpServer target;
    QVERIFY(target.listen(QHostAddress::LocalHost, 0));
    EventLog::Limits limits;
    limits.payloadBytesPerEvent = 16;
    EventLog log(limits);
    RelayEndpoint relay(QStringLiteral("relay"), &log);
    EndpointConfig config = relayConfig(target.serverPort());
    TlsSpec silent;
    silent.verifyPeer = false;
    silent.handshakeTimeoutMs = 3000;
    config.relay.targetTls = silent;
    config.maxPendingWriteBytes = 256 * 1024;
    QVERIFY(relay.start(config));
    qint64 peak = 0;
    connect(&relay, &Endpoint::dataReceived, this, [&] { peak = qMax(peak, relay.heldBytes()); });

    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, relay.localPort());
    QTRY_VERIFY(target.hasPendingConnections());
    const QByteArray data(16 * 1024 * 1024, 'x');
    client.write(data);
    QSignalSpy clientWrote(&client, &QTcpSocket::bytesWritten);
    QDeadlineTimer deadline(2500); // before the handshake times out
    while (clientWrote.wait(300) && !deadline.hasExpired()) {
    }
    QVERIFY2(!relay.connection(2)->isOpen(), "the target's side opened");
    QVERIFY2(relay.bytesIn() == 0 && peak == 0,
             qPrintable(QStringLiteral("%1 bytes read from the client, %2 held").arg(relay.bytesIn()).arg(peak)));
    QVERIFY(client.bytesToWrite() > 0); // TCP holds the client back

    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::UnconnectedState, PeerTimeoutMs);
    const QString clientErrors = detailsOf(log, relay.id(), EventKind::Error, 1);
    QVERIFY2(clientErrors.contains(QLatin1String("cannot be reached: the TLS handshake did not finish within 3 s")),
             qPrintable(clientErrors));
    QVERIFY(relay.heldBytes() <= TcpConnection::ReadBufferBytes); // at most what came with the close
}

void TestRelayEndpoint::delayHoldsEachChunkOnItsWay()
{
    QTcpServer target;
    QVERIFY(target.listen(QHostAddress::LocalHost, 0));
    EventLog log;
    RelayEndpoint relay(QStringLiteral("relay"), &log);
    EndpointConfig config = relayConfig(target.serverPort());
    config.relay.delayToTargetMs = 300;
    QVERIFY(relay.start(config));
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, relay.localPort());
    QTRY_VERIFY(target.hasPendingConnections());
    QTcpSocket *targetSide = target.nextPendingConnection();
    QTRY_COMPARE(relay.connectionCount(), 2);
    QTRY_VERIFY(relay.connection(2) && relay.connection(2)->isOpen());
    client.write("slow\n");
    QTRY_COMPARE_WITH_TIMEOUT(targetSide->bytesAvailable(), qint64(5), PeerTimeoutMs);
    QCOMPARE(targetSide->readAll(), QByteArray("slow\n"));
    const QList<Event> received = eventsOf(log, relay.id(), EventKind::Received);
    const QList<Event> sent = eventsOf(log, relay.id(), EventKind::Sent);
    QCOMPARE(received.size(), 1);
    QCOMPARE(sent.size(), 1);
    const qint64 heldMs = (sent.first().timeNs - received.first().timeNs) / 1000000;
    QVERIFY2(heldMs >= 300, qPrintable(QStringLiteral("held %1 ms").arg(heldMs)));
    QVERIFY2(heldMs < 300 + 5000, qPrintable(QStringLiteral("held %1 ms").arg(heldMs)));
    // The other direction has no delay: at once.
    QElapsedTimer clock;
    clock.start();
    targetSide->write("fast\n");
    QTRY_COMPARE(client.bytesAvailable(), qint64(5));
    QVERIFY2(clock.elapsed() < 300, qPrintable(QStringLiteral("took %1 ms").arg(clock.elapsed())));
}

void TestRelayEndpoint::tlsOnBothSidesAgainstPythonSsl()
{
    SOCKPLAY_REQUIRE_PROGRAM(openssl, "openssl");
    TestPki pki;
    QVERIFY2(pki.make(openssl), qPrintable(pki.error));
    RelayAndPeers<> peers(m_python);
    QVERIFY2(peers.startServer({QStringLiteral("--cert"), pki.server(), QStringLiteral("--key"), pki.serverKey(),
                                QStringLiteral("--clients"), QStringLiteral("2")}),
             qPrintable(peers.server.errText()));
    RelayEndpoint &relay = peers.relay;
    const EventLog &log = peers.log;
    EndpointConfig config = peers.config();
    TlsSpec listen;
    listen.selfSigned = true;
    listen.verifyPeer = false;
    config.relay.listenTls = listen;
    TlsSpec toTarget;
    toTarget.caFile = pki.ca();
    toTarget.serverName = QStringLiteral("localhost");
    config.relay.targetTls = toTarget;
    QVERIFY(relay.start(config));
    QVERIFY2(peers.runClient({QStringLiteral("secret"), QStringLiteral("bye")}, {QStringLiteral("--tls")}),
             qPrintable(peers.client.errText() + peers.server.errText()));
    QCOMPARE(peers.client.out(), QByteArray("connected\nreply echo: secret\nreply bye\n"));
    // Both sides did their handshake; the pipeline saw the decrypted bytes.
    QCOMPARE(eventsOf(log, relay.id(), EventKind::Secured).size(), 2);
    QVERIFY(!detailsOf(log, relay.id(), EventKind::Certificate, 2).isEmpty()); // the target's chain, verified
    QCOMPARE(bytesOf(log, relay.id(), EventKind::Received, 1), QByteArray("secret\nbye\n"));
    QCOMPARE(bytesOf(log, relay.id(), EventKind::Sent, 2), QByteArray("secret\nbye\n"));

    // A target whose certificate does not verify (no CA given: the system's
    // do not know ours): the client is closed, the reason names the target.
    relay.stop();
    config.relay.targetTls->caFile.clear();
    QVERIFY(relay.start(config));
    PeerProcess client2;
    QVERIFY2(peers.runClient(client2, {QStringLiteral("x")}, {QStringLiteral("--tls")}), qPrintable(client2.errText()));
    // Closed during its own handshake or after its line went out (a slow
    // machine sees either): no reply came either way.
    QVERIFY2(!client2.out().contains("reply"), client2.out().constData());
    const QString clientErrors = detailsOf(log, relay.id(), EventKind::Error, 1);
    QVERIFY2(clientErrors.contains(QStringLiteral("the relay's target 127.0.0.1:%1").arg(peers.targetPort)),
             qPrintable(clientErrors));
    QVERIFY2(clientErrors.contains(QLatin1String("certificate")), qPrintable(clientErrors));
}

void TestRelayEndpoint::maxClientsCountsConversations()
{
    QTcpServer target;
    QVERIFY(target.listen(QHostAddress::LocalHost, 0));
    EventLog log;
    RelayEndpoint relay(QStringLiteral("relay"), &log);
    EndpointConfig config = relayConfig(target.serverPort());
    config.maxConnections = 2;
    QVERIFY(relay.start(config));
    QSignalSpy turnedAway(&relay, &Endpoint::clientTurnedAway);
    QTcpSocket first, second, third;
    first.connectToHost(QHostAddress::LocalHost, relay.localPort());
    QTRY_COMPARE(relay.connectionCount(), 2); // its side and the target's
    second.connectToHost(QHostAddress::LocalHost, relay.localPort());
    QTRY_COMPARE(relay.connectionCount(), 4);
    third.connectToHost(QHostAddress::LocalHost, relay.localPort());
    QTRY_COMPARE(turnedAway.size(), 1);
    QCOMPARE(relay.conversationCount(), 2);
    // Ids come in pairs: client #1 with target side #2, client #3 with #4.
    QVERIFY(relay.connection(1) && relay.connection(2) && relay.connection(3) && relay.connection(4));
    QVERIFY(!RelaySpec::isTargetSide(3) && RelaySpec::isTargetSide(4) && RelaySpec::clientSideOf(4) == 3);
}

void TestRelayEndpoint::stoppingClosesBothSides()
{
    QTcpServer target;
    QVERIFY(target.listen(QHostAddress::LocalHost, 0));
    EventLog log;
    RelayEndpoint relay(QStringLiteral("relay"), &log);
    QVERIFY(relay.start(relayConfig(target.serverPort())));
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, relay.localPort());
    QTRY_VERIFY(target.hasPendingConnections());
    QTcpSocket *targetSide = target.nextPendingConnection();
    QTRY_VERIFY(relay.connection(2) && relay.connection(2)->isOpen());
    relay.stop();
    QCOMPARE(relay.connectionCount(), 0);
    QCOMPARE(relay.conversationCount(), 0);
    QCOMPARE(eventsOf(log, relay.id(), EventKind::Closed).size(), 2);
    QTRY_COMPARE(client.state(), QAbstractSocket::UnconnectedState);
    QTRY_COMPARE(targetSide->state(), QAbstractSocket::UnconnectedState);
    // And it starts again.
    QVERIFY(relay.start(relayConfig(target.serverPort())));
}

// The relay pane's Send (to all): the bytes go to each client, not to the
// target; with no client there is nobody to send to, and the pane says so.
void TestRelayEndpoint::sendToAllReachesEachClientAndNeedsOne()
{
    SOCKPLAY_REQUIRE_PROGRAM(socat, "socat");
    RelayAndPeers<> peers(m_python);
    QVERIFY2(peers.startServer(), qPrintable(peers.server.errText()));
    RelayEndpoint &relay = peers.relay;
    QVERIFY(relay.start(peers.config()));
    const Result none = relay.send(Endpoint::AllConnections, "nobody\n");
    QVERIFY(!none);
    QVERIFY2(none.error.contains(QLatin1String("no client is connected")), qPrintable(none.error));

    PeerProcess client; // socat prints what the relay sends it
    QVERIFY(client.start(socat, {QStringLiteral("-u"), QStringLiteral("TCP:127.0.0.1:%1").arg(relay.localPort()),
                                 QStringLiteral("STDOUT")}));
    QTRY_VERIFY(!eventsOf(peers.log, relay.id(), EventKind::Connected).isEmpty()); // a conversation began
    const Result sent = relay.send(Endpoint::AllConnections, "to every client\n");
    QVERIFY2(sent, qPrintable(sent.error));
    QVERIFY2(client.waitForOutput(16), client.out().constData());
    QCOMPARE(client.out(), QByteArray("to every client\n"));
    QVERIFY(!peers.server.out().contains("to every client")); // not relayed to the target
}

QTEST_GUILESS_MAIN(TestRelayEndpoint)
#include "tst_relayendpoint.moc"
