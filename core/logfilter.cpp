#include "logfilter.h"

#include "payloadcodec.h"

#include <QByteArrayView>
#include <QCoreApplication>

#include <cstring>

namespace SockPlay {

namespace {

bool isOutgoingKind(EventKind kind)
{
    return kind == EventKind::Sent || kind == EventKind::DatagramSent || kind == EventKind::AutoReplied;
}

char asciiLower(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}

/// A substring search ignoring ASCII case, without copying either side: the
/// log holds a million payloads and a search must not allocate per event.
bool containsIgnoringAsciiCase(QByteArrayView haystack, QByteArrayView needle)
{
    if (needle.isEmpty())
        return true;
    if (haystack.size() < needle.size())
        return false;
    const char first = asciiLower(needle.front());
    const qsizetype last = haystack.size() - needle.size();
    for (qsizetype at = 0; at <= last; ++at) {
        if (asciiLower(haystack[at]) != first)
            continue;
        qsizetype i = 1;
        while (i < needle.size() && asciiLower(haystack[at + i]) == asciiLower(needle[i]))
            ++i;
        if (i == needle.size())
            return true;
    }
    return false;
}

} // namespace

bool LogFilter::compile()
{
    m_compiled = true;
    m_valid = true;
    m_error.clear();
    m_bytes.clear();
    m_regex = QRegularExpression();
    if (query.isEmpty())
        return true;
    switch (queryMode) {
    case QueryMode::Text:
        m_bytes = query.toUtf8();
        break;
    case QueryMode::Regex:
        m_regex = QRegularExpression(query, QRegularExpression::CaseInsensitiveOption);
        if (!m_regex.isValid()) {
            m_valid = false;
            m_error = QCoreApplication::translate("LogFilter", "invalid regex at character %1: %2")
                          .arg(m_regex.patternErrorOffset() + 1)
                          .arg(m_regex.errorString());
        }
        break;
    case QueryMode::Hex: {
        const ParseResult parsed = PayloadCodec::parseHex(query);
        if (!parsed.ok) {
            m_valid = false;
            m_error = parsed.error;
        } else if (parsed.bytes.isEmpty()) {
            m_valid = false;
            m_error = QCoreApplication::translate("LogFilter", "invalid hex: no bytes to look for");
        } else {
            m_bytes = parsed.bytes;
        }
        break;
    }
    }
    return m_valid;
}

bool LogFilter::hasCriteria() const
{
    return !sides.isEmpty() || endpointId != 0 || connectionId >= 0 || direction != Direction::Any
        || kinds != 0;
}

bool LogFilter::matches(const Event &event) const
{
    Q_ASSERT(m_compiled || query.isEmpty());
    if (!m_valid || event.kind == EventKind::Dropped)
        return false;
    if (kinds != 0 && !(kinds & kindBit(event.kind)))
        return false;
    if (endpointId != 0 && event.endpointId() != endpointId)
        return false;
    if (connectionId >= 0 && event.connectionId() != connectionId)
        return false;
    if (direction == Direction::In && !isIncomingKind(event.kind))
        return false;
    if (direction == Direction::Out && !isOutgoingKind(event.kind))
        return false;
    if (!sides.isEmpty() && !sides.contains(event.endpointName()))
        return false;
    return query.isEmpty() || matchesQuery(event);
}

bool LogFilter::matchesQuery(const Event &event) const
{
    switch (queryMode) {
    case QueryMode::Text:
        return containsIgnoringAsciiCase(event.payload, m_bytes)
            || event.detail.contains(query, Qt::CaseInsensitive);
    case QueryMode::Regex:
        return (!event.payload.isEmpty() && m_regex.match(QString::fromUtf8(event.payload)).hasMatch())
            || (!event.detail.isEmpty() && m_regex.match(event.detail).hasMatch());
    case QueryMode::Hex:
        return event.payload.contains(m_bytes);
    }
    return false;
}

} // namespace SockPlay
