#include "eventlog.h"
#include "eventlog_p.h"

#include "logstorage.h"

#include <QDateTime>
#include <QMetaMethod>
#include <QMetaObject>
#include <QMutexLocker>
#include <QThread>

#include <algorithm>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace SockPlay {

// The queries from messages back to the reads they were cut from (chunksOf,
// messagesFrom) are in eventlogqueries.cpp.

namespace {
/// Lifecycle and error events kept from before the ring, at most.
constexpr int MaxKeptEvents = 100000;
} // namespace

EventLog::EventLog(QObject *parent)
    : EventLog(Limits{}, parent)
{
}

EventLog::EventLog(const Limits &limits, QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<SockPlay::Event>();
    static_assert(sizeof(Record) <= 72, "a million records must stay small");
    m_epochMs = QDateTime::currentMSecsSinceEpoch();
    m_clock.start();
    m_batchTimer.setSingleShot(true);
    m_batchTimer.setTimerType(Qt::CoarseTimer);
    connect(&m_batchTimer, &QTimer::timeout, this, &EventLog::flush);
    QMutexLocker locker(&m_mutex);
    configureLocked(limits);
}

EventLog::~EventLog() = default;

void EventLog::configureLocked(const Limits &requested)
{
    Limits limits = requested;
    limits.capacity = std::max(1, limits.capacity);
    limits.payloadBytesPerEvent = std::max(0, limits.payloadBytesPerEvent);
    limits.payloadBytesTotal = std::max<qint64>(0, limits.payloadBytesTotal);
    limits.batchIntervalMs = std::max(0, limits.batchIntervalMs);
    m_keptCapacity = std::min(MaxKeptEvents, limits.capacity / 2);

    if (!m_ring) {
        m_ring = std::make_unique<ChunkedQueue<Record>>(1, quint64(limits.capacity));
        m_kept = std::make_unique<ChunkedQueue<KeptItem>>(0, quint64(2 * m_keptCapacity + 2));
    } else {
        m_limits.capacity = limits.capacity; // evict to the new capacity first
        while (sizeLocked() > limits.capacity || m_keptEvents > m_keptCapacity) {
            if (m_keptEvents > m_keptCapacity)
                dropKeptFrontLocked();
            else
                evictOneLocked();
        }
        m_ring->setCapacity(quint64(limits.capacity));
        m_kept->setCapacity(quint64(2 * m_keptCapacity + 2));
    }
    if (!m_arena || limits.payloadBytesTotal != m_limits.payloadBytesTotal
        || limits.payloadBytesPerEvent != m_limits.payloadBytesPerEvent) {
        // A new arena: payloads stored before are gone (their positions lie
        // before the new arena's first one).
        const quint64 start = m_arena ? m_arena->end() : 0;
        if (m_arena)
            m_payloadsDroppedBefore += m_arena->payloadsDropped() + m_arena->payloadsKept();
        m_arena = std::make_unique<PayloadArena>(limits.payloadBytesTotal, limits.payloadBytesPerEvent, start);
    }
    m_limits = limits;
    m_batchTimer.setInterval(m_limits.batchIntervalMs);
}

EventLog::Limits EventLog::limits() const
{
    QMutexLocker locker(&m_mutex);
    return m_limits;
}

void EventLog::setLimits(const Limits &limits)
{
    {
        QMutexLocker locker(&m_mutex);
        configureLocked(limits);
    }
    releaseFreed();
    m_dirty = true;
    flush();
}

void EventLog::evictOneLocked()
{
    if (m_ring->empty()) {
        dropKeptFrontLocked();
        return;
    }
    Record &front = m_ring->front();
    if (isDataKind(front.kind) || m_keptCapacity == 0) {
        // Payloads are stored in order: every chunk before this one's end
        // holds only bytes of events already gone.
        if (front.payloadLength > 0) {
            m_arena->forget(front.payloadPosition, int(front.payloadLength), front.payloadShared);
            m_arena->releaseBefore(front.payloadPosition + front.payloadLength);
        }
        m_ring->pop_front();
        ++m_dropped;
        if (m_kept->empty())
            ++m_headDropped;
        else
            ++m_gapDropped;
        return;
    }
    // Lifecycle and errors outlive data: the event moves to the kept list,
    // after a marker for what was dropped since the previous one.
    if (m_gapDropped > 0) {
        KeptItem &marker = m_kept->push_back();
        marker.dropped = std::exchange(m_gapDropped, 0);
    }
    KeptItem &item = m_kept->push_back();
    item.sequence = m_ring->begin();
    item.record = std::move(front);
    ++m_keptEvents;
    m_ring->pop_front();
    while (m_keptEvents > m_keptCapacity)
        dropKeptFrontLocked();
}

void EventLog::dropKeptFrontLocked()
{
    if (m_kept->empty())
        return;
    const KeptItem &front = m_kept->front();
    if (front.sequence == 0) {
        m_headDropped += front.dropped;
    } else {
        ++m_headDropped;
        ++m_dropped;
        --m_keptEvents;
    }
    m_kept->pop_front();
    // A marker now at the front is part of the head's count.
    while (!m_kept->empty() && m_kept->front().sequence == 0) {
        m_headDropped += m_kept->front().dropped;
        m_kept->pop_front();
    }
    if (m_kept->empty())
        m_headDropped += std::exchange(m_gapDropped, 0);
}

quint64 EventLog::append(const Event &event)
{
    return append(event.kind, event.source, event.payload, event.byteCount, event.streamOffset, event.detail);
}

quint64 EventLog::append(EventKind kind, const EventSourcePtr &source, const QByteArray &payload,
                         qint64 byteCount, qint64 streamOffset, const QString &detail)
{
    byteCount = std::max<qint64>(byteCount, payload.size());
    quint64 sequence = 0;
    qint64 timeNs = 0;
    quint8 flags = 0;
    int kept = 0;
    bool housekeeping = false;
    QByteArray previousStored; // released after the lock
    {
        QMutexLocker locker(&m_mutex);
        while (sizeLocked() >= m_limits.capacity)
            evictOneLocked();
        kept = int(std::min<qsizetype>(payload.size(), m_arena->maxPayload()));
        if (kept < payload.size())
            flags |= kept < int(std::min<qint64>(payload.size(), m_limits.payloadBytesPerEvent))
                ? Event::PayloadDropped
                : Event::PayloadTruncated;
        Record &record = m_ring->push_back();
        sequence = m_ring->end() - 1;
        timeNs = m_clock.nsecsElapsed();
        record.timeNs = timeNs;
        record.byteCount = byteCount;
        record.streamOffset = streamOffset;
        record.kind = kind;
        record.flags = flags;
        record.source = source;
        record.detail = detail;
        if (kept > 0) {
            // The same bytes as the last payload stored (an echo or a reply
            // of what was just received): both events point at one copy.
            // m_lastStored holds a reference, so its memory cannot be reused
            // by other bytes, and a writer to a shared array detaches.
            if (kept == m_lastStoredLength && payload.constData() == m_lastStored.constData()
                && m_arena->share(m_lastStoredPosition, kept)) {
                record.payloadPosition = m_lastStoredPosition;
                record.payloadShared = true;
            } else {
                record.payloadPosition = m_arena->store(payload.constData(), kept);
                if (payload.capacity() > 0) { // owned, not fromRawData() bytes someone may change
                    previousStored = std::exchange(m_lastStored, payload);
                    m_lastStoredPosition = record.payloadPosition;
                    m_lastStoredLength = kept;
                }
            }
            record.payloadLength = quint32(kept);
        }
        ++m_logged;
        housekeeping = m_ring->needsSpare() || m_kept->needsSpare() || m_arena->needsSpare()
            || m_ring->hasFreed() || m_kept->hasFreed() || m_arena->hasFreed();
    }
    if (housekeeping) {
        releaseFreed();
        refillSpares();
    }
    m_dirty = true;

    static const QMetaMethod appendedSignal = QMetaMethod::fromSignal(&EventLog::eventAppended);
    if (isSignalConnected(appendedSignal)) {
        Event event;
        event.sequence = sequence;
        event.timeNs = timeNs;
        event.epochMs = m_epochMs;
        event.kind = kind;
        event.flags = flags;
        event.byteCount = byteCount;
        event.streamOffset = streamOffset;
        event.payload = kept == payload.size() ? payload : payload.left(kept);
        event.detail = detail;
        event.source = source;
        emit eventAppended(event);
    }
    scheduleFlush();
    return sequence;
}

void EventLog::refillSpares()
{
    // Allocated here, outside the lock, and handed over under it.
    bool ring = false;
    bool kept = false;
    bool arena = false;
    {
        QMutexLocker locker(&m_mutex);
        ring = m_ring->needsSpare();
        kept = m_kept->needsSpare();
        arena = m_arena->needsSpare();
    }
    auto ringChunk = ring ? ChunkedQueue<Record>::newChunk() : nullptr;
    auto keptChunk = kept ? ChunkedQueue<KeptItem>::newChunk() : nullptr;
    PayloadArena::Chunk arenaChunk;
    qint64 arenaChunkBytes = 0;
    if (arena) {
        QMutexLocker locker(&m_mutex);
        arenaChunkBytes = m_arena->chunkBytes();
    }
    if (arena)
        arenaChunk = PayloadArena::allocateChunk(arenaChunkBytes);
    {
        QMutexLocker locker(&m_mutex);
        if (ringChunk)
            m_ring->giveSpare(std::move(ringChunk));
        if (keptChunk)
            m_kept->giveSpare(std::move(keptChunk));
        if (arenaChunk && m_arena->chunkBytes() == arenaChunkBytes)
            m_arena->giveSpare(std::move(arenaChunk));
    }
    releaseFreed(); // a spare that arrived twice
}

void EventLog::releaseFreed()
{
    std::vector<ChunkedQueue<Record>::Chunk> ring;
    std::vector<ChunkedQueue<KeptItem>::Chunk> kept;
    std::vector<PayloadArena::Chunk> arena;
    {
        QMutexLocker locker(&m_mutex);
        ring = m_ring->takeFreed();
        kept = m_kept->takeFreed();
        arena = m_arena->takeFreed();
    }
    // Freed here, outside the lock, when these go out of scope.
}

Event EventLog::toEventLocked(const Record &record, quint64 sequence) const
{
    Event event;
    event.sequence = sequence;
    event.timeNs = record.timeNs;
    event.epochMs = m_epochMs;
    event.kind = record.kind;
    event.flags = record.flags;
    event.byteCount = record.byteCount;
    event.streamOffset = record.streamOffset;
    event.detail = record.detail;
    event.source = record.source;
    if (record.payloadLength > 0) {
        if (m_arena->contains(record.payloadPosition))
            event.payload = QByteArray(m_arena->data(record.payloadPosition), qsizetype(record.payloadLength));
        else
            event.flags |= Event::PayloadDropped;
    }
    return event;
}

EventLog::Layout EventLog::layout() const
{
    QMutexLocker locker(&m_mutex);
    Layout layout;
    layout.headDropped = m_headDropped;
    layout.keptBegin = m_kept->begin();
    layout.keptEnd = m_kept->end();
    layout.gapDropped = m_gapDropped;
    layout.ringBegin = m_ring->begin();
    layout.ringEnd = m_ring->end();
    return layout;
}

std::optional<Event> EventLog::keptItem(quint64 index) const
{
    QMutexLocker locker(&m_mutex);
    if (index < m_kept->begin() || index >= m_kept->end())
        return std::nullopt;
    const KeptItem &item = m_kept->at(index);
    if (item.sequence > 0)
        return toEventLocked(item.record, item.sequence);
    Event marker;
    marker.kind = EventKind::Dropped;
    marker.droppedCount = qint64(item.dropped);
    marker.epochMs = m_epochMs;
    return marker;
}

std::optional<Event> EventLog::event(quint64 sequence) const
{
    QMutexLocker locker(&m_mutex);
    if (sequence < m_ring->begin() || sequence >= m_ring->end())
        return std::nullopt;
    return toEventLocked(m_ring->at(sequence), sequence);
}

int EventLog::sizeLocked() const
{
    return m_keptEvents + int(m_ring->size());
}

int EventLog::size() const
{
    QMutexLocker locker(&m_mutex);
    return sizeLocked();
}

quint64 EventLog::firstSequenceLocked() const
{
    // The kept list never starts with a marker (see dropKeptFrontLocked).
    return m_kept->empty() ? m_ring->begin() : m_kept->front().sequence;
}

quint64 EventLog::firstSequence() const
{
    QMutexLocker locker(&m_mutex);
    return firstSequenceLocked();
}

quint64 EventLog::nextSequence() const
{
    QMutexLocker locker(&m_mutex);
    return m_ring->end();
}

Event EventLog::at(int index) const
{
    QMutexLocker locker(&m_mutex);
    Q_ASSERT(index >= 0 && index < sizeLocked());
    if (index < 0 || index >= sizeLocked())
        return {};
    if (index >= m_keptEvents) {
        const quint64 sequence = m_ring->begin() + quint64(index - m_keptEvents);
        return toEventLocked(m_ring->at(sequence), sequence);
    }
    int seen = 0;
    for (quint64 i = m_kept->begin(); i < m_kept->end(); ++i) {
        const KeptItem &item = m_kept->at(i);
        if (item.sequence > 0 && seen++ == index)
            return toEventLocked(item.record, item.sequence);
    }
    return {};
}

QList<Event> EventLog::snapshot() const
{
    QMutexLocker locker(&m_mutex);
    QList<Event> events;
    events.reserve(sizeLocked());
    for (quint64 i = m_kept->begin(); i < m_kept->end(); ++i) {
        const KeptItem &item = m_kept->at(i);
        if (item.sequence > 0)
            events.append(toEventLocked(item.record, item.sequence));
    }
    for (quint64 s = m_ring->begin(); s < m_ring->end(); ++s)
        events.append(toEventLocked(m_ring->at(s), s));
    return events;
}

qint64 EventLog::payloadBytesKept() const
{
    QMutexLocker locker(&m_mutex);
    return m_arena->bytesKept();
}

EventLog::Totals EventLog::totals() const
{
    QMutexLocker locker(&m_mutex);
    Totals totals;
    totals.logged = m_logged;
    totals.kept = quint64(sizeLocked());
    totals.dropped = m_dropped;
    totals.payloadsDropped = m_payloadsDroppedBefore + m_arena->payloadsDropped();
    totals.payloadBytesKept = m_arena->bytesKept();
    totals.memoryBytes = m_ring->memoryBytes() + m_kept->memoryBytes() + m_arena->bytesAllocated();
    return totals;
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
    // Any thread may flush (a test, a view that wants the rows now); the
    // timer is only touched in its own.
    if (QThread::currentThread() == thread())
        m_batchTimer.stop();
    m_flushScheduled = false;
    if (!m_dirty.exchange(false))
        return;
    quint64 first = 0;
    quint64 next = 0;
    {
        QMutexLocker locker(&m_mutex);
        next = m_ring->end();
        first = firstSequenceLocked();
    }
    emit eventsChanged(first, next);
}

void EventLog::clear()
{
    {
        QMutexLocker locker(&m_mutex);
        m_ring->clear();
        m_kept->clear();
        m_arena->reset();
        m_keptEvents = 0;
        m_headDropped = 0;
        m_gapDropped = 0;
    }
    releaseFreed();
#ifdef __GLIBC__
    // Chunks of records (36 KiB) are below glibc's mmap threshold: without a trim the
    // freed heap stays with the process, and Clear log would not give memory back.
    malloc_trim(0);
#endif
    m_dirty = true;
    flush();
}

} // namespace SockPlay
