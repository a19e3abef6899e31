#pragma once

#include "connection.h"
#include "serialspec.h"

class QSerialPort;

namespace SockPlay {

/// A serial port as the one connection of a SerialEndpoint. A serial line
/// is a byte stream like TCP: each read is a Received event, framing cuts
/// it into messages, rules and echo answer, and backpressure holds reading
/// (Qt's read buffer, then the driver's, fill; hardware or software flow
/// control, or a pseudo-terminal's writer, then hold the sender back).
///
/// Opening is synchronous and never blocks (O_NONBLOCK): it either opens
/// with every setting applied (a Connected event, "opened at 115200 8N1,
/// no flow control; DTR on, RTS on") or fails with the system's reason.
/// A device that goes away (unplugged, its other end closed) is an Error
/// and the connection's end; what it sent before is delivered first.
class SerialConnection final : public Connection
{
    Q_OBJECT
public:
    /// Bytes Qt buffers from the device before we read them.
    static constexpr qint64 ReadBufferBytes = 64 * 1024;
    /// Reads that fail in a row, on a device that still answers, before it
    /// is given up as gone (a read error Qt leaves armed would spin).
    static constexpr int MaxFailedReads = 100;

    /// The endpoint's config.serial says what to open; open() does.
    SerialConnection(Endpoint *endpoint, int id);
    ~SerialConnection() override;

    /// Opens the device. A failure is logged (an Error with the reason and
    /// a hint), returned, and ends the connection.
    Result open();
    /// Raises (on) or lowers a modem line now: a Note, or an Error with the
    /// system's reason (a pseudo-terminal has no modem lines).
    Result setLine(SerialSpec::Line line, bool on);

    /// Open: queued bytes go out, then the port closes. Closing: at once
    /// (queued bytes are dropped).
    Result close() override;
    /// Hands the kernel what it takes now, drops the rest, closes.
    void closeNow() override;
    qint64 pendingWriteBytes() const override;
    void resumeReading() override;

protected:
    qint64 transmit(const QByteArray &bytes) override;
    QString transmitErrorString() const override;

private:
    void readFromPort();
    void onBytesWritten(qint64 bytes);
    void onError(int error);
    /// Why the device no longer answers (empty: it does). Qt's own error code
    /// is not enough: it reads errno after a read that returned 0 as well.
    QString goneReason() const;
    void deviceGone(const QString &reason);
    /// Closes the port (delivering what it still holds unless dropping) and finishes.
    void shutDown(EventKind kind, const QString &detail);
    /// "cannot open /dev/ttyUSB0: reason — hint".
    QString openFailure(int error, const QString &reason) const;
    /// Lowers DTR and RTS as the spec asks, right after opening; the error on failure.
    QString applyLines(const SerialSpec &spec);
    QString lineFailure(SerialSpec::Line line, bool on, const QString &reason) const;

    QSerialPort *m_port = nullptr;
    QString m_device;
    bool m_readingPaused = false;
    int m_failedReads = 0; // read errors in a row on a device that still answers
};

} // namespace SockPlay
