#include "framer.h"

#include <algorithm>
#include <limits>

// FrameSpec: the text form of a framing (the CLI's --frame) and what it means.

namespace SockPlay {

namespace {

/// Reads the text form left to right; m_at is the 0-based index of the next
/// character, and every error names it counted from 1. Messages are built
/// with one multi-argument arg() so that a '%' in the user's text stays text.
class FrameSpecParser
{
public:
    FrameSpecParser(const QString &text, QString *error) : m_text(text), m_error(error) {}

    std::optional<FrameSpec> parse()
    {
        const qsizetype colon = m_text.indexOf(u':');
        const QStringView kind = QStringView(m_text).first(colon < 0 ? m_text.size() : colon);
        FrameSpec spec;
        if (kind == u"raw" || kind == u"line" || kind == u"line+cr" || kind == u"crlf") {
            spec.kind = kind == u"raw" ? FrameSpec::Kind::Raw
                      : kind == u"crlf" ? FrameSpec::Kind::Crlf
                                        : FrameSpec::Kind::Line;
            spec.keepCr = kind == u"line+cr";
            m_at = kind.size();
            return finish(spec);
        }
        if (kind != u"delim" && kind != u"fixed" && kind != u"len") {
            return fail(QStringLiteral("unknown framing \"%1\" at character 1 (raw, line, line+cr, crlf, "
                                       "delim:HEX, fixed:N, len:BYTES[be|le][+incl][@OFFSET])")
                                .arg(kind));
        }
        if (colon < 0) {
            return fail(QStringLiteral("%1 needs a value after ':' (character %2 of %3)")
                                .arg(kind.toString(), number(kind.size() + 1), quoted()));
        }
        m_at = colon + 1;
        if (kind == u"delim")
            return parseDelimiter(spec);
        if (kind == u"fixed")
            return parseFixed(spec);
        return parseLengthPrefix(spec);
    }

private:
    std::optional<FrameSpec> parseDelimiter(FrameSpec &spec)
    {
        const qsizetype start = m_at;
        if (m_at == m_text.size()) {
            return fail(QStringLiteral("a delimiter needs at least one byte, delim:HEX (character %1 of %2)")
                                .arg(number(m_at + 1), quoted()));
        }
        QByteArray bytes;
        for (; m_at < m_text.size(); ++m_at) {
            const int digit = hexValue(m_text.at(m_at));
            if (digit < 0) {
                return fail(QStringLiteral("invalid hex digit '%1' at character %2 of %3")
                                    .arg(QString(m_text.at(m_at)), number(m_at + 1), quoted()));
            }
            if ((m_at - start) % 2 == 0)
                bytes += char(digit << 4);
            else
                bytes[bytes.size() - 1] = char(bytes.back() | digit);
        }
        if ((m_at - start) % 2 != 0) {
            return fail(QStringLiteral("an odd number of hex digits in %1: the byte at character %2 "
                                       "lacks its second digit")
                                .arg(quoted(), number(m_at)));
        }
        spec.kind = FrameSpec::Kind::Delimiter;
        spec.delimiter = bytes;
        return spec;
    }

    std::optional<FrameSpec> parseFixed(FrameSpec &spec)
    {
        const qsizetype start = m_at;
        qint64 value = 0;
        if (!readNumber(&value)) {
            return fail(QStringLiteral("fixed needs a number of bytes at character %1 of %2")
                                .arg(number(m_at + 1), quoted()));
        }
        if (value < 1 || value > spec.maxFrameBytes) {
            return fail(QStringLiteral("a fixed frame is 1 to %1 bytes, not %2 (character %3)")
                                .arg(number(spec.maxFrameBytes), typedSince(start), number(start + 1)));
        }
        spec.kind = FrameSpec::Kind::Fixed;
        spec.fixedBytes = int(value);
        return finish(spec);
    }

    std::optional<FrameSpec> parseLengthPrefix(FrameSpec &spec)
    {
        qsizetype start = m_at;
        qint64 value = 0;
        if (!readNumber(&value)) {
            return fail(QStringLiteral("a length prefix needs its size, 1, 2, 4 or 8 bytes, at character %1 of %2")
                                .arg(number(m_at + 1), quoted()));
        }
        if (value != 1 && value != 2 && value != 4 && value != 8) {
            return fail(QStringLiteral("a length prefix is 1, 2, 4 or 8 bytes, not %1 (character %2)")
                                .arg(typedSince(start), number(start + 1)));
        }
        spec.kind = FrameSpec::Kind::LengthPrefix;
        spec.prefixBytes = int(value);
        if (skip(u"le"))
            spec.bigEndian = false;
        else
            skip(u"be");
        spec.lengthIncludesHeader = skip(u"+incl");
        if (skip(u"@")) {
            start = m_at;
            if (!readNumber(&value)) {
                return fail(QStringLiteral("expected the number of header bytes after '@' at character %1 of %2")
                                    .arg(number(m_at + 1), quoted()));
            }
            if (value > FrameSpec::maxLengthOffset) {
                return fail(QStringLiteral("a header offset is 0 to %1 bytes, not %2 (character %3)")
                                    .arg(number(FrameSpec::maxLengthOffset), typedSince(start), number(start + 1)));
            }
            spec.lengthOffset = int(value);
        }
        return finish(spec);
    }

    std::optional<FrameSpec> finish(const FrameSpec &spec)
    {
        if (m_at == m_text.size())
            return spec;
        return fail(QStringLiteral("unexpected \"%1\" at character %2 of %3")
                            .arg(m_text.sliced(m_at), number(m_at + 1), quoted()));
    }

    /// Decimal digits at m_at; the value saturates far above any limit.
    bool readNumber(qint64 *value)
    {
        const qsizetype start = m_at;
        *value = 0;
        for (; m_at < m_text.size() && m_text.at(m_at).isDigit() && m_text.at(m_at).unicode() < 128; ++m_at)
            *value = std::min<qint64>(*value * 10 + m_text.at(m_at).digitValue(), qint64(1) << 40);
        return m_at > start;
    }

    bool skip(QStringView word)
    {
        if (!QStringView(m_text).sliced(m_at).startsWith(word))
            return false;
        m_at += word.size();
        return true;
    }

    static int hexValue(QChar c)
    {
        const char16_t u = c.unicode();
        if (u >= u'0' && u <= u'9')
            return u - u'0';
        if (u >= u'a' && u <= u'f')
            return u - u'a' + 10;
        if (u >= u'A' && u <= u'F')
            return u - u'A' + 10;
        return -1;
    }

    static QString number(qint64 value) { return QString::number(value); }
    QString typedSince(qsizetype start) const { return m_text.sliced(start, m_at - start); }
    QString quoted() const { return u'"' + m_text + u'"'; }

    std::nullopt_t fail(const QString &sentence)
    {
        if (m_error)
            *m_error = sentence;
        return std::nullopt;
    }

    const QString &m_text;
    QString *const m_error;
    qsizetype m_at = 0;
};

/// What parse() guarantees; makeFramer() relies on it (an empty delimiter or
/// a zero fixed size would never advance).
} // namespace

bool FrameSpec::isValid() const
{
    const FrameSpec &spec = *this;
    switch (spec.kind) {
    case FrameSpec::Kind::Raw:
        return true;
    case FrameSpec::Kind::Line:
    case FrameSpec::Kind::Crlf:
        return spec.maxFrameBytes >= 2;
    case FrameSpec::Kind::Delimiter:
        return !spec.delimiter.isEmpty() && spec.maxFrameBytes >= spec.delimiter.size();
    case FrameSpec::Kind::Fixed:
        return spec.fixedBytes >= 1 && spec.fixedBytes <= spec.maxFrameBytes;
    case FrameSpec::Kind::LengthPrefix:
        return (spec.prefixBytes == 1 || spec.prefixBytes == 2 || spec.prefixBytes == 4 || spec.prefixBytes == 8)
                && spec.lengthOffset >= 0 && spec.lengthOffset <= FrameSpec::maxLengthOffset
                && spec.maxFrameBytes >= spec.lengthOffset + spec.prefixBytes;
    }
    return false;
}



std::optional<FrameSpec> FrameSpec::parse(const QString &text, QString *error)
{
    return FrameSpecParser(text, error).parse();
}

QString FrameSpec::toString() const
{
    switch (kind) {
    case Kind::Raw:
        return QStringLiteral("raw");
    case Kind::Line:
        return keepCr ? QStringLiteral("line+cr") : QStringLiteral("line");
    case Kind::Crlf:
        return QStringLiteral("crlf");
    case Kind::Delimiter:
        return QStringLiteral("delim:") + QString::fromLatin1(delimiter.toHex());
    case Kind::Fixed:
        return QStringLiteral("fixed:") + QString::number(fixedBytes);
    case Kind::LengthPrefix:
        return QStringLiteral("len:") + QString::number(prefixBytes) + (bigEndian ? u"" : u"le")
                + (lengthIncludesHeader ? u"+incl" : u"")
                + (lengthOffset > 0 ? u'@' + QString::number(lengthOffset) : QString());
    }
    return {};
}

QString FrameSpec::describe() const
{
    switch (kind) {
    case Kind::Raw:
        return QStringLiteral("raw chunks, as each read returned them");
    case Kind::Line:
        return keepCr ? QStringLiteral("lines (LF, CR kept)") : QStringLiteral("lines (LF, CR stripped)");
    case Kind::Crlf:
        return QStringLiteral("lines (CRLF)");
    case Kind::Delimiter:
        return QStringLiteral("frames ending in ") + QString::fromLatin1(delimiter.toHex(' '));
    case Kind::Fixed:
        return QStringLiteral("%1-byte frames").arg(fixedBytes);
    case Kind::LengthPrefix: {
        QString text = QString::number(prefixBytes) + u"-byte "
                + (prefixBytes == 1 ? u"" : bigEndian ? u"big-endian " : u"little-endian ") + u"length prefix";
        if (lengthIncludesHeader)
            text += u", counting the whole frame";
        if (lengthOffset > 0)
            text += lengthOffset == 1 ? QStringLiteral(", after 1 header byte")
                                      : QStringLiteral(", after %1 header bytes").arg(lengthOffset);
        return text;
    }
    }
    return {};
}

} // namespace SockPlay
