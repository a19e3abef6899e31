#pragma once

#include "clioptions.h"
#include "endpoint.h"
#include "eventlog.h"

#include <QObject>
#include <QPointer>

namespace SockPlay::Cli {

class StdinReader;
class SignalWatcher;

/// What every subcommand shares: its argument parser, an EventLog that the
/// endpoint appends to, printing what arrives (raw, --hex or --json), the
/// -v lines, reading stdin, Ctrl-C, and the exit codes. A subcommand adds its
/// options, starts one core endpoint and decides when it is done.
class Command : public QObject
{
    Q_OBJECT
public:
    static constexpr int ExitDone = 0;
    static constexpr int ExitNetworkError = 1;
    static constexpr int ExitUsage = 2;

    Command(const QString &name, const QString &summary, QObject *parent = nullptr);
    ~Command() override;

    QString name() const { return m_options.command(); }

    /// Parses the arguments that follow the subcommand's name.
    CliOptions::Outcome parse(const QStringList &arguments);
    QString helpText() const { return m_options.helpText(); }
    QString usageError() const { return m_options.error(); }

    /// Starts; the command ends by emitting finished() from the event loop.
    void run();

signals:
    void finished(int exitCode);

protected:
    /// Declares the subcommand's options and positionals.
    virtual void declareArguments(CliOptions &options) = 0;
    /// Reads their values; problems go to options.fail() (exit code 2).
    virtual void readArguments(CliOptions &options) = 0;
    /// Starts the endpoint. A failure ends the command with exit code 1.
    virtual Result start() = 0;
    /// One line of stdin, as bytes (already parsed when --hex).
    virtual void sendInput(const QByteArray &bytes) { Q_UNUSED(bytes) }
    /// stdin ended.
    virtual void inputEnded() {}
    /// A stdin line that is not valid hex. By default: say so and skip it.
    virtual void invalidInput(const QString &reason);
    /// An endpoint error. By default the end, with exit code 1.
    virtual void endpointError(const QString &message);
    /// Every event of the log, after --json and -v printed it.
    virtual void eventAppended(const SockPlay::Event &event) { Q_UNUSED(event) }

    const CliOptions &options() const { return m_options; }
    EventLog *log() { return &m_log; }

    /// Prints what the endpoint receives, passes on its errors, stops it at the end.
    void watch(Endpoint *endpoint);
    /// Received bytes to stdout: raw, or one hex line with --hex; nothing with --json.
    void printReceived(const QByteArray &bytes);
    /// Read stdin (or pause) now; lines go to sendInput().
    void setInputEnabled(bool enabled);
    /// A status line on stderr, always ("listening on 127.0.0.1:5000").
    void note(const QString &line);
    /// "sockplay-cli: message" on stderr.
    void warn(const QString &message);
    /// Ends with this exit code, and the reason on stderr when there is one.
    /// The first call wins; the endpoint is stopped and finished() emitted
    /// from the event loop, never from inside an endpoint's signal.
    void finish(int exitCode, const QString &reason = {});
    bool isFinishing() const { return m_finishing; }

private:
    static EventLog::Limits logLimits();
    void onEvent(const SockPlay::Event &event);
    void onInputLine(const QByteArray &line);
    void updateInput();
    void applyBackpressure();

    /// stdin is paused while more than this waits to go out.
    static constexpr qint64 MaxQueuedInputBytes = 1 << 20;
    void complete();

    CliOptions m_options;
    EventLog m_log{logLimits()};
    QPointer<Endpoint> m_endpoint;
    StdinReader *m_stdin = nullptr;
    SignalWatcher *m_signals = nullptr;
    bool m_inputWanted = false;  // the subcommand wants stdin now
    bool m_inputBlocked = false; // paused by backpressure
    bool m_starting = false;
    bool m_finishing = false;
    int m_exitCode = ExitDone;
    char m_lastByteOut = '\n';
};

} // namespace SockPlay::Cli
