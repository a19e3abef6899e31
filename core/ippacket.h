#pragma once

#include <QByteArray>
#include <QHostAddress>

namespace SockPlay {

/// IPv4 and IPv6 packets carrying a TCP segment or a UDP datagram, built
/// from scratch with correct lengths and checksums (RFC 791, 8200, 9293,
/// 768; pseudo-headers as RFC 9293 3.1 and RFC 8200 8.1 define them), for
/// a capture file that Wireshark reads as if it had seen them on the wire.
namespace IpPacket {

/// One side of a conversation.
struct Address
{
    QHostAddress address;
    quint16 port = 0;
};

enum TcpFlag : quint8 { Fin = 0x01, Syn = 0x02, Rst = 0x04, Psh = 0x08, Ack = 0x10 };

struct TcpHeader
{
    quint32 seq = 0;
    quint32 ack = 0;
    quint8 flags = 0;
    quint16 window = 65535;
};

/// A packet as a capture holds it: the bytes kept, and the length it had.
struct Packet
{
    QByteArray captured;
    quint32 originalLength = 0;
};

/// Puts both addresses in one family: IPv4 when both are IPv4 or
/// IPv4-mapped IPv6 ("::ffff:127.0.0.1" is shown as 127.0.0.1), IPv6
/// otherwise (an IPv4 one then mapped). A null or "any" address takes the
/// other side's loopback when that one is loopback, else the unspecified address.
void unifyFamilies(Address &a, Address &b);

/// The largest payload one packet of the family carries: the IPv4 total
/// length and the IPv6 payload length are 16-bit fields.
qint64 maxTcpPayload(bool ipv6);
qint64 maxUdpPayload(bool ipv6);

/// An IP packet with a TCP segment (20-byte header, no options). payload is
/// what the capture keeps; payloadLength the segment's real length (at least
/// payload.size(), at most maxTcpPayload): when bytes are missing the packet
/// is snapped (captured shorter than originalLength) and its TCP checksum,
/// which cannot be known, is 0. Both addresses must be of one family.
Packet tcp(const Address &source, const Address &destination, const TcpHeader &header,
           const QByteArray &payload, qint64 payloadLength, quint16 ipId);
/// The same with a UDP datagram (8-byte header).
Packet udp(const Address &source, const Address &destination, const QByteArray &payload, qint64 payloadLength,
           quint16 ipId);

} // namespace IpPacket

} // namespace SockPlay
