#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QExplicitlySharedDataPointer>
#include <QHostAddress>
#include <QMetaType>
#include <QSharedData>
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
    TurnedAway,       ///< a client was accepted and closed at once: the limit is reached
    Connecting,       ///< connect() in progress (SYN sent)
    Connected,        ///< the three-way handshake completed
    Sent,             ///< bytes the user wrote to a TCP stream
    Received,         ///< bytes read from a TCP stream, exactly as one read returned them
    DatagramSent,     ///< one UDP datagram the user sent
    DatagramReceived, ///< one UDP datagram received
    AutoReplied,      ///< bytes or a datagram a responder (echo, a rule) sent on its own
    Message,          ///< one whole message cut from the stream by the framing (not raw)
    HalfClosed,       ///< we are done sending (FIN sent), still receiving
    PeerClosed,       ///< the other side closed the connection
    Closed,           ///< we closed the connection (or the socket)
    Stopped,          ///< a server stopped listening
    Error,            ///< something failed; detail carries the system's reason
    Note,             ///< a note that is not a socket step ("echo on", "forgot this peer")
    SimulatedDrop,    ///< a datagram the simulated link dropped (not a real network's loss); carries its bytes
    Secured,          ///< the TLS handshake finished: protocol version, cipher, ALPN in detail
    Certificate,      ///< one certificate of the peer's chain: subject, issuer, validity, fingerprint in detail
    Dropped,          ///< not an event: a log row standing for events the log dropped
};

/// The user-facing name of a kind ("accepted", "datagram received").
QString eventKindName(EventKind kind);
/// Bytes that travel: sent, received, datagrams, automatic replies (and a
/// datagram the simulated link dropped on the way).
bool isDataKind(EventKind kind);
/// Bytes that came in (received, datagram received).
bool isIncomingKind(EventKind kind);

/// Who an event is about: an endpoint, and perhaps one of its connections
/// (or UDP peers). Immutable and shared by every event of that connection, so
/// addresses are formatted once per connection (once per UDP peer), never per
/// event. A connection whose addresses change (a client that looked a name up,
/// then connected) makes a new one; older events keep the old.
struct EventSource : QSharedData
{
    int endpointId = 0;
    int connectionId = 0; ///< 0: the endpoint itself
    QString endpointName; ///< "server", "client", or what the user called it
    QHostAddress localAddress;
    quint16 localPort = 0;
    QHostAddress peerAddress;
    quint16 peerPort = 0;
    QString localText; ///< "127.0.0.1:5000" (empty when unknown)
    QString peerText;  ///< "127.0.0.1:41234", "example.org:80" (empty when there is no peer)
};
using EventSourcePtr = QExplicitlySharedDataPointer<const EventSource>;

/// Makes a source; the texts are formatted here, once.
EventSourcePtr makeEventSource(int endpointId, int connectionId, const QString &endpointName,
                               const QHostAddress &localAddress, quint16 localPort,
                               const QHostAddress &peerAddress, quint16 peerPort,
                               const QString &peerTextOverride = {});

/// One thing that happened, as a view or an exporter reads it from the log.
/// The log stores a more compact record; this is the value handed out.
struct Event
{
    enum Flag : quint8 {
        PayloadTruncated = 1, ///< only the first bytes were kept (the per-event cap)
        PayloadDropped = 2,   ///< the log's payload budget ran out: the bytes are gone
    };

    quint64 sequence = 0; ///< assigned by EventLog::append, strictly increasing from 1
    qint64 timeNs = 0;    ///< monotonic ns since the log's epoch, assigned by EventLog
    qint64 epochMs = 0;   ///< ms since 1970 (UTC) of the log's epoch, filled on read
    EventKind kind = EventKind::Note;
    quint8 flags = 0;
    qint64 byteCount = 0;     ///< the real size, even when the payload was truncated or dropped
    qint64 streamOffset = -1; ///< data: bytes before these on this connection, this direction
    qint64 droppedCount = 0;  ///< Dropped rows: how many events the row stands for
    QByteArray payload;       ///< at most the log's per-event cap of the data
    QString detail;           ///< human-readable text: reason of an error, hint, note
    EventSourcePtr source;

    int endpointId() const { return source ? source->endpointId : 0; }
    int connectionId() const { return source ? source->connectionId : 0; }
    QString endpointName() const { return source ? source->endpointName : QString(); }
    QString localText() const { return source ? source->localText : QString(); }
    QString peerText() const { return source ? source->peerText : QString(); }

    bool payloadTruncated() const { return flags & (PayloadTruncated | PayloadDropped); }
    bool payloadDropped() const { return flags & PayloadDropped; }
    qint64 timeMs() const { return timeNs / 1000000; }
    /// Wall-clock time: the log's epoch plus the monotonic time (no time zone lookup until shown).
    QDateTime wallTime() const { return QDateTime::fromMSecsSinceEpoch(epochMs + timeMs()); }
};

} // namespace SockPlay

Q_DECLARE_METATYPE(SockPlay::Event)
