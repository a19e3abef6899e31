// The ladder over DTLS: the cookie exchange (from the server's notes), the
// handshake (each side's Secured) and the decrypted datagrams, drawn from
// real exchanges on loopback: our client and server through a Session, and
// our client against openssl s_server -dtls.
#include "dtlstestsupport.h"
#include "ladder.h"
#include "laddertestsupport.h"
#include "session.h"
#include "testsupport.h"
#include "tlstestsupport.h"

#include <QTest>

#include <algorithm>

using namespace SockPlay;
using namespace SockPlay::LadderTest;
using SockPlayTest::PeerProcess;

namespace {

EndpointConfig dtls(Role role, const QString &name, quint16 port = 0)
{
    EndpointConfig c = config(Transport::Dtls, role, name, port, role == Role::Server);
    c.host = QStringLiteral("127.0.0.1");
    c.tls.selfSigned = role == Role::Server;
    c.tls.verifyPeer = false; // self-signed: each problem a note
    return c;
}

} // namespace

class TestLadderDtls : public QObject
{
    Q_OBJECT
private slots:
    void cookieExchangeAndHandshakeComeBeforeTheDatagrams()
    {
        Session session;
        Ladder ladder;
        ladder.follow(session.log());
        const EndpointConfig serverConfig = dtls(Role::Server, QStringLiteral("server"));
        const int server = session.addEndpoint(serverConfig);
        session.start(server, serverConfig);
        QTRY_VERIFY(portOf(session, server) != 0);
        const EndpointConfig clientConfig = dtls(Role::Client, QStringLiteral("client"), portOf(session, server));
        const int client = session.addEndpoint(clientConfig);
        session.start(client, clientConfig);
        QTRY_COMPARE(countOf(ladder, ArrowKind::Dtls), 2);
        session.send(client, 0, "hi");
        QTRY_COMPARE(countOf(ladder, ArrowKind::Datagram, true), 2); // and its echo

        // The server's notes draw the exchange; each side's Secured its last
        // flight's arrival (the server has the client's Finished first).
        const QStringList expected = {
            u"cookie client>server"_qs,
            u"cookie server>client"_qs,
            u"cookie client>server"_qs,
            u"DTLS client>server"_qs,
            u"DTLS server>client"_qs,
            u"datagram client>server"_qs,
            u"datagram server>client"_qs,
        };
        QCOMPARE(ladderText(ladder), expected);
        QCOMPARE(Ladder::label(ladder.arrow(0)), QStringLiteral("ClientHello"));
        QCOMPARE(Ladder::label(ladder.arrow(1)), QStringLiteral("HelloVerifyRequest (cookie)"));
        QCOMPARE(Ladder::label(ladder.arrow(2)), QStringLiteral("ClientHello (cookie)"));
        // The cookie went out at the server's note and arrived at the client's.
        const Arrow &cookie = ladder.arrow(1);
        QVERIFY(!cookie.has(Ladder::InFlight));
        QVERIFY(cookie.endSequence > cookie.sequence);
        const QList<Event> events = session.log()->snapshot();
        const auto eventOf = [&events](quint64 sequence) {
            return *std::find_if(events.cbegin(), events.cend(), [&](const Event &e) { return e.sequence == sequence; });
        };
        QCOMPARE(eventOf(cookie.sequence).endpointId(), server);
        QCOMPARE(eventOf(cookie.endSequence).endpointId(), client);
        QCOMPARE(eventOf(cookie.endSequence).kind, EventKind::Note);
        const QString handshake = Ladder::label(ladder.arrow(4));
        QVERIFY2(handshake.startsWith(QStringLiteral("DTLS handshake (DTLSv1.2, ")) && handshake.endsWith(u')'),
                 qPrintable(handshake));
        QCOMPARE(eventOf(ladder.arrow(4).sequence).kind, EventKind::Secured);
        QCOMPARE(eventOf(ladder.arrow(4).sequence).endpointId(), client);
        // The datagrams are matched with their arrival: the decrypted bytes, not the records.
        QCOMPARE(ladder.arrow(5).byteCount, 2);
        QVERIFY(ladder.arrow(5).endSequence > ladder.arrow(5).sequence);
        QCOMPARE(ladder.lanes().size(), 2); // no peer lanes, no lane per association

        // The server ends this client's association (close_notify): no FIN,
        // and the server's socket is still where the next client finds it.
        QCOMPARE(session.connections(server).size(), 1);
        session.closeConnection(server, session.connections(server).first().id);
        QTRY_VERIFY(session.snapshot(server).connectionCount == 0);
        QTRY_VERIFY(!session.snapshot(client).isActive());
        const int second = session.addEndpoint(dtls(Role::Client, QStringLiteral("second"), portOf(session, server)));
        session.start(second, dtls(Role::Client, QStringLiteral("second"), portOf(session, server)));
        QTRY_COMPARE(countOf(ladder, ArrowKind::Dtls), 4);
        session.send(second, 0, "again");
        QTRY_COMPARE(countOf(ladder, ArrowKind::Datagram, true), 4);
        QCOMPARE(countOf(ladder, ArrowKind::Fin), 0);
        QCOMPARE(ladder.lanes().size(), 3);
        const QStringList lines = ladderText(ladder);
        QCOMPARE(lines.mid(lines.size() - 2), (QStringList{u"datagram second>server"_qs, u"datagram server>second"_qs}));
    }

    void ourClientDrawsTheExchangeWithAForeignServer()
    {
        SOCKPLAY_REQUIRE_PROGRAM(openssl, "openssl");
        SockPlayTest::TestPki pki;
        QVERIFY2(pki.make(openssl), qPrintable(pki.error));
        PeerProcess opensslServer;
        QVERIFY(opensslServer.start(openssl, {QStringLiteral("s_server"), QStringLiteral("-dtls"), QStringLiteral("-accept"),
                                              QStringLiteral("127.0.0.1:0"), QStringLiteral("-cert"), pki.server(),
                                              QStringLiteral("-key"), pki.serverKey()}));
        const quint16 port = SockPlayTest::waitForOpensslPort(opensslServer);
        QVERIFY2(port != 0, qPrintable(opensslServer.errText()));

        Session session;
        Ladder ladder;
        ladder.follow(session.log());
        const EndpointConfig clientConfig = dtls(Role::Client, QStringLiteral("client"), port);
        const int client = session.addEndpoint(clientConfig);
        session.start(client, clientConfig);
        QTRY_COMPARE_WITH_TIMEOUT(countOf(ladder, ArrowKind::Dtls), 1, SockPlayTest::PeerTimeoutMs);
        session.send(client, 0, "hello openssl\n");
        QVERIFY(!opensslServer.waitForMatch(QRegularExpression(QStringLiteral("(hello openssl)")),
                                            QProcess::StandardOutput).isEmpty());

        // openssl logs nothing here: the exchange as our client saw it, at its note.
        const QString peer = QStringLiteral("peer 127.0.0.1:%1").arg(port);
        const QStringList expected = {
            u"cookie client>"_qs + peer,
            u"cookie "_qs + peer + u">client"_qs,
            u"cookie client>"_qs + peer,
            u"DTLS "_qs + peer + u">client"_qs,
            u"datagram client>"_qs + peer,
        };
        QTRY_COMPARE(ladderText(ladder), expected);
        QCOMPARE(Ladder::label(ladder.arrow(1)), QStringLiteral("HelloVerifyRequest (cookie)"));
    }
};

QTEST_GUILESS_MAIN(TestLadderDtls)
#include "tst_ladderdtls.moc"
