#pragma once

#include <QByteArray>

namespace SockPlay {

class Connection;

/// Something that writes on its own when a message arrives or a connection
/// opens: echo now; rules and greetings later. A responder writes through
/// Connection::send(..., Origin::Automatic), so its bytes are logged as
/// automatic replies and the connection applies backpressure to it.
class Responder
{
public:
    virtual ~Responder();
    virtual void connectionOpened(Connection &connection);
    virtual void messageReceived(Connection &connection, const QByteArray &message) = 0;
    /// Whether the connection must not read for now, because what this
    /// responder writes elsewhere is queued over the bound (the relay).
    virtual bool holdsReading(const Connection &connection) const;
};

/// Sends every message straight back where it came from.
class EchoResponder final : public Responder
{
public:
    void messageReceived(Connection &connection, const QByteArray &message) override;
};

} // namespace SockPlay
