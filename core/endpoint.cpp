#include "endpoint.h"

#include "connection.h"
#include "eventlog.h"
#include "responder.h"

#include <QAtomicInt>

namespace SockPlay {

namespace {
QAtomicInt s_nextStandaloneId = 1;
} // namespace

Endpoint::Endpoint(const QString &name, EventLog *log, QObject *parent, int id)
    : QObject(parent)
    , m_id(id > 0 ? id : s_nextStandaloneId.fetchAndAddRelaxed(1))
    , m_name(name)
    , m_log(log)
{
    qRegisterMetaType<SockPlay::EndpointState>();
    m_source = makeEventSource(m_id, 0, m_name, {}, 0, {}, 0);
}

Endpoint::~Endpoint()
{
    // Connections log and signal as they go: not into a half-destroyed endpoint.
    for (Connection *connection : std::as_const(m_connections))
        connection->m_adopted = false;
}

void Endpoint::updateSource()
{
    m_source = makeEventSource(m_id, 0, m_name, localAddress(), localPort(), {}, 0);
}

void Endpoint::logEvent(EventKind kind, const QString &detail)
{
    m_log->append(kind, m_source, {}, 0, -1, detail);
}

void Endpoint::logEvent(EventKind kind, const EventSourcePtr &source, const QString &detail)
{
    m_log->append(kind, source ? source : m_source, {}, 0, -1, detail);
}

void Endpoint::setState(EndpointState state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void Endpoint::reportError(const QString &message, const EventSourcePtr &source)
{
    m_errorString = message;
    logEvent(EventKind::Error, source, message);
    emit errorOccurred(message);
}

void Endpoint::logUserError(const QString &message)
{
    m_errorString = message;
    logEvent(EventKind::Error, message);
}

Result Endpoint::refuse(const QString &message, const EventSourcePtr &source)
{
    reportError(message, source);
    return Result::failure(message);
}

void Endpoint::beginStart(const EndpointConfig &config)
{
    m_config = config;
    m_errorString.clear();
    m_stats = {};
    m_lastConnectionId = 0;
    m_ratesMoving.clear(); // ids start again from 1: old ones would name new connections
    if (!config.echo)
        m_echo.reset();
    else if (!m_echo)
        m_echo = std::make_shared<EchoResponder>();
    rebuildResponders();
    updateSource();
}

void Endpoint::countIn(Connection *connection, qint64 bytes)
{
    m_stats.bytesIn += bytes;
    ++m_stats.messagesIn;
    markRatesMoving(connection);
}

void Endpoint::countOut(Connection *connection, qint64 bytes)
{
    m_stats.bytesOut += bytes;
    ++m_stats.messagesOut;
    markRatesMoving(connection);
}

void Endpoint::markRatesMoving(Connection *connection)
{
    // A flag test per read or write; the list grows once per connection that
    // starts moving, not per byte.
    if (!connection->m_adopted || std::exchange(connection->m_ratesMoving, true))
        return;
    m_ratesMoving.append(connection->id());
}

bool Endpoint::sampleConnectionRates(const RateTick &tick)
{
    if (m_ratesMoving.isEmpty())
        return false;
    // Compacted in place: the ones still moving stay, in order.
    qsizetype kept = 0;
    for (qsizetype i = 0; i < m_ratesMoving.size(); ++i) {
        const int id = m_ratesMoving.at(i);
        Connection *connection = m_connections.value(id);
        if (!connection || !connection->m_ratesMoving)
            continue; // gone (or a stale id): nothing left to show
        if (connection->m_rates.sample(tick, connection->m_info))
            m_ratesMoving[kept++] = id;
        else
            connection->m_ratesMoving = false; // at 0 now, published once more by our caller
    }
    m_ratesMoving.resize(kept);
    return true;
}

void Endpoint::adopt(Connection *connection)
{
    const int id = connection->id();
    m_connections.insert(id, connection);
    m_order.append(id);
    connection->setResponders(responders());
    if (!connection->isDatagram() && !connection->hasWholeMessages() && m_config.frame.kind != FrameSpec::Kind::Raw)
        connection->setFramer(makeFramer(m_config.frame));
    connection->m_adopted = true;
    if (connection->isOpen()) {
        emit connectionOpened(id);
        // Already open (accepted, or a UDP peer just seen): its responders
        // hear of it now (greetings); a client's hear when it connects.
        connection->tellRespondersOpened();
    }
}

void Endpoint::connectionReceived(Connection *connection, const QByteArray &bytes)
{
    emit dataReceived(connection->id(), bytes);
    connectionDelivered(connection, bytes);
}

void Endpoint::connectionMessage(Connection *connection, const QByteArray &payload)
{
    emit messageReceived(connection->id(), payload);
}

void Endpoint::connectionWrote(Connection *connection, qint64 bytes)
{
    updateBacklog(connection);
    emit bytesWritten(connection->id(), bytes);
    connectionDrained(connection);
}

void Endpoint::connectionStateMoved(Connection *connection, int state)
{
    if (Connection::State(state) == Connection::State::Open)
        emit connectionOpened(connection->id());
    connectionStateChanged(connection);
}

void Endpoint::forget(int connectionId)
{
    Connection *connection = m_connections.take(connectionId);
    if (!connection)
        return;
    m_order.removeOne(connectionId);
    m_backlogged.remove(connectionId);
    connection->disconnect(this);
    const bool wasOpened = connection->info().connectedSince.isValid();
    connection->deleteLater();
    if (wasOpened)
        emit connectionClosed(connectionId);
    connectionForgotten(connection);
    if (m_overBound.remove(connectionId))
        wakeRelaySenders(); // its queue no longer holds the relay's senders
}

EndpointState Endpoint::stateFromConnections() const
{
    bool open = false;
    bool closing = false;
    bool connecting = false;
    bool lookingUp = false;
    for (int id : m_order) {
        switch (m_connections.value(id)->state()) {
        case Connection::State::Open: open = true; break;
        case Connection::State::Closing: closing = true; break;
        case Connection::State::Connecting: connecting = true; break;
        case Connection::State::LookingUp: lookingUp = true; break;
        case Connection::State::Closed: break;
        }
    }
    return open         ? EndpointState::Active
         : closing    ? EndpointState::Closing
         : connecting ? EndpointState::Connecting
         : lookingUp  ? EndpointState::LookingUp
                      : EndpointState::Idle;
}

void Endpoint::connectionStateChanged(Connection *connection)
{
    Q_UNUSED(connection)
}

void Endpoint::connectionForgotten(Connection *connection)
{
    Q_UNUSED(connection)
}

bool Endpoint::holdsReading(const Connection &connection) const
{
    Q_UNUSED(connection)
    return false;
}

void Endpoint::holdReadingFor(Connection *connection)
{
    connection->m_endpointMayHold = true;
}

void Endpoint::connectionDelivered(Connection *connection, const QByteArray &bytes)
{
    Q_UNUSED(connection)
    Q_UNUSED(bytes)
}

void Endpoint::connectionDrained(Connection *connection)
{
    Q_UNUSED(connection)
}

void Endpoint::connectionFailed(Connection *connection, const QString &message)
{
    Q_UNUSED(connection)
    Q_UNUSED(message)
}

void Endpoint::closeAllConnections()
{
    const QList<int> ids = m_order;
    for (int id : ids) {
        if (Connection *connection = m_connections.value(id))
            connection->closeNow();
        forget(id); // in case the connection did not finish
    }
}

QList<ConnectionInfo> Endpoint::connections() const
{
    QList<ConnectionInfo> list;
    list.reserve(m_order.size());
    for (int id : m_order) {
        const Connection *connection = m_connections.value(id);
        if (connection->isOpen() || connection->isPeerOnly())
            list.append(connection->info());
    }
    return list;
}

EndpointSnapshot Endpoint::snapshot() const
{
    EndpointSnapshot snapshot;
    snapshot.id = m_id;
    snapshot.name = m_name;
    snapshot.config = m_config;
    snapshot.capabilities = capabilities();
    snapshot.state = m_state;
    snapshot.localAddress = localAddress();
    snapshot.localPort = localPort();
    snapshot.localText = formatAddress(snapshot.localAddress, snapshot.localPort);
    snapshot.errorString = m_errorString;
    snapshot.pendingWriteBytes = pendingWriteBytes();
    snapshot.stats = m_stats;
    for (int id : m_order) {
        const Connection *connection = m_connections.value(id);
        if (connection->isOpen() || connection->isPeerOnly()) {
            ++snapshot.connectionCount;
            if (snapshot.peerText.isEmpty())
                snapshot.peerText = connection->source()->peerText;
        }
    }
    return snapshot;
}

} // namespace SockPlay
