#pragma once

#include "endpointtypes.h"

#include <QSslConfiguration>
#include <QStringList>

#include <memory>
#include <optional>

namespace SockPlay {

/// What the connections of one TLS endpoint share, made from its TlsSpec
/// once per start: the configuration with the certificates already loaded
/// (files are read at start, never per connection), the name a client
/// verifies, and the handshake's limits.
struct TlsContext
{
    QSslConfiguration configuration;
    /// Client: sent as SNI and matched against the server's certificate.
    QString serverName;
    /// Client: off, verification problems are logged as notes and ignored.
    bool verifyPeer = true;
    /// ALPN names were offered (client) or accepted (server): the log says what was agreed.
    bool offersAlpn = false;
    /// Those names, in order of preference.
    QStringList alpn;
    /// DTLS (over UDP) rather than TLS (over TCP).
    bool datagram = false;
    int handshakeTimeoutMs = 10000;

    /// Loads what spec names for an endpoint of this role reaching (client)
    /// or bound to (server) host. A server without an identity is refused.
    /// Errors name the file and say why; notes are what the start should
    /// log (the server's own certificate, verification settings). With
    /// transport Dtls the configuration is a DTLS one (DTLS 1.2, cookies on).
    static std::shared_ptr<const TlsContext> make(const TlsSpec &spec, Role role, const QString &host,
                                                  QString *error, QStringList *notes = nullptr,
                                                  Transport transport = Transport::Tls);
};

} // namespace SockPlay
