#include "jsonlinesexporter.h"

#include "event.h"
#include "eventformat.h"

#include <QJsonDocument>

namespace SockPlay {

JsonLinesExporter::JsonLinesExporter(QIODevice *device)
    : EventExporter(device)
{
}

bool JsonLinesExporter::write(const Event &event)
{
    if (event.kind == EventKind::Dropped && event.detail.isEmpty()) {
        Event row = event;
        row.detail = QStringLiteral("%1 events dropped by the log").arg(event.droppedCount);
        return write(row);
    }
    return writeBytes(QJsonDocument(EventFormat::toJson(event)).toJson(QJsonDocument::Compact) + '\n');
}

} // namespace SockPlay
