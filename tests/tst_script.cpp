// The script file: what is written reads back equal, and a broken, mistyped
// or newer file is refused whole, with an error that names the step (from 1)
// and the key — a typo must never fall back to a default silently.
#include "script.h"

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace SockPlay;

namespace {

/// A version-1 script around the given JSON steps.
QByteArray script(const QByteArray &steps)
{
    return R"({"format": "sockplay-script", "version": 1, "name": "t", "steps": [)" + steps + "]}";
}

/// Reads data as a script file would be read.
std::optional<Script> readBytes(const QByteArray &data, QString *error)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("script.json"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
        return std::nullopt;
    file.close();
    return Script::readFile(path, error);
}

} // namespace

class TestScript : public QObject
{
    Q_OBJECT

private slots:
    void validScriptsRoundTrip_data();
    void validScriptsRoundTrip();
    void pingReadsAsDocumented();
    void malformedFilesAreRefusedWithTheStepAndKey_data();
    void malformedFilesAreRefusedWithTheStepAndKey();
    void writeFileThenReadFileGivesTheSameScript();
    void variablesAreSubstituted_data();
    void variablesAreSubstituted();
    void summariesReadAsAReportLine_data();
    void summariesReadAsAReportLine();
};

void TestScript::validScriptsRoundTrip_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("ping") << QByteArray(R"({"format": "sockplay-script", "version": 1, "name": "ping",
        "variables": {"host": "127.0.0.1", "port": 7000},
        "steps": [{"open": "client", "connect": "${host}:${port}", "frame": "line"},
                  {"send": "PING 1\n", "to": "client"},
                  {"expect": "^PONG 1$", "as": "regex", "on": "client", "within": 1000},
                  {"close": "client"}]})");
    QTest::newRow("server, captures, last connection") << script(R"(
        {"open": "server", "listen": "0", "echo": true, "rules": ["regex:^HI (\\w+)$=>HELLO \\1\\n"]},
        {"wait": "connection", "on": "server", "within": 5000},
        {"expect": "^NAME (?<who>\\w+) (\\d+)$", "as": "regex", "capture": ["first", "second"], "within": 0},
        {"send": "AQID", "as": "base64", "to": "server", "connection": "last"},
        {"wait": 20},
        {"close": "server"})");
    QTest::newRow("udp bind, udp connect, hex") << script(R"(
        {"open": "rx", "bind": "[::1]:${rxport}"},
        {"open": "tx", "connect": "[::1]:${rx.port}", "transport": "udp"},
        {"send": "de ad ${byte}", "as": "hex"},
        {"expect": "de ad", "as": "hex", "on": "rx"},
        {"close": "tx"})");
    QTest::newRow("raw frame, text contains, literal ${") << script(R"(
        {"open": "c", "connect": "example.org:80", "frame": "len:2"},
        {"send": "cost: $${price}"},
        {"expect": ""},
        {"close": "c"})");
}

void TestScript::validScriptsRoundTrip()
{
    QFETCH(QByteArray, json);
    QString error;
    const std::optional<Script> read = readBytes(json, &error);
    QVERIFY2(read, qPrintable(error));
    const std::optional<Script> again = Script::fromJson(read->toJson(), &error);
    QVERIFY2(again, qPrintable(error));
    QCOMPARE(again->toJson(), read->toJson());
    QVERIFY(*again == *read);
}

void TestScript::pingReadsAsDocumented()
{
    QString error;
    const std::optional<Script> ping = Script::readFile(QStringLiteral(SOCKPLAY_PEERS_DIR "/../../examples/ping.json"), &error);
    QVERIFY2(ping, qPrintable(error));
    QCOMPARE(ping->name, QStringLiteral("ping"));
    const QList<QPair<QString, QString>> variables{{QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                                                   {QStringLiteral("port"), QStringLiteral("7000")}};
    QCOMPARE(ping->variables, variables);
    QCOMPARE(ping->steps.size(), 4);
    const ScriptStep &open = ping->steps.at(0);
    QCOMPARE(open.kind, ScriptStep::Kind::Open);
    QCOMPARE(open.role, Role::Client);
    QCOMPARE(open.transport, Transport::Tcp);
    QCOMPARE(open.host, QStringLiteral("${host}"));
    QCOMPARE(open.port, QStringLiteral("${port}"));
    QCOMPARE(ping->steps.at(1).payload, QStringLiteral("PING 1\n")); // JSON's \n, no second unescaping
    const ScriptStep &expect = ping->steps.at(2);
    QCOMPARE(expect.match, ScriptStep::Match::Regex);
    QCOMPARE(expect.pattern, QStringLiteral("^PONG 1$"));
    QCOMPARE(expect.withinMs, 1000);
    QCOMPARE(ping->steps.at(3).kind, ScriptStep::Kind::Close);
}

void TestScript::malformedFilesAreRefusedWithTheStepAndKey_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    const auto row = [](const char *name, const QByteArray &json, const char *error) {
        QTest::newRow(name) << json << QString::fromUtf8(error);
    };
    row("not JSON, with line and column", "{\"format\": \"sockplay-script\",\n  \"version\": 1,\n  oops}",
        "not valid JSON at line 3, column 3");
    row("top level an array", "[]", "the top level must be a JSON object, not an array");
    row("no format", R"({"version": 1, "steps": [{"wait": 1}]})", "not a SockPlay script: \"format\" is missing");
    row("another format", R"({"format": "sockplay-messages", "version": 1, "messages": []})",
        "not a SockPlay script: \"format\" is \"sockplay-messages\", not \"sockplay-script\"");
    row("newer version", R"({"format": "sockplay-script", "version": 2, "steps": [{"wait": 1}]})",
        "this script is version 2; this SockPlay reads version 1");
    row("version a string", R"({"format": "sockplay-script", "version": "1", "steps": [{"wait": 1}]})",
        "\"version\" must be a number, got \"1\"");
    row("missing steps", R"({"format": "sockplay-script", "version": 1})", "\"steps\" is missing");
    row("steps empty", script(""), "\"steps\" is empty");
    row("steps an object", R"({"format": "sockplay-script", "version": 1, "steps": {}})",
        "\"steps\" must be an array, got an object");
    row("unknown top-level key", R"({"format": "sockplay-script", "version": 1, "stpes": [], "steps": [{"wait": 1}]})",
        "unknown key \"stpes\"");
    row("empty name", R"({"format": "sockplay-script", "version": 1, "name": " ", "steps": [{"wait": 1}]})",
        "\"name\" is empty");
    row("variable not a string", R"({"format": "sockplay-script", "version": 1, "variables": {"port": true}, "steps": [{"wait": 1}]})",
        "\"variables\": \"port\" must be a string or a whole number, got true");
    row("step not an object", script(R"({"wait": 1}, "close")"), "step 2: a step must be an object, got \"close\"");
    row("unknown step kind", script(R"({"wait": 1}, {"sned": "x"})"),
        "step 2: no step kind in keys \"sned\"; expected one of \"open\", \"send\"");
    row("two kinds in one step", script(R"({"send": "x", "expect": "y"})"),
        "step 1: \"send\" and \"expect\" in one step");
    row("unknown key (a typo of within)", script(R"({"wait": 1}, {"wait": 1}, {"expect": "x", "withn": 5})"),
        "step 3 (expect): unknown key \"withn\"; expected \"expect\", \"as\", \"on\", \"within\", \"capture\"");
    row("within a word", script(R"({"wait": 1}, {"wait": 1}, {"expect": "x", "within": "soon"})"),
        "step 3 (expect): \"within\" must be a number of milliseconds, got \"soon\"");
    row("within a fraction", script(R"({"expect": "x", "within": 1.5})"),
        "step 1 (expect): \"within\" must be a whole number of milliseconds from 0 to 86400000, got 1.5");
    row("wait negative", script(R"({"wait": -5})"), "step 1 (wait): \"wait\" must be a whole number of milliseconds from 1");
    row("wait a word", script(R"({"wait": "later"})"),
        "step 1 (wait): \"wait\" must be a number of milliseconds or \"connection\", got \"later\"");
    row("echo a string", script(R"({"open": "s", "listen": "0", "echo": "yes"})"),
        "step 1 (open): \"echo\" must be true or false, got \"yes\"");
    row("as unknown", script(R"({"send": "x", "as": "octal"})"),
        "step 1 (send): \"as\" is \"octal\"; expected \"text\", \"hex\", \"base64\"");
    row("send a number", script(R"({"send": 42})"), "step 1 (send): \"send\" must be a string, got 42");
    row("bad regex", script(R"({"expect": "^(PONG", "as": "regex"})"),
        "step 1 (expect): \"expect\" is not a valid regular expression: missing closing parenthesis at character 7");
    row("more captures than groups", script(R"({"expect": "^P(\\d)$", "as": "regex", "capture": ["a", "b"]})"),
        "step 1 (expect): \"capture\" names 2 variables, but the regex has 1 groups");
    row("capture without regex", script(R"({"expect": "x", "capture": ["a"]})"),
        "step 1 (expect): \"capture\" takes the groups of a regex");
    row("bad hex to send", script(R"({"send": "0g", "as": "hex"})"), "step 1 (send): \"send\" is not valid hex: ");
    row("bad hex to expect", script(R"({"expect": "zz", "as": "hex"})"), "step 1 (expect): \"expect\" is not valid hex: ");
    row("bad base64", script(R"({"send": "@@@", "as": "base64"})"), "step 1 (send): \"send\" is not valid base64: ");
    row("bad frame", script(R"({"open": "c", "connect": "h:1", "frame": "len:3"})"), "step 1 (open): \"frame\": ");
    row("frame on UDP", script(R"({"open": "u", "bind": "0", "frame": "line"})"),
        "step 1 (open): \"frame\" is for TCP: each UDP datagram is one message");
    row("bad rule", script(R"({"open": "s", "listen": "0", "rules": ["regex:(=>x"]})"),
        "step 1 (open): \"rules\", rule 1: ");
    row("connect without port", script(R"({"open": "c", "connect": "localhost"})"),
        "step 1 (open): \"connect\": \"localhost\" has no port: expected HOST:PORT");
    row("connect to port 0", script(R"({"open": "c", "connect": "127.0.0.1:0"})"),
        "step 1 (open): \"connect\": \"127.0.0.1:0\": the port must be a number from 1 to 65535");
    row("bare IPv6", script(R"({"open": "c", "connect": "::1:7000"})"), "an IPv6 address goes in brackets");
    row("open without an address", script(R"({"open": "c"})"), "step 1 (open): needs one of \"connect\"");
    row("connect and listen", script(R"({"open": "c", "connect": "h:1", "listen": "0"})"),
        "step 1 (open): \"connect\" and \"listen\" in one step");
    row("UDP listen", script(R"({"open": "u", "listen": "0", "transport": "udp"})"),
        "step 1 (open): a UDP endpoint does not listen: use \"bind\"");
    row("empty endpoint name", script(R"({"open": "", "listen": "0"})"), "step 1 (open): \"open\" is empty");
    row("endpoint name with a space", script(R"({"close": "my client"})"),
        "step 1 (close): \"close\": \"my client\" is not an endpoint name");
    row("unclosed variable", script(R"({"send": "hi ${name"})"), "step 1 (send): \"send\": \"${\" at character 4 is not closed");
    row("too many steps", script(QByteArray(R"({"wait": 1},)").repeated(Script::MaxSteps) + R"({"wait": 1})"),
        "the script has 10001 steps; at most 10000");
    row("too big", script(R"({"send": ")" + QByteArray(Script::MaxFileBytes, 'x') + R"("})"),
        "the file is too big");
}

void TestScript::malformedFilesAreRefusedWithTheStepAndKey()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    QString got;
    const std::optional<Script> read = readBytes(json, &got);
    QVERIFY2(!read, "a malformed script was read");
    QVERIFY2(got.contains(error), qPrintable(QStringLiteral("expected \"%1\" in \"%2\"").arg(error, got)));
    QVERIFY2(got.contains(QLatin1String("script.json: ")), qPrintable(got)); // the path comes first
}

void TestScript::writeFileThenReadFileGivesTheSameScript()
{
    Script original;
    original.name = QStringLiteral("round trip");
    original.variables = {{QStringLiteral("a"), QStringLiteral("1")}, {QStringLiteral("b"), QStringLiteral("two")}};
    ScriptStep open;
    open.kind = ScriptStep::Kind::Open;
    open.endpoint = QStringLiteral("server");
    open.role = Role::Server;
    open.port = QStringLiteral("0");
    open.frame = QStringLiteral("crlf");
    ScriptStep expect;
    expect.kind = ScriptStep::Kind::Expect;
    expect.pattern = QStringLiteral("HELLO");
    expect.withinMs = 250;
    original.steps = {open, expect};

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sub/dir/s.json"));
    const Result written = original.writeFile(path);
    QVERIFY2(written, qPrintable(written.error));
    QString error;
    const std::optional<Script> read = Script::readFile(path, &error);
    QVERIFY2(read, qPrintable(error));
    QVERIFY(*read == original);
}

void TestScript::variablesAreSubstituted_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); // empty: an error containing `error`
    QTest::addColumn<QString>("error");
    QTest::newRow("two") << QStringLiteral("${host}:${port}") << QStringLiteral("::1:7000") << QString();
    QTest::newRow("dotted") << QStringLiteral("port ${server.port}!") << QStringLiteral("port 4242!") << QString();
    QTest::newRow("none") << QStringLiteral("a $ b $5 {x}") << QStringLiteral("a $ b $5 {x}") << QString();
    QTest::newRow("literal") << QStringLiteral("$${host}") << QStringLiteral("${host}") << QString();
    QTest::newRow("unknown") << QStringLiteral("x ${nope}") << QString() << QStringLiteral("unknown variable ${nope}");
    QTest::newRow("unclosed") << QStringLiteral("${host") << QString() << QStringLiteral("is not closed");
    QTest::newRow("not a name") << QStringLiteral("${a b}") << QString() << QStringLiteral("is not a variable");
}

void TestScript::variablesAreSubstituted()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QFETCH(QString, error);
    const QHash<QString, QString> values{{QStringLiteral("host"), QStringLiteral("::1")},
                                         {QStringLiteral("port"), QStringLiteral("7000")},
                                         {QStringLiteral("server.port"), QStringLiteral("4242")}};
    QString got;
    const std::optional<QString> result = Script::substitute(text, values, &got);
    if (error.isEmpty()) {
        QVERIFY2(result, qPrintable(got));
        QCOMPARE(*result, expected);
    } else {
        QVERIFY(!result);
        QVERIFY2(got.contains(error), qPrintable(got));
    }
}

void TestScript::summariesReadAsAReportLine_data()
{
    QTest::addColumn<QByteArray>("step");
    QTest::addColumn<QString>("summary");
    QTest::newRow("open client") << QByteArray(R"({"open": "client", "connect": "127.0.0.1:7000", "frame": "line"})")
                                 << QStringLiteral("open client (tcp connect 127.0.0.1:7000)");
    QTest::newRow("open server") << QByteArray(R"({"open": "s", "listen": "[::1]:0", "frame": "len:2", "echo": true})")
                                 << QStringLiteral("open s (tcp listen [::1]:0, frame len:2, echo)");
    QTest::newRow("open udp") << QByteArray(R"({"open": "rx", "bind": "[::1]:0"})")
                              << QStringLiteral("open rx (udp bind [::1]:0)");
    QTest::newRow("send") << QByteArray(R"({"send": "PING 1\n", "to": "client"})")
                          << QStringLiteral("send \"PING 1\\n\" to client");
    QTest::newRow("expect regex") << QByteArray(R"({"expect": "^PONG 1$", "as": "regex", "on": "client"})")
                                  << QStringLiteral("expect /^PONG 1$/ on client");
    QTest::newRow("expect, other within") << QByteArray(R"({"expect": "hi", "within": 500})")
                                          << QStringLiteral("expect \"hi\" within 500 ms");
    QTest::newRow("wait") << QByteArray(R"({"wait": 20})") << QStringLiteral("wait 20 ms");
    QTest::newRow("close") << QByteArray(R"({"close": "client"})") << QStringLiteral("close client");
}

void TestScript::summariesReadAsAReportLine()
{
    QFETCH(QByteArray, step);
    QFETCH(QString, summary);
    QString error;
    const std::optional<Script> read =
        Script::fromJson(QJsonDocument::fromJson(script(step)).object(), &error);
    QVERIFY2(read, qPrintable(error));
    QCOMPARE(read->steps.first().summary(), summary);
}

QTEST_GUILESS_MAIN(TestScript)
#include "tst_script.moc"
