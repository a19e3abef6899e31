// The chat relay of a TCP server (EndpointConfig::relayToOthers): each
// message a client sends goes to every other client, never back to itself,
// as an automatic reply with backpressure. One of the chat's clients is a
// Python program no one here wrote.
#include "eventlog.h"
#include "peers/peerprocess.h"
#include "tcpclientendpoint.h"
#include "tcpconnection.h"
#include "tcpserverendpoint.h"
#include "testsupport.h"

#include <QDeadlineTimer>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace SockPlay;
using namespace SockPlay::Test;
using namespace SockPlayTest;

namespace {

EndpointConfig serverConfig(const QString &host, bool relay)
{
    EndpointConfig config;
    config.host = host;
    config.port = 0;
    config.frame = FrameSpec::parse(QStringLiteral("line"), nullptr).value_or(FrameSpec{});
    config.relayToOthers = relay;
    return config;
}

EndpointConfig clientConfig(const QString &host, quint16 port)
{
    EndpointConfig config;
    config.transport = Transport::Tcp;
    config.role = Role::Client;
    config.host = host;
    config.port = port;
    return config;
}

} // namespace

class TestRelay : public QObject
{
    Q_OBJECT
private slots:
    void eachLineGoesToTheOthers_data();
    void eachLineGoesToTheOthers();
    void withoutRelayNothingIsPassedOn();
    void relayToAPeerThatStopsReadingKeepsMemoryBounded();
};

void TestRelay::eachLineGoesToTheOthers_data()
{
    QTest::addColumn<QString>("address");
    QTest::newRow("IPv4 127.0.0.1") << QStringLiteral("127.0.0.1");
    QTest::newRow("IPv6 ::1") << QStringLiteral("::1");
}

void TestRelay::eachLineGoesToTheOthers()
{
    QFETCH(QString, address);
    SOCKPLAY_SKIP_IF_NO_IPV6(address);
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");
    EventLog log;
    TcpServerEndpoint server(&log);
    QVERIFY(server.start(serverConfig(address, true)));
    TcpClientEndpoint alice(QStringLiteral("Alice"), &log);
    TcpClientEndpoint bob(QStringLiteral("Bob"), &log);
    QVERIFY(alice.start(clientConfig(address, server.localPort())));
    QVERIFY(bob.start(clientConfig(address, server.localPort())));
    QTRY_VERIFY(alice.isActive() && bob.isActive());

    // Carol is Python: she says her line as soon as she is connected, then
    // prints the two lines she receives.
    PeerProcess carol;
    QVERIFY2(carol.startPython(python, QStringLiteral("chat_client.py"),
                               {address, QString::number(server.localPort()), QStringLiteral("Carol: hi from Python"),
                                QStringLiteral("2")}),
             qPrintable(carol.errorString()));
    QVERIFY2(!carol.waitForMatch(QRegularExpression(QStringLiteral("^(connected)\\n")), QProcess::StandardOutput)
                  .isEmpty(),
             qPrintable(carol.errText()));
    QTRY_COMPARE(server.connectionCount(), 3);
    QVERIFY(alice.send(Endpoint::AllConnections, "Alice: hello\n"));
    QVERIFY(bob.send(Endpoint::AllConnections, "Bob: hi Alice\n"));

    QTRY_VERIFY(bytesOf(log, alice.id(), EventKind::Received).contains("Carol: hi from Python\n"));
    QTRY_VERIFY(bytesOf(log, alice.id(), EventKind::Received).contains("Bob: hi Alice\n"));
    QTRY_VERIFY(bytesOf(log, bob.id(), EventKind::Received).contains("Carol: hi from Python\n"));
    QTRY_VERIFY(bytesOf(log, bob.id(), EventKind::Received).contains("Alice: hello\n"));
    QVERIFY(!bytesOf(log, alice.id(), EventKind::Received).contains("Alice:"));
    QVERIFY(!bytesOf(log, bob.id(), EventKind::Received).contains("Bob:"));
    const QString printed = carol.waitForMatch(QRegularExpression(QStringLiteral("connected\\n(.*\\n.*\\n)")),
                                               QProcess::StandardOutput);
    QVERIFY2(printed.contains(QLatin1String("Alice: hello")), qPrintable(printed + carol.errText()));
    QVERIFY2(printed.contains(QLatin1String("Bob: hi Alice")), qPrintable(printed));
    QVERIFY2(!printed.contains(QLatin1String("Carol")), qPrintable(printed));

    // Three lines, each to two others: automatic replies, logged as such.
    QCOMPARE(eventsOf(log, server.id(), EventKind::AutoReplied).size(), 6);
    QCOMPARE(eventsOf(log, server.id(), EventKind::Sent).size(), 0);
    bool noted = false;
    for (const Event &note : eventsOf(log, server.id(), EventKind::Note))
        noted = noted || note.detail.contains(QLatin1String("relay on"));
    QVERIFY(noted);
}

void TestRelay::withoutRelayNothingIsPassedOn()
{
    EventLog log;
    TcpServerEndpoint server(&log);
    QVERIFY(server.start(serverConfig(QStringLiteral("127.0.0.1"), false)));
    QTcpSocket alice;
    QTcpSocket bob;
    alice.connectToHost(QHostAddress::LocalHost, server.localPort());
    bob.connectToHost(QHostAddress::LocalHost, server.localPort());
    QTRY_COMPARE(server.connectionCount(), 2);
    alice.write("Alice: anyone?\n");
    QTRY_COMPARE(eventsOf(log, server.id(), EventKind::Message).size(), 1);
    // A relay writes in the same pass that reads the line: nothing was written.
    QCOMPARE(eventsOf(log, server.id(), EventKind::AutoReplied).size(), 0);
    // And Bob's stream, which keeps order, starts with what the server sent him itself.
    const int bobId = server.connections().at(1).peerPort == bob.localPort() ? server.connections().at(1).id
                                                                             : server.connections().at(0).id;
    QVERIFY(server.send(bobId, "server: only me\n"));
    QTRY_COMPARE(bob.bytesAvailable(), qint64(16));
    QCOMPARE(bob.readAll(), QByteArray("server: only me\n"));
}

void TestRelay::relayToAPeerThatStopsReadingKeepsMemoryBounded()
{
    // Alice sends 32 MiB of lines; Bob reads nothing. The relay queues for
    // Bob up to the bound, then holds reading from Alice: the kernel buffers
    // fill and TCP stops Alice. Once Bob reads, everything flows to him.
    EventLog::Limits limits;
    limits.payloadBytesPerEvent = 16;
    EventLog log(limits);
    TcpServerEndpoint server(&log);
    EndpointConfig config = serverConfig(QStringLiteral("127.0.0.1"), true);
    config.maxPendingWriteBytes = 256 * 1024;
    QVERIFY(server.start(config));
    // Past the bound by at most one read's worth of lines, plus slack.
    const qint64 bound = config.maxPendingWriteBytes + TcpConnection::ReadBufferBytes + 64 * 1024;
    qint64 peak = 0;
    const auto samplePeak = [&] { peak = qMax(peak, server.pendingWriteBytes()); };
    connect(&server, &Endpoint::dataReceived, this, samplePeak);
    connect(&server, &Endpoint::bytesWritten, this, samplePeak);

    QTcpSocket bob;
    bob.setReadBufferSize(64 * 1024); // not reading: Qt must not drain the kernel either
    bob.connectToHost(QHostAddress::LocalHost, server.localPort());
    QTcpSocket alice;
    alice.connectToHost(QHostAddress::LocalHost, server.localPort());
    QTRY_COMPARE(server.connectionCount(), 2);
    QByteArray line(1023, 'a');
    line.append('\n');
    const QByteArray data = line.repeated(32 * 1024);
    alice.write(data);

    QSignalSpy aliceWrote(&alice, &QTcpSocket::bytesWritten);
    QDeadlineTimer deadline(15000);
    while (aliceWrote.wait(500))
        QVERIFY2(!deadline.hasExpired(), "Alice never stopped sending");
    const QString state = QStringLiteral("stalled with %1 of %2 bytes sent, %3 read by the server, %4 queued; "
                                         "the queue peaked at %5, the bound is %6")
                              .arg(data.size() - alice.bytesToWrite()).arg(data.size()).arg(server.bytesIn())
                              .arg(server.pendingWriteBytes()).arg(peak).arg(bound);
    QVERIFY2(peak <= bound, qPrintable(state));
    QVERIFY2(server.bytesIn() < data.size() / 2, qPrintable(state));

    // Bob reads: the rest flows, every byte reaches him, in order.
    QByteArray got = bob.readAll();
    connect(&bob, &QTcpSocket::readyRead, this, [&] { got += bob.readAll(); });
    bob.setReadBufferSize(0);
    QTRY_COMPARE_WITH_TIMEOUT(got.size(), data.size(), 20000);
    QVERIFY(got == data);
    QVERIFY2(peak <= bound, qPrintable(QStringLiteral("the relay queue peaked at %1, the bound is %2").arg(peak).arg(bound)));
}

QTEST_GUILESS_MAIN(TestRelay)
#include "tst_relay.moc"
