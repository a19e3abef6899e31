// sockplay-cli udp-listen and udp-send as a user runs them, against nc and
// the tutorials' Python peers over loopback, and -v's log summary. Every
// wait runs the event loop; nothing sleeps.

#include "clisupport.h"
#include "event.h"
#include "peers/peerprocess.h"
#include "testsupport.h"

#include <QNetworkDatagram>
#include <QTest>
#include <QUdpSocket>

using namespace SockPlayTest;
using SockPlay::EventKind;
using SockPlay::eventKindName;

class TestCliUdp : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void udpListenEchoesOneDatagramToNcAndExits();
    void udpListenVerboseNamesTheSenderAndSize();
    void verboseEndsWithTheLogSummaryWithinTheLimits_data();
    void verboseEndsWithTheLogSummaryWithinTheLimits();
    void udpListenSendsStdinLinesToTheLastSender();
    void udpSendWaitReplyPrintsTheTutorialReceiversHello();
    void udpSendSendsAllOfStdinAsOneDatagram();
    void udpSendRefusesStdinLargerThanADatagram();
    void udpSendWithoutAReplyExitsOneAfterTheWait();
};

void TestCliUdp::initTestCase()
{
    QVERIFY2(QFileInfo(cliPath()).isExecutable(), qPrintable(cliPath() + QStringLiteral(" is not built")));
}

// --- udp-listen -----------------------------------------------------------

void TestCliUdp::udpListenEchoesOneDatagramToNcAndExits()
{
    SOCKPLAY_REQUIRE_PROGRAM(nc, "nc");

    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), {QStringLiteral("udp-listen"), QStringLiteral("--echo"), QStringLiteral("--count"),
                                  QStringLiteral("1"), QStringLiteral("0")}));
    const quint16 port = cli.waitForCliPort();
    QVERIFY2(port != 0, qPrintable(cli.errText()));
    QVERIFY2(cli.errText().startsWith(QStringLiteral("bound to 127.0.0.1:")), qPrintable(cli.errText()));

    // -W 1: nc exits after receiving one datagram, the echo.
    PeerProcess sender;
    QVERIFY(sender.start(nc, {QStringLiteral("-u"), QStringLiteral("-W"), QStringLiteral("1"),
                              QStringLiteral("127.0.0.1"), QString::number(port)}));
    sender.write("ping\n");
    QVERIFY(sender.waitForExit());
    QCOMPARE(sender.exitCode(), 0);
    QCOMPARE(sender.out(), QByteArrayLiteral("ping\n"));

    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 0);
    QCOMPARE(cli.out(), QByteArrayLiteral("ping\n"));
}

void TestCliUdp::udpListenVerboseNamesTheSenderAndSize()
{
    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), {QStringLiteral("udp-listen"), QStringLiteral("-v"), QStringLiteral("--count"),
                                  QStringLiteral("1"), QStringLiteral("0")}));
    const quint16 port = cli.waitForCliPort();
    QVERIFY2(port != 0, qPrintable(cli.errText()));

    QUdpSocket sender;
    QVERIFY(sender.bind(QHostAddress::LocalHost, 0));
    QCOMPARE(sender.writeDatagram("hello", QHostAddress::LocalHost, port), qint64(5));
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 0);
    QCOMPARE(cli.out(), QByteArrayLiteral("hello"));
    const QString expected = QStringLiteral("from 127.0.0.1:%1 (5 bytes)").arg(sender.localPort());
    QVERIFY2(cli.errText().contains(expected), qPrintable(cli.errText()));
}

void TestCliUdp::verboseEndsWithTheLogSummaryWithinTheLimits_data()
{
    QTest::addColumn<QStringList>("limits");
    QTest::addColumn<int>("kept");
    QTest::addColumn<int>("dropped");
    QTest::addColumn<int>("payloadAtLeast");
    QTest::addColumn<int>("payloadAtMost");

    // Six events: created, bound, the three 3-byte datagrams, closed.
    QTest::newRow("default limits: everything kept") << QStringList{} << 6 << 0 << 9 << 9;
    // Data goes before the lifecycle: only "six" is left of the datagrams.
    QTest::newRow("--log-capacity 4") << QStringList{QStringLiteral("--log-capacity"), QStringLiteral("4")}
                                      << 4 << 2 << 3 << 3;
    QTest::newRow("--log-event-bytes 2") << QStringList{QStringLiteral("--log-event-bytes"), QStringLiteral("2")}
                                         << 6 << 0 << 6 << 6;
    QTest::newRow("--log-event-bytes 0 keeps no payload")
        << QStringList{QStringLiteral("--log-event-bytes"), QStringLiteral("0")} << 6 << 0 << 0 << 0;
    // The budget counts what is allocated: at most 4 bytes, whatever the chunking.
    QTest::newRow("--log-payload-bytes 4") << QStringList{QStringLiteral("--log-payload-bytes"), QStringLiteral("4")}
                                           << 6 << 0 << 0 << 4;
}

void TestCliUdp::verboseEndsWithTheLogSummaryWithinTheLimits()
{
    QFETCH(QStringList, limits);
    QFETCH(int, kept);
    QFETCH(int, dropped);
    QFETCH(int, payloadAtLeast);
    QFETCH(int, payloadAtMost);

    // The summary says what the log did with this run's events, so each
    // limit is seen to reach the log.
    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), QStringList{QStringLiteral("udp-listen"), QStringLiteral("-v"), QStringLiteral("--count"),
                                             QStringLiteral("3")}
                                     + limits + QStringList{QStringLiteral("0")}));
    const quint16 port = cli.waitForCliPort();
    QVERIFY2(port != 0, qPrintable(cli.errText()));
    QUdpSocket sender;
    QVERIFY(sender.bind(QHostAddress::LocalHost, 0));
    for (const char *datagram : {"one", "two", "six"})
        QCOMPARE(sender.writeDatagram(datagram, 3, QHostAddress::LocalHost, port), qint64(3));
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 0);
    const QStringList lines = cli.errText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY(!lines.isEmpty());
    const QString summary = lines.constLast();
    const QRegularExpressionMatch match =
        QRegularExpression(QStringLiteral("^\\* log: 6 events logged, (\\d+) kept, (\\d+) dropped; (\\d+) payload bytes kept$"))
            .match(summary);
    QVERIFY2(match.hasMatch(), qPrintable(summary));
    QCOMPARE(match.captured(1).toInt(), kept);
    QCOMPARE(match.captured(2).toInt(), dropped);
    const int payload = match.captured(3).toInt();
    QVERIFY2(payload >= payloadAtLeast && payload <= payloadAtMost, qPrintable(summary));
}

void TestCliUdp::udpListenSendsStdinLinesToTheLastSender()
{
    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), {QStringLiteral("udp-listen"), QStringLiteral("0")}));
    const quint16 port = cli.waitForCliPort();
    QVERIFY2(port != 0, qPrintable(cli.errText()));

    QUdpSocket first;
    QUdpSocket last;
    QVERIFY(first.bind(QHostAddress::LocalHost, 0));
    QVERIFY(last.bind(QHostAddress::LocalHost, 0));
    QCOMPARE(first.writeDatagram("one", QHostAddress::LocalHost, port), qint64(3));
    QVERIFY(cli.waitForOutput(3));
    QCOMPARE(last.writeDatagram("two", QHostAddress::LocalHost, port), qint64(3));
    QVERIFY(cli.waitForOutput(6));
    QCOMPARE(cli.out(), QByteArrayLiteral("onetwo"));

    cli.write("pong\n");
    QTRY_VERIFY_WITH_TIMEOUT(last.hasPendingDatagrams(), PeerTimeoutMs);
    QCOMPARE(last.receiveDatagram().data(), QByteArrayLiteral("pong\n"));
    QVERIFY(!first.hasPendingDatagrams());
}

// --- udp-send -------------------------------------------------------------

void TestCliUdp::udpSendWaitReplyPrintsTheTutorialReceiversHello()
{
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");

    PeerProcess receiver;
    const quint16 port = receiver.startPythonServer(python, QStringLiteral("udp_receiver.py"));
    QVERIFY2(port != 0, qPrintable(receiver.errText()));

    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), {QStringLiteral("udp-send"), QStringLiteral("--wait-reply"), QStringLiteral("10000"),
                                  QStringLiteral("127.0.0.1"), QString::number(port), QStringLiteral("hi")}));
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 0);
    QCOMPARE(cli.out(), QByteArrayLiteral("hello"));
    QCOMPARE(cli.err(), QByteArray());

    QVERIFY(receiver.waitForExit());
    QCOMPARE(receiver.out(), QByteArray::number(port) + "\nhi\n");
}

void TestCliUdp::udpSendSendsAllOfStdinAsOneDatagram()
{
    QUdpSocket receiver;
    QVERIFY(receiver.bind(QHostAddress::LocalHost, 0));

    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), {QStringLiteral("udp-send"), QStringLiteral("127.0.0.1"),
                                  QString::number(receiver.localPort())}));
    cli.write("line one\n");
    cli.write("line two\n");
    cli.closeInput();
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 0);

    QTRY_VERIFY_WITH_TIMEOUT(receiver.hasPendingDatagrams(), PeerTimeoutMs);
    QCOMPARE(receiver.receiveDatagram().data(), QByteArrayLiteral("line one\nline two\n"));
    QVERIFY(!receiver.hasPendingDatagrams());
}

void TestCliUdp::udpSendRefusesStdinLargerThanADatagram()
{
    // One datagram carries at most 65,507 bytes: more on stdin is refused,
    // nothing is sent, and stdin is not read to its end (an endless pipe
    // cannot grow memory).
    QUdpSocket receiver;
    QVERIFY(receiver.bind(QHostAddress::LocalHost, 0));
    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), {QStringLiteral("udp-send"), QStringLiteral("127.0.0.1"),
                                  QString::number(receiver.localPort())}));
    cli.write(QByteArray(65507, 'a'));
    cli.write("b\n"); // one byte too many, and never an end of input
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 2);
    QVERIFY2(cli.errText().contains(QLatin1String("65507")), qPrintable(cli.errText()));
    QVERIFY2(cli.errText().contains(QLatin1String("nothing sent")), qPrintable(cli.errText()));
    // Had it sent, the datagram would be in the receiver's queue by now: loopback delivers at once.
    QVERIFY(!receiver.hasPendingDatagrams());
}

void TestCliUdp::udpSendWithoutAReplyExitsOneAfterTheWait()
{
    QUdpSocket silent; // receives, never answers
    QVERIFY(silent.bind(QHostAddress::LocalHost, 0));

    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), {QStringLiteral("udp-send"), QStringLiteral("--wait-reply"), QStringLiteral("300"),
                                  QStringLiteral("127.0.0.1"), QString::number(silent.localPort()), QStringLiteral("anyone?")}));
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 1);
    QCOMPARE(cli.out(), QByteArray());
    const QString err = cli.errText();
    QCOMPARE(err.count(QLatin1Char('\n')), 1);
    QVERIFY2(err.contains(QStringLiteral("no reply within 300 ms")), qPrintable(err));
    QVERIFY(silent.hasPendingDatagrams());
    QCOMPARE(silent.receiveDatagram().data(), QByteArrayLiteral("anyone?"));
}

QTEST_GUILESS_MAIN(TestCliUdp)
#include "tst_cli_udp.moc"
