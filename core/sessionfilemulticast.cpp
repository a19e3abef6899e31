#include "sessionfile_p.h"

#include "jsonfile.h"
#include "multicast.h"

#include <QJsonArray>

// A UDP endpoint's multicast and broadcast in a session file:
//
//   "multicast": {"groups": ["239.255.0.1", "ff02::1:3"], "interface": "lo", "ttl": 4, "loopback": false},
//   "broadcast": true
//
// Every key may be left out (its default). The interface is not looked up
// here: a file written on one machine may be opened on another; starting the
// endpoint names an interface that is not there.

namespace SockPlay::SessionFile::Detail {

namespace {

const QString MulticastKey = QStringLiteral("multicast");
const QString BroadcastKey = QStringLiteral("broadcast");

/// "\"multicast\": \"ttl\" ..." : every reason names the key inside the object.
QString inMulticast(const QString &key, const QString &reason)
{
    return QStringLiteral("\"multicast\": \"%1\" %2").arg(key, reason);
}

bool readGroups(const QJsonValue &value, EndpointConfig *config, QString *error)
{
    if (!value.isArray()) {
        *error = inMulticast(QStringLiteral("groups"),
                             QStringLiteral("must be an array of group addresses, not %1").arg(JsonFile::typeName(value)));
        return false;
    }
    QStringList groups;
    for (const QJsonValue &entry : value.toArray()) {
        if (!entry.isString()) {
            *error = inMulticast(QStringLiteral("groups"),
                                 QStringLiteral("must hold group addresses (strings), not %1").arg(JsonFile::typeName(entry)));
            return false;
        }
        groups.append(entry.toString().trimmed());
    }
    QString reason;
    if (!groups.isEmpty() && Multicast::parseGroups(groups, &reason).isEmpty()) {
        *error = inMulticast(QStringLiteral("groups"), QStringLiteral("is wrong: ") + reason);
        return false;
    }
    if (!groups.isEmpty() && config->role != Role::Server) {
        *error = inMulticast(QStringLiteral("groups"),
                             QStringLiteral("are for UDP receivers (\"role\": \"server\"); a sender sends to its \"host\""));
        return false;
    }
    config->multicastGroups = groups;
    return true;
}

} // namespace

QStringList multicastKeys()
{
    return {MulticastKey, BroadcastKey};
}

void multicastToJson(const EndpointConfig &config, QJsonObject *object)
{
    if (config.transport != Transport::Udp)
        return;
    const EndpointConfig defaults;
    QJsonObject multicast;
    if (!config.multicastGroups.isEmpty())
        multicast.insert(QStringLiteral("groups"), QJsonArray::fromStringList(config.multicastGroups));
    if (!config.multicastInterface.isEmpty())
        multicast.insert(QStringLiteral("interface"), config.multicastInterface);
    if (config.multicastTtl != defaults.multicastTtl)
        multicast.insert(QStringLiteral("ttl"), config.multicastTtl);
    if (config.multicastLoopback != defaults.multicastLoopback)
        multicast.insert(QStringLiteral("loopback"), config.multicastLoopback);
    // Only when set: files of sessions without multicast stay as they were.
    if (!multicast.isEmpty())
        object->insert(MulticastKey, multicast);
    if (config.broadcast)
        object->insert(BroadcastKey, true);
}

bool multicastFromJson(const QJsonObject &object, EndpointConfig *config, QString *error)
{
    const QJsonValue multicast = object.value(MulticastKey);
    const QJsonValue broadcast = object.value(BroadcastKey);
    if (config->transport != Transport::Udp) {
        for (const QString &key : multicastKeys()) {
            if (object.contains(key)) {
                *error = QStringLiteral("\"%1\" is for UDP endpoints only").arg(key);
                return false;
            }
        }
        return true;
    }
    if (!broadcast.isUndefined()) {
        if (!broadcast.isBool()) {
            *error = QStringLiteral("\"broadcast\" must be true or false, not %1").arg(JsonFile::typeName(broadcast));
            return false;
        }
        config->broadcast = broadcast.toBool();
    }
    if (multicast.isUndefined())
        return true;
    if (!multicast.isObject()) {
        *error = QStringLiteral("\"multicast\" must be an object, not %1").arg(JsonFile::typeName(multicast));
        return false;
    }
    const QJsonObject fields = multicast.toObject();
    const QStringList known{QStringLiteral("groups"), QStringLiteral("interface"), QStringLiteral("ttl"),
                            QStringLiteral("loopback")};
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (!known.contains(it.key())) {
            *error = QStringLiteral("\"multicast\": unknown key %1 (known: %2)")
                         .arg(JsonFile::quoted(it.key()), known.join(QStringLiteral(", ")));
            return false;
        }
    }
    if (fields.contains(QStringLiteral("groups")) && !readGroups(fields.value(QStringLiteral("groups")), config, error))
        return false;
    const QJsonValue iface = fields.value(QStringLiteral("interface"));
    if (!iface.isUndefined()) {
        if (!iface.isString() || !Multicast::isInterfaceName(iface.toString().trimmed())) {
            *error = inMulticast(QStringLiteral("interface"),
                                 QStringLiteral("must be an interface's name such as \"lo\" or \"eth0\", not %1")
                                     .arg(iface.isString() ? JsonFile::quoted(iface.toString()) : JsonFile::typeName(iface)));
            return false;
        }
        config->multicastInterface = iface.toString().trimmed();
    }
    const QJsonValue ttl = fields.value(QStringLiteral("ttl"));
    if (!ttl.isUndefined()) {
        const double number = ttl.toDouble(-2);
        if (!ttl.isDouble() || number < 0 || number > Multicast::MaxTtl || number != double(int(number))) {
            *error = inMulticast(QStringLiteral("ttl"), QStringLiteral("must be a whole number from 0 to %1, not %2")
                                                           .arg(Multicast::MaxTtl)
                                                           .arg(ttl.isDouble() ? QString::number(number)
                                                                               : JsonFile::typeName(ttl)));
            return false;
        }
        config->multicastTtl = int(number);
    }
    const QJsonValue loopback = fields.value(QStringLiteral("loopback"));
    if (!loopback.isUndefined()) {
        if (!loopback.isBool()) {
            *error = inMulticast(QStringLiteral("loopback"),
                                 QStringLiteral("must be true or false, not %1").arg(JsonFile::typeName(loopback)));
            return false;
        }
        config->multicastLoopback = loopback.toBool();
    }
    return true;
}

} // namespace SockPlay::SessionFile::Detail
