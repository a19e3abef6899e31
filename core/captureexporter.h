#pragma once

#include "eventexporter.h"
#include "ippacket.h"
#include "pcapngwriter.h"

#include <QHash>
#include <QSet>

namespace SockPlay {

/// Turns SockPlay events into the packets they stand for, in a pcapng file
/// that Wireshark and tshark read (raw IPv4/IPv6, microsecond timestamps).
///
/// - TCP, per connection: the three-way handshake from Accepted (the peer
///   sent the SYN) or Connected (we did); a segment per Sent, Received or
///   automatic reply, seq = ISN + 1 + stream offset, each answered by an ACK,
///   so that "Follow TCP stream" gives the bytes both ways; FIN and its ACK
///   from HalfClosed, PeerClosed and Closed. Segments longer than an IP
///   packet holds (65,495 bytes on IPv4) are split.
/// - UDP: one packet per datagram (a datagram longer than an IP packet holds,
///   which no socket sends, is cut, with a comment saying so).
/// - Every other event (listening, errors, notes, turned away, messages,
///   dropped rows) becomes a packet of its own, at its own time, on a second
///   interface ("sockplay events", LINKTYPE_WIRESHARK_UPPER_PDU): one line
///   of text that Wireshark shows as "Line-based text data", the same line
///   as the packet's comment (opt_comment: the `frame.comment` field, the
///   "Packet comments" tree). Wireshark shows nothing of Custom or Simple
///   blocks, and an empty raw packet is "Malformed"; an event held back for
///   the next packet would be lost when none follows.
/// - Packets get comments where the event has more to say: the SYN tells
///   the Accepted or Connected event, a FIN the close, an automatic reply
///   that it is one.
/// - Bytes the log did not keep (its per-event cap or payload budget) are
///   missing from the packets, which are then "snapped" (captured length
///   below the original length, as with `tcpdump -s`), with a comment; the
///   sequence numbers stay right, so Follow shows the gap and goes on.
///
/// When both ends of a connection are in the log (a server and its client in
/// one session), the first to appear speaks for the connection and the other
/// one's packets are left out: the same packets are not written twice.
class CaptureExporter final : public EventExporter
{
public:
    explicit CaptureExporter(QIODevice *device);

    bool begin() override;
    bool write(const Event &event) override;

private:
    struct Conversation
    {
        quint64 owner = 0;  // the connection (endpoint, connection id) whose events make the packets
        quint64 mirror = 0; // the other end's, when it is in the log too
        bool udp = false;
        IpPacket::Address local;
        IpPacket::Address peer;
        quint32 isnLocal = 0;
        quint32 isnPeer = 0;
        bool handshake = false;
        qint64 bytesLocal = 0; // stream bytes each way so far
        qint64 bytesPeer = 0;
        bool finLocal = false;
        bool finPeer = false;
        bool ended = false;
    };
    enum class Direction : quint8 { Out, In };

    /// The conversation the event's connection speaks for, or nullptr (the
    /// other end of one already exported, or addresses not known yet).
    Conversation *conversationFor(const Event &event, bool udp, bool *mirror);
    bool writeTcpData(Conversation &c, Direction direction, const Event &event, qint64 timeUs);
    bool writeUdp(Conversation &c, Direction direction, const Event &event, qint64 timeUs);
    bool writeHandshake(Conversation &c, bool weOpened, qint64 timeUs, const QString &comment);
    /// FIN and its ACK, each way not closed yet, in this order.
    bool writeFins(Conversation &c, std::initializer_list<Direction> directions, const Event &event, qint64 timeUs);
    bool writeFin(Conversation &c, Direction direction, qint64 timeUs, const QString &comment);
    bool writeTcp(const Conversation &c, Direction direction, quint32 seq, quint32 ack, quint8 flags,
                  const QByteArray &payload, qint64 length, qint64 timeUs, const QString &comment);
    bool writePacket(const IpPacket::Packet &packet, qint64 timeUs, const QString &comment);
    /// An event that is no packet: a text packet on the events interface.
    bool writeText(const Event &event);

    PcapngWriter m_writer;
    int m_interface = -1;
    int m_textInterface = -1;
    QHash<QString, Conversation> m_conversations; // by the two addresses, the lower one first
    QHash<quint64, QString> m_keyOf;              // connection -> its conversation's key
    QSet<int> m_udpEndpoints;                     // endpoints seen sending or receiving datagrams
    quint16 m_ipId = 1;
};

} // namespace SockPlay
