#pragma once
// Automatic replies: rules (match → reply) and the reply templates they send.
// The CLI's --reply and the window's rule table make the same Rule values; a
// RuleResponder runs them on every connection of an endpoint.

#include "responder.h"

#include <QByteArray>
#include <QList>
#include <QRegularExpression>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>

namespace SockPlay {

/// What a reply is made of, parsed once: text with C-style escapes (\n \r \t
/// \\ \0 \xHH), regex captures \1 … \9, and macros expanded at send time:
///   {{counter}}    how many times this reply was sent, from 1
///   {{time}}       the local time, ISO 8601 with milliseconds
///   {{random:N}}   N random bytes (1 … 65536)
///   {{hex:…}}      bytes given as hex
///   {{file:PATH}}  the bytes of a file (read when sent, at most 16 MiB)
class ReplyTemplate
{
public:
    /// Positions in *error count characters from 1.
    static std::optional<ReplyTemplate> parse(const QString &text, QString *error);
    /// The same, for a template that is not a reply (what: "payload"): the
    /// message names it, and *errorPosition gets the 0-based index of the mistake.
    static std::optional<ReplyTemplate> parse(const QString &text, QString *error, int *errorPosition,
                                              const QString &what);
    /// The template followed by fixed bytes (a line ending).
    ReplyTemplate followedBy(const QByteArray &bytes) const;
    /// Fixed bytes (a reply given as hex).
    static ReplyTemplate literal(const QByteArray &bytes);

    /// The highest capture it uses (0: none).
    int highestCapture() const { return m_highestCapture; }
    /// The bytes to send; captures[0] is the whole match, [1] the first group.
    /// A macro that fails ({{file:…}} unreadable) gives std::nullopt and says why.
    std::optional<QByteArray> expand(const QList<QByteArray> &captures, quint64 counter, QString *error) const;

private:
    struct Part
    {
        enum class Kind : quint8 { Bytes, Capture, Counter, Time, Random, File };
        Kind kind = Kind::Bytes;
        QByteArray bytes; // Bytes
        int number = 0;   // Capture: 1-9; Random: how many bytes
        QString path;     // File
    };
    QList<Part> m_parts;
    int m_highestCapture = 0;
};

/// One automatic reply: when a message matches (or a connection opens), send
/// something, close, or both — after a delay if asked.
struct Rule
{
    enum class Match : quint8 { Any, Connect, Exact, Contains, Prefix, Regex, HexPrefix };
    enum class Reply : quint8 { Text, Hex, Echo, Close, Nothing };

    bool enabled = true;
    Match match = Match::Any;
    /// As typed: text with escapes (exact, contains, prefix), a regular
    /// expression, or hex (hex prefix). Unused for any and connect.
    QString pattern;
    Reply reply = Reply::Text;
    /// Text: a template (see ReplyTemplate); Hex: hex digits.
    QString replyText;
    bool closeAfter = false; ///< close the connection once the reply is out
    int delayMs = 0;         ///< 0: at once
    bool stop = true;        ///< stop at this rule when it matches; false: later rules are tried too

    /// The CLI's form, MATCH=>REPLY[;OPTION]…:
    ///   MATCH   any | connect | exact:TEXT | contains:TEXT | prefix:TEXT | regex:RE | hex:HEX
    ///   REPLY   TEXT (escapes, \1…\9, {{macros}}) | hex:HEX | echo | close | none
    ///   OPTION  close | delay:MS | continue
    /// The first "=>" separates MATCH from REPLY. Positions in *error count from 1.
    static std::optional<Rule> parse(const QString &text, QString *error);
    /// The CLI's form again (parse(toString()) gives an equal rule).
    QString toString() const;
    /// Checks the pattern and the reply; the message says what is wrong, counted from 1.
    bool validate(QString *error) const;

    bool operator==(const Rule &) const = default;
};

QString ruleMatchName(Rule::Match match);
QString ruleReplyName(Rule::Reply reply);

/// Runs rules, in order, on every message of every connection of an endpoint
/// (and on each connection's opening, for connect rules), for as long as the
/// connection lives. Rules that do not validate are skipped (the UI and the
/// CLI refuse them before they get here).
class RuleResponder final : public Responder
{
public:
    explicit RuleResponder(const QList<Rule> &rules);
    ~RuleResponder() override;

    void connectionOpened(Connection &connection) override;
    void messageReceived(Connection &connection, const QByteArray &message) override;

private:
    struct Compiled;
    void fire(Compiled &rule, Connection &connection, const QByteArray &message, const QList<QByteArray> &captures);
    std::vector<std::unique_ptr<Compiled>> m_rules;
};

} // namespace SockPlay
