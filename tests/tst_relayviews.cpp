// The relay beyond its sockets: the teaching views (lifecycle, sequence
// diagram, code view) after a conversation between Python peers
// (tests/peers/relay_peer.py), and the session file's "forward" object,
// written, read back and refused with a reason.
#include "codegen.h"
#include "ladder.h"
#include "lifecycletracker.h"
#include "relaytestsupport.h"
#include "sessionfile.h"

#include <QJsonObject>
#include <QTest>

using namespace SockPlay;
using namespace SockPlay::Test;
using namespace SockPlayTest;

class TestRelayViews : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void teachingViewsShowTheRelayAsThreeLanes();
    void aUdpRelayIsThreeLanesOfDatagrams();
    void sessionFileRoundTripsTheRelay();
    void sessionFileRefusesBadRelays_data();
    void sessionFileRefusesBadRelays();

private:
    QString m_python;
};

void TestRelayViews::initTestCase()
{
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");
    m_python = python;
}

void TestRelayViews::teachingViewsShowTheRelayAsThreeLanes()
{
    RelayAndPeers<> peers(m_python);
    QVERIFY2(peers.startServer(), qPrintable(peers.server.errText()));
    RelayEndpoint &relay = peers.relay;
    QVERIFY(relay.start(peers.config()));
    QVERIFY2(peers.runClient({QStringLiteral("ping"), QStringLiteral("bye")}), qPrintable(peers.client.errText()));
    QTRY_COMPARE(relay.connectionCount(), 0);
    const QList<Event> events = peers.log.snapshot();

    // Lifecycle: a relay's flow, a branch for the client it accepted and one
    // for the connection it opened to the target, each through its exchange.
    LifecycleTracker tracker;
    tracker.feed(events);
    const LifecycleFlow flow = tracker.flow(relay.id());
    QVERIFY(flow.relay);
    QCOMPARE(flow.title(), QStringLiteral("Relay"));
    QCOMPARE(flow.kind, LifecycleFlow::Kind::TcpServer);
    const LifecycleBranch *clientSide = flow.branch(1);
    const LifecycleBranch *targetSide = flow.branch(2);
    QVERIFY(clientSide && targetSide);
    QCOMPARE(clientSide->steps.constFirst().call, LifecycleStep::Call::Accept);
    QCOMPARE(targetSide->steps.constFirst().call, LifecycleStep::Call::Connect);
    for (const LifecycleBranch *side : {clientSide, targetSide}) {
        const int exchange = side->indexOf(LifecycleStep::Call::Exchange);
        QVERIFY(exchange >= 0 && side->steps.at(exchange).isLit());
    }
    QCOMPARE(flow.steps.at(flow.indexOf(LifecycleStep::Call::Listen)).isLit(), true); // still the server's row

    // Sequence diagram: client, relay, target; what the client said goes
    // client -> relay -> target, the answer back the same way.
    Ladder ladder;
    ladder.addEvents(events);
    QStringList lanes;
    for (const Ladder::Lane &lane : ladder.lanes())
        lanes.append(lane.name);
    QCOMPARE(ladder.lanes().size(), 3);
    const auto laneOf = [&](const QString &start) {
        for (qsizetype i = 0; i < lanes.size(); ++i)
            if (lanes.at(i).startsWith(start))
                return int(i);
        return -1;
    };
    const int relayLane = laneOf(QStringLiteral("relay"));
    const int targetLane = laneOf(QStringLiteral("peer 127.0.0.1:%1").arg(peers.targetPort));
    QVERIFY2(relayLane >= 0 && targetLane >= 0, qPrintable(lanes.join(u',')));
    const int clientLane = 3 - relayLane - targetLane;
    const auto letter = [&](int lane) {
        return lane == clientLane ? QStringLiteral("C") : lane == relayLane ? QStringLiteral("R") : QStringLiteral("T");
    };
    QStringList data;
    for (qsizetype i = 0; i < ladder.arrowCount(); ++i) {
        const Ladder::Arrow &arrow = ladder.arrow(i);
        if (arrow.kind == Ladder::ArrowKind::Data)
            data.append(QStringLiteral("%1>%2 %3").arg(letter(arrow.from), letter(arrow.to), QString::fromUtf8(arrow.preview)));
    }
    QCOMPARE(data.mid(0, 4), QStringList({QStringLiteral("C>R ping\n"), QStringLiteral("R>T ping\n"),
                                          QStringLiteral("T>R echo: ping\n"), QStringLiteral("R>C echo: ping\n")}));

    // Code view: in Python the relay itself (tst_codegen_relay runs it); in Go,
    // the TCP server under it, and a line that says what is left out.
    const ProgramSpec python = programFromEndpoint(relay.config(), ProgramSpec::Language::Python, {});
    QCOMPARE(python.kind, ProgramSpec::Kind::Relay);
    QCOMPARE(python.relay.targetPort, quint16(peers.targetPort));
    const ProgramSpec program = programFromEndpoint(relay.config(), ProgramSpec::Language::Go, {});
    QCOMPARE(program.kind, ProgramSpec::Kind::TcpServer);
    QVERIFY2(program.notShown.join(u' ').contains(QStringLiteral("The relay is not shown here")), qPrintable(program.notShown.join(u' ')));
    QVERIFY(program.notShown.join(u' ').contains(QStringLiteral("127.0.0.1:%1").arg(peers.targetPort)));
}

void TestRelayViews::aUdpRelayIsThreeLanesOfDatagrams()
{
    RelayAndPeers<UdpRelayEndpoint> peers(m_python);
    QVERIFY2(peers.startServer(), qPrintable(peers.server.errText()));
    UdpRelayEndpoint &relay = peers.relay;
    EndpointConfig config = peers.config();
    config.simLink.lossPercent = 100;
    config.simLink.direction = SimLinkSpec::Direction::Receive;
    QVERIFY(relay.start(config));
    QVERIFY2(peers.runClient({QStringLiteral("ping")}, {QStringLiteral("--timeout"), QStringLiteral("0.2")}),
             qPrintable(peers.client.errText()));
    QTRY_COMPARE(eventsOf(peers.log, relay.id(), EventKind::SimulatedDrop).size(), 1);
    relay.setSimLink({});
    PeerProcess again;
    QVERIFY2(peers.runClient(again, {QStringLiteral("pong")}), qPrintable(again.errText()));
    const QList<Event> events = peers.log.snapshot();

    // The lifecycle: a UDP socket's flow titled "Relay", a branch per side.
    LifecycleTracker tracker;
    tracker.feed(events);
    const LifecycleFlow flow = tracker.flow(relay.id());
    QVERIFY(flow.relay);
    QCOMPARE(flow.kind, LifecycleFlow::Kind::Udp);
    QCOMPARE(flow.title(), QStringLiteral("Relay (UDP)"));
    QVERIFY(flow.steps.at(flow.indexOf(LifecycleStep::Call::Bind)).isLit());

    // The sequence diagram: client, relay, target; each datagram an arrow
    // client -> relay -> target and back. The simulated drop on the way back
    // is drawn as for a UDP socket whose sender is not in the log: an arrow
    // at the relay's side to the target that ends in a cross.
    Ladder ladder;
    ladder.addEvents(events);
    QStringList lanes;
    for (const Ladder::Lane &lane : ladder.lanes())
        lanes.append(lane.name);
    QVERIFY2(ladder.lanes().size() == 4, qPrintable(lanes.join(u','))); // two clients, the relay, the target
    const auto laneOf = [&](const QString &start) {
        for (qsizetype i = 0; i < lanes.size(); ++i)
            if (lanes.at(i).startsWith(start))
                return int(i);
        return -1;
    };
    const int relayLane = laneOf(QStringLiteral("relay"));
    const int targetLane = laneOf(QStringLiteral("peer 127.0.0.1:%1").arg(peers.targetPort));
    QVERIFY2(relayLane >= 0 && targetLane >= 0, qPrintable(lanes.join(u',')));
    const auto letter = [&](int lane) {
        return lane == relayLane ? QStringLiteral("R") : lane == targetLane ? QStringLiteral("T") : QStringLiteral("C");
    };
    QStringList datagrams;
    for (qsizetype i = 0; i < ladder.arrowCount(); ++i) {
        const Ladder::Arrow &arrow = ladder.arrow(i);
        if (arrow.kind == Ladder::ArrowKind::Datagram)
            datagrams.append(QStringLiteral("%1>%2 %3%4").arg(letter(arrow.from), letter(arrow.to),
                                                              QString::fromUtf8(arrow.preview),
                                                              arrow.has(Ladder::Lost) ? QStringLiteral(" lost") : QString()));
    }
    QCOMPARE(datagrams, QStringList({QStringLiteral("C>R ping"), QStringLiteral("R>T ping"),
                                     QStringLiteral("R>T echo: ping lost"), QStringLiteral("C>R pong"),
                                     QStringLiteral("R>T pong"), QStringLiteral("T>R echo: pong"),
                                     QStringLiteral("R>C echo: pong")}));
}

void TestRelayViews::sessionFileRoundTripsTheRelay()
{
    EndpointConfig config = relayConfig(7000);
    config.relay.targetHost = QStringLiteral("example.org");
    config.relay.delayToTargetMs = 25;
    config.relay.delayToClientMs = 40;
    TlsSpec listen;
    listen.selfSigned = true;
    listen.verifyPeer = false;
    config.relay.listenTls = listen;
    TlsSpec toTarget;
    toTarget.serverName = QStringLiteral("example.org");
    toTarget.verifyPeer = false;
    config.relay.targetTls = toTarget;
    const QJsonObject json = SessionFile::endpointToJson(config);
    QCOMPARE(json.value(QLatin1String("transport")).toString(), QStringLiteral("relay"));
    QCOMPARE(json.value(QLatin1String("forward")).toObject().value(QLatin1String("target")).toString(), QStringLiteral("example.org"));
    QString error;
    const std::optional<EndpointConfig> back = SessionFile::endpointFromJson(json, &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->relay, config.relay);
    QCOMPARE(back->transport, Transport::Relay);
    // A plain relay writes only its target.
    const QJsonObject plain = SessionFile::endpointToJson(relayConfig(7000)).value(QLatin1String("forward")).toObject();
    QCOMPARE(plain, QJsonObject({{QStringLiteral("target"), QStringLiteral("127.0.0.1")}, {QStringLiteral("targetPort"), 7000}}));
    // Another transport has none.
    EndpointConfig tcp;
    QVERIFY(!SessionFile::endpointToJson(tcp).contains(QLatin1String("forward")));

    // A UDP relay and its simulated link.
    EndpointConfig udp = relayConfig(9001, true);
    udp.relay.idleTimeoutMs = 1500;
    udp.relay.delayToClientMs = 10;
    udp.simLink.lossPercent = 12.5;
    udp.simLink.duplicatePercent = 3;
    udp.simLink.delayMs = 40;
    udp.simLink.jitterMs = 20;
    udp.simLink.seed = 99;
    udp.simLink.direction = SimLinkSpec::Direction::Receive;
    const QJsonObject udpJson = SessionFile::endpointToJson(udp);
    QCOMPARE(udpJson.value(QLatin1String("forward")).toObject().value(QLatin1String("udp")), QJsonValue(true));
    QVERIFY(udpJson.contains(QLatin1String("simLink")));
    const std::optional<EndpointConfig> udpBack = SessionFile::endpointFromJson(udpJson, &error);
    QVERIFY2(udpBack, qPrintable(error));
    QCOMPARE(udpBack->relay, udp.relay);
    QCOMPARE(udpBack->simLink, udp.simLink);
    QVERIFY(udpBack->isUdpRelay());
    // The default idle timeout is not written.
    const QJsonObject udpPlain = SessionFile::endpointToJson(relayConfig(9001, true)).value(QLatin1String("forward")).toObject();
    QCOMPARE(udpPlain.value(QLatin1String("udp")), QJsonValue(true));
    QVERIFY(!udpPlain.contains(QLatin1String("idleTimeoutMs")));
}

void TestRelayViews::sessionFileRefusesBadRelays_data()
{
    QTest::addColumn<QJsonObject>("endpoint");
    QTest::addColumn<QString>("reason");
    const auto relay = [](const QJsonValue &forward) {
        QJsonObject object{{QStringLiteral("name"), QStringLiteral("r")}, {QStringLiteral("transport"), QStringLiteral("relay")},
                           {QStringLiteral("role"), QStringLiteral("server")}, {QStringLiteral("port"), 0}};
        if (!forward.isUndefined())
            object.insert(QStringLiteral("forward"), forward);
        return object;
    };
    QTest::newRow("no forward") << relay(QJsonValue::Undefined) << QStringLiteral("\"forward\" is missing");
    QTest::newRow("forward not an object") << relay(QStringLiteral("x")) << QStringLiteral("\"forward\" must be an object");
    QTest::newRow("no target") << relay(QJsonObject{{QStringLiteral("targetPort"), 7000}}) << QStringLiteral("\"target\" must be");
    QTest::newRow("no target port") << relay(QJsonObject{{QStringLiteral("target"), QStringLiteral("h")}})
                                    << QStringLiteral("\"targetPort\" is missing");
    QTest::newRow("target port too big") << relay(QJsonObject{{QStringLiteral("target"), QStringLiteral("h")}, {QStringLiteral("targetPort"), 70000}})
                                         << QStringLiteral("\"targetPort\" must be a whole number from 1 to 65535");
    QTest::newRow("negative delay") << relay(QJsonObject{{QStringLiteral("target"), QStringLiteral("h")}, {QStringLiteral("targetPort"), 1},
                                                         {QStringLiteral("delayToTargetMs"), -5}})
                                    << QStringLiteral("\"delayToTargetMs\" must be a whole number from 0 to 60000");
    QTest::newRow("unknown key") << relay(QJsonObject{{QStringLiteral("target"), QStringLiteral("h")}, {QStringLiteral("targetPort"), 1},
                                                      {QStringLiteral("speed"), 1}})
                                 << QStringLiteral("unknown key \"speed\"");
    QTest::newRow("listening TLS without identity")
        << relay(QJsonObject{{QStringLiteral("target"), QStringLiteral("h")}, {QStringLiteral("targetPort"), 1},
                             {QStringLiteral("listenTls"), QJsonObject{}}})
        << QStringLiteral("listening TLS needs a certificate");
    QTest::newRow("target TLS not an object")
        << relay(QJsonObject{{QStringLiteral("target"), QStringLiteral("h")}, {QStringLiteral("targetPort"), 1},
                             {QStringLiteral("targetTls"), true}})
        << QStringLiteral("\"targetTls\" must be an object");
    QJsonObject client = relay(QJsonObject{{QStringLiteral("target"), QStringLiteral("h")}, {QStringLiteral("targetPort"), 1}});
    client.insert(QStringLiteral("role"), QStringLiteral("client"));
    client.insert(QStringLiteral("port"), 5000);
    QTest::newRow("a relay as a client") << client << QStringLiteral("its \"role\" must be \"server\"");
    QJsonObject tcp{{QStringLiteral("name"), QStringLiteral("t")}, {QStringLiteral("role"), QStringLiteral("server")},
                    {QStringLiteral("forward"), QJsonObject{{QStringLiteral("target"), QStringLiteral("h")}, {QStringLiteral("targetPort"), 1}}}};
    QTest::newRow("forward on a TCP server") << tcp << QStringLiteral("\"forward\" is for relays only");
    const QJsonObject target{{QStringLiteral("target"), QStringLiteral("h")}, {QStringLiteral("targetPort"), 1}};
    const auto with = [&](std::initializer_list<std::pair<QString, QJsonValue>> extra) {
        QJsonObject forward = target;
        for (const auto &[key, value] : extra)
            forward.insert(key, value);
        return relay(forward);
    };
    QTest::newRow("udp as text") << with({{QStringLiteral("udp"), QStringLiteral("yes")}})
                                 << QStringLiteral("\"udp\" must be true or false");
    QTest::newRow("idle timeout without udp") << with({{QStringLiteral("idleTimeoutMs"), 500}})
                                              << QStringLiteral("\"idleTimeoutMs\" is for a UDP relay: add \"udp\": true");
    QTest::newRow("idle timeout too short") << with({{QStringLiteral("udp"), true}, {QStringLiteral("idleTimeoutMs"), 5}})
                                            << QStringLiteral("\"idleTimeoutMs\" must be a whole number from 100 to 3600000");
    QTest::newRow("udp with TLS") << with({{QStringLiteral("udp"), true}, {QStringLiteral("targetTls"), QJsonObject{}}})
                                  << QStringLiteral("a UDP relay has no TLS");
    QJsonObject linkOnTcp = with({});
    linkOnTcp.insert(QStringLiteral("simLink"), QJsonObject{{QStringLiteral("lossPercent"), 10}});
    QTest::newRow("simulated link on a TCP relay") << linkOnTcp << QStringLiteral("\"simLink\" is for UDP endpoints and UDP relays");
    QJsonObject badLink = with({{QStringLiteral("udp"), true}});
    badLink.insert(QStringLiteral("simLink"), QJsonObject{{QStringLiteral("lossPercent"), 120}});
    QTest::newRow("bad simulated link on a UDP relay") << badLink << QStringLiteral("\"simLink\": \"lossPercent\"");
}

void TestRelayViews::sessionFileRefusesBadRelays()
{
    QFETCH(QJsonObject, endpoint);
    QFETCH(QString, reason);
    QString error;
    QVERIFY(!SessionFile::endpointFromJson(endpoint, &error));
    QVERIFY2(error.contains(reason), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestRelayViews)
#include "tst_relayviews.moc"
