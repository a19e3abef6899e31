#pragma once
// Multicast on the loopback interface, for tst_multicast and tst_cli_multicast:
// the groups the tests use, and whether this kernel carries multicast on "lo"
// at all (Linux's lo has no MULTICAST flag; IPv4 usually works anyway, IPv6
// needs a multicast route on lo, which the tests never add).

#include "multicast.h"

#include <QHostAddress>
#include <QNetworkInterface>
#include <QTest>
#include <QUdpSocket>

#include <cerrno>

namespace SockPlayTest {

// Admin-scoped IPv4 groups (239.255.0.0/16) and link- or interface-local IPv6
// ones: none is routed off this machine, and lo carries them only here.
inline const QString GroupA = QStringLiteral("239.255.42.1");
inline const QString GroupB = QStringLiteral("239.255.42.2");
inline const QString GroupV6 = QStringLiteral("ff02::5ec:1");

/// Why a datagram sent to group on "lo" does not reach a member of it here
/// (the kernel's own reason), or empty when it does. Nothing is changed on
/// the system: a member joins, a sender sends once, the member reads.
inline QString loopbackMulticastProblem(const QString &groupText)
{
    const QHostAddress group(groupText);
    const QNetworkInterface lo = QNetworkInterface::interfaceFromName(QStringLiteral("lo"));
    if (!lo.isValid())
        return QStringLiteral("this machine has no interface called lo");
    const bool v6 = group.protocol() == QAbstractSocket::IPv6Protocol;
    QUdpSocket member;
    QHostAddress memberAddress = group; // bound to the group itself: nothing else reaches it
    if (v6)
        memberAddress.setScopeId(QStringLiteral("lo"));
    if (!member.bind(memberAddress, 0, QAbstractSocket::ShareAddress))
        return QStringLiteral("cannot bind a member to %1: %2").arg(groupText, member.errorString());
    if (const QString reason = SockPlay::Multicast::changeMembership(member.socketDescriptor(), group, lo, true);
        !reason.isEmpty())
        return QStringLiteral("the kernel refuses to join %1 on lo: %2").arg(groupText, reason);
    QUdpSocket sender;
    if (!sender.bind(v6 ? QHostAddress(QHostAddress::LocalHostIPv6) : QHostAddress(QHostAddress::LocalHost), 0))
        return QStringLiteral("cannot bind a sender: %1").arg(sender.errorString());
    sender.setMulticastInterface(lo);
    errno = 0;
    if (sender.writeDatagram("probe", group, member.localPort()) < 0) {
        const int error = errno;
        return QStringLiteral("the kernel refuses to send to %1 on lo: %2 (lo has no multicast route here, "
                              "and tests add no routes)")
            .arg(groupText, error != 0 ? SockPlay::Multicast::systemReason(error) : sender.errorString());
    }
    if (!QTest::qWaitFor([&] { return member.hasPendingDatagrams(); }, 5000))
        return QStringLiteral("a datagram sent to %1 on lo never reached a member (no multicast on lo here)").arg(groupText);
    return {};
}

/// Skips a test whose group the kernel does not carry on lo, saying why.
/// Under SOCKPLAY_REQUIRE_PEERS=1 too: the reason is the kernel's, not a missing peer.
#define SOCKPLAY_SKIP_IF_NO_LOOPBACK_MULTICAST(group)                                             \
    do {                                                                                          \
        if (const QString problem = SockPlayTest::loopbackMulticastProblem(group); !problem.isEmpty()) \
            QSKIP(qPrintable(QStringLiteral("kernel: ") + problem                                 \
                             + QStringLiteral(" (a skip for the kernel's reason, also with SOCKPLAY_REQUIRE_PEERS=1)"))); \
    } while (false)

} // namespace SockPlayTest
