#include "scriptrecorder_p.h"

#include "payloadcodec.h"

#include <QStringDecoder>

namespace SockPlay::RecorderDetail {

namespace {

/// The bytes as text if they are UTF-8 a person can read and type back:
/// printable characters, tabs and line ends.
std::optional<QString> readableText(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder(bytes);
    if (decoder.hasError())
        return std::nullopt;
    for (const QChar c : text) {
        if (c == u'\n' || c == u'\r' || c == u'\t')
            continue;
        if (!c.isPrint() && !c.isSurrogate())
            return std::nullopt;
    }
    return text;
}

/// Text as a script holds it: "${" would start a variable, "$${" is a literal "${".
QString literal(const QString &text)
{
    QString out = text;
    return out.replace(QLatin1String("${"), QLatin1String("$${"));
}

/// text as a regular expression that matches exactly it. Unlike
/// QRegularExpression::escape, letters, digits and spaces stay as they are:
/// the step reads "/^PONG 1$/" in lists and reports, not "/^PONG\ 1$/".
QString regexLiteral(const QString &text)
{
    static const QString special = QStringLiteral("\\^$.|?*+()[]{}");
    QString out;
    out.reserve(text.size() + 8);
    for (const QChar c : text) {
        if (c == u'\n')
            out += QLatin1String("\\n");
        else if (c == u'\r')
            out += QLatin1String("\\r");
        else if (c == u'\t')
            out += QLatin1String("\\t");
        else {
            if (special.contains(c))
                out += u'\\';
            out += c;
        }
    }
    return out;
}

/// One endpoint of the session as the recording sees it.

} // namespace

Builder::Builder(const QList<EndpointSnapshot> &atStart, const QList<EndpointSnapshot> &endpoints)
{
    for (const EndpointSnapshot &snapshot : atStart)
        m_snapshots.insert(snapshot.id, snapshot);
    for (const EndpointSnapshot &snapshot : endpoints)
        m_snapshots.insert(snapshot.id, snapshot); // the latest config wins
    m_recording.script.name = QStringLiteral("recording");
}

void Builder::note(const QString &sentence)
{
    // Ten sends of a truncated payload make one note, not ten.
    if (!m_notes.contains(sentence)) {
        m_notes.insert(sentence);
        m_recording.notes.append(sentence);
    }
}

Tracked *Builder::track(int endpointId)
{
    if (auto it = m_tracked.find(endpointId); it != m_tracked.end())
        return it->second.get();
    const auto snapshot = m_snapshots.constFind(endpointId);
    if (snapshot == m_snapshots.constEnd())
        return nullptr;
    auto t = std::make_unique<Tracked>();
    t->snapshot = *snapshot;
    // Names are the script's handles: two endpoints called "server" get "server" and "server2".
    const QString base = snapshot->name.isEmpty() ? snapshot->config.displayName() : snapshot->name;
    t->name = base;
    for (int n = 2; m_names.contains(t->name); ++n)
        t->name = base + QString::number(n);
    m_names.insert(t->name);
    t->framer = makeFramer(t->framed() ? snapshot->config.frame : FrameSpec{});
    return m_tracked.emplace(endpointId, std::move(t)).first->second.get();
}

void Builder::openActiveAtStart(const QList<EndpointSnapshot> &atStart)
{
    // Servers first: a client of one of them connects to the script's copy.
    for (const Role role : {Role::Server, Role::Client}) {
        for (const EndpointSnapshot &snapshot : atStart) {
            if (!snapshot.isActive() || snapshot.config.role != role)
                continue;
            Tracked *t = track(snapshot.id);
            if (!t)
                continue;
            open(*t, snapshot.localPort, snapshot.config.port);
            note(QStringLiteral("%1 was already %2 when recording started: the script opens its own.")
                     .arg(t->name, t->isServer() ? QStringLiteral("listening") : QStringLiteral("connected")));
        }
    }
}

void Builder::setTarget(ScriptStep &step, const Tracked &client, quint16 port)
{
    step.host = client.snapshot.config.host;
    for (auto &[id, server] : m_tracked) {
        if (server->open && server->isServer() && server->isUdp() == client.isUdp() && server->recordedPort == port) {
            step.port = QStringLiteral("${%1.port}").arg(server->name);
            // Replayed, the server takes any free port and tells the client which.
            m_recording.script.steps[server->openStep].port = QStringLiteral("0");
            return;
        }
    }
    QList<QPair<QString, QString>> &variables = m_recording.script.variables;
    const QPair<QString, QString> host{QStringLiteral("host"), step.host};
    const QPair<QString, QString> portVariable{QStringLiteral("port"), QString::number(port)};
    if (variables.isEmpty())
        variables = {host, portVariable};
    if (variables.value(0) == host && variables.value(1) == portVariable) {
        step.host = QStringLiteral("${host}");
        step.port = QStringLiteral("${port}");
    } else {
        step.port = QString::number(port);
    }
}

void Builder::open(Tracked &t, quint16 localPort, quint16 targetPort)
{
    if (t.open) // reconnected after the server closed: the script closes first
        close(t);
    const EndpointConfig &config = t.snapshot.config;
    ScriptStep step;
    step.kind = ScriptStep::Kind::Open;
    step.endpoint = t.name;
    step.transport = config.transport;
    step.role = config.role;
    step.bindOnly = t.isServer() && t.isUdp();
    // The window's panes default to raw framing, a script to "line": say it.
    step.frame = t.isUdp() ? QString() : config.frame.toString();
    step.echo = config.echo;
    for (const Rule &rule : config.rules) {
        if (rule.enabled)
            step.rules.append(rule.toString());
    }
    if (t.isServer()) {
        step.host = config.host;
        t.recordedPort = localPort;
        // An external peer may need the port the user picked; a recorded
        // client makes it 0 (setTarget).
        step.port = QString::number(config.port == 0 ? 0 : localPort);
    } else {
        setTarget(step, t, targetPort);
    }
    t.open = true;
    t.peerClosed = false;
    t.connections.clear();
    append(step);
    t.openStep = int(m_recording.script.steps.size()) - 1;
}

void Builder::close(Tracked &t)
{
    ScriptStep step;
    step.kind = ScriptStep::Kind::Close;
    step.endpoint = t.name;
    append(step);
    t.open = false;
}

void Builder::append(const ScriptStep &step)
{
    // A send is complete when the next step comes: only then is it known
    // whether a server sent to all of its connections or to one.
    if (m_sendFrom && m_sendConnections.size() < m_sendOpenConnections) {
        note(QStringLiteral("%1 sent to one of several connections: the script sends to all of them.")
                 .arg(m_sendFrom->name));
    }
    m_sendFrom = nullptr;
    m_recording.script.steps.append(step);
}

void Builder::send(Tracked &t, const Event &event)
{
    if (event.payloadTruncated()) {
        note(QStringLiteral("%1 sent %2 bytes the log no longer holds in full: that send is left out.")
                 .arg(t.name)
                 .arg(event.byteCount));
        return;
    }
    ScriptStep step;
    step.kind = ScriptStep::Kind::Send;
    step.endpoint = t.name;
    if (const std::optional<QString> text = readableText(event.payload)) {
        step.payload = literal(*text);
    } else {
        step.mode = PayloadMode::Hex;
        step.payload = PayloadCodec::renderHex(event.payload);
    }
    // A server's "send to all" logs one Sent per connection: one step.
    const QList<ScriptStep> &steps = m_recording.script.steps;
    if (m_sendFrom == &t && !steps.isEmpty() && steps.constLast() == step
        && !m_sendConnections.contains(event.connectionId())) {
        m_sendConnections.insert(event.connectionId());
        return;
    }
    append(step);
    m_sendConnections = {event.connectionId()};
    m_sendFrom = &t;
    m_sendOpenConnections = int(t.connections.size());
}

void Builder::expect(Tracked &t, const Event &event, const QByteArray &payload)
{
    if (event.payloadTruncated()) {
        note(QStringLiteral("%1 received %2 bytes the log no longer holds in full: no step expects them.")
                 .arg(t.name)
                 .arg(event.byteCount));
        return;
    }
    ScriptStep step;
    step.kind = ScriptStep::Kind::Expect;
    step.endpoint = t.name;
    const std::optional<QString> text = readableText(payload);
    if (!text) {
        step.match = ScriptStep::Match::Hex;
        step.pattern = PayloadCodec::renderHex(payload);
    } else if (event.kind == EventKind::Received) {
        // A raw stream: reads are cut anywhere, so the replay looks for these
        // bytes among those received, not for one read just like this one.
        step.match = ScriptStep::Match::Text;
        step.pattern = literal(*text);
    } else {
        step.match = ScriptStep::Match::Regex;
        step.pattern = QLatin1Char('^') + regexLiteral(*text) + QLatin1Char('$');
    }
    append(step);
}

} // namespace SockPlay::RecorderDetail
