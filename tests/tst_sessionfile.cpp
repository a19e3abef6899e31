// The session file: what is written reads back equal (endpoints with their
// framing and rules, the library, the script), and a broken, hostile or newer
// file is refused whole, with an error that names the endpoint and the key.
#include "sessionfile.h"

#include <QBuffer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace SockPlay;

namespace {

std::optional<SessionDocument> readBytes(const QByteArray &data, QString *error)
{
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    return SessionFile::read(&buffer, error);
}

/// A version-1 session around the given JSON endpoints (and more top-level keys).
QByteArray session(const QByteArray &endpoints, const QByteArray &more = {})
{
    return R"({"format": "sockplay-session", "version": 1, "endpoints": [)" + endpoints + "]" + more + "}";
}

const QByteArray Server = R"({"name": "server", "role": "server", "port": 7000})";

SessionDocument example()
{
    EndpointConfig server;
    server.name = QStringLiteral("server");
    server.role = Role::Server;
    server.host = QStringLiteral("::1");
    server.port = 7000;
    server.echo = true;
    server.maxConnections = 5;
    server.frame = *FrameSpec::parse(QStringLiteral("len:2le+incl@1"), nullptr);
    server.rules = {*Rule::parse(QStringLiteral("prefix:PING=>PONG\\n;delay:20"), nullptr),
                    *Rule::parse(QStringLiteral("connect=>hello"), nullptr)};
    server.rules[1].enabled = false;

    EndpointConfig client;
    client.name = QStringLiteral("probe");
    client.role = Role::Client;
    client.transport = Transport::Udp;
    client.host = QStringLiteral("localhost");
    client.localHost = QStringLiteral("127.0.0.1");
    client.port = 9;
    client.simLink.lossPercent = 12.5;
    client.simLink.duplicatePercent = 3;
    client.simLink.delayMs = 40;
    client.simLink.jitterMs = 10;
    client.simLink.seed = 99;
    client.simLink.direction = SimLinkSpec::Direction::Receive;

    SessionDocument document;
    document.endpoints = {server, client};
    document.library = {{QStringLiteral("ping"), PayloadMode::Text, QStringLiteral("PING\\t1"), LineEnding::CrLf},
                        {QStringLiteral("bytes"), PayloadMode::Hex, QStringLiteral("de ad"), LineEnding::None}};
    QString error;
    document.script = Script::fromJson(QJsonDocument::fromJson(R"({"name": "check", "variables": {"port": "7000"},
        "steps": [{"open": "c", "connect": "127.0.0.1:${port}"}, {"send": "PING\n", "to": "c"},
                  {"expect": "^PONG", "as": "regex", "on": "c", "within": 500}, {"close": "c"}]})").object(), &error);
    return document;
}

} // namespace

class TestSessionFile : public QObject
{
    Q_OBJECT

private slots:
    void roundTripKeepsEverything();
    void theExampleReadsBackThroughAFile();
    void brokenOrNewerFilesAreRefusedWhole_data();
    void brokenOrNewerFilesAreRefusedWhole();
    void defaultsFillWhatIsLeftOut();
    void noDelayAndRelayRoundTripAndStayOutWhenOff_data();
    void noDelayAndRelayRoundTripAndStayOutWhenOff();
    void writeRefusesWhatTheReaderWouldRefuse();
    void simLinkIsWrittenOnlyWhenActive();
    void unwritablePathSaysWhy();
};

void TestSessionFile::roundTripKeepsEverything()
{
    const SessionDocument document = example();
    QVERIFY(document.script);
    QString error;
    const std::optional<QByteArray> data = SessionFile::toJson(document, &error);
    QVERIFY2(data, qPrintable(error));
    const std::optional<SessionDocument> back = readBytes(*data, &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->endpoints.size(), 2);
    QCOMPARE(back->endpoints.at(0).rules, document.endpoints.at(0).rules);
    QCOMPARE(back->endpoints.at(0).frame.toString(), QStringLiteral("len:2le+incl@1"));
    QVERIFY(back->endpoints.at(0) == document.endpoints.at(0));
    QVERIFY(back->endpoints.at(1) == document.endpoints.at(1));
    QCOMPARE(back->library, document.library);
    QVERIFY(back->script == document.script);
    QVERIFY(*back == document);
}

void TestSessionFile::theExampleReadsBackThroughAFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sub/demo.json"));
    const Result written = SessionFile::writeFile(path, example());
    QVERIFY2(written, qPrintable(written.error));
    QString error;
    const std::optional<SessionDocument> back = SessionFile::readFile(path, &error);
    QVERIFY2(back, qPrintable(error));
    QVERIFY(*back == example());
}

void TestSessionFile::brokenOrNewerFilesAreRefusedWhole_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("error");

    QTest::newRow("not JSON") << QByteArray("{\"format\": ") << QStringLiteral("not valid JSON at line 1");
    QTest::newRow("an array") << QByteArray("[]") << QStringLiteral("the top level must be a JSON object");
    QTest::newRow("a message library") << QByteArray(R"({"format": "sockplay-messages", "version": 1, "messages": []})")
                                       << QStringLiteral("not a SockPlay session file: \"format\" is \"sockplay-messages\"");
    QTest::newRow("newer version") << QByteArray(R"({"format": "sockplay-session", "version": 2, "endpoints": []})")
                                   << QStringLiteral("this session file is version 2, from a newer SockPlay; this SockPlay reads version 1");
    QTest::newRow("unknown top key") << session(Server, R"(, "endpionts": [])") << QStringLiteral("unknown key \"endpionts\"");
    QTest::newRow("endpoints missing") << QByteArray(R"({"format": "sockplay-session", "version": 1})")
                                       << QStringLiteral("\"endpoints\" is missing");
    QTest::newRow("endpoint not an object") << session("7") << QStringLiteral("endpoint 1: must be an object, not a number");
    QTest::newRow("role missing") << session(R"({"name": "s", "port": 1})") << QStringLiteral("endpoint 1 (\"s\"): \"role\" is missing");
    QTest::newRow("bad role") << session(R"({"name": "s", "role": "peer"})") << QStringLiteral("\"role\" is \"peer\"; expected \"server\" or \"client\"");
    QTest::newRow("bad transport") << session(R"({"name": "s", "role": "server", "transport": "sctp"})")
                                   << QStringLiteral("\"transport\" is \"sctp\"; expected \"tcp\", \"udp\", \"tls\", \"dtls\", \"websocket\" or \"relay\"");
    QTest::newRow("port too big") << session(R"({"name": "s", "role": "server", "port": 70000})")
                                  << QStringLiteral("\"port\" must be a whole number from 0 to 65535, not 70000");
    QTest::newRow("port as text") << session(R"({"name": "s", "role": "server", "port": "80"})")
                                  << QStringLiteral("\"port\" must be a whole number from 0 to 65535, not a string");
    QTest::newRow("client without port") << session(R"({"name": "c", "role": "client"})")
                                         << QStringLiteral("a client needs the server's port");
    QTest::newRow("bad frame") << session(R"({"name": "s", "role": "server", "frame": "len:3"})")
                               << QStringLiteral("endpoint 1 (\"s\"): \"frame\" is \"len:3\"");
    QTest::newRow("bad rule") << session(R"({"name": "s", "role": "server", "rules": [{"rule": "regex:(=>x"}]})")
                              << QStringLiteral("rule 1: \"regex:(=>x\" is not a rule");
    QTest::newRow("rule as text") << session(R"({"name": "s", "role": "server", "rules": ["any=>x"]})")
                                  << QStringLiteral("rule 1: must be an object, not a string");
    QTest::newRow("unknown endpoint key") << session(R"({"name": "s", "role": "server", "echos": true})")
                                          << QStringLiteral("endpoint 1 (\"s\"): unknown key \"echos\"");
    QTest::newRow("echo as text") << session(R"({"name": "s", "role": "server", "echo": "yes"})")
                                  << QStringLiteral("\"echo\" must be true or false, not a string");
    QTest::newRow("relay on a client") << session(R"({"name": "c", "role": "client", "port": 1, "relay": true})")
                                       << QStringLiteral("\"relay\" is for servers only");
    QTest::newRow("noDelay on UDP") << session(R"({"name": "u", "role": "server", "transport": "udp", "noDelay": true})")
                                    << QStringLiteral("\"noDelay\" is for TCP and TLS endpoints only");
    QTest::newRow("relay as text") << session(R"({"name": "s", "role": "server", "relay": "yes"})")
                                   << QStringLiteral("\"relay\" must be true or false, not a string");
    QTest::newRow("two of one name") << session(Server + "," + Server)
                                     << QStringLiteral("endpoint 2: the name \"server\" is taken by an earlier endpoint");
    QTest::newRow("bad library entry") << session(Server, R"(, "library": [{"name": "x", "mode": "hex", "payload": "zz", "lineEnding": "none"}])")
                                       << QStringLiteral("library: message 1 (\"x\"): \"payload\" is not valid hex");
    QTest::newRow("script not an object") << session(Server, R"(, "script": [])")
                                          << QStringLiteral("\"script\" must be an object, not an array");
    QTest::newRow("broken script") << session(Server, R"(, "script": {"steps": [{"jump": 1}]})")
                                   << QStringLiteral("script: step 1");
    QByteArray many;
    for (int i = 0; i <= SessionFile::MaxEndpoints; ++i)
        many += (i ? "," : "") + QByteArray(R"({"name": "s)") + QByteArray::number(i) + R"(", "role": "server"})";
    const QByteArray udp = R"({"name": "u", "role": "server", "transport": "udp", "simLink": )";
    QTest::newRow("sim loss over 100") << session(udp + R"({"lossPercent": 120}})")
                                       << QStringLiteral("endpoint 1 (\"u\"): \"simLink\": \"lossPercent\" must be a number from 0 to 100, not 120");
    QTest::newRow("sim dup as text") << session(udp + R"({"duplicatePercent": "5"}})")
                                     << QStringLiteral("\"duplicatePercent\" must be a number from 0 to 100, not not a number");
    QTest::newRow("sim negative delay") << session(udp + R"({"delayMs": -5}})")
                                        << QStringLiteral("\"delayMs\" must be a whole number from 0 to 60000, not -5");
    QTest::newRow("sim jitter over delay") << session(udp + R"({"delayMs": 5, "jitterMs": 9}})")
                                           << QStringLiteral("\"jitterMs\" (9) must not exceed \"delayMs\" (5)");
    QTest::newRow("sim seed negative") << session(udp + R"({"lossPercent": 1, "seed": -1}})")
                                       << QStringLiteral("\"seed\" must be a whole number");
    QTest::newRow("sim bad side") << session(udp + R"({"lossPercent": 1, "on": "both"}})")
                                  << QStringLiteral("\"on\" must be \"send\" or \"receive\"");
    QTest::newRow("sim unknown key") << session(udp + R"({"loss": 5}})") << QStringLiteral("\"simLink\": unknown key \"loss\"");
    QTest::newRow("sim not an object") << session(udp + R"(10})") << QStringLiteral("\"simLink\" must be an object, not a number");
    QTest::newRow("sim on TCP") << session(R"({"name": "t", "role": "server", "simLink": {"lossPercent": 5}})")
                                << QStringLiteral("\"simLink\" is for UDP endpoints and UDP relays");
    QTest::newRow("too many endpoints") << session(many) << QStringLiteral("endpoints; at most 1000");
    QTest::newRow("too big") << session(Server) + QByteArray(SessionFile::MaxFileBytes, ' ')
                             << QStringLiteral("the file is too big");
}

void TestSessionFile::brokenOrNewerFilesAreRefusedWhole()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, error);
    QString said;
    const std::optional<SessionDocument> read = readBytes(data, &said);
    QVERIFY(!read);
    QVERIFY2(said.contains(error), qPrintable(QStringLiteral("%1\nwanted: %2").arg(said, error)));
}

void TestSessionFile::defaultsFillWhatIsLeftOut()
{
    QString error;
    const std::optional<SessionDocument> read = readBytes(session(Server), &error);
    QVERIFY2(read, qPrintable(error));
    const EndpointConfig &config = read->endpoints.constFirst();
    const EndpointConfig defaults;
    QCOMPARE(config.transport, Transport::Tcp);
    QCOMPARE(config.host, defaults.host);
    QCOMPARE(config.maxConnections, defaults.maxConnections);
    QVERIFY(config.rules.isEmpty());
    QVERIFY(read->library.isEmpty());
    QVERIFY(!read->script);
}

void TestSessionFile::noDelayAndRelayRoundTripAndStayOutWhenOff_data()
{
    QTest::addColumn<bool>("noDelay");
    QTest::addColumn<bool>("relay");
    QTest::newRow("both on") << true << true;
    QTest::newRow("TCP_NODELAY only") << true << false;
    QTest::newRow("relay only") << false << true;
    QTest::newRow("both off") << false << false;
}

void TestSessionFile::noDelayAndRelayRoundTripAndStayOutWhenOff()
{
    QFETCH(bool, noDelay);
    QFETCH(bool, relay);
    SessionDocument document;
    EndpointConfig server;
    server.name = QStringLiteral("chat");
    server.noDelay = noDelay;
    server.relayToOthers = relay;
    EndpointConfig client;
    client.name = QStringLiteral("Alice");
    client.role = Role::Client;
    client.port = 7000;
    client.noDelay = noDelay;
    document.endpoints = {server, client};
    QString error;
    const std::optional<QByteArray> data = SessionFile::toJson(document, &error);
    QVERIFY2(data, qPrintable(error));
    // Off, they are not written: older readers and diffs see the same file as before.
    QCOMPARE(data->contains("\"noDelay\""), noDelay);
    QCOMPARE(data->contains("\"relay\""), relay);
    const std::optional<SessionDocument> back = readBytes(*data, &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->endpoints.at(0).noDelay, noDelay);
    QCOMPARE(back->endpoints.at(0).relayToOthers, relay);
    QCOMPARE(back->endpoints.at(1).noDelay, noDelay);
    QVERIFY(*back == document);
}

void TestSessionFile::writeRefusesWhatTheReaderWouldRefuse()
{
    SessionDocument document = example();
    document.library.append({QStringLiteral("broken"), PayloadMode::Hex, QStringLiteral("xyz"), LineEnding::None});
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.json"));
    const Result written = SessionFile::writeFile(path, document);
    QVERIFY(!written);
    QVERIFY2(written.error.contains(QStringLiteral("library: message 3")), qPrintable(written.error));
    QVERIFY(!QFile::exists(path));
}

void TestSessionFile::simLinkIsWrittenOnlyWhenActive()
{
    const SessionDocument document = example();
    QCOMPARE(SessionFile::endpointToJson(document.endpoints.at(1)).value(QStringLiteral("simLink")).toObject(),
             QJsonObject({{QStringLiteral("lossPercent"), 12.5}, {QStringLiteral("duplicatePercent"), 3},
                          {QStringLiteral("delayMs"), 40}, {QStringLiteral("jitterMs"), 10},
                          {QStringLiteral("seed"), 99}, {QStringLiteral("on"), QStringLiteral("receive")}}));
    // Off, or on a TCP endpoint (where it means nothing): not written at all.
    EndpointConfig off = document.endpoints.at(1);
    off.simLink = {};
    QVERIFY(!SessionFile::endpointToJson(off).contains(QStringLiteral("simLink")));
    EndpointConfig tcp = document.endpoints.at(0);
    tcp.simLink.lossPercent = 10;
    QVERIFY(!SessionFile::endpointToJson(tcp).contains(QStringLiteral("simLink")));
}

void TestSessionFile::unwritablePathSaysWhy()
{
    QTemporaryDir dir;
    QFile blocker(dir.filePath(QStringLiteral("file")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    // A folder where a file is: the path cannot be made.
    const QString path = dir.filePath(QStringLiteral("file/s.json"));
    const Result written = SessionFile::writeFile(path, example());
    QVERIFY(!written);
    QVERIFY2(written.error.startsWith(path), qPrintable(written.error));
}

QTEST_GUILESS_MAIN(TestSessionFile)
#include "tst_sessionfile.moc"
