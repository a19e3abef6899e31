#include "scriptrunner.h"

#include "scriptrunner_p.h"
#include "session.h"

#include <QThread>

namespace SockPlay {

namespace {
using Kind = ScriptStep::Kind;
using Status = StepResult::Status;
} // namespace

bool ScriptReport::passed() const
{
    return std::all_of(results.cbegin(), results.cend(), [](const StepResult &r) { return r.status == Status::Passed; });
}

int ScriptReport::count(StepResult::Status status) const
{
    return int(std::count_if(results.cbegin(), results.cend(), [status](const StepResult &r) { return r.status == status; }));
}

QString stepStatusName(StepResult::Status status)
{
    switch (status) {
    case Status::Pending: return QStringLiteral("WAIT");
    case Status::Running: return QStringLiteral("RUN");
    case Status::Passed: return QStringLiteral("PASS");
    case Status::Failed: return QStringLiteral("FAIL");
    case Status::Skipped: return QStringLiteral("SKIP");
    }
    Q_UNREACHABLE();
}

ScriptRunner::ScriptRunner(Session *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_fence(new SessionFence)
{
    qRegisterMetaType<SockPlay::StepResult>();
    qRegisterMetaType<SockPlay::ScriptReport>();
    m_fence->moveToThread(session->thread());
    connect(m_fence, &SessionFence::pong, this, &ScriptRunner::onFence);
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, &ScriptRunner::onTimeout);
    // Queued when the session lives on another thread: every handler runs
    // here, in the order the session emitted.
    connect(session, &Session::endpointChanged, this, &ScriptRunner::onEndpointChanged);
    connect(session, &Session::endpointRemoved, this, &ScriptRunner::onEndpointRemoved);
    connect(session, &Session::errorOccurred, this, &ScriptRunner::onError);
    connect(session, &Session::connectionOpened, this, &ScriptRunner::onConnectionOpened);
    connect(session, &Session::connectionClosed, this, &ScriptRunner::onConnectionClosed);
    connect(session, &Session::dataReceived, this,
            [this](int endpointId, int, const QByteArray &bytes) { onData(endpointId, bytes, false); });
    connect(session, &Session::messageReceived, this,
            [this](int endpointId, int, const QByteArray &payload) { onData(endpointId, payload, true); });
}

ScriptRunner::~ScriptRunner()
{
    for (auto it = m_tracks.cbegin(); it != m_tracks.cend(); ++it) {
        if (it->owned && !it->removed)
            m_session->removeEndpoint(it.key());
    }
    // On its thread, which outlives us with the session. When that is this
    // thread, at once: the CLI destroys us while its thread finishes, after
    // the last pass of its event loop, and a deleteLater() then never runs.
    if (m_fence->thread() == QThread::currentThread())
        delete m_fence;
    else
        m_fence->deleteLater();
}

void ScriptRunner::setVariable(const QString &name, const QString &value)
{
    m_overrides.insert(name, value);
}

void ScriptRunner::adoptEndpoint(const QString &name, int endpointId)
{
    m_adopted.append({name, endpointId});
}

void ScriptRunner::start(const Script &script)
{
    if (m_running)
        return;
    m_running = true;
    m_cleaningUp = false;
    m_script = script;
    m_report = ScriptReport{script.name, script.steps, QList<StepResult>(script.steps.size()), 0};
    m_variables.clear();
    for (const auto &[name, value] : script.variables)
        m_variables.insert(name, value);
    m_variables.insert(m_overrides);
    m_tracks.clear();
    m_ids.clear();
    m_lastOpened.clear();
    m_index = -1;
    for (const auto &[name, id] : std::as_const(m_adopted)) {
        const EndpointSnapshot snapshot = m_session->snapshot(id);
        Track track;
        track.name = name;
        track.fromMessages = isStreamTransport(snapshot.config.transport) && snapshot.config.frame.kind != FrameSpec::Kind::Raw;
        track.inbox = ScriptInbox(isStreamTransport(snapshot.config.transport) && !track.fromMessages);
        m_tracks.insert(id, track);
        m_ids.insert(name, id);
        m_lastOpened = name;
        onEndpointChanged(snapshot);
    }
    m_runClock.start();
    QMetaObject::invokeMethod(this, &ScriptRunner::next, Qt::QueuedConnection);
}

void ScriptRunner::stop()
{
    if (!m_running || m_cleaningUp)
        return;
    if (stepRunning()) {
        fail(QStringLiteral("stopped by the user"));
        return;
    }
    skipRest(m_index + 1);
    cleanUp();
}

void ScriptRunner::next()
{
    if (!m_running || m_cleaningUp)
        return;
    ++m_index;
    if (m_index >= m_report.steps.size()) {
        cleanUp();
        return;
    }
    m_report.results[m_index].status = Status::Running;
    m_stepEndpoint = 0;
    m_stepClock.start();
    emit stepStarted(m_index);
    runStep();
}

void ScriptRunner::runStep()
{
    ScriptStep &step = m_report.steps[m_index];
    switch (step.kind) {
    case Kind::Open: runOpen(step); break;
    case Kind::Send: runSend(step); break;
    case Kind::Expect: runExpect(step); break;
    case Kind::Wait: runWait(step); break;
    case Kind::Close: runClose(step); break;
    }
}

bool ScriptRunner::stepRunning() const
{
    return m_running && !m_cleaningUp && m_index >= 0 && m_index < m_report.results.size()
        && m_report.results.at(m_index).status == Status::Running;
}

bool ScriptRunner::stepIs(Kind kind, int endpointId) const
{
    return stepRunning() && m_report.steps.at(m_index).kind == kind && m_stepEndpoint == endpointId;
}

void ScriptRunner::pass(const QString &message)
{
    endStep(Status::Passed, message);
}

void ScriptRunner::fail(const QString &message)
{
    endStep(Status::Failed, message);
}

void ScriptRunner::endStep(StepResult::Status status, const QString &message)
{
    if (!stepRunning())
        return;
    m_timeout.stop();
    ++m_fenceToken;
    m_stepEndpoint = 0;
    StepResult &result = m_report.results[m_index];
    result.status = status;
    result.message = message;
    result.elapsedMs = m_stepClock.elapsed();
    const StepResult finishedResult = result;
    const int index = m_index;
    if (status == Status::Passed) {
        // Queued: a long script of quick steps never recurses.
        QMetaObject::invokeMethod(this, &ScriptRunner::next, Qt::QueuedConnection);
        emit stepFinished(index, finishedResult);
        return;
    }
    emit stepFinished(index, finishedResult);
    skipRest(index + 1);
    cleanUp();
}

void ScriptRunner::skipRest(int from)
{
    for (int i = from; i < m_report.results.size(); ++i) {
        m_report.results[i].status = Status::Skipped;
        emit stepFinished(i, m_report.results.at(i));
    }
    m_index = int(m_report.results.size());
}

void ScriptRunner::cleanUp()
{
    if (m_cleaningUp || !m_running)
        return;
    m_cleaningUp = true;
    m_timeout.stop();
    // The script's endpoints go (adopted ones stay): a run leaves the session
    // as it found it. The run ends once the session says they are gone.
    m_timeout.start(CloseTimeoutMs);
    QList<int> owned;
    for (auto it = m_tracks.cbegin(); it != m_tracks.cend(); ++it) {
        if (it->owned && !it->removed)
            owned.append(it.key());
    }
    for (int id : std::as_const(owned))
        m_session->removeEndpoint(id);
    onEndpointRemoved(0); // done already if there were none
}

void ScriptRunner::complete()
{
    if (!m_running)
        return;
    m_timeout.stop();
    m_running = false;
    m_cleaningUp = false;
    m_tracks.clear();
    m_ids.clear();
    m_report.elapsedMs = m_runClock.elapsed();
    emit finished(m_report);
}

void ScriptRunner::armTimeout(int ms)
{
    m_timeout.start(ms);
}

void ScriptRunner::onTimeout()
{
    if (m_cleaningUp) {
        complete();
        return;
    }
    if (!stepRunning())
        return;
    const ScriptStep &step = m_report.steps.at(m_index);
    switch (step.kind) {
    case Kind::Open:
        fail(QStringLiteral("did not open within %1 s").arg(OpenTimeoutMs / 1000));
        break;
    case Kind::Send:
        fail(QStringLiteral("the session did not carry out the send within %1 s").arg(SendTimeoutMs / 1000));
        break;
    case Kind::Expect:
        fail(m_tracks.value(m_stepEndpoint).inbox.describeMisses(QStringLiteral("within %1 ms").arg(step.withinMs)));
        break;
    case Kind::Wait:
        if (step.waitForConnection)
            fail(QStringLiteral("no new connection within %1 ms").arg(step.withinMs));
        else
            pass();
        break;
    case Kind::Close:
        pass(QStringLiteral("still closing after %1 s; the script goes on").arg(CloseTimeoutMs / 1000));
        break;
    }
}

std::optional<QString> ScriptRunner::expand(const QString &what, const QString &text)
{
    QString error;
    std::optional<QString> value = Script::substitute(text, m_variables, &error);
    if (!value)
        fail(QStringLiteral("\"%1\": %2").arg(what, error));
    return value;
}

ScriptRunner::Track *ScriptRunner::resolve(ScriptStep &step)
{
    if (step.endpoint.isEmpty()) {
        if (m_lastOpened.isEmpty()) {
            fail(QStringLiteral("no endpoint is open yet: open one in an earlier step"));
            return nullptr;
        }
        step.endpoint = m_lastOpened;
    }
    const int id = m_ids.value(step.endpoint);
    if (id == 0) {
        fail(QStringLiteral("no endpoint named %1: open it in an earlier step").arg(step.endpoint));
        return nullptr;
    }
    m_stepEndpoint = id;
    return &m_tracks[id];
}

// Signals from the session -------------------------------------------------

void ScriptRunner::onEndpointChanged(const SockPlay::EndpointSnapshot &snapshot)
{
    const auto it = m_tracks.find(snapshot.id);
    if (it == m_tracks.end())
        return;
    Track &track = *it;
    track.state = int(snapshot.state);
    track.seenRunning = track.seenRunning || snapshot.isRunning();
    if (!snapshot.errorString.isEmpty())
        track.lastError = snapshot.errorString;
    if (snapshot.isActive()) {
        track.localText = snapshot.localText;
        m_variables.insert(track.name + QStringLiteral(".host"), snapshot.localAddress.toString());
        m_variables.insert(track.name + QStringLiteral(".port"), QString::number(snapshot.localPort));
    }
    const int id = snapshot.id;
    const bool idle = snapshot.state == EndpointState::Idle;
    if (stepIs(Kind::Open, id)) {
        if (snapshot.isActive()) {
            const EndpointConfig &config = snapshot.config;
            pass(config.role == Role::Client && isStreamTransport(config.transport)
                     ? QStringLiteral("connected to %1 from %2").arg(snapshot.peerText, snapshot.localText)
                 : config.role == Role::Client ? QStringLiteral("sending from %1").arg(snapshot.localText)
                 : config.transport == Transport::Udp ? QStringLiteral("bound to %1").arg(snapshot.localText)
                                                      : QStringLiteral("listening on %1").arg(snapshot.localText));
        } else if (idle && track.seenRunning) {
            openFailed(track.lastError);
        }
    } else if (stepIs(Kind::Close, id) && idle) {
        pass();
    } else if (stepIs(Kind::Expect, id) && idle && track.seenRunning) {
        fail(track.inbox.describeMisses(QStringLiteral("before %1 closed").arg(track.name)));
    }
}

void ScriptRunner::onEndpointRemoved(int endpointId)
{
    if (const auto it = m_tracks.find(endpointId); it != m_tracks.end()) {
        it->removed = true;
        it->state = int(EndpointState::Idle);
    }
    if (!m_cleaningUp)
        return;
    const bool allGone = std::none_of(m_tracks.cbegin(), m_tracks.cend(),
                                      [](const Track &t) { return t.owned && !t.removed; });
    if (allGone) // queued: this may run inside cleanUp(), or inside a session command
        QMetaObject::invokeMethod(this, &ScriptRunner::complete, Qt::QueuedConnection);
}

void ScriptRunner::onError(int endpointId, const QString &message)
{
    const auto it = m_tracks.find(endpointId);
    if (it == m_tracks.end())
        return;
    it->lastError = message;
    // An error while an expect waits (a reset) fails nothing by itself: what
    // arrived before it may still match, and the endpoint going idle ends the wait.
    if (stepIs(Kind::Open, endpointId))
        openFailed(message);
    else if (stepIs(Kind::Send, endpointId))
        fail(message);
}

void ScriptRunner::onConnectionOpened(int endpointId, const SockPlay::ConnectionInfo &connection)
{
    const auto it = m_tracks.find(endpointId);
    if (it == m_tracks.end())
        return;
    it->connections.append(connection.id);
    ++it->unclaimedConnections;
    it->lastPeer = connection.peerText();
    if (stepIs(Kind::Wait, endpointId))
        tryWaitForConnection();
}

void ScriptRunner::onConnectionClosed(int endpointId, int connectionId)
{
    if (const auto it = m_tracks.find(endpointId); it != m_tracks.end())
        it->connections.removeOne(connectionId);
}

void ScriptRunner::onData(int endpointId, const QByteArray &bytes, bool wholeMessage)
{
    const auto it = m_tracks.find(endpointId);
    // Framed TCP reports each read and each message: the inbox takes the messages.
    if (it == m_tracks.end() || it->fromMessages != wholeMessage)
        return;
    it->inbox.add(bytes);
    if (stepIs(Kind::Expect, endpointId))
        tryExpect();
}

void ScriptRunner::onFence(quint64 token)
{
    if (token == m_fenceToken && stepRunning() && m_report.steps.at(m_index).kind == Kind::Send)
        pass(m_sendBytes == 1 ? QStringLiteral("1 byte") : QStringLiteral("%1 bytes").arg(m_sendBytes));
}

} // namespace SockPlay
