#include "udpendpoint.h"
// The multicast and broadcast side of UdpEndpoint: the groups a receiver
// joins (at its start and while it runs) and leaves, the options multicast
// goes out with, and what a datagram's destination says of it.

#include "eventlog.h"
#include "multicast.h"

#include <QUdpSocket>

#include <algorithm>
#include <utility>

namespace SockPlay {

namespace {

QString interfaceText(const QNetworkInterface &iface)
{
    return iface.isValid() ? iface.name() : QStringLiteral("the system's choice of interface");
}

/// 0.0.0.0, :: or the dual-stack any-address: bound to no one address.
bool isEveryInterface(const QHostAddress &address)
{
    return address.isEqual(QHostAddress(QHostAddress::Any), QHostAddress::ConvertUnspecifiedAddress);
}

/// The system's reason for a failed join, and what to do when it chose no interface.
QString joinFailure(const QHostAddress &group, const QNetworkInterface &iface, const QString &reason)
{
    QString message = QStringLiteral("cannot join group %1 on %2: %3").arg(group.toString(), interfaceText(iface), reason);
    if (!iface.isValid())
        message += QStringLiteral(" — name an interface (lo keeps it on this machine)");
    return message;
}

} // namespace

QString UdpEndpoint::checkMulticast(const EndpointConfig &config, QList<QHostAddress> *groups, QNetworkInterface *iface)
{
    QString error;
    // A client sends; only a receiver joins (a client's groups are not used).
    if (config.role == Role::Server && !config.multicastGroups.isEmpty()) {
        *groups = Multicast::parseGroups(config.multicastGroups, &error);
        if (groups->isEmpty())
            return QStringLiteral("multicast groups: ") + error;
    }
    QString ifaceError;
    *iface = Multicast::findInterface(config.multicastInterface.trimmed(), &ifaceError);
    if (!ifaceError.isEmpty())
        return QStringLiteral("multicast interface: ") + ifaceError;
    if (const QString problem = Multicast::checkTtl(config.multicastTtl); !problem.isEmpty())
        return QStringLiteral("multicast: ") + problem;
    return {};
}

QString UdpEndpoint::joinGroups(const QList<QHostAddress> &groups, const QNetworkInterface &iface)
{
    for (const QHostAddress &group : groups) {
        const QString reason = Multicast::changeMembership(m_socket->socketDescriptor(), group, iface, true);
        if (!reason.isEmpty())
            return joinFailure(group, iface, reason);
        m_memberships.append({group, iface});
    }
    return {};
}

void UdpEndpoint::applySendOptions(const QNetworkInterface &iface)
{
    const EndpointConfig config = this->config();
    // Qt allows broadcast on every UDP socket; here it is the user's choice.
    if (const QString reason = Multicast::setBroadcast(m_socket->socketDescriptor(), config.broadcast); !reason.isEmpty())
        logEvent(EventKind::Note, QStringLiteral("cannot set SO_BROADCAST: %1").arg(reason));
    else if (config.broadcast)
        logEvent(EventKind::Note, QStringLiteral("may send to broadcast addresses (SO_BROADCAST)"));
    for (const Membership &membership : std::as_const(m_memberships)) {
        logEvent(EventKind::Note,
                 QStringLiteral("joined group %1 on %2").arg(membership.group.toString(), interfaceText(membership.iface)));
    }

    const QHostAddress target = config.role == Role::Client ? QHostAddress(unbracketHost(config.host)) : QHostAddress();
    const bool matters = target.isMulticast() || !m_memberships.isEmpty() || config.multicastTtl >= 0
        || !config.multicastLoopback || iface.isValid();
    if (!matters)
        return;
    if (config.multicastTtl >= 0)
        m_socket->setSocketOption(QAbstractSocket::MulticastTtlOption, config.multicastTtl);
    m_socket->setSocketOption(QAbstractSocket::MulticastLoopbackOption, config.multicastLoopback ? 1 : 0);
    if (iface.isValid())
        m_socket->setMulticastInterface(iface);
    // Read back: the log says what the kernel holds, not what was asked for.
    const int ttl = m_socket->socketOption(QAbstractSocket::MulticastTtlOption).toInt();
    const bool loopback = m_socket->socketOption(QAbstractSocket::MulticastLoopbackOption).toInt() != 0;
    const QNetworkInterface out = m_socket->multicastInterface();
    logEvent(EventKind::Note, QStringLiteral("multicast goes out with TTL %1%2, loopback %3, on %4")
                                  .arg(ttl)
                                  .arg(config.multicastTtl < 0 ? QStringLiteral(" (the system's default)") : QString())
                                  .arg(loopback ? QStringLiteral("on") : QStringLiteral("off (this host's members do not get it)"))
                                  .arg(interfaceText(out)));
}

Result UdpEndpoint::joinGroup(const QString &group, const QString &interfaceName)
{
    return changeGroup(group, interfaceName, true);
}

Result UdpEndpoint::leaveGroup(const QString &group, const QString &interfaceName)
{
    return changeGroup(group, interfaceName, false);
}

Result UdpEndpoint::changeGroup(const QString &text, const QString &interfaceName, bool join)
{
    const QString verb = join ? QStringLiteral("join") : QStringLiteral("leave");
    if (!m_socket)
        return refuse(QStringLiteral("cannot %1 a group: the UDP socket is not open").arg(verb));
    if (config().role != Role::Server)
        return refuse(QStringLiteral("cannot %1 a group: only a UDP receiver (a server) joins groups").arg(verb));
    QString error;
    const QHostAddress group = Multicast::parseGroup(text, &error);
    if (group.isNull())
        return refuse(QStringLiteral("cannot %1 a group: %2").arg(verb, error));
    const QString name = interfaceName.trimmed().isEmpty() ? config().multicastInterface.trimmed() : interfaceName.trimmed();
    QString ifaceError;
    const QNetworkInterface iface = Multicast::findInterface(name, &ifaceError);
    if (!ifaceError.isEmpty())
        return refuse(QStringLiteral("cannot %1 group %2: %3").arg(verb, group.toString(), ifaceError));
    qsizetype at = -1;
    for (qsizetype i = 0; i < m_memberships.size() && at < 0; ++i) {
        if (m_memberships.at(i).group == group && m_memberships.at(i).iface.index() == iface.index())
            at = i;
    }

    EndpointConfig config = this->config();
    if (join) {
        if (at >= 0)
            return refuse(QStringLiteral("already a member of group %1 on %2").arg(group.toString(), interfaceText(iface)));
        const QHostAddress bound = m_socket->localAddress();
        if (!isEveryInterface(bound) && !bound.isMulticast()) {
            return refuse(QStringLiteral("cannot join group %1: the socket is bound to %2 and gets only datagrams "
                                         "sent to that address — start it with a group, or bound to 0.0.0.0 or ::")
                              .arg(group.toString(), bound.toString()));
        }
        const QString reason = Multicast::changeMembership(m_socket->socketDescriptor(), group, iface, true);
        if (!reason.isEmpty())
            return refuse(joinFailure(group, iface, reason));
        m_memberships.append({group, iface});
        if (!Multicast::parseGroups(config.multicastGroups, &error).contains(group))
            config.multicastGroups.append(group.toString());
        logEvent(EventKind::Note, QStringLiteral("joined group %1 on %2").arg(group.toString(), interfaceText(iface)));
    } else {
        if (at < 0)
            return refuse(QStringLiteral("cannot leave group %1 on %2: not a member").arg(group.toString(), interfaceText(iface)));
        const QString reason = Multicast::changeMembership(m_socket->socketDescriptor(), group, iface, false);
        if (!reason.isEmpty())
            return refuse(QStringLiteral("cannot leave group %1 on %2: %3").arg(group.toString(), interfaceText(iface), reason));
        m_memberships.removeAt(at);
        const bool stillMember = std::any_of(m_memberships.cbegin(), m_memberships.cend(),
                                             [&](const Membership &m) { return m.group == group; });
        if (!stillMember) {
            config.multicastGroups.removeIf([&](const QString &each) {
                QString ignored;
                return Multicast::parseGroup(each, &ignored) == group;
            });
        }
        logEvent(EventKind::Note, QStringLiteral("left group %1 on %2").arg(group.toString(), interfaceText(iface)));
    }
    setConfig(config); // the next start joins what the user has joined since
    return Result::success();
}

void UdpEndpoint::leaveAllGroups()
{
    for (const Membership &membership : std::as_const(m_memberships)) {
        // Closing the socket would leave them too; leaving first lets the log say so.
        const QString reason =
            Multicast::changeMembership(m_socket->socketDescriptor(), membership.group, membership.iface, false);
        logEvent(EventKind::Note, QStringLiteral("left group %1 on %2%3")
                                      .arg(membership.group.toString(), interfaceText(membership.iface),
                                           reason.isEmpty() ? QString() : QStringLiteral(" (as the socket closed: %1)").arg(reason)));
    }
    m_memberships.clear();
}

QString UdpEndpoint::destinationDetail(const QHostAddress &destination)
{
    // Qt names the interface of an IPv6 destination ("ff02::1%1"), recvmmsg()
    // does not: the group is the same, and said the same way.
    QHostAddress plain = destination;
    plain.setScopeId(QString());
    // Datagrams from one sender usually go to one address: formatted once.
    if (plain == m_lastDestination)
        return m_lastDestinationDetail;
    m_lastDestination = plain;
    bool mapped = false;
    const quint32 v4 = plain.toIPv4Address(&mapped); // a dual-stack socket's ::ffff:239.1.2.3
    if (mapped)
        plain = QHostAddress(v4);
    m_lastDestinationDetail = plain.isMulticast()                  ? QStringLiteral("to group ") + plain.toString()
        : m_broadcastAddresses.contains(plain)                     ? QStringLiteral("to broadcast ") + plain.toString()
                                                                   : QString();
    return m_lastDestinationDetail;
}

} // namespace SockPlay
