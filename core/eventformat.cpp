#include "eventformat.h"

#include "event.h"
#include "payloadcodec.h"

namespace SockPlay::EventFormat {

namespace {

/// "from" for what comes in, "to" for what goes out: the peer's role in the sentence.
QString prepositionFor(EventKind kind)
{
    switch (kind) {
    case EventKind::Accepted:
    case EventKind::Received:
    case EventKind::DatagramReceived:
    case EventKind::Message:
        return QStringLiteral("from");
    case EventKind::Connecting:
    case EventKind::Connected:
    case EventKind::Sent:
    case EventKind::DatagramSent:
    case EventKind::AutoReplied:
        return QStringLiteral("to");
    default:
        return {};
    }
}

bool carriesData(EventKind kind)
{
    return isDataKind(kind);
}

} // namespace

QJsonObject toJson(const Event &event)
{
    const QDateTime local = event.wallTime().toLocalTime();
    const QDateTime wallTime = local.toOffsetFromUtc(local.offsetFromUtc());
    return QJsonObject{
        {QStringLiteral("seq"), qint64(event.sequence)},
        {QStringLiteral("time"), wallTime.toString(Qt::ISODateWithMs)},
        {QStringLiteral("monotonic_ms"), event.timeMs()},
        {QStringLiteral("monotonic_ns"), event.timeNs},
        {QStringLiteral("endpoint"), event.endpointName()},
        {QStringLiteral("connection"), event.connectionId()},
        {QStringLiteral("kind"), eventKindName(event.kind)},
        {QStringLiteral("local"), event.localText()},
        {QStringLiteral("peer"), event.peerText()},
        {QStringLiteral("stream_offset"), event.streamOffset},
        {QStringLiteral("bytes"), event.byteCount},
        {QStringLiteral("payload_text"), PayloadCodec::renderText(event.payload)},
        {QStringLiteral("payload_hex"), PayloadCodec::renderHex(event.payload)},
        {QStringLiteral("payload_truncated"), event.payloadTruncated()},
        {QStringLiteral("detail"), event.detail},
    };
}

QString toLine(const Event &event)
{
    QString line = eventKindName(event.kind);
    if (!event.peerText().isEmpty()) {
        const QString preposition = prepositionFor(event.kind);
        line += (preposition.isEmpty() ? QString() : QLatin1Char(' ') + preposition)
            + QLatin1Char(' ') + event.peerText();
    } else if (!event.localText().isEmpty()) {
        line += QStringLiteral(" on ") + event.localText();
    }
    if (carriesData(event.kind))
        line += QStringLiteral(" (%1 bytes)").arg(event.byteCount);
    if (!event.detail.isEmpty())
        line += QStringLiteral(": ") + event.detail;
    return line;
}

} // namespace SockPlay::EventFormat
