// What sockplay-cli sends: bytes given as hex (--hex) and shown as hex,
// a message repeated (--repeat, --interval) with its macros, and datagrams
// through the simulated link, counted by Python receivers over loopback.
// Every wait runs the event loop; nothing sleeps.

#include "clisupport.h"
#include "event.h"
#include "peers/peerprocess.h"
#include "simulatedlink.h"
#include "testsupport.h"

#include <QMultiMap>
#include <QTcpSocket>
#include <QTest>
#include <QUdpSocket>

#include <csignal>
#include <unistd.h>

using namespace SockPlayTest;
using SockPlay::EventKind;
using SockPlay::eventKindName;

class TestCliSend : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void hexOutputPrintsOneHexLinePerChunk();
    void hexInputSendsTheBytesAndSkipsBadLines();
    void hexMessageGoesOutAsBytesAndTheReplyComesBackAsHex();
    void tcpConnectRepeatSendsTheMessageNTimesThenHalfCloses();
    void tcpConnectMessageIsSentOnceWithItsMacrosExpanded();
    void udpSendRepeatIsCountedByAPythonReceiver();
    void udpSendThroughTheSimulatedLink_data();
    void udpSendThroughTheSimulatedLink();
    void udpSendRepeatUntilInterruptedEndsCleanlyOnSignal();
};

void TestCliSend::initTestCase()
{
    QVERIFY2(QFileInfo(cliPath()).isExecutable(), qPrintable(cliPath() + QStringLiteral(" is not built")));
}

// --- --hex ----------------------------------------------------------------

void TestCliSend::hexOutputPrintsOneHexLinePerChunk()
{
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");

    PeerProcess server;
    const quint16 port = server.startPythonServer(python, QStringLiteral("welcome_server.py"));
    QVERIFY2(port != 0, qPrintable(server.errText()));

    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), {QStringLiteral("tcp-connect"), QStringLiteral("--hex"), QStringLiteral("127.0.0.1"),
                                  QString::number(port)}));
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 0);
    // The welcome is one send() of 22 bytes; each chunk read is one line.
    QByteArray bytes;
    const QList<QByteArray> lines = cli.out().split('\n');
    QCOMPARE(lines.last(), QByteArray()); // every line ends with a newline
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        QVERIFY2(QRegularExpression(QStringLiteral("^[0-9a-f]{2}( [0-9a-f]{2})*$"))
                     .match(QString::fromLatin1(lines.at(i))).hasMatch(),
                 lines.at(i).constData());
        bytes += QByteArray::fromHex(lines.at(i));
    }
    QCOMPARE(bytes, TutorialWelcome);
}

void TestCliSend::hexInputSendsTheBytesAndSkipsBadLines()
{
    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), {QStringLiteral("tcp-listen"), QStringLiteral("--hex"), QStringLiteral("--once"),
                                  QStringLiteral("0")}));
    cli.write("48 69\nzz\n0x21 0a\n");
    const quint16 port = cli.waitForCliPort();
    QVERIFY2(port != 0, qPrintable(cli.errText()));

    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, port);
    QByteArray received;
    QTRY_VERIFY_WITH_TIMEOUT((received += client.readAll()).size() >= 4, PeerTimeoutMs);
    QCOMPARE(received, QByteArrayLiteral("Hi!\n"));
    QVERIFY2(cli.errText().contains(QStringLiteral("invalid hex at character 1")), qPrintable(cli.errText()));

    // What the client sends comes out as hex.
    client.write("ok");
    QVERIFY(cli.waitForOutput(6));
    QCOMPARE(cli.out(), QByteArrayLiteral("6f 6b\n"));
    client.disconnectFromHost();
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 0);
}

void TestCliSend::hexMessageGoesOutAsBytesAndTheReplyComesBackAsHex()
{
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");

    PeerProcess receiver;
    const quint16 port = receiver.startPythonServer(python, QStringLiteral("udp_receiver.py"));
    QVERIFY2(port != 0, qPrintable(receiver.errText()));

    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), {QStringLiteral("udp-send"), QStringLiteral("--hex"), QStringLiteral("--wait-reply"),
                                  QStringLiteral("10000"), QStringLiteral("127.0.0.1"), QString::number(port),
                                  QStringLiteral("0x68 0x69")}));
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 0);
    QCOMPARE(cli.out(), QByteArrayLiteral("68 65 6c 6c 6f\n"));
    QVERIFY(receiver.waitForExit());
    QCOMPARE(receiver.out(), QByteArray::number(port) + "\nhi\n");
}

// --- --repeat ---------------------------------------------------------------

void TestCliSend::tcpConnectRepeatSendsTheMessageNTimesThenHalfCloses()
{
    // The echo server closes only when it reads EOF: the CLI ends only if it
    // half-closed after the last send, and every send came back, numbered.
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");
    PeerProcess server;
    const quint16 port = server.startPythonServer(python, QStringLiteral("echo_server.py"));
    QVERIFY2(port != 0, qPrintable(server.errText()));

    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), {QStringLiteral("tcp-connect"), QStringLiteral("--repeat"), QStringLiteral("3"),
                                  QStringLiteral("--interval"), QStringLiteral("1"), QStringLiteral("127.0.0.1"),
                                  QString::number(port), QStringLiteral("x {{counter}}\\n")}));
    QVERIFY2(cli.waitForExit(), cli.out().constData());
    QCOMPARE(cli.exitCode(), 0);
    QCOMPARE(cli.out(), QByteArrayLiteral("x 1\nx 2\nx 3\n"));
    QCOMPARE(cli.err(), QByteArray());
    QVERIFY(server.waitForExit());
}

void TestCliSend::tcpConnectMessageIsSentOnceWithItsMacrosExpanded()
{
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");
    PeerProcess server;
    const quint16 port = server.startPythonServer(python, QStringLiteral("echo_server.py"));
    QVERIFY2(port != 0, qPrintable(server.errText()));

    // stdin stays open and is not read: MESSAGE replaces it.
    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), {QStringLiteral("tcp-connect"), QStringLiteral("127.0.0.1"), QString::number(port),
                                  QStringLiteral("hi {{counter}} {{hex:41 42}}\\t{{time}}\\n")}));
    QVERIFY2(cli.waitForExit(), cli.out().constData());
    QCOMPARE(cli.exitCode(), 0);
    const QString out = QString::fromUtf8(cli.out());
    const QRegularExpression expected(QStringLiteral("^hi 1 AB\\t\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\n$"));
    QVERIFY2(expected.match(out).hasMatch(), qPrintable(out));
}

void TestCliSend::udpSendRepeatIsCountedByAPythonReceiver()
{
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");
    // A Python receiver (socket module) that prints what it receives, one
    // datagram a line, and ends after five.
    const QString receiverCode = QStringLiteral(
        "import socket, sys\n"
        "s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n"
        "s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 22)\n"
        "s.bind(('127.0.0.1', 0))\n"
        "print(s.getsockname()[1], flush=True)\n"
        "for _ in range(int(sys.argv[1])):\n"
        "    print(s.recvfrom(65535)[0].decode(), flush=True)\n");
    PeerProcess receiver;
    QVERIFY(receiver.start(python, {QStringLiteral("-u"), QStringLiteral("-c"), receiverCode, QStringLiteral("5")}));
    const quint16 port = receiver.waitForPortLine();
    QVERIFY2(port != 0, qPrintable(receiver.errText()));

    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), {QStringLiteral("udp-send"), QStringLiteral("--repeat"), QStringLiteral("5"),
                                  QStringLiteral("--interval"), QStringLiteral("1"), QStringLiteral("127.0.0.1"),
                                  QString::number(port), QStringLiteral("tick {{counter}}")}));
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 0);
    QCOMPARE(cli.err(), QByteArray());
    QVERIFY(receiver.waitForExit());
    QCOMPARE(receiver.out(), QByteArray::number(port) + "\ntick 1\ntick 2\ntick 3\ntick 4\ntick 5\n");
}

void TestCliSend::udpSendThroughTheSimulatedLink_data()
{
    QTest::addColumn<double>("loss");
    QTest::addColumn<double>("dup");
    QTest::addColumn<QString>("delay");
    QTest::addColumn<int>("jitter"); // as in delay, for the prediction
    QTest::addColumn<bool>("twice");  // run it again: the same seed, the same datagrams

    QTest::newRow("100% loss sends nothing") << 100.0 << 0.0 << QString() << 0 << false;
    QTest::newRow("30% loss, 10% twice, seed 7") << 30.0 << 10.0 << QString() << 0 << true;
    QTest::newRow("20% loss, 5±3 ms late") << 20.0 << 0.0 << QStringLiteral("5+-3") << 3 << true;
}

void TestCliSend::udpSendThroughTheSimulatedLink()
{
    QFETCH(double, loss);
    QFETCH(double, dup);
    QFETCH(QString, delay);
    QFETCH(int, jitter);
    QFETCH(bool, twice);
    constexpr int count = 40;
    constexpr quint32 seed = 7;

    // What the link decides for seed 7, predicted by the core's own link.
    SockPlay::SimLinkSpec spec;
    spec.lossPercent = loss;
    spec.duplicatePercent = dup;
    spec.delayMs = delay.isEmpty() ? 0 : delay.section(QLatin1Char('+'), 0, 0).toInt();
    spec.jitterMs = jitter;
    spec.seed = seed;
    SockPlay::SimulatedLink prediction;
    prediction.setSpec(spec);
    QMultiMap<int, int> expected; // counter -> once per copy that arrives
    for (int i = 1; i <= count; ++i) {
        const SockPlay::SimulatedLink::Decision d = prediction.decide();
        for (int copy = 0; copy < (d.drop ? 0 : d.duplicate ? 2 : 1); ++copy)
            expected.insert(i, i);
    }

    QUdpSocket receiver;
    QVERIFY(receiver.bind(QHostAddress::LocalHost, 0));
    receiver.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 1 << 22);
    QStringList arguments{QStringLiteral("udp-send"), QStringLiteral("--repeat"), QString::number(count),
                          QStringLiteral("--interval"), QStringLiteral("1"), QStringLiteral("--sim-loss"),
                          QString::number(loss), QStringLiteral("--sim-dup"), QString::number(dup),
                          QStringLiteral("--sim-seed"), QString::number(seed)};
    if (!delay.isEmpty())
        arguments << QStringLiteral("--sim-delay") << delay;
    arguments << QStringLiteral("127.0.0.1") << QString::number(receiver.localPort()) << QStringLiteral("{{counter}}");

    for (int run = 0; run < (twice ? 2 : 1); ++run) {
        PeerProcess cli;
        QVERIFY(cli.start(cliPath(), arguments));
        QVERIFY(cli.waitForExit());
        QCOMPARE(cli.exitCode(), 0);
        // Loopback datagrams are in the receiver's buffer once sendto()
        // returned: when the CLI has exited, every one it sent is here.
        QMultiMap<int, int> received;
        while (receiver.hasPendingDatagrams()) {
            const int counter = receiver.receiveDatagram().data().toInt();
            received.insert(counter, counter);
        }
        QCOMPARE(received, expected);
        const QString err = cli.errText();
        QVERIFY2(err.contains(QStringLiteral("simulated link on send: ")), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("seed 7")), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("%1 of %2 datagrams dropped, %3 duplicated by the simulated link")
                                  .arg(prediction.counts().dropped)
                                  .arg(count)
                                  .arg(prediction.counts().duplicated)),
                 qPrintable(err));
    }
}

void TestCliSend::udpSendRepeatUntilInterruptedEndsCleanlyOnSignal()
{
    // --repeat 0 goes on until Ctrl-C or SIGTERM, which end it with exit
    // code 0 and the repeat's last note.
    QUdpSocket receiver;
    QVERIFY(receiver.bind(QHostAddress::LocalHost, 0));
    receiver.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 1 << 22);
    QList<QByteArray> datagrams;
    connect(&receiver, &QUdpSocket::readyRead, this, [&] {
        while (receiver.hasPendingDatagrams())
            datagrams.append(receiver.receiveDatagram().data());
    });
    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), {QStringLiteral("udp-send"), QStringLiteral("-v"), QStringLiteral("--repeat"),
                                  QStringLiteral("0"), QStringLiteral("--interval"), QStringLiteral("1"),
                                  QStringLiteral("127.0.0.1"), QString::number(receiver.localPort()),
                                  QStringLiteral("n{{counter}}")}));
    QTRY_VERIFY_WITH_TIMEOUT(datagrams.size() >= 20, PeerTimeoutMs);
    QCOMPARE(::kill(pid_t(cli.processId()), SIGTERM), 0);
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 0);
    QVERIFY2(cli.errText().contains(QStringLiteral("repeat stopped after")), qPrintable(cli.errText()));
    QVERIFY(!cli.errText().contains(QStringLiteral("sockplay-cli:"))); // no error
    QCOMPARE(datagrams.mid(0, 20), (QList<QByteArray>{"n1", "n2", "n3", "n4", "n5", "n6", "n7", "n8", "n9", "n10",
                                                      "n11", "n12", "n13", "n14", "n15", "n16", "n17", "n18", "n19", "n20"}));
}

QTEST_GUILESS_MAIN(TestCliSend)
#include "tst_cli_send.moc"
