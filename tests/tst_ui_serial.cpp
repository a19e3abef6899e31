// A serial port in the window (issue 11): the client pane's transport choice
// has it (the server pane's does not), its panel shows for it only and the
// host and port give way; a port on a pseudo-terminal pair that socat links
// is opened, written to and read from (the far end is Python,
// tests/peers/serial_peer.py), its lifecycle strip says open() →
// tcsetattr() → write()/read(); DTR changes the live line, and a line the
// device refuses flips back with the reason; bad settings are refused where
// they were typed; the settings go to a config and come back.
#include "clientpane.h"
#include "connectionsmodel.h"
#include "event.h"
#include "eventlog.h"
#include "mainwindow.h"
#include "serialtestsupport.h"
#include "serverpane.h"
#include "testsupport.h"
#include "windowtestbase.h"

#include <QAbstractItemView>
#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace SockPlay;
using namespace SockPlay::Test;
using namespace SockPlayTest;

class TestUiSerial : public WindowTest
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void serialPortIsAClientsTransportWithItsOwnPanel();
    void openSendReceiveAndChangeDtr();
    void badSettingsAreRefusedInThePane_data();
    void badSettingsAreRefusedInThePane();
    void settingsRoundTripThroughAConfig();

private:

};

void TestUiSerial::initTestCase()
{
    isolateSettings(QStringLiteral("tst_ui_serial"));
}

void TestUiSerial::init()
{
    openWindow();
}

void TestUiSerial::cleanup()
{
    closeWindow();
}


void TestUiSerial::serialPortIsAClientsTransportWithItsOwnPanel()
{
    // A port is opened like a client: the server pane has nothing to listen on.
    QCOMPARE(widget<QComboBox>(QStringLiteral("serverTransportCombo"))->findData(int(Transport::Serial)), -1);
    auto *panel = widget<QGroupBox>(QStringLiteral("clientSerialOptions"));
    auto *host = widget<QLineEdit>(QStringLiteral("clientHostEdit"));
    auto *port = widget<QSpinBox>(QStringLiteral("clientPortSpin"));
    auto *follow = widget<QCheckBox>(QStringLiteral("clientFollowServerCheck"));
    QVERIFY(panel && host && port && follow);
    QVERIFY(!panel->isVisible());
    QVERIFY(host->isVisible() && port->isVisible());
    QVERIFY(follow->isChecked());

    pickTransport(QStringLiteral("client"), QStringLiteral("Serial port"));
    QVERIFY(panel->isVisible());
    QVERIFY(!host->isVisible() && !port->isVisible() && !follow->isVisible());
    QVERIFY(!follow->isChecked()); // the server has no serial port to follow
    QVERIFY(!widget<QGroupBox>(QStringLiteral("clientMcastOptions"))->isVisible());
    QCOMPARE(widget<QPushButton>(QStringLiteral("clientConnectButton"))->text(), QStringLiteral("&Open"));
    // Every field named, reachable by Tab, and said to a screen reader.
    for (const char *name : {"clientSerialPortCombo", "clientSerialRefreshButton", "clientSerialBaudCombo",
                             "clientSerialDataBitsCombo", "clientSerialParityCombo", "clientSerialStopBitsCombo",
                             "clientSerialFlowCombo", "clientSerialDtrCheck", "clientSerialRtsCheck"}) {
        auto *field = widget<QWidget>(QLatin1String(name));
        QVERIFY2(field, name);
        QVERIFY2(!field->accessibleName().isEmpty(), name);
        QVERIFY2(field->focusPolicy() & Qt::TabFocus, name);
    }
    QVERIFY(widget<QComboBox>(QStringLiteral("clientSerialPortCombo"))->isEditable());
    // The strip shows a serial port's calls before anything ran.
    QVERIFY2(widget<QLabel>(QStringLiteral("clientLifecycleLabel"))->accessibleName()
                 .contains(QStringLiteral("open() → tcsetattr() → write()/read() → close()")),
             qPrintable(widget<QLabel>(QStringLiteral("clientLifecycleLabel"))->accessibleName()));

    // Back to TCP: the host and port return.
    auto *combo = widget<QComboBox>(QStringLiteral("clientTransportCombo"));
    QTest::keyClick(combo, Qt::Key_Home);
    QVERIFY(!panel->isVisible());
    QVERIFY(host->isVisible() && port->isVisible());
}

void TestUiSerial::openSendReceiveAndChangeDtr()
{
    SOCKPLAY_START_PTY_PAIR(pair);
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");
    PeerProcess far;
    QVERIFY2(startSerialPeer(far, python, pair.b()), qPrintable(far.errText()));
    pickTransport(QStringLiteral("client"), QStringLiteral("Serial port"));
    ClientPane *client = m_window->clientPane();
    auto *device = widget<QLineEdit>(QStringLiteral("clientSerialPortEdit"));
    auto *baud = widget<QLineEdit>(QStringLiteral("clientSerialBaudEdit"));
    QVERIFY(device && baud);
    device->setFocus(Qt::TabFocusReason);
    QTest::keyClicks(device, pair.a());
    baud->setFocus(Qt::TabFocusReason);
    baud->selectAll();
    QTest::keyClicks(baud, QStringLiteral("9600"));
    QTest::mouseClick(widget<QPushButton>(QStringLiteral("clientConnectButton")), Qt::LeftButton);
    QTRY_VERIFY(client->snapshot().isActive());
    QCOMPARE(client->snapshot().config.serial.device, pair.a());
    QCOMPARE(client->snapshot().config.serial.baudRate, 9600);
    auto *state = widget<QLabel>(QStringLiteral("clientStateLabel"));
    QVERIFY2(state->accessibleName().contains(QStringLiteral("open: %1 at 9600 8N1").arg(pair.a())),
             qPrintable(state->accessibleName()));
    QCOMPARE(widget<QPushButton>(QStringLiteral("clientConnectButton"))->text(), QStringLiteral("&Close"));
    QVERIFY(!widget<QComboBox>(QStringLiteral("clientSerialBaudCombo"))->isEnabled()); // fixed while open
    // Its one connection is named by the device, and it is no TCP connection.
    auto *table = widget<QAbstractItemView>(QStringLiteral("clientConnectionsTable"));
    QTRY_COMPARE(table->model()->rowCount(), 1);
    QCOMPARE(table->model()->index(0, ConnectionsModel::PeerColumn).data().toString(), pair.a());
    QTRY_VERIFY2(m_window->findChild<QLabel *>(QStringLiteral("totalsLabel"))->text().contains(QLatin1String("TCP connections: 0")),
                 qPrintable(m_window->findChild<QLabel *>(QStringLiteral("totalsLabel"))->text()));
    auto *lifecycle = widget<QLabel>(QStringLiteral("clientLifecycleLabel"));
    QTRY_VERIFY2(lifecycle->accessibleName().contains(QLatin1String("tcsetattr() current")),
                 qPrintable(lifecycle->accessibleName()));

    // The same payload editor: typed, Enter (its line ending: LF), on the line.
    auto *payload = widget<QLineEdit>(QStringLiteral("clientPayloadEdit"));
    payload->setFocus(Qt::TabFocusReason);
    payload->clear();
    QTest::keyClicks(payload, QStringLiteral("ATI"));
    QTest::keyClick(payload, Qt::Key_Return);
    QTRY_COMPARE(lineBytes(far), QByteArray("ATI\n"));
    far.write("OK\r\n");
    QTRY_COMPARE(bytesOf(*m_window->log(), client->endpointId(), EventKind::Received), QByteArray("OK\r\n"));
    QTRY_VERIFY2(lifecycle->accessibleName().contains(QLatin1String("write()/read() current")),
                 qPrintable(lifecycle->accessibleName()));

    // DTR changes the live line. A pseudo-terminal has no modem lines: the
    // refusal is said where the user clicked, logged, and the box flips back.
    auto *dtr = widget<QCheckBox>(QStringLiteral("clientSerialDtrCheck"));
    QVERIFY(dtr->isEnabled() && dtr->isChecked());
    QTest::mouseClick(dtr, Qt::LeftButton);
    auto *error = widget<QLabel>(QStringLiteral("clientErrorLabel"));
    const QString refused = QStringLiteral("cannot turn DTR off on %1").arg(pair.a());
    QTRY_VERIFY2(error->text().contains(refused), qPrintable(error->text()));
    QVERIFY2(error->text().contains(QLatin1String("a pseudo-terminal has none")), qPrintable(error->text()));
    QTRY_VERIFY(dtr->isChecked());
    QVERIFY(!events(EventKind::Error, client->endpointId()).isEmpty());
    QVERIFY(events(EventKind::Error, client->endpointId()).constLast().detail.startsWith(refused));
    QTRY_VERIFY2(lifecycle->accessibleName().contains(QLatin1String("tcsetattr() failed inappropriate ioctl for device")),
                 qPrintable(lifecycle->accessibleName()));
    QVERIFY(client->snapshot().isActive()); // the port stays open

    QTest::mouseClick(widget<QPushButton>(QStringLiteral("clientConnectButton")), Qt::LeftButton);
    QTRY_VERIFY(!client->isRunning());
    QTRY_VERIFY2(lifecycle->accessibleName().contains(QLatin1String("close() current")),
                 qPrintable(lifecycle->accessibleName()));
    QVERIFY(widget<QComboBox>(QStringLiteral("clientSerialBaudCombo"))->isEnabled());
}

void TestUiSerial::badSettingsAreRefusedInThePane_data()
{
    QTest::addColumn<QString>("device");
    QTest::addColumn<QString>("baud");
    QTest::addColumn<QString>("stopBits");
    QTest::addColumn<QString>("message");
    QTest::newRow("no device") << QString() << QStringLiteral("115200") << QStringLiteral("1")
                               << QStringLiteral("Serial port: name a device first");
    QTest::newRow("speed 0") << QStringLiteral("/dev/ttyS0") << QStringLiteral("0") << QStringLiteral("1")
                             << QStringLiteral("Serial port: the speed “0”:");
    QTest::newRow("1.5 stop bits with 8 data bits") << QStringLiteral("/dev/ttyS0") << QStringLiteral("115200")
                                                    << QStringLiteral("1.5") << QStringLiteral("Serial port: ");
    // Past the pane's own checks: the system's reason, from the core.
    QTest::newRow("no such device") << QStringLiteral("/dev/sockplay-no-such-port") << QStringLiteral("115200")
                                    << QStringLiteral("1")
                                    << QStringLiteral("cannot open /dev/sockplay-no-such-port: No such file or directory");
}

void TestUiSerial::badSettingsAreRefusedInThePane()
{
    QFETCH(QString, device);
    QFETCH(QString, baud);
    QFETCH(QString, stopBits);
    QFETCH(QString, message);
    pickTransport(QStringLiteral("client"), QStringLiteral("Serial port"));
    widget<QLineEdit>(QStringLiteral("clientSerialPortEdit"))->setText(device);
    widget<QLineEdit>(QStringLiteral("clientSerialBaudEdit"))->setText(baud);
    auto *stop = widget<QComboBox>(QStringLiteral("clientSerialStopBitsCombo"));
    stop->setCurrentIndex(stop->findText(QLocale().toString(stopBits.toDouble())));
    QTest::mouseClick(widget<QPushButton>(QStringLiteral("clientConnectButton")), Qt::LeftButton);
    auto *error = widget<QLabel>(QStringLiteral("clientErrorLabel"));
    QTRY_VERIFY2(error->text().contains(message), qPrintable(error->text()));
    ClientPane *client = m_window->clientPane();
    QTRY_VERIFY(!client->isRunning());
    QTRY_VERIFY(!events(EventKind::Error, client->endpointId()).isEmpty());
    QVERIFY(events(EventKind::Error, client->endpointId()).constLast().detail.contains(message.section(u'“', 0, 0)));
}

void TestUiSerial::settingsRoundTripThroughAConfig()
{
    EndpointConfig client = m_window->clientPane()->settings();
    client.transport = Transport::Serial;
    client.serial.device = QStringLiteral("/dev/ttyUSB7");
    client.serial.baudRate = 250000; // not a listed rate: typed
    client.serial.dataBits = 7;
    client.serial.parity = SerialSpec::Parity::Odd;
    client.serial.stopBits = SerialSpec::StopBits::Two;
    client.serial.flowControl = SerialSpec::FlowControl::Software;
    client.serial.dtr = false;
    client.serial.rts = false;
    m_window->clientPane()->applySettings(client);
    QCOMPARE(m_window->clientPane()->transport(), Transport::Serial);
    const EndpointConfig back = m_window->clientPane()->settings();
    QCOMPARE(back.transport, Transport::Serial);
    QCOMPARE(back.serial, client.serial);
    QVERIFY(widget<QGroupBox>(QStringLiteral("clientSerialOptions"))->isVisible());
}

QTEST_MAIN(TestUiSerial)
#include "tst_ui_serial.moc"
