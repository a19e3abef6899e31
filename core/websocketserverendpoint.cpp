#include "websocketserverendpoint.h"

#include "address.h"
#include "endpointcapabilities.h"
#include "eventlog.h"
#include "tlscontext.h"
#include "websocketconnection.h"
#include "websockettext.h"

#include <QSslSocket>
#include <QTcpServer>
#include <QWebSocket>
#include <QWebSocketServer>

#include <algorithm>

namespace SockPlay {

namespace {

/// A QTcpServer whose accepted sockets are QSslSockets (wss://), not yet
/// encrypted: each connection runs its own handshake and logs it.
class TlsListener final : public QTcpServer
{
public:
    using QTcpServer::QTcpServer;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket(this);
        if (socket->setSocketDescriptor(descriptor))
            addPendingConnection(socket);
        else
            delete socket; // closes the descriptor
    }
};

} // namespace

WebSocketServerEndpoint::WebSocketServerEndpoint(const QString &name, EventLog *log, QObject *parent, int id)
    : Endpoint(name, log, parent, id)
{
}

WebSocketServerEndpoint::~WebSocketServerEndpoint() = default;

EndpointCapabilities WebSocketServerEndpoint::capabilities() const
{
    return endpointCapabilities(Transport::WebSocket, Role::Server);
}

Result WebSocketServerEndpoint::start(const EndpointConfig &requested)
{
    if (state() != EndpointState::Idle)
        stop();
    EndpointConfig config = requested;
    config.transport = Transport::WebSocket;
    config.role = Role::Server;
    config.maxConnections = std::max(1, config.maxConnections);
    config.listenBacklog = std::max(config.listenBacklog, config.maxConnections);
    if (config.path.isEmpty())
        config.path = QStringLiteral("/");
    beginStart(config);

    const QHostAddress address = parseBindAddress(config.host);
    if (address.isNull()) {
        return refuse(tr("“%1” is not an address to listen on — use 127.0.0.1, ::1, 0.0.0.0 or ::")
                          .arg(config.host));
    }
    if (!config.path.startsWith(QLatin1Char('/')))
        return refuse(tr("the path “%1” must start with /").arg(config.path));
    m_tls.reset();
    QStringList tlsNotes;
    if (config.secure) {
        QString error;
        m_tls = TlsContext::make(config.tls, Role::Server, config.host, &error, &tlsNotes);
        if (!m_tls)
            return refuse(tr("cannot start the wss:// server: %1").arg(error));
    }
    const QString scheme = config.secure ? QStringLiteral("wss") : QStringLiteral("ws");

    m_listener = m_tls ? new TlsListener(this) : new QTcpServer(this);
    m_listener->setListenBacklogSize(config.listenBacklog);
    m_listener->setMaxPendingConnections(config.listenBacklog);
    logEvent(EventKind::Created, m_tls ? QStringLiteral("WebSocket server socket (TLS over TCP; each client's TLS "
                                                        "handshake follows accept, then its HTTP upgrade)")
                                       : QStringLiteral("WebSocket server socket (over TCP)"));
    for (const QString &note : std::as_const(tlsNotes))
        logEvent(EventKind::Note, note);
    if (!m_listener->listen(address, config.port)) {
        const QString message = describeSocketError(m_listener->errorString(), m_listener->serverError(), config.port);
        delete m_listener;
        m_listener = nullptr;
        return refuse(tr("cannot listen on %1: %2").arg(formatAddress(address, config.port), message));
    }
    connect(m_listener, &QTcpServer::newConnection, this, &WebSocketServerEndpoint::acceptPending);
    m_handshaker = new QWebSocketServer(QStringLiteral("SockPlay"),
                                        m_tls ? QWebSocketServer::SecureMode : QWebSocketServer::NonSecureMode, this);
    m_handshaker->setSupportedSubprotocols(config.subprotocols);
    m_handshaker->setMaxPendingConnections(config.listenBacklog);
    connect(m_handshaker, &QWebSocketServer::newConnection, this, &WebSocketServerEndpoint::adoptUpgraded);

    updateSource();
    logEvent(EventKind::Bound, config.port == 0
                 ? QStringLiteral("port 0 asked: the system chose %1").arg(m_listener->serverPort())
                 : QString());
    logEvent(EventKind::Listening,
             QStringLiteral("serving %1://%2%3; backlog %4, up to %5 clients, messages up to %6 bytes, "
                            "subprotocols: %7%8")
                 .arg(scheme, formatAddress(m_listener->serverAddress(), m_listener->serverPort()), config.path)
                 .arg(config.listenBacklog)
                 .arg(config.maxConnections)
                 .arg(config.maxMessageBytes)
                 .arg(WebSocketText::subprotocolsText(config.subprotocols),
                      config.echo ? QStringLiteral(", echo on") : QString()));
    if (const QString exposed = networkReachableNote(address, false); !exposed.isEmpty())
        logEvent(EventKind::Note, exposed);
    setState(EndpointState::Active);
    return Result::success();
}

void WebSocketServerEndpoint::stop()
{
    if (!m_listener)
        return;
    closeAllConnections();
    m_listener->close();
    m_listener->deleteLater();
    m_listener = nullptr;
    m_handshaker->deleteLater();
    m_handshaker = nullptr;
    m_tls.reset();
    logEvent(EventKind::Stopped, QStringLiteral("no longer listening"));
    setState(EndpointState::Idle);
}

void WebSocketServerEndpoint::acceptPending()
{
    while (m_listener && m_listener->hasPendingConnections()) {
        QTcpSocket *socket = m_listener->nextPendingConnection();
        // Clients waiting for their upgrade count: a storm of peers that
        // never upgrade cannot hold more than the limit.
        if (connectionCount() >= config().maxConnections) {
            const EventSourcePtr peer = makeEventSource(id(), 0, name(), socket->localAddress(), socket->localPort(),
                                                        socket->peerAddress(), socket->peerPort());
            const int limit = config().maxConnections;
            const QString reason = limit == 1 ? QStringLiteral("the limit of 1 client is reached")
                                              : QStringLiteral("the limit of %1 clients is reached").arg(limit);
            logEvent(EventKind::TurnedAway, peer, reason);
            emit clientTurnedAway(formatAddress(socket->peerAddress(), socket->peerPort()), reason);
            socket->abort();
            socket->deleteLater();
            continue;
        }
        auto *connection = new WebSocketConnection(this, nextConnectionId(), socket, m_handshaker, m_tls);
        log()->append(EventKind::Accepted, connection->source(), {}, 0, -1,
                      QStringLiteral("connection #%1 (TCP), %2 connected; waiting for its %3")
                          .arg(connection->id())
                          .arg(connectionCount() + 1)
                          .arg(m_tls ? QStringLiteral("TLS handshake, then its HTTP upgrade request")
                                     : QStringLiteral("HTTP upgrade request")));
        adopt(connection);
    }
}

void WebSocketServerEndpoint::adoptUpgraded()
{
    while (m_handshaker && m_handshaker->hasPendingConnections()) {
        QWebSocket *socket = m_handshaker->nextPendingConnection();
        WebSocketConnection *owner = nullptr;
        for (int connectionId : connectionIds()) {
            auto *candidate = qobject_cast<WebSocketConnection *>(connection(connectionId));
            if (candidate && candidate->isPeerOf(socket)) {
                owner = candidate;
                break;
            }
        }
        if (!owner) { // its connection was closed meanwhile
            socket->abort();
            socket->deleteLater();
            continue;
        }
        owner->upgraded(socket);
    }
}

QHostAddress WebSocketServerEndpoint::localAddress() const
{
    return m_listener ? m_listener->serverAddress() : QHostAddress();
}

quint16 WebSocketServerEndpoint::localPort() const
{
    return m_listener ? m_listener->serverPort() : 0;
}

} // namespace SockPlay
