// The UDP endpoint over real loopback sockets: datagrams both ways, one event each.
#include "udpendpoint.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QTest>
#include <QNetworkDatagram>
#include <QUdpSocket>

using namespace SockPlay;
using namespace SockPlay::Test;

class TestUdp : public QObject
{
    Q_OBJECT
private slots:
    void datagramsBothWaysAndReplyToLast_data();
    void datagramsBothWaysAndReplyToLast();
    void datagramsAreNeverMerged();
    void echoSendsEachDatagramBack();
    void sendToAHostName();
    void unresolvableNameIsAnError();
    void portInUseIsAnError();
    void sendingBeforeBindingFails();

private:
    static EndpointConfig bindTo(const QString &host, quint16 port = 0)
    {
        EndpointConfig config;
        config.transport = Transport::Udp;
        config.host = host;
        config.port = port;
        return config;
    }
};

void TestUdp::datagramsBothWaysAndReplyToLast_data()
{
    QTest::addColumn<QString>("address");
    QTest::newRow("IPv4 127.0.0.1") << QStringLiteral("127.0.0.1");
    QTest::newRow("IPv6 ::1") << QStringLiteral("::1");
}

void TestUdp::datagramsBothWaysAndReplyToLast()
{
    QFETCH(QString, address);
    SOCKPLAY_SKIP_IF_NO_IPV6(address);
    EventLog log;
    UdpEndpoint server(QStringLiteral("server"), &log);
    UdpEndpoint client(QStringLiteral("client"), &log);
    QVERIFY(server.start(bindTo(address)));
    QVERIFY(client.start(bindTo(address)));
    QVERIFY(server.localPort() != 0);

    QSignalSpy serverGot(&server, &Endpoint::dataReceived);
    QVERIFY(client.sendTo(address, server.localPort(), "ping"));
    QVERIFY(serverGot.wait(5000));
    QCOMPARE(serverGot.at(0).at(1).toByteArray(), QByteArray("ping"));
    const Event got = eventsOf(log, server.id(), EventKind::DatagramReceived).at(0);
    QCOMPARE(got.peerText(), formatAddress(QHostAddress(address), client.localPort()));
    QCOMPARE(server.connections().size(), 1);
    QCOMPARE(server.connections().at(0).peerPort, client.localPort());

    QSignalSpy clientGot(&client, &Endpoint::dataReceived);
    QVERIFY(server.replyToLast("pong"));
    QVERIFY(clientGot.wait(5000));
    QCOMPARE(clientGot.at(0).at(1).toByteArray(), QByteArray("pong"));
    QCOMPARE(eventsOf(log, client.id(), EventKind::DatagramReceived).at(0).peerText(),
             formatAddress(QHostAddress(address), server.localPort()));
    QCOMPARE(server.bytesIn(), 4);
    QCOMPARE(server.bytesOut(), 4);
    QCOMPARE(eventsOf(log, client.id(), EventKind::DatagramSent).size(), 1);
}

void TestUdp::datagramsAreNeverMerged()
{
    EventLog log;
    UdpEndpoint receiver(&log);
    QVERIFY(receiver.start(bindTo(QStringLiteral("127.0.0.1"))));
    QUdpSocket sender;
    const QList<QByteArray> sent{"one", QByteArray(1000, 'b'), "3", QByteArray()};
    for (const QByteArray &d : sent)
        sender.writeDatagram(d, QHostAddress::LocalHost, receiver.localPort());
    QTRY_COMPARE(eventsOf(log, receiver.id(), EventKind::DatagramReceived).size(), sent.size());
    const QList<Event> got = eventsOf(log, receiver.id(), EventKind::DatagramReceived);
    for (int i = 0; i < sent.size(); ++i) {
        QCOMPARE(got.at(i).payload, sent.at(i));
        QCOMPARE(got.at(i).byteCount, sent.at(i).size());
    }
}

void TestUdp::echoSendsEachDatagramBack()
{
    EventLog log;
    UdpEndpoint server(&log);
    EndpointConfig config = bindTo(QStringLiteral("127.0.0.1"));
    config.echo = true;
    QVERIFY(server.start(config));
    QUdpSocket peer;
    QVERIFY(peer.bind(QHostAddress::LocalHost, 0));
    peer.writeDatagram("first", QHostAddress::LocalHost, server.localPort());
    peer.writeDatagram("second", QHostAddress::LocalHost, server.localPort());
    QList<QByteArray> back;
    connect(&peer, &QUdpSocket::readyRead, this, [&] {
        while (peer.hasPendingDatagrams())
            back.append(peer.receiveDatagram().data());
    });
    QTRY_COMPARE(back.size(), 2);
    QCOMPARE(back, (QList<QByteArray>{"first", "second"}));
}

void TestUdp::sendToAHostName()
{
    SOCKPLAY_SKIP_IF_NO_LOCALHOST_NAME();
    EventLog log;
    UdpEndpoint client(&log);
    QVERIFY(client.start(bindTo(QStringLiteral("0.0.0.0"))));
    QUdpSocket receiver;
    QVERIFY(receiver.bind(QHostAddress::LocalHost, 0));
    QVERIFY(client.sendTo(QStringLiteral("localhost"), receiver.localPort(), "by name"));
    QTRY_VERIFY(receiver.hasPendingDatagrams());
    QCOMPARE(receiver.receiveDatagram().data(), QByteArray("by name"));
    QVERIFY(kindsOf(log, client.id()).contains(EventKind::LookingUp));
}

void TestUdp::unresolvableNameIsAnError()
{
    EventLog log;
    UdpEndpoint client(&log);
    QVERIFY(client.start(bindTo(QStringLiteral("127.0.0.1"))));
    QSignalSpy errors(&client, &Endpoint::errorOccurred);
    QVERIFY(client.sendTo(QStringLiteral("no-such-host.invalid"), 9, "x"));
    QVERIFY(errors.wait(LookupTimeoutMs));
    QVERIFY2(errors.at(0).at(0).toString().contains(QStringLiteral("no-such-host.invalid")),
             qPrintable(errors.at(0).at(0).toString()));
    QCOMPARE(eventsOf(log, client.id(), EventKind::Error).size(), 1);
    QCOMPARE(eventsOf(log, client.id(), EventKind::DatagramSent).size(), 0);
}

void TestUdp::portInUseIsAnError()
{
    QUdpSocket holder;
    QVERIFY(holder.bind(QHostAddress::LocalHost, 0));
    EventLog log;
    UdpEndpoint endpoint(&log);
    const Result result = endpoint.start(bindTo(QStringLiteral("127.0.0.1"), holder.localPort()));
    QVERIFY(!result.ok);
    QVERIFY2(result.error.contains(QStringLiteral("in use")), qPrintable(result.error));
    QCOMPARE(eventsOf(log, endpoint.id(), EventKind::Error).size(), 1);
    QCOMPARE(endpoint.state(), EndpointState::Idle);
}

void TestUdp::sendingBeforeBindingFails()
{
    EventLog log;
    UdpEndpoint endpoint(&log);
    QVERIFY(!endpoint.sendTo(QStringLiteral("127.0.0.1"), 9, "x").ok);
    QVERIFY(!endpoint.replyToLast("x").ok);
    QVERIFY(!endpoint.send(Endpoint::AllConnections, "x").ok);
}

QTEST_GUILESS_MAIN(TestUdp)
#include "tst_udp.moc"
