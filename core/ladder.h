#pragma once

#include "event.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <deque>

namespace SockPlay {

class LogFollower;
class EventLog;

/// The conversation as a ladder (sequence) diagram: a lane per endpoint and
/// per accepted connection, and arrows between lanes for the handshake, each
/// write, each datagram, FIN and RST. Computed in core, fed from a
/// LogFollower, so the diagram, the CLI and tests read the same thing.
///
/// Matching: a TCP write on one of our connections is matched to the reads of
/// the other side (both ours) by the connection's 4-tuple and the stream
/// offset, so an arrow ends where its first byte was read (a write read in
/// several chunks says so). A UDP datagram is matched to the next datagram
/// received by the socket bound to its destination from its source port with
/// the same size; one never received is lost once a later one of the same
/// flow arrived or a second of log time went by. A peer that is not one of
/// our endpoints (a Python client) gets a lane of its own.
///
/// Bounded: at most maxArrows() arrows (the oldest are dropped and counted),
/// O(1) amortised work per event, payloads kept only as the follower's preview.
class Ladder final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Ladder)
public:
    enum class LaneKind : quint8 {
        Endpoint,   ///< a client, a UDP socket, a server's listening socket
        Connection, ///< one accepted connection of a server
        Peer,       ///< an address that is not one of our endpoints
    };
    struct Lane
    {
        LaneKind kind = LaneKind::Endpoint;
        int endpointId = 0;   ///< 0 for a peer
        int connectionId = 0; ///< Connection lanes only
        QString name;         ///< "client", "server #3 (127.0.0.1:41234)", "peer 127.0.0.1:5555"
        QString address;      ///< the local address of the lane, when known ("127.0.0.1:5000")
    };

    enum class ArrowKind : quint8 { Syn, SynAck, Ack, Data, Datagram, Fin, Rst, TurnedAway };
    enum ArrowFlag : quint8 {
        Kernel = 1,    ///< the kernel's work (the handshake), not a call the program made
        Lost = 2,      ///< a datagram that never arrived
        Automatic = 4, ///< written by a responder (echo, a rule)
        InFlight = 8,  ///< not (yet) seen arriving at the other side
        Simulated = 16, ///< with Lost: dropped by the simulated link, not by a network
    };
    struct Arrow
    {
        int from = 0; ///< lane index
        int to = 0;
        qint64 startNs = 0; ///< relative to the first event read since the last clear
        qint64 endNs = 0;
        ArrowKind kind = ArrowKind::Data;
        quint8 flags = 0;
        int chunks = 0;            ///< reads its bytes took (0: not read by us)
        qint64 byteCount = 0;
        quint64 sequence = 0;      ///< the event it stands for (the write, the Connecting, ...)
        quint64 endSequence = 0;   ///< the event where it arrived (the read of its first byte), if any
        quint64 lastSequence = 0;  ///< the read of its last byte, if it took several
        QByteArray preview;        ///< the follower's preview of the payload (shared, not copied)

        bool has(ArrowFlag flag) const { return flags & flag; }
        bool standsFor(quint64 s) const
        {
            return s == sequence || (endSequence && s >= endSequence && s <= qMax(endSequence, lastSequence));
        }
    };

    static constexpr int DefaultMaxArrows = 20000;
    static constexpr qint64 DatagramLostAfterNs = 1000000000;

    explicit Ladder(QObject *parent = nullptr);
    ~Ladder() override;

    /// Reads the log through its own LogFollower (from the log's start).
    void follow(EventLog *log);
    /// Reads what a follower shared with other views reads (not owned): one
    /// pass over the log per batch, whatever the number of views.
    void follow(LogFollower *follower);
    /// Folds events in, oldest first (what LogFollower::eventsRead hands out).
    void addEvents(const QList<Event> &events);
    /// Forgets everything (the log was cleared).
    void clear();
    /// These many events were not read: the matching in flight is forgotten.
    void skip(quint64 count);

    int maxArrows() const { return m_maxArrows; }
    void setMaxArrows(int max);

    const QList<Lane> &lanes() const { return m_lanes; }
    /// Arrows shown, oldest first.
    qsizetype arrowCount() const { return qsizetype(m_arrows.size()); }
    const Arrow &arrow(qsizetype index) const { return m_arrows[size_t(index)]; }
    /// Arrows dropped to stay within maxArrows() since the last clear.
    quint64 droppedArrows() const { return m_dropped; }
    /// Events the follower could not read (a flood outran it) since the last clear.
    quint64 skippedEvents() const { return m_skipped; }
    /// The index of the arrow that stands for event `sequence`, or -1.
    qsizetype indexOfSequence(quint64 sequence) const;

    /// "SYN", "6 bytes: hello\n", "datagram 4 bytes: ping (lost)",
    /// "datagram 4 bytes: ping (dropped by the simulated link)", "12 bytes: … (read as 3 chunks)".
    static QString label(const Arrow &arrow);
    /// "message, client to server #1, 6 bytes: hello\n, at 12.3 ms" (screen readers, tooltips).
    QString describe(const Arrow &arrow) const;
    /// "12.345 ms", "1.250 s".
    static QString timeText(qint64 ns);

signals:
    /// New arrows or lanes, or arrows that changed (arrived, lost) after the last batch.
    void changed();
    /// Everything is gone (clear()).
    void cleared();

private:
    struct Conn;
    struct PendingDatagram;

    Conn &connOf(const Event &event);
    int endpointLane(const Event &event);
    int connectionLane(const Event &event);
    int peerLane(const QString &address);
    int addLane(Lane lane);
    Arrow *arrowBySerial(quint64 serial);
    quint64 addArrow(Arrow arrow);
    qint64 relative(const Event &event);

    void onConnecting(const Event &event);
    void onConnected(const Event &event);
    void onAccepted(const Event &event);
    void onListening(const Event &event);
    void onSent(const Event &event, bool automatic);
    void onReceived(const Event &event);
    void onDatagramSent(const Event &event, bool automatic);
    void onDatagramReceived(const Event &event);
    void onSimulatedDrop(const Event &event);
    void onFinSent(const Event &event);
    void onPeerClosed(const Event &event);
    void onError(const Event &event);
    void onTurnedAway(const Event &event);
    void expireDatagrams(qint64 nowNs);
    /// Registers a connection by its 4-tuple once both addresses are known, and matches it with its other side.
    void attach(Conn &conn, const Event &event);
    void link(Conn &conn, Conn &mirror);
    void forget(Conn &conn);
    /// Where a connection's arrows go: its mirror's lane, the peer's, or the listening socket's.
    int farLane(Conn &conn);

    LogFollower *m_follower = nullptr;
    int m_maxArrows = DefaultMaxArrows;
    QList<Lane> m_lanes;
    std::deque<Arrow> m_arrows;
    quint64 m_firstSerial = 1; // serial of m_arrows.front()
    quint64 m_dropped = 0;
    quint64 m_skipped = 0;
    bool m_haveOrigin = false;
    qint64 m_originNs = 0;

    QHash<quint64, int> m_endpointLanes;   // endpointId -> lane
    QHash<quint64, int> m_connectionLanes; // endpointId << 32 | connectionId -> lane
    QHash<QString, int> m_peerLanes;       // address -> lane
    QHash<int, bool> m_servers;            // TCP server endpoints (listened or accepted)
    QHash<int, bool> m_udpEndpoints;       // endpoints that sent or received datagrams
    QHash<QString, int> m_listening;       // "addr:port" (and ":port" for any address) -> listening lane
    QHash<QString, int> m_udpBound;        // the same for UDP sockets -> lane
    QHash<QString, int> m_connectingTo;    // target "addr:port" -> our clients still connecting there
    QHash<quint64, Conn *> m_conns;        // endpointId << 32 | connectionId
    QHash<QString, Conn *> m_byTuple;      // "local>peer" of our TCP connections
    QHash<QString, quint64> m_turnedAway;  // a client's "local>peer" -> its arrow, until its Connected
    QHash<quint64, std::deque<quint64>> m_datagramFlows; // lane << 32 | source port -> arrows in flight
    std::deque<PendingDatagram> m_datagramsInFlight;     // oldest first, to call them lost
};

} // namespace SockPlay
