#pragma once

#include "singleconnectionendpoint.h"

#include <memory>

namespace SockPlay {

struct TlsContext;

/// A WebSocket client: one connection to the config's URL
/// (ws[s]://host:port/path, see WebSocketText::url) when started, with the
/// config's subprotocols and request headers. Its state follows its
/// connection. wss://: the TLS settings are config.tls, as for a TLS client
/// (whom to trust, verify or not, SNI, ALPN, a client certificate), loaded
/// once per start.
class WebSocketClientEndpoint final : public SingleConnectionEndpoint
{
    Q_OBJECT
public:
    WebSocketClientEndpoint(const QString &name, EventLog *log, QObject *parent = nullptr, int id = 0);
    ~WebSocketClientEndpoint() override;

    EndpointCapabilities capabilities() const override;
    /// Returns false only for input that cannot work (no host, port 0, a
    /// path without its leading /, TLS files that cannot be read); the rest
    /// arrives asynchronously.
    Result start(const EndpointConfig &config) override;

    QHostAddress localAddress() const override;
    quint16 localPort() const override;

protected:
    void stateUpdating(EndpointState state) override;
};

} // namespace SockPlay
