// EventLog's queries between a Message and the reads it was cut from: a
// second translation unit of EventLog (see eventlog.cpp for the rest), reading
// the ring's records through eventlog_p.h under the log's lock.

#include "eventlog.h"
#include "eventlog_p.h"

#include "logstorage.h"

#include <QMutexLocker>

#include <algorithm>

namespace SockPlay {

namespace {
/// Whether a stored event is data of this connection (the same endpoint and connection id).
bool sameConnection(const EventSourcePtr &a, const EventSourcePtr &b)
{
    return a && b && a->endpointId == b->endpointId && a->connectionId == b->connectionId;
}
} // namespace

EventLog::Chunks EventLog::chunksOf(const Event &message, int maxScan) const
{
    Chunks chunks;
    if (message.kind != EventKind::Message || message.streamOffset < 0 || message.byteCount <= 0)
        return chunks;
    const qint64 begin = message.streamOffset;
    const qint64 end = begin + message.byteCount;
    qint64 covered = end; // the chunks found cover [covered, end)
    bool reachedStart = false;
    QMutexLocker locker(&m_mutex);
    const quint64 first = m_ring->begin();
    if (message.sequence <= first || message.sequence >= m_ring->end()) {
        chunks.bytesMissing = message.byteCount;
        chunks.evicted = message.sequence <= first;
        return chunks;
    }
    const quint64 stop = message.sequence - first > quint64(std::max(0, maxScan)) ? message.sequence - maxScan : first;
    // Reads are logged before the messages they complete, and a connection's
    // offsets only grow: walking back, the first chunk that starts at or before
    // the message's start is the last one to look at.
    for (quint64 s = message.sequence; s > stop;) {
        const Record &record = m_ring->at(--s);
        if (!isIncomingKind(record.kind) || record.streamOffset < 0 || !sameConnection(record.source, message.source))
            continue;
        if (record.streamOffset < end && record.streamOffset + record.byteCount > begin) {
            chunks.events.append(toEventLocked(record, s));
            covered = std::min(covered, record.streamOffset);
        }
        if (record.streamOffset <= begin) {
            reachedStart = true;
            break;
        }
    }
    std::reverse(chunks.events.begin(), chunks.events.end());
    chunks.bytesMissing = std::max<qint64>(0, covered - begin);
    chunks.evicted = chunks.bytesMissing > 0 && !reachedStart && stop == first;
    return chunks;
}

QList<Event> EventLog::messagesFrom(const Event &chunk, int maxScan) const
{
    QList<Event> messages;
    if (!isIncomingKind(chunk.kind) || chunk.streamOffset < 0 || chunk.byteCount <= 0)
        return messages;
    const qint64 begin = chunk.streamOffset;
    const qint64 end = begin + chunk.byteCount;
    QMutexLocker locker(&m_mutex);
    const quint64 from = std::max(chunk.sequence + 1, m_ring->begin());
    const quint64 to = std::min(m_ring->end(), chunk.sequence + 1 + quint64(std::max(0, maxScan)));
    for (quint64 s = from; s < to; ++s) {
        const Record &record = m_ring->at(s);
        if (!sameConnection(record.source, chunk.source))
            continue;
        if (record.kind == EventKind::Message) {
            if (record.streamOffset >= end)
                break; // messages come in stream order: the rest start later
            if (record.streamOffset + record.byteCount > begin)
                messages.append(toEventLocked(record, s));
        } else if (record.kind == EventKind::Closed || record.kind == EventKind::PeerClosed) {
            break;
        }
    }
    return messages;
}

} // namespace SockPlay
