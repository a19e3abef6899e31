#pragma once

#include "endpoint.h"

namespace SockPlay {

/// A TCP client: one connection to config.host:config.port when started, and
/// more to the same server with openConnection() (a chat demo's several
/// clients in one pane). Its state follows its connections.
class TcpClientEndpoint final : public Endpoint
{
    Q_OBJECT
public:
    explicit TcpClientEndpoint(EventLog *log, QObject *parent = nullptr);
    TcpClientEndpoint(const QString &name, EventLog *log, QObject *parent = nullptr, int id = 0);
    ~TcpClientEndpoint() override;

    EndpointCapabilities capabilities() const override;
    /// config.host/port name the server. Returns false only for input that
    /// cannot work (empty host, port 0); the rest arrives asynchronously.
    Result start(const EndpointConfig &config) override;
    /// Closes every connection: connected ones send what is queued, then FIN
    /// (asked again while closing: at once); connecting ones give up.
    void stop() override;
    /// Another connection to the same server (the endpoint must be started).
    Result openConnection();
    /// Half-close every connection (what `nc -N` does at end of input).
    Result shutdownWrite() { return halfClose(AllConnections); }

    QHostAddress localAddress() const override;
    quint16 localPort() const override;

protected:
    void connectionStateChanged(Connection *connection) override;
    void connectionForgotten(Connection *connection) override;

private:
    void updateState();
    bool m_started = false;
};

} // namespace SockPlay
