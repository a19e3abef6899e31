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

// Making, wiring, adding, starting, stopping, removing and renaming
// endpoints. The commands to a running endpoint and to the log are in
// sessioncommands.cpp; snapshots and the statistics tick in
// sessionsnapshots.cpp; the repeat and file-send commands (startRepeat,
// stopRepeat, sendFile, cancelFileSend, endSends) in sessionsends.cpp.

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

} // namespace SockPlay
