#include "event.h"

#include "address.h"

namespace SockPlay {

QString eventKindName(EventKind kind)
{
    switch (kind) {
    case EventKind::Created: return QStringLiteral("socket created");
    case EventKind::LookingUp: return QStringLiteral("looking up");
    case EventKind::Bound: return QStringLiteral("bound");
    case EventKind::Listening: return QStringLiteral("listening");
    case EventKind::Accepted: return QStringLiteral("accepted");
    case EventKind::TurnedAway: return QStringLiteral("turned away");
    case EventKind::Connecting: return QStringLiteral("connecting");
    case EventKind::Connected: return QStringLiteral("connected");
    case EventKind::Sent: return QStringLiteral("sent");
    case EventKind::Received: return QStringLiteral("received");
    case EventKind::DatagramSent: return QStringLiteral("datagram sent");
    case EventKind::DatagramReceived: return QStringLiteral("datagram received");
    case EventKind::AutoReplied: return QStringLiteral("automatic reply");
    case EventKind::Message: return QStringLiteral("message");
    case EventKind::HalfClosed: return QStringLiteral("done sending");
    case EventKind::PeerClosed: return QStringLiteral("peer closed");
    case EventKind::Closed: return QStringLiteral("closed");
    case EventKind::Stopped: return QStringLiteral("stopped");
    case EventKind::Error: return QStringLiteral("error");
    case EventKind::Note: return QStringLiteral("note");
    case EventKind::SimulatedDrop: return QStringLiteral("dropped (simulated)");
    case EventKind::Dropped: return QStringLiteral("dropped");
    }
    return QStringLiteral("unknown");
}

bool isDataKind(EventKind kind)
{
    switch (kind) {
    case EventKind::Sent:
    case EventKind::Received:
    case EventKind::DatagramSent:
    case EventKind::DatagramReceived:
    case EventKind::AutoReplied:
    case EventKind::Message:
    case EventKind::SimulatedDrop: // its bytes are shown, exported and, under a flood, shed like data
        return true;
    default:
        return false;
    }
}

bool isIncomingKind(EventKind kind)
{
    return kind == EventKind::Received || kind == EventKind::DatagramReceived;
}

EventSourcePtr makeEventSource(int endpointId, int connectionId, const QString &endpointName,
                               const QHostAddress &localAddress, quint16 localPort,
                               const QHostAddress &peerAddress, quint16 peerPort,
                               const QString &peerTextOverride)
{
    auto *source = new EventSource;
    source->endpointId = endpointId;
    source->connectionId = connectionId;
    source->endpointName = endpointName;
    source->localAddress = localAddress;
    source->localPort = localPort;
    source->peerAddress = peerAddress;
    source->peerPort = peerPort;
    // Every client of a server has the same local address: format it once
    // and share the text (10,000 clients, one string).
    thread_local QHostAddress lastLocal;
    thread_local quint16 lastLocalPort = 0;
    thread_local QString lastLocalText;
    if (localPort != lastLocalPort || localAddress != lastLocal || lastLocalText.isNull()) {
        lastLocal = localAddress;
        lastLocalPort = localPort;
        lastLocalText = formatAddress(localAddress, localPort);
    }
    source->localText = lastLocalText;
    source->peerText = peerTextOverride.isEmpty() ? formatAddress(peerAddress, peerPort) : peerTextOverride;
    return EventSourcePtr(source);
}

} // namespace SockPlay
