// Session's multicast commands (join and leave a group while a UDP receiver
// runs): a translation unit of Session, sharing Session::Entry through session_p.h.

#include "session.h"
#include "session_p.h"

#include "udpendpoint.h"

namespace SockPlay {

void Session::joinGroup(int endpointId, const QString &group, const QString &interfaceName)
{
    command([this, endpointId, group, interfaceName] { changeGroup(endpointId, group, interfaceName, true); });
}

void Session::leaveGroup(int endpointId, const QString &group, const QString &interfaceName)
{
    command([this, endpointId, group, interfaceName] { changeGroup(endpointId, group, interfaceName, false); });
}

void Session::changeGroup(int endpointId, const QString &group, const QString &interfaceName, bool join)
{
    Entry *e = entry(endpointId);
    if (!e || !e->endpoint)
        return;
    auto *udp = qobject_cast<UdpEndpoint *>(e->endpoint);
    if (!udp) {
        e->endpoint->reportError(QStringLiteral("cannot %1 a multicast group: %2 is not a UDP endpoint")
                                     .arg(join ? QStringLiteral("join") : QStringLiteral("leave"), e->endpoint->name()));
        return;
    }
    // A refusal is logged and signalled, to handlers that may remove the
    // endpoint: look the entry up again after it.
    if (join)
        udp->joinGroup(group, interfaceName);
    else
        udp->leaveGroup(group, interfaceName);
    if (Entry *still = entry(endpointId); still && still->endpoint) {
        still->config.multicastGroups = still->endpoint->config().multicastGroups;
        publish(endpointId);
    }
}

} // namespace SockPlay
