#include "tlsserverendpoint.h"

#include "endpointcapabilities.h"
#include "tlscontext.h"

namespace SockPlay {

TlsServerEndpoint::TlsServerEndpoint(const QString &name, EventLog *log, QObject *parent, int id)
    : TcpServerEndpoint(Transport::Tls, name, log, parent, id)
{
}

EndpointCapabilities TlsServerEndpoint::capabilities() const
{
    return endpointCapabilities(Transport::Tls, Role::Server);
}

Result TlsServerEndpoint::prepare(const EndpointConfig &config)
{
    QString error;
    QStringList notes;
    std::shared_ptr<const TlsContext> context = TlsContext::make(config.tls, Role::Server, config.host, &error, &notes);
    setTls(context);
    if (!context)
        return refuse(tr("cannot start the TLS server: %1").arg(error));
    for (const QString &note : std::as_const(notes))
        logEvent(EventKind::Note, note);
    return Result::success();
}

} // namespace SockPlay
