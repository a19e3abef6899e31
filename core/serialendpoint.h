#pragma once

#include "singleconnectionendpoint.h"
#include "serialspec.h"

namespace SockPlay {

/// A serial port (config.serial names the device and its settings): one
/// connection, open while the port is. It opens at start, synchronously
/// and without blocking; it goes idle when the port closes or the device
/// goes away (an Error says why). DTR and RTS can change while it is open.
class SerialEndpoint final : public SingleConnectionEndpoint
{
    Q_OBJECT
public:
    SerialEndpoint(const QString &name, EventLog *log, QObject *parent = nullptr, int id = 0);
    ~SerialEndpoint() override;

    EndpointCapabilities capabilities() const override;
    /// Opens config.serial.device with its settings; a failure (no device,
    /// settings that do not fit, a device that cannot be opened) is logged and
    /// returned with the reason, and the endpoint stays idle.
    Result start(const EndpointConfig &config) override;
    // stop(): closes the port once queued bytes are out (asked again while closing: at once).
    /// Raises or lowers DTR or RTS: now while open (a Note, or an Error with
    /// the reason), and from the next start either way.
    Result setLine(SerialSpec::Line line, bool on);

    /// A serial port has no network address.
    QHostAddress localAddress() const override { return {}; }
    quint16 localPort() const override { return 0; }
};

} // namespace SockPlay
