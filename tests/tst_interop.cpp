// The core endpoints against peers that no one here wrote: the beginner
// tutorials' Python programs (tests/peers), socat and nc, over loopback
// (127.0.0.1 and ::1) with ports the system picks. Every wait runs the event
// loop; nothing sleeps.

#include "endpoint.h"
#include "eventlog.h"
#include "peers/peerprocess.h"
#include "testsupport.h"
#include "tcpclientendpoint.h"
#include "tcpserverendpoint.h"
#include "udpendpoint.h"

#include <QSignalSpy>
#include <QTest>
#include <QUdpSocket>

using namespace SockPlay;
using namespace SockPlayTest;

namespace {

QList<Event> eventsOf(const EventLog &log, EventKind kind)
{
    QList<Event> found;
    for (const Event &event : log.snapshot()) {
        if (event.kind == kind)
            found.append(event);
    }
    return found;
}

QByteArray payloadsOf(const EventLog &log, EventKind kind)
{
    QByteArray bytes;
    for (const Event &event : eventsOf(log, kind))
        bytes += event.payload;
    return bytes;
}

QString errorsIn(const EventLog &log)
{
    QStringList errors;
    for (const Event &event : eventsOf(log, EventKind::Error))
        errors.append(event.detail);
    return errors.join(u"; ");
}

EndpointConfig configFor(Transport transport, const QString &host, quint16 port, bool echo = false)
{
    EndpointConfig config;
    config.transport = transport;
    config.host = host;
    config.port = port;
    config.echo = echo;
    return config;
}

} // namespace

class TestInterop : public QObject
{
    Q_OBJECT

private slots:
    void tcpClientReceivesTheTutorialWelcomeThenPeerClosed_data();
    void tcpClientReceivesTheTutorialWelcomeThenPeerClosed();
    void tutorialClientPrintsTheWelcomeOurServerSends_data();
    void tutorialClientPrintsTheWelcomeOurServerSends();
    void tcpClientGetsEveryLineBackFromTheGoStyleEchoServerAfterHalfClose();

    void socatClientGetsOurServersEcho();
    void echoReachesAClientThatHalfClosesRightAfterSending();
    void tcpClientGetsTheEchoOfASocatListener_data();
    void tcpClientGetsTheEchoOfASocatListener();

    void udpEndpointGetsHelloBackFromTheTutorialReceiver_data();
    void udpEndpointGetsHelloBackFromTheTutorialReceiver();
    void ncDatagramIsOneEventAndOurEchoReachesNc();
};

// --- TCP: the tutorial's programs ----------------------------------------

void TestInterop::tcpClientReceivesTheTutorialWelcomeThenPeerClosed_data()
{
    QTest::addColumn<QString>("host");
    QTest::newRow("IPv4 127.0.0.1") << QStringLiteral("127.0.0.1");
    QTest::newRow("IPv6 ::1") << QStringLiteral("::1");
}

void TestInterop::tcpClientReceivesTheTutorialWelcomeThenPeerClosed()
{
    QFETCH(QString, host);
    SOCKPLAY_SKIP_IF_NO_IPV6(host);
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");

    PeerProcess server;
    const quint16 port = server.startPythonServer(python, QStringLiteral("welcome_server.py"), {QStringLiteral("--host"), host});
    QVERIFY2(port != 0, qPrintable(server.errText()));

    EventLog log;
    TcpClientEndpoint client(&log);
    QSignalSpy closed(&client, &Endpoint::connectionClosed);
    QVERIFY(client.start(configFor(Transport::Tcp, host, port)));
    QVERIFY2(closed.wait(PeerTimeoutMs), qPrintable(errorsIn(log)));

    QCOMPARE(errorsIn(log), QString());
    QCOMPARE(payloadsOf(log, EventKind::Received), TutorialWelcome);
    const QList<Event> peerClosed = eventsOf(log, EventKind::PeerClosed);
    QCOMPARE(peerClosed.size(), 1);
    for (const Event &received : eventsOf(log, EventKind::Received))
        QVERIFY(received.sequence < peerClosed.first().sequence);
    const QList<Event> connected = eventsOf(log, EventKind::Connected);
    QCOMPARE(connected.size(), 1);
    QCOMPARE(connected.first().peerText(), formatAddress(QHostAddress(host), port));
    QCOMPARE(client.state(), EndpointState::Idle);
    QVERIFY(server.waitForExit());
}

void TestInterop::tutorialClientPrintsTheWelcomeOurServerSends_data()
{
    QTest::addColumn<QString>("host");
    QTest::newRow("IPv4 127.0.0.1") << QStringLiteral("127.0.0.1");
    QTest::newRow("IPv6 ::1") << QStringLiteral("::1");
}

void TestInterop::tutorialClientPrintsTheWelcomeOurServerSends()
{
    QFETCH(QString, host);
    SOCKPLAY_SKIP_IF_NO_IPV6(host);
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");

    EventLog log;
    TcpServerEndpoint server(&log);
    QVERIFY(server.start(configFor(Transport::Tcp, host, 0)));
    QVERIFY(server.localPort() != 0);
    connect(&server, &Endpoint::connectionOpened, &server, [&server](int id) { QVERIFY(server.send(id, TutorialWelcome)); });
    QSignalSpy closed(&server, &Endpoint::connectionClosed);

    PeerProcess client;
    QVERIFY(client.startPython(python, QStringLiteral("tutorial_client.py"),
                               {host, QString::number(server.localPort())}));
    QVERIFY(client.waitForExit());
    QCOMPARE(client.exitCode(), 0);
    QCOMPARE(client.out(), TutorialWelcome + '\n');

    // The client closed after its one recv(): our server saw it leave.
    QVERIFY(closed.count() == 1 || closed.wait(PeerTimeoutMs));
    QCOMPARE(eventsOf(log, EventKind::Accepted).size(), 1);
    QCOMPARE(payloadsOf(log, EventKind::Sent), TutorialWelcome);
    QCOMPARE(eventsOf(log, EventKind::PeerClosed).size(), 1);
    QCOMPARE(server.connectionCount(), 0);
}

void TestInterop::tcpClientGetsEveryLineBackFromTheGoStyleEchoServerAfterHalfClose()
{
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");

    PeerProcess server;
    const quint16 port = server.startPythonServer(python, QStringLiteral("echo_server.py"));
    QVERIFY2(port != 0, qPrintable(server.errText()));

    EventLog log;
    TcpClientEndpoint client(&log);
    QSignalSpy opened(&client, &Endpoint::connectionOpened);
    QSignalSpy closed(&client, &Endpoint::connectionClosed);
    QVERIFY(client.start(configFor(Transport::Tcp, QStringLiteral("127.0.0.1"), port)));
    QVERIFY2(opened.wait(PeerTimeoutMs), qPrintable(errorsIn(log)));

    QVERIFY(client.send(0, "one\n"));
    QVERIFY(client.send(0, "two\n"));
    // The echo server closes only after it read EOF: only a half-close ends this.
    QVERIFY(client.shutdownWrite());
    QVERIFY2(closed.wait(PeerTimeoutMs), qPrintable(errorsIn(log)));

    QCOMPARE(payloadsOf(log, EventKind::Received), QByteArrayLiteral("one\ntwo\n"));
    QCOMPARE(eventsOf(log, EventKind::PeerClosed).size(), 1);
    // The half-close is a step of its own: after both lines went out, before the server's close.
    const QList<Event> halfClosed = eventsOf(log, EventKind::HalfClosed);
    QCOMPARE(halfClosed.size(), 1);
    QVERIFY(eventsOf(log, EventKind::Sent).constLast().sequence < halfClosed.first().sequence);
    QVERIFY(halfClosed.first().sequence < eventsOf(log, EventKind::PeerClosed).first().sequence);
    QCOMPARE(errorsIn(log), QString());
    QVERIFY(server.waitForExit());
    QCOMPARE(server.exitCode(), 0);
}

// --- TCP: socat -----------------------------------------------------------

void TestInterop::socatClientGetsOurServersEcho()
{
    SOCKPLAY_REQUIRE_PROGRAM(socat, "socat");

    EventLog log;
    TcpServerEndpoint server(&log);
    QVERIFY(server.start(configFor(Transport::Tcp, QStringLiteral("127.0.0.1"), 0, true)));
    QSignalSpy closed(&server, &Endpoint::connectionClosed);

    PeerProcess client;
    QVERIFY(client.start(socat, {QStringLiteral("-"), QStringLiteral("TCP:127.0.0.1:%1").arg(server.localPort())}));
    client.write("ping\n");
    QVERIFY2(client.waitForOutput(5), client.err().constData());
    QCOMPARE(client.out(), QByteArrayLiteral("ping\n"));
    client.write("pong\n");
    QVERIFY(client.waitForOutput(10));
    QCOMPARE(client.out(), QByteArrayLiteral("ping\npong\n"));

    client.closeInput(); // socat half-closes; our server closes in turn
    QVERIFY(client.waitForExit());
    QCOMPARE(client.exitCode(), 0);
    QVERIFY(closed.count() == 1 || closed.wait(PeerTimeoutMs));
    QCOMPARE(payloadsOf(log, EventKind::Received), QByteArrayLiteral("ping\npong\n"));
    QCOMPARE(payloadsOf(log, EventKind::AutoReplied), QByteArrayLiteral("ping\npong\n"));
}

void TestInterop::echoReachesAClientThatHalfClosesRightAfterSending()
{
    SOCKPLAY_REQUIRE_PROGRAM(nc, "nc");

    EventLog log;
    TcpServerEndpoint server(&log);
    QVERIFY(server.start(configFor(Transport::Tcp, QStringLiteral("127.0.0.1"), 0, true)));

    // `printf 'ping\n' | nc -N host port`: the bytes and the FIN arrive
    // together. The echo must still go out before the connection is closed.
    PeerProcess client;
    QVERIFY(client.start(nc, {QStringLiteral("-N"), QStringLiteral("127.0.0.1"), QString::number(server.localPort())}));
    client.write("ping\n");
    client.closeInput();
    QVERIFY(client.waitForExit());
    QCOMPARE(payloadsOf(log, EventKind::Received), QByteArrayLiteral("ping\n"));
    QCOMPARE(client.out(), QByteArrayLiteral("ping\n"));
}

void TestInterop::tcpClientGetsTheEchoOfASocatListener_data()
{
    QTest::addColumn<QString>("listen");
    QTest::addColumn<QString>("host");
    QTest::newRow("IPv4 127.0.0.1") << QStringLiteral("TCP4-LISTEN:0,bind=127.0.0.1,reuseaddr") << QStringLiteral("127.0.0.1");
    QTest::newRow("IPv6 ::1") << QStringLiteral("TCP6-LISTEN:0,bind=[::1],reuseaddr") << QStringLiteral("::1");
}

void TestInterop::tcpClientGetsTheEchoOfASocatListener()
{
    QFETCH(QString, listen);
    QFETCH(QString, host);
    SOCKPLAY_SKIP_IF_NO_IPV6(host);
    SOCKPLAY_REQUIRE_PROGRAM(socat, "socat");

    // socat -d -d names the port the system picked: "listening on AF=2 127.0.0.1:PORT".
    PeerProcess server;
    QVERIFY(server.start(socat, {QStringLiteral("-d"), QStringLiteral("-d"), listen, QStringLiteral("EXEC:cat")}));
    const quint16 port = quint16(server.waitForMatch(QRegularExpression(QStringLiteral("listening on AF=\\d+ \\S+:(\\d+)")),
                                                     QProcess::StandardError).toUInt());
    QVERIFY2(port != 0, qPrintable(server.errText()));

    EventLog log;
    TcpClientEndpoint client(&log);
    QSignalSpy opened(&client, &Endpoint::connectionOpened);
    QSignalSpy received(&client, &Endpoint::dataReceived);
    QVERIFY(client.start(configFor(Transport::Tcp, host, port)));
    QVERIFY2(opened.wait(PeerTimeoutMs), qPrintable(errorsIn(log)));
    QVERIFY(client.send(0, "hello socat\n"));
    QTRY_COMPARE_WITH_TIMEOUT(payloadsOf(log, EventKind::Received), QByteArrayLiteral("hello socat\n"), PeerTimeoutMs);

    QSignalSpy closed(&client, &Endpoint::connectionClosed);
    client.stop();
    QVERIFY(closed.count() == 1 || closed.wait(PeerTimeoutMs));
    QCOMPARE(eventsOf(log, EventKind::Closed).size(), 1); // closed by us, not by the peer
    QCOMPARE(eventsOf(log, EventKind::PeerClosed).size(), 0);
    QVERIFY(server.waitForExit());
    QCOMPARE(server.exitCode(), 0);
}

// --- UDP ------------------------------------------------------------------

void TestInterop::udpEndpointGetsHelloBackFromTheTutorialReceiver_data()
{
    QTest::addColumn<QString>("host");
    QTest::newRow("IPv4 127.0.0.1") << QStringLiteral("127.0.0.1");
    QTest::newRow("IPv6 ::1") << QStringLiteral("::1");
}

void TestInterop::udpEndpointGetsHelloBackFromTheTutorialReceiver()
{
    QFETCH(QString, host);
    SOCKPLAY_SKIP_IF_NO_IPV6(host);
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");

    PeerProcess receiver;
    const quint16 port = receiver.startPythonServer(python, QStringLiteral("udp_receiver.py"), {QStringLiteral("--host"), host});
    QVERIFY2(port != 0, qPrintable(receiver.errText()));

    EventLog log;
    UdpEndpoint udp(&log);
    QSignalSpy received(&udp, &Endpoint::dataReceived);
    QVERIFY(udp.start(configFor(Transport::Udp, host, 0)));
    QVERIFY(udp.sendTo(host, port, "hi"));
    QVERIFY2(received.wait(PeerTimeoutMs), qPrintable(errorsIn(log)));

    QCOMPARE(received.count(), 1);
    QCOMPARE(received.first().at(1).toByteArray(), QByteArrayLiteral("hello"));
    const QString receiverText = formatAddress(QHostAddress(host), port);
    const QList<Event> sent = eventsOf(log, EventKind::DatagramSent);
    const QList<Event> got = eventsOf(log, EventKind::DatagramReceived);
    QCOMPARE(sent.size(), 1);
    QCOMPARE(got.size(), 1);
    QCOMPARE(sent.first().peerText(), receiverText);
    QCOMPARE(got.first().peerText(), receiverText);
    QVERIFY(sent.first().sequence < got.first().sequence);

    QVERIFY(receiver.waitForExit());
    QCOMPARE(receiver.out(), QByteArray::number(port) + "\nhi\n");
}

void TestInterop::ncDatagramIsOneEventAndOurEchoReachesNc()
{
    SOCKPLAY_REQUIRE_PROGRAM(nc, "nc");

    EventLog log;
    UdpEndpoint udp(&log);
    QSignalSpy received(&udp, &Endpoint::dataReceived);
    QVERIFY(udp.start(configFor(Transport::Udp, QStringLiteral("127.0.0.1"), 0, true)));

    // -W 1: nc exits once it received one datagram (our echo).
    PeerProcess sender;
    QVERIFY(sender.start(nc, {QStringLiteral("-u"), QStringLiteral("-W"), QStringLiteral("1"),
                              QStringLiteral("127.0.0.1"), QString::number(udp.localPort())}));
    sender.write("ping\n");
    QVERIFY2(received.wait(PeerTimeoutMs), qPrintable(errorsIn(log)));
    QVERIFY(sender.waitForExit());
    QCOMPARE(sender.exitCode(), 0);
    QCOMPARE(sender.out(), QByteArrayLiteral("ping\n"));

    const QList<Event> got = eventsOf(log, EventKind::DatagramReceived);
    QCOMPARE(got.size(), 1);
    QCOMPARE(got.first().payload, QByteArrayLiteral("ping\n"));
    QVERIFY2(got.first().peerText().startsWith(QStringLiteral("127.0.0.1:")), qPrintable(got.first().peerText()));
    const QList<Event> echoed = eventsOf(log, EventKind::AutoReplied);
    QCOMPARE(echoed.size(), 1);
    QCOMPARE(echoed.first().peerText(), got.first().peerText());
    QCOMPARE(udp.connectionCount(), 1);
}

QTEST_GUILESS_MAIN(TestInterop)
#include "tst_interop.moc"
