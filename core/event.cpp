#include "event.h"

namespace SockPlay {

QString eventKindName(EventKind kind)
{
    switch (kind) {
    case EventKind::Created: return QStringLiteral("socket created");
    case EventKind::LookingUp: return QStringLiteral("looking up");
    case EventKind::Bound: return QStringLiteral("bound");
    case EventKind::Listening: return QStringLiteral("listening");
    case EventKind::Accepted: return QStringLiteral("accepted");
    case EventKind::Connecting: return QStringLiteral("connecting");
    case EventKind::Connected: return QStringLiteral("connected");
    case EventKind::Sent: return QStringLiteral("sent");
    case EventKind::Received: return QStringLiteral("received");
    case EventKind::DatagramSent: return QStringLiteral("datagram sent");
    case EventKind::DatagramReceived: return QStringLiteral("datagram received");
    case EventKind::PeerClosed: return QStringLiteral("peer closed");
    case EventKind::Closed: return QStringLiteral("closed");
    case EventKind::Stopped: return QStringLiteral("stopped");
    case EventKind::Error: return QStringLiteral("error");
    case EventKind::Info: return QStringLiteral("info");
    }
    return QStringLiteral("unknown");
}

} // namespace SockPlay
