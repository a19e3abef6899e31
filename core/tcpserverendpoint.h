#pragma once

#include "endpoint.h"

class QTcpServer;
class QTcpSocket;

#include <QList>

#include <memory>

namespace SockPlay {

class TcpConnection;
struct TlsContext;

/// A TCP server: listens, accepts many clients (each a TcpConnection),
/// turns away clients past its limit, stops. TlsServerEndpoint is one with
/// a TLS handshake on each accepted connection.
class TcpServerEndpoint : public Endpoint
{
    Q_OBJECT
public:
    explicit TcpServerEndpoint(EventLog *log, QObject *parent = nullptr);
    TcpServerEndpoint(const QString &name, EventLog *log, QObject *parent = nullptr, int id = 0);
    ~TcpServerEndpoint() override;

    EndpointCapabilities capabilities() const override;
    Result start(const EndpointConfig &config) override;
    void stop() override;
    QHostAddress localAddress() const override;
    quint16 localPort() const override;

    /// Accepted sockets made into connections per pass of the event loop, at most.
    static constexpr int AdoptedPerPass = 256;

protected:
    /// For TlsServerEndpoint: the transport its config says it serves.
    TcpServerEndpoint(Transport transport, const QString &name, EventLog *log, QObject *parent, int id);
    /// Called by start() once the config is taken, before listening: a TLS
    /// server loads or makes its certificate (setTls()) or refuses.
    virtual Result prepare(const EndpointConfig &config);
    /// Every connection accepted from now on does a TLS handshake first.
    void setTls(std::shared_ptr<const TlsContext> tls) { m_tls = std::move(tls); }
    /// The clients served now, which max clients bounds (a relay: its conversations).
    virtual int clientCount() const { return connectionCount(); }
    /// A client was just accepted and adopted, before anything is read from
    /// it (a relay opens its connection to the target here).
    virtual void clientAccepted(TcpConnection *connection);
    /// What the Created event says about the listening socket.
    virtual QString listenerText() const;

private:
    class Listener;

    void accepted(qintptr descriptor);
    void adoptAccepted();
    /// A connection, or a client turned away (over max clients).
    void serve(QTcpSocket *socket);
    void closeUnadopted();

    Listener *m_server = nullptr;
    // Accepted, not yet a connection: the kernel's accept queue is emptied
    // at the speed of accept(), and the sockets are set up afterwards.
    QList<qintptr> m_unadopted;
    qsizetype m_unadoptedHead = 0;
    bool m_adoptScheduled = false;
    const Transport m_transport = Transport::Tcp;
    std::shared_ptr<const TlsContext> m_tls; // null: plain TCP
};

} // namespace SockPlay
