#include "udprelaytargetside.h"

#include "address.h"
#include "multicast.h"
#include "udprelayendpoint.h"

#include <QAbstractSocket>
#include <QHostInfo>
#include <QSocketNotifier>

#ifdef Q_OS_UNIX
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>
#endif

#include <cerrno>

namespace SockPlay {

UdpRelayTargetSide::UdpRelayTargetSide(UdpRelayEndpoint *relay, int id, int clientId,
                                       const QHostAddress &clientAddress, quint16 clientPort)
    : Connection(relay, id, true)
    , m_relay(relay)
    , m_clientAddress(clientAddress)
    , m_clientPort(clientPort)
    , m_relayedDetail(QStringLiteral("relayed from #%1").arg(clientId))
{
    setPeerName(QStringLiteral("target"));
}

UdpRelayTargetSide::~UdpRelayTargetSide()
{
    closeSocket();
}

void UdpRelayTargetSide::open(const QString &host, quint16 port)
{
    const QString name = unbracketHost(host);
    setSource(makeEventSource(endpoint()->id(), id(), endpoint()->name(), {}, 0, {}, 0, hostPortText(name, port)));
    logEvent(EventKind::Created,
             QStringLiteral("UDP socket: the relay's side to the target for client #%1").arg(RelaySpec::clientSideOf(id())));
    const QHostAddress address(name);
    if (!address.isNull()) {
        connectTo(address, port);
        return;
    }
    setState(State::LookingUp);
    logEvent(EventKind::LookingUp, QStringLiteral("resolving %1").arg(name));
    m_lookupId = QHostInfo::lookupHost(name, this, [this, port](const QHostInfo &info) { resolved(info, port); });
}

void UdpRelayTargetSide::resolved(const QHostInfo &info, quint16 port)
{
    m_lookupId = -1;
    if (state() != State::LookingUp)
        return;
    if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
        reportError(describeSocketError(info.errorString(), QAbstractSocket::HostNotFoundError, port));
        finishQuietly();
        return;
    }
    connectTo(info.addresses().constFirst(), port);
}

void UdpRelayTargetSide::connectTo(const QHostAddress &address, quint16 port)
{
#ifdef Q_OS_UNIX
    sockaddr_storage target{};
    socklen_t length = 0;
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        auto &in6 = reinterpret_cast<sockaddr_in6 &>(target);
        in6.sin6_family = AF_INET6;
        in6.sin6_port = htons(port);
        const Q_IPV6ADDR bytes = address.toIPv6Address();
        std::memcpy(&in6.sin6_addr, &bytes, sizeof(bytes));
        in6.sin6_scope_id = address.scopeId().toUInt();
        length = sizeof(sockaddr_in6);
    } else {
        auto &in4 = reinterpret_cast<sockaddr_in &>(target);
        in4.sin_family = AF_INET;
        in4.sin_port = htons(port);
        in4.sin_addr.s_addr = htonl(address.toIPv4Address());
        length = sizeof(sockaddr_in);
    }
    m_fd = ::socket(target.ss_family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (m_fd < 0 || ::connect(m_fd, reinterpret_cast<const sockaddr *>(&target), length) != 0) {
        const int error = errno;
        closeSocket();
        reportError(QStringLiteral("cannot open a UDP socket to %1: %2")
                        .arg(formatAddress(address, port), Multicast::systemReason(error)));
        finishQuietly();
        return;
    }
    sockaddr_storage local{};
    socklen_t localLength = sizeof(local);
    ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&local), &localLength);
    const QHostAddress localAddress(reinterpret_cast<const sockaddr *>(&local));
    const quint16 localPort = ntohs(local.ss_family == AF_INET6 ? reinterpret_cast<const sockaddr_in6 &>(local).sin6_port
                                                                : reinterpret_cast<const sockaddr_in &>(local).sin_port);
    setAddresses(localAddress, localPort, address, port);
    m_notifier = new QSocketNotifier(qintptr(m_fd), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &UdpRelayTargetSide::onReadable);
    logEvent(EventKind::Bound, QStringLiteral("connected to %1 from %2 (UDP: datagrams go there, and only datagrams "
                                              "from there come back)")
                                   .arg(formatAddress(address, port), formatAddress(localAddress, localPort)));
    setState(State::Open);
#else
    reportError(QStringLiteral("UDP relays need POSIX sockets: the target's refusals are read from its socket"));
    finishQuietly();
#endif
}

void UdpRelayTargetSide::onReadable()
{
#ifdef Q_OS_UNIX
    char *buffer = m_relay->readBuffer();
    // Every pending datagram, up to a bound per wake-up: a flood from the
    // target leaves the rest of the loop its turn (the notifier fires again).
    for (int i = 0; i < UdpRelayEndpoint::MaxDatagramsPerWakeUp && m_fd >= 0; ++i) {
        const ssize_t size = ::recv(m_fd, buffer, UdpRelayEndpoint::ReadBufferBytes, 0);
        if (size < 0) {
            const int error = errno;
            if (error == EINTR)
                continue;
            if (error == EAGAIN || error == EWOULDBLOCK)
                return;
            if (error == ECONNREFUSED || error == EHOSTUNREACH || error == ENETUNREACH || error == EHOSTDOWN) {
                refused(error);
                return;
            }
            reportError(QStringLiteral("cannot read from the target: %1").arg(Multicast::systemReason(error)));
            return;
        }
        const QByteArray datagram(buffer, qsizetype(size));
        if (!m_relay->linkReceive(this, datagram))
            deliver(datagram);
    }
#endif
}

void UdpRelayTargetSide::refused(int error)
{
    m_refusing = false;
    if (m_fd < 0)
        return;
    const QString reason = Multicast::systemReason(error);
    reportError(error == ECONNREFUSED
                    ? QStringLiteral("ICMP port unreachable: ")
                          + describeSocketError(reason, QAbstractSocket::ConnectionRefusedError, info().peerPort)
                    : QStringLiteral("ICMP destination unreachable: ") + reason);
    closeSocket();
    finish(EventKind::Closed, QStringLiteral("socket closed; %1").arg(totalsText()));
}

bool UdpRelayTargetSide::divert(const QByteArray &bytes, Origin origin, const QString &detail)
{
    return m_relay->linkSend(this, bytes, origin, detail == m_relayedDetail);
}

void UdpRelayTargetSide::transmitNow(const QByteArray &datagram, Origin origin, const QString &detail)
{
    if (!isOpen())
        return;
    if (transmit(datagram) < 0) {
        reportError(QStringLiteral("cannot send to %1: %2").arg(source()->peerText, transmitErrorString()));
        return;
    }
    accountSent(datagram, origin, detail);
}

qint64 UdpRelayTargetSide::transmit(const QByteArray &bytes)
{
#ifdef Q_OS_UNIX
    if (m_fd < 0) {
        m_writeErrno = EBADF;
        return -1;
    }
    ssize_t written = -1;
    do {
        written = ::send(m_fd, bytes.constData(), size_t(bytes.size()), 0);
    } while (written < 0 && errno == EINTR);
    m_writeErrno = written < 0 ? errno : 0;
    if (m_writeErrno == ECONNREFUSED && !std::exchange(m_refusing, true)) {
        // An ICMP refusal of an earlier datagram, reported on this write:
        // the association ends from the event loop, not inside this send.
        QMetaObject::invokeMethod(this, [this] { refused(ECONNREFUSED); }, Qt::QueuedConnection);
    }
    return written;
#else
    Q_UNUSED(bytes)
    return -1;
#endif
}

QString UdpRelayTargetSide::transmitErrorString() const
{
    if (m_writeErrno == EAGAIN || m_writeErrno == EWOULDBLOCK)
        return QStringLiteral("the socket's send buffer is full; the datagram is dropped");
    return Multicast::systemReason(m_writeErrno);
}

void UdpRelayTargetSide::closeSocket()
{
    if (m_lookupId >= 0)
        QHostInfo::abortHostLookup(std::exchange(m_lookupId, -1));
    delete std::exchange(m_notifier, nullptr);
#ifdef Q_OS_UNIX
    if (m_fd >= 0)
        ::close(std::exchange(m_fd, -1));
#endif
}

Result UdpRelayTargetSide::close()
{
    closeSocket();
    finish(EventKind::Closed, QStringLiteral("socket closed; %1").arg(totalsText()));
    return Result::success();
}

void UdpRelayTargetSide::closeNow()
{
    close();
}

} // namespace SockPlay
