#pragma once
// Recording: what a user did in the window, played back as a Script.
//
// The log is the recording: Record notes the log's next sequence number,
// Stop reads the events from there and turns them into steps, with the
// endpoints' configs (Session::snapshot) for what events do not carry
// (framing, echo, rules). So recording costs nothing while it runs, and what
// is recorded is exactly what the log shows.

#include "endpointtypes.h"
#include "event.h"
#include "script.h"

#include <QList>
#include <QStringList>

namespace SockPlay {

class EventLog;

/// Turns the log's events into a Script that does the same again:
///   - an endpoint that became active opens ("listen", "connect", "bind"),
///     with its framing, echo and enabled rules as the CLI writes them;
///   - a send per user send (Sent, DatagramSent; automatic replies are the
///     rules' and echo's job on replay, so they are not steps);
///   - an expect per message received: each whole Message when the endpoint
///     frames a TCP stream (the exact payload, as the regex ^…$), each
///     datagram likewise, each read (Received) of a raw stream as text the
///     bytes received contain; as hex when the bytes are not printable UTF-8;
///   - a close when the user closed a client or stopped a server.
/// A client that connects to a server recorded in the same script connects
/// to ${SERVER.port}, and that server listens on port 0, so the replay runs
/// on whatever port is free. A client of a server outside the script
/// connects to ${host}:${port} (variables with the recorded defaults).
/// Endpoints that were already active when recording started are opened
/// first (the script opens its own copies). What cannot be replayed (a
/// truncated payload, a kicked connection, a second connection of a client,
/// errors) is left out and said in the notes.
class ScriptRecorder final
{
public:
    struct Recording
    {
        Script script;
        /// What was left out or changed, one sentence each, for the user to read.
        QStringList notes;
    };

    /// Starts a recording at the log's next sequence number, with the
    /// endpoints as they are now (Session::snapshot of every id).
    void begin(quint64 nextSequence, const QList<EndpointSnapshot> &endpoints);
    bool isRecording() const { return m_recording; }
    /// The first sequence number recorded.
    quint64 fromSequence() const { return m_from; }
    /// Ends the recording: the log's events since begin(), with endpoints
    /// as they are now (the configs of those started meanwhile). Events the
    /// log no longer holds are counted in a note.
    Recording finish(const EventLog &log, const QList<EndpointSnapshot> &endpoints);

    /// The work itself, on events in sequence order: atStart are the
    /// endpoints when recording began, endpoints as they are now. Events of
    /// an endpoint in neither (one removed since: a script's) are left out.
    static Recording build(const QList<Event> &events, const QList<EndpointSnapshot> &atStart,
                           const QList<EndpointSnapshot> &endpoints);

private:
    bool m_recording = false;
    quint64 m_from = 0;
    QList<EndpointSnapshot> m_atStart;
};

} // namespace SockPlay
