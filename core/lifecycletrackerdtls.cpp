// LifecycleTracker's DTLS flows (another translation unit of the tracker):
// a client's one row from socket() to close(), and a server's row with a
// branch per verified client, lit by the cookie exchange's notes, Secured,
// the datagrams and close_notify.

#include "lifecycletracker.h"
#include "lifecycletracker_p.h"

#include "dtlstext.h"

namespace SockPlay {

using Call = LifecycleStep::Call;
using Kind = LifecycleFlow::Kind;
using Ending = LifecycleBranch::Ending;

bool LifecycleTracker::isDtlsKind(Kind kind)
{
    return kind == Kind::DtlsServer || kind == Kind::DtlsClient;
}

bool LifecycleTracker::isCookieNote(const Event &event)
{
    return event.kind == EventKind::Note && DtlsText::isCookieNote(event.detail);
}

bool LifecycleTracker::applyDtls(Tracked &t, const Event &event)
{
    if (t.flow.kind == Kind::DtlsServer && event.connectionId() > 0)
        return applyDtlsClientOfServer(t, event);
    LifecycleFlow &f = t.flow;
    const bool client = f.kind == Kind::DtlsClient;
    const int c = event.connectionId();
    auto lit = [&f](Call call) {
        const int i = f.indexOf(call);
        return i >= 0 && f.steps.at(i).isLit();
    };
    switch (event.kind) {
    case EventKind::LookingUp:
        if (f.indexOf(Call::Lookup) < 0)
            f.steps.insert(1, LifecycleFlow::makeStep(f.kind, Call::Lookup, false));
        return light(t, 0, f.steps, Call::Lookup, event);
    case EventKind::Bound:
        return light(t, 0, f.steps, client ? Call::Connect : Call::Bind, event);
    case EventKind::Note:
        // A server's HelloVerifyRequest to a stranger, or a client's from its server.
        return isCookieNote(event) && light(t, 0, f.steps, Call::Cookie, event);
    case EventKind::Secured:
        return light(t, 0, f.steps, Call::Handshake, event);
    case EventKind::DatagramSent:
    case EventKind::DatagramReceived:
    case EventKind::AutoReplied:
        return light(t, 0, f.steps, Call::Datagrams, event);
    case EventKind::Closed:
    case EventKind::PeerClosed:
        if (client) {
            const Ending ending = event.kind == EventKind::PeerClosed ? Ending::ClosedByPeer
                : lit(Call::Handshake)                                ? Ending::ClosedByUs
                                                                      : Ending::Failed;
            f.steps[f.indexOf(Call::Close)].sentence = LifecycleFlow::closeSentence(ending, f.kind);
        }
        return light(t, 0, f.steps, Call::Close, event);
    case EventKind::Error:
        if (!client) {
            // The server's own start failed; a stranger's datagram (a Note's
            // or an Error's peer, no connection) fails no step of its row.
            return c == 0 && lit(Call::Socket) && !lit(Call::Bind) && fail(t, 0, f.steps, Call::Bind, event);
        }
        if (lit(Call::Close))
            return false;
        if (!lit(Call::Connect))
            return fail(t, 0, f.steps, f.indexOf(Call::Lookup) >= 0 ? Call::Lookup : Call::Connect, event);
        return fail(t, 0, f.steps, lit(Call::Handshake) ? Call::Datagrams : Call::Handshake, event);
    default:
        break;
    }
    return false;
}

bool LifecycleTracker::applyDtlsClientOfServer(Tracked &t, const Event &event)
{
    // One branch per verified client, made by the note that its cookie came
    // back (the server's DTLSv1_listen() returned it), as accept() makes a
    // TCP server's.
    const int c = event.connectionId();
    LifecycleBranch *b = branch(t, c);
    if (event.kind == EventKind::Note) {
        if (!event.detail.startsWith(DtlsText::cookieVerifiedPrefix()))
            return false;
        light(t, 0, t.flow.steps, Call::Cookie, event);
        if (!b)
            b = addBranch(t, c, event.peerText());
        return light(t, c, b->steps, Call::Cookie, event);
    }
    if (!b || b->ending != Ending::Open)
        return false;
    const auto branchLit = [b](Call call) {
        const int i = b->indexOf(call);
        return i >= 0 && b->steps.at(i).isLit();
    };
    switch (event.kind) {
    case EventKind::Secured:
        b->connected = true;
        return light(t, c, b->steps, Call::Handshake, event);
    case EventKind::DatagramSent:
    case EventKind::DatagramReceived:
    case EventKind::AutoReplied:
        return light(t, c, b->steps, Call::Datagrams, event);
    case EventKind::Error:
        // A failed handshake (a timeout, a refused certificate), or a datagram of its that was dropped.
        return fail(t, c, b->steps, branchLit(Call::Handshake) ? Call::Datagrams : Call::Handshake, event);
    case EventKind::Closed:
    case EventKind::PeerClosed: {
        b->ending = event.kind == EventKind::PeerClosed ? Ending::ClosedByPeer
            : b->connected                              ? Ending::ClosedByUs
                                                        : Ending::Failed;
        b->steps[b->indexOf(Call::Close)].sentence = LifecycleFlow::closeSentence(b->ending, Kind::DtlsServer);
        return light(t, c, b->steps, Call::Close, event);
    }
    default:
        break;
    }
    return false;
}

} // namespace SockPlay
