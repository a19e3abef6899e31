#include "tlsclientendpoint.h"

#include "endpointcapabilities.h"
#include "tlscontext.h"

namespace SockPlay {

TlsClientEndpoint::TlsClientEndpoint(const QString &name, EventLog *log, QObject *parent, int id)
    : TcpClientEndpoint(Transport::Tls, name, log, parent, id)
{
}

EndpointCapabilities TlsClientEndpoint::capabilities() const
{
    return endpointCapabilities(Transport::Tls, Role::Client);
}

Result TlsClientEndpoint::prepare(const EndpointConfig &config)
{
    QString error;
    QStringList notes;
    std::shared_ptr<const TlsContext> context = TlsContext::make(config.tls, Role::Client, config.host, &error, &notes);
    setTls(context);
    if (!context)
        return refuse(tr("cannot start the TLS client: %1").arg(error));
    for (const QString &note : std::as_const(notes))
        logEvent(EventKind::Note, note);
    return Result::success();
}

} // namespace SockPlay
