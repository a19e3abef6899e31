#include "captureexporter.h"

#include "event.h"
#include "eventformat.h"

#include <QLocale>

namespace SockPlay {

namespace {

quint64 connectionKey(const Event &event)
{
    return quint64(quint32(event.endpointId())) << 32 | quint32(event.connectionId());
}

QString addressKey(const IpPacket::Address &a)
{
    return a.address.toString() + QLatin1Char('/') + QString::number(a.port);
}

/// "#12 accepted from 127.0.0.1:41234: ...": which event a comment line tells of.
QString commentLine(const Event &event)
{
    if (event.kind == EventKind::Dropped)
        return QStringLiteral("the log dropped %1 events here").arg(event.droppedCount);
    return QStringLiteral("#%1 %2 %3").arg(event.sequence).arg(event.endpointName(), EventFormat::toLine(event));
}

qint64 timeUsOf(const Event &event)
{
    return event.epochMs * 1000 + event.timeNs / 1000;
}

} // namespace

CaptureExporter::CaptureExporter(QIODevice *device)
    : EventExporter(device)
    , m_writer(device)
{
}

bool CaptureExporter::begin()
{
    if (!m_writer.writeSectionHeader())
        return fail(m_writer.errorString());
    m_interface = m_writer.addInterface(PcapngWriter::LinkTypeRaw, QStringLiteral("sockplay"));
    m_textInterface = m_writer.addInterface(PcapngWriter::LinkTypeUpperPdu, QStringLiteral("sockplay events"));
    return (m_interface >= 0 && m_textInterface >= 0) || fail(m_writer.errorString());
}

bool CaptureExporter::writeText(const Event &event)
{
    const QString line = commentLine(event);
    const QByteArray pdu = PcapngWriter::textPdu(line + QLatin1Char('\n'));
    if (!m_writer.writePacket(m_textInterface, timeUsOf(event), pdu, quint32(pdu.size()), line))
        return fail(m_writer.errorString());
    return true;
}

bool CaptureExporter::writePacket(const IpPacket::Packet &packet, qint64 timeUs, const QString &comment)
{
    if (!m_writer.writePacket(m_interface, timeUs, packet.captured, packet.originalLength, comment))
        return fail(m_writer.errorString());
    return true;
}

CaptureExporter::Conversation *CaptureExporter::conversationFor(const Event &event, bool udp, bool *mirror)
{
    *mirror = false;
    const quint64 connection = connectionKey(event);
    if (const auto known = m_keyOf.constFind(connection); known != m_keyOf.cend()) {
        Conversation &c = m_conversations[*known];
        if (c.owner == connection)
            return &c;
        *mirror = c.mirror == connection;
        if (*mirror)
            return nullptr;
    }
    if (!event.source || event.source->localPort == 0 || event.source->peerPort == 0)
        return nullptr;
    IpPacket::Address local{event.source->localAddress, event.source->localPort};
    IpPacket::Address peer{event.source->peerAddress, event.source->peerPort};
    IpPacket::unifyFamilies(local, peer);
    const QString a = addressKey(local);
    const QString b = addressKey(peer);
    const QString key = (udp ? QStringLiteral("udp ") : QStringLiteral("tcp ")) + std::min(a, b) + QLatin1Char(' ')
        + std::max(a, b);
    if (const auto it = m_conversations.find(key); it != m_conversations.end() && it->owner != connection
        && it->mirror == 0 && !it->ended) {
        // The other end of a connection already exported (a server and its client in one session).
        it->mirror = connection;
        m_keyOf.insert(connection, key);
        *mirror = true;
        return nullptr;
    }
    Conversation c;
    c.owner = connection;
    c.udp = udp;
    c.local = local;
    c.peer = peer;
    // Fixed per connection (no randomness: the same log gives the same file).
    c.isnLocal = quint32(qHash(key, 1)) ^ quint32(connection);
    c.isnPeer = quint32(qHash(key, 2)) ^ quint32(connection >> 32);
    m_keyOf.insert(connection, key);
    return &m_conversations.insert(key, c).value();
}

bool CaptureExporter::write(const Event &event)
{
    const qint64 timeUs = timeUsOf(event);
    bool udp = false;
    switch (event.kind) {
    case EventKind::DatagramSent:
    case EventKind::DatagramReceived:
        m_udpEndpoints.insert(event.endpointId());
        udp = true;
        break;
    case EventKind::AutoReplied:
        udp = m_udpEndpoints.contains(event.endpointId());
        break;
    case EventKind::Accepted:
    case EventKind::Connected:
    case EventKind::Sent:
    case EventKind::Received:
    case EventKind::HalfClosed:
    case EventKind::PeerClosed:
        break;
    case EventKind::Closed:
        if (event.connectionId() == 0 || m_udpEndpoints.contains(event.endpointId()))
            return writeText(event);
        break;
    default:
        return writeText(event);
    }
    bool mirror = false;
    Conversation *c = conversationFor(event, udp, &mirror);
    if (!c) {
        // The other end's own view of packets already written; or no addresses to make packets of.
        return mirror || writeText(event);
    }
    const QString line = commentLine(event);
    switch (event.kind) {
    case EventKind::DatagramSent:
    case EventKind::DatagramReceived:
    case EventKind::AutoReplied:
        if (udp)
            return writeUdp(*c, event.kind == EventKind::DatagramReceived ? Direction::In : Direction::Out, event,
                            timeUs);
        return writeTcpData(*c, Direction::Out, event, timeUs);
    case EventKind::Accepted:
        return writeHandshake(*c, false, timeUs, line);
    case EventKind::Connected:
        return writeHandshake(*c, true, timeUs, line);
    case EventKind::Sent:
        return writeTcpData(*c, Direction::Out, event, timeUs);
    case EventKind::Received:
        return writeTcpData(*c, Direction::In, event, timeUs);
    case EventKind::HalfClosed:
        return writeHandshake(*c, true, timeUs, {}) && writeFins(*c, {Direction::Out}, event, timeUs);
    case EventKind::PeerClosed:
        // The peer's FIN; then ours, as the connection closes (a TCP connection ends with two).
        c->ended = true;
        return writeHandshake(*c, true, timeUs, {}) && writeFins(*c, {Direction::In, Direction::Out}, event, timeUs);
    case EventKind::Closed:
        c->ended = true;
        return writeHandshake(*c, true, timeUs, {}) && writeFins(*c, {Direction::Out, Direction::In}, event, timeUs);
    default:
        return true;
    }
}

bool CaptureExporter::writeTcp(const Conversation &c, Direction direction, quint32 seq, quint32 ack, quint8 flags,
                               const QByteArray &payload, qint64 length, qint64 timeUs, const QString &comment)
{
    const bool out = direction == Direction::Out;
    IpPacket::TcpHeader header;
    header.seq = seq;
    header.ack = ack;
    header.flags = flags;
    return writePacket(IpPacket::tcp(out ? c.local : c.peer, out ? c.peer : c.local, header, payload, length, m_ipId++),
                       timeUs, comment);
}

bool CaptureExporter::writeHandshake(Conversation &c, bool weOpened, qint64 timeUs, const QString &comment)
{
    if (c.handshake)
        return true;
    c.handshake = true;
    // Called with an empty comment when something else than Accepted or
    // Connected comes first: the log no longer has them (or never saw them).
    const QString why = comment.isEmpty() ? QStringLiteral("handshake made up: it is not in the log") : comment;
    const Direction opener = weOpened ? Direction::Out : Direction::In;
    const Direction other = weOpened ? Direction::In : Direction::Out;
    const quint32 isnOpener = weOpened ? c.isnLocal : c.isnPeer;
    const quint32 isnOther = weOpened ? c.isnPeer : c.isnLocal;
    return writeTcp(c, opener, isnOpener, 0, IpPacket::Syn, {}, 0, timeUs, why)
        && writeTcp(c, other, isnOther, isnOpener + 1, IpPacket::Syn | IpPacket::Ack, {}, 0, timeUs, {})
        && writeTcp(c, opener, isnOpener + 1, isnOther + 1, IpPacket::Ack, {}, 0, timeUs, {});
}

bool CaptureExporter::writeTcpData(Conversation &c, Direction direction, const Event &event, qint64 timeUs)
{
    if (event.byteCount <= 0)
        return true;
    if (!writeHandshake(c, true, timeUs, {}))
        return false;
    const bool out = direction == Direction::Out;
    qint64 &bytesFrom = out ? c.bytesLocal : c.bytesPeer;
    const qint64 bytesTo = out ? c.bytesPeer : c.bytesLocal;
    const bool finTo = out ? c.finPeer : c.finLocal;
    const quint32 isnFrom = out ? c.isnLocal : c.isnPeer;
    const quint32 isnTo = out ? c.isnPeer : c.isnLocal;
    const qint64 offset = event.streamOffset >= 0 ? event.streamOffset : bytesFrom;
    const quint32 ack = isnTo + 1 + quint32(bytesTo) + (finTo ? 1 : 0);
    QString comment;
    if (event.kind == EventKind::AutoReplied)
        comment = commentLine(event);
    if (event.payload.size() < event.byteCount) {
        const QLocale locale = QLocale::c();
        comment += (comment.isEmpty() ? QString() : QStringLiteral("\n"))
            + QStringLiteral("#%1: the log kept %2 of these %3 bytes; the rest is missing from the capture")
                  .arg(event.sequence)
                  .arg(locale.toString(event.payload.size()), locale.toString(event.byteCount));
    }
    const qint64 maxPayload = IpPacket::maxTcpPayload(c.local.address.protocol() == QAbstractSocket::IPv6Protocol);
    for (qint64 position = 0; position < event.byteCount; position += maxPayload) {
        const qint64 length = std::min(maxPayload, event.byteCount - position);
        const QByteArray captured = event.payload.mid(position, length);
        const quint32 seq = isnFrom + 1 + quint32(offset + position);
        // Each segment is acknowledged at once: the receiver's window never fills.
        if (!writeTcp(c, direction, seq, ack, IpPacket::Ack | IpPacket::Psh, captured, length, timeUs,
                      position == 0 ? comment : QString())
            || !writeTcp(c, out ? Direction::In : Direction::Out, ack, seq + quint32(length), IpPacket::Ack, {}, 0,
                         timeUs, {}))
            return false;
    }
    bytesFrom = std::max(bytesFrom, offset + event.byteCount);
    return true;
}

bool CaptureExporter::writeFins(Conversation &c, std::initializer_list<Direction> directions, const Event &event,
                                qint64 timeUs)
{
    // The event's line goes on the first FIN it makes; with none left to
    // make (a half-close came first), on a text packet of its own.
    QString comment = commentLine(event);
    for (const Direction direction : directions) {
        if ((direction == Direction::Out ? c.finLocal : c.finPeer) == false
            && !writeFin(c, direction, timeUs, std::exchange(comment, {})))
            return false;
    }
    return comment.isEmpty() || writeText(event);
}

bool CaptureExporter::writeFin(Conversation &c, Direction direction, qint64 timeUs, const QString &comment)
{
    const bool out = direction == Direction::Out;
    (out ? c.finLocal : c.finPeer) = true;
    const quint32 seq = (out ? c.isnLocal : c.isnPeer) + 1 + quint32(out ? c.bytesLocal : c.bytesPeer);
    const quint32 ack = (out ? c.isnPeer : c.isnLocal) + 1 + quint32(out ? c.bytesPeer : c.bytesLocal)
        + ((out ? c.finPeer : c.finLocal) ? 1 : 0);
    return writeTcp(c, direction, seq, ack, IpPacket::Fin | IpPacket::Ack, {}, 0, timeUs, comment)
        && writeTcp(c, out ? Direction::In : Direction::Out, ack, seq + 1, IpPacket::Ack, {}, 0, timeUs, {});
}

bool CaptureExporter::writeUdp(Conversation &c, Direction direction, const Event &event, qint64 timeUs)
{
    const bool out = direction == Direction::Out;
    const qint64 maxPayload = IpPacket::maxUdpPayload(c.local.address.protocol() == QAbstractSocket::IPv6Protocol);
    QStringList comment;
    if (event.kind == EventKind::AutoReplied)
        comment.append(commentLine(event));
    qint64 length = event.byteCount;
    if (length > maxPayload) {
        comment.append(QStringLiteral("#%1: a datagram of %2 bytes does not fit in one IP packet: cut to %3")
                           .arg(event.sequence)
                           .arg(length)
                           .arg(maxPayload));
        length = maxPayload;
    }
    if (event.payload.size() < length) {
        comment.append(QStringLiteral("#%1: the log kept %2 of these %3 bytes; the rest is missing from the capture")
                           .arg(event.sequence)
                           .arg(event.payload.size())
                           .arg(event.byteCount));
    }
    return writePacket(IpPacket::udp(out ? c.local : c.peer, out ? c.peer : c.local, event.payload.left(length),
                                     length, m_ipId++),
                       timeUs, comment.join(QLatin1Char('\n')));
}

} // namespace SockPlay
