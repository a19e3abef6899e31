#pragma once

#include "eventexporter.h"

namespace SockPlay {

/// Events as CSV (RFC 4180: fields with a comma, a quote, CR or LF are
/// quoted, quotes doubled, CRLF between records), one row per event after a
/// header row: seq, time (ISO 8601 in UTC with microseconds), endpoint,
/// connection, kind, local, peer, bytes, stream offset, payload hex, payload
/// text (escaped as the log shows it: \n, \xHH), detail.
class CsvExporter final : public EventExporter
{
public:
    explicit CsvExporter(QIODevice *device);

    bool begin() override;
    bool write(const Event &event) override;

    /// One field, quoted when RFC 4180 needs it.
    static QString quoted(const QString &field);
    /// "2026-12-05T11:32:37.123456Z".
    static QString isoTimeUs(qint64 microsecondsSinceEpoch);
};

} // namespace SockPlay
