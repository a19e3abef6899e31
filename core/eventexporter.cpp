#include "eventexporter.h"

#include "captureexporter.h"
#include "csvexporter.h"
#include "event.h"
#include "eventlog.h"
#include "jsonlinesexporter.h"

#include <QFileInfo>
#include <QIODevice>

namespace SockPlay {

EventExporter::EventExporter(QIODevice *device)
    : m_device(device)
{
}

bool EventExporter::writeBytes(const QByteArray &bytes)
{
    if (m_device->write(bytes) == bytes.size())
        return true;
    return fail(m_device->errorString());
}

bool EventExporter::fail(const QString &reason)
{
    m_error = reason;
    return false;
}

std::optional<EventExporter::Format> EventExporter::formatForFileName(const QString &fileName, QString *error)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == QLatin1String("pcapng"))
        return Format::Pcapng;
    if (suffix == QLatin1String("csv"))
        return Format::Csv;
    if (suffix == QLatin1String("jsonl") || suffix == QLatin1String("ndjson"))
        return Format::JsonLines;
    if (error) {
        *error = QStringLiteral("%1: unknown capture format \"%2\"; the file name must end in %3")
                     .arg(fileName, suffix.isEmpty() ? QStringLiteral("(no extension)") : QLatin1Char('.') + suffix,
                          knownExtensions());
    }
    return std::nullopt;
}

QString EventExporter::knownExtensions()
{
    return QStringLiteral(".pcapng (Wireshark), .csv, .jsonl or .ndjson (JSON Lines)");
}

std::unique_ptr<EventExporter> EventExporter::create(Format format, QIODevice *device)
{
    switch (format) {
    case Format::Pcapng:
        return std::make_unique<CaptureExporter>(device);
    case Format::Csv:
        return std::make_unique<CsvExporter>(device);
    case Format::JsonLines:
        return std::make_unique<JsonLinesExporter>(device);
    }
    return nullptr;
}

bool EventExporter::exportLog(const EventLog &log, EventExporter &exporter)
{
    // The rows a view shows, in order; each read takes the log's lock once,
    // so the log may go on growing meanwhile (what came after the layout was
    // taken is not written).
    const auto dropped = [](quint64 count) {
        Event event;
        event.kind = EventKind::Dropped;
        event.droppedCount = qint64(count);
        return event;
    };
    if (!exporter.begin())
        return false;
    const EventLog::Layout layout = log.layout();
    if (layout.headDropped > 0 && !exporter.write(dropped(layout.headDropped)))
        return false;
    for (quint64 index = layout.keptBegin; index < layout.keptEnd; ++index) {
        if (const std::optional<Event> item = log.keptItem(index); item && !exporter.write(*item))
            return false;
    }
    if (layout.gapDropped > 0 && !exporter.write(dropped(layout.gapDropped)))
        return false;
    for (quint64 sequence = layout.ringBegin; sequence < layout.ringEnd; ++sequence) {
        if (const std::optional<Event> event = log.event(sequence); event && !exporter.write(*event))
            return false;
    }
    return exporter.finish();
}

} // namespace SockPlay
