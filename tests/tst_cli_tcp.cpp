// sockplay-cli tcp-connect and tcp-listen as a user runs them, against the
// tutorials' Python peers, socat and plain sockets over loopback: what they
// print, half-close, backpressure on stdin, signals, and the exit code and
// reason of each failure. Every wait runs the event loop; nothing sleeps.

#include "clisupport.h"
#include "event.h"
#include "peers/peerprocess.h"
#include "testsupport.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

using namespace SockPlayTest;
using SockPlay::EventKind;
using SockPlay::eventKindName;

namespace {

/// A TCP server whose clients' sockets read at most readBufferSize bytes
/// until the test reads them: a peer that does not read.
class HoldingServer : public QTcpServer
{
public:
    static constexpr int ReadBufferSize = 64 * 1024;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        // Limited before it is opened: QTcpServer's own socket would read
        // everything that arrives until nextPendingConnection().
        auto *socket = new QTcpSocket(this);
        socket->setReadBufferSize(ReadBufferSize);
        if (socket->setSocketDescriptor(descriptor))
            addPendingConnection(socket);
        else
            delete socket;
    }
};

} // namespace

class TestCliTcp : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void tcpConnectPrintsTheTutorialServersWelcomeAndExitsZero_data();
    void tcpConnectPrintsTheTutorialServersWelcomeAndExitsZero();
    void tcpConnectHalfClosesAtEndOfInputAndPrintsTheEcho();
    void tcpConnectToAClosedPortExitsOneWithTheReason();
    void tcpConnectStopsReadingStdinWhileThePeerDoesNotRead();
    void unresolvableHostExitsOne_data();
    void unresolvableHostExitsOne();
    void tcpListenEchoOnceEchoesToSocatAndExitsWhenItLeaves();
    void tcpListenRelayPassesEachLineToTheOtherClient();
    void tcpConnectNoDelayIsOnAndSaidSo();
    void tcpListenSendsStdinToTheTutorialClientOnceItConnects();
    void tcpListenOnAPortInUseExitsOneWithTheReason();
    void tcpListenExitsZeroOnSignal_data();
    void tcpListenExitsZeroOnSignal();
};

void TestCliTcp::initTestCase()
{
    QVERIFY2(QFileInfo(cliPath()).isExecutable(), qPrintable(cliPath() + QStringLiteral(" is not built")));
}

// --- tcp-connect ----------------------------------------------------------

void TestCliTcp::tcpConnectPrintsTheTutorialServersWelcomeAndExitsZero_data()
{
    QTest::addColumn<QString>("host");
    QTest::newRow("IPv4 127.0.0.1") << QStringLiteral("127.0.0.1");
    QTest::newRow("IPv6 ::1") << QStringLiteral("::1");
}

void TestCliTcp::tcpConnectPrintsTheTutorialServersWelcomeAndExitsZero()
{
    QFETCH(QString, host);
    SOCKPLAY_SKIP_IF_NO_IPV6(host);
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");

    PeerProcess server;
    const quint16 port = server.startPythonServer(python, QStringLiteral("welcome_server.py"), {QStringLiteral("--host"), host});
    QVERIFY2(port != 0, qPrintable(server.errText()));

    // stdin stays open: the server closing is what ends the CLI.
    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), {QStringLiteral("tcp-connect"), host, QString::number(port)}));
    QVERIFY2(cli.waitForExit(), cli.out().constData());
    QCOMPARE(cli.exitCode(), 0);
    QCOMPARE(cli.out(), TutorialWelcome);
    QCOMPARE(cli.err(), QByteArray());
    QVERIFY(server.waitForExit());
    QCOMPARE(server.exitCode(), 0);
}

void TestCliTcp::tcpConnectHalfClosesAtEndOfInputAndPrintsTheEcho()
{
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");

    // The echo server closes only when it reads EOF: the CLI can end only if
    // it half-closed at the end of its input and kept reading.
    PeerProcess server;
    const quint16 port = server.startPythonServer(python, QStringLiteral("echo_server.py"));
    QVERIFY2(port != 0, qPrintable(server.errText()));

    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), {QStringLiteral("tcp-connect"), QStringLiteral("127.0.0.1"), QString::number(port)}));
    cli.write("hi\nthere\n");
    cli.closeInput();
    QVERIFY2(cli.waitForExit(), cli.out().constData());
    QCOMPARE(cli.exitCode(), 0);
    QCOMPARE(cli.out(), QByteArrayLiteral("hi\nthere\n"));
    QCOMPARE(cli.err(), QByteArray());
}

void TestCliTcp::tcpConnectToAClosedPortExitsOneWithTheReason()
{
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    } // closed: nothing listens there now

    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), {QStringLiteral("tcp-connect"), QStringLiteral("127.0.0.1"), QString::number(port)}));
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 1);
    QCOMPARE(cli.out(), QByteArray());
    const QString err = cli.errText();
    QCOMPARE(err.count(QLatin1Char('\n')), 1);
    QVERIFY2(err.startsWith(QStringLiteral("sockplay-cli: ")), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("127.0.0.1:%1").arg(port)), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("refused"), Qt::CaseInsensitive), qPrintable(err));
}

void TestCliTcp::tcpConnectStopsReadingStdinWhileThePeerDoesNotRead()
{
    SOCKPLAY_REQUIRE_PROGRAM(sh, "sh");

    // A peer that reads nothing: the kernel's buffers fill, then the CLI's
    // queue. Past 1 MiB queued the CLI must stop reading stdin (a file here,
    // which it could read at once), so what it took in stays within the
    // buffers' size whatever the input's; once the peer reads, it resumes.
    HoldingServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    // The peer's kernel buffer stays small (accepted sockets inherit it);
    // the CLI's send buffer grows up to tcp_wmem's maximum.
    const int receiveBuffer = HoldingServer::ReadBufferSize;
    QCOMPARE(::setsockopt(int(server.socketDescriptor()), SOL_SOCKET, SO_RCVBUF, &receiveBuffer, sizeof receiveBuffer), 0);
    QFile wmem(QStringLiteral("/proc/sys/net/ipv4/tcp_wmem"));
    QVERIFY(wmem.open(QIODevice::ReadOnly));
    const qint64 sendBufferMax = wmem.readAll().simplified().split(' ').value(2).toLongLong();
    QVERIFY(sendBufferMax > 0);
    // Kernel buffers (what they hold, and the peer's Qt buffer), 1 MiB
    // queued, a piece being sent, and slack.
    const qint64 bound = sendBufferMax + 4 * receiveBuffer + (4 << 20);
    const qint64 size = 64 << 20;
    if (bound > size / 2)
        QSKIP("tcp_wmem allows a send buffer too large to tell a bounded queue from none");

    QByteArray input(size, Qt::Uninitialized);
    for (qint64 i = 0; i < size; ++i)
        input[i] = char('a' + i % 26); // no newline: stdin is read in 64 KiB pieces
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(QStringLiteral("input")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(input), size);
    file.close();

    // -v: every piece handed to the socket is one "sent" line on stderr.
    PeerProcess cli;
    QVERIFY(cli.start(sh, {QStringLiteral("-c"), QStringLiteral("exec \"$@\" < \"$0\""), file.fileName(), cliPath(),
                           QStringLiteral("tcp-connect"), QStringLiteral("-v"), QStringLiteral("--log-event-bytes"),
                           QStringLiteral("0"), QStringLiteral("127.0.0.1"), QString::number(server.serverPort())}));
    const QRegularExpression sentLine(QStringLiteral("^\\* sent to \\S+ \\((\\d+) bytes\\)$"),
                                      QRegularExpression::MultilineOption);
    auto sentBytes = [&] {
        qint64 total = 0;
        for (const QRegularExpressionMatch &match : sentLine.globalMatch(cli.errText()))
            total += match.captured(1).toLongLong();
        return total;
    };

    QTRY_VERIFY_WITH_TIMEOUT(server.hasPendingConnections(), PeerTimeoutMs);
    QTcpSocket *peer = server.nextPendingConnection();
    // The queue fills up to its bound; without one, all of the file goes in.
    QTRY_VERIFY_WITH_TIMEOUT(sentBytes() >= (1 << 20), PeerTimeoutMs);
    const bool overran = QTest::qWaitFor([&] { return sentBytes() > bound || cli.hasExited(); }, 1000);
    QVERIFY2(!overran, qPrintable(QStringLiteral("%1 bytes taken from stdin while the peer read none; bound %2")
                                      .arg(sentBytes()).arg(bound)));

    // The peer reads: stdin resumes, everything arrives in order, and the
    // peer's close after the CLI's half-close ends the CLI.
    QByteArray received;
    QObject::connect(peer, &QTcpSocket::readyRead, peer, [&] { received += peer->readAll(); });
    received += peer->readAll();
    QTRY_VERIFY_WITH_TIMEOUT(received.size() >= size || cli.hasExited(), 2 * PeerTimeoutMs);
    QCOMPARE(received.size(), size);
    QVERIFY(received == input);
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 0);
    QCOMPARE(sentBytes(), size);
}

void TestCliTcp::unresolvableHostExitsOne_data()
{
    QTest::addColumn<QStringList>("arguments");
    // .invalid never resolves (RFC 6761), with or without a network.
    QTest::newRow("tcp-connect") << QStringList{QStringLiteral("tcp-connect"), QStringLiteral("nosuchhost.invalid"),
                                                QStringLiteral("80")};
    QTest::newRow("udp-send") << QStringList{QStringLiteral("udp-send"), QStringLiteral("nosuchhost.invalid"),
                                             QStringLiteral("9"), QStringLiteral("hi")};
}

void TestCliTcp::unresolvableHostExitsOne()
{
    QFETCH(QStringList, arguments);

    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), arguments));
    // A machine whose DNS servers are unreachable answers only after the
    // resolver's retries; wait that long rather than fail.
    QVERIFY(cli.waitForExit(SockPlay::Test::LookupTimeoutMs));
    QCOMPARE(cli.exitCode(), 1);
    QCOMPARE(cli.out(), QByteArray());
    const QString err = cli.errText();
    QCOMPARE(err.count(QLatin1Char('\n')), 1);
    QVERIFY2(err.contains(QStringLiteral("nosuchhost.invalid")), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("not found"), Qt::CaseInsensitive), qPrintable(err));
}

// --- tcp-listen -----------------------------------------------------------

void TestCliTcp::tcpListenEchoOnceEchoesToSocatAndExitsWhenItLeaves()
{
    SOCKPLAY_REQUIRE_PROGRAM(socat, "socat");

    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), {QStringLiteral("tcp-listen"), QStringLiteral("--echo"), QStringLiteral("--once"),
                                  QStringLiteral("0")}));
    const quint16 port = cli.waitForCliPort();
    QVERIFY2(port != 0, qPrintable(cli.errText()));
    QVERIFY2(cli.errText().startsWith(QStringLiteral("listening on 127.0.0.1:")), qPrintable(cli.errText()));

    // socat half-closes at the end of its input and waits (-t) for the rest.
    PeerProcess client;
    QVERIFY(client.start(socat, {QStringLiteral("-t"), QStringLiteral("10"), QStringLiteral("-"),
                                 QStringLiteral("TCP:127.0.0.1:%1").arg(port)}));
    client.write("ping\n");
    client.closeInput();
    QVERIFY(client.waitForExit());
    QCOMPARE(client.exitCode(), 0);
    QCOMPARE(client.out(), QByteArrayLiteral("ping\n"));

    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 0);
    QCOMPARE(cli.out(), QByteArrayLiteral("ping\n"));
}

void TestCliTcp::tcpListenRelayPassesEachLineToTheOtherClient()
{
    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), {QStringLiteral("tcp-listen"), QStringLiteral("--relay"), QStringLiteral("--nodelay"),
                                  QStringLiteral("--frame"), QStringLiteral("line"), QStringLiteral("--verbose"),
                                  QStringLiteral("0")}));
    const quint16 port = cli.waitForCliPort();
    QVERIFY2(port != 0, qPrintable(cli.errText()));
    QTcpSocket alice;
    QTcpSocket bob;
    alice.connectToHost(QHostAddress::LocalHost, port);
    bob.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(alice.waitForConnected(PeerTimeoutMs) && bob.waitForConnected(PeerTimeoutMs));
    // Both accepted before anyone speaks: a line goes to the clients connected then.
    QVERIFY2(!cli.waitForMatch(QRegularExpression(QStringLiteral("(#2)")), QProcess::StandardError).isEmpty(),
             qPrintable(cli.errText()));
    alice.write("Alice: hi Bob\n");
    QTRY_COMPARE_WITH_TIMEOUT(bob.bytesAvailable(), qint64(14), PeerTimeoutMs);
    QCOMPARE(bob.readAll(), QByteArray("Alice: hi Bob\n"));
    bob.write("Bob: hi Alice\n");
    QTRY_COMPARE_WITH_TIMEOUT(alice.bytesAvailable(), qint64(14), PeerTimeoutMs);
    // Alice's stream starts with Bob's line: her own never came back.
    QCOMPARE(alice.readAll(), QByteArray("Bob: hi Alice\n"));
    QVERIFY2(cli.errText().contains(QLatin1String("relay on")), qPrintable(cli.errText()));
    QVERIFY2(cli.errText().contains(QLatin1String("TCP_NODELAY on")), qPrintable(cli.errText()));
}

void TestCliTcp::tcpConnectNoDelayIsOnAndSaidSo()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), {QStringLiteral("tcp-connect"), QStringLiteral("--nodelay"), QStringLiteral("--verbose"),
                                  QStringLiteral("127.0.0.1"), QString::number(server.serverPort()),
                                  QStringLiteral("hi\\n")}));
    QVERIFY(server.waitForNewConnection(PeerTimeoutMs));
    QVERIFY2(!cli.waitForMatch(QRegularExpression(QStringLiteral("(TCP_NODELAY on: Nagle's algorithm off)")),
                               QProcess::StandardError)
                  .isEmpty(),
             qPrintable(cli.errText()));
}

void TestCliTcp::tcpListenSendsStdinToTheTutorialClientOnceItConnects()
{
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");

    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), {QStringLiteral("tcp-listen"), QStringLiteral("--once"), QStringLiteral("0")}));
    // Typed before anyone connected: it must wait for the client, not be lost.
    cli.write(TutorialWelcome);
    cli.closeInput();
    const quint16 port = cli.waitForCliPort();
    QVERIFY2(port != 0, qPrintable(cli.errText()));

    PeerProcess client;
    QVERIFY(client.startPython(python, QStringLiteral("tutorial_client.py"),
                               {QStringLiteral("127.0.0.1"), QString::number(port)}));
    QVERIFY(client.waitForExit());
    QCOMPARE(client.exitCode(), 0);
    QCOMPARE(client.out(), TutorialWelcome + '\n');

    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 0);
}

void TestCliTcp::tcpListenOnAPortInUseExitsOneWithTheReason()
{
    QTcpServer holder;
    QVERIFY(holder.listen(QHostAddress::LocalHost, 0));

    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), {QStringLiteral("tcp-listen"), QString::number(holder.serverPort())}));
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 1);
    QCOMPARE(cli.out(), QByteArray());
    const QString err = cli.errText();
    QCOMPARE(err.count(QLatin1Char('\n')), 1);
    QVERIFY2(err.startsWith(QStringLiteral("sockplay-cli: ")), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("127.0.0.1:%1").arg(holder.serverPort())), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("in use")), qPrintable(err));
}

void TestCliTcp::tcpListenExitsZeroOnSignal_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT (Ctrl-C)") << int(SIGINT);
}

void TestCliTcp::tcpListenExitsZeroOnSignal()
{
    QFETCH(int, signalNumber);

    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), {QStringLiteral("tcp-listen"), QStringLiteral("--json"), QStringLiteral("0")}));
    const quint16 port = cli.waitForCliPort();
    QVERIFY2(port != 0, qPrintable(cli.errText()));

    // A client is connected when the signal comes: it is closed, not abandoned.
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, port);
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::ConnectedState, PeerTimeoutMs);
    const QString accepted = cli.waitForMatch(QRegularExpression(QStringLiteral("\"kind\":\"(accepted)\"")),
                                              QProcess::StandardOutput);
    QCOMPARE(accepted, eventKindName(EventKind::Accepted));

    QCOMPARE(::kill(pid_t(cli.processId()), signalNumber), 0);
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 0);

    // The clean path ran: the connection was closed by us and the server stopped.
    QString error;
    const QList<QJsonObject> events = parseJsonLines(cli.out(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(inOrder(kindsOf(events), {EventKind::Listening, EventKind::Accepted, EventKind::Closed, EventKind::Stopped}),
             qPrintable(kindsOf(events).join(u", ")));
    QTRY_COMPARE(client.state(), QAbstractSocket::UnconnectedState);
}

QTEST_GUILESS_MAIN(TestCliTcp)
#include "tst_cli_tcp.moc"
