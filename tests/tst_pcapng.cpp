// The pcapng capture: the block format read back by a small reader here,
// and real loopback conversations exported and read by tshark (Follow TCP
// stream gives the bytes both ways; no analysis warnings, no bad checksums).
#include "eventexporter.h"
#include "pcapngwriter.h"
#include "peers/peerprocess.h"
#include "session.h"
#include "testsupport.h"

#include <QBuffer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace SockPlay;
using namespace SockPlay::Test;

namespace {

/// One block as the reader found it.
struct Block
{
    quint32 type = 0;
    QByteArray body; // between the two length fields
};

/// Reads blocks, checking what every pcapng block must be (total length at
/// both ends, a multiple of 4). Empty, with *error set, on the first fault.
QList<Block> readBlocks(const QByteArray &file, QString *error)
{
    QList<Block> blocks;
    qsizetype at = 0;
    while (at < file.size()) {
        if (file.size() - at < 12) {
            *error = QStringLiteral("a block is cut short at %1").arg(at);
            return {};
        }
        const quint32 type = qFromLittleEndian<quint32>(file.constData() + at);
        const quint32 total = qFromLittleEndian<quint32>(file.constData() + at + 4);
        if (total % 4 != 0 || total < 12 || at + total > file.size()) {
            *error = QStringLiteral("bad block length %1 at %2").arg(total).arg(at);
            return {};
        }
        if (qFromLittleEndian<quint32>(file.constData() + at + total - 4) != total) {
            *error = QStringLiteral("the trailing length differs at %1").arg(at);
            return {};
        }
        blocks.append({type, file.mid(at + 8, total - 12)});
        at += total;
    }
    return blocks;
}

/// The options after a block's fixed part: code -> value (the last of a code).
QHash<quint16, QByteArray> readOptions(const QByteArray &body, qsizetype at)
{
    QHash<quint16, QByteArray> options;
    while (at + 4 <= body.size()) {
        const quint16 code = qFromLittleEndian<quint16>(body.constData() + at);
        const quint16 length = qFromLittleEndian<quint16>(body.constData() + at + 2);
        if (code == 0)
            break;
        options.insert(code, body.mid(at + 4, length));
        at += 4 + ((length + 3) / 4) * 4;
    }
    return options;
}

/// Runs tshark and returns its stdout (fails the test on a non-zero exit).
QByteArray tshark(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(SockPlayTest::PeerTimeoutMs))
        return QByteArrayLiteral("tshark did not finish");
    if (process.exitCode() != 0)
        qWarning("tshark failed: %s", process.readAllStandardError().constData());
    return process.readAllStandardOutput();
}

/// `-z follow,tcp,raw,0`: the bytes each node sent, by "address:port".
QHash<QString, QByteArray> followedBytes(const QByteArray &output)
{
    QHash<QString, QByteArray> bytes;
    QString node[2];
    for (const QByteArray &raw : output.split('\n')) {
        const QString line = QString::fromLatin1(raw);
        if (line.startsWith(QLatin1String("Node 0: ")))
            node[0] = line.mid(8);
        else if (line.startsWith(QLatin1String("Node 1: ")))
            node[1] = line.mid(8);
        else if (!node[1].isEmpty() && !line.isEmpty() && !line.startsWith(QLatin1Char('=')))
            bytes[node[line.startsWith(QLatin1Char('\t')) ? 1 : 0]] += QByteArray::fromHex(line.trimmed().toLatin1());
    }
    return bytes;
}

QString writeLog(const EventLog &log, const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return {};
    }
    const std::unique_ptr<EventExporter> exporter = EventExporter::create(EventExporter::Format::Pcapng, &file);
    if (!EventExporter::exportLog(log, *exporter))
        *error = exporter->errorString();
    return path;
}

/// What tshark calls a problem: TCP analysis flags (lost segments,
/// retransmissions, ...), bad checksums, malformed packets, warnings.
const QString ProblemFilter = QStringLiteral(
    "tcp.analysis.flags || tcp.checksum.status == 0 || ip.checksum.status == 0 || udp.checksum.status == 0"
    " || _ws.malformed || _ws.expert.severity >= \"Warning\"");
const QStringList CheckChecksums{QStringLiteral("-o"), QStringLiteral("tcp.check_checksum:TRUE"),
                                 QStringLiteral("-o"), QStringLiteral("ip.check_checksum:TRUE"),
                                 QStringLiteral("-o"), QStringLiteral("udp.check_checksum:TRUE")};

} // namespace

class TestPcapng : public QObject
{
    Q_OBJECT
private slots:
    void blocksAreAlignedAndCarryTheirOptions_data();
    void blocksAreAlignedAndCarryTheirOptions();
    void tcpConversationFollowsExactly_data();
    void tcpConversationFollowsExactly();
    void udpDatagramsAreOnePacketEach_data();
    void udpDatagramsAreOnePacketEach();
    void bytesTheLogDidNotKeepAreSnapped();
    void datagramLargerThanAnIpPacketIsCut();
    void unknownExtensionIsAnError();
};

void TestPcapng::blocksAreAlignedAndCarryTheirOptions_data()
{
    QTest::addColumn<QByteArray>("packet");
    QTest::addColumn<QString>("comment");
    QTest::newRow("empty packet, no comment") << QByteArray() << QString();
    QTest::newRow("1 byte, 1-byte comment") << QByteArray("a") << QStringLiteral("x");
    QTest::newRow("3 bytes, 2-byte comment") << QByteArray("abc") << QStringLiteral("xy");
    QTest::newRow("4 bytes, 4-byte comment") << QByteArray("abcd") << QStringLiteral("wxyz");
    QTest::newRow("5 bytes, UTF-8 comment") << QByteArray("abcde") << QStringLiteral("caf\u00e9\nline 2");
}

void TestPcapng::blocksAreAlignedAndCarryTheirOptions()
{
    QFETCH(QByteArray, packet);
    QFETCH(QString, comment);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    PcapngWriter writer(&buffer);
    QVERIFY(writer.writeSectionHeader());
    QCOMPARE(writer.addInterface(PcapngWriter::LinkTypeRaw, QStringLiteral("sockplay")), 0);
    const qint64 timeUs = 1764934357123456; // 2025-12-05T11:32:37.123456Z
    QVERIFY(writer.writePacket(0, timeUs, packet, quint32(packet.size() + 7), comment));

    QString error;
    const QList<Block> blocks = readBlocks(buffer.data(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(blocks.size(), 3);

    const QByteArray &shb = blocks.at(0).body;
    QCOMPARE(blocks.at(0).type, 0x0A0D0D0Au);
    QCOMPARE(qFromLittleEndian<quint32>(shb.constData()), 0x1A2B3C4Du); // little-endian section
    QCOMPARE(qFromLittleEndian<quint16>(shb.constData() + 4), quint16(1));
    QCOMPARE(readOptions(shb, 16).value(4), QByteArray("SockPlay")); // shb_userappl

    const QByteArray &idb = blocks.at(1).body;
    QCOMPARE(blocks.at(1).type, 1u);
    QCOMPARE(qFromLittleEndian<quint16>(idb.constData()), quint16(101)); // LINKTYPE_RAW
    const QHash<quint16, QByteArray> idbOptions = readOptions(idb, 8);
    QCOMPARE(idbOptions.value(9), QByteArray(1, char(6))); // if_tsresol: microseconds
    QCOMPARE(idbOptions.value(2), QByteArray("sockplay"));

    const QByteArray &epb = blocks.at(2).body;
    QCOMPARE(blocks.at(2).type, 6u);
    const quint64 units = quint64(qFromLittleEndian<quint32>(epb.constData() + 4)) << 32
        | qFromLittleEndian<quint32>(epb.constData() + 8);
    QCOMPARE(units, quint64(timeUs));
    QCOMPARE(qFromLittleEndian<quint32>(epb.constData() + 12), quint32(packet.size()));
    QCOMPARE(qFromLittleEndian<quint32>(epb.constData() + 16), quint32(packet.size() + 7));
    QCOMPARE(epb.mid(20, packet.size()), packet);
    const qsizetype optionsAt = 20 + ((packet.size() + 3) / 4) * 4;
    QCOMPARE(QString::fromUtf8(readOptions(epb, optionsAt).value(1)), comment); // opt_comment
    QCOMPARE(epb.size() % 4, 0);
}

void TestPcapng::tcpConversationFollowsExactly_data()
{
    QTest::addColumn<QString>("serverHost");
    QTest::addColumn<QString>("clientHost");
    QTest::addColumn<int>("bigMessage");
    QTest::newRow("IPv4") << QStringLiteral("127.0.0.1") << QStringLiteral("127.0.0.1") << 0;
    QTest::newRow("IPv6") << QStringLiteral("::1") << QStringLiteral("::1") << 0;
    QTest::newRow("IPv4 client, dual-stack server (mapped addresses)") << QStringLiteral("::")
                                                                        << QStringLiteral("127.0.0.1") << 0;
    QTest::newRow("IPv4, a send larger than an IP packet (split)") << QStringLiteral("127.0.0.1")
                                                                  << QStringLiteral("127.0.0.1") << 150000;
}

void TestPcapng::tcpConversationFollowsExactly()
{
    QFETCH(QString, serverHost);
    QFETCH(QString, clientHost);
    QFETCH(int, bigMessage);
    SOCKPLAY_REQUIRE_PROGRAM(program, "tshark");
    if (clientHost.contains(QLatin1Char(':')) && !hasIPv6Loopback())
        QSKIP("no IPv6 loopback here");

    EventLog::Limits limits;
    limits.payloadBytesPerEvent = 256 * 1024; // the big send stays whole in the log
    Session session(limits);
    EndpointConfig serverConfig;
    serverConfig.transport = Transport::Tcp;
    serverConfig.role = Role::Server;
    serverConfig.name = QStringLiteral("server");
    serverConfig.host = serverHost;
    const int server = session.addEndpoint(serverConfig);
    session.start(server, serverConfig);
    QTRY_VERIFY(session.snapshot(server).isActive());
    EndpointConfig clientConfig;
    clientConfig.transport = Transport::Tcp;
    clientConfig.role = Role::Client;
    clientConfig.name = QStringLiteral("client");
    clientConfig.host = clientHost;
    clientConfig.port = session.snapshot(server).localPort;
    const int client = session.addEndpoint(clientConfig);
    session.start(client, clientConfig);
    QTRY_COMPARE(session.connections(server).size(), 1);
    QTRY_VERIFY(session.snapshot(client).isActive());

    QByteArray toServer;
    QByteArray toClient;
    const QList<QByteArray> fromClient{"HELLO\r\n", "a,b \"quoted\"\n", QByteArray("\0\1\2\xff", 4)};
    const QList<QByteArray> fromServer{"welcome\n", "second line\n"};
    for (int i = 0; i < 3; ++i) {
        QByteArray up = fromClient.at(i);
        if (i == 1 && bigMessage > 0)
            up = QByteArray(bigMessage, 'x') + up;
        session.send(client, 0, up);
        toServer += up;
        QTRY_COMPARE(bytesOf(*session.log(), server, EventKind::Received), toServer);
        if (i < fromServer.size()) {
            session.send(server, 0, fromServer.at(i));
            toClient += fromServer.at(i);
            QTRY_COMPARE(bytesOf(*session.log(), client, EventKind::Received), toClient);
        }
    }
    // The client is done sending (FIN); the server hears it and closes too.
    session.halfClose(client);
    QTRY_COMPARE(eventsOf(*session.log(), server, EventKind::PeerClosed).size(), 1);
    QTRY_COMPARE(session.snapshot(client).state, EndpointState::Idle);

    QTemporaryDir dir;
    QString error;
    const QString path = writeLog(*session.log(), dir.filePath(QStringLiteral("tcp.pcapng")), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    const QByteArray follow = tshark(program, {QStringLiteral("-r"), path, QStringLiteral("-q"), QStringLiteral("-z"),
                                               QStringLiteral("follow,tcp,raw,0")});
    const QHash<QString, QByteArray> followed = followedBytes(follow);
    const Event accepted = eventsOf(*session.log(), server, EventKind::Accepted).value(0);
    QVERIFY(accepted.source);
    // The nodes as tshark names them: IPv4-mapped addresses read as IPv4.
    const auto nodeName = [](const QHostAddress &address, quint16 port) -> QString {
        bool v4 = false;
        const quint32 ipv4 = address.toIPv4Address(&v4);
        return (v4 ? QHostAddress(ipv4).toString() : QLatin1Char('[') + address.toString() + QLatin1Char(']'))
            + QLatin1Char(':') + QString::number(port);
    };
    const QString clientNode = nodeName(accepted.source->peerAddress, accepted.source->peerPort);
    const QString serverNode = nodeName(accepted.source->localAddress, accepted.source->localPort);
    QVERIFY2(followed.contains(clientNode) && followed.contains(serverNode), follow.left(600).constData());
    QCOMPARE(followed.value(clientNode), toServer);
    QCOMPARE(followed.value(serverNode), toClient);

    // One conversation only: the client's own view of it is not written again.
    const QByteArray streams = tshark(program, {QStringLiteral("-r"), path, QStringLiteral("-T"), QStringLiteral("fields"),
                                                QStringLiteral("-e"), QStringLiteral("tcp.stream")});
    const QList<QByteArray> streamOfEach = streams.trimmed().split('\n');
    QCOMPARE(QSet<QByteArray>(streamOfEach.cbegin(), streamOfEach.cend()), QSet<QByteArray>{"0"});
    const QByteArray problems = tshark(program, CheckChecksums + QStringList{QStringLiteral("-r"), path,
                                                                            QStringLiteral("-Y"), ProblemFilter});
    QVERIFY2(problems.isEmpty(), problems.constData());
    const QByteArray good = tshark(program, CheckChecksums + QStringList{QStringLiteral("-r"), path, QStringLiteral("-Y"),
                                                                         QStringLiteral("tcp.checksum.status == 1")});
    QVERIFY(!good.isEmpty());
    // Events that are not packets ride as comments ("listening" came before any packet).
    const QByteArray comments = tshark(program, {QStringLiteral("-r"), path, QStringLiteral("-T"), QStringLiteral("fields"),
                                                 QStringLiteral("-e"), QStringLiteral("frame.comment")});
    QVERIFY2(comments.contains("listening"), comments.constData());
    QVERIFY2(comments.contains("done sending"), comments.constData());
}

void TestPcapng::udpDatagramsAreOnePacketEach_data()
{
    QTest::addColumn<QString>("host");
    QTest::newRow("IPv4") << QStringLiteral("127.0.0.1");
    QTest::newRow("IPv6") << QStringLiteral("::1");
}

void TestPcapng::udpDatagramsAreOnePacketEach()
{
    QFETCH(QString, host);
    SOCKPLAY_REQUIRE_PROGRAM(program, "tshark");
    if (host.contains(QLatin1Char(':')) && !hasIPv6Loopback())
        QSKIP("no IPv6 loopback here");
    Session session;
    EndpointConfig receiverConfig;
    receiverConfig.transport = Transport::Udp;
    receiverConfig.role = Role::Server;
    receiverConfig.name = QStringLiteral("receiver");
    receiverConfig.host = host;
    const int receiver = session.addEndpoint(receiverConfig);
    session.start(receiver, receiverConfig);
    QTRY_VERIFY(session.snapshot(receiver).isActive());
    const quint16 port = session.snapshot(receiver).localPort;
    EndpointConfig senderConfig;
    senderConfig.transport = Transport::Udp;
    senderConfig.role = Role::Client;
    senderConfig.name = QStringLiteral("sender");
    senderConfig.host = host;
    senderConfig.port = port;
    const int sender = session.addEndpoint(senderConfig);
    session.start(sender, senderConfig);
    QTRY_VERIFY(session.snapshot(sender).isActive());

    constexpr int Count = 5;
    QStringList expected;
    for (int i = 1; i <= Count; ++i) {
        session.send(sender, 0, QByteArray(i * 100, char('a' + i)));
        QTRY_COMPARE(eventsOf(*session.log(), receiver, EventKind::DatagramReceived).size(), i);
        expected.append(QStringLiteral("%1\t%2\t%3").arg(session.snapshot(sender).localPort).arg(port).arg(8 + i * 100));
    }
    QTemporaryDir dir;
    QString error;
    const QString path = writeLog(*session.log(), dir.filePath(QStringLiteral("udp.pcapng")), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QByteArray fields = tshark(program, {QStringLiteral("-r"), path, QStringLiteral("-Y"), QStringLiteral("udp"),
                                               QStringLiteral("-T"), QStringLiteral("fields"), QStringLiteral("-e"),
                                               QStringLiteral("udp.srcport"), QStringLiteral("-e"),
                                               QStringLiteral("udp.dstport"), QStringLiteral("-e"),
                                               QStringLiteral("udp.length")});
    QCOMPARE(QString::fromLatin1(fields).trimmed().split(QLatin1Char('\n')), expected);
    const QByteArray problems = tshark(program, CheckChecksums + QStringList{QStringLiteral("-r"), path,
                                                                            QStringLiteral("-Y"), ProblemFilter});
    QVERIFY2(problems.isEmpty(), problems.constData());
}

void TestPcapng::bytesTheLogDidNotKeepAreSnapped()
{
    SOCKPLAY_REQUIRE_PROGRAM(program, "tshark");
    EventLog::Limits limits;
    limits.payloadBytesPerEvent = 4;
    EventLog log(limits);
    const EventSourcePtr source = makeEventSource(1, 1, QStringLiteral("server"), QHostAddress::LocalHost, 5000,
                                                  QHostAddress::LocalHost, 40000);
    log.append(EventKind::Accepted, source);
    log.append(EventKind::Received, source, "0123456789", 10, 0);
    log.append(EventKind::Sent, source, "abcdef", 6, 0);
    log.append(EventKind::Received, source, "XYZ", 3, 10);
    log.append(EventKind::Error, source, {}, 0, -1, QStringLiteral("a last error"));

    QTemporaryDir dir;
    QString error;
    const QString path = writeLog(log, dir.filePath(QStringLiteral("snapped.pcapng")), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // Lengths as sent, bytes as kept: frame.len counts the whole segment.
    const QByteArray lengths = tshark(program, {QStringLiteral("-r"), path, QStringLiteral("-Y"), QStringLiteral("tcp.len > 0"),
                                                QStringLiteral("-T"), QStringLiteral("fields"), QStringLiteral("-e"),
                                                QStringLiteral("tcp.len"), QStringLiteral("-e"), QStringLiteral("frame.cap_len"),
                                                QStringLiteral("-e"), QStringLiteral("tcp.seq")});
    QCOMPARE(QString::fromLatin1(lengths).trimmed().split(QLatin1Char('\n')),
             (QStringList{QStringLiteral("10\t44\t1"), QStringLiteral("6\t44\t1"), QStringLiteral("3\t43\t11")}));
    const QByteArray problems = tshark(program, CheckChecksums + QStringList{QStringLiteral("-r"), path,
                                                                            QStringLiteral("-Y"), ProblemFilter});
    QVERIFY2(problems.isEmpty(), problems.constData());
    const QByteArray comments = tshark(program, {QStringLiteral("-r"), path, QStringLiteral("-T"), QStringLiteral("fields"),
                                                 QStringLiteral("-e"), QStringLiteral("frame.comment")});
    QVERIFY2(comments.contains("the log kept 4 of these 10 bytes"), comments.constData());
    QVERIFY2(comments.contains("a last error"), comments.constData());
}

void TestPcapng::datagramLargerThanAnIpPacketIsCut()
{
    // No socket sends it, but a log could hold it: one IPv4 packet carries at most 65,507 bytes of UDP payload.
    SOCKPLAY_REQUIRE_PROGRAM(program, "tshark");
    EventLog::Limits limits;
    limits.payloadBytesPerEvent = 128 * 1024;
    EventLog log(limits);
    const EventSourcePtr source = makeEventSource(1, 1, QStringLiteral("receiver"), QHostAddress::LocalHost, 5000,
                                                  QHostAddress::LocalHost, 40000);
    log.append(EventKind::DatagramReceived, source, QByteArray(70000, 'u'), 70000, 0);
    QTemporaryDir dir;
    QString error;
    const QString path = writeLog(log, dir.filePath(QStringLiteral("big.pcapng")), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QByteArray fields = tshark(program, CheckChecksums + QStringList{QStringLiteral("-r"), path, QStringLiteral("-T"),
                                                                           QStringLiteral("fields"), QStringLiteral("-e"),
                                                                           QStringLiteral("udp.length"), QStringLiteral("-e"),
                                                                           QStringLiteral("udp.checksum.status"), QStringLiteral("-e"),
                                                                           QStringLiteral("frame.comment")});
    QVERIFY2(fields.startsWith("65515\t1\t#1: a datagram of 70000 bytes does not fit in one IP packet: cut to 65507"),
             fields.constData());
}

void TestPcapng::unknownExtensionIsAnError()
{
    QString error;
    QCOMPARE(EventExporter::formatForFileName(QStringLiteral("a.pcapng")), EventExporter::Format::Pcapng);
    QCOMPARE(EventExporter::formatForFileName(QStringLiteral("A.CSV")), EventExporter::Format::Csv);
    QCOMPARE(EventExporter::formatForFileName(QStringLiteral("a.jsonl")), EventExporter::Format::JsonLines);
    QCOMPARE(EventExporter::formatForFileName(QStringLiteral("a.ndjson")), EventExporter::Format::JsonLines);
    QVERIFY(!EventExporter::formatForFileName(QStringLiteral("a.pcap"), &error));
    QVERIFY2(error.contains(QLatin1String(".pcap")) && error.contains(QLatin1String(".pcapng")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestPcapng)
#include "tst_pcapng.moc"
