// The UDP relay (a relay with RelaySpec::udp): each client an association,
// a socket of its own to the target, datagrams both ways through the one
// pipeline, the simulated link on the relay's side to the target. The
// client and the target are Python programs no one here wrote
// (tests/peers/udp_relay_peer.py, Python's socket module).
#include "relaytestsupport.h"
#include "relayconversation.h"
#include "session.h"

#include <QSignalSpy>
#include <QTest>
#include <QUdpSocket>

using namespace SockPlay;
using namespace SockPlay::Test;
using namespace SockPlayTest;

using UdpPeers = RelayAndPeers<UdpRelayEndpoint>;

class TestUdpRelay : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void pythonClientAndServerThroughTheRelayBothWaysInOrder();
    void eachDatagramKeepsItsBoundaries();
    void rulesAnswerTheSideWhoseDatagramTheyMatched();
    void lossOfEverythingDropsEverythingAndSaysSo_data();
    void lossOfEverythingDropsEverythingAndSaysSo();
    void aDuplicateSettingDuplicates();
    void aRefusedTargetIsAnErrorNamingTheTarget();
    void aFloodIsHeldWithinTheBound();
    void idleAssociationsEndAndMaxClientsTurnsAway();
    void theSessionMakesAUdpRelay();

private:
    QString m_python;
};

void TestUdpRelay::initTestCase()
{
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");
    m_python = python;
}

void TestUdpRelay::pythonClientAndServerThroughTheRelayBothWaysInOrder()
{
    UdpPeers peers(m_python);
    QVERIFY2(peers.startServer(), qPrintable(peers.server.errText()));
    UdpRelayEndpoint &relay = peers.relay;
    QVERIFY(relay.start(peers.config()));
    QVERIFY2(peers.runClient({QStringLiteral("hello"), QStringLiteral("world"), QStringLiteral("bye")}),
             qPrintable(peers.client.errText()));
    QCOMPARE(peers.client.out(), QByteArray("reply echo: hello\nreply echo: world\nreply bye\n"));
    QVERIFY2(peers.server.waitForExit(), peers.server.out().constData());
    QCOMPARE(peers.server.out(), QByteArray::number(peers.targetPort) + "\ngot hello\ngot world\ngot bye\n");

    // One association, both directions, in the order the datagrams passed:
    // what came in on one side went out on the other.
    QCOMPARE(dataTrail(peers.log, relay.id()), QStringList({
        QStringLiteral("R#1 hello"), QStringLiteral("S#2 hello"),
        QStringLiteral("R#2 echo: hello"), QStringLiteral("S#1 echo: hello"),
        QStringLiteral("R#1 world"), QStringLiteral("S#2 world"),
        QStringLiteral("R#2 echo: world"), QStringLiteral("S#1 echo: world"),
        QStringLiteral("R#1 bye"), QStringLiteral("S#2 bye"),
        QStringLiteral("R#2 bye"), QStringLiteral("S#1 bye"),
    }));
    QCOMPARE(detailsOf(peers.log, relay.id(), EventKind::DatagramSent, 2),
             QStringLiteral("relayed from #1|relayed from #1|relayed from #1"));
    QCOMPARE(detailsOf(peers.log, relay.id(), EventKind::DatagramSent, 1),
             QStringLiteral("relayed from #2|relayed from #2|relayed from #2"));
    QCOMPARE(relay.associationCount(), 1);
    const QList<ConnectionInfo> sides = relay.connections();
    QCOMPARE(sides.size(), 2);
    QCOMPARE(sides.at(1).peerPort, peers.targetPort); // #2 is connected to the target
    relay.stop();
    QCOMPARE(relay.associationCount(), 0);
    QCOMPARE(eventsOf(peers.log, relay.id(), EventKind::Closed).size(), 3); // both sides and the socket
}

void TestUdpRelay::eachDatagramKeepsItsBoundaries()
{
    // Three datagrams sent back to back: three datagrams at the target and
    // three replies, never one merged read as a byte stream would give.
    UdpPeers peers(m_python);
    QVERIFY2(peers.startServer(), qPrintable(peers.server.errText()));
    QVERIFY(peers.relay.start(peers.config()));
    QVERIFY2(peers.runClient({QStringLiteral("one"), QStringLiteral("two two"), QString()}, {QStringLiteral("--burst")}),
             qPrintable(peers.client.errText()));
    QCOMPARE(peers.client.out(), QByteArray("reply echo: one\nreply echo: two two\nreply echo: \n"));
    QVERIFY2(peers.serverPrinted(QStringLiteral("(got \\n)")), peers.server.out().constData());
    QCOMPARE(peers.server.out(), QByteArray::number(peers.targetPort) + "\ngot one\ngot two two\ngot \n");
    const QList<Event> sent = eventsOf(peers.log, peers.relay.id(), EventKind::DatagramSent);
    QStringList toTarget;
    for (const Event &e : sent)
        if (e.connectionId() == 2)
            toTarget.append(QString::fromUtf8(e.payload));
    QCOMPARE(toTarget, QStringList({QStringLiteral("one"), QStringLiteral("two two"), QString()}));
}

void TestUdpRelay::rulesAnswerTheSideWhoseDatagramTheyMatched()
{
    UdpPeers peers(m_python);
    QVERIFY2(peers.startServer({QStringLiteral("--byes"), QStringLiteral("1")}), qPrintable(peers.server.errText()));
    EndpointConfig config = peers.config();
    QString error;
    config.rules = {*Rule::parse(QStringLiteral("exact:echo: ping=>bye"), &error)};
    QVERIFY(peers.relay.start(config));
    QVERIFY2(peers.runClient({QStringLiteral("ping")}), qPrintable(peers.client.errText()));
    // The target's "echo: ping" still reached the client; the rule's reply
    // went to the target, whose "bye" ended it.
    QCOMPARE(peers.client.out(), QByteArray("reply echo: ping\n"));
    QVERIFY2(peers.server.waitForExit(), peers.server.out().constData());
    QCOMPARE(peers.server.out(), QByteArray::number(peers.targetPort) + "\ngot ping\ngot bye\n");
    QCOMPARE(bytesOf(peers.log, peers.relay.id(), EventKind::AutoReplied, 2), QByteArray("bye"));
    QVERIFY(bytesOf(peers.log, peers.relay.id(), EventKind::AutoReplied, 1).isEmpty());
}

void TestUdpRelay::lossOfEverythingDropsEverythingAndSaysSo_data()
{
    QTest::addColumn<SimLinkSpec::Direction>("on");
    QTest::addColumn<int>("droppedOn");  // the side whose datagrams the link drops: always the target's
    QTest::addColumn<QString>("dropped"); // what it drops
    QTest::newRow("on send: to the target") << SimLinkSpec::Direction::Send << 2 << QStringLiteral("000000");
    QTest::newRow("on receive: back from it") << SimLinkSpec::Direction::Receive << 2 << QStringLiteral("echo: 000000");
}

void TestUdpRelay::lossOfEverythingDropsEverythingAndSaysSo()
{
    QFETCH(SimLinkSpec::Direction, on);
    QFETCH(int, droppedOn);
    QFETCH(QString, dropped);
    UdpPeers peers(m_python);
    QVERIFY2(peers.startServer(), qPrintable(peers.server.errText()));
    UdpRelayEndpoint &relay = peers.relay;
    EndpointConfig config = peers.config();
    config.simLink.lossPercent = 100;
    config.simLink.direction = on;
    config.simLink.seed = 7;
    QVERIFY(relay.start(config));
    // The log says what the link does and where it sits.
    const QString place = QStringLiteral(" (on the relay's side to the target)");
    QCOMPARE(eventsOf(peers.log, relay.id(), EventKind::Note).constLast().detail, config.simLink.describe() + place);
    QVERIFY2(peers.runClient({}, {QStringLiteral("--flood"), QStringLiteral("5"), QStringLiteral("--size"),
                                  QStringLiteral("6")}),
             qPrintable(peers.client.errText()));
    QTRY_COMPARE(eventsOf(peers.log, relay.id(), EventKind::SimulatedDrop).size(), 5);
    const Event first = eventsOf(peers.log, relay.id(), EventKind::SimulatedDrop).constFirst();
    QCOMPARE(first.connectionId(), droppedOn);
    QCOMPARE(QString::fromUtf8(first.payload), dropped);
    QCOMPARE(first.detail, SimulatedLink::dropDetail());
    QCOMPARE(relay.simulatedLink()->counts().dropped, quint64(5));
    // Nothing reached the client; on send nothing reached the target either.
    QCOMPARE(bytesOf(peers.log, relay.id(), EventKind::DatagramSent, 1).size(), 0);
    if (on == SimLinkSpec::Direction::Send)
        QCOMPARE(eventsOf(peers.log, relay.id(), EventKind::DatagramSent).size(), 0);

    // The link off: the next datagram goes through, and it is the first the
    // target sees when the link was on send.
    relay.setSimLink({});
    QCOMPARE(eventsOf(peers.log, relay.id(), EventKind::Note).constLast().detail, QStringLiteral("simulated link off"));
    SimLinkSpec duplicating;
    duplicating.duplicatePercent = 1;
    duplicating.seed = 1;
    relay.setSimLink(duplicating);
    QCOMPARE(eventsOf(peers.log, relay.id(), EventKind::Note).constLast().detail, duplicating.describe() + place);
    relay.setSimLink({});
    PeerProcess again;
    QVERIFY2(peers.runClient(again, {QStringLiteral("bye")}), qPrintable(again.errText()));
    QCOMPARE(again.out(), QByteArray("reply bye\n"));
    if (on == SimLinkSpec::Direction::Send)
        QCOMPARE(peers.server.out(), QByteArray::number(peers.targetPort) + "\ngot bye\n");
}

void TestUdpRelay::aDuplicateSettingDuplicates()
{
    UdpPeers peers(m_python);
    QVERIFY2(peers.startServer(), qPrintable(peers.server.errText()));
    EndpointConfig config = peers.config();
    config.simLink.duplicatePercent = 100;
    config.simLink.seed = 3;
    QVERIFY(peers.relay.start(config));
    // One datagram sent; the target gets it twice and answers twice.
    QVERIFY2(peers.runClient({QStringLiteral("dup")}, {QStringLiteral("--extra"), QStringLiteral("1")}),
             qPrintable(peers.client.errText()));
    QCOMPARE(peers.client.out(), QByteArray("reply echo: dup\nreply echo: dup\n"));
    QCOMPARE(peers.server.out(), QByteArray::number(peers.targetPort) + "\ngot dup\ngot dup\n");
    QCOMPARE(detailsOf(peers.log, peers.relay.id(), EventKind::DatagramSent, 2),
             QStringLiteral("relayed from #1|duplicated by the simulated link; relayed from #1"));
    QCOMPARE(peers.relay.simulatedLink()->counts().duplicated, quint64(1));
}

void TestUdpRelay::aRefusedTargetIsAnErrorNamingTheTarget()
{
    quint16 closedPort = 0;
    {
        QUdpSocket probe;
        QVERIFY(probe.bind(QHostAddress::LocalHost, 0));
        closedPort = probe.localPort();
    } // nothing is bound there now: the kernel answers ICMP port unreachable
    EventLog log;
    UdpRelayEndpoint relay(QStringLiteral("relay"), &log);
    QVERIFY(relay.start(relayConfig(closedPort, true)));
    QSignalSpy errors(&relay, &Endpoint::errorOccurred);
    QUdpSocket client;
    QVERIFY(client.bind(QHostAddress::LocalHost, 0));
    client.writeDatagram("anyone there?", QHostAddress::LocalHost, relay.localPort());

    const QString target = QStringLiteral("127.0.0.1:%1").arg(closedPort);
    QTRY_VERIFY_WITH_TIMEOUT(!detailsOf(log, relay.id(), EventKind::Error, 1).isEmpty(), PeerTimeoutMs);
    const QString clientErrors = detailsOf(log, relay.id(), EventKind::Error, 1);
    QVERIFY2(clientErrors.contains(QStringLiteral("the relay's target %1 cannot be reached").arg(target)),
             qPrintable(clientErrors));
    QVERIFY2(clientErrors.contains(QLatin1String("ICMP port unreachable")), qPrintable(clientErrors));
    QVERIFY2(clientErrors.contains(QLatin1String("Connection refused")), qPrintable(clientErrors));
    QVERIFY(std::any_of(errors.cbegin(), errors.cend(), [&](const QList<QVariant> &args) {
        return args.at(0).toString().contains(target);
    }));
    // The association is over; the next datagram starts a new one.
    QTRY_COMPARE(relay.associationCount(), 0);
    QTRY_COMPARE(relay.connectionCount(), 0);
    QCOMPARE(bytesOf(log, relay.id(), EventKind::DatagramSent, 2), QByteArray("anyone there?"));
    client.writeDatagram("again", QHostAddress::LocalHost, relay.localPort());
    QTRY_COMPARE(bytesOf(log, relay.id(), EventKind::DatagramReceived, 3), QByteArray("again"));
}

void TestUdpRelay::aFloodIsHeldWithinTheBound()
{
    // A client floods while every datagram to the target waits a minute
    // (the relay's delay): what the relay holds stays within its bound, the
    // rest is dropped, and the log says so once.
    UdpPeers peers(m_python, EventLog::Limits{});
    QVERIFY2(peers.startServer(), qPrintable(peers.server.errText()));
    UdpRelayEndpoint &relay = peers.relay;
    EndpointConfig config = peers.config();
    config.relay.delayToTargetMs = 60000;
    config.maxPendingWriteBytes = 64 * 1024;
    QVERIFY(relay.start(config));
    qint64 peakBytes = 0;
    int peakDatagrams = 0;
    connect(&relay, &Endpoint::dataReceived, this, [&] {
        peakBytes = qMax(peakBytes, relay.heldBytes());
        peakDatagrams = qMax(peakDatagrams, relay.heldDatagrams());
    });
    QVERIFY2(peers.runClient({}, {QStringLiteral("--flood"), QStringLiteral("20000"), QStringLiteral("--size"),
                                  QStringLiteral("100")}),
             qPrintable(peers.client.errText()));
    QTRY_VERIFY_WITH_TIMEOUT(detailsOf(peers.log, relay.id(), EventKind::Note, 2).contains(
                                 QLatin1String("the relay holds its limit for this side")),
                             PeerTimeoutMs);
    const QString state = QStringLiteral("%1 datagrams read, peak held %2 bytes in %3 datagrams, the bound is %4 bytes")
                              .arg(relay.stats().messagesIn).arg(peakBytes).arg(peakDatagrams)
                              .arg(config.maxPendingWriteBytes);
    QVERIFY2(peakBytes <= config.maxPendingWriteBytes, qPrintable(state));
    QVERIFY2(peakDatagrams <= RelayConversation::MaxHeldDatagrams, qPrintable(state));
    QVERIFY2(relay.stats().messagesIn > peakDatagrams, qPrintable(state)); // more came than was kept
    QCOMPARE(eventsOf(peers.log, relay.id(), EventKind::DatagramSent).size(), 0); // a minute away
    relay.stop();
    QCOMPARE(relay.heldBytes(), 0);
}

void TestUdpRelay::idleAssociationsEndAndMaxClientsTurnsAway()
{
    QUdpSocket target;
    QVERIFY(target.bind(QHostAddress::LocalHost, 0));
    EventLog log;
    UdpRelayEndpoint relay(QStringLiteral("relay"), &log);
    EndpointConfig config = relayConfig(target.localPort(), true);
    config.relay.idleTimeoutMs = 300;
    config.maxConnections = 1;
    QVERIFY(relay.start(config));
    QSignalSpy turnedAway(&relay, &Endpoint::clientTurnedAway);
    QUdpSocket first, second;
    QVERIFY(first.bind(QHostAddress::LocalHost, 0));
    QVERIFY(second.bind(QHostAddress::LocalHost, 0));
    first.writeDatagram("first", QHostAddress::LocalHost, relay.localPort());
    QTRY_VERIFY(target.hasPendingDatagrams());
    QCOMPARE(relay.associationCount(), 1);
    second.writeDatagram("second", QHostAddress::LocalHost, relay.localPort());
    QTRY_COMPARE(turnedAway.size(), 1);
    QCOMPARE(turnedAway.constFirst().at(0).toString(), QStringLiteral("127.0.0.1:%1").arg(second.localPort()));
    QCOMPARE(eventsOf(log, relay.id(), EventKind::TurnedAway).size(), 1);

    // Nothing either way for 300 ms: the association ends, with a note, and
    // the next client is served.
    QTRY_COMPARE_WITH_TIMEOUT(relay.associationCount(), 0, PeerTimeoutMs);
    QVERIFY2(detailsOf(log, relay.id(), EventKind::Note, 1).contains(QLatin1String("no datagram either way for 300 ms")),
             qPrintable(detailsOf(log, relay.id(), EventKind::Note, 1)));
    QCOMPARE(relay.connectionCount(), 0);
    second.writeDatagram("second", QHostAddress::LocalHost, relay.localPort());
    QTRY_COMPARE(relay.associationCount(), 1);
    QTRY_COMPARE(bytesOf(log, relay.id(), EventKind::DatagramSent, 4), QByteArray("second"));
}

void TestUdpRelay::theSessionMakesAUdpRelay()
{
    QUdpSocket target;
    QVERIFY(target.bind(QHostAddress::LocalHost, 0));
    Session session;
    const EndpointConfig config = relayConfig(target.localPort(), true);
    QVERIFY(Session::capabilitiesOf(config).datagram);
    QVERIFY(!Session::capabilitiesOf(relayConfig(target.localPort())).datagram);
    const int id = session.addEndpoint(config);
    session.start(id, config);
    QTRY_VERIFY(session.snapshot(id).isActive());
    QVERIFY(session.snapshot(id).capabilities.datagram);
    // The simulated link is allowed on it, also while it runs.
    SimLinkSpec link;
    link.lossPercent = 100;
    QSignalSpy errors(&session, &Session::errorOccurred);
    session.setSimLink(id, link);
    QTRY_COMPARE(session.snapshot(id).config.simLink, link);
    QCOMPARE(errors.size(), 0);
    // Switching it to TCP makes the TCP relay behind the same id.
    EndpointConfig tcp = config;
    tcp.relay.udp = false;
    tcp.simLink = {};
    session.start(id, tcp);
    QTRY_VERIFY(session.snapshot(id).isActive());
    QVERIFY(!session.snapshot(id).capabilities.datagram);
}

QTEST_GUILESS_MAIN(TestUdpRelay)
#include "tst_udprelay.moc"
