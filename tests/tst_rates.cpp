// Rates per connection: RateWindow's definition on ticks made up here (exact
// numbers, no clock), an endpoint that samples only the connections that
// move (real loopback sockets, made-up ticks), and a session over loopback
// whose connection rate rises, falls back to exactly 0, and agrees with its
// endpoint's rate, also for a burst after a pause.
#include "ratewindow.h"
#include "session.h"
#include "tcpserverendpoint.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <memory>
#include <vector>

using namespace SockPlay;
using namespace SockPlay::Test;

namespace {

constexpr qint64 TickNs = qint64(Session::StatsIntervalMs) * 1000000;

/// Tick n of a session whose ticks come every intervalNs: the window starts
/// RateWindow::Ticks ticks earlier (at the clock's start for the first ones).
RateTick tickAt(qint64 number, qint64 intervalNs = TickNs)
{
    return {number, number * intervalNs, qMax<qint64>(0, number - RateWindow::Ticks) * intervalNs};
}

} // namespace

class TestRates : public QObject
{
    Q_OBJECT
private slots:
    void windowIsTheChangeOverTheLastSecond_data();
    void windowIsTheChangeOverTheLastSecond();
    void windowCountsEveryCounter();
    void endpointSamplesOnlyConnectionsThatMove();
    void sessionPublishesConnectionRatesThatFallToZero();
};

void TestRates::windowIsTheChangeOverTheLastSecond_data()
{
    // The ticks at which the connection is sampled (the endpoint skips a
    // resting one), the bytes it received just before each, and what it reads.
    QTest::addColumn<QList<int>>("ticks");
    QTest::addColumn<QList<int>>("bytes");
    QTest::addColumn<int>("intervalMs");
    QTest::addColumn<QList<double>>("rates");
    QTest::addColumn<QList<bool>>("moving");

    QTest::newRow("steady 1000 bytes a tick reads 4000 B/s once the window is full")
        << QList<int>{10, 11, 12, 13, 14, 15} << QList<int>{1000, 1000, 1000, 1000, 1000, 1000} << 250
        << QList<double>{1000, 2000, 3000, 4000, 4000, 4000} << QList<bool>{true, true, true, true, true, true};
    QTest::newRow("a burst shows for a second, then exactly 0")
        << QList<int>{10, 11, 12, 13, 14} << QList<int>{1000, 0, 0, 0, 0} << 250
        << QList<double>{1000, 1000, 1000, 1000, 0} << QList<bool>{true, true, true, true, false};
    QTest::newRow("a burst after a long pause reads per the last second, not per the pause")
        << QList<int>{10, 11, 12, 13, 14, 100, 101} << QList<int>{1000, 0, 0, 0, 0, 500, 0} << 250
        << QList<double>{1000, 1000, 1000, 1000, 0, 500, 500}
        << QList<bool>{true, true, true, true, false, true, true};
    QTest::newRow("late ticks: divided by the time the window took")
        << QList<int>{10, 11, 12, 13, 14} << QList<int>{1000, 1000, 1000, 1000, 1000} << 500
        << QList<double>{500, 1000, 1500, 2000, 2000} << QList<bool>{true, true, true, true, true};
    QTest::newRow("the first ticks measure since the session started")
        << QList<int>{1, 2} << QList<int>{1000, 0} << 250 << QList<double>{4000, 2000}
        << QList<bool>{true, true};
}

void TestRates::windowIsTheChangeOverTheLastSecond()
{
    QFETCH(QList<int>, ticks);
    QFETCH(QList<int>, bytes);
    QFETCH(int, intervalMs);
    QFETCH(QList<double>, rates);
    QFETCH(QList<bool>, moving);

    RateWindow window;
    ConnectionInfo info;
    for (qsizetype i = 0; i < ticks.size(); ++i) {
        info.bytesIn += bytes.at(i);
        const bool stillMoving = window.sample(tickAt(ticks.at(i), qint64(intervalMs) * 1000000), info);
        QCOMPARE(info.bytesInPerSecond, rates.at(i));
        QCOMPARE(stillMoving, moving.at(i));
        QCOMPARE(info.bytesOutPerSecond, 0.0);
    }
}

void TestRates::windowCountsEveryCounter()
{
    RateWindow window;
    ConnectionInfo info;
    info.bytesIn = 100;
    info.messagesIn = 2;
    info.bytesOut = 300;
    info.messagesOut = 5;
    QVERIFY(window.sample(tickAt(20), info));
    QCOMPARE(info.bytesInPerSecond, 100.0);
    QCOMPARE(info.messagesInPerSecond, 2.0);
    QCOMPARE(info.bytesOutPerSecond, 300.0);
    QCOMPARE(info.messagesOutPerSecond, 5.0);
    // One more message out: the window moves on; a second after the first
    // sample only that message is left in it, and a tick later nothing.
    info.messagesOut = 6;
    for (int tick = 21; tick < 24; ++tick)
        QVERIFY(window.sample(tickAt(tick), info));
    QVERIFY(window.sample(tickAt(24), info));
    QCOMPARE(info.bytesInPerSecond, 0.0);
    QCOMPARE(info.messagesOutPerSecond, 1.0);
    QVERIFY(!window.sample(tickAt(25), info));
    QCOMPARE(info.messagesOutPerSecond, 0.0);
}

void TestRates::endpointSamplesOnlyConnectionsThatMove()
{
    EventLog log;
    TcpServerEndpoint server(&log);
    EndpointConfig config;
    config.port = 0;
    QVERIFY(server.start(config));
    std::vector<std::unique_ptr<QTcpSocket>> clients;
    for (int i = 0; i < 3; ++i) {
        clients.push_back(std::make_unique<QTcpSocket>());
        clients.back()->connectToHost(QHostAddress::LocalHost, server.localPort());
    }
    QTRY_COMPARE(server.connectionCount(), 3);
    const auto connectionOf = [&server](int id) {
        for (const ConnectionInfo &info : server.connections())
            if (info.id == id)
                return info;
        return ConnectionInfo{};
    };

    // Nobody moved: nothing to sample, nothing to publish.
    QVERIFY(!server.sampleConnectionRates(tickAt(10)));

    // One client speaks: its connection alone has a rate.
    clients.at(1)->write(QByteArray(600, 'x'));
    int speaker = 0;
    QTRY_VERIFY((speaker = [&server] {
        for (const ConnectionInfo &info : server.connections())
            if (info.bytesIn == 600)
                return info.id;
        return 0;
    }()) != 0);
    const int other = speaker == 1 ? 2 : 1;
    QVERIFY(server.sampleConnectionRates(tickAt(11)));
    QCOMPARE(connectionOf(speaker).bytesInPerSecond, 600.0);
    QCOMPARE(connectionOf(speaker).messagesInPerSecond, double(connectionOf(speaker).messagesIn));
    for (const ConnectionInfo &info : server.connections())
        QCOMPARE(info.bytesInPerSecond, info.id == speaker ? 600.0 : 0.0);

    // It fades: the same for a second, then one last sample brings it to 0,
    // and from then on the endpoint has nothing to sample.
    for (int tick = 12; tick <= 14; ++tick) {
        QVERIFY(server.sampleConnectionRates(tickAt(tick)));
        QCOMPARE(connectionOf(speaker).bytesInPerSecond, 600.0);
    }
    QVERIFY(server.sampleConnectionRates(tickAt(15)));
    QCOMPARE(connectionOf(speaker).bytesInPerSecond, 0.0);
    QCOMPARE(connectionOf(speaker).messagesInPerSecond, 0.0);
    QVERIFY(!server.sampleConnectionRates(tickAt(16)));

    // Bytes the server sends count too.
    QVERIFY(server.send(other, QByteArray(200, 'y')));
    QVERIFY(server.sampleConnectionRates(tickAt(17)));
    QCOMPARE(connectionOf(other).bytesOutPerSecond, 200.0);
    QCOMPARE(connectionOf(other).messagesOutPerSecond, 1.0);
    QCOMPARE(connectionOf(speaker).bytesInPerSecond, 0.0);
}

void TestRates::sessionPublishesConnectionRatesThatFallToZero()
{
    Session session;
    EndpointConfig serverConfig;
    serverConfig.name = QStringLiteral("server");
    const int serverId = session.addEndpoint(serverConfig);
    session.start(serverId, serverConfig);
    QTRY_VERIFY(session.snapshot(serverId).isActive());
    EndpointConfig clientConfig;
    clientConfig.role = Role::Client;
    clientConfig.name = QStringLiteral("client");
    clientConfig.port = session.snapshot(serverId).localPort;
    const int clientId = session.addEndpoint(clientConfig);

    // At each publication of the server's connections: its one connection's
    // rate in, and the server's rate in, of the same tick.
    struct Published
    {
        double connection = 0;
        double endpoint = 0;
    };
    QList<Published> published;
    connect(&session, &Session::connectionsUpdated, this,
            [&](int endpointId, const QList<ConnectionInfo> &connections) {
                if (endpointId != serverId || connections.size() != 1)
                    return;
                published.append({connections.constFirst().bytesInPerSecond,
                                  session.snapshot(serverId).stats.bytesInPerSecond});
            });
    const auto rising = [&published] {
        return std::find_if(published.cbegin(), published.cend(),
                            [](const Published &p) { return p.connection > 0; });
    };
    const auto atRest = [&published] {
        return !published.isEmpty() && published.constLast().connection == 0 && published.constLast().endpoint == 0;
    };

    session.start(clientId, clientConfig);
    QTRY_COMPARE(session.snapshot(serverId).connectionCount, 1);

    // 10 sends of 500 bytes, one every 100 ms: about a second of traffic.
    QTimer pace;
    pace.setInterval(100);
    int sends = 0;
    connect(&pace, &QTimer::timeout, this, [&] {
        session.send(clientId, 0, QByteArray(500, 'r'));
        if (++sends == 10)
            pace.stop();
    });
    pace.start();
    QTRY_VERIFY_WITH_TIMEOUT(rising() != published.cend(), 10000);
    QVERIFY2(rising()->endpoint > 0, "the endpoint has a rate when its only connection has one");
    QCOMPARE(session.snapshot(serverId).stats.bytesIn, session.connections(serverId).value(0).bytesIn);
    // Then exactly 0, published once more, and nothing after that.
    QTRY_VERIFY_WITH_TIMEOUT(sends == 10 && atRest(), 10000);
    QCOMPARE(session.snapshot(serverId).stats.bytesIn, 5000);
    const qsizetype afterRest = published.size();

    // A pause of three seconds, then one burst: the connection and the
    // endpoint both measure it over the last second, not over the pause.
    QTest::qWait(3000); // the pause itself is what is tested, not a synchronisation
    QCOMPARE(published.size(), afterRest);
    session.send(clientId, 0, QByteArray(4000, 'b'));
    QTRY_VERIFY_WITH_TIMEOUT(published.size() > afterRest, 10000);
    const Published burst = published.at(afterRest);
    QVERIFY(burst.connection > 0);
    QVERIFY2(burst.endpoint > 0.6 * burst.connection && burst.endpoint < 1.6 * burst.connection,
             qPrintable(QStringLiteral("connection %1 B/s, endpoint %2 B/s").arg(burst.connection).arg(burst.endpoint)));
    QTRY_VERIFY_WITH_TIMEOUT(atRest(), 10000);
}

QTEST_GUILESS_MAIN(TestRates)
#include "tst_rates.moc"
