#pragma once
// The ladder's bookkeeping, shared by ladder.cpp (lanes, opening) and
// ladderflow.cpp (data, closing, texts).

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
    bool finished = false;
    qint64 openNs = 0;      // Accepted
    quint64 openSequence = 0;
    quint64 ackSerial = 0;  // our ACK, until the accepted side is known
    quint64 finSerial = 0;  // our FIN, until the other side reads it
    std::deque<Write> writes; // in flight to the mirror
};

struct Ladder::PendingDatagram
{
    quint64 serial = 0;
    qint64 startNs = 0;
};

} // namespace SockPlay
