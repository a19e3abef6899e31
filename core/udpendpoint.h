#pragma once

#include "connection.h"
#include "simlinkendpoint.h"

#include <QHash>
#include <QHostAddress>
#include <QNetworkInterface>

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
///
/// With config.simLink active, a SimulatedLink sits between the program and
/// the socket on one side: on Send every datagram this endpoint sends (the
/// user's, echo and rule replies, repeats) goes through it before the
/// kernel; on Receive every datagram read goes through it before the
/// pipeline, so echo, rules, counters and the log see what it let through.
/// A drop is a SimulatedDrop event; a delayed datagram's Sent/Received event
/// is logged when it really goes out or in, saying how long it was held.
///
/// Multicast: a server with config.multicastGroups binds every interface of
/// their family at config.port (sharing the port, as group members do),
/// joins them on config.multicastInterface, and leaves them when it stops;
/// joinGroup() and leaveGroup() change that while it runs. A datagram sent
/// to a group (or a broadcast address) says so in its event's detail ("to
/// group 239.255.0.1"). TTL, loopback and interface apply to multicast this
/// socket sends; config.broadcast allows sending to a broadcast address.
class UdpEndpoint final : public SimLinkEndpoint
{
    Q_OBJECT
public:
    /// Senders remembered as peers; past this the oldest is forgotten (a
    /// Note says so the first time, naming the bound).
    static constexpr int MaxPeersRemembered = 4096;
    /// recvmmsg() batches (of 32 datagrams) read per wake-up, at most.
    static constexpr int MaxBatchesPerWakeUp = 32;

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

    /// Joins a multicast group while running (a receiver), on interfaceName
    /// (empty: config.multicastInterface, else the system's choice). A Note
    /// says so; a failure (not a group, no such interface, the system
    /// refuses) is an Error with the reason, and the socket keeps running.
    /// The group is kept in the config for the next start.
    Result joinGroup(const QString &group, const QString &interfaceName = {});
    /// Leaves a group joined before (a Note), or an Error saying it was not.
    Result leaveGroup(const QString &group, const QString &interfaceName = {});

protected:
    void connectionForgotten(Connection *connection) override;
    void release(SimulatedLink::Datagram &&datagram) override;
    bool isBound() const override { return m_socket; }

private:
    friend class UdpPeer;

    void onReadyRead();
    /// One datagram read: through the link on receive, or into the pipeline
    /// (detail: "to group ..." for one sent to a group; the link does not keep it).
    void deliverDatagram(const QByteArray &bytes, const QHostAddress &sender, quint16 senderPort,
                         const QString &detail = {});
    /// One datagram into the pipeline (its sender found or made a peer);
    /// destination, when known, is the peer's sentTo from now on.
    void receiveNow(const QByteArray &bytes, const QHostAddress &sender, quint16 senderPort,
                    const QString &detail = {}, const QString *destination = nullptr);
    /// The link on send: true when it took the peer's datagram (UdpPeer::divert).
    bool linkSend(UdpPeer *peer, const QByteArray &bytes, Connection::Origin origin);
    /// The link on receive: drops, holds or delivers a datagram read.
    void linkReceive(const QByteArray &bytes, const QHostAddress &sender, quint16 senderPort);
    /// A datagram the link did not drop (and its copy): out or in now, or held.
    void pass(SimulatedLink::Datagram &&datagram);
    /// The datagram into the link, and its copy right after it when the link duplicates it.
    void passDecided(SimulatedLink::Datagram &&datagram, bool duplicate);
    /// The peer's source, or (no such peer) one naming the address.
    EventSourcePtr sourceFor(const QHostAddress &address, quint16 port) const;
    /// Logs a datagram the link dropped, with its bytes.
    void logSimulatedDrop(const EventSourcePtr &source, const QByteArray &bytes, const QString &detail);
    struct Batch; // Linux: the buffers recvmmsg() fills
    UdpPeer *peerFor(const QHostAddress &address, quint16 port) const;
    UdpPeer *addPeer(const QHostAddress &address, quint16 port, const QString &destination = {});
    Result sendToAddress(const QHostAddress &address, quint16 port, const QByteArray &bytes);
    /// Writes one datagram; -1 on failure (writeErrorText() says why).
    qint64 writeDatagram(const QByteArray &bytes, const QHostAddress &address, quint16 port);
    /// Why the last write failed, with the system's reason where Qt has only
    /// "Unable to send a datagram" (a broadcast without SO_BROADCAST: EACCES).
    QString writeErrorText(quint16 port) const;

    // Multicast and broadcast (udpendpointmulticast.cpp).
    struct Membership
    {
        QHostAddress group;
        QNetworkInterface iface; // invalid: the system's choice
    };
    /// The multicast settings checked before binding: the reason they are
    /// wrong, or empty (then groups and iface are filled).
    static QString checkMulticast(const EndpointConfig &config, QList<QHostAddress> *groups, QNetworkInterface *iface);
    /// After binding, before the Bound event: joins every group (else the
    /// reason; the caller closes the socket, which leaves the ones joined).
    QString joinGroups(const QList<QHostAddress> &groups, const QNetworkInterface &iface);
    /// After binding: broadcast allowed or not, and where multicast matters
    /// TTL, loopback and interface; then Notes of the groups joined and of
    /// what the kernel holds of those options (read back, not assumed).
    void applySendOptions(const QNetworkInterface &iface);
    /// Joins or leaves, logging the Note or the Error.
    Result changeGroup(const QString &group, const QString &interfaceName, bool join);
    /// Leaves every group (the socket closes).
    void leaveAllGroups();
    /// The detail of a datagram sent to destination: "to group ...", "to broadcast ...", or empty.
    QString destinationDetail(const QHostAddress &destination);

    QUdpSocket *m_socket = nullptr;
    bool m_writing = false; // a failed write is reported by its sender, once, naming the target
    QHash<PeerKey, int> m_idByPeer;
    int m_lastSenderId = 0;
    bool m_forgettingPeers = false; // the peers table is full: the note saying so is logged
    std::unique_ptr<Batch> m_batch;
    int m_writeErrno = 0; // errno of the last failed write
    QList<Membership> m_memberships;
    // Bound where a datagram may be for a group or a broadcast address (not
    // to one address of ours): each datagram's destination is read.
    bool m_readDestinations = false;
    QList<QHostAddress> m_broadcastAddresses;
    QHostAddress m_lastDestination; // and its detail: formatted once per change
    QString m_lastDestinationDetail;
};

} // namespace SockPlay
