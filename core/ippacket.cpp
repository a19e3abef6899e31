#include "ippacket.h"

#include <QtEndian>

#include <cstring>

namespace SockPlay::IpPacket {

namespace {

constexpr quint8 ProtocolTcp = 6;
constexpr quint8 ProtocolUdp = 17;
constexpr int Ipv4HeaderSize = 20;
constexpr int Ipv6HeaderSize = 40;
constexpr int TcpHeaderSize = 20;
constexpr int UdpHeaderSize = 8;

void put16(QByteArray &out, int at, quint16 value)
{
    qToBigEndian(value, out.data() + at);
}

void put32(QByteArray &out, int at, quint32 value)
{
    qToBigEndian(value, out.data() + at);
}

/// The Internet checksum's running sum (RFC 1071): 16-bit big-endian words.
quint64 sumWords(const char *data, qsizetype size, quint64 sum = 0)
{
    const auto *bytes = reinterpret_cast<const quint8 *>(data);
    qsizetype i = 0;
    for (; i + 1 < size; i += 2)
        sum += quint64(bytes[i]) << 8 | bytes[i + 1];
    if (i < size)
        sum += quint64(bytes[i]) << 8;
    return sum;
}

quint16 foldChecksum(quint64 sum)
{
    while (sum >> 16)
        sum = (sum & 0xFFFF) + (sum >> 16);
    return quint16(~sum & 0xFFFF);
}

QByteArray addressBytes(const QHostAddress &address, bool ipv6)
{
    QByteArray bytes(ipv6 ? 16 : 4, '\0');
    if (ipv6) {
        const Q_IPV6ADDR a = address.toIPv6Address();
        memcpy(bytes.data(), a.c, 16);
    } else {
        put32(bytes, 0, address.toIPv4Address());
    }
    return bytes;
}

bool isIpv6(const Address &a)
{
    return a.address.protocol() == QAbstractSocket::IPv6Protocol;
}

/// The IP header for a transport segment of segmentLength bytes, and the
/// pseudo-header's sum for that segment's checksum.
QByteArray ipHeader(const Address &source, const Address &destination, quint8 protocol, qint64 segmentLength,
                    quint16 ipId, quint64 *pseudoSum)
{
    const bool ipv6 = isIpv6(source);
    const QByteArray src = addressBytes(source.address, ipv6);
    const QByteArray dst = addressBytes(destination.address, ipv6);
    quint64 sum = sumWords(src.constData(), src.size());
    sum = sumWords(dst.constData(), dst.size(), sum);
    sum += protocol;
    sum += quint64(segmentLength) >> 16;
    sum += quint64(segmentLength) & 0xFFFF;
    *pseudoSum = sum;
    if (ipv6) {
        QByteArray h(Ipv6HeaderSize, '\0');
        put32(h, 0, 6u << 28);              // version 6, no traffic class, no flow label
        put16(h, 4, quint16(segmentLength)); // payload length
        h[6] = char(protocol);              // next header
        h[7] = char(64);                    // hop limit
        h.replace(8, 16, src);
        h.replace(24, 16, dst);
        return h;
    }
    QByteArray h(Ipv4HeaderSize, '\0');
    h[0] = char(0x45); // version 4, 5 words
    put16(h, 2, quint16(Ipv4HeaderSize + segmentLength));
    put16(h, 4, ipId);
    put16(h, 6, 0x4000); // don't fragment
    h[8] = char(64);     // TTL
    h[9] = char(protocol);
    h.replace(12, 4, src);
    h.replace(16, 4, dst);
    put16(h, 10, foldChecksum(sumWords(h.constData(), h.size())));
    return h;
}

Packet assemble(const QByteArray &ip, QByteArray segment, int checksumAt, quint64 pseudoSum,
                const QByteArray &payload, qint64 payloadLength, bool zeroMeansNone)
{
    const bool complete = payload.size() >= payloadLength;
    if (complete) {
        quint16 checksum = foldChecksum(sumWords(payload.constData(), payload.size(),
                                                 sumWords(segment.constData(), segment.size(), pseudoSum)));
        // UDP: a computed 0 is sent as 0xFFFF, 0 meaning "no checksum" (RFC 768).
        if (checksum == 0 && zeroMeansNone)
            checksum = 0xFFFF;
        put16(segment, checksumAt, checksum);
    }
    Packet packet;
    packet.captured = ip + segment + payload.left(payloadLength);
    packet.originalLength = quint32(ip.size() + segment.size() + payloadLength);
    return packet;
}

} // namespace

void unifyFamilies(Address &a, Address &b)
{
    const auto normalise = [](Address &x) {
        bool isV4 = false;
        const quint32 v4 = x.address.toIPv4Address(&isV4);
        if (isV4)
            x.address = QHostAddress(v4);
    };
    normalise(a);
    normalise(b);
    const auto fill = [](Address &x, const Address &other) {
        const bool unknown = x.address.isNull() || x.address == QHostAddress::Any
            || x.address == QHostAddress::AnyIPv4 || x.address == QHostAddress::AnyIPv6;
        if (!unknown)
            return;
        if (other.address.isLoopback())
            x.address = other.address;
        else
            x.address = isIpv6(other) ? QHostAddress(QHostAddress::AnyIPv6) : QHostAddress(QHostAddress::AnyIPv4);
    };
    fill(a, b);
    fill(b, a);
    if (isIpv6(a) != isIpv6(b)) {
        Address &v4 = isIpv6(a) ? b : a;
        v4.address = QHostAddress(v4.address.toIPv6Address()); // Qt maps an IPv4 address
    }
}

qint64 maxTcpPayload(bool ipv6)
{
    return ipv6 ? 65535 - TcpHeaderSize : 65535 - Ipv4HeaderSize - TcpHeaderSize;
}

qint64 maxUdpPayload(bool ipv6)
{
    return ipv6 ? 65535 - UdpHeaderSize : 65535 - Ipv4HeaderSize - UdpHeaderSize;
}

Packet tcp(const Address &source, const Address &destination, const TcpHeader &header, const QByteArray &payload,
           qint64 payloadLength, quint16 ipId)
{
    quint64 pseudoSum = 0;
    const QByteArray ip = ipHeader(source, destination, ProtocolTcp, TcpHeaderSize + payloadLength, ipId, &pseudoSum);
    QByteArray segment(TcpHeaderSize, '\0');
    put16(segment, 0, source.port);
    put16(segment, 2, destination.port);
    put32(segment, 4, header.seq);
    put32(segment, 8, header.ack);
    segment[12] = char((TcpHeaderSize / 4) << 4);
    segment[13] = char(header.flags);
    put16(segment, 14, header.window);
    return assemble(ip, segment, 16, pseudoSum, payload, payloadLength, false);
}

Packet udp(const Address &source, const Address &destination, const QByteArray &payload, qint64 payloadLength,
           quint16 ipId)
{
    quint64 pseudoSum = 0;
    const QByteArray ip = ipHeader(source, destination, ProtocolUdp, UdpHeaderSize + payloadLength, ipId, &pseudoSum);
    QByteArray segment(UdpHeaderSize, '\0');
    put16(segment, 0, source.port);
    put16(segment, 2, destination.port);
    put16(segment, 4, quint16(UdpHeaderSize + payloadLength));
    return assemble(ip, segment, 6, pseudoSum, payload, payloadLength, true);
}

} // namespace SockPlay::IpPacket
