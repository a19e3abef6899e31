#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace SockPlay {

/// What a reply is made of, parsed once: text with C-style escapes (\n \r \t
/// \\ \0 \xHH), regex captures \1 … \9, and macros expanded at send time:
///   {{counter}}    how many times this reply was sent, from 1
///   {{time}}       the local time, ISO 8601 with milliseconds
///   {{random:N}}   N random bytes (1 … 65536)
///   {{hex:…}}      bytes given as hex
///   {{file:PATH}}  the bytes of a file (read when sent, at most 16 MiB; a
///                  session file confines PATH to its folder: sessionfile.h)
class ReplyTemplate
{
public:
    /// Positions in *error count characters from 1.
    static std::optional<ReplyTemplate> parse(const QString &text, QString *error);
    /// The same, for a template that is not a reply (what: "payload"): the
    /// message names it, and *errorPosition gets the 0-based index of the mistake.
    static std::optional<ReplyTemplate> parse(const QString &text, QString *error, int *errorPosition,
                                              const QString &what);
    /// The template followed by fixed bytes (a line ending).
    ReplyTemplate followedBy(const QByteArray &bytes) const;
    /// Fixed bytes (a reply given as hex).
    static ReplyTemplate literal(const QByteArray &bytes);

    /// The text of a template with each {{file:PATH}} macro's path replaced by
    /// what map() gives for it. map() may refuse a path: it returns
    /// std::nullopt and says why in *error, and so does this (the message
    /// names the macro). A text that does not parse is given back as it is.
    using FilePathMap = std::function<std::optional<QString>(const QString &path, QString *error)>;
    static std::optional<QString> mapFilePaths(const QString &text, const FilePathMap &map, QString *error);

    /// The highest capture it uses (0: none).
    int highestCapture() const { return m_highestCapture; }
    /// The bytes to send; captures[0] is the whole match, [1] the first group.
    /// A macro that fails ({{file:…}} unreadable) gives std::nullopt and says why.
    std::optional<QByteArray> expand(const QList<QByteArray> &captures, quint64 counter, QString *error) const;

private:
    void appendBytes(const QByteArray &bytes);
    struct Part
    {
        enum class Kind : quint8 { Bytes, Capture, Counter, Time, Random, File };
        Kind kind = Kind::Bytes;
        QByteArray bytes; // Bytes
        int number = 0;   // Capture: 1-9; Random: how many bytes
        QString path;     // File
        qsizetype pathAt = 0; // File: where the path starts in the parsed text
    };
    QList<Part> m_parts;
    int m_highestCapture = 0;
};

} // namespace SockPlay
