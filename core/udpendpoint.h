#pragma once

#include "endpoint.h"

#include <QHash>

class QUdpSocket;

namespace SockPlay {

/// A UDP socket: binds (to a port or any free one), sends datagrams to
/// host:port, receives from anyone and records each sender as a connection.
/// One datagram is one event, never merged.
class UdpEndpoint : public Endpoint
{
    Q_OBJECT
public:
    explicit UdpEndpoint(EventLog *log, QObject *parent = nullptr);
    UdpEndpoint(const QString &name, EventLog *log, QObject *parent = nullptr);
    ~UdpEndpoint() override;

    /// Binds config.host:config.port.
    Result start(const EndpointConfig &config) override;
    void stop() override;
    /// To one known peer, or to every peer seen (AllConnections).
    Result send(int connectionId, const QByteArray &bytes) override;
    /// Forgets the peer (UDP has nothing to close).
    Result disconnectConnection(int connectionId) override;
    QHostAddress localAddress() const override;
    quint16 localPort() const override;
    QList<ConnectionInfo> connections() const override;

    /// Sends one datagram to host:port. A host name is resolved first
    /// (asynchronously; a failure arrives as errorOccurred and an Error event).
    Result sendTo(const QString &host, quint16 port, const QByteArray &bytes);
    /// Sends to whoever sent the last datagram.
    Result replyToLast(const QByteArray &bytes);
    /// Connection id of the last sender (0 when none yet).
    int lastSenderId() const { return m_lastSenderId; }

private:
    void onReadyRead();
    /// The connection id of a sender/target, remembered under key
    /// (formatAddress of address and port); created tells whether it is new.
    int peerId(const QString &key, const QHostAddress &address, quint16 port, bool *created);
    Result sendToAddress(const QHostAddress &address, quint16 port, const QByteArray &bytes);

    QUdpSocket *m_socket = nullptr;
    QHash<QString, int> m_idByPeer;
    QHash<int, ConnectionInfo> m_peers;
    QList<int> m_order;
    int m_lastSenderId = 0;
};

} // namespace SockPlay
