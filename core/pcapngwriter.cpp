#include "pcapngwriter.h"

#include <QIODevice>
#include <QtEndian>

namespace SockPlay {

namespace {

// Block types and option codes, from draft-ietf-opsawg-pcapng.
constexpr quint32 SectionHeaderBlock = 0x0A0D0D0A;   // 4.1
constexpr quint32 InterfaceDescriptionBlock = 0x1;   // 4.2
constexpr quint32 EnhancedPacketBlock = 0x6;         // 4.3
constexpr quint32 ByteOrderMagic = 0x1A2B3C4D;
constexpr quint16 OptEndOfOptions = 0;
constexpr quint16 OptComment = 1;     // opt_comment, in any block
constexpr quint16 ShbUserAppl = 4;    // shb_userappl
constexpr quint16 IfName = 2;         // if_name
constexpr quint16 IfTsresol = 9;      // if_tsresol: 6 = 10^-6 s

void put16(QByteArray &out, quint16 value)
{
    char bytes[2];
    qToLittleEndian(value, bytes);
    out.append(bytes, 2);
}

void put32(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToLittleEndian(value, bytes);
    out.append(bytes, 4);
}

/// Pads to the next 32-bit boundary with zeros (spec 3.1: every block and
/// option value is padded so that the next one starts aligned).
void pad32(QByteArray &out)
{
    while (out.size() % 4 != 0)
        out.append('\0');
}

/// One option (spec 3.5): code, length of the value without padding, value, padding.
void putOption(QByteArray &out, quint16 code, const QByteArray &value)
{
    put16(out, code);
    put16(out, quint16(value.size()));
    out.append(value);
    pad32(out);
}

void putEndOfOptions(QByteArray &out)
{
    put16(out, OptEndOfOptions);
    put16(out, 0);
}

/// Option values are at most 65,535 bytes; a longer comment is cut (at a
/// UTF-8 character boundary) with a mark that it was.
QByteArray optionText(const QString &text)
{
    QByteArray utf8 = text.toUtf8();
    constexpr qsizetype Max = 65535;
    if (utf8.size() <= Max)
        return utf8;
    const QByteArray mark = QByteArrayLiteral(" [...]");
    qsizetype cut = Max - mark.size();
    while (cut > 0 && (quint8(utf8.at(cut)) & 0xC0) == 0x80)
        --cut;
    return utf8.left(cut) + mark;
}

} // namespace

QByteArray PcapngWriter::textPdu(const QString &text)
{
    constexpr quint16 TagDissectorName = 12; // EXP_PDU_TAG_DISSECTOR_NAME
    constexpr quint16 TagProtocolColumn = 33; // EXP_PDU_TAG_COL_PROT_TEXT
    constexpr quint16 TagEndOfOptions = 0;
    QByteArray pdu;
    const auto putTag = [&pdu](quint16 type, const QByteArray &value) {
        char bytes[2];
        qToBigEndian(type, bytes);
        pdu.append(bytes, 2);
        qToBigEndian(quint16(value.size()), bytes);
        pdu.append(bytes, 2);
        pdu.append(value);
    };
    putTag(TagDissectorName, QByteArrayLiteral("data-text-lines"));
    putTag(TagProtocolColumn, QByteArrayLiteral("SockPlay")); // the packet list's Protocol column
    putTag(TagEndOfOptions, {});
    return pdu + text.toUtf8();
}

PcapngWriter::PcapngWriter(QIODevice *device)
    : m_device(device)
{
}

bool PcapngWriter::writeBlock(quint32 type, const QByteArray &body)
{
    // Block Type, Block Total Length, body (already padded), Block Total Length again (spec 3.1).
    const quint32 total = quint32(12 + body.size());
    QByteArray block;
    block.reserve(total);
    put32(block, type);
    put32(block, total);
    block.append(body);
    put32(block, total);
    if (m_device->write(block) != block.size()) {
        m_error = m_device->errorString();
        return false;
    }
    return true;
}

bool PcapngWriter::writeSectionHeader(const QString &application)
{
    QByteArray body;
    put32(body, ByteOrderMagic);
    put16(body, 1); // major version
    put16(body, 0); // minor version
    // Section Length: -1, not known (the file grows as events arrive).
    put32(body, 0xFFFFFFFF);
    put32(body, 0xFFFFFFFF);
    putOption(body, ShbUserAppl, optionText(application));
    putEndOfOptions(body);
    return writeBlock(SectionHeaderBlock, body);
}

int PcapngWriter::addInterface(quint16 linkType, const QString &name)
{
    QByteArray body;
    put16(body, linkType);
    put16(body, 0); // reserved
    put32(body, 0); // SnapLen: 0, no limit
    putOption(body, IfName, optionText(name));
    putOption(body, IfTsresol, QByteArray(1, char(6)));
    putEndOfOptions(body);
    if (!writeBlock(InterfaceDescriptionBlock, body))
        return -1;
    return m_interfaces++;
}

bool PcapngWriter::writePacket(int interfaceId, qint64 timestampUs, const QByteArray &captured,
                               quint32 originalLength, const QString &comment)
{
    // The timestamp is one 64-bit count of if_tsresol units, high word first (spec 4.3).
    const quint64 units = quint64(timestampUs);
    QByteArray body;
    body.reserve(32 + captured.size() + comment.size());
    put32(body, quint32(interfaceId));
    put32(body, quint32(units >> 32));
    put32(body, quint32(units & 0xFFFFFFFFu));
    put32(body, quint32(captured.size()));
    put32(body, std::max(originalLength, quint32(captured.size())));
    body.append(captured);
    pad32(body);
    if (!comment.isEmpty()) {
        putOption(body, OptComment, optionText(comment));
        putEndOfOptions(body);
    }
    return writeBlock(EnhancedPacketBlock, body);
}

} // namespace SockPlay
