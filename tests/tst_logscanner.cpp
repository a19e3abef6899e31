// The log's filter and search: LogFilter's criteria and queries, and
// LogScanner finding matches in slices over a real EventLog of a million
// events, following the log as it grows and drops events.
#include "eventlog.h"
#include "logfilter.h"
#include "logscanner.h"

#include <QSignalSpy>
#include <QTest>

using namespace SockPlay;

Q_DECLARE_METATYPE(SockPlay::LogFilter)

namespace {

EventSourcePtr serverConnection(int id)
{
    return makeEventSource(1, id, QStringLiteral("server"), QHostAddress::LocalHost, 5000,
                           QHostAddress::LocalHost, quint16(40000 + id));
}

EventSourcePtr client()
{
    return makeEventSource(2, 1, QStringLiteral("client"), QHostAddress::LocalHost, 40001,
                           QHostAddress::LocalHost, 5000);
}

/// The sequences a scanner found.
QList<quint64> sequencesOf(const LogScanner &scanner)
{
    QList<quint64> sequences;
    for (const LogScanner::Match &match : scanner.matches())
        sequences.append(match.sequence);
    return sequences;
}

/// Runs a whole scan of the log and returns what it found.
QList<quint64> scan(EventLog *log, const LogFilter &filter)
{
    LogScanner scanner(log);
    QSignalSpy finished(&scanner, &LogScanner::finished);
    scanner.start(filter);
    if (!finished.wait(30000))
        return {999999};
    return sequencesOf(scanner);
}

} // namespace

class TestLogScanner : public QObject
{
    Q_OBJECT
private slots:
    void criteria_data();
    void criteria();
    void invalidQuery_data();
    void invalidQuery();
    void millionEvents();
    void followsTheLog();
    void cancelStops();
};

void TestLogScanner::criteria_data()
{
    QTest::addColumn<LogFilter>("filter");
    QTest::addColumn<QList<quint64>>("expected");

    // The log of every row (see criteria()):
    // 1 server #1 accepted        2 server #1 received "Hello World"
    // 3 server #1 sent "hello back"   4 client received "\xde\xad\xbe\xef"
    // 5 server #2 error "connection reset by peer"   6 client sent "PING 42"
    LogFilter all;
    QTest::newRow("no criteria: every event") << all << QList<quint64>{1, 2, 3, 4, 5, 6};

    LogFilter side;
    side.sides = {QStringLiteral("client")};
    QTest::newRow("side: client") << side << QList<quint64>{4, 6};

    LogFilter endpoint;
    endpoint.endpointId = 1;
    QTest::newRow("endpoint 1") << endpoint << QList<quint64>{1, 2, 3, 5};

    LogFilter connection;
    connection.endpointId = 1;
    connection.connectionId = 2;
    QTest::newRow("endpoint 1, connection 2") << connection << QList<quint64>{5};

    LogFilter in;
    in.direction = LogFilter::Direction::In;
    QTest::newRow("direction: in") << in << QList<quint64>{2, 4};

    LogFilter out;
    out.direction = LogFilter::Direction::Out;
    QTest::newRow("direction: out") << out << QList<quint64>{3, 6};

    LogFilter kinds;
    kinds.kinds = LogFilter::kindBit(EventKind::Error) | LogFilter::kindBit(EventKind::Accepted);
    QTest::newRow("kinds: error, accepted") << kinds << QList<quint64>{1, 5};

    LogFilter text;
    text.query = QStringLiteral("HELLO");
    QTest::newRow("text ignores ASCII case") << text << QList<quint64>{2, 3};

    LogFilter detail;
    detail.query = QStringLiteral("reset by");
    QTest::newRow("text finds the detail") << detail << QList<quint64>{5};

    LogFilter textAndSide = text;
    textAndSide.direction = LogFilter::Direction::Out;
    QTest::newRow("text and direction together") << textAndSide << QList<quint64>{3};

    LogFilter regex;
    regex.queryMode = LogFilter::QueryMode::Regex;
    regex.query = QStringLiteral("^(ping|hello) \\w+$");
    QTest::newRow("regex") << regex << QList<quint64>{2, 3, 6};

    LogFilter hex;
    hex.queryMode = LogFilter::QueryMode::Hex;
    hex.query = QStringLiteral("ad be");
    QTest::newRow("hex bytes") << hex << QList<quint64>{4};

    LogFilter hexText;
    hexText.queryMode = LogFilter::QueryMode::Hex;
    hexText.query = QStringLiteral("50 49 4e 47"); // "PING"
    QTest::newRow("hex of text") << hexText << QList<quint64>{6};
}

void TestLogScanner::criteria()
{
    QFETCH(LogFilter, filter);
    QFETCH(QList<quint64>, expected);

    EventLog log;
    log.append(EventKind::Accepted, serverConnection(1));
    log.append(EventKind::Received, serverConnection(1), "Hello World");
    log.append(EventKind::Sent, serverConnection(1), "hello back");
    log.append(EventKind::Received, client(), QByteArray::fromHex("deadbeef"));
    log.append(EventKind::Error, serverConnection(2), {}, -1, -1, QStringLiteral("connection reset by peer"));
    log.append(EventKind::Sent, client(), "PING 42");

    QVERIFY(filter.compile());
    QCOMPARE(scan(&log, filter), expected);
}

void TestLogScanner::invalidQuery_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("error");

    QTest::newRow("unclosed group") << int(LogFilter::QueryMode::Regex) << QStringLiteral("(ab") << QStringLiteral("invalid regex at character");
    QTest::newRow("not a hex digit") << int(LogFilter::QueryMode::Hex) << QStringLiteral("de zz") << QStringLiteral("invalid hex");
    QTest::newRow("odd hex digits") << int(LogFilter::QueryMode::Hex) << QStringLiteral("abc") << QStringLiteral("odd number of hex digits");
}

void TestLogScanner::invalidQuery()
{
    QFETCH(int, mode);
    QFETCH(QString, query);
    QFETCH(QString, error);

    LogFilter filter;
    filter.queryMode = LogFilter::QueryMode(mode);
    filter.query = query;
    QVERIFY(!filter.compile());
    QVERIFY2(filter.errorString().startsWith(error), qPrintable(filter.errorString()));

    // An invalid filter matches nothing, not everything.
    EventLog log;
    log.append(EventKind::Received, client(), "abc (ab \xab\xcd");
    QCOMPARE(scan(&log, filter), QList<quint64>{});
}

void TestLogScanner::millionEvents()
{
    // A full default log: a million events, one in a thousand carrying the needle.
    EventLog log;
    QCOMPARE(log.limits().capacity, 1000000);
    const EventSourcePtr sources[] = {serverConnection(1), serverConnection(2), client()};
    for (int i = 0; i < 1000000; ++i) {
        const QByteArray payload = i % 1000 == 500 ? QByteArray("data with a NeEdLe inside") : QByteArray("plain data");
        log.append(i % 2 ? EventKind::Sent : EventKind::Received, sources[i % 3], payload);
    }
    QCOMPARE(log.size(), 1000000);

    LogFilter filter;
    filter.query = QStringLiteral("needle");
    LogScanner scanner(&log);
    QSignalSpy finished(&scanner, &LogScanner::finished);
    QSignalSpy progress(&scanner, &LogScanner::progress);
    scanner.start(filter);
    QVERIFY(scanner.isScanning());
    QVERIFY(finished.wait(60000));
    QCOMPARE(scanner.matches().size(), 1000);
    QCOMPARE(scanner.matches().first().sequence, quint64(501));
    QCOMPARE(scanner.matches().last().sequence, quint64(999501));
    // It let the event loop in between slices, saying how far it got.
    QVERIFY(progress.size() > 1);
    QCOMPARE(progress.last().at(0).toLongLong(), 1000000);
    QCOMPARE(progress.last().at(1).toLongLong(), 1000000);

    // Next and previous from any event.
    QCOMPARE(scanner.nextMatch(501), 1);
    QCOMPARE(scanner.nextMatch(0), 0);
    QCOMPARE(scanner.previousMatch(501), -1);
    QCOMPARE(scanner.previousMatch(2000), 1);
    QCOMPARE(scanner.nextMatch(999501), -1);
    QCOMPARE(scanner.indexOfSequence(1501), 1);
    QCOMPARE(scanner.indexOfSequence(1502), -1);

    // The same log, narrowed by the criteria: one side and one direction.
    filter.sides = {QStringLiteral("client")};
    filter.direction = LogFilter::Direction::Out;
    const QList<quint64> narrowed = scan(&log, filter);
    // Needles are at i = 1000k + 500: all even (received), the client's where i % 3 == 2, i.e. k % 3 == 0.
    QCOMPARE(narrowed, QList<quint64>{});
    filter.direction = LogFilter::Direction::In;
    QCOMPARE(scan(&log, filter).size(), 334);
}

void TestLogScanner::followsTheLog()
{
    EventLog::Limits limits;
    limits.capacity = 100;
    EventLog log(limits);
    for (int i = 1; i <= 50; ++i)
        log.append(EventKind::Received, client(), i % 10 == 0 ? QByteArray("match") : QByteArray("x"));

    LogFilter filter;
    filter.query = QStringLiteral("match");
    LogScanner scanner(&log);
    QSignalSpy finished(&scanner, &LogScanner::finished);
    QSignalSpy removed(&scanner, &LogScanner::matchesRemoved);
    QSignalSpy inserted(&scanner, &LogScanner::matchesInserted);
    scanner.start(filter);
    QVERIFY(finished.wait());
    QCOMPARE(sequencesOf(scanner), (QList<quint64>{10, 20, 30, 40, 50}));

    // 100 more: the first 50 leave the ring (data events are dropped), 10 new matches arrive.
    for (int i = 51; i <= 150; ++i)
        log.append(EventKind::Received, client(), i % 10 == 0 ? QByteArray("match") : QByteArray("x"));
    // The log moved on, but the scanner follows only the layout it is given.
    QCOMPARE(scanner.matches().size(), 5);
    inserted.clear();
    scanner.advance(log.layout());
    QCOMPARE(sequencesOf(scanner), (QList<quint64>{60, 70, 80, 90, 100, 110, 120, 130, 140, 150}));
    QVERIFY(!removed.isEmpty());
    QCOMPARE(inserted.size(), 1); // one batch of new matches, not one signal per match

    // An error outlives the data events around it: it moves to the kept list and stays found.
    log.append(EventKind::Error, client(), {}, -1, -1, QStringLiteral("a match in an error"));
    for (int i = 0; i < 150; ++i)
        log.append(EventKind::Received, client(), "x");
    scanner.advance(log.layout());
    QCOMPARE(sequencesOf(scanner), QList<quint64>{151});
    QCOMPARE(scanner.keptMatchCount(), 1);
    QVERIFY(scanner.matches().first().isKept());
    QCOMPARE(scanner.indexOfKept(scanner.matches().first().keptIndex), 0);
}

void TestLogScanner::cancelStops()
{
    EventLog log;
    for (int i = 0; i < 400000; ++i)
        log.append(EventKind::Received, client(), "match");
    LogFilter filter;
    filter.query = QStringLiteral("match");
    LogScanner scanner(&log);
    QSignalSpy finished(&scanner, &LogScanner::finished);
    QSignalSpy progress(&scanner, &LogScanner::progress);
    scanner.start(filter);
    QVERIFY(progress.wait());
    scanner.cancel();
    QVERIFY(!scanner.isActive());
    QVERIFY(scanner.matches().isEmpty());
    QVERIFY(!finished.wait(200));
}

QTEST_GUILESS_MAIN(TestLogScanner)
#include "tst_logscanner.moc"
