#pragma once

#include "event.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <vector>

namespace SockPlay {

/// The single source of truth for what happened: a bounded ring of events.
///
/// append() is O(1), thread-safe, and never notifies directly. Instead the log
/// coalesces: at most once per batch interval it emits eventsChanged(), so a
/// flood of traffic costs one view update per batch, not one per packet.
/// Views read by index (0 = oldest kept) or by sequence number; they never copy
/// the log. When the ring is full (event count or total payload bytes), the
/// oldest events are evicted; firstSequence() tells a view how many went.
class EventLog : public QObject
{
    Q_OBJECT
public:
    struct Limits
    {
        int capacity = 200000;                  ///< events kept
        qint64 payloadBytesTotal = 64ll << 20;  ///< payload bytes kept across all events
        int payloadBytesPerEvent = 16 * 1024;   ///< payload bytes kept per event
        int batchIntervalMs = 33;               ///< at most one notification per interval
    };

    explicit EventLog(QObject *parent = nullptr);
    explicit EventLog(const Limits &limits, QObject *parent = nullptr);
    ~EventLog() override;

    Limits limits() const { return m_limits; }

    /// Stamps sequence and times, truncates the payload, stores the event.
    /// Safe to call from any thread. Returns the sequence number.
    quint64 append(Event event);

    /// Number of events kept now.
    int size() const;
    /// Sequence number of the oldest event kept (== nextSequence() when empty).
    quint64 firstSequence() const;
    /// Sequence number the next append will get. Sequences start at 1.
    quint64 nextSequence() const;
    /// The event at index (0 = oldest kept). index must be < size().
    Event at(int index) const;
    /// All events kept, oldest first. For tests, export and the CLI, not for views.
    QList<Event> snapshot() const;
    /// Total payload bytes currently kept.
    qint64 payloadBytesKept() const;

    /// Forget every event (sequence numbers keep counting up).
    void clear();

    /// Emit eventsChanged() now if anything changed since the last one.
    void flush();

signals:
    /// Coalesced notification: the kept range is now [firstSequence, nextSequence).
    /// Emitted in the log's thread, at most once per batch interval.
    void eventsChanged(quint64 firstSequence, quint64 nextSequence);
    /// Emitted once per append, for consumers that must see every event in
    /// order (the CLI's --json). Direct connections run in the appending thread.
    void eventAppended(const SockPlay::Event &event);

private:
    void scheduleFlush();
    int ringIndex(int index) const;
    void evictOldestLocked();
    void storeLocked(const Event &event);

    Limits m_limits;
    mutable QMutex m_mutex;
    std::vector<Event> m_ring;
    int m_head = 0; // ring index of the oldest event
    int m_count = 0;
    quint64 m_firstSequence = 1;
    qint64 m_payloadBytes = 0;
    QElapsedTimer m_clock;
    QTimer m_batchTimer;
    std::atomic_bool m_dirty = false;
    std::atomic_bool m_flushScheduled = false;
};

} // namespace SockPlay
