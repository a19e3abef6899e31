// Session's snapshots and statistics: what an endpoint looks like from
// another thread (snapshot, connections, endpointIds, read under the
// snapshot lock), publishing a snapshot when it changes, and the stats tick
// (counters, rates, the connection lists): a translation unit of Session,
// sharing Session::Entry through session_p.h.

#include "session.h"
#include "session_p.h"

#include "endpoint.h"

#include <QMetaMethod>
#include <QMutexLocker>

#include <algorithm>

namespace SockPlay {

QList<int> Session::endpointIds() const
{
    QMutexLocker locker(&m_snapshotMutex);
    QList<int> ids = m_snapshots.keys();
    std::sort(ids.begin(), ids.end());
    return ids;
}

EndpointSnapshot Session::snapshot(int endpointId) const
{
    QMutexLocker locker(&m_snapshotMutex);
    EndpointSnapshot snapshot = m_snapshots.value(endpointId);
    // In the session's thread: live counters (rates come from the last tick).
    if (QThread::currentThread() == thread()) {
        if (const Entry *e = m_entries.value(endpointId); e && e->endpoint) {
            EndpointSnapshot live = e->endpoint->snapshot();
            live.stats.bytesInPerSecond = snapshot.stats.bytesInPerSecond;
            live.stats.bytesOutPerSecond = snapshot.stats.bytesOutPerSecond;
            live.stats.messagesInPerSecond = snapshot.stats.messagesInPerSecond;
            live.stats.messagesOutPerSecond = snapshot.stats.messagesOutPerSecond;
            return live;
        }
    }
    return snapshot;
}

QList<ConnectionInfo> Session::connections(int endpointId) const
{
    if (QThread::currentThread() == thread()) {
        if (const Entry *e = m_entries.value(endpointId); e && e->endpoint)
            return e->endpoint->connections();
    }
    QMutexLocker locker(&m_snapshotMutex);
    return m_connections.value(endpointId);
}

void Session::publish(int endpointId)
{
    Entry *e = m_entries.value(endpointId);
    if (!e)
        return;
    EndpointSnapshot snapshot;
    if (e->endpoint) {
        snapshot = e->endpoint->snapshot();
        // Renamed while running: the new name already (see renameEndpoint).
        snapshot.name = e->config.displayName();
        snapshot.config.name = e->config.name;
    } else {
        snapshot.id = endpointId;
        snapshot.name = e->config.displayName();
        snapshot.config = e->config;
        snapshot.capabilities = capabilitiesOf(e->config);
    }
    e->meter.sample(m_clock.nsecsElapsed(), snapshot.stats);
    // The list of every connection (10,000 of them: milliseconds) only for
    // someone who reads it: a window's tables listen to connectionsUpdated.
    const bool listed = wantsConnectionLists();
    QList<ConnectionInfo> connections = e->endpoint && listed ? e->endpoint->connections() : QList<ConnectionInfo>{};
    {
        QMutexLocker locker(&m_snapshotMutex);
        m_snapshots.insert(endpointId, snapshot);
        if (listed)
            m_connections.insert(endpointId, connections);
    }
    e->countersChanged = false;
    emit endpointChanged(snapshot);
}

bool Session::wantsConnectionLists() const
{
    static const QMetaMethod updated = QMetaMethod::fromSignal(&Session::connectionsUpdated);
    return isSignalConnected(updated);
}

void Session::tick()
{
    RateTick rateTick;
    rateTick.number = ++m_tickNumber;
    qint64 &then = m_tickTimes[size_t(rateTick.number % RateWindow::Ticks)];
    rateTick.windowStartNs = then;
    rateTick.nowNs = then = m_clock.nsecsElapsed();
    // Counters and rates, once per tick for every endpoint that moved bytes
    // (and once more when they stop, so rates fall back to 0).
    for (int id : std::as_const(m_order)) {
        Entry *e = m_entries.value(id);
        if (!e || !e->endpoint)
            continue;
        // Only the connections that moved (or still fade) cost work here.
        const bool connectionsMoved = e->endpoint->sampleConnectionRates(rateTick);
        const EndpointStats before = m_snapshots.value(id).stats;
        EndpointStats now = e->endpoint->stats();
        const bool moved = now.bytesIn != before.bytesIn || now.bytesOut != before.bytesOut
            || now.messagesIn != before.messagesIn || now.messagesOut != before.messagesOut;
        const bool fading = before.bytesInPerSecond > 0 || before.bytesOutPerSecond > 0
            || before.messagesInPerSecond > 0 || before.messagesOutPerSecond > 0;
        if (!moved && !fading && !e->countersChanged && !connectionsMoved) {
            // Nothing to publish, but the meter hears of the quiet tick: a
            // burst after a pause is then measured over the last second, not
            // over the whole pause.
            e->meter.sample(rateTick.nowNs, now);
            continue;
        }
        publish(id);
        if (wantsConnectionLists())
            emit connectionsUpdated(id, m_connections.value(id));
    }
}

} // namespace SockPlay
