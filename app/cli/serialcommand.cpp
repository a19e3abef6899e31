#include "serialcommand.h"

#include "console.h"
#include "serialports.h"
#include "session.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace SockPlay::Cli {

void SerialCommand::declareArguments(CliOptions &options)
{
    options.addExamples({
        {QStringLiteral("--list"), QStringLiteral("the serial ports this machine has, one a line")},
        {QStringLiteral("--baud 115200 /dev/ttyUSB0"),
         QStringLiteral("type lines to the device, see what it sends; Ctrl-C quits")},
        {QStringLiteral("--baud 9600 --mode 7E1 --frame crlf --count 1 --linger 2000 /dev/ttyACM0 'AT\\r\\n'"),
         QStringLiteral("send AT, print the line that comes back; exit 1 if none within 2 s")},
        {QStringLiteral("--baud 115200 --echo -v /tmp/ttyA"),
         QStringLiteral("send back whatever arrives (try: socat -d -d pty,raw,echo=0,link=/tmp/ttyA "
                        "pty,raw,echo=0,link=/tmp/ttyB, then talk to /tmp/ttyB)")},
    });
    options.addOption({QStringLiteral("list"),
                       QStringLiteral("Print the serial ports this machine has (device, description, maker, serial "
                                      "number, USB VID:PID), one a line (--json: JSON lines), and exit.")});
    options.addOption({QStringLiteral("baud"),
                       QStringLiteral("Bits per second, any whole number the device takes (common: 9600, 19200, "
                                      "38400, 57600, 115200, 230400, 460800, 921600). Required."),
                       QStringLiteral("N")});
    options.addOption({QStringLiteral("data-bits"), QStringLiteral("Bits per character: 5, 6, 7 or 8 (default 8)."),
                       QStringLiteral("N")});
    options.addOption({QStringLiteral("parity"),
                       QStringLiteral("none (default), even, odd, space or mark."), QStringLiteral("PARITY")});
    options.addOption({QStringLiteral("stop-bits"),
                       QStringLiteral("1 (default), 1.5 (with 5 data bits only) or 2."), QStringLiteral("N")});
    options.addOption({QStringLiteral("mode"),
                       QStringLiteral("Data bits, parity and stop bits at once: 8N1 (the default), 7E1, 8O2, 5N1.5 "
                                      "(N none, E even, O odd, S space, M mark)."),
                       QStringLiteral("FORMAT")});
    options.addOption({QStringLiteral("flow"),
                       QStringLiteral("Flow control: none (default), hardware (RTS/CTS) or software (XON/XOFF)."),
                       QStringLiteral("FLOW")});
    options.addOption({QStringLiteral("dtr"),
                       QStringLiteral("DTR after opening: on (default, as opening leaves it) or off."),
                       QStringLiteral("on|off")});
    options.addOption({QStringLiteral("rts"),
                       QStringLiteral("RTS after opening: on (default) or off (not with --flow hardware)."),
                       QStringLiteral("on|off")});
    options.addOption({QStringLiteral("echo"),
                       QStringLiteral("Send everything the device sends straight back to it.")});
    options.addOption({QStringLiteral("count"),
                       QStringLiteral("Exit after N reads (N messages with --frame)."), QStringLiteral("N")});
    options.addOption({QStringLiteral("linger"),
                       QStringLiteral("After the end of input, once it is sent, wait until nothing arrived for MS "
                                      "milliseconds, then exit (default 500). With --count: exit 1 if the count "
                                      "is not reached by then (without --linger, --count waits as long as it takes)."),
                       QStringLiteral("MS")});
    options.addRepeatOptions();
    options.addPositional(QStringLiteral("DEVICE"),
                          QStringLiteral("The serial port: /dev/ttyUSB0, /dev/ttyACM0, a pseudo-terminal's path, "
                                         "COM3 (--list shows them)."),
                          true);
    options.addPositional(QStringLiteral("MESSAGE"),
                          QStringLiteral("Send this instead of stdin: text with \\n and \\r escapes and {{counter}} "
                                         "{{time}} {{random:N}} {{hex:...}} {{file:PATH}} macros (hex with --hex)."),
                          true);
}

void SerialCommand::readArguments(CliOptions &options)
{
    m_list = options.isSet(QStringLiteral("list"));
    if (m_list) {
        if (options.hasPositional(0))
            options.fail(QStringLiteral("--list takes no DEVICE: it prints the ports and exits"));
        return;
    }
    m_config.transport = Transport::Serial;
    m_config.role = Role::Client;
    m_config.name = QStringLiteral("serial");
    m_config.serial.device = options.positional(0).trimmed();
    if (!options.hasPositional(0))
        options.fail(QStringLiteral("missing DEVICE (sockplay-cli serial --list shows the ports)"));
    else if (m_config.serial.device.isEmpty())
        options.fail(QStringLiteral("DEVICE is empty"));
    readSettings(options);
    m_config.echo = options.isSet(QStringLiteral("echo"));
    if (options.isSet(QStringLiteral("count")))
        m_count = options.positiveNumber(QStringLiteral("count"));
    m_lingerGiven = options.isSet(QStringLiteral("linger"));
    if (m_lingerGiven)
        m_lingerMs = options.positiveNumber(QStringLiteral("linger"));
    const bool messageGiven = options.hasPositional(1);
    if (messageGiven)
        m_message = options.message(options.positional(1));
    m_repeat = options.repeat(messageGiven);
}

template <typename Parse> auto SerialCommand::settingOf(CliOptions &options, const QString &name, Parse parse)
{
    QString error;
    auto value = parse(options.value(name), &error);
    if (!value)
        options.fail(QStringLiteral("invalid value for --%1: %2").arg(name, error));
    return value;
}

void SerialCommand::readSettings(CliOptions &options)
{
    SerialSpec &spec = m_config.serial;
    if (!options.isSet(QStringLiteral("baud")))
        options.fail(QStringLiteral("--baud is required: the device's speed in bits per second (common: 9600, 115200)"));
    else if (const auto baud = settingOf(options, QStringLiteral("baud"), &SerialSpec::parseBaudRate))
        spec.baudRate = *baud;

    const QStringList parts{QStringLiteral("data-bits"), QStringLiteral("parity"), QStringLiteral("stop-bits")};
    if (options.isSet(QStringLiteral("mode"))) {
        if (std::any_of(parts.cbegin(), parts.cend(), [&](const QString &part) { return options.isSet(part); }))
            options.fail(QStringLiteral("--mode sets data bits, parity and stop bits at once: give it, or "
                                        "--data-bits, --parity and --stop-bits, not both"));
        QString error;
        if (!SerialSpec::parseCharacterFormat(options.value(QStringLiteral("mode")), &spec, &error))
            options.fail(QStringLiteral("invalid value for --mode: ") + error);
    }
    if (options.isSet(QStringLiteral("data-bits"))) {
        if (const auto bits = settingOf(options, QStringLiteral("data-bits"), &SerialSpec::parseDataBits))
            spec.dataBits = *bits;
    }
    if (options.isSet(QStringLiteral("parity"))) {
        if (const auto parity = settingOf(options, QStringLiteral("parity"), &SerialSpec::parseParity))
            spec.parity = *parity;
    }
    if (options.isSet(QStringLiteral("stop-bits"))) {
        if (const auto stopBits = settingOf(options, QStringLiteral("stop-bits"), &SerialSpec::parseStopBits))
            spec.stopBits = *stopBits;
    }
    if (options.isSet(QStringLiteral("flow"))) {
        if (const auto flow = settingOf(options, QStringLiteral("flow"), &SerialSpec::parseFlowControl))
            spec.flowControl = *flow;
    }
    if (options.isSet(QStringLiteral("dtr"))) {
        if (const auto on = settingOf(options, QStringLiteral("dtr"), &SerialSpec::parseOnOff))
            spec.dtr = *on;
    }
    if (options.isSet(QStringLiteral("rts"))) {
        if (const auto on = settingOf(options, QStringLiteral("rts"), &SerialSpec::parseOnOff))
            spec.rts = *on;
    }
    if (const QString problem = spec.validate(); !problem.isEmpty())
        options.fail(problem);
}

void SerialCommand::run()
{
    if (!m_list) {
        Command::run();
        return;
    }
    listPorts();
    // From the event loop, as every command ends.
    QTimer::singleShot(0, this, [this] { emit finished(ExitDone); });
}

void SerialCommand::listPorts()
{
    const QList<SerialPortInfo> ports = availableSerialPorts();
    QByteArray out;
    for (const SerialPortInfo &port : ports) {
        out += options().json() ? QJsonDocument(port.toJson()).toJson(QJsonDocument::Compact)
                                : port.toText().toUtf8();
        out += '\n';
    }
    Console::writeOut(out);
    Console::flush();
    if (ports.isEmpty())
        note(QStringLiteral("no serial ports found (a USB adapter appears once plugged in; pseudo-terminals "
                            "are not listed: open them by their path)"));
}

void SerialCommand::started(const EndpointSnapshot &snapshot)
{
    m_framed = snapshot.config.frame.kind != FrameSpec::Kind::Raw;
    note(QStringLiteral("opened %1 at %2").arg(m_config.serial.device, m_config.serial.settingsText()));
    if (m_framed) {
        connect(session(), &Session::messageReceived, this, [this](int endpointId, int, const QByteArray &) {
            if (endpointId == this->endpointId() && !isFinishing())
                counted();
        });
    }
    // The linger starts once what was sent is out.
    connect(session(), &Session::bytesWritten, this, [this](int endpointId, int, qint64, qint64 pending) {
        if (endpointId == this->endpointId())
            maybeLinger(pending);
    });
    m_linger.setSingleShot(true);
    connect(&m_linger, &QTimer::timeout, this, &SerialCommand::lingerEnded);
    if (m_message)
        sendMessage();
    else
        setInputEnabled(true);
}

void SerialCommand::sendMessage()
{
    if (std::exchange(m_messageSent, true))
        return;
    if (m_repeat) {
        connect(session(), &Session::repeatProgress, this, &SerialCommand::repeatProgress);
        session()->startRepeat(endpointId(), 0, *m_message, m_repeat->count, m_repeat->intervalMs);
        return;
    }
    const std::optional<QByteArray> bytes = expandMessage(*m_message);
    if (!bytes)
        return;
    send(0, *bytes);
    inputEnded();
}

void SerialCommand::repeatProgress(int endpointId, quint64 sent, quint64 count, bool running)
{
    // The last send went out: the input is done. A repeat that failed ended
    // the command with its error already.
    if (endpointId == this->endpointId() && !running && count != 0 && sent == count && !isFinishing())
        inputEnded();
}

void SerialCommand::sendInput(const QByteArray &bytes)
{
    send(0, bytes);
}

void SerialCommand::inputEnded()
{
    m_inputEnded = true;
    setInputEnabled(false);
    maybeLinger(session()->snapshot(endpointId()).pendingWriteBytes);
}

void SerialCommand::maybeLinger(qint64 pending)
{
    if (!m_inputEnded || m_lingering || pending > 0 || isFinishing())
        return;
    // --count without --linger waits for the count, however long it takes.
    if (m_count > 0 && !m_lingerGiven)
        return;
    m_lingering = true;
    m_linger.start(m_lingerMs);
}

void SerialCommand::received(int connectionId, const QByteArray &bytes)
{
    Q_UNUSED(connectionId)
    Q_UNUSED(bytes)
    if (m_lingering)
        m_linger.start(m_lingerMs); // still talking: wait on
    if (!m_framed)
        counted();
}

void SerialCommand::counted()
{
    if (m_count > 0 && ++m_received >= m_count)
        finish(ExitDone);
}

void SerialCommand::lingerEnded()
{
    if (m_count > 0 && m_received < m_count) {
        finish(ExitNetworkError, QStringLiteral("%1 of %2 %3 arrived; nothing more came for %4 ms after the input ended")
                                     .arg(m_received)
                                     .arg(m_count)
                                     .arg(m_framed ? QStringLiteral("messages") : QStringLiteral("reads"))
                                     .arg(m_lingerMs));
        return;
    }
    finish(ExitDone);
}

void SerialCommand::stopped()
{
    finish(ExitDone);
}

void SerialCommand::connectionClosed(int connectionId)
{
    Q_UNUSED(connectionId)
    finish(ExitDone); // after the device went away, its error ended the command already
}

} // namespace SockPlay::Cli
