#include "relayendpoint.h"

#include "endpointcapabilities.h"
#include "eventlog.h"
#include "relayconversation.h"
#include "tcpconnection.h"
#include "tlscontext.h"

#include <QPointer>

namespace SockPlay {

RelayEndpoint::RelayEndpoint(const QString &name, EventLog *log, QObject *parent, int id)
    : TcpServerEndpoint(Transport::Relay, name, log, parent, id)
{
}

RelayEndpoint::~RelayEndpoint() = default;

EndpointCapabilities RelayEndpoint::capabilities() const
{
    return endpointCapabilities(Transport::Relay, Role::Server);
}

Result RelayEndpoint::prepare(const EndpointConfig &config)
{
    const RelaySpec &relay = config.relay;
    if (const QString problem = relay.validate(); !problem.isEmpty())
        return refuse(tr("cannot start the relay: %1").arg(problem));
    QString error;
    QStringList notes;
    setTls(nullptr);
    m_targetTls.reset();
    if (relay.listenTls) {
        std::shared_ptr<const TlsContext> context = TlsContext::make(*relay.listenTls, Role::Server, config.host, &error, &notes);
        if (!context)
            return refuse(tr("cannot start the relay's TLS listener: %1").arg(error));
        setTls(context);
    }
    if (relay.targetTls) {
        m_targetTls = TlsContext::make(*relay.targetTls, Role::Client, relay.targetHost, &error, &notes);
        if (!m_targetTls)
            return refuse(tr("cannot set up TLS to the relay's target: %1").arg(error));
    }
    for (const QString &note : std::as_const(notes))
        logEvent(EventKind::Note, note);
    logEvent(EventKind::Note, QStringLiteral("relay: each client (%1) is forwarded to %2 (%3)%4")
                                  .arg(relay.listenTls ? QStringLiteral("TLS") : QStringLiteral("TCP"),
                                       relay.targetText(),
                                       relay.targetTls ? QStringLiteral("TLS") : QStringLiteral("TCP"),
                                       relay.delayToTargetMs || relay.delayToClientMs
                                           ? QStringLiteral("; delay %1 ms to the target, %2 ms to the client")
                                                 .arg(relay.delayToTargetMs)
                                                 .arg(relay.delayToClientMs)
                                           : QString()));
    return Result::success();
}

QString RelayEndpoint::listenerText() const
{
    return RelaySpec::socketDetailPrefix()
        + (config().relay.listenTls ? QStringLiteral(" (TLS over TCP; each client's handshake follows accept)")
                                    : QStringLiteral(" (TCP)"));
}

void RelayEndpoint::stop()
{
    m_stopping = true; // each side is closed by stop(), not by the other's end
    TcpServerEndpoint::stop();
    m_stopping = false;
    m_bySide.clear();
    qDeleteAll(std::exchange(m_conversations, {}));
}

Result RelayEndpoint::send(int connectionId, const QByteArray &bytes)
{
    if (connectionId != AllConnections || !isActive())
        return TcpServerEndpoint::send(connectionId, bytes);
    if (const std::optional<Result> sent = sendToClients(m_conversations, bytes))
        return *sent;
    return refuse(tr("no client is connected"));
}

qint64 RelayEndpoint::heldBytes() const
{
    qint64 bytes = 0;
    for (const RelayConversation *conversation : m_conversations)
        bytes += conversation->heldBytes();
    return bytes;
}

void RelayEndpoint::clientAccepted(TcpConnection *client)
{
    // The client's side reads nothing until the target's side is open.
    holdReadingFor(client);
    const RelaySpec &relay = config().relay;
    auto *target = new TcpConnection(this, nextConnectionId(), m_targetTls);
    target->setPeerName(QStringLiteral("target"));
    holdReadingFor(target);
    auto *conversation = new RelayConversation(client, target, relay.delayToTargetMs, relay.delayToClientMs,
                                               config().maxPendingWriteBytes, this);
    m_conversations.append(conversation);
    m_bySide.insert(client->id(), conversation);
    m_bySide.insert(target->id(), conversation);
    adopt(target);
    log()->append(EventKind::Note, target->source(), {}, 0, -1,
                  QStringLiteral("connection #%1: the relay's side to the target %2 for client #%3")
                      .arg(target->id())
                      .arg(relay.targetText())
                      .arg(client->id()));
    target->connectTo(relay.targetHost, relay.targetPort);
}

bool RelayEndpoint::holdsReading(const Connection &connection) const
{
    const RelayConversation *conversation = m_bySide.value(connection.id());
    return conversation && conversation->holdsReading(connection);
}

void RelayEndpoint::connectionDelivered(Connection *connection, const QByteArray &bytes)
{
    if (RelayConversation *conversation = m_bySide.value(connection->id()))
        conversation->forward(connection, bytes);
}

void RelayEndpoint::connectionDrained(Connection *connection)
{
    if (RelayConversation *conversation = m_bySide.value(connection->id()))
        conversation->scheduleMove(connection);
}

void RelayEndpoint::connectionFailed(Connection *connection, const QString &message)
{
    if (RelayConversation *conversation = m_bySide.value(connection->id()))
        conversation->sideFailed(connection, message);
}

void RelayEndpoint::connectionStateChanged(Connection *connection)
{
    if (!connection->isOpen())
        return;
    if (RelayConversation *conversation = m_bySide.value(connection->id()))
        conversation->scheduleMove(connection);
}

void RelayEndpoint::connectionForgotten(Connection *connection)
{
    if (m_stopping)
        return;
    RelayConversation *conversation = m_bySide.take(connection->id());
    if (!conversation)
        return;
    conversation->sideGone(connection);
    if (conversation->isOver())
        conversationOver(conversation);
}

void RelayEndpoint::conversationOver(RelayConversation *conversation)
{
    if (m_conversations.removeOne(conversation))
        conversation->deleteLater();
}

} // namespace SockPlay
