#pragma once

#include "endpoint.h"

namespace SockPlay {

/// A client that makes one connection per start and whose state is its
/// connection's (a WebSocket client, a serial port): the start's preamble,
/// stop, and the state that follows the connection, once for both.
class SingleConnectionEndpoint : public Endpoint
{
    Q_OBJECT
public:
    using Endpoint::Endpoint;

    /// Closes the connection (asked again while closing: at once, as the
    /// connection's close() does); the state follows it.
    void stop() override;

protected:
    /// The start's first step: ends what runs, keeps config (beginStart), and goes idle.
    void restart(const EndpointConfig &config);
    /// The endpoint's state from its connections' (Open: Active, Closing,
    /// Connecting or LookingUp: Connecting, none: Idle).
    void updateState();
    /// Called by updateState() with the state it is about to set.
    virtual void stateUpdating(EndpointState state) { Q_UNUSED(state) }

    void connectionStateChanged(Connection *connection) override;
    void connectionForgotten(Connection *connection) override;
};

} // namespace SockPlay
