#include "logautosave.h"

#include "eventlog.h"

#include <limits>

namespace SockPlay {

LogAutosave::LogAutosave(EventLog *log, QObject *parent)
    : QObject(parent)
    , m_log(log)
{
    m_slice.setSingleShot(true);
    m_slice.setInterval(0);
    connect(&m_slice, &QTimer::timeout, this, &LogAutosave::runSlice);
    // Once per batch, queued from the network thread: never once per event.
    connect(m_log, &EventLog::eventsChanged, this, [this](quint64, quint64 next) {
        if (!isActive())
            return;
        m_target = std::max(m_target, next);
        if (!m_slice.isActive())
            m_slice.start();
    });
    // Later, not from inside CaptureFile::write(): the capture is closed here.
    connect(&m_file, &CaptureFile::failedWriting, this, [this](const QString &reason) {
        if (!m_file.failed())
            return; // about a file closed since; a new one is open
        m_slice.stop();
        m_file.close();
        emit failed(reason);
    }, Qt::QueuedConnection);
}

Result LogAutosave::start(const QString &path)
{
    stop();
    if (const Result opened = m_file.open(path); !opened)
        return opened;
    m_next = m_target = m_log->nextSequence();
    m_written = 0;
    return Result::success();
}

void LogAutosave::stop()
{
    if (!isActive())
        return;
    m_slice.stop();
    // Everything appended before the user turned it off, batched or not yet.
    writeUpTo(m_log->nextSequence(), std::numeric_limits<qint64>::max());
    m_file.close();
}

void LogAutosave::runSlice()
{
    if (writeUpTo(m_target, SliceEvents) && m_next < m_target)
        m_slice.start();
}

bool LogAutosave::writeUpTo(quint64 end, qint64 budget)
{
    for (; m_next < end && budget > 0; --budget) {
        if (m_file.failed())
            return false;
        if (const std::optional<Event> event = m_log->event(m_next)) {
            m_file.write(*event);
            ++m_next;
            ++m_written;
            continue;
        }
        // The log let events go before they were written (it was cleared, or
        // a flood outran the autosave): say how many, go on from what is left.
        const quint64 resume = std::min(std::max(m_log->layout().ringBegin, m_next + 1), end);
        Event dropped;
        dropped.kind = EventKind::Dropped;
        dropped.droppedCount = qint64(resume - m_next);
        m_file.write(dropped);
        ++m_written;
        m_next = resume;
    }
    return !m_file.failed();
}

} // namespace SockPlay
