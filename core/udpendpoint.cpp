#include "udpendpoint.h"

#include "endpointcapabilities.h"
#include "eventlog.h"
#include "multicast.h"
#include "udppeer.h"

#include <QNetworkDatagram>
#include <QUdpSocket>

#include <utility>

#ifdef Q_OS_LINUX
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cstring>
#endif

namespace SockPlay {

#ifdef Q_OS_LINUX
/// Room for a batch of datagrams of any size (a UDP payload is at most
/// 65,507 bytes), read with one recvmmsg() call. 2 MiB of address space;
/// only the pages datagrams land in are ever touched.
struct UdpEndpoint::Batch
{
    static constexpr int Slots = 32;
    static_assert(Slots * 32 >= 1000, "a wake-up reads about a thousand datagrams");
    static constexpr int SlotBytes = 65536;
    /// IPV6_PKTINFO and the hop limit (or IP_PKTINFO and the TTL) fit.
    static constexpr int ControlBytes = 128;
    std::unique_ptr<char[]> buffer{new char[size_t(Slots) * SlotBytes]}; // not zeroed: untouched
    mmsghdr messages[Slots];
    iovec vectors[Slots];
    sockaddr_storage senders[Slots];
    alignas(cmsghdr) char controls[Slots][ControlBytes]; // used while destinations are read
};

namespace {
/// The address a datagram was sent to, from its IP_PKTINFO or IPV6_PKTINFO;
/// null when the system did not say.
QHostAddress destinationOf(msghdr &header)
{
    for (cmsghdr *c = CMSG_FIRSTHDR(&header); c; c = CMSG_NXTHDR(&header, c)) {
        if (c->cmsg_level == IPPROTO_IP && c->cmsg_type == IP_PKTINFO) {
            in_pktinfo info;
            std::memcpy(&info, CMSG_DATA(c), sizeof(info));
            return QHostAddress(ntohl(info.ipi_addr.s_addr)); // the header's destination
        }
        if (c->cmsg_level == IPPROTO_IPV6 && c->cmsg_type == IPV6_PKTINFO) {
            in6_pktinfo info;
            std::memcpy(&info, CMSG_DATA(c), sizeof(info));
            return QHostAddress(reinterpret_cast<const quint8 *>(&info.ipi6_addr));
        }
    }
    return {};
}

/// Asks the kernel for each datagram's destination (Qt asks too; this does
/// not depend on it).
void askForDestinations(qintptr socket, bool ipv4)
{
    const int on = 1;
    if (ipv4)
        ::setsockopt(int(socket), IPPROTO_IP, IP_PKTINFO, &on, sizeof(on));
    else
        ::setsockopt(int(socket), IPPROTO_IPV6, IPV6_RECVPKTINFO, &on, sizeof(on));
}
} // namespace
#else
struct UdpEndpoint::Batch
{
};
#endif

UdpEndpoint::UdpEndpoint(EventLog *log, QObject *parent)
    : UdpEndpoint(QStringLiteral("udp"), log, parent)
{
}

UdpEndpoint::UdpEndpoint(const QString &name, EventLog *log, QObject *parent, int id)
    : SimLinkEndpoint(name, log, parent, id)
{
}

UdpEndpoint::~UdpEndpoint()
{
    if (m_socket)
        m_socket->disconnect(this);
}

EndpointCapabilities UdpEndpoint::capabilities() const
{
    return endpointCapabilities(Transport::Udp, config().role);
}

Result UdpEndpoint::start(const EndpointConfig &requested)
{
    if (m_socket)
        stop();
    EndpointConfig config = requested;
    config.transport = Transport::Udp;
    beginStart(config);
    m_idByPeer.clear();
    m_lastSenderId = 0;
    m_forgettingPeers = false;

    m_memberships.clear();
    m_lastDestination = QHostAddress();
    m_lastDestinationDetail.clear();

    // A server binds where it was told (a group member: every interface of
    // its groups' family); a client binds a free port near its target.
    const bool client = config.role == Role::Client;
    QList<QHostAddress> groups;
    QNetworkInterface iface;
    if (const QString problem = checkMulticast(config, &groups, &iface); !problem.isEmpty())
        return refuse(problem);
    const bool member = !groups.isEmpty();
    const QString bindText = !client                    ? config.host
        : !config.localHost.trimmed().isEmpty() ? config.localHost
                                                : udpBindAddressFor(config.host);
    const quint16 bindPort = client ? 0 : config.port;
    QHostAddress address = member ? Multicast::receiverBindAddress(groups) : parseBindAddress(bindText);
    if (address.isNull()) {
        return refuse(tr("“%1” is not an address to bind to — use 127.0.0.1, ::1, 0.0.0.0 or ::")
                          .arg(bindText));
    }
    // A dual-stack socket sends IPv4 multicast with the IPv4 options, which
    // Qt does not set on it (TTL, loopback, interface): bind IPv4 for an IPv4 group.
    if (client && address == QHostAddress::Any) {
        const QHostAddress target(unbracketHost(config.host));
        if (target.isMulticast() && target.protocol() == QAbstractSocket::IPv4Protocol)
            address = QHostAddress(QHostAddress::AnyIPv4);
    }
    if (client && config.port == 0)
        return refuse(tr("port 0 cannot be sent to — use the receiver's port (1–65535)"));
    if (const QString problem = config.simLink.validate(); !problem.isEmpty())
        return refuse(tr("simulated link: %1").arg(problem));

    m_socket = new QUdpSocket(this);
    logEvent(EventKind::Created, QStringLiteral("UDP socket"));
    // DontShareAddress: a second socket on the same port must fail, not
    // silently share it. Group members share theirs, as every member does.
    const QAbstractSocket::BindMode mode = member
        ? QAbstractSocket::BindMode(QAbstractSocket::ShareAddress | QAbstractSocket::ReuseAddressHint)
        : QAbstractSocket::BindMode(QAbstractSocket::DontShareAddress);
    if (!m_socket->bind(address, bindPort, mode)) {
        const QString message = describeSocketError(m_socket->errorString(), m_socket->error(), bindPort);
        delete m_socket;
        m_socket = nullptr;
        return refuse(tr("cannot bind %1: %2").arg(formatAddress(address, bindPort), message));
    }
    if (const QString problem = joinGroups(groups, iface); !problem.isEmpty()) {
        delete m_socket; // closing it leaves the groups joined so far
        m_socket = nullptr;
        m_memberships.clear();
        return refuse(problem);
    }
    // Datagrams for a group or a broadcast address reach a socket bound to
    // no one address of ours: only then is each one's destination read.
    const bool everyInterface = address == QHostAddress::Any || address == QHostAddress::AnyIPv4
        || address == QHostAddress::AnyIPv6;
    const bool oneLoopbackAddress = address == QHostAddress::LocalHost || address == QHostAddress::LocalHostIPv6;
    m_broadcastAddresses = client || oneLoopbackAddress ? QList<QHostAddress>{} : Multicast::broadcastAddresses();
    m_readDestinations = !client && (everyInterface || address.isMulticast() || m_broadcastAddresses.contains(address));
#ifdef Q_OS_LINUX
    if (m_readDestinations)
        askForDestinations(m_socket->socketDescriptor(), address.protocol() == QAbstractSocket::IPv4Protocol);
#endif
    updateSource();
    connect(m_socket, &QUdpSocket::readyRead, this, &UdpEndpoint::onReadyRead);
    connect(m_socket, &QUdpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (m_writing)
            return; // writeDatagram's caller reports it, naming the target
        if (error == QAbstractSocket::TemporaryError)
            return; // a read that found nothing (EAGAIN): not the user's concern
        reportError(describeSocketError(m_socket->errorString(), error, 0));
    });
    QString detail = client   ? QStringLiteral("sends to %1").arg(hostPortText(config.host, config.port))
        : member ? QStringLiteral("receiving datagrams from anyone, sent to its groups or to this host")
                 : QStringLiteral("receiving datagrams from anyone");
    if (bindPort == 0 && !client)
        detail += QStringLiteral("; port 0 asked: the system chose %1").arg(m_socket->localPort());
    logEvent(EventKind::Bound, detail);
    // A server bound to every interface (or a network address) was chosen
    // explicitly: the log says what it means. A client's socket is bound
    // where its target needs it (udpBindAddressFor).
    if (!client) {
        if (const QString exposed = networkReachableNote(address, true); !exposed.isEmpty())
            logEvent(EventKind::Note, exposed);
    }
    applySendOptions(iface);
    startSimLink(config.simLink);
    setState(EndpointState::Active);
    return Result::success();
}

void UdpEndpoint::stop()
{
    if (!m_socket)
        return;
    discardSimLinkHeld();
    closeAllConnections();
    leaveAllGroups();
    m_socket->disconnect(this);
    m_socket->close();
    logEvent(EventKind::Closed, QStringLiteral("socket closed; %1 bytes in, %2 out").arg(bytesIn()).arg(bytesOut()));
    m_socket->deleteLater();
    m_socket = nullptr;
    m_idByPeer.clear();
    setState(EndpointState::Idle);
}

UdpPeer *UdpEndpoint::peerFor(const QHostAddress &address, quint16 port) const
{
    const auto it = m_idByPeer.constFind(PeerKey{address, port});
    return it == m_idByPeer.constEnd() ? nullptr : static_cast<UdpPeer *>(connection(*it));
}

UdpPeer *UdpEndpoint::addPeer(const QHostAddress &address, quint16 port, const QString &destination)
{
    if (connectionCount() >= MaxPeersRemembered) {
        // The oldest peer is forgotten quietly: a flood of senders must not
        // flood the log. One note, the first time, says that it happens.
        if (!std::exchange(m_forgettingPeers, true)) {
            logEvent(EventKind::Note, QStringLiteral("more than %1 peers: only the latest %1 are remembered; from now "
                                                     "on the oldest is forgotten as a new one sends (its events "
                                                     "stay in the log)").arg(MaxPeersRemembered));
        }
        if (Connection *oldest = connection(connectionIds().constFirst()))
            oldest->closeNow();
    }
    auto *peer = new UdpPeer(this, nextConnectionId(), address, port);
    peer->setDestination(destination); // in the row the table gets as it opens
    m_idByPeer.insert(PeerKey{address, port}, peer->id());
    adopt(peer);
    return peer;
}

void UdpEndpoint::connectionForgotten(Connection *connection)
{
    const ConnectionInfo info = connection->info();
    m_idByPeer.remove(PeerKey{info.peerAddress, info.peerPort});
    if (m_lastSenderId == connection->id())
        m_lastSenderId = 0;
}

void UdpEndpoint::deliverDatagram(const QByteArray &bytes, const QHostAddress &sender, quint16 senderPort,
                                  const QString &detail)
{
    if (m_simLink.onReceive)
        linkReceive(bytes, sender, senderPort);
    else
        receiveNow(bytes, sender, senderPort, detail, &detail);
}

void UdpEndpoint::receiveNow(const QByteArray &bytes, const QHostAddress &sender, quint16 senderPort,
                             const QString &detail, const QString *destination)
{
    UdpPeer *peer = peerFor(sender, senderPort);
    if (!peer)
        peer = addPeer(sender, senderPort, destination ? *destination : QString());
    else if (destination)
        peer->setDestination(*destination);
    m_lastSenderId = peer->id();
    peer->receive(bytes, detail);
}

void UdpEndpoint::onReadyRead()
{
    // Every pending datagram, now: Qt's glib dispatcher can drop a UDP socket
    // from its poll set when a readyRead slot leaves datagrams unread.
#ifdef Q_OS_LINUX
    // The first through Qt, which then listens for the next readyRead; the
    // rest in batches, one recvmmsg() for up to 32 datagrams (Qt's own loop
    // costs three system calls a datagram: two peeks and the read).
    if (!m_batch)
        m_batch = std::make_unique<Batch>();
    char *slot0 = m_batch->buffer.get();
    QHostAddress sender;
    quint16 senderPort = 0;
    if (!m_socket)
        return;
    if (m_readDestinations) {
        // Only Qt's receiveDatagram() tells the destination of the one it reads.
        const QNetworkDatagram datagram = m_socket->receiveDatagram(Batch::SlotBytes);
        if (!datagram.isValid())
            return; // nothing after all (a wake-up another read answered)
        const QByteArray data = datagram.data(); // sized for SlotBytes: the log keeps an exact copy
        deliverDatagram(QByteArray(data.constData(), data.size()), datagram.senderAddress(),
                        quint16(datagram.senderPort()), destinationDetail(datagram.destinationAddress()));
    } else {
        const qint64 first = m_socket->readDatagram(slot0, Batch::SlotBytes, &sender, &senderPort);
        if (first < 0)
            return; // nothing after all (a wake-up another read answered)
        deliverDatagram(QByteArray(slot0, first), sender, senderPort);
    }
    // At most this many per wake-up: under a flood that never lets the queue
    // run dry, the rest of the loop (a Stop, Clear log, the stats tick) still
    // gets its turn; the socket is still readable, so the next pass reads on.
    for (int batches = 0; m_socket && batches < MaxBatchesPerWakeUp; ++batches) {
        Batch &b = *m_batch;
        for (int i = 0; i < Batch::Slots; ++i) {
            b.vectors[i] = {b.buffer.get() + size_t(i) * Batch::SlotBytes, size_t(Batch::SlotBytes)};
            b.messages[i].msg_hdr = {};
            b.messages[i].msg_hdr.msg_name = &b.senders[i];
            b.messages[i].msg_hdr.msg_namelen = sizeof(sockaddr_storage);
            b.messages[i].msg_hdr.msg_iov = &b.vectors[i];
            b.messages[i].msg_hdr.msg_iovlen = 1;
            if (m_readDestinations) {
                b.messages[i].msg_hdr.msg_control = b.controls[i];
                b.messages[i].msg_hdr.msg_controllen = Batch::ControlBytes;
            }
            b.messages[i].msg_len = 0;
        }
        const int count = ::recvmmsg(int(m_socket->socketDescriptor()), b.messages, Batch::Slots, MSG_DONTWAIT, nullptr);
        if (count <= 0)
            return; // EAGAIN: all read (an error shows on Qt's next read)
        // Senders are turned into addresses once per change of sender, not per datagram.
        const sockaddr_storage *previous = nullptr;
        for (int i = 0; i < count && m_socket; ++i) {
            const sockaddr_storage &from = b.senders[i];
            if (!previous || b.messages[i].msg_hdr.msg_namelen != b.messages[i - 1].msg_hdr.msg_namelen
                || std::memcmp(previous, &from, b.messages[i].msg_hdr.msg_namelen) != 0) {
                sender.setAddress(reinterpret_cast<const sockaddr *>(&from));
                senderPort = from.ss_family == AF_INET6 ? ntohs(reinterpret_cast<const sockaddr_in6 &>(from).sin6_port)
                                                        : ntohs(reinterpret_cast<const sockaddr_in &>(from).sin_port);
                previous = &from;
            }
            deliverDatagram(QByteArray(static_cast<const char *>(b.vectors[i].iov_base), qsizetype(b.messages[i].msg_len)),
                            sender, senderPort,
                            m_readDestinations ? destinationDetail(destinationOf(b.messages[i].msg_hdr)) : QString());
        }
        if (count < Batch::Slots)
            return;
    }
#else
    while (m_socket && m_socket->hasPendingDatagrams()) {
        const QNetworkDatagram datagram = m_socket->receiveDatagram();
        if (!datagram.isValid())
            break;
        deliverDatagram(datagram.data(), datagram.senderAddress(), quint16(datagram.senderPort()),
                        m_readDestinations ? destinationDetail(datagram.destinationAddress()) : QString());
    }
#endif
}

QHostAddress UdpEndpoint::localAddress() const
{
    return m_socket ? m_socket->localAddress() : QHostAddress();
}

quint16 UdpEndpoint::localPort() const
{
    return m_socket ? m_socket->localPort() : 0;
}

} // namespace SockPlay
