// DTLS endpoints against peers no one here wrote (openssl s_client -dtls and
// s_server -dtls) and against each other, over loopback with ports the
// system picks; what the lifecycle makes of it; session files. Hostile
// peers are in tst_dtlshostile.cpp. Certificates are made per run in a
// temporary folder (tlstestsupport.h).

#include "dtlsclientendpoint.h"
#include "dtlsserverendpoint.h"
#include "dtlstestsupport.h"
#include "lifecycletracker.h"
#include "sessionfile.h"
#include "tlstestsupport.h"

#include <QTest>

using namespace SockPlay;
using namespace SockPlayTest;

class TestDtls : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void opensslClientTalksToOurServerAfterTheCookieExchange();
    void ourClientTalksToOpensslServer_data();
    void ourClientTalksToOpensslServer();
    void ourClientAndServerTalkAndCloseWithCloseNotify();
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
        LifecycleTracker tracker;
        tracker.feed(log.snapshot());
        const QList<LifecycleStep> steps = tracker.flow(client.id()).steps;
        QCOMPARE(steps.at(3).name, QStringLiteral("SSL_connect()"));
        QCOMPARE(steps.at(3).state, LifecycleStep::State::Failed);
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

    // The lifecycle: the client's row, every step lit in order; the server's
    // row is still open, its client a branch (tst_lifecycledtls has more).
    LifecycleTracker tracker;
    tracker.feed(log.snapshot());
    const auto rowOf = [&tracker](int id) {
        QStringList row;
        for (const LifecycleStep &step : tracker.flow(id).steps)
            row.append(step.name + (step.isLit() ? QStringLiteral("+") : QStringLiteral("-")));
        return row.join(u' ');
    };
    QCOMPARE(tracker.flow(server.id()).title(), QStringLiteral("DTLS server"));
    QCOMPARE(rowOf(server.id()), QStringLiteral("socket()+ bind()+ DTLSv1_listen()+ close()-"));
    QCOMPARE(tracker.flow(server.id()).branches.size(), 1);
    QCOMPARE(tracker.flow(server.id()).branches.first().ending, LifecycleBranch::Ending::ClosedByPeer);
    QCOMPARE(tracker.flow(client.id()).title(), QStringLiteral("DTLS client"));
    QCOMPARE(rowOf(client.id()), QStringLiteral("socket()+ connect()+ HelloVerifyRequest+ SSL_connect()+ "
                                                "SSL_write()/SSL_read()+ close()+"));
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
