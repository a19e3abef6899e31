#pragma once
// The settings of a relay (Transport::Relay): a value type in EndpointConfig.

#include "tlsspec.h"

#include <QString>

#include <optional>

class QJsonObject;

namespace SockPlay {

/// Where a relay forwards each client it accepts, and how. The listening
/// side is the endpoint's own host and port (127.0.0.1 by default); each
/// accepted client gets its own connection to targetHost:targetPort, and the
/// bytes of both are passed on, each direction through its own pipeline.
/// TLS on either side reuses TlsSpec: listenTls is the server side (a
/// certificate and key, or self-signed), targetTls the client side (CA,
/// verification, SNI, ALPN).
///
/// udp: a UDP relay (UdpRelayEndpoint) instead: it binds the listening
/// address, and each client (source address and port) gets a socket of its
/// own connected to the target, an association that ends after idleTimeoutMs
/// without a datagram either way. Both sides are UDP or both are TCP: one
/// flag, not a transport per side (a datagram has no place in a byte stream
/// without a framing the relay would have to invent). No TLS with it.
struct RelaySpec
{
    QString targetHost;
    quint16 targetPort = 0;
    /// Clients reach the relay over TLS (the relay presents this identity).
    std::optional<TlsSpec> listenTls;
    /// The relay reaches the target over TLS (verifying it as this says).
    std::optional<TlsSpec> targetTls;
    /// Each chunk from a client is held this long before it goes to the target.
    int delayToTargetMs = 0;
    /// Each chunk from the target is held this long before it goes to its client.
    int delayToClientMs = 0;
    /// Datagrams both ways (UdpRelayEndpoint), not a byte stream.
    bool udp = false;
    /// UDP: an association with no datagram either way for this long ends.
    int idleTimeoutMs = DefaultIdleTimeoutMs;

    static constexpr int MaxDelayMs = 60000;
    static constexpr int DefaultIdleTimeoutMs = 30000;
    static constexpr int MinIdleTimeoutMs = 100;
    static constexpr int MaxIdleTimeoutMs = 3600000;

    /// Empty when it can run; else why not (no target, a delay out of range,
    /// a TLS setting that does not fit).
    QString validate() const;
    /// "127.0.0.1:7000", "[::1]:7000".
    QString targetText() const;

    /// The session file's "relay" object. Paths go through mapPath (made relative).
    QJsonObject toJson(const std::function<QString(const QString &)> &mapPath = {}) const;
    /// Unknown keys and bad values are refused, the error naming the key.
    static std::optional<RelaySpec> fromJson(const QJsonObject &json, const TlsSpec::PathMapper &mapPath,
                                             QString *error);

    bool operator==(const RelaySpec &) const = default;

    /// How a relay's Created event starts ("relay's server socket (TCP)"):
    /// the lifecycle tracker and the ladder know a relay by it.
    static QString socketDetailPrefix() { return QStringLiteral("relay's server socket"); }
    /// A UDP relay's Created detail: socketDetailPrefix() + this.
    static QString udpSocketDetailSuffix() { return QStringLiteral(" (UDP)"); }
    /// A relay's connections come in pairs, in the order they open: client
    /// #1 and its target side #2, client #3 and target side #4, ...
    static constexpr bool isTargetSide(int connectionId) { return connectionId > 0 && connectionId % 2 == 0; }
    /// The client side's id of the conversation connectionId is part of.
    static constexpr int clientSideOf(int connectionId) { return isTargetSide(connectionId) ? connectionId - 1 : connectionId; }
};

} // namespace SockPlay
