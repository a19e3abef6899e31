#pragma once

#include "result.h"

#include <QObject>
#include <QTimer>

#include <memory>

class QSaveFile;

namespace SockPlay {

class EventExporter;
class LogRows;

/// Exports rows of the log to a file (CSV, JSON Lines or pcapng, by the
/// file's extension) without freezing the window: a few thousand events per
/// pass of the event loop (a zero timer), with progress between slices.
///
/// Why slices on the GUI thread and not a worker: the rows are references
/// into the (thread-safe) EventLog, and one event costs microseconds to
/// write, so a slice of ExportSliceEvents keeps every pass short, a cancel
/// takes effect at once, and nothing has to be handed between threads.
///
/// The file is written through QSaveFile: a cancelled or failed export
/// leaves no half-written file, and an existing one is replaced only when
/// the export completes.
class LogExporter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogExporter)
public:
    /// Events written per slice.
    static constexpr int ExportSliceEvents = 4096;

    explicit LogExporter(QObject *parent = nullptr);
    ~LogExporter() override;

    /// Starts writing rows to path. Fails at once, with the reason, for an
    /// unknown extension, a file that cannot be created, or while an export
    /// runs; otherwise ends with finished(), failed() or cancelled(), always
    /// from the event loop.
    Result start(std::unique_ptr<LogRows> rows, const QString &path);
    /// Stops and throws away what was written; the file is left as it was.
    void cancel();
    bool isRunning() const { return m_rows != nullptr; }
    QString fileName() const { return m_path; }

signals:
    /// done of total rows read so far.
    void progress(qint64 done, qint64 total);
    /// The file is complete: written rows (events and Dropped markers);
    /// skipped: rows the log let go since the export started.
    void finished(qint64 written, qint64 skipped);
    /// Writing failed (a full disk, a file that went away); nothing was kept.
    void failed(const QString &reason);
    void cancelled();

private:
    void runSlice();
    void fail(const QString &reason);
    void reset();

    std::unique_ptr<LogRows> m_rows;
    std::unique_ptr<QSaveFile> m_file;
    std::unique_ptr<EventExporter> m_exporter;
    QString m_path;
    qint64 m_next = 0;
    qint64 m_written = 0;
    qint64 m_skipped = 0;
    QTimer m_slice{this};
};

} // namespace SockPlay
