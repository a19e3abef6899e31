#pragma once
// The JSON of one script step, shared by script.cpp (the script around the
// steps) and scriptsteps.cpp (the steps). Not part of the core's API.

#include "script.h"

#include <QJsonValue>
#include <QStringList>

namespace SockPlay::ScriptJson {

/// A key of the file, as a QString.
inline QString key(const char *name)
{
    return QString::fromLatin1(name);
}

/// A value as an error message shows what it got: `"soon"`, `12`, `true`, `an array`.
QString describe(const QJsonValue &value);
/// Text as an error message quotes it: escaped, on one line, shortened.
QString quoted(const QString &text);
/// The first key of object not in allowed, as an error ("unknown key …;
/// expected …"); empty when every key is known.
QString unknownKey(const QJsonObject &object, const QStringList &allowed);

/// Whether every ${…} in text is closed and names a variable (the values
/// come later); *error says where not.
bool checkReferences(const QString &text, QString *error);

/// One step, or nullopt and *error: " (expect): \"within\" must be …", or ": …"
/// when the step's kind is not known yet (the caller puts "step N" first).
std::optional<ScriptStep> readStep(const QJsonValue &value, QString *error);
/// The object readStep() reads back into an equal step.
QJsonObject writeStep(const ScriptStep &step);

} // namespace SockPlay::ScriptJson
