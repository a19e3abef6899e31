#pragma once
// Addresses as users type and read them, and socket errors as users understand them.

#include <QHash>
#include <QHostAddress>
#include <QString>

namespace SockPlay {

/// A peer's address and port: the key a UDP socket (or a DTLS server) finds its peer by.
struct PeerKey
{
    QHostAddress address;
    quint16 port = 0;
    bool operator==(const PeerKey &) const = default;
};
inline size_t qHash(const PeerKey &key, size_t seed = 0)
{
    return qHashMulti(seed, key.address, key.port);
}

/// "127.0.0.1:80", "[::1]:80", "[::]:80"; an IPv4-mapped peer shows as IPv4.
QString formatAddress(const QHostAddress &address, quint16 port);

/// Parses "127.0.0.1", "::1", "[::1]", "localhost", "0.0.0.0", "::", "any".
/// "::" and "any" mean every interface, IPv6 and IPv4 (QHostAddress::Any).
/// Returns a null address when the text is not an address.
QHostAddress parseBindAddress(const QString &text);

/// "host:port" for what the user typed: "[::1]:5000", "example.org:80".
QString hostPortText(const QString &host, quint16 port);
/// "[::1]" → "::1"; trims.
QString unbracketHost(const QString &host);

/// Where a UDP socket that talks to host should be bound: loopback for a
/// loopback target (not reachable from the network), any address otherwise.
QString udpBindAddressFor(const QString &host);

/// Whether a socket bound to address can be reached from other machines:
/// every interface (0.0.0.0, ::) or any address that is not loopback. A null
/// address (text that is not an address) is not.
bool isReachableFromNetwork(const QHostAddress &address);
/// The Note a server logs when it is reachable from the network: "listening
/// on every interface: other machines on the network can connect" (datagram:
/// "bound to …: … can send to it"). Empty when it is not reachable.
QString networkReachableNote(const QHostAddress &address, bool datagram);

/// A friendly hint for a socket error, to go after the system's reason
/// ("port 80 needs privileges; pick a port above 1023"). Empty when none.
QString socketErrorHint(int socketError, quint16 port);
/// "Connection refused — nothing is listening there ...": the system's reason, then a hint.
QString describeSocketError(const QString &systemReason, int socketError, quint16 port);

/// A port that is free right now on 127.0.0.1 (for presets; 0 if none found).
quint16 findFreeTcpPort();

} // namespace SockPlay
