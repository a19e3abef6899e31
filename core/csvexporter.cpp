#include "csvexporter.h"

#include "event.h"
#include "payloadcodec.h"

#include <QDateTime>
#include <QStringList>

namespace SockPlay {

CsvExporter::CsvExporter(QIODevice *device)
    : EventExporter(device)
{
}

QString CsvExporter::quoted(const QString &field)
{
    if (!field.contains(QLatin1Char(',')) && !field.contains(QLatin1Char('"')) && !field.contains(QLatin1Char('\n'))
        && !field.contains(QLatin1Char('\r')))
        return field;
    QString out = field;
    out.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + out + QLatin1Char('"');
}

QString CsvExporter::isoTimeUs(qint64 microsecondsSinceEpoch)
{
    // Floor division: a time before 1970 still has 0..999999 microseconds.
    const qint64 us = microsecondsSinceEpoch;
    const qint64 seconds = us >= 0 ? us / 1000000 : -((-us + 999999) / 1000000);
    const qint64 fraction = us - seconds * 1000000;
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"))
        + QStringLiteral(".%1Z").arg(fraction, 6, 10, QLatin1Char('0'));
}

bool CsvExporter::begin()
{
    return writeBytes(QByteArrayLiteral("seq,time,endpoint,connection,kind,local,peer,bytes,stream_offset,"
                                        "payload_hex,payload_text,detail\r\n"));
}

bool CsvExporter::write(const Event &event)
{
    const bool dropped = event.kind == EventKind::Dropped;
    const QStringList fields{
        dropped ? QString() : QString::number(event.sequence),
        dropped ? QString() : isoTimeUs(event.epochMs * 1000 + event.timeNs / 1000),
        event.endpointName(),
        QString::number(event.connectionId()),
        eventKindName(event.kind),
        event.localText(),
        event.peerText(),
        QString::number(event.byteCount),
        event.streamOffset >= 0 ? QString::number(event.streamOffset) : QString(),
        PayloadCodec::renderHex(event.payload),
        PayloadCodec::renderText(event.payload),
        dropped ? QStringLiteral("%1 events dropped by the log").arg(event.droppedCount) : event.detail,
    };
    QStringList row;
    row.reserve(fields.size());
    for (const QString &field : fields)
        row.append(quoted(field));
    return writeBytes(row.join(QLatin1Char(',')).toUtf8() + "\r\n");
}

} // namespace SockPlay
