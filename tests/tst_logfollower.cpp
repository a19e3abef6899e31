// LogFollower: every new event read once, in order; a Clear and a flood that
// outruns it are said, not hidden.
#include "eventlog.h"
#include "logfollower.h"

#include <QSignalSpy>
#include <QTest>

using namespace SockPlay;

namespace {
Event received(const QByteArray &payload)
{
    Event e;
    e.kind = EventKind::Received;
    e.payload = payload;
    return e;
}

QList<quint64> sequencesOf(const QSignalSpy &spy)
{
    QList<quint64> sequences;
    for (const QList<QVariant> &call : spy) {
        const auto events = call.at(0).value<QList<Event>>();
        for (const Event &event : events)
            sequences.append(event.sequence);
    }
    return sequences;
}
} // namespace

class TestLogFollower : public QObject
{
    Q_OBJECT
private slots:
    void readsEveryNewEventOnceInOrder_data()
    {
        QTest::addColumn<bool>("fromStart");
        QTest::newRow("from the start") << true;
        QTest::newRow("from now on") << false;
    }
    void readsEveryNewEventOnceInOrder()
    {
        QFETCH(bool, fromStart);
        EventLog log;
        log.append(received("before"));
        LogFollower follower(&log, fromStart);
        QSignalSpy spy(&follower, &LogFollower::eventsRead);
        for (int i = 0; i < 5; ++i)
            log.append(received(QByteArray(200, 'x')));
        QTRY_COMPARE(sequencesOf(spy).size(), fromStart ? 6 : 5);
        log.append(received("last"));
        QTRY_COMPARE(sequencesOf(spy).size(), fromStart ? 7 : 6);
        QList<quint64> expected;
        for (quint64 s = fromStart ? 1 : 2; s <= 7; ++s)
            expected.append(s);
        QCOMPARE(sequencesOf(spy), expected);
        // Payloads are cut to a preview.
        const auto first = spy.at(0).at(0).value<QList<Event>>();
        QCOMPARE(first.last().payload, QByteArray(LogFollower::PreviewBytes, 'x'));
        QCOMPARE(first.last().byteCount, 200);
    }

    void saysWhenTheLogIsCleared()
    {
        EventLog log;
        LogFollower follower(&log);
        QSignalSpy read(&follower, &LogFollower::eventsRead);
        QSignalSpy cleared(&follower, &LogFollower::cleared);
        QSignalSpy skipped(&follower, &LogFollower::skipped);
        log.append(received("a"));
        QVERIFY(read.wait());
        log.append(received("gone before it was read"));
        log.clear();
        log.append(received("after"));
        QTRY_COMPARE(sequencesOf(read), (QList<quint64>{1, 3}));
        QCOMPARE(cleared.count(), 1);
        QCOMPARE(skipped.count(), 0); // cleared, not skipped
    }

    void skipsWhatItCannotKeepUpWith()
    {
        EventLog log;
        LogFollower follower(&log);
        QSignalSpy read(&follower, &LogFollower::eventsRead);
        QSignalSpy skipped(&follower, &LogFollower::skipped);
        const int extra = 1000;
        for (int i = 0; i < LogFollower::MaxPerBatch + extra; ++i)
            log.append(received("x"));
        follower.poll();
        QCOMPARE(skipped.count(), 1);
        QCOMPARE(skipped.at(0).at(0).toULongLong(), quint64(extra));
        const QList<quint64> sequences = sequencesOf(read);
        QCOMPARE(sequences.size(), LogFollower::MaxPerBatch);
        QCOMPARE(sequences.first(), quint64(extra + 1));
        QCOMPARE(sequences.last(), quint64(LogFollower::MaxPerBatch + extra));
    }
};

QTEST_GUILESS_MAIN(TestLogFollower)
#include "tst_logfollower.moc"
