#include "ladder_p.h"

#include "logfollower.h"
#include "relayspec.h"

#include <algorithm>

namespace SockPlay {

using namespace LadderDetail;

Ladder::Ladder(QObject *parent)
    : QObject(parent)
{
}

Ladder::~Ladder()
{
    qDeleteAll(m_conns);
}

void Ladder::follow(EventLog *log)
{
    delete m_follower;
    m_follower = new LogFollower(log, true, this);
    follow(m_follower);
}

void Ladder::follow(LogFollower *follower)
{
    clear();
    connect(follower, &LogFollower::eventsRead, this, &Ladder::addEvents);
    connect(follower, &LogFollower::cleared, this, &Ladder::clear);
    connect(follower, &LogFollower::skipped, this, &Ladder::skip);
}

void Ladder::setMaxArrows(int max)
{
    m_maxArrows = std::max(1, max);
    while (m_arrows.size() > size_t(m_maxArrows)) {
        m_arrows.pop_front();
        ++m_firstSerial;
        ++m_dropped;
    }
}

void Ladder::clear()
{
    m_lanes.clear();
    m_arrows.clear();
    m_firstSerial = 1;
    m_dropped = 0;
    m_skipped = 0;
    m_haveOrigin = false;
    m_originNs = 0;
    m_endpointLanes.clear();
    m_connectionLanes.clear();
    m_peerLanes.clear();
    m_servers.clear();
    m_udpEndpoints.clear();
    m_dtlsEndpoints.clear();
    m_cookieAnswers.clear();
    m_relays.clear();
    m_listening.clear();
    m_udpBound.clear();
    m_connectingTo.clear();
    qDeleteAll(m_conns);
    m_conns.clear();
    m_byTuple.clear();
    m_turnedAway.clear();
    m_datagramPaths.clear();
    m_datagramsInFlight.clear();
    emit cleared();
}

void Ladder::skip(quint64 count)
{
    // What was in flight may have arrived among the events not read: say
    // nothing rather than something wrong.
    m_skipped += count;
    for (Conn *conn : std::as_const(m_conns))
        conn->writes.clear();
    m_datagramPaths.clear();
    m_datagramsInFlight.clear();
    m_cookieAnswers.clear();
    for (Arrow &arrow : m_arrows)
        arrow.flags &= ~InFlight;
    emit changed();
}

void Ladder::addEvents(const QList<Event> &events)
{
    if (events.isEmpty())
        return;
    if (!m_haveOrigin)
        relative(events.constFirst()); // times count from the first event read
    for (const Event &event : events) {
        if (event.endpointId() == 0)
            continue; // the window's or a script's notes
        switch (event.kind) {
        case EventKind::Created:
            onDtlsCreated(event);
            if (event.connectionId() == 0) {
                if (event.detail.startsWith(RelaySpec::socketDetailPrefix()))
                    m_relays.insert(event.endpointId(), true);
                else
                    m_relays.remove(event.endpointId());
            }
            break;
        case EventKind::Bound:
            if (event.source)
                remember(m_udpBound, event.source->localAddress, event.source->localPort, endpointLane(event));
            break;
        case EventKind::Listening: onListening(event); break;
        case EventKind::Connecting: onConnecting(event); break;
        case EventKind::Connected: onConnected(event); break;
        case EventKind::Accepted: onAccepted(event); break;
        case EventKind::Sent: onSent(event, false); break;
        case EventKind::AutoReplied:
            if (m_udpEndpoints.contains(event.endpointId()))
                onDatagramSent(event, true);
            else
                onSent(event, true);
            break;
        case EventKind::Received: onReceived(event); break;
        case EventKind::DatagramSent: onDatagramSent(event, false); break;
        case EventKind::DatagramReceived: onDatagramReceived(event); break;
        case EventKind::SimulatedDrop: onSimulatedDrop(event); break;
        case EventKind::HalfClosed: onFinSent(event); break;
        case EventKind::Closed:
            if (closeDevice(event))
                break;
            if (m_dtlsEndpoints.value(event.endpointId()) && event.connectionId() != 0)
                break; // one client's association ended: the server's socket stays where it is
            if (event.connectionId() != 0 && !m_udpEndpoints.contains(event.endpointId()))
                onFinSent(event);
            else // a socket closed: its address no longer leads to its lane
                m_udpBound.removeIf([lane = m_endpointLanes.value(quint64(event.endpointId()), -1)](const auto &entry) {
                    return entry.value() == lane;
                });
            break;
        case EventKind::Stopped:
            m_listening.removeIf([lane = m_endpointLanes.value(quint64(event.endpointId()), -1)](const auto &entry) {
                return entry.value() == lane;
            });
            break;
        case EventKind::PeerClosed:
            if (!closeDevice(event) && !m_dtlsEndpoints.contains(event.endpointId()))
                onPeerClosed(event);
            break;
        case EventKind::Error: onError(event); break;
        case EventKind::TurnedAway: onTurnedAway(event); break;
        case EventKind::Secured:
            if (m_dtlsEndpoints.contains(event.endpointId()))
                onDtlsSecured(event);
            else
                onSecured(event);
            break;
        case EventKind::Note: // only the upgrade's note and DTLS's cookie exchange draw
            if (m_dtlsEndpoints.contains(event.endpointId()))
                onDtlsNote(event);
            else
                onUpgrade(event);
            break;
        default: break;
        }
    }
    expireDatagrams(relative(events.constLast()));
    emit changed();
}

qint64 Ladder::relative(const Event &event)
{
    if (!m_haveOrigin) {
        m_haveOrigin = true;
        m_originNs = event.timeNs;
    }
    return event.timeNs - m_originNs;
}

int Ladder::addLane(Lane lane)
{
    m_lanes.append(std::move(lane));
    return int(m_lanes.size() - 1);
}

int Ladder::endpointLane(const Event &event)
{
    const int id = event.endpointId();
    const int lane = m_endpointLanes.value(quint64(id), -1);
    if (lane >= 0) {
        if (m_lanes.at(lane).name != event.endpointName())
            m_lanes[lane].name = event.endpointName(); // renamed ("Alice")
        return lane;
    }
    Lane l;
    l.endpointId = id;
    l.name = event.endpointName();
    const int index = addLane(std::move(l));
    m_endpointLanes.insert(quint64(id), index);
    return index;
}

int Ladder::connectionLane(const Event &event)
{
    const quint64 key = pairKey(event.endpointId(), event.connectionId());
    if (const int lane = m_connectionLanes.value(key, -1); lane >= 0)
        return lane;
    Lane l;
    l.kind = LaneKind::Connection;
    l.endpointId = event.endpointId();
    l.connectionId = event.connectionId();
    l.name = QStringLiteral("%1 #%2 (%3)").arg(event.endpointName()).arg(event.connectionId()).arg(event.peerText());
    l.address = event.localText();
    const int index = addLane(std::move(l));
    m_connectionLanes.insert(key, index);
    return index;
}

int Ladder::peerLane(const QString &address)
{
    if (const int lane = m_peerLanes.value(address, -1); lane >= 0)
        return lane;
    Lane l;
    l.kind = LaneKind::Peer;
    l.name = tr("peer %1").arg(address);
    l.address = address;
    const int index = addLane(std::move(l));
    m_peerLanes.insert(address, index);
    return index;
}

Ladder::Arrow *Ladder::arrowBySerial(quint64 serial)
{
    if (serial < m_firstSerial || serial >= m_firstSerial + m_arrows.size())
        return nullptr;
    return &m_arrows[size_t(serial - m_firstSerial)];
}

quint64 Ladder::addArrow(Arrow arrow)
{
    m_arrows.push_back(std::move(arrow));
    if (m_arrows.size() > size_t(m_maxArrows)) {
        m_arrows.pop_front();
        ++m_firstSerial;
        ++m_dropped;
    }
    return m_firstSerial + m_arrows.size() - 1;
}

Ladder::Conn &Ladder::connOf(const Event &event)
{
    const quint64 key = pairKey(event.endpointId(), event.connectionId());
    if (Conn *conn = m_conns.value(key))
        return *conn;
    auto *conn = new Conn;
    conn->key = key;
    conn->lane = m_servers.contains(event.endpointId()) && !m_relays.contains(event.endpointId())
        ? connectionLane(event)
        : endpointLane(event);
    conn->peerText = event.peerText();
    m_conns.insert(key, conn);
    if (event.kind == EventKind::Accepted) {
        conn->openNs = relative(event);
        conn->openSequence = event.sequence;
    }
    // A connection first seen with both addresses (accepted, or read after
    // its opening was skipped) can be matched with its other side at once.
    attach(*conn, event);
    return *conn;
}

void Ladder::attach(Conn &conn, const Event &event)
{
    if (!conn.tuple.isEmpty() || !event.source || event.source->localPort == 0 || event.source->peerPort == 0)
        return;
    const EventSource &s = *event.source;
    const QString local = addressKey(s.localAddress, s.localPort);
    const QString peer = addressKey(s.peerAddress, s.peerPort);
    conn.tuple = local + u'>' + peer;
    m_byTuple.insert(conn.tuple, &conn);
    if (Arrow *turnedAway = arrowBySerial(m_turnedAway.take(conn.tuple)))
        turnedAway->to = conn.lane;
    if (Conn *mirror = m_byTuple.value(peer + u'>' + local); mirror && !mirror->mirror && mirror != &conn)
        link(conn, *mirror);
}

void Ladder::link(Conn &conn, Conn &mirror)
{
    conn.mirror = &mirror;
    mirror.mirror = &conn;
    conn.foreign = mirror.foreign = false;
    for (Conn *side : {&conn, &mirror}) {
        const Conn &other = *side->mirror;
        for (const Conn::Write &write : side->writes) {
            if (Arrow *arrow = arrowBySerial(write.serial))
                arrow->to = other.lane;
        }
        if (Arrow *ack = arrowBySerial(std::exchange(side->ackSerial, 0))) {
            ack->to = other.lane;
            ack->endNs = std::max(ack->endNs, other.openNs);
            ack->endSequence = other.openSequence;
        }
        if (Arrow *fin = arrowBySerial(side->finSerial))
            fin->to = other.lane;
    }
}

int Ladder::farLane(Conn &conn)
{
    if (conn.mirror)
        return conn.mirror->lane;
    if (conn.fallbackLane < 0) {
        // Its opening was not read (skipped, or before the log's start): a peer as far as we know.
        conn.foreign = true;
        conn.fallbackLane = peerLane(conn.peerText);
    }
    return conn.fallbackLane;
}

} // namespace SockPlay
