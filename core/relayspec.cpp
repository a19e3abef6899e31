#include "relayspec.h"

#include "address.h"

#include <QJsonObject>

namespace SockPlay {

namespace {

const QString TargetKey = QStringLiteral("target");
const QString TargetPortKey = QStringLiteral("targetPort");
const QString ListenTlsKey = QStringLiteral("listenTls");
const QString TargetTlsKey = QStringLiteral("targetTls");
const QString DelayToTargetKey = QStringLiteral("delayToTargetMs");
const QString DelayToClientKey = QStringLiteral("delayToClientMs");
const QString UdpKey = QStringLiteral("udp");
const QString IdleTimeoutKey = QStringLiteral("idleTimeoutMs");

} // namespace

QString RelaySpec::validate() const
{
    if (unbracketHost(targetHost).trimmed().isEmpty())
        return QStringLiteral("the relay has no target host");
    if (targetPort == 0)
        return QStringLiteral("the relay's target port is 0; give the port the target listens on");
    if (delayToTargetMs < 0 || delayToTargetMs > MaxDelayMs || delayToClientMs < 0 || delayToClientMs > MaxDelayMs)
        return QStringLiteral("a relay's delay must be 0 to %1 ms").arg(MaxDelayMs);
    if (udp && (listenTls || targetTls))
        return QStringLiteral("a UDP relay has no TLS on either side (DTLS is another transport): drop the TLS settings or the UDP choice");
    if (idleTimeoutMs < MinIdleTimeoutMs || idleTimeoutMs > MaxIdleTimeoutMs)
        return QStringLiteral("a UDP relay's idle timeout must be %1 to %2 ms").arg(MinIdleTimeoutMs).arg(MaxIdleTimeoutMs);
    if (listenTls) {
        if (!listenTls->hasIdentity())
            return QStringLiteral("the relay's listening TLS needs a certificate and key, a PKCS#12 file, or self-signed");
        if (const QString problem = listenTls->validate(); !problem.isEmpty())
            return QStringLiteral("listening TLS: ") + problem;
    }
    if (targetTls) {
        if (const QString problem = targetTls->validate(); !problem.isEmpty())
            return QStringLiteral("TLS to the target: ") + problem;
    }
    return {};
}

QString RelaySpec::targetText() const
{
    return hostPortText(unbracketHost(targetHost), targetPort);
}

QJsonObject RelaySpec::toJson(const std::function<QString(const QString &)> &mapPath) const
{
    QJsonObject json{{TargetKey, targetHost}, {TargetPortKey, int(targetPort)}};
    if (listenTls)
        json.insert(ListenTlsKey, listenTls->toJson(mapPath));
    if (targetTls)
        json.insert(TargetTlsKey, targetTls->toJson(mapPath));
    if (delayToTargetMs != 0)
        json.insert(DelayToTargetKey, delayToTargetMs);
    if (delayToClientMs != 0)
        json.insert(DelayToClientKey, delayToClientMs);
    if (udp) {
        json.insert(UdpKey, true);
        if (idleTimeoutMs != DefaultIdleTimeoutMs)
            json.insert(IdleTimeoutKey, idleTimeoutMs);
    }
    return json;
}

std::optional<RelaySpec> RelaySpec::fromJson(const QJsonObject &json, const TlsSpec::PathMapper &mapPath,
                                             QString *error)
{
    const QStringList known{TargetKey,        TargetPortKey,    ListenTlsKey, TargetTlsKey,
                            DelayToTargetKey, DelayToClientKey, UdpKey,       IdleTimeoutKey};
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!known.contains(it.key())) {
            *error = QStringLiteral("unknown key \"%1\" (known: %2)").arg(it.key(), known.join(QStringLiteral(", ")));
            return std::nullopt;
        }
    }
    RelaySpec spec;
    const QJsonValue target = json.value(TargetKey);
    if (!target.isString() || target.toString().trimmed().isEmpty()) {
        *error = QStringLiteral("\"%1\" must be the target's host name or address").arg(TargetKey);
        return std::nullopt;
    }
    spec.targetHost = target.toString().trimmed();
    const auto whole = [&json, error](const QString &key, int low, int high, int fallback) -> std::optional<int> {
        const QJsonValue value = json.value(key);
        if (value.isUndefined())
            return fallback;
        const double number = value.toDouble(-1);
        if (!value.isDouble() || number != double(qint64(number)) || number < low || number > high) {
            *error = QStringLiteral("\"%1\" must be a whole number from %2 to %3").arg(key).arg(low).arg(high);
            return std::nullopt;
        }
        return int(number);
    };
    const std::optional<int> port = whole(TargetPortKey, 1, 65535, 0);
    if (!port)
        return std::nullopt;
    if (*port == 0) {
        *error = QStringLiteral("\"%1\" is missing: the port the target listens on").arg(TargetPortKey);
        return std::nullopt;
    }
    spec.targetPort = quint16(*port);
    const std::optional<int> toTarget = whole(DelayToTargetKey, 0, MaxDelayMs, 0);
    const std::optional<int> toClient = toTarget ? whole(DelayToClientKey, 0, MaxDelayMs, 0) : std::nullopt;
    if (!toTarget || !toClient)
        return std::nullopt;
    spec.delayToTargetMs = *toTarget;
    spec.delayToClientMs = *toClient;
    if (const QJsonValue udp = json.value(UdpKey); !udp.isUndefined()) {
        if (!udp.isBool()) {
            *error = QStringLiteral("\"%1\" must be true or false (datagrams both ways, or a byte stream)").arg(UdpKey);
            return std::nullopt;
        }
        spec.udp = udp.toBool();
    }
    if (json.contains(IdleTimeoutKey) && !spec.udp) {
        *error = QStringLiteral("\"%1\" is for a UDP relay: add \"%2\": true").arg(IdleTimeoutKey, UdpKey);
        return std::nullopt;
    }
    const std::optional<int> idle = whole(IdleTimeoutKey, MinIdleTimeoutMs, MaxIdleTimeoutMs, DefaultIdleTimeoutMs);
    if (!idle)
        return std::nullopt;
    spec.idleTimeoutMs = *idle;
    for (const auto &[key, server] : {std::pair{ListenTlsKey, true}, std::pair{TargetTlsKey, false}}) {
        const QJsonValue value = json.value(key);
        if (value.isUndefined())
            continue;
        if (!value.isObject()) {
            *error = QStringLiteral("\"%1\" must be an object (the TLS settings of that side)").arg(key);
            return std::nullopt;
        }
        QString tlsError;
        const std::optional<TlsSpec> tls = TlsSpec::fromJson(value.toObject(), server, mapPath, &tlsError);
        if (!tls) {
            *error = QStringLiteral("\"%1\": ").arg(key) + tlsError;
            return std::nullopt;
        }
        (server ? spec.listenTls : spec.targetTls) = *tls;
    }
    if (const QString problem = spec.validate(); !problem.isEmpty()) {
        *error = problem;
        return std::nullopt;
    }
    return spec;
}

} // namespace SockPlay
