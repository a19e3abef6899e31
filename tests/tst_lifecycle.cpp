// The lifecycle tracker: the steps of the socket API, lit by the real events
// of real sockets on loopback (a Session, port 0), errors at their step,
// bounded branches under a flood of connects, a restart from scratch.
#include "address.h"
#include "lifecycletracker.h"
#include "session.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUdpSocket>

#include <memory>

using namespace SockPlay;
using namespace SockPlay::Test;
using Call = LifecycleStep::Call;
using State = LifecycleStep::State;
using Ending = LifecycleBranch::Ending;

Q_DECLARE_METATYPE(SockPlay::LifecycleBranch::Ending)

namespace {

EndpointConfig config(Transport transport, Role role, const QString &name, quint16 port = 0,
                      const QString &host = QStringLiteral("127.0.0.1"))
{
    EndpointConfig c;
    c.transport = transport;
    c.role = role;
    c.name = name;
    c.host = host;
    c.port = port;
    return c;
}

/// A step of a row, or a NotYet step named "missing" when the row has no such call.
LifecycleStep stepOf(const QList<LifecycleStep> &steps, Call call)
{
    for (const LifecycleStep &step : steps)
        if (step.call == call)
            return step;
    LifecycleStep missing;
    missing.name = QStringLiteral("missing");
    return missing;
}

State stateOf(const LifecycleTracker &tracker, int endpointId, Call call)
{
    return stepOf(tracker.flow(endpointId).steps, call).state;
}

/// The state of a branch's step (NotYet when there is no such branch).
State branchStateOf(const LifecycleTracker &tracker, int endpointId, int connectionId, Call call)
{
    const LifecycleFlow flow = tracker.flow(endpointId);
    const LifecycleBranch *branch = flow.branch(connectionId);
    return branch ? stepOf(branch->steps, call).state : State::NotYet;
}

Ending endingOf(const LifecycleTracker &tracker, int endpointId, int connectionId)
{
    const LifecycleFlow flow = tracker.flow(endpointId);
    const LifecycleBranch *branch = flow.branch(connectionId);
    return branch ? branch->ending : Ending::Open;
}

/// The sequence number of the endpoint's first event of a kind (0: none).
quint64 sequenceOf(const EventLog &log, int endpointId, EventKind kind)
{
    const QList<Event> events = eventsOf(log, endpointId, kind);
    return events.isEmpty() ? 0 : events.constFirst().sequence;
}

/// A session and a tracker that follows its log.
struct Rig
{
    Rig() { tracker.follow(session.log()); }
    /// Starts a TCP server and returns its port (0: it did not start).
    quint16 startServer(int id, bool echo = false)
    {
        EndpointConfig c = config(Transport::Tcp, Role::Server, QStringLiteral("server"));
        c.echo = echo;
        c.maxConnections = 2000;
        session.start(id, c);
        return session.snapshot(id).isActive() ? session.snapshot(id).localPort : 0;
    }

    Session session;
    LifecycleTracker tracker;
};

} // namespace

/// A row's call names in order: "socket() connect() SSL_connect() …".
QString namesOf(const QList<LifecycleStep> &steps)
{
    QStringList names;
    for (const LifecycleStep &step : steps)
        names.append(step.name);
    return names.join(QLatin1Char(' '));
}

/// A TLS server with a certificate made at start (and echo), or a TLS client that verifies or not.
EndpointConfig tlsConfig(Role role, quint16 port, bool verify)
{
    const bool server = role == Role::Server;
    EndpointConfig c = config(Transport::Tls, role, server ? QStringLiteral("server") : QStringLiteral("client"), port);
    c.tls.selfSigned = server;
    c.tls.verifyPeer = verify;
    c.echo = server;
    return c;
}

namespace QTest {
template <> char *toString(const State &state)
{
    return qstrdup(LifecycleStep::stateName(state).toUtf8().constData());
}
template <> char *toString(const Ending &ending)
{
    return qstrdup(LifecycleBranch::endingName(ending).toUtf8().constData());
}
} // namespace QTest

class TestLifecycle : public QObject
{
    Q_OBJECT
private slots:
    void tcpServerAndClientLightEachStep();
    void branchesTellHowAConnectionEnded_data();
    void branchesTellHowAConnectionEnded();
    void resetFailsTheBranchsRecvSend();
    void udpLightsEachStep();
    void portInUseFailsBind_data();
    void portInUseFailsBind();
    void refusedConnectFailsConnect();
    void nameIsLookedUpBeforeTheSocket();
    void branchesStayBoundedUnderAThousandConnects();
    void restartStartsAfresh();
    void changedOncePerEndpointPerBatchAndForget();
    void tlsShowsTheHandshakeAsAStep();
    void unverifiedServerFailsTheHandshake();
    void webSocketShowsTheUpgradeAsAStep();
    void wrongPathFailsTheServersUpgrade();
};

void TestLifecycle::tcpServerAndClientLightEachStep()
{
    Rig rig;
    const int server = rig.session.addEndpoint(config(Transport::Tcp, Role::Server, QStringLiteral("server")));
    const int client = rig.session.addEndpoint(config(Transport::Tcp, Role::Client, QStringLiteral("client")));
    const quint16 port = rig.startServer(server, true);
    QVERIFY(port != 0);
    const EventLog &log = *rig.session.log();

    // socket() → bind() → listen(): each lit by its own event.
    QTRY_COMPARE(stateOf(rig.tracker, server, Call::Listen), State::Current);
    LifecycleFlow flow = rig.tracker.flow(server);
    QCOMPARE(flow.kind, LifecycleFlow::Kind::TcpServer);
    QCOMPARE(flow.name, QStringLiteral("server"));
    QCOMPARE(stepOf(flow.steps, Call::Socket).state, State::Done);
    QCOMPARE(stepOf(flow.steps, Call::Socket).sequence, sequenceOf(log, server, EventKind::Created));
    QCOMPARE(stepOf(flow.steps, Call::Bind).sequence, sequenceOf(log, server, EventKind::Bound));
    QCOMPARE(stepOf(flow.steps, Call::Listen).sequence, sequenceOf(log, server, EventKind::Listening));
    QCOMPARE(stepOf(flow.steps, Call::Listen).text(),
             QStringLiteral("listen(): the kernel now completes handshakes for us and queues them"));
    QCOMPARE(stepOf(flow.steps, Call::Accept).state, State::NotYet);
    QCOMPARE(stepOf(flow.steps, Call::Close).state, State::NotYet);

    // connect() on the client, accept() on the server (a branch for the client).
    rig.session.start(client, config(Transport::Tcp, Role::Client, QStringLiteral("client"), port));
    QTRY_COMPARE(stateOf(rig.tracker, server, Call::Accept), State::Current);
    QTRY_COMPARE(branchStateOf(rig.tracker, server, 1, Call::Accept), State::Current);
    QTRY_COMPARE(stateOf(rig.tracker, client, Call::Connect), State::Current);
    flow = rig.tracker.flow(client);
    QCOMPARE(flow.kind, LifecycleFlow::Kind::TcpClient);
    QCOMPARE(stepOf(flow.steps, Call::Socket).state, State::Done);
    QCOMPARE(stepOf(flow.steps, Call::Lookup).name, QStringLiteral("missing")); // an address: no lookup
    QVERIFY(flow.branch(1) && flow.branch(1)->connected);
    QCOMPARE(stepOf(flow.steps, Call::Connect).sequence, sequenceOf(log, client, EventKind::Connected));
    QCOMPARE(stepOf(rig.tracker.flow(server).branch(1)->steps, Call::Accept).sequence,
             sequenceOf(log, server, EventKind::Accepted));

    // send()/recv() on both sides: the echo comes back.
    rig.session.send(client, 0, "hello\n");
    QTRY_COMPARE(branchStateOf(rig.tracker, server, 1, Call::Exchange), State::Current);
    QTRY_COMPARE(bytesOf(log, client, EventKind::Received), QByteArray("hello\n"));
    QTRY_COMPARE(stateOf(rig.tracker, client, Call::Exchange), State::Current);
    QCOMPARE(stateOf(rig.tracker, client, Call::Connect), State::Done);
    QCOMPARE(branchStateOf(rig.tracker, server, 1, Call::Accept), State::Done);

    // Stop: the server closes its client, then its listening socket.
    rig.session.stop(server);
    QTRY_COMPARE(stateOf(rig.tracker, server, Call::Close), State::Current);
    QCOMPARE(stepOf(rig.tracker.flow(server).steps, Call::Close).sequence, sequenceOf(log, server, EventKind::Stopped));
    QCOMPARE(stepOf(rig.tracker.flow(server).steps, Call::Close).text(),
             QStringLiteral("close(): the listening socket is closed: no new clients"));
    QCOMPARE(endingOf(rig.tracker, server, 1), Ending::ClosedByUs);
    QCOMPARE(branchStateOf(rig.tracker, server, 1, Call::Close), State::Current);
    QTRY_COMPARE(stateOf(rig.tracker, client, Call::Close), State::Current);
    QCOMPARE(endingOf(rig.tracker, client, 1), Ending::ClosedByPeer);
    QCOMPARE(stateOf(rig.tracker, client, Call::Shutdown), State::NotYet); // nobody half-closed
}

void TestLifecycle::branchesTellHowAConnectionEnded_data()
{
    QTest::addColumn<QString>("who");        // who acts: "server" or "client"
    QTest::addColumn<bool>("halfClose");     // shutdown(SHUT_WR) instead of close()
    QTest::addColumn<Ending>("serverEnding");
    QTest::addColumn<Ending>("clientEnding");
    QTest::newRow("the server closes") << QStringLiteral("server") << false << Ending::ClosedByUs
                                       << Ending::ClosedByPeer;
    QTest::newRow("the client closes") << QStringLiteral("client") << false << Ending::ClosedByPeer
                                       << Ending::ClosedByUs;
    // Qt ends a socket on the FIN: the server closes in turn, and the client
    // that half-closed hears recv() return 0.
    QTest::newRow("the client half-closes") << QStringLiteral("client") << true << Ending::ClosedByPeer
                                            << Ending::ClosedByPeer;
}

void TestLifecycle::branchesTellHowAConnectionEnded()
{
    QFETCH(QString, who);
    QFETCH(bool, halfClose);
    QFETCH(Ending, serverEnding);
    QFETCH(Ending, clientEnding);

    Rig rig;
    const int server = rig.session.addEndpoint(config(Transport::Tcp, Role::Server, QStringLiteral("server")));
    const int client = rig.session.addEndpoint(config(Transport::Tcp, Role::Client, QStringLiteral("client")));
    const quint16 port = rig.startServer(server);
    QVERIFY(port != 0);
    rig.session.start(client, config(Transport::Tcp, Role::Client, QStringLiteral("client"), port));
    QTRY_COMPARE(branchStateOf(rig.tracker, server, 1, Call::Accept), State::Current);
    QTRY_COMPARE(stateOf(rig.tracker, client, Call::Connect), State::Current);

    const int actor = who == QStringLiteral("server") ? server : client;
    if (halfClose) {
        rig.session.halfClose(actor, 1);
        QTRY_COMPARE(branchStateOf(rig.tracker, actor, 1, Call::Shutdown), State::Done);
        QCOMPARE(stepOf(rig.tracker.flow(actor).steps, Call::Shutdown).text(),
                 QStringLiteral("shutdown(SHUT_WR): FIN sent: we are done sending, and still receiving"));
    } else {
        rig.session.closeConnection(actor, 1);
    }
    QTRY_COMPARE(endingOf(rig.tracker, server, 1), serverEnding);
    QTRY_COMPARE(endingOf(rig.tracker, client, 1), clientEnding);
    QCOMPARE(branchStateOf(rig.tracker, server, 1, Call::Close), State::Current);
    QCOMPARE(branchStateOf(rig.tracker, client, 1, Call::Close), State::Current);
    QCOMPARE(stateOf(rig.tracker, client, Call::Close), State::Current);
    QCOMPARE(branchStateOf(rig.tracker, server, 1, Call::Exchange), State::NotYet); // no byte went
    const QString peerText = LifecycleFlow::closeSentence(Ending::ClosedByPeer);
    QVERIFY2(peerText.contains(QStringLiteral("recv() returned 0")), qPrintable(peerText));
    QCOMPARE(stepOf(rig.tracker.flow(server).branch(1)->steps, Call::Close).sentence,
             LifecycleFlow::closeSentence(serverEnding));
    QCOMPARE(stepOf(rig.tracker.flow(client).steps, Call::Close).sentence, LifecycleFlow::closeSentence(clientEnding));
}

void TestLifecycle::resetFailsTheBranchsRecvSend()
{
    // Made-up events: Qt reads a reset (RST) as the end of the stream and
    // says nothing more, so today's core logs a reset it meets on a read as
    // "peer closed". A failed read or write is logged as an error of the
    // connection; then the branch ended in a reset, not a goodbye.
    LifecycleTracker tracker;
    const EventSourcePtr endpoint = makeEventSource(1, 0, QStringLiteral("server"), QHostAddress::LocalHost, 5000, {}, 0);
    QList<Event> events;
    const auto add = [&events](EventKind kind, const EventSourcePtr &source, const QString &detail = {}) {
        Event e;
        e.sequence = quint64(events.size() + 1);
        e.kind = kind;
        e.source = source;
        e.detail = detail;
        events.append(e);
    };
    add(EventKind::Created, endpoint, QStringLiteral("TCP server socket"));
    add(EventKind::Bound, endpoint);
    add(EventKind::Listening, endpoint);
    add(EventKind::Accepted, serverSource(1));
    add(EventKind::Accepted, serverSource(2));
    add(EventKind::Received, serverSource(1));
    add(EventKind::Error, serverSource(1), QStringLiteral("cannot send to 127.0.0.1:40001: Connection reset by peer"));
    add(EventKind::PeerClosed, serverSource(1), QStringLiteral("the client closed the connection; 3 bytes in, 0 out"));
    add(EventKind::PeerClosed, serverSource(2), QStringLiteral("the client closed the connection; 0 bytes in, 0 out"));
    tracker.feed(events);

    const LifecycleFlow flow = tracker.flow(1);
    QVERIFY(flow.branch(1) && flow.branch(2));
    QCOMPARE(flow.branch(1)->ending, Ending::Reset);
    const LifecycleStep exchange = stepOf(flow.branch(1)->steps, Call::Exchange);
    QCOMPARE(exchange.state, State::Failed);
    QCOMPARE(exchange.text(), QStringLiteral("recv()/send(): connection reset by peer"));
    QCOMPARE(exchange.sequence, quint64(7));
    QCOMPARE(stepOf(flow.branch(1)->steps, Call::Close).state, State::Current);
    QCOMPARE(stepOf(flow.branch(1)->steps, Call::Close).sentence, LifecycleFlow::closeSentence(Ending::Reset));
    // The other client said goodbye; the server listens on.
    QCOMPARE(flow.branch(2)->ending, Ending::ClosedByPeer);
    QCOMPARE(stepOf(flow.steps, Call::Listen).state, State::Done);
    QCOMPARE(stepOf(flow.steps, Call::Close).state, State::NotYet);
}

void TestLifecycle::udpLightsEachStep()
{
    Rig rig;
    const int receiver = rig.session.addEndpoint(config(Transport::Udp, Role::Server, QStringLiteral("receiver")));
    const int sender = rig.session.addEndpoint(config(Transport::Udp, Role::Client, QStringLiteral("sender")));
    rig.session.start(receiver, config(Transport::Udp, Role::Server, QStringLiteral("receiver")));
    const quint16 port = rig.session.snapshot(receiver).localPort;
    QVERIFY(port != 0);
    QTRY_COMPARE(stateOf(rig.tracker, receiver, Call::Bind), State::Current);
    QCOMPARE(rig.tracker.flow(receiver).kind, LifecycleFlow::Kind::Udp);
    QCOMPARE(stateOf(rig.tracker, receiver, Call::Socket), State::Done);
    QCOMPARE(stateOf(rig.tracker, receiver, Call::Datagrams), State::NotYet);

    rig.session.start(sender, config(Transport::Udp, Role::Client, QStringLiteral("sender"), port));
    QTRY_COMPARE(stateOf(rig.tracker, sender, Call::Bind), State::Current);
    rig.session.send(sender, 0, "ping");
    QTRY_COMPARE(stateOf(rig.tracker, sender, Call::Datagrams), State::Current);
    QTRY_COMPARE(stateOf(rig.tracker, receiver, Call::Datagrams), State::Current);
    QCOMPARE(stepOf(rig.tracker.flow(receiver).steps, Call::Datagrams).sequence,
             sequenceOf(*rig.session.log(), receiver, EventKind::DatagramReceived));
    QVERIFY(rig.tracker.flow(receiver).branches.isEmpty()); // UDP has no connections

    rig.session.stop(receiver);
    QTRY_COMPARE(stateOf(rig.tracker, receiver, Call::Close), State::Current);
    QCOMPARE(stateOf(rig.tracker, receiver, Call::Datagrams), State::Done);
    QCOMPARE(stepOf(rig.tracker.flow(receiver).steps, Call::Close).sequence,
             sequenceOf(*rig.session.log(), receiver, EventKind::Closed));
}

void TestLifecycle::portInUseFailsBind_data()
{
    QTest::addColumn<Transport>("transport");
    QTest::newRow("TCP server") << Transport::Tcp;
    QTest::newRow("UDP socket") << Transport::Udp;
}

void TestLifecycle::portInUseFailsBind()
{
    QFETCH(Transport, transport);
    QTcpServer tcpHolder;
    QUdpSocket udpHolder;
    quint16 port = 0;
    if (transport == Transport::Tcp) {
        QVERIFY(tcpHolder.listen(QHostAddress::LocalHost, 0));
        port = tcpHolder.serverPort();
    } else {
        QVERIFY(udpHolder.bind(QHostAddress::LocalHost, 0));
        port = udpHolder.localPort();
    }
    Rig rig;
    const int id = rig.session.addEndpoint(config(transport, Role::Server, QStringLiteral("server")));
    rig.session.start(id, config(transport, Role::Server, QStringLiteral("server"), port));
    QTRY_COMPARE(stateOf(rig.tracker, id, Call::Bind), State::Failed);
    const LifecycleStep bind = stepOf(rig.tracker.flow(id).steps, Call::Bind);
    QCOMPARE(bind.text(), QStringLiteral("bind(): address already in use"));
    QCOMPARE(bind.sequence, sequenceOf(*rig.session.log(), id, EventKind::Error));
    QCOMPARE(stateOf(rig.tracker, id, Call::Socket), State::Done);
    QCOMPARE(stateOf(rig.tracker, id, Call::Listen), State::NotYet);
    QCOMPARE(rig.tracker.flow(id).currentIndex(), rig.tracker.flow(id).indexOf(Call::Bind));
}

void TestLifecycle::refusedConnectFailsConnect()
{
    const quint16 port = findFreeTcpPort(); // nobody listens there
    QVERIFY(port != 0);
    Rig rig;
    const int client = rig.session.addEndpoint(config(Transport::Tcp, Role::Client, QStringLiteral("client")));
    rig.session.start(client, config(Transport::Tcp, Role::Client, QStringLiteral("client"), port));
    QTRY_COMPARE(stateOf(rig.tracker, client, Call::Connect), State::Failed);
    const LifecycleFlow flow = rig.tracker.flow(client);
    QCOMPARE(stepOf(flow.steps, Call::Connect).text(), QStringLiteral("connect(): connection refused"));
    QCOMPARE(stepOf(flow.steps, Call::Socket).state, State::Done);
    QCOMPARE(stepOf(flow.steps, Call::Exchange).state, State::NotYet);
    QVERIFY(flow.branch(1));
    QCOMPARE(flow.branch(1)->ending, Ending::Failed);
    QCOMPARE(stepOf(flow.branch(1)->steps, Call::Connect).state, State::Failed);
}

void TestLifecycle::nameIsLookedUpBeforeTheSocket()
{
    SOCKPLAY_SKIP_IF_NO_LOCALHOST_NAME();
    Rig rig;
    const int server = rig.session.addEndpoint(config(Transport::Tcp, Role::Server, QStringLiteral("server")));
    const int client = rig.session.addEndpoint(config(Transport::Tcp, Role::Client, QStringLiteral("client")));
    const quint16 port = rig.startServer(server);
    QVERIFY(port != 0);
    rig.session.start(client, config(Transport::Tcp, Role::Client, QStringLiteral("client"), port,
                                     QStringLiteral("localhost")));
    QTRY_COMPARE(stateOf(rig.tracker, client, Call::Connect), State::Current);
    QTRY_VERIFY(!eventsOf(*rig.session.log(), client, EventKind::Connected).isEmpty());

    // The events: getaddrinfo() before socket() (socket() needs the family it found).
    const QList<EventKind> kinds = kindsOf(*rig.session.log(), client);
    QVERIFY2(kinds.indexOf(EventKind::LookingUp) >= 0, kindsText(kinds).constData());
    QVERIFY2(kinds.indexOf(EventKind::LookingUp) < kinds.indexOf(EventKind::Created),
             kindsText(kinds).constData());
    // The diagram: the same order, both lit.
    const LifecycleFlow flow = rig.tracker.flow(client);
    QCOMPARE(flow.steps.at(0).call, Call::Lookup);
    QCOMPARE(flow.steps.at(0).name, QStringLiteral("getaddrinfo()"));
    QCOMPARE(flow.steps.at(1).call, Call::Socket);
    QCOMPARE(flow.steps.at(0).state, State::Done);
    QCOMPARE(flow.steps.at(1).state, State::Done);
    QVERIFY(flow.steps.at(0).sequence < flow.steps.at(1).sequence);
}

void TestLifecycle::branchesStayBoundedUnderAThousandConnects()
{
    Rig rig;
    const int server = rig.session.addEndpoint(config(Transport::Tcp, Role::Server, QStringLiteral("server")));
    const quint16 port = rig.startServer(server);
    QVERIFY(port != 0);
    // 1,000 connects in waves of 100 (each wave closed before the next): a
    // bounded number of sockets open at once in this process.
    constexpr int Waves = 10;
    constexpr int PerWave = 100;
    for (int wave = 1; wave <= Waves; ++wave) {
        std::vector<std::unique_ptr<QTcpSocket>> sockets;
        for (int i = 0; i < PerWave; ++i) {
            sockets.push_back(std::make_unique<QTcpSocket>());
            sockets.back()->connectToHost(QHostAddress::LocalHost, port);
        }
        const auto seen = [&] {
            const LifecycleFlow flow = rig.tracker.flow(server);
            return flow.olderBranches + flow.branches.size();
        };
        QTRY_COMPARE_WITH_TIMEOUT(seen(), qint64(wave * PerWave), 30000);
        QVERIFY(rig.tracker.flow(server).branches.size() <= LifecycleFlow::MaxBranches);
        for (auto &socket : sockets)
            socket->abort();
    }
    const LifecycleFlow flow = rig.tracker.flow(server);
    QCOMPARE(flow.branches.size(), qsizetype(LifecycleFlow::MaxBranches));
    QCOMPARE(flow.olderBranches, qint64(Waves * PerWave - LifecycleFlow::MaxBranches));
    // The newest in detail, oldest first.
    for (int i = 0; i < LifecycleFlow::MaxBranches; ++i)
        QCOMPARE(flow.branches.at(i).connectionId, Waves * PerWave - LifecycleFlow::MaxBranches + 1 + i);
}

void TestLifecycle::restartStartsAfresh()
{
    Rig rig;
    const int server = rig.session.addEndpoint(config(Transport::Tcp, Role::Server, QStringLiteral("server")));
    const int client = rig.session.addEndpoint(config(Transport::Tcp, Role::Client, QStringLiteral("client")));
    const quint16 port = rig.startServer(server);
    QVERIFY(port != 0);
    const EndpointConfig clientConfig = config(Transport::Tcp, Role::Client, QStringLiteral("client"), port);
    rig.session.start(client, clientConfig);
    QTRY_COMPARE(branchStateOf(rig.tracker, server, 1, Call::Accept), State::Current);
    QTRY_COMPARE(stateOf(rig.tracker, client, Call::Connect), State::Current);
    rig.session.stop(client);
    QTRY_COMPARE(stateOf(rig.tracker, client, Call::Close), State::Current);
    QTRY_COMPARE(endingOf(rig.tracker, server, 1), Ending::ClosedByPeer);

    // The client again: connection #1 anew, nothing left of the first one.
    rig.session.start(client, clientConfig);
    QTRY_COMPARE(stateOf(rig.tracker, client, Call::Connect), State::Current);
    QCOMPARE(stateOf(rig.tracker, client, Call::Close), State::NotYet);
    QCOMPARE(endingOf(rig.tracker, client, 1), Ending::Open);
    QCOMPARE(rig.tracker.flow(client).branches.size(), 1);

    // The server again: its flow and its branches start over.
    rig.session.stop(server);
    QTRY_COMPARE(stateOf(rig.tracker, server, Call::Close), State::Current);
    QVERIFY(rig.startServer(server) != 0);
    QTRY_COMPARE(stateOf(rig.tracker, server, Call::Listen), State::Current);
    const LifecycleFlow flow = rig.tracker.flow(server);
    QCOMPARE(stepOf(flow.steps, Call::Close).state, State::NotYet);
    QCOMPARE(stepOf(flow.steps, Call::Accept).state, State::NotYet);
    QVERIFY(flow.branches.isEmpty());
    QCOMPARE(flow.olderBranches, qint64(0));
}

void TestLifecycle::changedOncePerEndpointPerBatchAndForget()
{
    // A made-up batch (a server's start and a data flood): one changed() for
    // the endpoint, not one per event; forget() drops its flow.
    EventLog log;
    LifecycleTracker tracker;
    QSignalSpy changed(&tracker, &LifecycleTracker::changed);
    QSignalSpy added(&tracker, &LifecycleTracker::endpointAdded);
    QSignalSpy forgotten(&tracker, &LifecycleTracker::endpointForgotten);
    QSignalSpy lit(&tracker, &LifecycleTracker::stepLit);
    const EventSourcePtr endpoint = makeEventSource(1, 0, QStringLiteral("server"), QHostAddress::LocalHost, 5000, {}, 0);
    QList<Event> batch;
    const auto add = [&batch](EventKind kind, const EventSourcePtr &source, const QString &detail = {}) {
        Event e;
        e.sequence = quint64(batch.size() + 1);
        e.kind = kind;
        e.source = source;
        e.detail = detail;
        batch.append(e);
    };
    add(EventKind::Created, endpoint, QStringLiteral("TCP server socket"));
    add(EventKind::Bound, endpoint);
    add(EventKind::Listening, endpoint);
    add(EventKind::Accepted, serverSource(1));
    for (int i = 0; i < 100; ++i)
        add(EventKind::Received, serverSource(1));
    tracker.feed(batch);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(added.count(), 1);
    // socket, bind, listen, accept (main), accept and recv()/send() (branch):
    // a step that stays Current does not light again.
    QCOMPARE(lit.count(), 6);
    QCOMPARE(stepOf(tracker.flow(1).branch(1)->steps, Call::Exchange).sequence, quint64(104));
    QCOMPARE(tracker.endpointIds(), QList<int>{1});

    tracker.forget(1);
    QCOMPARE(forgotten.count(), 1);
    QVERIFY(!tracker.contains(1));
    QCOMPARE(tracker.flow(1).kind, LifecycleFlow::Kind::Unknown);
}

void TestLifecycle::tlsShowsTheHandshakeAsAStep()
{
    Rig rig;
    const int server = rig.session.addEndpoint(tlsConfig(Role::Server, 0, false));
    const int client = rig.session.addEndpoint(tlsConfig(Role::Client, 0, false));
    rig.session.start(server, tlsConfig(Role::Server, 0, false));
    QTRY_VERIFY(rig.session.snapshot(server).isActive());
    rig.session.start(client, tlsConfig(Role::Client, rig.session.snapshot(server).localPort, false));

    // After connect(), SSL_connect(): lit by the finished handshake, not by the TCP one.
    QTRY_COMPARE(stateOf(rig.tracker, client, Call::Handshake), State::Current);
    LifecycleFlow flow = rig.tracker.flow(client);
    QCOMPARE(flow.layer, LifecycleFlow::Layer::Tls);
    QCOMPARE(flow.title(), QStringLiteral("TLS client"));
    // No shutdown(): TLS closes both ways at once.
    QCOMPARE(namesOf(flow.steps), QStringLiteral("socket() connect() SSL_connect() SSL_write()/SSL_read() close()"));
    QCOMPARE(stepOf(flow.steps, Call::Connect).state, State::Done);
    QCOMPARE(stepOf(flow.steps, Call::Handshake).sequence, sequenceOf(*rig.session.log(), client, EventKind::Secured));
    QVERIFY(flow.branch(1));
    QCOMPARE(namesOf(flow.branch(1)->steps), QStringLiteral("connect() SSL_connect() SSL_write()/SSL_read() close()"));

    // The server: a branch per client, SSL_accept() after accept().
    QTRY_COMPARE(branchStateOf(rig.tracker, server, 1, Call::Handshake), State::Current);
    flow = rig.tracker.flow(server);
    QCOMPARE(flow.title(), QStringLiteral("TLS server"));
    QCOMPARE(namesOf(flow.steps), QStringLiteral("socket() bind() listen() accept() close()"));
    QCOMPARE(namesOf(flow.branch(1)->steps), QStringLiteral("accept() SSL_accept() SSL_read()/SSL_write() close()"));

    rig.session.send(client, 0, "hi\n");
    QTRY_COMPARE(stateOf(rig.tracker, client, Call::Exchange), State::Current);
    QTRY_COMPARE(branchStateOf(rig.tracker, server, 1, Call::Exchange), State::Current);
    QCOMPARE(branchStateOf(rig.tracker, server, 1, Call::Handshake), State::Done);
}

void TestLifecycle::unverifiedServerFailsTheHandshake()
{
    Rig rig;
    const int server = rig.session.addEndpoint(tlsConfig(Role::Server, 0, false));
    const int client = rig.session.addEndpoint(tlsConfig(Role::Client, 0, true));
    rig.session.start(server, tlsConfig(Role::Server, 0, false));
    QTRY_VERIFY(rig.session.snapshot(server).isActive());
    rig.session.start(client, tlsConfig(Role::Client, rig.session.snapshot(server).localPort, true));
    // connect() worked; the certificate did not: SSL_connect() failed, with the reason.
    QTRY_COMPARE(stateOf(rig.tracker, client, Call::Handshake), State::Failed);
    const LifecycleFlow flow = rig.tracker.flow(client);
    QCOMPARE(stepOf(flow.steps, Call::Connect).state, State::Done);
    const QString reason = stepOf(flow.steps, Call::Handshake).error;
    QVERIFY2(reason.contains(QStringLiteral("self-signed")), qPrintable(reason));
    QCOMPARE(stepOf(flow.branch(1)->steps, Call::Handshake).state, State::Failed);
    QCOMPARE(stepOf(flow.steps, Call::Exchange).state, State::NotYet);
}

void TestLifecycle::webSocketShowsTheUpgradeAsAStep()
{
    Rig rig;
    EndpointConfig serverConfig = config(Transport::WebSocket, Role::Server, QStringLiteral("server"));
    serverConfig.echo = true;
    const int server = rig.session.addEndpoint(serverConfig);
    const int client = rig.session.addEndpoint(config(Transport::WebSocket, Role::Client, QStringLiteral("client")));
    rig.session.start(server, serverConfig);
    QTRY_VERIFY(rig.session.snapshot(server).isActive());
    rig.session.start(client, config(Transport::WebSocket, Role::Client, QStringLiteral("client"),
                                     rig.session.snapshot(server).localPort));
    QTRY_COMPARE(stateOf(rig.tracker, client, Call::Upgrade), State::Current);
    LifecycleFlow flow = rig.tracker.flow(client);
    QCOMPARE(flow.title(), QStringLiteral("WebSocket client"));
    QCOMPARE(namesOf(flow.steps), QStringLiteral("socket() connect() HTTP upgrade (101) send/receive messages close()"));
    QTRY_COMPARE(branchStateOf(rig.tracker, server, 1, Call::Upgrade), State::Current);
    flow = rig.tracker.flow(server);
    QCOMPARE(namesOf(flow.branch(1)->steps), QStringLiteral("accept() HTTP upgrade (101) receive/send messages close()"));
    rig.session.send(client, 0, "hi");
    QTRY_COMPARE(stateOf(rig.tracker, client, Call::Exchange), State::Current);
    QCOMPARE(stepOf(rig.tracker.flow(client).steps, Call::Exchange).text(),
             QStringLiteral("send/receive messages: messages flow both ways, each one whole: the frames keep their boundaries"));
}

void TestLifecycle::wrongPathFailsTheServersUpgrade()
{
    Rig rig;
    EndpointConfig serverConfig = config(Transport::WebSocket, Role::Server, QStringLiteral("server"));
    serverConfig.path = QStringLiteral("/chat");
    const int server = rig.session.addEndpoint(serverConfig);
    rig.session.start(server, serverConfig);
    QTRY_VERIFY(rig.session.snapshot(server).isActive());
    // A client that asks for another path: answered 404, no upgrade.
    QTcpSocket peer;
    peer.connectToHost(QHostAddress::LocalHost, rig.session.snapshot(server).localPort);
    QTRY_COMPARE(peer.state(), QAbstractSocket::ConnectedState);
    peer.write("GET /other HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
               "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    QTRY_COMPARE(branchStateOf(rig.tracker, server, 1, Call::Upgrade), State::Failed);
    const LifecycleBranch *branch = rig.tracker.flow(server).branch(1);
    QVERIFY(branch);
    QCOMPARE(stepOf(branch->steps, Call::Accept).state, State::Done);
    QVERIFY2(stepOf(branch->steps, Call::Upgrade).error.contains(QStringLiteral("404")),
             qPrintable(stepOf(branch->steps, Call::Upgrade).error));
}

QTEST_GUILESS_MAIN(TestLifecycle)
#include "tst_lifecycle.moc"
