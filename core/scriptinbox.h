#pragma once

#include "script.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QString>

#include <optional>

namespace SockPlay {

/// What arrived on one endpoint of a running script and no expect has
/// consumed yet: whole messages (framed TCP, UDP datagrams), or with raw
/// framing the stream's bytes. An expect takes from it; a ScriptRunner keeps
/// one per endpoint, filled from the moment the endpoint starts.
///
/// Bounded, whatever a peer sends: past MaxMessages messages or MaxBytes
/// bytes the oldest are dropped and counted, and a failing expect says so.
class ScriptInbox final
{
public:
    static constexpr int MaxMessages = 1000;
    static constexpr qint64 MaxBytes = 1 << 20;
    /// Messages a failure quotes ("got "a", "b", "c" and 7 more").
    static constexpr int Quoted = 3;

    /// What an expect looks for, with its variables substituted.
    struct Pattern
    {
        ScriptStep::Match match = ScriptStep::Match::Text;
        QByteArray bytes;        ///< text (UTF-8) and hex
        QRegularExpression regex; ///< regex
        QStringList captures;    ///< names for the regex's groups 1, 2, …

        /// From an expect step's pattern (already substituted): nullopt and
        /// *error for a regex or hex that does not parse.
        static std::optional<Pattern> make(ScriptStep::Match match, const QString &pattern,
                                           const QStringList &captures, QString *error);
    };

    /// stream: raw framing (bytes are searched as they come); otherwise each
    /// add() is one message.
    explicit ScriptInbox(bool stream = false);

    void add(const QByteArray &bytes);
    bool isStream() const { return m_stream; }

    /// The variables a match sets: the capture names and the regex's named groups.
    using Captures = QHash<QString, QString>;
    /// The first message that matches, consumed with every message before it
    /// (those are passed over and remembered for describeMisses()); in a
    /// stream, consumed up to the end of the match. nullopt when none
    /// matches yet: what was passed over stays passed over.
    std::optional<Captures> take(const Pattern &pattern);
    /// The message take() matched last, shortened for a report.
    QString lastMatch() const { return m_lastMatch; }

    /// For a failing expect, with when it gave up ("within 1000 ms"):
    /// `got "PONX 1" (no match within 1000 ms)` (what was passed over, or the
    /// stream so far) or `nothing arrived within 1000 ms`, and how many older
    /// messages or bytes the bound dropped.
    QString describeMisses(const QString &when) const;
    /// Starts a new expect: forgets what the last one passed over.
    void forgetMisses();

    /// Bytes as a report shows them: escaped text, or hex if not UTF-8; shortened.
    static QString render(const QByteArray &bytes);

private:
    void dropOldest();

    bool m_stream = false;
    QList<QByteArray> m_messages; // or one element: the stream
    qint64 m_bytes = 0;
    qint64 m_droppedMessages = 0;
    qint64 m_droppedBytes = 0;
    QList<QByteArray> m_passed; // the first Quoted passed over
    qint64 m_passedCount = 0;
    QString m_lastMatch;
};

} // namespace SockPlay
