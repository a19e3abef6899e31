#pragma once

#include "clicommand.h"
#include "clioptions.h"
#include "endpointtypes.h"
#include "eventoutput.h"
#include "eventlog.h"
#include "result.h"

#include <QObject>
#include <QSet>

#include <memory>

namespace SockPlay {
class CaptureFile;
class Session;
}

namespace SockPlay::Cli {

class StdinReader;
class SignalWatcher;

/// What every subcommand shares: its argument parser, a Session with one
/// endpoint, printing what arrives (raw, --hex or --json), the -v lines and
/// summary, reading stdin with backpressure, Ctrl-C, and the exit codes. A
/// subcommand adds its options, gives the endpoint's config and decides when
/// it is done — from the session's signals only, as the window does.
class Command : public CliCommand
{
    Q_OBJECT
public:
    Command(const QString &name, const QString &summary, QObject *parent = nullptr);
    ~Command() override;

    QString name() const { return m_options.command(); }

    CliOptions::Outcome parse(const QStringList &arguments) override;
    QString helpText() const override { return m_options.helpText(); }
    QString usageError() const override { return m_options.error(); }
    void run() override;

protected:
    /// Declares the subcommand's options and positionals.
    virtual void declareArguments(CliOptions &options) = 0;
    /// Reads their values; problems go to options.fail() (exit code 2).
    virtual void readArguments(CliOptions &options) = 0;
    /// The endpoint to start.
    virtual EndpointConfig endpointConfig() const = 0;
    /// The endpoint is active (listening, bound, connected).
    virtual void started(const EndpointSnapshot &snapshot) { Q_UNUSED(snapshot) }
    /// It went back to idle after being active.
    virtual void stopped() {}
    virtual void connectionOpened(int connectionId) { Q_UNUSED(connectionId) }
    virtual void connectionClosed(int connectionId) { Q_UNUSED(connectionId) }
    /// Bytes arrived (after they were printed).
    virtual void received(int connectionId, const QByteArray &bytes) { Q_UNUSED(connectionId) Q_UNUSED(bytes) }
    /// One line of stdin, as bytes (already parsed when --hex).
    virtual void sendInput(const QByteArray &bytes) { Q_UNUSED(bytes) }
    /// stdin ended.
    virtual void inputEnded() {}
    /// A stdin line that is not valid hex. By default: say so and skip it.
    virtual void invalidInput(const QString &reason);
    /// The endpoint could not start (or, for a client, never connected). By
    /// default the end, with exit code 1.
    virtual void startFailed(const QString &message);
    /// An error after it started. By default the end, with exit code 1.
    virtual void endpointError(const QString &message);
    /// A server turned a client away (its limit is reached).
    virtual void clientTurnedAway(const QString &peer, const QString &reason) { Q_UNUSED(peer) Q_UNUSED(reason) }
    /// Whether eventAppended() is wanted without --json or -v (each event is
    /// then built for it).
    virtual bool wantsEvents() const { return false; }
    /// Every event of the log, after --json and -v printed it.
    virtual void eventAppended(const SockPlay::Event &event) { Q_UNUSED(event) }
    /// Non-empty: what arrives on this connection is printed a line per
    /// read (or message), escaped (or hex), after this marker (a relay's
    /// "#1 -> "). Empty (the default): raw reads are printed as they came.
    virtual QString printMarker(int connectionId) const { Q_UNUSED(connectionId) return {}; }

    const CliOptions &options() const { return m_options; }
    Session *session() const { return m_session.get(); }
    int endpointId() const { return m_endpointId; }
    bool hasStarted() const { return m_started; }

    /// Send through the session to a connection (0: every one, or the target).
    /// Counts towards the stdin backpressure until the session reports it written.
    void send(int connectionId, const QByteArray &bytes);
    /// A MESSAGE argument's bytes, its macros expanded now (at send time:
    /// {{time}} is when it went out). A macro that fails ({{file:…}}
    /// unreadable) finishes the command with its error: std::nullopt.
    std::optional<QByteArray> expandMessage(const ReplyTemplate &message);
    /// Read stdin (or pause) now; lines go to sendInput().
    void setInputEnabled(bool enabled);
    /// A status line on stderr, always ("listening on 127.0.0.1:5000").
    void note(const QString &line);
    /// "sockplay-cli: message" on stderr.
    void warn(const QString &message);
    /// Ends with this exit code, and the reason on stderr when there is one.
    /// The first call wins; the endpoint is stopped, and finished() emitted
    /// from the event loop once the session says it stopped (never from
    /// inside a session signal).
    void finish(int exitCode, const QString &reason = {});
    bool isFinishing() const { return m_finishing; }

private:
    void wireSession();
    void onEvent(const SockPlay::Event &event);
    /// A server reachable from other machines says so on stderr, always.
    void warnIfReachable(const EndpointSnapshot &snapshot);
    void onInputLine(const QByteArray &line);
    void printReceived(int connectionId, const QByteArray &bytes);
    /// One whole message (--frame other than raw): one line.
    void printMessage(int connectionId, const QByteArray &payload);
    /// --frame and --reply, after the subcommand read its own arguments.
    void readFrameAndRules();
    void updateInput();
    /// The session's word on what waits to go out (bytesWritten, a snapshot).
    void pendingReported(qint64 pending);
    /// Listens to the session's bytesWritten reports, or stops.
    void hearWrites(bool hear);
    void updateBackpressure();
    void stopEndpoint();
    void complete();

    /// stdin is paused while more than this waits to go out.
    static constexpr qint64 MaxQueuedInputBytes = 1 << 20;
    /// How long the end waits for the session to confirm the stop.
    static constexpr int StopTimeoutMs = 2000;

    CliOptions m_options;
    FrameSpec m_frame;
    QList<Rule> m_rules;
    std::unique_ptr<Session> m_session;
    int m_endpointId = 0;
    StdinReader *m_stdin = nullptr;
    SignalWatcher *m_signals = nullptr;
    EventOutput m_output; // --capture, --json, -v
    bool m_inputWanted = false;  // the subcommand wants stdin now
    bool m_inputBlocked = false; // paused by backpressure
    // Backpressure without reading the endpoint (the session may live on
    // another thread): what the session last reported waiting, plus what was
    // sent since. Datagrams never wait in a queue.
    bool m_queuesWrites = true;
    bool m_wholeMessages = false; // WebSocket: each message printed on its own line
    qint64 m_pendingReported = 0;
    qint64 m_sentSinceReport = 0;
    QMetaObject::Connection m_writesHeard; // to bytesWritten, while our own sends may wait
    QSet<int> m_openConnections;
    bool m_started = false;
    bool m_wasRunning = false;
    bool m_finishing = false;
    bool m_stopRequested = false; // waiting for the session to confirm the stop
    bool m_completing = false;
    int m_exitCode = ExitDone;
    char m_lastByteOut = '\n';
};

} // namespace SockPlay::Cli
