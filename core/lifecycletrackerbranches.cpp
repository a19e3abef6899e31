// LifecycleTracker's connections (another translation unit of the tracker):
// the branches a TCP server's accepted clients and a client's connections
// make, what runs over them (TLS, WebSocket), how each ended, and which
// step an error fails.

#include "lifecycletracker.h"
#include "lifecycletracker_p.h"

namespace SockPlay {

using Call = LifecycleStep::Call;
using State = LifecycleStep::State;
using Kind = LifecycleFlow::Kind;
using Layer = LifecycleFlow::Layer;
using Ending = LifecycleBranch::Ending;

LifecycleBranch *LifecycleTracker::branch(Tracked &t, int connectionId)
{
    for (LifecycleBranch &b : t.flow.branches)
        if (b.connectionId == connectionId)
            return &b;
    return nullptr;
}

LifecycleBranch *LifecycleTracker::addBranch(Tracked &t, int connectionId, const QString &peer,
                                             std::optional<Layer> clientLayer)
{
    // The newest MaxBranches in detail: a flood of connects costs a counter.
    if (t.flow.branches.size() >= LifecycleFlow::MaxBranches) {
        t.flow.branches.removeFirst();
        ++t.flow.olderBranches;
    }
    t.flow.branches.append(clientLayer ? LifecycleFlow::blankBranch(Kind::TcpClient, connectionId, *clientLayer)
                                       : LifecycleFlow::blankBranch(t.flow.kind, connectionId, t.flow.layer));
    t.flow.branches.last().peer = peer;
    return &t.flow.branches.last();
}

LifecycleBranch *LifecycleTracker::beginClientConnection(Tracked &t, const Event &event)
{
    const int c = event.connectionId();
    if (t.flow.kind != Kind::TcpClient) {
        restart(t, Kind::TcpClient);
    } else if (c <= t.maxConnection) {
        // Ids start again from 1 when the client starts again; the same id
        // right after its lookup (socket() follows getaddrinfo()) goes on.
        const LifecycleBranch *b = branch(t, c);
        if (!(c == t.maxConnection && b && b->ending == Ending::Open))
            restart(t, Kind::TcpClient);
    }
    t.maxConnection = std::max(t.maxConnection, c);
    if (LifecycleBranch *b = branch(t, c))
        return b;
    return addBranch(t, c, event.peerText());
}

void LifecycleTracker::setClientLayer(Tracked &t, LifecycleBranch *b, Layer layer)
{
    if (t.flow.layer == layer)
        return;
    // Known at socket(), after a lookup perhaps: that lit step stays.
    const int lookup = t.flow.indexOf(Call::Lookup);
    const std::optional<LifecycleStep> lookedUp = lookup >= 0 ? std::optional(t.flow.steps.at(lookup)) : std::nullopt;
    t.flow.layer = layer;
    t.flow.steps = LifecycleFlow::blankSteps(Kind::TcpClient, layer);
    if (lookedUp)
        t.flow.steps.prepend(*lookedUp);
    if (b) {
        LifecycleBranch fresh = LifecycleFlow::blankBranch(Kind::TcpClient, b->connectionId, layer);
        fresh.peer = b->peer;
        *b = fresh;
    }
}

bool LifecycleTracker::lightLayerStep(Tracked &t, const Event &event, Call call)
{
    const int c = event.connectionId();
    bool changed = t.flow.kind == Kind::TcpClient && light(t, 0, t.flow.steps, call, event);
    if (LifecycleBranch *b = branch(t, c); b && b->ending == Ending::Open)
        changed = light(t, c, b->steps, call, event) || changed;
    return changed;
}

bool LifecycleTracker::closeBranch(Tracked &t, const Event &event, Ending ending)
{
    const int c = event.connectionId();
    LifecycleBranch *b = branch(t, c);
    if (b && b->ending != Ending::Open)
        b = nullptr;
    // A reset reaches us as the end of the stream after a failed read or write.
    if (b && ending == Ending::ClosedByPeer) {
        const int exchange = b->indexOf(Call::Exchange);
        if (exchange >= 0 && b->steps.at(exchange).state == State::Failed)
            ending = Ending::Reset;
    }
    bool changed = false;
    if (t.flow.kind == Kind::TcpClient) {
        if (const int close = t.flow.indexOf(Call::Close); close >= 0)
            t.flow.steps[close].sentence = LifecycleFlow::closeSentence(ending);
        changed = light(t, 0, t.flow.steps, Call::Close, event);
    }
    if (b) {
        b->ending = ending;
        b->steps[b->indexOf(Call::Close)].sentence = LifecycleFlow::closeSentence(ending);
        changed = light(t, c, b->steps, Call::Close, event) || changed;
    }
    return changed;
}

bool LifecycleTracker::applyError(Tracked &t, const Event &event)
{
    LifecycleFlow &f = t.flow;
    const int c = event.connectionId();
    auto lit = [&f](Call call) {
        const int i = f.indexOf(call);
        return i >= 0 && f.steps.at(i).isLit();
    };
    if (c == 0) {
        // The endpoint's own error: the step its start was at failed. Later
        // errors (a mistake in the controls) fail no step.
        if ((f.kind == Kind::TcpServer || f.kind == Kind::Udp) && f.currentIndex() >= 0
            && f.steps.at(f.currentIndex()).state != State::Failed) {
            if (lit(Call::Socket) && !lit(Call::Bind))
                return fail(t, 0, f.steps, Call::Bind, event);
            if (f.kind == Kind::TcpServer && lit(Call::Bind) && !lit(Call::Listen))
                return fail(t, 0, f.steps, Call::Listen, event);
            // A datagram the kernel refused (it names its target).
            if (f.kind == Kind::Udp && lit(Call::Bind) && !lit(Call::Close) && !event.peerText().isEmpty())
                return fail(t, 0, f.steps, Call::Datagrams, event);
        }
        return false;
    }
    if (f.kind == Kind::Udp)
        return lit(Call::Bind) && !lit(Call::Close) ? fail(t, 0, f.steps, Call::Datagrams, event) : false;
    LifecycleBranch *b = branch(t, c);
    if (!LifecycleDetail::isTcp(f.kind) || !b || b->ending != Ending::Open)
        return false;
    const auto branchLit = [b](Call call) {
        const int i = b->indexOf(call);
        return i >= 0 && b->steps.at(i).isLit();
    };
    if (f.kind == Kind::TcpClient && !branchLit(Call::Connect)) {
        // No socket yet: the name did not resolve.
        b->ending = Ending::Failed;
        return fail(t, 0, f.steps, Call::Lookup, event);
    }
    // A layer's step that did not happen: the TLS handshake or the HTTP upgrade failed.
    for (const Call call : LifecycleFlow::layerCalls(f.layer)) {
        if (b->connected && !branchLit(call)) {
            if (f.kind == Kind::TcpClient)
                fail(t, 0, f.steps, call, event);
            return fail(t, c, b->steps, call, event);
        }
    }
    if (!b->connected) {
        // The handshake failed (refused, timed out, unreachable).
        b->ending = Ending::Failed;
        fail(t, 0, f.steps, Call::Connect, event);
        return fail(t, c, b->steps, Call::Connect, event);
    }
    // An open connection: a read or a write failed (a reset, a broken pipe).
    if (f.kind == Kind::TcpClient)
        fail(t, 0, f.steps, Call::Exchange, event);
    return fail(t, c, b->steps, Call::Exchange, event);
}

} // namespace SockPlay
