#include "sessionfile_p.h"

#include "jsonfile.h"
#include "sessionfile.h"

#include <QDir>

// A relay's forwarding in a session file ("transport": "relay", a server;
// "host" and "port" are where it listens):
//
//   "forward": {"target": "127.0.0.1", "targetPort": 7000,
//               "listenTls": {"selfSigned": true}, "targetTls": {"caFile": "ca.pem", "serverName": "localhost"},
//               "delayToTargetMs": 50, "delayToClientMs": 0}
//
// A UDP relay: "forward": {"target": "127.0.0.1", "targetPort": 9001,
// "udp": true, "idleTimeoutMs": 30000}, its simulated link in the
// endpoint's "simLink" object as a UDP socket's (no TLS with it).
// Only "target" and "targetPort" are required. (Not "relay": that key is the
// chat relay's switch of a TCP server.) TLS files are confined to the
// session file's folder, as the "tls" object's are.

namespace SockPlay::SessionFile::Detail {

namespace {
const QString ForwardKey = QStringLiteral("forward");
} // namespace

QStringList relayKeys()
{
    return {ForwardKey};
}

void relayToJson(const EndpointConfig &config, const QString &filesFolder, QJsonObject *object)
{
    if (config.transport != Transport::Relay)
        return;
    const QDir folder(filesFolder);
    object->insert(ForwardKey, config.relay.toJson([&](const QString &path) {
        const QString relative = folder.relativeFilePath(path);
        return filesFolder.isEmpty() || relative.startsWith(QLatin1String("..")) ? path : relative;
    }));
}

bool relayFromJson(const QJsonObject &object, const std::optional<QString> &filesFolder, EndpointConfig *config,
                   QString *error)
{
    const QJsonValue forward = object.value(ForwardKey);
    if (config->transport != Transport::Relay) {
        if (forward.isUndefined())
            return true;
        *error = QStringLiteral("\"forward\" is for relays only (\"transport\": \"relay\")");
        return false;
    }
    if (config->role != Role::Server) {
        *error = QStringLiteral("a relay listens: its \"role\" must be \"server\"");
        return false;
    }
    if (config->relayToOthers) {
        *error = QStringLiteral("\"relay\" (a chat server's switch) does not apply to a relay, which forwards each client to its target");
        return false;
    }
    if (!forward.isObject()) {
        *error = forward.isUndefined()
            ? QStringLiteral("\"forward\" is missing: a relay needs at least its \"target\" and \"targetPort\"")
            : QStringLiteral("\"forward\" must be an object, not %1").arg(JsonFile::typeName(forward));
        return false;
    }
    QString relayError;
    const std::optional<RelaySpec> spec = RelaySpec::fromJson(
        forward.toObject(), [&](const QString &path, QString *why) { return confinedFilePath(path, filesFolder, why); },
        &relayError);
    if (!spec) {
        *error = QStringLiteral("\"forward\": ") + relayError;
        return false;
    }
    config->relay = *spec;
    return true;
}

} // namespace SockPlay::SessionFile::Detail
