#include "dtlsclientendpoint.h"

#include "dtlsconnection.h"
#include "endpointcapabilities.h"
#include "tlscontext.h"

namespace SockPlay {

DtlsClientEndpoint::DtlsClientEndpoint(const QString &name, EventLog *log, QObject *parent, int id)
    : Endpoint(name, log, parent, id)
{
}

EndpointCapabilities DtlsClientEndpoint::capabilities() const
{
    return endpointCapabilities(Transport::Dtls, Role::Client);
}

Result DtlsClientEndpoint::start(const EndpointConfig &requested)
{
    if (state() != EndpointState::Idle || connectionCount() > 0)
        closeAllConnections();
    EndpointConfig config = requested;
    config.transport = Transport::Dtls;
    config.role = Role::Client;
    beginStart(config);
    setState(EndpointState::Idle);
    if (config.port == 0)
        return refuse(tr("port 0 cannot be connected to — use the server's port (1–65535)"));
    QString error;
    QStringList notes;
    std::shared_ptr<const TlsContext> tls =
        TlsContext::make(config.tls, Role::Client, config.host, &error, &notes, Transport::Dtls);
    if (!tls)
        return refuse(tr("cannot start the DTLS client: %1").arg(error));
    for (const QString &note : std::as_const(notes))
        logEvent(EventKind::Note, note);
    auto *connection = new DtlsConnection(this, nextConnectionId(), std::move(tls));
    adopt(connection);
    connection->connectTo(config.host, config.port);
    updateState();
    return Result::success();
}

void DtlsClientEndpoint::stop()
{
    closeAllConnections(); // close_notify once secured
    updateState();
}

QHostAddress DtlsClientEndpoint::localAddress() const
{
    const QList<int> ids = connectionIds();
    return ids.isEmpty() ? QHostAddress() : connection(ids.constFirst())->source()->localAddress;
}

quint16 DtlsClientEndpoint::localPort() const
{
    const QList<int> ids = connectionIds();
    return ids.isEmpty() ? 0 : connection(ids.constFirst())->source()->localPort;
}

void DtlsClientEndpoint::connectionStateChanged(Connection *)
{
    updateState();
}

void DtlsClientEndpoint::connectionForgotten(Connection *)
{
    updateState();
}

void DtlsClientEndpoint::updateState()
{
    const EndpointState state = stateFromConnections();
    if (state != EndpointState::Idle)
        updateSource();
    setState(state);
}

} // namespace SockPlay
