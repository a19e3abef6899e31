#include "runcommand.h"

#include "address.h"
#include "capturefile.h"
#include "console.h"
#include "junitreport.h"
#include "script.h"
#include "scriptrunner.h"
#include "session.h"
#include "sessionfile.h"
#include "signalwatcher.h"

#include <QAbstractEventDispatcher>
#include <QFileInfo>
#include <QTimer>

namespace SockPlay::Cli {

RunCommand::RunCommand(const QString &name, const QString &summary, QObject *parent)
    : CliCommand(parent)
    , m_options(name, summary
                    + QStringLiteral("\n\nOne line per step (PASS, FAIL with what went wrong, SKIP after a failure), "
                                     "then the totals. Exit codes: 0 every step passed, 1 a step failed, 2 bad "
                                     "arguments or a file that cannot be read or written, 130 stopped by "
                                     "Ctrl-C (128 + the signal)."))
{
}

RunCommand::~RunCommand() = default;

CliOptions::Outcome RunCommand::parse(const QStringList &arguments)
{
    m_options.addExamples({
        {QStringLiteral("examples/ping.json --set port=7000"),
         QStringLiteral("connect to 127.0.0.1:7000, send PING 1, expect PONG 1 within 1 s")},
        {QStringLiteral("examples/welcome.json --set port=12345 --junit report.xml"),
         QStringLiteral("check the tutorial server's welcome; write a JUnit report for CI")},
        {QStringLiteral("-v --capture run.pcapng check.json"),
         QStringLiteral("describe every event on stderr, and keep them for Wireshark")},
    });
    m_options.addOption({QStringLiteral("set"),
                         QStringLiteral("Give ${NAME} this VALUE, over the script's \"variables\" (repeat for more). "
                                        "Example: --set host=::1 --set port=7000"),
                         QStringLiteral("NAME=VALUE")});
    m_options.addOption({QStringLiteral("junit"),
                         QStringLiteral("Also write the report as JUnit XML to FILE (one testcase per step), "
                                        "for CI systems."),
                         QStringLiteral("FILE")});
    EventOutput::addOptions(m_options);
    m_options.addPositional(QStringLiteral("FILE"),
                            QStringLiteral("A script (\"format\": \"sockplay-script\"), or a session file "
                                           "(\"sockplay-session\", saved by the window): its endpoints start, "
                                           "then its script runs; without a script they serve until Ctrl-C."));
    const CliOptions::Outcome outcome = m_options.parse(arguments);
    if (outcome != CliOptions::Outcome::Run)
        return outcome;
    m_options.readLogOptions();
    for (const QString &assignment : m_options.values(QStringLiteral("set"))) {
        const qsizetype equals = assignment.indexOf(u'=');
        const QString name = assignment.left(equals);
        if (equals < 0 || !Script::isVariableName(name)) {
            m_options.fail(QStringLiteral("--set '%1': expected NAME=VALUE, the NAME made of letters, digits, "
                                          "'_', '-' and '.'")
                               .arg(assignment));
            break;
        }
        m_variables.append({name, assignment.mid(equals + 1)});
    }
    if (!m_options.hasError()) {
        if (const Result opened = m_output.open(m_options, this); !opened)
            m_options.fail(opened.error);
        else if (m_output.capture())
            connect(m_output.capture(), &CaptureFile::failedWriting, this,
                    [](const QString &reason) { Console::writeErr(QStringLiteral("sockplay-cli: --capture: ") + reason); });
    }
    return m_options.hasError() ? CliOptions::Outcome::UsageError : CliOptions::Outcome::Run;
}

void RunCommand::run()
{
    // What this command prints goes out whenever its loop is about to wait.
    connect(QAbstractEventDispatcher::instance(), &QAbstractEventDispatcher::aboutToBlock, this,
            [] { Console::flush(); });
    auto *signalWatcher = new SignalWatcher(this);
    connect(signalWatcher, &SignalWatcher::signalReceived, this, [this](int signalNumber) {
        if (m_signal == 0)
            m_signal = signalNumber;
        if (m_runner && m_runner->isRunning())
            m_runner->stop(); // the running step fails, the rest are skipped; the report still comes
        else if (m_session && !m_sessionScript)
            end(ExitDone); // a session file's endpoints served until stopped: that is their end
        else
            end(128 + signalNumber);
    });

    const QString path = m_options.positional(0);
    QString error;
    const std::optional<QJsonObject> file = Script::readJsonFile(path, &error);
    if (!file) {
        end(ExitUsage, error);
        return;
    }
    if (file->value(QLatin1String("format")).toString() == QLatin1String("sockplay-session")) {
        runSessionFile(path);
        return;
    }
    std::optional<Script> script = Script::readFile(path, &error);
    if (!script) {
        end(ExitUsage, error);
        return;
    }
    if (script->name.isEmpty())
        script->name = QFileInfo(path).completeBaseName();
    runScript(*script);
}

void RunCommand::makeSession()
{
    // On this (the network) thread, as the window's session is on its own.
    m_session = std::make_unique<Session>(m_options.logLimits());
    if (m_output.wantsEvents())
        connect(m_session->log(), &EventLog::eventAppended, this, [this](const Event &event) { m_output.write(event); });
}

void RunCommand::runSessionFile(const QString &path)
{
    QString error;
    std::optional<SessionDocument> document = SessionFile::readFile(path, &error);
    if (!document) {
        end(ExitUsage, error);
        return;
    }
    if (document->script && document->script->name.isEmpty())
        document->script->name = QFileInfo(path).completeBaseName();
    m_sessionScript = document->script;
    makeSession();
    connect(m_session.get(), &Session::endpointChanged, this, &RunCommand::endpointChanged);
    for (const EndpointConfig &config : std::as_const(document->endpoints)) {
        const int id = m_session->addEndpoint(config);
        m_starting.insert(id, config.displayName());
        m_session->start(id, config);
    }
    if (document->endpoints.isEmpty() && !m_sessionScript)
        end(ExitUsage, QStringLiteral("%1: the session has no endpoint and no script: nothing to run").arg(path));
    else if (document->endpoints.isEmpty())
        runScript(*m_sessionScript);
}

void RunCommand::endpointChanged(const SockPlay::EndpointSnapshot &snapshot)
{
    if (!m_starting.contains(snapshot.id) || m_ended)
        return;
    const QString name = m_starting.value(snapshot.id);
    if (snapshot.isActive()) {
        m_starting.remove(snapshot.id);
        const QString where = snapshot.capabilities.hasTarget && !snapshot.peerText.isEmpty()
                                  ? QStringLiteral("connected to %1 from %2").arg(snapshot.peerText, snapshot.localText)
                                  : QStringLiteral("%1 on %2").arg(snapshot.capabilities.listens ? QStringLiteral("listening")
                                                                                                 : QStringLiteral("bound"),
                                                                   snapshot.localText);
        Console::writeErr(QStringLiteral("%1: %2").arg(name, where));
        if (snapshot.capabilities.listens) {
            const QString exposed = networkReachableNote(snapshot.localAddress, snapshot.capabilities.datagram);
            if (!exposed.isEmpty())
                Console::writeErr(QStringLiteral("sockplay-cli: warning: %1: %2").arg(name, exposed));
        }
    } else if (snapshot.state == EndpointState::Idle && !snapshot.errorString.isEmpty()) {
        end(ExitNetworkError, QStringLiteral("%1 could not start: %2").arg(name, snapshot.errorString));
        return;
    }
    if (!m_starting.isEmpty() || m_runner)
        return;
    if (m_sessionScript)
        runScript(*m_sessionScript);
    else
        Console::writeErr(QStringLiteral("every endpoint started; Ctrl-C stops them"));
}

void RunCommand::runScript(const Script &script)
{
    if (!m_session)
        makeSession();
    m_runner = std::make_unique<ScriptRunner>(m_session.get());
    const QList<int> ids = m_session->endpointIds();
    for (int id : ids)
        m_runner->adoptEndpoint(m_session->snapshot(id).name, id);
    for (const auto &[name, value] : std::as_const(m_variables))
        m_runner->setVariable(name, value);
    connect(m_runner.get(), &ScriptRunner::stepFinished, this, &RunCommand::stepFinished);
    connect(m_runner.get(), &ScriptRunner::finished, this, &RunCommand::runFinished);
    m_runner->start(script);
}

void RunCommand::stepFinished(int index, const SockPlay::StepResult &result)
{
    QString line = QStringLiteral("%1 %2 %3")
                       .arg(stepStatusName(result.status))
                       .arg(index + 1)
                       .arg(m_runner->report().steps.value(index).summary());
    const bool say = result.status == StepResult::Status::Failed || m_options.verbose();
    if (say && !result.message.isEmpty())
        line += QStringLiteral(" — ") + result.message;
    print(line);
}

void RunCommand::runFinished(const SockPlay::ScriptReport &report)
{
    print(QStringLiteral("%1 passed, %2 failed, %3 skipped in %4 s")
              .arg(report.count(StepResult::Status::Passed))
              .arg(report.count(StepResult::Status::Failed))
              .arg(report.count(StepResult::Status::Skipped))
              .arg(QString::number(double(report.elapsedMs) / 1000.0, 'f', 2)));
    m_output.finish(m_session->log());
    if (m_options.isSet(QStringLiteral("junit"))) {
        if (const Result written = JUnitReport::writeFile(m_options.value(QStringLiteral("junit")), report); !written) {
            end(ExitUsage, written.error);
            return;
        }
    }
    end(m_signal != 0 ? 128 + m_signal : report.passed() ? ExitDone : ExitNetworkError);
}

void RunCommand::print(const QString &line)
{
    if (m_options.json())
        Console::writeErr(line);
    else
        Console::writeOut(line.toUtf8() + '\n');
}

void RunCommand::end(int exitCode, const QString &reason)
{
    if (std::exchange(m_ended, true))
        return;
    if (!reason.isEmpty())
        Console::writeErr(QStringLiteral("sockplay-cli: ") + reason);
    // From the event loop, never from inside the runner's signals.
    QTimer::singleShot(0, this, [this, exitCode] { emit finished(exitCode); });
}

} // namespace SockPlay::Cli
