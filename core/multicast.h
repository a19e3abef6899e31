#pragma once
// Multicast and broadcast for UDP endpoints: checking what the user typed
// (a group, an interface, a TTL), joining and leaving groups with the
// system's own reason on failure, and the broadcast addresses of this host.
// Shared by the UDP endpoint, the session file and the CLI, so that the
// three refuse the same things with the same words.

#include <QHostAddress>
#include <QList>
#include <QNetworkInterface>
#include <QString>
#include <QStringList>

namespace SockPlay::Multicast {

/// IP_MULTICAST_TTL and IPV6_MULTICAST_HOPS take 0..255 (-1 in a config: the system's default, 1).
constexpr int MaxTtl = 255;
/// Groups one receiver joins at most (Linux allows 20 IPv4 memberships per socket by default).
constexpr int MaxGroups = 20;

/// The group's address, or a null address with the reason (not an address,
/// or not in 224.0.0.0/4 or ff00::/8).
QHostAddress parseGroup(const QString &text, QString *error);
/// Every group, or an empty list with the first one's reason (and "no more
/// than MaxGroups", "joined twice").
QList<QHostAddress> parseGroups(const QStringList &texts, QString *error);
/// Whether text could name an interface ("lo", "eth0", "wlp2s0"): checked
/// where a session file is read, which may be another machine than the one
/// it was written on. Empty means "the system's choice" and is fine.
bool isInterfaceName(const QString &text);
/// The interface of this machine called name, or an invalid one with the
/// reason (naming the interfaces there are). An empty name: an invalid
/// interface and no error (the system chooses).
QNetworkInterface findInterface(const QString &name, QString *error);
/// A TTL (hop limit) of -1 (the system's default) or 0..255; else the reason.
QString checkTtl(int ttl);

/// What a receiver of these groups binds: the "any" address of their family
/// (both families: dual-stack ::). A group member must not bind one address:
/// the kernel would give it only datagrams sent to that address.
QHostAddress receiverBindAddress(const QList<QHostAddress> &groups);

/// Joins (or leaves) group on the socket, on iface (invalid: the system's
/// choice). Empty on success, else the system's reason ("No such device
/// (ENODEV)"): Qt's own join reports most failures as "Unknown error".
QString changeMembership(qintptr socket, const QHostAddress &group, const QNetworkInterface &iface, bool join);
/// Allows or forbids sending to a broadcast address (SO_BROADCAST); Qt turns
/// it on for every UDP socket, so that a typo'd broadcast goes out unasked.
/// Empty on success, else the system's reason.
QString setBroadcast(qintptr socket, bool allowed);

/// This host's IPv4 broadcast addresses (each interface's, 127.255.255.255
/// for loopback) and 255.255.255.255.
QList<QHostAddress> broadcastAddresses();

/// The system's name and reason for an errno value: "Permission denied (EACCES)".
QString systemReason(int error);

} // namespace SockPlay::Multicast
