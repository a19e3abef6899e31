#include "endpointtypes.h"

#include "address.h"

namespace SockPlay {

QString EndpointConfig::displayName() const
{
    if (!name.isEmpty())
        return name;
    return role == Role::Server ? QStringLiteral("server") : QStringLiteral("client");
}

QString endpointStateName(EndpointState state)
{
    switch (state) {
    case EndpointState::Idle: return QStringLiteral("idle");
    case EndpointState::LookingUp: return QStringLiteral("looking up");
    case EndpointState::Connecting: return QStringLiteral("connecting");
    case EndpointState::Active: return QStringLiteral("active");
    case EndpointState::Closing: return QStringLiteral("closing");
    }
    return QStringLiteral("unknown");
}

QString ConnectionInfo::peerText() const
{
    if (peerAddress.isNull() && !peerName.isEmpty())
        return peerName;
    return formatAddress(peerAddress, peerPort);
}

} // namespace SockPlay
