// sockplay-cli ws-connect wss://… with tls-connect's options (--ca,
// --insecure, --sni, --cert/--key, --pkcs12/--passphrase) against Python's
// websockets over Python's ssl (tests/peers/ws_peer.py server --cert/--key
// [--client-ca]), and their usage errors.

#include "clisupport.h"
#include "tlstestsupport.h"
#include "wstestsupport.h"

#include <QTest>

using namespace SockPlayTest;

class TestCliWssClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void verification_data();
    void verification();
    void clientCertificate_data();
    void clientCertificate();
    void usageErrors_data();
    void usageErrors();

private:
    TestPki m_pki;
};

void TestCliWssClient::initTestCase()
{
    SOCKPLAY_REQUIRE_PROGRAM(openssl, "openssl");
    QVERIFY2(m_pki.make(openssl), qPrintable(m_pki.error));
}

void TestCliWssClient::verification_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("stderrHas");
    QTest::newRow("unknown CA: exit 1 with the reason and the way out")
        << QStringList() << 1
        << QStringLiteral("certificate verification failed: the issuer certificate of a locally looked up certificate "
                          "could not be found (CN=localhost) — trust its issuer with --ca FILE, or connect without "
                          "verifying with --insecure");
    QTest::newRow("--ca passes") << QStringList{QStringLiteral("--ca"), m_pki.ca()} << 0
                                 << QStringLiteral("secured: TLSv1.3, TLS_");
    QTest::newRow("--insecure passes, saying what it ignored")
        << QStringList{QStringLiteral("--insecure")} << 0
        << QStringLiteral("sockplay-cli: ignored (verification off): the issuer certificate");
    QTest::newRow("--sni another name: refused")
        << QStringList{QStringLiteral("--ca"), m_pki.ca(), QStringLiteral("--sni"), QStringLiteral("example.org")} << 1
        << QStringLiteral("the host name did not match any of the valid hosts");
}

void TestCliWssClient::verification()
{
    QFETCH(QStringList, options);
    QFETCH(int, exitCode);
    QFETCH(QString, stderrHas);
    SOCKPLAY_REQUIRE_WEBSOCKETS_PYTHON(python);
    PeerProcess server;
    const quint16 port = startWssPeer(server, python, m_pki);
    QVERIFY2(port != 0, qPrintable(server.errText()));
    const CliRun run = runCli(QStringList{QStringLiteral("ws-connect")} + options
                              + QStringList{QStringLiteral("wss://127.0.0.1:%1/").arg(port), QStringLiteral("hello")});
    const QString err = QString::fromUtf8(run.err);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(err.contains(stderrHas), qPrintable(err));
    // The echo came back only when it connected.
    QCOMPARE(run.out, exitCode == 0 ? QByteArray("hello\n") : QByteArray());
}

void TestCliWssClient::clientCertificate_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::newRow("--cert and --key") << QStringList{QStringLiteral("--cert"), m_pki.client(), QStringLiteral("--key"),
                                                     m_pki.clientKey()};
    QTest::newRow("--pkcs12 and --passphrase") << QStringList{QStringLiteral("--pkcs12"), m_pki.clientPkcs12(),
                                                              QStringLiteral("--passphrase"), TestPki::pkcs12Passphrase()};
}

void TestCliWssClient::clientCertificate()
{
    QFETCH(QStringList, options);
    SOCKPLAY_REQUIRE_WEBSOCKETS_PYTHON(python);
    PeerProcess server;
    const quint16 port = startWssPeer(server, python, m_pki, /*requireClientCertificate=*/true);
    QVERIFY2(port != 0, qPrintable(server.errText()));
    const CliRun run = runCli(QStringList{QStringLiteral("ws-connect"), QStringLiteral("--ca"), m_pki.ca()} + options
                              + QStringList{QStringLiteral("wss://127.0.0.1:%1/").arg(port), QStringLiteral("mutual")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(run.out, QByteArray("mutual\n"));
    QVERIFY2(waitForLine(server, QStringLiteral("peer-cert SockPlay Test Client")), server.out().constData());
}

void TestCliWssClient::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("reason");
    const QString wss = QStringLiteral("wss://127.0.0.1:8443/");
    QTest::newRow("--ca on ws://") << QStringList{QStringLiteral("--ca"), m_pki.ca(), QStringLiteral("ws://127.0.0.1:80/")}
                                   << QStringLiteral("--ca is for wss:// URLs (ws:// has no TLS)");
    QTest::newRow("--cert without --key") << QStringList{QStringLiteral("--cert"), m_pki.client(), wss}
                                          << QStringLiteral("--cert needs --key FILE");
    QTest::newRow("missing --ca file") << QStringList{QStringLiteral("--ca"), m_pki.path(QStringLiteral("nope.pem")), wss}
                                       << QStringLiteral("nope.pem");
    QTest::newRow("wrong --passphrase") << QStringList{QStringLiteral("--pkcs12"), m_pki.clientPkcs12(),
                                                       QStringLiteral("--passphrase"), QStringLiteral("wrong horse"), wss}
                                        << QStringLiteral("is not a PKCS#12 file that can be read with this passphrase");
    QTest::newRow("bad --alpn") << QStringList{QStringLiteral("--alpn"), QStringLiteral("h2,,x"), wss}
                                << QStringLiteral("invalid value for --alpn: an ALPN protocol name is empty");
}

void TestCliWssClient::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, reason);
    const CliRun run = runCli(QStringList{QStringLiteral("ws-connect")} + arguments);
    QCOMPARE(run.exitCode, 2);
    const QString err = QString::fromUtf8(run.err);
    QVERIFY2(err.contains(reason), qPrintable(err));
    QCOMPARE(err.trimmed().count(QLatin1Char('\n')), 0); // one line
}

QTEST_GUILESS_MAIN(TestCliWssClient)

#include "tst_cli_wssclient.moc"
