#include "script.h"
#include "scriptjson_p.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSaveFile>

// One step's JSON (reading and writing) is in scriptsteps.cpp; this file
// reads and writes the script around the steps, and the variables.

namespace SockPlay {

namespace {

/// "line 3, column 7" for QJsonParseError's offset (columns count characters, from 1).
QString lineAndColumn(const QByteArray &data, qsizetype offset)
{
    // Qt's parser reports the offset just past the byte it choked on
    // ("hello" fails at 1): step back onto that byte.
    offset = qBound(qsizetype(0), offset - 1, data.size());
    const QByteArrayView before(data.constData(), offset);
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    const qsizetype line = before.count('\n') + 1;
    const qsizetype column = QString::fromUtf8(before.sliced(lineStart)).size() + 1;
    return QStringLiteral("line %1, column %2").arg(line).arg(column);
}

bool isNameCharacter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'_'
        || c == u'-' || c == u'.';
}

/// Walks text's ${NAME} references: literal runs go to *out, each name to
/// value() (which may fail); "$${" is a literal "${". False and *error on a
/// reference that is not closed or not a name, or when value() fails.
template <typename Value>
bool scanReferences(const QString &text, QString *out, QString *error, Value value)
{
    qsizetype i = 0;
    while (i < text.size()) {
        const qsizetype dollar = text.indexOf(u'$', i);
        if (dollar < 0) {
            *out += QStringView(text).sliced(i);
            break;
        }
        *out += QStringView(text).sliced(i, dollar - i);
        const QStringView rest = QStringView(text).sliced(dollar);
        if (rest.startsWith(QLatin1String("$${"))) {
            *out += QLatin1String("${");
            i = dollar + 3;
            continue;
        }
        if (!rest.startsWith(QLatin1String("${"))) {
            *out += u'$';
            i = dollar + 1;
            continue;
        }
        const qsizetype close = text.indexOf(u'}', dollar + 2);
        if (close < 0) {
            *error = QStringLiteral("\"${\" at character %1 is not closed by \"}\"").arg(dollar + 1);
            return false;
        }
        const QString name = text.sliced(dollar + 2, close - dollar - 2);
        if (!Script::isVariableName(name)) {
            *error = QStringLiteral("%1 at character %2 is not a variable: a name is letters, digits, "
                                    "'_', '-' and '.' (write $${ for a literal ${)")
                         .arg(ScriptJson::quoted(QStringLiteral("${") + name + u'}'))
                         .arg(dollar + 1);
            return false;
        }
        if (!value(name, out, error))
            return false;
        i = close + 1;
    }
    return true;
}

} // namespace

bool ScriptJson::checkReferences(const QString &text, QString *error)
{
    QString out;
    return scanReferences(text, &out, error, [](const QString &, QString *, QString *) { return true; });
}

QString Script::formatName()
{
    return QStringLiteral("sockplay-script");
}

bool Script::isVariableName(const QString &name)
{
    return !name.isEmpty() && std::all_of(name.cbegin(), name.cend(), isNameCharacter);
}

bool Script::hasVariables(const QString &text)
{
    QString out;
    QString error;
    bool found = false;
    const bool wellFormed = scanReferences(text, &out, &error, [&found](const QString &, QString *, QString *) {
        found = true;
        return true;
    });
    return found || !wellFormed;
}

std::optional<QString> Script::substitute(const QString &text, const QHash<QString, QString> &values,
                                          QString *error)
{
    QString out;
    out.reserve(text.size());
    const bool ok = scanReferences(text, &out, error, [&values](const QString &name, QString *out, QString *error) {
        const auto it = values.constFind(name);
        if (it == values.cend()) {
            *error = QStringLiteral("unknown variable ${%1}: give it a default under \"variables\", set it "
                                    "(--set %1=VALUE), or capture it in an earlier expect")
                         .arg(name);
            return false;
        }
        *out += *it;
        return true;
    });
    if (!ok)
        return std::nullopt;
    return out;
}

std::optional<Script> Script::fromJson(const QJsonObject &object, QString *error)
{
    const auto fail = [error](const QString &message) {
        *error = message;
        return std::nullopt;
    };
    const QJsonValue format = object.value(QLatin1String("format"));
    if (!format.isUndefined() && format.toString() != formatName())
        return fail(QStringLiteral("not a SockPlay script: \"format\" is %1, not \"%2\"")
                        .arg(ScriptJson::describe(format), formatName()));
    const QJsonValue version = object.value(QLatin1String("version"));
    if (!version.isUndefined()) {
        if (!version.isDouble())
            return fail(QStringLiteral("\"version\" must be a number, got %1").arg(ScriptJson::describe(version)));
        if (version.toDouble() > FormatVersion)
            return fail(QStringLiteral("this script is version %1; this SockPlay reads version %2 (a newer "
                                       "SockPlay wrote it)")
                            .arg(version.toDouble())
                            .arg(FormatVersion));
        if (version.toDouble() != FormatVersion)
            return fail(QStringLiteral("\"version\" is %1; this SockPlay reads version %2")
                            .arg(version.toDouble())
                            .arg(FormatVersion));
    }

    // After format and version: another kind of file has other keys.
    static const QStringList keys = {QStringLiteral("format"), QStringLiteral("version"), QStringLiteral("name"),
                                     QStringLiteral("variables"), QStringLiteral("steps")};
    if (const QString unknown = ScriptJson::unknownKey(object, keys); !unknown.isEmpty())
        return fail(unknown);

    Script script;
    const QJsonValue name = object.value(QLatin1String("name"));
    if (!name.isUndefined()) {
        if (!name.isString())
            return fail(QStringLiteral("\"name\" must be a string, got %1").arg(ScriptJson::describe(name)));
        if (name.toString().trimmed().isEmpty())
            return fail(QStringLiteral("\"name\" is empty; leave it out or name the script"));
        script.name = name.toString();
    }

    const QJsonValue variables = object.value(QLatin1String("variables"));
    if (!variables.isUndefined()) {
        if (!variables.isObject())
            return fail(QStringLiteral("\"variables\" must be an object of names and values, got %1")
                            .arg(ScriptJson::describe(variables)));
        const QJsonObject values = variables.toObject();
        for (auto it = values.begin(); it != values.end(); ++it) {
            if (!isVariableName(it.key()))
                return fail(QStringLiteral("\"variables\": %1 is not a name (letters, digits, '_', '-', '.')")
                                .arg(ScriptJson::quoted(it.key())));
            const QJsonValue value = it.value();
            const double number = value.toDouble();
            if (value.isString())
                script.variables.append({it.key(), value.toString()});
            else if (value.isDouble() && number == qint64(number))
                script.variables.append({it.key(), QString::number(qint64(number))});
            else
                return fail(QStringLiteral("\"variables\": \"%1\" must be a string or a whole number, got %2")
                                .arg(it.key(), ScriptJson::describe(value)));
        }
    }

    const QJsonValue steps = object.value(QLatin1String("steps"));
    if (steps.isUndefined())
        return fail(QStringLiteral("\"steps\" is missing: a script is a list of steps"));
    if (!steps.isArray())
        return fail(QStringLiteral("\"steps\" must be an array, got %1").arg(ScriptJson::describe(steps)));
    const QJsonArray list = steps.toArray();
    if (list.isEmpty())
        return fail(QStringLiteral("\"steps\" is empty: a script needs at least one step"));
    if (list.size() > MaxSteps)
        return fail(QStringLiteral("the script has %1 steps; at most %2").arg(list.size()).arg(MaxSteps));
    for (qsizetype i = 0; i < list.size(); ++i) {
        QString stepError;
        std::optional<ScriptStep> step = ScriptJson::readStep(list.at(i), &stepError);
        if (!step)
            return fail(QStringLiteral("step %1%2").arg(i + 1).arg(stepError));
        script.steps.append(std::move(*step));
    }
    return script;
}

QJsonObject Script::toJson() const
{
    QJsonObject variablesObject;
    for (const auto &[name, value] : variables)
        variablesObject.insert(name, value);
    QJsonArray stepsArray;
    for (const ScriptStep &step : steps)
        stepsArray.append(ScriptJson::writeStep(step));
    QJsonObject object{
        {QStringLiteral("format"), formatName()},
        {QStringLiteral("version"), FormatVersion},
        {QStringLiteral("steps"), stepsArray},
    };
    if (!name.isEmpty())
        object.insert(QStringLiteral("name"), name);
    if (!variables.isEmpty())
        object.insert(QStringLiteral("variables"), variablesObject);
    return object;
}

std::optional<QJsonObject> Script::readJsonFile(const QString &path, QString *error)
{
    const QString shownPath = QDir::toNativeSeparators(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(shownPath, file.errorString());
        return std::nullopt;
    }
    // One byte more than the cap is enough to know the file is too big.
    const QByteArray data = file.read(MaxFileBytes + 1);
    if (data.size() > MaxFileBytes) {
        *error = QStringLiteral("%1: the file is too big (%2 bytes); at most %3 bytes (4 MiB)")
                     .arg(shownPath)
                     .arg(file.size())
                     .arg(MaxFileBytes);
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("%1: not valid JSON at %2: %3")
                     .arg(shownPath, lineAndColumn(data, parseError.offset), parseError.errorString());
        return std::nullopt;
    }
    if (!document.isObject()) {
        *error = QStringLiteral("%1: the top level must be a JSON object, not %2")
                     .arg(shownPath, document.isArray() ? QStringLiteral("an array") : QStringLiteral("a value"));
        return std::nullopt;
    }
    return document.object();
}

std::optional<Script> Script::readFile(const QString &path, QString *error)
{
    const std::optional<QJsonObject> object = readJsonFile(path, error);
    if (!object)
        return std::nullopt;
    const QString shownPath = QDir::toNativeSeparators(path);
    // A file says what it is; a session's "script" object need not.
    if (!object->contains(QLatin1String("format"))) {
        *error = QStringLiteral("%1: not a SockPlay script: \"format\" is missing (\"format\": \"%2\")")
                     .arg(shownPath, formatName());
        return std::nullopt;
    }
    if (!object->contains(QLatin1String("version"))) {
        *error = QStringLiteral("%1: \"version\" is missing").arg(shownPath);
        return std::nullopt;
    }
    std::optional<Script> script = fromJson(*object, error);
    if (!script) {
        *error = shownPath + QStringLiteral(": ") + *error;
        return std::nullopt;
    }
    return script;
}

Result Script::writeFile(const QString &path) const
{
    const QString shownPath = QDir::toNativeSeparators(path);
    const QByteArray data = QJsonDocument(toJson()).toJson(QJsonDocument::Indented);
    // What is written must read back.
    if (data.size() > MaxFileBytes || steps.size() > MaxSteps)
        return Result::failure(QStringLiteral("%1: the script is too big (%2 steps, %3 bytes); at most %4 "
                                              "steps and %5 bytes")
                                   .arg(shownPath)
                                   .arg(steps.size())
                                   .arg(data.size())
                                   .arg(MaxSteps)
                                   .arg(MaxFileBytes));
    const QString directory = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(directory))
        return Result::failure(QStringLiteral("%1: cannot create the folder %2")
                                   .arg(shownPath, QDir::toNativeSeparators(directory)));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Result::failure(QStringLiteral("%1: %2").arg(shownPath, file.errorString()));
    if (file.write(data) != data.size()) {
        file.cancelWriting();
        return Result::failure(QStringLiteral("%1: %2").arg(shownPath, file.errorString()));
    }
    if (!file.commit())
        return Result::failure(QStringLiteral("%1: %2").arg(shownPath, file.errorString()));
    return Result::success();
}

} // namespace SockPlay
