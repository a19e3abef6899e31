// Rules and reply templates: parsing (with the position of a mistake),
// expansion, and a server that runs them over real loopback sockets.

#include "eventlog.h"
#include "rules.h"
#include "tcpserverendpoint.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryFile>
#include <QTest>

using namespace SockPlay;

class TestRules : public QObject
{
    Q_OBJECT

private slots:
    void templateExpandsEscapesCapturesAndMacros();
    void templateMistakesSayWhere_data();
    void templateMistakesSayWhere();
    void fileMacroReadsWhenSentAndFailsClearly();

    void ruleParsesAndPrintsBack_data();
    void ruleParsesAndPrintsBack();
    void ruleMistakesSayWhere_data();
    void ruleMistakesSayWhere();

    void rulesFireOnEveryMessageOfEveryConnection();
    void stopAndContinue();
    void connectRuleGreetsThenCloses();
    void delayedReplyWaits();
    void disabledRuleDoesNothing();
    void oversizedMessageIsAnErrorAndLaterOffsetsStayTrue();
    void rulesChangeWhileConnectionsLive();
    void framingChangesForAllOrOneConnection();

private:
    struct Server
    {
        EventLog log;
        TcpServerEndpoint endpoint{&log};
    };
    static bool start(Server &server, const QList<Rule> &rules, const QString &frame = QStringLiteral("line"));
    static Rule rule(const QString &text);
    static int count(const EventLog &log, EventKind kind);
};

int TestRules::count(const EventLog &log, EventKind kind)
{
    int n = 0;
    for (qsizetype i = 0; i < log.size(); ++i)
        n += log.at(i).kind == kind;
    return n;
}

Rule TestRules::rule(const QString &text)
{
    QString error;
    const std::optional<Rule> parsed = Rule::parse(text, &error);
    if (!parsed)
        qWarning("%s", qPrintable(error));
    return parsed.value_or(Rule{});
}

bool TestRules::start(Server &server, const QList<Rule> &rules, const QString &frame)
{
    EndpointConfig config;
    config.host = QStringLiteral("127.0.0.1");
    config.rules = rules;
    config.frame = *FrameSpec::parse(frame, nullptr);
    return bool(server.endpoint.start(config));
}

void TestRules::templateExpandsEscapesCapturesAndMacros()
{
    QString error;
    const auto reply = ReplyTemplate::parse(QStringLiteral("A\\x42\\n\\2-\\1 #{{counter}} {{hex:00 ff}}\\\\1"), &error);
    QVERIFY2(reply, qPrintable(error));
    QCOMPARE(reply->highestCapture(), 2);
    const QList<QByteArray> captures{"whole", "one", "two"};
    QCOMPARE(*reply->expand(captures, 7, &error), QByteArray("AB\ntwo-one #7 ") + QByteArray::fromHex("00ff") + "\\1");

    const auto random = ReplyTemplate::parse(QStringLiteral("{{random:16}}"), &error);
    QVERIFY(random);
    const QByteArray first = *random->expand({}, 1, &error);
    QCOMPARE(first.size(), 16);
    QVERIFY(*random->expand({}, 2, &error) != first); // 2^-128 to fail by chance

    const auto time = ReplyTemplate::parse(QStringLiteral("{{time}}"), &error);
    QVERIFY(time);
    const QString stamp = QString::fromUtf8(*time->expand({}, 1, &error));
    QVERIFY2(QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}$")).match(stamp).hasMatch(),
             qPrintable(stamp));
    QVERIFY(qAbs(QDateTime::fromString(stamp, Qt::ISODateWithMs).secsTo(QDateTime::currentDateTime())) < 60);
}

void TestRules::templateMistakesSayWhere_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("bad escape") << QStringLiteral("ab\\q") << QStringLiteral("at character 3");
    QTest::newRow("bad escape after a capture") << QStringLiteral("\\1x\\q") << QStringLiteral("at character 4");
    QTest::newRow("unclosed macro") << QStringLiteral("hi {{time") << QStringLiteral("at character 4: {{ is not closed");
    QTest::newRow("unknown macro") << QStringLiteral("{{date}}") << QStringLiteral("unknown macro {{date}}");
    QTest::newRow("random 0") << QStringLiteral("{{random:0}}") << QStringLiteral("needs N from 1");
    QTest::newRow("bad hex macro") << QStringLiteral("xy{{hex:4g}}") << QStringLiteral("at character 10");
    QTest::newRow("file without path") << QStringLiteral("{{file:}}") << QStringLiteral("needs a path");
}

void TestRules::templateMistakesSayWhere()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QString error;
    QVERIFY(!ReplyTemplate::parse(text, &error));
    QVERIFY2(error.contains(expected), qPrintable(error));
}

void TestRules::fileMacroReadsWhenSentAndFailsClearly()
{
    QTemporaryFile file;
    QVERIFY(file.open());
    file.write("first");
    file.flush();
    QString error;
    const auto reply = ReplyTemplate::parse(QStringLiteral("<{{file:%1}}>").arg(file.fileName()), &error);
    QVERIFY2(reply, qPrintable(error));
    QCOMPARE(*reply->expand({}, 1, &error), QByteArray("<first>"));
    file.write(", then more"); // read again at each send
    file.flush();
    QCOMPARE(*reply->expand({}, 2, &error), QByteArray("<first, then more>"));

    const auto missing = ReplyTemplate::parse(QStringLiteral("{{file:/nonexistent/sockplay}}"), &error);
    QVERIFY(missing);
    QVERIFY(!missing->expand({}, 1, &error));
    QVERIFY2(error.contains(QStringLiteral("cannot read /nonexistent/sockplay")), qPrintable(error));
}

void TestRules::ruleParsesAndPrintsBack_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("match");
    QTest::addColumn<int>("reply");
    QTest::newRow("any echo") << QStringLiteral("any=>echo") << int(Rule::Match::Any) << int(Rule::Reply::Echo);
    QTest::newRow("connect greet close") << QStringLiteral("connect=>Welcome!;close")
                                         << int(Rule::Match::Connect) << int(Rule::Reply::Text);
    QTest::newRow("exact") << QStringLiteral("exact:hi\\n=>hello") << int(Rule::Match::Exact) << int(Rule::Reply::Text);
    QTest::newRow("contains") << QStringLiteral("contains:err=>close") << int(Rule::Match::Contains)
                              << int(Rule::Reply::Close);
    QTest::newRow("prefix, delay, continue") << QStringLiteral("prefix:GET =>HTTP/1.0 200 OK\\r\\n;delay:250;continue")
                                             << int(Rule::Match::Prefix) << int(Rule::Reply::Text);
    QTest::newRow("regex with an arrow later") << QStringLiteral("regex:^(a)=>b$=>\\1")
                                               << int(Rule::Match::Regex) << int(Rule::Reply::Text);
    QTest::newRow("hex to hex") << QStringLiteral("hex:01 02=>hex:ff") << int(Rule::Match::HexPrefix)
                                << int(Rule::Reply::Hex);
    QTest::newRow("swallow") << QStringLiteral("any=>none") << int(Rule::Match::Any) << int(Rule::Reply::Nothing);
}

void TestRules::ruleParsesAndPrintsBack()
{
    QFETCH(QString, text);
    QFETCH(int, match);
    QFETCH(int, reply);
    QString error;
    const std::optional<Rule> parsed = Rule::parse(text, &error);
    QVERIFY2(parsed, qPrintable(error));
    QCOMPARE(int(parsed->match), match);
    QCOMPARE(int(parsed->reply), reply);
    QVERIFY(parsed->validate(&error));
    QCOMPARE(Rule::parse(parsed->toString(), &error), parsed);
}

void TestRules::ruleMistakesSayWhere_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no arrow") << QStringLiteral("exact:hi") << QStringLiteral("at character 9: expected MATCH=>REPLY");
    QTest::newRow("unknown match") << QStringLiteral("start:x=>y") << QStringLiteral("at character 1: unknown match");
    QTest::newRow("bad regex") << QStringLiteral("regex:ab(=>x") << QStringLiteral("at character");
    QTest::newRow("bad match hex") << QStringLiteral("hex:0z=>x") << QStringLiteral("at character 6");
    QTest::newRow("bad reply hex") << QStringLiteral("any=>hex:12 3") << QStringLiteral("at character 13");
    QTest::newRow("capture, not a regex") << QStringLiteral("exact:a=>\\1") << QStringLiteral("at character 10");
    QTest::newRow("capture beyond the groups") << QStringLiteral("regex:(a)=>\\2")
                                               << QStringLiteral("the regex has 1 group");
    QTest::newRow("echo on connect") << QStringLiteral("connect=>echo") << QStringLiteral("nothing to echo");
    QTest::newRow("bad delay") << QStringLiteral("any=>x;delay:-5") << QStringLiteral("delay:MS");
    QTest::newRow("empty contains") << QStringLiteral("contains:=>x") << QStringLiteral("needs some text");
}

void TestRules::ruleMistakesSayWhere()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QString error;
    QVERIFY(!Rule::parse(text, &error));
    QVERIFY2(error.contains(expected), qPrintable(error));
}

namespace {
/// A client that collects what it receives.
struct Client
{
    QTcpSocket socket;
    QByteArray received;
    bool connectTo(quint16 port)
    {
        QObject::connect(&socket, &QTcpSocket::readyRead, [this] { received += socket.readAll(); });
        socket.connectToHost(QHostAddress::LocalHost, port);
        return socket.waitForConnected(5000);
    }
};
} // namespace

void TestRules::rulesFireOnEveryMessageOfEveryConnection()
{
    Server server;
    QVERIFY(start(server, {rule(QStringLiteral("regex:^PING (\\d+)$=>PONG \\1 #{{counter}}\\n"))}));
    Client a;
    Client b;
    QVERIFY(a.connectTo(server.endpoint.localPort()));
    QVERIFY(b.connectTo(server.endpoint.localPort()));
    a.socket.write("PING 1\nPING 2\n");
    QTRY_COMPARE(a.received, QByteArray("PONG 1 #1\nPONG 2 #2\n"));
    b.socket.write("PING 3\nnot a ping\nPING 4\n");
    QTRY_COMPARE(b.received, QByteArray("PONG 3 #3\nPONG 4 #4\n"));
    a.socket.write("PING 5\n");
    QTRY_COMPARE(a.received, QByteArray("PONG 1 #1\nPONG 2 #2\nPONG 5 #5\n"));
    // The log shows each whole message and each automatic reply.
    QCOMPARE(count(server.log, EventKind::Message), 6);
    QCOMPARE(count(server.log, EventKind::AutoReplied), 5);
    // Each message's stream offset is where it starts in its connection's stream.
    QList<qint64> offsetsOfB;
    for (qsizetype i = 0; i < server.log.size(); ++i) {
        const Event event = server.log.at(i);
        if (event.kind == EventKind::Message && event.connectionId() == 2)
            offsetsOfB.append(event.streamOffset);
    }
    QCOMPARE(offsetsOfB, (QList<qint64>{0, 7, 18}));
}

void TestRules::stopAndContinue()
{
    Server server;
    QVERIFY(start(server, {rule(QStringLiteral("prefix:a=>1;continue")), rule(QStringLiteral("prefix:ab=>2")),
                           rule(QStringLiteral("any=>3"))}));
    Client client;
    QVERIFY(client.connectTo(server.endpoint.localPort()));
    client.socket.write("abc\n"); // 1 continues to 2, which stops
    QTRY_COMPARE(client.received, QByteArray("12"));
    client.socket.write("ax\n"); // 1 continues; 2 does not match; 3 does
    QTRY_COMPARE(client.received, QByteArray("1213"));
    client.socket.write("zz\n");
    QTRY_COMPARE(client.received, QByteArray("12133"));
}

void TestRules::connectRuleGreetsThenCloses()
{
    Server server;
    QVERIFY(start(server, {rule(QStringLiteral("connect=>Welcome to the server!;close"))}, QStringLiteral("raw")));
    for (int i = 0; i < 2; ++i) {
        Client client;
        QVERIFY(client.connectTo(server.endpoint.localPort()));
        QTRY_COMPARE(client.socket.state(), QAbstractSocket::UnconnectedState);
        QCOMPARE(client.received, QByteArray("Welcome to the server!"));
    }
}

void TestRules::delayedReplyWaits()
{
    Server server;
    QVERIFY(start(server, {rule(QStringLiteral("exact:later=>now\\n;delay:300")),
                           rule(QStringLiteral("any=>at once\\n"))}));
    Client client;
    QVERIFY(client.connectTo(server.endpoint.localPort()));
    client.socket.write("later\nx\n");
    // The second message's reply comes first: the first one waits its delay.
    QTRY_COMPARE(client.received, QByteArray("at once\n"));
    QTRY_COMPARE(client.received, QByteArray("at once\nnow\n"));
}

void TestRules::disabledRuleDoesNothing()
{
    Server server;
    Rule off = rule(QStringLiteral("any=>off\\n"));
    off.enabled = false;
    QVERIFY(start(server, {off, rule(QStringLiteral("any=>on\\n"))}));
    Client client;
    QVERIFY(client.connectTo(server.endpoint.localPort()));
    client.socket.write("x\n");
    QTRY_COMPARE(client.received, QByteArray("on\n"));
}

void TestRules::oversizedMessageIsAnErrorAndLaterOffsetsStayTrue()
{
    Server server;
    EndpointConfig config;
    config.host = QStringLiteral("127.0.0.1");
    config.frame = *FrameSpec::parse(QStringLiteral("line"), nullptr);
    config.frame.maxFrameBytes = 8;
    config.rules = {rule(QStringLiteral("any=>got \\x22{{counter}}\\x22\\n"))};
    QVERIFY(server.endpoint.start(config));
    Client client;
    QVERIFY(client.connectTo(server.endpoint.localPort()));
    client.socket.write("0123456789ABC\n"); // 14 bytes: over the limit of 8
    QTRY_COMPARE(count(server.log, EventKind::Error), 1);
    QCOMPARE(count(server.log, EventKind::Message), 0);
    client.socket.write("ok\n");
    QTRY_COMPARE(client.received, QByteArray("got \"1\"\n")); // only the message that fits
    for (qsizetype i = 0; i < server.log.size(); ++i) {
        const Event event = server.log.at(i);
        if (event.kind == EventKind::Message) {
            QCOMPARE(event.payload, QByteArray("ok\n"));
            QCOMPARE(event.streamOffset, 14); // after the skipped bytes, not 0
        }
    }
}

void TestRules::rulesChangeWhileConnectionsLive()
{
    Server server;
    QVERIFY(start(server, {rule(QStringLiteral("any=>one\\n"))}));
    Client client;
    QVERIFY(client.connectTo(server.endpoint.localPort()));
    client.socket.write("a\n");
    QTRY_COMPARE(client.received, QByteArray("one\n"));
    // The same open connection answers by the new rules from its next message on.
    server.endpoint.setRules({rule(QStringLiteral("any=>two\\n"))});
    client.socket.write("b\n");
    QTRY_COMPARE(client.received, QByteArray("one\ntwo\n"));
    Rule off = rule(QStringLiteral("any=>three\\n"));
    off.enabled = false;
    server.endpoint.setRules({off, rule(QStringLiteral("any=>four\\n"))});
    client.socket.write("c\n");
    QTRY_COMPARE(client.received, QByteArray("one\ntwo\nfour\n"));
    server.endpoint.setRules({});
    client.socket.write("d\n");
    QTRY_COMPARE(count(server.log, EventKind::Message), 4);
    QCOMPARE(client.received, QByteArray("one\ntwo\nfour\n"));
}

void TestRules::framingChangesForAllOrOneConnection()
{
    Server server;
    QVERIFY(start(server, {rule(QStringLiteral("any=>echo"))}, QStringLiteral("raw")));
    Client a;
    Client b;
    QVERIFY(a.connectTo(server.endpoint.localPort()));
    QVERIFY(b.connectTo(server.endpoint.localPort()));
    QTRY_COMPARE(server.endpoint.connectionCount(), 2);
    // Every connection: lines from now on.
    QVERIFY(server.endpoint.setFraming(Endpoint::AllConnections, *FrameSpec::parse(QStringLiteral("line"), nullptr)).ok);
    a.socket.write("x");
    QTRY_COMPARE(server.endpoint.bytesIn(), 1);
    QCOMPARE(count(server.log, EventKind::Message), 0); // half a line is no message yet
    a.socket.write("y\n");
    QTRY_COMPARE(count(server.log, EventKind::Message), 1);
    QTRY_COMPARE(a.received, QByteArray("xy\n"));
    // One connection differs: b's stream is cut into 2-byte frames.
    QVERIFY(server.endpoint.setFraming(2, *FrameSpec::parse(QStringLiteral("fixed:2"), nullptr)).ok);
    b.socket.write("abcd");
    QTRY_COMPARE(count(server.log, EventKind::Message), 3);
    QTRY_COMPARE(b.received, QByteArray("abcd"));
    a.socket.write("ab");
    QTRY_COMPARE(server.endpoint.bytesIn(), 9);
    QCOMPARE(count(server.log, EventKind::Message), 3); // a still waits for its LF
    QCOMPARE(server.endpoint.config().frame.toString(), QStringLiteral("line"));
    // A partial message the old framing held is dropped, and the log says so.
    QVERIFY(server.endpoint.setFraming(1, *FrameSpec::parse(QStringLiteral("raw"), nullptr)).ok);
    bool noted = false;
    for (qsizetype i = 0; i < server.log.size(); ++i)
        noted = noted || server.log.at(i).detail.contains(QLatin1String("the 2 bytes of a partial message were dropped"));
    QVERIFY(noted);
    QVERIFY(!server.endpoint.setFraming(9, FrameSpec()).ok);
}

QTEST_GUILESS_MAIN(TestRules)
#include "tst_rules.moc"
