#pragma once

#include <QByteArray>
#include <QString>

namespace SockPlay {

/// The classic hex dump of bytes, one line per bytesPerLine bytes:
///
///   00000008  72 65 73 74 0a 00 ff 41  42 43 44 45 46 47 48 49  |rest...ABCDEFGHI|
///
/// an offset column (hex, counted from baseOffset: a stream offset when the
/// bytes have one, so that the dump's offsets are the stream's), the bytes in
/// hex with a gap after the first half, then the bytes as text between bars,
/// printable ASCII as it is and every other byte as '.'. A short last line is
/// padded so that its text column lines up. Lines end with '\n'; no bytes give
/// an empty string. Pure functions.
namespace HexDump {

/// Bytes per line a caller may ask for; any other value is treated as the nearest.
constexpr int NarrowBytesPerLine = 8;
constexpr int WideBytesPerLine = 16;

/// Hex digits of the offset column: 8, or more when the last offset needs them.
int offsetDigits(qint64 baseOffset, qsizetype byteCount);
/// Characters of a full line (no '\n') for this offset width and bytes per line.
int lineLength(int bytesPerLine, int offsetDigits = 8);
/// The dump; bytesPerLine is 8 or 16 (below 12 means 8), baseOffset >= 0.
QString render(const QByteArray &bytes, int bytesPerLine = WideBytesPerLine, qint64 baseOffset = 0);

} // namespace HexDump

} // namespace SockPlay
