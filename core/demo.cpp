#include "demo.h"

#include "demo_p.h"
#include "eventlog.h"
#include "logfollower.h"
#include "session.h"

#include <QTimer>

namespace SockPlay {

namespace {

struct Entry
{
    DemoScript (*make)();
};

/// The menu's order. Each script is made afresh on load and reset, so a demo
/// starts from its first narration and zeroed counters.
const QList<Entry> &catalogue()
{
    static const QList<Entry> entries = {
        {&Demos::welcome}, {&Demos::echo}, {&Demos::chat}, {&Demos::tcpVsUdp}, {&Demos::stream},
        {&Demos::errors},
    };
    return entries;
}

std::optional<DemoScript> makeScript(const QString &id)
{
    for (const Entry &entry : catalogue()) {
        DemoScript script = entry.make();
        if (script.info.id == id)
            return script;
    }
    return std::nullopt;
}

} // namespace

DemoStage::~DemoStage() = default;

int SessionDemoStage::addEndpoint(const EndpointConfig &config)
{
    return m_session->addEndpoint(config);
}

void SessionDemoStage::removeEndpoint(int endpointId)
{
    m_session->removeEndpoint(endpointId);
}

struct DemoRunner::Private
{
    DemoStage *stage = nullptr;
    std::optional<DemoScript> script;
    std::unique_ptr<DemoContext> context;
    LogFollower *follower = nullptr;
    State state = State::Idle;
    int current = -1;
    bool runningAll = false;
    QTimer timeout;
    QTimer advance; // runAll's next step, from the event loop (no recursion)
};

DemoRunner::DemoRunner(DemoStage *stage, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->stage = stage;
    d->follower = new LogFollower(stage->session()->log(), false, this);
    connect(d->follower, &LogFollower::eventsRead, this, [this](const QList<Event> &events) {
        if (!d->context)
            return;
        d->context->take(events);
        checkStep();
    });
    d->timeout.setSingleShot(true);
    connect(&d->timeout, &QTimer::timeout, this, [this] {
        if (d->state != State::Running)
            return;
        const DemoStep &step = d->script->steps.at(d->current);
        fail(tr("Step %1 (“%2”) did not finish within %3 s: no sign yet of %4.")
                 .arg(d->current + 1)
                 .arg(step.title)
                 .arg(step.timeoutMs / 1000.0)
                 .arg(step.waitingFor.isEmpty() ? tr("its effect in the log") : step.waitingFor));
    });
    d->advance.setSingleShot(true);
    d->advance.setInterval(0);
    connect(&d->advance, &QTimer::timeout, this, &DemoRunner::next);
}

DemoRunner::~DemoRunner()
{
    // Endpoints stay with the session (the window may show them); our timers go.
    d->context.reset();
}

QList<DemoInfo> DemoRunner::demos()
{
    QList<DemoInfo> list;
    for (const Entry &entry : catalogue())
        list.append(entry.make().info);
    return list;
}

std::optional<DemoInfo> DemoRunner::find(const QString &id)
{
    if (const std::optional<DemoScript> script = makeScript(id))
        return script->info;
    return std::nullopt;
}

QStringList DemoRunner::demoIds()
{
    QStringList ids;
    for (const DemoInfo &info : demos())
        ids.append(info.id);
    return ids;
}

bool DemoRunner::load(const QString &demoId, QString *error)
{
    std::optional<DemoScript> script = makeScript(demoId);
    if (!script) {
        if (error) {
            *error = tr("There is no demo “%1”. The demos are: %2.")
                         .arg(demoId, demoIds().join(QLatin1String(", ")));
        }
        return false;
    }
    reset();
    d->script = std::move(script);
    makeContext();
    emit countersChanged();
    emit stateChanged(d->state);
    return true;
}

QString DemoRunner::demoId() const
{
    return d->script ? d->script->info.id : QString();
}

DemoRunner::State DemoRunner::state() const
{
    return d->state;
}

int DemoRunner::stepCount() const
{
    return d->script ? int(d->script->steps.size()) : 0;
}

int DemoRunner::currentStep() const
{
    return d->current;
}

QString DemoRunner::stepTitle(int index) const
{
    return index >= 0 && index < stepCount() ? d->script->steps.at(index).title : QString();
}

QString DemoRunner::narration(int index) const
{
    return index >= 0 && index < stepCount() ? d->script->steps.at(index).narration : QString();
}

QList<DemoCounter> DemoRunner::counters() const
{
    return d->script ? d->script->counters : QList<DemoCounter>();
}

QList<int> DemoRunner::endpointIds() const
{
    return d->context ? d->context->endpointIds() : QList<int>();
}

void DemoRunner::next()
{
    if (!d->script || (d->state != State::Idle && d->state != State::Paused) || d->current + 1 >= stepCount())
        return;
    ++d->current;
    d->context->setStepStart(d->follower->log()->nextSequence());
    setState(State::Running);
    emit stepStarted(d->current);
    const DemoStep &step = d->script->steps.at(d->current);
    d->timeout.start(step.timeoutMs);
    if (step.run)
        step.run(*d->context);
    // What the step did may be in the log already (the session in this thread).
    d->follower->poll();
    checkStep();
}

void DemoRunner::runAll()
{
    if (!d->script || (d->state != State::Idle && d->state != State::Paused))
        return;
    d->runningAll = true;
    next();
}

void DemoRunner::stop()
{
    if (!d->script)
        return;
    d->runningAll = false;
    d->timeout.stop();
    d->advance.stop();
    if (d->context) {
        d->context->cancelTimers();
        for (int endpointId : d->context->endpointIds())
            d->stage->session()->stop(endpointId);
    }
    if (d->state == State::Running || d->state == State::Paused)
        setState(State::Stopped);
}

void DemoRunner::reset()
{
    d->runningAll = false;
    d->timeout.stop();
    d->advance.stop();
    if (d->context) {
        for (int endpointId : d->context->endpointIds())
            d->stage->removeEndpoint(endpointId);
    }
    d->current = -1;
    if (d->script) {
        // Afresh: the first narration, counters at 0.
        d->script = makeScript(d->script->info.id);
        makeContext();
        emit countersChanged();
        for (int i = 0; i < stepCount(); ++i)
            emit narrationChanged(i);
    }
    setState(State::Idle);
}

void DemoRunner::makeContext()
{
    d->context.reset(); // its timers go with it
    d->context = std::make_unique<DemoContext>(this, d->stage, &*d->script, [this] { checkStep(); });
}

void DemoRunner::setState(State state)
{
    if (d->state == state)
        return;
    d->state = state;
    emit stateChanged(state);
}

void DemoRunner::checkStep()
{
    if (d->state != State::Running)
        return;
    const DemoStep &step = d->script->steps.at(d->current);
    const DemoCheck check = step.check ? step.check(*d->context) : DemoCheck::done();
    if (check.status == DemoCheck::Status::Failed) {
        fail(tr("Step %1 (“%2”) failed: %3").arg(d->current + 1).arg(step.title, check.reason));
        return;
    }
    if (check.status == DemoCheck::Status::Waiting)
        return;
    d->timeout.stop();
    const int index = d->current;
    const bool last = index + 1 >= stepCount();
    setState(last ? State::Finished : State::Paused);
    emit stepFinished(index);
    if (last) {
        d->runningAll = false;
        emit finished();
    } else if (d->runningAll) {
        d->advance.start();
    }
}

void DemoRunner::fail(const QString &reason)
{
    d->runningAll = false;
    d->timeout.stop();
    d->advance.stop();
    if (d->context)
        d->context->cancelTimers();
    setState(State::Failed);
    emit failed(reason);
}

} // namespace SockPlay
