#pragma once

#include "endpoint.h"

#include <memory>

namespace SockPlay {

struct TlsContext;

/// A TCP client: one connection to config.host:config.port when started, and
/// more to the same server with openConnection() (a chat demo's several
/// clients in one pane). Its state follows its connections.
/// TlsClientEndpoint is one whose connections do a TLS handshake.
class TcpClientEndpoint : public Endpoint
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
    /// For TlsClientEndpoint: the transport its config says it uses.
    TcpClientEndpoint(Transport transport, const QString &name, EventLog *log, QObject *parent, int id);
    /// Called by start() once host and port are checked, before connecting:
    /// a TLS client loads its certificates (setTls()) or refuses.
    virtual Result prepare(const EndpointConfig &config);
    /// Every connection opened from now on does a TLS handshake after TCP's.
    void setTls(std::shared_ptr<const TlsContext> tls) { m_tls = std::move(tls); }

    void connectionStateChanged(Connection *connection) override;
    void connectionForgotten(Connection *connection) override;

private:
    void updateState();
    bool m_started = false;
    const Transport m_transport = Transport::Tcp;
    std::shared_ptr<const TlsContext> m_tls; // null: plain TCP
};

} // namespace SockPlay
