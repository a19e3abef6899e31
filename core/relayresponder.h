#pragma once

#include "responder.h"

namespace SockPlay {

/// A chat relay: each message a client sends (after framing) goes to every
/// other open connection of the same server, as an automatic reply (logged
/// as such). Stateless: one serves every connection of a server.
///
/// Backpressure: while any other client's outgoing queue is over the
/// endpoint's bound, the relay holds reading from the senders, so a client
/// that does not read slows the chat down instead of growing memory.
class RelayResponder final : public Responder
{
public:
    void messageReceived(Connection &connection, const QByteArray &message) override;
    bool holdsReading(const Connection &connection) const override;
};

} // namespace SockPlay
