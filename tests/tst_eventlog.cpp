// The event log: a bounded log that keeps the story under a flood, with
// batched, thread-safe notification.
#include "eventlog.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>
#include <cstdlib>
#include <new>

using namespace SockPlay;

// Every operator new of this test program is counted while a test asks for
// it, in the thread that asked: "a full log never allocates" is checked, not
// timed. (The log's chunks of records and of payload bytes come from new[].)
namespace {
thread_local bool t_countAllocations = false;
std::atomic<qint64> g_allocations = 0;

void *countedAllocation(std::size_t size)
{
    if (t_countAllocations)
        ++g_allocations;
    if (void *p = std::malloc(size ? size : 1))
        return p;
    throw std::bad_alloc();
}

/// Counts the allocations of this thread while it lives.
struct AllocationCounter
{
    AllocationCounter() { g_allocations = 0; t_countAllocations = true; }
    ~AllocationCounter() { t_countAllocations = false; }
    qint64 count() const { return g_allocations; }
};
} // namespace

void *operator new(std::size_t size) { return countedAllocation(size); }
void *operator new[](std::size_t size) { return countedAllocation(size); }
void operator delete(void *p) noexcept { std::free(p); }
void operator delete[](void *p) noexcept { std::free(p); }
void operator delete(void *p, std::size_t) noexcept { std::free(p); }
void operator delete[](void *p, std::size_t) noexcept { std::free(p); }

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
    void droppedRowsStandWhereEventsWent_data();
    void droppedRowsStandWhereEventsWent();
    void payloadBudgetCountsAllocatedMemory();
    void anEchoSharesTheBytesItReceived();
    void aFullLogRecyclesItsMemory();
    void aFullLogAppendsWithoutAllocating_data();
    void aFullLogAppendsWithoutAllocating();
    void clearFreesTheMemory();
    void shrinkingTheCapacityDropsTheOldest_data();
    void shrinkingTheCapacityDropsTheOldest();
    void newLimitsKeepTheTotals();
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
    // Oldest first: the events that lost their bytes come before every one that kept them.
    const QList<Event> events = log.snapshot();
    qsizetype firstKept = 0;
    while (firstKept < events.size() && events.at(firstKept).payloadDropped())
        ++firstKept;
    qint64 keptBytes = 0;
    for (qsizetype i = firstKept; i < events.size(); ++i) {
        QVERIFY2(!events.at(i).payloadDropped(), qPrintable(events.at(i).detail));
        QCOMPARE(events.at(i).payload, QByteArray(30, 'x'));
        keptBytes += events.at(i).payload.size();
    }
    QCOMPARE(quint64(firstKept), log.totals().payloadsDropped);
    QCOMPARE(log.payloadBytesKept(), keptBytes);
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

void TestEventLog::droppedRowsStandWhereEventsWent_data()
{
    // What is appended, one letter an event: L listening, A accepted, E error
    // (lifecycle and errors), d received bytes (data). Capacity c keeps at
    // most c/2 events from before the ring.
    QTest::addColumn<int>("capacity");
    QTest::addColumn<QString>("appended");
    QTest::addColumn<QStringList>("rows");
    QTest::newRow("nothing dropped") << 6 << QStringLiteral("LddA")
                                     << QStringList{QStringLiteral("#1 listening"), QStringLiteral("#2 received"),
                                                    QStringLiteral("#3 received"), QStringLiteral("#4 accepted")};
    QTest::newRow("only data: one row at the head")
        << 3 << QStringLiteral("ddddd")
        << QStringList{QStringLiteral("dropped 2"), QStringLiteral("#3 received"), QStringLiteral("#4 received"),
                       QStringLiteral("#5 received")};
    QTest::newRow("data dropped around the lifecycle")
        << 6 << QStringLiteral("LddAdddddddd")
        << QStringList{QStringLiteral("#1 listening"), QStringLiteral("dropped 2"), QStringLiteral("#4 accepted"),
                       QStringLiteral("dropped 4"), QStringLiteral("#9 received"), QStringLiteral("#10 received"),
                       QStringLiteral("#11 received"), QStringLiteral("#12 received")};
    QTest::newRow("a gap before the ring")
        << 4 << QStringLiteral("Lddddd")
        << QStringList{QStringLiteral("#1 listening"), QStringLiteral("dropped 2"), QStringLiteral("#4 received"),
                       QStringLiteral("#5 received"), QStringLiteral("#6 received")};
    QTest::newRow("kept list full: its oldest goes to the head")
        << 4 << QStringLiteral("LAEdddddd")
        << QStringList{QStringLiteral("dropped 1"), QStringLiteral("#2 accepted"), QStringLiteral("#3 error"),
                       QStringLiteral("dropped 4"), QStringLiteral("#8 received"), QStringLiteral("#9 received")};
}

void TestEventLog::droppedRowsStandWhereEventsWent()
{
    // A view reads its rows through the layout: kept items by index, the
    // ring by sequence. It sees the events in sequence order, and a Dropped
    // row exactly where events went, counting them.
    QFETCH(int, capacity);
    QFETCH(QString, appended);
    QFETCH(QStringList, rows);
    EventLog::Limits limits;
    limits.capacity = capacity;
    EventLog log(limits);
    for (QChar c : appended) {
        const EventKind kind = c == QLatin1Char('L') ? EventKind::Listening
            : c == QLatin1Char('A')                  ? EventKind::Accepted
            : c == QLatin1Char('E')                  ? EventKind::Error
                                                     : EventKind::Received;
        log.append(note(QString(), kind == EventKind::Received ? QByteArray("x") : QByteArray(), kind));
    }
    const QStringList seen = rowsOf(log);
    QCOMPARE(seen, rows);
    QCOMPARE(log.layout().rowCount(), int(rows.size()));

    quint64 dropped = 0;
    quint64 lastSequence = 0;
    int events = 0;
    for (const QString &row : seen) {
        if (row.startsWith(QLatin1String("dropped "))) {
            dropped += row.mid(8).toULongLong();
            continue;
        }
        const quint64 sequence = row.mid(1, row.indexOf(QLatin1Char(' ')) - 1).toULongLong();
        QVERIFY2(sequence > lastSequence, qPrintable(row));
        lastSequence = sequence;
        ++events;
    }
    QCOMPARE(dropped, log.totals().dropped);
    QCOMPARE(dropped, quint64(appended.size() - log.size()));
    QCOMPARE(events, log.size());
    QCOMPARE(log.firstSequence(), log.at(0).sequence);
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
    for (int i = 0; i < 16384; ++i)
        log.append(note(QString(), QByteArray(64 * 1024, char('a' + i % 26)))); // each read its own array
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
    // Once full, appending takes the chunks its front gives back (records and
    // payload bytes): the memory stays where it is, however long the flood.
    EventLog::Limits limits;
    limits.capacity = 50000;
    EventLog log(limits);
    const QByteArray payload(64, 'u');
    // Full, and once round: the ring and the arena have handed chunks back as spares.
    for (int i = 0; i < 100000; ++i)
        log.append(EventKind::Received, {}, payload);
    const qint64 full = log.totals().memoryBytes;
    qint64 least = full;
    qint64 most = full;
    for (int i = 0; i < 5 * 50000; ++i) {
        log.append(EventKind::Received, {}, payload);
        const qint64 now = log.totals().memoryBytes;
        least = std::min(least, now);
        most = std::max(most, now);
    }
    QVERIFY2(least == full && most == full,
             qPrintable(QStringLiteral("%1 bytes when full, then between %2 and %3").arg(full).arg(least).arg(most)));
    QCOMPARE(log.size(), 50000);
    QCOMPARE(log.totals().dropped, quint64(350000 - 50000));
}

void TestEventLog::aFullLogAppendsWithoutAllocating_data()
{
    QTest::addColumn<int>("capacity");
    QTest::addColumn<int>("payloadSize");
    QTest::newRow("50,000 events, no payload") << 50000 << 0;
    QTest::newRow("50,000 events of 64 bytes") << 50000 << 64;
    QTest::newRow("3,000 events of 16 KiB: the budget recycles payload chunks") << 3000 << 16 * 1024;
}

void TestEventLog::aFullLogAppendsWithoutAllocating()
{
    // O(1) append with no reallocation or rotation, checked without a clock:
    // once the log is full (and its chunks went round once), appending
    // allocates nothing at all, however many chunk boundaries it crosses.
    QFETCH(int, capacity);
    QFETCH(int, payloadSize);
    EventLog::Limits limits;
    limits.capacity = capacity;
    limits.payloadBytesTotal = 4 << 20;
    EventLog log(limits);
    const EventSourcePtr source = makeEventSource(1, 1, QStringLiteral("server"), QHostAddress::LocalHost, 5000,
                                                  QHostAddress::LocalHost, 41234);
    const QByteArray payload(payloadSize, 'p');
    for (int i = 0; i < 2 * capacity; ++i)
        log.append(EventKind::Received, source, payload);
    const quint64 before = log.nextSequence();
    qint64 allocations = 0;
    {
        AllocationCounter counter;
        for (int i = 0; i < 4 * capacity; ++i)
            log.append(EventKind::Received, source, payload);
        allocations = counter.count();
    }
    QCOMPARE(log.nextSequence(), before + 4 * quint64(capacity));
    QCOMPARE(log.size(), capacity);
    QCOMPARE(allocations, 0);
    if (payloadSize > 0)
        QCOMPARE(log.at(capacity - 1).payload, payload);
}

void TestEventLog::anEchoSharesTheBytesItReceived()
{
    EventLog::Limits limits;
    limits.capacity = 4;
    EventLog log(limits);
    const EventSourcePtr source = makeEventSource(1, 1, QStringLiteral("server"), {}, 0, {}, 0);
    QByteArray received(1000, 'e');
    log.append(EventKind::Received, source, received, received.size(), 0);
    log.append(EventKind::AutoReplied, source, received, received.size(), 0);
    QCOMPARE(log.totals().payloadBytesKept, 1000); // one copy for both
    QCOMPARE(log.at(0).payload, received);
    QCOMPARE(log.at(1).payload, received);

    // Changed after logging (it detaches from the log's reference): new bytes, stored anew.
    received[0] = 'X';
    log.append(EventKind::AutoReplied, source, received, received.size(), 1000);
    QCOMPARE(log.totals().payloadBytesKept, 2000);
    QCOMPARE(log.at(1).payload.at(0), 'e');
    QCOMPARE(log.at(2).payload.at(0), 'X');

    // Bytes someone else owns may change under the same address: never shared.
    char raw[8] = {'r', 'a', 'w', '1', 0, 0, 0, 0};
    const QByteArray view = QByteArray::fromRawData(raw, 4);
    log.append(EventKind::Received, source, view, 4, 0);
    raw[3] = '2';
    log.append(EventKind::AutoReplied, source, view, 4, 0);
    QCOMPARE(log.at(log.size() - 2).payload, QByteArray("raw1"));
    QCOMPARE(log.at(log.size() - 1).payload, QByteArray("raw2"));

    // Every event leaves: the shared bytes are counted once and leave with them.
    for (int i = 0; i < 4; ++i)
        log.append(EventKind::Note, source, {}, 0, -1, QStringLiteral("next"));
    QCOMPARE(log.totals().payloadBytesKept, 0);
}

void TestEventLog::clearFreesTheMemory()
{
    EventLog log;
    for (int i = 0; i < 200000; ++i)
        log.append(note(QString(), QByteArray(64, 'c')));
    QVERIFY(log.totals().memoryBytes > 10 << 20);
    log.clear();
    // At most the spare chunks: two of records, two of the kept list, two of
    // the arena (2 MiB each).
    QVERIFY2(log.totals().memoryBytes < 5 << 20, qPrintable(QString::number(log.totals().memoryBytes)));
    QCOMPARE(log.totals().payloadBytesKept, 0);
    QCOMPARE(log.layout().rowCount(), 0); // no Dropped row either: clearing is not dropping
    QCOMPARE(log.append(note(QStringLiteral("after"))), 200001u);
    QCOMPARE(log.size(), 1);
    QCOMPARE(rowsOf(log), QStringList{QStringLiteral("#200001 received")});
}

void TestEventLog::shrinkingTheCapacityDropsTheOldest_data()
{
    QTest::addColumn<EventKind>("firstKind");
    QTest::addColumn<QStringList>("headRows");
    QTest::newRow("only data") << EventKind::Received << QStringList{QStringLiteral("dropped 90")};
    QTest::newRow("the lifecycle stays")
        << EventKind::Listening << QStringList{QStringLiteral("#1 listening"), QStringLiteral("dropped 90")};
}

void TestEventLog::shrinkingTheCapacityDropsTheOldest()
{
    // 100 events, then the capacity becomes 10: the oldest data goes at once
    // (a lifecycle event stays), and the view's Dropped row says how many.
    QFETCH(EventKind, firstKind);
    QFETCH(QStringList, headRows);
    EventLog log;
    log.append(note(QStringLiteral("1"), {}, firstKind));
    for (int i = 2; i <= 100; ++i)
        log.append(note(QString::number(i), "x"));
    EventLog::Limits limits = log.limits();
    limits.capacity = 10;
    log.setLimits(limits);
    QCOMPARE(log.size(), 10);
    QCOMPARE(log.totals().dropped, 90u);
    QCOMPARE(log.at(9).detail, QStringLiteral("100"));
    QCOMPARE(rowsOf(log).mid(0, headRows.size()), headRows);
    QCOMPARE(rowsOf(log).size(), headRows.size() + 10 - (firstKind == EventKind::Received ? 0 : 1));
    log.append(note(QStringLiteral("101"), "x"));
    QCOMPARE(log.size(), 10);
    QCOMPARE(log.at(9).detail, QStringLiteral("101"));
    QCOMPARE(log.totals().dropped, 91u);
    QCOMPARE(log.at(0).sequence, firstKind == EventKind::Received ? 92u : 1u);
}

void TestEventLog::newLimitsKeepTheTotals()
{
    // Totals count what the log did since it was created: new limits never
    // make them go down, and every event that shows a dropped payload is
    // counted among those that lost it.
    EventLog::Limits limits;
    limits.payloadBytesTotal = 1000;
    limits.payloadBytesPerEvent = 100;
    EventLog log(limits);
    for (int i = 0; i < 50; ++i)
        log.append(note(QString::number(i), QByteArray(100, 'p')));
    const EventLog::Totals before = log.totals();
    QVERIFY(before.payloadsDropped > 0);
    limits.payloadBytesPerEvent = 50;
    log.setLimits(limits);
    const EventLog::Totals after = log.totals();
    QCOMPARE(after.logged, before.logged);
    QCOMPARE(after.dropped, before.dropped);
    QVERIFY2(after.payloadsDropped >= before.payloadsDropped,
             qPrintable(QStringLiteral("%1 before, %2 after").arg(before.payloadsDropped).arg(after.payloadsDropped)));
    quint64 showDropped = 0;
    for (const Event &e : log.snapshot())
        showDropped += e.payloadDropped() ? 1 : 0;
    QVERIFY2(after.payloadsDropped >= showDropped,
             qPrintable(QStringLiteral("%1 counted, %2 events show a dropped payload").arg(after.payloadsDropped).arg(showDropped)));
    QCOMPARE(after.payloadBytesKept, 0); // the bytes went with the old budget
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
