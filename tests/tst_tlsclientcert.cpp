// Client certificates and PKCS#12, end to end: our TLS server asking for a
// client certificate (openssl s_client -cert/-key, Python's ssl with
// load_cert_chain), our client presenting one to openssl s_server -Verify 1,
// and a server whose identity is a PKCS#12 file made by openssl pkcs12
// -export. Certificates are made per run (tlstestsupport.h).

#include "endpoint.h"
#include "eventlog.h"
#include "peers/peerprocess.h"
#include "testsupport.h"
#include "tlsclientendpoint.h"
#include "tlsserverendpoint.h"
#include "tlstestsupport.h"

#include <QDir>
#include <QSignalSpy>
#include <QTest>

using namespace SockPlay;
using namespace SockPlayTest;

namespace {

QStringList detailsOf(const EventLog &log, int endpointId, EventKind kind)
{
    QStringList details;
    for (const Event &e : SockPlay::Test::eventsOf(log, endpointId, kind))
        details.append(e.detail);
    return details;
}

EndpointConfig serverConfig(const TlsSpec &tls)
{
    EndpointConfig config;
    config.transport = Transport::Tls;
    config.role = Role::Server;
    config.host = QStringLiteral("127.0.0.1");
    config.tls = tls;
    config.echo = true;
    return config;
}

} // namespace

class TestTlsClientCert : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void serverAsksForAClientCertificate_data();
    void serverAsksForAClientCertificate();
    void ourClientPresentsACertificateToOpensslServer_data();
    void ourClientPresentsACertificateToOpensslServer();
    void serverLoadsPkcs12FromOpenssl_data();
    void serverLoadsPkcs12FromOpenssl();

private:
    QString m_openssl;
    QString m_python;
    TestPki m_pki;
};

void TestTlsClientCert::initTestCase()
{
    SOCKPLAY_REQUIRE_PROGRAM(openssl, "openssl");
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");
    m_openssl = openssl;
    m_python = python;
    QVERIFY2(m_pki.make(m_openssl), qPrintable(m_pki.error));
}

void TestTlsClientCert::serverAsksForAClientCertificate_data()
{
    QTest::addColumn<QString>("peer");  // "openssl" or "python"
    QTest::addColumn<QString>("cert");  // the client certificate presented; empty: none
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("error"); // the server's error; empty: accepted
    const QString noCertificate = QStringLiteral("certificate verification failed: the peer did not present any certificate");
    for (const QString &peer : {QStringLiteral("openssl"), QStringLiteral("python")}) {
        QTest::addRow("%s, certificate from the CA", qPrintable(peer)) << peer << m_pki.client() << m_pki.clientKey() << QString();
        QTest::addRow("%s, no certificate", qPrintable(peer)) << peer << QString() << QString() << noCertificate;
        // Not vouched for by --ca: each of OpenSSL's reasons is an error of the connection.
        QTest::addRow("%s, self-signed certificate", qPrintable(peer))
            << peer << m_pki.selfSigned() << m_pki.selfSignedKey()
            << QStringLiteral("certificate verification failed: the certificate is self-signed, and untrusted (CN=127.0.0.1)");
    }
}

void TestTlsClientCert::serverAsksForAClientCertificate()
{
    QFETCH(QString, peer);
    QFETCH(QString, cert);
    QFETCH(QString, key);
    QFETCH(QString, error);
    EventLog log;
    TlsServerEndpoint server(QStringLiteral("server"), &log);
    TlsSpec spec;
    spec.certificateFile = m_pki.server();
    spec.keyFile = m_pki.serverKey();
    spec.caFile = m_pki.ca();
    spec.verifyPeer = true; // --verify-client
    const Result started = server.start(serverConfig(spec));
    QVERIFY2(started, qPrintable(started.error));
    QVERIFY(detailsOf(log, server.id(), EventKind::Note).contains(QStringLiteral("clients must present a certificate we can verify")));

    PeerProcess client;
    const QString port = QString::number(server.localPort());
    QStringList arguments;
    if (peer == QLatin1String("openssl")) {
        arguments = {QStringLiteral("s_client"), QStringLiteral("-connect"), QStringLiteral("127.0.0.1:") + port,
                     QStringLiteral("-CAfile"), m_pki.ca(), QStringLiteral("-quiet")};
        if (!cert.isEmpty())
            arguments += {QStringLiteral("-cert"), cert, QStringLiteral("-key"), key};
        QVERIFY(client.start(m_openssl, arguments));
        client.write("hello\n");
    } else {
        arguments = {QStringLiteral("client"), QStringLiteral("--port"), port, QStringLiteral("--ca"), m_pki.ca(),
                     QStringLiteral("--send"), QStringLiteral("hello"), QStringLiteral("--expect"), QStringLiteral("1")};
        if (!cert.isEmpty())
            arguments += {QStringLiteral("--cert"), cert, QStringLiteral("--key"), key};
        QVERIFY(client.startPython(m_python, QStringLiteral("tls_peer.py"), arguments));
    }
    // The connection ends one way or the other: secured and echoed, or closed after its error.
    QTRY_VERIFY_WITH_TIMEOUT(SockPlay::Test::bytesOf(log, server.id(), EventKind::AutoReplied) == "hello\n"
                                 || !detailsOf(log, server.id(), EventKind::Closed).isEmpty(),
                             PeerTimeoutMs);
    const QStringList errors = detailsOf(log, server.id(), EventKind::Error);
    const QStringList certificates = detailsOf(log, server.id(), EventKind::Certificate);
    if (error.isEmpty()) {
        QCOMPARE(errors, QStringList());
        QCOMPARE(detailsOf(log, server.id(), EventKind::Secured).size(), 1);
        // The client's certificate, as the log shows a peer's chain (its CA after it, as verified).
        QVERIFY(!certificates.isEmpty());
        QVERIFY2(certificates.first().startsWith(QLatin1String("subject CN=SockPlay Test Client, issuer CN=SockPlay Test CA")),
                 qPrintable(certificates.first()));
        QVERIFY2(certificates.size() == 1 || certificates.last().startsWith(QLatin1String("subject CN=SockPlay Test CA")),
                 qPrintable(certificates.join(u'\n')));
        // Its "secured …" line comes first: wait for the echo itself, not for any 6 bytes.
        QTRY_VERIFY2_WITH_TIMEOUT(client.out().endsWith("hello\n"), QByteArray(client.out() + client.err()).constData(),
                                  PeerTimeoutMs);
        return;
    }
    QCOMPARE(detailsOf(log, server.id(), EventKind::Secured), QStringList());
    QVERIFY2(!errors.isEmpty() && errors.first() == error, qPrintable(errors.join(u'\n')));
    QTRY_COMPARE(server.connectionCount(), 0);
    QVERIFY(server.isActive());
    QCOMPARE(SockPlay::Test::bytesOf(log, server.id(), EventKind::Received), QByteArray());
}

void TestTlsClientCert::ourClientPresentsACertificateToOpensslServer_data()
{
    QTest::addColumn<bool>("present");
    QTest::newRow("with a client certificate") << true;
    QTest::newRow("without one") << false;
}

void TestTlsClientCert::ourClientPresentsACertificateToOpensslServer()
{
    QFETCH(bool, present);
    PeerProcess opensslServer;
    QVERIFY(opensslServer.start(m_openssl, {QStringLiteral("s_server"), QStringLiteral("-accept"), QStringLiteral("127.0.0.1:0"),
                                            QStringLiteral("-cert"), m_pki.server(), QStringLiteral("-key"), m_pki.serverKey(),
                                            QStringLiteral("-CAfile"), m_pki.ca(), QStringLiteral("-Verify"),
                                            QStringLiteral("1"), QStringLiteral("-rev")}));
    const quint16 port = quint16(opensslServer.waitForMatch(QRegularExpression(QStringLiteral("ACCEPT 127\\.0\\.0\\.1:(\\d+)")),
                                                            QProcess::StandardOutput).toUInt());
    QVERIFY2(port != 0, qPrintable(opensslServer.errText()));

    EventLog log;
    TlsClientEndpoint client(QStringLiteral("client"), &log);
    EndpointConfig config;
    config.transport = Transport::Tls;
    config.role = Role::Client;
    config.host = QStringLiteral("127.0.0.1");
    config.port = port;
    config.tls.caFile = m_pki.ca();
    if (present) {
        config.tls.certificateFile = m_pki.client();
        config.tls.keyFile = m_pki.clientKey();
    }
    QVERIFY(client.start(config));
    QCOMPARE(detailsOf(log, client.id(), EventKind::Note).join(u'\n').contains(QStringLiteral("our certificate (from ")),
             present);
    QTRY_VERIFY_WITH_TIMEOUT(!detailsOf(log, client.id(), EventKind::Secured).isEmpty()
                                 || !detailsOf(log, client.id(), EventKind::Closed).isEmpty(),
                             PeerTimeoutMs);
    if (present) {
        QVERIFY(client.send(Endpoint::AllConnections, "hello\n"));
        QTRY_COMPARE_WITH_TIMEOUT(SockPlay::Test::bytesOf(log, client.id(), EventKind::Received), QByteArray("olleh\n"),
                                  PeerTimeoutMs);
        // openssl says whom it verified.
        QVERIFY2(!opensslServer.waitForMatch(QRegularExpression(QStringLiteral("Peer certificate: (CN = SockPlay Test Client)")),
                                             QProcess::StandardError).isEmpty(),
                 qPrintable(opensslServer.errText()));
        QCOMPARE(detailsOf(log, client.id(), EventKind::Error), QStringList());
        return;
    }
    // TLS 1.3: the client is done with its handshake before the server checks
    // it; the server's refusal arrives as an alert, and the connection ends.
    QTRY_VERIFY_WITH_TIMEOUT(!detailsOf(log, client.id(), EventKind::PeerClosed).isEmpty()
                                 || !detailsOf(log, client.id(), EventKind::Closed).isEmpty(),
                             PeerTimeoutMs);
    QString all;
    for (const Event &e : log.snapshot())
        all += eventKindName(e.kind) + u' ' + e.detail + u'\n';
    const QString notes = detailsOf(log, client.id(), EventKind::Note).join(u'\n');
    QVERIFY2(notes.contains(QLatin1String("TLS alert from the peer (fatal): ")), qPrintable(all));
    QCOMPARE(SockPlay::Test::bytesOf(log, client.id(), EventKind::Received), QByteArray());
}

void TestTlsClientCert::serverLoadsPkcs12FromOpenssl_data()
{
    QTest::addColumn<QString>("passphrase");
    QTest::addColumn<bool>("starts");
    QTest::newRow("right passphrase") << TestPki::pkcs12Passphrase() << true;
    QTest::newRow("wrong passphrase") << QStringLiteral("wrong horse") << false;
    QTest::newRow("no passphrase") << QString() << false;
}

void TestTlsClientCert::serverLoadsPkcs12FromOpenssl()
{
    QFETCH(QString, passphrase);
    QFETCH(bool, starts);
    EventLog log;
    TlsServerEndpoint server(QStringLiteral("server"), &log);
    TlsSpec spec;
    spec.pkcs12File = m_pki.serverPkcs12();
    spec.passphrase = passphrase;
    spec.verifyPeer = false;
    const Result started = server.start(serverConfig(spec));
    if (!starts) {
        // A clear refusal at Start, naming the file: nothing listens.
        QVERIFY(!started);
        QCOMPARE(started.error, QStringLiteral("cannot start the TLS server: %1 is not a PKCS#12 file that can be read "
                                               "with this passphrase")
                                    .arg(QDir::toNativeSeparators(m_pki.serverPkcs12())));
        QVERIFY(!server.isActive());
        QCOMPARE(server.localPort(), quint16(0));
        return;
    }
    QVERIFY2(started, qPrintable(started.error));
    const QString notes = detailsOf(log, server.id(), EventKind::Note).join(u'\n');
    QVERIFY2(notes.contains(QStringLiteral("our certificate (from %1): subject CN=localhost, issuer CN=SockPlay Test CA")
                                .arg(QDir::toNativeSeparators(m_pki.serverPkcs12()))),
             qPrintable(notes));

    // Python verifies the certificate from the PKCS#12 file against the CA.
    PeerProcess client;
    QVERIFY(client.startPython(m_python, QStringLiteral("tls_peer.py"),
                               {QStringLiteral("client"), QStringLiteral("--port"), QString::number(server.localPort()),
                                QStringLiteral("--ca"), m_pki.ca(), QStringLiteral("--send"), QStringLiteral("hello"),
                                QStringLiteral("--expect"), QStringLiteral("1")}));
    QVERIFY2(client.waitForExit(), client.err().constData());
    QCOMPARE(client.exitCode(), 0);
    QVERIFY2(client.out().startsWith("secured TLSv1.3 "), client.out().constData());
    QVERIFY2(client.out().endsWith("hello\n"), client.out().constData());
}

QTEST_GUILESS_MAIN(TestTlsClientCert)

#include "tst_tlsclientcert.moc"
