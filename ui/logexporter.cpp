#include "logexporter.h"

#include "eventexporter.h"
#include "logrows.h"

#include <QSaveFile>

namespace SockPlay {

LogExporter::LogExporter(QObject *parent)
    : QObject(parent)
{
    m_slice.setInterval(0);
    connect(&m_slice, &QTimer::timeout, this, &LogExporter::runSlice);
}

LogExporter::~LogExporter()
{
    reset();
}

Result LogExporter::start(std::unique_ptr<LogRows> rows, const QString &path)
{
    if (isRunning())
        return Result::failure(tr("An export to %1 is still running").arg(m_path));
    QString error;
    const std::optional<EventExporter::Format> format = EventExporter::formatForFileName(path, &error);
    if (!format)
        return Result::failure(error);
    auto file = std::make_unique<QSaveFile>(path);
    if (!file->open(QIODevice::WriteOnly))
        return Result::failure(tr("cannot write %1: %2").arg(path, file->errorString()));
    m_exporter = EventExporter::create(*format, file.get());
    if (!m_exporter->begin()) {
        const QString reason = m_exporter->errorString();
        m_exporter.reset();
        return Result::failure(tr("cannot write %1: %2").arg(path, reason));
    }
    m_file = std::move(file);
    m_rows = std::move(rows);
    m_path = path;
    m_next = m_written = m_skipped = 0;
    m_slice.start();
    return Result::success();
}

void LogExporter::runSlice()
{
    const qint64 total = m_rows->count();
    const qint64 end = std::min(total, m_next + ExportSliceEvents);
    for (; m_next < end; ++m_next) {
        const std::optional<Event> event = m_rows->at(m_next);
        if (!event) {
            ++m_skipped;
            continue;
        }
        if (!m_exporter->write(*event)) {
            fail(m_exporter->errorString());
            return;
        }
        ++m_written;
    }
    emit progress(m_next, total);
    if (m_next < total)
        return;
    // The last slice: the format's end, then the rename over the target.
    if (!m_exporter->finish()) {
        fail(m_exporter->errorString());
        return;
    }
    if (!m_file->commit()) {
        fail(m_file->errorString());
        return;
    }
    const qint64 written = m_written;
    const qint64 skipped = m_skipped;
    reset();
    emit finished(written, skipped);
}

void LogExporter::fail(const QString &reason)
{
    const QString message = tr("writing %1 failed: %2").arg(m_path, reason);
    reset();
    emit failed(message);
}

void LogExporter::cancel()
{
    if (!isRunning())
        return;
    reset();
    emit cancelled();
}

void LogExporter::reset()
{
    m_slice.stop();
    m_exporter.reset();
    if (m_file)
        m_file->cancelWriting(); // nothing committed: the target stays as it was
    m_file.reset();
    m_rows.reset();
}

} // namespace SockPlay
