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

} // namespace

class TestSession : public QObject
{
    Q_OBJECT
private slots:
    void serverAndClientTalkThroughTheSession();
    void connectionIdsArePerEndpointAndStartAtOne();
    void twoClientEndpointsAndASecondConnection();
    void errorsArriveAsSignalsAndEvents();
    void restartedServerListsNoOldClient();
    void udpPeersArePeersAndAFailedSendMakesNone();
    void stoppingAClosingClientTwiceEndsTheConnection();
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

void TestSession::serverAndClientTalkThroughTheSession()
{
    Session session;
    QSignalSpy changed(&session, &Session::endpointChanged);
    QSignalSpy opened(&session, &Session::connectionOpened);
    QSignalSpy received(&session, &Session::dataReceived);
    const int server = session.addEndpoint(config(Transport::Tcp, Role::Server, QStringLiteral("server")));
    const int client = session.addEndpoint(config(Transport::Tcp, Role::Client, QStringLiteral("client")));
    QCOMPARE(server, 1);
    QCOMPARE(client, 2);
    QCOMPARE(session.endpointIds(), (QList<int>{1, 2}));

    const quint16 port = startServer(session, server, true);
    QVERIFY(port != 0);
    QCOMPARE(session.snapshot(server).localText, QStringLiteral("127.0.0.1:%1").arg(port));
    QVERIFY(session.snapshot(server).capabilities.hasConnections);

    session.start(client, config(Transport::Tcp, Role::Client, QStringLiteral("client"), QStringLiteral("127.0.0.1"), port));
    QTRY_VERIFY(session.snapshot(client).isActive());
    QTRY_COMPARE(opened.count(), 2); // one on each side
    bool serverSawIt = false;
    for (const QList<QVariant> &args : opened)
        serverSawIt = serverSawIt || args.at(0).toInt() == server;
    QVERIFY(serverSawIt);

    session.send(client, 0, "ping");
    // The server receives it, echoes it (an automatic reply), the client receives the echo.
    QTRY_VERIFY(bytesOf(*session.log(), client, EventKind::Received) == "ping");
    QCOMPARE(bytesOf(*session.log(), server, EventKind::AutoReplied), QByteArray("ping"));
    QCOMPARE(bytesOf(*session.log(), client, EventKind::Sent), QByteArray("ping"));
    QVERIFY(received.count() >= 2);
    QVERIFY(changed.count() > 0);

    // The server closes the connection: the client hears the peer close.
    session.closeConnection(server, 1);
    QTRY_COMPARE(session.snapshot(client).state, EndpointState::Idle);
    QCOMPARE(eventsOf(*session.log(), client, EventKind::PeerClosed).size(), 1);
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
    session.logError(client, QStringLiteral("invalid hex at position 3"));
    QCOMPARE(eventsOf(*session.log(), client, EventKind::Error).size(), 2);
    QCOMPARE(errors.count(), 2);
}

void TestSession::restartedServerListsNoOldClient()
{
    Session session;
    QSignalSpy closed(&session, &Session::connectionClosed);
    const int server = session.addEndpoint(config(Transport::Tcp, Role::Server, QStringLiteral("server")));
    const quint16 port = startServer(session, server);
    QTcpSocket a, b;
    a.connectToHost(QHostAddress::LocalHost, port);
    b.connectToHost(QHostAddress::LocalHost, port);
    QTRY_COMPARE(session.connections(server).size(), 2);
    session.stop(server);
    // Forgotten at once, each with its connectionClosed, even while the sockets still close.
    QCOMPARE(session.connections(server).size(), 0);
    QCOMPARE(closed.count(), 2);
    QCOMPARE(eventsOf(*session.log(), server, EventKind::Closed).size(), 2);
    session.start(server, config(Transport::Tcp, Role::Server, QStringLiteral("server")));
    QVERIFY(session.snapshot(server).isActive());
    QCOMPARE(session.connections(server).size(), 0);
    QTRY_COMPARE(a.state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(session.connections(server).size(), 0);
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

void TestSession::countersAndRatesComeFromTheCore()
{
    Session session;
    const int server = session.addEndpoint(config(Transport::Tcp, Role::Server, QStringLiteral("server")));
    const quint16 port = startServer(session, server);
    QTcpSocket peer;
    peer.connectToHost(QHostAddress::LocalHost, port);
    QTRY_COMPARE(session.connections(server).size(), 1);
    QSignalSpy updated(&session, &Session::connectionsUpdated);
    const QByteArray bytes(1000, 'r');
    peer.write(bytes);
    QTRY_COMPARE(session.snapshot(server).stats.bytesIn, 1000);
    // Within a stats tick or two, the rate shows; then it falls back to 0.
    QTRY_VERIFY(session.snapshot(server).stats.bytesInPerSecond > 0);
    QVERIFY(updated.count() > 0);
    QCOMPARE(updated.constLast().at(1).value<QList<ConnectionInfo>>().at(0).bytesIn, 1000);
    QTRY_COMPARE_WITH_TIMEOUT(session.snapshot(server).stats.bytesInPerSecond, 0.0, 5000);
    QCOMPARE(session.snapshot(server).stats.messagesIn, session.connections(server).at(0).messagesIn);
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
