// The Session: the only core object the window and the CLI talk to. Commands
// return at once; what happens arrives as signals with snapshots and as
// events. Real sockets on loopback.
#include "session.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUdpSocket>

#include <optional>

using namespace SockPlay;
using namespace SockPlay::Test;

namespace {

EndpointConfig config(Transport transport, Role role, const QString &name, const QString &host = QStringLiteral("127.0.0.1"),
                      quint16 port = 0)
{
    EndpointConfig c;
    c.transport = transport;
    c.role = role;
    c.name = name;
    c.host = host;
    c.port = port;
    return c;
}

/// The states an endpoint went through, as its endpointChanged snapshots
/// told them (a repeated state, a counters update, counts once).
QList<EndpointState> statesOf(const QSignalSpy &changed, int endpointId)
{
    QList<EndpointState> states;
    for (const QList<QVariant> &args : changed) {
        const auto snapshot = args.at(0).value<EndpointSnapshot>();
        if (snapshot.id == endpointId && (states.isEmpty() || states.constLast() != snapshot.state))
            states.append(snapshot.state);
    }
    return states;
}

/// The last snapshot endpointChanged carried for an endpoint.
EndpointSnapshot lastSnapshotOf(const QSignalSpy &changed, int endpointId)
{
    EndpointSnapshot last;
    for (const QList<QVariant> &args : changed) {
        const auto snapshot = args.at(0).value<EndpointSnapshot>();
        if (snapshot.id == endpointId)
            last = snapshot;
    }
    return last;
}

/// The ConnectionInfo that connectionOpened carried for an endpoint (the first one).
std::optional<ConnectionInfo> openedOn(const QSignalSpy &opened, int endpointId)
{
    for (const QList<QVariant> &args : opened) {
        if (args.at(0).toInt() == endpointId)
            return args.at(1).value<ConnectionInfo>();
    }
    return std::nullopt;
}

/// (endpoint, connection) pairs of connectionClosed, or of dataReceived without the bytes.
QList<QPair<int, int>> pairsOf(const QSignalSpy &spy)
{
    QList<QPair<int, int>> pairs;
    for (const QList<QVariant> &args : spy)
        pairs.append({args.at(0).toInt(), args.at(1).toInt()});
    return pairs;
}

} // namespace

namespace SockPlay {
/// Readable QCOMPARE failures for lists of states.
char *toString(const QList<EndpointState> &states)
{
    QStringList names;
    for (EndpointState state : states)
        names.append(endpointStateName(state));
    return qstrdup(names.join(QStringLiteral(" → ")).toUtf8().constData());
}
} // namespace SockPlay

class TestSession : public QObject
{
    Q_OBJECT
private slots:
    void addedEndpointSnapshotDescribesItsConfig_data();
    void addedEndpointSnapshotDescribesItsConfig();
    void everyEndpointKindSaysWhatTheSessionSaysItCan_data();
    void everyEndpointKindSaysWhatTheSessionSaysItCan();
    void serverAndClientTalkThroughTheSession();
    void connectionIdsArePerEndpointAndStartAtOne();
    void twoClientEndpointsAndASecondConnection();
    void errorsArriveAsSignalsAndEvents();
    void restartedServerListsNoOldClient();
    void udpPeersArePeersAndAFailedSendMakesNone();
    void stoppingAClosingClientTwiceEndsTheConnection();
    void countersAndRatesComeFromTheCore_data();
    void countersAndRatesComeFromTheCore();
    void commandsFromAnotherThreadAreQueued();

private:
    /// Starts a TCP server endpoint and returns its port (0 on failure).
    static quint16 startServer(Session &session, int id, bool echo = false)
    {
        EndpointConfig c = config(Transport::Tcp, Role::Server, QStringLiteral("server"));
        c.echo = echo;
        session.start(id, c);
        return session.snapshot(id).isActive() ? session.snapshot(id).localPort : 0;
    }
};

void TestSession::addedEndpointSnapshotDescribesItsConfig_data()
{
    QTest::addColumn<Transport>("transport");
    QTest::addColumn<Role>("role");
    QTest::newRow("TCP server") << Transport::Tcp << Role::Server;
    QTest::newRow("TCP client") << Transport::Tcp << Role::Client;
    QTest::newRow("UDP server") << Transport::Udp << Role::Server;
    QTest::newRow("UDP client") << Transport::Udp << Role::Client;
}

void TestSession::addedEndpointSnapshotDescribesItsConfig()
{
    // A pane is drawn from the endpointAdded snapshot before anything
    // starts: it must say what was added (a UDP client has a target and does
    // not listen), not a default endpoint's config.
    QFETCH(Transport, transport);
    QFETCH(Role, role);
    Session session;
    QSignalSpy added(&session, &Session::endpointAdded);
    const EndpointConfig wanted = config(transport, role, QStringLiteral("pane"), QStringLiteral("127.0.0.1"), 4242);
    const int id = session.addEndpoint(wanted);
    QCOMPARE(added.count(), 1);
    for (const EndpointSnapshot &snapshot : {added.at(0).at(0).value<EndpointSnapshot>(), session.snapshot(id)}) {
        QCOMPARE(snapshot.id, id);
        QCOMPARE(snapshot.state, EndpointState::Idle);
        QCOMPARE(snapshot.name, QStringLiteral("pane"));
        QCOMPARE(snapshot.config.transport, transport);
        QCOMPARE(snapshot.config.role, role);
        QCOMPARE(snapshot.config.port, quint16(4242));
        const EndpointCapabilities expected = Session::capabilitiesOf(transport, role);
        QCOMPARE(snapshot.capabilities.hasConnections, expected.hasConnections);
        QCOMPARE(snapshot.capabilities.datagram, expected.datagram);
        QCOMPARE(snapshot.capabilities.hasTarget, expected.hasTarget);
        QCOMPARE(snapshot.capabilities.listens, expected.listens);
    }
}

void TestSession::everyEndpointKindSaysWhatTheSessionSaysItCan_data()
{
    QTest::addColumn<Transport>("transport");
    QTest::addColumn<Role>("role");
    QTest::addColumn<bool>("udpRelay");
    QTest::newRow("TCP server") << Transport::Tcp << Role::Server << false;
    QTest::newRow("TCP client") << Transport::Tcp << Role::Client << false;
    QTest::newRow("TLS server") << Transport::Tls << Role::Server << false;
    QTest::newRow("TLS client") << Transport::Tls << Role::Client << false;
    QTest::newRow("UDP server") << Transport::Udp << Role::Server << false;
    QTest::newRow("UDP client") << Transport::Udp << Role::Client << false;
    QTest::newRow("WebSocket server") << Transport::WebSocket << Role::Server << false;
    QTest::newRow("WebSocket client") << Transport::WebSocket << Role::Client << false;
    QTest::newRow("DTLS server") << Transport::Dtls << Role::Server << false;
    QTest::newRow("DTLS client") << Transport::Dtls << Role::Client << false;
    QTest::newRow("TCP relay") << Transport::Relay << Role::Server << false;
    QTest::newRow("UDP relay") << Transport::Relay << Role::Server << true;
    QTest::newRow("serial port") << Transport::Serial << Role::Client << false;
}

void TestSession::everyEndpointKindSaysWhatTheSessionSaysItCan()
{
    // A pane is drawn from Session::capabilitiesOf before its endpoint exists
    // and from the endpoint's own capabilities() once it does: the two must
    // agree in every field for every kind the factory makes, or a pane
    // changes what it offers (half-close, a peers table) when it starts.
    QFETCH(Transport, transport);
    QFETCH(Role, role);
    QFETCH(bool, udpRelay);
    EndpointConfig wanted = config(transport, role, QStringLiteral("kind"));
    wanted.relay.udp = udpRelay;
    Session session;
    const int id = session.addEndpoint(wanted); // the factory makes the endpoint at once
    const EndpointCapabilities live = session.snapshot(id).capabilities;
    const EndpointCapabilities stated = Session::capabilitiesOf(wanted);
    const auto text = [](const EndpointCapabilities &c) {
        return QStringLiteral("connections %1, half-close %2, datagram %3, target %4, listens %5, "
                              "peers %6, whole messages %7, multicast %8")
            .arg(c.hasConnections).arg(c.canHalfClose).arg(c.datagram).arg(c.hasTarget).arg(c.listens)
            .arg(c.peersRemembered).arg(c.wholeMessages).arg(c.multicast);
    };
    QCOMPARE(text(live), text(stated));
    if (!udpRelay)
        QCOMPARE(text(Session::capabilitiesOf(transport, role)), text(stated));
}

void TestSession::serverAndClientTalkThroughTheSession()
{
    Session session;
    QSignalSpy changed(&session, &Session::endpointChanged);
    QSignalSpy opened(&session, &Session::connectionOpened);
    QSignalSpy closed(&session, &Session::connectionClosed);
    QSignalSpy received(&session, &Session::dataReceived);
    QSignalSpy errors(&session, &Session::errorOccurred);
    const int server = session.addEndpoint(config(Transport::Tcp, Role::Server, QStringLiteral("server")));
    const int client = session.addEndpoint(config(Transport::Tcp, Role::Client, QStringLiteral("client")));
    QCOMPARE(server, 1);
    QCOMPARE(client, 2);
    QCOMPARE(session.endpointIds(), (QList<int>{1, 2}));

    // The port the system chose, as the endpointChanged snapshot tells it.
    session.start(server, config(Transport::Tcp, Role::Server, QStringLiteral("server")));
    const EndpointSnapshot listening = lastSnapshotOf(changed, server);
    QCOMPARE(listening.state, EndpointState::Active);
    const quint16 port = listening.localPort;
    QVERIFY(port != 0);
    QCOMPARE(listening.localText, QStringLiteral("127.0.0.1:%1").arg(port));
    QVERIFY(listening.capabilities.hasConnections);
    QCOMPARE(session.snapshot(server).localPort, port);

    session.start(client, config(Transport::Tcp, Role::Client, QStringLiteral("client"), QStringLiteral("127.0.0.1"), port));
    QTRY_VERIFY(session.snapshot(client).isActive());
    QTRY_COMPARE(opened.count(), 2); // one on each side
    // Each side's connectionOpened carries the connection: #1, a TCP
    // connection (not a UDP peer), the two ends of one socket pair.
    const std::optional<ConnectionInfo> atServer = openedOn(opened, server);
    const std::optional<ConnectionInfo> atClient = openedOn(opened, client);
    QVERIFY(atServer && atClient);
    QCOMPARE(atClient->id, 1);
    QCOMPARE(atServer->id, 1);
    QVERIFY(!atClient->isPeer && !atServer->isPeer);
    QCOMPARE(atClient->peerAddress, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(atClient->peerPort, port);
    QVERIFY(atClient->localPort != 0);
    QCOMPARE(atServer->localPort, port);
    QCOMPARE(atServer->peerPort, atClient->localPort);
    QVERIFY(atClient->connectedSince.isValid());
    QCOMPARE(statesOf(changed, server), (QList<EndpointState>{EndpointState::Idle, EndpointState::Active}));
    QCOMPARE(statesOf(changed, client),
             (QList<EndpointState>{EndpointState::Idle, EndpointState::Connecting, EndpointState::Active}));

    // Echo off: the server only receives.
    session.send(client, 0, "before echo\n");
    QTRY_COMPARE(bytesOf(*session.log(), server, EventKind::Received), QByteArray("before echo\n"));
    QCOMPARE(received.constLast().at(0).toInt(), server);
    QCOMPARE(received.constLast().at(1).toInt(), 1);
    QCOMPARE(received.constLast().at(2).toByteArray(), QByteArray("before echo\n"));

    // Echo on, while running: what arrives now comes back as automatic
    // replies. TCP keeps order, so an echo of the first line would have come first.
    session.setEcho(server, true);
    QCOMPARE(eventsOf(*session.log(), server, EventKind::Note).size(), 1);
    QCOMPARE(eventsOf(*session.log(), server, EventKind::Note).at(0).detail, QStringLiteral("echo on"));
    QVERIFY(session.snapshot(server).config.echo);
    session.send(client, 0, "ping");
    QTRY_COMPARE(bytesOf(*session.log(), client, EventKind::Received), QByteArray("ping"));
    QCOMPARE(bytesOf(*session.log(), server, EventKind::AutoReplied), QByteArray("ping"));
    QCOMPARE(bytesOf(*session.log(), server, EventKind::Sent), QByteArray());
    QCOMPARE(bytesOf(*session.log(), client, EventKind::Sent), QByteArray("before echo\nping"));
    QCOMPARE(received.constLast().at(0).toInt(), client);
    QCOMPARE(received.constLast().at(1).toInt(), 1);
    QCOMPARE(received.constLast().at(2).toByteArray(), QByteArray("ping"));

    // The server closes the connection: the client hears the peer close;
    // both sides say connectionClosed, and the client is idle again.
    session.closeConnection(server, 1);
    QTRY_COMPARE(session.snapshot(client).state, EndpointState::Idle);
    QTRY_COMPARE(closed.count(), 2);
    QVERIFY(pairsOf(closed).contains(qMakePair(server, 1)));
    QVERIFY(pairsOf(closed).contains(qMakePair(client, 1)));
    QCOMPARE(eventsOf(*session.log(), client, EventKind::PeerClosed).size(), 1);
    QCOMPARE(eventsOf(*session.log(), server, EventKind::Closed).size(), 1);
    QCOMPARE(session.connections(server).size(), 0);
    QCOMPARE(session.connections(client).size(), 0);
    const QList<EndpointState> clientStates = statesOf(changed, client);
    QCOMPARE(clientStates.mid(0, 3),
             (QList<EndpointState>{EndpointState::Idle, EndpointState::Connecting, EndpointState::Active}));
    QCOMPARE(clientStates.constLast(), EndpointState::Idle);

    // Stop: the server no longer listens.
    session.stop(server);
    QCOMPARE(lastSnapshotOf(changed, server).state, EndpointState::Idle);
    QCOMPARE(statesOf(changed, server),
             (QList<EndpointState>{EndpointState::Idle, EndpointState::Active, EndpointState::Idle}));
    QCOMPARE(eventsOf(*session.log(), server, EventKind::Stopped).size(), 1);
    QCOMPARE(errors.count(), 0);
    QTcpSocket late;
    late.connectToHost(QHostAddress::LocalHost, port);
    QTRY_COMPARE(late.state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(late.error(), QAbstractSocket::ConnectionRefusedError);
}

void TestSession::connectionIdsArePerEndpointAndStartAtOne()
{
    Session session;
    const int server = session.addEndpoint(config(Transport::Tcp, Role::Server, QStringLiteral("server")));
    const int client = session.addEndpoint(config(Transport::Tcp, Role::Client, QStringLiteral("client")));
    const quint16 port = startServer(session, server);
    session.start(client, config(Transport::Tcp, Role::Client, QStringLiteral("client"), QStringLiteral("127.0.0.1"), port));
    QTRY_COMPARE(session.connections(server).size(), 1);
    QTRY_COMPARE(session.connections(client).size(), 1);
    // The first client of a server is #1, and the client's own connection is #1 too.
    QCOMPARE(session.connections(server).at(0).id, 1);
    QCOMPARE(session.connections(client).at(0).id, 1);
    QCOMPARE(eventsOf(*session.log(), server, EventKind::Accepted).at(0).connectionId(), 1);
    QCOMPARE(eventsOf(*session.log(), client, EventKind::Connected).at(0).connectionId(), 1);
}

void TestSession::twoClientEndpointsAndASecondConnection()
{
    // A chat: several clients in one session, and a client pane with two connections.
    Session session;
    const int server = session.addEndpoint(config(Transport::Tcp, Role::Server, QStringLiteral("server")));
    const quint16 port = startServer(session, server);
    const int alice = session.addEndpoint(config(Transport::Tcp, Role::Client, QStringLiteral("Alice")));
    const int bob = session.addEndpoint(config(Transport::Tcp, Role::Client, QStringLiteral("Bob")));
    session.start(alice, config(Transport::Tcp, Role::Client, QStringLiteral("Alice"), QStringLiteral("127.0.0.1"), port));
    session.start(bob, config(Transport::Tcp, Role::Client, QStringLiteral("Bob"), QStringLiteral("127.0.0.1"), port));
    QTRY_VERIFY(session.snapshot(alice).isActive() && session.snapshot(bob).isActive());
    session.openConnection(bob);
    QTRY_COMPARE(session.connections(bob).size(), 2);
    QCOMPARE(session.connections(bob).at(1).id, 2);
    QTRY_COMPARE(session.connections(server).size(), 3);

    session.send(server, 0, "to all\n");
    QTRY_COMPARE(bytesOf(*session.log(), alice, EventKind::Received), QByteArray("to all\n"));
    QTRY_COMPARE(bytesOf(*session.log(), bob, EventKind::Received), QByteArray("to all\nto all\n"));
    QCOMPARE(eventsOf(*session.log(), bob, EventKind::Received).at(0).endpointName(), QStringLiteral("Bob"));
}

void TestSession::errorsArriveAsSignalsAndEvents()
{
    Session session;
    QSignalSpy errors(&session, &Session::errorOccurred);
    // Port in use: held by a listener no one here wrote in SockPlay.
    QTcpServer holder;
    QVERIFY(holder.listen(QHostAddress::LocalHost, 0));
    const int server = session.addEndpoint(config(Transport::Tcp, Role::Server, QStringLiteral("server")));
    session.start(server, config(Transport::Tcp, Role::Server, QStringLiteral("server"), QStringLiteral("127.0.0.1"),
                                 holder.serverPort()));
    QTRY_COMPARE(errors.count(), 1);
    QCOMPARE(errors.at(0).at(0).toInt(), server);
    QVERIFY2(errors.at(0).at(1).toString().contains(QLatin1String("another program holds port")),
             qPrintable(errors.at(0).at(1).toString()));
    QCOMPARE(session.snapshot(server).state, EndpointState::Idle);
    QVERIFY(!session.snapshot(server).errorString.isEmpty());

    // Connection refused: a port nobody listens on (the holder's, once closed).
    const quint16 closedPort = holder.serverPort();
    holder.close();
    const int client = session.addEndpoint(config(Transport::Tcp, Role::Client, QStringLiteral("client")));
    session.start(client, config(Transport::Tcp, Role::Client, QStringLiteral("client"), QStringLiteral("127.0.0.1"), closedPort));
    QTRY_COMPARE(errors.count(), 2);
    QCOMPARE(errors.at(1).at(0).toInt(), client);
    QVERIFY(errors.at(1).at(1).toString().contains(QLatin1String("nothing is listening")));
    QTRY_COMPARE(session.snapshot(client).state, EndpointState::Idle);
    QCOMPARE(eventsOf(*session.log(), client, EventKind::Error).size(), 1);

    // A user's mistake is logged as the endpoint's error, not signalled back.
    session.logError(client, QStringLiteral("invalid hex at character 4"));
    QCOMPARE(eventsOf(*session.log(), client, EventKind::Error).size(), 2);
    QCOMPARE(errors.count(), 2);
}

void TestSession::restartedServerListsNoOldClient()
{
    // Two clients; the server has sent a lot to one of them, which reads
    // nothing, so at Stop that connection still has bytes queued and its
    // socket cannot finish closing for a while.
    Session session;
    QSignalSpy closed(&session, &Session::connectionClosed);
    const int server = session.addEndpoint(config(Transport::Tcp, Role::Server, QStringLiteral("server")));
    const quint16 port = startServer(session, server);
    QTcpSocket a, b;
    a.setReadBufferSize(64 * 1024); // Qt must not drain the kernel for a either
    a.connectToHost(QHostAddress::LocalHost, port);
    QTRY_COMPARE(session.connections(server).size(), 1);
    QTRY_COMPARE(a.state(), QAbstractSocket::ConnectedState);
    b.connectToHost(QHostAddress::LocalHost, port);
    QTRY_COMPARE(session.connections(server).size(), 2);
    QCOMPARE(session.connections(server).at(0).peerPort, a.localPort());
    session.send(server, 1, QByteArray(32 << 20, 's'));
    QTRY_VERIFY(session.snapshot(server).pendingWriteBytes > 0);

    session.stop(server);
    // Forgotten at once, each with its connectionClosed, even while a socket still flushes.
    QCOMPARE(session.connections(server).size(), 0);
    QCOMPARE(session.snapshot(server).connectionCount, 0);
    QCOMPARE(pairsOf(closed), (QList<QPair<int, int>>{{server, 1}, {server, 2}}));
    QCOMPARE(eventsOf(*session.log(), server, EventKind::Closed).size(), 2);
    session.start(server, config(Transport::Tcp, Role::Server, QStringLiteral("server")));
    QVERIFY(session.snapshot(server).isActive());
    QCOMPARE(session.connections(server).size(), 0);
    QCOMPARE(session.snapshot(server).connectionCount, 0);
    QCOMPARE(session.snapshot(server).pendingWriteBytes, 0);

    // A client of the new run is the only one listed, and it is #1 of this run.
    const quint16 newPort = session.snapshot(server).localPort;
    QTcpSocket c;
    c.connectToHost(QHostAddress::LocalHost, newPort);
    QTRY_COMPARE(session.connections(server).size(), 1);
    QCOMPARE(session.connections(server).at(0).id, 1);
    QCOMPARE(session.connections(server).at(0).peerPort, c.localPort());

    // Now a reads: the old socket flushes and closes while the new run
    // listens. Nothing of it reaches the new run's list or signals.
    QByteArray drained = a.readAll();
    connect(&a, &QTcpSocket::readyRead, this, [&] { drained += a.readAll(); });
    a.setReadBufferSize(0);
    QTRY_COMPARE_WITH_TIMEOUT(a.state(), QAbstractSocket::UnconnectedState, 20000);
    QTRY_COMPARE(b.state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(drained.size(), 32 << 20); // queued bytes still went out, then FIN
    QCOMPARE(closed.count(), 2);
    QCOMPARE(session.connections(server).size(), 1);
    QCOMPARE(session.connections(server).at(0).peerPort, c.localPort());
    QCOMPARE(c.state(), QAbstractSocket::ConnectedState);
}

void TestSession::udpPeersArePeersAndAFailedSendMakesNone()
{
    Session session;
    QSignalSpy opened(&session, &Session::connectionOpened);
    QSignalSpy errors(&session, &Session::errorOccurred);
    const int server = session.addEndpoint(config(Transport::Udp, Role::Server, QStringLiteral("server")));
    session.start(server, config(Transport::Udp, Role::Server, QStringLiteral("server")));
    QVERIFY(session.snapshot(server).isActive());
    QVERIFY(session.snapshot(server).capabilities.datagram);
    QVERIFY(!session.snapshot(server).capabilities.hasConnections);
    const quint16 port = session.snapshot(server).localPort;

    // A UDP client's send goes to its target.
    const int client = session.addEndpoint(config(Transport::Udp, Role::Client, QStringLiteral("client")));
    session.start(client, config(Transport::Udp, Role::Client, QStringLiteral("client"), QStringLiteral("127.0.0.1"), port));
    QVERIFY(session.snapshot(client).isActive());
    session.send(client, 0, "datagram");
    QTRY_COMPARE(bytesOf(*session.log(), server, EventKind::DatagramReceived), QByteArray("datagram"));
    QTRY_COMPARE(session.connections(server).size(), 1);
    QVERIFY(session.connections(server).at(0).isPeer);
    QCOMPARE(session.connections(server).at(0).id, 1);
    QCOMPARE(session.connections(server).at(0).peerPort, session.snapshot(client).localPort);
    QCOMPARE(session.snapshot(server).connectionCount, 1);
    const std::optional<ConnectionInfo> seen = openedOn(opened, server);
    QVERIFY(seen && seen->isPeer);

    // The server answers peer #1: the datagram comes back to the client, from
    // the server's address, to the client's peer #1 (its target).
    session.send(server, 1, "answer");
    QTRY_COMPARE(bytesOf(*session.log(), client, EventKind::DatagramReceived), QByteArray("answer"));
    QCOMPARE(eventsOf(*session.log(), client, EventKind::DatagramReceived).at(0).peerText(),
             session.snapshot(server).localText);
    QCOMPARE(eventsOf(*session.log(), client, EventKind::DatagramReceived).at(0).connectionId(), 1);
    QVERIFY(session.snapshot(client).capabilities.datagram);
    QCOMPARE(session.connections(client).size(), 1);
    QVERIFY(session.connections(client).at(0).isPeer);
    QCOMPARE(session.connections(client).at(0).peerPort, port);
    QCOMPARE(errors.count(), 0);

    // A send the kernel refuses (an IPv6 target from a socket bound to
    // 127.0.0.1) is an error, and no peer appears for it.
    const int openedBefore = opened.count();
    const int peersBefore = session.connections(server).size();
    const int unreachable = session.addEndpoint(config(Transport::Udp, Role::Client, QStringLiteral("lost")));
    EndpointConfig lost = config(Transport::Udp, Role::Client, QStringLiteral("lost"), QStringLiteral("::1"), 9);
    lost.localHost = QStringLiteral("127.0.0.1");
    session.start(unreachable, lost);
    QVERIFY(session.snapshot(unreachable).isActive());
    session.send(unreachable, 0, "nowhere");
    QTRY_VERIFY(!errors.isEmpty());
    QCOMPARE(errors.constLast().at(0).toInt(), unreachable);
    // One failed send is one error, signalled once and logged once, naming the target.
    QCOMPARE(errors.count(), 1);
    QCOMPARE(eventsOf(*session.log(), unreachable, EventKind::Error).size(), 1);
    QVERIFY2(errors.at(0).at(1).toString().contains(QLatin1String("[::1]:9")), qPrintable(errors.at(0).at(1).toString()));
    QCOMPARE(session.connections(unreachable).size(), 0);
    QCOMPARE(session.snapshot(unreachable).connectionCount, 0);
    QCOMPARE(opened.count(), openedBefore);
    QCOMPARE(session.connections(server).size(), peersBefore);
    QCOMPARE(eventsOf(*session.log(), unreachable, EventKind::DatagramSent).size(), 0);
}

void TestSession::stoppingAClosingClientTwiceEndsTheConnection()
{
    // The server accepts but never reads: the client's queue cannot drain, so
    // Disconnect leaves it closing; Disconnect again must end it, tell
    // everyone, and leave the client idle.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    Session session;
    QSignalSpy closed(&session, &Session::connectionClosed);
    const int client = session.addEndpoint(config(Transport::Tcp, Role::Client, QStringLiteral("client")));
    session.start(client, config(Transport::Tcp, Role::Client, QStringLiteral("client"), QStringLiteral("127.0.0.1"),
                                 silent.serverPort()));
    QTRY_VERIFY(session.snapshot(client).isActive());
    QTRY_VERIFY(silent.hasPendingConnections());
    std::unique_ptr<QTcpSocket> accepted(silent.nextPendingConnection());
    accepted->setReadBufferSize(1); // and Qt must not read it for the peer either
    session.send(client, 0, QByteArray(64 << 20, 'q'));
    QTRY_VERIFY(session.snapshot(client).pendingWriteBytes > 0);

    session.stop(client);
    QTRY_COMPARE(session.snapshot(client).state, EndpointState::Closing);
    QCOMPARE(closed.count(), 0);
    session.stop(client);
    QTRY_COMPARE(session.snapshot(client).state, EndpointState::Idle);
    QCOMPARE(closed.count(), 1);
    const QList<Event> closes = eventsOf(*session.log(), client, EventKind::Closed);
    QCOMPARE(closes.size(), 1);
    QVERIFY2(!closes.at(0).detail.contains(QLatin1String("before connecting")), qPrintable(closes.at(0).detail));
}

void TestSession::countersAndRatesComeFromTheCore_data()
{
    QTest::addColumn<bool>("outgoing");
    QTest::newRow("bytes the server sends") << true;
    QTest::newRow("bytes the server receives") << false;
}

void TestSession::countersAndRatesComeFromTheCore()
{
    QFETCH(bool, outgoing);
    const auto countedBytes = [outgoing](const EndpointStats &s) { return outgoing ? s.bytesOut : s.bytesIn; };
    const auto messagesOf = [outgoing](const EndpointStats &s) { return outgoing ? s.messagesOut : s.messagesIn; };
    const auto rateOf = [outgoing](const EndpointStats &s) {
        return outgoing ? s.bytesOutPerSecond : s.bytesInPerSecond;
    };

    Session session;
    const int server = session.addEndpoint(config(Transport::Tcp, Role::Server, QStringLiteral("server")));
    const quint16 port = startServer(session, server);
    QTcpSocket peer;
    peer.connectToHost(QHostAddress::LocalHost, port);
    QTRY_COMPARE(session.connections(server).size(), 1);
    QSignalSpy updated(&session, &Session::connectionsUpdated);
    QSignalSpy changed(&session, &Session::endpointChanged);
    constexpr qint64 N = 1000;
    const QByteArray bytes(N, 'r');
    if (outgoing) {
        session.send(server, 1, bytes);
        QCOMPARE(countedBytes(session.snapshot(server).stats), N); // counted as it is sent
        QTRY_COMPARE(peer.bytesAvailable(), N);
    } else {
        peer.write(bytes);
        QTRY_COMPARE(countedBytes(session.snapshot(server).stats), N);
    }
    // Messages: one per send, one per read; the endpoint's add up its connection's.
    const ConnectionInfo connection = session.connections(server).at(0);
    QCOMPARE(messagesOf(session.snapshot(server).stats), outgoing ? connection.messagesOut : connection.messagesIn);
    if (outgoing)
        QCOMPARE(connection.messagesOut, 1);
    // Within a couple of stats ticks the rate shows, in the snapshot and in
    // what endpointChanged carried...
    QTRY_VERIFY_WITH_TIMEOUT(rateOf(session.snapshot(server).stats) > 0, 8 * Session::StatsIntervalMs);
    QVERIFY(rateOf(lastSnapshotOf(changed, server).stats) > 0);
    QCOMPARE(countedBytes(lastSnapshotOf(changed, server).stats), N);
    QVERIFY(updated.count() > 0);
    const ConnectionInfo info = updated.constLast().at(1).value<QList<ConnectionInfo>>().at(0);
    QCOMPARE(outgoing ? info.bytesOut : info.bytesIn, N);
    // ...then, with nothing moving, it falls back to 0 (and the total stays).
    QTRY_COMPARE_WITH_TIMEOUT(rateOf(session.snapshot(server).stats), 0.0, 5000);
    QCOMPARE(rateOf(lastSnapshotOf(changed, server).stats), 0.0);
    QCOMPARE(countedBytes(session.snapshot(server).stats), N);
}

void TestSession::commandsFromAnotherThreadAreQueued()
{
    // The seam for a network thread: a command from another thread runs in
    // the session's thread, later, and the caller gets the id at once.
    Session session;
    QThread *ranIn = nullptr;
    connect(&session, &Session::endpointAdded, this, [&] { ranIn = QThread::currentThread(); });
    int id = 0;
    std::unique_ptr<QThread> caller(QThread::create([&] {
        id = session.addEndpoint(config(Transport::Tcp, Role::Server, QStringLiteral("server")));
        session.start(id, config(Transport::Tcp, Role::Server, QStringLiteral("server")));
    }));
    caller->start();
    QVERIFY(caller->wait(5000));
    QCOMPARE(id, 1);
    QTRY_VERIFY(session.snapshot(id).isActive());
    QCOMPARE(ranIn, QThread::currentThread());
}

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
