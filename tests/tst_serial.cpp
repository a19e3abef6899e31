// The serial endpoint on pseudo-terminals that socat links (no hardware):
// the far end is Python (tests/peers/serial_peer.py), which opens its end
// with os.open and termios as a program at the end of a real cable would.
#include "serialconnection.h"
#include "serialendpoint.h"
#include "serialtestsupport.h"
#include "session.h"
#include "testsupport.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

#include <unistd.h>

using namespace SockPlay;
using namespace SockPlay::Test;
using namespace SockPlayTest;

namespace {

/// Whether the session's log has an event of that kind and endpoint with exactly this detail.
bool hasDetailOf(const Session &session, int endpointId, EventKind kind, const QString &detail)
{
    for (const Event &event : session.log()->snapshot()) {
        if (event.endpointId() == endpointId && event.kind == kind && event.detail == detail)
            return true;
    }
    return false;
}

/// A plain file (no terminal) with these permissions.
bool writeFileIn(const QString &path, QFileDevice::Permissions permissions)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write("not a serial port\n") < 0)
        return false;
    file.close();
    return file.setPermissions(permissions);
}

} // namespace

class TestSerial : public QObject
{
    Q_OBJECT
private slots:
    void opensWithItsSettings_data();
    void opensWithItsSettings();
    void bytesGoBothWays();
    void lineFramingCutsTheStream();
    void rulesAndEchoAnswer_data();
    void rulesAndEchoAnswer();
    void echoToAPeerThatStopsReadingKeepsMemoryBounded();
    void modemLinesChangeWhileOpen_data();
    void modemLinesChangeWhileOpen();
    void theDeviceGoingAwayIsAClearError();
    void aDeviceThatCannotBeOpenedIsAnError_data();
    void aDeviceThatCannotBeOpenedIsAnError();

private:
    static EndpointConfig configFor(const QString &device)
    {
        EndpointConfig config;
        config.transport = Transport::Serial;
        config.role = Role::Client;
        config.serial.device = device;
        return config;
    }
};

void TestSerial::opensWithItsSettings_data()
{
    QTest::addColumn<qint32>("baud");
    QTest::addColumn<QString>("format");
    QTest::addColumn<int>("flow");
    QTest::addColumn<QString>("opened");
    QTest::newRow("115200 8N1") << 115200 << QStringLiteral("8N1") << int(SerialSpec::FlowControl::None)
                                << QStringLiteral("opened at 115200 8N1, no flow control; DTR on, RTS on");
    QTest::newRow("9600 7E2, XON/XOFF") << 9600 << QStringLiteral("7E2") << int(SerialSpec::FlowControl::Software)
                                        << QStringLiteral("opened at 9600 7E2, software flow control (XON/XOFF); "
                                                          "DTR on, RTS on");
    QTest::newRow("a rate of its own, 250000 8O1") << 250000 << QStringLiteral("8O1") << int(SerialSpec::FlowControl::None)
                                                   << QStringLiteral("opened at 250000 8O1, no flow control; DTR on, RTS on");
    QTest::newRow("5 bits, space parity, 1.5 stop bits") << 1200 << QStringLiteral("5S1.5")
                                                         << int(SerialSpec::FlowControl::None)
                                                         << QStringLiteral("opened at 1200 5S1.5, no flow control; "
                                                                           "DTR on, RTS on");
}

void TestSerial::opensWithItsSettings()
{
    QFETCH(qint32, baud);
    QFETCH(QString, format);
    QFETCH(int, flow);
    QFETCH(QString, opened);
    SOCKPLAY_START_PTY_PAIR(pair);
    EndpointConfig config = configFor(pair.a());
    config.serial.baudRate = baud;
    QString error;
    QVERIFY(SerialSpec::parseCharacterFormat(format, &config.serial, &error));
    config.serial.flowControl = SerialSpec::FlowControl(flow);
    EventLog log;
    SerialEndpoint endpoint(QStringLiteral("modem"), &log);
    const Result started = endpoint.start(config);
    QVERIFY2(started, qPrintable(started.error));
    QCOMPARE(endpoint.state(), EndpointState::Active);
    QCOMPARE(endpoint.connectionCount(), 1);
    const QList<Event> connected = eventsOf(log, endpoint.id(), EventKind::Connected);
    QCOMPARE(connected.size(), 1);
    QCOMPARE(connected.first().detail, opened);
    // The device is the peer the log names.
    QCOMPARE(connected.first().peerText(), pair.a());
    QCOMPARE(endpoint.snapshot().peerText, pair.a());

    endpoint.stop();
    QCOMPARE(endpoint.state(), EndpointState::Idle);
    QCOMPARE(kindsOf(log, endpoint.id()), (QList<EventKind>{EventKind::Connected, EventKind::Closed}));
    // Closed: another open of the same device works (the port and its lock are let go).
    QVERIFY(endpoint.start(config));
    QCOMPARE(endpoint.state(), EndpointState::Active);
}

void TestSerial::bytesGoBothWays()
{
    SOCKPLAY_START_PTY_PAIR(pair);
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");
    EventLog log;
    SerialEndpoint endpoint(QStringLiteral("modem"), &log);
    QVERIFY(endpoint.start(configFor(pair.a())));
    PeerProcess peer;
    QVERIFY2(startSerialPeer(peer, python, pair.b()), qPrintable(peer.errText()));

    QVERIFY(endpoint.send(Endpoint::AllConnections, QByteArray("hello, device\n\0\xff", 16)));
    QTRY_COMPARE(lineBytes(peer), QByteArray("hello, device\n\0\xff", 16));
    peer.write("hello from the far end\n");
    QTRY_COMPARE(bytesOf(log, endpoint.id(), EventKind::Received), QByteArray("hello from the far end\n"));
    QCOMPARE(bytesOf(log, endpoint.id(), EventKind::Sent), QByteArray("hello, device\n\0\xff", 16));
    QCOMPARE(endpoint.bytesIn(), qint64(23));
    QCOMPARE(endpoint.bytesOut(), qint64(16));
}

void TestSerial::lineFramingCutsTheStream()
{
    SOCKPLAY_START_PTY_PAIR(pair);
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");
    EventLog log;
    SerialEndpoint endpoint(QStringLiteral("modem"), &log);
    EndpointConfig config = configFor(pair.a());
    config.frame.kind = FrameSpec::Kind::Line;
    QVERIFY(endpoint.start(config));
    QSignalSpy messages(&endpoint, &Endpoint::messageReceived);
    PeerProcess peer;
    QVERIFY2(startSerialPeer(peer, python, pair.b()), qPrintable(peer.errText()));
    // A line cut across two writes is one message; two in one write are two.
    peer.write("one\ntw");
    QTRY_COMPARE(messages.size(), 1);
    peer.write("o\nthree\n");
    QTRY_COMPARE(messages.size(), 3);
    QStringList payloads;
    for (const QList<QVariant> &message : std::as_const(messages))
        payloads.append(QString::fromUtf8(message.at(1).toByteArray()));
    QCOMPARE(payloads, (QStringList{QStringLiteral("one"), QStringLiteral("two"), QStringLiteral("three")}));
    QCOMPARE(eventsOf(log, endpoint.id(), EventKind::Message).size(), 3);
}

void TestSerial::rulesAndEchoAnswer_data()
{
    QTest::addColumn<bool>("echo");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QByteArray>("sent");
    QTest::addColumn<QByteArray>("answer");
    QTest::newRow("rule: AT => OK") << false << QStringLiteral("exact:AT=>OK\\r\\n") << QByteArray("AT\r\n")
                                    << QByteArray("OK\r\n");
    QTest::newRow("echo") << true << QString() << QByteArray("echo me\r\n") << QByteArray("echo me\r\n");
}

void TestSerial::rulesAndEchoAnswer()
{
    QFETCH(bool, echo);
    QFETCH(QString, rule);
    QFETCH(QByteArray, sent);
    QFETCH(QByteArray, answer);
    SOCKPLAY_START_PTY_PAIR(pair);
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");
    EventLog log;
    SerialEndpoint endpoint(QStringLiteral("modem"), &log);
    EndpointConfig config = configFor(pair.a());
    config.frame.kind = FrameSpec::Kind::Crlf;
    config.echo = echo;
    if (!rule.isEmpty()) {
        QString error;
        const std::optional<Rule> parsed = Rule::parse(rule, &error);
        QVERIFY2(parsed, qPrintable(error));
        config.rules.append(*parsed);
    }
    QVERIFY(endpoint.start(config));
    PeerProcess peer;
    QVERIFY2(startSerialPeer(peer, python, pair.b()), qPrintable(peer.errText()));
    peer.write(sent);
    QTRY_COMPARE(lineBytes(peer), answer);
    QCOMPARE(bytesOf(log, endpoint.id(), EventKind::AutoReplied), answer);
    QCOMPARE(eventsOf(log, endpoint.id(), EventKind::Sent).size(), 0);
}

void TestSerial::echoToAPeerThatStopsReadingKeepsMemoryBounded()
{
    // The far end writes 2 MiB and reads nothing. The endpoint echoes until
    // its queue reaches the bound, then stops reading; Qt's read buffer and
    // the pseudo-terminal fill, and the far end's writes block, so most of
    // the 2 MiB stay unsent. Without backpressure the endpoint takes all of
    // it and queues what the line cannot carry: megabytes. (The far end
    // holds the pseudo-terminal itself: a socat in between would stop both
    // directions as soon as one is full, with or without our backpressure.)
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");
    constexpr qint64 Flood = 2 << 20;
    PeerProcess peer;
    QVERIFY2(peer.startPython(python, QStringLiteral("serial_peer.py"),
                              {QStringLiteral("--openpty"), QStringLiteral("--flood"), QString::number(Flood)}),
             qPrintable(peer.errorString()));
    const QString device = peer.waitForMatch(QRegularExpression(QStringLiteral("^pty (\\S+)\n")),
                                             QProcess::StandardOutput);
    QVERIFY2(!device.isEmpty(), qPrintable(peer.errText()));
    EventLog::Limits limits;
    limits.payloadBytesPerEvent = 16;
    EventLog log(limits);
    SerialEndpoint endpoint(QStringLiteral("modem"), &log);
    EndpointConfig config = configFor(device);
    config.echo = true;
    config.maxPendingWriteBytes = 64 * 1024;
    QVERIFY(endpoint.start(config));
    constexpr qint64 SlackBytes = 64 * 1024;
    const qint64 bound = config.maxPendingWriteBytes + SerialConnection::ReadBufferBytes + SlackBytes;
    qint64 peak = 0;
    const auto samplePeak = [&] { peak = qMax(peak, endpoint.pendingWriteBytes()); };
    connect(&endpoint, &Endpoint::dataReceived, this, samplePeak);
    connect(&endpoint, &Endpoint::bytesWritten, this, samplePeak);

    // Let it flow until it stops: nothing arrives for half a second.
    QSignalSpy received(&endpoint, &Endpoint::dataReceived);
    QVERIFY(received.wait(PeerTimeoutMs));
    QDeadlineTimer deadline(PeerTimeoutMs);
    while (received.wait(500))
        QVERIFY2(!deadline.hasExpired(), "the far end never stopped sending");
    const QString state = QStringLiteral("stalled with %1 of %2 bytes read, %3 queued; the queue peaked at %4, "
                                         "the bound is %5")
                              .arg(endpoint.bytesIn()).arg(Flood).arg(endpoint.pendingWriteBytes()).arg(peak).arg(bound);
    QVERIFY2(peak <= bound, qPrintable(state));
    QVERIFY2(endpoint.bytesIn() < Flood / 4, qPrintable(state));

    // Now the far end reads: the rest flows, and the whole echo comes back.
    peer.write("read\n");
    const bool cameBack = !peer.waitForMatch(QRegularExpression(QStringLiteral("(echo \\w+ \\d+)")),
                                           QProcess::StandardOutput).isEmpty();
    QVERIFY2(cameBack, qPrintable(QStringLiteral("no echo back: %1 bytes read, %2 queued; %3")
                                    .arg(endpoint.bytesIn()).arg(endpoint.pendingWriteBytes()).arg(peer.errText())));
    const QByteArray echoed = QByteArray("echo ok ") + QByteArray::number(Flood);
    QVERIFY2(peer.out().contains(echoed), peer.out().constData());
    QCOMPARE(endpoint.bytesIn(), Flood);
    QVERIFY2(peak <= bound, qPrintable(QStringLiteral("the echo queue peaked at %1 bytes; the bound is %2")
                                           .arg(peak).arg(bound)));
}

void TestSerial::modemLinesChangeWhileOpen_data()
{
    QTest::addColumn<int>("line");
    QTest::addColumn<bool>("on");
    QTest::addColumn<int>("flow");
    QTest::addColumn<QString>("error");
    // What a pseudo-terminal really does: it has no modem lines, and says so.
    QTest::newRow("DTR off on a pseudo-terminal")
        << int(SerialSpec::Line::Dtr) << false << int(SerialSpec::FlowControl::None)
        << QStringLiteral("cannot turn DTR off on %1: Inappropriate ioctl for device — this device has no modem "
                          "control lines a program may set (a pseudo-terminal has none)");
    QTest::newRow("RTS on on a pseudo-terminal")
        << int(SerialSpec::Line::Rts) << true << int(SerialSpec::FlowControl::None)
        << QStringLiteral("cannot turn RTS on on %1: Inappropriate ioctl for device — this device has no modem "
                          "control lines a program may set (a pseudo-terminal has none)");
    QTest::newRow("RTS under hardware flow control")
        << int(SerialSpec::Line::Rts) << false << int(SerialSpec::FlowControl::Hardware)
        << QStringLiteral("cannot set RTS by hand: hardware flow control (RTS/CTS) drives it; turn flow control off "
                          "first");
}

void TestSerial::modemLinesChangeWhileOpen()
{
    QFETCH(int, line);
    QFETCH(bool, on);
    QFETCH(int, flow);
    QFETCH(QString, error);
    SOCKPLAY_START_PTY_PAIR(pair);
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");
    // Through the session: a command like the window's, queued like the others.
    Session session;
    EndpointConfig config = configFor(pair.a());
    config.serial.flowControl = SerialSpec::FlowControl(flow);
    const int id = session.addEndpoint(config);
    session.start(id, config);
    QTRY_VERIFY(session.snapshot(id).isActive());
    QSignalSpy errors(&session, &Session::errorOccurred);
    session.setSerialLine(id, SerialSpec::Line(line), on);
    QTRY_COMPARE(errors.size(), 1);
    if (error.contains(QLatin1String("%1")))
        error = error.arg(pair.a());
    QCOMPARE(errors.first().at(1).toString(), error);
    QVERIFY(hasDetailOf(session, id, EventKind::Error, error));
    // Nothing else changed: the port is open, bytes flow, the setting is as it was.
    const EndpointSnapshot snapshot = session.snapshot(id);
    QVERIFY(snapshot.isActive());
    QCOMPARE(SerialSpec::Line(line) == SerialSpec::Line::Dtr ? snapshot.config.serial.dtr : snapshot.config.serial.rts,
             true);
    PeerProcess peer;
    QVERIFY2(startSerialPeer(peer, python, pair.b()), qPrintable(peer.errText()));
    session.send(id, 0, "still here\n");
    QTRY_COMPARE(lineBytes(peer), QByteArray("still here\n"));
}

void TestSerial::theDeviceGoingAwayIsAClearError()
{
    SOCKPLAY_START_PTY_PAIR(pair);
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");
    EventLog log;
    SerialEndpoint endpoint(QStringLiteral("modem"), &log);
    QVERIFY(endpoint.start(configFor(pair.a())));
    QSignalSpy errors(&endpoint, &Endpoint::errorOccurred);
    PeerProcess peer;
    QVERIFY2(startSerialPeer(peer, python, pair.b()), qPrintable(peer.errText()));
    peer.write("last words\n");
    QTRY_COMPARE(bytesOf(log, endpoint.id(), EventKind::Received), QByteArray("last words\n"));

    QVERIFY(pair.hangUp());
    QTRY_COMPARE(endpoint.state(), EndpointState::Idle);
    QCOMPARE(errors.size(), 1);
    const QString gone = QStringLiteral("%1 went away (Input/output error): unplugged, or the program at its other "
                                        "end closed it").arg(pair.a());
    QCOMPARE(errors.first().at(0).toString(), gone);
    QCOMPARE(endpoint.errorString(), gone);
    QCOMPARE(endpoint.connectionCount(), 0);
    // Everything logged before is still there, then the error and the end.
    QCOMPARE(kindsOf(log, endpoint.id()), (QList<EventKind>{EventKind::Connected, EventKind::Received,
                                                            EventKind::Error, EventKind::PeerClosed}));
    QCOMPARE(eventsOf(log, endpoint.id(), EventKind::PeerClosed).first().detail,
             QStringLiteral("the device went away; 11 bytes in, 0 out"));
    // A send now is refused, not a crash.
    QVERIFY(!endpoint.send(Endpoint::AllConnections, "anyone?"));
}

void TestSerial::aDeviceThatCannotBeOpenedIsAnError_data()
{
    QTest::addColumn<QString>("device"); // %1: a temporary folder
    QTest::addColumn<QString>("stopBits");
    QTest::addColumn<QString>("error");
    QTest::newRow("missing") << QStringLiteral("%1/ttyNONE") << QStringLiteral("1")
                             << QStringLiteral("cannot open %1/ttyNONE: No such file or directory — no such device; "
                                               "`sockplay-cli serial --list` shows the serial ports (a USB adapter "
                                               "appears once plugged in)");
    QTest::newRow("not a terminal") << QStringLiteral("%1/file") << QStringLiteral("1")
                                    << QStringLiteral("cannot open %1/file: Inappropriate ioctl for device — is it a "
                                                      "serial port? it refused 115200 8N1, no flow control");
    QTest::newRow("no permission") << QStringLiteral("%1/locked") << QStringLiteral("1")
                                   << QStringLiteral("cannot open %1/locked: Permission denied — another program may "
                                                     "have it open; or, on Linux, the device belongs to a group (ls -l "
                                                     "%1/locked, usually dialout): add yourself to it and log in again");
    QTest::newRow("no device given") << QString() << QStringLiteral("1")
                                     << QStringLiteral("no device given — name one such as /dev/ttyUSB0 or COM3 "
                                                       "(sockplay-cli serial --list shows them)");
    QTest::newRow("1.5 stop bits at 8 data bits") << QStringLiteral("%1/file") << QStringLiteral("1.5")
                                                  << QStringLiteral("1.5 stop bits go with 5 data bits only (a UART "
                                                                    "sends 1.5 for 2 then); pick 1 or 2");
}

void TestSerial::aDeviceThatCannotBeOpenedIsAnError()
{
    QFETCH(QString, device);
    QFETCH(QString, stopBits);
    QFETCH(QString, error);
    if (device.endsWith(QLatin1String("locked")) && ::geteuid() == 0)
        QSKIP("root opens any file: permissions cannot be refused here");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFileIn(dir.filePath(QStringLiteral("file")), QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    QVERIFY(writeFileIn(dir.filePath(QStringLiteral("locked")), {}));
    EndpointConfig config = configFor(device.contains(QLatin1String("%1")) ? device.arg(dir.path()) : device);
    QString parseError;
    config.serial.stopBits = *SerialSpec::parseStopBits(stopBits, &parseError);
    EventLog log;
    SerialEndpoint endpoint(QStringLiteral("modem"), &log);
    QSignalSpy errors(&endpoint, &Endpoint::errorOccurred);
    const Result started = endpoint.start(config);
    const QString expected = error.contains(QLatin1String("%1")) ? error.arg(dir.path()) : error;
    QVERIFY(!started);
    QCOMPARE(started.error, expected);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(eventsOf(log, endpoint.id(), EventKind::Error).size(), 1);
    QCOMPARE(eventsOf(log, endpoint.id(), EventKind::Error).first().detail, expected);
    QCOMPARE(endpoint.state(), EndpointState::Idle);
    QCOMPARE(endpoint.connectionCount(), 0);
}

QTEST_GUILESS_MAIN(TestSerial)
#include "tst_serial.moc"
