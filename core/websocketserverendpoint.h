#pragma once

#include "endpoint.h"

#include <memory>

class QTcpServer;
class QWebSocketServer;

namespace SockPlay {

struct TlsContext;

/// A WebSocket server (ws://): listens on TCP, accepts many clients (each a
/// WebSocketConnection from the TCP accept on, so that a peer that never
/// upgrades is still seen and closed), serves one path, turns away clients
/// past its limit, stops.
///
/// Qt's QWebSocketServer is used only to answer upgrade requests
/// (handleConnection). wss:// (config.secure): the certificate comes from
/// config.tls as for a TLS server (self-signed at start, PEM, PKCS#12), the
/// listener makes each accepted socket a QSslSocket, its connection runs the
/// TLS handshake (TlsHandshake) and then hands the encrypted socket to the
/// handshaker, made in SecureMode (which only marks its requests' URLs
/// wss://: Qt reads and writes through whatever QTcpSocket it is given).
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
    std::shared_ptr<const TlsContext> m_tls; // wss://: the certificate and settings each handshake uses
};

} // namespace SockPlay
