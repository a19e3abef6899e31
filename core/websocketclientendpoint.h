#pragma once

#include "endpoint.h"

namespace SockPlay {

/// A WebSocket client: one connection to the config's URL
/// (ws[s]://host:port/path, see WebSocketText::url) when started, with the
/// config's subprotocols and request headers. Its state follows its connection.
class WebSocketClientEndpoint final : public Endpoint
{
    Q_OBJECT
public:
    WebSocketClientEndpoint(const QString &name, EventLog *log, QObject *parent = nullptr, int id = 0);
    ~WebSocketClientEndpoint() override;

    EndpointCapabilities capabilities() const override;
    /// Returns false only for input that cannot work (no host, port 0, a
    /// path without its leading /); the rest arrives asynchronously.
    Result start(const EndpointConfig &config) override;
    /// Closes the connection with 1000 (asked again while closing: at once);
    /// a connection still upgrading gives up.
    void stop() override;

    QHostAddress localAddress() const override;
    quint16 localPort() const override;

protected:
    void connectionStateChanged(Connection *connection) override;
    void connectionForgotten(Connection *connection) override;

private:
    void updateState();
};

} // namespace SockPlay
