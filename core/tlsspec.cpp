#include "tlsspec.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace SockPlay {

namespace {

const QString CertificateKey = QStringLiteral("certificateFile");
const QString KeyKey = QStringLiteral("keyFile");
const QString Pkcs12Key = QStringLiteral("pkcs12File");
const QString PassphraseKey = QStringLiteral("passphrase");
const QString SelfSignedKey = QStringLiteral("selfSigned");
const QString CaKey = QStringLiteral("caFile");
const QString VerifyKey = QStringLiteral("verifyPeer");
const QString ServerNameKey = QStringLiteral("serverName");
const QString AlpnKey = QStringLiteral("alpn");
const QString TimeoutKey = QStringLiteral("handshakeTimeoutMs");

// ALPN names are 1 to 255 bytes on the wire (RFC 7301).
constexpr int MaxAlpnNameBytes = 255;
constexpr int MaxAlpnNames = 32;

QString alpnNameProblem(const QString &name)
{
    if (name.isEmpty())
        return QStringLiteral("an ALPN protocol name is empty");
    if (name.toUtf8().size() > MaxAlpnNameBytes)
        return QStringLiteral("the ALPN protocol name \"%1…\" is longer than %2 bytes").arg(name.left(20)).arg(MaxAlpnNameBytes);
    return {};
}

} // namespace

QString TlsSpec::validate() const
{
    if (!certificateFile.isEmpty() && keyFile.isEmpty())
        return QStringLiteral("the certificate %1 needs its private key (a key file)").arg(certificateFile);
    if (certificateFile.isEmpty() && !keyFile.isEmpty())
        return QStringLiteral("a key file needs its certificate (a certificate file)");
    if (!pkcs12File.isEmpty() && !certificateFile.isEmpty())
        return QStringLiteral("give a certificate and key, or a PKCS#12 file, not both");
    if (selfSigned && (!certificateFile.isEmpty() || !pkcs12File.isEmpty()))
        return QStringLiteral("a self-signed certificate is made at start: give no certificate file with it");
    if (alpn.size() > MaxAlpnNames)
        return QStringLiteral("at most %1 ALPN protocol names").arg(MaxAlpnNames);
    for (const QString &name : alpn) {
        if (const QString problem = alpnNameProblem(name); !problem.isEmpty())
            return problem;
    }
    if (handshakeTimeoutMs < 1 || handshakeTimeoutMs > MaxHandshakeTimeoutMs)
        return QStringLiteral("the handshake timeout must be 1 to %1 ms").arg(MaxHandshakeTimeoutMs);
    return {};
}

std::optional<QStringList> TlsSpec::parseAlpn(const QString &text, QString *error)
{
    QStringList names = text.split(QLatin1Char(','));
    // What validate() would refuse at start is refused here, where it was typed.
    if (names.size() > MaxAlpnNames) {
        *error = QStringLiteral("at most %1 ALPN protocol names").arg(MaxAlpnNames);
        return std::nullopt;
    }
    for (QString &name : names) {
        name = name.trimmed();
        if (const QString problem = alpnNameProblem(name); !problem.isEmpty()) {
            *error = problem;
            return std::nullopt;
        }
    }
    return names;
}

QJsonObject TlsSpec::toJson(const std::function<QString(const QString &)> &mapPath) const
{
    const auto path = [&mapPath](const QString &file) { return mapPath ? mapPath(file) : file; };
    QJsonObject json;
    if (!certificateFile.isEmpty())
        json.insert(CertificateKey, path(certificateFile));
    if (!keyFile.isEmpty())
        json.insert(KeyKey, path(keyFile));
    if (!pkcs12File.isEmpty())
        json.insert(Pkcs12Key, path(pkcs12File));
    if (!passphrase.isEmpty())
        json.insert(PassphraseKey, passphrase);
    if (selfSigned)
        json.insert(SelfSignedKey, true);
    if (!caFile.isEmpty())
        json.insert(CaKey, path(caFile));
    // Always written: its default depends on the role.
    json.insert(VerifyKey, verifyPeer);
    if (!serverName.isEmpty())
        json.insert(ServerNameKey, serverName);
    if (!alpn.isEmpty())
        json.insert(AlpnKey, QJsonArray::fromStringList(alpn));
    if (handshakeTimeoutMs != TlsSpec().handshakeTimeoutMs)
        json.insert(TimeoutKey, handshakeTimeoutMs);
    return json;
}

std::optional<TlsSpec> TlsSpec::fromJson(const QJsonObject &json, bool server, const PathMapper &mapPath,
                                        QString *error)
{
    const QStringList known{CertificateKey, KeyKey, Pkcs12Key, PassphraseKey, SelfSignedKey,
                            CaKey, VerifyKey, ServerNameKey, AlpnKey, TimeoutKey};
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!known.contains(it.key())) {
            *error = QStringLiteral("unknown key \"%1\" (known: %2)").arg(it.key(), known.join(QStringLiteral(", ")));
            return std::nullopt;
        }
    }
    QString problem;
    const auto string = [&](const QString &key) -> QString {
        const QJsonValue value = json.value(key);
        if (value.isUndefined() || !problem.isEmpty())
            return {};
        if (!value.isString())
            problem = QStringLiteral("\"%1\" must be a string").arg(key);
        return value.toString();
    };
    const auto file = [&](const QString &key) -> QString {
        const QString path = string(key);
        if (path.isEmpty() || !problem.isEmpty())
            return path;
        QString why;
        const std::optional<QString> mapped = mapPath ? mapPath(path, &why) : std::optional<QString>(path);
        if (!mapped)
            problem = QStringLiteral("\"%1\": %2").arg(key, why);
        return mapped.value_or(QString());
    };
    const auto boolean = [&](const QString &key, bool fallback) {
        const QJsonValue value = json.value(key);
        if (value.isUndefined() || !problem.isEmpty())
            return fallback;
        if (!value.isBool())
            problem = QStringLiteral("\"%1\" must be true or false").arg(key);
        return value.toBool(fallback);
    };

    TlsSpec spec;
    spec.certificateFile = file(CertificateKey);
    spec.keyFile = file(KeyKey);
    spec.pkcs12File = file(Pkcs12Key);
    spec.passphrase = string(PassphraseKey);
    spec.selfSigned = boolean(SelfSignedKey, false);
    spec.caFile = file(CaKey);
    spec.verifyPeer = boolean(VerifyKey, !server);
    spec.serverName = string(ServerNameKey);
    const QJsonValue alpn = json.value(AlpnKey);
    if (!alpn.isUndefined() && problem.isEmpty()) {
        const QJsonArray names = alpn.toArray();
        if (!alpn.isArray() || std::any_of(names.begin(), names.end(), [](const QJsonValue &v) { return !v.isString(); }))
            problem = QStringLiteral("\"alpn\" must be an array of strings");
        for (const QJsonValue &name : names)
            spec.alpn.append(name.toString());
    }
    const QJsonValue timeout = json.value(TimeoutKey);
    if (!timeout.isUndefined() && problem.isEmpty()) {
        const double ms = timeout.toDouble(-1);
        if (!timeout.isDouble() || ms != double(qint64(ms)) || ms < 1 || ms > MaxHandshakeTimeoutMs)
            problem = QStringLiteral("\"%1\" must be a whole number from 1 to %2").arg(TimeoutKey).arg(MaxHandshakeTimeoutMs);
        else
            spec.handshakeTimeoutMs = int(ms);
    }
    if (problem.isEmpty())
        problem = spec.validate();
    if (!problem.isEmpty()) {
        *error = problem;
        return std::nullopt;
    }
    return spec;
}

} // namespace SockPlay
