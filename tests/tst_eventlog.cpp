// The event log: a bounded ring with batched, thread-safe notification.
#include "eventlog.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace SockPlay;

namespace {
Event note(const QString &detail, const QByteArray &payload = {})
{
    Event e;
    e.kind = EventKind::Info;
    e.detail = detail;
    e.payload = payload;
    return e;
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
    QVERIFY(log.at(1).wallTime.isValid());
    QVERIFY(log.at(1).monotonicMs >= log.at(0).monotonicMs);
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
    EventLog::Limits limits;
    limits.payloadBytesTotal = 100;
    limits.payloadBytesPerEvent = 40;
    EventLog log(limits);
    for (int i = 0; i < 50; ++i) {
        log.append(note(QString::number(i), QByteArray(30, 'x')));
        QVERIFY2(log.payloadBytesKept() <= 100, qPrintable(QString::number(log.payloadBytesKept())));
    }
    QCOMPARE(log.size(), 3); // 3 × 30 bytes fit in 100
    QCOMPARE(log.at(2).detail, QStringLiteral("49"));
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
    QCOMPARE(log.size(), 64);
    QCOMPARE(log.payloadBytesKept(), qint64(1 << 20));
    const Event last = log.at(63);
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

QTEST_GUILESS_MAIN(TestEventLog)
#include "tst_eventlog.moc"
