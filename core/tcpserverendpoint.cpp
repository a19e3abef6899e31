#include "tcpserverendpoint.h"

#include "address.h"
#include "endpointcapabilities.h"
#include "eventlog.h"
#include "tcpconnection.h"
#include "tlscontext.h"

#include <QSslSocket>
#include <QTcpServer>

#include <algorithm>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace SockPlay {

/// A QTcpServer that hands over each accepted descriptor at once: QTcpServer
/// would set up a QTcpSocket for each (ten system calls) before accepting the
/// next, and a storm of 10,000 connects would overflow the kernel's accept
/// queue (4,096 here) and wait out SYN retries.
class TcpServerEndpoint::Listener final : public QTcpServer
{
public:
    Listener(TcpServerEndpoint *endpoint)
        : QTcpServer(endpoint)
        , m_endpoint(endpoint)
    {
    }

protected:
    void incomingConnection(qintptr descriptor) override { m_endpoint->accepted(descriptor); }

private:
    TcpServerEndpoint *m_endpoint;
};

TcpServerEndpoint::TcpServerEndpoint(EventLog *log, QObject *parent)
    : TcpServerEndpoint(QStringLiteral("server"), log, parent)
{
}

TcpServerEndpoint::TcpServerEndpoint(const QString &name, EventLog *log, QObject *parent, int id)
    : Endpoint(name, log, parent, id)
{
}

TcpServerEndpoint::TcpServerEndpoint(Transport transport, const QString &name, EventLog *log, QObject *parent, int id)
    : Endpoint(name, log, parent, id)
    , m_transport(transport)
{
}

QString TcpServerEndpoint::listenerText() const
{
    return m_tls ? QStringLiteral("TLS server socket (TCP; each client's TLS handshake follows accept)")
                 : QStringLiteral("TCP server socket");
}

void TcpServerEndpoint::clientAccepted(TcpConnection *connection)
{
    Q_UNUSED(connection)
}

Result TcpServerEndpoint::prepare(const EndpointConfig &config)
{
    Q_UNUSED(config)
    return Result::success();
}

TcpServerEndpoint::~TcpServerEndpoint()
{
    closeUnadopted();
}

EndpointCapabilities TcpServerEndpoint::capabilities() const
{
    return endpointCapabilities(Transport::Tcp, Role::Server);
}

Result TcpServerEndpoint::start(const EndpointConfig &requested)
{
    if (state() != EndpointState::Idle)
        stop();
    EndpointConfig config = requested;
    config.transport = m_transport;
    config.role = Role::Server;
    // The kernel's accept queue follows max clients: a classroom (or a load
    // script) connecting all at once must not wait out SYN retries.
    config.maxConnections = std::max(1, config.maxConnections);
    config.listenBacklog = std::max(config.listenBacklog, config.maxConnections);
    beginStart(config);

    const QHostAddress address = parseBindAddress(config.host);
    if (address.isNull()) {
        return refuse(tr("“%1” is not an address to listen on — use 127.0.0.1, ::1, 0.0.0.0 or ::")
                          .arg(config.host));
    }

    if (const Result prepared = prepare(config); !prepared)
        return prepared;

    m_server = new Listener(this);
    m_server->setListenBacklogSize(config.listenBacklog);
    m_server->setMaxPendingConnections(config.listenBacklog);
    logEvent(EventKind::Created, listenerText());
    if (!m_server->listen(address, config.port)) {
        const QString message = describeSocketError(m_server->errorString(), m_server->serverError(), config.port);
        delete m_server;
        m_server = nullptr;
        return refuse(tr("cannot listen on %1: %2").arg(formatAddress(address, config.port), message));
    }
    updateSource();
    logEvent(EventKind::Bound, config.port == 0
                 ? QStringLiteral("port 0 asked: the system chose %1").arg(m_server->serverPort())
                 : QString());
    logEvent(EventKind::Listening, QStringLiteral("backlog %1, up to %2 clients%3")
                                       .arg(config.listenBacklog)
                                       .arg(config.maxConnections)
                                       .arg(config.echo ? QStringLiteral(", echo on") : QString()));
    // Every interface is an explicit choice: the log says what it means.
    if (const QString exposed = networkReachableNote(address, false); !exposed.isEmpty())
        logEvent(EventKind::Note, exposed);
    if (config.noDelay)
        logEvent(EventKind::Note, QStringLiteral("TCP_NODELAY on: Nagle's algorithm off"));
    if (config.relayToOthers)
        logEvent(EventKind::Note, QStringLiteral("relay on: each message a client sends goes to every other client"));
    setState(EndpointState::Active);
    return Result::success();
}

void TcpServerEndpoint::stop()
{
    if (!m_server)
        return;
    closeAllConnections();
    m_server->close();
    m_server->deleteLater();
    m_server = nullptr;
    closeUnadopted();
    logEvent(EventKind::Stopped, QStringLiteral("no longer listening"));
    setState(EndpointState::Idle);
}

void TcpServerEndpoint::accepted(qintptr descriptor)
{
    m_unadopted.append(descriptor);
    if (!m_adoptScheduled) {
        m_adoptScheduled = true;
        QMetaObject::invokeMethod(this, &TcpServerEndpoint::adoptAccepted, Qt::QueuedConnection);
    }
}

void TcpServerEndpoint::adoptAccepted()
{
    // A few hundred per pass: a storm of connects does not hold up the
    // accepting (the next pass accepts again) or anything else in the loop.
    m_adoptScheduled = false;
    for (int n = 0; n < AdoptedPerPass && m_server && m_unadoptedHead < m_unadopted.size(); ++n) {
        const qintptr descriptor = m_unadopted.at(m_unadoptedHead++);
        QTcpSocket *socket = m_tls ? new QSslSocket(this) : new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
#ifdef Q_OS_UNIX
            ::close(int(descriptor));
#endif
            delete socket;
            continue;
        }
        serve(socket);
    }
    if (m_unadoptedHead >= m_unadopted.size()) {
        m_unadopted.clear();
        m_unadoptedHead = 0;
    } else if (m_server) {
        m_adoptScheduled = true;
        QMetaObject::invokeMethod(this, &TcpServerEndpoint::adoptAccepted, Qt::QueuedConnection);
    }
}

void TcpServerEndpoint::closeUnadopted()
{
#ifdef Q_OS_UNIX
    for (qsizetype i = m_unadoptedHead; i < m_unadopted.size(); ++i)
        ::close(int(m_unadopted.at(i)));
#endif
    m_unadopted.clear();
    m_unadoptedHead = 0;
}

void TcpServerEndpoint::serve(QTcpSocket *socket)
{
    if (clientCount() >= config().maxConnections) {
        const EventSourcePtr peer = makeEventSource(id(), 0, name(), socket->localAddress(), socket->localPort(),
                                                    socket->peerAddress(), socket->peerPort());
        const int limit = config().maxConnections;
        const QString reason = limit == 1 ? QStringLiteral("the limit of 1 client is reached")
                                          : QStringLiteral("the limit of %1 clients is reached").arg(limit);
        logEvent(EventKind::TurnedAway, peer, reason);
        emit clientTurnedAway(formatAddress(socket->peerAddress(), socket->peerPort()), reason);
        socket->abort();
        socket->deleteLater();
        return;
    }
    auto *connection = new TcpConnection(this, nextConnectionId(), socket, m_tls);
    log()->append(EventKind::Accepted, connection->source(), {}, 0, -1,
                  QStringLiteral("connection #%1, %2 connected").arg(connection->id()).arg(clientCount() + 1));
    Endpoint::adopt(connection);
    clientAccepted(connection);
    if (m_tls)
        connection->startServerEncryption(); // it opens once encrypted
    else
        connection->readPending(); // data may have come with the handshake
}

QHostAddress TcpServerEndpoint::localAddress() const
{
    return m_server ? m_server->serverAddress() : QHostAddress();
}

quint16 TcpServerEndpoint::localPort() const
{
    return m_server ? m_server->serverPort() : 0;
}

} // namespace SockPlay
