#pragma once

#include <QByteArray>
#include <QString>

class QIODevice;

namespace SockPlay {

/// Writes the pcapng capture format (draft-ietf-opsawg-pcapng, "PCAP Now
/// Generic") to a QIODevice, block by block, so that a capture can grow while
/// a session runs. libpcap only writes the older pcap format, hence this.
///
/// Every block is little-endian (the Section Header's byte-order magic tells
/// readers so), padded to 32 bits, with its total length at both ends. The
/// writer never seeks: blocks are appended, and a capture cut short after
/// any whole block is still a valid file.
class PcapngWriter final
{
public:
    /// LINKTYPE_RAW: the packet starts with its IPv4 or IPv6 header (no link header).
    static constexpr quint16 LinkTypeRaw = 101;
    /// LINKTYPE_WIRESHARK_UPPER_PDU: a PDU with a header naming Wireshark's
    /// dissector for it (see textPdu()).
    static constexpr quint16 LinkTypeUpperPdu = 252;

    /// A packet for an LinkTypeUpperPdu interface that Wireshark shows as
    /// "Line-based text data": the exported-PDU tags (big-endian type,
    /// length, value; Wireshark's epan/exported_pdu.h) naming the
    /// "data-text-lines" dissector and "SockPlay" for the Protocol column,
    /// then the text.
    static QByteArray textPdu(const QString &text);

    explicit PcapngWriter(QIODevice *device);

    /// The Section Header Block (spec 4.1), with shb_userappl = application.
    /// Comes first, once.
    bool writeSectionHeader(const QString &application = QStringLiteral("SockPlay"));
    /// An Interface Description Block (spec 4.2) with if_name and if_tsresol 6
    /// (timestamps in microseconds). Returns its id for writePacket, or -1.
    int addInterface(quint16 linkType, const QString &name);
    /// An Enhanced Packet Block (spec 4.3): the captured bytes (perhaps fewer
    /// than originalLength: a snapped packet), a time in µs since 1970, and
    /// an opt_comment when comment is not empty (Wireshark shows it in the
    /// packet list's "Comments" and under "Packet comments" in the details).
    bool writePacket(int interfaceId, qint64 timestampUs, const QByteArray &captured, quint32 originalLength,
                     const QString &comment = {});

    /// The device's reason when a write failed.
    QString errorString() const { return m_error; }

private:
    bool writeBlock(quint32 type, const QByteArray &body);

    QIODevice *m_device = nullptr;
    int m_interfaces = 0;
    QString m_error;
};

} // namespace SockPlay
