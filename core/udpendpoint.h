#pragma once

#include "endpoint.h"

#include <QHash>
#include <QHostAddress>

#include <memory>

class QUdpSocket;

namespace SockPlay {

class UdpPeer;

/// A UDP socket: binds (a port, or any free one), receives datagrams from
/// anyone, each sender a peer (a UdpPeer through the one pipeline), and sends
/// datagrams to a peer, to every peer, or to a host and port. One datagram is
/// one event, never merged.
///
/// As a server (Role::Server) it binds config.host:config.port. As a client
/// (Role::Client) config.host:config.port is its target: it binds a free port
/// (on config.localHost, or loopback for a loopback target) and send(0, ...)
/// sends there.
class UdpEndpoint final : public Endpoint
{
    Q_OBJECT
public:
    /// Senders remembered as peers; past this the oldest is forgotten.
    static constexpr int MaxPeersRemembered = 4096;

    explicit UdpEndpoint(EventLog *log, QObject *parent = nullptr);
    UdpEndpoint(const QString &name, EventLog *log, QObject *parent = nullptr, int id = 0);
    ~UdpEndpoint() override;

    EndpointCapabilities capabilities() const override;
    Result start(const EndpointConfig &config) override;
    void stop() override;
    /// A client's AllConnections goes to its target; a server's to every peer.
    Result send(int connectionId, const QByteArray &bytes) override;
    QHostAddress localAddress() const override;
    quint16 localPort() const override;

    /// Sends one datagram to host:port. A host name is resolved first
    /// (asynchronously; a failure arrives as errorOccurred and an Error event).
    /// The receiver becomes a peer once a datagram reached the kernel.
    Result sendTo(const QString &host, quint16 port, const QByteArray &bytes);
    /// Sends to whoever sent the last datagram.
    Result replyToLast(const QByteArray &bytes);
    /// Connection id of the last sender (0 when none yet).
    int lastSenderId() const { return m_lastSenderId; }

protected:
    void connectionForgotten(Connection *connection) override;

private:
    friend class UdpPeer;
    struct PeerKey
    {
        QHostAddress address;
        quint16 port = 0;
        bool operator==(const PeerKey &) const = default;
    };
    friend size_t qHash(const PeerKey &key, size_t seed) { return qHashMulti(seed, key.address, key.port); }

    void onReadyRead();
    /// One datagram into the pipeline (its sender found or made a peer).
    void deliverDatagram(const QByteArray &bytes, const QHostAddress &sender, quint16 senderPort);
    struct Batch; // Linux: the buffers recvmmsg() fills
    UdpPeer *peerFor(const QHostAddress &address, quint16 port);
    UdpPeer *addPeer(const QHostAddress &address, quint16 port);
    Result sendToAddress(const QHostAddress &address, quint16 port, const QByteArray &bytes);
    /// Writes one datagram; -1 on failure (m_socket->errorString() says why).
    qint64 writeDatagram(const QByteArray &bytes, const QHostAddress &address, quint16 port);

    QUdpSocket *m_socket = nullptr;
    bool m_writing = false; // a failed write is reported by its sender, once, naming the target
    QHash<PeerKey, int> m_idByPeer;
    int m_lastSenderId = 0;
    std::unique_ptr<Batch> m_batch;
};

} // namespace SockPlay
