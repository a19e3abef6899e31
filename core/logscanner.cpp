#include "logscanner.h"

#include <QElapsedTimer>

#include <algorithm>

namespace SockPlay {

namespace {
/// What advance() scans at once instead of in slices: about a batch of the log.
constexpr qint64 InlineEvents = 20000;
} // namespace

LogScanner::LogScanner(EventLog *log, QObject *parent)
    : QObject(parent)
    , m_log(log)
{
    m_slice.setSingleShot(true);
    m_slice.setInterval(0);
    connect(&m_slice, &QTimer::timeout, this, &LogScanner::runSlice);
}

void LogScanner::start(const LogFilter &filter)
{
    emit matchesAboutToBeReset();
    m_filter = filter;
    m_filter.compile();
    m_matches.clear();
    m_keptMatches = 0;
    m_layout = m_log->layout();
    m_keptCursor = m_layout.keptBegin;
    m_ringCursor = m_layout.ringBegin;
    m_done = 0;
    m_total = qint64(m_layout.keptRows()) + m_layout.ringRows();
    m_active = true;
    m_scanning = true;
    emit matchesReset();
    m_slice.start();
}

void LogScanner::cancel()
{
    m_slice.stop();
    m_active = false;
    m_scanning = false;
    if (m_matches.isEmpty())
        return;
    emit matchesAboutToBeReset();
    m_matches.clear();
    m_keptMatches = 0;
    emit matchesReset();
}

void LogScanner::advance(const EventLog::Layout &layout)
{
    if (!m_active)
        return;
    m_layout = layout;
    prune();
    if (m_scanning)
        return; // the next slice goes on to the new end
    const qint64 pending = qint64(m_layout.keptEnd - std::max(m_keptCursor, m_layout.keptBegin))
        + qint64(m_layout.ringEnd - std::max(m_ringCursor, m_layout.ringBegin));
    // A batch of new events is scanned at once, so that the view is right
    // when it paints; a big jump (a raised limit) goes in slices.
    if (pending <= InlineEvents)
        scanSome(pending, false);
    else
        m_slice.start();
}

void LogScanner::runSlice()
{
    if (!m_active)
        return;
    prune();
    const bool done = scanSome(std::numeric_limits<qint64>::max(), true);
    if (m_scanning)
        emit progress(std::min(m_done, m_total), m_total);
    if (!done) {
        m_slice.start();
        return;
    }
    if (std::exchange(m_scanning, false))
        emit finished();
}

void LogScanner::prune()
{
    // Kept items leave at the front of the kept list; ring events leave at
    // the front of the ring (to the kept list, where they are scanned again
    // as kept items, or dropped).
    int keptGone = 0;
    while (keptGone < m_keptMatches && m_matches.at(keptGone).keptIndex < m_layout.keptBegin)
        ++keptGone;
    if (keptGone > 0) {
        emit matchesAboutToBeRemoved(0, keptGone);
        m_matches.remove(0, keptGone);
        m_keptMatches -= keptGone;
        emit matchesRemoved();
    }
    int ringGone = 0;
    while (m_keptMatches + ringGone < m_matches.size()
           && m_matches.at(m_keptMatches + ringGone).sequence < m_layout.ringBegin)
        ++ringGone;
    if (ringGone > 0) {
        emit matchesAboutToBeRemoved(m_keptMatches, ringGone);
        m_matches.remove(m_keptMatches, ringGone);
        emit matchesRemoved();
    }
}

bool LogScanner::scanSome(qint64 budgetEvents, bool timed)
{
    QElapsedTimer clock;
    clock.start();
    qint64 read = 0;
    const auto outOfTime = [&] {
        return read >= budgetEvents || (timed && read % CheckEvery == 0 && read > 0 && clock.elapsed() >= SliceMs);
    };

    QList<Match> found;
    m_keptCursor = std::max(m_keptCursor, m_layout.keptBegin);
    while (m_keptCursor < m_layout.keptEnd && !outOfTime()) {
        const std::optional<Event> event = m_log->keptItem(m_keptCursor);
        if (event && m_filter.matches(*event))
            found.append(Match{event->sequence, m_keptCursor});
        ++m_keptCursor;
        ++read;
    }
    insertMatches(m_keptMatches, found);
    m_keptMatches += int(found.size());

    found.clear();
    m_ringCursor = std::max(m_ringCursor, m_layout.ringBegin);
    while (m_ringCursor < m_layout.ringEnd && !outOfTime()) {
        const std::optional<Event> event = m_log->event(m_ringCursor);
        if (event && m_filter.matches(*event))
            found.append(Match{m_ringCursor, NotKept});
        ++m_ringCursor;
        ++read;
    }
    insertMatches(int(m_matches.size()), found);
    m_done += read;
    return m_keptCursor >= m_layout.keptEnd && m_ringCursor >= m_layout.ringEnd;
}

void LogScanner::insertMatches(int at, const QList<Match> &found)
{
    if (found.isEmpty())
        return;
    emit matchesAboutToBeInserted(at, int(found.size()));
    m_matches.insert(at, found.size(), Match{});
    std::copy(found.cbegin(), found.cend(), m_matches.begin() + at);
    emit matchesInserted();
}

int LogScanner::nextMatch(quint64 sequence) const
{
    const auto it = std::upper_bound(m_matches.cbegin(), m_matches.cend(), sequence,
                                     [](quint64 s, const Match &m) { return s < m.sequence; });
    return it == m_matches.cend() ? -1 : int(it - m_matches.cbegin());
}

int LogScanner::previousMatch(quint64 sequence) const
{
    const auto it = std::lower_bound(m_matches.cbegin(), m_matches.cend(), sequence,
                                     [](const Match &m, quint64 s) { return m.sequence < s; });
    return it == m_matches.cbegin() ? -1 : int(it - m_matches.cbegin()) - 1;
}

int LogScanner::indexOfKept(quint64 keptIndex) const
{
    const auto end = m_matches.cbegin() + m_keptMatches;
    const auto it = std::lower_bound(m_matches.cbegin(), end, keptIndex,
                                     [](const Match &m, quint64 k) { return m.keptIndex < k; });
    return it != end && it->keptIndex == keptIndex ? int(it - m_matches.cbegin()) : -1;
}

int LogScanner::indexOfSequence(quint64 sequence) const
{
    const auto begin = m_matches.cbegin() + m_keptMatches;
    const auto it = std::lower_bound(begin, m_matches.cend(), sequence,
                                     [](const Match &m, quint64 s) { return m.sequence < s; });
    return it != m_matches.cend() && it->sequence == sequence ? int(it - m_matches.cbegin()) : -1;
}

} // namespace SockPlay
