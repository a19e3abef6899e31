#pragma once
// The ladder's bookkeeping, shared by its translation units: ladder.cpp
// (lanes, matching both sides), ladderopening.cpp (handshakes),
// ladderflow.cpp (data, closing, texts), ladderdatagram.cpp, ladderlayers.cpp
// (TLS, WebSocket) and ladderdtls.cpp.

#include "ladder.h"

#include <QHostAddress>

#include <deque>
#include <utility>

namespace SockPlay {

namespace LadderDetail {

inline constexpr qsizetype MaxQueuedWrites = 4096; // per connection: writes waiting for their reads
inline constexpr int PreviewChars = 20;
inline constexpr qsizetype BackwardSearch = 4096; // arrows looked through for a read's sequence

inline quint64 pairKey(int a, int b)
{
    return quint64(quint32(a)) << 32 | quint32(b);
}

/// "127.0.0.1:5000", with IPv4-mapped IPv6 addresses as IPv4 (a dual-stack
/// server sees its IPv4 clients that way).
inline QString addressKey(const QHostAddress &address, quint16 port)
{
    bool v4 = false;
    const quint32 ip4 = address.toIPv4Address(&v4);
    const QString host = v4 ? QHostAddress(ip4).toString() : address.toString();
    return host + u':' + QString::number(port);
}

inline QString anyKey(quint16 port)
{
    return u':' + QString::number(port);
}

inline bool isAny(const QHostAddress &address)
{
    return address == QHostAddress::Any || address == QHostAddress::AnyIPv4 || address == QHostAddress::AnyIPv6;
}

inline int lookUp(const QHash<QString, int> &table, const QHostAddress &address, quint16 port)
{
    if (port == 0)
        return -1;
    return table.value(addressKey(address, port), table.value(anyKey(port), -1));
}

/// Where a client connects to: the source's peer, or (before Qt has set
/// the peer address) the "host:port" it was given.
inline std::pair<QHostAddress, quint16> targetOf(const Event &event)
{
    if (!event.source)
        return {};
    const EventSource &s = *event.source;
    if (!s.peerAddress.isNull() && s.peerPort != 0)
        return {s.peerAddress, s.peerPort};
    const QString text = s.peerText;
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0)
        return {};
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    if (host.compare(u"localhost", Qt::CaseInsensitive) == 0)
        host = QStringLiteral("127.0.0.1");
    return {QHostAddress(host), quint16(text.mid(colon + 1).toUInt())};
}

inline void remember(QHash<QString, int> &table, const QHostAddress &address, quint16 port, int lane)
{
    if (port == 0)
        return;
    table.insert(isAny(address) ? anyKey(port) : addressKey(address, port), lane);
}

/// An arrow drawn where it arrived (a read, a FIN, an RST): it starts and ends at the event.
inline Ladder::Arrow arrivedAt(Ladder::ArrowKind kind, int from, int to, qint64 t, const Event &event)
{
    Ladder::Arrow arrow;
    arrow.from = from;
    arrow.to = to;
    arrow.startNs = arrow.endNs = t;
    arrow.kind = kind;
    arrow.sequence = arrow.endSequence = event.sequence;
    return arrow;
}

/// Bytes that came in with no write of ours to start from: one chunk, its size and preview.
inline Ladder::Arrow readAt(Ladder::ArrowKind kind, int from, int to, qint64 t, const Event &event)
{
    Ladder::Arrow arrow = arrivedAt(kind, from, to, t, event);
    arrow.chunks = 1;
    arrow.byteCount = event.byteCount;
    arrow.preview = event.payload;
    return arrow;
}

} // namespace LadderDetail

/// One TCP connection of ours, as far as the ladder needs it.
struct Ladder::Conn
{
    struct Write
    {
        qint64 offset = 0;
        qint64 size = 0;
        quint64 serial = 0;
    };
    quint64 key = 0;        // endpointId << 32 | connectionId
    int lane = -1;
    int fallbackLane = -1; // the listening socket (until its accepted lane is known) or a peer
    Conn *mirror = nullptr;
    QString tuple;          // "local>peer" once connected
    QString target;         // a client still connecting: where to
    QString peerText;
    bool foreign = false;   // the other side is not ours: nothing to match with
    bool finSent = false;
    bool reset = false;   // an RST ended it: no FIN either way
    bool device = false;  // a serial port: no handshake, no FIN, only bytes
    bool finished = false;
    qint64 openNs = 0;      // Accepted
    quint64 openSequence = 0;
    quint64 ackSerial = 0;  // our ACK, until the accepted side is known
    quint64 finSerial = 0;  // our FIN, until the other side reads it
    quint64 upgradeSerial = 0; // a WebSocket server's 101 answer, until our client reads it
    std::deque<Write> writes; // in flight to the mirror
};

struct Ladder::PendingDatagram
{
    quint64 serial = 0;
    qint64 startNs = 0;
};

/// The datagrams of one path (a sender's port to one of our sockets) not
/// seen arriving yet, in the order they were sent.
struct Ladder::DatagramPath
{
    struct Pending
    {
        quint64 serial = 0;         // 0: arrived or dropped since (removed lazily)
        quint64 arrivalsAtSend = 0; // the path's arrivals when it was sent
    };
    // In flight, or presumed lost (still matched: it may arrive after all);
    // at most MaxPendingPerPath.
    std::deque<Pending> pending;
    // pending[0, presumed) are taken or presumed lost: both rules (time,
    // arrivals since the send) grow with the send order, so they form a prefix.
    size_t presumed = 0;
    quint64 arrivals = 0;       // datagrams that arrived on this path (copies not counted)
    quint64 newestArrived = 0;  // the send sequence of the latest-sent datagram that arrived
    std::deque<quint64> recent; // arrows that arrived lately, newest last: a copy's original
};

} // namespace SockPlay
