// The one pipeline every connection runs (read → counters → event →
// responders → writes): stream offsets each way, counters per connection,
// one event per datagram. Real sockets on loopback, IPv4 and IPv6.
#include "tcpserverendpoint.h"
#include "testsupport.h"
#include "udpendpoint.h"

#include <QNetworkDatagram>
#include <QTcpSocket>
#include <QTest>
#include <QUdpSocket>

using namespace SockPlay;
using namespace SockPlay::Test;

namespace {

EndpointConfig configFor(Transport transport, const QString &host)
{
    EndpointConfig config;
    config.transport = transport;
    config.role = Role::Server;
    config.host = host;
    config.port = 0;
    return config;
}

/// The events of one connection of an endpoint, of one kind.
QList<Event> eventsOn(const EventLog &log, int endpointId, int connectionId, EventKind kind)
{
    QList<Event> events;
    for (const Event &e : eventsOf(log, endpointId, kind))
        if (e.connectionId() == connectionId)
            events.append(e);
    return events;
}

/// The stream offset of each event, and the offset after the last one.
QList<qint64> offsetsOf(const QList<Event> &events)
{
    QList<qint64> offsets;
    for (const Event &e : events)
        offsets.append(e.streamOffset);
    if (!events.isEmpty())
        offsets.append(events.constLast().streamOffset + events.constLast().byteCount);
    return offsets;
}

/// What offsets must be: 0, then each event's bytes after the previous one's.
QList<qint64> runningTotalsOf(const QList<Event> &events)
{
    QList<qint64> offsets{0};
    for (const Event &e : events)
        offsets.append(offsets.constLast() + e.byteCount);
    return offsets;
}

} // namespace

class TestConnection : public QObject
{
    Q_OBJECT
private slots:
    void tcpStreamOffsetsCountEachDirection_data();
    void tcpStreamOffsetsCountEachDirection();
    void eachConnectionHasItsOwnOffsetsAndCounters();
    void datagramsAreOneEventEachWithOffsetsPerPeer_data();
    void datagramsAreOneEventEachWithOffsetsPerPeer();
};

void TestConnection::tcpStreamOffsetsCountEachDirection_data()
{
    QTest::addColumn<QString>("host");
    QTest::newRow("IPv4 127.0.0.1") << QStringLiteral("127.0.0.1");
    QTest::newRow("IPv6 ::1") << QStringLiteral("::1");
}

void TestConnection::tcpStreamOffsetsCountEachDirection()
{
    // Each direction of a connection is one stream: an event's offset is
    // the number of bytes before it in its direction. What the user sends
    // and what echo sends go out on the same stream, so they share one count.
    QFETCH(QString, host);
    SOCKPLAY_SKIP_IF_NO_IPV6(host);
    EventLog log;
    TcpServerEndpoint server(&log);
    QVERIFY(server.start(configFor(Transport::Tcp, host)));
    QTcpSocket peer;
    peer.connectToHost(QHostAddress(host), server.localPort());
    QTRY_COMPARE(server.connectionCount(), 1);
    const int id = server.connections().at(0).id;

    // In: three writes, each received before the next is written.
    const QList<QByteArray> pieces{"abc", "defgh", "i"};
    QByteArray in;
    for (const QByteArray &piece : pieces) {
        peer.write(piece);
        in += piece;
        QTRY_COMPARE(bytesOf(log, server.id(), EventKind::Received, id), in);
    }
    // Out: the user sends, then echo answers, then the user sends again.
    QVERIFY(server.send(id, "12345"));
    server.setEcho(true);
    peer.write("xy");
    QTRY_COMPARE(bytesOf(log, server.id(), EventKind::AutoReplied, id), QByteArray("xy"));
    QVERIFY(server.send(id, "z"));
    QTRY_COMPARE(peer.bytesAvailable(), 8);
    QCOMPARE(peer.readAll(), QByteArray("12345xyz"));

    const QList<Event> received = eventsOn(log, server.id(), id, EventKind::Received);
    QVERIFY(received.size() >= 4);
    QCOMPARE(offsetsOf(received), runningTotalsOf(received));
    QCOMPARE(offsetsOf(received).constLast(), 11); // "abcdefghi" and "xy"

    const QList<Event> sent = eventsOn(log, server.id(), id, EventKind::Sent);
    const QList<Event> replied = eventsOn(log, server.id(), id, EventKind::AutoReplied);
    QCOMPARE(sent.size(), 2);
    QCOMPARE(replied.size(), 1);
    QCOMPARE(sent.at(0).streamOffset, 0);
    QCOMPARE(replied.at(0).streamOffset, 5); // after the user's "12345"
    QCOMPARE(sent.at(1).streamOffset, 7);    // after the echo's "xy"

    // Lifecycle events are not on a stream.
    QCOMPARE(eventsOf(log, server.id(), EventKind::Accepted).at(0).streamOffset, -1);
}

void TestConnection::eachConnectionHasItsOwnOffsetsAndCounters()
{
    // Two clients of one server: their offsets and counters never mix, and
    // the endpoint's totals are the sum of its connections'.
    EventLog log;
    TcpServerEndpoint server(&log);
    QVERIFY(server.start(configFor(Transport::Tcp, QStringLiteral("127.0.0.1"))));
    QTcpSocket first, second;
    first.connectToHost(QHostAddress::LocalHost, server.localPort());
    QTRY_COMPARE(server.connectionCount(), 1);
    second.connectToHost(QHostAddress::LocalHost, server.localPort());
    QTRY_COMPARE(server.connectionCount(), 2);
    const int firstId = server.connections().at(0).id;
    const int secondId = server.connections().at(1).id;
    QCOMPARE(firstId, 1);
    QCOMPARE(secondId, 2);

    first.write("0123456789");
    QTRY_COMPARE(bytesOf(log, server.id(), EventKind::Received, firstId).size(), 10);
    second.write("ab");
    QTRY_COMPARE(bytesOf(log, server.id(), EventKind::Received, secondId), QByteArray("ab"));
    QVERIFY(server.send(secondId, "to second"));
    QVERIFY(server.send(firstId, "1st"));

    QCOMPARE(eventsOn(log, server.id(), secondId, EventKind::Received).at(0).streamOffset, 0);
    QCOMPARE(eventsOn(log, server.id(), secondId, EventKind::Sent).at(0).streamOffset, 0);
    QCOMPARE(eventsOn(log, server.id(), firstId, EventKind::Sent).at(0).streamOffset, 0);

    const ConnectionInfo a = server.connections().at(0);
    const ConnectionInfo b = server.connections().at(1);
    QCOMPARE(a.bytesIn, 10);
    QCOMPARE(a.bytesOut, 3);
    QCOMPARE(a.messagesOut, 1);
    QCOMPARE(a.messagesIn, eventsOn(log, server.id(), firstId, EventKind::Received).size());
    QCOMPARE(b.bytesIn, 2);
    QCOMPARE(b.bytesOut, 9);
    QCOMPARE(server.bytesIn(), a.bytesIn + b.bytesIn);
    QCOMPARE(server.bytesOut(), a.bytesOut + b.bytesOut);
    QCOMPARE(server.stats().messagesIn, a.messagesIn + b.messagesIn);
    QCOMPARE(server.stats().messagesOut, 2);
}

void TestConnection::datagramsAreOneEventEachWithOffsetsPerPeer_data()
{
    QTest::addColumn<QString>("host");
    QTest::newRow("IPv4 127.0.0.1") << QStringLiteral("127.0.0.1");
    QTest::newRow("IPv6 ::1") << QStringLiteral("::1");
}

void TestConnection::datagramsAreOneEventEachWithOffsetsPerPeer()
{
    // Two senders: each is a peer with its own counters and its own offsets,
    // and each datagram is one event of exactly its size, never merged.
    QFETCH(QString, host);
    SOCKPLAY_SKIP_IF_NO_IPV6(host);
    EventLog log;
    UdpEndpoint server(&log);
    QVERIFY(server.start(configFor(Transport::Udp, host)));
    QUdpSocket alice, bob;
    QVERIFY(alice.bind(QHostAddress(host), 0));
    QVERIFY(bob.bind(QHostAddress(host), 0));
    const QHostAddress to(host);

    alice.writeDatagram("one", to, server.localPort());
    QTRY_COMPARE(server.connectionCount(), 1);
    bob.writeDatagram("bob", to, server.localPort());
    QTRY_COMPARE(server.connectionCount(), 2);
    alice.writeDatagram("", to, server.localPort()); // an empty datagram is a message too
    alice.writeDatagram("three", to, server.localPort());
    QTRY_COMPARE(eventsOf(log, server.id(), EventKind::DatagramReceived).size(), 4);

    const int aliceId = server.connections().at(0).id;
    const int bobId = server.connections().at(1).id;
    QCOMPARE(server.connections().at(0).peerPort, alice.localPort());
    const QList<Event> fromAlice = eventsOn(log, server.id(), aliceId, EventKind::DatagramReceived);
    QCOMPARE(fromAlice.size(), 3);
    QCOMPARE(fromAlice.at(0).payload, QByteArray("one"));
    QCOMPARE(fromAlice.at(1).byteCount, 0);
    QCOMPARE(fromAlice.at(2).payload, QByteArray("three"));
    QCOMPARE(offsetsOf(fromAlice), (QList<qint64>{0, 3, 3, 8}));
    const QList<Event> fromBob = eventsOn(log, server.id(), bobId, EventKind::DatagramReceived);
    QCOMPARE(fromBob.size(), 1);
    QCOMPARE(fromBob.at(0).streamOffset, 0);

    QCOMPARE(server.connections().at(0).messagesIn, 3);
    QCOMPARE(server.connections().at(0).bytesIn, 8);
    QCOMPARE(server.connections().at(1).messagesIn, 1);

    // A reply to a peer goes on that peer's outgoing count.
    QVERIFY(server.send(bobId, "hi bob"));
    QVERIFY(server.send(bobId, "again"));
    const QList<Event> toBob = eventsOn(log, server.id(), bobId, EventKind::DatagramSent);
    QCOMPARE(offsetsOf(toBob), (QList<qint64>{0, 6, 11}));
    QCOMPARE(eventsOn(log, server.id(), aliceId, EventKind::DatagramSent).size(), 0);
    QTRY_VERIFY(bob.hasPendingDatagrams());
    QCOMPARE(bob.receiveDatagram().data(), QByteArray("hi bob"));
}

QTEST_GUILESS_MAIN(TestConnection)
#include "tst_connection.moc"
