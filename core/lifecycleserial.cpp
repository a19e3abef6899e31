// LifecycleTracker's serial port: open() → tcsetattr() → write()/read() →
// close(), folded from what SerialConnection logs (a translation unit of
// LifecycleTracker, sharing Tracked through lifecycletracker_p.h).
//
// A serial port logs no socket(): its first event is Connected ("opened at
// 115200 8N1, …"), which tells both that the device opened and that the line
// took its settings (QSerialPort::open() does both), or the Error that open()
// or a modem line failed with. Its connection's peer is the device.

#include "lifecycletracker.h"
#include "lifecycletracker_p.h"

#include "serialspec.h"

namespace SockPlay {

using Call = LifecycleStep::Call;
using Kind = LifecycleFlow::Kind;
using Ending = LifecycleBranch::Ending;

namespace {

/// Between a successful open() and its close().
bool isOpen(const LifecycleFlow &flow)
{
    if (flow.kind != Kind::Serial)
        return false;
    const int open = flow.indexOf(Call::Open);
    const int close = flow.indexOf(Call::Close);
    return open >= 0 && flow.steps.at(open).state != LifecycleStep::State::Failed && flow.steps.at(open).isLit()
        && close >= 0 && !flow.steps.at(close).isLit();
}

} // namespace

bool LifecycleTracker::isSerialLineNote(const Event &event)
{
    return event.kind == EventKind::Note && event.connectionId() > 0 && SerialSpec::isLineNote(event.detail);
}

bool LifecycleTracker::isSerialEvent(const Tracked &t, const Event &event)
{
    if (event.connectionId() <= 0)
        return false; // the endpoint's own refusals (no device, bad settings) reach no call
    switch (event.kind) {
    case EventKind::Connected:
        return SerialSpec::isOpenedText(event.detail);
    case EventKind::Error:
        if (SerialSpec::isOpenFailure(event.detail, event.peerText()))
            return true;
        if (SerialSpec::isLineFailure(event.detail))
            return true;
        break;
    case EventKind::Created:
    case EventKind::LookingUp:
        return false; // the same endpoint, now a TCP client: its flow starts afresh
    default:
        break;
    }
    return t.flow.kind == Kind::Serial;
}

bool LifecycleTracker::applySerial(Tracked &t, const Event &event)
{
    LifecycleFlow &f = t.flow;
    switch (event.kind) {
    case EventKind::Connected:
        // Opened, and the line set up as asked: both steps, in order.
        restart(t, Kind::Serial);
        light(t, 0, f.steps, Call::Open, event);
        light(t, 0, f.steps, Call::Configure, event);
        return true;
    case EventKind::Error:
        if (SerialSpec::isOpenFailure(event.detail, event.peerText())) {
            restart(t, Kind::Serial);
            return fail(t, 0, f.steps, Call::Open, event);
        }
        if (SerialSpec::isLineFailure(event.detail)) {
            // While opening (DTR off asked of a device without modem lines), or later.
            if (!isOpen(f)) {
                restart(t, Kind::Serial);
                light(t, 0, f.steps, Call::Open, event);
            }
            return fail(t, 0, f.steps, Call::Configure, event);
        }
        // A read or a write failed; the device going away follows as PeerClosed.
        return isOpen(f) && fail(t, 0, f.steps, Call::Exchange, event);
    case EventKind::Note:
        return isOpen(f) && isSerialLineNote(event) && light(t, 0, f.steps, Call::Configure, event);
    case EventKind::Sent:
    case EventKind::Received:
    case EventKind::Message:
    case EventKind::AutoReplied:
        return isOpen(f) && light(t, 0, f.steps, Call::Exchange, event);
    case EventKind::Closed:
    case EventKind::PeerClosed: {
        if (!isOpen(f))
            return false;
        const Ending ending = event.kind == EventKind::PeerClosed ? Ending::ClosedByPeer : Ending::ClosedByUs;
        f.steps[f.indexOf(Call::Close)].sentence = LifecycleFlow::closeSentence(ending, Kind::Serial);
        return light(t, 0, f.steps, Call::Close, event);
    }
    default:
        return false;
    }
}

} // namespace SockPlay
