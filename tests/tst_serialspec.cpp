// A serial port's settings as words (the CLI's, a session file's), the port
// list's lines, and what the session says a serial endpoint can do.
#include "serialports.h"
#include "serialspec.h"
#include "session.h"
#include "sessionfile.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace SockPlay;

class TestSerialSpec : public QObject
{
    Q_OBJECT
private slots:
    void characterFormat_data();
    void characterFormat();
    void badWordsAreRefusedWithTheReason_data();
    void badWordsAreRefusedWithTheReason();
    void sessionFileRoundTrip();
    void sessionFileRefusesBadValues_data();
    void sessionFileRefusesBadValues();
    void portListLines_data();
    void portListLines();
    void capabilities();
};

void TestSerialSpec::characterFormat_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("dataBits");
    QTest::addColumn<int>("parity");
    QTest::addColumn<int>("stopBits");
    QTest::addColumn<QString>("printed");
    QTest::newRow("8N1") << QStringLiteral("8N1") << 8 << int(SerialSpec::Parity::None) << int(SerialSpec::StopBits::One)
                         << QStringLiteral("8N1");
    QTest::newRow("7e2, lowercase") << QStringLiteral("7e2") << 7 << int(SerialSpec::Parity::Even)
                                    << int(SerialSpec::StopBits::Two) << QStringLiteral("7E2");
    QTest::newRow("8O1") << QStringLiteral("8O1") << 8 << int(SerialSpec::Parity::Odd) << int(SerialSpec::StopBits::One)
                         << QStringLiteral("8O1");
    QTest::newRow("5S1.5") << QStringLiteral("5S1.5") << 5 << int(SerialSpec::Parity::Space)
                           << int(SerialSpec::StopBits::OneAndHalf) << QStringLiteral("5S1.5");
    QTest::newRow("6M2 with spaces") << QStringLiteral(" 6M2 ") << 6 << int(SerialSpec::Parity::Mark)
                                     << int(SerialSpec::StopBits::Two) << QStringLiteral("6M2");
}

void TestSerialSpec::characterFormat()
{
    QFETCH(QString, text);
    QFETCH(int, dataBits);
    QFETCH(int, parity);
    QFETCH(int, stopBits);
    QFETCH(QString, printed);
    SerialSpec spec;
    QString error;
    QVERIFY2(SerialSpec::parseCharacterFormat(text, &spec, &error), qPrintable(error));
    QCOMPARE(spec.dataBits, dataBits);
    QCOMPARE(int(spec.parity), parity);
    QCOMPARE(int(spec.stopBits), stopBits);
    QCOMPARE(spec.characterFormat(), printed);
    QCOMPARE(spec.settingsText(), QStringLiteral("115200 %1, no flow control").arg(printed));
}

void TestSerialSpec::badWordsAreRefusedWithTheReason_data()
{
    QTest::addColumn<QString>("setting");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");
    QTest::newRow("9 data bits in a format") << QStringLiteral("format") << QStringLiteral("9N1")
                                             << QStringLiteral("'9N1' is not a character format");
    QTest::newRow("parity letter X") << QStringLiteral("format") << QStringLiteral("8X1")
                                     << QStringLiteral("'8X1' is not a character format");
    QTest::newRow("3 stop bits in a format") << QStringLiteral("format") << QStringLiteral("8N3")
                                             << QStringLiteral("'8N3' is not a character format");
    QTest::newRow("baud fast") << QStringLiteral("baud") << QStringLiteral("fast")
                               << QStringLiteral("the baud rate must be a whole number from 1 to 2147483647 (common: "
                                                 "9600, 115200), not 'fast'");
    QTest::newRow("baud 0") << QStringLiteral("baud") << QStringLiteral("0")
                            << QStringLiteral("the baud rate must be a whole number from 1 to 2147483647");
    QTest::newRow("baud too big") << QStringLiteral("baud") << QStringLiteral("2147483648")
                                  << QStringLiteral("the baud rate must be a whole number");
    QTest::newRow("4 data bits") << QStringLiteral("data bits") << QStringLiteral("4")
                                 << QStringLiteral("data bits must be 5, 6, 7 or 8, not '4'");
    QTest::newRow("parity weird") << QStringLiteral("parity") << QStringLiteral("weird")
                                  << QStringLiteral("the parity must be none, even, odd, space or mark, not 'weird'");
    QTest::newRow("stop bits 3") << QStringLiteral("stop bits") << QStringLiteral("3")
                                 << QStringLiteral("stop bits must be 1, 1.5 or 2, not '3'");
    QTest::newRow("flow xon") << QStringLiteral("flow") << QStringLiteral("xon")
                              << QStringLiteral("flow control must be none, hardware (RTS/CTS) or software (XON/XOFF), "
                                                "not 'xon'");
    QTest::newRow("dtr maybe") << QStringLiteral("on/off") << QStringLiteral("maybe")
                               << QStringLiteral("expected on or off, not 'maybe'");
}

void TestSerialSpec::badWordsAreRefusedWithTheReason()
{
    QFETCH(QString, setting);
    QFETCH(QString, text);
    QFETCH(QString, error);
    QString why;
    bool parsed = false;
    if (setting == QLatin1String("format")) {
        SerialSpec spec;
        parsed = SerialSpec::parseCharacterFormat(text, &spec, &why);
        QCOMPARE(spec, SerialSpec()); // untouched
    } else if (setting == QLatin1String("baud")) {
        parsed = SerialSpec::parseBaudRate(text, &why).has_value();
    } else if (setting == QLatin1String("data bits")) {
        parsed = SerialSpec::parseDataBits(text, &why).has_value();
    } else if (setting == QLatin1String("parity")) {
        parsed = SerialSpec::parseParity(text, &why).has_value();
    } else if (setting == QLatin1String("stop bits")) {
        parsed = SerialSpec::parseStopBits(text, &why).has_value();
    } else if (setting == QLatin1String("flow")) {
        parsed = SerialSpec::parseFlowControl(text, &why).has_value();
    } else {
        parsed = SerialSpec::parseOnOff(text, &why).has_value();
    }
    QVERIFY(!parsed);
    QVERIFY2(why.startsWith(error), qPrintable(why));
}

void TestSerialSpec::sessionFileRoundTrip()
{
    SessionDocument session;
    EndpointConfig modem;
    modem.transport = Transport::Serial;
    modem.role = Role::Client;
    modem.name = QStringLiteral("modem");
    modem.echo = true;
    modem.frame.kind = FrameSpec::Kind::Crlf;
    modem.serial.device = QStringLiteral("/dev/ttyUSB0");
    modem.serial.baudRate = 250000;
    modem.serial.dataBits = 7;
    modem.serial.parity = SerialSpec::Parity::Mark;
    modem.serial.stopBits = SerialSpec::StopBits::Two;
    modem.serial.flowControl = SerialSpec::FlowControl::Software;
    modem.serial.dtr = false;
    EndpointConfig halfStop = modem;
    halfStop.name = QStringLiteral("teleprinter");
    halfStop.serial.dataBits = 5;
    halfStop.serial.stopBits = SerialSpec::StopBits::OneAndHalf;
    halfStop.serial.flowControl = SerialSpec::FlowControl::Hardware;
    halfStop.serial.dtr = true;
    session.endpoints = {modem, halfStop};

    QString error;
    const std::optional<QByteArray> bytes = SessionFile::toJson(session, &error);
    QVERIFY2(bytes, qPrintable(error));
    const QJsonObject written =
        QJsonDocument::fromJson(*bytes).object().value(QStringLiteral("endpoints")).toArray().at(0).toObject();
    QCOMPARE(written[QStringLiteral("transport")].toString(), QStringLiteral("serial"));
    // A device, not an address: no host and port to mislead.
    QVERIFY(!written.contains(QStringLiteral("host")));
    QVERIFY(!written.contains(QStringLiteral("port")));
    QCOMPARE(written[QStringLiteral("serial")].toObject(),
             (QJsonObject{{QStringLiteral("device"), QStringLiteral("/dev/ttyUSB0")}, {QStringLiteral("baud"), 250000},
                          {QStringLiteral("dataBits"), 7}, {QStringLiteral("parity"), QStringLiteral("mark")},
                          {QStringLiteral("stopBits"), 2}, {QStringLiteral("flowControl"), QStringLiteral("software")},
                          {QStringLiteral("dtr"), false}, {QStringLiteral("rts"), true}}));
    QBuffer buffer;
    buffer.setData(*bytes);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    const std::optional<SessionDocument> read = SessionFile::read(&buffer, &error);
    QVERIFY2(read, qPrintable(error));
    QCOMPARE(read->endpoints.size(), 2);
    QCOMPARE(read->endpoints.at(0).serial, modem.serial);
    QCOMPARE(read->endpoints.at(1).serial, halfStop.serial);
    QCOMPARE(read->endpoints.at(0), modem);
}

void TestSerialSpec::sessionFileRefusesBadValues_data()
{
    QTest::addColumn<QByteArray>("endpoint");
    QTest::addColumn<QString>("error");
    const QByteArray head = R"({"name": "modem", "transport": "serial", "role": "client", )";
    QTest::newRow("baud a word") << head + R"("serial": {"device": "/dev/ttyS0", "baud": "fast"}})"
                                 << QStringLiteral("\"serial\": \"baud\": must be a whole number from 1 to 2147483647, "
                                                   "not a string");
    QTest::newRow("baud 0") << head + R"("serial": {"device": "/dev/ttyS0", "baud": 0}})"
                            << QStringLiteral("\"serial\": \"baud\": must be a whole number from 1 to 2147483647, not 0");
    QTest::newRow("parity weird") << head + R"("serial": {"device": "/dev/ttyS0", "parity": "weird"}})"
                                  << QStringLiteral("\"serial\": \"parity\": the parity must be none, even, odd, space "
                                                    "or mark, not 'weird'");
    QTest::newRow("9 data bits") << head + R"("serial": {"device": "/dev/ttyS0", "dataBits": 9}})"
                                 << QStringLiteral("\"serial\": \"dataBits\": must be a whole number from 5 to 8, not 9");
    QTest::newRow("3 stop bits") << head + R"("serial": {"device": "/dev/ttyS0", "stopBits": 3}})"
                                 << QStringLiteral("\"serial\": \"stopBits\": must be 1, 1.5 or 2, not 3");
    QTest::newRow("flow xon") << head + R"("serial": {"device": "/dev/ttyS0", "flowControl": "xon"}})"
                              << QStringLiteral("\"serial\": \"flowControl\": flow control must be none, hardware "
                                                "(RTS/CTS) or software (XON/XOFF), not 'xon'");
    QTest::newRow("dtr a word") << head + R"("serial": {"device": "/dev/ttyS0", "dtr": "off"}})"
                                << QStringLiteral("\"serial\": \"dtr\": must be true or false, not a string");
    QTest::newRow("no device") << head + R"("serial": {"baud": 9600}})"
                               << QStringLiteral("\"serial\": \"device\": is missing: name the device to open "
                                                 "(/dev/ttyUSB0, COM3)");
    QTest::newRow("unknown key") << head + R"("serial": {"device": "/dev/ttyS0", "speed": 9600}})"
                                 << QStringLiteral("\"serial\": unknown key \"speed\" (known: device, baud, dataBits, "
                                                   "parity, stopBits, flowControl, dtr, rts)");
    QTest::newRow("1.5 stop bits at 8 data bits") << head + R"("serial": {"device": "/dev/ttyS0", "stopBits": 1.5}})"
                                                  << QStringLiteral("\"serial\": 1.5 stop bits go with 5 data bits only "
                                                                    "(a UART sends 1.5 for 2 then); pick 1 or 2");
    QTest::newRow("RTS off under hardware flow")
        << head + R"("serial": {"device": "/dev/ttyS0", "flowControl": "hardware", "rts": false}})"
        << QStringLiteral("\"serial\": RTS belongs to hardware flow control (RTS/CTS): it cannot be held off by hand; "
                          "turn flow control off or leave RTS on");
    QTest::newRow("no serial object") << head + R"("echo": true})"
                                      << QStringLiteral("\"serial\" is missing: a serial port needs at least its "
                                                        "\"device\"");
    QTest::newRow("serial not an object") << head + R"("serial": "/dev/ttyS0"})"
                                          << QStringLiteral("\"serial\" must be an object, not a string");
    QTest::newRow("a port on a serial port") << head + R"("port": 5000, "serial": {"device": "/dev/ttyS0"}})"
                                             << QStringLiteral("\"port\" is for network endpoints; a serial port names "
                                                               "its device in \"serial\"");
    QTest::newRow("a serial server") << QByteArray(R"({"name": "modem", "transport": "serial", "role": "server", )"
                                                   R"("serial": {"device": "/dev/ttyS0"}})")
                                     << QStringLiteral("\"role\" of a serial port is \"client\": it opens a device");
    QTest::newRow("serial on a TCP client")
        << QByteArray(R"({"name": "c", "transport": "tcp", "role": "client", "port": 7, "serial": {"device": "x"}})")
        << QStringLiteral("\"serial\" is for serial ports only (\"transport\": \"serial\")");
    QTest::newRow("noDelay on a serial port") << head + R"("noDelay": true, "serial": {"device": "/dev/ttyS0"}})"
                                              << QStringLiteral("\"noDelay\" is for TCP and TLS endpoints only");
}

void TestSerialSpec::sessionFileRefusesBadValues()
{
    QFETCH(QByteArray, endpoint);
    QFETCH(QString, error);
    QBuffer buffer;
    buffer.setData(R"({"format": "sockplay-session", "version": 1, "endpoints": [)" + endpoint + "]}");
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    QString why;
    QVERIFY(!SessionFile::read(&buffer, &why));
    const QString named = endpoint.contains("\"modem\"") ? QStringLiteral("endpoint 1 (\"modem\"): ")
                                                         : QStringLiteral("endpoint 1 (\"c\"): ");
    QCOMPARE(why, named + error);
}

void TestSerialSpec::portListLines_data()
{
    QTest::addColumn<QString>("description");
    QTest::addColumn<QString>("manufacturer");
    QTest::addColumn<bool>("usb");
    QTest::addColumn<QString>("line");
    QTest::newRow("a USB adapter") << QStringLiteral("FT232R USB UART") << QStringLiteral("FTDI") << true
                                   << QStringLiteral("/dev/ttyUSB0  FT232R USB UART — FTDI, serial A50285BI, USB 0403:6001");
    QTest::newRow("nothing known") << QString() << QString() << false << QStringLiteral("/dev/ttyUSB0  serial A50285BI");
}

void TestSerialSpec::portListLines()
{
    QFETCH(QString, description);
    QFETCH(QString, manufacturer);
    QFETCH(bool, usb);
    QFETCH(QString, line);
    SerialPortInfo port;
    port.name = QStringLiteral("ttyUSB0");
    port.device = QStringLiteral("/dev/ttyUSB0");
    port.description = description;
    port.manufacturer = manufacturer;
    port.serialNumber = QStringLiteral("A50285BI");
    if (usb) {
        port.vendorId = 0x0403;
        port.productId = 0x6001;
    }
    QCOMPARE(port.toText(), line);
    QCOMPARE(port.toJson().value(QStringLiteral("vid")).toString(), usb ? QStringLiteral("0403") : QString());
    QCOMPARE(port.toJson().value(QStringLiteral("pid")).toString(), usb ? QStringLiteral("6001") : QString());
    // What this machine has (perhaps nothing): each names what to open, in order.
    const QList<SerialPortInfo> ports = availableSerialPorts();
    for (qsizetype i = 0; i < ports.size(); ++i) {
        QVERIFY(!ports.at(i).device.isEmpty());
        QVERIFY(i == 0 || ports.at(i - 1).device <= ports.at(i).device);
    }
}

void TestSerialSpec::capabilities()
{
    const EndpointCapabilities serial = Session::capabilitiesOf(Transport::Serial, Role::Client);
    QVERIFY(serial.hasConnections);
    QVERIFY(serial.hasTarget);
    QVERIFY(!serial.listens);
    QVERIFY(!serial.datagram);
    QVERIFY(!serial.canHalfClose);
    QVERIFY(!serial.wholeMessages);
    // Framing applies: a serial line is a byte stream.
    QVERIFY(isStreamTransport(Transport::Serial));
}

QTEST_GUILESS_MAIN(TestSerialSpec)
#include "tst_serialspec.moc"
