#include "sessionfile_p.h"

#include "jsonfile.h"
#include "websockettext.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace SockPlay::SessionFile::Detail {

namespace {

constexpr int MaxListEntries = 100;
constexpr qint64 MaxMessageBytesLimit = qint64(1) << 30;

/// A list of strings, or the reason it is not one.
bool stringList(const QJsonValue &value, const QString &key, QStringList *list, QString *error)
{
    if (!value.isArray()) {
        *error = QStringLiteral("\"%1\" must be an array of strings, not %2").arg(key, JsonFile::typeName(value));
        return false;
    }
    const QJsonArray array = value.toArray();
    if (array.size() > MaxListEntries) {
        *error = QStringLiteral("\"%1\" has %2 entries; at most %3").arg(key).arg(array.size()).arg(MaxListEntries);
        return false;
    }
    for (const QJsonValue &entry : array) {
        if (!entry.isString() || entry.toString().trimmed().isEmpty()) {
            *error = QStringLiteral("\"%1\" must hold non-empty strings, not %2").arg(key, JsonFile::typeName(entry));
            return false;
        }
        list->append(entry.toString());
    }
    return true;
}

} // namespace

QStringList webSocketKeys()
{
    return {QStringLiteral("path"),     QStringLiteral("secure"), QStringLiteral("subprotocols"),
            QStringLiteral("headers"),  QStringLiteral("insecure"), QStringLiteral("binary"),
            QStringLiteral("maxMessageBytes")};
}

void webSocketToJson(const EndpointConfig &config, QJsonObject *object)
{
    if (config.transport != Transport::WebSocket)
        return;
    object->insert(QStringLiteral("path"), config.path);
    if (config.secure)
        object->insert(QStringLiteral("secure"), true);
    if (!config.subprotocols.isEmpty())
        object->insert(QStringLiteral("subprotocols"), QJsonArray::fromStringList(config.subprotocols));
    if (!config.headers.isEmpty()) {
        QJsonArray headers;
        for (const auto &[name, value] : config.headers)
            headers.append(QString::fromLatin1(name + ": " + value));
        object->insert(QStringLiteral("headers"), headers);
    }
    if (config.binaryMessages)
        object->insert(QStringLiteral("binary"), true);
    if (config.maxMessageBytes != EndpointConfig().maxMessageBytes)
        object->insert(QStringLiteral("maxMessageBytes"), double(config.maxMessageBytes));
}

bool webSocketFromJson(const QJsonObject &object, EndpointConfig *config, QString *error)
{
    const QStringList keys = webSocketKeys();
    if (config->transport != Transport::WebSocket) {
        for (const QString &key : keys) {
            if (object.contains(key)) {
                *error = QStringLiteral("\"%1\" is for WebSocket endpoints only").arg(key);
                return false;
            }
        }
        return true;
    }
    for (const QString &key : {QStringLiteral("secure"), QStringLiteral("insecure"), QStringLiteral("binary")}) {
        if (object.contains(key) && !object.value(key).isBool()) {
            *error = QStringLiteral("\"%1\" must be true or false, not %2").arg(key, JsonFile::typeName(object.value(key)));
            return false;
        }
    }
    config->secure = object.value(QStringLiteral("secure")).toBool(false);
    config->binaryMessages = object.value(QStringLiteral("binary")).toBool(false);
    const bool insecure = object.value(QStringLiteral("insecure")).toBool(false);
    if (config->role == Role::Server && insecure) {
        *error = QStringLiteral("\"insecure\" is for WebSocket clients only (a wss:// server checks client "
                                "certificates with its \"tls\" object's \"verifyPeer\")");
        return false;
    }
    if (insecure && object.contains(QStringLiteral("tls"))) {
        *error = QStringLiteral("\"insecure\" is the older spelling of \"tls\": {\"verifyPeer\": false}; give "
                                "one of them, not both");
        return false;
    }
    const QJsonValue path = object.value(QStringLiteral("path"));
    if (!path.isUndefined()) {
        if (!path.isString() || !path.toString().startsWith(QLatin1Char('/'))
            || path.toString().contains(QRegularExpression(QStringLiteral("[\\s#]")))) {
            *error = QStringLiteral("\"path\" must be a string starting with / (no spaces, no #), not %1")
                         .arg(path.isString() ? JsonFile::quoted(path.toString()) : JsonFile::typeName(path));
            return false;
        }
        config->path = path.toString();
    }
    const QJsonValue subprotocols = object.value(QStringLiteral("subprotocols"));
    if (!subprotocols.isUndefined() && !stringList(subprotocols, QStringLiteral("subprotocols"), &config->subprotocols, error))
        return false;
    const QJsonValue headers = object.value(QStringLiteral("headers"));
    if (!headers.isUndefined()) {
        if (config->role == Role::Server) {
            *error = QStringLiteral("\"headers\" are for WebSocket clients only (the headers of their upgrade request)");
            return false;
        }
        QStringList lines;
        if (!stringList(headers, QStringLiteral("headers"), &lines, error))
            return false;
        for (const QString &line : lines) {
            const std::optional<QPair<QByteArray, QByteArray>> header = WebSocketText::parseHeader(line, error);
            if (!header) {
                *error = QStringLiteral("\"headers\": ") + *error;
                return false;
            }
            config->headers.append(*header);
        }
    }
    const QJsonValue maxBytes = object.value(QStringLiteral("maxMessageBytes"));
    if (!maxBytes.isUndefined()) {
        const double number = maxBytes.toDouble(-1);
        if (!maxBytes.isDouble() || number != double(qint64(number)) || number < 1 || number > double(MaxMessageBytesLimit)) {
            *error = QStringLiteral("\"maxMessageBytes\" must be a whole number from 1 to %1").arg(MaxMessageBytesLimit);
            return false;
        }
        config->maxMessageBytes = qint64(number);
    }
    return true;
}

void webSocketLegacyFromJson(const QJsonObject &object, EndpointConfig *config)
{
    // Files written before the wss:// client took a "tls" object said "insecure".
    if (config->usesTlsSpec() && object.value(QStringLiteral("insecure")).toBool(false))
        config->tls.verifyPeer = false;
}

} // namespace SockPlay::SessionFile::Detail
