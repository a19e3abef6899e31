#pragma once

#include "clicommand.h"
#include "clioptions.h"
#include "eventoutput.h"

#include <QJsonObject>
#include <QList>
#include <QPair>

#include <memory>

namespace SockPlay {
class ScriptRunner;
class Session;
struct Script;
struct ScriptReport;
struct StepResult;
}

namespace SockPlay::Cli {

/// `run FILE [--set NAME=VALUE]… [--junit FILE]`: plays a script (or, once
/// they exist, a session file's endpoints and script) headless, prints one
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
    void runScript(const SockPlay::Script &script);
    /// SESSION FILES PLUG IN HERE. A file whose "format" is
    /// "sockplay-session" (core/sessionfile.*, not merged yet) comes here:
    /// start its endpoints in m_session, adopt each into the runner by name
    /// (ScriptRunner::adoptEndpoint), then run its "script" if it has one —
    /// or run until a signal if not. Until then: refused, exit 2.
    void runSessionFile(const QString &path, const QJsonObject &file);
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
    int m_signal = 0; // the signal that stopped the run
    bool m_ended = false;
};

} // namespace SockPlay::Cli
