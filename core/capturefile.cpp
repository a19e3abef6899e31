#include "capturefile.h"

#include "eventexporter.h"

namespace SockPlay {

CaptureFile::CaptureFile(QObject *parent)
    : QObject(parent)
{
    m_flushTimer.setInterval(FlushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &CaptureFile::flush);
}

CaptureFile::~CaptureFile()
{
    close();
}

Result CaptureFile::open(const QString &path)
{
    close();
    m_error.clear();
    QString error;
    const std::optional<EventExporter::Format> format = EventExporter::formatForFileName(path, &error);
    if (!format)
        return Result::failure(error);
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return Result::failure(QStringLiteral("cannot write %1: %2").arg(path, m_file.errorString()));
    m_exporter = EventExporter::create(*format, &m_file);
    if (!m_exporter->begin() || !m_file.flush()) {
        const QString reason = m_file.errorString();
        m_exporter.reset();
        m_file.close();
        return Result::failure(QStringLiteral("cannot write %1: %2").arg(path, reason));
    }
    m_flushTimer.start();
    return Result::success();
}

void CaptureFile::write(const Event &event)
{
    if (!m_exporter || failed())
        return;
    if (!m_exporter->write(event)) {
        fail(m_exporter->errorString());
        return;
    }
    m_dirty = true;
}

void CaptureFile::flush()
{
    // QFile buffers writes; a flush hands them to the system, where a reader
    // (tail -f, Wireshark's reload) sees them, and a crash no longer loses them.
    if (m_dirty && !failed() && !m_file.flush())
        fail(m_file.errorString());
    m_dirty = false;
}

void CaptureFile::close()
{
    if (!m_exporter)
        return;
    m_flushTimer.stop();
    if (!failed() && !m_exporter->finish())
        fail(m_exporter->errorString());
    m_dirty = true;
    flush();
    m_file.close();
    m_exporter.reset();
}

void CaptureFile::fail(const QString &reason)
{
    if (failed())
        return;
    m_error = QStringLiteral("writing %1 failed: %2; events are no longer captured")
                  .arg(m_file.fileName(), reason);
    emit failedWriting(m_error);
}

} // namespace SockPlay
