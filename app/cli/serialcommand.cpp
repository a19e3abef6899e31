#include "serialcommand.h"

#include "console.h"
#include "serialoptions.h"
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
    SerialOptions::declare(options);
    options.addOption({QStringLiteral("echo"),
                       QStringLiteral("Send everything the device sends straight back to it.")});
    options.addOption({QStringLiteral("count"),
                       QStringLiteral("Exit after N reads (N messages with --frame)."), QStringLiteral("N")});
    options.addLingerOption(QStringLiteral("exit"),
                            QStringLiteral("The wait starts once the input is sent. With --count: exit 1 if the "
                                           "count is not reached by then (without --linger, --count waits as long "
                                           "as it takes)."));
    options.addRepeatOptions();
    options.addPositional(QStringLiteral("DEVICE"),
                          QStringLiteral("The serial port: /dev/ttyUSB0, /dev/ttyACM0, a pseudo-terminal's path, "
                                         "COM3 (--list shows them)."),
                          true);
    options.addMessagePositional();
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
    SerialOptions::read(options, &m_config.serial);
    m_config.echo = options.isSet(QStringLiteral("echo"));
    if (options.isSet(QStringLiteral("count")))
        m_count = options.positiveNumber(QStringLiteral("count"));
    m_lingerGiven = options.isSet(QStringLiteral("linger"));
    m_lingerMs = options.lingerMs();
    const bool messageGiven = options.hasPositional(1);
    if (messageGiven)
        m_message = options.message(options.positional(1));
    m_repeat = options.repeat(messageGiven);
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
