#pragma once

#include "event.h"

#include <QList>
#include <QObject>

namespace SockPlay {

class EventLog;

/// Reads every new event of an EventLog once, in order, batch by batch, for
/// the views that fold the log into something else (the lifecycle tracker,
/// the sequence diagram). It follows the log's batched eventsChanged(), so it
/// costs nothing between batches and one pass over the new events per batch.
///
/// It reads at most MaxPerBatch events per batch: under a flood that outruns
/// it, it skips the oldest unread events and says how many (skipped()), so a
/// view stays live instead of falling ever further behind. Events the log
/// dropped before they were read are skipped the same way. Payloads are cut
/// to their first PreviewBytes bytes (a diagram shows a preview, not a dump).
class LogFollower final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogFollower)
public:
    static constexpr int MaxPerBatch = 50000;
    static constexpr int PreviewBytes = 64;

    /// fromStart: read the events the log already holds at the next batch
    /// (else only those appended from now on).
    explicit LogFollower(EventLog *log, bool fromStart = true, QObject *parent = nullptr);

    EventLog *log() const { return m_log; }
    /// The sequence number of the next event to read.
    quint64 nextSequence() const { return m_next; }

    /// Reads what is new now, without waiting for the log's next batch.
    void poll();

signals:
    /// Someone cleared the log: what was read before is gone from it.
    void cleared();
    /// These many events were not read (dropped by the log, or skipped to keep up).
    void skipped(quint64 count);
    /// The new events, oldest first (payloads cut to PreviewBytes).
    void eventsRead(const QList<SockPlay::Event> &events);

private:
    EventLog *m_log = nullptr;
    quint64 m_next = 1;
    quint64 m_clearedSoFar = 0; // events the log's Clear removed, as of the last poll
};

} // namespace SockPlay
