#include "clioptions.h"

#include "address.h"
#include "multicast.h"
#include "payloadcodec.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace SockPlay::Cli {

CliOptions::CliOptions(const QString &command, const QString &description)
    : m_command(command)
    , m_description(description)
{
    m_parser.setApplicationDescription(description);
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsCompactedShortOptions);
    m_parser.addOption(m_help);
    m_parser.addOption(m_hex);
    m_parser.addOption(m_json);
    m_parser.addOption(m_verbose);
    m_parser.addOption(m_logCapacity_);
    m_parser.addOption(m_logPayloadBytes_);
    m_parser.addOption(m_logEventBytes_);
}

std::optional<qint64> CliOptions::numberOption(const QCommandLineOption &option, qint64 minimum, qint64 maximum)
{
    const QString name = option.names().constFirst();
    if (!m_parser.isSet(name))
        return std::nullopt;
    const QString text = m_parser.value(name);
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < minimum || value > maximum) {
        fail(QStringLiteral("invalid value '%1' for --%2: expected a whole number from %3 to %4")
                 .arg(text, name).arg(minimum).arg(maximum));
        return std::nullopt;
    }
    return value;
}

void CliOptions::readLogOptions()
{
    m_logCapacity = numberOption(m_logCapacity_, 1, 100000000);
    m_logPayloadBytes = numberOption(m_logPayloadBytes_, 0, qint64(1) << 40);
    m_logEventBytes = numberOption(m_logEventBytes_, 0, 1 << 30);
}

void CliOptions::addRepeatOptions()
{
    m_parser.addOption(m_repeat_);
    m_parser.addOption(m_interval_);
    m_repeatDeclared = true;
}

std::optional<CliOptions::Repeat> CliOptions::repeat(bool messageGiven)
{
    if (!m_repeatDeclared)
        return std::nullopt;
    const std::optional<qint64> count = numberOption(m_repeat_, 0, 1'000'000'000);
    const std::optional<qint64> interval = numberOption(m_interval_, 1, 86'400'000);
    const bool repeatSet = m_parser.isSet(m_repeat_);
    if (!repeatSet && m_parser.isSet(m_interval_))
        fail(QStringLiteral("--interval is the time between the sends of --repeat: give --repeat N too"));
    if (repeatSet && !messageGiven)
        fail(QStringLiteral("--repeat needs a MESSAGE argument to repeat (stdin is read once)"));
    if (!count)
        return std::nullopt;
    Repeat repeat;
    repeat.count = quint64(*count);
    if (interval)
        repeat.intervalMs = int(*interval);
    return repeat;
}

void CliOptions::addSimLinkOptions(SimLinkSpec::Direction defaultDirection)
{
    m_simLinkDeclared = true;
    m_simDefaultDirection = defaultDirection;
    const QString simulated = QStringLiteral("Simulated link (not a real network): ");
    m_parser.addOption({QStringLiteral("sim-loss"),
                        simulated + QStringLiteral("drop P percent of the datagrams (0-100), each logged as "
                                                   "\"dropped by the simulated link\"."),
                        QStringLiteral("P")});
    m_parser.addOption({QStringLiteral("sim-dup"),
                        simulated + QStringLiteral("deliver P percent of the datagrams twice (0-100)."),
                        QStringLiteral("P")});
    m_parser.addOption({QStringLiteral("sim-delay"),
                        simulated + QStringLiteral("hold each datagram MS milliseconds, plus or minus up to JITTER "
                                                   "(so datagrams arrive out of order): 20, 20±15 or 20+-15."),
                        QStringLiteral("MS[±JITTER]")});
    m_parser.addOption({QStringLiteral("sim-seed"),
                        simulated + QStringLiteral("the random seed (0-4294967295): the same seed, the same drops, "
                                                   "duplicates and delays. 0 or none: a random one, printed."),
                        QStringLiteral("N")});
    m_parser.addOption({QStringLiteral("sim-on"),
                        simulated + QStringLiteral("apply it to the datagrams this command sends or receives "
                                                   "(default: %1).")
                                        .arg(SimLinkSpec::directionName(defaultDirection)),
                        QStringLiteral("send|receive")});
}

double CliOptions::percentOption(const QString &name)
{
    if (!m_parser.isSet(name))
        return 0;
    const QString text = m_parser.value(name);
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !(value >= 0 && value <= 100)) {
        fail(QStringLiteral("invalid value '%1' for --%2: expected a percentage from 0 to 100").arg(text, name));
        return 0;
    }
    return value;
}

SimLinkSpec CliOptions::simLink()
{
    SimLinkSpec spec;
    if (!m_simLinkDeclared)
        return spec;
    spec.direction = m_simDefaultDirection;
    spec.lossPercent = percentOption(QStringLiteral("sim-loss"));
    spec.duplicatePercent = percentOption(QStringLiteral("sim-dup"));
    if (m_parser.isSet(QStringLiteral("sim-delay"))) {
        const QString text = m_parser.value(QStringLiteral("sim-delay"));
        QString error;
        if (const std::optional<SimLinkSpec> delay = SimLinkSpec::parseDelay(text, &error)) {
            spec.delayMs = delay->delayMs;
            spec.jitterMs = delay->jitterMs;
        } else {
            fail(QStringLiteral("invalid value '%1' for --sim-delay: %2").arg(text, error));
        }
    }
    if (m_parser.isSet(QStringLiteral("sim-seed"))) {
        const QString text = m_parser.value(QStringLiteral("sim-seed"));
        bool ok = false;
        const qulonglong seed = text.toULongLong(&ok);
        if (!ok || seed > 4294967295ULL)
            fail(QStringLiteral("invalid value '%1' for --sim-seed: expected a whole number from 0 to 4294967295")
                     .arg(text));
        else
            spec.seed = quint32(seed);
    }
    if (m_parser.isSet(QStringLiteral("sim-on"))) {
        const QString text = m_parser.value(QStringLiteral("sim-on"));
        if (const std::optional<SimLinkSpec::Direction> direction = SimLinkSpec::parseDirection(text))
            spec.direction = *direction;
        else
            fail(QStringLiteral("invalid value '%1' for --sim-on: expected send or receive").arg(text));
    }
    const bool tuned = m_parser.isSet(QStringLiteral("sim-seed")) || m_parser.isSet(QStringLiteral("sim-on"));
    if (tuned && !spec.isActive() && !hasError())
        fail(QStringLiteral("--sim-seed and --sim-on set up the simulated link: give --sim-loss, --sim-dup or "
                            "--sim-delay too"));
    while (spec.isActive() && spec.seed == 0) // as the core picks one: never 0, fits an int
        spec.seed = QRandomGenerator::global()->generate() & 0x7fffffffU;
    return spec;
}

std::optional<ReplyTemplate> CliOptions::message(const QString &text)
{
    if (hex()) {
        const ParseResult parsed = PayloadCodec::parseHex(text);
        if (!parsed.ok) {
            fail(QStringLiteral("MESSAGE: ") + parsed.error);
            return std::nullopt;
        }
        return ReplyTemplate::literal(parsed.bytes);
    }
    QString error;
    std::optional<ReplyTemplate> parsed = ReplyTemplate::parse(text, &error);
    if (!parsed) {
        // The core words it for a rule's reply; here it is the message.
        error.replace(QStringLiteral("invalid reply"), QStringLiteral("invalid message"));
        error.replace(QStringLiteral("in the reply"), QStringLiteral("in the message"));
        fail(QStringLiteral("MESSAGE: ") + error);
        return std::nullopt;
    }
    if (parsed->highestCapture() > 0) {
        fail(QStringLiteral("MESSAGE: \\%1 stands for a group of a --reply regex, and a message has none "
                            "(write \\\\%1 for a backslash and a digit)")
                 .arg(parsed->highestCapture()));
        return std::nullopt;
    }
    return parsed;
}

EventLog::Limits CliOptions::logLimits() const
{
    EventLog::Limits limits;
    if (m_logCapacity)
        limits.capacity = int(*m_logCapacity);
    if (m_logPayloadBytes)
        limits.payloadBytesTotal = *m_logPayloadBytes;
    if (m_logEventBytes)
        limits.payloadBytesPerEvent = int(*m_logEventBytes);
    return limits;
}

void CliOptions::addOption(const QCommandLineOption &option)
{
    m_parser.addOption(option);
}

void CliOptions::addExamples(const QList<QPair<QString, QString>> &examples)
{
    QString text = m_description + QStringLiteral("\n\nExamples:");
    for (const auto &[commandLine, meaning] : examples)
        text += QStringLiteral("\n  sockplay-cli %1 %2\n      %3").arg(m_command, commandLine, meaning);
    m_parser.setApplicationDescription(text);
}

void CliOptions::addPositional(const QString &name, const QString &description, bool optional)
{
    m_parser.addPositionalArgument(name, description,
                                   optional ? QLatin1Char('[') + name + QLatin1Char(']') : name);
    m_positionals.append({name, optional});
}

CliOptions::Outcome CliOptions::parse(const QStringList &arguments)
{
    if (!m_simLinkDeclared) {
        // Said before the parser's "unknown option": the user asked for something that makes no sense here.
        for (const QString &argument : arguments) {
            if (argument == QLatin1String("--"))
                break;
            if (argument.startsWith(QLatin1String("--sim-"))) {
                fail(QStringLiteral("%1: the simulated link is for UDP only (udp-send, udp-listen) and UDP relays (relay --udp); TCP resends "
                                    "what a network loses, so its program never sees a gap")
                         .arg(argument.section(QLatin1Char('='), 0, 0)));
                return Outcome::UsageError;
            }
        }
    }
    // QCommandLineParser skips the first element, the program's name.
    if (!m_parser.parse(QStringList{m_command} + arguments)) {
        // QCommandLineParser reads "-1" as option "1"; say what the user meant.
        static const QRegularExpression negativeNumber(QStringLiteral("^-[0-9]+$"));
        for (const QString &argument : arguments) {
            if (negativeNumber.match(argument).hasMatch()) {
                fail(QStringLiteral("invalid number '%1': ports, counts and times are never negative")
                         .arg(argument));
                return Outcome::UsageError;
            }
        }
        // "Unknown option 'x'." reads as "unknown option 'x'" after our prefix.
        QString reason = m_parser.errorText();
        if (reason.endsWith(QLatin1Char('.')))
            reason.chop(1);
        if (!reason.isEmpty())
            reason[0] = reason.at(0).toLower();
        fail(reason);
        return Outcome::UsageError;
    }
    m_hexSet = m_parser.isSet(m_hex);
    m_jsonSet = m_parser.isSet(m_json);
    m_verboseSet = m_parser.isSet(m_verbose);
    if (m_parser.isSet(m_help))
        return Outcome::ShowHelp;

    const QStringList given = m_parser.positionalArguments();
    for (qsizetype i = given.size(); i < m_positionals.size(); ++i) {
        if (!m_positionals.at(i).optional) {
            fail(QStringLiteral("missing %1").arg(m_positionals.at(i).name));
            return Outcome::UsageError;
        }
    }
    if (given.size() > m_positionals.size()) {
        fail(QStringLiteral("unexpected argument '%1'").arg(given.at(m_positionals.size())));
        return Outcome::UsageError;
    }
    return Outcome::Run;
}

QString CliOptions::helpText() const
{
    // Qt writes the usage line as "Usage: <argv[0]> [options] ..."; a
    // subcommand's usage names the subcommand too.
    QString text = m_parser.helpText();
    const QString usagePrefix = QStringLiteral("Usage: ") + QCoreApplication::arguments().value(0);
    if (text.startsWith(usagePrefix)) {
        text.replace(0, usagePrefix.size(),
                     QStringLiteral("Usage: ") + QCoreApplication::applicationName()
                         + QLatin1Char(' ') + m_command);
    }
    return text;
}

QString CliOptions::positional(int index) const
{
    return m_parser.positionalArguments().value(index);
}

quint16 CliOptions::port(const QString &text, PortUse use)
{
    const uint lowest = use == PortUse::Listen ? 0 : 1;
    bool ok = false;
    const uint value = text.toUInt(&ok);
    if (!ok || value < lowest || value > 65535) {
        fail(QStringLiteral("invalid port '%1': expected a number from %2 to 65535%3")
                 .arg(text)
                 .arg(lowest)
                 .arg(use == PortUse::Listen ? QStringLiteral(" (0 lets the system pick a free one)")
                                             : QString()));
        return 0;
    }
    return quint16(value);
}

QHostAddress CliOptions::bindAddress(const QString &text)
{
    const QHostAddress address = parseBindAddress(text);
    if (address.isNull()) {
        fail(QStringLiteral("invalid bind address '%1': expected an IP address such as "
                            "127.0.0.1, ::1, 0.0.0.0 (all IPv4) or :: (all)")
                 .arg(text));
    }
    return address;
}

void CliOptions::addMessagePositional(const QString &then)
{
    addPositional(QStringLiteral("MESSAGE"),
                  QStringLiteral("Send this instead of stdin%1: text with \\n and \\r escapes and {{counter}} {{time}} "
                                 "{{random:N}} {{hex:...}} {{file:PATH}} macros (hex with --hex).")
                      .arg(then),
                  true);
}

void CliOptions::addLingerOption(const QString &then, const QString &more)
{
    addOption({QStringLiteral("linger"),
               QStringLiteral("After the end of input, wait until nothing arrived for MS milliseconds, then %1 "
                              "(default %2).%3")
                   .arg(then)
                   .arg(DefaultLingerMs)
                   .arg(more.isEmpty() ? QString() : u' ' + more),
               QStringLiteral("MS")});
}

int CliOptions::lingerMs()
{
    return isSet(QStringLiteral("linger")) ? positiveNumber(QStringLiteral("linger")) : DefaultLingerMs;
}

int CliOptions::positiveNumber(const QString &optionName)
{
    const QString text = m_parser.value(optionName);
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < 1) {
        fail(QStringLiteral("invalid value '%1' for --%2: expected a whole number of at least 1")
                 .arg(text, optionName));
        return 1;
    }
    return value;
}

QString CliOptions::interfaceName(const QString &optionName)
{
    if (!m_parser.isSet(optionName))
        return {};
    const QString name = m_parser.value(optionName).trimmed();
    QString error;
    if (name.isEmpty())
        fail(QStringLiteral("--%1: the interface's name is empty (\"lo\", \"eth0\", ...)").arg(optionName));
    else if (!Multicast::findInterface(name, &error).isValid())
        fail(QStringLiteral("--%1: %2").arg(optionName, error));
    return name;
}

void CliOptions::fail(const QString &reason)
{
    if (m_error.isEmpty())
        m_error = reason;
}

} // namespace SockPlay::Cli
