#include "tcpclientendpoint.h"

#include "endpointcapabilities.h"
#include "tcpconnection.h"
#include "tlscontext.h"

namespace SockPlay {

TcpClientEndpoint::TcpClientEndpoint(EventLog *log, QObject *parent)
    : TcpClientEndpoint(QStringLiteral("client"), log, parent)
{
}

TcpClientEndpoint::TcpClientEndpoint(const QString &name, EventLog *log, QObject *parent, int id)
    : Endpoint(name, log, parent, id)
{
}

TcpClientEndpoint::TcpClientEndpoint(Transport transport, const QString &name, EventLog *log, QObject *parent, int id)
    : Endpoint(name, log, parent, id)
    , m_transport(transport)
{
}

TcpClientEndpoint::~TcpClientEndpoint() = default;

Result TcpClientEndpoint::prepare(const EndpointConfig &config)
{
    Q_UNUSED(config)
    return Result::success();
}

EndpointCapabilities TcpClientEndpoint::capabilities() const
{
    return endpointCapabilities(Transport::Tcp, Role::Client);
}

Result TcpClientEndpoint::start(const EndpointConfig &requested)
{
    if (state() != EndpointState::Idle || connectionCount() > 0)
        closeAllConnections();
    EndpointConfig config = requested;
    config.transport = m_transport;
    config.role = Role::Client;
    config.host = unbracketHost(config.host);
    beginStart(config);
    m_started = false;
    setState(EndpointState::Idle);

    if (config.host.isEmpty())
        return refuse(tr("no host given — type a name or an address such as 127.0.0.1"));
    if (config.port == 0)
        return refuse(tr("port 0 cannot be connected to — use the server's port (1–65535)"));
    if (const Result prepared = prepare(config); !prepared)
        return prepared;
    m_started = true;
    if (config.noDelay)
        logEvent(EventKind::Note, QStringLiteral("TCP_NODELAY on: Nagle's algorithm off"));
    return openConnection();
}

Result TcpClientEndpoint::openConnection()
{
    if (!m_started)
        return refuse(tr("start the client first: it needs a host and a port"));
    auto *connection = new TcpConnection(this, nextConnectionId(), m_tls);
    adopt(connection);
    connection->connectTo(config().host, config().port);
    updateState();
    return Result::success();
}

void TcpClientEndpoint::stop()
{
    m_started = false;
    const QList<int> ids = connectionIds();
    for (int id : ids) {
        if (Connection *c = connection(id))
            c->close();
    }
    updateState();
}

void TcpClientEndpoint::connectionStateChanged(Connection *)
{
    updateState();
}

void TcpClientEndpoint::connectionForgotten(Connection *)
{
    updateState();
}

void TcpClientEndpoint::updateState()
{
    // The most advanced connection speaks for the endpoint.
    const EndpointState state = stateFromConnections();
    if (state != EndpointState::Idle)
        updateSource();
    setState(state);
}

QHostAddress TcpClientEndpoint::localAddress() const
{
    for (int id : connectionIds()) {
        if (connection(id)->isOpen())
            return connection(id)->info().localAddress;
    }
    return {};
}

quint16 TcpClientEndpoint::localPort() const
{
    for (int id : connectionIds()) {
        if (connection(id)->isOpen())
            return connection(id)->info().localPort;
    }
    return 0;
}

} // namespace SockPlay
