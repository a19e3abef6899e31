// The built-in demos, run by the core's DemoRunner over a real Session on
// loopback (port 0): each demo to its end state, checked from the log and the
// counters; step by step with next(); stop and reset at any point; an unknown
// id refused with the list.
#include "demo.h"
#include "session.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QTest>

using namespace SockPlay;
using namespace SockPlay::Test;

namespace {

constexpr int DemoTimeoutMs = 30000;

/// A session, the core's stage and a runner on it.
struct Rig
{
    Session session;
    SessionDemoStage stage{&session};
    DemoRunner runner{&stage};

    /// Loads the demo and runs it to its end (true: finished).
    bool runToEnd(const QString &id)
    {
        if (!runner.load(id))
            return false;
        QSignalSpy finished(&runner, &DemoRunner::finished);
        QSignalSpy failed(&runner, &DemoRunner::failed);
        runner.runAll();
        if (!QTest::qWaitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); }, DemoTimeoutMs))
            qWarning("demo %s neither finished nor failed in time", qPrintable(id));
        if (!failed.isEmpty())
            qWarning("demo %s failed: %s", qPrintable(id), qPrintable(failed.constFirst().constFirst().toString()));
        return runner.state() == DemoRunner::State::Finished;
    }
    /// The demo's endpoint of that name (0: none).
    int idOf(const QString &name) const
    {
        for (int id : runner.endpointIds())
            if (session.snapshot(id).name == name)
                return id;
        return 0;
    }
    QByteArray received(const QString &name) const { return bytesOf(*session.log(), idOf(name), EventKind::Received); }
    int countOf(const QString &name, EventKind kind) const
    {
        return int(eventsOf(*session.log(), idOf(name), kind).size());
    }
    qint64 counter(const QString &key) const
    {
        for (const DemoCounter &c : runner.counters())
            if (c.key == key)
                return c.value;
        return -1;
    }
    bool anyRunning() const
    {
        for (int id : runner.endpointIds())
            if (session.snapshot(id).isRunning())
                return true;
        return false;
    }
};

} // namespace

class TestDemo : public QObject
{
    Q_OBJECT
private slots:
    void everyDemoIsListedAndFound();
    void unknownIdIsRefusedWithTheList();
    void welcomeGreetsAndCloses();
    void echoComesBack();
    void chatRelaysToTheOthersOnly();
    void tcpVsUdpCountsWhatArrived();
    void streamShowsReadsAndMessages();
    void errorsShowAtTheirSteps();
    void nextRunsOneStepAtATime();
    void stopMidDemoLeavesNothingRunning();
    void resetRemovesTheEndpoints();
    void loadingAnotherDemoResets();
};

void TestDemo::everyDemoIsListedAndFound()
{
    const QList<DemoInfo> demos = DemoRunner::demos();
    QVERIFY(demos.size() >= 3);
    for (const DemoInfo &info : demos) {
        QVERIFY(!info.title.isEmpty());
        QVERIFY(!info.summary.isEmpty());
        QCOMPARE(DemoRunner::find(info.id).value_or(DemoInfo{}).id, info.id);
    }
    QCOMPARE(demos.constFirst().id, QStringLiteral("welcome"));
}

void TestDemo::unknownIdIsRefusedWithTheList()
{
    Rig rig;
    QString error;
    QVERIFY(!rig.runner.load(QStringLiteral("nope"), &error));
    QVERIFY2(error.contains(QLatin1String("nope")), qPrintable(error));
    for (const QString &id : DemoRunner::demoIds())
        QVERIFY2(error.contains(id), qPrintable(error));
    QVERIFY(!DemoRunner::find(QStringLiteral("nope")));
    QCOMPARE(rig.runner.demoId(), QString());
    QCOMPARE(rig.runner.stepCount(), 0);
}

void TestDemo::welcomeGreetsAndCloses()
{
    Rig rig;
    QVERIFY(rig.runToEnd(QStringLiteral("welcome")));
    QVERIFY2(rig.received(QStringLiteral("client")).contains("Welcome to the server!"),
             rig.received(QStringLiteral("client")).constData());
    QCOMPARE(rig.countOf(QStringLiteral("server"), EventKind::Closed), 1);
    QCOMPARE(rig.countOf(QStringLiteral("client"), EventKind::PeerClosed), 1);
    // The narration of the first step learned the port the system picked.
    const quint16 port = rig.session.snapshot(rig.idOf(QStringLiteral("server"))).localPort;
    QVERIFY(port != 0);
    QVERIFY2(rig.runner.narration(0).contains(QString::number(port)), qPrintable(rig.runner.narration(0)));
}

void TestDemo::echoComesBack()
{
    Rig rig;
    QVERIFY(rig.runToEnd(QStringLiteral("echo")));
    QCOMPARE(rig.received(QStringLiteral("client")), QByteArray("hello\n"));
    QCOMPARE(bytesOf(*rig.session.log(), rig.idOf(QStringLiteral("echo server")), EventKind::AutoReplied),
             QByteArray("hello\n"));
    QCOMPARE(rig.countOf(QStringLiteral("echo server"), EventKind::PeerClosed), 1);
}

void TestDemo::chatRelaysToTheOthersOnly()
{
    Rig rig;
    QVERIFY(rig.runToEnd(QStringLiteral("chat")));
    const QStringList people = {QStringLiteral("Alice"), QStringLiteral("Bob"), QStringLiteral("Carol")};
    for (const QString &person : people) {
        const QByteArray got = rig.received(person);
        for (const QString &other : people) {
            const QByteArray prefix = other.toUtf8() + ": ";
            if (other == person)
                QVERIFY2(!got.contains(prefix), qPrintable(person + QLatin1String(" got its own line: ") + QString::fromUtf8(got)));
            else
                QVERIFY2(got.contains(prefix), qPrintable(person + QLatin1String(" misses ") + other + QLatin1String(": ") + QString::fromUtf8(got)));
        }
        // Each received line is a whole message at the client (line framing), two of them.
        QCOMPARE(rig.countOf(person, EventKind::Message), 2);
    }
    // The server's relayed lines are automatic replies: 3 lines × 2 others.
    QCOMPARE(eventsOf(*rig.session.log(), rig.idOf(QStringLiteral("server")), EventKind::AutoReplied).size(), 6);
}

void TestDemo::tcpVsUdpCountsWhatArrived()
{
    Rig rig;
    QVERIFY(rig.runToEnd(QStringLiteral("tcp-vs-udp")));
    // TCP: every one, in order, once.
    QCOMPARE(rig.counter(QStringLiteral("tcp.sent")), 100);
    QCOMPARE(rig.counter(QStringLiteral("tcp.received")), 100);
    QCOMPARE(rig.counter(QStringLiteral("tcp.inOrder")), 100);
    QCOMPARE(rig.counter(QStringLiteral("tcp.lost")), 0);
    QCOMPARE(rig.counter(QStringLiteral("tcp.duplicated")), 0);
    QCOMPARE(rig.countOf(QStringLiteral("TCP receiver"), EventKind::Message), 100);
    // UDP: the counters agree with each other and with the datagrams the receiver logged.
    const qint64 sent = rig.counter(QStringLiteral("udp.sent"));
    const qint64 received = rig.counter(QStringLiteral("udp.received"));
    const qint64 lost = rig.counter(QStringLiteral("udp.lost"));
    const qint64 duplicated = rig.counter(QStringLiteral("udp.duplicated"));
    QCOMPARE(sent, 100);
    QCOMPARE(received, sent - lost + duplicated);
    QCOMPARE(received, rig.countOf(QStringLiteral("UDP receiver"), EventKind::DatagramReceived));
    QVERIFY(rig.counter(QStringLiteral("udp.reordered")) >= 0);
    // The UDP sender was started with the simulated link the demo promises.
    const EndpointConfig udp = rig.session.snapshot(rig.idOf(QStringLiteral("UDP sender"))).config;
    QCOMPARE(udp.simLink.lossPercent, 10.0);
    QCOMPARE(udp.simLink.duplicatePercent, 5.0);
    QCOMPARE(udp.simLink.delayMs, 20);
    QCOMPARE(udp.simLink.jitterMs, 15);
    qInfo("UDP: %lld sent, %lld received, %lld lost, %lld duplicated, %lld reordered", sent, received, lost,
          duplicated, rig.counter(QStringLiteral("udp.reordered")));
    // The simulated link says so in the log when it is on; before it is in
    // the tree the field does nothing, and loopback loses nothing.
    bool linkOn = false;
    for (const Event &note : eventsOf(*rig.session.log(), rig.idOf(QStringLiteral("UDP sender")), EventKind::Note))
        linkOn = linkOn || note.detail.contains(QLatin1String("simulated link"));
    if (!linkOn) {
        QCOMPARE(lost, 0);
        QCOMPARE(duplicated, 0);
    } else {
        // The seed fixes which datagrams are dropped and duplicated (the
        // integrator may pin the exact counts); the delays reorder some.
        QVERIFY(lost > 0);
        QVERIFY(duplicated > 0);
        QVERIFY(rig.counter(QStringLiteral("udp.reordered")) > 0);
    }
    QVERIFY(rig.runner.narration(rig.runner.stepCount() - 1).contains(QLatin1String("never shows the application a gap")));
}

void TestDemo::streamShowsReadsAndMessages()
{
    Rig rig;
    QVERIFY(rig.runToEnd(QStringLiteral("stream")));
    // Deterministic: the bytes, and the framing's messages. Bounded: the reads.
    const qint64 smallReads = rig.counter(QStringLiteral("stream.smallReads"));
    const qint64 smallReadsNoDelay = rig.counter(QStringLiteral("stream.smallReadsNoDelay"));
    qInfo("stream: 5 writes as %lld reads (Nagle on), %lld (Nagle off); 200 KB as %lld reads", smallReads,
          smallReadsNoDelay, rig.counter(QStringLiteral("stream.bigReads")));
    QVERIFY2(smallReads >= 1 && smallReads <= 5, qPrintable(QString::number(smallReads)));
    QVERIFY2(smallReadsNoDelay >= 1 && smallReadsNoDelay <= 5, qPrintable(QString::number(smallReadsNoDelay)));
    QVERIFY2(rig.counter(QStringLiteral("stream.bigReads")) >= 2,
             qPrintable(QString::number(rig.counter(QStringLiteral("stream.bigReads")))));
    QCOMPARE(rig.counter(QStringLiteral("stream.messages")), 5);
    // The counts are of the right reads: the first connection carried the 5
    // writes (24 bytes: "one two three four five ") then the 200 KB; the second (TCP_NODELAY) the 5
    // writes, then the framing step's lines.
    const int receiver = rig.idOf(QStringLiteral("receiver"));
    const auto bytesIn = [](const QList<Event> &reads, qsizetype from, qsizetype count) {
        qint64 sum = 0;
        for (qsizetype i = from; i < from + count && i < reads.size(); ++i)
            sum += reads.at(i).byteCount;
        return sum;
    };
    QList<Event> first;
    QList<Event> second;
    for (const Event &read : eventsOf(*rig.session.log(), receiver, EventKind::Received))
        (read.connectionId() == 1 ? first : second).append(read);
    const qint64 bigReads = rig.counter(QStringLiteral("stream.bigReads"));
    QCOMPARE(first.size(), smallReads + bigReads);
    QCOMPARE(bytesIn(first, 0, smallReads), 24);
    QCOMPARE(bytesIn(first, smallReads, bigReads), 200 * 1024);
    QVERIFY(second.size() > smallReadsNoDelay);
    QCOMPARE(bytesIn(second, 0, smallReadsNoDelay), 24);
    const QList<Event> messages = eventsOf(*rig.session.log(), rig.idOf(QStringLiteral("receiver")), EventKind::Message);
    QCOMPARE(messages.size(), 5);
    QCOMPARE(messages.constFirst().payload, QByteArray("one\n"));
    QCOMPARE(messages.constLast().payload, QByteArray("five\n"));
    // The narration says what was really seen.
    QVERIFY2(rig.runner.narration(2).contains(QStringLiteral("arrived as %1 read").arg(smallReads)),
             qPrintable(rig.runner.narration(2)));
    // The second connection had TCP_NODELAY, the first did not.
    const QList<Event> notes = eventsOf(*rig.session.log(), rig.idOf(QStringLiteral("sender")), EventKind::Note);
    QCOMPARE(std::count_if(notes.cbegin(), notes.cend(),
                           [](const Event &e) { return e.detail.contains(QLatin1String("TCP_NODELAY on")); }),
             1);
}

void TestDemo::errorsShowAtTheirSteps()
{
    Rig rig;
    QVERIFY(rig.runToEnd(QStringLiteral("errors")));
    // Port in use: the second server never listened, its bind failed with the reason.
    QCOMPARE(rig.countOf(QStringLiteral("second server"), EventKind::Listening), 0);
    const QList<Event> inUse = eventsOf(*rig.session.log(), rig.idOf(QStringLiteral("second server")), EventKind::Error);
    QCOMPARE(inUse.size(), 1);
    QVERIFY2(inUse.constFirst().detail.contains(QLatin1String("in use")), qPrintable(inUse.constFirst().detail));
    QVERIFY2(rig.runner.narration(1).contains(QLatin1String("in use")), qPrintable(rig.runner.narration(1)));
    // Connection refused: the client never connected, at the freed port.
    QCOMPARE(rig.countOf(QStringLiteral("client"), EventKind::Connected), 0);
    const QList<Event> refused = eventsOf(*rig.session.log(), rig.idOf(QStringLiteral("client")), EventKind::Error);
    QCOMPARE(refused.size(), 1);
    QVERIFY2(refused.constFirst().detail.contains(QLatin1String("refused")), qPrintable(refused.constFirst().detail));
    QVERIFY2(rig.runner.narration(3).contains(QLatin1String("refused")), qPrintable(rig.runner.narration(3)));
}

void TestDemo::nextRunsOneStepAtATime()
{
    Rig rig;
    QVERIFY(rig.runner.load(QStringLiteral("welcome")));
    QCOMPARE(rig.runner.state(), DemoRunner::State::Idle);
    QCOMPARE(rig.runner.currentStep(), -1);
    QSignalSpy started(&rig.runner, &DemoRunner::stepStarted);
    QSignalSpy done(&rig.runner, &DemoRunner::stepFinished);
    for (int step = 0; step < rig.runner.stepCount(); ++step) {
        rig.runner.next();
        QCOMPARE(rig.runner.currentStep(), step);
        QTRY_COMPARE(done.size(), step + 1);
        QCOMPARE(done.constLast().constFirst().toInt(), step);
        const DemoRunner::State expected =
            step + 1 == rig.runner.stepCount() ? DemoRunner::State::Finished : DemoRunner::State::Paused;
        QCOMPARE(rig.runner.state(), expected);
        // Paused means paused: nothing runs the next step on its own.
        QTest::qWait(0);
        QCOMPARE(started.size(), step + 1);
    }
    // After the first step only the server exists as a running endpoint; the greeting came later.
    QVERIFY(rig.received(QStringLiteral("client")).contains("Welcome to the server!"));
    rig.runner.next(); // past the end: nothing
    QCOMPARE(started.size(), rig.runner.stepCount());
}

void TestDemo::stopMidDemoLeavesNothingRunning()
{
    Rig rig;
    QVERIFY(rig.runner.load(QStringLiteral("echo")));
    QSignalSpy done(&rig.runner, &DemoRunner::stepFinished);
    rig.runner.next();
    QTRY_COMPARE(done.size(), 1);
    rig.runner.next();
    QTRY_COMPARE(done.size(), 2); // the server listens, the client is connected
    QVERIFY(rig.anyRunning());
    rig.runner.stop();
    QCOMPARE(rig.runner.state(), DemoRunner::State::Stopped);
    QTRY_VERIFY(!rig.anyRunning());
    // The endpoints stay in sight; next() does nothing once stopped.
    QCOMPARE(rig.runner.endpointIds().size(), 2);
    rig.runner.next();
    QCOMPARE(rig.runner.state(), DemoRunner::State::Stopped);
}

void TestDemo::resetRemovesTheEndpoints()
{
    Rig rig;
    QVERIFY(rig.runToEnd(QStringLiteral("welcome")));
    const QList<int> ids = rig.runner.endpointIds();
    QVERIFY(!ids.isEmpty());
    rig.runner.reset();
    QCOMPARE(rig.runner.state(), DemoRunner::State::Idle);
    QCOMPARE(rig.runner.currentStep(), -1);
    QVERIFY(rig.runner.endpointIds().isEmpty());
    for (int id : ids)
        QVERIFY(!rig.session.endpointIds().contains(id));
    // And it runs again from the start.
    QVERIFY(rig.runToEnd(QStringLiteral("welcome")));
    QVERIFY(rig.received(QStringLiteral("client")).contains("Welcome to the server!"));
}

void TestDemo::loadingAnotherDemoResets()
{
    Rig rig;
    QVERIFY(rig.runner.load(QStringLiteral("echo")));
    QSignalSpy done(&rig.runner, &DemoRunner::stepFinished);
    rig.runner.next();
    QTRY_COMPARE(done.size(), 1);
    const QList<int> echoIds = rig.runner.endpointIds();
    QVERIFY(rig.runner.load(QStringLiteral("welcome")));
    QCOMPARE(rig.runner.demoId(), QStringLiteral("welcome"));
    QCOMPARE(rig.runner.state(), DemoRunner::State::Idle);
    for (int id : echoIds)
        QVERIFY(!rig.session.endpointIds().contains(id));
}

QTEST_GUILESS_MAIN(TestDemo)
#include "tst_demo.moc"
