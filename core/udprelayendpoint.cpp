#include "udprelayendpoint.h"

#include "endpointcapabilities.h"
#include "eventlog.h"
#include "relayconversation.h"
#include "udprelayclientside.h"
#include "udprelaytargetside.h"

#include <QPointer>
#include <QTimerEvent>
#include <QUdpSocket>

#include <algorithm>

// The simulated link's side of the UDP relay is in udprelaylink.cpp.

namespace SockPlay {

UdpRelayEndpoint::UdpRelayEndpoint(const QString &name, EventLog *log, QObject *parent, int id)
    : SimLinkEndpoint(name, log, parent, id)
{
}

UdpRelayEndpoint::~UdpRelayEndpoint()
{
    if (m_socket)
        m_socket->disconnect(this);
}

EndpointCapabilities UdpRelayEndpoint::capabilities() const
{
    return endpointCapabilities(Transport::Relay, Role::Server, /*udpRelay=*/true);
}

char *UdpRelayEndpoint::readBuffer()
{
    if (!m_readBuffer)
        m_readBuffer.reset(new char[ReadBufferBytes]); // not zeroed: only what a read wrote is used
    return m_readBuffer.get();
}

Result UdpRelayEndpoint::start(const EndpointConfig &requested)
{
    if (m_socket)
        stop();
    EndpointConfig config = requested;
    config.transport = Transport::Relay;
    config.relay.udp = true;
    beginStart(config);
    const RelaySpec &relay = config.relay;
    if (const QString problem = relay.validate(); !problem.isEmpty())
        return refuse(tr("cannot start the relay: %1").arg(problem));
    if (const QString problem = config.simLink.validate(); !problem.isEmpty())
        return refuse(tr("simulated link: %1").arg(problem));
    const QHostAddress address = parseBindAddress(config.host);
    if (address.isNull()) {
        return refuse(tr("“%1” is not an address to bind to — use 127.0.0.1, ::1, 0.0.0.0 or ::")
                          .arg(config.host));
    }
    m_socket = new QUdpSocket(this);
    logEvent(EventKind::Created, RelaySpec::socketDetailPrefix() + RelaySpec::udpSocketDetailSuffix());
    if (!m_socket->bind(address, config.port, QAbstractSocket::DontShareAddress)) {
        const QString message = describeSocketError(m_socket->errorString(), m_socket->error(), config.port);
        delete m_socket;
        m_socket = nullptr;
        return refuse(tr("cannot bind %1: %2").arg(formatAddress(address, config.port), message));
    }
    updateSource();
    connect(m_socket, &QUdpSocket::readyRead, this, &UdpRelayEndpoint::onReadyRead);
    connect(m_socket, &QUdpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (error == QAbstractSocket::TemporaryError)
            return; // a read that found nothing (EAGAIN)
        reportError(describeSocketError(m_socket->errorString(), error, 0));
    });
    QString detail = QStringLiteral("receiving datagrams from clients");
    if (config.port == 0)
        detail += QStringLiteral("; port 0 asked: the system chose %1").arg(m_socket->localPort());
    logEvent(EventKind::Bound, detail);
    if (const QString exposed = networkReachableNote(address, true); !exposed.isEmpty())
        logEvent(EventKind::Note, exposed);
    logEvent(EventKind::Note,
             QStringLiteral("relay (UDP): each client gets a socket of its own to %1; at most %2, an "
                            "association ends after %3 ms without a datagram either way%4")
                 .arg(relay.targetText())
                 .arg(config.maxConnections == 1 ? QStringLiteral("1 client")
                                                 : QStringLiteral("%1 clients").arg(config.maxConnections))
                 .arg(relay.idleTimeoutMs)
                 .arg(relay.delayToTargetMs || relay.delayToClientMs
                          ? QStringLiteral("; delay %1 ms to the target, %2 ms to the client")
                                .arg(relay.delayToTargetMs)
                                .arg(relay.delayToClientMs)
                          : QString()));
    startSimLink(config.simLink);
    setState(EndpointState::Active);
    return Result::success();
}

void UdpRelayEndpoint::stop()
{
    if (!m_socket)
        return;
    discardSimLinkHeld();
    m_stopping = true; // each side is closed here, not by the other's end
    closeAllConnections();
    m_stopping = false;
    m_bySide.clear();
    m_byClient.clear();
    m_keyOf.clear();
    qDeleteAll(std::exchange(m_conversations, {}));
    m_sweep.stop();
    m_socket->disconnect(this);
    m_socket->close();
    logEvent(EventKind::Closed, QStringLiteral("socket closed; %1 bytes in, %2 out").arg(bytesIn()).arg(bytesOut()));
    m_socket->deleteLater();
    m_socket = nullptr;
    setState(EndpointState::Idle);
}

QHostAddress UdpRelayEndpoint::localAddress() const
{
    return m_socket ? m_socket->localAddress() : QHostAddress();
}

quint16 UdpRelayEndpoint::localPort() const
{
    return m_socket ? m_socket->localPort() : 0;
}

Result UdpRelayEndpoint::send(int connectionId, const QByteArray &bytes)
{
    if (connectionId != AllConnections || !isActive())
        return Endpoint::send(connectionId, bytes);
    if (const std::optional<Result> sent = sendToClients(m_conversations, bytes))
        return *sent;
    return refuse(tr("no client has sent a datagram yet"));
}

int UdpRelayEndpoint::heldDatagrams() const
{
    int held = m_simLink.link ? m_simLink.link->heldCount() : 0;
    for (const RelayConversation *conversation : m_conversations)
        held += conversation->heldCount();
    return held;
}

qint64 UdpRelayEndpoint::heldBytes() const
{
    qint64 held = m_simLink.link ? m_simLink.link->heldBytes() : 0;
    for (const RelayConversation *conversation : m_conversations)
        held += conversation->heldBytes();
    return held;
}

void UdpRelayEndpoint::onReadyRead()
{
    // Every pending datagram, up to a bound per wake-up (the socket stays
    // readable, so the next pass reads on): a flood leaves the rest of the
    // loop its turn.
    char *buffer = readBuffer();
    QHostAddress sender;
    quint16 senderPort = 0;
    for (int i = 0; i < MaxDatagramsPerWakeUp && m_socket && m_socket->hasPendingDatagrams(); ++i) {
        const qint64 size = m_socket->readDatagram(buffer, ReadBufferBytes, &sender, &senderPort);
        if (size < 0)
            return;
        fromClient(QByteArray(buffer, size), sender, senderPort);
    }
}

void UdpRelayEndpoint::fromClient(const QByteArray &bytes, const QHostAddress &sender, quint16 senderPort)
{
    RelayConversation *conversation = m_byClient.value(ClientKey{sender, senderPort});
    const bool fresh = !conversation;
    if (fresh && !(conversation = associate(sender, senderPort)))
        return;
    const QPointer<Connection> target = conversation->target();
    if (auto *client = static_cast<UdpRelayClientSide *>(conversation->client()))
        client->receive(bytes); // held by the conversation until the target's side is open
    if (fresh && target)
        static_cast<UdpRelayTargetSide *>(target.data())->open(config().relay.targetHost, config().relay.targetPort);
}

RelayConversation *UdpRelayEndpoint::associate(const QHostAddress &sender, quint16 senderPort)
{
    if (associationCount() >= config().maxConnections) {
        turnAway(sender, senderPort);
        return nullptr;
    }
    const RelaySpec &relay = config().relay;
    auto *client = new UdpRelayClientSide(this, nextConnectionId(), sender, senderPort);
    auto *target = new UdpRelayTargetSide(this, nextConnectionId(), client->id(), sender, senderPort);
    auto *conversation = new RelayConversation(client, target, relay.delayToTargetMs, relay.delayToClientMs,
                                               config().maxPendingWriteBytes, this);
    conversation->setDatagrams();
    conversation->touch();
    m_conversations.append(conversation);
    m_byClient.insert(ClientKey{sender, senderPort}, conversation);
    m_keyOf.insert(conversation, ClientKey{sender, senderPort});
    m_bySide.insert(client->id(), conversation);
    m_bySide.insert(target->id(), conversation);
    adopt(client);
    log()->append(EventKind::Note, client->source(), {}, 0, -1,
                  QStringLiteral("client %1 is #%2, a new association (%3 of at most %4): its datagrams go to %5 from "
                                 "#%6, a socket of its own")
                      .arg(client->source()->peerText)
                      .arg(client->id())
                      .arg(m_conversations.size())
                      .arg(config().maxConnections)
                      .arg(relay.targetText())
                      .arg(target->id()));
    adopt(target);
    updateSweep();
    return conversation;
}

void UdpRelayEndpoint::turnAway(const QHostAddress &sender, quint16 senderPort)
{
    // One TurnedAway a second at most: a flood of new senders must not flood the log.
    if (m_turnedAwayClock.isValid() && m_turnedAwayClock.elapsed() < 1000) {
        ++m_turnedAwaySilenced;
        return;
    }
    m_turnedAwayClock.start();
    const int limit = config().maxConnections;
    const QString reason = limit == 1 ? QStringLiteral("the limit of 1 client is reached")
                                      : QStringLiteral("the limit of %1 clients is reached").arg(limit);
    QString detail = reason + QStringLiteral("; its datagram is dropped");
    if (const qint64 silenced = std::exchange(m_turnedAwaySilenced, 0); silenced > 0)
        detail += QStringLiteral(" (as were %1 more from new clients since the last of these)").arg(silenced);
    logEvent(EventKind::TurnedAway, makeEventSource(id(), 0, name(), localAddress(), localPort(), sender, senderPort),
             detail);
    emit clientTurnedAway(formatAddress(sender, senderPort), reason);
}

void UdpRelayEndpoint::updateSweep()
{
    if (m_conversations.isEmpty()) {
        m_sweep.stop();
        return;
    }
    if (!m_sweep.isActive()) {
        // A quarter of the timeout: an association ends at most that late.
        const int interval = std::clamp(config().relay.idleTimeoutMs / 4, 20, 1000);
        m_sweep.start(interval, this);
    }
}

void UdpRelayEndpoint::sweepIdle()
{
    const int timeout = config().relay.idleTimeoutMs;
    const QList<RelayConversation *> conversations = m_conversations;
    for (RelayConversation *conversation : conversations) {
        if (m_conversations.contains(conversation) && conversation->idleMs() >= timeout)
            endAssociation(conversation,
                           QStringLiteral("no datagram either way for %1 ms: the association ends").arg(timeout));
    }
    updateSweep();
}

void UdpRelayEndpoint::endAssociation(RelayConversation *conversation, const QString &why)
{
    const QPointer<Connection> client = conversation->client();
    const QPointer<Connection> target = conversation->target();
    if (client)
        log()->append(EventKind::Note, client->source(), {}, 0, -1, why);
    // Forgotten here, so that neither side's end is taken for the other's failure.
    m_byClient.remove(m_keyOf.take(conversation));
    m_conversations.removeOne(conversation);
    for (const QPointer<Connection> &side : {client, target}) {
        if (side)
            m_bySide.remove(side->id());
    }
    for (const QPointer<Connection> &side : {target, client}) {
        if (side)
            side->close();
    }
    conversation->deleteLater();
}

qint64 UdpRelayEndpoint::writeToClient(const QByteArray &bytes, const QHostAddress &address, quint16 port)
{
    return m_socket ? m_socket->writeDatagram(bytes, address, port) : -1;
}

QString UdpRelayEndpoint::writeErrorText() const
{
    if (!m_socket)
        return QStringLiteral("the relay's socket is closed");
    return describeSocketError(m_socket->errorString(), m_socket->error(), 0);
}

void UdpRelayEndpoint::connectionDelivered(Connection *connection, const QByteArray &bytes)
{
    if (RelayConversation *conversation = m_bySide.value(connection->id())) {
        conversation->touch();
        conversation->forward(connection, bytes);
    }
}

void UdpRelayEndpoint::connectionFailed(Connection *connection, const QString &message)
{
    if (RelayConversation *conversation = m_bySide.value(connection->id()))
        conversation->sideFailed(connection, message);
}

void UdpRelayEndpoint::connectionStateChanged(Connection *connection)
{
    if (!connection->isOpen())
        return;
    if (RelayConversation *conversation = m_bySide.value(connection->id()))
        conversation->scheduleMove(connection);
}

void UdpRelayEndpoint::connectionForgotten(Connection *connection)
{
    if (m_stopping)
        return;
    RelayConversation *conversation = m_bySide.take(connection->id());
    if (!conversation)
        return;
    // A new datagram from this client starts a new association.
    m_byClient.remove(m_keyOf.take(conversation));
    conversation->sideGone(connection);
    if (conversation->isOver() && m_conversations.removeOne(conversation)) {
        conversation->deleteLater();
        updateSweep();
    }
}

void UdpRelayEndpoint::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_sweep.timerId()) {
        sweepIdle();
        return;
    }
    Endpoint::timerEvent(event);
}

} // namespace SockPlay
