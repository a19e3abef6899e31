#include "serialconnection.h"

#include "endpoint.h"

#include <QLoggingCategory>
#include <QSerialPort>

#include <utility>

#ifdef Q_OS_UNIX
#include <termios.h>

#include <cerrno>
#include <cstring>
#endif

namespace SockPlay {

Q_LOGGING_CATEGORY(lcSerial, "sockplay.core.serial")

namespace {

QSerialPort::Parity toQt(SerialSpec::Parity parity)
{
    switch (parity) {
    case SerialSpec::Parity::None: break;
    case SerialSpec::Parity::Even: return QSerialPort::EvenParity;
    case SerialSpec::Parity::Odd: return QSerialPort::OddParity;
    case SerialSpec::Parity::Space: return QSerialPort::SpaceParity;
    case SerialSpec::Parity::Mark: return QSerialPort::MarkParity;
    }
    return QSerialPort::NoParity;
}

QSerialPort::StopBits toQt(SerialSpec::StopBits stopBits)
{
    switch (stopBits) {
    case SerialSpec::StopBits::One: break;
    case SerialSpec::StopBits::Two: return QSerialPort::TwoStop;
    case SerialSpec::StopBits::OneAndHalf:
#ifdef Q_OS_WIN
        return QSerialPort::OneAndHalfStop;
#else
        // termios has no 1.5: a UART sends 1.5 stop bits for CSTOPB ("2") at
        // 5 data bits, the only width SerialSpec allows 1.5 with. (Qt would
        // silently send 1 for OneAndHalfStop here.)
        return QSerialPort::TwoStop;
#endif
    }
    return QSerialPort::OneStop;
}

QSerialPort::FlowControl toQt(SerialSpec::FlowControl flowControl)
{
    switch (flowControl) {
    case SerialSpec::FlowControl::None: break;
    case SerialSpec::FlowControl::Hardware: return QSerialPort::HardwareControl;
    case SerialSpec::FlowControl::Software: return QSerialPort::SoftwareControl;
    }
    return QSerialPort::NoFlowControl;
}

} // namespace

SerialConnection::SerialConnection(Endpoint *endpoint, int id)
    : Connection(endpoint, id, false)
{
}

SerialConnection::~SerialConnection()
{
    if (m_port)
        m_port->disconnect(this);
}

Result SerialConnection::open()
{
    const SerialSpec spec = endpoint()->config().serial;
    m_device = spec.device;
    // The device is the peer: the log's peer column names it.
    setSource(makeEventSource(endpoint()->id(), id(), endpoint()->name(), {}, 0, {}, 0, m_device));
    setPeerName(m_device); // and the connections table's peer column
    setState(State::Connecting);

    m_port = new QSerialPort(this);
    m_port->setPortName(m_device);
    // Before open() these only store the values; open() applies them all.
    m_port->setBaudRate(spec.baudRate);
    m_port->setDataBits(QSerialPort::DataBits(spec.dataBits));
    m_port->setParity(toQt(spec.parity));
    m_port->setStopBits(toQt(spec.stopBits));
    m_port->setFlowControl(toQt(spec.flowControl));
    // Bounded: while we do not read (backpressure), Qt stops reading too,
    // and the driver's buffer, then the sender, hold the rest.
    m_port->setReadBufferSize(ReadBufferBytes);

    QString failure;
    if (!m_port->open(QIODevice::ReadWrite))
        failure = openFailure(int(m_port->error()), m_port->errorString());
    else
        failure = applyLines(spec);
    if (!failure.isEmpty()) {
        QSerialPort *port = std::exchange(m_port, nullptr);
        if (port->isOpen())
            port->close();
        delete port; // not inside any of its signals: we made the call
        reportError(failure);
        finishQuietly();
        return Result::failure(failure);
    }

    connect(m_port, &QSerialPort::readyRead, this, &SerialConnection::readFromPort);
    connect(m_port, &QSerialPort::bytesWritten, this, &SerialConnection::onBytesWritten);
    connect(m_port, &QSerialPort::errorOccurred, this,
            [this](QSerialPort::SerialPortError error) { onError(int(error)); });
    logEvent(EventKind::Connected, spec.openedText());
    setState(State::Open);
    return Result::success();
}

QString SerialConnection::openFailure(int error, const QString &reason) const
{
    QString hint;
    switch (QSerialPort::SerialPortError(error)) {
    case QSerialPort::DeviceNotFoundError:
        hint = QStringLiteral("no such device; `sockplay-cli serial --list` shows the serial ports (a USB "
                              "adapter appears once plugged in)");
        break;
    case QSerialPort::PermissionError:
        hint = QStringLiteral("another program may have it open; or, on Linux, the device belongs to a group "
                              "(ls -l %1, usually dialout): add yourself to it and log in again")
                   .arg(m_device);
        break;
    case QSerialPort::OpenError:
        hint = QStringLiteral("it is open already");
        break;
    case QSerialPort::UnsupportedOperationError:
        hint = QStringLiteral("is it a serial port? it refused %1").arg(endpoint()->config().serial.settingsText());
        break;
    default:
        break;
    }
    const QString text = SerialSpec::openFailureText(m_device, reason);
    return hint.isEmpty() ? text : QString(text + QStringLiteral(" — ") + hint);
}

QString SerialConnection::applyLines(const SerialSpec &spec)
{
    // Opening a terminal device raises DTR and RTS: only "off" needs a call
    // (a pseudo-terminal, which has no modem lines, opens fine with both on).
    if (!spec.dtr && !m_port->setDataTerminalReady(false))
        return lineFailure(SerialSpec::Line::Dtr, false, m_port->errorString());
    if (!spec.rts && !m_port->setRequestToSend(false))
        return lineFailure(SerialSpec::Line::Rts, false, m_port->errorString());
    m_port->clearError();
    return {};
}

QString SerialConnection::lineFailure(SerialSpec::Line line, bool on, const QString &reason) const
{
    QString text = SerialSpec::lineFailureText(line, on, m_device, reason);
    if (m_port && m_port->error() == QSerialPort::UnsupportedOperationError)
        text += QStringLiteral(" — this device has no modem control lines a program may set (a pseudo-terminal "
                               "has none)");
    return text;
}

Result SerialConnection::setLine(SerialSpec::Line line, bool on)
{
    const QString name = SerialSpec::lineName(line);
    QString failure;
    if (!m_port || state() != State::Open) {
        failure = QStringLiteral("cannot set %1: %2 is not open").arg(name, m_device);
    } else if (line == SerialSpec::Line::Rts && endpoint()->config().serial.flowControl == SerialSpec::FlowControl::Hardware) {
        failure = QStringLiteral("cannot set RTS by hand: hardware flow control (RTS/CTS) drives it; turn flow "
                                 "control off first");
    } else {
        const bool set = line == SerialSpec::Line::Dtr ? m_port->setDataTerminalReady(on) : m_port->setRequestToSend(on);
        if (!set)
            failure = lineFailure(line, on, m_port->errorString());
        m_port->clearError();
    }
    if (!failure.isEmpty()) {
        reportError(failure);
        return Result::failure(failure);
    }
    logEvent(EventKind::Note, SerialSpec::lineNote(line, on));
    return Result::success();
}

void SerialConnection::readFromPort()
{
    while (m_port) {
        if (isBackpressured()) {
            m_readingPaused = true; // resumed from onBytesWritten
            return;
        }
        m_readingPaused = false;
        // One byte more than Qt's buffer holds: the read then reaches
        // QSerialPort::readData(), which re-arms the notifier Qt disarmed
        // when its buffer filled (a read the buffer alone satisfies would
        // not). Sized to what is there: the chunk is kept without slack.
        const QByteArray chunk = m_port->read(m_port->bytesAvailable() + 1);
        if (chunk.isEmpty())
            return;
        m_failedReads = 0;
        deliver(chunk); // a rule may close us: m_port is null then
    }
}

void SerialConnection::onBytesWritten(qint64 bytes)
{
    wrote(bytes);
    if (!m_port)
        return;
    // A close waited for the queue to drain.
    if (state() == State::Closing && m_port->bytesToWrite() == 0) {
        shutDown(EventKind::Closed, QStringLiteral("closed by us; ") + totalsText());
        return;
    }
    // Backpressure: reading resumes once the automatic writers' queue drained.
    if (m_readingPaused && !isBackpressured())
        readFromPort();
}

void SerialConnection::onError(int error)
{
    if (!m_port)
        return;
    switch (QSerialPort::SerialPortError(error)) {
    case QSerialPort::ResourceError:
    case QSerialPort::ReadError:
    case QSerialPort::WriteError:
    case QSerialPort::UnknownError:
        break;
    default:
        return; // open()'s and the line setters' errors are handled where they are made
    }
    const QString reason = m_port->errorString();
    m_port->clearError();
    if (const QString gone = goneReason(); !gone.isEmpty()) {
        deviceGone(gone);
        return;
    }
#ifndef Q_OS_UNIX
    if (QSerialPort::SerialPortError(error) == QSerialPort::ResourceError) {
        deviceGone(reason);
        return;
    }
#endif
    if (QSerialPort::SerialPortError(error) == QSerialPort::WriteError) {
        reportError(QStringLiteral("cannot write to %1: %2").arg(m_device, reason));
        return;
    }
    // A read that returned nothing on a device that still answers: Qt names
    // whatever errno held. Read on (which re-arms Qt's reading); reads that
    // keep failing mean the device is unusable after all.
    if (++m_failedReads >= MaxFailedReads) {
        deviceGone(QStringLiteral("reads keep failing: ") + reason);
        return;
    }
    qCDebug(lcSerial) << m_device << "read returned nothing:" << reason;
    readFromPort();
}

QString SerialConnection::goneReason() const
{
#ifdef Q_OS_UNIX
    // A hung-up terminal (a USB adapter unplugged, a pseudo-terminal whose
    // other end closed) answers every ioctl but one with EIO.
    termios attributes;
    if (!m_port || ::tcgetattr(int(m_port->handle()), &attributes) == 0)
        return {};
    const int error = errno;
    if (error == EIO || error == ENXIO || error == ENODEV || error == EBADF)
        return QString::fromLocal8Bit(std::strerror(error));
#endif
    return {};
}

void SerialConnection::deviceGone(const QString &reason)
{
    // What arrived before it went is still ours to log.
    if (m_port) {
        m_readingPaused = false;
        while (m_port && m_port->bytesAvailable() > 0)
            deliver(m_port->readAll());
    }
    if (!m_port)
        return; // a rule closed us meanwhile
    reportError(QStringLiteral("%1 went away (%2): unplugged, or the program at its other end closed it")
                    .arg(m_device, reason));
    shutDown(EventKind::PeerClosed, QStringLiteral("the device went away; ") + totalsText());
}

void SerialConnection::shutDown(EventKind kind, const QString &detail)
{
    if (QSerialPort *port = std::exchange(m_port, nullptr)) {
        port->disconnect(this);
        if (port->isOpen())
            port->close();
        port->deleteLater(); // we may be inside one of its signals
    }
    finish(kind, detail);
}

Result SerialConnection::close()
{
    switch (state()) {
    case State::LookingUp:
    case State::Connecting:
        shutDown(EventKind::Closed, QStringLiteral("gave up before opening"));
        break;
    case State::Open:
        // Queued bytes go out first; onBytesWritten closes once they have.
        if (m_port && m_port->bytesToWrite() > 0) {
            setState(State::Closing);
            break;
        }
        shutDown(EventKind::Closed, QStringLiteral("closed by us; ") + totalsText());
        break;
    case State::Closing:
        // Asked again while queued bytes wait (a peer that never lets them out): drop them.
        shutDown(EventKind::Closed, QStringLiteral("closed by us, at once (%1 queued bytes dropped); ")
                                        .arg(pendingWriteBytes()) + totalsText());
        break;
    case State::Closed:
        break;
    }
    return Result::success();
}

void SerialConnection::closeNow()
{
    if (!m_port || (state() != State::Open && state() != State::Closing)) {
        shutDown(EventKind::Closed, QStringLiteral("gave up before opening"));
        return;
    }
    // Never blocking: the kernel takes what it has room for now, the rest is dropped.
    m_port->flush();
    if (!m_port)
        return; // the flush finished us (a close that waited, or the device went away)
    const qint64 dropped = m_port->bytesToWrite();
    shutDown(EventKind::Closed,
             QStringLiteral("closed by us (%1 stopped); ").arg(endpoint()->name())
                 + (dropped > 0 ? QStringLiteral("%1 queued bytes dropped; ").arg(dropped) : QString()) + totalsText());
}

qint64 SerialConnection::pendingWriteBytes() const
{
    return m_port ? m_port->bytesToWrite() : 0;
}

void SerialConnection::resumeReading()
{
    if (m_readingPaused && !isBackpressured())
        readFromPort();
}

qint64 SerialConnection::transmit(const QByteArray &bytes)
{
    // Qt queues and writes once the device is writable; an error comes back
    // through errorOccurred (onError).
    return m_port ? m_port->write(bytes) : -1;
}

QString SerialConnection::transmitErrorString() const
{
    return m_port ? m_port->errorString() : QStringLiteral("the port is closed");
}

} // namespace SockPlay
