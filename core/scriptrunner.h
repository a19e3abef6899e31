#pragma once

#include "script.h"
#include "scriptinbox.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QTimer>

namespace SockPlay {

class Session;
class SessionFence;
struct ConnectionInfo;
struct EndpointSnapshot;

/// How one step of a run went.
struct StepResult
{
    enum class Status : quint8 { Pending, Running, Passed, Failed, Skipped };
    Status status = Status::Pending;
    /// Failed: why ("got \"PONX 1\"", "connection refused", "stopped by the
    /// user"); Passed: what happened ("listening on 127.0.0.1:40123").
    QString message;
    qint64 elapsedMs = 0;
};

/// A finished run: every step and its result, in order.
struct ScriptReport
{
    QString name;
    /// The steps as they ran: with their variables substituted and the
    /// endpoint they used named; as written for steps that did not run.
    QList<ScriptStep> steps;
    QList<StepResult> results;
    qint64 elapsedMs = 0;

    /// Every step Passed.
    bool passed() const;
    int count(StepResult::Status status) const;
};

/// "PASS", "FAIL", "SKIP", "RUN", "WAIT": for reports.
QString stepStatusName(StepResult::Status status);

/// Plays a Script against a Session, one step at a time, from the event loop.
///
/// It talks to the session only through its commands and signals, so the
/// session may live on a NetworkThread (every signal then arrives queued).
/// Each endpoint's messages are kept from the moment it starts (ScriptInbox:
/// bounded) until an expect takes them. The first step that fails ends the
/// run: the rest are Skipped. At the end of every run the endpoints the
/// script opened are removed from the session; adopted ones are left as they
/// are. The session must outlive the runner.
class ScriptRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScriptRunner)
public:
    /// An open step that has not opened within this gives up.
    static constexpr int OpenTimeoutMs = 10000;
    /// A close (and the removal at the end) waits this long for the session's word.
    static constexpr int CloseTimeoutMs = 2000;
    /// A send waits this long for the session to have carried it out.
    static constexpr int SendTimeoutMs = 5000;

    explicit ScriptRunner(Session *session, QObject *parent = nullptr);
    ~ScriptRunner() override;

    /// Overrides the file's default for ${name} (the CLI's --set), for every run from now on.
    void setVariable(const QString &name, const QString &value);
    /// An endpoint that exists already (a session file's): steps may name it;
    /// the script never removes it.
    void adoptEndpoint(const QString &name, int endpointId);
    /// Returns at once; the steps run from the event loop. Ignored while running.
    void start(const Script &script);
    /// The running step fails "stopped by the user"; the rest are skipped.
    void stop();
    bool isRunning() const { return m_running; }
    /// The run so far (the last run once finished): each step as it ran, and its result.
    const ScriptReport &report() const { return m_report; }

signals:
    void stepStarted(int index);
    void stepFinished(int index, const SockPlay::StepResult &result);
    void finished(const SockPlay::ScriptReport &report);

private:
    /// One endpoint a step can name, as the session's signals tell it.
    struct Track
    {
        QString name;
        bool owned = false; ///< opened by the script: removed at the end
        bool removed = false;
        int state = 0;      ///< EndpointState
        bool seenRunning = false; ///< since its last start
        QString localText;
        QString host;
        quint16 port = 0;
        QString lastError;
        QString lastPeer; ///< of the newest connection
        bool fromMessages = false; ///< framed TCP: whole messages; else what each read or datagram brought
        QList<int> connections;  ///< open, oldest first
        int unclaimedConnections = 0; ///< opened since a wait for a connection last took one
        ScriptInbox inbox;
    };

    void next();
    void runStep();
    void pass(const QString &message = {});
    void fail(const QString &message);
    void endStep(StepResult::Status status, const QString &message);
    void cleanUp();
    void complete();

    void runOpen(ScriptStep &step);
    void openFailed(const QString &reason);
    void runSend(ScriptStep &step);
    void runExpect(ScriptStep &step);
    void runWait(ScriptStep &step);
    void runClose(ScriptStep &step);
    void tryExpect();
    void tryWaitForConnection();

    /// The endpoint a step names (empty: the last one opened), or nullptr
    /// after failing the step.
    Track *resolve(ScriptStep &step);
    /// text with ${…} substituted, or nullopt after failing the step.
    std::optional<QString> expand(const QString &what, const QString &text);
    bool stepIs(ScriptStep::Kind kind, int endpointId) const;
    bool stepRunning() const;
    void armTimeout(int ms);
    void onTimeout();
    void skipRest(int from);

    void onEndpointChanged(const SockPlay::EndpointSnapshot &snapshot);
    void onEndpointRemoved(int endpointId);
    void onError(int endpointId, const QString &message);
    void onConnectionOpened(int endpointId, const SockPlay::ConnectionInfo &connection);
    void onConnectionClosed(int endpointId, int connectionId);
    void onData(int endpointId, const QByteArray &bytes, bool wholeMessage);
    void onFence(quint64 token);

    Session *m_session = nullptr;
    SessionFence *m_fence = nullptr; // on the session's thread
    QHash<QString, QString> m_overrides;
    QList<QPair<QString, int>> m_adopted; // in the order adopted

    bool m_running = false;
    bool m_cleaningUp = false;
    Script m_script;
    ScriptReport m_report;
    QHash<QString, QString> m_variables;
    QHash<int, Track> m_tracks; // by endpoint id
    QHash<QString, int> m_ids;  // by name
    QString m_lastOpened;
    int m_index = -1;
    int m_stepEndpoint = 0; // the endpoint the running step works on
    ScriptInbox::Pattern m_pattern; // the running expect's
    quint64 m_fenceToken = 0; // the send step's; any other step's end changes it
    qsizetype m_sendBytes = 0;
    QTimer m_timeout{this};
    QElapsedTimer m_runClock;
    QElapsedTimer m_stepClock;
};

} // namespace SockPlay

Q_DECLARE_METATYPE(SockPlay::StepResult)
Q_DECLARE_METATYPE(SockPlay::ScriptReport)
