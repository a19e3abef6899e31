#include "demo_p.h"

#include "eventlog.h"
#include "session.h"

#include <QTimer>

namespace SockPlay {

DemoContext::DemoContext(DemoRunner *runner, DemoStage *stage, DemoScript *script, std::function<void()> recheck)
    : m_runner(runner)
    , m_stage(stage)
    , m_script(script)
    , m_recheck(std::move(recheck))
{
}

DemoContext::~DemoContext() = default;

Session *DemoContext::session() const
{
    return m_stage->session();
}

int DemoContext::currentStep() const
{
    return m_runner->currentStep();
}

int DemoContext::add(const EndpointConfig &config)
{
    const int endpointId = m_stage->addEndpoint(config);
    m_ids.insert(config.name, endpointId);
    // The demo knows the endpoint by its own name; the stage may have given
    // it another (the window's "server 2" beside the user's "server"): it
    // starts, and the log shows it, under the stage's.
    EndpointConfig started = config;
    const QString given = session()->snapshot(endpointId).name;
    if (!given.isEmpty())
        started.name = given;
    m_configs.insert(endpointId, started);
    m_order.append(endpointId);
    return endpointId;
}

int DemoContext::id(const QString &name) const
{
    return m_ids.value(name);
}

QString DemoContext::nameOf(int endpointId) const
{
    return m_configs.value(endpointId).name;
}

void DemoContext::start(const QString &name, quint16 port, const std::function<void(EndpointConfig &)> &tweak)
{
    const int endpointId = id(name);
    if (endpointId == 0)
        return;
    EndpointConfig &config = m_configs[endpointId];
    if (port != 0)
        config.port = port;
    if (tweak)
        tweak(config);
    session()->start(endpointId, config);
}

void DemoContext::stop(const QString &name)
{
    if (const int endpointId = id(name))
        session()->stop(endpointId);
}

void DemoContext::send(const QString &name, const QByteArray &bytes, int connectionId)
{
    if (const int endpointId = id(name))
        session()->send(endpointId, connectionId, bytes);
}

quint16 DemoContext::port(const QString &name) const
{
    const QList<Event> bound = eventsOf(name, EventKind::Bound);
    return bound.isEmpty() ? 0 : bound.constLast().source->localPort;
}

QList<Event> DemoContext::eventsOf(const QString &name, EventKind kind, quint64 from) const
{
    const int endpointId = id(name);
    QList<Event> found;
    for (const Event &event : m_events) {
        if (event.endpointId() == endpointId && event.kind == kind && event.sequence >= from)
            found.append(event);
    }
    return found;
}

int DemoContext::count(const QString &name, EventKind kind, quint64 from) const
{
    return int(eventsOf(name, kind, from).size());
}

QByteArray DemoContext::bytesOf(const QString &name, EventKind kind, quint64 from) const
{
    QByteArray bytes;
    for (const Event &event : eventsOf(name, kind, from))
        bytes += event.payload;
    return bytes;
}

QString DemoContext::lastError(const QString &name) const
{
    const QList<Event> errors = eventsOf(name, EventKind::Error);
    return errors.isEmpty() ? QString() : errors.constLast().detail;
}

std::optional<QString> DemoContext::errorOf(const QStringList &names) const
{
    for (const QString &name : names) {
        if (count(name, EventKind::Error) > 0)
            return lastError(name);
    }
    return std::nullopt;
}

LifecycleStep DemoContext::step(const QString &name, LifecycleStep::Call call) const
{
    const LifecycleFlow flow = m_lifecycle.flow(id(name));
    const int index = flow.indexOf(call);
    if (index >= 0)
        return flow.steps.at(index);
    // A client's connect() lives in its connection's branch: the newest one.
    for (auto branch = flow.branches.crbegin(); branch != flow.branches.crend(); ++branch) {
        const int at = branch->indexOf(call);
        if (at >= 0)
            return branch->steps.at(at);
    }
    return {};
}

void DemoContext::setNarration(int step, const QString &text)
{
    if (step < 0 || step >= m_script->steps.size() || m_script->steps.at(step).narration == text)
        return;
    m_script->steps[step].narration = text;
    emit m_runner->narrationChanged(step);
}

void DemoContext::setCounter(const QString &key, qint64 value)
{
    for (DemoCounter &counter : m_script->counters) {
        if (counter.key != key)
            continue;
        if (counter.value != value) {
            counter.value = value;
            emit m_runner->countersChanged();
        }
        return;
    }
}

qint64 DemoContext::counter(const QString &key) const
{
    for (const DemoCounter &counter : m_script->counters) {
        if (counter.key == key)
            return counter.value;
    }
    return 0;
}

void DemoContext::showView(DemoStage::View view)
{
    m_stage->showView(view);
}

void DemoContext::after(int ms, const std::function<void()> &f)
{
    QTimer::singleShot(ms, m_timers.get(), f);
}

void DemoContext::recheck()
{
    // Queued: a timer's callback must not run the next step inside itself.
    QMetaObject::invokeMethod(m_runner, m_recheck, Qt::QueuedConnection);
}

void DemoContext::take(const QList<Event> &events)
{
    QList<Event> mine;
    for (const Event &event : events) {
        if (m_configs.contains(event.endpointId()))
            mine.append(event);
    }
    if (mine.isEmpty())
        return;
    m_lifecycle.feed(mine);
    // Bounded: a demo logs far fewer; past the bound the counters still move
    // (eventsRead sees every batch), only the history stops growing.
    const qsizetype room = MaxEvents - m_events.size();
    if (room > 0)
        m_events.append(mine.mid(0, room));
    if (m_script->eventsRead)
        m_script->eventsRead(*this, mine);
}

} // namespace SockPlay
