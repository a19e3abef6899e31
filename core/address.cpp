#include "address.h"

#include <QAbstractSocket>
#include <QCoreApplication>
#include <QTcpServer>

namespace SockPlay {

namespace {

// The hints after the system's reason, shown next to the control that failed.
struct Texts
{
    Q_DECLARE_TR_FUNCTIONS(SockPlay::Address)
};

} // namespace

QString formatAddress(const QHostAddress &address, quint16 port)
{
    if (address.isNull())
        return QString();
    const QString portText = QString::number(port);
    if (address.protocol() == QAbstractSocket::IPv4Protocol)
        return address.toString() + u':' + portText;
    if (address.protocol() == QAbstractSocket::AnyIPProtocol)
        return u"[::]:" + portText; // every interface, IPv6 and IPv4 (dual-stack)
    // An IPv4 peer on a dual-stack socket shows as itself, not ::ffff:a.b.c.d
    // (but "::" stays "::": it is not an IPv4 address).
    if (address.toString().startsWith(u"::ffff:", Qt::CaseInsensitive)) {
        bool isV4 = false;
        const quint32 v4 = address.toIPv4Address(&isV4);
        if (isV4)
            return QHostAddress(v4).toString() + u':' + portText;
    }
    return u'[' + address.toString() + u"]:" + portText;
}

QString unbracketHost(const QString &host)
{
    const QString trimmed = host.trimmed();
    if (trimmed.startsWith(u'[') && trimmed.endsWith(u']'))
        return trimmed.mid(1, trimmed.size() - 2);
    return trimmed;
}

QString hostPortText(const QString &host, quint16 port)
{
    const QString name = unbracketHost(host);
    const QHostAddress literal(name);
    if (!literal.isNull())
        return formatAddress(literal, port);
    return name + u':' + QString::number(port);
}

QString udpBindAddressFor(const QString &host)
{
    // A host name may resolve to IPv6 or IPv4, and "::" takes both.
    const QHostAddress address(unbracketHost(host));
    if (address.isNull())
        return QStringLiteral("::");
    bool v4 = false;
    address.toIPv4Address(&v4);
    if (address.isLoopback())
        return v4 ? QStringLiteral("127.0.0.1") : QStringLiteral("::1");
    return v4 ? QStringLiteral("0.0.0.0") : QStringLiteral("::");
}

QHostAddress parseBindAddress(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || trimmed.compare(u"localhost", Qt::CaseInsensitive) == 0)
        return QHostAddress(QHostAddress::LocalHost);
    // Qt binds "::" IPv6-only; a user who types it means what Linux means by
    // default: every interface, IPv6 and IPv4 (dual-stack).
    if (trimmed.compare(u"any", Qt::CaseInsensitive) == 0 || trimmed == u"*" || trimmed == u"::"
        || trimmed == u"[::]")
        return QHostAddress(QHostAddress::Any);
    return QHostAddress(unbracketHost(trimmed));
}

bool isReachableFromNetwork(const QHostAddress &address)
{
    // Any, AnyIPv4 and AnyIPv6 are not loopback: every interface is reachable.
    return !address.isNull() && !address.isLoopback();
}

QString networkReachableNote(const QHostAddress &address, bool datagram)
{
    if (!isReachableFromNetwork(address))
        return {};
    const bool everyInterface = address == QHostAddress::Any || address == QHostAddress::AnyIPv4
        || address == QHostAddress::AnyIPv6;
    if (datagram) {
        return everyInterface
            ? QCoreApplication::translate("SockPlay::Address",
                                          "bound to every interface: other machines on the network can send to it")
            : QCoreApplication::translate("SockPlay::Address",
                                          "bound to %1, an address of the network: other machines can send to it")
                  .arg(address.toString());
    }
    return everyInterface
        ? QCoreApplication::translate("SockPlay::Address",
                                      "listening on every interface: other machines on the network can connect")
        : QCoreApplication::translate("SockPlay::Address",
                                      "listening on %1, an address of the network: other machines can connect")
              .arg(address.toString());
}

QString socketErrorHint(int socketError, quint16 port)
{
    switch (QAbstractSocket::SocketError(socketError)) {
    case QAbstractSocket::ConnectionRefusedError:
        return Texts::tr("nothing is listening there (is the server started, and is the port right?)");
    case QAbstractSocket::HostNotFoundError:
        return Texts::tr("the name does not resolve (check the spelling, or use an address like 127.0.0.1)");
    case QAbstractSocket::AddressInUseError:
        return Texts::tr("another program holds port %1; pick another port, or 0 for any free port").arg(port);
    case QAbstractSocket::SocketAccessError:
        if (port > 0 && port < 1024)
            return Texts::tr("port %1 needs privileges; pick a port above 1023").arg(port);
        return Texts::tr("the system refused access to this socket");
    case QAbstractSocket::SocketAddressNotAvailableError:
        return Texts::tr("this machine has no such address; use 127.0.0.1, ::1 or one of its own addresses");
    case QAbstractSocket::SocketTimeoutError:
        return Texts::tr("the peer did not answer in time");
    case QAbstractSocket::NetworkError:
        return Texts::tr("the network is unreachable from here");
    default:
        return QString();
    }
}

QString describeSocketError(const QString &systemReason, int socketError, quint16 port)
{
    const QString hint = socketErrorHint(socketError, port);
    return hint.isEmpty() ? systemReason : systemReason + u" — " + hint;
}

quint16 findFreeTcpPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

} // namespace SockPlay
