#include "endpoint.h"

// The endpoint's outgoing queues: what waits to go out, over which
// connections, and the relay's senders held while a queue is over the bound.

#include "connection.h"

#include <utility>

namespace SockPlay {

void Endpoint::updateBacklog(const Connection *connection)
{
    const qint64 pending = connection->pendingWriteBytes();
    if (pending > 0)
        m_backlogged.insert(connection->id());
    else
        m_backlogged.remove(connection->id());
    if (!m_config.relayToOthers)
        return;
    if (pending >= m_config.maxPendingWriteBytes)
        m_overBound.insert(connection->id());
    else if (m_overBound.remove(connection->id()))
        wakeRelaySenders();
}

QList<Connection *> Endpoint::openConnections() const
{
    QList<Connection *> list;
    for (int id : m_order) {
        if (Connection *connection = m_connections.value(id); connection->isOpen())
            list.append(connection);
    }
    return list;
}

qint64 Endpoint::pendingWriteBytes() const
{
    // Only the connections with bytes queued: usually none, whatever the
    // number of clients (the kernel takes most writes at once).
    qint64 pending = 0;
    for (const int id : m_backlogged) {
        if (const Connection *connection = m_connections.value(id))
            pending += connection->pendingWriteBytes();
    }
    return pending;
}

void Endpoint::wakeRelaySenders()
{
    // Queued: the drain happens inside a write, maybe the relay's own; a
    // sender reading (and relaying) from there would nest writes in writes.
    if (std::exchange(m_relayWakeScheduled, true))
        return;
    QMetaObject::invokeMethod(this, [this] {
        m_relayWakeScheduled = false;
        // Each checks again: another queue may still be over the bound.
        for (Connection *connection : openConnections())
            connection->resumeReading();
    }, Qt::QueuedConnection);
}

} // namespace SockPlay
