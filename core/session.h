#pragma once

#include "endpointtypes.h"
#include "eventlog.h"
#include "ratewindow.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QTimer>

#include <array>
#include <functional>

namespace SockPlay {

class Endpoint;
class ReplyTemplate;

/// Everything that runs: the endpoints, the event log and the statistics. The
/// only core object that ui/ and the CLI talk to.
///
/// Commands go in and return at once; what they lead to (started, refused,
/// sent, closed) comes back as events in the log and as signals carrying
/// value snapshots. A command called from another thread is queued to the
/// session's thread, so the session (and every socket) can live on a network
/// thread while the window only renders.
///
/// Endpoints are made from a value-type config by a factory keyed by
/// transport and role; a new transport is a registerTransport() call, not a
/// new code path through ui/. Endpoint ids are the session's, from 1; an id
/// stays with its pane when the user switches transport (a new endpoint
/// object behind the same id).
class Session : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Session)
public:
    using Factory = std::function<Endpoint *(const QString &name, EventLog *log, QObject *parent, int id)>;

    explicit Session(QObject *parent = nullptr);
    explicit Session(const EventLog::Limits &limits, QObject *parent = nullptr);
    ~Session() override;

    /// The log every endpoint writes to. Views read it; it is thread-safe.
    EventLog *log() const { return m_log; }

    /// What an endpoint of this transport and role can do (before it exists).
    static EndpointCapabilities capabilitiesOf(Transport transport, Role role);
    /// The same for a whole config: a UDP relay (RelaySpec::udp) is a
    /// relay whose sides carry datagrams.
    static EndpointCapabilities capabilitiesOf(const EndpointConfig &config);
    void registerTransport(Transport transport, Role role, Factory factory);

    // Commands: they return at once.

    /// A new, idle endpoint; returns its id.
    int addEndpoint(const EndpointConfig &config);
    /// (Re)configures and starts. A different transport or role makes a new
    /// endpoint object behind the same id.
    void start(int endpointId, const EndpointConfig &config);
    void stop(int endpointId);
    void removeEndpoint(int endpointId);
    /// Gives an endpoint another name ("Alice"): its snapshots at once, its
    /// events from now on if it is idle, else from its next start (a running
    /// endpoint's connections keep the name they were opened with).
    void renameEndpoint(int endpointId, const QString &name);
    /// connectionId 0: every connection (a client: its connection or target).
    void send(int endpointId, int connectionId, const QByteArray &bytes);
    /// connectionId 0: every connection.
    void closeConnection(int endpointId, int connectionId);
    /// Done sending, still receiving (TCP). connectionId 0: every connection.
    void halfClose(int endpointId, int connectionId = 0);
    /// One more client connection to the same server.
    void openConnection(int endpointId);
    void setEcho(int endpointId, bool on);
    /// A UDP endpoint's simulated link, also while running (kept for the next
    /// start); refused (errorOccurred) for TCP or with values out of range.
    void setSimLink(int endpointId, const SimLinkSpec &spec);
    /// The automatic-reply rules, also while running (kept for the next start).
    void setRules(int endpointId, const QList<Rule> &rules);
    /// How streams are cut into messages: connectionId 0 sets the endpoint's
    /// framing (every connection, and the next start); otherwise one
    /// connection's, until it closes.
    void setFraming(int endpointId, int connectionId, const FrameSpec &spec);
    /// Sends payload `count` times (0: until stopRepeat) every intervalMs (>= 1)
    /// to connectionId (0: every connection / a client's target), through
    /// send()'s path (the same events, errors and counters). Send k expands
    /// the template's macros with {{counter}} = k; a macro that fails ends the
    /// repeat with an error (logged and errorOccurred), as does a refused send.
    /// Deadlines are start + k * interval on the monotonic clock (see
    /// RepeatSchedule): no drift, whatever the lateness of each wake-up. While
    /// more than FileSender::MaxQueuedBytes wait to go out, sends are held.
    /// One repeat per endpoint: a new one replaces the running one; stopping
    /// (or restarting, removing) the endpoint stops it.
    void startRepeat(int endpointId, int connectionId, const ReplyTemplate &payload, quint64 count, int intervalMs);
    void stopRepeat(int endpointId);
    /// Streams a file's bytes to connectionId (0: as send()), in chunks, never
    /// queueing more than FileSender::MaxQueuedBytes of unsent bytes: it reads
    /// on as bytes drain. A datagram endpoint sends the file as one datagram if
    /// it fits (65,507 bytes), else refuses it. One file send per endpoint at a
    /// time (a second is refused). An unreadable file, a closed connection or
    /// a stopped endpoint end it with an error in the log.
    void sendFile(int endpointId, int connectionId, const QString &path);
    /// Logs a note "file send cancelled after X of Y bytes".
    void cancelFileSend(int endpointId);
    /// Logs an error the user made in this endpoint's controls (the UI shows it).
    void logError(int endpointId, const QString &message);
    /// A Note (or, error true, an Error) that is about no endpoint: the
    /// window's or a script's own ("opened session.json"). `who` is what the
    /// log's endpoint column shows ("window", "script"). From any thread.
    void logNote(const QString &who, const QString &text, bool error = false);
    void clearLog();
    void setLogLimits(const EventLog::Limits &limits);
    /// WebSocket: a ping (payload at most 125 bytes) on connectionId (0:
    /// every open connection); each pong is logged with its round trip.
    void ping(int endpointId, int connectionId = 0, const QByteArray &payload = {});
    /// WebSocket: closes connectionId (0: every one) with a close frame
    /// carrying code and reason ("1000 normal: bye" in the log). A code that
    /// may not be sent is refused (errorOccurred), as for any other transport.
    void closeWithCode(int endpointId, int connectionId, int code, const QString &reason = {});
    /// UDP receiver: joins a multicast group while it runs, on interfaceName
    /// (empty: its configured interface). A Note says so; a failure (not a
    /// group, no such interface, the system refuses) is an Error with the
    /// reason (and errorOccurred), and the receiver keeps running. The group
    /// is kept in its config for the next start.
    void joinGroup(int endpointId, const QString &group, const QString &interfaceName = {});
    /// UDP receiver: leaves a group it joined (a Note), or an Error.
    void leaveGroup(int endpointId, const QString &group, const QString &interfaceName = {});
    /// Serial: raises (on) or lowers DTR or RTS. While the port is open a
    /// Note, or an Error with the system's reason (a pseudo-terminal has no
    /// modem lines; RTS belongs to hardware flow control); kept for the next
    /// start either way, unless setting it failed. Refused for other transports.
    void setSerialLine(int endpointId, SerialSpec::Line line, bool on);

    // Value snapshots: copies, safe from any thread.

    QList<int> endpointIds() const;
    EndpointSnapshot snapshot(int endpointId) const;
    /// In the session's thread: live. From another: as of the last stats tick,
    /// and only while something listens to connectionsUpdated (a list of
    /// 10,000 connections is not built four times a second for nobody).
    QList<ConnectionInfo> connections(int endpointId) const;

    /// How often counters and rates are published.
    static constexpr int StatsIntervalMs = 250;
    static_assert(StatsIntervalMs * RateWindow::Ticks == 1000, "a connection's rate window is one second");

signals:
    void endpointAdded(const SockPlay::EndpointSnapshot &snapshot);
    void endpointRemoved(int endpointId);
    /// State, addresses or error changed (at once), or counters (once per stats tick).
    void endpointChanged(const SockPlay::EndpointSnapshot &snapshot);
    void connectionOpened(int endpointId, const SockPlay::ConnectionInfo &connection);
    void connectionClosed(int endpointId, int connectionId);
    /// Counters of every connection of an endpoint, once per stats tick when they changed.
    void connectionsUpdated(int endpointId, const QList<SockPlay::ConnectionInfo> &connections);
    /// An error the user should see next to the control that caused it (also logged).
    void errorOccurred(int endpointId, const QString &message);
    void dataReceived(int endpointId, int connectionId, const QByteArray &bytes);
    /// A whole message (framing other than raw), without its framing.
    void messageReceived(int endpointId, int connectionId, const QByteArray &payload);
    /// Bytes left an endpoint's queue for the kernel; pending is what still
    /// waits. Coalesced: at most one per endpoint per pass of the event loop
    /// (connectionId 0 when several connections wrote).
    void bytesWritten(int endpointId, int connectionId, qint64 bytes, qint64 pending);
    /// A server turned a client away (its limit of clients is reached).
    void clientTurnedAway(int endpointId, const QString &peer, const QString &reason);
    /// A repeat's count so far; count 0: until stopped. running false: it
    /// ended (count reached, stopped, or failed). One at the start, at most
    /// one per StatsIntervalMs while it runs, one at the end (with the exact count).
    void repeatProgress(int endpointId, quint64 sent, quint64 count, bool running);
    /// Bytes of a file send handed to the endpoint so far. finished: done,
    /// cancelled or failed (then sent < total). Throttled like repeatProgress.
    void fileSendProgress(int endpointId, qint64 sent, qint64 total, bool finished);

private:
    struct Entry;

    /// Runs f now in the session's thread, or queues it there.
    template <typename F> void command(F &&f);
    Entry *entry(int endpointId);
    Endpoint *makeEndpoint(const EndpointConfig &config, int id);
    void wire(int endpointId, Endpoint *endpoint);
    void publish(int endpointId);
    /// Ends a running repeat and file send (the endpoint stops, restarts or goes).
    void endSends(int endpointId, const QString &why);
    /// joinGroup() and leaveGroup(), in the session's thread (sessionmulticast.cpp).
    void changeGroup(int endpointId, const QString &group, const QString &interfaceName, bool join);
    void tick();
    /// Someone listens to connectionsUpdated (the window's tables do; the CLI does not).
    bool wantsConnectionLists() const;
    EndpointSnapshot snapshotLocked(int endpointId) const;

    EventLog *m_log = nullptr;
    QHash<quint16, Factory> m_factories; // key: transport << 8 | role
    QHash<int, Entry *> m_entries;
    QList<int> m_order;
    std::atomic_int m_lastId = 0;
    QTimer m_statsTimer{this}; // a child: it moves with the session to its thread
    QElapsedTimer m_clock;
    qint64 m_tickNumber = 0;
    // When the last RateWindow::Ticks ticks happened, slot number % Ticks
    // (0, the clock's start, before the first ones).
    std::array<qint64, RateWindow::Ticks> m_tickTimes{};
    mutable QMutex m_snapshotMutex; // guards m_snapshots and m_connections
    QHash<int, EndpointSnapshot> m_snapshots;
    QHash<int, QList<ConnectionInfo>> m_connections;
};

} // namespace SockPlay
