#include "logfollower.h"

#include "eventlog.h"

namespace SockPlay {

namespace {

// Events a Clear removed: every event logged is kept, dropped (to stay within
// capacity) or cleared.
quint64 clearedCount(const EventLog::Totals &totals)
{
    return totals.logged - totals.kept - totals.dropped;
}

} // namespace

LogFollower::LogFollower(EventLog *log, bool fromStart, QObject *parent)
    : QObject(parent)
    , m_log(log)
{
    m_clearedSoFar = clearedCount(log->totals());
    m_next = fromStart ? log->firstSequence() : log->nextSequence();
    connect(log, &EventLog::eventsChanged, this, &LogFollower::poll);
}

void LogFollower::poll()
{
    const quint64 cleared = clearedCount(m_log->totals());
    const quint64 first = m_log->firstSequence();
    const quint64 end = m_log->nextSequence();
    if (cleared != m_clearedSoFar) {
        // What was not read before the Clear is gone, not skipped.
        m_clearedSoFar = cleared;
        m_next = qMax(m_next, first);
        emit this->cleared();
    }
    quint64 from = qMax(m_next, first);
    if (end > from && end - from > quint64(MaxPerBatch))
        from = end - MaxPerBatch;
    // Lifecycle and error events that outlived the data around them sit in
    // the log's kept list, not in the ring: event() misses them, and they are
    // skipped like the rest (they were older than the ring's start anyway).
    QList<Event> events;
    events.reserve(qsizetype(end > from ? end - from : 0));
    quint64 missing = from - qMin(from, m_next);
    for (quint64 sequence = from; sequence < end; ++sequence) {
        std::optional<Event> event = m_log->event(sequence);
        if (!event) {
            ++missing;
            continue;
        }
        if (event->payload.size() > PreviewBytes)
            event->payload.truncate(PreviewBytes);
        events.append(std::move(*event));
    }
    m_next = qMax(m_next, end);
    if (missing > 0)
        emit skipped(missing);
    if (!events.isEmpty())
        emit eventsRead(events);
}

} // namespace SockPlay
