// ScriptRunner's steps: how each kind of step starts, through the session's
// commands. A second translation unit of ScriptRunner (scriptrunner.cpp has
// the run around the steps and the session's signals that end them).

#include "scriptrunner.h"

#include "scriptrunner_p.h"
#include "session.h"

namespace SockPlay {

namespace {

/// "127.0.0.1:7000", "[::1]:7000".
QString addressText(const QString &host, quint16 port)
{
    return (host.contains(u':') ? u'[' + host + u']' : host) + u':' + QString::number(port);
}

} // namespace

void ScriptRunner::runOpen(ScriptStep &step)
{
    const std::optional<QString> host = expand(QStringLiteral("host"), step.host);
    const std::optional<QString> port = host ? expand(QStringLiteral("port"), step.port) : std::nullopt;
    const std::optional<QString> frame = port ? expand(QStringLiteral("frame"), step.frame) : std::nullopt;
    if (!frame)
        return;
    step.host = *host;
    step.port = *port;
    step.frame = *frame;
    QList<Rule> rules;
    for (QString &text : step.rules) {
        const std::optional<QString> expanded = expand(QStringLiteral("rules"), text);
        if (!expanded)
            return;
        text = *expanded;
        QString error;
        const std::optional<Rule> rule = Rule::parse(text, &error);
        if (!rule) {
            fail(QStringLiteral("rule %1: %2").arg(rules.size() + 1).arg(error));
            return;
        }
        rules.append(*rule);
    }

    const int existing = m_ids.value(step.endpoint);
    if (existing != 0) {
        const Track &track = m_tracks[existing];
        if (!track.owned) {
            fail(QStringLiteral("%1 is an endpoint of the session: the script cannot open it again").arg(step.endpoint));
            return;
        }
        if (EndpointState(track.state) != EndpointState::Idle) {
            fail(QStringLiteral("%1 is open already: close it first").arg(step.endpoint));
            return;
        }
    }

    EndpointConfig config;
    config.transport = step.transport;
    config.role = step.role;
    config.name = step.endpoint;
    config.echo = step.echo;
    config.rules = rules;
    const bool client = step.role == Role::Client;
    if (!client && step.host.isEmpty())
        config.host = QStringLiteral("127.0.0.1"); // servers stay on loopback unless asked
    else
        config.host = step.host;
    bool number = false;
    const uint portNumber = step.port.toUInt(&number);
    const uint lowest = client ? 1 : 0;
    if (!number || portNumber < lowest || portNumber > 65535) {
        fail(QStringLiteral("the port \"%1\" is not a number from %2 to 65535").arg(step.port).arg(lowest));
        return;
    }
    config.port = quint16(portNumber);
    if (step.transport == Transport::Tcp) {
        QString error;
        const std::optional<FrameSpec> spec =
            FrameSpec::parse(step.frame.isEmpty() ? QStringLiteral("line") : step.frame, &error);
        if (!spec) {
            fail(QStringLiteral("\"frame\": ") + error);
            return;
        }
        config.frame = *spec;
    }

    Track track;
    track.name = step.endpoint;
    track.owned = true;
    track.fromMessages = step.transport == Transport::Tcp && config.frame.kind != FrameSpec::Kind::Raw;
    track.inbox = ScriptInbox(step.transport == Transport::Tcp && !track.fromMessages);
    // Known before it starts, so that nothing it receives is missed.
    const int id = existing != 0 ? existing : m_session->addEndpoint(config);
    m_tracks.insert(id, track);
    m_ids.insert(step.endpoint, id);
    m_lastOpened = step.endpoint;
    m_stepEndpoint = id;
    armTimeout(OpenTimeoutMs);
    m_session->start(id, config); // a refusal ends the step through errorOccurred: see openFailed()
}

void ScriptRunner::openFailed(const QString &reason)
{
    // A server's or a UDP socket's reason names its address already; a
    // client's is the system's word only.
    const ScriptStep &step = m_report.steps.at(m_index);
    const QString why = reason.isEmpty() ? QStringLiteral("gave up") : reason;
    if (step.role == Role::Client && !why.startsWith(QLatin1String("cannot ")))
        fail(QStringLiteral("cannot connect to %1: %2").arg(addressText(step.host, step.port.toUShort()), why));
    else
        fail(why);
}

void ScriptRunner::runSend(ScriptStep &step)
{
    Track *track = resolve(step);
    if (!track)
        return;
    const std::optional<QString> payload = expand(QStringLiteral("send"), step.payload);
    if (!payload)
        return;
    step.payload = *payload;
    const ParseResult parsed = step.mode == PayloadMode::Text ? ParseResult{true, payload->toUtf8(), -1, {}}
                                                              : PayloadCodec::parse(*payload, step.mode);
    if (!parsed.ok) {
        fail(QStringLiteral("\"send\": ") + parsed.error);
        return;
    }
    if (EndpointState(track->state) != EndpointState::Active) {
        fail(QStringLiteral("%1 is not open%2: nothing can be sent")
                 .arg(track->name, track->lastError.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(track->lastError)));
        return;
    }
    int connection = 0;
    if (step.connection == ScriptStep::Target::Last) {
        if (track->connections.isEmpty()) {
            fail(QStringLiteral("%1 has no connection to send to").arg(track->name));
            return;
        }
        connection = track->connections.last();
    }
    m_sendBytes = parsed.bytes.size();
    armTimeout(SendTimeoutMs);
    m_session->send(m_stepEndpoint, connection, parsed.bytes);
    if (!stepRunning())
        return; // refused at once (the session lives on this thread)
    // Passes once the session has carried it out: see onFence().
    const quint64 token = m_fenceToken;
    SessionFence *fence = m_fence;
    QMetaObject::invokeMethod(
        m_fence, [fence, token] { fence->ping(token); }, Qt::QueuedConnection);
}

void ScriptRunner::runExpect(ScriptStep &step)
{
    Track *track = resolve(step);
    if (!track)
        return;
    const std::optional<QString> pattern = expand(QStringLiteral("expect"), step.pattern);
    if (!pattern)
        return;
    step.pattern = *pattern;
    QString error;
    std::optional<ScriptInbox::Pattern> made = ScriptInbox::Pattern::make(step.match, *pattern, step.captures, &error);
    if (!made) {
        fail(QStringLiteral("\"expect\": ") + error);
        return;
    }
    m_pattern = std::move(*made);
    track->inbox.forgetMisses();
    armTimeout(step.withinMs);
    tryExpect();
    const auto it = m_tracks.find(m_stepEndpoint);
    if (stepRunning() && it != m_tracks.end() && EndpointState(it->state) == EndpointState::Idle)
        fail(it->inbox.describeMisses(QStringLiteral("(%1 is closed)").arg(it->name)));
}

void ScriptRunner::tryExpect()
{
    const auto it = m_tracks.find(m_stepEndpoint);
    if (it == m_tracks.end())
        return;
    const std::optional<ScriptInbox::Captures> captures = it->inbox.take(m_pattern);
    if (!captures)
        return;
    m_variables.insert(*captures);
    pass(QStringLiteral("got ") + it->inbox.lastMatch());
}

void ScriptRunner::runWait(ScriptStep &step)
{
    if (!step.waitForConnection) {
        armTimeout(step.waitMs);
        return;
    }
    if (!resolve(step))
        return;
    armTimeout(step.withinMs);
    tryWaitForConnection();
}

void ScriptRunner::tryWaitForConnection()
{
    const auto it = m_tracks.find(m_stepEndpoint);
    if (it == m_tracks.end() || it->unclaimedConnections == 0)
        return;
    --it->unclaimedConnections;
    pass(QStringLiteral("connection from %1").arg(it->lastPeer));
}

void ScriptRunner::runClose(ScriptStep &step)
{
    const Track *track = resolve(step);
    if (!track)
        return;
    if (EndpointState(track->state) == EndpointState::Idle) {
        pass(QStringLiteral("closed already"));
        return;
    }
    armTimeout(CloseTimeoutMs);
    m_session->stop(m_stepEndpoint); // passes when the session says it is idle
}

} // namespace SockPlay
