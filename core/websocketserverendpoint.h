#pragma once

#include "endpoint.h"

class QTcpServer;
class QWebSocketServer;

namespace SockPlay {

/// A WebSocket server (ws://): listens on TCP, accepts many clients (each a
/// WebSocketConnection from the TCP accept on, so that a peer that never
/// upgrades is still seen and closed), serves one path, turns away clients
/// past its limit, stops.
///
/// Qt's QWebSocketServer is used only to answer upgrade requests
/// (handleConnection), in NonSecureMode. wss:// on the server is the seam for
/// TLS: the listener then hands over QSslSockets once encrypted, and the
/// handshaker is made in SecureMode; nothing else changes.
class WebSocketServerEndpoint final : public Endpoint
{
    Q_OBJECT
public:
    WebSocketServerEndpoint(const QString &name, EventLog *log, QObject *parent = nullptr, int id = 0);
    ~WebSocketServerEndpoint() override;

    EndpointCapabilities capabilities() const override;
    Result start(const EndpointConfig &config) override;
    void stop() override;
    QHostAddress localAddress() const override;
    quint16 localPort() const override;

private:
    void acceptPending();
    void adoptUpgraded();

    QTcpServer *m_listener = nullptr;
    QWebSocketServer *m_handshaker = nullptr;
};

} // namespace SockPlay
