#pragma once

#include "result.h"

#include <QFile>
#include <QObject>
#include <QTimer>

#include <memory>

namespace SockPlay {

struct Event;
class EventExporter;

/// Every event written to a file as it arrives, in the format its extension
/// names (.pcapng, .csv, .jsonl, .ndjson): the CLI's --capture FILE and the
/// window's autosave. What was written is flushed to the system at least once
/// a second and at close(), so that a capture read while it runs, or after a
/// signal ended the program, holds everything up to then.
class CaptureFile final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CaptureFile)
public:
    explicit CaptureFile(QObject *parent = nullptr);
    ~CaptureFile() override;

    /// Creates (or empties) the file and writes the format's header. Fails,
    /// with the reason ("cannot write FILE: reason", or the unknown extension),
    /// for a file that cannot be written. A capture already open is closed first.
    Result open(const QString &path);
    /// One event. The first write error stops the capture; errorString() tells it.
    void write(const Event &event);
    /// Writes what the format keeps for the end, flushes and closes.
    void close();
    bool isOpen() const { return m_exporter != nullptr; }
    QString fileName() const { return m_file.fileName(); }
    bool failed() const { return !m_error.isEmpty(); }
    QString errorString() const { return m_error; }

signals:
    /// Writing failed (the disk is full, the file went away): no more events are written.
    void failedWriting(const QString &reason);

private:
    void flush();
    void fail(const QString &reason);

    static constexpr int FlushIntervalMs = 1000;

    QFile m_file;
    std::unique_ptr<EventExporter> m_exporter;
    QTimer m_flushTimer{this};
    bool m_dirty = false;
    QString m_error;
};

} // namespace SockPlay
