#pragma once

#include "connection.h"
#include "simlinkendpoint.h"

#include <QBasicTimer>
#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>

#include <memory>

class QUdpSocket;

namespace SockPlay {

class RelayConversation;
class UdpRelayClientSide;
class UdpRelayTargetSide;

/// A UDP relay (Transport::Relay with RelaySpec::udp): binds the listening
/// address, and each client (a source address and port) gets an
/// association: its side (#n, a peer of the listening socket) and the
/// relay's side to the target (#n+1, a socket of its own connected to the
/// target, so that the target's ICMP "port unreachable" reaches it as an
/// error). Datagrams from the client go to the target from that socket,
/// the target's replies back to the client from the listening socket, one
/// datagram for one datagram (boundaries kept).
///
/// As the TCP relay (RelayEndpoint), both sides run the one pipeline and a
/// RelayConversation ties them: DatagramReceived on one side, DatagramSent
/// "relayed from #n" on the other, rules on each side's own datagrams, the
/// delay per direction. At most config.maxConnections associations (a
/// datagram from a new client past that is turned away, logged at most
/// once a second); one with no datagram either way for
/// RelaySpec::idleTimeoutMs ends (a Note). A target that refuses (ICMP port
/// unreachable) is an Error naming it, and ends the association.
///
/// The simulated link (config.simLink, one SimulatedLink for every
/// association) sits on the relay's side to the target: "send" is what goes
/// to the target, "receive" what comes back from it, before the relay logs
/// it as received; its drops are SimulatedDrop events of that side.
/// Bounded: the link holds at most SimulatedLink's limits, each
/// conversation RelayConversation's (past them datagrams are dropped, said
/// in the log), a wake-up reads at most MaxDatagramsPerWakeUp datagrams.
class UdpRelayEndpoint final : public SimLinkEndpoint
{
    Q_OBJECT
public:
    /// Datagrams read per wake-up of a socket, at most (the rest on the next pass).
    static constexpr int MaxDatagramsPerWakeUp = 1024;
    /// Room for the largest UDP datagram (65,507 bytes of payload).
    static constexpr int ReadBufferBytes = 65536;

    UdpRelayEndpoint(const QString &name, EventLog *log, QObject *parent = nullptr, int id = 0);
    ~UdpRelayEndpoint() override;

    EndpointCapabilities capabilities() const override;
    Result start(const EndpointConfig &config) override;
    void stop() override;
    /// AllConnections: every client's side.
    Result send(int connectionId, const QByteArray &bytes) override;
    QHostAddress localAddress() const override;
    quint16 localPort() const override;

    int associationCount() const { return int(m_conversations.size()); }
    /// Datagrams held by the delays and the simulated link, every association.
    int heldDatagrams() const;
    qint64 heldBytes() const;

protected:
    void connectionDelivered(Connection *connection, const QByteArray &bytes) override;
    void connectionFailed(Connection *connection, const QString &message) override;
    void connectionStateChanged(Connection *connection) override;
    void connectionForgotten(Connection *connection) override;
    void timerEvent(QTimerEvent *event) override;
    void release(SimulatedLink::Datagram &&datagram) override;
    bool isBound() const override { return m_socket; }
    QString simLinkPlace() const override { return QStringLiteral(" (on the relay's side to the target)"); }

private:
    friend class UdpRelayClientSide;
    friend class UdpRelayTargetSide;
    struct ClientKey
    {
        QHostAddress address;
        quint16 port = 0;
        bool operator==(const ClientKey &) const = default;
    };
    friend size_t qHash(const ClientKey &key, size_t seed) { return qHashMulti(seed, key.address, key.port); }

    void onReadyRead();
    void fromClient(const QByteArray &bytes, const QHostAddress &sender, quint16 senderPort);
    /// A new association for a client (nullptr: turned away).
    RelayConversation *associate(const QHostAddress &sender, quint16 senderPort);
    void turnAway(const QHostAddress &sender, quint16 senderPort);
    /// Ends the associations idle for the timeout; the timer runs while there are some.
    void sweepIdle();
    void updateSweep();
    void endAssociation(RelayConversation *conversation, const QString &why);
    /// The listening socket writes a datagram to a client; -1 on failure.
    qint64 writeToClient(const QByteArray &bytes, const QHostAddress &address, quint16 port);
    QString writeErrorText() const;
    /// One buffer for every socket of the relay (one thread reads them in turn).
    char *readBuffer();

    // The simulated link (udprelaylink.cpp).
    /// On send: true when the link took the target side's datagram.
    bool linkSend(UdpRelayTargetSide *side, const QByteArray &bytes, Connection::Origin origin, bool relayed);
    /// On receive: true when the link took a datagram the target side read.
    bool linkReceive(UdpRelayTargetSide *side, const QByteArray &bytes);
    void passDecided(SimulatedLink::Datagram &&datagram, bool duplicate, const EventSourcePtr &source);
    void pass(SimulatedLink::Datagram &&datagram, const EventSourcePtr &source);

    QUdpSocket *m_socket = nullptr;
    QHash<ClientKey, RelayConversation *> m_byClient;
    QHash<const RelayConversation *, ClientKey> m_keyOf;
    QHash<int, RelayConversation *> m_bySide; // either side's id
    QList<RelayConversation *> m_conversations;
    QBasicTimer m_sweep;
    bool m_stopping = false;
    QElapsedTimer m_turnedAwayClock; // the last TurnedAway event logged
    qint64 m_turnedAwaySilenced = 0; // datagrams turned away since, not logged one by one
    std::unique_ptr<char[]> m_readBuffer;
};

} // namespace SockPlay
