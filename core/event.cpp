#include "event.h"

#include "address.h"

namespace SockPlay {

// The names stay English here: exports, the CLI and scripts use them. The
// window shows them translated (QT_TRANSLATE_NOOP marks them for lupdate;
// the log view looks them up in the "SockPlay::EventKind" context).
QString eventKindName(EventKind kind)
{
    switch (kind) {
    case EventKind::Created: return QStringLiteral(QT_TRANSLATE_NOOP("SockPlay::EventKind", "socket created"));
    case EventKind::LookingUp: return QStringLiteral(QT_TRANSLATE_NOOP("SockPlay::EventKind", "looking up"));
    case EventKind::Bound: return QStringLiteral(QT_TRANSLATE_NOOP("SockPlay::EventKind", "bound"));
    case EventKind::Listening: return QStringLiteral(QT_TRANSLATE_NOOP("SockPlay::EventKind", "listening"));
    case EventKind::Accepted: return QStringLiteral(QT_TRANSLATE_NOOP("SockPlay::EventKind", "accepted"));
    case EventKind::TurnedAway: return QStringLiteral(QT_TRANSLATE_NOOP("SockPlay::EventKind", "turned away"));
    case EventKind::Connecting: return QStringLiteral(QT_TRANSLATE_NOOP("SockPlay::EventKind", "connecting"));
    case EventKind::Connected: return QStringLiteral(QT_TRANSLATE_NOOP("SockPlay::EventKind", "connected"));
    case EventKind::Sent: return QStringLiteral(QT_TRANSLATE_NOOP("SockPlay::EventKind", "sent"));
    case EventKind::Received: return QStringLiteral(QT_TRANSLATE_NOOP("SockPlay::EventKind", "received"));
    case EventKind::DatagramSent: return QStringLiteral(QT_TRANSLATE_NOOP("SockPlay::EventKind", "datagram sent"));
    case EventKind::DatagramReceived: return QStringLiteral(QT_TRANSLATE_NOOP("SockPlay::EventKind", "datagram received"));
    case EventKind::AutoReplied: return QStringLiteral(QT_TRANSLATE_NOOP("SockPlay::EventKind", "automatic reply"));
    case EventKind::Message: return QStringLiteral(QT_TRANSLATE_NOOP("SockPlay::EventKind", "message"));
    case EventKind::HalfClosed: return QStringLiteral(QT_TRANSLATE_NOOP("SockPlay::EventKind", "done sending"));
    case EventKind::PeerClosed: return QStringLiteral(QT_TRANSLATE_NOOP("SockPlay::EventKind", "peer closed"));
    case EventKind::Closed: return QStringLiteral(QT_TRANSLATE_NOOP("SockPlay::EventKind", "closed"));
    case EventKind::Stopped: return QStringLiteral(QT_TRANSLATE_NOOP("SockPlay::EventKind", "stopped"));
    case EventKind::Error: return QStringLiteral(QT_TRANSLATE_NOOP("SockPlay::EventKind", "error"));
    case EventKind::Note: return QStringLiteral(QT_TRANSLATE_NOOP("SockPlay::EventKind", "note"));
    case EventKind::SimulatedDrop: return QStringLiteral(QT_TRANSLATE_NOOP("SockPlay::EventKind", "dropped (simulated)"));
    case EventKind::Secured: return QStringLiteral(QT_TRANSLATE_NOOP("SockPlay::EventKind", "secured"));
    case EventKind::Certificate: return QStringLiteral(QT_TRANSLATE_NOOP("SockPlay::EventKind", "certificate"));
    case EventKind::Dropped: return QStringLiteral(QT_TRANSLATE_NOOP("SockPlay::EventKind", "dropped"));
    }
    return QStringLiteral(QT_TRANSLATE_NOOP("SockPlay::EventKind", "unknown"));
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
