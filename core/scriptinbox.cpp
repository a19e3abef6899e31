#include "scriptinbox.h"

#include "payloadcodec.h"

#include <QStringDecoder>

namespace SockPlay {

namespace {

/// Where the pattern's first match in data ends (-1: none), and its captures.
qsizetype findMatch(const ScriptInbox::Pattern &pattern, const QByteArray &data, ScriptInbox::Captures *captures)
{
    if (pattern.match != ScriptStep::Match::Regex) {
        const qsizetype at = data.indexOf(pattern.bytes);
        return at < 0 ? -1 : at + pattern.bytes.size();
    }
    const QString text = QString::fromUtf8(data);
    const QRegularExpressionMatch match = pattern.regex.match(text);
    if (!match.hasMatch())
        return -1;
    for (qsizetype i = 0; i < pattern.captures.size(); ++i)
        captures->insert(pattern.captures.at(i), match.captured(int(i + 1)));
    for (const QString &name : pattern.regex.namedCaptureGroups()) {
        if (!name.isEmpty())
            captures->insert(name, match.captured(name));
    }
    // The match ends at a character; the stream is consumed in bytes.
    return QStringView(text).first(match.capturedEnd()).toUtf8().size();
}

} // namespace

std::optional<ScriptInbox::Pattern> ScriptInbox::Pattern::make(ScriptStep::Match match, const QString &text,
                                                                const QStringList &captures, QString *error)
{
    Pattern pattern;
    pattern.match = match;
    pattern.captures = captures;
    switch (match) {
    case ScriptStep::Match::Text: pattern.bytes = text.toUtf8(); break;
    case ScriptStep::Match::Hex: {
        const ParseResult parsed = PayloadCodec::parseHex(text);
        if (!parsed.ok || parsed.bytes.isEmpty()) {
            *error = parsed.ok ? QStringLiteral("no hex bytes to look for") : QStringLiteral("not valid hex: ") + parsed.error;
            return std::nullopt;
        }
        pattern.bytes = parsed.bytes;
        break;
    }
    case ScriptStep::Match::Regex:
        pattern.regex.setPattern(text);
        if (!pattern.regex.isValid()) {
            *error = QStringLiteral("not a valid regular expression: %1 at character %2")
                         .arg(pattern.regex.errorString())
                         .arg(pattern.regex.patternErrorOffset() + 1);
            return std::nullopt;
        }
        if (captures.size() > pattern.regex.captureCount()) {
            *error = QStringLiteral("%1 captures named, but the regex has %2 groups")
                         .arg(captures.size())
                         .arg(pattern.regex.captureCount());
            return std::nullopt;
        }
        break;
    }
    return pattern;
}

ScriptInbox::ScriptInbox(bool stream)
    : m_stream(stream)
{
}

void ScriptInbox::add(const QByteArray &bytes)
{
    if (m_stream) {
        if (m_messages.isEmpty())
            m_messages.append(QByteArray());
        QByteArray &stream = m_messages.first();
        stream += bytes;
        if (stream.size() > MaxBytes) {
            const qsizetype excess = stream.size() - MaxBytes;
            stream.remove(0, excess);
            m_droppedBytes += excess;
        }
        m_bytes = stream.size();
        return;
    }
    m_messages.append(bytes);
    m_bytes += bytes.size();
    // The newest message always stays, even one over MaxBytes on its own.
    while (m_messages.size() > MaxMessages || (m_bytes > MaxBytes && m_messages.size() > 1))
        dropOldest();
}

void ScriptInbox::dropOldest()
{
    m_bytes -= m_messages.takeFirst().size();
    ++m_droppedMessages;
}

std::optional<ScriptInbox::Captures> ScriptInbox::take(const Pattern &pattern)
{
    Captures captures;
    const auto matched = [&](const QByteArray &message) {
        m_lastMatch = render(message);
        // What the bound dropped before this match no longer matters.
        m_droppedMessages = 0;
        m_droppedBytes = 0;
        return captures;
    };
    if (m_stream) {
        if (m_messages.isEmpty() || m_messages.first().isEmpty())
            return std::nullopt;
        QByteArray &stream = m_messages.first();
        const qsizetype end = findMatch(pattern, stream, &captures);
        if (end < 0)
            return std::nullopt;
        const QByteArray consumed = stream.first(end);
        stream.remove(0, end);
        m_bytes = stream.size();
        return matched(consumed);
    }
    while (!m_messages.isEmpty()) {
        const QByteArray message = m_messages.takeFirst();
        m_bytes -= message.size();
        captures.clear();
        if (findMatch(pattern, message, &captures) >= 0)
            return matched(message);
        if (m_passed.size() < Quoted)
            m_passed.append(message);
        ++m_passedCount;
    }
    return std::nullopt;
}

void ScriptInbox::forgetMisses()
{
    m_passed.clear();
    m_passedCount = 0;
}

QString ScriptInbox::describeMisses(const QString &when) const
{
    QString text;
    if (m_stream) {
        if (!m_messages.isEmpty() && !m_messages.first().isEmpty())
            text = QStringLiteral("got ") + render(m_messages.first());
    } else if (m_passedCount > 0) {
        QStringList quoted;
        for (const QByteArray &message : m_passed)
            quoted.append(render(message));
        text = QStringLiteral("got ") + quoted.join(QStringLiteral(", "));
        if (m_passedCount > m_passed.size())
            text += QStringLiteral(" and %1 more").arg(m_passedCount - m_passed.size());
    }
    text = text.isEmpty() ? QStringLiteral("nothing arrived ") + when : text + QStringLiteral(" (no match %1)").arg(when);
    if (m_droppedMessages > 0)
        text += QStringLiteral("; %1 older messages were dropped (a script keeps the last %2)")
                    .arg(m_droppedMessages)
                    .arg(MaxMessages);
    if (m_droppedBytes > 0)
        text += QStringLiteral("; %1 older bytes were dropped (a script keeps the last %2)")
                    .arg(m_droppedBytes)
                    .arg(MaxBytes);
    return text;
}

QString ScriptInbox::render(const QByteArray &bytes)
{
    constexpr int ShownCharacters = 60;
    constexpr int ShownHexBytes = 24;
    const QByteArray head = bytes.first(qMin(bytes.size(), qsizetype(4 * ShownCharacters)));
    QStringDecoder utf8(QStringDecoder::Utf8);
    const QString decoded = utf8.decode(head);
    if (utf8.hasError()) {
        const bool more = bytes.size() > ShownHexBytes;
        return QStringLiteral("hex ") + PayloadCodec::renderHex(bytes.first(qMin(bytes.size(), qsizetype(ShownHexBytes))))
            + (more ? QStringLiteral(" …") : QString());
    }
    Q_UNUSED(decoded)
    const QString text = PayloadCodec::renderText(head);
    const bool more = text.size() > ShownCharacters || head.size() < bytes.size();
    return u'"' + text.left(ShownCharacters) + (more ? QStringLiteral("…\"") : QStringLiteral("\""));
}

} // namespace SockPlay
