#include "eventformat.h"

#include "event.h"
#include "payloadcodec.h"

namespace SockPlay::Cli::EventFormat {

namespace {

/// "from" for what comes in, "to" for what goes out: the peer's role in the sentence.
QString prepositionFor(EventKind kind)
{
    switch (kind) {
    case EventKind::Accepted:
    case EventKind::Received:
    case EventKind::DatagramReceived:
        return QStringLiteral("from");
    case EventKind::Connecting:
    case EventKind::Connected:
    case EventKind::Sent:
    case EventKind::DatagramSent:
        return QStringLiteral("to");
    default:
        return {};
    }
}

bool carriesData(EventKind kind)
{
    return kind == EventKind::Sent || kind == EventKind::Received
        || kind == EventKind::DatagramSent || kind == EventKind::DatagramReceived;
}

} // namespace

QJsonObject toJson(const Event &event)
{
    const QDateTime wallTime = event.wallTime.toOffsetFromUtc(event.wallTime.offsetFromUtc());
    return QJsonObject{
        {QStringLiteral("seq"), qint64(event.sequence)},
        {QStringLiteral("time"), wallTime.toString(Qt::ISODateWithMs)},
        {QStringLiteral("monotonic_ms"), event.monotonicMs},
        {QStringLiteral("endpoint"), event.endpointName},
        {QStringLiteral("connection"), event.connectionId},
        {QStringLiteral("kind"), eventKindName(event.kind)},
        {QStringLiteral("local"), event.localAddress},
        {QStringLiteral("peer"), event.peerAddress},
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
    if (!event.peerAddress.isEmpty()) {
        const QString preposition = prepositionFor(event.kind);
        line += (preposition.isEmpty() ? QString() : QLatin1Char(' ') + preposition)
            + QLatin1Char(' ') + event.peerAddress;
    } else if (!event.localAddress.isEmpty()) {
        line += QStringLiteral(" on ") + event.localAddress;
    }
    if (carriesData(event.kind))
        line += QStringLiteral(" (%1 bytes)").arg(event.byteCount);
    if (!event.detail.isEmpty())
        line += QStringLiteral(": ") + event.detail;
    return line;
}

} // namespace SockPlay::Cli::EventFormat
