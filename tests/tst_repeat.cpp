// Repeat: the schedule's arithmetic (pure, any clock), and Session::startRepeat
// over loopback, counted at a peer: in this thread and on the epoll network
// thread the window and the CLI use. Behaviour only, never a timing: the one
// time bound checked (no send before its deadline) holds on any machine.
#include "networkthread.h"
#include "repeater.h"
#include "rules.h"
#include "session.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QNetworkDatagram>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUdpSocket>

#include <memory>

using namespace SockPlay;
using namespace SockPlay::Test;

namespace {

constexpr qint64 Ms = 1'000'000;
constexpr int WaitMs = 30000; // generous: a passing test never waits this long

EndpointConfig clientConfig(Transport transport, quint16 port)
{
    EndpointConfig c;
    c.transport = transport;
    c.role = Role::Client;
    c.name = QStringLiteral("client");
    c.host = QStringLiteral("127.0.0.1");
    c.port = port;
    return c;
}

ReplyTemplate templateOf(const QString &text)
{
    QString error;
    const std::optional<ReplyTemplate> parsed = ReplyTemplate::parse(text, &error);
    if (!parsed)
        qFatal("bad template in the test: %s", qPrintable(error));
    return *parsed;
}

struct Progress
{
    quint64 sent = 0;
    quint64 count = 0;
    bool running = false;
};

/// A session in this thread, or on its own epoll network thread as in the
/// window and the CLI; what it signals is recorded in this thread either way.
class Harness : public QObject
{
public:
    explicit Harness(bool networkThread)
    {
        if (networkThread)
            m_host = std::make_unique<SessionHost>();
        else
            m_local = std::make_unique<Session>();
        Session *s = session();
        connect(s, &Session::repeatProgress, this, [this](int, quint64 sent, quint64 count, bool running) {
            progress.append({sent, count, running});
        });
        connect(s, &Session::errorOccurred, this, [this](int, const QString &message) { errors.append(message); });
    }

    Session *session() const { return m_host ? m_host->session() : m_local.get(); }
    bool ended() const { return !progress.isEmpty() && !progress.constLast().running; }
    int endings() const
    {
        return int(std::count_if(progress.cbegin(), progress.cend(), [](const Progress &p) { return !p.running; }));
    }

    QList<Progress> progress;
    QStringList errors;

private:
    std::unique_ptr<SessionHost> m_host;
    std::unique_ptr<Session> m_local;
};

/// A TCP peer in this thread that keeps everything it reads.
class TcpPeer
{
public:
    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server.serverPort(); }
    /// Waits for the client (running the event loop); false on timeout.
    bool accept()
    {
        if (!QTest::qWaitFor([&] { return m_server.hasPendingConnections(); }, WaitMs))
            return false;
        m_socket = m_server.nextPendingConnection();
        QObject::connect(m_socket, &QTcpSocket::readyRead, m_socket, [this] { m_received += m_socket->readAll(); });
        return true;
    }
    QByteArray received() const { return m_received; }
    QList<QByteArray> lines() const
    {
        QList<QByteArray> lines = m_received.split('\n');
        lines.removeLast(); // what follows the last newline
        return lines;
    }

private:
    QTcpServer m_server;
    QTcpSocket *m_socket = nullptr;
    QByteArray m_received;
};

/// "ping 1" ... "ping n".
QList<QByteArray> numbered(const QByteArray &prefix, quint64 n)
{
    QList<QByteArray> lines;
    for (quint64 i = 1; i <= n; ++i)
        lines.append(prefix + QByteArray::number(i));
    return lines;
}

/// A client endpoint of the harness's session connected to the peer (TCP)
/// or aimed at the port (UDP); 0 on failure.
int startClient(Harness &harness, Transport transport, quint16 port)
{
    Session *session = harness.session();
    const int id = session->addEndpoint(clientConfig(transport, port));
    session->start(id, clientConfig(transport, port));
    if (!QTest::qWaitFor([&] { return session->snapshot(id).isActive(); }, WaitMs))
        return 0;
    return id;
}

} // namespace

class TestRepeat : public QObject
{
    Q_OBJECT
private slots:
    void scheduleSendsWhatIsDue_data();
    void scheduleSendsWhatIsDue();
    void scheduleNeverDriftsOver10000LateWakeUps();
    void aStoppedRepeaterSendsNothingMore();

    void repeatAtOneMillisecondIsCountedExactlyAtThePeer_data();
    void repeatAtOneMillisecondIsCountedExactlyAtThePeer();
    void noSendGoesBeforeItsDeadline();
    void untilStoppedRunsUntilStopRepeatAndStopsAtOnce();
    void aNewRepeatReplacesTheRunningOne();
    void stoppingTheEndpointStopsTheRepeat();
    void aFailingMacroOrARefusedSendEndsTheRepeatWithAnError_data();
    void aFailingMacroOrARefusedSendEndsTheRepeatWithAnError();
    void aPeerThatDoesNotReadHoldsTheRepeat();
};

// --- the schedule ---------------------------------------------------------

void TestRepeat::scheduleSendsWhatIsDue_data()
{
    QTest::addColumn<quint64>("slotsUsed");
    QTest::addColumn<quint64>("remaining");
    QTest::addColumn<qint64>("nowNs");
    QTest::addColumn<quint64>("send");
    QTest::addColumn<quint64>("skip");
    QTest::addColumn<qint64>("nextNs");

    // A start of 1,000 ns, an interval of 10 ms, a catch-up bound of 4.
    const quint64 all = RepeatSchedule::Unbounded;
    QTest::newRow("the first send is due at the start") << quint64(0) << all << qint64(1000) << quint64(1) << quint64(0) << qint64(1000 + 10 * Ms);
    QTest::newRow("nothing before the start") << quint64(0) << all << qint64(999) << quint64(0) << quint64(0) << qint64(1000);
    QTest::newRow("woken early: nothing, same deadline") << quint64(1) << all << qint64(1000 + 10 * Ms - 1) << quint64(0) << quint64(0) << qint64(1000 + 10 * Ms);
    QTest::newRow("exactly on the deadline") << quint64(1) << all << qint64(1000 + 10 * Ms) << quint64(1) << quint64(0) << qint64(1000 + 20 * Ms);
    QTest::newRow("late by most of an interval: the next deadline stays") << quint64(1) << all << qint64(1000 + 19 * Ms) << quint64(1) << quint64(0) << qint64(1000 + 20 * Ms);
    QTest::newRow("behind by three: caught up in one pass") << quint64(1) << all << qint64(1000 + 35 * Ms) << quint64(3) << quint64(0) << qint64(1000 + 40 * Ms);
    QTest::newRow("behind by the bound: still all sent") << quint64(1) << all << qint64(1000 + 40 * Ms) << quint64(4) << quint64(0) << qint64(1000 + 50 * Ms);
    QTest::newRow("behind past the bound: the rest skipped") << quint64(1) << all << qint64(1000 + 105 * Ms) << quint64(4) << quint64(6) << qint64(1000 + 110 * Ms);
    QTest::newRow("the last sends are never skipped") << quint64(1) << quint64(3) << qint64(1000 + 105 * Ms) << quint64(3) << quint64(0) << qint64(1000 + 40 * Ms);
    QTest::newRow("no more than what is left") << quint64(5) << quint64(2) << qint64(1000 + 80 * Ms) << quint64(2) << quint64(0) << qint64(1000 + 70 * Ms);
}

void TestRepeat::scheduleSendsWhatIsDue()
{
    QFETCH(quint64, slotsUsed);
    QFETCH(quint64, remaining);
    QFETCH(qint64, nowNs);
    const RepeatSchedule::Step step = RepeatSchedule::step(1000, 10 * Ms, slotsUsed, remaining, nowNs, 4);
    QTEST(step.send, "send");
    QTEST(step.skip, "skip");
    QTEST(step.nextDeadlineNs, "nextNs");
}

void TestRepeat::scheduleNeverDriftsOver10000LateWakeUps()
{
    // A loop that wakes up late every time, by up to one interval (a busy
    // thread, a timer that only counts whole milliseconds), as a real one
    // does: each send still takes its own slot, so the 10,000th goes out
    // within one interval of start + 9,999 intervals. "Interval after the
    // last send" would drift by the sum of every lateness (about 5 s here).
    constexpr qint64 interval = Ms;
    constexpr quint64 count = 10000;
    QRandomGenerator random(7); // the same lateness on every run
    qint64 now = 0;
    quint64 sent = 0;
    quint64 used = 0;
    qint64 lastSendNs = 0;
    qint64 next = 0;
    int passes = 0;
    while (sent < count) {
        QVERIFY(++passes <= int(count) * 2);
        now = std::max(now, next) + qint64(random.bounded(int(interval))); // late, never early
        const RepeatSchedule::Step step = RepeatSchedule::step(0, interval, used, count - sent, now, 100);
        QCOMPARE(step.skip, quint64(0)); // never behind by more than the bound
        // On schedule after every pass: every slot whose deadline came is sent.
        QCOMPARE(used + step.send, std::min<quint64>(count, quint64(now / interval) + 1));
        sent += step.send;
        used += step.send + step.skip;
        if (step.send > 0)
            lastSendNs = now;
        next = step.nextDeadlineNs;
    }
    QCOMPARE(sent, count);
    const qint64 ideal = qint64(count - 1) * interval;
    QVERIFY2(lastSendNs >= ideal, qPrintable(QString::number(lastSendNs)));
    QVERIFY2(lastSendNs - ideal < interval, qPrintable(QStringLiteral("drifted by %1 ns").arg(lastSendNs - ideal)));
}

void TestRepeat::aStoppedRepeaterSendsNothingMore()
{
    // Two repeaters at 1 ms; the second is the clock: while it sends 20
    // more times, the stopped one must not send once.
    quint64 stoppedSends = 0;
    quint64 clockSends = 0;
    Repeater stopped(0, 1, 250, [&](quint64) { ++stoppedSends; return Repeater::SendResult::Sent; });
    Repeater clock(0, 1, 250, [&](quint64) { ++clockSends; return Repeater::SendResult::Sent; });
    QSignalSpy ended(&stopped, &Repeater::progress);
    stopped.start();
    clock.start();
    QTRY_VERIFY(stoppedSends >= 5);
    stopped.stop();
    QVERIFY(!stopped.isRunning());
    QCOMPARE(ended.constLast().at(2).toBool(), false);
    QCOMPARE(ended.constLast().at(0).toULongLong(), stoppedSends);
    const quint64 atStop = stoppedSends;
    const quint64 clockAtStop = clockSends;
    QTRY_VERIFY(clockSends >= clockAtStop + 20);
    QCOMPARE(stoppedSends, atStop);
    clock.stop();
}

// --- the session ----------------------------------------------------------

void TestRepeat::repeatAtOneMillisecondIsCountedExactlyAtThePeer_data()
{
    QTest::addColumn<Transport>("transport");
    QTest::addColumn<bool>("networkThread");
    QTest::newRow("TCP, session in this thread") << Transport::Tcp << false;
    QTest::newRow("TCP, session on the epoll network thread") << Transport::Tcp << true;
    QTest::newRow("UDP, session in this thread") << Transport::Udp << false;
    QTest::newRow("UDP, session on the epoll network thread") << Transport::Udp << true;
}

void TestRepeat::repeatAtOneMillisecondIsCountedExactlyAtThePeer()
{
    QFETCH(Transport, transport);
    QFETCH(bool, networkThread);
    constexpr quint64 count = 1000;

    Harness harness(networkThread);
    TcpPeer tcp;
    QUdpSocket udp;
    QList<QByteArray> datagrams;
    quint16 port = 0;
    if (transport == Transport::Tcp) {
        QVERIFY(tcp.listen());
        port = tcp.port();
    } else {
        QVERIFY(udp.bind(QHostAddress::LocalHost, 0));
        udp.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4 << 20);
        connect(&udp, &QUdpSocket::readyRead, this, [&] {
            while (udp.hasPendingDatagrams())
                datagrams.append(udp.receiveDatagram().data());
        });
        port = udp.localPort();
    }
    const int id = startClient(harness, transport, port);
    QVERIFY(id != 0);
    if (transport == Transport::Tcp)
        QVERIFY(tcp.accept());

    const QByteArray line = transport == Transport::Tcp ? QByteArrayLiteral("\\n") : QByteArray();
    harness.session()->startRepeat(id, 0, templateOf(QStringLiteral("ping {{counter}}") + QString::fromLatin1(line)),
                                   count, 1);
    QTRY_VERIFY_WITH_TIMEOUT(harness.ended(), WaitMs);
    QVERIFY2(harness.errors.isEmpty(), qPrintable(harness.errors.join(u'\n')));

    // Every send arrived, once, in order, numbered 1 ... 1000.
    if (transport == Transport::Tcp) {
        QTRY_COMPARE_WITH_TIMEOUT(tcp.lines().size(), qsizetype(count), WaitMs);
        QCOMPARE(tcp.lines(), numbered("ping ", count));
    } else {
        QTRY_COMPARE_WITH_TIMEOUT(datagrams.size(), qsizetype(count), WaitMs);
        QCOMPARE(datagrams, numbered("ping ", count));
    }
    const EventKind sentKind = transport == Transport::Tcp ? EventKind::Sent : EventKind::DatagramSent;
    QCOMPARE(eventsOf(*harness.session()->log(), id, sentKind).size(), qsizetype(count));

    // Progress: running from 0 at the start, a few throttled counts, then
    // the exact count once, at the end.
    const Progress first = harness.progress.constFirst();
    QVERIFY(first.running);
    QCOMPARE(first.sent, quint64(0));
    QCOMPARE(first.count, count);
    const Progress last = harness.progress.constLast();
    QCOMPARE(last.sent, count);
    QCOMPARE(last.count, count);
    QVERIFY(!last.running);
    QCOMPARE(harness.endings(), 1);
    for (qsizetype i = 1; i < harness.progress.size(); ++i)
        QVERIFY(harness.progress.at(i).sent >= harness.progress.at(i - 1).sent);
    // 1,000 sends at 1 ms take about a second: a handful of throttled reports, not one per send.
    QVERIFY2(harness.progress.size() < 100, qPrintable(QString::number(harness.progress.size())));
}

void TestRepeat::noSendGoesBeforeItsDeadline()
{
    // Send k is due at start + (k - 1) * interval and never goes earlier,
    // however the timers behave: the k-th line cannot arrive sooner.
    constexpr int interval = 25;
    constexpr quint64 count = 6;
    Harness harness(true);
    TcpPeer tcp;
    QVERIFY(tcp.listen());
    const int id = startClient(harness, Transport::Tcp, tcp.port());
    QVERIFY(id != 0);
    QVERIFY(tcp.accept());

    QList<qint64> arrivals; // ms since just before startRepeat, for each line as it arrives
    QElapsedTimer clock;
    clock.start();
    harness.session()->startRepeat(id, 0, templateOf(QStringLiteral("tick {{counter}}\\n")), count, interval);
    QVERIFY(QTest::qWaitFor([&] {
        while (arrivals.size() < tcp.lines().size())
            arrivals.append(clock.nsecsElapsed());
        return arrivals.size() >= qsizetype(count);
    }, WaitMs));
    QCOMPARE(tcp.lines(), numbered("tick ", count));
    for (qsizetype k = 0; k < arrivals.size(); ++k) {
        QVERIFY2(arrivals.at(k) >= k * interval * Ms,
                 qPrintable(QStringLiteral("send %1 arrived after %2 ns, before its deadline %3 ms")
                                .arg(k + 1).arg(arrivals.at(k)).arg(k * interval)));
    }
}

void TestRepeat::untilStoppedRunsUntilStopRepeatAndStopsAtOnce()
{
    // Count 0 goes on until stopRepeat. The last progress (running false)
    // gives the count, and nothing is sent after it: a line sent after the
    // stop arrives right after the last counted one.
    Harness harness(true);
    TcpPeer tcp;
    QVERIFY(tcp.listen());
    const int id = startClient(harness, Transport::Tcp, tcp.port());
    QVERIFY(id != 0);
    QVERIFY(tcp.accept());
    Session *session = harness.session();
    session->startRepeat(id, 0, templateOf(QStringLiteral("n{{counter}}\\n")), 0, 1);
    QTRY_VERIFY_WITH_TIMEOUT(tcp.lines().size() >= 50, WaitMs);
    QVERIFY(!harness.ended());
    QCOMPARE(harness.progress.constFirst().count, quint64(0));

    session->stopRepeat(id);
    QTRY_VERIFY_WITH_TIMEOUT(harness.ended(), WaitMs);
    const quint64 sent = harness.progress.constLast().sent;
    QVERIFY(sent >= 50);
    session->send(id, 0, "after the stop\n");
    QTRY_VERIFY_WITH_TIMEOUT(tcp.received().endsWith("after the stop\n"), WaitMs);
    QCOMPARE(tcp.lines(), numbered("n", sent) << QByteArrayLiteral("after the stop"));
    QCOMPARE(harness.endings(), 1);
    QVERIFY(harness.errors.isEmpty());
    const QList<Event> notes = eventsOf(*session->log(), id, EventKind::Note);
    QVERIFY(!notes.isEmpty());
    QLocale grouped = QLocale::c(); // "1,234", as the log writes numbers
    grouped.setNumberOptions(QLocale::DefaultNumberOptions);
    QCOMPARE(notes.constLast().detail, QStringLiteral("repeat stopped after %1 sends").arg(grouped.toString(sent)));
}

void TestRepeat::aNewRepeatReplacesTheRunningOne()
{
    Harness harness(false);
    TcpPeer tcp;
    QVERIFY(tcp.listen());
    const int id = startClient(harness, Transport::Tcp, tcp.port());
    QVERIFY(id != 0);
    QVERIFY(tcp.accept());
    Session *session = harness.session();
    session->startRepeat(id, 0, templateOf(QStringLiteral("a\\n")), 0, 2);
    QTRY_VERIFY_WITH_TIMEOUT(tcp.lines().size() >= 5, WaitMs);
    session->startRepeat(id, 0, templateOf(QStringLiteral("b{{counter}}\\n")), 3, 1);
    QTRY_COMPARE_WITH_TIMEOUT(harness.endings(), 2, WaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(tcp.received().endsWith("b3\n"), WaitMs);
    // The first ended when the second began; the second counts from 1.
    const QList<QByteArray> lines = tcp.lines();
    const qsizetype firstB = lines.indexOf("b1");
    QVERIFY(firstB >= 5);
    QCOMPARE(lines.mid(firstB), (QList<QByteArray>{"b1", "b2", "b3"}));
    QVERIFY(std::all_of(lines.cbegin(), lines.cbegin() + firstB, [](const QByteArray &l) { return l == "a"; }));
    QCOMPARE(harness.progress.constLast().sent, quint64(3));
    QCOMPARE(harness.progress.constLast().count, quint64(3));
}

void TestRepeat::stoppingTheEndpointStopsTheRepeat()
{
    Harness harness(true);
    TcpPeer tcp;
    QVERIFY(tcp.listen());
    const int id = startClient(harness, Transport::Tcp, tcp.port());
    QVERIFY(id != 0);
    QVERIFY(tcp.accept());
    harness.session()->startRepeat(id, 0, templateOf(QStringLiteral("x\\n")), 0, 1);
    QTRY_VERIFY_WITH_TIMEOUT(!tcp.lines().isEmpty(), WaitMs);
    harness.session()->stop(id);
    QTRY_VERIFY_WITH_TIMEOUT(harness.ended(), WaitMs);
    QVERIFY(harness.errors.isEmpty()); // stopped, not failed: no send was tried on a closed connection
}

void TestRepeat::aFailingMacroOrARefusedSendEndsTheRepeatWithAnError_data()
{
    QTest::addColumn<bool>("connected");
    QTest::addColumn<QString>("payload");
    QTest::addColumn<QString>("error");
    QTest::newRow("{{file:}} that cannot be read")
        << true << QStringLiteral("{{file:/nonexistent/sockplay-repeat}}") << QStringLiteral("/nonexistent/sockplay-repeat");
    QTest::newRow("a client that is not connected") << false << QStringLiteral("hi") << QStringLiteral("not connected");
}

void TestRepeat::aFailingMacroOrARefusedSendEndsTheRepeatWithAnError()
{
    QFETCH(bool, connected);
    QFETCH(QString, payload);
    QFETCH(QString, error);
    Harness harness(false);
    TcpPeer tcp;
    QVERIFY(tcp.listen());
    Session *session = harness.session();
    int id = 0;
    if (connected) {
        id = startClient(harness, Transport::Tcp, tcp.port());
        QVERIFY(tcp.accept());
    } else {
        id = session->addEndpoint(clientConfig(Transport::Tcp, tcp.port()));
    }
    QVERIFY(id != 0);
    session->startRepeat(id, 0, templateOf(payload), 10, 1);
    QTRY_VERIFY_WITH_TIMEOUT(harness.ended(), WaitMs);
    QCOMPARE(harness.progress.constLast().sent, quint64(0));
    QCOMPARE(harness.errors.size(), 1); // once, not once per interval
    QVERIFY2(harness.errors.constFirst().contains(error), qPrintable(harness.errors.constFirst()));
    const QList<Event> logged = eventsOf(*session->log(), id, EventKind::Error);
    QCOMPARE(logged.size(), 1);
    QVERIFY2(logged.constFirst().detail.contains(error), qPrintable(logged.constFirst().detail));
}

void TestRepeat::aPeerThatDoesNotReadHoldsTheRepeat()
{
    // 64 KiB every millisecond to a peer that reads nothing: once the
    // kernel's buffers are full, sends wait while more than the bound waits
    // to go out; memory stays bounded, however long it runs.
    Harness harness(false);
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    const int id = startClient(harness, Transport::Tcp, server.serverPort());
    QVERIFY(id != 0);
    QTRY_VERIFY(server.hasPendingConnections());
    QTcpSocket *peer = server.nextPendingConnection();
    peer->setReadBufferSize(1); // reads (almost) nothing

    Session *session = harness.session();
    qint64 mostPending = 0;
    connect(session, &Session::bytesWritten, this,
            [&](int, int, qint64, qint64 pending) { mostPending = std::max(mostPending, pending); });
    connect(session, &Session::repeatProgress, this, [&](int endpointId, quint64, quint64, bool) {
        mostPending = std::max(mostPending, session->snapshot(endpointId).pendingWriteBytes);
    });
    session->startRepeat(id, 0, templateOf(QStringLiteral("{{random:65536}}")), 0, 1);
    QTRY_VERIFY_WITH_TIMEOUT(session->snapshot(id).pendingWriteBytes > 0, WaitMs); // the kernel took its fill
    // Four more progress reports (a second): without the hold, 64 MB would wait by then.
    const qsizetype reports = harness.progress.size();
    QTRY_VERIFY_WITH_TIMEOUT(harness.progress.size() >= reports + 4, WaitMs);
    constexpr qint64 bound = 1 << 20;
    QVERIFY2(mostPending <= bound + 65536, qPrintable(QString::number(mostPending)));
    session->stopRepeat(id);
    QTRY_VERIFY(harness.ended());
}

QTEST_GUILESS_MAIN(TestRepeat)
#include "tst_repeat.moc"
