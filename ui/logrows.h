#pragma once

#include "event.h"

#include <QList>

#include <memory>
#include <optional>

class QItemSelection;

namespace SockPlay {

class EventLog;
class LogFilterModel;
class LogModel;

/// Which rows of the log an export writes, fixed when it starts: every row
/// the log keeps, the rows a filter shows, or the rows a user selected.
///
/// A LogRows holds references (sequence numbers, kept indices, the size of a
/// Dropped row), never copies of events: it reads each event from the
/// (thread-safe) EventLog when asked, so that exporting a million rows costs
/// no second million in memory. Events the log lets go meanwhile (a flood
/// that goes on during the export) read as empty and are skipped.
class LogRows
{
public:
    virtual ~LogRows() = default;
    Q_DISABLE_COPY_MOVE(LogRows)

    /// How many rows there are.
    virtual qint64 count() const = 0;
    /// Row i, in the order the table shows it (a Dropped row is an Event of
    /// kind Dropped); empty when the log no longer keeps that event.
    virtual std::optional<Event> at(qint64 i) const = 0;

    /// Every row the log keeps now, as the unfiltered table shows them.
    static std::unique_ptr<LogRows> all(const EventLog *log);
    /// The rows a filter shows now (its scanner's matches, in order).
    static std::unique_ptr<LogRows> filtered(const LogFilterModel *model);
    /// The rows of a selection in a view of model (a LogModel, or a
    /// LogFilterModel over one), in the view's order, each row once.
    static std::unique_ptr<LogRows> selected(const QItemSelection &selection, const LogModel *logModel,
                                             const LogFilterModel *shownModel);

protected:
    LogRows() = default;
};

} // namespace SockPlay
