#pragma once

#include "event.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>
#include <optional>

namespace SockPlay {

class PayloadArena;
template <typename T> class ChunkedQueue;

/// The single source of truth for what happened: a bounded log of events that
/// keeps the story under a flood.
///
/// Storage (see docs/architecture.md):
/// - the *ring*: every recent event, contiguous in sequence numbers, in
///   chunks of records allocated as needed and recycled, never reallocated;
/// - the *kept* list: lifecycle and error events that outlived the data
///   events around them, with a Dropped marker wherever events were dropped;
/// - the *payload arena*: payload bytes copied into 1 MiB chunks, oldest first.
///   When the payload budget runs out, the oldest chunk is freed: the events
///   whose bytes were there stay, marked PayloadDropped.
///
/// append() is O(1): no allocation, reallocation or time-zone lookup under
/// the lock (a spare chunk is prepared outside it), and eviction costs O(1)
/// per event. It is thread-safe and never notifies directly: at most once per
/// batch interval it emits eventsChanged(). Views read rows through a Layout
/// and exporters read by sequence number; nothing copies the log.
class EventLog : public QObject
{
    Q_OBJECT
public:
    struct Limits
    {
        int capacity = 1000000;                 ///< events kept (ring and kept list together)
        qint64 payloadBytesTotal = 128ll << 20; ///< payload memory, counted as allocated
        int payloadBytesPerEvent = 16 * 1024;   ///< payload bytes kept per event
        int batchIntervalMs = 33;               ///< at most one notification per interval
    };

    /// Where the rows of a view come from, in order:
    /// [a Dropped row if headDropped] [kept items] [a Dropped row if gapDropped] [ring].
    struct Layout
    {
        quint64 headDropped = 0; ///< events dropped before the first kept row
        quint64 keptBegin = 0;   ///< kept items [keptBegin, keptEnd), absolute indices
        quint64 keptEnd = 0;
        quint64 gapDropped = 0;  ///< events dropped between the kept items and the ring
        quint64 ringBegin = 1;   ///< sequences [ringBegin, ringEnd), all kept
        quint64 ringEnd = 1;

        int headRows() const { return headDropped > 0 ? 1 : 0; }
        int keptRows() const { return int(keptEnd - keptBegin); }
        int gapRows() const { return gapDropped > 0 ? 1 : 0; }
        int ringRows() const { return int(ringEnd - ringBegin); }
        int rowCount() const { return headRows() + keptRows() + gapRows() + ringRows(); }
        bool operator==(const Layout &) const = default;
    };

    /// What the log did since it was created.
    struct Totals
    {
        quint64 logged = 0;          ///< events appended
        quint64 kept = 0;            ///< events kept now
        quint64 dropped = 0;         ///< events dropped to stay within capacity (not cleared ones)
        quint64 payloadsDropped = 0; ///< events that lost their payload to the budget
        qint64 payloadBytesKept = 0; ///< payload bytes of the events kept now
        qint64 memoryBytes = 0;      ///< records and payload chunks allocated
    };

    explicit EventLog(QObject *parent = nullptr);
    explicit EventLog(const Limits &limits, QObject *parent = nullptr);
    ~EventLog() override;

    Limits limits() const;
    /// New limits apply at once: the log drops what no longer fits.
    void setLimits(const Limits &limits);

    /// Stamps sequence and time, keeps at most the per-event cap of the
    /// payload, stores the event. Safe to call from any thread. byteCount < 0
    /// means payload.size(). Returns the sequence number.
    quint64 append(EventKind kind, const EventSourcePtr &source, const QByteArray &payload = {},
                   qint64 byteCount = -1, qint64 streamOffset = -1, const QString &detail = {});
    /// The same, from an Event's kind, source, payload, byteCount, streamOffset and detail.
    quint64 append(const Event &event);

    /// The rows a view shows now.
    Layout layout() const;
    /// A kept item (an event, or a Dropped row), by absolute index; empty when gone.
    std::optional<Event> keptItem(quint64 index) const;
    /// An event of the ring by sequence number; empty when it is not in the ring.
    std::optional<Event> event(quint64 sequence) const;

    /// The chunks a Message was cut from, as chunksOf() finds them.
    struct Chunks
    {
        QList<Event> events;     ///< Received (or datagram) events, oldest first
        qint64 bytesMissing = 0; ///< bytes at the message's start that no chunk found covers
        bool evicted = false;    ///< those bytes came in chunks the log no longer keeps
                                 ///< (otherwise: in chunks further back than the scan went)
    };

    /// The reads a Message event was built from: the incoming data events of
    /// the same endpoint and connection whose stream bytes overlap the
    /// message's [streamOffset, streamOffset + byteCount) — a Message carries
    /// its frame as it was on the wire (delimiter, length prefix), so this is
    /// its range on the wire. Scans the ring backwards from the message through
    /// at most maxScan events, under the lock and without copying any payload
    /// but the chunks'. Empty for other kinds and for events no longer in the ring.
    Chunks chunksOf(const Event &message, int maxScan = 100000) const;
    /// The other way round: the Message events an incoming chunk fed, oldest
    /// first, scanning forwards from it through at most maxScan events (a
    /// message completed later than that, or not yet, is not listed).
    QList<Event> messagesFrom(const Event &chunk, int maxScan = 100000) const;

    /// Events kept now (kept list and ring; Dropped rows are not events).
    int size() const;
    /// Sequence number of the oldest event kept (== nextSequence() when empty).
    quint64 firstSequence() const;
    /// Sequence number the next append will get. Sequences start at 1.
    quint64 nextSequence() const;
    /// The event at index among the events kept (0 = oldest). O(1) in the
    /// ring, linear in the kept list: for tests and the CLI, not for views.
    Event at(int index) const;
    /// All events kept, oldest first. For tests, not for views.
    QList<Event> snapshot() const;
    /// Payload bytes of the events kept now (at most the payload budget).
    qint64 payloadBytesKept() const;
    Totals totals() const;

    /// Forget every event and free their memory (sequence numbers keep counting up).
    void clear();

    /// Emit eventsChanged() now if anything changed since the last one.
    void flush();

signals:
    /// Coalesced notification; read layout() for the rows. Emitted in the
    /// log's thread, at most once per batch interval.
    void eventsChanged(quint64 firstSequence, quint64 nextSequence);
    /// Emitted once per append, only while something is connected (the
    /// CLI's --json). Direct connections run in the appending thread.
    void eventAppended(const SockPlay::Event &event);

private:
    struct Record;
    struct KeptItem;

    void configureLocked(const Limits &limits);
    int sizeLocked() const;
    quint64 firstSequenceLocked() const;
    void evictOneLocked();
    void dropKeptFrontLocked();
    Event toEventLocked(const Record &record, quint64 sequence) const;
    void refillSpares();
    void releaseFreed();
    void scheduleFlush();

    Limits m_limits;
    int m_keptCapacity = 0; // lifecycle and error events kept from before the ring
    mutable QMutex m_mutex;
    std::unique_ptr<ChunkedQueue<Record>> m_ring;
    std::unique_ptr<ChunkedQueue<KeptItem>> m_kept;
    std::unique_ptr<PayloadArena> m_arena;
    quint64 m_headDropped = 0;
    quint64 m_gapDropped = 0;
    int m_keptEvents = 0; // events (not markers) in m_kept
    quint64 m_logged = 0;
    quint64 m_dropped = 0;
    quint64 m_payloadsDroppedBefore = 0; // by arenas replaced by setLimits()
    QByteArray m_lastStored; // the last payload stored, held so that its address stays its own
    quint64 m_lastStoredPosition = 0;
    int m_lastStoredLength = 0;
    qint64 m_epochMs = 0;
    QElapsedTimer m_clock;
    QTimer m_batchTimer{this}; // a child: it moves with the log to its thread
    std::atomic_bool m_dirty = false;
    std::atomic_bool m_flushScheduled = false;
};

} // namespace SockPlay
