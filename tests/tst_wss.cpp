// wss:// servers: our WebSocket server over TLS against Python's websockets
// (over Python's ssl) and against our own wss:// client; the TLS handshake
// is logged as for a TLS connection, then the upgrade. Certificates are made
// per run (tlstestsupport.h); ports are the system's; nothing sleeps.

#include "endpoint.h"
#include "eventlog.h"
#include "sessionfile.h"
#include "testsupport.h"
#include "tlstestsupport.h"
#include "websocketclientendpoint.h"
#include "websocketserverendpoint.h"
#include "websockettext.h"
#include "wstestsupport.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace SockPlay;
using namespace SockPlayTest;

namespace {

EndpointConfig wssServerConfig(const TlsSpec &tls)
{
    EndpointConfig config;
    config.transport = Transport::WebSocket;
    config.role = Role::Server;
    config.host = QStringLiteral("127.0.0.1");
    config.secure = true;
    config.tls = tls;
    config.tls.verifyPeer = false;
    config.echo = true;
    return config;
}

TlsSpec pemSpec(const TestPki &pki)
{
    TlsSpec spec;
    spec.certificateFile = pki.server();
    spec.keyFile = pki.serverKey();
    return spec;
}

/// Where the first event of kind (with a detail starting with prefix) is in the log; -1: none.
qsizetype indexOf(const EventLog &log, int endpointId, EventKind kind, const QString &prefix = {})
{
    const QList<Event> events = log.snapshot();
    for (qsizetype i = 0; i < events.size(); ++i) {
        if (events.at(i).endpointId() == endpointId && events.at(i).kind == kind && events.at(i).detail.startsWith(prefix))
            return i;
    }
    return -1;
}

} // namespace

class TestWss : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void pythonClientOverSslTalksToOurWssServer();
    void ourWssClientTalksToOurWssServer();
    void garbageInsteadOfAClientHelloIsAClearErrorAndTheServerGoesOn();
    void aSilentClientTimesOutBeforeItsUpgrade();
    void wrongPkcs12PassphraseIsRefusedAtStart();
    void sessionFileKeepsTheWssServersTlsObject();

private:
    QString m_openssl;
    TestPki m_pki;
};

void TestWss::initTestCase()
{
    SOCKPLAY_REQUIRE_PROGRAM(openssl, "openssl");
    m_openssl = openssl;
    QVERIFY2(m_pki.make(m_openssl), qPrintable(m_pki.error));
}

void TestWss::pythonClientOverSslTalksToOurWssServer()
{
    SOCKPLAY_REQUIRE_WEBSOCKETS_PYTHON(python);
    EventLog log;
    WebSocketServerEndpoint server(QStringLiteral("server"), &log);
    const Result started = server.start(wssServerConfig(pemSpec(m_pki)));
    QVERIFY2(started, qPrintable(started.error));
    QVERIFY2(hasDetail(log, server.id(), EventKind::Listening, QStringLiteral("serving wss://127.0.0.1:")),
             qPrintable(detailsOf(log, server.id(), EventKind::Listening).join(u'\n')));

    // Python verifies our certificate against the CA that signed it (and its name, 127.0.0.1).
    PeerProcess peer;
    QVERIFY(peer.startPython(python, QStringLiteral("ws_peer.py"),
                             {QStringLiteral("client"), QStringLiteral("wss://127.0.0.1:%1/").arg(server.localPort()),
                              QStringLiteral("--ca"), m_pki.ca()}));
    QVERIFY2(waitForLine(peer, QStringLiteral("connected -")), qPrintable(peer.errText()));
    peer.write("text hello over tls\nbinary 00ff\n");
    QVERIFY2(waitForLine(peer, QStringLiteral("text hello over tls")), peer.out().constData());
    QVERIFY2(waitForLine(peer, QStringLiteral("binary 00ff")), peer.out().constData());

    // TCP accept, then the TLS handshake, then the upgrade: in that order, as a TLS connection logs it.
    const QStringList secured = detailsOf(log, server.id(), EventKind::Secured);
    QCOMPARE(secured.size(), 1);
    QVERIFY2(secured.first().startsWith(QLatin1String("TLSv1.3, TLS_")), qPrintable(secured.first()));
    const qsizetype accepted = indexOf(log, server.id(), EventKind::Accepted);
    const qsizetype securedAt = indexOf(log, server.id(), EventKind::Secured);
    const qsizetype upgrade = indexOf(log, server.id(), EventKind::Note, WebSocketText::upgradeNotePrefix());
    QVERIFY(accepted >= 0);
    QVERIFY2(accepted < securedAt && securedAt < upgrade, qPrintable(QStringLiteral("%1 %2 %3").arg(accepted).arg(securedAt).arg(upgrade)));
    QVERIFY(hasDetail(log, server.id(), EventKind::Note, QStringLiteral("GET / HTTP/1.1 → 101 Switching Protocols")));
    QCOMPARE(SockPlay::Test::bytesOf(log, server.id(), EventKind::Received), QByteArray("hello over tls\x00\xff", 16));
    QCOMPARE(detailsOf(log, server.id(), EventKind::Error), QStringList());

    peer.write("close 1000 done\n");
    QVERIFY2(waitForLine(peer, QStringLiteral("closed 1000 done")), peer.out().constData());
    QTRY_COMPARE_WITH_TIMEOUT(server.connectionCount(), 0, PeerTimeoutMs);
    QVERIFY(hasDetail(log, server.id(), EventKind::PeerClosed, QStringLiteral("the client closed the connection: 1000")));
}

void TestWss::ourWssClientTalksToOurWssServer()
{
    EventLog log;
    WebSocketServerEndpoint server(QStringLiteral("server"), &log, nullptr, 1);
    TlsSpec spec;
    spec.selfSigned = true; // one click: made at Start for 127.0.0.1
    QVERIFY(server.start(wssServerConfig(spec)));
    QVERIFY(hasDetail(log, server.id(), EventKind::Note, QStringLiteral("our certificate (self-signed, made now for 127.0.0.1)")));

    WebSocketClientEndpoint client(QStringLiteral("client"), &log, nullptr, 2);
    EndpointConfig config;
    config.transport = Transport::WebSocket;
    config.role = Role::Client;
    config.host = QStringLiteral("127.0.0.1");
    config.port = server.localPort();
    config.path = QStringLiteral("/");
    config.secure = true;
    config.tls.verifyPeer = false; // the self-signed certificate cannot be verified: each problem is a note
    QSignalSpy opened(&server, &Endpoint::connectionOpened);
    QVERIFY(client.start(config));
    QVERIFY(opened.wait(PeerTimeoutMs));
    QTRY_VERIFY_WITH_TIMEOUT(client.isActive(), PeerTimeoutMs);
    QVERIFY(hasDetail(log, client.id(), EventKind::Note, QStringLiteral("ignored (verification off): ")));
    // The client logs its side as a TLS client does: TCP connected, the server's certificate, then what is
    // wrong with it, then secured; the upgrade after.
    const qsizetype connected = indexOf(log, client.id(), EventKind::Connected);
    const qsizetype certificate = indexOf(log, client.id(), EventKind::Certificate, QStringLiteral("subject CN=127.0.0.1"));
    const qsizetype ignored = indexOf(log, client.id(), EventKind::Note, QStringLiteral("ignored (verification off)"));
    const qsizetype secured = indexOf(log, client.id(), EventKind::Secured, QStringLiteral("TLSv1.3, TLS_"));
    const qsizetype upgrade = indexOf(log, client.id(), EventKind::Note, WebSocketText::upgradeNotePrefix());
    QVERIFY2(connected >= 0 && connected < certificate && certificate < ignored && ignored < secured && secured < upgrade,
             qPrintable(QStringLiteral("%1 %2 %3 %4 %5").arg(connected).arg(certificate).arg(ignored).arg(secured).arg(upgrade)));

    QSignalSpy echoed(&client, &Endpoint::messageReceived);
    QVERIFY(client.send(Endpoint::AllConnections, "round trip"));
    QVERIFY(echoed.wait(PeerTimeoutMs));
    QCOMPARE(SockPlay::Test::bytesOf(log, client.id(), EventKind::Received), QByteArray("round trip"));
    QCOMPARE(detailsOf(log, server.id(), EventKind::Secured).size(), 1);
    QVERIFY(hasDetail(log, server.id(), EventKind::Note, WebSocketText::upgradeNotePrefix()));
    QCOMPARE(detailsOf(log, server.id(), EventKind::Error), QStringList());
}

void TestWss::garbageInsteadOfAClientHelloIsAClearErrorAndTheServerGoesOn()
{
    EventLog log;
    WebSocketServerEndpoint server(QStringLiteral("server"), &log);
    QVERIFY(server.start(wssServerConfig(pemSpec(m_pki))));

    // A plain ws:// client at a wss:// server: its upgrade request is no ClientHello.
    QTcpSocket plain;
    plain.connectToHost(QHostAddress::LocalHost, server.localPort());
    QVERIFY(plain.waitForConnected(PeerTimeoutMs));
    plain.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n\r\n");
    QTRY_COMPARE_WITH_TIMEOUT(plain.state(), QAbstractSocket::UnconnectedState, PeerTimeoutMs);
    const QStringList errors = detailsOf(log, server.id(), EventKind::Error);
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.first().startsWith(QLatin1String("TLS handshake failed: ")), qPrintable(errors.first()));
    QTRY_COMPARE(detailsOf(log, server.id(), EventKind::Closed).size(), 1);
    QCOMPARE(detailsOf(log, server.id(), EventKind::Closed).first(),
             QStringLiteral("closed: the TLS handshake did not complete"));
    QCOMPARE(server.connectionCount(), 0);
    QVERIFY(server.isActive());
    QCOMPARE(indexOf(log, server.id(), EventKind::Note, WebSocketText::upgradeNotePrefix()), -1);

    // The next client is served.
    SOCKPLAY_REQUIRE_WEBSOCKETS_PYTHON(python);
    PeerProcess peer;
    QVERIFY(peer.startPython(python, QStringLiteral("ws_peer.py"),
                             {QStringLiteral("client"), QStringLiteral("wss://127.0.0.1:%1/").arg(server.localPort()),
                              QStringLiteral("--ca"), m_pki.ca()}));
    QVERIFY2(waitForLine(peer, QStringLiteral("connected -")), qPrintable(peer.errText()));
    QCOMPARE(detailsOf(log, server.id(), EventKind::Secured).size(), 1);
}

void TestWss::aSilentClientTimesOutBeforeItsUpgrade()
{
    EventLog log;
    WebSocketServerEndpoint server(QStringLiteral("server"), &log);
    EndpointConfig config = wssServerConfig(pemSpec(m_pki));
    config.tls.handshakeTimeoutMs = 300;
    QVERIFY(server.start(config));

    QTcpSocket silent;
    silent.connectToHost(QHostAddress::LocalHost, server.localPort());
    QVERIFY(silent.waitForConnected(PeerTimeoutMs));
    QTRY_COMPARE_WITH_TIMEOUT(silent.state(), QAbstractSocket::UnconnectedState, PeerTimeoutMs);
    QCOMPARE(detailsOf(log, server.id(), EventKind::Error),
             QStringList{QStringLiteral("the TLS handshake did not finish within 300 ms: the peer sent nothing, or not enough")});
    QCOMPARE(detailsOf(log, server.id(), EventKind::Closed), QStringList{QStringLiteral("closed: the TLS handshake timed out")});
    QCOMPARE(server.connectionCount(), 0);
}

void TestWss::wrongPkcs12PassphraseIsRefusedAtStart()
{
    EventLog log;
    WebSocketServerEndpoint server(QStringLiteral("server"), &log);
    TlsSpec spec;
    spec.pkcs12File = m_pki.serverPkcs12();
    spec.passphrase = QStringLiteral("wrong horse");
    const Result refused = server.start(wssServerConfig(spec));
    QVERIFY(!refused);
    QCOMPARE(refused.error, QStringLiteral("cannot start the wss:// server: %1 is not a PKCS#12 file that can be read "
                                           "with this passphrase")
                                .arg(QDir::toNativeSeparators(m_pki.serverPkcs12())));
    QVERIFY(!server.isActive());
    QCOMPARE(server.localPort(), quint16(0));

    spec.passphrase = TestPki::pkcs12Passphrase();
    const Result started = server.start(wssServerConfig(spec));
    QVERIFY2(started, qPrintable(started.error));
    QVERIFY(hasDetail(log, server.id(), EventKind::Note, QStringLiteral("our certificate (from ")));
}

void TestWss::sessionFileKeepsTheWssServersTlsObject()
{
    EndpointConfig config = wssServerConfig(pemSpec(m_pki));
    config.tls.alpn = {QStringLiteral("http/1.1")};
    const QJsonObject json = SessionFile::endpointToJson(config, m_pki.dir.path());
    QVERIFY2(json.value(QStringLiteral("secure")).toBool(), qPrintable(QString::fromUtf8(QJsonDocument(json).toJson())));
    QCOMPARE(json.value(QStringLiteral("tls")).toObject().value(QStringLiteral("certificateFile")).toString(),
             QStringLiteral("server.pem"));
    QString error;
    const std::optional<EndpointConfig> back = SessionFile::endpointFromJson(json, &error, m_pki.dir.path());
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->tls, config.tls);
    QVERIFY(back->secure);

    // Not for a ws:// server, nor for a client.
    QJsonObject plain = json;
    plain.remove(QStringLiteral("secure"));
    QVERIFY(!SessionFile::endpointFromJson(plain, &error, m_pki.dir.path()));
    QVERIFY2(error.startsWith(QLatin1String("\"tls\" is for TLS and DTLS endpoints")), qPrintable(error));
    QJsonObject insecure = json;
    insecure.insert(QStringLiteral("insecure"), true);
    QVERIFY(!SessionFile::endpointFromJson(insecure, &error, m_pki.dir.path()));
    QVERIFY2(error.startsWith(QLatin1String("\"insecure\" is for WebSocket clients only")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestWss)

#include "tst_wss.moc"
