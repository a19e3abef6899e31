#pragma once

#include "clicommand.h"
#include "clioptions.h"
#include "eventoutput.h"

#include "script.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPair>

#include <memory>

namespace SockPlay {
class ScriptRunner;
class Session;
struct EndpointSnapshot;
struct ScriptReport;
struct StepResult;
}

namespace SockPlay::Cli {

/// `run FILE [--set NAME=VALUE]… [--junit FILE]`: plays a script (or a
/// session file's endpoints and script) headless, prints one
/// line per step and a total, and exits 0 only when every step passed.
///
/// Exit codes: 0 every step passed; 1 a step failed; 2 bad arguments or a
/// file that cannot be read, is broken, or cannot be written (--junit);
/// 128 + the signal's number when a signal stopped the run (130 for Ctrl-C).
class RunCommand final : public CliCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunCommand)
public:
    RunCommand(const QString &name, const QString &summary, QObject *parent = nullptr);
    ~RunCommand() override;

    CliOptions::Outcome parse(const QStringList &arguments) override;
    QString helpText() const override { return m_options.helpText(); }
    QString usageError() const override { return m_options.error(); }
    void run() override;

private:
    /// The session and, when wanted, its events printed or captured.
    void makeSession();
    /// Runs a script; the session's endpoints so far are adopted by name.
    void runScript(const SockPlay::Script &script);
    /// A session file: starts every endpoint (in the file's order, so servers
    /// listed first listen before their clients connect), says on stderr what
    /// each became, then runs the file's script with the endpoints adopted by
    /// name — or, without a script, serves until a signal (exit 0). An
    /// endpoint that cannot start ends it with exit 1.
    void runSessionFile(const QString &path);
    void endpointChanged(const SockPlay::EndpointSnapshot &snapshot);
    void stepFinished(int index, const SockPlay::StepResult &result);
    void runFinished(const SockPlay::ScriptReport &report);
    /// A report line: stdout, or stderr with --json (stdout is the events').
    void print(const QString &line);
    /// Ends with this exit code, and the reason on stderr when there is one.
    void end(int exitCode, const QString &reason = {});

    CliOptions m_options;
    QList<QPair<QString, QString>> m_variables; // --set, in order
    EventOutput m_output;
    // The runner goes before the session it talks to.
    std::unique_ptr<Session> m_session;
    std::unique_ptr<ScriptRunner> m_runner;
    std::optional<Script> m_sessionScript; // a session file's, run once every endpoint started
    QHash<int, QString> m_starting;        // session file endpoints not active yet: id -> name
    int m_signal = 0; // the signal that stopped the run
    bool m_ended = false;
};

} // namespace SockPlay::Cli
