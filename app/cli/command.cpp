#include "command.h"

#include "address.h"
#include "capturefile.h"
#include "console.h"
#include "payloadcodec.h"
#include "session.h"
#include "signalwatcher.h"
#include "stdinreader.h"

#include <QAbstractEventDispatcher>
#include <QTimer>

namespace SockPlay::Cli {

Command::Command(const QString &name, const QString &summary, QObject *parent)
    : CliCommand(parent)
    , m_options(name, summary)
{
}

Command::~Command()
{
    // The subcommand is already gone: its handlers must not hear the session's last signals.
    if (m_session)
        m_session->disconnect(this);
}

CliOptions::Outcome Command::parse(const QStringList &arguments)
{
    declareArguments(m_options);
    m_options.addOption({QStringLiteral("frame"),
                         QStringLiteral("Cut what arrives into messages, each printed on its own line (escaped "
                                        "text, or hex with --hex): raw (each read, the default), line, line+cr "
                                        "(keep the CR), crlf, delim:HEX, fixed:N, len:BYTES[be|le][+incl][@OFFSET] "
                                        "(a length prefix of 1, 2, 4 or 8 bytes; +incl: it counts the header too; "
                                        "@OFFSET: header bytes before it). Example: --frame len:2"),
                         QStringLiteral("SPEC")});
    m_options.addOption({QStringLiteral("reply"),
                         QStringLiteral("Answer on its own, on every message of every connection; repeat it for "
                                        "more rules, tried in order: MATCH=>REPLY[;close][;delay:MS][;continue]. "
                                        "MATCH: any, connect, exact:TEXT, contains:TEXT, prefix:TEXT, regex:RE, "
                                        "hex:HEX. REPLY: text with \\n escapes, \\1-\\9 (regex groups) and "
                                        "{{counter}} {{time}} {{random:N}} {{hex:...}} {{file:PATH}}; or hex:HEX, "
                                        "echo, close, none. Example: 'regex:^PING (\\d+)$=>PONG \\1\\n'"),
                         QStringLiteral("RULE")});
    EventOutput::addOptions(m_options);
    const CliOptions::Outcome outcome = m_options.parse(arguments);
    if (outcome != CliOptions::Outcome::Run)
        return outcome;
    m_options.readLogOptions();
    readArguments(m_options);
    readFrameAndRules();
    if (!m_options.hasError()) {
        if (const Result opened = m_output.open(m_options, this); !opened)
            m_options.fail(opened.error);
        else if (m_output.capture())
            connect(m_output.capture(), &CaptureFile::failedWriting, this,
                    [this](const QString &reason) { warn(QStringLiteral("--capture: ") + reason); });
    }
    return m_options.hasError() ? CliOptions::Outcome::UsageError : CliOptions::Outcome::Run;
}

void Command::readFrameAndRules()
{
    if (m_options.isSet(QStringLiteral("frame"))) {
        QString error;
        const std::optional<FrameSpec> frame = FrameSpec::parse(m_options.value(QStringLiteral("frame")), &error);
        if (!frame)
            m_options.fail(error);
        else
            m_frame = *frame;
    }
    const EndpointConfig config = endpointConfig();
    if (m_frame.kind != FrameSpec::Kind::Raw && (config.transport == Transport::Udp || config.isUdpRelay()))
        m_options.fail(QStringLiteral("--frame is for TCP: each UDP datagram is one message already"));
    if (m_frame.kind != FrameSpec::Kind::Raw && Session::capabilitiesOf(config).wholeMessages)
        m_options.fail(QStringLiteral("--frame is for TCP: each WebSocket message is one message already"));
    for (const QString &text : m_options.values(QStringLiteral("reply"))) {
        QString error;
        const std::optional<Rule> rule = Rule::parse(text, &error);
        if (!rule) {
            m_options.fail(error);
            break;
        }
        m_rules.append(*rule);
    }
}

void Command::run()
{
    // What this command prints goes out whenever its loop is about to wait.
    connect(QAbstractEventDispatcher::instance(), &QAbstractEventDispatcher::aboutToBlock, this,
            [] { Console::flush(); });
    m_signals = new SignalWatcher(this);
    connect(m_signals, &SignalWatcher::signalReceived, this, [this] { finish(ExitDone); });

    m_session = std::make_unique<Session>(m_options.logLimits());
    EndpointConfig config = endpointConfig();
    config.frame = m_frame;
    config.rules += m_rules;
    m_queuesWrites = !Session::capabilitiesOf(config).datagram;
    m_wholeMessages = Session::capabilitiesOf(config).wholeMessages;
    m_endpointId = m_session->addEndpoint(config);
    wireSession();
    m_session->start(m_endpointId, config);
}

void Command::wireSession()
{
    Session *s = m_session.get();
    // Only when someone reads them: the log skips building events otherwise.
    // Queued if the session runs on another thread, so every handler here
    // runs in this one, in the order the session emitted.
    if (m_output.wantsEvents() || wantsEvents())
        connect(s->log(), &EventLog::eventAppended, this, &Command::onEvent);
    connect(s, &Session::endpointChanged, this, [this](const EndpointSnapshot &snapshot) {
        if (snapshot.id != m_endpointId)
            return;
        pendingReported(snapshot.pendingWriteBytes);
        if (m_finishing) {
            // The stop went through: every event it logged came before this.
            if (m_stopRequested && !m_completing && snapshot.state != EndpointState::Active
                && snapshot.state != EndpointState::LookingUp && snapshot.state != EndpointState::Connecting) {
                m_completing = true;
                QTimer::singleShot(0, this, &Command::complete);
            }
            return;
        }
        if (snapshot.isActive() && !m_started) {
            m_started = true;
            started(snapshot);
            warnIfReachable(snapshot);
        } else if (snapshot.state == EndpointState::Idle && m_started) {
            m_started = false;
            stopped();
        } else if (snapshot.state == EndpointState::Idle && m_wasRunning) {
            // Gave up before it ever became active, without an error on the way.
            startFailed(snapshot.errorString);
        }
        m_wasRunning = snapshot.isRunning();
    });
    connect(s, &Session::errorOccurred, this, [this](int endpointId, const QString &message) {
        if (endpointId != m_endpointId || m_finishing)
            return;
        if (m_started)
            endpointError(message);
        else
            startFailed(message);
    });
    connect(s, &Session::connectionOpened, this, [this](int endpointId, const ConnectionInfo &connection) {
        if (endpointId != m_endpointId)
            return;
        m_openConnections.insert(connection.id);
        if (!m_finishing)
            connectionOpened(connection.id);
    });
    connect(s, &Session::connectionClosed, this, [this](int endpointId, int connectionId) {
        if (endpointId != m_endpointId)
            return;
        m_openConnections.remove(connectionId);
        if (!m_finishing)
            connectionClosed(connectionId);
    });
    connect(s, &Session::dataReceived, this,
            [this](int endpointId, int connectionId, const QByteArray &bytes) {
                if (endpointId != m_endpointId || m_finishing)
                    return;
                // Whole messages (WebSocket) are printed as messages, a line each.
                if (m_frame.kind == FrameSpec::Kind::Raw && !m_wholeMessages)
                    printReceived(connectionId, bytes);
                received(connectionId, bytes);
            });
    connect(s, &Session::messageReceived, this, [this](int endpointId, int connectionId, const QByteArray &payload) {
        if (endpointId == m_endpointId && !m_finishing)
            printMessage(connectionId, payload);
    });
    connect(s, &Session::clientTurnedAway, this, [this](int endpointId, const QString &peer, const QString &reason) {
        if (endpointId == m_endpointId && !m_finishing)
            clientTurnedAway(peer, reason);
    });
}

void Command::hearWrites(bool hear)
{
    // The session reports what it wrote once per pass of its loop that
    // wrote, to whoever listens: for an echo server, once per reply, each a
    // posted event (a quarter of its user-space time per 64-byte round trip,
    // measured with perf). This command needs the reports only while what it
    // sent itself may still wait to go out.
    if (hear == bool(m_writesHeard))
        return;
    if (hear) {
        m_writesHeard = connect(m_session.get(), &Session::bytesWritten, this,
                                [this](int endpointId, int, qint64, qint64 pending) {
                                    if (endpointId == m_endpointId)
                                        pendingReported(pending);
                                });
    } else {
        disconnect(m_writesHeard);
        m_writesHeard = {};
    }
}

void Command::printReceived(int connectionId, const QByteArray &bytes)
{
    if (options().json() || bytes.isEmpty())
        return;
    if (!printMarker(connectionId).isEmpty()) {
        printMessage(connectionId, bytes);
        return;
    }
    const QByteArray out = options().hex() ? PayloadCodec::renderHex(bytes).toUtf8() + '\n' : bytes;
    Console::writeOut(out);
    m_lastByteOut = out.back();
}

void Command::printMessage(int connectionId, const QByteArray &payload)
{
    if (options().json())
        return;
    const QString text = options().hex() ? PayloadCodec::renderHex(payload) : PayloadCodec::renderText(payload);
    Console::writeOut((printMarker(connectionId) + text).toUtf8() + '\n');
    m_lastByteOut = '\n';
}

void Command::send(int connectionId, const QByteArray &bytes)
{
    // Counted before the session takes them: in this thread the socket may
    // report them written from inside send(). To every connection: once each.
    if (m_queuesWrites) {
        const qsizetype copies = connectionId == 0 ? std::max<qsizetype>(1, m_openConnections.size()) : 1;
        m_sentSinceReport += bytes.size() * copies;
        hearWrites(true); // before the session writes: in this thread it reports from inside send()
    }
    // A refusal comes back through errorOccurred.
    m_session->send(m_endpointId, connectionId, bytes);
    updateBackpressure();
}

void Command::pendingReported(qint64 pending)
{
    // The report counts every send the session had carried out when it made
    // it; sends still on their way to it (another thread) are at most what
    // this thread sent while the report travelled, so the queue stays bounded.
    m_pendingReported = pending;
    m_sentSinceReport = 0;
    updateBackpressure();
    // Nothing of ours waits: the next send() listens again.
    if (pending == 0)
        hearWrites(false);
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
    QByteArray bytes = line;
    if (options().hex()) {
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
        bytes = parsed.bytes;
    }
    sendInput(bytes);
}

void Command::updateBackpressure()
{
    // stdin can be far faster than the peer (a file into a slow reader):
    // stop reading it while the socket's queue is over the bound, so memory
    // stays bounded whatever the input's size; the session's next report
    // (bytesWritten, or the snapshot of its next stats tick) resumes it.
    const bool blocked = m_pendingReported + m_sentSinceReport > MaxQueuedInputBytes;
    if (blocked != m_inputBlocked) {
        m_inputBlocked = blocked;
        updateInput();
    }
}

void Command::invalidInput(const QString &reason)
{
    warn(reason + QStringLiteral("; line not sent"));
}

void Command::startFailed(const QString &message)
{
    finish(ExitNetworkError, message);
}

void Command::endpointError(const QString &message)
{
    finish(ExitNetworkError, message);
}

void Command::onEvent(const SockPlay::Event &event)
{
    m_output.write(event);
    eventAppended(event);
}

void Command::warnIfReachable(const EndpointSnapshot &snapshot)
{
    // The same words as the Note the endpoint logged (seen with -v or --json).
    if (!snapshot.capabilities.listens)
        return;
    if (const QString exposed = networkReachableNote(snapshot.localAddress, snapshot.capabilities.datagram);
        !exposed.isEmpty())
        warn(QStringLiteral("warning: ") + exposed);
}

void Command::note(const QString &line)
{
    Console::writeErr(line);
}

void Command::warn(const QString &message)
{
    Console::writeErr(QStringLiteral("sockplay-cli: ") + message.simplified());
}

std::optional<QByteArray> Command::expandMessage(const ReplyTemplate &message)
{
    QString error;
    std::optional<QByteArray> bytes = message.expand({}, 1, &error);
    if (!bytes)
        finish(ExitNetworkError, error);
    return bytes;
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
    // Called from inside the session's signals: stop later.
    QTimer::singleShot(0, this, &Command::stopEndpoint);
}

void Command::stopEndpoint()
{
    if (!m_session) {
        complete();
        return;
    }
    // The session answers with a snapshot once the endpoint stopped (at once
    // in this thread, later from a network thread); --json, -v and the
    // summary wait for it so that they tell the whole story. A client still
    // flushing to a peer that does not read may never finish closing: the
    // end does not wait for it forever.
    m_stopRequested = true;
    QTimer::singleShot(StopTimeoutMs, this, [this] {
        if (!m_completing) {
            m_completing = true;
            complete();
        }
    });
    m_session->stop(m_endpointId);
}

void Command::complete()
{
    // Every event of the stop came before this: the capture is whole.
    m_output.finish(m_session ? m_session->log() : nullptr);
    // A person at a terminal gets the prompt back on a line of its own.
    if (m_lastByteOut != '\n' && Console::stdoutIsTerminal())
        Console::writeOut("\n");
    emit finished(m_exitCode);
}

} // namespace SockPlay::Cli
