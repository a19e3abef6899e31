// sockplay-cli tls-listen and tls-connect against openssl and Python's ssl
// module (tests/peers/tls_peer.py), and their usage errors (exit code 2).

#include "clisupport.h"
#include "peers/peerprocess.h"
#include "tlstestsupport.h"

#include <QTest>

using namespace SockPlayTest;

class TestCliTls : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void tlsListenAnswersAPythonClientThroughARule();
    void tlsListenShowsEachHandshakeWithVerbose();
    void tlsConnectVerifiesAndTalksToAPythonServer();
    void tlsConnectRefusesAnUntrustedServer();
    void tlsConnectInsecureGoesOnWithANote();
    void tlsConnectOffersAlpnToOpensslServer();
    void badInputExitsWithTwo_data();
    void badInputExitsWithTwo();

private:
    QString m_openssl;
    QString m_python;
    TestPki m_pki;
};

void TestCliTls::initTestCase()
{
    SOCKPLAY_REQUIRE_PROGRAM(openssl, "openssl");
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");
    m_openssl = openssl;
    m_python = python;
    QVERIFY2(m_pki.make(m_openssl), qPrintable(m_pki.error));
}

void TestCliTls::tlsListenAnswersAPythonClientThroughARule()
{
    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), {QStringLiteral("tls-listen"), QStringLiteral("--self-signed"), QStringLiteral("--once"),
                                  QStringLiteral("--frame"), QStringLiteral("line"), QStringLiteral("--reply"),
                                  QStringLiteral("exact:PING=>PONG\\n"), QStringLiteral("0")}));
    const quint16 port = cli.waitForCliPort();
    QVERIFY2(port != 0, qPrintable(cli.errText()));

    PeerProcess client;
    QVERIFY(client.startPython(m_python, QStringLiteral("tls_peer.py"),
                               {QStringLiteral("client"), QStringLiteral("--port"), QString::number(port),
                                QStringLiteral("--insecure"), QStringLiteral("--send"), QStringLiteral("PING"),
                                QStringLiteral("--send"), QStringLiteral("plain"), QStringLiteral("--expect"),
                                QStringLiteral("1")}));
    QVERIFY2(client.waitForExit(), client.err().constData());
    QVERIFY2(client.out().endsWith("\nPONG\n"), client.out().constData());
    // --once: the server ends when its client leaves; what the client sent was printed, decrypted.
    QVERIFY2(cli.waitForExit(), qPrintable(cli.errText()));
    QCOMPARE(cli.exitCode(), 0);
    QVERIFY2(cli.out().contains("PING") && cli.out().contains("plain"), cli.out().constData());
}

void TestCliTls::tlsListenShowsEachHandshakeWithVerbose()
{
    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), {QStringLiteral("tls-listen"), QStringLiteral("--cert"), m_pki.server(),
                                  QStringLiteral("--key"), m_pki.serverKey(), QStringLiteral("--alpn"),
                                  QStringLiteral("h2"), QStringLiteral("--echo"), QStringLiteral("-v"), QStringLiteral("0")}));
    const quint16 port = cli.waitForCliPort();
    QVERIFY2(port != 0, qPrintable(cli.errText()));

    PeerProcess client;
    QVERIFY(client.start(m_openssl, {QStringLiteral("s_client"), QStringLiteral("-connect"),
                                     QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("-CAfile"), m_pki.ca(),
                                     QStringLiteral("-verify_return_error"), QStringLiteral("-alpn"), QStringLiteral("h2"),
                                     QStringLiteral("-quiet")}));
    client.write("echo me\n");
    QVERIFY2(client.waitForOutput(8), client.err().constData());
    QCOMPARE(client.out(), QByteArray("echo me\n"));
    QVERIFY(!cli.waitForMatch(QRegularExpression(QStringLiteral("(secured.*TLSv1\\.3, TLS_\\S+, ALPN h2)")),
                              QProcess::StandardError).isEmpty());
}

void TestCliTls::tlsConnectVerifiesAndTalksToAPythonServer()
{
    PeerProcess server;
    const quint16 port = server.startPythonServer(m_python, QStringLiteral("tls_peer.py"),
                                                  {QStringLiteral("server"), QStringLiteral("--cert"), m_pki.server(),
                                                   QStringLiteral("--key"), m_pki.serverKey()});
    QVERIFY2(port != 0, qPrintable(server.errText()));
    // "bye" makes the server close: TLS has no half-close, so the server ends it.
    const CliRun run = runCli({QStringLiteral("tls-connect"), QStringLiteral("--ca"), m_pki.ca(), QStringLiteral("127.0.0.1"),
                               QString::number(port), QStringLiteral("hello\\nbye\\n")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QByteArray("echo: hello\n"));
    QVERIFY2(run.err.contains("secured: TLSv1.3, TLS_"), run.err.constData());
    QVERIFY2(run.err.contains("TLS cannot half-close"), run.err.constData());
}

void TestCliTls::tlsConnectRefusesAnUntrustedServer()
{
    PeerProcess server;
    const quint16 port = server.startPythonServer(m_python, QStringLiteral("tls_peer.py"),
                                                  {QStringLiteral("server"), QStringLiteral("--cert"), m_pki.selfSigned(),
                                                   QStringLiteral("--key"), m_pki.selfSignedKey()});
    QVERIFY2(port != 0, qPrintable(server.errText()));
    const CliRun run = runCli({QStringLiteral("tls-connect"), QStringLiteral("--ca"), m_pki.ca(), QStringLiteral("127.0.0.1"),
                               QString::number(port), QStringLiteral("hello\\n")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("certificate verification failed: the certificate is self-signed, and untrusted"),
             run.err.constData());
    QVERIFY2(run.err.contains("--insecure"), run.err.constData());
    QCOMPARE(run.out, QByteArray());
}

void TestCliTls::tlsConnectInsecureGoesOnWithANote()
{
    PeerProcess server;
    const quint16 port = server.startPythonServer(m_python, QStringLiteral("tls_peer.py"),
                                                  {QStringLiteral("server"), QStringLiteral("--cert"), m_pki.selfSigned(),
                                                   QStringLiteral("--key"), m_pki.selfSignedKey()});
    QVERIFY2(port != 0, qPrintable(server.errText()));
    const CliRun run = runCli({QStringLiteral("tls-connect"), QStringLiteral("--insecure"), QStringLiteral("127.0.0.1"),
                               QString::number(port), QStringLiteral("hello\\nbye\\n")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QByteArray("echo: hello\n"));
    QVERIFY2(run.err.contains("ignored (verification off): the certificate is self-signed, and untrusted"),
             run.err.constData());
}

void TestCliTls::tlsConnectOffersAlpnToOpensslServer()
{
    PeerProcess server;
    QVERIFY(server.start(m_openssl, {QStringLiteral("s_server"), QStringLiteral("-accept"), QStringLiteral("127.0.0.1:0"),
                                     QStringLiteral("-cert"), m_pki.server(), QStringLiteral("-key"), m_pki.serverKey(),
                                     QStringLiteral("-alpn"), QStringLiteral("http/1.1"), QStringLiteral("-rev")}));
    const quint16 port = quint16(server.waitForMatch(QRegularExpression(QStringLiteral("ACCEPT 127\\.0\\.0\\.1:(\\d+)")),
                                                     QProcess::StandardOutput).toUInt());
    QVERIFY2(port != 0, qPrintable(server.errText()));
    // s_server -rev closes on a line CLOSE.
    const CliRun run = runCli({QStringLiteral("tls-connect"), QStringLiteral("--ca"), m_pki.ca(), QStringLiteral("--sni"),
                               QStringLiteral("localhost"), QStringLiteral("--alpn"), QStringLiteral("h2,http/1.1"),
                               QStringLiteral("127.0.0.1"), QString::number(port), QStringLiteral("stressed\\nCLOSE\\n")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.startsWith("desserts\n"), run.out.constData());
    QVERIFY2(run.err.contains(", ALPN http/1.1"), run.err.constData());
}

void TestCliTls::badInputExitsWithTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("reason");
    const QString missing = m_pki.path(QStringLiteral("missing.pem"));
    QTest::newRow("listen without a certificate") << QStringList{QStringLiteral("tls-listen"), QStringLiteral("0")}
                                                  << QStringLiteral("--self-signed");
    QTest::newRow("certificate without its key")
        << QStringList{QStringLiteral("tls-listen"), QStringLiteral("--cert"), m_pki.server(), QStringLiteral("0")}
        << QStringLiteral("--cert needs --key FILE");
    QTest::newRow("unreadable certificate")
        << QStringList{QStringLiteral("tls-listen"), QStringLiteral("--cert"), missing, QStringLiteral("--key"),
                       m_pki.serverKey(), QStringLiteral("0")}
        << QStringLiteral("cannot read the certificate file ") + missing;
    QTest::newRow("bad PEM") << QStringList{QStringLiteral("tls-listen"), QStringLiteral("--cert"),
                                            m_pki.path(QStringLiteral("ext.cnf")), QStringLiteral("--key"),
                                            m_pki.serverKey(), QStringLiteral("0")}
                             << QStringLiteral("holds no certificate");
    QTest::newRow("key of another certificate")
        << QStringList{QStringLiteral("tls-listen"), QStringLiteral("--cert"), m_pki.server(), QStringLiteral("--key"),
                       m_pki.selfSignedKey(), QStringLiteral("0")}
        << QStringLiteral("does not belong to the certificate");
    QTest::newRow("self-signed and a file")
        << QStringList{QStringLiteral("tls-listen"), QStringLiteral("--self-signed"), QStringLiteral("--pkcs12"),
                       missing, QStringLiteral("0")}
        << QStringLiteral("--self-signed makes the certificate now");
    QTest::newRow("unreadable CA") << QStringList{QStringLiteral("tls-connect"), QStringLiteral("--ca"), missing,
                                                  QStringLiteral("127.0.0.1"), QStringLiteral("443")}
                                   << QStringLiteral("cannot read the certificate file ") + missing;
    QTest::newRow("empty ALPN name") << QStringList{QStringLiteral("tls-connect"), QStringLiteral("--alpn"),
                                                    QStringLiteral("h2,,x"), QStringLiteral("127.0.0.1"),
                                                    QStringLiteral("443")}
                                     << QStringLiteral("an ALPN protocol name is empty");
    QTest::newRow("a UDP-only option") << QStringList{QStringLiteral("tls-connect"), QStringLiteral("--sim-loss"),
                                                          QStringLiteral("5"), QStringLiteral("127.0.0.1"),
                                                          QStringLiteral("443")}
                                           << QStringLiteral("the simulated link is for UDP only");
}

void TestCliTls::badInputExitsWithTwo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, reason);
    const CliRun run = runCli(arguments);
    QCOMPARE(run.exitCode, 2);
    const QString err = QString::fromUtf8(run.err).trimmed();
    QVERIFY2(err.contains(reason), qPrintable(err));
    QVERIFY2(!err.contains(u'\n'), qPrintable(err)); // one line
}

QTEST_GUILESS_MAIN(TestCliTls)
#include "tst_cli_tls.moc"
