// sockplay-cli ws-listen and ws-connect against Python's websockets package
// (tests/peers/ws_peer.py), and their usage errors.

#include "clisupport.h"
#include "tlstestsupport.h"
#include "wstestsupport.h"

#include <QDir>
#include <QTcpServer>
#include <QTest>

using namespace SockPlayTest;

class TestCliWebSocket : public QObject
{
    Q_OBJECT

private slots:
    void listenEchoesToPythonClient();
    void listenTlsServesWssFromPkcs12();
    void listenTlsRefusesAWrongPassphrase();
    void connectToPythonServer_data();
    void connectToPythonServer();
    void connectPings();
    void usageErrors_data();
    void usageErrors();
    void connectRefused();
};

void TestCliWebSocket::listenEchoesToPythonClient()
{
    SOCKPLAY_REQUIRE_WEBSOCKETS_PYTHON(python);
    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), {QStringLiteral("ws-listen"), QStringLiteral("--echo"), QStringLiteral("--path"),
                                  QStringLiteral("/chat"), QStringLiteral("--subprotocol"), QStringLiteral("chat"),
                                  QStringLiteral("0")}));
    const quint16 port = cli.waitForCliPort();
    QVERIFY2(port != 0, qPrintable(cli.errText()));
    PeerProcess peer;
    QVERIFY(peer.startPython(python, QStringLiteral("ws_peer.py"),
                             {QStringLiteral("client"), QStringLiteral("ws://127.0.0.1:%1/chat").arg(port),
                              QStringLiteral("--subprotocol"), QStringLiteral("chat")}));
    QVERIFY2(waitForLine(peer, QStringLiteral("connected chat")), qPrintable(peer.errText()));
    peer.write("text hello\nbinary 6869\n");
    QVERIFY2(waitForLine(peer, QStringLiteral("text hello")), peer.out().constData());
    QVERIFY2(waitForLine(peer, QStringLiteral("binary 6869")), peer.out().constData());
    // Each message is a line of the CLI's output.
    QVERIFY(cli.waitForOutput(9));
    QCOMPARE(cli.out(), QByteArray("hello\nhi\n"));
}

void TestCliWebSocket::listenTlsServesWssFromPkcs12()
{
    SOCKPLAY_REQUIRE_PROGRAM(openssl, "openssl");
    SOCKPLAY_REQUIRE_WEBSOCKETS_PYTHON(python);
    TestPki pki;
    QVERIFY2(pki.make(openssl), qPrintable(pki.error));
    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), {QStringLiteral("ws-listen"), QStringLiteral("--tls"), QStringLiteral("--pkcs12"),
                                  pki.serverPkcs12(), QStringLiteral("--passphrase"), TestPki::pkcs12Passphrase(),
                                  QStringLiteral("--echo"), QStringLiteral("-v"), QStringLiteral("0")}));
    const quint16 port = cli.waitForCliPort();
    QVERIFY2(port != 0, qPrintable(cli.errText()));
    QVERIFY2(!cli.waitForMatch(QRegularExpression(QStringLiteral("(serving wss://127\\.0\\.0\\.1:\\d+/)")),
                               QProcess::StandardError).isEmpty(),
             qPrintable(cli.errText()));
    // Python verifies the certificate from the PKCS#12 file against its CA.
    PeerProcess peer;
    QVERIFY(peer.startPython(python, QStringLiteral("ws_peer.py"),
                             {QStringLiteral("client"), QStringLiteral("wss://127.0.0.1:%1/").arg(port),
                              QStringLiteral("--ca"), pki.ca()}));
    QVERIFY2(waitForLine(peer, QStringLiteral("connected -")), qPrintable(peer.errText()));
    peer.write("text over wss\n");
    QVERIFY2(waitForLine(peer, QStringLiteral("text over wss")), peer.out().constData());
    // -v: the TLS handshake, then the upgrade.
    QVERIFY(!cli.waitForMatch(QRegularExpression(QStringLiteral("(secured.*TLSv1\\.3, TLS_\\S+)")),
                              QProcess::StandardError).isEmpty());
    QVERIFY(!cli.waitForMatch(QRegularExpression(QStringLiteral("(HTTP upgrade: GET / HTTP/1\\.1)")),
                              QProcess::StandardError).isEmpty());
    QVERIFY(cli.waitForOutput(9));
    QCOMPARE(cli.out(), QByteArray("over wss\n"));
}

void TestCliWebSocket::listenTlsRefusesAWrongPassphrase()
{
    SOCKPLAY_REQUIRE_PROGRAM(openssl, "openssl");
    TestPki pki;
    QVERIFY2(pki.make(openssl), qPrintable(pki.error));
    const CliRun run = runCli({QStringLiteral("ws-listen"), QStringLiteral("--tls"), QStringLiteral("--pkcs12"),
                               pki.serverPkcs12(), QStringLiteral("--passphrase"), QStringLiteral("wrong"),
                               QStringLiteral("0")});
    QCOMPARE(run.exitCode, 2);
    const QString err = QString::fromUtf8(run.err);
    QVERIFY2(err.contains(QStringLiteral("%1 is not a PKCS#12 file that can be read with this passphrase")
                              .arg(QDir::toNativeSeparators(pki.serverPkcs12()))),
             qPrintable(err));
    QCOMPARE(err.trimmed().count(QLatin1Char('\n')), 0); // one line
}

void TestCliWebSocket::connectToPythonServer_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("printed");
    QTest::addColumn<QString>("serverSaw");
    QTest::newRow("message, close 1000")
        << QStringList{} << QByteArray() << QByteArray("hello\n") << QStringLiteral("closed 1000 ");
    QTest::newRow("stdin lines, close 4000")
        << QStringList{QStringLiteral("--close-code"), QStringLiteral("4000"), QStringLiteral("--close-reason"),
                       QStringLiteral("custom")}
        << QByteArray("one\ntwo\n") << QByteArray("one\ntwo\n") << QStringLiteral("closed 4000 custom");
    QTest::newRow("binary, header") << QStringList{QStringLiteral("--binary"), QStringLiteral("--header"),
                                                   QStringLiteral("X-Token: abc")}
                                    << QByteArray("hi\n") << QByteArray("hi\n") << QStringLiteral("header X-Token: abc");
}

void TestCliWebSocket::connectToPythonServer()
{
    QFETCH(QStringList, options);
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, printed);
    QFETCH(QString, serverSaw);
    SOCKPLAY_REQUIRE_WEBSOCKETS_PYTHON(python);
    PeerProcess server;
    const quint16 port = server.startPythonServer(python, QStringLiteral("ws_peer.py"), {QStringLiteral("server")});
    QVERIFY2(port != 0, qPrintable(server.errText()));
    QStringList arguments = QStringList{QStringLiteral("ws-connect"), QStringLiteral("--linger"), QStringLiteral("2000")}
        + options + QStringList{QStringLiteral("ws://127.0.0.1:%1/").arg(port)};
    if (input.isEmpty())
        arguments.append(QStringLiteral("hello"));
    const CliRun run = runCli(arguments, input);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, printed);
    QVERIFY2(!server.waitForMatch(QRegularExpression(QStringLiteral("(%1)").arg(QRegularExpression::escape(serverSaw))),
                                  QProcess::StandardOutput).isEmpty(),
             server.out().constData());
    if (options.contains(QStringLiteral("--binary")))
        QVERIFY(server.out().contains("binary 6869\n"));
}

void TestCliWebSocket::connectPings()
{
    SOCKPLAY_REQUIRE_WEBSOCKETS_PYTHON(python);
    PeerProcess server;
    const quint16 port = server.startPythonServer(python, QStringLiteral("ws_peer.py"), {QStringLiteral("server")});
    QVERIFY2(port != 0, qPrintable(server.errText()));
    const CliRun run = runCli({QStringLiteral("ws-connect"), QStringLiteral("--ping"), QStringLiteral("--linger"),
                               QStringLiteral("1000"), QStringLiteral("ws://127.0.0.1:%1/").arg(port),
                               QStringLiteral("x")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.contains("pong received, round trip"), run.err.constData());
}

void TestCliWebSocket::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("reason");
    QTest::newRow("http URL") << QStringList{QStringLiteral("ws-connect"), QStringLiteral("http://127.0.0.1:80/")}
                              << QStringLiteral("not a ws:// or wss:// URL");
    QTest::newRow("no host") << QStringList{QStringLiteral("ws-connect"), QStringLiteral("ws:///x")}
                             << QStringLiteral("names no host");
    QTest::newRow("bad port") << QStringList{QStringLiteral("ws-connect"), QStringLiteral("ws://127.0.0.1:99999/")}
                              << QStringLiteral("the port must be 1–65535");
    QTest::newRow("insecure without wss")
        << QStringList{QStringLiteral("ws-connect"), QStringLiteral("--insecure"), QStringLiteral("ws://127.0.0.1:80/")}
        << QStringLiteral("--insecure is for wss://");
    QTest::newRow("bad header")
        << QStringList{QStringLiteral("ws-connect"), QStringLiteral("--header"), QStringLiteral("no colon"),
                       QStringLiteral("ws://127.0.0.1:80/")}
        << QStringLiteral("is not a header");
    QTest::newRow("close code never sent")
        << QStringList{QStringLiteral("ws-connect"), QStringLiteral("--close-code"), QStringLiteral("1006"),
                       QStringLiteral("ws://127.0.0.1:80/")}
        << QStringLiteral("never sent");
    QTest::newRow("framing") << QStringList{QStringLiteral("ws-listen"), QStringLiteral("--frame"),
                                            QStringLiteral("line"), QStringLiteral("0")}
                             << QStringLiteral("each WebSocket message is one message already");
    QTest::newRow("path without slash") << QStringList{QStringLiteral("ws-listen"), QStringLiteral("--path"),
                                                       QStringLiteral("chat"), QStringLiteral("0")}
                                        << QStringLiteral("--path must start with /");
    QTest::newRow("certificate without --tls")
        << QStringList{QStringLiteral("ws-listen"), QStringLiteral("--self-signed"), QStringLiteral("0")}
        << QStringLiteral("--self-signed is for wss:// servers: add --tls");
    QTest::newRow("--tls without a certificate") << QStringList{QStringLiteral("ws-listen"), QStringLiteral("--tls"),
                                                                QStringLiteral("0")}
                                                 << QStringLiteral("a TLS server needs a certificate");
}

void TestCliWebSocket::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, reason);
    const CliRun run = runCli(arguments);
    QCOMPARE(run.exitCode, 2);
    const QString err = QString::fromUtf8(run.err);
    QVERIFY2(err.contains(reason), qPrintable(err));
    QCOMPARE(err.trimmed().count(QLatin1Char('\n')), 0); // one line
}

void TestCliWebSocket::connectRefused()
{
    // A port nobody listens on: bound, then closed.
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    const CliRun run = runCli({QStringLiteral("ws-connect"), QStringLiteral("ws://127.0.0.1:%1/").arg(port)});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("cannot connect to ws://127.0.0.1:"), run.err.constData());
}

QTEST_GUILESS_MAIN(TestCliWebSocket)
#include "tst_cli_websocket.moc"
