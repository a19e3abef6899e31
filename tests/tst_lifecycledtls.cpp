// A DTLS server's verified clients as branches of its lifecycle, as a TCP
// server's accepted connections are: one per client (its cookie verified,
// its handshake, its datagrams, its close), each ended as it really ended.
// Real endpoints on loopback: our DTLS clients, and a client made of Qt's
// own QDtls that proves its address and goes silent (dtlstestsupport.h).
#include "dtlsclientendpoint.h"
#include "dtlsserverendpoint.h"
#include "dtlstestsupport.h"
#include "lifecycletracker.h"

#include <QTest>

using namespace SockPlay;
using namespace SockPlayTest;

namespace {

/// "DTLSv1_listen()+ SSL_accept()! SSL_read()/SSL_write()- close()+": + lit, ! failed, - not yet.
QString rowText(const QList<LifecycleStep> &steps)
{
    QStringList row;
    for (const LifecycleStep &step : steps) {
        const QChar mark = step.state == LifecycleStep::State::Failed ? u'!' : step.isLit() ? u'+' : u'-';
        row.append(step.name + mark);
    }
    return row.join(u' ');
}

} // namespace

class TestLifecycleDtls : public QObject
{
    Q_OBJECT
private slots:
    void eachVerifiedClientIsABranchEndedAsItEnded()
    {
        EventLog log;
        LifecycleTracker tracker;
        tracker.follow(&log);
        DtlsServerEndpoint server(QStringLiteral("server"), &log);
        TlsSpec serverTls;
        serverTls.selfSigned = true;
        serverTls.handshakeTimeoutMs = 1500; // the silent client's handshake ends in time (QDtls retransmits after 1 s)
        EndpointConfig serverConfig = dtlsConfig(Role::Server, 0, serverTls);
        serverConfig.echo = true;
        QVERIFY(server.start(serverConfig));
        TlsSpec clientTls;
        clientTls.verifyPeer = false;
        QSignalSpy closed(&server, &Endpoint::connectionClosed);

        // The first client talks and leaves (close_notify from it).
        DtlsClientEndpoint first(QStringLiteral("first"), &log);
        QSignalSpy firstEchoed(&first, &Endpoint::dataReceived);
        QVERIFY(first.start(dtlsConfig(Role::Client, server.localPort(), clientTls)));
        QTRY_VERIFY_WITH_TIMEOUT(first.connectionCount() == 1 && first.isActive(), PeerTimeoutMs);
        QVERIFY(first.send(Endpoint::AllConnections, "one"));
        QVERIFY(firstEchoed.wait(PeerTimeoutMs));
        const quint16 firstPort = first.connections().value(0).localPort;
        first.stop();
        QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, PeerTimeoutMs);

        // A client that proves its address and goes silent: its handshake times out.
        HalfOpenClient silent;
        QVERIFY(silent.proveAddress(server.localPort()));
        QTRY_COMPARE(server.connectionCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(server.connectionCount(), 0, PeerTimeoutMs); // never opened: no connectionClosed

        // The last one is still talking when the server stops (close_notify from us).
        DtlsClientEndpoint last(QStringLiteral("last"), &log);
        QSignalSpy lastEchoed(&last, &Endpoint::dataReceived);
        QVERIFY(last.start(dtlsConfig(Role::Client, server.localPort(), clientTls)));
        QTRY_VERIFY_WITH_TIMEOUT(last.connectionCount() == 1 && last.isActive(), PeerTimeoutMs);
        QVERIFY(last.send(Endpoint::AllConnections, "two"));
        QVERIFY(lastEchoed.wait(PeerTimeoutMs));
        server.stop();
        QTRY_VERIFY(tracker.flow(server.id()).steps.value(3).isLit());

        const LifecycleFlow flow = tracker.flow(server.id());
        QCOMPARE(flow.title(), QStringLiteral("DTLS server"));
        QCOMPARE(rowText(flow.steps), QStringLiteral("socket()+ bind()+ DTLSv1_listen()+ close()+"));
        QCOMPARE(flow.branches.size(), 3);
        const LifecycleBranch &talked = flow.branches.at(0);
        QCOMPARE(rowText(talked.steps), QStringLiteral("DTLSv1_listen()+ SSL_accept()+ SSL_read()/SSL_write()+ close()+"));
        QCOMPARE(talked.ending, LifecycleBranch::Ending::ClosedByPeer);
        QVERIFY2(talked.steps.last().sentence.contains(QLatin1String("the peer sent close_notify")),
                 qPrintable(talked.steps.last().sentence));
        QCOMPARE(talked.peer, QStringLiteral("127.0.0.1:%1").arg(firstPort));

        const LifecycleBranch &timedOut = flow.branches.at(1);
        QCOMPARE(rowText(timedOut.steps), QStringLiteral("DTLSv1_listen()+ SSL_accept()! SSL_read()/SSL_write()- close()+"));
        QCOMPARE(timedOut.ending, LifecycleBranch::Ending::Failed);
        QVERIFY2(timedOut.steps.at(1).error.contains(QLatin1String("sent nothing")), qPrintable(timedOut.steps.at(1).error));
        QCOMPARE(timedOut.peer, QStringLiteral("127.0.0.1:%1").arg(silent.socket.localPort()));

        const LifecycleBranch &stopped = flow.branches.at(2);
        QCOMPARE(rowText(stopped.steps), QStringLiteral("DTLSv1_listen()+ SSL_accept()+ SSL_read()/SSL_write()+ close()+"));
        QCOMPARE(stopped.ending, LifecycleBranch::Ending::ClosedByUs);
        QVERIFY(stopped.connectionId != talked.connectionId && stopped.connectionId != timedOut.connectionId);

        // A client's own flow is one row, ended by its own close_notify.
        QCOMPARE(rowText(tracker.flow(first.id()).steps),
                 QStringLiteral("socket()+ connect()+ HelloVerifyRequest+ SSL_connect()+ SSL_write()/SSL_read()+ close()+"));
        QVERIFY(tracker.flow(first.id()).branches.isEmpty());
        const QString firstClose = tracker.flow(first.id()).steps.last().sentence;
        QVERIFY2(firstClose.startsWith(QLatin1String("close_notify tells the peer the association is over")),
                 qPrintable(firstClose));
    }

    void aStrangersGarbageMakesNoBranch()
    {
        EventLog log;
        LifecycleTracker tracker;
        tracker.follow(&log);
        DtlsServerEndpoint server(QStringLiteral("server"), &log);
        TlsSpec tls;
        tls.selfSigned = true;
        QVERIFY(server.start(dtlsConfig(Role::Server, 0, tls)));
        QUdpSocket stranger;
        QSignalSpy errors(&server, &Endpoint::errorOccurred);
        stranger.writeDatagram("not a ClientHello", QHostAddress::LocalHost, server.localPort());
        QVERIFY(errors.wait(PeerTimeoutMs));
        // A ClientHello without a cookie: answered, nothing kept, no branch either.
        HalfOpenClient asking;
        asking.socket.bind(QHostAddress::LocalHost, 0);
        QSslConfiguration configuration = QSslConfiguration::defaultDtlsConfiguration();
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
        asking.dtls.setDtlsConfiguration(configuration);
        asking.dtls.setPeer(QHostAddress::LocalHost, server.localPort());
        QVERIFY(asking.dtls.doHandshake(&asking.socket));
        QCOMPARE(DtlsRecord::parse(nextDatagram(asking.socket)).kind, DtlsRecord::Kind::HelloVerifyRequest);
        QTRY_COMPARE(tracker.flow(server.id()).steps.value(2).state, LifecycleStep::State::Current);

        const LifecycleFlow flow = tracker.flow(server.id());
        QCOMPARE(rowText(flow.steps), QStringLiteral("socket()+ bind()+ DTLSv1_listen()+ close()-"));
        QVERIFY(flow.branches.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLifecycleDtls)
#include "tst_lifecycledtls.moc"
