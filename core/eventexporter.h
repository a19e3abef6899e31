#pragma once

#include <QString>

#include <memory>
#include <optional>

class QIODevice;

namespace SockPlay {

struct Event;
class EventLog;

/// Writes events to a file in one format, one event at a time: as they
/// arrive (autosave, the CLI's --capture) or over a whole log (export).
/// The format is chosen by the file's extension:
/// - .pcapng: packets for Wireshark and tshark (CaptureExporter);
/// - .csv: one row per event, RFC 4180 (CsvExporter);
/// - .jsonl, .ndjson: one JSON object per line, as the CLI's --json prints them (JsonLinesExporter).
///
/// Exporters write to a QIODevice they do not own; errors are values: a
/// false return, and errorString() with the device's reason.
class EventExporter
{
public:
    enum class Format : quint8 { Pcapng, Csv, JsonLines };

    virtual ~EventExporter() = default;
    Q_DISABLE_COPY_MOVE(EventExporter)

    /// What comes before the first event (a header). Call once, first.
    virtual bool begin() = 0;
    /// One event, in the log's order.
    virtual bool write(const Event &event) = 0;
    /// What is still held back (the end of a file, comments not yet written).
    /// Call once, last; the device is flushed by its owner.
    virtual bool finish() { return true; }

    QString errorString() const { return m_error; }

    /// The format a file name asks for; empty, with the reason in *error, for an unknown extension.
    static std::optional<Format> formatForFileName(const QString &fileName, QString *error = nullptr);
    /// The file name extensions known, for messages and file dialogs ("*.pcapng *.csv ...").
    static QString knownExtensions();
    static std::unique_ptr<EventExporter> create(Format format, QIODevice *device);

    /// Writes every event the log keeps, oldest first (Dropped rows where
    /// the log dropped events), from begin() to finish().
    static bool exportLog(const EventLog &log, EventExporter &exporter);

protected:
    explicit EventExporter(QIODevice *device);
    QIODevice *device() const { return m_device; }
    /// Writes bytes, or records the device's reason and returns false.
    bool writeBytes(const QByteArray &bytes);
    bool fail(const QString &reason);

private:
    QIODevice *m_device = nullptr;
    QString m_error;
};

} // namespace SockPlay
