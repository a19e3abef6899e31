// CSV and JSON Lines exports, parsed back: every field survives quotes,
// commas and newlines; JSON Lines are the CLI's --json objects.
#include "csvexporter.h"
#include "eventexporter.h"
#include "eventformat.h"
#include "eventlog.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace SockPlay;

namespace {

/// An RFC 4180 reader: records of fields; quoted fields may hold commas,
/// doubled quotes, CR and LF. Empty, with *error set, on a malformed file.
QList<QStringList> parseCsv(const QString &text, QString *error)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    bool wasQuoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            if (!field.isEmpty() || wasQuoted) {
                *error = QStringLiteral("a quote inside an unquoted field at %1").arg(i);
                return {};
            }
            quoted = wasQuoted = true;
        } else if (c == QLatin1Char(',')) {
            record.append(std::exchange(field, {}));
            wasQuoted = false;
        } else if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n')) {
            record.append(std::exchange(field, {}));
            records.append(std::exchange(record, {}));
            wasQuoted = false;
            ++i;
        } else if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            *error = QStringLiteral("a bare line break outside quotes at %1").arg(i);
            return {};
        } else {
            field += c;
        }
    }
    if (quoted || !field.isEmpty() || !record.isEmpty())
        *error = QStringLiteral("the last record does not end with CRLF");
    return records;
}

/// A log with the awkward cases: quotes, commas and newlines in names,
/// payloads and details; binary bytes; an event with no peer.
void fillLog(EventLog &log)
{
    const EventSourcePtr endpoint = makeEventSource(1, 0, QStringLiteral("server, \"main\""), QHostAddress::LocalHost,
                                                    5000, QHostAddress(), 0, QStringLiteral(""));
    const EventSourcePtr connection = makeEventSource(1, 3, QStringLiteral("server, \"main\""), QHostAddress::LocalHost,
                                                      5000, QHostAddress::LocalHost, 40000);
    log.append(EventKind::Listening, endpoint, {}, 0, -1, QStringLiteral("backlog 50"));
    log.append(EventKind::Received, connection, "a,b \"c\"\r\nline 2\n", -1, 0);
    log.append(EventKind::Sent, connection, QByteArray("\0\xff", 2), -1, 0);
    log.append(EventKind::Note, connection, {}, 0, -1, QStringLiteral("first line\nsecond, \"quoted\" line"));
}

QByteArray exportAs(EventExporter::Format format, const EventLog &log)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const std::unique_ptr<EventExporter> exporter = EventExporter::create(format, &buffer);
    if (!EventExporter::exportLog(log, *exporter))
        return {};
    return buffer.data();
}

} // namespace

class TestEventExport : public QObject
{
    Q_OBJECT
private slots:
    void csvQuotesOnlyWhatNeedsIt_data();
    void csvQuotesOnlyWhatNeedsIt();
    void csvParsesBackField_data();
    void csvParsesBackField();
    void csvTimeHasMicroseconds();
    void jsonLinesAreTheCliObjects();
    void unwritableDeviceIsAnError();
};

void TestEventExport::csvQuotesOnlyWhatNeedsIt_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << QStringLiteral("abc") << QStringLiteral("abc");
    QTest::newRow("comma") << QStringLiteral("a,b") << QStringLiteral("\"a,b\"");
    QTest::newRow("quote doubled") << QStringLiteral("say \"hi\"") << QStringLiteral("\"say \"\"hi\"\"\"");
    QTest::newRow("newline") << QStringLiteral("a\nb") << QStringLiteral("\"a\nb\"");
    QTest::newRow("carriage return") << QStringLiteral("a\rb") << QStringLiteral("\"a\rb\"");
    QTest::newRow("empty") << QString() << QString();
}

void TestEventExport::csvQuotesOnlyWhatNeedsIt()
{
    QFETCH(QString, field);
    QFETCH(QString, expected);
    QCOMPARE(CsvExporter::quoted(field), expected);
}

void TestEventExport::csvParsesBackField_data()
{
    QTest::addColumn<int>("row");    // 1 = the first event
    QTest::addColumn<int>("column"); // as in the header
    QTest::addColumn<QString>("expected");
    QTest::newRow("endpoint name with comma and quotes") << 1 << 2 << QStringLiteral("server, \"main\"");
    QTest::newRow("kind") << 1 << 4 << QStringLiteral("listening");
    QTest::newRow("no peer") << 1 << 6 << QString();
    QTest::newRow("no stream offset") << 1 << 8 << QString();
    QTest::newRow("connection") << 2 << 3 << QStringLiteral("3");
    QTest::newRow("peer") << 2 << 6 << QStringLiteral("127.0.0.1:40000");
    QTest::newRow("bytes") << 2 << 7 << QStringLiteral("16");
    QTest::newRow("payload text, escaped") << 2 << 10 << QStringLiteral("a,b \"c\"\\r\\nline 2\\n");
    QTest::newRow("payload hex of binary bytes") << 3 << 9 << QStringLiteral("00 ff");
    QTest::newRow("stream offset") << 3 << 8 << QStringLiteral("0");
    QTest::newRow("detail with a newline, comma and quotes") << 4 << 11
                                                             << QStringLiteral("first line\nsecond, \"quoted\" line");
}

void TestEventExport::csvParsesBackField()
{
    QFETCH(int, row);
    QFETCH(int, column);
    QFETCH(QString, expected);
    EventLog log;
    fillLog(log);
    QString error;
    const QList<QStringList> records = parseCsv(QString::fromUtf8(exportAs(EventExporter::Format::Csv, log)), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(records.size(), 5);
    QCOMPARE(records.at(0).value(0), QStringLiteral("seq"));
    for (const QStringList &record : records)
        QCOMPARE(record.size(), 12);
    QCOMPARE(records.at(row).at(0), QString::number(log.at(row - 1).sequence));
    QCOMPARE(records.at(row).at(column), expected);
}

void TestEventExport::csvTimeHasMicroseconds()
{
    QCOMPARE(CsvExporter::isoTimeUs(1764934357123456), QStringLiteral("2025-12-05T11:32:37.123456Z"));
    QCOMPARE(CsvExporter::isoTimeUs(1000001), QStringLiteral("1970-01-01T00:00:01.000001Z"));
    QCOMPARE(CsvExporter::isoTimeUs(-1), QStringLiteral("1969-12-31T23:59:59.999999Z"));
}

void TestEventExport::jsonLinesAreTheCliObjects()
{
    EventLog log;
    fillLog(log);
    const QList<QByteArray> lines = exportAs(EventExporter::Format::JsonLines, log).split('\n');
    QCOMPARE(lines.size(), 5); // four lines, each ending in \n
    QVERIFY(lines.constLast().isEmpty());
    for (int i = 0; i < 4; ++i) {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(lines.at(i), &parseError);
        QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));
        QCOMPARE(document.object(), EventFormat::toJson(log.at(i)));
    }
    const QJsonObject received = QJsonDocument::fromJson(lines.at(1)).object();
    QCOMPARE(received.value(QStringLiteral("payload_hex")).toString(),
             QStringLiteral("61 2c 62 20 22 63 22 0d 0a 6c 69 6e 65 20 32 0a"));
    QCOMPARE(QJsonDocument::fromJson(lines.at(3)).object().value(QStringLiteral("detail")).toString(),
             QStringLiteral("first line\nsecond, \"quoted\" line"));
}

void TestEventExport::unwritableDeviceIsAnError()
{
    EventLog log;
    fillLog(log);
    QBuffer buffer;
    buffer.open(QIODevice::ReadOnly); // writes fail
    for (const EventExporter::Format format :
         {EventExporter::Format::Csv, EventExporter::Format::JsonLines, EventExporter::Format::Pcapng}) {
        const std::unique_ptr<EventExporter> exporter = EventExporter::create(format, &buffer);
        QVERIFY(!EventExporter::exportLog(log, *exporter));
        QVERIFY(!exporter->errorString().isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestEventExport)
#include "tst_eventexport.moc"
