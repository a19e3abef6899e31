#pragma once

#include "endpoint.h"

#include <QHash>

class QTcpServer;
class QTcpSocket;

namespace SockPlay {

/// A TCP server: listens, accepts many clients, keeps one ConnectionInfo per
/// client, sends to one or all, kicks one, optionally echoes.
class TcpServerEndpoint : public Endpoint
{
    Q_OBJECT
public:
    explicit TcpServerEndpoint(EventLog *log, QObject *parent = nullptr);
    TcpServerEndpoint(const QString &name, EventLog *log, QObject *parent = nullptr);
    ~TcpServerEndpoint() override;

    Result start(const EndpointConfig &config) override;
    void stop() override;
    Result send(int connectionId, const QByteArray &bytes) override;
    Result disconnectConnection(int connectionId) override;
    QHostAddress localAddress() const override;
    quint16 localPort() const override;
    QList<ConnectionInfo> connections() const override;
    qint64 pendingWriteBytes() const override;

private:
    struct Peer
    {
        QTcpSocket *socket = nullptr;
        ConnectionInfo info;
        QString peerText;
        bool closingByUs = false;
    };

    void onNewConnection();
    void readFrom(int connectionId);
    void onDisconnected(int connectionId);
    void onSocketError(int connectionId);
    void writeTo(Peer &peer, const QByteArray &bytes);

    QTcpServer *m_server = nullptr;
    QHash<int, Peer> m_peers;
    QList<int> m_order; // connection ids in accept order
};

} // namespace SockPlay
