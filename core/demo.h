#pragma once
// The built-in demos (issue 10): what the Demos menu, `sockplay --demo NAME`
// and the tests run. The runner drives the session through a DemoStage, so the
// window can show each endpoint a demo makes in a pane of its own, while the
// tests and the CLI use the session alone.

#include "endpointtypes.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace SockPlay {

class Session;

/// One demo of the menu: its id is what `sockplay --demo ID` takes.
struct DemoInfo
{
    QString id;      ///< "welcome", "echo", "chat", "tcp-vs-udp", "stream", "errors"
    QString title;   ///< "Welcome server", "Echo", …, for the menu
    QString summary; ///< one sentence: what the demo shows
};

/// A number a demo shows while it runs and a test checks at its end
/// ("UDP lost", 9). The panel shows them as a table.
struct DemoCounter
{
    QString key;   ///< stable, for tests and harnesses: "udp.lost", "tcp.inOrder"
    QString label; ///< for people: "Lost", "Arrived in order"
    QString group; ///< a column or section: "UDP", "TCP" (empty: none)
    qint64 value = 0;
    bool operator==(const DemoCounter &) const = default;
};

/// Where a demo's endpoints live. The window's stage makes a pane for each;
/// the core's SessionDemoStage only asks the session.
class DemoStage
{
public:
    virtual ~DemoStage();
    virtual Session *session() const = 0;
    /// A new, idle endpoint configured as config (its name is config.name);
    /// returns its id in the session. The demo starts it with Session::start.
    virtual int addEndpoint(const EndpointConfig &config) = 0;
    /// Stops and removes an endpoint the demo added.
    virtual void removeEndpoint(int endpointId) = 0;
    /// A teaching view the demo wants in sight; the window opens its dock.
    enum class View : quint8 { Lifecycle, Sequence, Counters };
    virtual void showView(View view) { Q_UNUSED(view); }
};

/// The stage of the tests and the CLI: endpoints in the session only.
class SessionDemoStage final : public DemoStage
{
public:
    explicit SessionDemoStage(Session *session) : m_session(session) {}
    Session *session() const override { return m_session; }
    int addEndpoint(const EndpointConfig &config) override;
    void removeEndpoint(int endpointId) override;

private:
    Session *m_session = nullptr;
};

/// Runs one demo, step by step (next) or all at once (runAll). Each step does
/// something on the stage (start a server, connect, send 100 datagrams) and
/// is finished when its effect is seen in the log (never after a sleep).
/// A step's narration is one or two sentences; it may be rewritten once the
/// step finished, to say what really happened ("the five writes arrived as 1
/// read").
///
/// The runner owns nothing but the endpoints it added through the stage;
/// reset() removes them, stop() stops them and leaves them in sight.
class DemoRunner : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoRunner)
public:
    enum class State : quint8 {
        Idle,     ///< loaded, no step run yet (or reset)
        Running,  ///< a step is under way
        Paused,   ///< a step finished; Next runs the next one
        Finished, ///< the last step finished: the end state is reached
        Stopped,  ///< stopped by the user before the end
        Failed,   ///< a step did not reach its effect (failed() said why)
    };
    Q_ENUM(State)

    /// Every demo, in the menu's order.
    static QList<DemoInfo> demos();
    static std::optional<DemoInfo> find(const QString &id);
    /// Every demo's id, in the menu's order (for "--demo list" and errors).
    static QStringList demoIds();

    explicit DemoRunner(DemoStage *stage, QObject *parent = nullptr);
    ~DemoRunner() override;

    /// Chooses a demo (resetting the one before); false and *error for an
    /// unknown id (the error lists the known ones).
    bool load(const QString &demoId, QString *error = nullptr);
    QString demoId() const;
    State state() const;
    int stepCount() const;
    /// The step that runs or last ran; -1 before the first.
    int currentStep() const;
    QString stepTitle(int index) const;
    QString narration(int index) const;
    /// The demo's counters now (empty for demos without any).
    QList<DemoCounter> counters() const;
    /// Each endpoint the demo added, in order.
    QList<int> endpointIds() const;

public slots:
    /// Runs the next step (from Idle or Paused; otherwise does nothing).
    void next();
    /// Runs every remaining step, one after the other.
    void runAll();
    /// Stops every endpoint the demo started; they stay in sight.
    void stop();
    /// Removes the demo's endpoints: back to Idle, before step 1.
    void reset();

signals:
    void stateChanged(SockPlay::DemoRunner::State state);
    void stepStarted(int index);
    void stepFinished(int index);
    void narrationChanged(int index);
    void countersChanged();
    /// The last step finished: the end state is reached.
    void finished();
    void failed(const QString &reason);

private:
    void makeContext();
    void setState(State state);
    /// Checks whether the running step reached its effect.
    void checkStep();
    void fail(const QString &reason);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace SockPlay
