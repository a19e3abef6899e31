#pragma once

#include <optional>
// The inside of the demo runner: what a demo is made of (DemoScript, its
// steps) and what a step may do (DemoContext). Each demo is a function that
// returns its script; the runner (demo.cpp) plays it.

#include "demo.h"
#include "event.h"
#include "lifecycletracker.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace SockPlay {

class DemoContext;
class DemoRunner;

/// Where a step is: still waiting for its effect, reached it, or failed (why).
struct DemoCheck
{
    enum class Status : quint8 { Waiting, Done, Failed };
    Status status = Status::Waiting;
    QString reason;

    static DemoCheck waiting() { return {}; }
    static DemoCheck done() { return {Status::Done, {}}; }
    static DemoCheck failed(const QString &reason) { return {Status::Failed, reason}; }
    /// Done when reached, else waiting.
    static DemoCheck when(bool reached) { return reached ? done() : waiting(); }
};

/// One step: what it does, and how the runner sees that it is done.
struct DemoStep
{
    QString title;
    /// One or two sentences; the step may rewrite it once it knows what happened.
    QString narration;
    /// Does the step's work on the stage (start, connect, send). Returns at once.
    std::function<void(DemoContext &)> run;
    /// Called after run() and after each batch of the demo's events.
    std::function<DemoCheck(DemoContext &)> check;
    /// For the timeout's reason: "the client to receive the greeting".
    QString waitingFor;
    int timeoutMs = 5000;
};

/// A whole demo: what the menu shows, its counters (values at 0) and steps.
struct DemoScript
{
    DemoInfo info;
    QList<DemoCounter> counters;
    QList<DemoStep> steps;
    /// Sees each batch of the demo's events (before the step's check), to
    /// keep counters live.
    std::function<void(DemoContext &, const QList<Event> &)> eventsRead;
};

/// What a step can do and see: the demo's endpoints by name, the events they
/// logged since the demo was loaded, the lifecycle of each, counters and
/// narration. Owned by the runner; a reset makes a fresh one.
class DemoContext final
{
    Q_DISABLE_COPY_MOVE(DemoContext)
public:
    /// Events kept per demo run at most (every demo logs far fewer).
    static constexpr int MaxEvents = 50000;

    /// recheck: asks the runner to check the current step again.
    DemoContext(DemoRunner *runner, DemoStage *stage, DemoScript *script, std::function<void()> recheck);
    ~DemoContext();

    Session *session() const;
    /// A new idle endpoint named config.name on the stage; returns its id.
    int add(const EndpointConfig &config);
    /// The id of the demo's endpoint of that name (0: none).
    int id(const QString &name) const;
    QString nameOf(int endpointId) const;
    QList<int> endpointIds() const { return m_order; }
    /// Starts the endpoint with the config it was added with (a client with
    /// port as its target port when not 0; tweak changes the config first).
    void start(const QString &name, quint16 port = 0,
               const std::function<void(EndpointConfig &)> &tweak = {});
    void stop(const QString &name);
    /// connectionId 0: every connection (a client: its connection or target).
    void send(const QString &name, const QByteArray &bytes, int connectionId = 0);
    /// The port the endpoint bound (from its last Bound event; 0: not yet).
    quint16 port(const QString &name) const;

    /// The demo's events, oldest first (payloads cut to LogFollower::PreviewBytes).
    const QList<Event> &events() const { return m_events; }
    /// The endpoint's events of a kind since sequence `from` (0: all).
    QList<Event> eventsOf(const QString &name, EventKind kind, quint64 from = 0) const;
    int count(const QString &name, EventKind kind, quint64 from = 0) const;
    /// The payloads of the endpoint's events of a kind, concatenated.
    QByteArray bytesOf(const QString &name, EventKind kind, quint64 from = 0) const;
    /// The detail of the endpoint's last Error event (empty: none).
    QString lastError(const QString &name) const;
    /// The last error of the first of these endpoints that logged one
    /// (nullopt: none did): what a step fails with.
    std::optional<QString> errorOf(const QStringList &names) const;
    /// The endpoint's step of the socket API, as the lifecycle tracker sees it.
    LifecycleStep step(const QString &name, LifecycleStep::Call call) const;
    /// The step that runs (or ran last).
    int currentStep() const;
    /// The log's next sequence number when the current step started.
    quint64 stepStart() const { return m_stepStart; }

    void setNarration(int step, const QString &text);
    /// Sets one counter (by key) and tells the runner's listeners if it changed.
    void setCounter(const QString &key, qint64 value);
    qint64 counter(const QString &key) const;
    void showView(DemoStage::View view);
    /// Runs f after ms, unless the demo is stopped or reset first.
    void after(int ms, const std::function<void()> &f);
    /// Asks the runner to check the current step again now (after a timer).
    void recheck();

    // The runner's side.

    /// Folds in a batch of the log's events (the demo's own are kept).
    void take(const QList<Event> &events);
    void setStepStart(quint64 sequence) { m_stepStart = sequence; }
    /// Drops every pending after() (stop, failure).
    void cancelTimers() { m_timers = std::make_unique<QObject>(); }

private:

    DemoRunner *m_runner = nullptr;
    DemoStage *m_stage = nullptr;
    DemoScript *m_script = nullptr;
    std::function<void()> m_recheck;
    QHash<QString, int> m_ids;
    QHash<int, EndpointConfig> m_configs;
    QList<int> m_order;
    QList<Event> m_events;
    LifecycleTracker m_lifecycle;
    quint64 m_stepStart = 0;
    std::unique_ptr<QObject> m_timers = std::make_unique<QObject>(); // parent of after()'s timers
};

namespace Demos {
// Pieces the demos share (demos.cpp).

/// A TCP endpoint on 127.0.0.1, port 0 (a server: the system picks; a client: set on start).
EndpointConfig tcpConfig(Role role, const QString &name);
/// "line": LF-terminated messages.
FrameSpec lineFraming();
/// Starts a server added before and waits until it listens; its narration
/// then names the port the system picked. add, if set, adds the demo's endpoints first.
DemoStep startServerStep(const QString &name, const QString &title, const QString &narration,
                         const std::function<void(DemoContext &)> &add = {});
/// Connects a client (added before) to a server of the demo; waits for the handshake.
DemoStep connectClientStep(const QString &client, const QString &server, const QString &title,
                           const QString &narration);

DemoScript welcome();
DemoScript echo();
DemoScript chat();
DemoScript tcpVsUdp();
DemoScript stream();
DemoScript errors();
} // namespace Demos

} // namespace SockPlay
