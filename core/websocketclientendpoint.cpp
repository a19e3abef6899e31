#include "websocketclientendpoint.h"

#include "address.h"
#include "endpointcapabilities.h"
#include "tlscontext.h"
#include "websocketconnection.h"

namespace SockPlay {

WebSocketClientEndpoint::WebSocketClientEndpoint(const QString &name, EventLog *log, QObject *parent, int id)
    : SingleConnectionEndpoint(name, log, parent, id)
{
}

WebSocketClientEndpoint::~WebSocketClientEndpoint() = default;

EndpointCapabilities WebSocketClientEndpoint::capabilities() const
{
    return endpointCapabilities(Transport::WebSocket, Role::Client);
}

Result WebSocketClientEndpoint::start(const EndpointConfig &requested)
{
    EndpointConfig config = requested;
    config.transport = Transport::WebSocket;
    config.role = Role::Client;
    config.host = unbracketHost(config.host);
    if (config.path.isEmpty())
        config.path = QStringLiteral("/");
    restart(config);

    if (config.host.isEmpty())
        return refuse(tr("no host given — type a name or an address such as 127.0.0.1"));
    if (config.port == 0)
        return refuse(tr("port 0 cannot be connected to — use the server's port (1–65535)"));
    if (!config.path.startsWith(QLatin1Char('/')))
        return refuse(tr("the path “%1” must start with /").arg(config.path));
    std::shared_ptr<const TlsContext> tls;
    if (config.secure) {
        // The files are read now, once: a bad one is refused before anything connects.
        QString error;
        QStringList notes;
        tls = TlsContext::make(config.tls, Role::Client, config.host, &error, &notes);
        if (!tls)
            return refuse(tr("cannot start the wss:// client: %1").arg(error));
        for (const QString &note : std::as_const(notes))
            logEvent(EventKind::Note, note);
    }
    auto *connection = new WebSocketConnection(this, nextConnectionId());
    adopt(connection);
    connection->open(std::move(tls));
    updateState();
    return Result::success();
}

void WebSocketClientEndpoint::stateUpdating(EndpointState state)
{
    if (state != EndpointState::Idle)
        updateSource();
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
