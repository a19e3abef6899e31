#pragma once

#include "eventlog.h"
#include "logfilter.h"

#include <QList>
#include <QObject>
#include <QTimer>

#include <limits>

namespace SockPlay {

/// Finds the events of an EventLog that a LogFilter matches, without copying
/// the log and without freezing the thread it runs in.
///
/// start() scans the log in slices of a few milliseconds on the calling
/// thread's event loop (one event read at a time, by kept index and sequence
/// number), emitting progress() between slices and finished() at the end.
/// Matches appear as they are found, in the order of the log: first the kept
/// lifecycle and error events, then the ring. The list is sorted by sequence
/// number.
///
/// The scanner follows a Layout (the rows a view shows) instead of the log
/// itself: advance() tells it the newest one; it drops matches the layout no
/// longer holds and scans what it gained. A view that calls advance() with its
/// model's layout never gets a match its model does not show yet.
/// The list changes only between the aboutTo.../... signal pairs, which a
/// model forwards as beginRemoveRows()/beginInsertRows().
class LogScanner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogScanner)
public:
    static constexpr quint64 NotKept = std::numeric_limits<quint64>::max();
    /// One matching event: its sequence number and, for a kept item, its kept index.
    struct Match
    {
        quint64 sequence = 0;
        quint64 keptIndex = NotKept;
        bool isKept() const { return keptIndex != NotKept; }
        bool operator==(const Match &) const = default;
    };

    explicit LogScanner(EventLog *log, QObject *parent = nullptr);

    /// Starts over with this filter (compiled and valid, else it matches
    /// nothing) over the log's current layout; cancels a scan under way.
    void start(const LogFilter &filter);
    /// Stops scanning and forgets every match.
    void cancel();
    /// Follow this layout from now on: drop the matches it no longer holds,
    /// and scan what it added (in slices, unless it is little).
    void advance(const EventLog::Layout &layout);

    bool isActive() const { return m_active; }
    /// Whether the first scan of the log is still under way.
    bool isScanning() const { return m_scanning; }
    const LogFilter &filter() const { return m_filter; }
    const QList<Match> &matches() const { return m_matches; }
    /// Matches of kept items: the first keptMatchCount() of matches().
    int keptMatchCount() const { return m_keptMatches; }
    /// The first match with a sequence number above (below) sequence; -1 when none.
    int nextMatch(quint64 sequence) const;
    int previousMatch(quint64 sequence) const;
    /// The match of a kept item or a ring event; -1 when it does not match.
    int indexOfKept(quint64 keptIndex) const;
    int indexOfSequence(quint64 sequence) const;

    /// Events a slice reads before it looks at the clock.
    static constexpr int CheckEvery = 1024;
    /// How long a slice runs before it lets the event loop in.
    static constexpr int SliceMs = 10;

signals:
    void matchesAboutToBeRemoved(int first, int count);
    void matchesRemoved();
    void matchesAboutToBeInserted(int first, int count);
    void matchesInserted();
    void matchesAboutToBeReset();
    void matchesReset();
    /// During the first scan: events read so far out of total.
    void progress(qint64 done, qint64 total);
    /// The first scan reached the end of the layout.
    void finished();

private:
    void runSlice();
    void prune();
    bool scanSome(qint64 budgetEvents, bool timed);
    void insertMatches(int at, const QList<Match> &found);

    EventLog *m_log = nullptr; // outlives the scanner
    LogFilter m_filter;
    EventLog::Layout m_layout;
    QList<Match> m_matches;
    int m_keptMatches = 0;
    quint64 m_keptCursor = 0; // kept items below this were scanned
    quint64 m_ringCursor = 0; // ring sequences below this were scanned
    qint64 m_done = 0;
    qint64 m_total = 0;
    bool m_active = false;
    bool m_scanning = false;
    QTimer m_slice{this};
};

} // namespace SockPlay
