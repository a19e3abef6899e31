#include "codeliteral.h"

#include <QChar>
#include <QList>
#include <QStringDecoder>

#include <optional>

namespace SockPlay::CodeLiteral {

namespace {

enum class Language : quint8 { Python, Go, Cpp };

/// The bytes' code points when they are valid UTF-8.
std::optional<QList<uint>> codePoints(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder(bytes);
    if (decoder.hasError())
        return std::nullopt;
    return text.toUcs4();
}

QString hex(uint value, int digits)
{
    return QStringLiteral("%1").arg(value, digits, 16, QLatin1Char('0'));
}

QString character(uint c)
{
    const char32_t ch = c;
    return QString::fromUcs4(&ch, 1);
}

QString octal(uint byte)
{
    return QLatin1Char('\\') + QStringLiteral("%1").arg(byte, 3, 8, QLatin1Char('0'));
}

/// One byte below 0x80 or not part of UTF-8 text, escaped as the language writes a byte.
QString byteEscape(uint byte, Language language)
{
    if (language == Language::Cpp)
        return octal(byte); // never more than three digits: a following digit stays a digit
    return QStringLiteral("\\x") + hex(byte, 2);
}

/// The escapes every one of these languages shares; empty if the character needs none.
QString commonEscape(uint c)
{
    switch (c) {
    case '\\': return QStringLiteral("\\\\");
    case '"': return QStringLiteral("\\\"");
    case '\n': return QStringLiteral("\\n");
    case '\r': return QStringLiteral("\\r");
    case '\t': return QStringLiteral("\\t");
    default: return {};
    }
}

/// A code point as text in a literal; unicodeEscape: how a non-printable
/// one beyond ASCII is written (\u / \U), else its UTF-8 bytes are escaped.
QString codePoint(uint c, Language language, bool unicodeEscape)
{
    if (const QString escaped = commonEscape(c); !escaped.isEmpty())
        return escaped;
    if (c < 0x20 || c == 0x7f)
        return byteEscape(c, language);
    if (c < 0x80 || QChar::isPrint(char32_t(c)))
        return character(c);
    if (unicodeEscape)
        return c > 0xffff ? QStringLiteral("\\U") + hex(c, 8) : QStringLiteral("\\u") + hex(c, 4);
    QString escaped;
    for (const char byte : character(c).toUtf8())
        escaped += byteEscape(uchar(byte), language);
    return escaped;
}

/// The inside of a quoted literal: text where the bytes are UTF-8, byte
/// escapes where they are not.
QString quoted(const QByteArray &bytes, Language language, bool unicodeEscape)
{
    QString out = QStringLiteral("\"");
    if (const std::optional<QList<uint>> text = codePoints(bytes)) {
        for (uint c : *text)
            out += codePoint(c, language, unicodeEscape);
    } else {
        for (const char byte : bytes) {
            const uint b = uchar(byte);
            out += b < 0x80 ? codePoint(b, language, unicodeEscape) : byteEscape(b, language);
        }
    }
    return out + QLatin1Char('"');
}

bool isAscii(const QByteArray &bytes)
{
    for (const char byte : bytes)
        if (uchar(byte) >= 0x80)
            return false;
    return true;
}

} // namespace

QString pythonBytes(const QByteArray &bytes)
{
    // In a bytes literal \x.. is a byte; in a str it is a code point, and
    // "ü" in a str is one: the str form holds text, the bytes form the rest.
    if (isAscii(bytes) || !codePoints(bytes))
        return QLatin1Char('b') + quoted(bytes, Language::Python, false);
    return quoted(bytes, Language::Python, true) + QStringLiteral(".encode(\"utf-8\")");
}

QString pythonString(const QString &text)
{
    return quoted(text.toUtf8(), Language::Python, true);
}

QString goString(const QByteArray &bytes)
{
    return quoted(bytes, Language::Go, true);
}

QString cppByteArrayArguments(const QByteArray &bytes)
{
    const QString literal = quoted(bytes, Language::Cpp, false);
    if (bytes.contains('\0'))
        return literal + QStringLiteral(", ") + QString::number(bytes.size());
    return literal;
}

QString cppString(const QString &text)
{
    // A UTF-16 literal: \u names a character, an octal escape would be a code unit.
    QString out = QStringLiteral("\"");
    for (uint c : text.toUcs4()) {
        if (const QString escaped = commonEscape(c); !escaped.isEmpty())
            out += escaped;
        else if (c < 0x20 || c == 0x7f || (c >= 0x80 && !QChar::isPrint(char32_t(c))))
            out += c > 0xffff ? QStringLiteral("\\U") + hex(c, 8) : QStringLiteral("\\u") + hex(c, 4);
        else
            out += character(c);
    }
    return out + QLatin1Char('"');
}

} // namespace SockPlay::CodeLiteral
