// sockplay-cli as a user runs it: its arguments (--help, usage errors) and
// the code command. The other command families have suites of their own
// (tst_cli_tcp, tst_cli_udp, tst_cli_rules, tst_cli_send, tst_cli_output,
// and a suite per transport), each driving the built executable through
// QProcess against programs no one here wrote, over loopback. Every wait
// runs the event loop; nothing sleeps.

#include "clisupport.h"
#include "event.h"
#include "peers/peerprocess.h"
#include "simulatedlink.h"
#include "testsupport.h"
#include "version.h"

#include <QTemporaryDir>
#include <QTest>

using namespace SockPlayTest;
using SockPlay::EventKind;
using SockPlay::eventKindName;

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void helpExitsZeroAndPrintsUsage_data();
    void helpExitsZeroAndPrintsUsage();
    void badArgumentsExitTwoWithAOneLineReason_data();
    void badArgumentsExitTwoWithAOneLineReason();
    void codePrintsTheProgramOnStdout_data();
    void codePrintsTheProgramOnStdout();
    void librariesInTheCurrentDirectoryAreNotLoaded();
};

void TestCli::initTestCase()
{
    QVERIFY2(QFileInfo(cliPath()).isExecutable(), qPrintable(cliPath() + QStringLiteral(" is not built")));
}

// --- the program itself ---------------------------------------------------

void TestCli::librariesInTheCurrentDirectoryAreNotLoaded()
{
    // Run from a folder that holds files named as the libraries it needs: an
    // empty run path entry (the current directory) would load them first.
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    for (const char *name : {"libQt6Core.so.6", "libQt6Network.so.6", "libQt6WebSockets.so.6", "libQt6SerialPort.so.6"})
        QVERIFY(writeFile(folder.filePath(QLatin1String(name)), "not a library\n"));
    const CliRun run = runCli({QStringLiteral("--version")}, {}, folder.path());
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(run.out.startsWith("sockplay-cli "));
}

// --- arguments ------------------------------------------------------------

void TestCli::helpExitsZeroAndPrintsUsage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("usage");
    QTest::addColumn<QStringList>("mentions");

    const QStringList commands = {QStringLiteral("tcp-listen"), QStringLiteral("tcp-connect"),
                                  QStringLiteral("udp-listen"), QStringLiteral("udp-send"), QStringLiteral("code")};
    QTest::newRow("sockplay-cli --help lists the commands")
        << QStringList{QStringLiteral("--help")} << QStringLiteral("Usage: sockplay-cli ") << commands;
    QTest::newRow("sockplay-cli help") << QStringList{QStringLiteral("help")}
                                       << QStringLiteral("Usage: sockplay-cli ") << commands;
    const QStringList common = {QStringLiteral("--hex"), QStringLiteral("--json"), QStringLiteral("--verbose"),
                                QStringLiteral("--log-capacity"), QStringLiteral("--log-payload-bytes"),
                                QStringLiteral("--log-event-bytes"), QStringLiteral("--capture <FILE>"),
                                QStringLiteral("session.pcapng")};
    QTest::newRow("tcp-listen --help")
        << QStringList{QStringLiteral("tcp-listen"), QStringLiteral("--help")}
        << QStringLiteral("Usage: sockplay-cli tcp-listen [options] PORT")
        << common + QStringList{QStringLiteral("--echo"), QStringLiteral("--once"), QStringLiteral("--bind"),
                                QStringLiteral("--relay"), QStringLiteral("--nodelay")};
    const QStringList repeat = {QStringLiteral("--repeat <N>"), QStringLiteral("--interval <MS>"),
                                QStringLiteral("{{counter}}")};
    QTest::newRow("tcp-connect -h")
        << QStringList{QStringLiteral("tcp-connect"), QStringLiteral("-h")}
        << QStringLiteral("Usage: sockplay-cli tcp-connect [options] HOST PORT [MESSAGE]")
        << common + repeat + QStringList{QStringLiteral("--repeat 5 --interval 10 127.0.0.1 9000 'ping {{counter}}\\n'")};
    const QStringList simulated = {QStringLiteral("--sim-loss <P>"), QStringLiteral("--sim-dup <P>"),
                                   QStringLiteral("--sim-delay <MS[±JITTER]>"), QStringLiteral("--sim-seed <N>"),
                                   QStringLiteral("--sim-on <send|receive>"), QStringLiteral("not a real network")};
    QTest::newRow("udp-listen --help")
        << QStringList{QStringLiteral("udp-listen"), QStringLiteral("--help")}
        << QStringLiteral("Usage: sockplay-cli udp-listen [options] PORT")
        << common + simulated + QStringList{QStringLiteral("--echo"), QStringLiteral("--count"), QStringLiteral("--bind"),
                                            QStringLiteral("(default: receive)")};
    QTest::newRow("udp-send --help")
        << QStringList{QStringLiteral("udp-send"), QStringLiteral("--help")}
        << QStringLiteral("Usage: sockplay-cli udp-send [options] HOST PORT [MESSAGE]")
        << common + repeat + simulated
            + QStringList{QStringLiteral("--wait-reply"), QStringLiteral("--bind"),
                          QStringLiteral("--repeat 100 --interval 10 127.0.0.1 9000"), QStringLiteral("(default: send)")};
    QTest::newRow("help udp-send")
        << QStringList{QStringLiteral("help"), QStringLiteral("udp-send")}
        << QStringLiteral("Usage: sockplay-cli udp-send [options] HOST PORT [MESSAGE]") << common;
    QTest::newRow("--version")
        << QStringList{QStringLiteral("--version")}
        << QStringLiteral("sockplay-cli " SOCKPLAY_VERSION "\nQt ")
        << QStringList{QString::fromLatin1(qVersion())};
    QTest::newRow("code --help lists the languages and kinds")
        << QStringList{QStringLiteral("code"), QStringLiteral("--help")}
        << QStringLiteral("Usage: sockplay-cli code [options] LANGUAGE KIND HOST [PORT]")
        << QStringList{QStringLiteral("python, go, cpp"),
                       QStringLiteral("tcp-server, tcp-client, udp-receiver,"), QStringLiteral("serial-port"),
                       QStringLiteral("--baud <N>"), QStringLiteral("--mode <FORMAT>"), QStringLiteral("--echo"),
                       QStringLiteral("--greet <TEXT>"), QStringLiteral("--message <TEXT>"),
                       QStringLiteral("--frame <line|raw>"), QStringLiteral("--cmake")};
    QTest::newRow("--help wins over a bad port")
        << QStringList{QStringLiteral("tcp-listen"), QStringLiteral("99999"), QStringLiteral("--help")}
        << QStringLiteral("Usage: sockplay-cli tcp-listen") << common;
    QTest::newRow("tcp-connect --help lists --nodelay")
        << QStringList{QStringLiteral("tcp-connect"), QStringLiteral("--help")}
        << QStringLiteral("Usage: sockplay-cli tcp-connect") << QStringList{QStringLiteral("--nodelay"), QStringLiteral("TCP_NODELAY")};
}

void TestCli::helpExitsZeroAndPrintsUsage()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, usage);
    QFETCH(QStringList, mentions);

    PeerProcess cli;
    QVERIFY2(cli.start(cliPath(), arguments), qPrintable(cli.errorString()));
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 0);
    QCOMPARE(cli.err(), QByteArray());
    const QString out = QString::fromUtf8(cli.out());
    QVERIFY2(out.startsWith(usage), qPrintable(out));
    for (const QString &mention : mentions)
        QVERIFY2(out.contains(mention), qPrintable(mention + QStringLiteral(" missing from:\n") + out));
}

void TestCli::badArgumentsExitTwoWithAOneLineReason_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("reason");

    auto args = [](const char *text) { return QString::fromLatin1(text).split(QLatin1Char('|'), Qt::SkipEmptyParts); };
    QTest::newRow("no command") << QStringList{} << QStringLiteral("missing COMMAND");
    QTest::newRow("unknown command") << args("tcp-serve|5000") << QStringLiteral("unknown command 'tcp-serve'");
    QTest::newRow("option before the command") << args("--json|tcp-listen|0") << QStringLiteral("unknown option '--json'");
    QTest::newRow("port above 65535") << args("tcp-listen|70000") << QStringLiteral("invalid port '70000'");
    QTest::newRow("port not a number") << args("udp-listen|abc") << QStringLiteral("invalid port 'abc'");
    QTest::newRow("negative port") << args("tcp-listen|-1") << QStringLiteral("invalid number '-1'");
    QTest::newRow("port 0 to connect to") << args("tcp-connect|127.0.0.1|0") << QStringLiteral("invalid port '0'");
    QTest::newRow("port 0 to send to") << args("udp-send|127.0.0.1|0|hi") << QStringLiteral("invalid port '0'");
    QTest::newRow("missing host") << args("tcp-connect") << QStringLiteral("missing HOST");
    QTest::newRow("missing port") << args("tcp-connect|127.0.0.1") << QStringLiteral("missing PORT");
    QTest::newRow("missing port to listen on") << args("udp-listen|--echo") << QStringLiteral("missing PORT");
    QTest::newRow("one argument too many") << args("tcp-listen|5000|6000") << QStringLiteral("unexpected argument '6000'");
    QTest::newRow("bad bind address") << args("tcp-listen|--bind|300.1.1.1|0") << QStringLiteral("invalid bind address '300.1.1.1'");
    QTest::newRow("unknown option") << args("udp-listen|--frobnicate|0") << QStringLiteral("unknown option 'frobnicate'");
    QTest::newRow("bad hex message") << args("udp-send|--hex|127.0.0.1|9|48 6g") << QStringLiteral("invalid hex at character 5");
    QTest::newRow("count of zero") << args("udp-listen|--count|0|0") << QStringLiteral("--count");
    QTest::newRow("wait-reply not a number") << args("udp-send|--wait-reply|soon|127.0.0.1|9|hi") << QStringLiteral("--wait-reply");
    QTest::newRow("option value missing") << args("udp-listen|0|--count") << QStringLiteral("missing value after '--count'");
    QTest::newRow("log capacity of zero") << args("tcp-listen|--log-capacity|0|0") << QStringLiteral("invalid value '0' for --log-capacity");
    QTest::newRow("log capacity not a number") << args("udp-listen|--log-capacity|lots|0") << QStringLiteral("invalid value 'lots' for --log-capacity");
    QTest::newRow("negative payload budget") << args("tcp-connect|--log-payload-bytes|-5|127.0.0.1|9") << QStringLiteral("--log-payload-bytes");
    QTest::newRow("payload budget not whole") << args("udp-send|--log-payload-bytes|1.5|127.0.0.1|9|hi") << QStringLiteral("invalid value '1.5' for --log-payload-bytes");
    QTest::newRow("bytes per event not a number") << args("udp-listen|--log-event-bytes|16k|0") << QStringLiteral("invalid value '16k' for --log-event-bytes");
    QTest::newRow("log capacity too large") << args("tcp-listen|--log-capacity|99999999999|0") << QStringLiteral("invalid value '99999999999' for --log-capacity");
    QTest::newRow("--repeat without a message") << args("tcp-connect|--repeat|3|127.0.0.1|9") << QStringLiteral("--repeat needs a MESSAGE");
    QTest::newRow("udp-send --repeat without a message") << args("udp-send|--repeat|3|127.0.0.1|9") << QStringLiteral("--repeat needs a MESSAGE");
    QTest::newRow("--repeat not a number") << args("udp-send|--repeat|many|127.0.0.1|9|hi") << QStringLiteral("invalid value 'many' for --repeat");
    QTest::newRow("--interval of zero") << args("udp-send|--repeat|3|--interval|0|127.0.0.1|9|hi") << QStringLiteral("invalid value '0' for --interval");
    QTest::newRow("--interval negative") << args("tcp-connect|--repeat|3|--interval|-5|127.0.0.1|9|hi") << QStringLiteral("invalid value '-5' for --interval");
    QTest::newRow("--interval not whole") << args("tcp-connect|--repeat|3|--interval|1.5|127.0.0.1|9|hi") << QStringLiteral("invalid value '1.5' for --interval");
    QTest::newRow("--interval without --repeat") << args("udp-send|--interval|5|127.0.0.1|9|hi") << QStringLiteral("--interval is the time between the sends of --repeat");
    QTest::newRow("unknown macro in the message") << args("tcp-connect|127.0.0.1|9|x {{count}}") << QStringLiteral("MESSAGE: invalid message at character 3: unknown macro {{count}}");
    QTest::newRow("macro not closed") << args("udp-send|--repeat|2|127.0.0.1|9|ab{{counter") << QStringLiteral("MESSAGE: invalid message at character 3: {{ is not closed");
    QTest::newRow("bad escape in the message") << args("udp-send|127.0.0.1|9|ab\\q") << QStringLiteral("MESSAGE: invalid message at character 3");
    QTest::newRow("bad random count") << args("tcp-connect|127.0.0.1|9|{{random:0}}") << QStringLiteral("at character 1: {{random:N}} needs N");
    QTest::newRow("--capture with an unknown extension") << args("tcp-listen|--capture|x.pcap|0") << QStringLiteral("--capture: x.pcap: unknown capture format \".pcap\"");
    QTest::newRow("--capture without an extension") << args("udp-send|--capture|capture|127.0.0.1|9|hi") << QStringLiteral("unknown capture format \"(no extension)\"");
    QTest::newRow("--capture where no file can be made") << args("udp-listen|--capture|/nonexistent-sockplay-dir/c.pcapng|0") << QStringLiteral("--capture: cannot write /nonexistent-sockplay-dir/c.pcapng: No such file or directory");
    QTest::newRow("code: unknown language") << args("code|rust|tcp-server|127.0.0.1|0") << QStringLiteral("unknown language 'rust': expected one of python, go, cpp");
    QTest::newRow("code: unknown kind") << args("code|python|tcp-serve|127.0.0.1|0") << QStringLiteral("unknown kind 'tcp-serve': expected one of tcp-server, tcp-client, udp-receiver, udp-sender, serial-port");
    QTest::newRow("code: port above 65535") << args("code|go|udp-receiver|127.0.0.1|70000") << QStringLiteral("invalid port '70000'");
    QTest::newRow("code: port 0 for a client") << args("code|go|tcp-client|127.0.0.1|0") << QStringLiteral("invalid port '0'");
    QTest::newRow("code: missing port") << args("code|python|tcp-server|127.0.0.1") << QStringLiteral("missing PORT");
    QTest::newRow("code: a greeting for a client") << args("code|python|tcp-client|127.0.0.1|9|--greet|hi") << QStringLiteral("--greet is for tcp-server, not tcp-client");
    QTest::newRow("code: echo for a sender") << args("code|go|udp-sender|127.0.0.1|9|--echo") << QStringLiteral("--echo is for tcp-server and udp-receiver, not udp-sender");
    QTest::newRow("code: a message for a server") << args("code|cpp|tcp-server|127.0.0.1|0|--message|x") << QStringLiteral("--message is for tcp-client, udp-sender and serial-port");
    QTest::newRow("code: --cmake for Python") << args("code|python|tcp-server|127.0.0.1|0|--cmake") << QStringLiteral("--cmake is for cpp, not tcp-server");
    QTest::newRow("code: a framing it cannot show") << args("code|python|tcp-server|127.0.0.1|0|--frame|len:2") << QStringLiteral("--frame 'len:2'");
    QTest::newRow("code: line framing for UDP") << args("code|python|udp-receiver|127.0.0.1|0|--frame|line") << QStringLiteral("--frame is for tcp-server, tcp-client and serial-port");
    QTest::newRow("code: serial-port without --baud") << args("code|python|serial-port|/dev/ttyUSB0") << QStringLiteral("--baud is required");
    QTest::newRow("code: serial-port with a PORT") << args("code|python|serial-port|/dev/ttyUSB0|80|--baud|9600") << QStringLiteral("serial-port takes a DEVICE and no PORT");
    QTest::newRow("code: serial-port with a bad --mode") << args("code|python|serial-port|/dev/ttyUSB0|--baud|9600|--mode|9X1") << QStringLiteral("invalid value for --mode");
    QTest::newRow("code: --baud for TCP") << args("code|python|tcp-server|127.0.0.1|0|--baud|9600") << QStringLiteral("--baud is for serial-port, not tcp-server");
    QTest::newRow("code: bad hex message") << args("code|go|tcp-client|--hex|127.0.0.1|9|--message|4g") << QStringLiteral("--message: invalid hex at character 2");
    QTest::newRow("code: --json runs nothing") << args("code|--json|go|tcp-client|127.0.0.1|9") << QStringLiteral("--json is not an option of code");
    QTest::newRow("a capture in a message") << args("udp-send|127.0.0.1|9|a\\1") << QStringLiteral("MESSAGE: \\1 stands for a group of a --reply regex");
    QTest::newRow("--sim-loss over 100") << args("udp-send|--sim-loss|120|127.0.0.1|9|hi")
                                         << QStringLiteral("invalid value '120' for --sim-loss: expected a percentage from 0 to 100");
    QTest::newRow("--sim-dup not a number") << args("udp-listen|--sim-dup|lots|0") << QStringLiteral("invalid value 'lots' for --sim-dup");
    QTest::newRow("--sim-delay jitter over delay")
        << QStringList{QStringLiteral("udp-send"), QStringLiteral("--sim-delay"), QStringLiteral("5±9"),
                       QStringLiteral("127.0.0.1"), QStringLiteral("9"), QStringLiteral("hi")}
        << QStringLiteral("invalid value '5±9' for --sim-delay: the jitter (9 ms) cannot exceed the delay (5 ms)");
    QTest::newRow("--sim-delay typed jitter over delay") << args("udp-listen|--sim-delay|5+-9|0") << QStringLiteral("for --sim-delay: the jitter (9 ms)");
    QTest::newRow("--sim-delay negative") << args("udp-listen|--sim-delay=-5|0") << QStringLiteral("for --sim-delay: the delay cannot be negative");
    QTest::newRow("--sim-on sideways") << args("udp-listen|--sim-loss|5|--sim-on|both|0") << QStringLiteral("invalid value 'both' for --sim-on");
    QTest::newRow("--sim-seed alone") << args("udp-send|--sim-seed|7|127.0.0.1|9|hi") << QStringLiteral("give --sim-loss, --sim-dup or --sim-delay too");
    QTest::newRow("--sim-seed too big") << args("udp-send|--sim-loss|5|--sim-seed|4294967296|127.0.0.1|9|hi") << QStringLiteral("invalid value '4294967296' for --sim-seed");
    QTest::newRow("--sim-loss on tcp-listen") << args("tcp-listen|--sim-loss|10|0")
                                              << QStringLiteral("--sim-loss: the simulated link is for UDP only (udp-send, udp-listen)");
    QTest::newRow("--sim-delay= on tcp-connect") << args("tcp-connect|--sim-delay=20|127.0.0.1|9")
                                                 << QStringLiteral("--sim-delay: the simulated link is for UDP only");
}

void TestCli::badArgumentsExitTwoWithAOneLineReason()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, reason);

    PeerProcess cli;
    QVERIFY2(cli.start(cliPath(), arguments), qPrintable(cli.errorString()));
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 2);
    QCOMPARE(cli.out(), QByteArray());
    const QString err = cli.errText();
    QCOMPARE(err.count(QLatin1Char('\n')), 1);
    QVERIFY2(err.endsWith(QLatin1Char('\n')), qPrintable(err));
    QVERIFY2(err.startsWith(QStringLiteral("sockplay-cli")), qPrintable(err));
    QVERIFY2(err.contains(reason), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("--help")), qPrintable(err));
}

// --- code -----------------------------------------------------------------

void TestCli::codePrintsTheProgramOnStdout_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("start");
    QTest::addColumn<QStringList>("lines");

    auto args = [](const char *text) { return QString::fromUtf8(text).split(QLatin1Char('|')); };
    QTest::newRow("the tutorial's welcome server in Python")
        << args("code|python|tcp-server|127.0.0.1|12345|--greet|Welcome to the server!")
        << QStringLiteral("# A TCP server that greets each client and hangs up\n")
        << QStringList{QStringLiteral("# A TCP server that greets each client and hangs up"),
                       QStringLiteral("PORT = 12345 "), QStringLiteral("GREETING = b\"Welcome to the server!\""),
                       QStringLiteral("server_socket.listen(5)"), QStringLiteral("conn.sendall(GREETING)")};
    QTest::newRow("the Go tutorial's echo client, a line")
        << args("code|go|tcp-client|::1|8080|--message|hello|--frame|line")
        << QStringLiteral("// A TCP client that sends a message and prints the reply\n")
        << QStringList{QStringLiteral("package main"), QStringLiteral("const host = \"::1\""),
                       QStringLiteral("const port = \"8080\""), QStringLiteral("const message = \"hello\\n\""),
                       QStringLiteral("bufio.NewReader(conn).ReadString('\\n')")};
    QTest::newRow("a message with escapes, quotes and ü")
        << args("code|python|udp-sender|127.0.0.1|9000|--message|say \"ü\"\\n")
        << QStringLiteral("# A UDP sender")
        << QStringList{QStringLiteral("MESSAGE = \"say \\\"ü\\\"\\n\".encode(\"utf-8\")")};
    QTest::newRow("hex bytes")
        << args("code|cpp|udp-sender|--hex|127.0.0.1|9000|--message|00 ff 41")
        << QStringLiteral("// A UDP sender")
        << QStringList{QStringLiteral("const QByteArray message(\"\\000\\377A\", 3);")};
    QTest::newRow("a Qt echo receiver")
        << args("code|cpp|udp-receiver|127.0.0.1|0|--echo")
        << QStringLiteral("// A UDP receiver that echoes each datagram\n")
        << QStringList{QStringLiteral("#include <QUdpSocket>"), QStringLiteral("socket.bind(host, port)"),
                       QStringLiteral("socket.writeDatagram(datagram.makeReply(datagram.data()));"),
                       QStringLiteral("//   find_package(Qt6 REQUIRED COMPONENTS Network)")};
    QTest::newRow("a pyserial program for a serial port")
        << args("code|python|serial-port|/dev/ttyUSB0|--baud|9600|--mode|7E1|--message|AT\\r\\n|--frame|line")
        << QStringLiteral("# A serial port program that sends a message and prints the reply\n")
        << QStringList{QStringLiteral("import serial"), QStringLiteral("PORT = \"/dev/ttyUSB0\""),
                       QStringLiteral("baudrate=9600,"), QStringLiteral("bytesize=serial.SEVENBITS,"),
                       QStringLiteral("parity=serial.PARITY_EVEN,"), QStringLiteral("MESSAGE = b\"AT\\r\\n\""),
                       QStringLiteral("reply = port.readline()")};
    QTest::newRow("a serial port in Go: said, not shown")
        << args("code|go|serial-port|/dev/ttyACM0|--baud|115200")
        << QStringLiteral("// A serial port program that prints what the device sends: not shown in Go.\n")
        << QStringList{QStringLiteral("Pick Python: the same port (/dev/ttyACM0 at 115200 8N1")};
    QTest::newRow("--cmake prints the project that builds it")
        << args("code|cpp|udp-receiver|127.0.0.1|0|--echo|--cmake")
        << QStringLiteral("cmake_minimum_required(VERSION 3.16)\n")
        << QStringList{QStringLiteral("cmake_minimum_required(VERSION 3.16)"),
                       QStringLiteral("find_package(Qt6 REQUIRED COMPONENTS Network)"),
                       QStringLiteral("add_executable(udp_receiver udp_receiver.cpp)")};
}

void TestCli::codePrintsTheProgramOnStdout()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, start);
    QFETCH(QStringList, lines);
    PeerProcess cli;
    QVERIFY2(cli.start(cliPath(), arguments), qPrintable(cli.errorString()));
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.err(), QByteArray());
    QCOMPARE(cli.exitCode(), 0);
    const QString out = QString::fromUtf8(cli.out());
    QVERIFY2(out.startsWith(start), qPrintable(out));
    for (const QString &line : lines)
        QVERIFY2(out.contains(line), qPrintable(line + QStringLiteral(" missing from:\n") + out));
    // Nothing left of the templates' holes.
    QVERIFY2(!out.contains(QLatin1String("{{")), qPrintable(out));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
