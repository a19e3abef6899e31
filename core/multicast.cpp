#include "multicast.h"

#include <QRegularExpression>
#include <QAbstractSocket>

#include <cerrno>
#include <cstring>

#ifdef Q_OS_UNIX
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#endif

namespace SockPlay::Multicast {

QHostAddress parseGroup(const QString &text, QString *error)
{
    const QString trimmed = text.trimmed();
    QString bare = trimmed;
    if (bare.startsWith(u'[') && bare.endsWith(u']'))
        bare = bare.mid(1, bare.size() - 2);
    const QHostAddress address(bare);
    if (address.isNull()) {
        *error = QStringLiteral("“%1” is not an IP address: a group is an address such as 239.255.0.1 or ff02::1:3")
                     .arg(trimmed);
        return {};
    }
    if (!address.isMulticast()) {
        *error = QStringLiteral("%1 is not a multicast group address (IPv4 224.0.0.0 to 239.255.255.255, IPv6 ff00::/8)")
                     .arg(address.toString());
        return {};
    }
    return address;
}

QList<QHostAddress> parseGroups(const QStringList &texts, QString *error)
{
    if (texts.size() > MaxGroups) {
        *error = QStringLiteral("%1 groups; one receiver joins at most %2").arg(texts.size()).arg(MaxGroups);
        return {};
    }
    QList<QHostAddress> groups;
    for (const QString &text : texts) {
        const QHostAddress group = parseGroup(text, error);
        if (group.isNull())
            return {};
        if (groups.contains(group)) {
            *error = QStringLiteral("%1 is listed twice").arg(group.toString());
            return {};
        }
        groups.append(group);
    }
    return groups;
}

bool isInterfaceName(const QString &text)
{
    // Linux: at most 15 bytes, no slash, no space (IFNAMSIZ); other systems are stricter.
    static const QRegularExpression pattern(QStringLiteral("^[^\\s/:]{1,15}$"));
    return text.isEmpty() || pattern.match(text).hasMatch();
}

QNetworkInterface findInterface(const QString &name, QString *error)
{
    if (name.isEmpty())
        return {};
    const QNetworkInterface iface = isInterfaceName(name) ? QNetworkInterface::interfaceFromName(name)
                                                          : QNetworkInterface();
    if (!iface.isValid()) {
        QStringList names;
        for (const QNetworkInterface &each : QNetworkInterface::allInterfaces())
            names.append(each.name());
        *error = QStringLiteral("no network interface called “%1” here (there are: %2)")
                     .arg(name, names.join(QStringLiteral(", ")));
    }
    return iface;
}

QString checkTtl(int ttl)
{
    if (ttl < -1 || ttl > MaxTtl)
        return QStringLiteral("TTL %1 is out of range: 0 to %2 (1 keeps datagrams on the local network)")
            .arg(ttl)
            .arg(MaxTtl);
    return {};
}

QHostAddress receiverBindAddress(const QList<QHostAddress> &groups)
{
    bool v4 = false;
    bool v6 = false;
    for (const QHostAddress &group : groups)
        (group.protocol() == QAbstractSocket::IPv4Protocol ? v4 : v6) = true;
    if (v4 && !v6)
        return QHostAddress(QHostAddress::AnyIPv4);
    if (v6 && !v4)
        return QHostAddress(QHostAddress::AnyIPv6);
    return QHostAddress(QHostAddress::Any);
}

QString systemReason(int error)
{
    QString reason = qt_error_string(error);
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 32))
    if (const char *name = ::strerrorname_np(error))
        reason += QStringLiteral(" (%1)").arg(QLatin1String(name));
#endif
    return reason;
}

QString changeMembership(qintptr socket, const QHostAddress &group, const QNetworkInterface &iface, bool join)
{
#ifdef Q_OS_UNIX
    int result = 0;
    if (group.protocol() == QAbstractSocket::IPv4Protocol) {
        // ip_mreqn names the interface by index: no need for it to have an IPv4 address.
        ip_mreqn request{};
        request.imr_multiaddr.s_addr = htonl(group.toIPv4Address());
        request.imr_ifindex = iface.isValid() ? iface.index() : 0;
        result = ::setsockopt(int(socket), IPPROTO_IP, join ? IP_ADD_MEMBERSHIP : IP_DROP_MEMBERSHIP, &request,
                              sizeof(request));
    } else {
        ipv6_mreq request{};
        const Q_IPV6ADDR bytes = group.toIPv6Address();
        std::memcpy(&request.ipv6mr_multiaddr, &bytes, sizeof(request.ipv6mr_multiaddr));
        request.ipv6mr_interface = iface.isValid() ? unsigned(iface.index()) : 0u;
        result = ::setsockopt(int(socket), IPPROTO_IPV6, join ? IPV6_JOIN_GROUP : IPV6_LEAVE_GROUP, &request,
                              sizeof(request));
    }
    return result == 0 ? QString() : systemReason(errno);
#else
    Q_UNUSED(socket)
    Q_UNUSED(group)
    Q_UNUSED(iface)
    Q_UNUSED(join)
    return QStringLiteral("joining groups is only done on Unix-like systems here");
#endif
}

QString setBroadcast(qintptr socket, bool allowed)
{
#ifdef Q_OS_UNIX
    const int value = allowed ? 1 : 0;
    if (::setsockopt(int(socket), SOL_SOCKET, SO_BROADCAST, &value, sizeof(value)) != 0)
        return systemReason(errno);
#else
    Q_UNUSED(socket)
    Q_UNUSED(allowed)
#endif
    return {};
}

QList<QHostAddress> broadcastAddresses()
{
    QList<QHostAddress> addresses{QHostAddress(QHostAddress::Broadcast)};
    for (const QNetworkInterface &iface : QNetworkInterface::allInterfaces()) {
        for (const QNetworkAddressEntry &entry : iface.addressEntries()) {
            if (entry.ip().protocol() != QAbstractSocket::IPv4Protocol)
                continue;
            // The kernel gives loopback no broadcast address, yet routes its
            // (127.255.255.255): work it out from the prefix, as it does.
            const int prefix = entry.prefixLength();
            if (prefix < 1 || prefix > 30)
                continue;
            const quint32 hostBits = (quint32(1) << (32 - prefix)) - 1;
            const QHostAddress broadcast(entry.ip().toIPv4Address() | hostBits);
            if (!addresses.contains(broadcast))
                addresses.append(broadcast);
        }
    }
    return addresses;
}

} // namespace SockPlay::Multicast
