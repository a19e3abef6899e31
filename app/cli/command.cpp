#include "command.h"

#include "console.h"
#include "eventformat.h"
#include "payloadcodec.h"
#include "signalwatcher.h"
#include "stdinreader.h"

#include <QJsonDocument>
#include <QTimer>

namespace SockPlay::Cli {

Command::Command(const QString &name, const QString &summary, QObject *parent)
    : QObject(parent)
    , m_options(name, summary)
{
    connect(&m_log, &EventLog::eventAppended, this, &Command::onEvent, Qt::DirectConnection);
}

Command::~Command()
{
    // The endpoint logs its last events while it is destroyed: it must go
    // before the log, a member that dies before QObject deletes children.
    // The subcommand is already gone: its handlers must not hear of it.
    if (m_endpoint) {
        m_endpoint->disconnect(this);
        delete m_endpoint;
    }
}

EventLog::Limits Command::logLimits()
{
    // The CLI prints each event as it is appended and never reads the log
    // back: a small ring is enough, and piping a big file costs no memory.
    EventLog::Limits limits;
    limits.capacity = 1024;
    limits.payloadBytesTotal = 4 << 20;
    return limits;
}

CliOptions::Outcome Command::parse(const QStringList &arguments)
{
    declareArguments(m_options);
    const CliOptions::Outcome outcome = m_options.parse(arguments);
    if (outcome != CliOptions::Outcome::Run)
        return outcome;
    readArguments(m_options);
    return m_options.hasError() ? CliOptions::Outcome::UsageError : CliOptions::Outcome::Run;
}

void Command::run()
{
    m_signals = new SignalWatcher(this);
    connect(m_signals, &SignalWatcher::signalReceived, this, [this] { finish(ExitDone); });

    // A failure to start comes back as the Result; the same error is also
    // emitted by the endpoint meanwhile, and must not be printed twice.
    m_starting = true;
    const Result started = start();
    m_starting = false;
    if (!started)
        finish(ExitNetworkError, started.error);
}

void Command::watch(Endpoint *endpoint)
{
    m_endpoint = endpoint;
    connect(endpoint, &Endpoint::dataReceived, this,
            [this](int, const QByteArray &bytes) { printReceived(bytes); });
    connect(endpoint, &Endpoint::bytesWritten, this, [this] {
        if (m_inputBlocked)
            applyBackpressure();
    });
    connect(endpoint, &Endpoint::errorOccurred, this, [this](const QString &message) {
        if (!m_starting && !m_finishing)
            endpointError(message);
    });
}

void Command::printReceived(const QByteArray &bytes)
{
    if (m_finishing || options().json() || bytes.isEmpty())
        return;
    const QByteArray out = options().hex() ? PayloadCodec::renderHex(bytes).toUtf8() + '\n' : bytes;
    Console::writeOut(out);
    m_lastByteOut = out.back();
}

void Command::setInputEnabled(bool enabled)
{
    m_inputWanted = enabled;
    updateInput();
}

void Command::updateInput()
{
    if (!m_stdin) {
        if (!m_inputWanted)
            return;
        m_stdin = new StdinReader(this);
        connect(m_stdin, &StdinReader::lineRead, this, &Command::onInputLine);
        connect(m_stdin, &StdinReader::endOfInput, this, [this] {
            if (!m_finishing)
                inputEnded();
        });
    }
    m_stdin->setEnabled(m_inputWanted && !m_inputBlocked && !m_finishing);
}

void Command::onInputLine(const QByteArray &line)
{
    if (m_finishing)
        return;
    if (!options().hex()) {
        sendInput(line);
        applyBackpressure();
        return;
    }
    QByteArray text = line;
    while (text.endsWith('\n') || text.endsWith('\r'))
        text.chop(1);
    if (text.trimmed().isEmpty())
        return;
    const ParseResult parsed = PayloadCodec::parseHex(QString::fromUtf8(text));
    if (!parsed.ok) {
        invalidInput(parsed.error);
        return;
    }
    sendInput(parsed.bytes);
    applyBackpressure();
}

void Command::applyBackpressure()
{
    // stdin can be far faster than the peer (a file into a slow reader):
    // stop reading it while the socket's queue is over the bound, so memory
    // stays bounded whatever the input's size; bytesWritten resumes it.
    const bool blocked = m_endpoint && m_endpoint->pendingWriteBytes() > MaxQueuedInputBytes;
    if (blocked != m_inputBlocked) {
        m_inputBlocked = blocked;
        updateInput();
    }
}

void Command::invalidInput(const QString &reason)
{
    warn(reason + QStringLiteral("; line not sent"));
}

void Command::endpointError(const QString &message)
{
    finish(ExitNetworkError, message);
}

void Command::onEvent(const SockPlay::Event &event)
{
    if (options().json()) {
        Console::writeOut(QJsonDocument(EventFormat::toJson(event)).toJson(QJsonDocument::Compact)
                          + '\n');
    }
    if (options().verbose())
        Console::writeErr(QStringLiteral("* ") + EventFormat::toLine(event));
    eventAppended(event);
}

void Command::note(const QString &line)
{
    Console::writeErr(line);
}

void Command::warn(const QString &message)
{
    Console::writeErr(QStringLiteral("sockplay-cli: ") + message.simplified());
}

void Command::finish(int exitCode, const QString &reason)
{
    if (m_finishing)
        return;
    m_finishing = true;
    m_exitCode = exitCode;
    if (!reason.isEmpty())
        warn(reason);
    if (m_stdin)
        m_stdin->setEnabled(false);
    // Endpoints call us from inside their socket handlers: stop them later.
    QTimer::singleShot(0, this, &Command::complete);
}

void Command::complete()
{
    if (m_endpoint)
        m_endpoint->stop();
    // A person at a terminal gets the prompt back on a line of its own.
    if (m_lastByteOut != '\n' && Console::stdoutIsTerminal())
        Console::writeOut("\n");
    emit finished(m_exitCode);
}

} // namespace SockPlay::Cli
