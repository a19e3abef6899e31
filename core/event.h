#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace SockPlay {

/// What happened. Lifecycle kinds follow the socket API a student learns:
/// create -> bind -> listen -> accept on the server, create -> connect on the client.
enum class EventKind : quint8 {
    Created,          ///< a socket object exists (socket())
    LookingUp,        ///< resolving a host name
    Bound,            ///< bind() to a local address and port
    Listening,        ///< listen(): the server accepts connections
    Accepted,         ///< accept(): a new connection on the server
    Connecting,       ///< connect() in progress (SYN sent)
    Connected,        ///< the three-way handshake completed
    Sent,             ///< bytes written to a TCP stream
    Received,         ///< bytes read from a TCP stream, exactly as one read returned them
    DatagramSent,     ///< one UDP datagram sent
    DatagramReceived, ///< one UDP datagram received
    PeerClosed,       ///< the other side closed the connection
    Closed,           ///< we closed the connection (or the socket)
    Stopped,          ///< a server stopped listening
    Error,            ///< something failed; detail carries the system's reason
    Info,             ///< a note that is not a socket step (e.g. a client turned away)
};

/// The user-facing name of a kind ("accepted", "datagram received").
QString eventKindName(EventKind kind);

/// One thing that happened. A small value type: the payload is an implicitly
/// shared QByteArray, capped by the EventLog, so copying an Event is cheap.
struct Event
{
    quint64 sequence = 0;   ///< assigned by EventLog::append, strictly increasing
    qint64 monotonicMs = 0; ///< ms since the log was created, assigned by EventLog
    QDateTime wallTime;     ///< assigned by EventLog::append
    int endpointId = 0;
    QString endpointName;   ///< "server", "client", or whatever the endpoint was called
    int connectionId = 0;   ///< 0 when the event is about the endpoint itself
    EventKind kind = EventKind::Info;
    QString localAddress;   ///< "127.0.0.1:5000" (empty when unknown)
    QString peerAddress;    ///< "127.0.0.1:41234" (empty when there is no peer)
    qint64 byteCount = 0;   ///< the real size, even when the payload was truncated
    QByteArray payload;     ///< at most EventLog::payloadCapPerEvent() bytes of the data
    QString detail;         ///< human-readable text: reason of an error, hint, note

    bool payloadTruncated() const { return payload.size() < byteCount; }
};

} // namespace SockPlay

Q_DECLARE_METATYPE(SockPlay::Event)
