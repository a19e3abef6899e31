#include "session.h"
#include "session_p.h"

#include "connection.h"
#include "dtlsclientendpoint.h"
#include "dtlsserverendpoint.h"
#include "endpoint.h"
#include "endpointcapabilities.h"
#include "filesender.h"
#include "repeater.h"
#include "relayendpoint.h"
#include "rules.h"
#include "serialendpoint.h"
#include "tcpclientendpoint.h"
#include "tcpserverendpoint.h"
#include "tlsclientendpoint.h"
#include "tlsserverendpoint.h"
#include "udpendpoint.h"
#include "udprelayendpoint.h"
#include "websocketclientendpoint.h"
#include "websocketserverendpoint.h"

#include <QLoggingCategory>
#include <QMetaMethod>
#include <QMutexLocker>
#include <QThread>

// The repeat and file-send commands (startRepeat, stopRepeat, sendFile,
// cancelFileSend, endSends) are in sessionsends.cpp.

namespace SockPlay {

Q_LOGGING_CATEGORY(lcSession, "sockplay.core.session")

namespace {
/// A relay whose sides are UDP is its own class: the datagram bit of the key.
constexpr quint16 DatagramRelayBit = 0x80;

quint16 factoryKey(Transport transport, Role role, bool datagramRelay = false)
{
    return quint16(quint16(transport) << 8 | quint16(role) | (datagramRelay ? DatagramRelayBit : 0));
}

quint16 factoryKey(const EndpointConfig &config)
{
    return factoryKey(config.transport, config.role, config.isUdpRelay());
}
} // namespace

Session::Session(QObject *parent)
    : Session(EventLog::Limits{}, parent)
{
}

Session::Session(const EventLog::Limits &limits, QObject *parent)
    : QObject(parent)
    , m_log(new EventLog(limits, this))
{
    qRegisterMetaType<SockPlay::EndpointSnapshot>();
    qRegisterMetaType<SockPlay::ConnectionInfo>();
    registerTransport(Transport::Tcp, Role::Server, [](const QString &name, EventLog *log, QObject *parent, int id) {
        return new TcpServerEndpoint(name, log, parent, id);
    });
    registerTransport(Transport::Tcp, Role::Client, [](const QString &name, EventLog *log, QObject *parent, int id) {
        return new TcpClientEndpoint(name, log, parent, id);
    });
    registerTransport(Transport::Tls, Role::Server, [](const QString &name, EventLog *log, QObject *parent, int id) {
        return new TlsServerEndpoint(name, log, parent, id);
    });
    registerTransport(Transport::Tls, Role::Client, [](const QString &name, EventLog *log, QObject *parent, int id) {
        return new TlsClientEndpoint(name, log, parent, id);
    });
    const Factory udp = [](const QString &name, EventLog *log, QObject *parent, int id) {
        return new UdpEndpoint(name, log, parent, id);
    };
    registerTransport(Transport::Udp, Role::Server, udp);
    registerTransport(Transport::Udp, Role::Client, udp);
    registerTransport(Transport::WebSocket, Role::Server, [](const QString &name, EventLog *log, QObject *parent, int id) {
        return new WebSocketServerEndpoint(name, log, parent, id);
    });
    registerTransport(Transport::WebSocket, Role::Client, [](const QString &name, EventLog *log, QObject *parent, int id) {
        return new WebSocketClientEndpoint(name, log, parent, id);
    });
    registerTransport(Transport::Relay, Role::Server, [](const QString &name, EventLog *log, QObject *parent, int id) {
        return new RelayEndpoint(name, log, parent, id);
    });
    registerTransport(Transport::Dtls, Role::Server, [](const QString &name, EventLog *log, QObject *parent, int id) {
        return new DtlsServerEndpoint(name, log, parent, id);
    });
    registerTransport(Transport::Dtls, Role::Client, [](const QString &name, EventLog *log, QObject *parent, int id) {
        return new DtlsClientEndpoint(name, log, parent, id);
    });
    // A UDP relay (RelaySpec::udp): the same transport and role, another class.
    m_factories.insert(factoryKey(Transport::Relay, Role::Server, true),
                       [](const QString &name, EventLog *log, QObject *parent, int id) {
                           return new UdpRelayEndpoint(name, log, parent, id);
                       });
    registerTransport(Transport::Serial, Role::Client, [](const QString &name, EventLog *log, QObject *parent, int id) {
        return new SerialEndpoint(name, log, parent, id);
    });

    m_clock.start();
    m_statsTimer.setInterval(StatsIntervalMs);
    m_statsTimer.setTimerType(Qt::CoarseTimer);
    connect(&m_statsTimer, &QTimer::timeout, this, &Session::tick);
    m_statsTimer.start();
}

Session::~Session()
{
    // Endpoints log until they are gone: delete them while the log exists.
    for (Entry *e : std::as_const(m_entries)) {
        delete e->repeater; // quietly: nobody listens any more
        delete e->fileSender;
        if (e->endpoint) {
            e->endpoint->disconnect(this);
            delete e->endpoint;
        }
        delete e;
    }
}

EndpointCapabilities Session::capabilitiesOf(Transport transport, Role role)
{
    return endpointCapabilities(transport, role);
}

EndpointCapabilities Session::capabilitiesOf(const EndpointConfig &config)
{
    return endpointCapabilities(config.transport, config.role, config.isUdpRelay());
}

void Session::registerTransport(Transport transport, Role role, Factory factory)
{
    m_factories.insert(factoryKey(transport, role), std::move(factory));
}

Session::Entry *Session::entry(int endpointId)
{
    Entry *e = m_entries.value(endpointId);
    if (!e)
        qCWarning(lcSession) << "no endpoint" << endpointId;
    return e;
}

Endpoint *Session::makeEndpoint(const EndpointConfig &config, int id)
{
    const Factory factory = m_factories.value(factoryKey(config));
    if (!factory)
        return nullptr;
    Endpoint *endpoint = factory(config.displayName(), m_log, this, id);
    endpoint->setConfig(config); // an idle endpoint's snapshot describes what it was made for
    wire(id, endpoint);
    return endpoint;
}

void Session::wire(int endpointId, Endpoint *endpoint)
{
    connect(endpoint, &Endpoint::stateChanged, this, [this, endpointId] { publish(endpointId); });
    connect(endpoint, &Endpoint::errorOccurred, this, [this, endpointId](const QString &message) {
        publish(endpointId);
        emit errorOccurred(endpointId, message);
    });
    // Connection counts reach the snapshots with the next stats tick: a storm
    // of connects must not copy every connection list once per connect.
    connect(endpoint, &Endpoint::connectionOpened, this, [this, endpointId, endpoint](int connectionId) {
        if (Entry *e = m_entries.value(endpointId))
            e->countersChanged = true;
        if (const Connection *connection = endpoint->connection(connectionId))
            emit connectionOpened(endpointId, connection->info());
    });
    connect(endpoint, &Endpoint::connectionClosed, this, [this, endpointId](int connectionId) {
        if (Entry *e = m_entries.value(endpointId))
            e->countersChanged = true;
        emit connectionClosed(endpointId, connectionId);
    });
    connect(endpoint, &Endpoint::dataReceived, this,
            [this, endpointId](int connectionId, const QByteArray &bytes) {
                if (Entry *e = m_entries.value(endpointId))
                    e->countersChanged = true;
                emit dataReceived(endpointId, connectionId, bytes);
            });
    connect(endpoint, &Endpoint::messageReceived, this,
            [this, endpointId](int connectionId, const QByteArray &payload) {
                emit messageReceived(endpointId, connectionId, payload);
            });
    connect(endpoint, &Endpoint::clientTurnedAway, this, [this, endpointId](const QString &peer, const QString &reason) {
        emit clientTurnedAway(endpointId, peer, reason);
    });
    // What waits to go out is a sum over every connection: reported once per
    // pass of the event loop, not once per write (10,000 echoing clients).
    connect(endpoint, &Endpoint::bytesWritten, this, [this, endpointId](int connectionId, qint64 bytes) {
        static const QMetaMethod signal = QMetaMethod::fromSignal(&Session::bytesWritten);
        Entry *e = m_entries.value(endpointId);
        if (!e || !isSignalConnected(signal))
            return;
        e->writtenSinceReport += bytes;
        e->lastWriter = e->writeReportQueued && e->lastWriter != connectionId ? 0 : connectionId;
        if (e->writeReportQueued)
            return;
        e->writeReportQueued = true;
        QMetaObject::invokeMethod(this, [this, endpointId] {
            Entry *e = m_entries.value(endpointId);
            if (!e)
                return;
            e->writeReportQueued = false;
            const qint64 bytes = std::exchange(e->writtenSinceReport, 0);
            const qint64 pending = e->endpoint ? e->endpoint->pendingWriteBytes() : 0;
            emit bytesWritten(endpointId, e->lastWriter, bytes, pending);
        }, Qt::QueuedConnection);
    });
}

int Session::addEndpoint(const EndpointConfig &config)
{
    const int id = ++m_lastId;
    command([this, id, config] {
        auto *e = new Entry;
        e->config = config;
        e->endpoint = makeEndpoint(config, id);
        m_entries.insert(id, e);
        m_order.append(id);
        publish(id);
        emit endpointAdded(snapshot(id));
    });
    return id;
}

void Session::start(int endpointId, const EndpointConfig &config)
{
    command([this, endpointId, config] {
        Entry *e = entry(endpointId);
        if (!e)
            return;
        endSends(endpointId, QStringLiteral("the endpoint restarted"));
        // The endpoint's own name, not the entry's: a rename while it ran
        // takes effect here.
        const bool sameKind = e->endpoint && factoryKey(e->config) == factoryKey(config)
            && e->endpoint->name() == config.displayName();
        if (!sameKind) {
            if (e->endpoint) {
                e->endpoint->stop();
                e->endpoint->disconnect(this);
                e->endpoint->deleteLater();
            }
            e->endpoint = makeEndpoint(config, endpointId);
        }
        e->config = config;
        e->meter.reset();
        if (!e->endpoint) {
            emit errorOccurred(endpointId, QStringLiteral("this kind of endpoint is not available"));
            return;
        }
        e->endpoint->start(config); // a refusal arrives through errorOccurred
        publish(endpointId);
    });
}

void Session::stop(int endpointId)
{
    command([this, endpointId] {
        endSends(endpointId, QStringLiteral("the endpoint stopped"));
        if (Entry *e = entry(endpointId); e && e->endpoint)
            e->endpoint->stop();
        publish(endpointId);
    });
}

void Session::removeEndpoint(int endpointId)
{
    command([this, endpointId] {
        endSends(endpointId, QStringLiteral("the endpoint was removed"));
        Entry *e = m_entries.take(endpointId);
        if (!e)
            return;
        m_order.removeOne(endpointId);
        if (e->endpoint) {
            e->endpoint->stop();
            e->endpoint->disconnect(this);
            e->endpoint->deleteLater();
        }
        delete e;
        {
            QMutexLocker locker(&m_snapshotMutex);
            m_snapshots.remove(endpointId);
            m_connections.remove(endpointId);
        }
        emit endpointRemoved(endpointId);
    });
}

void Session::renameEndpoint(int endpointId, const QString &name)
{
    command([this, endpointId, name] {
        Entry *e = entry(endpointId);
        if (!e)
            return;
        e->config.name = name;
        // An endpoint's name is fixed for its life (every event source holds
        // it): an idle one is remade under the new name.
        if (e->endpoint && e->endpoint->state() == EndpointState::Idle) {
            e->endpoint->disconnect(this);
            e->endpoint->deleteLater();
            e->endpoint = makeEndpoint(e->config, endpointId);
        }
        publish(endpointId);
    });
}

void Session::send(int endpointId, int connectionId, const QByteArray &bytes)
{
    command([this, endpointId, connectionId, bytes] {
        if (Entry *e = entry(endpointId); e && e->endpoint) {
            e->endpoint->send(connectionId, bytes); // a refusal is logged and signalled
            // ... to handlers that may remove the endpoint (a script fails its
            // step and cleans up): look the entry up again.
            if (Entry *still = entry(endpointId))
                still->countersChanged = true;
        }
    });
}

void Session::closeConnection(int endpointId, int connectionId)
{
    command([this, endpointId, connectionId] {
        if (Entry *e = entry(endpointId); e && e->endpoint)
            e->endpoint->disconnectConnection(connectionId);
    });
}

void Session::halfClose(int endpointId, int connectionId)
{
    command([this, endpointId, connectionId] {
        if (Entry *e = entry(endpointId); e && e->endpoint)
            e->endpoint->halfClose(connectionId);
    });
}

void Session::openConnection(int endpointId)
{
    command([this, endpointId] {
        Entry *e = entry(endpointId);
        if (!e || !e->endpoint)
            return;
        if (auto *client = qobject_cast<TcpClientEndpoint *>(e->endpoint))
            client->openConnection();
        else
            emit errorOccurred(endpointId, QStringLiteral("only a TCP client opens more connections"));
    });
}

void Session::setEcho(int endpointId, bool on)
{
    command([this, endpointId, on] {
        Entry *e = entry(endpointId);
        if (!e)
            return;
        e->config.echo = on;
        if (e->endpoint)
            e->endpoint->setEcho(on);
        publish(endpointId);
    });
}

void Session::setSimLink(int endpointId, const SimLinkSpec &spec)
{
    command([this, endpointId, spec] {
        Entry *e = entry(endpointId);
        if (!e)
            return;
        QString problem = spec.validate();
        if (problem.isEmpty() && spec.isActive() && !e->config.usesSimLink())
            problem = QStringLiteral("the simulated link is for UDP only (TCP never shows a loss to the program)");
        if (!problem.isEmpty()) {
            if (e->endpoint)
                e->endpoint->logUserError(QStringLiteral("simulated link: ") + problem);
            emit errorOccurred(endpointId, QStringLiteral("simulated link: ") + problem);
            return;
        }
        e->config.simLink = spec;
        if (auto *linked = qobject_cast<SimLinkEndpoint *>(e->endpoint))
            linked->setSimLink(spec);
        publish(endpointId);
    });
}

void Session::setRules(int endpointId, const QList<Rule> &rules)
{
    command([this, endpointId, rules] {
        Entry *e = entry(endpointId);
        if (!e)
            return;
        e->config.rules = rules;
        if (e->endpoint)
            e->endpoint->setRules(rules);
        publish(endpointId);
    });
}

void Session::setFraming(int endpointId, int connectionId, const FrameSpec &spec)
{
    command([this, endpointId, connectionId, spec] {
        Entry *e = entry(endpointId);
        if (!e)
            return;
        if (connectionId == Endpoint::AllConnections)
            e->config.frame = spec;
        if (e->endpoint)
            e->endpoint->setFraming(connectionId, spec);
        publish(endpointId);
    });
}

void Session::logError(int endpointId, const QString &message)
{
    command([this, endpointId, message] {
        if (Entry *e = entry(endpointId); e && e->endpoint) {
            e->endpoint->logUserError(message);
            publish(endpointId);
        }
    });
}

void Session::logNote(const QString &who, const QString &text, bool error)
{
    // The log is thread-safe: no need to go through the session's thread.
    m_log->append(error ? EventKind::Error : EventKind::Note, makeEventSource(0, 0, who, {}, 0, {}, 0), {}, -1, -1, text);
}

void Session::clearLog()
{
    command([this] { m_log->clear(); });
}

void Session::setLogLimits(const EventLog::Limits &limits)
{
    command([this, limits] { m_log->setLimits(limits); });
}

QList<int> Session::endpointIds() const
{
    QMutexLocker locker(&m_snapshotMutex);
    QList<int> ids = m_snapshots.keys();
    std::sort(ids.begin(), ids.end());
    return ids;
}

EndpointSnapshot Session::snapshot(int endpointId) const
{
    QMutexLocker locker(&m_snapshotMutex);
    EndpointSnapshot snapshot = m_snapshots.value(endpointId);
    // In the session's thread: live counters (rates come from the last tick).
    if (QThread::currentThread() == thread()) {
        if (const Entry *e = m_entries.value(endpointId); e && e->endpoint) {
            EndpointSnapshot live = e->endpoint->snapshot();
            live.stats.bytesInPerSecond = snapshot.stats.bytesInPerSecond;
            live.stats.bytesOutPerSecond = snapshot.stats.bytesOutPerSecond;
            live.stats.messagesInPerSecond = snapshot.stats.messagesInPerSecond;
            live.stats.messagesOutPerSecond = snapshot.stats.messagesOutPerSecond;
            return live;
        }
    }
    return snapshot;
}

QList<ConnectionInfo> Session::connections(int endpointId) const
{
    if (QThread::currentThread() == thread()) {
        if (const Entry *e = m_entries.value(endpointId); e && e->endpoint)
            return e->endpoint->connections();
    }
    QMutexLocker locker(&m_snapshotMutex);
    return m_connections.value(endpointId);
}

void Session::publish(int endpointId)
{
    Entry *e = m_entries.value(endpointId);
    if (!e)
        return;
    EndpointSnapshot snapshot;
    if (e->endpoint) {
        snapshot = e->endpoint->snapshot();
        // Renamed while running: the new name already (see renameEndpoint).
        snapshot.name = e->config.displayName();
        snapshot.config.name = e->config.name;
    } else {
        snapshot.id = endpointId;
        snapshot.name = e->config.displayName();
        snapshot.config = e->config;
        snapshot.capabilities = capabilitiesOf(e->config);
    }
    e->meter.sample(m_clock.nsecsElapsed(), snapshot.stats);
    // The list of every connection (10,000 of them: milliseconds) only for
    // someone who reads it: a window's tables listen to connectionsUpdated.
    const bool listed = wantsConnectionLists();
    QList<ConnectionInfo> connections = e->endpoint && listed ? e->endpoint->connections() : QList<ConnectionInfo>{};
    {
        QMutexLocker locker(&m_snapshotMutex);
        m_snapshots.insert(endpointId, snapshot);
        if (listed)
            m_connections.insert(endpointId, connections);
    }
    e->countersChanged = false;
    emit endpointChanged(snapshot);
}

bool Session::wantsConnectionLists() const
{
    static const QMetaMethod updated = QMetaMethod::fromSignal(&Session::connectionsUpdated);
    return isSignalConnected(updated);
}

void Session::tick()
{
    RateTick rateTick;
    rateTick.number = ++m_tickNumber;
    qint64 &then = m_tickTimes[size_t(rateTick.number % RateWindow::Ticks)];
    rateTick.windowStartNs = then;
    rateTick.nowNs = then = m_clock.nsecsElapsed();
    // Counters and rates, once per tick for every endpoint that moved bytes
    // (and once more when they stop, so rates fall back to 0).
    for (int id : std::as_const(m_order)) {
        Entry *e = m_entries.value(id);
        if (!e || !e->endpoint)
            continue;
        // Only the connections that moved (or still fade) cost work here.
        const bool connectionsMoved = e->endpoint->sampleConnectionRates(rateTick);
        const EndpointStats before = m_snapshots.value(id).stats;
        EndpointStats now = e->endpoint->stats();
        const bool moved = now.bytesIn != before.bytesIn || now.bytesOut != before.bytesOut
            || now.messagesIn != before.messagesIn || now.messagesOut != before.messagesOut;
        const bool fading = before.bytesInPerSecond > 0 || before.bytesOutPerSecond > 0
            || before.messagesInPerSecond > 0 || before.messagesOutPerSecond > 0;
        if (!moved && !fading && !e->countersChanged && !connectionsMoved) {
            // Nothing to publish, but the meter hears of the quiet tick: a
            // burst after a pause is then measured over the last second, not
            // over the whole pause.
            e->meter.sample(rateTick.nowNs, now);
            continue;
        }
        publish(id);
        if (wantsConnectionLists())
            emit connectionsUpdated(id, m_connections.value(id));
    }
}

} // namespace SockPlay
