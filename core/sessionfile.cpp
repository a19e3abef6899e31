// A session file: the document (format, version, endpoints, library,
// script), read strictly and all or nothing, and written through JsonFile.
// An endpoint's object is sessionfileendpoint.cpp's.

#include "sessionfile.h"

#include "jsonfile.h"
#include "sessionfile_p.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace SockPlay::SessionFile {

namespace {

using Detail::Fields;
using JsonFile::quoted;
using JsonFile::typeName;

const QString FormatName = QStringLiteral("sockplay-session");

JsonFile::Kind kind()
{
    return {FormatName, FormatVersion, QStringLiteral("session file"), MaxFileBytes};
}

} // namespace

std::optional<SessionDocument> read(QIODevice *device, QString *error, const QString &filesFolder)
{
    const std::optional<QJsonObject> top = JsonFile::readTop(device, kind(), error);
    if (!top)
        return std::nullopt;
    Fields fields(*top, {QStringLiteral("format"), QStringLiteral("version"), QStringLiteral("endpoints"),
                         QStringLiteral("library"), QStringLiteral("script")});
    if (fields.failed()) {
        *error = fields.error();
        return std::nullopt;
    }

    SessionDocument session;
    const QJsonValue endpoints = top->value(QLatin1String("endpoints"));
    if (!endpoints.isArray()) {
        *error = endpoints.isUndefined() ? QStringLiteral("\"endpoints\" is missing")
                                         : QStringLiteral("\"endpoints\" must be an array, not %1").arg(typeName(endpoints));
        return std::nullopt;
    }
    const QJsonArray list = endpoints.toArray();
    if (list.size() > MaxEndpoints) {
        *error = QStringLiteral("the session has %1 endpoints; at most %2").arg(list.size()).arg(MaxEndpoints);
        return std::nullopt;
    }
    for (qsizetype i = 0; i < list.size(); ++i) {
        QString endpointError;
        std::optional<EndpointConfig> config = endpointFromJson(list.at(i), &endpointError, filesFolder);
        if (!config) {
            const QString name = list.at(i).toObject().value(QLatin1String("name")).toString();
            *error = QStringLiteral("endpoint %1%2: %3")
                         .arg(i + 1)
                         .arg(name.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(quoted(name)), endpointError);
            return std::nullopt;
        }
        for (const EndpointConfig &other : std::as_const(session.endpoints)) {
            if (other.name == config->name) {
                *error = QStringLiteral("endpoint %1: the name %2 is taken by an earlier endpoint").arg(i + 1).arg(quoted(config->name));
                return std::nullopt;
            }
        }
        session.endpoints.append(*config);
    }

    const QJsonValue library = top->value(QLatin1String("library"));
    if (!library.isUndefined()) {
        // readMessages() would name the library file's key ("messages").
        if (!library.isArray()) {
            *error = QStringLiteral("\"library\" must be an array, not %1").arg(typeName(library));
            return std::nullopt;
        }
        MessageLibraryRead messages = MessageLibrary::readMessages(library);
        if (!messages.ok) {
            *error = QStringLiteral("library: ") + messages.error;
            return std::nullopt;
        }
        session.library = messages.messages;
    }

    const QJsonValue script = top->value(QLatin1String("script"));
    if (!script.isUndefined()) {
        if (!script.isObject()) {
            *error = QStringLiteral("\"script\" must be an object, not %1").arg(typeName(script));
            return std::nullopt;
        }
        QString scriptError;
        session.script = Script::fromJson(script.toObject(), &scriptError);
        if (!session.script) {
            *error = QStringLiteral("script: ") + scriptError;
            return std::nullopt;
        }
    }
    return session;
}

std::optional<SessionDocument> readFile(const QString &path, QString *error)
{
    QFile file(path);
    std::optional<SessionDocument> session;
    if (!file.open(QIODevice::ReadOnly))
        *error = file.errorString();
    else
        session = read(&file, error, QFileInfo(path).absolutePath());
    if (!session)
        *error = QDir::toNativeSeparators(path) + QStringLiteral(": ") + *error;
    return session;
}

std::optional<QByteArray> toJson(const SessionDocument &session, QString *error, const QString &filesFolder)
{
    QJsonArray endpoints;
    for (const EndpointConfig &config : session.endpoints)
        endpoints.append(endpointToJson(config, filesFolder));
    QJsonObject top{
        {QStringLiteral("format"), FormatName},
        {QStringLiteral("version"), FormatVersion},
        {QStringLiteral("endpoints"), endpoints},
    };
    const std::optional<QJsonArray> library = MessageLibrary::toJson(session.library, error);
    if (!library) {
        *error = QStringLiteral("library: ") + *error;
        return std::nullopt;
    }
    top.insert(QStringLiteral("library"), *library);
    if (session.script)
        top.insert(QStringLiteral("script"), session.script->toJson());
    return QJsonDocument(top).toJson(QJsonDocument::Indented);
}

Result writeFile(const QString &path, const SessionDocument &session)
{
    QString error;
    const std::optional<QByteArray> data = toJson(session, &error, QFileInfo(path).absolutePath());
    if (!data)
        return Result::failure(QDir::toNativeSeparators(path) + QStringLiteral(": ") + error);
    return JsonFile::writeFile(path, *data);
}

} // namespace SockPlay::SessionFile
