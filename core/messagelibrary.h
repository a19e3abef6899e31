#pragma once
// The message library's file: named messages a user keeps, as JSON.
//
//   {"format": "sockplay-messages", "version": 1,
//    "messages": [{"name": "ping", "mode": "text", "payload": "PING", "lineEnding": "lf"}, …]}
//
// The window keeps one under the standard app-data location and imports and
// exports others, so a file may come from anyone: reading is strict, bounded
// and all or nothing.

#include "payloadcodec.h"
#include "result.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

class QIODevice;

namespace SockPlay {

/// One named message, as the user typed it: the payload stays text in its
/// mode (so it can be loaded back into an editor), the bytes are made on demand.
struct SavedMessage
{
    QString name;
    PayloadMode mode = PayloadMode::Text;
    QString payload;
    /// Added after the payload in Text mode only (Hex and Base64 are exact bytes).
    LineEnding lineEnding = LineEnding::Lf;

    /// The bytes to send: the payload parsed in its mode, plus the line
    /// ending in Text mode; or the codec's error.
    ParseResult bytes() const;

    bool operator==(const SavedMessage &) const = default;
};

/// What reading a library gives: every message, or none and the reason.
struct MessageLibraryRead
{
    bool ok = true;
    QList<SavedMessage> messages;
    QString error;
};

namespace MessageLibrary {

inline constexpr int FormatVersion = 1;
/// A file larger than this is refused before it is parsed.
inline constexpr qint64 MaxFileBytes = 8 << 20;
inline constexpr int MaxMessages = 10000;
inline constexpr int MaxNameLength = 200;       ///< characters
inline constexpr int MaxPayloadLength = 1 << 20; ///< characters, as typed

/// "text", "hex", "base64" — the names the file uses.
QString modeName(PayloadMode mode);
/// "none", "lf", "crlf".
QString lineEndingName(LineEnding ending);

/// Whether a message can be kept: a name (1 … MaxNameLength characters, no
/// control characters), a payload within MaxPayloadLength that parses in its mode.
Result validate(const SavedMessage &message);

/// Reads a whole library. Refuses (and returns no message at all) a file over
/// MaxFileBytes, JSON that does not parse (with line:column), another format
/// or version, more than MaxMessages entries, and any entry with a missing or
/// mistyped field, an unknown mode or line ending, or a payload that does not
/// parse; the error names the entry (counted from 1, with its name) and the
/// field. Fields it does not know are ignored, so a later version may add some.
MessageLibraryRead read(QIODevice *device);
/// The "messages" array alone (in a library or a session file), with read()'s checks.
MessageLibraryRead readMessages(const QJsonValue &list);
/// The "messages" array of messages that validate(); nullopt and *error otherwise.
std::optional<QJsonArray> toJson(const QList<SavedMessage> &messages, QString *error);
/// Writes the messages as a version-1 library. Refuses (writing nothing)
/// messages that validate() refuses or more than MaxMessages, so that
/// everything written can be read back.
Result write(QIODevice *device, const QList<SavedMessage> &messages);

/// read() from a file; errors start with the path. A missing file is an error
/// here (the caller decides whether "no library yet" is fine).
MessageLibraryRead readFile(const QString &path);
/// write() to a file through QSaveFile (all or nothing on disk too),
/// creating its directory if needed.
Result writeFile(const QString &path, const QList<SavedMessage> &messages);

/// Where the window keeps its library:
/// QStandardPaths::writableLocation(AppDataLocation) + "/messages.json".
QString standardPath();

} // namespace MessageLibrary

} // namespace SockPlay
