// The event log: a bounded log that keeps the story under a flood, with
// batched, thread-safe notification.
#include "eventlog.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace SockPlay;

namespace {
/// A data event (received bytes): the first to go when the log is full.
Event note(const QString &detail, const QByteArray &payload = {}, EventKind kind = EventKind::Received)
{
    Event e;
    e.kind = kind;
    e.detail = detail;
    e.payload = payload;
    return e;
}

/// Rows as a view reads them through the layout: "#seq kind" or "dropped N".
QStringList rowsOf(const EventLog &log)
{
    const EventLog::Layout l = log.layout();
    QStringList rows;
    auto text = [](const Event &e) {
        return e.kind == EventKind::Dropped ? QStringLiteral("dropped %1").arg(e.droppedCount)
                                            : QStringLiteral("#%1 %2").arg(e.sequence).arg(eventKindName(e.kind));
    };
    if (l.headDropped > 0)
        rows.append(QStringLiteral("dropped %1").arg(l.headDropped));
    for (quint64 i = l.keptBegin; i < l.keptEnd; ++i)
        rows.append(text(*log.keptItem(i)));
    if (l.gapDropped > 0)
        rows.append(QStringLiteral("dropped %1").arg(l.gapDropped));
    for (quint64 s = l.ringBegin; s < l.ringEnd; ++s)
        rows.append(text(*log.event(s)));
    return rows;
}
} // namespace

class TestEventLog : public QObject
{
    Q_OBJECT
private slots:
    void appendStampsIncreasingSequenceAndTime();
    void ringEvictsOldestAtCapacity();
    void payloadIsCappedPerEventButSizeIsKept();
    void totalPayloadBytesAreBounded();
    void floodCostsOneNotificationPerBatch();
    void bigReadsKeepOnlyTheCappedBytes();
    void appendsFromAnotherThreadNotifyInTheLogsThread();
    void clearForgetsEventsButKeepsCounting();
    void aFloodNeverErasesTheStory_data();
    void aFloodNeverErasesTheStory();
    void droppedRowsStandWhereEventsWent();
    void payloadBudgetCountsAllocatedMemory();
    void aFullLogRecyclesItsMemory();
    void clearFreesTheMemory();
    void shrinkingTheCapacityDropsTheOldest();
    void sourcesAreSharedNotCopied();
};

void TestEventLog::appendStampsIncreasingSequenceAndTime()
{
    EventLog log;
    const quint64 a = log.append(note(QStringLiteral("a")));
    const quint64 b = log.append(note(QStringLiteral("b")));
    QCOMPARE(a, 1u);
    QCOMPARE(b, 2u);
    QCOMPARE(log.size(), 2);
    QCOMPARE(log.at(0).detail, QStringLiteral("a"));
    QCOMPARE(log.at(1).sequence, 2u);
    QVERIFY(log.at(1).wallTime().isValid());
    QVERIFY(log.at(1).timeNs >= log.at(0).timeNs);
}

void TestEventLog::ringEvictsOldestAtCapacity()
{
    EventLog::Limits limits;
    limits.capacity = 3;
    EventLog log(limits);
    for (int i = 1; i <= 5; ++i)
        log.append(note(QString::number(i)));
    QCOMPARE(log.size(), 3);
    QCOMPARE(log.firstSequence(), 3u);
    QCOMPARE(log.nextSequence(), 6u);
    QCOMPARE(log.at(0).detail, QStringLiteral("3"));
    QCOMPARE(log.at(2).detail, QStringLiteral("5"));
    const QList<Event> all = log.snapshot();
    QCOMPARE(all.size(), 3);
    QCOMPARE(all.constLast().sequence, 5u);
}

void TestEventLog::payloadIsCappedPerEventButSizeIsKept()
{
    EventLog::Limits limits;
    limits.payloadBytesPerEvent = 4;
    EventLog log(limits);
    log.append(note(QString(), QByteArray("0123456789")));
    const Event e = log.at(0);
    QCOMPARE(e.payload, QByteArray("0123"));
    QCOMPARE(e.byteCount, 10);
    QVERIFY(e.payloadTruncated());
}

void TestEventLog::totalPayloadBytesAreBounded()
{
    // The payload budget bounds what is kept; when it runs out the oldest
    // events lose their bytes first (and say so), but stay in the log.
    EventLog::Limits limits;
    limits.payloadBytesTotal = 100;
    limits.payloadBytesPerEvent = 40;
    EventLog log(limits);
    for (int i = 0; i < 50; ++i) {
        log.append(note(QString::number(i), QByteArray(30, 'x')));
        QVERIFY2(log.payloadBytesKept() <= 100, qPrintable(QString::number(log.payloadBytesKept())));
    }
    QCOMPARE(log.size(), 50);
    const Event newest = log.at(49);
    QCOMPARE(newest.detail, QStringLiteral("49"));
    QCOMPARE(newest.payload, QByteArray(30, 'x'));
    QVERIFY(!newest.payloadDropped());
    const Event oldest = log.at(0);
    QVERIFY(oldest.payloadDropped());
    QVERIFY(oldest.payload.isEmpty());
    QCOMPARE(oldest.byteCount, 30);
    QVERIFY(log.totals().payloadsDropped >= 45);
}

void TestEventLog::bigReadsKeepOnlyTheCappedBytes()
{
    // A flood of 256 KiB reads: each event keeps 16 KiB, the whole log 1 MiB,
    // and a kept payload owns just its own bytes, not the 256 KiB it came from.
    EventLog::Limits limits;
    limits.payloadBytesTotal = 1 << 20;
    limits.payloadBytesPerEvent = 16 * 1024;
    EventLog log(limits);
    for (int i = 0; i < 1000; ++i) {
        Event e = note(QString::number(i));
        e.payload = QByteArray(256 * 1024, char(i));
        log.append(std::move(e));
    }
    // Every event stays; only the newest ones still have their bytes.
    QCOMPARE(log.size(), 1000);
    QVERIFY(log.payloadBytesKept() <= qint64(1 << 20));
    QVERIFY(log.totals().memoryBytes < 3 * (1 << 20));
    const Event last = log.at(999);
    QCOMPARE(last.byteCount, 256 * 1024);
    QCOMPARE(last.payload.size(), 16 * 1024);
    QVERIFY2(last.payload.capacity() <= 16 * 1024 + 64, qPrintable(QString::number(last.payload.capacity())));
}

void TestEventLog::floodCostsOneNotificationPerBatch()
{
    EventLog log;
    QSignalSpy changed(&log, &EventLog::eventsChanged);
    for (int i = 0; i < 10000; ++i)
        log.append(note(QString(), QByteArray("packet")));
    QCOMPARE(changed.count(), 0); // nothing until the event loop runs the batch
    QVERIFY(changed.wait());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toULongLong(), 1u);
    QCOMPARE(changed.at(0).at(1).toULongLong(), 10001u);
    QCOMPARE(log.layout().ringEnd, 10001u);

    log.append(note(QStringLiteral("one more")));
    QVERIFY(changed.wait());
    QCOMPARE(changed.count(), 2);
    QCOMPARE(changed.at(1).at(1).toULongLong(), 10002u);
}

void TestEventLog::appendsFromAnotherThreadNotifyInTheLogsThread()
{
    EventLog log;
    QThread *notifiedIn = nullptr;
    connect(&log, &EventLog::eventsChanged, this, [&] { notifiedIn = QThread::currentThread(); });
    std::unique_ptr<QThread> writer(QThread::create([&log] {
        for (int i = 0; i < 1000; ++i)
            log.append(note(QString::number(i)));
    }));
    writer->start();
    QVERIFY(writer->wait(10000));
    QTRY_COMPARE(log.size(), 1000);
    QTRY_VERIFY(notifiedIn != nullptr);
    QCOMPARE(notifiedIn, QThread::currentThread());
    for (int i = 0; i < 1000; ++i)
        QCOMPARE(log.at(i).sequence, quint64(i + 1));
}

void TestEventLog::clearForgetsEventsButKeepsCounting()
{
    EventLog log;
    log.append(note(QStringLiteral("a")));
    log.append(note(QStringLiteral("b")));
    QSignalSpy changed(&log, &EventLog::eventsChanged);
    log.clear();
    QCOMPARE(log.size(), 0);
    QCOMPARE(log.payloadBytesKept(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(log.append(note(QStringLiteral("c"))), 3u);
    QCOMPARE(log.at(0).detail, QStringLiteral("c"));
}

void TestEventLog::aFloodNeverErasesTheStory_data()
{
    QTest::addColumn<int>("capacity");
    QTest::addColumn<int>("dataEvents");
    QTest::newRow("1,000 events, 100,000 data") << 1000 << 100000;
    QTest::newRow("10 events, 1,000 data") << 10 << 1000;
}

void TestEventLog::aFloodNeverErasesTheStory()
{
    // A connection's lifecycle and an error, then a flood of data: the
    // lifecycle and the error outlive the data, and the view is told how
    // many events were dropped, exactly.
    QFETCH(int, capacity);
    QFETCH(int, dataEvents);
    EventLog::Limits limits;
    limits.capacity = capacity;
    EventLog log(limits);
    const QList<EventKind> story{EventKind::Created, EventKind::Bound, EventKind::Listening,
                                 EventKind::Accepted, EventKind::Error};
    for (EventKind kind : story)
        log.append(note(eventKindName(kind), {}, kind));
    for (int i = 0; i < dataEvents; ++i)
        log.append(note(QString(), QByteArrayLiteral("data")));

    QList<EventKind> kept;
    qint64 payloadBytes = 0;
    for (const Event &e : log.snapshot()) {
        payloadBytes += e.payload.size();
        if (e.kind != EventKind::Received)
            kept.append(e.kind);
    }
    // The payload bytes counted are exactly those of the events kept.
    QCOMPARE(log.totals().payloadBytesKept, payloadBytes);
    QCOMPARE(kept, story);
    QCOMPARE(log.size(), capacity);
    const EventLog::Totals totals = log.totals();
    QCOMPARE(totals.logged, quint64(story.size() + dataEvents));
    QCOMPARE(totals.dropped, quint64(story.size() + dataEvents - capacity));

    quint64 droppedRows = 0;
    for (const QString &row : rowsOf(log)) {
        if (row.startsWith(QLatin1String("dropped ")))
            droppedRows += row.mid(8).toULongLong();
    }
    QCOMPARE(droppedRows, totals.dropped);
}

void TestEventLog::droppedRowsStandWhereEventsWent()
{
    EventLog::Limits limits;
    limits.capacity = 6; // up to 3 kept from before the ring
    EventLog log(limits);
    log.append(note(QString(), {}, EventKind::Listening)); // #1
    log.append(note(QStringLiteral("a"), "x"));            // #2
    log.append(note(QStringLiteral("b"), "x"));            // #3
    log.append(note(QString(), {}, EventKind::Accepted));  // #4
    for (int i = 0; i < 8; ++i)                            // #5 .. #12
        log.append(note(QString::number(i), "x"));
    QCOMPARE(rowsOf(log), (QStringList{QStringLiteral("#1 listening"), QStringLiteral("dropped 2"),
                                       QStringLiteral("#4 accepted"), QStringLiteral("dropped 4"),
                                       QStringLiteral("#9 received"), QStringLiteral("#10 received"),
                                       QStringLiteral("#11 received"), QStringLiteral("#12 received")}));
    QCOMPARE(log.firstSequence(), 1u);
    QCOMPARE(log.at(1).sequence, 4u);
    QCOMPARE(log.at(2).sequence, 9u);
}

void TestEventLog::payloadBudgetCountsAllocatedMemory()
{
    // 1 GiB of 64 KiB reads, 16 KiB kept of each, into a 4 MiB budget: the
    // memory the log holds is what the budget allows, not what arrived.
    EventLog::Limits limits;
    limits.capacity = 100000;
    limits.payloadBytesTotal = 4 << 20;
    limits.payloadBytesPerEvent = 16 * 1024;
    EventLog log(limits);
    const QByteArray read(64 * 1024, 'r');
    for (int i = 0; i < 16384; ++i)
        log.append(note(QString(), read));
    const EventLog::Totals totals = log.totals();
    QVERIFY2(totals.payloadBytesKept <= limits.payloadBytesTotal, qPrintable(QString::number(totals.payloadBytesKept)));
    // The arena's chunks, a spare, and the records: nothing else.
    QVERIFY2(totals.memoryBytes <= limits.payloadBytesTotal + (1 << 20) + 16384 * 80 + (1 << 20),
             qPrintable(QString::number(totals.memoryBytes)));
    QCOMPARE(log.size(), 16384);
    QVERIFY(log.at(0).payloadDropped());
    QCOMPARE(log.at(16383).payload.size(), 16 * 1024);
    QVERIFY(log.at(16383).payloadTruncated());
}

void TestEventLog::aFullLogRecyclesItsMemory()
{
    // Once full, appending takes the chunks its front gives back: the memory
    // stays where it is, however long the flood.
    EventLog::Limits limits;
    limits.capacity = 50000;
    EventLog log(limits);
    // Full, and once round: the ring has handed a chunk back as its spare.
    for (int i = 0; i < 100000; ++i)
        log.append(note(QString(), QByteArray(64, 'u')));
    const qint64 full = log.totals().memoryBytes;
    for (int round = 0; round < 5; ++round) {
        for (int i = 0; i < 50000; ++i)
            log.append(note(QString(), QByteArray(64, 'u')));
        // The ring spans one chunk more or less as it slides; nothing else moves.
        const qint64 now = log.totals().memoryBytes;
        QVERIFY2(now <= full + 512 * 1024, qPrintable(QStringLiteral("%1 after, %2 full").arg(now).arg(full)));
    }
    QCOMPARE(log.size(), 50000);
}

void TestEventLog::clearFreesTheMemory()
{
    EventLog log;
    for (int i = 0; i < 200000; ++i)
        log.append(note(QString(), QByteArray(64, 'c')));
    QVERIFY(log.totals().memoryBytes > 10 << 20);
    log.clear();
    // At most the spare chunks: two of records, two of the kept list, two of the arena.
    QVERIFY2(log.totals().memoryBytes < 3 << 20, qPrintable(QString::number(log.totals().memoryBytes)));
    QCOMPARE(log.append(note(QStringLiteral("after"))), 200001u);
    QCOMPARE(log.size(), 1);
}

void TestEventLog::shrinkingTheCapacityDropsTheOldest()
{
    EventLog log;
    for (int i = 1; i <= 100; ++i)
        log.append(note(QString::number(i)));
    EventLog::Limits limits = log.limits();
    limits.capacity = 10;
    log.setLimits(limits);
    QCOMPARE(log.size(), 10);
    QCOMPARE(log.at(0).detail, QStringLiteral("91"));
    log.append(note(QStringLiteral("101")));
    QCOMPARE(log.size(), 10);
    QCOMPARE(log.at(9).detail, QStringLiteral("101"));
}

void TestEventLog::sourcesAreSharedNotCopied()
{
    // Addresses are formatted once per connection: every event of it shares one source.
    EventLog log;
    const EventSourcePtr peer = makeEventSource(1, 7, QStringLiteral("server"), QHostAddress::LocalHost, 5000,
                                                QHostAddress::LocalHost, 41234);
    for (int i = 0; i < 3; ++i)
        log.append(EventKind::Received, peer, "x");
    QCOMPARE(log.at(0).source.data(), peer.data());
    QCOMPARE(log.at(2).peerText(), QStringLiteral("127.0.0.1:41234"));
    QCOMPARE(log.at(2).localText(), QStringLiteral("127.0.0.1:5000"));
    QCOMPARE(log.at(2).connectionId(), 7);
    QCOMPARE(log.at(1).streamOffset, -1);
}

QTEST_GUILESS_MAIN(TestEventLog)
#include "tst_eventlog.moc"
