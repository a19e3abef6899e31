#include "scriptrecorder.h"

#include "eventlog.h"
#include "framer.h"
#include "payloadcodec.h"

#include <QHash>
#include <QSet>
#include <QStringDecoder>

#include <memory>

namespace SockPlay {

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
struct Tracked
{
    EndpointSnapshot snapshot; ///< the latest known (its config)
    QString name;              ///< in the script
    bool open = false;         ///< opened by a step and not closed since
    bool peerClosed = false;   ///< a client whose server closed the connection
    int openStep = -1;         ///< index of its latest open step
    quint16 recordedPort = 0;  ///< a server: the port it used while recording
    QSet<int> connections;     ///< a server's connections open now
    std::unique_ptr<Framer> framer; ///< strips a message's framing (payload())

    bool isServer() const { return snapshot.config.role == Role::Server; }
    bool isUdp() const { return snapshot.config.transport == Transport::Udp; }
    bool framed() const { return !isUdp() && snapshot.config.frame.kind != FrameSpec::Kind::Raw; }
};

class Builder
{
public:
    Builder(const QList<EndpointSnapshot> &atStart, const QList<EndpointSnapshot> &endpoints);
    void openActiveAtStart(const QList<EndpointSnapshot> &atStart);
    void add(const Event &event, const Event *next);
    ScriptRecorder::Recording take();

private:
    Tracked *track(int endpointId);
    void note(const QString &sentence);
    void open(Tracked &t, quint16 localPort, quint16 targetPort);
    void send(Tracked &t, const Event &event);
    void expect(Tracked &t, const Event &event, const QByteArray &payload);
    void close(Tracked &t);
    /// Every step goes in here, once the previous one is complete.
    void append(const ScriptStep &step);
    /// A client's target: "${server.port}" of a recorded server on that port,
    /// else the variables host and port (the first target outside the script).
    void setTarget(ScriptStep &step, const Tracked &client, quint16 port);

    QHash<int, EndpointSnapshot> m_snapshots;
    std::map<int, std::unique_ptr<Tracked>> m_tracked;
    QSet<QString> m_names;
    ScriptRecorder::Recording m_recording;
    QSet<QString> m_notes;
    QSet<int> m_sendConnections; // connections the last send step reached
    Tracked *m_sendFrom = nullptr; // the endpoint of the last step, if a send
    int m_sendOpenConnections = 0; // its open connections then
    int m_skippedUnknown = 0;
};

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

void Builder::add(const Event &event, const Event *next)
{
    if (event.kind == EventKind::Dropped)
        return;
    Tracked *t = track(event.endpointId());
    if (!t) {
        ++m_skippedUnknown;
        return;
    }
    const bool onConnection = event.connectionId() != 0;
    switch (event.kind) {
    case EventKind::Listening:
        open(*t, event.source ? event.source->localPort : 0, 0);
        break;
    case EventKind::Bound:
        // A TCP server says Listening next; a UDP endpoint is ready now.
        if (t->isUdp())
            open(*t, event.source ? event.source->localPort : 0, t->snapshot.config.port);
        break;
    case EventKind::Connected:
        if (t->open && !t->peerClosed)
            note(QStringLiteral("%1 opened another connection: only its first one is recorded.").arg(t->name));
        else
            open(*t, 0, event.source ? event.source->peerPort : t->snapshot.config.port);
        break;
    case EventKind::Accepted:
        t->connections.insert(event.connectionId());
        break;
    case EventKind::Sent:
    case EventKind::DatagramSent:
        if (t->open)
            send(*t, event);
        break;
    case EventKind::Message:
        if (t->open && t->framed())
            expect(*t, event, t->framer->payload(event.payload));
        break;
    case EventKind::Received:
    case EventKind::DatagramReceived:
        if (t->open && !t->framed())
            expect(*t, event, event.payload);
        break;
    case EventKind::PeerClosed:
        t->connections.remove(event.connectionId());
        if (!t->isServer())
            t->peerClosed = true;
        break;
    case EventKind::Closed:
        t->connections.remove(event.connectionId());
        if (t->isServer() && onConnection) {
            // Closing every connection is how a stop begins; closing one is a kick.
            const bool stopping = next && next->endpointId() == event.endpointId()
                && (next->kind == EventKind::Closed || next->kind == EventKind::Stopped);
            if (!stopping && t->open)
                note(QStringLiteral("%1 closed one connection: a script cannot, so it is left out.").arg(t->name));
        } else if (t->open && (t->isUdp() ? !onConnection : true)) {
            close(*t);
        }
        break;
    case EventKind::Stopped:
        if (t->open)
            close(*t);
        break;
    case EventKind::Error:
        note(QStringLiteral("%1: the error \"%2\" is not part of the script.").arg(t->name, event.detail));
        break;
    default:
        // Lifecycle steps on the way (created, connecting), automatic
        // replies, half-closes and notes: a replay makes its own.
        if (event.kind == EventKind::HalfClosed)
            note(QStringLiteral("%1 half-closed its connection: a script cannot, so it is left out.").arg(t->name));
        break;
    }
}

ScriptRecorder::Recording Builder::take()
{
    if (m_sendFrom) {
        const ScriptStep last = m_recording.script.steps.takeLast();
        append(last);
    }
    if (m_skippedUnknown > 0) {
        note(QStringLiteral("%1 events of endpoints no longer in the session (a script's?) are left out.")
                 .arg(m_skippedUnknown));
    }
    if (m_recording.script.steps.isEmpty())
        note(QStringLiteral("Nothing to replay was recorded: start an endpoint, send or receive, then stop recording."));
    return std::move(m_recording);
}

} // namespace

void ScriptRecorder::begin(quint64 nextSequence, const QList<EndpointSnapshot> &endpoints)
{
    m_recording = true;
    m_from = nextSequence;
    m_atStart = endpoints;
}

ScriptRecorder::Recording ScriptRecorder::finish(const EventLog &log, const QList<EndpointSnapshot> &endpoints)
{
    m_recording = false;
    QList<Event> events;
    quint64 missing = 0;
    const quint64 end = log.nextSequence();
    for (quint64 sequence = m_from; sequence < end; ++sequence) {
        if (std::optional<Event> event = log.event(sequence))
            events.append(std::move(*event));
        else
            ++missing; // cleared, or dropped by the log under a flood
    }
    Recording recording = build(events, m_atStart, endpoints);
    if (missing > 0) {
        recording.notes.prepend(QStringLiteral("%1 events recorded are no longer in the log (cleared or dropped): "
                                               "the script lacks what they did.")
                                    .arg(missing));
    }
    m_atStart.clear();
    return recording;
}

ScriptRecorder::Recording ScriptRecorder::build(const QList<Event> &events, const QList<EndpointSnapshot> &atStart,
                                                const QList<EndpointSnapshot> &endpoints)
{
    Builder builder(atStart, endpoints);
    builder.openActiveAtStart(atStart);
    for (qsizetype i = 0; i < events.size(); ++i)
        builder.add(events.at(i), i + 1 < events.size() ? &events.at(i + 1) : nullptr);
    return builder.take();
}

} // namespace SockPlay
