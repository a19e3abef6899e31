#pragma once

#include "endpoint.h"

class QTcpServer;
class QTcpSocket;

#include <QList>

namespace SockPlay {

/// A TCP server: listens, accepts many clients (each a TcpConnection),
/// turns away clients past its limit, stops.
class TcpServerEndpoint final : public Endpoint
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
};

} // namespace SockPlay
