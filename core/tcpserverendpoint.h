#pragma once

#include "endpoint.h"

class QTcpServer;

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

private:
    void onNewConnection();

    QTcpServer *m_server = nullptr;
};

} // namespace SockPlay
