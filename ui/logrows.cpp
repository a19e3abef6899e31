#include "logrows.h"

#include "eventlog.h"
#include "logfiltermodel.h"
#include "logmodel.h"
#include "logscanner.h"

#include <QItemSelection>

#include <algorithm>

namespace SockPlay {

namespace {

Event droppedRow(quint64 count)
{
    Event event;
    event.kind = EventKind::Dropped;
    event.droppedCount = qint64(count);
    return event;
}

/// Every row of a layout: [head][kept items][gap][ring], as LogModel shows them.
class AllRows final : public LogRows
{
public:
    explicit AllRows(const EventLog *log)
        : m_log(log)
        , m_layout(log->layout())
    {
    }

    qint64 count() const override
    {
        return qint64(m_layout.headRows()) + m_layout.keptRows() + m_layout.gapRows() + m_layout.ringRows();
    }

    std::optional<Event> at(qint64 i) const override
    {
        const EventLog::Layout &l = m_layout;
        if (i < l.headRows())
            return droppedRow(l.headDropped);
        if ((i -= l.headRows()) < l.keptRows())
            return m_log->keptItem(l.keptBegin + quint64(i));
        if ((i -= l.keptRows()) < l.gapRows())
            return droppedRow(l.gapDropped);
        return m_log->event(l.ringBegin + quint64(i - l.gapRows()));
    }

private:
    const EventLog *m_log;
    EventLog::Layout m_layout;
};

/// One row of the log, by what finds it again whatever arrives meanwhile.
struct RowRef
{
    enum class Kind : quint8 { Ring, Kept, Dropped };
    Kind kind = Kind::Ring;
    quint64 value = 0; // a sequence number, a kept index, or the Dropped row's count
};

RowRef refOfMatch(const LogScanner::Match &match)
{
    return match.isKept() ? RowRef{RowRef::Kind::Kept, match.keptIndex} : RowRef{RowRef::Kind::Ring, match.sequence};
}

RowRef refOfModelRow(const EventLog::Layout &l, int row)
{
    if (row < l.headRows())
        return {RowRef::Kind::Dropped, l.headDropped};
    if ((row -= l.headRows()) < l.keptRows())
        return {RowRef::Kind::Kept, l.keptBegin + quint64(row)};
    if ((row -= l.keptRows()) < l.gapRows())
        return {RowRef::Kind::Dropped, l.gapDropped};
    return {RowRef::Kind::Ring, l.ringBegin + quint64(row - l.gapRows())};
}

/// A list of references (the filter's matches, a selection).
class RefRows final : public LogRows
{
public:
    RefRows(const EventLog *log, QList<RowRef> refs)
        : m_log(log)
        , m_refs(std::move(refs))
    {
    }

    qint64 count() const override { return m_refs.size(); }

    std::optional<Event> at(qint64 i) const override
    {
        const RowRef &ref = m_refs.at(i);
        switch (ref.kind) {
        case RowRef::Kind::Ring:
            return m_log->event(ref.value);
        case RowRef::Kind::Kept:
            return m_log->keptItem(ref.value);
        case RowRef::Kind::Dropped:
            return droppedRow(ref.value);
        }
        return std::nullopt;
    }

private:
    const EventLog *m_log;
    QList<RowRef> m_refs;
};

} // namespace

std::unique_ptr<LogRows> LogRows::all(const EventLog *log)
{
    return std::make_unique<AllRows>(log);
}

std::unique_ptr<LogRows> LogRows::filtered(const LogFilterModel *model)
{
    const QList<LogScanner::Match> &matches = model->scanner()->matches();
    QList<RowRef> refs;
    refs.reserve(matches.size());
    for (const LogScanner::Match &match : matches)
        refs.append(refOfMatch(match));
    return std::make_unique<RefRows>(model->logModel()->log(), std::move(refs));
}

std::unique_ptr<LogRows> LogRows::selected(const QItemSelection &selection, const LogModel *logModel,
                                           const LogFilterModel *shownModel)
{
    // Ranges, not QItemSelectionModel::selectedRows(): Ctrl+A over a million
    // rows is one range, and a row is listed once however the ranges overlap.
    QList<std::pair<int, int>> ranges;
    for (const QItemSelectionRange &range : selection)
        ranges.append({range.top(), range.bottom()});
    std::sort(ranges.begin(), ranges.end());
    QList<RowRef> refs;
    const EventLog::Layout layout = logModel->layout();
    int next = 0; // rows below this are listed
    for (const auto &[top, bottom] : std::as_const(ranges)) {
        for (int row = std::max(top, next); row <= bottom; ++row) {
            if (!shownModel)
                refs.append(refOfModelRow(layout, row));
            else if (row < shownModel->rowCount())
                refs.append(refOfMatch(shownModel->scanner()->matches().at(row)));
        }
        next = std::max(next, bottom + 1);
    }
    return std::make_unique<RefRows>(logModel->log(), std::move(refs));
}

} // namespace SockPlay
