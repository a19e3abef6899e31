#include "payloadcodec.h"

#include <QCoreApplication>

// errorPosition is an index into the QString the user typed (UTF-16 code
// units), so that an editor can put its cursor or a marker right there; the
// messages count characters from 1, as people do.

namespace SockPlay {

namespace {

// Parse errors are shown next to the editor: in the user's language when
// the window installed a translator, English in the CLI.
struct Texts
{
    Q_DECLARE_TR_FUNCTIONS(SockPlay::PayloadCodec)
};

bool isHexDigit(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F');
}

ParseResult failure(qsizetype position, const QString &error)
{
    ParseResult result;
    result.ok = false;
    result.errorPosition = int(position);
    result.error = error;
    return result;
}

/// The character at input[i] as an error message shows it: quoted when it can
/// be seen, as U+XXXX when it cannot (a control character, a lone surrogate).
QString describeCharacter(QStringView input, qsizetype i)
{
    char32_t codePoint = input.at(i).unicode();
    if (input.at(i).isHighSurrogate() && i + 1 < input.size() && input.at(i + 1).isLowSurrogate())
        codePoint = QChar::surrogateToUcs4(input.at(i), input.at(i + 1));
    if (QChar::isPrint(codePoint) && !QChar::isSpace(codePoint))
        return u'\'' + QString::fromUcs4(&codePoint, 1) + u'\'';
    return QStringLiteral("U+%1").arg(uint(codePoint), 4, 16, QChar(u'0')).toUpper();
}

/// The number of code units of the character at input[i] (2 for a surrogate pair).
qsizetype characterLength(QStringView input, qsizetype i)
{
    return input.at(i).isHighSurrogate() && i + 1 < input.size() && input.at(i + 1).isLowSurrogate() ? 2 : 1;
}

/// The length of the well-formed UTF-8 sequence that starts at bytes[i], or 0
/// when there is none. Follows the Unicode table of well-formed byte sequences
/// (chapter 3, table 3-7), which rules out overlong forms, UTF-16 surrogates,
/// code points above U+10FFFF and truncated sequences; the decoded code point
/// goes to codePoint.
qsizetype utf8SequenceLength(const QByteArray &bytes, qsizetype i, char32_t &codePoint)
{
    const uchar lead = uchar(bytes.at(i));
    qsizetype length = 0;
    uchar secondMin = 0x80;
    uchar secondMax = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) {
        length = 2;
        codePoint = lead & 0x1f;
    } else if (lead >= 0xe0 && lead <= 0xef) {
        length = 3;
        codePoint = lead & 0x0f;
        if (lead == 0xe0)
            secondMin = 0xa0; // below: overlong
        else if (lead == 0xed)
            secondMax = 0x9f; // above: surrogates U+D800..U+DFFF
    } else if (lead >= 0xf0 && lead <= 0xf4) {
        length = 4;
        codePoint = lead & 0x07;
        if (lead == 0xf0)
            secondMin = 0x90; // below: overlong
        else if (lead == 0xf4)
            secondMax = 0x8f; // above: beyond U+10FFFF
    } else {
        return 0;
    }
    if (i + length > bytes.size())
        return 0;
    for (qsizetype k = 1; k < length; ++k) {
        const uchar next = uchar(bytes.at(i + k));
        const uchar min = k == 1 ? secondMin : uchar(0x80);
        const uchar max = k == 1 ? secondMax : uchar(0xbf);
        if (next < min || next > max)
            return 0;
        codePoint = (codePoint << 6) | (next & 0x3f);
    }
    return length;
}

/// Characters that would hide their bytes if shown as they are: controls,
/// format characters (zero-width space, BOM), unassigned code points, private
/// use, and the Unicode line and paragraph separators, which break a line.
bool isInvisible(char32_t codePoint)
{
    if (!QChar::isPrint(codePoint))
        return true;
    const QChar::Category category = QChar::category(codePoint);
    return category == QChar::Separator_Line || category == QChar::Separator_Paragraph;
}

void appendHexEscape(QString &out, uchar byte)
{
    static constexpr char16_t digits[] = u"0123456789abcdef";
    out += u"\\x";
    out += QChar(digits[byte >> 4]);
    out += QChar(digits[byte & 0x0f]);
}

} // namespace

QString ParseResult::reason() const
{
    const qsizetype colon = error.indexOf(QStringLiteral(": "));
    return colon >= 0 ? error.mid(colon + 2) : error;
}

namespace PayloadCodec {

ParseResult parse(const QString &input, PayloadMode mode)
{
    switch (mode) {
    case PayloadMode::Text:
        return parseText(input);
    case PayloadMode::Hex:
        return parseHex(input);
    case PayloadMode::Base64:
        return parseBase64(input);
    }
    Q_UNREACHABLE();
}

ParseResult parseBase64(const QString &input)
{
    // Qt decodes; this only finds where a mistake is, so that the message can
    // point at it: a character outside the alphabet, or '=' in the middle.
    QByteArray compact;
    compact.reserve(input.size());
    qsizetype padding = -1; // where the first '=' was typed
    for (qsizetype i = 0; i < input.size(); ++i) {
        const QChar c = input.at(i);
        if (c.isSpace())
            continue;
        const char16_t u = c.unicode();
        const bool alphabet = (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z')
                              || (u >= u'0' && u <= u'9') || u == u'+' || u == u'/';
        if (u == u'=') {
            if (padding < 0)
                padding = i;
        } else if (!alphabet) {
            //: Keep ": " after the position: the reason after it is also shown alone.
            return failure(i, Texts::tr("invalid base64 at character %1: %2 is not a base64 character")
                                  .arg(i + 1).arg(describeCharacter(input, i)));
        } else if (padding >= 0) {
            //: Keep ": " after the position: the reason after it is also shown alone.
            return failure(padding, Texts::tr("invalid base64 at character %1: '=' pads the end only")
                                        .arg(padding + 1));
        }
        compact += char(u);
    }
    if (compact.size() % 4 == 1 || (padding >= 0 && compact.size() % 4 != 0))
        //: Keep ": " after the position: the reason after it is also shown alone.
        return failure(input.size(), Texts::tr("incomplete base64 at character %1: %2 characters do not make whole bytes")
                                         .arg(input.size() + 1).arg(compact.size()));
    auto decoded = QByteArray::fromBase64Encoding(compact, QByteArray::Base64Encoding
                                                               | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        //: Keep ": " after the position: the reason after it is also shown alone.
        return failure(input.size(), Texts::tr("invalid base64 at character %1: the padding does not fit")
                                         .arg(input.size() + 1));
    ParseResult result;
    result.bytes = std::move(decoded.decoded);
    return result;
}

ParseResult parseText(const QString &input)
{
    ParseResult result;
    result.bytes.reserve(input.size());
    const QStringView view(input);
    // Literal text between escapes is converted in one go; a run never splits a
    // surrogate pair because it only ends at a backslash.
    qsizetype runStart = 0;
    for (qsizetype i = 0; i < view.size(); ++i) {
        if (view.at(i) != u'\\')
            continue;
        result.bytes += view.mid(runStart, i - runStart).toUtf8();
        if (i + 1 == view.size()) {
            //: Keep ": " after the position: the reason after it is also shown alone.
            return failure(i, Texts::tr("invalid escape at character %1: a lone backslash ends the text; "
                                             "write \\\\ for a backslash").arg(i + 1));
        }
        qsizetype escapeLength = 2;
        switch (view.at(i + 1).unicode()) {
        case u'n': result.bytes += '\n'; break;
        case u'r': result.bytes += '\r'; break;
        case u't': result.bytes += '\t'; break;
        case u'\\': result.bytes += '\\'; break;
        // Only \0 alone, never C's octal \012: "\0" then "12" stays three bytes.
        case u'0': result.bytes += '\0'; break;
        case u'x': {
            // Exactly two digits, unlike C, so that "\x41BC" is "ABC" and not one huge value.
            if (i + 3 >= view.size() || !isHexDigit(view.at(i + 2)) || !isHexDigit(view.at(i + 3))) {
                // Quote the escape and the (up to) two characters that should have been digits.
                qsizetype shown = 2;
                for (int k = 0; k < 2 && i + shown < view.size(); ++k)
                    shown += characterLength(view, i + shown);
                //: Keep ": " after the position: the reason after it is also shown alone.
                return failure(i, Texts::tr("invalid escape at character %1: %2 needs exactly two hex digits "
                                                 "after \\x, as in \\x41")
                                      .arg(i + 1)
                                      .arg(view.mid(i, shown)));
            }
            result.bytes += QByteArray::fromHex(view.mid(i + 2, 2).toLatin1());
            escapeLength = 4;
            break;
        }
        default:
            //: Keep ": " after the position: the reason after it is also shown alone.
            return failure(i, Texts::tr("invalid escape at character %1: \\%2 is not one of "
                                             "\\n \\r \\t \\\\ \\0 \\xHH")
                                  .arg(i + 1)
                                  .arg(view.mid(i + 1, characterLength(view, i + 1))));
        }
        i += escapeLength - 1;
        runStart = i + 1;
    }
    result.bytes += view.mid(runStart).toUtf8();
    return result;
}

ParseResult parseHex(const QString &input)
{
    QByteArray digits;
    digits.reserve(input.size());
    qsizetype lastDigitPosition = -1;
    bool atTokenStart = true;
    for (qsizetype i = 0; i < input.size(); ++i) {
        const QChar c = input.at(i);
        if (c.isSpace() || c == u':' || c == u',') {
            atTokenStart = true;
            continue;
        }
        // "0x" is a prefix only where a token starts: in "480x65" the x is an error.
        if (atTokenStart && c == u'0' && i + 1 < input.size()
            && (input.at(i + 1) == u'x' || input.at(i + 1) == u'X')) {
            ++i;
            atTokenStart = false;
            continue;
        }
        atTokenStart = false;
        if (!isHexDigit(c)) {
            //: Keep ": " after the position: the reason after it is also shown alone.
            return failure(i, Texts::tr("invalid hex at character %1: %2 is not a hex digit")
                                  .arg(i + 1)
                                  .arg(describeCharacter(input, i)));
        }
        digits += char(c.unicode());
        lastDigitPosition = i;
    }
    // Digits pair up across separators, as in QByteArray::fromHex: "4 865" is 48 65.
    if (digits.size() % 2 != 0) {
        return failure(lastDigitPosition,
                       //: Keep ": " after the position: the reason after it is also shown alone.
                       Texts::tr("odd number of hex digits (%1): each byte needs two; "
                                      "the digit at character %2 has no partner")
                           .arg(digits.size())
                           .arg(lastDigitPosition + 1));
    }
    ParseResult result;
    result.bytes = QByteArray::fromHex(digits);
    return result;
}

QString renderText(const QByteArray &bytes)
{
    QString out;
    out.reserve(bytes.size());
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const uchar byte = uchar(bytes.at(i));
        switch (byte) {
        case '\n': out += u"\\n"; continue;
        case '\r': out += u"\\r"; continue;
        case '\t': out += u"\\t"; continue;
        case '\\': out += u"\\\\"; continue;
        case '\0': out += u"\\0"; continue;
        default: break;
        }
        if (byte >= 0x20 && byte < 0x7f) {
            out += QChar(char16_t(byte));
            continue;
        }
        char32_t codePoint = 0;
        const qsizetype length = byte >= 0x80 ? utf8SequenceLength(bytes, i, codePoint) : 0;
        if (length == 0 || isInvisible(codePoint)) {
            // Not a visible character: escape this byte alone and look at the
            // next one afresh, so a broken sequence does not hide good text after it.
            appendHexEscape(out, byte);
            continue;
        }
        out += QString::fromUcs4(&codePoint, 1);
        i += length - 1;
    }
    return out;
}

QString renderHex(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toHex(' '));
}

QString renderBase64(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}

QString render(const QByteArray &bytes, PayloadMode mode)
{
    switch (mode) {
    case PayloadMode::Text:
        return renderText(bytes);
    case PayloadMode::Hex:
        return renderHex(bytes);
    case PayloadMode::Base64:
        return renderBase64(bytes);
    }
    Q_UNREACHABLE();
}

} // namespace PayloadCodec

QByteArray lineEndingBytes(LineEnding ending)
{
    switch (ending) {
    case LineEnding::None:
        return {};
    case LineEnding::Lf:
        return QByteArrayLiteral("\n");
    case LineEnding::CrLf:
        return QByteArrayLiteral("\r\n");
    }
    Q_UNREACHABLE();
}

} // namespace SockPlay
