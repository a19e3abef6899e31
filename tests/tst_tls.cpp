// TLS endpoints against peers no one here wrote: openssl s_client and
// s_server, and Python's ssl module (tests/peers/tls_peer.py), over loopback
// with ports the system picks. Certificates are made per test run in a
// temporary folder (tlstestsupport.h).

#include "endpoint.h"
#include "eventlog.h"
#include "peers/peerprocess.h"
#include "sessionfile.h"
#include "testsupport.h"
#include "tlsclientendpoint.h"
#include "tlsserverendpoint.h"
#include "tlstestsupport.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace SockPlay;
using namespace SockPlayTest;

namespace {

QStringList detailsOf(const EventLog &log, int endpointId, EventKind kind, int connectionId = 0)
{
    QStringList details;
    for (const Event &e : SockPlay::Test::eventsOf(log, endpointId, kind))
        if (connectionId == 0 || e.connectionId() == connectionId)
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
    config.tls.verifyPeer = false;
    return config;
}

EndpointConfig clientConfig(quint16 port, const TlsSpec &tls)
{
    EndpointConfig config;
    config.transport = Transport::Tls;
    config.role = Role::Client;
    config.host = QStringLiteral("127.0.0.1");
    config.port = port;
    config.tls = tls;
    return config;
}

TlsSpec selfSignedSpec()
{
    TlsSpec spec;
    spec.selfSigned = true;
    return spec;
}

/// The port openssl s_server prints ("ACCEPT 127.0.0.1:PORT"), 0 on timeout.
quint16 waitForOpensslPort(PeerProcess &server)
{
    return quint16(server.waitForMatch(QRegularExpression(QStringLiteral("ACCEPT 127\\.0\\.0\\.1:(\\d+)")),
                                       QProcess::StandardOutput).toUInt());
}

} // namespace

class TestTls : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void selfSignedCertificateNamesTheServersAddress_data();
    void selfSignedCertificateNamesTheServersAddress();
    void badCertificateFilesAreRefusedWithTheReason_data();
    void badCertificateFilesAreRefusedWithTheReason();

    void opensslClientTalksToOurServerThroughFramingAndARule();
    void pythonClientVerifiesOurCertificateAndTalksToOurServer();
    void garbageInsteadOfAClientHelloIsOneErrorAndTheServerGoesOn();
    void aSilentClientTimesOutAndFreesItsSlot();

    void ourClientLogsTheHandshakeOfOpensslServer_data();
    void ourClientLogsTheHandshakeOfOpensslServer();
    void ourClientTalksToAPythonServer();
    void verification_data();
    void verification();

    void sessionFileKeepsTlsAndConfinesItsFiles_data();
    void sessionFileKeepsTlsAndConfinesItsFiles();

private:
    QString m_openssl;
    QString m_python;
    TestPki m_pki;
};

void TestTls::initTestCase()
{
    SOCKPLAY_REQUIRE_PROGRAM(openssl, "openssl");
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");
    m_openssl = openssl;
    m_python = python;
    QVERIFY2(m_pki.make(m_openssl), qPrintable(m_pki.error));
}

void TestTls::selfSignedCertificateNamesTheServersAddress_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QStringList>("names");
    QTest::newRow("IPv4 loopback") << QStringLiteral("127.0.0.1")
                                   << QStringList{QStringLiteral("127.0.0.1"), QStringLiteral("::1"), QStringLiteral("localhost")};
    QTest::newRow("a name") << QStringLiteral("device.example") << QStringList{QStringLiteral("device.example")};
    QTest::newRow("another address") << QStringLiteral("192.0.2.7") << QStringList{QStringLiteral("192.0.2.7")};
}

void TestTls::selfSignedCertificateNamesTheServersAddress()
{
    QFETCH(QString, host);
    QFETCH(QStringList, names);
    QString error;
    const std::optional<TlsIdentity> identity = TlsCertificates::makeSelfSigned(host, &error);
    QVERIFY2(identity, qPrintable(error));
    QStringList found;
    const auto alternatives = identity->certificate.subjectAlternativeNames();
    for (auto it = alternatives.cbegin(); it != alternatives.cend(); ++it)
        found.append(it.key() == QSsl::IpAddressEntry ? QHostAddress(it.value()).toString() : it.value());
    found.sort();
    names.sort();
    QCOMPARE(found, names);
    QCOMPARE(identity->key.algorithm(), QSsl::Ec);
    QCOMPARE(identity->certificate.subjectInfo(QSslCertificate::CommonName), QStringList{host});
    const qint64 days = identity->certificate.effectiveDate().daysTo(identity->certificate.expiryDate());
    QCOMPARE(days, 30);
    QVERIFY(identity->certificate.isSelfSigned());
}

void TestTls::badCertificateFilesAreRefusedWithTheReason_data()
{
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("reason");
    QTest::newRow("missing certificate") << QStringLiteral("nothing.pem") << QStringLiteral("server.key")
                                         << QStringLiteral("cannot read the certificate file");
    QTest::newRow("not PEM") << QStringLiteral("ext.cnf") << QStringLiteral("server.key")
                             << QStringLiteral("holds no certificate");
    QTest::newRow("not a key") << QStringLiteral("server.pem") << QStringLiteral("ca.pem")
                               << QStringLiteral("holds no private key");
    QTest::newRow("another certificate's key") << QStringLiteral("server.pem") << QStringLiteral("self.key")
                                               << QStringLiteral("does not belong to the certificate");
}

void TestTls::badCertificateFilesAreRefusedWithTheReason()
{
    QFETCH(QString, certificate);
    QFETCH(QString, key);
    QFETCH(QString, reason);
    EventLog log;
    TlsServerEndpoint server(QStringLiteral("server"), &log);
    TlsSpec spec;
    spec.certificateFile = m_pki.path(certificate);
    spec.keyFile = m_pki.path(key);
    const Result started = server.start(serverConfig(spec));
    QVERIFY(!started);
    QVERIFY2(started.error.contains(reason), qPrintable(started.error));
    QVERIFY2(started.error.contains(certificate) || started.error.contains(key), qPrintable(started.error));
    QVERIFY(!server.isActive());
    QCOMPARE(detailsOf(log, server.id(), EventKind::Error).size(), 1);
}

void TestTls::opensslClientTalksToOurServerThroughFramingAndARule()
{
    EventLog log;
    TlsServerEndpoint server(QStringLiteral("server"), &log);
    EndpointConfig config = serverConfig(selfSignedSpec());
    config.tls.alpn = {QStringLiteral("h2")};
    config.frame = *FrameSpec::parse(QStringLiteral("line"), nullptr);
    config.rules = {*Rule::parse(QStringLiteral("exact:PING=>PONG\\n"), nullptr)};
    const Result started = server.start(config);
    QVERIFY2(started, qPrintable(started.error));

    PeerProcess client;
    QVERIFY(client.start(m_openssl, {QStringLiteral("s_client"), QStringLiteral("-connect"),
                                     QStringLiteral("127.0.0.1:%1").arg(server.localPort()), QStringLiteral("-alpn"),
                                     QStringLiteral("h2"), QStringLiteral("-quiet")}));
    QSignalSpy opened(&server, &Endpoint::connectionOpened);
    QVERIFY2(opened.wait(PeerTimeoutMs), qPrintable(client.errText()));
    client.write("PING\n");
    QVERIFY2(client.waitForOutput(5), client.err().constData());
    QCOMPARE(client.out(), QByteArray("PONG\n"));
    QVERIFY(server.send(Endpoint::AllConnections, "from the server\n"));
    QVERIFY(client.waitForOutput(5 + 16));
    QCOMPARE(client.out(), QByteArray("PONG\nfrom the server\n"));

    const QStringList secured = detailsOf(log, server.id(), EventKind::Secured);
    QCOMPARE(secured.size(), 1);
    QVERIFY2(secured.first().startsWith(QLatin1String("TLSv1.3, TLS_")), qPrintable(secured.first()));
    QVERIFY2(secured.first().endsWith(QLatin1String(", ALPN h2")), qPrintable(secured.first()));
    QCOMPARE(SockPlay::Test::bytesOf(log, server.id(), EventKind::Message), QByteArray("PING\n"));
    QCOMPARE(SockPlay::Test::bytesOf(log, server.id(), EventKind::AutoReplied), QByteArray("PONG\n"));
    QCOMPARE(detailsOf(log, server.id(), EventKind::Error), QStringList());
}

void TestTls::pythonClientVerifiesOurCertificateAndTalksToOurServer()
{
    // Our self-signed certificate, from files: a foreign verifier accepts it for 127.0.0.1.
    EventLog log;
    TlsServerEndpoint server(QStringLiteral("server"), &log);
    TlsSpec spec;
    spec.certificateFile = m_pki.selfSigned();
    spec.keyFile = m_pki.selfSignedKey();
    EndpointConfig config = serverConfig(spec);
    config.frame = *FrameSpec::parse(QStringLiteral("line"), nullptr);
    config.rules = {*Rule::parse(QStringLiteral("exact:PING=>PONG\\n"), nullptr),
                    *Rule::parse(QStringLiteral("exact:hi=>hello there\\n"), nullptr)};
    QVERIFY(server.start(config));

    PeerProcess client;
    QVERIFY(client.startPython(m_python, QStringLiteral("tls_peer.py"),
                               {QStringLiteral("client"), QStringLiteral("--port"), QString::number(server.localPort()),
                                QStringLiteral("--ca"), m_pki.selfSigned(), QStringLiteral("--send"), QStringLiteral("PING"),
                                QStringLiteral("--send"), QStringLiteral("hi"), QStringLiteral("--expect"), QStringLiteral("2")}));
    QVERIFY2(client.waitForExit(), client.err().constData());
    QCOMPARE(client.exitCode(), 0);
    QVERIFY2(client.out().startsWith("secured TLSv1.3 "), client.out().constData());
    QVERIFY2(client.out().endsWith("PONG\nhello there\n"), client.out().constData());
    QCOMPARE(SockPlay::Test::bytesOf(log, server.id(), EventKind::Message), QByteArray("PING\nhi\n"));
    QTRY_COMPARE(server.connectionCount(), 0);
}

void TestTls::garbageInsteadOfAClientHelloIsOneErrorAndTheServerGoesOn()
{
    EventLog log;
    TlsServerEndpoint server(QStringLiteral("server"), &log);
    QVERIFY(server.start(serverConfig(selfSignedSpec())));

    QTcpSocket garbage;
    garbage.connectToHost(QHostAddress::LocalHost, server.localPort());
    QVERIFY(garbage.waitForConnected(PeerTimeoutMs));
    garbage.write("GET / HTTP/1.0\r\n\r\n");
    QTRY_COMPARE_WITH_TIMEOUT(garbage.state(), QAbstractSocket::UnconnectedState, PeerTimeoutMs);
    const QStringList errors = detailsOf(log, server.id(), EventKind::Error, 1);
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.first().startsWith(QLatin1String("TLS handshake failed: ")), qPrintable(errors.first()));
    QTRY_COMPARE(detailsOf(log, server.id(), EventKind::Closed, 1).size(), 1);
    QCOMPARE(server.connectionCount(), 0);
    QVERIFY(server.isActive());

    PeerProcess client;
    QVERIFY(client.startPython(m_python, QStringLiteral("tls_peer.py"),
                               {QStringLiteral("client"), QStringLiteral("--port"), QString::number(server.localPort()),
                                QStringLiteral("--insecure")}));
    QVERIFY(client.waitForExit());
    QVERIFY2(client.out().startsWith("secured TLSv1.3"), client.err().constData());
    QCOMPARE(detailsOf(log, server.id(), EventKind::Secured, 2).size(), 1);
}

void TestTls::aSilentClientTimesOutAndFreesItsSlot()
{
    EventLog log;
    TlsServerEndpoint server(QStringLiteral("server"), &log);
    EndpointConfig config = serverConfig(selfSignedSpec());
    config.tls.handshakeTimeoutMs = 300;
    config.maxConnections = 1; // the silent client holds the only slot until it times out
    QVERIFY(server.start(config));

    QTcpSocket silent;
    silent.connectToHost(QHostAddress::LocalHost, server.localPort());
    QVERIFY(silent.waitForConnected(PeerTimeoutMs));
    QTRY_COMPARE_WITH_TIMEOUT(silent.state(), QAbstractSocket::UnconnectedState, PeerTimeoutMs);
    QCOMPARE(detailsOf(log, server.id(), EventKind::Error, 1),
             QStringList{QStringLiteral("the TLS handshake did not finish within 300 ms: the peer sent nothing, or not enough")});
    QCOMPARE(detailsOf(log, server.id(), EventKind::Closed, 1), QStringList{QStringLiteral("closed: the TLS handshake timed out")});

    PeerProcess client;
    QVERIFY(client.startPython(m_python, QStringLiteral("tls_peer.py"),
                               {QStringLiteral("client"), QStringLiteral("--port"), QString::number(server.localPort()),
                                QStringLiteral("--insecure")}));
    QVERIFY(client.waitForExit());
    QVERIFY2(client.out().startsWith("secured TLSv1.3"), client.err().constData());
    QCOMPARE(SockPlay::Test::eventsOf(log, server.id(), EventKind::TurnedAway).size(), 0);
}

void TestTls::ourClientLogsTheHandshakeOfOpensslServer_data()
{
    QTest::addColumn<QString>("serverAlpn");
    QTest::addColumn<QStringList>("offered");
    QTest::addColumn<QString>("agreed");
    QTest::newRow("server picks h2") << QStringLiteral("h2") << QStringList{QStringLiteral("http/1.1"), QStringLiteral("h2")}
                                     << QStringLiteral(", ALPN h2");
    QTest::newRow("server picks http/1.1") << QStringLiteral("http/1.1")
                                           << QStringList{QStringLiteral("h2"), QStringLiteral("http/1.1")}
                                           << QStringLiteral(", ALPN http/1.1");
}

void TestTls::ourClientLogsTheHandshakeOfOpensslServer()
{
    QFETCH(QString, serverAlpn);
    QFETCH(QStringList, offered);
    QFETCH(QString, agreed);
    PeerProcess opensslServer;
    QVERIFY(opensslServer.start(m_openssl, {QStringLiteral("s_server"), QStringLiteral("-accept"), QStringLiteral("127.0.0.1:0"),
                                            QStringLiteral("-cert"), m_pki.server(), QStringLiteral("-key"), m_pki.serverKey(),
                                            QStringLiteral("-cert_chain"), m_pki.ca(), QStringLiteral("-alpn"), serverAlpn,
                                            QStringLiteral("-rev")}));
    const quint16 port = waitForOpensslPort(opensslServer);
    QVERIFY2(port != 0, qPrintable(opensslServer.errText()));

    EventLog log;
    TlsClientEndpoint client(QStringLiteral("client"), &log);
    TlsSpec spec;
    spec.caFile = m_pki.ca();
    spec.alpn = offered;
    QSignalSpy opened(&client, &Endpoint::connectionOpened);
    QVERIFY(client.start(clientConfig(port, spec)));
    QVERIFY2(opened.wait(PeerTimeoutMs), qPrintable(detailsOf(log, client.id(), EventKind::Error).join(u'\n')));

    const QStringList certificates = detailsOf(log, client.id(), EventKind::Certificate);
    QCOMPARE(certificates.size(), 2); // the server's, then the CA's it sent after it
    QVERIFY2(certificates.at(0).startsWith(QLatin1String("subject CN=localhost, issuer CN=SockPlay Test CA, valid ")),
             qPrintable(certificates.at(0)));
    QVERIFY2(certificates.at(1).startsWith(QLatin1String("subject CN=SockPlay Test CA, issuer CN=SockPlay Test CA")),
             qPrintable(certificates.at(1)));
    QVERIFY(certificates.at(0).contains(QRegularExpression(QStringLiteral("SHA-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}$"))));
    const QStringList secured = detailsOf(log, client.id(), EventKind::Secured);
    QCOMPARE(secured.size(), 1);
    QVERIFY2(secured.first().startsWith(QLatin1String("TLSv1.3, TLS_")) && secured.first().endsWith(agreed),
             qPrintable(secured.first()));

    // s_server -rev sends each line back reversed: data both ways, decrypted.
    QSignalSpy received(&client, &Endpoint::dataReceived);
    QVERIFY(client.send(Endpoint::AllConnections, "hello\n"));
    QTRY_COMPARE_WITH_TIMEOUT(SockPlay::Test::bytesOf(log, client.id(), EventKind::Received), QByteArray("olleh\n"),
                              PeerTimeoutMs);
    QCOMPARE(detailsOf(log, client.id(), EventKind::Error), QStringList());
}

void TestTls::ourClientTalksToAPythonServer()
{
    PeerProcess pythonServer;
    const quint16 port = pythonServer.startPythonServer(
        m_python, QStringLiteral("tls_peer.py"),
        {QStringLiteral("server"), QStringLiteral("--cert"), m_pki.server(), QStringLiteral("--key"), m_pki.serverKey(),
         QStringLiteral("--alpn"), QStringLiteral("h2"), QStringLiteral("--greeting"), QStringLiteral("hi")});
    QVERIFY2(port != 0, qPrintable(pythonServer.errText()));

    EventLog log;
    TlsClientEndpoint client(QStringLiteral("client"), &log);
    TlsSpec spec;
    spec.caFile = m_pki.ca();
    spec.serverName = QStringLiteral("localhost");
    spec.alpn = {QStringLiteral("h2")};
    EndpointConfig config = clientConfig(port, spec);
    config.frame = *FrameSpec::parse(QStringLiteral("line"), nullptr);
    config.rules = {*Rule::parse(QStringLiteral("exact:hi=>PING\\n"), nullptr)};
    QVERIFY(client.start(config));
    QTRY_COMPARE_WITH_TIMEOUT(SockPlay::Test::bytesOf(log, client.id(), EventKind::Message),
                              QByteArray("hi\necho: PING\n"), PeerTimeoutMs);
    QVERIFY(pythonServer.out().contains("secured TLSv1.3 TLS_"));
    QVERIFY(pythonServer.out().contains(" h2\n"));
    QVERIFY(detailsOf(log, client.id(), EventKind::Secured).value(0).endsWith(QLatin1String(", ALPN h2")));
    QCOMPARE(detailsOf(log, client.id(), EventKind::Error), QStringList());
}

void TestTls::verification_data()
{
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("ca");
    QTest::addColumn<QString>("serverName");
    QTest::addColumn<bool>("verify");
    QTest::addColumn<QStringList>("reasons"); // OpenSSL's, in its order; empty: verified

    const QString server = m_pki.server();
    const QString serverKey = m_pki.serverKey();
    const QString none;
    const QString selfSignedReason = QStringLiteral("the certificate is self-signed, and untrusted (CN=127.0.0.1)");
    for (const bool verify : {true, false}) {
        const char *suffix = verify ? "" : ", verification off";
        QTest::addRow("right CA%s", suffix) << server << serverKey << m_pki.ca() << none << verify << QStringList();
        // Trusted as its own CA, but an expired anchor is no anchor: OpenSSL says both.
        QTest::addRow("expired%s", suffix) << m_pki.expired() << m_pki.expiredKey() << m_pki.expired() << none << verify
                                           << QStringList{selfSignedReason,
                                                          QStringLiteral("the certificate has expired (CN=127.0.0.1)")};
        QTest::addRow("wrong host name%s", suffix)
            << server << serverKey << m_pki.ca() << QStringLiteral("wrong.example") << verify
            << QStringList{QStringLiteral("the host name did not match any of the valid hosts for this certificate (CN=localhost)")};
        QTest::addRow("unknown CA%s", suffix)
            << server << serverKey << m_pki.selfSigned() << none << verify
            << QStringList{QStringLiteral("the issuer certificate of a locally looked up certificate could not be found (CN=localhost)"),
                           QStringLiteral("no certificates could be verified (CN=localhost)")};
        QTest::addRow("self-signed%s", suffix) << m_pki.selfSigned() << m_pki.selfSignedKey() << m_pki.ca() << none
                                               << verify << QStringList{selfSignedReason};
    }
}

void TestTls::verification()
{
    QFETCH(QString, certificate);
    QFETCH(QString, key);
    QFETCH(QString, ca);
    QFETCH(QString, serverName);
    QFETCH(bool, verify);
    QFETCH(QStringList, reasons);
    PeerProcess opensslServer;
    QVERIFY(opensslServer.start(m_openssl, {QStringLiteral("s_server"), QStringLiteral("-accept"), QStringLiteral("127.0.0.1:0"),
                                            QStringLiteral("-cert"), certificate, QStringLiteral("-key"), key,
                                            QStringLiteral("-rev")}));
    const quint16 port = waitForOpensslPort(opensslServer);
    QVERIFY2(port != 0, qPrintable(opensslServer.errText()));

    EventLog log;
    TlsClientEndpoint client(QStringLiteral("client"), &log);
    TlsSpec spec;
    spec.caFile = ca;
    spec.serverName = serverName;
    spec.verifyPeer = verify;
    QVERIFY(client.start(clientConfig(port, spec)));
    // The connection ends one way or the other: secured, or closed after its errors.
    QTRY_VERIFY_WITH_TIMEOUT(!detailsOf(log, client.id(), EventKind::Secured).isEmpty()
                                 || !detailsOf(log, client.id(), EventKind::Closed).isEmpty(),
                             PeerTimeoutMs);
    const QStringList errors = detailsOf(log, client.id(), EventKind::Error);
    QStringList ignored;
    for (const QString &note : detailsOf(log, client.id(), EventKind::Note))
        if (note.startsWith(QLatin1String("ignored (verification off): ")))
            ignored.append(note);
    QCOMPARE(detailsOf(log, client.id(), EventKind::Certificate).size(), 1);
    const auto prefixed = [&reasons](const QString &prefix) {
        QStringList lines;
        for (const QString &reason : reasons)
            lines.append(prefix + reason);
        return lines;
    };
    if (reasons.isEmpty()) {
        QCOMPARE(errors, QStringList());
        QCOMPARE(ignored, QStringList());
        QVERIFY(client.isActive());
    } else if (verify) {
        QCOMPARE(errors, prefixed(QStringLiteral("certificate verification failed: ")));
        QCOMPARE(detailsOf(log, client.id(), EventKind::Secured), QStringList());
        QCOMPARE(detailsOf(log, client.id(), EventKind::Closed).size(), 1);
        QCOMPARE(client.connectionCount(), 0);
    } else {
        QCOMPARE(errors, QStringList());
        QCOMPARE(ignored, prefixed(QStringLiteral("ignored (verification off): ")));
        QVERIFY(client.isActive());
    }
}

void TestTls::sessionFileKeepsTlsAndConfinesItsFiles_data()
{
    QTest::addColumn<QByteArray>("endpoint");
    QTest::addColumn<QString>("error"); // empty: read
    QTest::newRow("files beside it") << QByteArray(R"("transport": "tls", "role": "server", "tls": {"certificateFile": "server.pem", "keyFile": "server.key", "alpn": ["h2"]})")
                                     << QString();
    QTest::newRow("self-signed") << QByteArray(R"("transport": "tls", "role": "server", "tls": {"selfSigned": true})") << QString();
    QTest::newRow("a client") << QByteArray(R"("transport": "tls", "role": "client", "port": 443, "tls": {"caFile": "ca.pem", "serverName": "localhost"})")
                              << QString();
    QTest::newRow("a file elsewhere") << QByteArray(R"("transport": "tls", "role": "server", "tls": {"certificateFile": "/etc/ssl/certs/x.pem", "keyFile": "server.key"})")
                                      << QStringLiteral("\"tls\": \"certificateFile\": the file is outside the session file's folder");
    QTest::newRow("up and out") << QByteArray(R"("transport": "tls", "role": "client", "port": 443, "tls": {"caFile": "../ca.pem"})")
                                << QStringLiteral("\"tls\": \"caFile\": the file is outside the session file's folder");
    QTest::newRow("tls on TCP") << QByteArray(R"("transport": "tcp", "role": "server", "tls": {"selfSigned": true})")
                                << QStringLiteral("\"tls\" is for TLS and DTLS endpoints (\"transport\": \"tls\" or \"dtls\") and wss:// servers");
    QTest::newRow("unknown key") << QByteArray(R"("transport": "tls", "role": "server", "tls": {"selfsigned": true})")
                                 << QStringLiteral("\"tls\": unknown key \"selfsigned\"");
    QTest::newRow("a key without a certificate") << QByteArray(R"("transport": "tls", "role": "server", "tls": {"keyFile": "server.key"})")
                                                 << QStringLiteral("\"tls\": a key file needs its certificate");
}

void TestTls::sessionFileKeepsTlsAndConfinesItsFiles()
{
    QFETCH(QByteArray, endpoint);
    QFETCH(QString, error);
    const QString path = m_pki.path(QStringLiteral("session.json"));
    QVERIFY(writeFile(path, R"({"format": "sockplay-session", "version": 1, "endpoints": [{"name": "tls", )" + endpoint + "}]}"));
    QString why;
    const std::optional<SessionDocument> document = SessionFile::readFile(path, &why);
    if (!error.isEmpty()) {
        QVERIFY(!document);
        QVERIFY2(why.contains(error), qPrintable(why));
        return;
    }
    QVERIFY2(document, qPrintable(why));
    const EndpointConfig config = document->endpoints.value(0);
    QCOMPARE(config.transport, Transport::Tls);
    // Paths are absolute once read, in the file's folder; verification defaults by role.
    for (const QString &file : {config.tls.certificateFile, config.tls.keyFile, config.tls.caFile})
        QVERIFY(file.isEmpty() || file.startsWith(m_pki.dir.path() + u'/'));
    QCOMPARE(config.tls.verifyPeer, config.role == Role::Client);
    // Written back into the same folder, they are relative again; read back, the same config.
    QVERIFY(SessionFile::writeFile(path, *document));
    QFile written(path);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QVERIFY(!written.readAll().contains(m_pki.dir.path().toUtf8()));
    const std::optional<SessionDocument> again = SessionFile::readFile(path, &why);
    QVERIFY2(again, qPrintable(why));
    QCOMPARE(again->endpoints.value(0).tls, config.tls);
}

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
