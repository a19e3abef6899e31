// Which reads a message was built from (EventLog::chunksOf) and which
// messages a read fed (EventLog::messagesFrom): on logs written by hand, and
// on what a real line-framed TCP connection logs.
#include "eventlog.h"
#include "framer.h"
#include "session.h"
#include "testsupport.h"

#include <QHash>
#include <QTcpSocket>
#include <QTest>

using namespace SockPlay;
using namespace SockPlay::Test;

namespace {

/// Writes a log from a script, as a connection would: "r1:bytes" is a read
/// on connection 1 of endpoint 1, "m1:bytes" a message cut from it (at the
/// connection's next message offset), "x1:bytes" a read on connection 1 of
/// another endpoint, "c1" connection 1 closed (a new connection 1 starts at
/// offset 0), "n" a note of the endpoint; steps are separated by '|'.
/// Escapes: \n only.
struct ScriptedLog
{
    explicit ScriptedLog(int capacity = 1000)
        : log(EventLog::Limits{capacity, 1 << 20, 16 * 1024, 0})
    {
    }

    void run(const QString &script)
    {
        for (const QString &step : script.split(u'|')) {
            if (step == QLatin1String("n")) {
                log.append(EventKind::Note, sourceOf(1, 0), {}, 0, -1, QStringLiteral("a note"));
                continue;
            }
            if (step.startsWith(u'c')) { // closed: a later connection with this id starts at offset 0
                const int connection = step.at(1).digitValue();
                log.append(EventKind::Closed, sourceOf(1, connection));
                readOffsets.remove(100 + connection);
                messageOffsets.remove(100 + connection);
                continue;
            }
            const int endpoint = step.at(0) == u'x' ? 2 : 1;
            const int connection = step.at(1).digitValue();
            QByteArray bytes = step.mid(3).toLatin1();
            bytes.replace("\\n", "\n");
            const EventSourcePtr source = sourceOf(endpoint, connection);
            qint64 &offset = (step.at(0) == u'm' ? messageOffsets : readOffsets)[endpoint * 100 + connection];
            log.append(step.at(0) == u'm' ? EventKind::Message : EventKind::Received, source, bytes, -1, offset);
            offset += bytes.size();
        }
    }

    EventSourcePtr sourceOf(int endpoint, int connection)
    {
        EventSourcePtr &source = sources[endpoint * 100 + connection];
        if (!source)
            source = makeEventSource(endpoint, connection, QStringLiteral("server"), QHostAddress::LocalHost, 5000,
                                     QHostAddress::LocalHost, quint16(40000 + connection));
        return source;
    }

    /// The last event of this kind in the log.
    Event last(EventKind kind) const
    {
        const QList<Event> events = log.snapshot();
        for (auto it = events.crbegin(); it != events.crend(); ++it)
            if (it->kind == kind)
                return *it;
        return {};
    }

    EventLog log;
    QHash<int, EventSourcePtr> sources;
    QHash<int, qint64> readOffsets;
    QHash<int, qint64> messageOffsets;
};

QList<quint64> sequencesOf(const QList<Event> &events)
{
    QList<quint64> sequences;
    for (const Event &event : events)
        sequences.append(event.sequence);
    return sequences;
}

} // namespace

class TestMessageChunks : public QObject
{
    Q_OBJECT

private slots:
    void chunksOfTheLastMessage_data();
    void chunksOfTheLastMessage();
    void onlyMessagesHaveChunks();
    void messagesFromARead_data();
    void messagesFromARead();
    void lineFramedTcpMessageShowsItsTwoReads();
};

void TestMessageChunks::chunksOfTheLastMessage_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<int>("capacity");
    QTest::addColumn<int>("maxScan");
    QTest::addColumn<QList<quint64>>("chunks");
    QTest::addColumn<qint64>("bytesMissing");
    QTest::addColumn<bool>("evicted");

    QTest::newRow("one read, one message") << QStringLiteral("r1:hello\\n|m1:hello\\n") << 1000 << 1000
                                           << QList<quint64>{1} << qint64(0) << false;
    QTest::newRow("a message in two reads") << QStringLiteral("r1:partial |r1:rest\\n|m1:partial rest\\n")
                                            << 1000 << 1000 << QList<quint64>{1, 2} << qint64(0) << false;
    QTest::newRow("the third of three messages in one read")
        << QStringLiteral("r1:a\\nb\\nc\\n|m1:a\\n|m1:b\\n|m1:c\\n") << 1000 << 1000 << QList<quint64>{1}
        << qint64(0) << false;
    QTest::newRow("a read shared by two messages, other connections between")
        << QStringLiteral("r1:par|r2:zzzz|x1:yyyy|r1:tial\\nne|m1:partial\\n|n|r2:\\n|m2:zzzz\\n|r1:xt\\n|m1:next\\n")
        << 1000 << 1000 << QList<quint64>{4, 9} << qint64(0) << false;
    QTest::newRow("another endpoint's read on a connection of the same id is not one")
        << QStringLiteral("r1:par|x1:zzzzzzzzzz|r1:tial\\n|m1:partial\\n") << 1000 << 1000 << QList<quint64>{1, 3}
        << qint64(0) << false;
    QTest::newRow("a read of bytes after the message is not one")
        << QStringLiteral("r1:a\\n|r1:b\\n|m1:a\\n") << 1000 << 1000 << QList<quint64>{1} << qint64(0) << false;
    QTest::newRow("a long message in many reads")
        << QStringLiteral("r1:0123|r1:4567|r1:89ab|r1:cdef|r1:\\n|m1:0123456789abcdef\\n") << 1000 << 1000
        << QList<quint64>{1, 2, 3, 4, 5} << qint64(0) << false;
    QTest::newRow("the first reads were evicted") << QStringLiteral("r1:aaaa|r1:bbbb|r1:c\\n|m1:aaaabbbbc\\n")
                                                  << 3 << 1000 << QList<quint64>{2, 3} << qint64(4) << true;
    QTest::newRow("the first reads are beyond the scan")
        << QStringLiteral("r1:aaaa|r1:bbbb|n|r1:c\\n|m1:aaaabbbbc\\n") << 1000 << 2 << QList<quint64>{4}
        << qint64(8) << false;
    QTest::newRow("an earlier read ending at the message's start is not one")
        << QStringLiteral("r1:one\\n|m1:one\\n|r1:two\\n|m1:two\\n") << 1000 << 1000 << QList<quint64>{3}
        << qint64(0) << false;
}

void TestMessageChunks::chunksOfTheLastMessage()
{
    QFETCH(QString, script);
    QFETCH(int, capacity);
    QFETCH(int, maxScan);
    QFETCH(QList<quint64>, chunks);
    QFETCH(qint64, bytesMissing);
    QFETCH(bool, evicted);

    ScriptedLog scripted(capacity);
    scripted.run(script);
    const Event message = scripted.last(EventKind::Message);
    QCOMPARE(message.kind, EventKind::Message);
    const EventLog::Chunks found = scripted.log.chunksOf(message, maxScan);
    QCOMPARE(sequencesOf(found.events), chunks);
    QCOMPARE(found.bytesMissing, bytesMissing);
    QCOMPARE(found.evicted, evicted);
    // The chunks cover the message's bytes on the wire, in order, with their payloads.
    QByteArray stream;
    for (const Event &chunk : found.events) {
        QCOMPARE(chunk.kind, EventKind::Received);
        QCOMPARE(chunk.connectionId(), message.connectionId());
        QCOMPARE(chunk.endpointId(), message.endpointId());
        if (!stream.isEmpty())
            QCOMPARE(chunk.streamOffset, found.events.first().streamOffset + stream.size());
        stream += chunk.payload;
    }
    const qint64 skip = message.streamOffset + bytesMissing - (found.events.isEmpty() ? 0 : found.events.first().streamOffset);
    QVERIFY(stream.mid(skip).startsWith(message.payload.mid(bytesMissing)));
}

void TestMessageChunks::onlyMessagesHaveChunks()
{
    ScriptedLog scripted;
    scripted.run(QStringLiteral("r1:abc\\n|m1:abc\\n"));
    const EventLog::Chunks ofARead = scripted.log.chunksOf(scripted.last(EventKind::Received));
    QVERIFY(ofARead.events.isEmpty());
    QCOMPARE(ofARead.bytesMissing, 0);
    // A message no longer in the ring (an Event from elsewhere) finds nothing.
    Event stranger = scripted.last(EventKind::Message);
    stranger.sequence = 99;
    QVERIFY(scripted.log.chunksOf(stranger).events.isEmpty());
}

void TestMessageChunks::messagesFromARead_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<int>("read"); // the sequence of the read asked about
    QTest::addColumn<QList<quint64>>("messages");

    QTest::newRow("three messages in one read") << QStringLiteral("r1:a\\nb\\nc\\n|m1:a\\n|m1:b\\n|m1:c\\n") << 1
                                                << QList<quint64>{2, 3, 4};
    QTest::newRow("the end of one message and the start of the next")
        << QStringLiteral("r1:par|r2:zzzz|r1:tial\\nne|m1:partial\\n|r2:\\n|m2:zzzz\\n|r1:xt\\n|m1:next\\n|r1:more\\n|m1:more\\n")
        << 3 << QList<quint64>{4, 8};
    QTest::newRow("a read that completes nothing yet") << QStringLiteral("r1:abc|x1:q\\n") << 1 << QList<quint64>{};
    QTest::newRow("a later message cut from an earlier read is not one")
        << QStringLiteral("r1:a\\n|r1:b\\n|m1:a\\n|m1:b\\n") << 2 << QList<quint64>{4};
    QTest::newRow("the connection closed: a new one with its id is another stream")
        << QStringLiteral("r1:abc|c1|r1:xy\\n|m1:xy\\n") << 1 << QList<quint64>{};
}

void TestMessageChunks::messagesFromARead()
{
    QFETCH(QString, script);
    QFETCH(int, read);
    QFETCH(QList<quint64>, messages);
    ScriptedLog scripted;
    scripted.run(script);
    const std::optional<Event> chunk = scripted.log.event(quint64(read));
    QVERIFY(chunk);
    QCOMPARE(chunk->kind, EventKind::Received);
    QCOMPARE(sequencesOf(scripted.log.messagesFrom(*chunk)), messages);
}

void TestMessageChunks::lineFramedTcpMessageShowsItsTwoReads()
{
    // What the connection really logs: a Message carries its frame as it was on
    // the wire (with the LF) and the stream offset of its first byte.
    Session session;
    EndpointConfig config;
    config.transport = Transport::Tcp;
    config.role = Role::Server;
    config.name = QStringLiteral("server");
    config.host = QStringLiteral("127.0.0.1");
    config.frame = *FrameSpec::parse(QStringLiteral("line"), nullptr);
    const int server = session.addEndpoint(config);
    session.start(server, config);
    QTRY_VERIFY(session.snapshot(server).isActive());

    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, session.snapshot(server).localPort);
    QTRY_COMPARE(client.state(), QAbstractSocket::ConnectedState);
    client.write("partial ");
    QTRY_COMPARE(bytesOf(*session.log(), server, EventKind::Received), QByteArray("partial "));
    client.write("rest\nnext\n");
    QTRY_COMPARE(eventsOf(*session.log(), server, EventKind::Message).size(), 2);

    const QList<Event> reads = eventsOf(*session.log(), server, EventKind::Received);
    const Event message = eventsOf(*session.log(), server, EventKind::Message).constFirst();
    QCOMPARE(message.payload, QByteArray("partial rest\n"));
    QCOMPARE(message.streamOffset, 0);
    QCOMPARE(message.byteCount, 13);
    const EventLog::Chunks chunks = session.log()->chunksOf(message);
    QCOMPARE(sequencesOf(chunks.events), sequencesOf(reads.mid(0, 2)));
    QCOMPARE(chunks.events.at(0).streamOffset, 0);
    QCOMPARE(chunks.events.at(1).streamOffset, 8);
    QCOMPARE(chunks.bytesMissing, 0);
    // The second read fed the first message (and the next one, unless TCP split it).
    const QList<quint64> fed = sequencesOf(session.log()->messagesFrom(reads.at(1)));
    QVERIFY(!fed.isEmpty());
    QCOMPARE(fed.constFirst(), message.sequence);
}

QTEST_GUILESS_MAIN(TestMessageChunks)
#include "tst_messagechunks.moc"
