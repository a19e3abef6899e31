#pragma once

#include "event.h"

#include <QByteArray>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace SockPlay {

/// Which events of the log a view shows or a search finds: a value type,
/// compiled once (the regex, the hex bytes) and then asked per event.
///
/// Every criterion left at its default matches everything; the criteria set
/// must all hold. The query looks at an event's payload and its detail text.
class LogFilter final
{
public:
    enum class Direction : quint8 { Any, In, Out };
    enum class QueryMode : quint8 {
        Text,  ///< a substring, ignoring ASCII case, of the payload or the detail
        Regex, ///< a Perl-style regular expression over the payload (as UTF-8) or the detail
        Hex,   ///< hex bytes ("de ad be ef", "0x0d0a") found in the payload
    };

    /// An empty list: every side. Otherwise the endpoint names to keep ("server", "client").
    QStringList sides;
    int endpointId = 0;    ///< 0: every endpoint
    int connectionId = -1; ///< -1: every connection; 0: the endpoint's own events
    Direction direction = Direction::Any;
    /// Bit (1 << kind) per EventKind to keep; 0: every kind.
    quint32 kinds = 0;
    QueryMode queryMode = QueryMode::Text;
    QString query; ///< empty: no query

    /// The bit of a kind in kinds.
    static constexpr quint32 kindBit(EventKind kind) { return quint32(1) << quint32(kind); }

    /// Prepares the query (compiles the regex, parses the hex). Returns false,
    /// with errorString() saying where and why, when the query is not valid;
    /// an invalid filter matches nothing.
    bool compile();
    bool isValid() const { return m_valid; }
    QString errorString() const { return m_error; }
    /// Whether nothing but the query is set (the side, kind, ... criteria are all defaults).
    bool hasCriteria() const;
    bool hasQuery() const { return !query.isEmpty(); }

    /// Whether the event passes. Call compile() first; Dropped rows never match.
    bool matches(const Event &event) const;

private:
    bool matchesQuery(const Event &event) const;

    bool m_compiled = false;
    bool m_valid = true;
    QString m_error;
    QRegularExpression m_regex;
    QByteArray m_bytes; // Text: the query as UTF-8; Hex: the parsed bytes
};

} // namespace SockPlay
