#include "singleconnectionendpoint.h"

#include "connection.h"

namespace SockPlay {

void SingleConnectionEndpoint::restart(const EndpointConfig &config)
{
    if (state() != EndpointState::Idle || connectionCount() > 0)
        closeAllConnections();
    beginStart(config);
    setState(EndpointState::Idle);
}

void SingleConnectionEndpoint::stop()
{
    const QList<int> ids = connectionIds();
    for (int id : ids) {
        if (Connection *c = connection(id))
            c->close();
    }
    updateState();
}

void SingleConnectionEndpoint::connectionStateChanged(Connection *)
{
    updateState();
}

void SingleConnectionEndpoint::connectionForgotten(Connection *)
{
    updateState();
}

void SingleConnectionEndpoint::updateState()
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
    stateUpdating(state);
    setState(state);
}

} // namespace SockPlay
