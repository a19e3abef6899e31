#include "lifecycletracker.h"
#include "lifecycletracker_p.h"

#include "dtlstext.h"
#include "logfollower.h"
#include "relayspec.h"
#include "websockettext.h"

#include <QVarLengthArray>

#include <optional>

namespace SockPlay {

using Call = LifecycleStep::Call;
using State = LifecycleStep::State;
using Kind = LifecycleFlow::Kind;
using Layer = LifecycleFlow::Layer;
using Ending = LifecycleBranch::Ending;


namespace {

/// What failed, in a student's words: "cannot listen on 127.0.0.1:5000: The
/// bound address is already in use — pick another port" → "address already
/// in use". The log keeps the whole text; a step shows the reason.
QString shortReason(const QString &detail)
{
    QString reason = detail;
    if (const qsizetype dash = reason.indexOf(QStringLiteral(" — ")); dash >= 0)
        reason.truncate(dash); // the hint
    if (const qsizetype colon = reason.lastIndexOf(QStringLiteral(": ")); colon >= 0)
        reason = reason.mid(colon + 2); // "cannot listen on HOST:PORT: "
    reason = reason.trimmed();
    if (reason.isEmpty())
        return detail;
    // Qt's wording of EADDRINUSE; the rest of its texts read like strerror's.
    if (reason.compare(QStringLiteral("The bound address is already in use"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("address already in use");
    reason[0] = reason.at(0).toLower();
    return reason;
}

/// The kind a socket() event makes: an endpoint's own (a server, UDP) or a
/// connection's (a TCP client makes one socket per connection).
Kind kindOfCreated(const Event &event)
{
    if (event.detail == DtlsText::clientSocketDetail())
        return Kind::DtlsClient;
    if (event.detail == DtlsText::serverSocketDetail())
        return Kind::DtlsServer;
    if (event.connectionId() > 0)
        return Kind::TcpClient;
    // A UDP relay's socket is a UDP socket's flow ("relay's server socket (UDP)").
    if (event.detail.startsWith(RelaySpec::socketDetailPrefix()))
        return event.detail.endsWith(RelaySpec::udpSocketDetailSuffix()) ? Kind::Udp : Kind::TcpServer;
    return event.detail.startsWith(QStringLiteral("UDP")) ? Kind::Udp : Kind::TcpServer;
}

/// What a socket() event's detail says runs over it: "TLS server socket …",
/// "WebSocket client socket (TLS over TCP)".
Layer layerOfCreated(const Event &event)
{
    if (event.detail.startsWith(QLatin1String("TLS")))
        return Layer::Tls;
    if (event.detail.startsWith(QLatin1String("WebSocket")))
        return event.detail.contains(QLatin1String("TLS")) ? Layer::SecureWebSocket : Layer::WebSocket;
    return Layer::None;
}

/// The one note that is a step: a WebSocket's finished upgrade.
bool isUpgradeNote(const Event &event)
{
    return event.kind == EventKind::Note && event.connectionId() > 0
        && event.detail.startsWith(WebSocketText::upgradeNotePrefix());
}

} // namespace

LifecycleTracker::LifecycleTracker(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<SockPlay::LifecycleStep>();
}

LifecycleTracker::~LifecycleTracker()
{
    qDeleteAll(m_flows);
}

void LifecycleTracker::follow(EventLog *log)
{
    delete m_follower;
    m_follower = new LogFollower(log, true, this);
    follow(m_follower);
}

void LifecycleTracker::follow(LogFollower *follower)
{
    connect(follower, &LogFollower::eventsRead, this, &LifecycleTracker::feed);
}

void LifecycleTracker::feed(const QList<Event> &events)
{
    // One changed() per endpoint per batch, whatever the batch holds.
    QVarLengthArray<int, 8> touched;
    for (const Event &event : events) {
        if (event.endpointId() <= 0
            || (event.kind == EventKind::Note && !isUpgradeNote(event) && !isSerialLineNote(event) && !isCookieNote(event))
            || event.kind == EventKind::Dropped)
            continue;
        if (apply(event) && !touched.contains(event.endpointId()))
            touched.append(event.endpointId());
    }
    for (int id : touched)
        emit changed(id);
}

void LifecycleTracker::reset()
{
    const QList<int> ids = std::exchange(m_order, {});
    qDeleteAll(m_flows);
    m_flows.clear();
    for (int id : ids)
        emit endpointForgotten(id);
}

void LifecycleTracker::forget(int endpointId)
{
    Tracked *t = m_flows.take(endpointId);
    if (!t)
        return;
    delete t;
    m_order.removeOne(endpointId);
    emit endpointForgotten(endpointId);
}

LifecycleFlow LifecycleTracker::flow(int endpointId) const
{
    const Tracked *t = m_flows.value(endpointId);
    if (t)
        return t->flow;
    LifecycleFlow empty;
    empty.endpointId = endpointId;
    return empty;
}

LifecycleTracker::Tracked &LifecycleTracker::tracked(const Event &event)
{
    const int id = event.endpointId();
    Tracked *&t = m_flows[id];
    if (!t) {
        t = new Tracked;
        t->flow.endpointId = id;
        t->flow.name = event.endpointName();
        m_order.append(id);
        emit endpointAdded(id);
    }
    return *t;
}

void LifecycleTracker::restart(Tracked &t, Kind kind, Layer layer)
{
    t.flow.kind = kind;
    t.flow.layer = layer;
    t.flow.relay = false;
    t.flow.steps = LifecycleFlow::blankSteps(kind, layer);
    t.flow.branches.clear();
    t.flow.olderBranches = 0;
    t.maxConnection = 0;
}

namespace {

// The index of call's step, every other step that was the current one now
// merely done (one current step per row); -1 when the row has no such step.
int stepToMark(QList<LifecycleStep> &steps, LifecycleStep::Call call)
{
    int index = -1;
    for (int i = 0; i < steps.size(); ++i) {
        if (steps.at(i).call == call)
            index = i;
        else if (steps.at(i).state == LifecycleStep::State::Current)
            steps[i].state = LifecycleStep::State::Done;
    }
    return index;
}

} // namespace

bool LifecycleTracker::light(Tracked &t, int connectionId, QList<LifecycleStep> &steps, Call call, const Event &event)
{
    const int index = stepToMark(steps, call);
    if (index < 0)
        return false;
    LifecycleStep &step = steps[index];
    const bool lit = step.state != State::Current;
    step.state = State::Current;
    step.error.clear();
    step.sequence = event.sequence;
    step.timeNs = event.timeNs;
    if (lit)
        emit stepLit(t.flow.endpointId, connectionId, step);
    return true;
}

bool LifecycleTracker::fail(Tracked &t, int connectionId, QList<LifecycleStep> &steps, Call call, const Event &event)
{
    const int index = stepToMark(steps, call);
    if (index < 0)
        return false;
    LifecycleStep &step = steps[index];
    step.state = State::Failed;
    step.error = shortReason(event.detail);
    step.sequence = event.sequence;
    step.timeNs = event.timeNs;
    emit stepLit(t.flow.endpointId, connectionId, step);
    return true;
}

bool LifecycleTracker::apply(const Event &event)
{
    Tracked &t = tracked(event);
    LifecycleFlow &f = t.flow;
    const int c = event.connectionId();
    if (f.name != event.endpointName() && !event.endpointName().isEmpty())
        f.name = event.endpointName();
    if (isSerialEvent(t, event))
        return applySerial(t, event);
    if (event.kind == EventKind::Created && isDtlsKind(kindOfCreated(event))) {
        restart(t, kindOfCreated(event));
        return light(t, 0, f.steps, Call::Socket, event);
    }
    if (isDtlsKind(f.kind))
        return applyDtls(t, event);

    switch (event.kind) {
    case EventKind::Created:
        if (c > 0 && f.relay && f.kind == Kind::Udp)
            return false; // a UDP relay's socket to the target: its datagrams light the relay's one row
        if (c > 0 && f.relay) {
            // A relay's connection to the target: a connect() branch of its flow.
            if (!branch(t, c))
                addBranch(t, c, event.peerText(), layerOfCreated(event));
            return true;
        }
        if (c > 0) {
            LifecycleBranch *b = beginClientConnection(t, event);
            setClientLayer(t, b, layerOfCreated(event));
        } else {
            // A new socket() of the endpoint: it (re)started.
            const bool relay = event.detail.startsWith(RelaySpec::socketDetailPrefix());
            restart(t, kindOfCreated(event),
                    relay && event.detail.contains(QLatin1String("TLS")) ? Layer::Tls : layerOfCreated(event));
            f.relay = relay;
        }
        light(t, 0, f.steps, Call::Socket, event);
        return true;
    case EventKind::LookingUp:
        if (c == 0)
            return false; // a UDP socket looking up where to send: not a step of its flow
        if (f.relay)
            return false; // a relay looking its target up: its branch starts at socket()
        beginClientConnection(t, event);
        if (f.indexOf(Call::Lookup) < 0)
            f.steps.prepend(LifecycleFlow::makeStep(Kind::TcpClient, Call::Lookup, false));
        return light(t, 0, f.steps, Call::Lookup, event);
    case EventKind::Bound:
        return light(t, 0, f.steps, Call::Bind, event);
    case EventKind::Listening:
        return light(t, 0, f.steps, Call::Listen, event);
    case EventKind::Accepted: {
        if (f.kind != Kind::TcpServer || c <= 0)
            return false;
        light(t, 0, f.steps, Call::Accept, event);
        LifecycleBranch *b = addBranch(t, c, event.peerText());
        b->connected = true;
        light(t, c, b->steps, Call::Accept, event);
        return true;
    }
    case EventKind::TurnedAway:
        return light(t, 0, f.steps, Call::Accept, event);
    case EventKind::Connecting:
    case EventKind::Connected: {
        if (c <= 0)
            return false;
        LifecycleBranch *b = branch(t, c);
        if (!b)
            b = beginClientConnection(t, event);
        if (!event.peerText().isEmpty())
            b->peer = event.peerText();
        if (event.kind == EventKind::Connected) {
            // An error while connecting (a send too early) did not end it after all.
            b->connected = true;
            b->ending = Ending::Open;
        }
        light(t, 0, f.steps, Call::Connect, event);
        light(t, c, b->steps, Call::Connect, event);
        return true;
    }
    case EventKind::Sent:
    case EventKind::Received:
    case EventKind::Message:
    case EventKind::AutoReplied:
    case EventKind::DatagramSent:
    case EventKind::DatagramReceived: {
        if (f.kind == Kind::Udp)
            return light(t, 0, f.steps, Call::Datagrams, event);
        // The main row first: a trace (the CLI) says a step once, in the main row's words.
        bool changed = f.kind == Kind::TcpClient && light(t, 0, f.steps, Call::Exchange, event);
        if (LifecycleBranch *b = branch(t, c); b && b->ending == Ending::Open)
            changed = light(t, c, b->steps, Call::Exchange, event) || changed;
        return changed;
    }
    case EventKind::HalfClosed: {
        bool changed = f.kind == Kind::TcpClient && light(t, 0, f.steps, Call::Shutdown, event);
        if (LifecycleBranch *b = branch(t, c); b && b->ending == Ending::Open)
            changed = light(t, c, b->steps, Call::Shutdown, event) || changed;
        return changed;
    }
    case EventKind::PeerClosed:
        return c > 0 && closeBranch(t, event, Ending::ClosedByPeer);
    case EventKind::Closed:
        if (c > 0)
            return LifecycleDetail::isTcp(f.kind) && closeBranch(t, event, Ending::ClosedByUs);
        return light(t, 0, f.steps, Call::Close, event);
    case EventKind::Stopped:
        // The listening socket is closed.
        return light(t, 0, f.steps, Call::Close, event);
    case EventKind::Error:
        return applyError(t, event);
    case EventKind::Secured:
        return c > 0 && lightLayerStep(t, event, Call::Handshake);
    case EventKind::Note:
        return isUpgradeNote(event) && lightLayerStep(t, event, Call::Upgrade);
    case EventKind::SimulatedDrop: // the link's doing, not a call the program made
    case EventKind::Certificate:   // part of the handshake; Secured lights it
    case EventKind::Dropped:
        break;
    }
    return false;
}

} // namespace SockPlay
