#include "eventlog.h"

#include <QMetaObject>
#include <QMutexLocker>
#include <QThread>

#include <algorithm>

namespace SockPlay {

EventLog::EventLog(QObject *parent)
    : EventLog(Limits{}, parent)
{
}

EventLog::EventLog(const Limits &limits, QObject *parent)
    : QObject(parent)
    , m_limits(limits)
{
    qRegisterMetaType<SockPlay::Event>();
    m_limits.capacity = qMax(1, m_limits.capacity);
    m_limits.payloadBytesPerEvent = qMax(0, m_limits.payloadBytesPerEvent);
    m_clock.start();
    m_batchTimer.setSingleShot(true);
    m_batchTimer.setTimerType(Qt::CoarseTimer);
    m_batchTimer.setInterval(m_limits.batchIntervalMs);
    connect(&m_batchTimer, &QTimer::timeout, this, &EventLog::flush);
}

EventLog::~EventLog() = default;

int EventLog::ringIndex(int index) const
{
    return int((size_t(m_head) + size_t(index)) % m_ring.size());
}

void EventLog::evictOldestLocked()
{
    Event &oldest = m_ring[size_t(m_head)];
    m_payloadBytes -= oldest.payload.size();
    oldest = Event{};
    m_head = int((size_t(m_head) + 1) % m_ring.size());
    --m_count;
    ++m_firstSequence;
}

void EventLog::storeLocked(const Event &event)
{
    // The ring grows on demand up to capacity, so an idle log costs nothing.
    if (size_t(m_count) == m_ring.size()) {
        std::rotate(m_ring.begin(), m_ring.begin() + m_head, m_ring.end());
        m_head = 0;
        m_ring.push_back(event);
    } else {
        m_ring[size_t(ringIndex(m_count))] = event;
    }
    ++m_count;
}

quint64 EventLog::append(Event event)
{
    if (event.byteCount < event.payload.size())
        event.byteCount = event.payload.size();
    // A fresh copy, not truncate(): that would keep the whole read's
    // allocation alive behind the few bytes the log keeps.
    if (event.payload.size() > m_limits.payloadBytesPerEvent)
        event.payload = QByteArray(event.payload.constData(), m_limits.payloadBytesPerEvent);

    quint64 sequence = 0;
    {
        QMutexLocker locker(&m_mutex);
        while (m_count > 0
               && (m_count >= m_limits.capacity
                   || m_payloadBytes + event.payload.size() > m_limits.payloadBytesTotal))
            evictOldestLocked();
        if (event.payload.size() > m_limits.payloadBytesTotal)
            event.payload.clear();

        sequence = m_firstSequence + quint64(m_count);
        event.sequence = sequence;
        event.monotonicMs = m_clock.elapsed();
        event.wallTime = QDateTime::currentDateTime();
        m_payloadBytes += event.payload.size();
        storeLocked(event);
    }
    m_dirty = true;
    emit eventAppended(event);
    scheduleFlush();
    return sequence;
}

void EventLog::scheduleFlush()
{
    if (m_flushScheduled.exchange(true))
        return;
    // The timer lives in the log's thread; an append from another thread asks
    // that thread to start it.
    if (QThread::currentThread() == thread())
        m_batchTimer.start();
    else
        QMetaObject::invokeMethod(this, [this] { m_batchTimer.start(); }, Qt::QueuedConnection);
}

void EventLog::flush()
{
    m_batchTimer.stop();
    m_flushScheduled = false;
    if (!m_dirty.exchange(false))
        return;
    quint64 first = 0;
    quint64 next = 0;
    {
        QMutexLocker locker(&m_mutex);
        first = m_firstSequence;
        next = m_firstSequence + quint64(m_count);
    }
    emit eventsChanged(first, next);
}

int EventLog::size() const
{
    QMutexLocker locker(&m_mutex);
    return m_count;
}

quint64 EventLog::firstSequence() const
{
    QMutexLocker locker(&m_mutex);
    return m_firstSequence;
}

quint64 EventLog::nextSequence() const
{
    QMutexLocker locker(&m_mutex);
    return m_firstSequence + quint64(m_count);
}

Event EventLog::at(int index) const
{
    QMutexLocker locker(&m_mutex);
    Q_ASSERT(index >= 0 && index < m_count);
    if (index < 0 || index >= m_count)
        return {};
    return m_ring[size_t(ringIndex(index))];
}

QList<Event> EventLog::snapshot() const
{
    QMutexLocker locker(&m_mutex);
    QList<Event> events;
    events.reserve(m_count);
    for (int i = 0; i < m_count; ++i)
        events.append(m_ring[size_t(ringIndex(i))]);
    return events;
}

qint64 EventLog::payloadBytesKept() const
{
    QMutexLocker locker(&m_mutex);
    return m_payloadBytes;
}

void EventLog::clear()
{
    {
        QMutexLocker locker(&m_mutex);
        while (m_count > 0)
            evictOldestLocked();
    }
    m_dirty = true;
    flush();
}

} // namespace SockPlay
