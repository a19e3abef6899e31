#pragma once
// What the ladder suites share: endpoint configs, the ladder as one line per
// arrow ("SYN client>server"), counting arrows of a kind.

#include "ladder.h"
#include "session.h"

#include <QStringList>

namespace SockPlay::LadderTest {

using Arrow = Ladder::Arrow;
using ArrowKind = Ladder::ArrowKind;

inline EndpointConfig config(Transport transport, Role role, const QString &name, quint16 port = 0, bool echo = false)
{
    EndpointConfig c;
    c.transport = transport;
    c.role = role;
    c.name = name;
    c.port = port;
    c.echo = echo;
    return c;
}

inline QString kindName(ArrowKind kind)
{
    switch (kind) {
    case ArrowKind::Syn: return QStringLiteral("SYN");
    case ArrowKind::SynAck: return QStringLiteral("SYN-ACK");
    case ArrowKind::Ack: return QStringLiteral("ACK");
    case ArrowKind::Data: return QStringLiteral("data");
    case ArrowKind::Datagram: return QStringLiteral("datagram");
    case ArrowKind::Fin: return QStringLiteral("FIN");
    case ArrowKind::Rst: return QStringLiteral("RST");
    case ArrowKind::TurnedAway: return QStringLiteral("turned away");
    case ArrowKind::Tls: return QStringLiteral("TLS");
    case ArrowKind::Upgrade: return QStringLiteral("upgrade");
    case ArrowKind::Cookie: return QStringLiteral("cookie");
    case ArrowKind::Dtls: return QStringLiteral("DTLS");
    }
    return {};
}

/// "SYN client>server" for every arrow, oldest first: one readable line per arrow.
inline QStringList ladderText(const Ladder &ladder)
{
    QStringList lines;
    for (qsizetype i = 0; i < ladder.arrowCount(); ++i) {
        const Arrow &a = ladder.arrow(i);
        lines.append(kindName(a.kind) + u' ' + ladder.lanes().at(a.from).name + u'>' + ladder.lanes().at(a.to).name);
    }
    return lines;
}

inline int countOf(const Ladder &ladder, ArrowKind kind, bool arrived = false)
{
    int n = 0;
    for (qsizetype i = 0; i < ladder.arrowCount(); ++i) {
        const Arrow &a = ladder.arrow(i);
        if (a.kind == kind && (!arrived || (!a.has(Ladder::InFlight) && a.endSequence != 0)))
            ++n;
    }
    return n;
}

inline quint16 portOf(const Session &session, int endpointId)
{
    return session.snapshot(endpointId).localPort;
}

} // namespace SockPlay::LadderTest
