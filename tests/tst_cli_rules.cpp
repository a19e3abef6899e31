// sockplay-cli tcp-listen's framing and rules (--frame, --rule) as a user
// runs them against the tutorials' Python clients, and the exit code and
// position of a malformed one. Every wait runs the event loop; nothing sleeps.

#include "clisupport.h"
#include "event.h"
#include "peers/peerprocess.h"
#include "testsupport.h"

#include <QTest>

#include <csignal>
#include <unistd.h>

using namespace SockPlayTest;
using SockPlay::EventKind;
using SockPlay::eventKindName;

class TestCliRules : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void welcomeRuleGreetsEveryTutorialClientThenCloses();
    void lineFramingAndARegexRuleAnswerEachLine();
    void lengthPrefixFramingPrintsOneMessagePerLine();
    void malformedFrameOrRuleExitsTwoWithThePosition_data();
    void malformedFrameOrRuleExitsTwoWithThePosition();
};

void TestCliRules::initTestCase()
{
    QVERIFY2(QFileInfo(cliPath()).isExecutable(), qPrintable(cliPath() + QStringLiteral(" is not built")));
}

// --- framing and rules ----------------------------------------------------

void TestCliRules::welcomeRuleGreetsEveryTutorialClientThenCloses()
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

void TestCliRules::lineFramingAndARegexRuleAnswerEachLine()
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

void TestCliRules::lengthPrefixFramingPrintsOneMessagePerLine()
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

void TestCliRules::malformedFrameOrRuleExitsTwoWithThePosition_data()
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

void TestCliRules::malformedFrameOrRuleExitsTwoWithThePosition()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), arguments));
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 2);
    QVERIFY2(cli.errText().contains(expected), qPrintable(cli.errText()));
}

QTEST_GUILESS_MAIN(TestCliRules)
#include "tst_cli_rules.moc"
