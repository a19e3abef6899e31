#pragma once

#include "capturefile.h"
#include "result.h"

#include <QObject>
#include <QTimer>

namespace SockPlay {

class EventLog;

/// The window's autosave: every event the log appends from start() to
/// stop() streamed to a file through CaptureFile (format by extension).
///
/// It reads the log by sequence number, batch by batch (the log's coalesced
/// eventsChanged(), queued to this thread when the log lives on the network
/// thread), instead of one queued eventAppended() per event: under a flood
/// per-event signals would pile up in this thread's event queue without
/// bound. At most SliceEvents are written per pass of the event loop, so the
/// window stays responsive; what is not written yet waits in the log itself,
/// whose size is bounded. If the autosave falls so far behind that the log
/// drops events it had not written yet, a Dropped row in the file says how
/// many, and it goes on from the oldest event the log still has.
class LogAutosave final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogAutosave)
public:
    /// Events written per pass of the event loop.
    static constexpr int SliceEvents = 4096;

    explicit LogAutosave(EventLog *log, QObject *parent = nullptr);

    /// Creates (or empties) the file and starts with the next event the log
    /// appends. Fails, with the reason, for an unknown extension or a file
    /// that cannot be written.
    Result start(const QString &path);
    /// Writes every event appended until now, then the end of the file, and closes it.
    void stop();
    bool isActive() const { return m_file.isOpen(); }
    QString fileName() const { return m_file.fileName(); }
    /// Events written to the file since start() (Dropped rows included).
    qint64 written() const { return m_written; }

signals:
    /// Writing failed (a full disk, a file that went away): the autosave stopped.
    void failed(const QString &reason);

private:
    /// Writes at most budget events up to the log's newest; false on failure.
    bool writeUpTo(quint64 end, qint64 budget);
    void runSlice();

    EventLog *m_log = nullptr; // outlives this (the window owns both)
    CaptureFile m_file{this};
    quint64 m_next = 0;   // the next sequence number to write
    quint64 m_target = 0; // the log's next sequence when it last said
    qint64 m_written = 0;
    QTimer m_slice{this};
};

} // namespace SockPlay
