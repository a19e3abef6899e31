#pragma once
// The TLS settings of an endpoint: a value type in EndpointConfig. What they
// turn into (a QSslConfiguration with a certificate) is in tlscontext.*.

#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class QJsonObject;

namespace SockPlay {

/// How a TLS endpoint proves who it is and checks its peer. A server needs
/// an identity: a certificate and key (PEM), a PKCS#12 file, or selfSigned.
/// A client may present one (a client certificate) and verifies the server
/// unless verifyPeer is off.
struct TlsSpec
{
    QString certificateFile; ///< PEM: the certificate, perhaps followed by its chain
    QString keyFile;         ///< PEM: the private key of certificateFile
    QString pkcs12File;      ///< instead of the two above: certificate, key and chain in one file
    QString passphrase;      ///< of pkcs12File, or of an encrypted keyFile
    /// Server: make a self-signed certificate for its address at start (EC P-256, 30 days).
    bool selfSigned = false;
    /// PEM certificates to trust (client: the server's CA; server: the clients' CA).
    /// Empty: the system's CAs.
    QString caFile;
    /// Client: verify the server's chain and name (off: each problem is a note
    /// and the handshake goes on). Server: ask each client for a certificate
    /// and refuse clients without a valid one. The CLI and session files turn
    /// it off for servers unless asked.
    bool verifyPeer = true;
    /// Client: the name sent as SNI and checked against the certificate; empty: the host.
    QString serverName;
    /// ALPN protocol names offered (client) or accepted (server), in order of preference.
    QStringList alpn;
    /// A handshake that does not finish in this time is an error and closes the connection.
    int handshakeTimeoutMs = 10000;

    static constexpr int MaxHandshakeTimeoutMs = 600000;

    /// Certificate and key, or PKCS#12, or self-signed: what a server proves itself with.
    bool hasIdentity() const { return selfSigned || !certificateFile.isEmpty() || !pkcs12File.isEmpty(); }
    /// The name the client verifies and sends as SNI for a connection to host.
    QString effectiveServerName(const QString &host) const { return serverName.isEmpty() ? host : serverName; }
    /// Empty when the fields fit together; else why not ("a certificate needs its key").
    QString validate() const;
    /// "h2,http/1.1" back to a list; an empty or too long name is an error.
    static std::optional<QStringList> parseAlpn(const QString &text, QString *error);

    /// A path in the spec, as a session file may name it (see SessionFile::confinedFilePath).
    using PathMapper = std::function<std::optional<QString>(const QString &path, QString *error)>;
    /// The session file's "tls" object: keys named like the fields; only what
    /// differs from the defaults. Paths go through mapPath (made relative).
    QJsonObject toJson(const std::function<QString(const QString &)> &mapPath = {}) const;
    /// Unknown keys and bad values are refused, the error naming the key;
    /// each path goes through mapPath (confined to the file's folder).
    static std::optional<TlsSpec> fromJson(const QJsonObject &json, bool server, const PathMapper &mapPath,
                                           QString *error);

    bool operator==(const TlsSpec &) const = default;
};

} // namespace SockPlay
