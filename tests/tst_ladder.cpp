// The ladder (sequence diagram) model: real exchanges through a Session on
// loopback become lanes and arrows in the order they happened; writes are
// matched to reads, datagrams to their arrival; bounded; cleared with the log.
#include "ladder.h"
#include "laddertestsupport.h"
#include "session.h"
#include "testsupport.h"

#include <QProcess>
#include <QTcpServer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

Q_DECLARE_METATYPE(SockPlay::SimLinkSpec::Direction)

using namespace SockPlay;
using namespace SockPlay::LadderTest;

namespace {

/// A made-up event of endpoint `endpoint` (connection `connection`) from local to peer.
Event madeUp(EventKind kind, quint64 sequence, qint64 timeNs, int endpoint, int connection, quint16 localPort,
             quint16 peerPort, const QByteArray &payload = {}, qint64 offset = -1)
{
    Event e;
    e.kind = kind;
    e.sequence = sequence;
    e.timeNs = timeNs;
    e.byteCount = payload.size();
    e.payload = payload;
    e.streamOffset = offset;
    e.source = makeEventSource(endpoint, connection, QStringLiteral("ep%1").arg(endpoint), QHostAddress::LocalHost,
                               localPort, peerPort ? QHostAddress(QHostAddress::LocalHost) : QHostAddress(), peerPort);
    return e;
}

} // namespace

class TestLadder : public QObject
{
    Q_OBJECT
private slots:
    void tcpExchangeGivesHandshakeMessagesAndFinsInOrder()
    {
        Session session;
        Ladder ladder;
        ladder.follow(session.log());
        const int server = session.addEndpoint(config(Transport::Tcp, Role::Server, QStringLiteral("server"), 0, true));
        session.start(server, config(Transport::Tcp, Role::Server, QStringLiteral("server"), 0, true));
        QTRY_VERIFY(portOf(session, server) != 0);
        const auto clientConfig = config(Transport::Tcp, Role::Client, QStringLiteral("client"), portOf(session, server));
        const int client = session.addEndpoint(clientConfig);
        session.start(client, clientConfig);
        QTRY_COMPARE(countOf(ladder, ArrowKind::Ack, true), 1);

        session.send(client, 0, "hello\n");
        QTRY_COMPARE(countOf(ladder, ArrowKind::Data, true), 2); // and its echo
        session.send(client, 0, "world\n");
        QTRY_COMPARE(countOf(ladder, ArrowKind::Data, true), 4);
        session.halfClose(client);
        // The client's FIN reaches the server, which closes: its FIN comes back.
        QTRY_COMPARE(countOf(ladder, ArrowKind::Fin, true), 2);

        const QString serverLane = QStringLiteral("server");
        QCOMPARE(ladder.lanes().size(), 3);
        QCOMPARE(ladder.lanes().at(0).name, serverLane);
        QCOMPARE(ladder.lanes().at(1).name, QStringLiteral("client"));
        const QString connection = ladder.lanes().at(2).name;
        QVERIFY2(connection.startsWith(QStringLiteral("server #1 (127.0.0.1:")), qPrintable(connection));
        QCOMPARE(ladder.lanes().at(2).kind, Ladder::LaneKind::Connection);
        const QStringList expected = {
            u"SYN client>server"_qs,
            u"SYN-ACK server>client"_qs,
            u"ACK client>"_qs + connection,
            u"data client>"_qs + connection,
            u"data "_qs + connection + u">client"_qs,
            u"data client>"_qs + connection,
            u"data "_qs + connection + u">client"_qs,
            u"FIN client>"_qs + connection,
            u"FIN "_qs + connection + u">client"_qs,
        };
        QCOMPARE(ladderText(ladder), expected);
        for (int i = 0; i < 3; ++i)
            QVERIFY(ladder.arrow(i).has(Ladder::Kernel));
        QCOMPARE(Ladder::label(ladder.arrow(3)), QStringLiteral("6 bytes: hello\\n"));
        QVERIFY(ladder.arrow(4).has(Ladder::Automatic));
        // Each arrow stands for its events: the write, and the read where it arrived.
        const Arrow &hello = ladder.arrow(3);
        QVERIFY(hello.endSequence > hello.sequence);
        QCOMPARE(ladder.indexOfSequence(hello.sequence), 3);
        QCOMPARE(ladder.indexOfSequence(hello.endSequence), 3);
        QVERIFY(hello.endNs >= hello.startNs);
        QVERIFY(ladder.describe(hello).startsWith(QStringLiteral("message, client to server #1")));
    }

    void writesAndReadsAreMatchedByStreamOffset_data()
    {
        QTest::addColumn<QList<int>>("writes");
        QTest::addColumn<QList<int>>("reads");
        QTest::addColumn<QStringList>("labels");
        QTest::newRow("one write, one read") << QList<int>{5} << QList<int>{5} << QStringList{u"5 bytes: xxxxx"_qs};
        QTest::newRow("one write read as three chunks")
            << QList<int>{9} << QList<int>{3, 3, 3} << QStringList{u"9 bytes: xxxxxxxxx (read as 3 chunks)"_qs};
        QTest::newRow("two writes read as one") << QList<int>{2, 3} << QList<int>{5}
                                                << QStringList{u"2 bytes: xx"_qs, u"3 bytes: xxx"_qs};
        QTest::newRow("a read ends inside the second write")
            << QList<int>{2, 4} << QList<int>{3, 3} << QStringList{u"2 bytes: xx"_qs, u"4 bytes: xxxx (read as 2 chunks)"_qs};
    }
    void writesAndReadsAreMatchedByStreamOffset()
    {
        QFETCH(QList<int>, writes);
        QFETCH(QList<int>, reads);
        QFETCH(QStringList, labels);
        // Endpoint 1 (client, 127.0.0.1:40001) talks to endpoint 2 (server on 5000, connection 1).
        QList<Event> events;
        quint64 seq = 0;
        events << madeUp(EventKind::Listening, ++seq, 0, 2, 0, 5000, 0);
        events << madeUp(EventKind::Connecting, ++seq, 10, 1, 1, 0, 5000);
        events << madeUp(EventKind::Connected, ++seq, 20, 1, 1, 40001, 5000);
        events << madeUp(EventKind::Accepted, ++seq, 30, 2, 1, 5000, 40001);
        qint64 offset = 0;
        for (int size : writes) {
            events << madeUp(EventKind::Sent, ++seq, 40, 1, 1, 40001, 5000, QByteArray(size, 'x'), offset);
            offset += size;
        }
        offset = 0;
        QList<quint64> readSequences;
        for (int size : reads) {
            readSequences << ++seq;
            events << madeUp(EventKind::Received, seq, 50, 2, 1, 5000, 40001, QByteArray(size, 'x'), offset);
            offset += size;
        }
        Ladder ladder;
        ladder.addEvents(events);
        QCOMPARE(countOf(ladder, ArrowKind::Data), labels.size());
        QStringList seen;
        for (qsizetype i = 3; i < ladder.arrowCount(); ++i) {
            const Arrow &a = ladder.arrow(i);
            seen << Ladder::label(a);
            QCOMPARE(ladder.lanes().at(a.to).name, u"ep2 #1 (127.0.0.1:40001)"_qs);
            QVERIFY(!a.has(Ladder::InFlight));
            QVERIFY(readSequences.contains(a.endSequence));
        }
        QCOMPARE(seen, labels);
        // The ACK reached the accepted connection.
        QCOMPARE(ladder.lanes().at(ladder.arrow(2).to).kind, Ladder::LaneKind::Connection);
    }

    void udpDatagramsAreMatched()
    {
        Session session;
        Ladder ladder;
        ladder.follow(session.log());
        const auto serverConfig = config(Transport::Udp, Role::Server, QStringLiteral("udp server"), 0, true);
        const int server = session.addEndpoint(serverConfig);
        session.start(server, serverConfig);
        QTRY_VERIFY(portOf(session, server) != 0);
        const auto clientConfig = config(Transport::Udp, Role::Client, QStringLiteral("udp client"), portOf(session, server));
        const int client = session.addEndpoint(clientConfig);
        session.start(client, clientConfig);
        QTRY_VERIFY(session.snapshot(client).isActive());
        session.send(client, 0, "ping");
        QTRY_COMPARE(countOf(ladder, ArrowKind::Datagram, true), 2); // and its echo
        QCOMPARE(ladderText(ladder), (QStringList{u"datagram udp client>udp server"_qs, u"datagram udp server>udp client"_qs}));
        QCOMPARE(Ladder::label(ladder.arrow(0)), QStringLiteral("datagram 4 bytes: ping"));
        QVERIFY(!ladder.arrow(0).has(Ladder::Lost));
    }

    void aSimulatedDropEndsInACross_data()
    {
        QTest::addColumn<SimLinkSpec::Direction>("side");
        QTest::newRow("dropped on send") << SimLinkSpec::Direction::Send;
        QTest::newRow("dropped on receive") << SimLinkSpec::Direction::Receive;
    }

    void aSimulatedDropEndsInACross()
    {
        QFETCH(SimLinkSpec::Direction, side);
        SimLinkSpec everything;
        everything.lossPercent = 100;
        everything.seed = 1;
        everything.direction = side;
        Session session;
        Ladder ladder;
        ladder.follow(session.log());
        auto serverConfig = config(Transport::Udp, Role::Server, QStringLiteral("udp server"));
        if (side == SimLinkSpec::Direction::Receive)
            serverConfig.simLink = everything;
        const int server = session.addEndpoint(serverConfig);
        session.start(server, serverConfig);
        QTRY_VERIFY(portOf(session, server) != 0);
        auto clientConfig = config(Transport::Udp, Role::Client, QStringLiteral("udp client"), portOf(session, server));
        if (side == SimLinkSpec::Direction::Send)
            clientConfig.simLink = everything;
        const int client = session.addEndpoint(clientConfig);
        session.start(client, clientConfig);
        QTRY_VERIFY(session.snapshot(client).isActive());
        session.send(client, 0, "ping");
        QTRY_COMPARE(countOf(ladder, ArrowKind::Datagram), 1);
        QTRY_VERIFY(ladder.arrow(0).has(Ladder::Lost));
        QCOMPARE(ladderText(ladder), QStringList{u"datagram udp client>udp server"_qs});
        const Arrow &arrow = ladder.arrow(0);
        QVERIFY(arrow.has(Ladder::Simulated));
        QVERIFY(!arrow.has(Ladder::InFlight));
        QCOMPARE(Ladder::label(arrow), QStringLiteral("datagram 4 bytes: ping (dropped by the simulated link)"));
        // Where it was dropped: the drop event is the arrow's end (or its start, on send).
        const QList<Event> drops = Test::eventsOf(*session.log(), side == SimLinkSpec::Direction::Send ? client : server,
                                                  EventKind::SimulatedDrop);
        QCOMPARE(drops.size(), 1);
        QCOMPARE(side == SimLinkSpec::Direction::Send ? arrow.sequence : arrow.endSequence, drops.at(0).sequence);
    }

    void aPythonPeerGetsItsOwnLane()
    {
        const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
        if (python.isEmpty()) {
            if (qEnvironmentVariableIsSet("SOCKPLAY_REQUIRE_PEERS"))
                QFAIL("python3 is required (SOCKPLAY_REQUIRE_PEERS is set)");
            QSKIP("python3 is not installed");
        }
        Session session;
        Ladder ladder;
        ladder.follow(session.log());
        const int server = session.addEndpoint(config(Transport::Tcp, Role::Server, QStringLiteral("server")));
        session.start(server, config(Transport::Tcp, Role::Server, QStringLiteral("server")));
        QTRY_VERIFY(portOf(session, server) != 0);
        QProcess peer;
        peer.start(python, {QStringLiteral("-c"),
                            QStringLiteral("import socket, sys\n"
                                           "s = socket.create_connection(('127.0.0.1', int(sys.argv[1])))\n"
                                           "print(s.getsockname()[1], flush=True)\n"
                                           "s.sendall(b'hi from python')\n"
                                           "s.close()\n"),
                            QString::number(portOf(session, server))});
        QTRY_COMPARE_WITH_TIMEOUT(countOf(ladder, ArrowKind::Fin), 2, 15000);
        QVERIFY(peer.state() == QProcess::NotRunning || peer.waitForFinished(15000));
        const QString peerLane = u"peer 127.0.0.1:"_qs + QString::fromLatin1(peer.readAllStandardOutput().trimmed());
        QStringList names;
        for (const Ladder::Lane &lane : ladder.lanes())
            names << lane.name;
        QVERIFY2(names.contains(peerLane), qPrintable(names.join(u", ")));
        QCOMPARE(ladder.lanes().at(names.indexOf(peerLane)).kind, Ladder::LaneKind::Peer);
        const QStringList text = ladderText(ladder);
        QCOMPARE(text.at(0), u"SYN "_qs + peerLane + u">server"_qs);
        const QString connection = names.at(1);
        QVERIFY2(connection.startsWith(QStringLiteral("server #1 (")), qPrintable(connection));
        QCOMPARE(text.at(2), u"ACK "_qs + peerLane + u'>' + connection);
        QVERIFY2(text.contains(u"data "_qs + peerLane + u'>' + connection), qPrintable(text.join(u"; ")));
        QCOMPARE(text.count(u"FIN "_qs + peerLane + u'>' + connection), 1);
        QCOMPARE(text.count(u"FIN "_qs + connection + u'>' + peerLane), 1);
    }

    void aRefusedConnectIsAReset()
    {
        quint16 closedPort = 0;
        {
            QTcpServer probe; // a port that was free a moment ago: nothing listens there now
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            closedPort = probe.serverPort();
        }
        Session session;
        Ladder ladder;
        ladder.follow(session.log());
        const auto clientConfig = config(Transport::Tcp, Role::Client, QStringLiteral("client"), closedPort);
        const int client = session.addEndpoint(clientConfig);
        session.start(client, clientConfig);
        QTRY_COMPARE(countOf(ladder, ArrowKind::Rst), 1);
        const QString peer = u"peer 127.0.0.1:"_qs + QString::number(closedPort);
        QCOMPARE(ladderText(ladder), (QStringList{u"SYN client>"_qs + peer, u"RST "_qs + peer + u">client"_qs}));
        QCOMPARE(Ladder::label(ladder.arrow(1)), QStringLiteral("RST (refused)"));
    }

    void aClientOverTheLimitIsTurnedAway()
    {
        Session session;
        Ladder ladder;
        ladder.follow(session.log());
        auto serverConfig = config(Transport::Tcp, Role::Server, QStringLiteral("server"));
        serverConfig.maxConnections = 1;
        const int server = session.addEndpoint(serverConfig);
        session.start(server, serverConfig);
        QTRY_VERIFY(portOf(session, server) != 0);
        const auto clientConfig = config(Transport::Tcp, Role::Client, QStringLiteral("client"), portOf(session, server));
        const int client = session.addEndpoint(clientConfig);
        session.start(client, clientConfig);
        QTRY_COMPARE(countOf(ladder, ArrowKind::Ack, true), 1);
        session.openConnection(client);
        QTRY_COMPARE(countOf(ladder, ArrowKind::TurnedAway), 1);
        for (qsizetype i = 0; i < ladder.arrowCount(); ++i) {
            const Arrow &a = ladder.arrow(i);
            if (a.kind == ArrowKind::TurnedAway) {
                QCOMPARE(ladder.lanes().at(a.from).name, QStringLiteral("server"));
                QCOMPARE(ladder.lanes().at(a.to).name, QStringLiteral("client"));
            }
        }
    }

    void turnedAwayBeforeTheClientSaysConnected()
    {
        // The order the network thread may log them in: the server turns the
        // client away before the client's socket reports the handshake done.
        Ladder ladder;
        quint64 seq = 0;
        ladder.addEvents({madeUp(EventKind::Listening, ++seq, 0, 1, 0, 5000, 0),
                          madeUp(EventKind::Connecting, ++seq, 10, 2, 1, 0, 5000),
                          madeUp(EventKind::TurnedAway, ++seq, 20, 1, 0, 5000, 40002),
                          madeUp(EventKind::Connected, ++seq, 30, 2, 1, 40002, 5000)});
        QCOMPARE(countOf(ladder, ArrowKind::TurnedAway), 1);
        QCOMPARE(ladderText(ladder).at(1), QStringLiteral("turned away ep1>ep2"));
        QCOMPARE(ladder.lanes().size(), 2); // no made-up peer
    }

    void theBoundHoldsUnderAFlood()
    {
        Ladder ladder;
        ladder.setMaxArrows(500);
        QList<Event> events;
        const int flood = 20000;
        for (int i = 1; i <= flood; ++i)
            events << madeUp(EventKind::DatagramSent, quint64(i), i * 1000, 1, 0, 6000, 9, QByteArray(200, 'z'));
        ladder.addEvents(events);
        QCOMPARE(ladder.arrowCount(), 500);
        QCOMPARE(ladder.droppedArrows(), quint64(flood - 500));
        QCOMPARE(ladder.arrow(0).sequence, quint64(flood - 499));
        QCOMPARE(ladder.indexOfSequence(quint64(flood)), 499);
        QCOMPARE(ladder.indexOfSequence(1), -1);
        QCOMPARE(ladder.lanes().size(), 2);
    }

    void clearingTheLogEmptiesIt()
    {
        Session session;
        Ladder ladder;
        ladder.follow(session.log());
        QSignalSpy cleared(&ladder, &Ladder::cleared);
        const auto udp = config(Transport::Udp, Role::Server, QStringLiteral("udp"));
        const int server = session.addEndpoint(udp);
        session.start(server, udp);
        QTRY_VERIFY(portOf(session, server) != 0);
        const auto clientConfig = config(Transport::Udp, Role::Client, QStringLiteral("udp client"), portOf(session, server));
        const int client = session.addEndpoint(clientConfig);
        session.start(client, clientConfig);
        QTRY_VERIFY(session.snapshot(client).isActive());
        session.send(client, 0, "x");
        QTRY_COMPARE(ladder.arrowCount(), 1);
        session.clearLog();
        QTRY_COMPARE(cleared.count(), 1);
        QCOMPARE(ladder.arrowCount(), 0);
        QCOMPARE(ladder.lanes().size(), 0);
        session.send(client, 0, "after");
        QTRY_VERIFY(ladder.arrowCount() >= 1);
        QCOMPARE(ladder.arrow(0).startNs, 0); // times start again from the first event shown
        QCOMPARE(Ladder::label(ladder.arrow(0)), QStringLiteral("datagram 5 bytes: after"));
    }
};

QTEST_GUILESS_MAIN(TestLadder)
#include "tst_ladder.moc"
