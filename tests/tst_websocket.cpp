// WebSocket endpoints against Python's websockets package (tests/peers/ws_peer.py):
// our server with its client, our client with its server, over loopback with
// ports the system picks. Every wait runs the event loop; nothing sleeps.

#include "session.h"
#include "testsupport.h"
#include "websockettext.h"
#include "wstestsupport.h"

#include <QSignalSpy>
#include <QTest>

using namespace SockPlay;
using namespace SockPlayTest;
using SockPlay::Test::bytesOf;

class TestWebSocket : public QObject
{
    Q_OBJECT

private slots:
    void urls_data();
    void urls();
    void serverKeepsKindsAndEchoes();
    void serverRuleReply();
    void serverLogsPingFromClient();
    void serverSeesClientClose_data() { closeRows(); }
    void serverSeesClientClose();
    void serverClosesWithCode_data() { closeRows(); }
    void serverClosesWithCode();
    void serverSubprotocolAndHeader();
    void serverOversizedMessage();
    void serverGarbageInsteadOfUpgrade_data();
    void serverGarbageInsteadOfUpgrade();
    void clientKeepsKinds();
    void clientPingPong();
    void clientLogsPingFromServer();
    void clientSeesServerClose_data() { closeRows(); }
    void clientSeesServerClose();
    void clientClosesWithCode_data() { closeRows(); }
    void clientClosesWithCode();
    void clientSubprotocolAndHeader();
    void closeCodeRefused();

private:
    static void closeRows();
    /// Our server on 127.0.0.1, port 0; its port.
    quint16 startServer(Session &session, int *id, EndpointConfig config = {});
    /// Python's server; its port.
    quint16 startPythonServer(PeerProcess &peer, const QString &python, const QStringList &arguments = {});
    /// Our client to ws://127.0.0.1:port/path, connected.
    bool startClient(Session &session, int *id, quint16 port, EndpointConfig config = {});
    /// Python's client to our server, connected (it printed "connected ...").
    bool startPythonClient(PeerProcess &peer, const QString &python, quint16 port, const QString &path = QStringLiteral("/"),
                           const QStringList &arguments = {});
};

void TestWebSocket::closeRows()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("shown");
    QTest::newRow("1000 normal") << 1000 << QStringLiteral("bye") << QStringLiteral("1000 normal: bye");
    QTest::newRow("1001 going away") << 1001 << QStringLiteral("leaving") << QStringLiteral("1001 going away: leaving");
    QTest::newRow("4000 custom") << 4000 << QStringLiteral("custom") << QStringLiteral("4000 application-defined: custom");
}

quint16 TestWebSocket::startServer(Session &session, int *id, EndpointConfig config)
{
    config.transport = Transport::WebSocket;
    config.role = Role::Server;
    config.host = QStringLiteral("127.0.0.1");
    config.port = 0;
    *id = session.addEndpoint(config);
    session.start(*id, config);
    return session.snapshot(*id).localPort;
}

quint16 TestWebSocket::startPythonServer(PeerProcess &peer, const QString &python, const QStringList &arguments)
{
    return peer.startPythonServer(python, QStringLiteral("ws_peer.py"), QStringList{QStringLiteral("server")} + arguments);
}

bool TestWebSocket::startClient(Session &session, int *id, quint16 port, EndpointConfig config)
{
    config.transport = Transport::WebSocket;
    config.role = Role::Client;
    config.host = QStringLiteral("127.0.0.1");
    config.port = port;
    *id = session.addEndpoint(config);
    session.start(*id, config);
    const int endpoint = *id;
    return QTest::qWaitFor([&] { return session.snapshot(endpoint).isActive(); }, PeerTimeoutMs);
}

bool TestWebSocket::startPythonClient(PeerProcess &peer, const QString &python, quint16 port, const QString &path,
                                      const QStringList &arguments)
{
    const QString url = QStringLiteral("ws://127.0.0.1:%1%2").arg(port).arg(path);
    if (!peer.startPython(python, QStringLiteral("ws_peer.py"), QStringList{QStringLiteral("client"), url} + arguments))
        return false;
    return !peer.waitForMatch(QRegularExpression(QStringLiteral("(connected \\S+)\\n")), QProcess::StandardOutput)
                .isEmpty();
}

void TestWebSocket::urls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("secure");
    QTest::newRow("ws with port and path") << "ws://127.0.0.1:8080/chat" << true << "127.0.0.1" << 8080 << "/chat" << false;
    QTest::newRow("ws default port and path") << "ws://example.org" << true << "example.org" << 80 << "/" << false;
    QTest::newRow("wss default port") << "wss://example.org/a?b=c" << true << "example.org" << 443 << "/a?b=c" << true;
    QTest::newRow("ipv6") << "ws://[::1]:9000/" << true << "::1" << 9000 << "/" << false;
    QTest::newRow("http is not ws") << "http://127.0.0.1:80/" << false << "" << 0 << "" << false;
    QTest::newRow("no scheme") << "127.0.0.1:80" << false << "" << 0 << "" << false;
    QTest::newRow("no host") << "ws:///chat" << false << "" << 0 << "" << false;
    QTest::newRow("port too big") << "ws://127.0.0.1:99999/" << false << "" << 0 << "" << false;
    QTest::newRow("port not a number") << "ws://127.0.0.1:abc/" << false << "" << 0 << "" << false;
    QTest::newRow("port 0") << "ws://127.0.0.1:0/" << false << "" << 0 << "" << false;
}

void TestWebSocket::urls()
{
    QFETCH(QString, url);
    QFETCH(bool, ok);
    EndpointConfig config;
    const Result parsed = WebSocketText::parseUrl(url, &config);
    QCOMPARE(bool(parsed), ok);
    if (!ok) {
        QVERIFY(!parsed.error.isEmpty());
        return;
    }
    QTEST(config.host, "host");
    QTEST(int(config.port), "port");
    QTEST(config.path, "path");
    QTEST(config.secure, "secure");
}

void TestWebSocket::serverKeepsKindsAndEchoes()
{
    SOCKPLAY_REQUIRE_WEBSOCKETS_PYTHON(python);
    Session session;
    int server = 0;
    EndpointConfig config;
    config.echo = true;
    const quint16 port = startServer(session, &server, config);
    QVERIFY(port != 0);
    PeerProcess peer;
    QVERIFY2(startPythonClient(peer, python, port), qPrintable(peer.errText()));
    peer.write("text hello\nbinary 0102ff\n");
    QVERIFY2(waitForLine(peer, QStringLiteral("text hello")), peer.out().constData());
    QVERIFY2(waitForLine(peer, QStringLiteral("binary 0102ff")), peer.out().constData());
    const EventLog &log = *session.log();
    QCOMPARE(detailsOf(log, server, EventKind::Received), (QStringList{QStringLiteral("text"), QStringLiteral("binary")}));
    QCOMPARE(detailsOf(log, server, EventKind::AutoReplied), (QStringList{QStringLiteral("text"), QStringLiteral("binary")}));
    QCOMPARE(bytesOf(log, server, EventKind::Received), QByteArray("hello\x01\x02\xff"));
}

void TestWebSocket::serverRuleReply()
{
    SOCKPLAY_REQUIRE_WEBSOCKETS_PYTHON(python);
    Session session;
    int server = 0;
    EndpointConfig config;
    QString error;
    config.rules = {*Rule::parse(QStringLiteral("exact:ping=>pong"), &error)};
    const quint16 port = startServer(session, &server, config);
    PeerProcess peer;
    QVERIFY2(startPythonClient(peer, python, port), qPrintable(peer.errText()));
    peer.write("text nothing\ntext ping\n");
    QVERIFY2(waitForLine(peer, QStringLiteral("text pong")), peer.out().constData());
    QVERIFY(!peer.out().contains("text nothing"));
    QCOMPARE(detailsOf(*session.log(), server, EventKind::AutoReplied), QStringList{QStringLiteral("text")});
}

void TestWebSocket::serverLogsPingFromClient()
{
    SOCKPLAY_REQUIRE_WEBSOCKETS_PYTHON(python);
    Session session;
    int server = 0;
    const quint16 port = startServer(session, &server);
    PeerProcess peer;
    QVERIFY2(startPythonClient(peer, python, port), qPrintable(peer.errText()));
    peer.write("ping abc\n");
    QVERIFY2(waitForLine(peer, QStringLiteral("pong abc")), peer.out().constData());
    QTRY_VERIFY(hasDetail(*session.log(), server, EventKind::Note, QStringLiteral("ping received (“abc”)")));
}

void TestWebSocket::serverSeesClientClose()
{
    QFETCH(int, code);
    QFETCH(QString, reason);
    QFETCH(QString, shown);
    SOCKPLAY_REQUIRE_WEBSOCKETS_PYTHON(python);
    Session session;
    int server = 0;
    const quint16 port = startServer(session, &server);
    PeerProcess peer;
    QVERIFY2(startPythonClient(peer, python, port), qPrintable(peer.errText()));
    peer.write(QStringLiteral("close %1 %2\n").arg(code).arg(reason).toUtf8());
    QTRY_VERIFY_WITH_TIMEOUT(!detailsOf(*session.log(), server, EventKind::PeerClosed).isEmpty(), PeerTimeoutMs);
    const QString detail = detailsOf(*session.log(), server, EventKind::PeerClosed).constFirst();
    QVERIFY2(detail.contains(QStringLiteral("the client closed the connection: ") + shown), qPrintable(detail));
    QVERIFY(detailsOf(*session.log(), server, EventKind::Closed).isEmpty());
}

void TestWebSocket::serverClosesWithCode()
{
    QFETCH(int, code);
    QFETCH(QString, reason);
    QFETCH(QString, shown);
    SOCKPLAY_REQUIRE_WEBSOCKETS_PYTHON(python);
    Session session;
    int server = 0;
    const quint16 port = startServer(session, &server);
    PeerProcess peer;
    QVERIFY2(startPythonClient(peer, python, port), qPrintable(peer.errText()));
    QTRY_COMPARE(session.connections(server).size(), 1);
    session.closeWithCode(server, session.connections(server).constFirst().id, code, reason);
    QVERIFY2(waitForLine(peer, QStringLiteral("closed %1 %2").arg(code).arg(reason)), peer.out().constData());
    QTRY_VERIFY(hasDetail(*session.log(), server, EventKind::Closed, QStringLiteral("closed by us: ") + shown));
}

void TestWebSocket::serverSubprotocolAndHeader()
{
    SOCKPLAY_REQUIRE_WEBSOCKETS_PYTHON(python);
    Session session;
    int server = 0;
    EndpointConfig config;
    config.path = QStringLiteral("/chat");
    config.subprotocols = {QStringLiteral("superchat"), QStringLiteral("chat")};
    const quint16 port = startServer(session, &server, config);
    PeerProcess peer;
    QVERIFY2(startPythonClient(peer, python, port, QStringLiteral("/chat"),
                               {QStringLiteral("--subprotocol"), QStringLiteral("chat"), QStringLiteral("--header"),
                                QStringLiteral("X-Token: abc123")}),
             qPrintable(peer.errText() + QString::fromUtf8(peer.out())));
    QVERIFY(peer.out().contains("connected chat\n"));
    QTRY_VERIFY(hasDetail(*session.log(), server, EventKind::Note, QStringLiteral("GET /chat HTTP/1.1 → 101 Switching Protocols")));
    QVERIFY(hasDetail(*session.log(), server, EventKind::Note, QStringLiteral("subprotocol “chat”")));
    QVERIFY(hasDetail(*session.log(), server, EventKind::Note, QStringLiteral("X-Token: abc123")));
}

void TestWebSocket::serverOversizedMessage()
{
    SOCKPLAY_REQUIRE_WEBSOCKETS_PYTHON(python);
    Session session;
    int server = 0;
    EndpointConfig config;
    config.echo = true;
    config.maxMessageBytes = 1024;
    const quint16 port = startServer(session, &server, config);
    PeerProcess big;
    QVERIFY2(startPythonClient(big, python, port), qPrintable(big.errText()));
    big.write("big 1000\nbig 2000\n");
    QVERIFY2(waitForLine(big, QStringLiteral("text ") + QString(1000, QLatin1Char('x'))), big.out().constData());
    QVERIFY2(!big.waitForMatch(QRegularExpression(QStringLiteral("(closed 1009) ")), QProcess::StandardOutput).isEmpty(),
             big.out().right(200).constData());
    QTRY_VERIFY(hasDetail(*session.log(), server, EventKind::Error, QStringLiteral("over the limit of 1024 bytes")));
    QTRY_VERIFY(hasDetail(*session.log(), server, EventKind::Closed, QStringLiteral("closed by us: 1009 message too big")));
    // The server serves on.
    PeerProcess next;
    QVERIFY2(startPythonClient(next, python, port), qPrintable(next.errText()));
    next.write("text still here\n");
    QVERIFY2(waitForLine(next, QStringLiteral("text still here")), next.out().constData());
}

void TestWebSocket::serverGarbageInsteadOfUpgrade_data()
{
    QTest::addColumn<QString>("sent");
    QTest::addColumn<QString>("logged");
    QTest::newRow("not HTTP") << QStringLiteral("HELLO there\r\n") << QStringLiteral("not a WebSocket upgrade");
    QTest::newRow("binary junk") << QStringLiteral("\x16\x03\x01") << QStringLiteral("not a WebSocket upgrade");
    QTest::newRow("HTTP without upgrade") << QStringLiteral("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
                                          << QStringLiteral("upgrade refused");
    QTest::newRow("wrong path") << QStringLiteral("GET /nowhere HTTP/1.1\r\n\r\n") << QStringLiteral("404 Not Found");
}

void TestWebSocket::serverGarbageInsteadOfUpgrade()
{
    QFETCH(QString, sent);
    QFETCH(QString, logged);
    SOCKPLAY_REQUIRE_WEBSOCKETS_PYTHON(python);
    Session session;
    int server = 0;
    const quint16 port = startServer(session, &server);
    PeerProcess peer;
    QVERIFY(peer.startPython(python, QStringLiteral("ws_peer.py"),
                             {QStringLiteral("garbage"), QStringLiteral("127.0.0.1"), QString::number(port), sent}));
    // Closed at once, not after the 10 s upgrade timeout (the peer gives up after 10 s too).
    QVERIFY2(waitForLine(peer, QStringLiteral("eof")), peer.out().constData());
    QTRY_VERIFY(hasDetail(*session.log(), server, EventKind::Error, logged));
    QTRY_COMPARE(session.snapshot(server).connectionCount, 0);
    QVERIFY(session.snapshot(server).isActive());
}

void TestWebSocket::clientKeepsKinds()
{
    SOCKPLAY_REQUIRE_WEBSOCKETS_PYTHON(python);
    PeerProcess peer;
    const quint16 port = startPythonServer(peer, python);
    QVERIFY2(port != 0, qPrintable(peer.errText()));
    Session session;
    int text = 0;
    QVERIFY(startClient(session, &text, port));
    int binary = 0;
    EndpointConfig binaryConfig;
    binaryConfig.binaryMessages = true;
    QVERIFY(startClient(session, &binary, port, binaryConfig));
    session.send(text, 0, "hello");
    session.send(binary, 0, "\x01\x02");
    session.send(text, 0, "\xff\xfe"); // not UTF-8: a binary message
    QVERIFY2(waitForLine(peer, QStringLiteral("text hello")), peer.out().constData());
    QVERIFY2(waitForLine(peer, QStringLiteral("binary 0102")), peer.out().constData());
    QVERIFY2(waitForLine(peer, QStringLiteral("binary fffe")), peer.out().constData());
    const EventLog &log = *session.log();
    QTRY_COMPARE(detailsOf(log, text, EventKind::Received),
                 (QStringList{QStringLiteral("text"), QStringLiteral("binary")}));
    QTRY_COMPARE(detailsOf(log, binary, EventKind::Received), QStringList{QStringLiteral("binary")});
    QCOMPARE(detailsOf(log, text, EventKind::Sent),
             (QStringList{QStringLiteral("text"), QStringLiteral("binary (not valid UTF-8, so not a text message)")}));
}

void TestWebSocket::clientPingPong()
{
    SOCKPLAY_REQUIRE_WEBSOCKETS_PYTHON(python);
    PeerProcess peer;
    const quint16 port = startPythonServer(peer, python);
    QVERIFY2(port != 0, qPrintable(peer.errText()));
    Session session;
    int client = 0;
    QVERIFY(startClient(session, &client, port));
    session.ping(client, 0, "tick");
    QTRY_VERIFY_WITH_TIMEOUT(hasDetail(*session.log(), client, EventKind::Note, QStringLiteral("pong received (“tick”), round trip")),
                             PeerTimeoutMs);
    QVERIFY(hasDetail(*session.log(), client, EventKind::Note, QStringLiteral("ping sent (“tick”)")));
}

void TestWebSocket::clientLogsPingFromServer()
{
    SOCKPLAY_REQUIRE_WEBSOCKETS_PYTHON(python);
    PeerProcess peer;
    const quint16 port = startPythonServer(peer, python);
    QVERIFY2(port != 0, qPrintable(peer.errText()));
    Session session;
    int client = 0;
    QVERIFY(startClient(session, &client, port));
    session.send(client, 0, "ping:xyz");
    QVERIFY2(waitForLine(peer, QStringLiteral("pong xyz")), peer.out().constData());
    QTRY_VERIFY(hasDetail(*session.log(), client, EventKind::Note, QStringLiteral("ping received (“xyz”)")));
}

void TestWebSocket::clientSeesServerClose()
{
    QFETCH(int, code);
    QFETCH(QString, reason);
    QFETCH(QString, shown);
    SOCKPLAY_REQUIRE_WEBSOCKETS_PYTHON(python);
    PeerProcess peer;
    const quint16 port = startPythonServer(peer, python);
    QVERIFY2(port != 0, qPrintable(peer.errText()));
    Session session;
    int client = 0;
    QVERIFY(startClient(session, &client, port));
    session.send(client, 0, QStringLiteral("close:%1:%2").arg(code).arg(reason).toUtf8());
    QTRY_VERIFY_WITH_TIMEOUT(!detailsOf(*session.log(), client, EventKind::PeerClosed).isEmpty(), PeerTimeoutMs);
    const QString detail = detailsOf(*session.log(), client, EventKind::PeerClosed).constFirst();
    QVERIFY2(detail.contains(QStringLiteral("the server closed the connection: ") + shown), qPrintable(detail));
    QTRY_COMPARE(session.snapshot(client).state, EndpointState::Idle);
}

void TestWebSocket::clientClosesWithCode()
{
    QFETCH(int, code);
    QFETCH(QString, reason);
    QFETCH(QString, shown);
    SOCKPLAY_REQUIRE_WEBSOCKETS_PYTHON(python);
    PeerProcess peer;
    const quint16 port = startPythonServer(peer, python);
    QVERIFY2(port != 0, qPrintable(peer.errText()));
    Session session;
    int client = 0;
    QVERIFY(startClient(session, &client, port));
    session.closeWithCode(client, 0, code, reason);
    QVERIFY2(waitForLine(peer, QStringLiteral("closed %1 %2").arg(code).arg(reason)), peer.out().constData());
    QTRY_VERIFY(hasDetail(*session.log(), client, EventKind::Closed, QStringLiteral("closed by us: ") + shown));
}

void TestWebSocket::clientSubprotocolAndHeader()
{
    SOCKPLAY_REQUIRE_WEBSOCKETS_PYTHON(python);
    PeerProcess peer;
    const quint16 port = startPythonServer(peer, python, {QStringLiteral("--subprotocol"), QStringLiteral("chat")});
    QVERIFY2(port != 0, qPrintable(peer.errText()));
    Session session;
    int client = 0;
    EndpointConfig config;
    config.path = QStringLiteral("/room/1");
    config.subprotocols = {QStringLiteral("other"), QStringLiteral("chat")};
    config.headers = {{"X-Token", "abc123"}};
    QVERIFY(startClient(session, &client, port, config));
    QVERIFY2(waitForLine(peer, QStringLiteral("open /room/1 chat")), peer.out().constData());
    QVERIFY2(waitForLine(peer, QStringLiteral("header X-Token: abc123")), peer.out().constData());
    QVERIFY(hasDetail(*session.log(), client, EventKind::Note, QStringLiteral("subprotocol “chat” (offered: other, chat)")));
}

void TestWebSocket::closeCodeRefused()
{
    SOCKPLAY_REQUIRE_WEBSOCKETS_PYTHON(python);
    PeerProcess peer;
    const quint16 port = startPythonServer(peer, python);
    QVERIFY2(port != 0, qPrintable(peer.errText()));
    Session session;
    int client = 0;
    QVERIFY(startClient(session, &client, port));
    QSignalSpy errors(&session, &Session::errorOccurred);
    session.closeWithCode(client, 0, 1006, QStringLiteral("never sent"));
    QCOMPARE(errors.size(), 1);
    QVERIFY(errors.constFirst().at(1).toString().contains(QStringLiteral("never sent")));
    QVERIFY(session.snapshot(client).isActive());
}

QTEST_GUILESS_MAIN(TestWebSocket)
#include "tst_websocket.moc"
