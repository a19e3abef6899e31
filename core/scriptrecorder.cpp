#include "scriptrecorder.h"

#include "eventlog.h"
#include "scriptrecorder_p.h"

namespace SockPlay {

namespace RecorderDetail {

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

} // namespace RecorderDetail

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
    RecorderDetail::Builder builder(atStart, endpoints);
    builder.openActiveAtStart(atStart);
    for (qsizetype i = 0; i < events.size(); ++i)
        builder.add(events.at(i), i + 1 < events.size() ? &events.at(i + 1) : nullptr);
    return builder.take();
}

} // namespace SockPlay
