#pragma once

#include "address.h"
#include "endpointtypes.h"
#include "event.h"
#include "ratewindow.h"
#include "result.h"

#include <QHash>
#include <QSet>
#include <QList>
#include <QObject>

#include <memory>

namespace SockPlay {

class Connection;
class EventLog;
class Responder;

/// One thing the user starts: a TCP server, a TCP client, a UDP socket (later
/// TLS, WebSocket, serial, a relay). An endpoint only creates, accepts and
/// closes connections; every byte goes through its connections' one pipeline
/// (see Connection). A new transport is a new Endpoint subclass plus, at
/// most, a new Connection subclass.
///
/// ui/ never sees this class: it talks to the Session. Core tests and the
/// session drive endpoints directly. Endpoints never block.
class Endpoint : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Endpoint)
public:
    /// Target meaning "every connection" (or a client's own target) for send().
    static constexpr int AllConnections = 0;

    /// id 0 takes the next id of a process-wide counter (endpoints made
    /// outside a session); a session gives its own ids, from 1.
    Endpoint(const QString &name, EventLog *log, QObject *parent = nullptr, int id = 0);
    ~Endpoint() override;

    int id() const { return m_id; }
    QString name() const { return m_name; }
    EventLog *log() const { return m_log; }
    EndpointState state() const { return m_state; }
    bool isActive() const { return m_state == EndpointState::Active; }
    /// A reference, not a copy: the pipeline asks for its bounds on every
    /// read (a copy of the whole config, its strings and lists, per message).
    const EndpointConfig &config() const { return m_config; }
    virtual EndpointCapabilities capabilities() const = 0;

    /// Turn echo on or off, also while running (logged as a note).
    void setEcho(bool echo);
    /// Replace the automatic-reply rules, also while running: every
    /// connection uses the new list from its next message on (logged as a note).
    void setRules(const QList<Rule> &rules);
    /// Change how a stream is cut into messages, for every connection and
    /// the ones to come (connectionId 0), or for one connection only.
    Result setFraming(int connectionId, const FrameSpec &spec);

    /// The last error's text (empty when none since the last start).
    QString errorString() const { return m_errorString; }

    /// Start with this config. A synchronous failure (port in use, bad address)
    /// returns false with the reason; asynchronous ones (refused, host not
    /// found) arrive through errorOccurred(). Both are logged.
    virtual Result start(const EndpointConfig &config) = 0;
    /// Stop: close every connection (each logs its Closed now and is
    /// forgotten at once) and the listening/bound socket.
    virtual void stop() = 0;
    /// Send to one connection, or to AllConnections (a client: its target).
    virtual Result send(int connectionId, const QByteArray &bytes);
    /// Close one connection (the server kicks a client; UDP forgets the peer).
    Result disconnectConnection(int connectionId);
    /// Done sending on one connection (or all), still receiving.
    Result halfClose(int connectionId);

    /// The bound/listening local address, valid while active.
    virtual QHostAddress localAddress() const = 0;
    virtual quint16 localPort() const = 0;

    /// Bytes accepted by send() that have not reached the kernel yet, over
    /// every connection. A producer (the CLI reading a file into a socket)
    /// pauses while this is high and resumes on bytesWritten().
    qint64 pendingWriteBytes() const;

    /// Connections now, in the order they appeared.
    QList<ConnectionInfo> connections() const;
    int connectionCount() const { return int(m_order.size()); }
    Connection *connection(int connectionId) const { return m_connections.value(connectionId); }
    /// The open connections, in the order they appeared (a relay writes to them).
    QList<Connection *> openConnections() const;
    /// While relaying (EndpointConfig::relayToOthers): some connection's
    /// outgoing queue is over maxPendingWriteBytes, so the relay holds reading.
    bool relayQueueOverBound() const { return !m_overBound.isEmpty(); }

    /// Totals since the last start.
    qint64 bytesIn() const { return m_stats.bytesIn; }
    qint64 bytesOut() const { return m_stats.bytesOut; }
    EndpointStats stats() const { return m_stats; }

    /// This endpoint as a value (no connection list).
    EndpointSnapshot snapshot() const;

    /// The session's stats tick: the rates of every connection that counted
    /// bytes since the last tick, or whose rates are still fading to 0 (the
    /// others rest: 10,000 idle connections cost nothing here). Returns
    /// whether any connection's rates were computed, i.e. whether the
    /// connection list changed (one last time when rates reach 0).
    bool sampleConnectionRates(const RateTick &tick);

    /// Logs an error the user made with this endpoint (a bad payload, say)
    /// and keeps it as errorString(); the caller shows it, so no errorOccurred().
    void logUserError(const QString &message);

signals:
    void stateChanged(SockPlay::EndpointState state);
    /// An error the user should see next to the control that caused it.
    void errorOccurred(const QString &message);
    void connectionOpened(int connectionId);
    void connectionClosed(int connectionId);
    /// Bytes left our queue for the kernel (see pendingWriteBytes()).
    void bytesWritten(int connectionId, qint64 bytes);
    /// Bytes arrived on a connection (after the pipeline ran).
    void dataReceived(int connectionId, const QByteArray &bytes);
    /// A whole message arrived (framing other than raw): what it carries,
    /// without its framing.
    void messageReceived(int connectionId, const QByteArray &payload);
    /// A server closed a client at once (too many clients); also logged as TurnedAway.
    void clientTurnedAway(const QString &peer, const QString &reason);

protected:
    /// Appends an event of the endpoint itself.
    void logEvent(EventKind kind, const QString &detail = {});
    /// Appends an event about a peer that is not (or not yet) a connection.
    void logEvent(EventKind kind, const EventSourcePtr &source, const QString &detail);
    void setState(EndpointState state);
    /// Records the error, logs it as an Error event and emits errorOccurred.
    void reportError(const QString &message, const EventSourcePtr &source = {});
    /// reportError() and return the failure: every refusal reaches the log too.
    Result refuse(const QString &message, const EventSourcePtr &source = {});
    /// A new start: config kept, error, counters and connection ids reset.
    void beginStart(const EndpointConfig &config);
    /// A connection's queue grew or shrank: keeps pendingWriteBytes() a sum
    /// over the connections that have something queued.
    void updateBacklog(const Connection *connection);
    void setConfig(const EndpointConfig &config) { m_config = config; }
    /// The endpoint's own source, after the local address changed.
    void updateSource();
    const EventSourcePtr &endpointSource() const { return m_source; }

    /// The next connection id of this endpoint (1, 2, 3, ... since the last start).
    int nextConnectionId() { return ++m_lastConnectionId; }
    /// Takes a connection in: it is listed, what it reports reaches our
    /// signals, and it is forgotten (and deleted later) when it finishes.
    void adopt(Connection *connection);
    /// Closes and forgets every connection now (stop()).
    void closeAllConnections();
    QList<int> connectionIds() const { return m_order; }
    /// A client's state from its connections: the most advanced one speaks
    /// (open, closing, connecting, looking up; none: idle).
    EndpointState stateFromConnections() const;
    /// Called when a connection's state changes (a client derives its own state).
    virtual void connectionStateChanged(Connection *connection);
    /// Called after a connection is forgotten.
    virtual void connectionForgotten(Connection *connection);
    /// Whether a connection must not read for now (asked only for the ones
    /// holdReadingFor() named: a relay's sides, while the other side's queue
    /// is over the bound or it is not open yet). Never, by default.
    virtual bool holdsReading(const Connection &connection) const;
    /// From now on, connection asks holdsReading() before each read.
    void holdReadingFor(Connection *connection);
    /// Bytes arrived on a connection, after its pipeline ran (a relay passes them on).
    virtual void connectionDelivered(Connection *connection, const QByteArray &bytes);
    /// Bytes of a connection's queue reached the kernel (a relay resumes the other side's reading).
    virtual void connectionDrained(Connection *connection);
    /// A connection logged an error (before the Error event).
    virtual void connectionFailed(Connection *connection, const QString &message);

private:
    friend class Connection;
    friend class Session; // gives a new endpoint the config it was made from
    void countIn(Connection *connection, qint64 bytes);
    void countOut(Connection *connection, qint64 bytes);
    /// The connection's rates move: it is sampled at the next ticks.
    void markRatesMoving(Connection *connection);
    void forget(int connectionId);
    // What an adopted connection tells its endpoint (see Connection).
    void connectionReceived(Connection *connection, const QByteArray &bytes);
    void connectionMessage(Connection *connection, const QByteArray &payload);
    void connectionWrote(Connection *connection, qint64 bytes);
    void connectionStateMoved(Connection *connection, int state);
    QList<std::shared_ptr<Responder>> responders() const;
    void rebuildResponders();
    /// A queue drained or went away: senders a relay held may read again
    /// (from the event loop: not inside the write that drained it).
    void wakeRelaySenders();

    const int m_id;
    const QString m_name;
    EventLog *m_log = nullptr;
    EndpointConfig m_config;
    EndpointState m_state = EndpointState::Idle;
    QString m_errorString;
    EventSourcePtr m_source;
    EndpointStats m_stats;
    int m_lastConnectionId = 0;
    QHash<int, Connection *> m_connections;
    QList<int> m_order; // connection ids in the order they appeared
    QSet<int> m_backlogged; // connections with bytes waiting in their queue
    QSet<int> m_overBound;  // while relaying: connections whose queue is over the bound
    bool m_relayWakeScheduled = false;
    // Ids of the connections whose rates move (counted since the last tick, or
    // fading): compacted in place each tick, so no allocation once grown.
    QList<int> m_ratesMoving;
    std::shared_ptr<Responder> m_echo;
    QList<std::shared_ptr<Responder>> m_responders; // what every connection gets
};

} // namespace SockPlay
