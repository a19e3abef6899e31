// LogModel over a real EventLog: rows follow the log's batches by inserting at
// the bottom and removing evicted rows at the top and at the boundary where the
// ring gave events up, never by resetting; Dropped rows say how many went.
#include "eventlog.h"
#include "logmodel.h"

#include <QFont>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace SockPlay;

namespace {

const EventSourcePtr &serverSource()
{
    static const EventSourcePtr source = makeEventSource(1, 0, QStringLiteral("server"), {}, 0, {}, 0);
    return source;
}

Event note(int i, EventKind kind = EventKind::Note, const QByteArray &payload = {})
{
    Event event;
    event.kind = kind;
    event.source = serverSource();
    event.detail = QStringLiteral("note %1").arg(i);
    event.payload = payload;
    event.byteCount = payload.size();
    return event;
}

/// What a view shows in the Event column, row by row.
QStringList eventColumn(const LogModel &model)
{
    QStringList rows;
    for (int row = 0; row < model.rowCount(); ++row)
        rows.append(model.index(row, LogModel::EventColumn).data().toString());
    return rows;
}

} // namespace

class TestLogModel : public QObject
{
    Q_OBJECT

private slots:
    void batchesInsertAndEvictWithoutReset_data();
    void batchesInsertAndEvictWithoutReset();
    void clearRemovesEveryRowThenNewRowsArrive();
    void payloadIsTruncatedForDisplay();
    void errorRowsStandOut();
    void endpointEventsShowTheLocalAddress();
    void lifecycleOutlivesDataWithADroppedRowBetween();
    void incrementalRowsMatchAFreshModel_data();
    void incrementalRowsMatchAFreshModel();
};

void TestLogModel::batchesInsertAndEvictWithoutReset_data()
{
    QTest::addColumn<int>("capacity");
    QTest::addColumn<QList<int>>("batches"); // events appended before each flush
    QTest::addColumn<int>("expectedRows");

    QTest::newRow("one batch, no eviction") << 100 << QList<int>{10} << 10;
    QTest::newRow("several batches, no eviction") << 100 << QList<int>{10, 20, 30} << 60;
    QTest::newRow("eviction within a batch") << 50 << QList<int>{120} << 50;
    QTest::newRow("eviction across batches") << 50 << QList<int>{30, 30, 30} << 50;
    QTest::newRow("a batch larger than everything shown") << 20 << QList<int>{15, 100} << 20;
}

void TestLogModel::batchesInsertAndEvictWithoutReset()
{
    QFETCH(int, capacity);
    QFETCH(QList<int>, batches);
    QFETCH(int, expectedRows);

    EventLog::Limits limits;
    limits.capacity = capacity;
    EventLog log(limits);
    LogModel model(&log);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

    // Data events (received) are dropped oldest first; once any went, the
    // first row says how many.
    int appended = 0;
    for (int count : batches) {
        for (int i = 0; i < count; ++i)
            log.append(note(++appended, EventKind::Received));
        log.flush();
        const int dropped = qMax(0, appended - capacity);
        QCOMPARE(model.rowCount(), qMin(appended, capacity) + (dropped > 0 ? 1 : 0));
    }
    const int dropped = appended - expectedRows;
    const int headRows = dropped > 0 ? 1 : 0;
    QCOMPARE(model.rowCount(), expectedRows + headRows);
    QCOMPARE(resets.count(), 0);
    // The last row is the last event, the first kept row the oldest kept.
    QCOMPARE(model.index(expectedRows + headRows - 1, LogModel::EventColumn).data().toString(),
             QStringLiteral("received: note %1").arg(appended));
    QCOMPARE(model.index(headRows, LogModel::EventColumn).data().toString(),
             QStringLiteral("received: note %1").arg(appended - expectedRows + 1));
    QCOMPARE(model.eventAt(headRows)->sequence, log.firstSequence());
    if (dropped > 0) {
        QCOMPARE(model.eventAt(0)->kind, EventKind::Dropped);
        QCOMPARE(model.eventAt(0)->droppedCount, qint64(dropped));
        QVERIFY(model.index(0, LogModel::EventColumn).data().toString().contains(QString::number(dropped)));
    }
}

void TestLogModel::clearRemovesEveryRowThenNewRowsArrive()
{
    EventLog log;
    LogModel model(&log);
    for (int i = 1; i <= 5; ++i)
        log.append(note(i));
    log.flush();
    QCOMPARE(model.rowCount(), 5);

    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    log.clear();
    log.flush();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(removed.count(), 1);

    log.append(note(6));
    log.flush();
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, LogModel::EventColumn).data().toString(), QStringLiteral("note: note 6"));
}

void TestLogModel::payloadIsTruncatedForDisplay()
{
    EventLog log;
    LogModel model(&log);
    log.append(note(1, EventKind::Received, QByteArray(1000, 'a')));
    log.append(note(2, EventKind::Received, QByteArrayLiteral("\x01\xff")));
    log.flush();

    const QString shown = model.index(0, LogModel::PayloadColumn).data().toString();
    QCOMPARE(shown.size(), LogModel::PayloadPreviewChars + 1);
    QVERIFY(shown.endsWith(QChar(0x2026)));
    QCOMPARE(model.index(0, LogModel::BytesColumn).data().toLongLong(), 1000);

    model.setPayloadMode(PayloadMode::Hex);
    QCOMPARE(model.index(1, LogModel::PayloadColumn).data().toString(), QStringLiteral("01 ff"));
    QVERIFY(model.index(0, LogModel::PayloadColumn).data().toString().size() <= LogModel::PayloadPreviewChars + 1);
    QVERIFY(model.headerData(LogModel::PayloadColumn, Qt::Horizontal).toString().contains(QLatin1String("hex")));
}

void TestLogModel::errorRowsStandOut()
{
    EventLog log;
    LogModel model(&log);
    log.append(note(1));
    Event error = note(2, EventKind::Error);
    error.detail = QStringLiteral("Connection refused — is the server started?");
    log.append(error);
    log.flush();

    QCOMPARE(model.index(1, LogModel::EventColumn).data().toString(),
             QStringLiteral("error: Connection refused — is the server started?"));
    QVERIFY(model.index(1, LogModel::EventColumn).data(Qt::FontRole).value<QFont>().bold());
    QVERIFY(model.index(1, LogModel::TimeColumn).data(Qt::BackgroundRole).isValid());
    QVERIFY(!model.index(0, LogModel::TimeColumn).data(Qt::BackgroundRole).isValid());
    QVERIFY(!model.index(0, LogModel::EventColumn).data(Qt::FontRole).isValid());
}

void TestLogModel::endpointEventsShowTheLocalAddress()
{
    EventLog log;
    LogModel model(&log);
    Event listening = note(1, EventKind::Listening);
    listening.source = makeEventSource(1, 0, QStringLiteral("server"), QHostAddress::LocalHost, 5000, {}, 0);
    Event received = note(2, EventKind::Received, QByteArrayLiteral("x"));
    received.source = makeEventSource(1, 1, QStringLiteral("server"), QHostAddress::LocalHost, 5000,
                                      QHostAddress::LocalHost, 41234);
    log.append(listening);
    log.append(received);
    log.flush();

    QCOMPARE(model.index(0, LogModel::ConnectionColumn).data().toString(), QStringLiteral("local 127.0.0.1:5000"));
    QCOMPARE(model.index(1, LogModel::ConnectionColumn).data().toString(), QStringLiteral("#1 127.0.0.1:41234"));
    QCOMPARE(model.index(0, LogModel::SideColumn).data().toString(), QStringLiteral("server"));
}

void TestLogModel::lifecycleOutlivesDataWithADroppedRowBetween()
{
    EventLog::Limits limits;
    limits.capacity = 100;
    EventLog log(limits);
    LogModel model(&log);
    log.append(note(1, EventKind::Listening));
    log.append(note(2, EventKind::Accepted));
    for (int i = 0; i < 1000; ++i)
        log.append(note(3 + i, EventKind::Received, QByteArrayLiteral("x")));
    log.append(note(2000, EventKind::Error));
    log.flush();

    const QStringList rows = eventColumn(model);
    QCOMPARE(rows.at(0), QStringLiteral("listening: note 1"));
    QCOMPARE(rows.at(1), QStringLiteral("accepted: note 2"));
    QCOMPARE(model.eventAt(2)->kind, EventKind::Dropped);
    QCOMPARE(model.eventAt(2)->droppedCount, qint64(1000 - 97)); // 100 kept: 2 + 97 received + the error
    QCOMPARE(rows.at(3), QStringLiteral("received: note %1").arg(3 + 1000 - 97));
    QCOMPARE(rows.constLast(), QStringLiteral("error: note 2000"));
}

void TestLogModel::incrementalRowsMatchAFreshModel_data()
{
    QTest::addColumn<int>("capacity");
    QTest::addColumn<int>("lifecyclePercent");
    QTest::newRow("mostly data, small log") << 20 << 10;
    QTest::newRow("half lifecycle") << 30 << 50;
    QTest::newRow("all lifecycle") << 16 << 100;
    QTest::newRow("no lifecycle") << 25 << 0;
}

void TestLogModel::incrementalRowsMatchAFreshModel()
{
    // Whatever the mix of batches, the rows a view was told about (by
    // removals and insertions) are exactly the rows a new view reads.
    QFETCH(int, capacity);
    QFETCH(int, lifecyclePercent);
    EventLog::Limits limits;
    limits.capacity = capacity;
    EventLog log(limits);
    LogModel model(&log);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QRandomGenerator random(quint32(capacity * 100 + lifecyclePercent));
    int appended = 0;
    for (int batch = 0; batch < 200; ++batch) {
        const int count = int(random.bounded(capacity * 3));
        for (int i = 0; i < count; ++i) {
            const bool lifecycle = int(random.bounded(100)) < lifecyclePercent;
            log.append(note(++appended, lifecycle ? EventKind::Accepted : EventKind::Received));
        }
        if (random.bounded(20) == 0)
            log.clear();
        log.flush();
        const LogModel fresh(&log);
        QCOMPARE(eventColumn(model), eventColumn(fresh));
    }
    QCOMPARE(resets.count(), 0);
}

QTEST_MAIN(TestLogModel)
#include "tst_ui_logmodel.moc"
