// sockplay-cli serial against a pair of pseudo-terminals that socat links,
// with Python (tests/peers/serial_peer.py) at the far end; serial --list;
// and its usage errors.

#include "clisupport.h"
#include "serialtestsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace SockPlayTest;

class TestCliSerial : public QObject
{
    Q_OBJECT

private slots:
    void talksToTheFarEnd_data();
    void talksToTheFarEnd();
    void aCountNotReachedInTheLingerExitsOne();
    void theDeviceGoingAwayEndsWithItsReason();
    void aDeviceThatCannotBeOpenedExitsOne();
    void listRunsAndExitsZero_data();
    void listRunsAndExitsZero();
    void usageErrors_data();
    void usageErrors();
};

void TestCliSerial::talksToTheFarEnd_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("farEndReads");
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<QByteArray>("printed");
    QTest::newRow("MESSAGE, a line back")
        << QStringList{QStringLiteral("--frame"), QStringLiteral("line"), QStringLiteral("--count"), QStringLiteral("1"),
                       QStringLiteral("DEVICE"), QStringLiteral("AT\\r\\n")}
        << QByteArray() << QByteArray("AT\r\n") << QByteArray("OK\n") << QByteArray("OK\n");
    QTest::newRow("stdin lines, hex back")
        << QStringList{QStringLiteral("--hex"), QStringLiteral("--mode"), QStringLiteral("7E1"), QStringLiteral("--count"),
                       QStringLiteral("1"), QStringLiteral("DEVICE")}
        << QByteArray("68 69 0a\n00 ff\n") << QByteArray("hi\n\0\xff", 5) << QByteArray("\x01", 1)
        << QByteArray("01\n");
    QTest::newRow("a repeated MESSAGE, then the linger")
        << QStringList{QStringLiteral("--repeat"), QStringLiteral("3"), QStringLiteral("--interval"), QStringLiteral("1"),
                       QStringLiteral("--linger"), QStringLiteral("100"), QStringLiteral("DEVICE"),
                       QStringLiteral("n{{counter}} ")}
        << QByteArray() << QByteArray("n1 n2 n3 ") << QByteArray() << QByteArray();
}

void TestCliSerial::talksToTheFarEnd()
{
    QFETCH(QStringList, options);
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, farEndReads);
    QFETCH(QByteArray, reply);
    QFETCH(QByteArray, printed);
    SOCKPLAY_START_PTY_PAIR(pair);
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");
    PeerProcess peer;
    QVERIFY2(startSerialPeer(peer, python, pair.b()), qPrintable(peer.errText()));
    options.replaceInStrings(QStringLiteral("DEVICE"), pair.a());
    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), QStringList{QStringLiteral("serial"), QStringLiteral("--baud"),
                                             QStringLiteral("115200")} + options));
    cli.write(input);
    if (!input.isEmpty())
        cli.closeInput();
    QTRY_COMPARE_WITH_TIMEOUT(lineBytes(peer), farEndReads, PeerTimeoutMs);
    peer.write(reply);
    QVERIFY2(cli.waitForExit(), qPrintable(cli.errText()));
    QCOMPARE(cli.exitCode(), 0);
    QCOMPARE(cli.out(), printed);
    QVERIFY2(cli.errText().contains(QStringLiteral("opened %1 at 115200 ").arg(pair.a())), qPrintable(cli.errText()));
}

void TestCliSerial::aCountNotReachedInTheLingerExitsOne()
{
    SOCKPLAY_START_PTY_PAIR(pair);
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");
    PeerProcess peer; // reads, never answers
    QVERIFY2(startSerialPeer(peer, python, pair.b()), qPrintable(peer.errText()));
    const CliRun run = runCli({QStringLiteral("serial"), QStringLiteral("--baud"), QStringLiteral("9600"),
                               QStringLiteral("--count"), QStringLiteral("1"), QStringLiteral("--linger"),
                               QStringLiteral("300"), pair.a(), QStringLiteral("AT\\r\\n")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("0 of 1 reads arrived; nothing more came for 300 ms after the input ended"),
             run.err.constData());
    QTRY_COMPARE(lineBytes(peer), QByteArray("AT\r\n"));
}

void TestCliSerial::theDeviceGoingAwayEndsWithItsReason()
{
    SOCKPLAY_START_PTY_PAIR(pair);
    PeerProcess cli; // its stdin stays open: only the device can end it
    QVERIFY(cli.start(cliPath(), {QStringLiteral("serial"), QStringLiteral("--baud"), QStringLiteral("115200"),
                                  pair.a()}));
    QVERIFY2(!cli.waitForMatch(QRegularExpression(QStringLiteral("(opened)")), QProcess::StandardError).isEmpty(),
             qPrintable(cli.errText()));
    QVERIFY(pair.hangUp());
    QVERIFY2(cli.waitForExit(), qPrintable(cli.errText()));
    QCOMPARE(cli.exitCode(), 1);
    QVERIFY2(cli.errText().contains(QStringLiteral("%1 went away (Input/output error)").arg(pair.a())),
             qPrintable(cli.errText()));
}

void TestCliSerial::aDeviceThatCannotBeOpenedExitsOne()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString device = dir.filePath(QStringLiteral("ttyNONE"));
    const CliRun run = runCli({QStringLiteral("serial"), QStringLiteral("--baud"), QStringLiteral("9600"), device});
    QCOMPARE(run.exitCode, 1);
    const QString err = QString::fromUtf8(run.err);
    QVERIFY2(err.contains(QStringLiteral("cannot open %1: No such file or directory").arg(device)), qPrintable(err));
}

void TestCliSerial::listRunsAndExitsZero_data()
{
    QTest::addColumn<bool>("json");
    QTest::newRow("lines") << false;
    QTest::newRow("JSON lines") << true;
}

void TestCliSerial::listRunsAndExitsZero()
{
    QFETCH(bool, json);
    const CliRun run = runCli(json ? QStringList{QStringLiteral("serial"), QStringLiteral("--list"), QStringLiteral("--json")}
                                   : QStringList{QStringLiteral("serial"), QStringLiteral("--list")});
    QCOMPARE(run.exitCode, 0);
    const QList<QByteArray> lines = run.out.split('\n');
    QVERIFY(run.out.isEmpty() || run.out.endsWith('\n'));
    // This machine may have no serial port at all (pseudo-terminals are not listed): then it says so.
    if (run.out.isEmpty())
        QVERIFY2(run.err.contains("no serial ports found"), run.err.constData());
    for (const QByteArray &line : lines.mid(0, lines.size() - 1)) {
        if (json)
            QVERIFY2(!QJsonDocument::fromJson(line).object().value(QStringLiteral("device")).toString().isEmpty(),
                     line.constData());
        else
            QVERIFY2(!line.isEmpty() && !line.startsWith(' '), line.constData());
    }
}

void TestCliSerial::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("reason");
    const auto serial = [](std::initializer_list<const char *> words) {
        QStringList arguments{QStringLiteral("serial")};
        for (const char *word : words)
            arguments.append(QString::fromUtf8(word));
        return arguments;
    };
    QTest::newRow("no baud") << serial({"/dev/ttyS0"}) << QStringLiteral("--baud is required");
    QTest::newRow("baud a word") << serial({"--baud", "fast", "/dev/ttyS0"})
                                 << QStringLiteral("invalid value for --baud: the baud rate must be a whole number");
    QTest::newRow("no device") << serial({"--baud", "9600"})
                               << QStringLiteral("missing DEVICE (sockplay-cli serial --list shows the ports)");
    QTest::newRow("9 data bits") << serial({"--baud", "9600", "--data-bits", "9", "/dev/ttyS0"})
                                 << QStringLiteral("invalid value for --data-bits: data bits must be 5, 6, 7 or 8");
    QTest::newRow("parity weird") << serial({"--baud", "9600", "--parity", "weird", "/dev/ttyS0"})
                                  << QStringLiteral("invalid value for --parity: the parity must be none, even, odd, "
                                                    "space or mark, not 'weird'");
    QTest::newRow("3 stop bits") << serial({"--baud", "9600", "--stop-bits", "3", "/dev/ttyS0"})
                                 << QStringLiteral("invalid value for --stop-bits: stop bits must be 1, 1.5 or 2");
    QTest::newRow("1.5 stop bits at 8 data bits") << serial({"--baud", "9600", "--stop-bits", "1.5", "/dev/ttyS0"})
                                                  << QStringLiteral("1.5 stop bits go with 5 data bits only");
    QTest::newRow("flow xon") << serial({"--baud", "9600", "--flow", "xon", "/dev/ttyS0"})
                              << QStringLiteral("invalid value for --flow: flow control must be none");
    QTest::newRow("dtr maybe") << serial({"--baud", "9600", "--dtr", "maybe", "/dev/ttyS0"})
                               << QStringLiteral("invalid value for --dtr: expected on or off, not 'maybe'");
    QTest::newRow("RTS off under hardware flow")
        << serial({"--baud", "9600", "--flow", "hardware", "--rts", "off", "/dev/ttyS0"})
        << QStringLiteral("RTS belongs to hardware flow control");
    QTest::newRow("bad mode") << serial({"--baud", "9600", "--mode", "8X1", "/dev/ttyS0"})
                              << QStringLiteral("invalid value for --mode: '8X1' is not a character format");
    QTest::newRow("mode and parity") << serial({"--baud", "9600", "--mode", "8N1", "--parity", "odd", "/dev/ttyS0"})
                                     << QStringLiteral("--mode sets data bits, parity and stop bits at once");
    QTest::newRow("list with a device") << serial({"--list", "/dev/ttyS0"})
                                        << QStringLiteral("--list takes no DEVICE");
    QTest::newRow("linger 0") << serial({"--baud", "9600", "--linger", "0", "/dev/ttyS0"})
                              << QStringLiteral("invalid value '0' for --linger");
    QTest::newRow("a simulated link") << serial({"--baud", "9600", "--sim-loss", "5", "/dev/ttyS0"})
                                      << QStringLiteral("the simulated link is for UDP only");
}

void TestCliSerial::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, reason);
    const CliRun run = runCli(arguments);
    QCOMPARE(run.exitCode, 2);
    const QString err = QString::fromUtf8(run.err);
    QVERIFY2(err.contains(reason), qPrintable(err));
    QCOMPARE(err.trimmed().count(QLatin1Char('\n')), 0); // one line
}

QTEST_GUILESS_MAIN(TestCliSerial)
#include "tst_cli_serial.moc"
