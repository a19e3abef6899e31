#pragma once

#include "eventlog.h"
#include "rules.h"
#include "simlink.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace SockPlay::Cli {

/// The arguments of one subcommand: its own QCommandLineParser carrying the
/// options every subcommand shares (--hex, --json, -v, --help), plus checks
/// that turn text into typed values or a one-line reason for the user.
///
/// Usage errors do not stop at the first getter: each getter records the
/// first problem and returns a harmless default, so a command reads all its
/// values in one go and then asks hasError().
class CliOptions
{
public:
    enum class Outcome : quint8 { Run, ShowHelp, UsageError };
    /// What a port names: something to listen on (0 = the OS picks one) or a peer.
    enum class PortUse : quint8 { Listen, Peer };

    CliOptions(const QString &command, const QString &description);

    QString command() const { return m_command; }

    void addOption(const QCommandLineOption &option);
    /// Command lines shown under the description in --help, each with what it does.
    void addExamples(const QList<QPair<QString, QString>> &examples);
    /// Positionals are required unless optional; optional ones come last.
    void addPositional(const QString &name, const QString &description, bool optional = false);

    /// Parses the arguments after the subcommand's name.
    Outcome parse(const QStringList &arguments);
    /// "Usage: sockplay-cli tcp-listen [options] PORT" and the option list.
    QString helpText() const;

    // Read once by parse(): asked on every chunk received (the parser looks
    // an option up by comparing its names, with a list copied per call).
    bool hex() const { return m_hexSet; }
    bool json() const { return m_jsonSet; }
    bool verbose() const { return m_verboseSet; }
    bool isSet(const QString &name) const { return m_parser.isSet(name); }
    QString value(const QString &name) const { return m_parser.value(name); }
    QStringList values(const QString &name) const { return m_parser.values(name); }
    /// The positional argument at index, or an empty string when absent.
    QString positional(int index) const;
    bool hasPositional(int index) const { return index < m_parser.positionalArguments().size(); }

    quint16 port(const QString &text, PortUse use);
    /// --bind's value (or the default text) as an address to bind.
    QHostAddress bindAddress(const QString &text);
    /// A whole number of at least 1 given to the named option.
    int positiveNumber(const QString &optionName);
    /// The named option's network interface ("lo"), checked against this
    /// machine's; empty when the option is not given.
    QString interfaceName(const QString &optionName);

    /// What --repeat N and --interval MS ask for.
    struct Repeat
    {
        quint64 count = 0;     ///< 0: until interrupted
        int intervalMs = 1000; ///< at least 1
    };
    /// Declares --repeat and --interval (tcp-connect, udp-send).
    void addRepeatOptions();
    /// Reads them: std::nullopt without --repeat. Usage errors: --repeat
    /// without a MESSAGE, --interval without --repeat or below 1, not a number.
    std::optional<Repeat> repeat(bool messageGiven);
    /// MESSAGE as typed: text with escapes and {{macros}} (expanded at each
    /// send), or hex with --hex. A mistake is a usage error, counted from 1.
    std::optional<ReplyTemplate> message(const QString &text);
    /// Declares the optional MESSAGE positional of a command that otherwise
    /// sends stdin; then says what follows it (", then end your side …").
    void addMessagePositional(const QString &then = {});
    /// Declares --linger MS: after the end of input, how long to wait until
    /// nothing arrived for that long, then (what the command does then:
    /// "close", "exit"); more is a sentence added to the help.
    void addLingerOption(const QString &then, const QString &more = {});
    /// --linger's milliseconds: DefaultLingerMs unless given (a bad value is a usage error).
    int lingerMs();
    static constexpr int DefaultLingerMs = 500;

    /// Declares --sim-loss, --sim-dup, --sim-delay, --sim-seed and --sim-on
    /// (udp-send, udp-listen); --sim-on defaults to defaultDirection. Other
    /// commands refuse them with a sentence saying why.
    void addSimLinkOptions(SimLinkSpec::Direction defaultDirection);
    /// Reads them: an inactive spec when none is given. A bad value is a
    /// usage error naming the option; seed 0 (or none) picks a random seed
    /// here, so that it can be printed and typed back.
    SimLinkSpec simLink();

    /// Reads --log-capacity, --log-payload-bytes and --log-event-bytes.
    void readLogOptions();
    std::optional<qint64> logCapacity() const { return m_logCapacity; }
    std::optional<qint64> logPayloadBytes() const { return m_logPayloadBytes; }
    std::optional<qint64> logEventBytes() const { return m_logEventBytes; }
    /// The log those three ask for: the window's (1,000,000 events by
    /// default), unless the user asked for another size.
    EventLog::Limits logLimits() const;

    /// Records a usage error (the first one wins).
    void fail(const QString &reason);
    bool hasError() const { return !m_error.isEmpty(); }
    QString error() const { return m_error; }

private:
    struct Positional
    {
        QString name;
        bool optional = false;
    };

    QString m_command;
    QString m_description;
    QCommandLineParser m_parser;
    QList<Positional> m_positionals;
    QCommandLineOption m_help{{QStringLiteral("h"), QStringLiteral("help")},
                              QStringLiteral("Show this help and exit.")};
    QCommandLineOption m_hex{QStringLiteral("hex"),
                             QStringLiteral("Input lines are hex (\"48 69\", \"0x48 0x69\", \"4869\"); "
                                            "received bytes are printed as hex, one line per chunk.")};
    QCommandLineOption m_json{QStringLiteral("json"),
                              QStringLiteral("Print every event as one JSON line on stdout "
                                             "(and nothing else on stdout).")};
    QCommandLineOption m_verbose{{QStringLiteral("v"), QStringLiteral("verbose")},
                                 QStringLiteral("Describe every event on stderr "
                                                "(connections, senders, sizes).")};
    bool m_hexSet = false;
    bool m_jsonSet = false;
    bool m_verboseSet = false;
    QCommandLineOption m_logCapacity_{QStringLiteral("log-capacity"),
                                      QStringLiteral("Keep at most N events in the log (default 1000000)."),
                                      QStringLiteral("N")};
    QCommandLineOption m_logPayloadBytes_{QStringLiteral("log-payload-bytes"),
                                          QStringLiteral("Payload memory of the log in bytes (default 134217728); "
                                                         "past it the oldest events lose their bytes."),
                                          QStringLiteral("N")};
    QCommandLineOption m_logEventBytes_{QStringLiteral("log-event-bytes"),
                                        QStringLiteral("Payload bytes the log keeps per event (default 16384)."),
                                        QStringLiteral("N")};
    QCommandLineOption m_repeat_{QStringLiteral("repeat"),
                                 QStringLiteral("Send MESSAGE N times (0: until Ctrl-C); each send expands its "
                                                "macros again, {{counter}} counting 1, 2, 3, ..."),
                                 QStringLiteral("N")};
    QCommandLineOption m_interval_{QStringLiteral("interval"),
                                   QStringLiteral("Milliseconds between the sends of --repeat, at least 1 "
                                                  "(default 1000); kept on schedule, without drift."),
                                   QStringLiteral("MS")};
    bool m_repeatDeclared = false;
    bool m_simLinkDeclared = false;
    SimLinkSpec::Direction m_simDefaultDirection = SimLinkSpec::Direction::Send;
    /// A --sim-loss or --sim-dup percentage, or a usage error naming it.
    double percentOption(const QString &name);
    std::optional<qint64> m_logCapacity;
    std::optional<qint64> m_logPayloadBytes;
    std::optional<qint64> m_logEventBytes;
    /// A whole number in [minimum, maximum] given to the option, or a usage error.
    std::optional<qint64> numberOption(const QCommandLineOption &option, qint64 minimum, qint64 maximum);
    QString m_error;
};

} // namespace SockPlay::Cli
