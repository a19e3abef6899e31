#pragma once
// Automatic replies: rules (match → reply) and the reply templates they send
// (ReplyTemplate, in replytemplate.h, included here for every existing user).
// The CLI's --reply and the window's rule table make the same Rule values; a
// RuleResponder runs them on every connection of an endpoint.

#include "replytemplate.h"
#include "responder.h"

#include <QByteArray>
#include <QList>
#include <QRegularExpression>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>

namespace SockPlay {

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
