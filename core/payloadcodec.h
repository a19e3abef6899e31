#pragma once

#include <QByteArray>
#include <QString>

namespace SockPlay {

/// How the user typed a payload, or how bytes are shown.
enum class PayloadMode : quint8 {
    Text, ///< text with C-style escapes: \n \r \t \\ \0 \xHH
    Hex,  ///< hex digits; spaces, colons and 0x prefixes tolerated
    Base64, ///< standard base64 (RFC 4648); whitespace tolerated
};

/// Bytes, or an error that says where and why.
struct ParseResult
{
    bool ok = true;
    QByteArray bytes;
    int errorPosition = -1; ///< 0-based index into the input where the problem is (the message counts from 1)
    QString error;          ///< "invalid hex at character 4: 'g' is not a hex digit"

    /// The error without its "invalid … at character N: " ("'g' is not a hex
    /// digit"), for a caller that says where itself.
    QString reason() const;
};

/// Pure functions between what a user types and the bytes on the wire.
namespace PayloadCodec {

ParseResult parse(const QString &input, PayloadMode mode);
ParseResult parseText(const QString &input);
ParseResult parseHex(const QString &input);
ParseResult parseBase64(const QString &input);

/// Bytes as text: printable characters (and valid UTF-8) as they are, the
/// rest escaped (\n \r \t \\ \0 \xHH), so that every byte is visible.
QString renderText(const QByteArray &bytes);
/// "48 65 6c 6c 6f".
QString renderHex(const QByteArray &bytes);
/// "SGVsbG8=".
QString renderBase64(const QByteArray &bytes);
QString render(const QByteArray &bytes, PayloadMode mode);

} // namespace PayloadCodec

/// The bytes to append after a typed line.
enum class LineEnding : quint8 { None, Lf, CrLf };
QByteArray lineEndingBytes(LineEnding ending);

} // namespace SockPlay
