#pragma once

// What SockPlay's JSON files (message library, session, script) share when
// they are read: a size cap checked before parsing, parse errors with line and
// column, the "format" and "version" header, and error texts that name a
// value's type and quote what a file holds without letting a hostile file
// make the message unreadable.

#include "result.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

class QIODevice;

namespace SockPlay::JsonFile {

/// "a string", "a number", "missing", ... for "must be X, not Y" messages.
QString typeName(const QJsonValue &value);
/// A file's text as a message quotes it: at most 40 characters, on one line.
QString quoted(const QString &text);
/// "line 3, column 7" for a QJsonParseError offset in data.
QString lineAndColumn(const QByteArray &data, qsizetype offset);

/// What a file of one kind is: its "format" name, its version, what the
/// user calls it in messages ("message library"), and its size cap.
struct Kind
{
    QString format;       ///< "sockplay-session"
    int version = 1;      ///< the one version this build reads
    QString description;  ///< "session file"
    qint64 maxBytes = 0;
};

/// A device's whole content as a JSON object: refused, with the reason in
/// *error, when it is over maxBytes (checked before parsing), not JSON (at
/// line:column) or not an object. description names the kind of file.
std::optional<QJsonObject> readObject(QIODevice *device, qint64 maxBytes, const QString &description, QString *error);
/// readObject() of a file; the errors start with the path.
std::optional<QJsonObject> readObjectFile(const QString &path, qint64 maxBytes, const QString &description,
                                          QString *error);
/// Reads a device's whole content up to kind.maxBytes and returns its top
/// object once it parses and its "format" and "version" are this kind's;
/// otherwise nullopt and the reason in *error (too big, not JSON at line:col,
/// not an object, another format, a newer or older version).
std::optional<QJsonObject> readTop(QIODevice *device, const Kind &kind, QString *error);
/// Only "format" and "version" of an object already parsed (a script inside a session).
bool checkHeader(const QJsonObject &top, const Kind &kind, QString *error);
/// Writes data to path through QSaveFile (all or nothing), creating its
/// folder; the error starts with the path.
Result writeFile(const QString &path, const QByteArray &data);

} // namespace SockPlay::JsonFile
