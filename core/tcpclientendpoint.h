#pragma once

#include "endpoint.h"

class QTcpSocket;

namespace SockPlay {

/// A TCP client: looks the host up, connects (IPv4 or IPv6), sends, receives,
/// disconnects. Tells apart "closed by the peer" from "closed by us".
class TcpClientEndpoint : public Endpoint
{
    Q_OBJECT
public:
    explicit TcpClientEndpoint(EventLog *log, QObject *parent = nullptr);
    TcpClientEndpoint(const QString &name, EventLog *log, QObject *parent = nullptr);
    ~TcpClientEndpoint() override;

    /// config.host/port name the server. Returns false only for input that
    /// cannot work (empty host, port 0); the rest arrives asynchronously.
    Result start(const EndpointConfig &config) override;
    void stop() override;
    /// connectionId is ignored (a client has one connection).
    Result send(int connectionId, const QByteArray &bytes) override;
    Result disconnectConnection(int connectionId) override;
    QHostAddress localAddress() const override;
    quint16 localPort() const override;
    QList<ConnectionInfo> connections() const override;
    qint64 pendingWriteBytes() const override;

    /// Half-close: no more sending, but keep receiving until the peer closes
    /// (what `nc -N` does at end of input). Logged as a Closed event with detail.
    Result shutdownWrite();

private:
    void onStateChanged(int socketState);
    void onReadyRead();
    void onDisconnected();
    void onError(int socketError);
    /// Forget the socket (deleted later) and go back to Idle.
    void discardSocket();

    QTcpSocket *m_socket = nullptr;
    ConnectionInfo m_info;
    QString m_peerText;
    bool m_closingByUs = false;
    bool m_peerClosedLogged = false;
};

} // namespace SockPlay
