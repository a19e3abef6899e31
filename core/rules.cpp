#include "rules.h"

#include "connection.h"
#include "payloadcodec.h"

#include <QPointer>
#include <QTimer>

namespace SockPlay {

// ReplyTemplate, declared in replytemplate.h, is in replytemplate.cpp.

// --------------------------------------------------------------------- Rule

QString ruleMatchName(Rule::Match match)
{
    switch (match) {
    case Rule::Match::Any: return QStringLiteral("any");
    case Rule::Match::Connect: return QStringLiteral("connect");
    case Rule::Match::Exact: return QStringLiteral("exact");
    case Rule::Match::Contains: return QStringLiteral("contains");
    case Rule::Match::Prefix: return QStringLiteral("prefix");
    case Rule::Match::Regex: return QStringLiteral("regex");
    case Rule::Match::HexPrefix: return QStringLiteral("hex");
    }
    return {};
}

QString ruleReplyName(Rule::Reply reply)
{
    switch (reply) {
    case Rule::Reply::Text: return QStringLiteral("text");
    case Rule::Reply::Hex: return QStringLiteral("hex");
    case Rule::Reply::Echo: return QStringLiteral("echo");
    case Rule::Reply::Close: return QStringLiteral("close");
    case Rule::Reply::Nothing: return QStringLiteral("none");
    }
    return {};
}

namespace {

/// What is wrong with one field of a rule, and where in that field (-1: the field as a whole).
struct Problem
{
    QString why;
    qsizetype at = -1;
};

Problem codecProblem(const ParseResult &parsed)
{
    return Problem{parsed.reason(), parsed.errorPosition};
}

std::optional<Problem> checkPattern(const Rule &rule)
{
    switch (rule.match) {
    case Rule::Match::Any:
    case Rule::Match::Connect:
        return std::nullopt;
    case Rule::Match::Exact:
    case Rule::Match::Contains:
    case Rule::Match::Prefix: {
        const ParseResult parsed = PayloadCodec::parseText(rule.pattern);
        if (!parsed.ok)
            return codecProblem(parsed);
        if (parsed.bytes.isEmpty() && rule.match != Rule::Match::Exact)
            return Problem{QStringLiteral("%1 needs some text to look for").arg(ruleMatchName(rule.match))};
        return std::nullopt;
    }
    case Rule::Match::Regex: {
        const QRegularExpression re(rule.pattern);
        if (!re.isValid())
            return Problem{re.errorString(), re.patternErrorOffset()};
        return std::nullopt;
    }
    case Rule::Match::HexPrefix: {
        const ParseResult parsed = PayloadCodec::parseHex(rule.pattern);
        if (!parsed.ok)
            return codecProblem(parsed);
        if (parsed.bytes.isEmpty())
            return Problem{QStringLiteral("hex needs some bytes to look for")};
        return std::nullopt;
    }
    }
    return std::nullopt;
}

std::optional<Problem> checkReply(const Rule &rule)
{
    switch (rule.reply) {
    case Rule::Reply::Text: {
        QString why;
        const std::optional<ReplyTemplate> parsed = ReplyTemplate::parse(rule.replyText, &why);
        if (!parsed) {
            // "invalid reply at character N: why"
            static const QRegularExpression position(QStringLiteral("^[^:]* at character (\\d+): "));
            const QRegularExpressionMatch found = position.match(why);
            if (found.hasMatch())
                return Problem{why.mid(found.capturedEnd(0)), found.captured(1).toInt() - 1};
            return Problem{why};
        }
        const int highest = parsed->highestCapture();
        if (highest > 0 && rule.match != Rule::Match::Regex)
            return Problem{QStringLiteral("\\%1 needs a regex match: only regex: rules capture").arg(highest),
                           rule.replyText.indexOf(QStringLiteral("\\%1").arg(highest))};
        if (highest > 0) {
            const int groups = QRegularExpression(rule.pattern).captureCount();
            if (highest > groups)
                return Problem{QStringLiteral("\\%1 but the regex has %2 group%3")
                                   .arg(highest)
                                   .arg(groups)
                                   .arg(groups == 1 ? QString() : QStringLiteral("s")),
                               rule.replyText.indexOf(QStringLiteral("\\%1").arg(highest))};
        }
        return std::nullopt;
    }
    case Rule::Reply::Hex: {
        const ParseResult parsed = PayloadCodec::parseHex(rule.replyText);
        if (!parsed.ok)
            return codecProblem(parsed);
        return std::nullopt;
    }
    case Rule::Reply::Echo:
        if (rule.match == Rule::Match::Connect)
            return Problem{QStringLiteral("on connect there is nothing to echo yet")};
        return std::nullopt;
    case Rule::Reply::Close:
    case Rule::Reply::Nothing:
        return std::nullopt;
    }
    return std::nullopt;
}

QString describe(const QString &field, const Problem &problem)
{
    if (problem.at < 0)
        return QStringLiteral("invalid %1: %2").arg(field, problem.why);
    return QStringLiteral("invalid %1 at character %2: %3").arg(field).arg(problem.at + 1).arg(problem.why);
}

} // namespace

bool Rule::validate(QString *error) const
{
    if (const std::optional<Problem> problem = checkPattern(*this)) {
        if (error)
            *error = describe(QStringLiteral("match"), *problem);
        return false;
    }
    if (const std::optional<Problem> problem = checkReply(*this)) {
        if (error)
            *error = describe(QStringLiteral("reply"), *problem);
        return false;
    }
    if (delayMs < 0) {
        if (error)
            *error = QStringLiteral("a delay cannot be negative");
        return false;
    }
    return true;
}

std::optional<Rule> Rule::parse(const QString &text, QString *error)
{
    const auto fail = [&](qsizetype at, const QString &why) {
        if (error)
            *error = QStringLiteral("invalid rule \"%1\" at character %2: %3").arg(text).arg(at + 1).arg(why);
        return std::nullopt;
    };
    const qsizetype arrow = text.indexOf(QStringLiteral("=>"));
    if (arrow < 0)
        return fail(text.size(), QStringLiteral("expected MATCH=>REPLY, as in 'regex:^PING (\\d+)$=>PONG \\1\\n'"));

    Rule rule;
    const QString match = text.left(arrow);
    const qsizetype colon = match.indexOf(u':');
    const QString kind = colon < 0 ? match : match.left(colon);
    const QString argument = colon < 0 ? QString() : match.mid(colon + 1);
    const qsizetype argumentAt = colon + 1;
    if (kind == QLatin1String("any") && colon < 0) {
        rule.match = Match::Any;
    } else if (kind == QLatin1String("connect") && colon < 0) {
        rule.match = Match::Connect;
    } else if (colon >= 0 && kind == QLatin1String("exact")) {
        rule.match = Match::Exact;
    } else if (colon >= 0 && kind == QLatin1String("contains")) {
        rule.match = Match::Contains;
    } else if (colon >= 0 && kind == QLatin1String("prefix")) {
        rule.match = Match::Prefix;
    } else if (colon >= 0 && kind == QLatin1String("regex")) {
        rule.match = Match::Regex;
    } else if (colon >= 0 && kind == QLatin1String("hex")) {
        rule.match = Match::HexPrefix;
    } else {
        return fail(0, QStringLiteral("unknown match \"%1\" (any, connect, exact:TEXT, contains:TEXT, "
                                      "prefix:TEXT, regex:RE, hex:HEX)")
                           .arg(match));
    }
    rule.pattern = argument;

    // The reply, then ;options from the end: "PONG\n;close;delay:100".
    QString reply = text.mid(arrow + 2);
    for (;;) {
        const qsizetype semicolon = reply.lastIndexOf(u';');
        if (semicolon < 0)
            break;
        const QString option = reply.mid(semicolon + 1);
        if (option == QLatin1String("close")) {
            rule.closeAfter = true;
        } else if (option == QLatin1String("continue")) {
            rule.stop = false;
        } else if (option.startsWith(QLatin1String("delay:"))) {
            bool ok = false;
            const int ms = option.mid(6).toInt(&ok);
            if (!ok || ms < 0 || ms > 3'600'000)
                return fail(arrow + 2 + semicolon + 7, QStringLiteral("delay:MS needs milliseconds from 0 to 3600000"));
            rule.delayMs = ms;
        } else {
            break; // part of the reply text
        }
        reply.truncate(semicolon);
    }
    if (reply == QLatin1String("echo")) {
        rule.reply = Reply::Echo;
    } else if (reply == QLatin1String("close")) {
        rule.reply = Reply::Close;
    } else if (reply == QLatin1String("none")) {
        rule.reply = Reply::Nothing;
    } else if (reply.startsWith(QLatin1String("hex:"))) {
        rule.reply = Reply::Hex;
        rule.replyText = reply.mid(4);
    } else {
        rule.reply = Reply::Text;
        rule.replyText = reply;
    }

    if (const std::optional<Problem> problem = checkPattern(rule))
        return fail(problem->at < 0 ? argumentAt : argumentAt + problem->at, problem->why);
    if (const std::optional<Problem> problem = checkReply(rule)) {
        const qsizetype replyAt = arrow + 2 + (rule.reply == Reply::Hex ? 4 : 0);
        return fail(problem->at < 0 ? replyAt : replyAt + problem->at, problem->why);
    }
    return rule;
}

QString Rule::toString() const
{
    QString text = ruleMatchName(match);
    if (match != Match::Any && match != Match::Connect)
        text += u':' + pattern;
    text += QStringLiteral("=>");
    switch (reply) {
    case Reply::Text: text += replyText; break;
    case Reply::Hex: text += QStringLiteral("hex:") + replyText; break;
    case Reply::Echo:
    case Reply::Close:
    case Reply::Nothing: text += ruleReplyName(reply); break;
    }
    if (closeAfter)
        text += QStringLiteral(";close");
    if (delayMs > 0)
        text += QStringLiteral(";delay:%1").arg(delayMs);
    if (!stop)
        text += QStringLiteral(";continue");
    return text;
}

// ------------------------------------------------------------ RuleResponder

struct RuleResponder::Compiled
{
    Rule rule;
    QByteArray bytes; // exact, contains, prefix, hex: what to look for
    QRegularExpression regex;
    ReplyTemplate reply;
    quint64 fired = 0; // for {{counter}}
};

RuleResponder::RuleResponder(const QList<Rule> &rules)
{
    for (const Rule &rule : rules) {
        if (!rule.enabled || !rule.validate(nullptr))
            continue;
        auto compiled = std::make_unique<Compiled>();
        compiled->rule = rule;
        switch (rule.match) {
        case Rule::Match::Exact:
        case Rule::Match::Contains:
        case Rule::Match::Prefix:
            compiled->bytes = PayloadCodec::parseText(rule.pattern).bytes;
            break;
        case Rule::Match::HexPrefix:
            compiled->bytes = PayloadCodec::parseHex(rule.pattern).bytes;
            break;
        case Rule::Match::Regex:
            compiled->regex.setPattern(rule.pattern);
            compiled->regex.optimize();
            break;
        case Rule::Match::Any:
        case Rule::Match::Connect:
            break;
        }
        if (rule.reply == Rule::Reply::Text)
            compiled->reply = *ReplyTemplate::parse(rule.replyText, nullptr);
        else if (rule.reply == Rule::Reply::Hex)
            compiled->reply = ReplyTemplate::literal(PayloadCodec::parseHex(rule.replyText).bytes);
        m_rules.push_back(std::move(compiled));
    }
}

RuleResponder::~RuleResponder() = default;

void RuleResponder::connectionOpened(Connection &connection)
{
    for (const std::unique_ptr<Compiled> &rule : m_rules) {
        if (rule->rule.match != Rule::Match::Connect)
            continue;
        fire(*rule, connection, {}, {});
        if (rule->rule.stop)
            break;
    }
}

void RuleResponder::messageReceived(Connection &connection, const QByteArray &message)
{
    const QByteArray payload = connection.payloadOf(message);
    for (const std::unique_ptr<Compiled> &rule : m_rules) {
        QList<QByteArray> captures;
        bool matched = false;
        switch (rule->rule.match) {
        case Rule::Match::Connect:
            continue;
        case Rule::Match::Any:
            matched = true;
            break;
        case Rule::Match::Exact:
            matched = payload == rule->bytes;
            break;
        case Rule::Match::Contains:
            matched = payload.contains(rule->bytes);
            break;
        case Rule::Match::Prefix:
        case Rule::Match::HexPrefix:
            matched = payload.startsWith(rule->bytes);
            break;
        case Rule::Match::Regex: {
            const QRegularExpressionMatch found = rule->regex.match(QString::fromUtf8(payload));
            matched = found.hasMatch();
            if (matched) {
                const QStringList texts = found.capturedTexts();
                captures.reserve(texts.size());
                for (const QString &captured : texts)
                    captures.append(captured.toUtf8());
            }
            break;
        }
        }
        if (!matched)
            continue;
        fire(*rule, connection, message, captures);
        if (rule->rule.stop)
            break;
    }
}

void RuleResponder::fire(Compiled &rule, Connection &connection, const QByteArray &message,
                         const QList<QByteArray> &captures)
{
    std::optional<QByteArray> bytes;
    switch (rule.rule.reply) {
    case Rule::Reply::Text:
    case Rule::Reply::Hex: {
        QString error;
        bytes = rule.reply.expand(captures, ++rule.fired, &error);
        if (!bytes) {
            connection.reportAutomaticError(error);
            return;
        }
        break;
    }
    case Rule::Reply::Echo:
        bytes = message;
        break;
    case Rule::Reply::Close:
    case Rule::Reply::Nothing:
        break;
    }
    const bool close = rule.rule.closeAfter || rule.rule.reply == Rule::Reply::Close;
    const auto act = [bytes, close](Connection &target) {
        if (bytes && !bytes->isEmpty())
            target.send(*bytes, Connection::Origin::Automatic);
        if (close)
            target.close();
    };
    if (rule.rule.delayMs <= 0) {
        act(connection);
        return;
    }
    // The connection is the timer's context: gone, nothing fires.
    QPointer<Connection> target(&connection);
    QTimer::singleShot(rule.rule.delayMs, &connection, [target, act] {
        if (target && target->isOpen())
            act(*target);
    });
}

} // namespace SockPlay
