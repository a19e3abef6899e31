#pragma once

#include <QJsonObject>
#include <QString>

namespace SockPlay {

struct Event;

/// How one event of the EventLog reads as JSON and as a line of text: the
/// CLI's --json and -v, the JSON Lines export and the capture's comments.
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

} // namespace SockPlay
