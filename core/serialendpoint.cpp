#include "serialendpoint.h"

#include "serialconnection.h"

namespace SockPlay {

SerialEndpoint::SerialEndpoint(const QString &name, EventLog *log, QObject *parent, int id)
    : Endpoint(name, log, parent, id)
{
}

SerialEndpoint::~SerialEndpoint() = default;

EndpointCapabilities SerialEndpoint::capabilities() const
{
    // A byte stream with one connection (the port), to one target (the device).
    EndpointCapabilities capabilities;
    capabilities.hasConnections = true;
    capabilities.hasTarget = true;
    return capabilities;
}

Result SerialEndpoint::start(const EndpointConfig &requested)
{
    if (state() != EndpointState::Idle || connectionCount() > 0)
        closeAllConnections();
    EndpointConfig config = requested;
    config.transport = Transport::Serial;
    config.role = Role::Client;
    config.serial.device = config.serial.device.trimmed();
    beginStart(config);
    setState(EndpointState::Idle);

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

void SerialEndpoint::stop()
{
    const QList<int> ids = connectionIds();
    for (int id : ids) {
        if (Connection *c = connection(id))
            c->close();
    }
    updateState();
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

void SerialEndpoint::connectionStateChanged(Connection *)
{
    updateState();
}

void SerialEndpoint::connectionForgotten(Connection *)
{
    updateState();
}

void SerialEndpoint::updateState()
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
    setState(state);
}

} // namespace SockPlay
