#pragma once

#include "tcpserverendpoint.h"

#include <QHash>

namespace SockPlay {

class RelayConversation;

/// A relay (Transport::Relay): a TCP (or TLS) server that forwards each
/// client it accepts to config.relay's target over a connection of its own
/// (TCP or TLS). A conversation is two connections of this endpoint: the
/// client's side (#n, accepted) and the target's side (#n+1, opened for it).
/// Each side runs the one pipeline, so each direction is counted, logged
/// (Received on the side it came in, Sent "relayed from #n" on the other),
/// framed and run through the rules on its own; what one side delivers goes
/// on to the other unchanged (a rule's reply answers the side whose message
/// it matched, it does not replace what is forwarded).
///
/// Accepting is the TCP server's (batched accepts, max clients counting
/// conversations, backlog, 127.0.0.1 by default). Backpressure: a side
/// reads only while the other side is open and what waits for it (its
/// queue plus what the delay holds) is under maxPendingWriteBytes. When one
/// side ends, the other is closed once what is queued for it has gone; a
/// target that cannot be reached is an Error on the client's side naming
/// the target and the reason. Half-closing is not relayed: a FIN from
/// either side closes both.
class RelayEndpoint final : public TcpServerEndpoint
{
    Q_OBJECT
public:
    RelayEndpoint(const QString &name, EventLog *log, QObject *parent = nullptr, int id = 0);
    ~RelayEndpoint() override;

    EndpointCapabilities capabilities() const override;
    void stop() override;
    /// AllConnections: every client's side (as a server sends to its clients).
    Result send(int connectionId, const QByteArray &bytes) override;

    /// Bytes read from one side and held for the other (its delay, or it is
    /// not open yet), over every conversation; the connections' own queues
    /// are pendingWriteBytes().
    qint64 heldBytes() const;
    int conversationCount() const { return int(m_conversations.size()); }

protected:
    Result prepare(const EndpointConfig &config) override;
    QString listenerText() const override;
    int clientCount() const override { return int(m_conversations.size()); }
    void clientAccepted(TcpConnection *connection) override;
    bool holdsReading(const Connection &connection) const override;
    void connectionDelivered(Connection *connection, const QByteArray &bytes) override;
    void connectionDrained(Connection *connection) override;
    void connectionFailed(Connection *connection, const QString &message) override;
    void connectionStateChanged(Connection *connection) override;
    void connectionForgotten(Connection *connection) override;

private:
    void conversationOver(RelayConversation *conversation);

    std::shared_ptr<const TlsContext> m_targetTls; // null: plain TCP to the target
    // Connection id (either side) to its conversation.
    QHash<int, RelayConversation *> m_bySide;
    QList<RelayConversation *> m_conversations;
    bool m_stopping = false;
};

} // namespace SockPlay
