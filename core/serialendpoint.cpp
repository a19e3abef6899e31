#include "serialendpoint.h"

#include "endpointcapabilities.h"
#include "serialconnection.h"

namespace SockPlay {

SerialEndpoint::SerialEndpoint(const QString &name, EventLog *log, QObject *parent, int id)
    : SingleConnectionEndpoint(name, log, parent, id)
{
}

SerialEndpoint::~SerialEndpoint() = default;

EndpointCapabilities SerialEndpoint::capabilities() const
{
    return endpointCapabilities(Transport::Serial, Role::Client);
}

Result SerialEndpoint::start(const EndpointConfig &requested)
{
    EndpointConfig config = requested;
    config.transport = Transport::Serial;
    config.role = Role::Client;
    config.serial.device = config.serial.device.trimmed();
    restart(config);

    if (config.serial.device.isEmpty())
        return refuse(QStringLiteral("no device given — name one such as /dev/ttyUSB0 or COM3 "
                                     "(sockplay-cli serial --list shows them)"));
    if (const QString problem = config.serial.validate(); !problem.isEmpty())
        return refuse(problem);
    auto *connection = new SerialConnection(this, nextConnectionId());
    adopt(connection);
    // Synchronous: the connection is open, or logged its error and is gone.
    return connection->open();
}

Result SerialEndpoint::setLine(SerialSpec::Line line, bool on)
{
    EndpointConfig config = this->config();
    bool &kept = line == SerialSpec::Line::Dtr ? config.serial.dtr : config.serial.rts;
    for (int id : connectionIds()) {
        auto *port = qobject_cast<SerialConnection *>(connection(id));
        if (!port || !port->isOpen())
            continue;
        if (const Result set = port->setLine(line, on); !set)
            return set; // the line stays as it was
        kept = on;
        setConfig(config);
        return Result::success();
    }
    // Not open: for the next start, where the spec is checked as a whole.
    kept = on;
    setConfig(config);
    return Result::success();
}

} // namespace SockPlay
