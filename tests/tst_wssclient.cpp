// wss:// clients with the TLS client's settings (TlsSpec): our
// WebSocketClientEndpoint against Python's websockets over Python's ssl
// (tests/peers/ws_peer.py server --cert/--key [--client-ca]) and against
// openssl s_server: whom it trusts (the system's CAs, --ca), verification
// off, SNI, a client certificate (PEM, PKCS#12), the handshake's timeout,
// and the session file's "tls" object. Certificates are made per run
// (tlstestsupport.h); ports are the system's; nothing sleeps.

#include "endpoint.h"
#include "eventlog.h"
#include "sessionfile.h"
#include "testsupport.h"
#include "tlstestsupport.h"
#include "websocketclientendpoint.h"
#include "websockettext.h"
#include "wstestsupport.h"

#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace SockPlay;
using namespace SockPlayTest;

namespace {

EndpointConfig wssClientConfig(quint16 port, const TlsSpec &tls)
{
    EndpointConfig config;
    config.transport = Transport::WebSocket;
    config.role = Role::Client;
    config.host = QStringLiteral("127.0.0.1");
    config.port = port;
    config.secure = true;
    config.tls = tls;
    return config;
}

/// Waits until the client is connected (true) or has given up (false).
bool waitForOutcome(const Endpoint &client)
{
    [[maybe_unused]] const bool decided =
        QTest::qWaitFor([&] { return client.isActive() || client.connectionCount() == 0; }, PeerTimeoutMs);
    return client.isActive();
}

} // namespace

class TestWssClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void verificationDecidesWhetherItConnects_data();
    void verificationDecidesWhetherItConnects();
    void clientCertificateIsAcceptedByAServerThatRequiresOne_data();
    void clientCertificateIsAcceptedByAServerThatRequiresOne();
    void withoutAClientCertificateTheServersReasonIsLogged();
    void aSilentServerTimesOutTheHandshake();
    void unreadableTlsFilesAreRefusedAtStart_data();
    void unreadableTlsFilesAreRefusedAtStart();
    void sessionFileKeepsTheWssClientsTlsObject();

private:
    QString m_openssl;
    TestPki m_pki;
};

void TestWssClient::initTestCase()
{
    SOCKPLAY_REQUIRE_PROGRAM(openssl, "openssl");
    m_openssl = openssl;
    QVERIFY2(m_pki.make(m_openssl), qPrintable(m_pki.error));
}

void TestWssClient::verificationDecidesWhetherItConnects_data()
{
    QTest::addColumn<QString>("ca");
    QTest::addColumn<bool>("verify");
    QTest::addColumn<QString>("sni");
    QTest::addColumn<QStringList>("errors"); // the connection's errors; none: it connects
    QTest::addColumn<QString>("sniSeen");   // what the server says the ClientHello named
    QTest::newRow("unknown CA: verification fails with the reason")
        << QString() << true << QString()
        << QStringList{QStringLiteral("certificate verification failed: the issuer certificate of a locally looked "
                                      "up certificate could not be found (CN=localhost)"),
                       QStringLiteral("certificate verification failed: no certificates could be verified (CN=localhost)")}
        << QStringLiteral("-");
    QTest::newRow("--ca: verified") << m_pki.ca() << true << QString() << QStringList() << QStringLiteral("-");
    QTest::newRow("--insecure: each problem a note") << QString() << false << QString() << QStringList()
                                                     << QStringLiteral("-");
    QTest::newRow("--sni localhost: sent and verified") << m_pki.ca() << true << QStringLiteral("localhost")
                                                        << QStringList() << QStringLiteral("localhost");
    QTest::newRow("--sni of another name: refused")
        << m_pki.ca() << true << QStringLiteral("example.org")
        << QStringList{QStringLiteral("certificate verification failed: the host name did not match any of the "
                                      "valid hosts for this certificate (CN=localhost)")}
        << QStringLiteral("example.org");
}

void TestWssClient::verificationDecidesWhetherItConnects()
{
    QFETCH(QString, ca);
    QFETCH(bool, verify);
    QFETCH(QString, sni);
    QFETCH(QStringList, errors);
    QFETCH(QString, sniSeen);
    SOCKPLAY_REQUIRE_WEBSOCKETS_PYTHON(python);
    PeerProcess server;
    const quint16 port = startWssPeer(server, python, m_pki);
    QVERIFY2(port != 0, qPrintable(server.errText()));

    EventLog log;
    WebSocketClientEndpoint client(QStringLiteral("client"), &log);
    TlsSpec tls;
    tls.caFile = ca;
    tls.verifyPeer = verify;
    tls.serverName = sni;
    const Result started = client.start(wssClientConfig(port, tls));
    QVERIFY2(started, qPrintable(started.error));
    const bool connected = waitForOutcome(client);
    QVERIFY2(waitForLine(server, QStringLiteral("sni ") + sniSeen), server.out().constData());
    // As a TLS client logs it: the ClientHello for the name, the server's chain, then the verdict.
    QVERIFY(hasDetail(log, client.id(), EventKind::Note,
                      QStringLiteral("ClientHello sent, expecting a certificate for %1")
                          .arg(sni.isEmpty() ? QStringLiteral("127.0.0.1") : sni)));
    QVERIFY(hasDetail(log, client.id(), EventKind::Certificate, QStringLiteral("subject CN=localhost, issuer CN=SockPlay Test CA")));
    if (!errors.isEmpty()) {
        QVERIFY(!connected);
        // Each reason once, and not Qt's summary of them after it.
        QCOMPARE(detailsOf(log, client.id(), EventKind::Error), errors);
        QCOMPARE(client.errorString(), errors.last());
        QCOMPARE(detailsOf(log, client.id(), EventKind::Secured), QStringList());
        QVERIFY(!hasDetail(log, client.id(), EventKind::Note, WebSocketText::upgradeNotePrefix()));
        QTRY_COMPARE(client.state(), EndpointState::Idle);
        QVERIFY(!server.out().contains("open /"));
        return;
    }
    QVERIFY2(connected, qPrintable(detailsOf(log, client.id(), EventKind::Error).join(u'\n')));
    QCOMPARE(detailsOf(log, client.id(), EventKind::Error), QStringList());
    const QStringList secured = detailsOf(log, client.id(), EventKind::Secured);
    QCOMPARE(secured.size(), 1);
    QVERIFY2(secured.first().startsWith(QLatin1String("TLSv1.3, TLS_")), qPrintable(secured.first()));
    QCOMPARE(hasDetail(log, client.id(), EventKind::Note, QStringLiteral("ignored (verification off): ")), !verify);
    QVERIFY2(waitForLine(server, QStringLiteral("open / -")), server.out().constData());
    QSignalSpy echoed(&client, &Endpoint::messageReceived);
    QVERIFY(client.send(Endpoint::AllConnections, "over wss"));
    QVERIFY(echoed.wait(PeerTimeoutMs));
    QCOMPARE(SockPlay::Test::bytesOf(log, client.id(), EventKind::Received), QByteArray("over wss"));
}

void TestWssClient::clientCertificateIsAcceptedByAServerThatRequiresOne_data()
{
    QTest::addColumn<QString>("cert");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("pkcs12");
    QTest::newRow("PEM certificate and key") << m_pki.client() << m_pki.clientKey() << QString();
    QTest::newRow("PKCS#12 with its passphrase") << QString() << QString() << m_pki.clientPkcs12();
}

void TestWssClient::clientCertificateIsAcceptedByAServerThatRequiresOne()
{
    QFETCH(QString, cert);
    QFETCH(QString, key);
    QFETCH(QString, pkcs12);
    SOCKPLAY_REQUIRE_WEBSOCKETS_PYTHON(python);
    PeerProcess server;
    const quint16 port = startWssPeer(server, python, m_pki, /*requireClientCertificate=*/true);
    QVERIFY2(port != 0, qPrintable(server.errText()));

    EventLog log;
    WebSocketClientEndpoint client(QStringLiteral("client"), &log);
    TlsSpec tls;
    tls.caFile = m_pki.ca();
    tls.certificateFile = cert;
    tls.keyFile = key;
    tls.pkcs12File = pkcs12;
    tls.passphrase = pkcs12.isEmpty() ? QString() : TestPki::pkcs12Passphrase();
    QVERIFY(client.start(wssClientConfig(port, tls)));
    QVERIFY2(waitForOutcome(client), qPrintable(detailsOf(log, client.id(), EventKind::Error).join(u'\n')));
    // Python's ssl verified our certificate against the CA and says whose it is.
    QVERIFY2(waitForLine(server, QStringLiteral("peer-cert SockPlay Test Client")), server.out().constData());
    QVERIFY(hasDetail(log, client.id(), EventKind::Note, QStringLiteral("our certificate (from ")));
    QSignalSpy echoed(&client, &Endpoint::messageReceived);
    QVERIFY(client.send(Endpoint::AllConnections, "mutual"));
    QVERIFY(echoed.wait(PeerTimeoutMs));
    QCOMPARE(detailsOf(log, client.id(), EventKind::Error), QStringList());
}

void TestWssClient::withoutAClientCertificateTheServersReasonIsLogged()
{
    // openssl s_server -Verify 1 says why it refuses (Python's asyncio closes without the alert).
    PeerProcess server;
    QVERIFY(server.start(m_openssl, {QStringLiteral("s_server"), QStringLiteral("-accept"), QStringLiteral("127.0.0.1:0"),
                                     QStringLiteral("-cert"), m_pki.server(), QStringLiteral("-key"), m_pki.serverKey(),
                                     QStringLiteral("-CAfile"), m_pki.ca(), QStringLiteral("-Verify"), QStringLiteral("1")}));
    const quint16 port = quint16(server.waitForMatch(QRegularExpression(QStringLiteral("ACCEPT 127\\.0\\.0\\.1:(\\d+)")),
                                                     QProcess::StandardOutput).toUInt());
    QVERIFY2(port != 0, qPrintable(server.errText()));

    EventLog log;
    WebSocketClientEndpoint client(QStringLiteral("client"), &log);
    TlsSpec tls;
    tls.caFile = m_pki.ca();
    QVERIFY(client.start(wssClientConfig(port, tls)));
    QVERIFY(!waitForOutcome(client));
    const QStringList errors = detailsOf(log, client.id(), EventKind::Error);
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.first().contains(QLatin1String("alert certificate required")), qPrintable(errors.first()));
    QVERIFY(hasDetail(log, client.id(), EventKind::Note, QStringLiteral("TLS alert from the peer (fatal)")));
    QVERIFY(!hasDetail(log, client.id(), EventKind::Note, WebSocketText::upgradeNotePrefix()));
}

void TestWssClient::aSilentServerTimesOutTheHandshake()
{
    // A server that accepts and never answers the ClientHello.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    EventLog log;
    WebSocketClientEndpoint client(QStringLiteral("client"), &log);
    TlsSpec tls;
    tls.handshakeTimeoutMs = 300;
    QVERIFY(client.start(wssClientConfig(silent.serverPort(), tls)));
    QVERIFY(silent.waitForNewConnection(PeerTimeoutMs));
    QTRY_COMPARE_WITH_TIMEOUT(client.connectionCount(), 0, PeerTimeoutMs);
    QCOMPARE(detailsOf(log, client.id(), EventKind::Error),
             QStringList{QStringLiteral("the TLS handshake did not finish within 300 ms: the peer sent nothing, or not enough")});
    QCOMPARE(detailsOf(log, client.id(), EventKind::Closed).size(), 1);
    QCOMPARE(client.state(), EndpointState::Idle);
}

void TestWssClient::unreadableTlsFilesAreRefusedAtStart_data()
{
    QTest::addColumn<QString>("ca");
    QTest::addColumn<QString>("pkcs12");
    QTest::addColumn<QString>("passphrase");
    QTest::addColumn<QString>("reason");
    QTest::newRow("missing CA file") << m_pki.path(QStringLiteral("nope.pem")) << QString() << QString()
                                     << QStringLiteral("nope.pem");
    QTest::newRow("wrong PKCS#12 passphrase") << QString() << m_pki.clientPkcs12() << QStringLiteral("wrong horse")
                                              << QStringLiteral("is not a PKCS#12 file that can be read with this passphrase");
}

void TestWssClient::unreadableTlsFilesAreRefusedAtStart()
{
    QFETCH(QString, ca);
    QFETCH(QString, pkcs12);
    QFETCH(QString, passphrase);
    QFETCH(QString, reason);
    EventLog log;
    WebSocketClientEndpoint client(QStringLiteral("client"), &log);
    TlsSpec tls;
    tls.caFile = ca;
    tls.pkcs12File = pkcs12;
    tls.passphrase = passphrase;
    const Result refused = client.start(wssClientConfig(443, tls));
    QVERIFY(!refused);
    QVERIFY2(refused.error.startsWith(QLatin1String("cannot start the wss:// client: ")), qPrintable(refused.error));
    QVERIFY2(refused.error.contains(reason), qPrintable(refused.error));
    QCOMPARE(detailsOf(log, client.id(), EventKind::Error), QStringList{refused.error});
    QCOMPARE(client.connectionCount(), 0);
    QCOMPARE(client.state(), EndpointState::Idle);
}

void TestWssClient::sessionFileKeepsTheWssClientsTlsObject()
{
    TlsSpec tls;
    tls.caFile = m_pki.ca();
    tls.certificateFile = m_pki.client();
    tls.keyFile = m_pki.clientKey();
    tls.serverName = QStringLiteral("localhost");
    tls.alpn = {QStringLiteral("http/1.1")};
    const EndpointConfig config = wssClientConfig(8443, tls);
    const QJsonObject json = SessionFile::endpointToJson(config, m_pki.dir.path());
    const QJsonObject tlsJson = json.value(QStringLiteral("tls")).toObject();
    QCOMPARE(tlsJson.value(QStringLiteral("caFile")).toString(), QStringLiteral("ca.pem"));
    QCOMPARE(tlsJson.value(QStringLiteral("certificateFile")).toString(), QStringLiteral("client.pem"));
    QVERIFY(!json.contains(QStringLiteral("insecure")));
    QString error;
    const std::optional<EndpointConfig> back = SessionFile::endpointFromJson(json, &error, m_pki.dir.path());
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->tls, config.tls);
    QVERIFY(back->secure);

    // An older file's "insecure" still reads: verification off.
    QJsonObject older = json;
    older.remove(QStringLiteral("tls"));
    older.insert(QStringLiteral("insecure"), true);
    const std::optional<EndpointConfig> olderBack = SessionFile::endpointFromJson(older, &error, m_pki.dir.path());
    QVERIFY2(olderBack, qPrintable(error));
    QVERIFY(!olderBack->tls.verifyPeer);
    // Not both; and no "tls" for a ws:// client.
    QJsonObject both = json;
    both.insert(QStringLiteral("insecure"), true);
    QVERIFY(!SessionFile::endpointFromJson(both, &error, m_pki.dir.path()));
    QVERIFY2(error.startsWith(QLatin1String("\"insecure\" is the older spelling of \"tls\"")), qPrintable(error));
    QJsonObject plain = json;
    plain.remove(QStringLiteral("secure"));
    QVERIFY(!SessionFile::endpointFromJson(plain, &error, m_pki.dir.path()));
    QVERIFY2(error.startsWith(QLatin1String("\"tls\" is for TLS and DTLS endpoints")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestWssClient)

#include "tst_wssclient.moc"
