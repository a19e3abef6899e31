// DTLS endpoints against peers no one here wrote (openssl s_client -dtls and
// s_server -dtls) and against each other, over loopback with ports the
// system picks; hostile datagrams from a plain QUdpSocket; the cookie
// exchange and the cap on half-open handshakes driven with Qt's own QDtls.
// Certificates are made per run in a temporary folder (tlstestsupport.h).

#include "dtlsclientendpoint.h"
#include "dtlsrecord.h"
#include "dtlsserverendpoint.h"
#include "eventlog.h"
#include "peers/peerprocess.h"
#include "sessionfile.h"
#include "testsupport.h"
#include "tlstestsupport.h"

#include <QDtls>
#include <QSignalSpy>
#include <QTest>
#include <QUdpSocket>

#include <memory>

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

EndpointConfig dtlsConfig(Role role, quint16 port, const TlsSpec &tls)
{
    EndpointConfig config;
    config.transport = Transport::Dtls;
    config.role = role;
    config.host = QStringLiteral("127.0.0.1");
    config.port = port;
    config.tls = tls;
    if (role == Role::Server)
        config.tls.verifyPeer = false;
    return config;
}

quint16 waitForOpensslPort(PeerProcess &server)
{
    return quint16(server.waitForMatch(QRegularExpression(QStringLiteral("ACCEPT 127\\.0\\.0\\.1:(\\d+)")),
                                       QProcess::StandardOutput).toUInt());
}

/// The next datagram a socket receives (empty after a timeout).
QByteArray nextDatagram(QUdpSocket &socket)
{
    if (!socket.hasPendingDatagrams() && !QSignalSpy(&socket, &QUdpSocket::readyRead).wait(PeerTimeoutMs))
        return {};
    QByteArray datagram(socket.pendingDatagramSize(), Qt::Uninitialized);
    datagram.resize(socket.readDatagram(datagram.data(), datagram.size()));
    return datagram;
}

/// A DTLS client made of Qt's QDtls on its own socket, stepped by hand: it
/// proves its address (echoes the cookie) and then goes silent.
struct HalfOpenClient
{
    QUdpSocket socket;
    QDtls dtls{QSslSocket::SslClientMode};

    /// ClientHello, HelloVerifyRequest, ClientHello with the cookie; true once the cookie went back.
    bool proveAddress(quint16 serverPort)
    {
        QSslConfiguration configuration = QSslConfiguration::defaultDtlsConfiguration();
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
        dtls.setDtlsConfiguration(configuration);
        socket.bind(QHostAddress::LocalHost, 0);
        dtls.setPeer(QHostAddress::LocalHost, serverPort);
        if (!dtls.doHandshake(&socket))
            return false;
        const QByteArray answer = nextDatagram(socket);
        return DtlsRecord::parse(answer).kind == DtlsRecord::Kind::HelloVerifyRequest && dtls.doHandshake(&socket, answer);
    }
};

} // namespace

class TestDtls : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void opensslClientTalksToOurServerAfterTheCookieExchange();
    void ourClientTalksToOpensslServer_data();
    void ourClientTalksToOpensslServer();
    void ourClientAndServerTalkAndCloseWithCloseNotify();
    void garbageFromAStrangerIsAnErrorAndTheServerGoesOn_data();
    void garbageFromAStrangerIsAnErrorAndTheServerGoesOn();
    void aFloodOfClientHellosKeepsNoState();
    void halfOpenHandshakesAreCappedAndTimeOut();
    void aClientToAClosedPortIsRefused();
    void sessionFileKeepsDtlsAndItsTlsObject();

private:
    QString m_openssl;
    TestPki m_pki;
};

void TestDtls::initTestCase()
{
    SOCKPLAY_REQUIRE_PROGRAM(openssl, "openssl");
    m_openssl = openssl;
    QVERIFY2(m_pki.make(m_openssl), qPrintable(m_pki.error));
}

void TestDtls::opensslClientTalksToOurServerAfterTheCookieExchange()
{
    EventLog log;
    DtlsServerEndpoint server(QStringLiteral("server"), &log);
    TlsSpec tls;
    tls.certificateFile = m_pki.server();
    tls.keyFile = m_pki.serverKey();
    tls.alpn = {QStringLiteral("coap")};
    EndpointConfig config = dtlsConfig(Role::Server, 0, tls);
    config.rules = {*Rule::parse(QStringLiteral("regex:^PING=>PONG\\n"), nullptr)};
    const Result started = server.start(config);
    QVERIFY2(started, qPrintable(started.error));

    PeerProcess client;
    QVERIFY(client.start(m_openssl, {QStringLiteral("s_client"), QStringLiteral("-dtls"), QStringLiteral("-connect"),
                                     QStringLiteral("127.0.0.1:%1").arg(server.localPort()), QStringLiteral("-CAfile"),
                                     m_pki.ca(), QStringLiteral("-verify_return_error"), QStringLiteral("-alpn"),
                                     QStringLiteral("coap"), QStringLiteral("-quiet")}));
    QSignalSpy opened(&server, &Endpoint::connectionOpened);
    QVERIFY2(opened.wait(PeerTimeoutMs), qPrintable(client.errText() + detailsOf(log, server.id(), EventKind::Error).join(u'\n')));
    client.write("PING\n");
    QVERIFY2(client.waitForOutput(5), client.err().constData());
    QCOMPARE(client.out(), QByteArray("PONG\n"));
    QVERIFY(server.send(Endpoint::AllConnections, "from the server\n"));
    QVERIFY(client.waitForOutput(5 + 16));
    QCOMPARE(client.out(), QByteArray("PONG\nfrom the server\n"));

    // openssl's first ClientHello has no cookie: the verifier answers it and keeps nothing.
    const QStringList notes = detailsOf(log, server.id(), EventKind::Note);
    QVERIFY2(notes.filter(QStringLiteral("ClientHello without a cookie: HelloVerifyRequest sent")).size() == 1,
             qPrintable(notes.join(u'\n')));
    QVERIFY2(notes.filter(QStringLiteral("ClientHello with a valid cookie")).first().endsWith(QLatin1String("offering ALPN coap")),
             qPrintable(notes.join(u'\n')));
    const QStringList secured = detailsOf(log, server.id(), EventKind::Secured);
    QCOMPARE(secured.size(), 1);
    QVERIFY2(secured.first().startsWith(QLatin1String("DTLSv1.2, ")), qPrintable(secured.first()));
    QVERIFY2(secured.first().endsWith(QLatin1String(", ALPN coap")), qPrintable(secured.first()));
    // One datagram, one message: the pipeline saw the decrypted bytes.
    QCOMPARE(SockPlay::Test::bytesOf(log, server.id(), EventKind::DatagramReceived), QByteArray("PING\n"));
    QCOMPARE(SockPlay::Test::bytesOf(log, server.id(), EventKind::AutoReplied), QByteArray("PONG\n"));
    QCOMPARE(detailsOf(log, server.id(), EventKind::Error), QStringList());

    // Stopping sends close_notify: openssl's client ends.
    server.stop();
    QVERIFY2(client.waitForExit(), client.err().constData());
    QCOMPARE(detailsOf(log, server.id(), EventKind::Closed).first().left(18), QStringLiteral("close_notify sent;"));
}

void TestDtls::ourClientTalksToOpensslServer_data()
{
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("caFile");
    QTest::addColumn<QString>("serverName");
    QTest::addColumn<bool>("verify");
    QTest::addColumn<QString>("error"); // empty: the handshake succeeds

    TestPki &p = m_pki;
    QTest::newRow("trusted CA") << p.server() << p.serverKey() << p.ca() << QString() << true << QString();
    QTest::newRow("self-signed, not trusted") << p.selfSigned() << p.selfSignedKey() << p.ca() << QString() << true
                                              << QStringLiteral("certificate verification failed: the certificate is "
                                                                "self-signed, and untrusted");
    QTest::newRow("unknown CA") << p.server() << p.serverKey() << p.selfSigned() << QString() << true
                                << QStringLiteral("certificate verification failed: the issuer certificate of a "
                                                  "locally looked up certificate could not be found");
    QTest::newRow("wrong host") << p.server() << p.serverKey() << p.ca() << QStringLiteral("example.org") << true
                                << QStringLiteral("certificate verification failed: the host name did not match any of "
                                                  "the valid hosts for this certificate");
    QTest::newRow("not verifying") << p.selfSigned() << p.selfSignedKey() << p.ca() << QString() << false << QString();
}

void TestDtls::ourClientTalksToOpensslServer()
{
    QFETCH(QString, certificate);
    QFETCH(QString, key);
    QFETCH(QString, caFile);
    QFETCH(QString, serverName);
    QFETCH(bool, verify);
    QFETCH(QString, error);
    PeerProcess opensslServer;
    QVERIFY(opensslServer.start(m_openssl, {QStringLiteral("s_server"), QStringLiteral("-dtls"), QStringLiteral("-accept"),
                                            QStringLiteral("127.0.0.1:0"), QStringLiteral("-cert"), certificate,
                                            QStringLiteral("-key"), key, QStringLiteral("-alpn"), QStringLiteral("coap")}));
    const quint16 port = waitForOpensslPort(opensslServer);
    QVERIFY2(port != 0, qPrintable(opensslServer.errText()));

    EventLog log;
    DtlsClientEndpoint client(QStringLiteral("client"), &log);
    TlsSpec tls;
    tls.caFile = caFile;
    tls.serverName = serverName;
    tls.verifyPeer = verify;
    tls.alpn = {QStringLiteral("h2"), QStringLiteral("coap")};
    QSignalSpy opened(&client, &Endpoint::connectionOpened);
    QSignalSpy failed(&client, &Endpoint::errorOccurred);
    QVERIFY(client.start(dtlsConfig(Role::Client, port, tls)));
    if (!error.isEmpty()) {
        QVERIFY(failed.wait(PeerTimeoutMs));
        QTRY_COMPARE(client.state(), EndpointState::Idle);
        QVERIFY2(!detailsOf(log, client.id(), EventKind::Error).filter(error).isEmpty(),
                 qPrintable(detailsOf(log, client.id(), EventKind::Error).join(u'\n')));
        QCOMPARE(detailsOf(log, client.id(), EventKind::Certificate).size(), 1);
        QCOMPARE(detailsOf(log, client.id(), EventKind::Secured), QStringList());
        return;
    }
    QVERIFY2(opened.wait(PeerTimeoutMs), qPrintable(detailsOf(log, client.id(), EventKind::Error).join(u'\n')));
    // The server asked for a cookie first; the client saw it.
    QVERIFY(!detailsOf(log, client.id(), EventKind::Note).filter(QStringLiteral("HelloVerifyRequest from the server")).isEmpty());
    const QStringList secured = detailsOf(log, client.id(), EventKind::Secured);
    QCOMPARE(secured.size(), 1);
    QVERIFY2(secured.first().startsWith(QLatin1String("DTLSv1.2, ")) && secured.first().endsWith(QLatin1String(", ALPN coap")),
             qPrintable(secured.first()));
    QVERIFY2(detailsOf(log, client.id(), EventKind::Certificate).first().startsWith(QLatin1String("subject CN=")),
             qPrintable(detailsOf(log, client.id(), EventKind::Certificate).join(u'\n')));
    if (!verify)
        QVERIFY(!detailsOf(log, client.id(), EventKind::Note).filter(QStringLiteral("ignored (verification off)")).isEmpty());

    QVERIFY(client.send(Endpoint::AllConnections, "hello over DTLS\n"));
    QVERIFY(!opensslServer.waitForMatch(QRegularExpression(QStringLiteral("(hello over DTLS)")), QProcess::StandardOutput).isEmpty());
    QSignalSpy received(&client, &Endpoint::dataReceived);
    opensslServer.write("from openssl\n");
    QVERIFY(received.wait(PeerTimeoutMs));
    QCOMPARE(received.first().at(1).toByteArray(), QByteArray("from openssl\n"));
    QCOMPARE(detailsOf(log, client.id(), EventKind::Error), QStringList());
}

void TestDtls::ourClientAndServerTalkAndCloseWithCloseNotify()
{
    EventLog log;
    DtlsServerEndpoint server(QStringLiteral("server"), &log);
    TlsSpec serverTls;
    serverTls.selfSigned = true;
    EndpointConfig serverConfig = dtlsConfig(Role::Server, 0, serverTls);
    serverConfig.echo = true;
    QVERIFY(server.start(serverConfig));
    DtlsClientEndpoint client(QStringLiteral("client"), &log);
    TlsSpec clientTls;
    clientTls.verifyPeer = false;
    QSignalSpy opened(&client, &Endpoint::connectionOpened);
    QVERIFY(client.start(dtlsConfig(Role::Client, server.localPort(), clientTls)));
    QVERIFY(opened.wait(PeerTimeoutMs));
    QSignalSpy echoed(&client, &Endpoint::dataReceived);
    QVERIFY(client.send(Endpoint::AllConnections, "one"));
    QVERIFY(client.send(Endpoint::AllConnections, "two"));
    QTRY_COMPARE_WITH_TIMEOUT(echoed.size(), 2, PeerTimeoutMs);
    QCOMPARE(SockPlay::Test::eventsOf(log, client.id(), EventKind::DatagramReceived).size(), 2); // never merged

    QSignalSpy closed(&server, &Endpoint::connectionClosed);
    client.stop();
    QVERIFY(closed.wait(PeerTimeoutMs));
    QVERIFY2(detailsOf(log, server.id(), EventKind::PeerClosed).first().startsWith(QLatin1String("the peer sent close_notify")),
             qPrintable(detailsOf(log, server.id(), EventKind::PeerClosed).join(u'\n')));
    QCOMPARE(server.connectionCount(), 0);
}

void TestDtls::garbageFromAStrangerIsAnErrorAndTheServerGoesOn_data()
{
    QTest::addColumn<QByteArray>("datagram");
    QTest::addColumn<QString>("reason");
    QTest::newRow("text") << QByteArray("hello, anyone?") << QStringLiteral("not DTLS: first byte 0x68 is no DTLS content type (20 to 23)");
    QTest::newRow("too short") << QByteArray("\x16\xfe\xfd", 3) << QStringLiteral("not DTLS: 3 bytes are too short for a DTLS record (13 bytes of header at least)");
    QTest::newRow("application data") << QByteArray("\x17\xfe\xfd\x00\x01\x00\x00\x00\x00\x00\x05\x00\x02hi", 15)
                                      << QStringLiteral("a DTLS application data, but no handshake was started with this peer");
    QTest::newRow("a ClientHello cut short") << QByteArray("\x16\xfe\xfd\x00\x00\x00\x00\x00\x00\x00\x00\x00\x10"
                                                           "\x01\x00\x00\x40\x00\x00\x00\x00\x00\x00\x00\x40\xfe\xfd\x00\x00", 29)
                                             << QStringLiteral("not DTLS: a ClientHello whose lengths do not add up");
}

void TestDtls::garbageFromAStrangerIsAnErrorAndTheServerGoesOn()
{
    QFETCH(QByteArray, datagram);
    QFETCH(QString, reason);
    EventLog log;
    DtlsServerEndpoint server(QStringLiteral("server"), &log);
    TlsSpec tls;
    tls.selfSigned = true;
    QVERIFY(server.start(dtlsConfig(Role::Server, 0, tls)));
    QUdpSocket stranger;
    QSignalSpy errors(&server, &Endpoint::errorOccurred);
    stranger.writeDatagram(datagram, QHostAddress::LocalHost, server.localPort());
    QVERIFY(errors.wait(PeerTimeoutMs));
    QCOMPARE(errors.first().first().toString(),
             QStringLiteral("a datagram of %1 bytes from 127.0.0.1:%2 was dropped: %3")
                 .arg(datagram.size()).arg(stranger.localPort()).arg(reason));
    QCOMPARE(server.connectionCount(), 0);
    QVERIFY(server.isActive());
    // Nothing was answered, and a real client still gets in.
    QVERIFY(!stranger.hasPendingDatagrams());
    HalfOpenClient client;
    QVERIFY(client.proveAddress(server.localPort()));
    QTRY_COMPARE(server.connectionCount(), 1);
}

void TestDtls::aFloodOfClientHellosKeepsNoState()
{
    EventLog log;
    DtlsServerEndpoint server(QStringLiteral("server"), &log);
    TlsSpec tls;
    tls.selfSigned = true;
    QVERIFY(server.start(dtlsConfig(Role::Server, 0, tls)));

    // A ClientHello as Qt's QDtls sends it, caught on a socket of our own.
    QUdpSocket catcher;
    QVERIFY(catcher.bind(QHostAddress::LocalHost, 0));
    QUdpSocket flooder;
    QDtls dtls(QSslSocket::SslClientMode);
    dtls.setPeer(QHostAddress::LocalHost, catcher.localPort());
    QVERIFY(dtls.doHandshake(&flooder));
    const QByteArray hello = nextDatagram(catcher);
    const DtlsRecord parsed = DtlsRecord::parse(hello);
    QCOMPARE(parsed.kind, DtlsRecord::Kind::ClientHello);
    QVERIFY(parsed.cookie.isEmpty());

    // In rounds that fit the sockets' buffers: every ClientHello is answered, none is kept.
    constexpr int Rounds = 10;
    constexpr int PerRound = 50;
    QByteArray answer;
    for (int round = 0; round < Rounds; ++round) {
        for (int i = 0; i < PerRound; ++i)
            flooder.writeDatagram(hello, QHostAddress::LocalHost, server.localPort());
        for (int i = 0; i < PerRound; ++i) {
            answer = nextDatagram(flooder);
            QVERIFY2(!answer.isEmpty(), qPrintable(QStringLiteral("round %1, answer %2").arg(round).arg(i)));
        }
    }
    constexpr int Flood = Rounds * PerRound;
    const DtlsRecord request = DtlsRecord::parse(answer);
    QCOMPARE(request.kind, DtlsRecord::Kind::HelloVerifyRequest);
    QVERIFY(!request.cookie.isEmpty());
    QCOMPARE(server.connectionCount(), 0); // stateless: no connection, nothing pending
    QCOMPARE(detailsOf(log, server.id(), EventKind::Note).filter(QStringLiteral("HelloVerifyRequest sent")).size(), Flood);
}

void TestDtls::halfOpenHandshakesAreCappedAndTimeOut()
{
    EventLog log;
    DtlsServerEndpoint server(QStringLiteral("server"), &log);
    TlsSpec tls;
    tls.selfSigned = true;
    tls.handshakeTimeoutMs = 2500; // QDtls retransmits after 1 s
    QVERIFY(server.start(dtlsConfig(Role::Server, 0, tls)));

    constexpr int Cap = DtlsServerEndpoint::MaxPendingHandshakes;
    std::vector<std::unique_ptr<HalfOpenClient>> clients;
    for (int i = 0; i < Cap + 1; ++i) {
        clients.push_back(std::make_unique<HalfOpenClient>());
        QVERIFY(clients.back()->proveAddress(server.localPort()));
    }
    QTRY_COMPARE(server.connectionCount(), Cap);
    QTRY_VERIFY(!detailsOf(log, server.id(), EventKind::Note)
                     .filter(QStringLiteral("%1 DTLS handshakes in progress, the most at once").arg(Cap)).isEmpty());

    // They never answer: each one's handshake is retransmitted, then given up, and the slots are free again.
    QTRY_COMPARE_WITH_TIMEOUT(server.connectionCount(), 0, PeerTimeoutMs);
    const QStringList errors = detailsOf(log, server.id(), EventKind::Error);
    QCOMPARE(errors.size(), Cap);
    QVERIFY2(errors.first().startsWith(QLatin1String("the DTLS handshake did not finish within 2500 ms")), qPrintable(errors.first()));
    QVERIFY(!detailsOf(log, server.id(), EventKind::Note).filter(QStringLiteral("(retransmission 1)")).isEmpty());
    HalfOpenClient late;
    QVERIFY(late.proveAddress(server.localPort()));
    QTRY_COMPARE(server.connectionCount(), 1);
}

void TestDtls::aClientToAClosedPortIsRefused()
{
    QUdpSocket nobody; // a port that was free a moment ago
    QVERIFY(nobody.bind(QHostAddress::LocalHost, 0));
    const quint16 port = nobody.localPort();
    nobody.close();
    EventLog log;
    DtlsClientEndpoint client(QStringLiteral("client"), &log);
    TlsSpec tls;
    tls.verifyPeer = false;
    QSignalSpy failed(&client, &Endpoint::errorOccurred);
    QVERIFY(client.start(dtlsConfig(Role::Client, port, tls)));
    QVERIFY(failed.wait(PeerTimeoutMs));
    QVERIFY2(failed.first().first().toString().contains(QLatin1String("refused")), qPrintable(failed.first().first().toString()));
    QTRY_COMPARE(client.state(), EndpointState::Idle);
}

void TestDtls::sessionFileKeepsDtlsAndItsTlsObject()
{
    EndpointConfig config = dtlsConfig(Role::Client, 4433, {});
    config.name = QStringLiteral("dtls client");
    config.tls.caFile = m_pki.ca();
    config.tls.alpn = {QStringLiteral("coap")};
    config.tls.serverName = QStringLiteral("localhost");
    const QJsonObject json = SessionFile::endpointToJson(config, m_pki.dir.path());
    QCOMPARE(json.value(QStringLiteral("transport")).toString(), QStringLiteral("dtls"));
    QCOMPARE(json.value(QStringLiteral("tls")).toObject().value(QStringLiteral("caFile")).toString(), QStringLiteral("ca.pem"));
    QString error;
    const std::optional<EndpointConfig> back = SessionFile::endpointFromJson(json, &error, m_pki.dir.path());
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->transport, Transport::Dtls);
    QCOMPARE(back->tls, config.tls);
}

QTEST_GUILESS_MAIN(TestDtls)
#include "tst_dtls.moc"
