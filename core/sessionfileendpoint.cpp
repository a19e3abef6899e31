// A session file's endpoint object: an EndpointConfig as JSON and back
// (endpointToJson, endpointFromJson: strict, every key checked, the first
// problem named), and the files its rules and TLS settings may name
// (confinedFilePath). The document around it is sessionfile.cpp's; each
// transport's own keys are in sessionfilewebsocket.cpp,
// sessionfilemulticast.cpp and sessionfilerelay.cpp.

#include "sessionfile.h"

#include "jsonfile.h"
#include "sessionfile_p.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

namespace SockPlay::SessionFile {

namespace {

using Detail::Fields;
using JsonFile::quoted;
using JsonFile::typeName;

constexpr int MaxClientsLimit = 1000000;

QString transportName(Transport transport)
{
    switch (transport) {
    case Transport::Tcp: break;
    case Transport::Udp: return QStringLiteral("udp");
    case Transport::Tls: return QStringLiteral("tls");
    case Transport::WebSocket: return QStringLiteral("websocket");
    case Transport::Serial: return QStringLiteral("serial");
    case Transport::Relay: return QStringLiteral("relay");
    case Transport::Dtls: return QStringLiteral("dtls");
    }
    return QStringLiteral("tcp");
}

QString roleName(Role role)
{
    return role == Role::Client ? QStringLiteral("client") : QStringLiteral("server");
}

/// A serial port's endpoint: a client of its device, with no network address.
bool serialFitsEndpoint(const QJsonObject &object, const EndpointConfig &config, QString *error)
{
    if (config.role != Role::Client) {
        *error = QStringLiteral("\"role\" of a serial port is \"client\": it opens a device");
        return false;
    }
    for (const QString &key : {QStringLiteral("host"), QStringLiteral("port"), QStringLiteral("localHost")}) {
        if (object.contains(key)) {
            *error = QStringLiteral("\"%1\" is for network endpoints; a serial port names its device in \"serial\"").arg(key);
            return false;
        }
    }
    return true;
}

std::optional<QList<Rule>> rulesFromJson(const QJsonValue &value, const std::optional<QString> &filesFolder,
                                         QString *error)
{
    QList<Rule> rules;
    if (value.isUndefined())
        return rules;
    if (!value.isArray()) {
        *error = QStringLiteral("\"rules\" must be an array, not %1").arg(typeName(value));
        return std::nullopt;
    }
    const QJsonArray list = value.toArray();
    if (list.size() > MaxRules) {
        *error = QStringLiteral("\"rules\" has %1 rules; at most %2").arg(list.size()).arg(MaxRules);
        return std::nullopt;
    }
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString where = QStringLiteral("rule %1: ").arg(i + 1);
        if (!list.at(i).isObject()) {
            *error = where + QStringLiteral("must be an object, not %1").arg(typeName(list.at(i)));
            return std::nullopt;
        }
        Fields fields(list.at(i).toObject(), {QStringLiteral("rule"), QStringLiteral("enabled")});
        const QString text = fields.string(QStringLiteral("rule"), {}, true);
        const bool enabled = fields.boolean(QStringLiteral("enabled"), true);
        if (fields.failed()) {
            *error = where + fields.error();
            return std::nullopt;
        }
        QString ruleError;
        std::optional<Rule> rule = Rule::parse(text, &ruleError);
        if (!rule) {
            *error = where + QStringLiteral("%1 is not a rule: %2").arg(quoted(text), ruleError);
            return std::nullopt;
        }
        if (rule->reply == Rule::Reply::Text) {
            QString fileError;
            const std::optional<QString> confined = ReplyTemplate::mapFilePaths(
                rule->replyText,
                [&](const QString &path, QString *why) { return confinedFilePath(path, filesFolder, why); },
                &fileError);
            if (!confined) {
                *error = where + fileError;
                return std::nullopt;
            }
            rule->replyText = *confined;
        }
        rule->enabled = enabled;
        rules.append(*rule);
    }
    return rules;
}

} // namespace

std::optional<QString> confinedFilePath(const QString &path, const std::optional<QString> &filesFolder, QString *error)
{
    if (!filesFolder)
        return path;
    if (filesFolder->isEmpty()) {
        *error = QStringLiteral("a session that is not read from a file on disk may not name a file to send");
        return std::nullopt;
    }
    const QDir folder(*filesFolder);
    const QString absolute = QDir::cleanPath(folder.absoluteFilePath(path));
    const auto inside = [](const QString &file, const QString &dir) {
        return file.startsWith(dir.endsWith(u'/') ? dir : dir + u'/');
    };
    bool confined = inside(absolute, QDir::cleanPath(folder.absolutePath()));
    const QFileInfo info(absolute);
    if (confined && info.exists())
        confined = inside(info.canonicalFilePath(), folder.canonicalPath());
    if (!confined) {
        *error = QStringLiteral("the file is outside the session file's folder (%1); a session file may send only "
                                "files beside it, named by a relative path — copy the file there")
                     .arg(QDir::toNativeSeparators(folder.absolutePath()));
        return std::nullopt;
    }
    return absolute;
}

QJsonObject endpointToJson(const EndpointConfig &config, const QString &filesFolder)
{
    QJsonArray rules;
    for (Rule rule : config.rules) {
        if (!filesFolder.isEmpty() && rule.reply == Rule::Reply::Text) {
            // A file in the session file's folder is saved by a relative path, as it must be read.
            const QDir folder(filesFolder);
            rule.replyText = *ReplyTemplate::mapFilePaths(
                rule.replyText,
                [&](const QString &path, QString *) -> std::optional<QString> {
                    const QString relative = folder.relativeFilePath(path);
                    return relative.startsWith(QLatin1String("..")) ? path : relative;
                },
                nullptr);
        }
        rules.append(QJsonObject{{QStringLiteral("rule"), rule.toString()}, {QStringLiteral("enabled"), rule.enabled}});
    }
    QJsonObject object{
        {QStringLiteral("name"), config.displayName()},
        {QStringLiteral("transport"), transportName(config.transport)},
        {QStringLiteral("role"), roleName(config.role)},
        {QStringLiteral("echo"), config.echo},
        {QStringLiteral("frame"), config.frame.toString()},
        {QStringLiteral("rules"), rules},
    };
    // A serial port names its device in "serial" instead.
    if (config.transport != Transport::Serial) {
        object.insert(QStringLiteral("host"), config.host);
        object.insert(QStringLiteral("port"), int(config.port));
    }
    // Only when on: files of sessions without them stay as they were.
    if (config.noDelay)
        object.insert(QStringLiteral("noDelay"), true);
    if (config.relayToOthers)
        object.insert(QStringLiteral("relay"), true);
    if (!config.localHost.isEmpty())
        object.insert(QStringLiteral("localHost"), config.localHost);
    if (config.role == Role::Server)
        object.insert(QStringLiteral("maxClients"), config.maxConnections);
    if (config.usesSimLink() && config.simLink.isActive())
        object.insert(QStringLiteral("simLink"), config.simLink.toJson());
    if (config.usesTlsSpec()) {
        // Files in the session file's folder are saved by a relative path, as they must be read.
        const QDir folder(filesFolder);
        object.insert(QStringLiteral("tls"), config.tls.toJson([&](const QString &path) {
            const QString relative = folder.relativeFilePath(path);
            return filesFolder.isEmpty() || relative.startsWith(QLatin1String("..")) ? path : relative;
        }));
    }
    Detail::webSocketToJson(config, &object);
    Detail::multicastToJson(config, &object);
    Detail::relayToJson(config, filesFolder, &object);
    if (config.transport == Transport::Serial)
        object.insert(QStringLiteral("serial"), config.serial.toJson());
    return object;
}

std::optional<EndpointConfig> endpointFromJson(const QJsonValue &value, QString *error,
                                              const std::optional<QString> &filesFolder)
{
    if (!value.isObject()) {
        *error = QStringLiteral("must be an object, not %1").arg(typeName(value));
        return std::nullopt;
    }
    Fields fields(value.toObject(),
                  QStringList{QStringLiteral("noDelay"), QStringLiteral("relay"),
                   QStringLiteral("name"), QStringLiteral("transport"), QStringLiteral("role"), QStringLiteral("host"),
                   QStringLiteral("port"), QStringLiteral("localHost"), QStringLiteral("echo"), QStringLiteral("frame"),
                   QStringLiteral("rules"), QStringLiteral("maxClients"), QStringLiteral("simLink"),
                   QStringLiteral("tls"), QStringLiteral("serial")}
                      + Detail::webSocketKeys() + Detail::multicastKeys() + Detail::relayKeys());
    EndpointConfig config;
    config.name = fields.string(QStringLiteral("name"), {});
    const QString transport = fields.string(QStringLiteral("transport"), QStringLiteral("tcp"));
    const QString role = fields.string(QStringLiteral("role"), {}, true);
    config.host = fields.string(QStringLiteral("host"), config.host);
    config.port = quint16(fields.integer(QStringLiteral("port"), 0, 0, 65535));
    config.localHost = fields.string(QStringLiteral("localHost"), {});
    config.echo = fields.boolean(QStringLiteral("echo"), false);
    config.noDelay = fields.boolean(QStringLiteral("noDelay"), false);
    config.relayToOthers = fields.boolean(QStringLiteral("relay"), false);
    const QString frame = fields.string(QStringLiteral("frame"), QStringLiteral("raw"));
    config.maxConnections = fields.integer(QStringLiteral("maxClients"), config.maxConnections, 1, MaxClientsLimit);
    if (fields.failed()) {
        *error = fields.error();
        return std::nullopt;
    }
    if (transport != QLatin1String("tcp") && transport != QLatin1String("udp") && transport != QLatin1String("tls")
        && transport != QLatin1String("dtls") && transport != QLatin1String("websocket")
        && transport != QLatin1String("serial") && transport != QLatin1String("relay")) {
        *error = QStringLiteral("\"transport\" is %1; expected \"tcp\", \"udp\", \"tls\", \"dtls\", \"websocket\" or "
                                "\"relay\" (or \"serial\" for a serial port)")
                     .arg(quoted(transport));
        return std::nullopt;
    }
    config.transport = transport == QLatin1String("udp")         ? Transport::Udp
        : transport == QLatin1String("tls")       ? Transport::Tls
        : transport == QLatin1String("dtls")      ? Transport::Dtls
        : transport == QLatin1String("websocket") ? Transport::WebSocket
        : transport == QLatin1String("serial")    ? Transport::Serial
        : transport == QLatin1String("relay")     ? Transport::Relay
                                                  : Transport::Tcp;
    if (role != QLatin1String("server") && role != QLatin1String("client")) {
        *error = QStringLiteral("\"role\" is %1; expected \"server\" or \"client\"").arg(quoted(role));
        return std::nullopt;
    }
    config.role = role == QLatin1String("client") ? Role::Client : Role::Server;
    if (config.name.trimmed().isEmpty() || config.name.size() > 100) {
        *error = QStringLiteral("\"name\" must be 1 to 100 characters");
        return std::nullopt;
    }
    if (config.host.trimmed().isEmpty()) {
        *error = QStringLiteral("\"host\" is empty");
        return std::nullopt;
    }
    if (config.transport == Transport::Serial && !serialFitsEndpoint(value.toObject(), config, error))
        return std::nullopt;
    if ((!isStreamTransport(config.transport) || config.transport == Transport::Serial) && config.noDelay) {
        *error = QStringLiteral("\"noDelay\" is for TCP and TLS endpoints only");
        return std::nullopt;
    }
    if (config.transport == Transport::Udp && config.relayToOthers) {
        *error = QStringLiteral("\"relay\" is for TCP, TLS and WebSocket endpoints only");
        return std::nullopt;
    }
    if (config.relayToOthers && config.role != Role::Server) {
        *error = QStringLiteral("\"relay\" is for servers only: a server passes each client's messages to the others");
        return std::nullopt;
    }
    if (config.role == Role::Client && config.port == 0 && config.transport != Transport::Serial) {
        *error = QStringLiteral("\"port\" is 0; a client needs the server's port");
        return std::nullopt;
    }
    if (!Detail::webSocketFromJson(value.toObject(), &config, error))
        return std::nullopt;
    if (!Detail::multicastFromJson(value.toObject(), &config, error))
        return std::nullopt;
    if (!Detail::relayFromJson(value.toObject(), filesFolder, &config, error))
        return std::nullopt;
    QString frameError;
    const std::optional<FrameSpec> spec = FrameSpec::parse(frame, &frameError);
    if (!spec) {
        *error = QStringLiteral("\"frame\" is %1: %2").arg(quoted(frame), frameError);
        return std::nullopt;
    }
    config.frame = *spec;
    if (config.transport == Transport::WebSocket && config.frame.kind != FrameSpec::Kind::Raw) {
        *error = QStringLiteral("\"frame\" is for TCP: each WebSocket message is one message already");
        return std::nullopt;
    }
    const std::optional<QList<Rule>> rules = rulesFromJson(fields.value(QStringLiteral("rules")), filesFolder, error);
    if (!rules)
        return std::nullopt;
    config.rules = *rules;
    const QJsonValue simLink = fields.value(QStringLiteral("simLink"));
    if (!simLink.isUndefined()) {
        if (!simLink.isObject()) {
            *error = QStringLiteral("\"simLink\" must be an object, not %1").arg(typeName(simLink));
            return std::nullopt;
        }
        if (!config.usesSimLink()) {
            *error = QStringLiteral("\"simLink\" is for UDP endpoints and UDP relays (\"forward\": {\"udp\": true}) only");
            return std::nullopt;
        }
        QString linkError;
        const std::optional<SimLinkSpec> link = SimLinkSpec::fromJson(simLink.toObject(), &linkError);
        if (!link) {
            *error = QStringLiteral("\"simLink\": ") + linkError;
            return std::nullopt;
        }
        config.simLink = *link;
    }
    const QJsonValue tls = fields.value(QStringLiteral("tls"));
    if (!config.usesTlsSpec() && !tls.isUndefined()) {
        *error = QStringLiteral("\"tls\" is for TLS and DTLS endpoints (\"transport\": \"tls\" or \"dtls\") and wss:// "
                                "servers and clients (\"transport\": \"websocket\", \"secure\": true) only");
        return std::nullopt;
    }
    if (config.usesTlsSpec()) {
        if (!tls.isUndefined() && !tls.isObject()) {
            *error = QStringLiteral("\"tls\" must be an object, not %1").arg(typeName(tls));
            return std::nullopt;
        }
        // Certificate, key and CA files: like a rule's files, only beside the session file.
        QString tlsError;
        const std::optional<TlsSpec> spec = TlsSpec::fromJson(
            tls.toObject(), config.role == Role::Server,
            [&](const QString &path, QString *why) { return confinedFilePath(path, filesFolder, why); }, &tlsError);
        if (!spec) {
            *error = QStringLiteral("\"tls\": ") + tlsError;
            return std::nullopt;
        }
        config.tls = *spec;
        Detail::webSocketLegacyFromJson(value.toObject(), &config);
    }
    const QJsonValue serial = fields.value(QStringLiteral("serial"));
    if (config.transport != Transport::Serial && !serial.isUndefined()) {
        *error = QStringLiteral("\"serial\" is for serial ports only (\"transport\": \"serial\")");
        return std::nullopt;
    }
    if (config.transport == Transport::Serial) {
        if (!serial.isObject()) {
            *error = serial.isUndefined()
                ? QStringLiteral("\"serial\" is missing: a serial port needs at least its \"device\"")
                : QStringLiteral("\"serial\" must be an object, not %1").arg(typeName(serial));
            return std::nullopt;
        }
        QString serialError;
        const std::optional<SerialSpec> spec = SerialSpec::fromJson(serial.toObject(), &serialError);
        if (!spec) {
            *error = QStringLiteral("\"serial\": ") + serialError;
            return std::nullopt;
        }
        config.serial = *spec;
    }
    return config;
}

} // namespace SockPlay::SessionFile
