#pragma once
// The simulated UDP link: what a lossy, duplicating, jittery network would do
// to each datagram of one endpoint, decided by a seeded generator.

#include "simlink.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QTimer>

#include <functional>
#include <random>
#include <vector>

namespace SockPlay {

/// Decides, per datagram, whether it is dropped, duplicated and how long it
/// is delayed (SimLinkSpec), and holds delayed datagrams until their time.
///
/// Decisions come from std::mt19937 seeded with the spec's seed: its output
/// is fixed by the C++ standard, and the draws are turned into numbers here
/// (not by std::uniform_*_distribution, whose results differ between standard
/// libraries), so the same seed gives the same decisions on every platform
/// and run. Every datagram takes the same three draws (loss, duplicate,
/// jitter) whatever happens to it, so one decision never shifts the next.
/// Loss is decided first; a datagram that is not lost is duplicated with the
/// duplicate probability, so a receiver expects n × (1 − loss) × (1 + dup).
///
/// Held datagrams wait in a heap ordered by due time (ties: in the order they
/// came) behind ONE timer, armed for the earliest: holding 10,000 datagrams
/// costs 10,000 heap entries, not 10,000 timers. The hold is bounded
/// (MaxHeldDatagrams, MaxHeldBytes); past it hold() refuses and the owner
/// drops the datagram. A duplicate's copy is held with the same due time as
/// its original and goes out right after it.
///
/// The link only decides and holds; its owner (UdpEndpoint) logs and sends.
class SimulatedLink final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimulatedLink)
public:
    /// Datagrams held at most (a flood through a long delay is dropped past it).
    static constexpr int MaxHeldDatagrams = 10000;
    /// Bytes held at most (10,000 datagrams of 64 KiB would be 640 MiB).
    static constexpr qint64 MaxHeldBytes = qint64(64) << 20;

    /// What the link does to one datagram.
    struct Decision
    {
        bool drop = false;
        bool duplicate = false; ///< never together with drop
        int delayMs = 0;        ///< delayMs ± jitter, >= 0
    };

    /// A datagram on its way: the bytes, the address it goes to or came from,
    /// and what its owner needs to finish the journey.
    struct Datagram
    {
        QByteArray bytes;
        QHostAddress address;
        quint16 port = 0;
        quint8 tag = 0;    ///< the owner's own (UdpEndpoint: a Connection::Origin)
        int delayMs = 0;   ///< what the link added
        bool copy = false; ///< the second copy of a duplicated datagram
    };

    enum class HoldResult : quint8 {
        Held,      ///< released when due
        Full,      ///< refused: the link holds its limit (the burst was already reported)
        FullFirst, ///< refused, the first of a burst: the owner says so once
    };

    /// What the link decided so far (since the last setSpec()).
    struct Counts
    {
        quint64 datagrams = 0;  ///< decisions taken
        quint64 dropped = 0;    ///< by the loss probability
        quint64 duplicated = 0;
        quint64 overflowed = 0; ///< refused by hold(): the link was full
    };

    using Release = std::function<void(Datagram &&datagram)>;

    explicit SimulatedLink(QObject *parent = nullptr);
    ~SimulatedLink() override;

    /// New settings; the generator starts again from the seed (seed 0: a
    /// random one, see seed()). What is held stays held.
    void setSpec(const SimLinkSpec &spec);
    const SimLinkSpec &spec() const { return m_spec; }
    /// The seed in use: the spec's, or the one picked for seed 0.
    quint32 seed() const { return m_seed; }
    /// The spec said 0 and seed() was picked at random.
    bool seedPicked() const { return m_spec.seed == 0; }
    /// "simulated link on send: 10% loss, ..., seed 7" (a picked seed shown, and how to repeat it).
    QString describe() const;

    /// Whether the link delays at all (then every datagram that is not dropped is held).
    bool delays() const { return m_spec.delayMs > 0 || m_spec.jitterMs > 0; }
    /// The next datagram's fate.
    Decision decide();
    Counts counts() const { return m_counts; }

    /// Called for each held datagram when it is due (in due order).
    void setRelease(Release release) { m_release = std::move(release); }
    /// Holds a datagram for datagram.delayMs; refused when full.
    HoldResult hold(Datagram &&datagram);
    int heldCount() const { return int(m_heap.size()); }
    qint64 heldBytes() const { return m_heldBytes; }
    /// Forgets what is held (the endpoint stops); returns how many.
    int discard();

    /// The log's detail for a datagram that went through: "delayed 23 ms by
    /// the simulated link", "duplicated by the simulated link", both, or empty.
    static QString detailFor(int delayMs, bool copy);
    /// Whether an event's detail says it is a duplicate's second copy.
    static bool isCopy(const QString &detail) { return detail.startsWith(QLatin1String("duplicated by the simulated link")); }
    /// The detail of a drop event.
    static QString dropDetail() { return QStringLiteral("dropped by the simulated link"); }
    /// The detail of a drop because the link was full.
    static QString overflowDetail();

private:
    struct Entry
    {
        qint64 dueNs = 0;
        quint64 serial = 0; // ties in arrival order
        Datagram datagram;
    };
    /// std::push_heap keeps the largest on top: "larger" is "due later".
    static bool later(const Entry &a, const Entry &b);
    /// A uniform number in [0, 1) from two draws (53 bits, the same everywhere).
    double uniform();
    void releaseDue();
    void arm();

    SimLinkSpec m_spec;
    quint32 m_seed = 0;
    std::mt19937 m_engine;
    Counts m_counts;
    Release m_release;
    std::vector<Entry> m_heap;
    qint64 m_heldBytes = 0;
    quint64 m_serial = 0;
    bool m_overflowing = false; // in a burst of refusals, reported once
    QElapsedTimer m_clock;
    QTimer m_timer{this};
};

/// Where an endpoint keeps its simulated link: made (a child of its owner,
/// handing datagrams back through release) the first time a spec turns it
/// on, and which way it acts. UdpEndpoint and UdpRelayEndpoint each hold one.
struct SimLinkSlot
{
    SimulatedLink *link = nullptr;
    bool onSend = false;    ///< on what the socket sends
    bool onReceive = false; ///< on what it receives

    void apply(QObject *owner, const SimLinkSpec &spec, const SimulatedLink::Release &release);
};

} // namespace SockPlay
