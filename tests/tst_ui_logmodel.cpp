// LogModel over a real EventLog: rows follow the log's batches by inserting at
// the bottom and removing evicted rows at the top, never by resetting.
#include "eventlog.h"
#include "logmodel.h"

#include <QFont>
#include <QSignalSpy>
#include <QTest>

using namespace SockPlay;

namespace {

Event note(int i, EventKind kind = EventKind::Info, const QByteArray &payload = {})
{
    Event event;
    event.kind = kind;
    event.endpointName = QStringLiteral("server");
    event.detail = QStringLiteral("note %1").arg(i);
    event.payload = payload;
    event.byteCount = payload.size();
    return event;
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

    int appended = 0;
    for (int count : batches) {
        for (int i = 0; i < count; ++i)
            log.append(note(++appended));
        log.flush();
        QCOMPARE(model.rowCount(), qMin(appended, capacity));
    }
    QCOMPARE(model.rowCount(), expectedRows);
    QCOMPARE(resets.count(), 0);
    // The last row is the last event, the first row the oldest kept.
    QCOMPARE(model.index(expectedRows - 1, LogModel::EventColumn).data().toString(),
             QStringLiteral("info: note %1").arg(appended));
    QCOMPARE(model.index(0, LogModel::EventColumn).data().toString(),
             QStringLiteral("info: note %1").arg(appended - expectedRows + 1));
    QCOMPARE(model.eventAt(0)->sequence, log.firstSequence());
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
    QCOMPARE(model.index(0, LogModel::EventColumn).data().toString(), QStringLiteral("info: note 6"));
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
    listening.localAddress = QStringLiteral("127.0.0.1:5000");
    Event received = note(2, EventKind::Received, QByteArrayLiteral("x"));
    received.localAddress = QStringLiteral("127.0.0.1:5000");
    received.peerAddress = QStringLiteral("127.0.0.1:41234");
    log.append(listening);
    log.append(received);
    log.flush();

    QCOMPARE(model.index(0, LogModel::ConnectionColumn).data().toString(), QStringLiteral("local 127.0.0.1:5000"));
    QCOMPARE(model.index(1, LogModel::ConnectionColumn).data().toString(), QStringLiteral("127.0.0.1:41234"));
    QCOMPARE(model.index(0, LogModel::SideColumn).data().toString(), QStringLiteral("server"));
}

QTEST_MAIN(TestLogModel)
#include "tst_ui_logmodel.moc"
