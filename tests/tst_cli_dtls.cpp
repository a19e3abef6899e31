// sockplay-cli dtls-listen and dtls-connect against openssl s_client -dtls
// and s_server -dtls, and their usage errors (exit code 2).

#include "clisupport.h"
#include "peers/peerprocess.h"
#include "tlstestsupport.h"

#include <QTest>

using namespace SockPlayTest;

class TestCliDtls : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void dtlsListenAnswersOpensslClientAndEndsOnCloseNotify();
    void dtlsConnectVerifiesAndTalksToOpensslServer();
    void dtlsConnectRefusesAnUntrustedServer();
    void badInputExitsWithTwo_data();
    void badInputExitsWithTwo();

private:
    QString m_openssl;
    TestPki m_pki;
};

void TestCliDtls::initTestCase()
{
    SOCKPLAY_REQUIRE_PROGRAM(openssl, "openssl");
    m_openssl = openssl;
    QVERIFY2(m_pki.make(m_openssl), qPrintable(m_pki.error));
}

void TestCliDtls::dtlsListenAnswersOpensslClientAndEndsOnCloseNotify()
{
    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), {QStringLiteral("dtls-listen"), QStringLiteral("--cert"), m_pki.server(),
                                  QStringLiteral("--key"), m_pki.serverKey(), QStringLiteral("--once"),
                                  QStringLiteral("--reply"), QStringLiteral("regex:^PING=>PONG\\n"), QStringLiteral("-v"),
                                  QStringLiteral("0")}));
    const quint16 port = cli.waitForCliPort();
    QVERIFY2(port != 0, qPrintable(cli.errText()));

    // Not -quiet: then a line "Q" makes s_client send close_notify and exit.
    PeerProcess client;
    QVERIFY(client.start(m_openssl, {QStringLiteral("s_client"), QStringLiteral("-dtls"), QStringLiteral("-connect"),
                                     QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("-CAfile"), m_pki.ca(),
                                     QStringLiteral("-verify_return_error")}));
    QVERIFY(!client.waitForMatch(QRegularExpression(QStringLiteral("(Verify return code: 0)")), QProcess::StandardOutput).isEmpty());
    client.write("PING\n");
    QVERIFY(!client.waitForMatch(QRegularExpression(QStringLiteral("(PONG)")), QProcess::StandardOutput).isEmpty());
    client.write("Q\n");
    QVERIFY2(cli.waitForExit(), qPrintable(cli.errText()));
    QCOMPARE(cli.exitCode(), 0);
    QCOMPARE(cli.out(), QByteArray("PING\n"));
    const QString err = cli.errText();
    QVERIFY2(err.contains(QLatin1String("HelloVerifyRequest sent")), qPrintable(err));
    QVERIFY2(err.contains(QRegularExpression(QStringLiteral("secured.*DTLSv1\\.2, "))), qPrintable(err));
    QVERIFY2(err.contains(QLatin1String("the peer sent close_notify")), qPrintable(err));
}

void TestCliDtls::dtlsConnectVerifiesAndTalksToOpensslServer()
{
    PeerProcess server;
    QVERIFY(server.start(m_openssl, {QStringLiteral("s_server"), QStringLiteral("-dtls"), QStringLiteral("-accept"),
                                     QStringLiteral("127.0.0.1:0"), QStringLiteral("-cert"), m_pki.server(),
                                     QStringLiteral("-key"), m_pki.serverKey(), QStringLiteral("-alpn"),
                                     QStringLiteral("coap")}));
    const quint16 port = quint16(server.waitForMatch(QRegularExpression(QStringLiteral("ACCEPT 127\\.0\\.0\\.1:(\\d+)")),
                                                     QProcess::StandardOutput).toUInt());
    QVERIFY2(port != 0, qPrintable(server.errText()));
    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), {QStringLiteral("dtls-connect"), QStringLiteral("--ca"), m_pki.ca(), QStringLiteral("--alpn"),
                                  QStringLiteral("h2,coap"), QStringLiteral("127.0.0.1"), QString::number(port),
                                  QStringLiteral("hello\\n")}));
    QVERIFY(!server.waitForMatch(QRegularExpression(QStringLiteral("(hello)")), QProcess::StandardOutput).isEmpty());
    server.write("from openssl\n");
    QVERIFY2(cli.waitForOutput(13), qPrintable(cli.errText()));
    QCOMPARE(cli.out(), QByteArray("from openssl\n"));
    // After MESSAGE it stays: DTLS has no half-close, and s_server never sends close_notify (it is killed here).
    QVERIFY(!cli.waitForMatch(QRegularExpression(QStringLiteral("(DTLS cannot half-close)")), QProcess::StandardError).isEmpty());
    const QString err = cli.errText();
    QVERIFY2(err.contains(QRegularExpression(QStringLiteral("secured: DTLSv1\\.2, \\S+, ALPN coap"))), qPrintable(err));
    QVERIFY(!cli.hasExited());
}

void TestCliDtls::dtlsConnectRefusesAnUntrustedServer()
{
    PeerProcess server;
    QVERIFY(server.start(m_openssl, {QStringLiteral("s_server"), QStringLiteral("-dtls"), QStringLiteral("-accept"),
                                     QStringLiteral("127.0.0.1:0"), QStringLiteral("-cert"), m_pki.selfSigned(),
                                     QStringLiteral("-key"), m_pki.selfSignedKey()}));
    const quint16 port = quint16(server.waitForMatch(QRegularExpression(QStringLiteral("ACCEPT 127\\.0\\.0\\.1:(\\d+)")),
                                                     QProcess::StandardOutput).toUInt());
    QVERIFY2(port != 0, qPrintable(server.errText()));
    const CliRun run = runCli({QStringLiteral("dtls-connect"), QStringLiteral("--ca"), m_pki.ca(), QStringLiteral("127.0.0.1"),
                               QString::number(port), QStringLiteral("hello\\n")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("certificate verification failed: the certificate is self-signed, and untrusted"),
             run.err.constData());
    QVERIFY2(run.err.contains("--insecure"), run.err.constData());
    QCOMPARE(run.out, QByteArray());
}

void TestCliDtls::badInputExitsWithTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("reason");
    const QString missing = m_pki.path(QStringLiteral("missing.pem"));
    QTest::newRow("listen without a certificate") << QStringList{QStringLiteral("dtls-listen"), QStringLiteral("0")}
                                                  << QStringLiteral("a DTLS server needs a certificate");
    QTest::newRow("certificate without its key")
        << QStringList{QStringLiteral("dtls-listen"), QStringLiteral("--cert"), m_pki.server(), QStringLiteral("0")}
        << QStringLiteral("--cert needs --key FILE");
    QTest::newRow("unreadable CA") << QStringList{QStringLiteral("dtls-connect"), QStringLiteral("--ca"), missing,
                                                  QStringLiteral("127.0.0.1"), QStringLiteral("4433")}
                                   << QStringLiteral("cannot read the certificate file ") + missing;
    QTest::newRow("a TCP option") << QStringList{QStringLiteral("dtls-connect"), QStringLiteral("--nodelay"),
                                                 QStringLiteral("127.0.0.1"), QStringLiteral("4433")}
                                  << QStringLiteral("--nodelay is a TCP option");
    QTest::newRow("port 0 to connect to") << QStringList{QStringLiteral("dtls-connect"), QStringLiteral("--insecure"),
                                                         QStringLiteral("127.0.0.1"), QStringLiteral("0")}
                                          << QStringLiteral("port");
}

void TestCliDtls::badInputExitsWithTwo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, reason);
    const CliRun run = runCli(arguments);
    QCOMPARE(run.exitCode, 2);
    const QString err = QString::fromUtf8(run.err).trimmed();
    QVERIFY2(err.contains(reason), qPrintable(err));
    QVERIFY2(!err.contains(u'\n'), qPrintable(err)); // one line
}

QTEST_GUILESS_MAIN(TestCliDtls)
#include "tst_cli_dtls.moc"
