// A DTLS server against hostile peers: garbage from strangers and from a
// client with an association, a flood of ClientHellos from one address, and
// more half-open handshakes than the cap, driven with a plain QUdpSocket and
// with Qt's own QDtls stepped by hand (dtlstestsupport.h).

#include "dtlsserverendpoint.h"
#include "dtlstestsupport.h"

#include <QTest>

#include <memory>
#include <vector>

using namespace SockPlay;
using namespace SockPlayTest;

namespace {

EndpointConfig selfSignedServer()
{
    TlsSpec tls;
    tls.selfSigned = true;
    return dtlsConfig(Role::Server, 0, tls);
}

} // namespace

class TestDtlsHostile : public QObject
{
    Q_OBJECT

private slots:
    void garbageFromAStrangerIsAnErrorAndTheServerGoesOn_data();
    void garbageFromAStrangerIsAnErrorAndTheServerGoesOn();
    void garbageFromAClientIsAnErrorAndItsAssociationGoesOn();
    void aFloodOfClientHellosKeepsNoState();
    void halfOpenHandshakesAreCappedAndTimeOut();
};

void TestDtlsHostile::garbageFromAStrangerIsAnErrorAndTheServerGoesOn_data()
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

void TestDtlsHostile::garbageFromAStrangerIsAnErrorAndTheServerGoesOn()
{
    QFETCH(QByteArray, datagram);
    QFETCH(QString, reason);
    EventLog log;
    DtlsServerEndpoint server(QStringLiteral("server"), &log);
    QVERIFY(server.start(selfSignedServer()));
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

void TestDtlsHostile::garbageFromAClientIsAnErrorAndItsAssociationGoesOn()
{
    EventLog log;
    DtlsServerEndpoint server(QStringLiteral("server"), &log);
    EndpointConfig config = selfSignedServer();
    config.echo = true;
    QVERIFY(server.start(config));
    HalfOpenClient client;
    QSignalSpy opened(&server, &Endpoint::connectionOpened);
    QVERIFY(client.proveAddress(server.localPort()));
    QVERIFY(client.finishHandshake());
    QVERIFY(opened.size() == 1 || opened.wait(PeerTimeoutMs));

    // From the client's own address: plain text, then a record of application data no key made.
    const QString prefix = QStringLiteral("a datagram of %1 bytes from 127.0.0.1:%2 was dropped: ");
    QSignalSpy errors(&server, &Endpoint::errorOccurred);
    client.socket.writeDatagram("plain text, not DTLS", QHostAddress::LocalHost, server.localPort());
    QVERIFY(errors.wait(PeerTimeoutMs));
    QCOMPARE(errors.last().first().toString(),
             prefix.arg(20).arg(client.socket.localPort())
                 + QStringLiteral("not DTLS: first byte 0x70 is no DTLS content type (20 to 23)"));
    const QByteArray forged("\x17\xfe\xfd\x00\x01\x00\x00\x00\x00\x00\x63\x00\x1d" "0123456789abcdef0123456789abc", 42);
    client.socket.writeDatagram(forged, QHostAddress::LocalHost, server.localPort());
    QVERIFY(errors.wait(PeerTimeoutMs));
    QVERIFY2(errors.last().first().toString().startsWith(prefix.arg(42).arg(client.socket.localPort())),
             qPrintable(errors.last().first().toString()));

    // Nothing lost: the association still carries data both ways.
    QVERIFY(client.dtls.writeDatagramEncrypted(&client.socket, "still here") > 0);
    const QByteArray echoed = nextDatagram(client.socket);
    QCOMPARE(client.dtls.decryptDatagram(&client.socket, echoed), QByteArray("still here"));
    QCOMPARE(server.connectionCount(), 1);
    QCOMPARE(SockPlay::Test::eventsOf(log, server.id(), EventKind::DatagramReceived).size(), 1);
}

void TestDtlsHostile::aFloodOfClientHellosKeepsNoState()
{
    EventLog log;
    DtlsServerEndpoint server(QStringLiteral("server"), &log);
    QVERIFY(server.start(selfSignedServer()));

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

void TestDtlsHostile::halfOpenHandshakesAreCappedAndTimeOut()
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

QTEST_GUILESS_MAIN(TestDtlsHostile)
#include "tst_dtlshostile.moc"
