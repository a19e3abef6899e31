#include "hexdump.h"

#include <algorithm>

namespace SockPlay::HexDump {

namespace {

constexpr char16_t hexDigits[] = u"0123456789abcdef";

int normalised(int bytesPerLine)
{
    return bytesPerLine < (NarrowBytesPerLine + WideBytesPerLine) / 2 ? NarrowBytesPerLine : WideBytesPerLine;
}

void appendHex(QString &out, quint64 value, int digits)
{
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4)
        out += QChar(hexDigits[(value >> shift) & 0xf]);
}

} // namespace

int offsetDigits(qint64 baseOffset, qsizetype byteCount)
{
    quint64 last = quint64(std::max<qint64>(0, baseOffset)) + quint64(std::max<qsizetype>(0, byteCount - 1));
    int digits = 0;
    for (; last > 0; last >>= 4)
        ++digits;
    return std::max(8, digits);
}

int lineLength(int bytesPerLine, int offsetDigits)
{
    const int n = normalised(bytesPerLine);
    // the offset, " xx" per byte after a space, one more space at the half, "  |text|"
    return offsetDigits + 1 + 3 * n + 1 + 2 + 1 + n + 1;
}

QString render(const QByteArray &bytes, int bytesPerLine, qint64 baseOffset)
{
    const int n = normalised(bytesPerLine);
    const qint64 base = std::max<qint64>(0, baseOffset);
    const int digits = offsetDigits(base, bytes.size());
    const qsizetype lines = (bytes.size() + n - 1) / n;
    QString out;
    out.reserve(lines * (lineLength(n, digits) + 1));
    for (qsizetype start = 0; start < bytes.size(); start += n) {
        appendHex(out, quint64(base + start), digits);
        out += u' ';
        const qsizetype count = std::min<qsizetype>(n, bytes.size() - start);
        for (int i = 0; i < n; ++i) {
            if (i == n / 2)
                out += u' ';
            out += u' ';
            if (i < count) {
                appendHex(out, quint8(bytes.at(start + i)), 2);
            } else {
                out += u' ';
                out += u' ';
            }
        }
        out += u' ';
        out += u' ';
        out += u'|';
        for (qsizetype i = 0; i < count; ++i) {
            const auto byte = quint8(bytes.at(start + i));
            out += byte >= 0x20 && byte < 0x7f ? QChar(char16_t(byte)) : QChar(u'.');
        }
        out += u'|';
        out += u'\n';
    }
    return out;
}

} // namespace SockPlay::HexDump
