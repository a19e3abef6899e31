#pragma once
// Small helpers shared by the core tests (header-only: each test is one file).

#include "eventlog.h"

#include <QHostInfo>
#include <QList>
#include <QUdpSocket>

#include <memory>

namespace SockPlay::Test {

/// How long a lookup of a name that cannot resolve (*.invalid) may take: on a
/// machine whose DNS servers are unreachable, the resolver's retries.
constexpr int LookupTimeoutMs = 60000;

/// Whether the name "localhost" resolves to a loopback address here. It
/// comes from /etc/hosts, which a bare chroot or container may lack.
inline bool localhostResolves()
{
    const QList<QHostAddress> addresses = QHostInfo::fromName(QStringLiteral("localhost")).addresses();
    return !addresses.isEmpty() && addresses.constFirst().isLoopback();
}

/// Whether this machine has an IPv6 loopback (some CI containers do not).
inline bool hasIPv6Loopback()
{
    QUdpSocket probe;
    return probe.bind(QHostAddress::LocalHostIPv6, 0);
}

/// The kinds an endpoint logged, in order.
inline QList<EventKind> kindsOf(const EventLog &log, int endpointId)
{
    QList<EventKind> kinds;
    for (const Event &e : log.snapshot())
        if (e.endpointId() == endpointId)
            kinds.append(e.kind);
    return kinds;
}

/// The events of one kind an endpoint logged.
inline QList<Event> eventsOf(const EventLog &log, int endpointId, EventKind kind)
{
    QList<Event> events;
    for (const Event &e : log.snapshot())
        if (e.endpointId() == endpointId && e.kind == kind)
            events.append(e);
    return events;
}

/// All payload bytes of one kind an endpoint logged, concatenated (a TCP stream).
inline QByteArray bytesOf(const EventLog &log, int endpointId, EventKind kind, int connectionId = 0)
{
    QByteArray bytes;
    for (const Event &e : eventsOf(log, endpointId, kind))
        if (connectionId == 0 || e.connectionId() == connectionId)
            bytes += e.payload;
    return bytes;
}

/// The server of a made-up log: endpoint 1 on 127.0.0.1:5000, connection n
/// from port 40000 + n.
inline EventSourcePtr serverSource(int connection)
{
    return makeEventSource(1, connection, QStringLiteral("server"), QHostAddress::LocalHost, 5000,
                           QHostAddress::LocalHost, quint16(40000 + connection));
}

/// The client of a made-up log: endpoint 2, connected from 40001 to 5000.
inline EventSourcePtr clientSource()
{
    return makeEventSource(2, 1, QStringLiteral("client"), QHostAddress::LocalHost, 40001,
                           QHostAddress::LocalHost, 5000);
}

} // namespace SockPlay::Test

namespace SockPlay {
/// Readable QCOMPARE failures for lists of kinds (found by argument-dependent lookup).
inline char *toString(const QList<EventKind> &kinds)
{
    QStringList names;
    for (EventKind k : kinds)
        names.append(eventKindName(k));
    return qstrdup(names.join(QStringLiteral(", ")).toUtf8().constData());
}
} // namespace SockPlay

namespace SockPlay::Test {
/// The kinds as text, for a QVERIFY2 message (toString()'s copy freed).
inline QByteArray kindsText(const QList<EventKind> &kinds)
{
    const std::unique_ptr<char[]> text(toString(kinds));
    return QByteArray(text.get());
}
} // namespace SockPlay::Test

/// Skips an IPv6 row (host contains ':') on a machine without ::1.
#define SOCKPLAY_SKIP_IF_NO_IPV6(host)                                                            \
    do {                                                                                          \
        if ((host).contains(QLatin1Char(':')) && !SockPlay::Test::hasIPv6Loopback())              \
            QSKIP("this machine has no IPv6 loopback (::1)");                                     \
    } while (false)

/// Skips a test that looks up "localhost" on a machine where it does not resolve.
#define SOCKPLAY_SKIP_IF_NO_LOCALHOST_NAME()                                                      \
    do {                                                                                          \
        if (!SockPlay::Test::localhostResolves())                                                 \
            QSKIP("\"localhost\" does not resolve to loopback here (no /etc/hosts entry)");        \
    } while (false)
