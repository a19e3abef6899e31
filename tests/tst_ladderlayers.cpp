// The ladder above TCP: the TLS handshake and the WebSocket upgrade drawn
// from real exchanges through a Session on loopback, between the TCP
// handshake and the data, where the events that say they are done put them.
#include "ladder.h"
#include "laddertestsupport.h"
#include "session.h"
#include "testsupport.h"

#include <QTest>

#include <algorithm>

using namespace SockPlay;
using namespace SockPlay::LadderTest;

class TestLadderLayers : public QObject
{
    Q_OBJECT
private slots:
    void tlsHandshakeSitsBetweenTheTcpHandshakeAndTheData()
    {
        Session session;
        Ladder ladder;
        ladder.follow(session.log());
        EndpointConfig serverConfig = config(Transport::Tls, Role::Server, QStringLiteral("server"), 0, true);
        serverConfig.tls.selfSigned = true;
        serverConfig.tls.verifyPeer = false;
        const int server = session.addEndpoint(serverConfig);
        session.start(server, serverConfig);
        QTRY_VERIFY(portOf(session, server) != 0);
        EndpointConfig clientConfig = config(Transport::Tls, Role::Client, QStringLiteral("client"), portOf(session, server));
        clientConfig.tls.verifyPeer = false; // self-signed: each problem a note
        const int client = session.addEndpoint(clientConfig);
        session.start(client, clientConfig);
        QTRY_COMPARE(countOf(ladder, ArrowKind::Tls), 2);
        session.send(client, 0, "hi");
        QTRY_COMPARE(countOf(ladder, ArrowKind::Data, true), 2);

        const QString connection = ladder.lanes().at(2).name;
        // Each side's Secured: the last message it waited for arrived (the client is done first).
        const QStringList expected = {
            u"SYN client>server"_qs,
            u"SYN-ACK server>client"_qs,
            u"ACK client>"_qs + connection,
            u"TLS "_qs + connection + u">client"_qs,
            u"TLS client>"_qs + connection,
            u"data client>"_qs + connection,
            u"data "_qs + connection + u">client"_qs,
        };
        QCOMPARE(ladderText(ladder), expected);
        const QString label = Ladder::label(ladder.arrow(3));
        QVERIFY2(label.startsWith(QStringLiteral("TLS handshake (TLSv1.3, TLS_")) && label.endsWith(u')'), qPrintable(label));
        QVERIFY(!ladder.arrow(3).has(Ladder::Kernel));
        // The arrow stands for the Secured event it was drawn from.
        const QList<Event> events = session.log()->snapshot();
        const auto drawnFrom = std::find_if(events.cbegin(), events.cend(),
                                            [&](const Event &e) { return e.sequence == ladder.arrow(3).sequence; });
        QVERIFY(drawnFrom != events.cend());
        QCOMPARE(drawnFrom->kind, EventKind::Secured);
        QCOMPARE(drawnFrom->endpointId(), client);
    }

    void webSocketUpgradeSitsBetweenTheHandshakesAndTheMessages_data()
    {
        QTest::addColumn<bool>("secure");
        QTest::newRow("ws://") << false;
        QTest::newRow("wss://") << true;
    }

    void webSocketUpgradeSitsBetweenTheHandshakesAndTheMessages()
    {
        QFETCH(bool, secure);
        Session session;
        Ladder ladder;
        ladder.follow(session.log());
        EndpointConfig serverConfig = config(Transport::WebSocket, Role::Server, QStringLiteral("server"), 0, true);
        serverConfig.path = QStringLiteral("/chat");
        serverConfig.secure = secure;
        serverConfig.tls.selfSigned = true;
        serverConfig.tls.verifyPeer = false;
        const int server = session.addEndpoint(serverConfig);
        session.start(server, serverConfig);
        QTRY_VERIFY(portOf(session, server) != 0);
        EndpointConfig clientConfig =
            config(Transport::WebSocket, Role::Client, QStringLiteral("client"), portOf(session, server));
        clientConfig.host = QStringLiteral("127.0.0.1");
        clientConfig.path = QStringLiteral("/chat");
        clientConfig.secure = secure;
        clientConfig.tls.verifyPeer = !secure; // self-signed
        const int client = session.addEndpoint(clientConfig);
        session.start(client, clientConfig);
        QTRY_COMPARE(countOf(ladder, ArrowKind::Upgrade, true), 2);
        session.send(client, 0, "hi");
        QTRY_COMPARE(countOf(ladder, ArrowKind::Data, true), 2);

        const QString connection = ladder.lanes().at(2).name;
        // The client says Connected when TCP connects, before its upgrade:
        // the TCP handshake, (TLS's,) the upgrade, then the messages.
        QStringList expected = {
            u"SYN client>server"_qs,
            u"SYN-ACK server>client"_qs,
            u"ACK client>"_qs + connection,
        };
        if (secure)
            expected += {u"TLS "_qs + connection + u">client"_qs, u"TLS client>"_qs + connection};
        expected += {
            u"upgrade client>"_qs + connection,
            u"upgrade "_qs + connection + u">client"_qs,
            u"data client>"_qs + connection,
            u"data "_qs + connection + u">client"_qs,
        };
        QCOMPARE(ladderText(ladder), expected);
        const qsizetype get = expected.size() - 4;
        QCOMPARE(Ladder::label(ladder.arrow(get)), QStringLiteral("GET /chat HTTP/1.1"));
        const Arrow &answer = ladder.arrow(get + 1);
        QCOMPARE(Ladder::label(answer), QStringLiteral("101 Switching Protocols"));
        // Drawn at the server's note; it arrived where the client logged its own.
        QVERIFY(answer.endSequence > answer.sequence);
        QVERIFY(!answer.has(Ladder::InFlight));
        QCOMPARE(ladder.indexOfSequence(answer.endSequence), get + 1);
    }
};

QTEST_GUILESS_MAIN(TestLadderLayers)
#include "tst_ladderlayers.moc"
