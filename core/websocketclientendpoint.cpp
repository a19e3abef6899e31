#include "websocketclientendpoint.h"

#include "address.h"
#include "websocketconnection.h"

namespace SockPlay {

WebSocketClientEndpoint::WebSocketClientEndpoint(const QString &name, EventLog *log, QObject *parent, int id)
    : Endpoint(name, log, parent, id)
{
}

WebSocketClientEndpoint::~WebSocketClientEndpoint() = default;

EndpointCapabilities WebSocketClientEndpoint::capabilities() const
{
    EndpointCapabilities capabilities;
    capabilities.hasConnections = true;
    capabilities.hasTarget = true;
    capabilities.wholeMessages = true;
    return capabilities;
}

Result WebSocketClientEndpoint::start(const EndpointConfig &requested)
{
    if (state() != EndpointState::Idle || connectionCount() > 0)
        closeAllConnections();
    EndpointConfig config = requested;
    config.transport = Transport::WebSocket;
    config.role = Role::Client;
    config.host = unbracketHost(config.host);
    if (config.path.isEmpty())
        config.path = QStringLiteral("/");
    beginStart(config);
    setState(EndpointState::Idle);

    if (config.host.isEmpty())
        return refuse(tr("no host given — type a name or an address such as 127.0.0.1"));
    if (config.port == 0)
        return refuse(tr("port 0 cannot be connected to — use the server's port (1–65535)"));
    if (!config.path.startsWith(QLatin1Char('/')))
        return refuse(tr("the path “%1” must start with /").arg(config.path));
    auto *connection = new WebSocketConnection(this, nextConnectionId());
    adopt(connection);
    connection->open();
    updateState();
    return Result::success();
}

void WebSocketClientEndpoint::stop()
{
    const QList<int> ids = connectionIds();
    for (int id : ids) {
        if (Connection *c = connection(id))
            c->close();
    }
    updateState();
}

void WebSocketClientEndpoint::connectionStateChanged(Connection *)
{
    updateState();
}

void WebSocketClientEndpoint::connectionForgotten(Connection *)
{
    updateState();
}

void WebSocketClientEndpoint::updateState()
{
    EndpointState state = EndpointState::Idle;
    for (int id : connectionIds()) {
        switch (connection(id)->state()) {
        case Connection::State::Open: state = EndpointState::Active; break;
        case Connection::State::Closing: state = EndpointState::Closing; break;
        case Connection::State::Connecting:
        case Connection::State::LookingUp: state = EndpointState::Connecting; break;
        case Connection::State::Closed: break;
        }
    }
    if (state != EndpointState::Idle)
        updateSource();
    setState(state);
}

QHostAddress WebSocketClientEndpoint::localAddress() const
{
    for (int id : connectionIds()) {
        if (connection(id)->isOpen())
            return connection(id)->info().localAddress;
    }
    return {};
}

quint16 WebSocketClientEndpoint::localPort() const
{
    for (int id : connectionIds()) {
        if (connection(id)->isOpen())
            return connection(id)->info().localPort;
    }
    return 0;
}

} // namespace SockPlay
