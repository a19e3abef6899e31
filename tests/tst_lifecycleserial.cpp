// The lifecycle tracker for a serial port: open() → tcsetattr() →
// write()/read() → close(), lit by the real events of a port on a
// pseudo-terminal pair that socat links (the far end is Python,
// tests/peers/serial_peer.py); a device that cannot be opened fails open(),
// a modem line the device refuses fails tcsetattr(), a device that goes
// away closes the flow as the peer's doing; the same endpoint as a TCP
// client afterwards is a TCP client's flow again.
#include "ladder.h"
#include "lifecycletracker.h"
#include "serialtestsupport.h"
#include "session.h"
#include "testsupport.h"

#include <QTcpServer>
#include <QTest>

using namespace SockPlay;
using namespace SockPlay::Test;
using namespace SockPlayTest;
using Call = LifecycleStep::Call;
using State = LifecycleStep::State;

namespace {

EndpointConfig serialConfig(const QString &device)
{
    EndpointConfig config;
    config.transport = Transport::Serial;
    config.role = Role::Client;
    config.name = QStringLiteral("modem");
    config.serial.device = device;
    return config;
}

LifecycleStep stepOf(const LifecycleTracker &tracker, int endpointId, Call call)
{
    for (const LifecycleStep &step : tracker.flow(endpointId).steps)
        if (step.call == call)
            return step;
    LifecycleStep missing;
    missing.name = QStringLiteral("missing");
    return missing;
}

State stateOf(const LifecycleTracker &tracker, int endpointId, Call call)
{
    return stepOf(tracker, endpointId, call).state;
}

QString namesOf(const LifecycleFlow &flow)
{
    QStringList names;
    for (const LifecycleStep &step : flow.steps)
        names.append(step.name);
    return names.join(QLatin1Char(' '));
}

quint64 sequenceOf(const EventLog &log, int endpointId, EventKind kind)
{
    const QList<Event> events = eventsOf(log, endpointId, kind);
    return events.isEmpty() ? 0 : events.constLast().sequence;
}

struct Rig
{
    Rig() { tracker.follow(session.log()); }
    Session session;
    LifecycleTracker tracker;
};

} // namespace

namespace QTest {
template <> char *toString(const State &state)
{
    return qstrdup(LifecycleStep::stateName(state).toUtf8().constData());
}
} // namespace QTest

class TestLifecycleSerial : public QObject
{
    Q_OBJECT
private slots:
    void serialPortLightsEachStep();
    void aDeviceThatCannotBeOpenedFailsOpen();
    void aRefusedModemLineFailsConfigure_data();
    void aRefusedModemLineFailsConfigure();
    void theDeviceGoingAwayClosesTheFlow();
    void theSameEndpointAsATcpClientIsATcpClientAgain();
    void theSequenceDiagramDrawsTheDeviceWithoutAHandshake();
};

void TestLifecycleSerial::serialPortLightsEachStep()
{
    SOCKPLAY_START_PTY_PAIR(pair);
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");
    Rig rig;
    const EndpointConfig config = serialConfig(pair.a());
    const int id = rig.session.addEndpoint(config);
    rig.session.start(id, config);
    QTRY_COMPARE(stateOf(rig.tracker, id, Call::Configure), State::Current);
    const LifecycleFlow opened = rig.tracker.flow(id);
    QCOMPARE(opened.kind, LifecycleFlow::Kind::Serial);
    QCOMPARE(opened.title(), QStringLiteral("serial port"));
    QCOMPARE(namesOf(opened), QStringLiteral("open() tcsetattr() write()/read() close()"));
    QCOMPARE(stateOf(rig.tracker, id, Call::Open), State::Done);
    QCOMPARE(stateOf(rig.tracker, id, Call::Exchange), State::NotYet);
    QCOMPARE(stepOf(rig.tracker, id, Call::Configure).sequence, sequenceOf(*rig.session.log(), id, EventKind::Connected));
    QVERIFY(opened.branches.isEmpty()); // one device, one row: no branches

    PeerProcess peer;
    QVERIFY2(startSerialPeer(peer, python, pair.b()), qPrintable(peer.errText()));
    rig.session.send(id, 0, "AT\r\n");
    QTRY_COMPARE(stateOf(rig.tracker, id, Call::Exchange), State::Current);
    QCOMPARE(stepOf(rig.tracker, id, Call::Exchange).sequence, sequenceOf(*rig.session.log(), id, EventKind::Sent));
    QTRY_COMPARE(lineBytes(peer), QByteArray("AT\r\n"));
    peer.write("OK\r\n");
    QTRY_VERIFY(sequenceOf(*rig.session.log(), id, EventKind::Received) != 0);
    QTRY_COMPARE(stepOf(rig.tracker, id, Call::Exchange).sequence,
                 sequenceOf(*rig.session.log(), id, EventKind::Received));

    rig.session.stop(id);
    QTRY_COMPARE(stateOf(rig.tracker, id, Call::Close), State::Current);
    QCOMPARE(stateOf(rig.tracker, id, Call::Exchange), State::Done);
    QVERIFY2(stepOf(rig.tracker, id, Call::Close).sentence.startsWith(QLatin1String("the device is released")),
             qPrintable(stepOf(rig.tracker, id, Call::Close).sentence));
    QCOMPARE(stepOf(rig.tracker, id, Call::Close).sequence, sequenceOf(*rig.session.log(), id, EventKind::Closed));
}

void TestLifecycleSerial::aDeviceThatCannotBeOpenedFailsOpen()
{
    Rig rig;
    const EndpointConfig config = serialConfig(QStringLiteral("/dev/sockplay-no-such-port"));
    const int id = rig.session.addEndpoint(config);
    rig.session.start(id, config);
    QTRY_COMPARE(stateOf(rig.tracker, id, Call::Open), State::Failed);
    QCOMPARE(rig.tracker.flow(id).kind, LifecycleFlow::Kind::Serial);
    QCOMPARE(stepOf(rig.tracker, id, Call::Open).error, QStringLiteral("no such file or directory"));
    QCOMPARE(stateOf(rig.tracker, id, Call::Configure), State::NotYet);
    QCOMPARE(stepOf(rig.tracker, id, Call::Open).sequence, sequenceOf(*rig.session.log(), id, EventKind::Error));
}

void TestLifecycleSerial::aRefusedModemLineFailsConfigure_data()
{
    QTest::addColumn<bool>("whileOpen");
    // A pseudo-terminal has no modem lines: lowering DTR fails, at open or later.
    QTest::newRow("DTR off as it opens") << false;
    QTest::newRow("DTR off while open") << true;
}

void TestLifecycleSerial::aRefusedModemLineFailsConfigure()
{
    QFETCH(bool, whileOpen);
    SOCKPLAY_START_PTY_PAIR(pair);
    Rig rig;
    EndpointConfig config = serialConfig(pair.a());
    config.serial.dtr = whileOpen;
    const int id = rig.session.addEndpoint(config);
    rig.session.start(id, config);
    if (whileOpen) {
        QTRY_COMPARE(stateOf(rig.tracker, id, Call::Configure), State::Current);
        rig.session.setSerialLine(id, SerialSpec::Line::Dtr, false);
    }
    QTRY_COMPARE(stateOf(rig.tracker, id, Call::Configure), State::Failed);
    QCOMPARE(stepOf(rig.tracker, id, Call::Configure).error, QStringLiteral("inappropriate ioctl for device"));
    QCOMPARE(stateOf(rig.tracker, id, Call::Open), State::Done);
    QCOMPARE(stateOf(rig.tracker, id, Call::Close), State::NotYet);
    QCOMPARE(rig.session.snapshot(id).isActive(), whileOpen); // the port stays open after a refused change
}

void TestLifecycleSerial::theDeviceGoingAwayClosesTheFlow()
{
    SOCKPLAY_START_PTY_PAIR(pair);
    Rig rig;
    const EndpointConfig config = serialConfig(pair.a());
    const int id = rig.session.addEndpoint(config);
    rig.session.start(id, config);
    QTRY_COMPARE(stateOf(rig.tracker, id, Call::Configure), State::Current);
    QVERIFY(pair.hangUp());
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(rig.tracker, id, Call::Close), State::Current, PeerTimeoutMs);
    QVERIFY2(stepOf(rig.tracker, id, Call::Close).sentence.startsWith(QLatin1String("the device went away")),
             qPrintable(stepOf(rig.tracker, id, Call::Close).sentence));
    QCOMPARE(stepOf(rig.tracker, id, Call::Close).sequence, sequenceOf(*rig.session.log(), id, EventKind::PeerClosed));
}

void TestLifecycleSerial::theSameEndpointAsATcpClientIsATcpClientAgain()
{
    SOCKPLAY_START_PTY_PAIR(pair);
    Rig rig;
    const EndpointConfig serial = serialConfig(pair.a());
    const int id = rig.session.addEndpoint(serial);
    rig.session.start(id, serial);
    QTRY_COMPARE(stateOf(rig.tracker, id, Call::Configure), State::Current);
    rig.session.stop(id);
    QTRY_COMPARE(stateOf(rig.tracker, id, Call::Close), State::Current);

    // The window's client pane keeps its endpoint when the transport changes.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    EndpointConfig tcp = serial;
    tcp.transport = Transport::Tcp;
    tcp.host = QStringLiteral("127.0.0.1");
    tcp.port = server.serverPort();
    rig.session.start(id, tcp);
    QTRY_COMPARE(stateOf(rig.tracker, id, Call::Connect), State::Current);
    QCOMPARE(rig.tracker.flow(id).kind, LifecycleFlow::Kind::TcpClient);
    QCOMPARE(stateOf(rig.tracker, id, Call::Socket), State::Done); // its socket() is not taken for the port's
    QCOMPARE(stateOf(rig.tracker, id, Call::Open), State::NotYet);
}

void TestLifecycleSerial::theSequenceDiagramDrawsTheDeviceWithoutAHandshake()
{
    SOCKPLAY_START_PTY_PAIR(pair);
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");
    Session session;
    Ladder ladder;
    ladder.follow(session.log());
    const EndpointConfig config = serialConfig(pair.a());
    const int id = session.addEndpoint(config);
    session.start(id, config);
    QTRY_VERIFY(session.snapshot(id).isActive());
    PeerProcess peer;
    QVERIFY2(startSerialPeer(peer, python, pair.b()), qPrintable(peer.errText()));
    session.send(id, 0, "ATI\n");
    QTRY_COMPARE(lineBytes(peer), QByteArray("ATI\n"));
    peer.write("OK\n");
    QTRY_VERIFY(sequenceOf(*session.log(), id, EventKind::Received) != 0);
    session.stop(id);
    QTRY_VERIFY(sequenceOf(*session.log(), id, EventKind::Closed) != 0);
    QTRY_COMPARE(ladder.arrowCount(), 2);
    // The modem's lane and the device's: bytes each way, no SYN, no FIN.
    QCOMPARE(ladder.lanes().size(), 2);
    QVERIFY2(ladder.lanes().at(1).name.contains(pair.a()), qPrintable(ladder.lanes().at(1).name));
    for (qsizetype i = 0; i < ladder.arrowCount(); ++i)
        QCOMPARE(int(ladder.arrow(i).kind), int(Ladder::ArrowKind::Data));
    QCOMPARE(ladder.arrow(0).from, 0);
    QCOMPARE(ladder.arrow(0).to, 1);
    QCOMPARE(ladder.arrow(1).from, 1);
    QCOMPARE(ladder.arrow(1).to, 0);
}

QTEST_GUILESS_MAIN(TestLifecycleSerial)
#include "tst_lifecycleserial.moc"
