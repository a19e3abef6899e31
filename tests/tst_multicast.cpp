// UDP multicast and broadcast through the session, on the loopback interface,
// against Python's socket module as the other side (tests/peers/mcast_peer.py):
// joining and leaving groups, what the log says of a datagram sent to a group,
// TTL and loopback on what we send, broadcast allowed or refused, and the
// session file's keys. Where the kernel carries no multicast on lo, a test
// skips with the kernel's reason; nothing here changes the system's network.

#include "multicasttestsupport.h"
#include "peers/peerprocess.h"
#include "session.h"
#include "sessionfile.h"
#include "testsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkInterface>
#include <QSignalSpy>
#include <QTest>
#include <QUdpSocket>

#include <algorithm>
#include <optional>

using namespace SockPlay;
using namespace SockPlay::Test;
using namespace SockPlayTest;

Q_DECLARE_METATYPE(SockPlay::EndpointConfig)

namespace {

EndpointConfig receiverOf(const QStringList &groups, const QString &iface = QStringLiteral("lo"))
{
    EndpointConfig config;
    config.transport = Transport::Udp;
    config.role = Role::Server;
    config.name = QStringLiteral("member");
    config.multicastGroups = groups;
    config.multicastInterface = iface;
    return config;
}

/// The datagram received with this payload, if any.
std::optional<Event> receivedWith(const EventLog &log, int endpointId, const QByteArray &payload)
{
    for (const Event &e : eventsOf(log, endpointId, EventKind::DatagramReceived))
        if (e.payload == payload)
            return e;
    return std::nullopt;
}

/// Whether an event of this kind has a detail containing text.
bool logged(const EventLog &log, int endpointId, EventKind kind, const QString &text)
{
    const QList<Event> events = eventsOf(log, endpointId, kind);
    return std::any_of(events.cbegin(), events.cend(), [&](const Event &e) { return e.detail.contains(text); });
}

QString detailsOf(const EventLog &log, int endpointId)
{
    QStringList lines;
    for (const Event &e : log.snapshot())
        if (e.endpointId() == endpointId)
            lines.append(eventKindName(e.kind) + QStringLiteral(": ") + e.detail);
    return lines.join(u'\n');
}

/// mcast_peer.py send: a Python sender on lo; its port, or 0.
quint16 startPythonSender(PeerProcess &sender, const QString &python, bool ipv6)
{
    QStringList arguments{QStringLiteral("send")};
    if (ipv6)
        arguments.append(QStringLiteral("--ipv6"));
    return sender.startPython(python, QStringLiteral("mcast_peer.py"), arguments) ? sender.waitForPortLine() : 0;
}

/// One line to the Python sender, and its answer ("sent N"): false on "error N: ...".
bool pythonSends(PeerProcess &sender, int number, const QString &host, quint16 port, const QByteArray &payload)
{
    sender.write(host.toUtf8() + ' ' + QByteArray::number(port) + ' ' + payload + '\n');
    const QString answer = sender.waitForMatch(
        QRegularExpression(QStringLiteral("((?:sent|error) %1\\b.*)\\n").arg(number)), QProcess::StandardOutput);
    return answer.startsWith(QLatin1String("sent"));
}

} // namespace

class TestMulticast : public QObject
{
    Q_OBJECT
private slots:
    void aMemberGetsWhatAPythonSenderSendsToItsGroupUntilItLeaves_data();
    void aMemberGetsWhatAPythonSenderSendsToItsGroupUntilItLeaves();
    void twoGroupsOneJoinedWhileRunningEachNamedInTheLog();
    void aBurstIsReadInBatchesEachDatagramNamingItsDestination();
    void aBadJoinIsAnErrorAndTheMemberKeepsRunning_data();
    void aBadJoinIsAnErrorAndTheMemberKeepsRunning();
    void aBadConfigRefusesTheStartWithTheReason_data();
    void aBadConfigRefusesTheStartWithTheReason();
    void ourSenderReachesAPythonMemberWithItsTtlAndLoopback_data();
    void ourSenderReachesAPythonMemberWithItsTtlAndLoopback();
    void broadcastIsSentOnlyWhenAllowed_data();
    void broadcastIsSentOnlyWhenAllowed();
    void aReceiverOnLoopbacksBroadcastAddressSaysSo();
    void capabilitiesSayUdpDoesMulticast();
    void sessionFileRoundTripsTheMulticastKeys();
    void sessionFileRefusesBadValuesNamingTheKey_data();
    void sessionFileRefusesBadValuesNamingTheKey();
};

void TestMulticast::aMemberGetsWhatAPythonSenderSendsToItsGroupUntilItLeaves_data()
{
    QTest::addColumn<QString>("group");
    QTest::addColumn<QString>("unicast"); // where the marker goes, to the member's own port
    QTest::newRow("IPv4 239.255.42.1") << GroupA << QStringLiteral("127.0.0.1");
    QTest::newRow("IPv6 ff02::5ec:1") << GroupV6 << QStringLiteral("::1");
}

void TestMulticast::aMemberGetsWhatAPythonSenderSendsToItsGroupUntilItLeaves()
{
    QFETCH(QString, group);
    QFETCH(QString, unicast);
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");
    SOCKPLAY_SKIP_IF_NO_LOOPBACK_MULTICAST(group);

    Session session;
    const int id = session.addEndpoint(receiverOf({group}));
    session.start(id, receiverOf({group}));
    QVERIFY2(session.snapshot(id).isActive(), qPrintable(detailsOf(*session.log(), id)));
    const quint16 port = session.snapshot(id).localPort;
    QVERIFY(logged(*session.log(), id, EventKind::Note, QStringLiteral("joined group %1 on lo").arg(group)));
    // Every interface is bound, as group members must: the safe-defaults note says so.
    QVERIFY(logged(*session.log(), id, EventKind::Note, QStringLiteral("bound to every interface")));

    PeerProcess sender;
    const quint16 senderPort = startPythonSender(sender, python, unicast.contains(u':'));
    QVERIFY2(senderPort != 0, qPrintable(sender.errText()));
    QVERIFY(pythonSends(sender, 1, group, port, "to the group"));
    QTRY_VERIFY_WITH_TIMEOUT(receivedWith(*session.log(), id, "to the group").has_value(), PeerTimeoutMs);
    const Event got = *receivedWith(*session.log(), id, "to the group");
    QCOMPARE(got.detail, QStringLiteral("to group ") + group);
    QVERIFY2(got.peerText().endsWith(QStringLiteral(":%1").arg(senderPort)), qPrintable(got.peerText()));
    // The peers table lists the Python sender.
    const QList<ConnectionInfo> peers = session.connections(id);
    QCOMPARE(peers.size(), 1);
    QCOMPARE(peers.at(0).peerPort, senderPort);

    session.leaveGroup(id, group);
    QVERIFY(logged(*session.log(), id, EventKind::Note, QStringLiteral("left group %1 on lo").arg(group)));
    QVERIFY(!session.snapshot(id).config.multicastGroups.contains(group));
    // After leaving, a datagram to the group is not delivered; one sent to
    // the member's own address after it is: when that one is in, the first
    // would have been too (loopback delivers in order).
    QVERIFY(pythonSends(sender, 2, group, port, "after leaving"));
    QVERIFY(pythonSends(sender, 3, unicast, port, "marker"));
    QTRY_VERIFY_WITH_TIMEOUT(receivedWith(*session.log(), id, "marker").has_value(), PeerTimeoutMs);
    QVERIFY(receivedWith(*session.log(), id, "marker")->detail.isEmpty());
    QVERIFY(!receivedWith(*session.log(), id, "after leaving").has_value());
}

void TestMulticast::twoGroupsOneJoinedWhileRunningEachNamedInTheLog()
{
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");
    SOCKPLAY_SKIP_IF_NO_LOOPBACK_MULTICAST(GroupA);

    Session session;
    const int id = session.addEndpoint(receiverOf({GroupA}));
    session.start(id, receiverOf({GroupA}));
    QVERIFY2(session.snapshot(id).isActive(), qPrintable(detailsOf(*session.log(), id)));
    const quint16 port = session.snapshot(id).localPort;
    QSignalSpy errors(&session, &Session::errorOccurred);
    session.joinGroup(id, GroupB);
    QCOMPARE(errors.size(), 0);
    QVERIFY(logged(*session.log(), id, EventKind::Note, QStringLiteral("joined group %1 on lo").arg(GroupB)));
    QCOMPARE(session.snapshot(id).config.multicastGroups, (QStringList{GroupA, GroupB}));

    PeerProcess sender;
    QVERIFY2(startPythonSender(sender, python, false) != 0, qPrintable(sender.errText()));
    QVERIFY(pythonSends(sender, 1, GroupA, port, "for A"));
    QVERIFY(pythonSends(sender, 2, GroupB, port, "for B"));
    QTRY_VERIFY_WITH_TIMEOUT(receivedWith(*session.log(), id, "for B").has_value(), PeerTimeoutMs);
    QTRY_VERIFY(receivedWith(*session.log(), id, "for A").has_value());
    QCOMPARE(receivedWith(*session.log(), id, "for A")->detail, QStringLiteral("to group ") + GroupA);
    QCOMPARE(receivedWith(*session.log(), id, "for B")->detail, QStringLiteral("to group ") + GroupB);

    // Stopping leaves both, and says so.
    session.stop(id);
    QVERIFY(logged(*session.log(), id, EventKind::Note, QStringLiteral("left group %1 on lo").arg(GroupA)));
    QVERIFY(logged(*session.log(), id, EventKind::Note, QStringLiteral("left group %1 on lo").arg(GroupB)));
}

void TestMulticast::aBurstIsReadInBatchesEachDatagramNamingItsDestination()
{
    SOCKPLAY_SKIP_IF_NO_LOOPBACK_MULTICAST(GroupA);
    Session session;
    const int id = session.addEndpoint(receiverOf({GroupA}));
    session.start(id, receiverOf({GroupA}));
    QVERIFY2(session.snapshot(id).isActive(), qPrintable(detailsOf(*session.log(), id)));
    const quint16 port = session.snapshot(id).localPort;

    // All queued before the event loop runs again: the first is read through
    // Qt, the rest in recvmmsg() batches, each with its own destination (one
    // in the middle sent to the member's own address, not to the group).
    QUdpSocket sender;
    QVERIFY(sender.bind(QHostAddress::LocalHost, 0));
    sender.setMulticastInterface(QNetworkInterface::interfaceFromName(QStringLiteral("lo")));
    constexpr int Count = 100;
    for (int i = 0; i < Count; ++i) {
        const QHostAddress to = i == Count / 2 ? QHostAddress(QHostAddress::LocalHost) : QHostAddress(GroupA);
        QCOMPARE(sender.writeDatagram(QByteArray::number(i), to, port), qint64(QByteArray::number(i).size()));
    }
    QTRY_COMPARE_WITH_TIMEOUT(eventsOf(*session.log(), id, EventKind::DatagramReceived).size(), Count, PeerTimeoutMs);
    for (const Event &e : eventsOf(*session.log(), id, EventKind::DatagramReceived)) {
        const QString expected = e.payload == QByteArray::number(Count / 2) ? QString() : QStringLiteral("to group ") + GroupA;
        QVERIFY2(e.detail == expected, qPrintable(QString::fromLatin1(e.payload) + QStringLiteral(": ") + e.detail));
    }
}

void TestMulticast::aBadJoinIsAnErrorAndTheMemberKeepsRunning_data()
{
    QTest::addColumn<bool>("join");
    QTest::addColumn<QString>("group");
    QTest::addColumn<QString>("iface");
    QTest::addColumn<QString>("reason");
    QTest::newRow("not a multicast address") << true << QStringLiteral("10.1.2.3") << QString()
                                             << QStringLiteral("10.1.2.3 is not a multicast group address");
    QTest::newRow("not an address") << true << QStringLiteral("banana") << QString()
                                    << QStringLiteral("“banana” is not an IP address");
    QTest::newRow("no such interface") << true << GroupB << QStringLiteral("nosuch0")
                                       << QStringLiteral("no network interface called “nosuch0”");
    QTest::newRow("already a member") << true << GroupA << QString()
                                      << QStringLiteral("already a member of group 239.255.42.1 on lo");
    // An IPv4 socket cannot take an IPv6 membership: the system's own reason.
    QTest::newRow("the kernel refuses") << true << GroupV6 << QString()
                                        << QStringLiteral("cannot join group ff02::5ec:1 on lo: ");
    QTest::newRow("leave a group not joined") << false << GroupB << QString()
                                              << QStringLiteral("cannot leave group 239.255.42.2 on lo: not a member");
}

void TestMulticast::aBadJoinIsAnErrorAndTheMemberKeepsRunning()
{
    QFETCH(bool, join);
    QFETCH(QString, group);
    QFETCH(QString, iface);
    QFETCH(QString, reason);
    SOCKPLAY_SKIP_IF_NO_LOOPBACK_MULTICAST(GroupA);

    Session session;
    const int id = session.addEndpoint(receiverOf({GroupA}));
    session.start(id, receiverOf({GroupA}));
    QVERIFY2(session.snapshot(id).isActive(), qPrintable(detailsOf(*session.log(), id)));
    QSignalSpy errors(&session, &Session::errorOccurred);
    if (join)
        session.joinGroup(id, group, iface);
    else
        session.leaveGroup(id, group, iface);
    QCOMPARE(errors.size(), 1);
    const QString message = errors.at(0).at(1).toString();
    QVERIFY2(message.contains(reason), qPrintable(message));
    QVERIFY2(logged(*session.log(), id, EventKind::Error, reason), qPrintable(detailsOf(*session.log(), id)));
    QCOMPARE(session.snapshot(id).config.multicastGroups, QStringList{GroupA});

    // Still running: a datagram to its port arrives.
    QVERIFY(session.snapshot(id).isActive());
    QUdpSocket sender;
    QVERIFY(sender.bind(QHostAddress::LocalHost, 0));
    QCOMPARE(sender.writeDatagram("still here", QHostAddress::LocalHost, session.snapshot(id).localPort), qint64(10));
    QTRY_VERIFY_WITH_TIMEOUT(receivedWith(*session.log(), id, "still here").has_value(), PeerTimeoutMs);
}

void TestMulticast::aBadConfigRefusesTheStartWithTheReason_data()
{
    QTest::addColumn<EndpointConfig>("config");
    QTest::addColumn<QString>("reason");
    QTest::newRow("a group that is not one") << receiverOf({QStringLiteral("192.0.2.1")})
                                             << QStringLiteral("multicast groups: 192.0.2.1 is not a multicast group address");
    QTest::newRow("no such interface") << receiverOf({GroupA}, QStringLiteral("nosuch0"))
                                       << QStringLiteral("multicast interface: no network interface called “nosuch0”");
    EndpointConfig ttl = receiverOf({});
    ttl.role = Role::Client;
    ttl.host = GroupA;
    ttl.port = 9;
    ttl.multicastTtl = 256;
    QTest::newRow("TTL out of range") << ttl << QStringLiteral("TTL 256 is out of range: 0 to 255");
}

void TestMulticast::aBadConfigRefusesTheStartWithTheReason()
{
    QFETCH(EndpointConfig, config);
    QFETCH(QString, reason);
    Session session;
    const int id = session.addEndpoint(config);
    QSignalSpy errors(&session, &Session::errorOccurred);
    session.start(id, config);
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.at(0).at(1).toString().contains(reason), qPrintable(errors.at(0).at(1).toString()));
    QVERIFY(!session.snapshot(id).isRunning());
}

void TestMulticast::ourSenderReachesAPythonMemberWithItsTtlAndLoopback_data()
{
    QTest::addColumn<int>("ttl");
    QTest::addColumn<bool>("loopback");
    QTest::addColumn<QString>("ttlSeen");
    QTest::addColumn<QString>("note");
    QTest::newRow("TTL 3, loopback on") << 3 << true << QStringLiteral("ttl=3")
                                        << QStringLiteral("multicast goes out with TTL 3, loopback on, on lo");
    // On lo a datagram arrives with loopback off too (lo is where it goes): the
    // kernel's own option, read back into the log, is what shows it applied.
    QTest::newRow("system TTL, loopback off")
        << -1 << false << QStringLiteral("ttl=1")
        << QStringLiteral("multicast goes out with TTL 1 (the system's default), loopback off");
}

void TestMulticast::ourSenderReachesAPythonMemberWithItsTtlAndLoopback()
{
    QFETCH(int, ttl);
    QFETCH(bool, loopback);
    QFETCH(QString, ttlSeen);
    QFETCH(QString, note);
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");
    SOCKPLAY_SKIP_IF_NO_LOOPBACK_MULTICAST(GroupA);

    PeerProcess member;
    QVERIFY(member.startPython(python, QStringLiteral("mcast_peer.py"),
                               {QStringLiteral("receive"), GroupA, QStringLiteral("--count"), QStringLiteral("1")}));
    const quint16 memberPort = member.waitForPortLine();
    QVERIFY2(memberPort != 0, qPrintable(member.errText()));

    EndpointConfig config;
    config.transport = Transport::Udp;
    config.role = Role::Client;
    config.host = GroupA;
    config.port = memberPort;
    config.multicastInterface = QStringLiteral("lo");
    config.multicastTtl = ttl;
    config.multicastLoopback = loopback;
    Session session;
    const int id = session.addEndpoint(config);
    session.start(id, config);
    QVERIFY2(session.snapshot(id).isActive(), qPrintable(detailsOf(*session.log(), id)));
    session.send(id, 0, "to the members");
    // What the member saw (its IP_RECVTTL), then what the log read back from our socket.
    QVERIFY(member.waitForExit());
    const QString expected = QStringLiteral("from 127.0.0.1:%1 %2 to the members\n").arg(session.snapshot(id).localPort).arg(ttlSeen);
    QCOMPARE(QString::fromUtf8(member.out()).section(u'\n', 1), expected);
    QVERIFY2(logged(*session.log(), id, EventKind::Note, note), qPrintable(detailsOf(*session.log(), id)));
}

void TestMulticast::broadcastIsSentOnlyWhenAllowed_data()
{
    QTest::addColumn<bool>("allowed");
    QTest::newRow("broadcast allowed") << true;
    QTest::newRow("broadcast not allowed: EACCES") << false;
}

void TestMulticast::broadcastIsSentOnlyWhenAllowed()
{
    QFETCH(bool, allowed);
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");
    const QString address = QStringLiteral("127.255.255.255"); // loopback's broadcast address
    PeerProcess receiver;
    QVERIFY(receiver.startPython(python, QStringLiteral("mcast_peer.py"),
                                 {QStringLiteral("receive-broadcast"), address, QStringLiteral("--count"), QStringLiteral("1")}));
    const quint16 port = receiver.waitForPortLine();
    QVERIFY2(port != 0, qPrintable(receiver.errText()));

    EndpointConfig config;
    config.transport = Transport::Udp;
    config.role = Role::Client;
    config.host = address;
    config.port = port;
    config.broadcast = allowed;
    Session session;
    const int id = session.addEndpoint(config);
    session.start(id, config);
    QVERIFY2(session.snapshot(id).isActive(), qPrintable(detailsOf(*session.log(), id)));
    QSignalSpy errors(&session, &Session::errorOccurred);
    session.send(id, 0, "to everyone");
    if (allowed) {
        QVERIFY(logged(*session.log(), id, EventKind::Note, QStringLiteral("may send to broadcast addresses")));
        QVERIFY(receiver.waitForExit());
        QVERIFY2(receiver.out().endsWith(" to everyone\n"), receiver.out().constData());
        QCOMPARE(eventsOf(*session.log(), id, EventKind::DatagramSent).size(), 1);
        QCOMPARE(errors.size(), 0);
    } else {
        QCOMPARE(errors.size(), 1);
        const QString message = errors.at(0).at(1).toString();
        QVERIFY2(message.contains(QStringLiteral("(EACCES)")) && message.contains(QStringLiteral("broadcast")),
                 qPrintable(message));
        QVERIFY(logged(*session.log(), id, EventKind::Error, QStringLiteral("SO_BROADCAST")));
        QCOMPARE(eventsOf(*session.log(), id, EventKind::DatagramSent).size(), 0);
    }
}

void TestMulticast::aReceiverOnLoopbacksBroadcastAddressSaysSo()
{
    EndpointConfig config;
    config.transport = Transport::Udp;
    config.role = Role::Server;
    config.host = QStringLiteral("127.255.255.255");
    Session session;
    const int id = session.addEndpoint(config);
    session.start(id, config);
    QVERIFY2(session.snapshot(id).isActive(), qPrintable(detailsOf(*session.log(), id)));
    QUdpSocket sender; // Qt allows broadcast on its own sockets
    QVERIFY(sender.bind(QHostAddress::LocalHost, 0));
    QCOMPARE(sender.writeDatagram("hello all", QHostAddress(config.host), session.snapshot(id).localPort), qint64(9));
    QTRY_VERIFY_WITH_TIMEOUT(receivedWith(*session.log(), id, "hello all").has_value(), PeerTimeoutMs);
    QCOMPARE(receivedWith(*session.log(), id, "hello all")->detail, QStringLiteral("to broadcast 127.255.255.255"));
}

void TestMulticast::capabilitiesSayUdpDoesMulticast()
{
    QVERIFY(Session::capabilitiesOf(Transport::Udp, Role::Server).multicast);
    QVERIFY(Session::capabilitiesOf(Transport::Udp, Role::Client).multicast);
    QVERIFY(!Session::capabilitiesOf(Transport::Tcp, Role::Server).multicast);
    QVERIFY(!Session::capabilitiesOf(Transport::WebSocket, Role::Client).multicast);
    // A made endpoint says the same as the session does before it exists.
    EndpointConfig config;
    config.transport = Transport::Udp;
    Session session;
    const int id = session.addEndpoint(config);
    session.start(id, config);
    QVERIFY(session.snapshot(id).capabilities.multicast);
}

void TestMulticast::sessionFileRoundTripsTheMulticastKeys()
{
    EndpointConfig member = receiverOf({GroupA, GroupV6});
    EndpointConfig sender;
    sender.transport = Transport::Udp;
    sender.role = Role::Client;
    sender.name = QStringLiteral("sender");
    sender.host = GroupA;
    sender.port = 5000;
    sender.multicastInterface = QStringLiteral("lo");
    sender.multicastTtl = 0;
    sender.multicastLoopback = false;
    sender.broadcast = true;
    for (const EndpointConfig &config : {member, sender}) {
        const QJsonObject object = SessionFile::endpointToJson(config);
        QString error;
        const std::optional<EndpointConfig> back = SessionFile::endpointFromJson(object, &error);
        QVERIFY2(back, qPrintable(error));
        QVERIFY2(*back == config, QJsonDocument(object).toJson().constData());
    }
    // Without multicast, the keys are left out: older files stay as they were.
    EndpointConfig plain;
    plain.transport = Transport::Udp;
    const QJsonObject object = SessionFile::endpointToJson(plain);
    QVERIFY(!object.contains(QStringLiteral("multicast")));
    QVERIFY(!object.contains(QStringLiteral("broadcast")));
    QCOMPARE(SessionFile::endpointToJson(sender).value(QStringLiteral("multicast")).toObject().value(QStringLiteral("ttl")).toInt(), 0);
}

void TestMulticast::sessionFileRefusesBadValuesNamingTheKey_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("reason");
    const QByteArray server = R"({"name": "m", "transport": "udp", "role": "server", )";
    const QByteArray client = R"({"name": "s", "transport": "udp", "role": "client", "host": "239.255.0.1", "port": 9, )";
    QTest::newRow("not a group") << server + R"("multicast": {"groups": ["10.0.0.1"]}})"
                                 << QStringLiteral("\"multicast\": \"groups\" is wrong: 10.0.0.1 is not a multicast group address");
    QTest::newRow("group not a string") << server + R"("multicast": {"groups": [239]}})"
                                        << QStringLiteral("\"multicast\": \"groups\" must hold group addresses");
    QTest::newRow("TTL above 255") << client + R"("multicast": {"ttl": 256}})"
                                   << QStringLiteral("\"multicast\": \"ttl\" must be a whole number from 0 to 255, not 256");
    QTest::newRow("TTL below 0") << client + R"("multicast": {"ttl": -1}})"
                                 << QStringLiteral("\"multicast\": \"ttl\" must be a whole number from 0 to 255, not -1");
    QTest::newRow("TTL not whole") << client + R"("multicast": {"ttl": 1.5}})" << QStringLiteral("\"ttl\" must be a whole number");
    QTest::newRow("interface not a name") << server + R"("multicast": {"interface": "no such/thing"}})"
                                          << QStringLiteral("\"multicast\": \"interface\" must be an interface's name");
    QTest::newRow("loopback not a boolean") << client + R"("multicast": {"loopback": "no"}})"
                                            << QStringLiteral("\"multicast\": \"loopback\" must be true or false");
    QTest::newRow("unknown key") << client + R"("multicast": {"hops": 3}})"
                                 << QStringLiteral("\"multicast\": unknown key \"hops\"");
    QTest::newRow("groups on a sender") << client + R"("multicast": {"groups": ["239.255.0.2"]}})"
                                        << QStringLiteral("\"multicast\": \"groups\" are for UDP receivers");
    QTest::newRow("broadcast not a boolean") << client + R"("broadcast": 1})"
                                             << QStringLiteral("\"broadcast\" must be true or false");
    QTest::newRow("multicast on TCP") << QByteArray(R"({"name": "t", "role": "server", "multicast": {"ttl": 2}})")
                                      << QStringLiteral("\"multicast\" is for UDP endpoints only");
}

void TestMulticast::sessionFileRefusesBadValuesNamingTheKey()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, reason);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));
    QString error;
    QVERIFY(!SessionFile::endpointFromJson(document.object(), &error));
    QVERIFY2(error.contains(reason), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestMulticast)
#include "tst_multicast.moc"
