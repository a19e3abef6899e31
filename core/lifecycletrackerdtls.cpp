// LifecycleTracker's DTLS flows (another translation unit of the tracker):
// one row from socket() to close(), lit by the cookie exchange's notes,
// Secured, the datagrams and close_notify.

#include "lifecycletracker.h"
#include "lifecycletracker_p.h"

namespace SockPlay {

using Call = LifecycleStep::Call;
using Kind = LifecycleFlow::Kind;

bool LifecycleTracker::isDtlsKind(Kind kind)
{
    return kind == Kind::DtlsServer || kind == Kind::DtlsClient;
}

bool LifecycleTracker::isCookieNote(const Event &event)
{
    // The notes of core/dtlsconnection.cpp and core/dtlsserverendpoint.cpp.
    return event.kind == EventKind::Note
        && (event.detail.contains(QLatin1String("HelloVerifyRequest"))
            || event.detail.startsWith(QLatin1String("ClientHello with a valid cookie")));
}

bool LifecycleTracker::applyDtls(Tracked &t, const Event &event)
{
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
        return isCookieNote(event) && light(t, 0, f.steps, Call::Cookie, event);
    case EventKind::Secured:
        return light(t, 0, f.steps, Call::Handshake, event);
    case EventKind::DatagramSent:
    case EventKind::DatagramReceived:
    case EventKind::AutoReplied:
        return light(t, 0, f.steps, Call::Datagrams, event);
    case EventKind::Closed:
    case EventKind::PeerClosed:
        // A server's client ending is not the server's close().
        return (client || c == 0) && light(t, 0, f.steps, Call::Close, event);
    case EventKind::Error:
        if (!client) {
            // The server's own start failed; one client's trouble fails no step of its row.
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

} // namespace SockPlay
