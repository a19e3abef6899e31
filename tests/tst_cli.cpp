// sockplay-cli as a user runs it: the built executable, driven through
// QProcess, against programs no one here wrote (the tutorials' Python peers,
// socat, nc) over loopback. Every wait runs the event loop; nothing sleeps.

#include "event.h"
#include "peers/peerprocess.h"
#include "simulatedlink.h"
#include "testsupport.h"
#include "version.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMultiMap>
#include <QNetworkDatagram>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUdpSocket>

#include <QFile>
#include <QTemporaryDir>

#include <csignal>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace SockPlayTest;
using SockPlay::EventKind;
using SockPlay::eventKindName;

namespace {

QString cliPath()
{
    return QStringLiteral(SOCKPLAY_CLI_PATH);
}

/// Every stdout line as a JSON object; an error names the first line that is not one.
QList<QJsonObject> parseJsonLines(const QByteArray &out, QString *error)
{
    QList<QJsonObject> objects;
    const QList<QByteArray> lines = out.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines.at(i).isEmpty() && i == lines.size() - 1)
            break; // after the last newline
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(lines.at(i), &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
            *error = QStringLiteral("line %1 is not a JSON object: %2").arg(i + 1).arg(QString::fromUtf8(lines.at(i)));
            return {};
        }
        objects.append(document.object());
    }
    return objects;
}

QStringList kindsOf(const QList<QJsonObject> &events)
{
    QStringList kinds;
    for (const QJsonObject &event : events)
        kinds.append(event.value(QStringLiteral("kind")).toString());
    return kinds;
}

/// True when expected appears in kinds in this order (other kinds may come between).
bool inOrder(const QStringList &kinds, const QList<EventKind> &expected)
{
    qsizetype from = 0;
    for (EventKind kind : expected) {
        from = kinds.indexOf(eventKindName(kind), from);
        if (from < 0)
            return false;
        ++from;
    }
    return true;
}

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

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void welcomeRuleGreetsEveryTutorialClientThenCloses();
    void lineFramingAndARegexRuleAnswerEachLine();
    void lengthPrefixFramingPrintsOneMessagePerLine();
    void malformedFrameOrRuleExitsTwoWithThePosition_data();
    void malformedFrameOrRuleExitsTwoWithThePosition();

    void helpExitsZeroAndPrintsUsage_data();
    void helpExitsZeroAndPrintsUsage();
    void badArgumentsExitTwoWithAOneLineReason_data();
    void badArgumentsExitTwoWithAOneLineReason();

    void tcpConnectPrintsTheTutorialServersWelcomeAndExitsZero_data();
    void tcpConnectPrintsTheTutorialServersWelcomeAndExitsZero();
    void tcpConnectHalfClosesAtEndOfInputAndPrintsTheEcho();
    void tcpConnectToAClosedPortExitsOneWithTheReason();
    void tcpConnectStopsReadingStdinWhileThePeerDoesNotRead();
    void unresolvableHostExitsOne_data();
    void unresolvableHostExitsOne();

    void tcpListenEchoOnceEchoesToSocatAndExitsWhenItLeaves();
    void tcpListenSendsStdinToTheTutorialClientOnceItConnects();
    void tcpListenOnAPortInUseExitsOneWithTheReason();
    void tcpListenRelayPassesEachLineToTheOtherClient();
    void tcpConnectNoDelayIsOnAndSaidSo();
    void tcpListenExitsZeroOnSignal_data();
    void tcpListenExitsZeroOnSignal();
    void tcpListenCaptureHoldsWhatThePeerSentAfterASignal_data();
    void tcpListenCaptureHoldsWhatThePeerSentAfterASignal();

    void udpListenEchoesOneDatagramToNcAndExits();
    void udpListenVerboseNamesTheSenderAndSize();
    void udpListenSendsStdinLinesToTheLastSender();
    void verboseEndsWithTheLogSummaryWithinTheLimits_data();
    void verboseEndsWithTheLogSummaryWithinTheLimits();

    void udpSendWaitReplyPrintsTheTutorialReceiversHello();
    void udpSendSendsAllOfStdinAsOneDatagram();
    void udpSendWithoutAReplyExitsOneAfterTheWait();
    void udpSendRefusesStdinLargerThanADatagram();

    void jsonLinesOfTcpConnectFollowTheLifecycle();
    void jsonLinesOfUdpListenFollowTheLifecycle();
    void lifecycleTracesEachStepOfAServerAndItsTutorialClient();
    void lifecycleSaysWhichStepFailed_data();
    void lifecycleSaysWhichStepFailed();

    void hexOutputPrintsOneHexLinePerChunk();
    void hexInputSendsTheBytesAndSkipsBadLines();
    void hexMessageGoesOutAsBytesAndTheReplyComesBackAsHex();

    void tcpConnectRepeatSendsTheMessageNTimesThenHalfCloses();
    void tcpConnectMessageIsSentOnceWithItsMacrosExpanded();
    void udpSendRepeatIsCountedByAPythonReceiver();
    void udpSendThroughTheSimulatedLink_data();
    void udpSendThroughTheSimulatedLink();
    void udpSendRepeatUntilInterruptedEndsCleanlyOnSignal();

    void codePrintsTheProgramOnStdout_data();
    void codePrintsTheProgramOnStdout();
};

void TestCli::initTestCase()
{
    QVERIFY2(QFileInfo(cliPath()).isExecutable(), qPrintable(cliPath() + QStringLiteral(" is not built")));
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

// --- tcp-connect ----------------------------------------------------------

void TestCli::tcpConnectPrintsTheTutorialServersWelcomeAndExitsZero_data()
{
    QTest::addColumn<QString>("host");
    QTest::newRow("IPv4 127.0.0.1") << QStringLiteral("127.0.0.1");
    QTest::newRow("IPv6 ::1") << QStringLiteral("::1");
}

void TestCli::tcpConnectPrintsTheTutorialServersWelcomeAndExitsZero()
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

void TestCli::tcpConnectHalfClosesAtEndOfInputAndPrintsTheEcho()
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

void TestCli::tcpConnectToAClosedPortExitsOneWithTheReason()
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

void TestCli::tcpConnectStopsReadingStdinWhileThePeerDoesNotRead()
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

void TestCli::unresolvableHostExitsOne_data()
{
    QTest::addColumn<QStringList>("arguments");
    // .invalid never resolves (RFC 6761), with or without a network.
    QTest::newRow("tcp-connect") << QStringList{QStringLiteral("tcp-connect"), QStringLiteral("nosuchhost.invalid"),
                                                QStringLiteral("80")};
    QTest::newRow("udp-send") << QStringList{QStringLiteral("udp-send"), QStringLiteral("nosuchhost.invalid"),
                                             QStringLiteral("9"), QStringLiteral("hi")};
}

void TestCli::unresolvableHostExitsOne()
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

void TestCli::tcpListenEchoOnceEchoesToSocatAndExitsWhenItLeaves()
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

void TestCli::tcpListenRelayPassesEachLineToTheOtherClient()
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

void TestCli::tcpConnectNoDelayIsOnAndSaidSo()
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

void TestCli::tcpListenSendsStdinToTheTutorialClientOnceItConnects()
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

void TestCli::tcpListenOnAPortInUseExitsOneWithTheReason()
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

void TestCli::tcpListenExitsZeroOnSignal_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT (Ctrl-C)") << int(SIGINT);
}

void TestCli::tcpListenExitsZeroOnSignal()
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

void TestCli::tcpListenCaptureHoldsWhatThePeerSentAfterASignal_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::newRow("pcapng, read by tshark") << QStringLiteral("capture.pcapng");
    QTest::newRow("JSON Lines") << QStringLiteral("capture.jsonl");
    QTest::newRow("CSV") << QStringLiteral("capture.csv");
}

void TestCli::tcpListenCaptureHoldsWhatThePeerSentAfterASignal()
{
    QFETCH(QString, fileName);
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");
    const bool pcapng = fileName.endsWith(QLatin1String(".pcapng"));
    QString tshark;
    if (pcapng) {
        SOCKPLAY_REQUIRE_PROGRAM(found, "tshark");
        tshark = found;
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(fileName);
    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), {QStringLiteral("tcp-listen"), QStringLiteral("--capture"), path, QStringLiteral("0")}));
    const quint16 port = cli.waitForCliPort();
    QVERIFY2(port != 0, qPrintable(cli.errText()));

    // A Python peer sends its bytes and stays connected until the server goes.
    const QByteArray sent = "GET / HTTP/1.0\r\nX-Note: \"a, b\"\r\n\r\n";
    PeerProcess peer;
    QVERIFY(peer.start(python, {QStringLiteral("-c"),
                                QStringLiteral("import socket, sys\n"
                                               "s = socket.create_connection(('127.0.0.1', int(sys.argv[1])))\n"
                                               "s.sendall(b'GET / HTTP/1.0\\r\\nX-Note: \"a, b\"\\r\\n\\r\\n')\n"
                                               "while s.recv(4096): pass\n"
                                               "print('closed')\n"),
                                QString::number(port)}));
    QVERIFY(cli.waitForOutput(sent.size()));
    QCOMPARE(cli.out(), sent);
    // Flushed while it runs (at least once a second), not only at the end.
    const auto contentsNow = [&path] {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    };
    QTRY_VERIFY_WITH_TIMEOUT(contentsNow().contains(pcapng ? sent : QByteArray("received")), PeerTimeoutMs);

    QCOMPARE(::kill(pid_t(cli.processId()), SIGTERM), 0);
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 0);
    QVERIFY(peer.waitForExit());
    QCOMPARE(peer.out(), QByteArray("closed\n"));

    const QByteArray contents = contentsNow();
    if (pcapng) {
        QProcess follow;
        follow.start(tshark, {QStringLiteral("-r"), path, QStringLiteral("-q"), QStringLiteral("-z"),
                              QStringLiteral("follow,tcp,raw,0")});
        QVERIFY(follow.waitForFinished(PeerTimeoutMs));
        QByteArray fromPeer;
        QByteArray toPeer;
        bool inData = false;
        for (const QByteArray &line : follow.readAllStandardOutput().split('\n')) {
            if (line.startsWith("Node 1: "))
                inData = true;
            else if (inData && !line.isEmpty() && !line.startsWith('='))
                (line.startsWith('\t') ? toPeer : fromPeer) += QByteArray::fromHex(line.trimmed());
        }
        QCOMPARE(fromPeer, sent);
        QCOMPARE(toPeer, QByteArray());
        // The stop is in it too: our FIN (the connection closed by us), then the "stopped" event.
        QProcess fields;
        fields.start(tshark, {QStringLiteral("-r"), path, QStringLiteral("-T"), QStringLiteral("fields"),
                              QStringLiteral("-e"), QStringLiteral("frame.comment")});
        QVERIFY(fields.waitForFinished(PeerTimeoutMs));
        const QByteArray comments = fields.readAllStandardOutput();
        QVERIFY2(comments.contains("closed by us") && comments.contains("stopped"), comments.constData());
    } else if (fileName.endsWith(QLatin1String(".jsonl"))) {
        QString error;
        const QList<QJsonObject> events = parseJsonLines(contents, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(inOrder(kindsOf(events), {EventKind::Listening, EventKind::Accepted, EventKind::Received,
                                           EventKind::Closed, EventKind::Stopped}),
                 qPrintable(kindsOf(events).join(u", ")));
    } else {
        QVERIFY2(contents.startsWith("seq,time,endpoint,"), contents.constData());
        QVERIFY2(contents.contains(",received,") && contents.contains(",stopped,"), contents.constData());
        // The payload's quotes and comma are quoted, once, in the payload text column.
        QVERIFY2(contents.contains("\"GET / HTTP/1.0\\r\\nX-Note: \"\"a, b\"\"\\r\\n\\r\\n\""),
                 contents.constData());
    }
}

// --- udp-listen -----------------------------------------------------------

void TestCli::udpListenEchoesOneDatagramToNcAndExits()
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

void TestCli::udpListenVerboseNamesTheSenderAndSize()
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

void TestCli::verboseEndsWithTheLogSummaryWithinTheLimits_data()
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

void TestCli::verboseEndsWithTheLogSummaryWithinTheLimits()
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

void TestCli::udpListenSendsStdinLinesToTheLastSender()
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

void TestCli::udpSendWaitReplyPrintsTheTutorialReceiversHello()
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

void TestCli::udpSendSendsAllOfStdinAsOneDatagram()
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

void TestCli::udpSendRefusesStdinLargerThanADatagram()
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

void TestCli::udpSendWithoutAReplyExitsOneAfterTheWait()
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

// --- --json ---------------------------------------------------------------

void TestCli::jsonLinesOfTcpConnectFollowTheLifecycle()
{
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");

    PeerProcess server;
    const quint16 port = server.startPythonServer(python, QStringLiteral("welcome_server.py"));
    QVERIFY2(port != 0, qPrintable(server.errText()));

    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), {QStringLiteral("tcp-connect"), QStringLiteral("--json"), QStringLiteral("127.0.0.1"),
                                  QString::number(port)}));
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 0);

    // stdout holds JSON lines only: the welcome itself is not printed raw.
    QString error;
    const QList<QJsonObject> events = parseJsonLines(cli.out(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!events.isEmpty());

    const QStringList kinds = kindsOf(events);
    QVERIFY2(inOrder(kinds, {EventKind::Connecting, EventKind::Connected, EventKind::Received, EventKind::PeerClosed}),
             qPrintable(kinds.join(u", ")));

    const QStringList fields = {QStringLiteral("seq"), QStringLiteral("time"), QStringLiteral("monotonic_ms"),
                                QStringLiteral("endpoint"), QStringLiteral("connection"), QStringLiteral("kind"),
                                QStringLiteral("local"), QStringLiteral("peer"), QStringLiteral("bytes"),
                                QStringLiteral("payload_text"), QStringLiteral("payload_hex"), QStringLiteral("detail")};
    qint64 previousSeq = 0;
    for (const QJsonObject &event : events) {
        for (const QString &field : fields)
            QVERIFY2(event.contains(field), qPrintable(field));
        const qint64 seq = event.value(QStringLiteral("seq")).toInteger();
        QVERIFY(seq > previousSeq);
        previousSeq = seq;
        const QDateTime time = QDateTime::fromString(event.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
        QVERIFY2(time.isValid(), qPrintable(event.value(QStringLiteral("time")).toString()));
        QCOMPARE(event.value(QStringLiteral("endpoint")).toString(), QStringLiteral("client"));
    }

    QByteArray received;
    for (const QJsonObject &event : events) {
        if (event.value(QStringLiteral("kind")).toString() != eventKindName(EventKind::Received))
            continue;
        received += QByteArray::fromHex(event.value(QStringLiteral("payload_hex")).toString().toLatin1());
        QCOMPARE(event.value(QStringLiteral("peer")).toString(), QStringLiteral("127.0.0.1:%1").arg(port));
        QVERIFY(event.value(QStringLiteral("bytes")).toInteger() > 0);
    }
    QCOMPARE(received, TutorialWelcome);
    const QJsonObject first = events.at(kinds.indexOf(eventKindName(EventKind::Received)));
    QVERIFY(TutorialWelcome.startsWith(first.value(QStringLiteral("payload_text")).toString().toUtf8()));
}

void TestCli::jsonLinesOfUdpListenFollowTheLifecycle()
{
    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), {QStringLiteral("udp-listen"), QStringLiteral("--json"), QStringLiteral("--echo"),
                                  QStringLiteral("--count"), QStringLiteral("1"), QStringLiteral("0")}));
    const quint16 port = cli.waitForCliPort();
    QVERIFY2(port != 0, qPrintable(cli.errText()));

    QUdpSocket sender;
    QVERIFY(sender.bind(QHostAddress::LocalHost, 0));
    QCOMPARE(sender.writeDatagram("a\tb\n", QHostAddress::LocalHost, port), qint64(4));
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 0);

    QString error;
    const QList<QJsonObject> events = parseJsonLines(cli.out(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QStringList kinds = kindsOf(events);
    QVERIFY2(inOrder(kinds, {EventKind::Bound, EventKind::DatagramReceived, EventKind::AutoReplied, EventKind::Closed}),
             qPrintable(kinds.join(u", ")));
    const QJsonObject datagram = events.at(kinds.indexOf(eventKindName(EventKind::DatagramReceived)));
    QCOMPARE(datagram.value(QStringLiteral("bytes")).toInteger(), 4);
    QCOMPARE(datagram.value(QStringLiteral("payload_text")).toString(), QStringLiteral("a\\tb\\n"));
    QCOMPARE(datagram.value(QStringLiteral("payload_hex")).toString(), QStringLiteral("61 09 62 0a"));
    QCOMPARE(datagram.value(QStringLiteral("peer")).toString(), QStringLiteral("127.0.0.1:%1").arg(sender.localPort()));
    QCOMPARE(datagram.value(QStringLiteral("local")).toString(), QStringLiteral("127.0.0.1:%1").arg(port));
    QTRY_VERIFY_WITH_TIMEOUT(sender.hasPendingDatagrams(), PeerTimeoutMs);
    QCOMPARE(sender.receiveDatagram().data(), QByteArrayLiteral("a\tb\n"));
}

// --- --lifecycle ----------------------------------------------------------

void TestCli::lifecycleTracesEachStepOfAServerAndItsTutorialClient()
{
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");

    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), {QStringLiteral("tcp-listen"), QStringLiteral("--once"), QStringLiteral("--lifecycle"),
                                  QStringLiteral("0")}));
    cli.write(TutorialWelcome);
    cli.closeInput();
    const quint16 port = cli.waitForCliPort();
    QVERIFY2(port != 0, qPrintable(cli.errText()));

    // The tutorial's client: connect, recv(1024), close.
    PeerProcess client;
    QVERIFY(client.startPython(python, QStringLiteral("tutorial_client.py"),
                               {QStringLiteral("127.0.0.1"), QString::number(port)}));
    QVERIFY(client.waitForExit());
    QCOMPARE(client.out(), TutorialWelcome + '\n');
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 0);

    // Each step once, as it lit, in the order it lit; stdout is untouched.
    const QStringList lines = cli.errText().split(QLatin1Char('\n'));
    QStringList steps;
    for (const QString &line : lines)
        if (line.startsWith(u'['))
            steps.append(line);
    const QStringList expected = {
        QStringLiteral("[server] socket(): a TCP socket exists, not yet tied to an address"),
        QStringLiteral("[server] bind(): the socket now owns a local address and port"),
        QStringLiteral("[server] listen(): the kernel now completes handshakes for us and queues them"),
        QStringLiteral("[server] accept(): takes the next finished handshake from the queue: one new socket per client"),
        QStringLiteral("[server #1] recv()/send(): bytes flow both ways as one stream: no message boundaries"),
        QStringLiteral("[server #1] close(): the peer closed first: recv() returned 0 (FIN received), so we close too"),
        QStringLiteral("[server] close(): the listening socket is closed: no new clients"),
    };
    QCOMPARE(steps, expected);
    QCOMPARE(cli.out(), QByteArray());
}

void TestCli::lifecycleSaysWhichStepFailed_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("line");
    QTest::newRow("a port in use fails bind()")
        << QStringLiteral("tcp-listen") << QStringLiteral("[server] bind() failed: address already in use");
    QTest::newRow("nobody listening fails connect()")
        << QStringLiteral("tcp-connect") << QStringLiteral("[client] connect() failed: connection refused");
}

void TestCli::lifecycleSaysWhichStepFailed()
{
    QFETCH(QString, command);
    QFETCH(QString, line);
    // A port that is in use (tcp-listen), and that nobody accepts on (tcp-connect).
    const int held = ::socket(AF_INET, SOCK_STREAM, 0);
    QVERIFY(held >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    QCOMPARE(::bind(held, reinterpret_cast<const sockaddr *>(&address), sizeof address), 0);
    socklen_t length = sizeof address;
    QCOMPARE(::getsockname(held, reinterpret_cast<sockaddr *>(&address), &length), 0);
    const QString port = QString::number(ntohs(address.sin_port));

    PeerProcess cli;
    const QStringList arguments = command == QStringLiteral("tcp-listen")
        ? QStringList{command, QStringLiteral("--lifecycle"), port}
        : QStringList{command, QStringLiteral("--lifecycle"), QStringLiteral("127.0.0.1"), port};
    QVERIFY(cli.start(cliPath(), arguments));
    QVERIFY(cli.waitForExit());
    ::close(held);
    QCOMPARE(cli.exitCode(), 1);
    const QStringList lines = cli.errText().split(QLatin1Char('\n'));
    QVERIFY2(lines.contains(line), qPrintable(cli.errText()));
    // socket() came first, and lit.
    QVERIFY2(cli.errText().contains(QStringLiteral("] socket(): a TCP socket exists")), qPrintable(cli.errText()));
}

// --- --hex ----------------------------------------------------------------

void TestCli::hexOutputPrintsOneHexLinePerChunk()
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

void TestCli::hexInputSendsTheBytesAndSkipsBadLines()
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

void TestCli::hexMessageGoesOutAsBytesAndTheReplyComesBackAsHex()
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

void TestCli::tcpConnectRepeatSendsTheMessageNTimesThenHalfCloses()
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

void TestCli::tcpConnectMessageIsSentOnceWithItsMacrosExpanded()
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

void TestCli::udpSendRepeatIsCountedByAPythonReceiver()
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

void TestCli::udpSendThroughTheSimulatedLink_data()
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

void TestCli::udpSendThroughTheSimulatedLink()
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

void TestCli::udpSendRepeatUntilInterruptedEndsCleanlyOnSignal()
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

void TestCli::welcomeRuleGreetsEveryTutorialClientThenCloses()
{
    // The tutorial's welcome server is one rule: on connect, greet, then close.
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");
    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), {QStringLiteral("tcp-listen"), QStringLiteral("--reply"),
                                  QStringLiteral("connect=>Welcome to the server!;close"), QStringLiteral("0")}));
    const quint16 port = cli.waitForCliPort();
    QVERIFY2(port != 0, qPrintable(cli.errText()));
    for (int i = 0; i < 3; ++i) { // every connection, not only the first
        PeerProcess client;
        QVERIFY(client.startPython(python, QStringLiteral("tutorial_client.py"),
                                   {QStringLiteral("127.0.0.1"), QString::number(port)}));
        QVERIFY(client.waitForExit());
        QCOMPARE(client.exitCode(), 0);
        QCOMPARE(client.out(), TutorialWelcome + '\n');
    }
    QCOMPARE(::kill(pid_t(cli.processId()), SIGINT), 0);
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 0);
}

void TestCli::lineFramingAndARegexRuleAnswerEachLine()
{
    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), {QStringLiteral("tcp-listen"), QStringLiteral("--frame"), QStringLiteral("line"),
                                  QStringLiteral("--reply"), QStringLiteral("regex:^PING (\\d+)$=>PONG \\1\\n"),
                                  QStringLiteral("--reply"), QStringLiteral("exact:bye=>see you\\n;close"),
                                  QStringLiteral("0")}));
    const quint16 port = cli.waitForCliPort();
    QVERIFY2(port != 0, qPrintable(cli.errText()));

    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(client.waitForConnected(5000));
    QByteArray answers;
    connect(&client, &QTcpSocket::readyRead, this, [&] { answers += client.readAll(); });
    // A line split across writes, two in one, a CR-LF line, and one no rule matches.
    client.write("PING 1\nPI");
    QTRY_COMPARE(answers, QByteArray("PONG 1\n"));
    client.write("NG 22\r\nPING 3\nhello\nbye\n");
    QTRY_COMPARE(answers, QByteArray("PONG 1\nPONG 22\nPONG 3\nsee you\n"));
    QTRY_COMPARE(client.state(), QAbstractSocket::UnconnectedState); // ;close

    // The CLI printed each message on its own line, without its line ending.
    QTRY_COMPARE(cli.out(), QByteArray("PING 1\nPING 22\nPING 3\nhello\nbye\n"));
    QCOMPARE(::kill(pid_t(cli.processId()), SIGINT), 0);
    QVERIFY(cli.waitForExit());
}

void TestCli::lengthPrefixFramingPrintsOneMessagePerLine()
{
    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), {QStringLiteral("tcp-listen"), QStringLiteral("--frame"), QStringLiteral("len:2"),
                                  QStringLiteral("--hex"), QStringLiteral("--reply"),
                                  QStringLiteral("hex:01=>hex:00 02 6f 6b"), QStringLiteral("0")}));
    const quint16 port = cli.waitForCliPort();
    QVERIFY2(port != 0, qPrintable(cli.errText()));
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(client.waitForConnected(5000));
    QByteArray answers;
    connect(&client, &QTcpSocket::readyRead, this, [&] { answers += client.readAll(); });
    // Two frames, the second split: [00 03] 01 02 03, [00 01] 09.
    client.write(QByteArray::fromHex("000301020300"));
    client.write(QByteArray::fromHex("0109"));
    QTRY_COMPARE(cli.out(), QByteArray("01 02 03\n09\n"));
    QCOMPARE(answers, QByteArray::fromHex("00026f6b")); // only the frame starting with 01 matched
    QCOMPARE(::kill(pid_t(cli.processId()), SIGINT), 0);
    QVERIFY(cli.waitForExit());
}

void TestCli::malformedFrameOrRuleExitsTwoWithThePosition_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    const auto listen = [](const QString &option, const QString &value) {
        return QStringList{QStringLiteral("tcp-listen"), option, value, QStringLiteral("0")};
    };
    QTest::newRow("len:3") << listen(QStringLiteral("--frame"), QStringLiteral("len:3"))
                           << QStringLiteral("character 5");
    QTest::newRow("bad delimiter hex") << listen(QStringLiteral("--frame"), QStringLiteral("delim:0g"))
                                       << QStringLiteral("character 8");
    QTest::newRow("no arrow") << listen(QStringLiteral("--reply"), QStringLiteral("exact:hi"))
                              << QStringLiteral("expected MATCH=>REPLY");
    QTest::newRow("bad regex") << listen(QStringLiteral("--reply"), QStringLiteral("regex:a(b=>x"))
                               << QStringLiteral("at character");
    QTest::newRow("unknown macro") << listen(QStringLiteral("--reply"), QStringLiteral("any=>hi {{nope}}"))
                                   << QStringLiteral("at character 9: unknown macro {{nope}}");
    QTest::newRow("capture without regex") << listen(QStringLiteral("--reply"), QStringLiteral("any=>\\1"))
                                           << QStringLiteral("at character 6");
    QTest::newRow("frame on UDP") << QStringList{QStringLiteral("udp-listen"), QStringLiteral("--frame"),
                                                 QStringLiteral("line"), QStringLiteral("0")}
                                  << QStringLiteral("--frame is for TCP");
}

void TestCli::malformedFrameOrRuleExitsTwoWithThePosition()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), arguments));
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 2);
    QVERIFY2(cli.errText().contains(expected), qPrintable(cli.errText()));
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
