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
/// several chunks says so). A peer that is not one of our endpoints (a
/// Python client) gets a lane of its own.
///
/// Datagrams: a simulated link (or a real network) drops, duplicates and
/// reorders them, so a received datagram is matched to the datagram still
/// pending on its path (the receiving socket and the sender's port) with the
/// same size and the same payload preview (as far as both previews go: an
/// event may have lost its payload to the log's budget), oldest such first.
/// UDP keeps a datagram's bytes together, so one of another size or with
/// other bytes is never the same datagram: no fallback steals another's
/// match; it gets an arrow of its own, ending where it arrived.
///
/// An arrival is "(reordered)" when a datagram sent after it on its path
/// arrived first. (A link on the sender reorders before its socket: the log
/// sends the datagrams in the order they leave the link, so their arrows do
/// not cross; the numbers a demo sends show the shuffle.) The second copy of
/// a duplicated datagram (its detail says "duplicated by the simulated
/// link") is an arrow of its own, "(duplicate)", from the same sender, naming
/// the send it copies (copyOf), and takes nothing else's match.
///
/// A datagram is lost only on evidence:
///  - a SimulatedDrop (the link says so: a cross, "dropped by the simulated link");
///  - more than OvertakenLostAfter (64) arrivals on its path since it was
///    sent: a link's jitter reorders within a few datagrams (20 ± 15 ms at
///    one datagram every 5 ms: up to 6), so 64 later arrivals say it is gone,
///    and a burst of up to 64 datagrams shuffled at once draws no cross;
///  - nothing from it DatagramLostAfterNs (2 s) of log time after its send:
///    longer than loopback or a classroom link (20 ± 15 ms) ever takes.
/// The last two are presumptions: a datagram presumed lost that arrives
/// after all (a link delaying it seconds) is drawn as arriving, as long as
/// it is among the last MaxPendingPerPath (256) datagrams sent on its path.
///
/// Above TCP (ladderlayers.cpp): a connection's Secured event draws a "TLS
/// handshake" arrow into the lane that logged it, and a WebSocket upgrade
/// note draws the request and its 101 answer. What each is drawn from, and
/// where, is said there.
///
/// DTLS (ladderdtls.cpp): a lane per DTLS endpoint, as for UDP. The cookie
/// exchange is drawn from the server's notes (ClientHello, HelloVerifyRequest
/// with the cookie, ClientHello with it), the handshake from each side's
/// Secured, and the decrypted datagrams as UDP's are, matched on their path.
///
/// Bounded: at most maxArrows() arrows (the oldest are dropped and counted),
/// O(1) amortised work per event except a datagram's arrival, which looks
/// through the datagrams pending on its path (at most MaxPendingPerPath,
/// usually the first few), payloads kept only as the follower's preview.
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

    /// Tls: the TLS handshake, drawn from a Secured event; Upgrade: the
    /// WebSocket upgrade's request or its 101 answer, from the upgrade note;
    /// Cookie: a message of DTLS's cookie exchange (ClientHello,
    /// HelloVerifyRequest); Dtls: the DTLS handshake, from a Secured event.
    enum class ArrowKind : quint8 { Syn, SynAck, Ack, Data, Datagram, Fin, Rst, TurnedAway, Tls, Upgrade, Cookie, Dtls };
    enum ArrowFlag : quint8 {
        Kernel = 1,    ///< the kernel's work (the handshake), not a call the program made
        Lost = 2,      ///< a datagram not seen arriving: dropped, or presumed lost (see the rules above)
        Automatic = 4, ///< written by a responder (echo, a rule)
        InFlight = 8,  ///< not (yet) seen arriving at the other side
        Simulated = 16, ///< with Lost: dropped by the simulated link, not by a network
        Reordered = 32, ///< a datagram that arrived after one sent later on its path
        Duplicate = 64, ///< the second copy of a datagram (duplicated by the simulated link)
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
        QByteArray preview;        ///< the follower's preview of the payload (shared, not copied);
                                   ///< Tls, Dtls: the version and cipher; Upgrade: the request line or
                                   ///< the answer; Cookie: the message's name
        quint64 copyOf = 0;        ///< a Duplicate: the send of the datagram it copies, if known

        bool has(ArrowFlag flag) const { return flags & flag; }
        bool standsFor(quint64 s) const
        {
            return s == sequence || (endSequence && s >= endSequence && s <= qMax(endSequence, lastSequence));
        }
    };

    static constexpr int DefaultMaxArrows = 20000;
    /// A datagram not seen arriving this long after its send (log time) is presumed lost.
    static constexpr qint64 DatagramLostAfterNs = 2000000000;
    /// A datagram still pending after these many arrivals on its path is presumed lost.
    static constexpr int OvertakenLostAfter = 64;
    /// Datagrams pending per path at most (the oldest beyond it is lost, and no longer matched).
    static constexpr int MaxPendingPerPath = 256;

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
    /// "datagram 4 bytes: ping (dropped by the simulated link)", "datagram 2 bytes: 17 (reordered)",
    /// "datagram 2 bytes: 17 (duplicate)", "12 bytes: … (read as 3 chunks)".
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
    struct DatagramPath;

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
    /// A serial port's Connected: its device's lane, and no handshake (false: not a serial port's).
    bool openDevice(const Event &event);
    /// A serial port's Closed or PeerClosed: it ends, with no arrow (false: not a serial port's).
    bool closeDevice(const Event &event);
    void onError(const Event &event);
    void onTurnedAway(const Event &event);
    void onSecured(const Event &event);
    void onUpgrade(const Event &event);
    /// A DTLS endpoint's socket (Created): its events are drawn as datagrams.
    void onDtlsCreated(const Event &event);
    /// A DTLS endpoint's note: a step of the cookie exchange, if it is one.
    void onDtlsNote(const Event &event);
    void onDtlsSecured(const Event &event);
    /// The lane of a DTLS endpoint's peer: our socket bound there, or a peer's lane.
    int dtlsPeerLane(const Event &event);
    void expireDatagrams(qint64 nowNs);
    /// An arrival (or a drop on receive) takes the pending datagram it is: its arrow's serial, or 0.
    quint64 takePending(DatagramPath &path, const Event &event);
    /// The second copy of a duplicated datagram arrived: an arrow of its own.
    void onDuplicateArrived(DatagramPath *path, int lane, qint64 t, const Event &event);
    /// Datagrams pending since more than OvertakenLostAfter arrivals are presumed lost.
    void presumeOvertakenLost(DatagramPath &path);
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
    QHash<int, bool> m_dtlsEndpoints;      // DTLS endpoints (also in m_udpEndpoints) -> is a server
    QHash<int, quint64> m_cookieAnswers;   // our DTLS client's lane -> the HelloVerifyRequest on its way
    // Relays: both sides of every conversation on the relay's own lane, so a
    // conversation reads as three lanes (client, relay, target).
    QHash<int, bool> m_relays;
    QHash<QString, int> m_listening;       // "addr:port" (and ":port" for any address) -> listening lane
    QHash<QString, int> m_udpBound;        // the same for UDP sockets -> lane
    QHash<QString, int> m_connectingTo;    // target "addr:port" -> our clients still connecting there
    QHash<quint64, Conn *> m_conns;        // endpointId << 32 | connectionId
    QHash<QString, Conn *> m_byTuple;      // "local>peer" of our TCP connections
    QHash<QString, quint64> m_turnedAway;  // a client's "local>peer" -> its arrow, until its Connected
    QHash<quint64, DatagramPath> m_datagramPaths;    // receiving lane << 32 | source port
    std::deque<PendingDatagram> m_datagramsInFlight; // oldest first, to presume them lost by time
};

} // namespace SockPlay
