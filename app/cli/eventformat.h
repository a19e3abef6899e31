#pragma once

#include <QJsonObject>
#include <QString>

namespace SockPlay {
struct Event;
}

namespace SockPlay::Cli {

/// How the CLI shows one event of the EventLog.
namespace EventFormat {

/// One JSON object per event (--json): seq, time (ISO 8601 with ms and UTC
/// offset), monotonic_ms, monotonic_ns, endpoint, connection, kind, local, peer, stream_offset, bytes,
/// payload_text, payload_hex, payload_truncated, detail. Every field is always
/// present, so that a consumer can rely on the shape.
QJsonObject toJson(const Event &event);

/// One line for a person (-v): "accepted from 127.0.0.1:41234",
/// "datagram received from 127.0.0.1:5555 (5 bytes)".
QString toLine(const Event &event);

} // namespace EventFormat

} // namespace SockPlay::Cli
