#include "ladder_p.h"

#include "payloadcodec.h"
#include "serialspec.h"

#include <algorithm>

namespace SockPlay {

using namespace LadderDetail;

void Ladder::onSent(const Event &event, bool automatic)
{
    Conn &conn = connOf(event);
    Arrow arrow;
    arrow.from = conn.lane;
    arrow.to = farLane(conn);
    arrow.startNs = arrow.endNs = relative(event);
    arrow.kind = ArrowKind::Data;
    arrow.flags = automatic ? Automatic : 0;
    arrow.byteCount = event.byteCount;
    arrow.sequence = event.sequence;
    arrow.preview = event.payload;
    const bool matchable = !conn.foreign && event.streamOffset >= 0 && event.byteCount > 0;
    if (matchable)
        arrow.flags |= InFlight;
    const quint64 serial = addArrow(std::move(arrow));
    if (matchable) {
        conn.writes.push_back({event.streamOffset, event.byteCount, serial});
        if (qsizetype(conn.writes.size()) > MaxQueuedWrites)
            conn.writes.pop_front();
    }
}

void Ladder::onReceived(const Event &event)
{
    Conn &conn = connOf(event);
    const qint64 t = relative(event);
    bool matched = false;
    if (conn.mirror && event.streamOffset >= 0) {
        // Each write ends where its first byte was read; a write whose bytes
        // took several reads counts them.
        const qint64 begin = event.streamOffset;
        const qint64 end = begin + event.byteCount;
        std::deque<Conn::Write> &writes = conn.mirror->writes;
        while (!writes.empty()) {
            const Conn::Write write = writes.front();
            if (write.offset >= end)
                break;
            if (write.offset + write.size <= begin) {
                writes.pop_front(); // its reads were not seen
                continue;
            }
            matched = true;
            if (Arrow *arrow = arrowBySerial(write.serial)) {
                if (write.offset >= begin) {
                    arrow->to = conn.lane;
                    arrow->endNs = t;
                    arrow->endSequence = event.sequence;
                    arrow->chunks = 1;
                    arrow->flags &= ~InFlight;
                } else {
                    ++arrow->chunks;
                }
                arrow->lastSequence = event.sequence;
            }
            if (write.offset + write.size > end)
                break; // the rest comes with the next read
            writes.pop_front();
        }
    }
    if (matched)
        return;
    // From a peer we do not see writing (or whose writes were not read): the read itself.
    addArrow(readAt(ArrowKind::Data, farLane(conn), conn.lane, t, event));
}

void Ladder::onFinSent(const Event &event)
{
    Conn &conn = connOf(event);
    if (!conn.target.isEmpty()) {
        // Closed before it connected: no FIN, and no longer connecting.
        if (--m_connectingTo[conn.target] <= 0)
            m_connectingTo.remove(conn.target);
        conn.target.clear();
    }
    const bool closed = event.kind == EventKind::Closed;
    if (!conn.finSent && !conn.tuple.isEmpty()) {
        conn.finSent = true;
        Arrow fin;
        fin.from = conn.lane;
        fin.to = farLane(conn);
        fin.startNs = fin.endNs = relative(event);
        fin.kind = ArrowKind::Fin;
        fin.sequence = event.sequence;
        const bool awaited = !conn.foreign && !(conn.mirror && conn.mirror->finished);
        if (awaited)
            fin.flags = InFlight;
        const quint64 serial = addArrow(std::move(fin));
        if (awaited)
            conn.finSerial = serial;
    }
    if (closed) {
        conn.finished = true;
        forget(conn);
    }
}

void Ladder::onPeerClosed(const Event &event)
{
    Conn &conn = connOf(event);
    const qint64 t = relative(event);
    if (conn.reset) {
        // The RST was the end: no FIN came, and none goes back.
        conn.finished = true;
        forget(conn);
        return;
    }
    Arrow *theirs = conn.mirror ? arrowBySerial(std::exchange(conn.mirror->finSerial, 0)) : nullptr;
    if (theirs) {
        theirs->to = conn.lane;
        theirs->endNs = t;
        theirs->endSequence = event.sequence;
        theirs->flags &= ~InFlight;
    } else {
        addArrow(arrivedAt(ArrowKind::Fin, farLane(conn), conn.lane, t, event));
    }
    if (!conn.finSent) {
        // The socket closes on end-of-stream: our FIN goes back.
        conn.finSent = true;
        Arrow fin;
        fin.from = conn.lane;
        fin.to = farLane(conn);
        fin.startNs = fin.endNs = t;
        fin.kind = ArrowKind::Fin;
        fin.sequence = event.sequence;
        const bool awaited = conn.mirror && !conn.mirror->finished;
        if (awaited)
            fin.flags = InFlight;
        const quint64 serial = addArrow(std::move(fin));
        if (awaited)
            conn.finSerial = serial;
    }
    conn.finished = true;
    forget(conn);
}

bool Ladder::openDevice(const Event &event)
{
    if (!SerialSpec::isOpenedText(event.detail))
        return false;
    // A serial port opened: no handshake crosses the line. Its bytes go to
    // and come from the device, which gets a lane of its own.
    Conn &conn = connOf(event);
    conn.foreign = true;
    conn.device = true;
    conn.fallbackLane = peerLane(event.peerText());
    return true;
}

bool Ladder::closeDevice(const Event &event)
{
    Conn *conn = m_conns.value(pairKey(event.endpointId(), event.connectionId()));
    if (!conn || !conn->device)
        return false;
    conn->finished = true; // a serial line has no goodbye to draw
    forget(*conn);
    return true;
}

void Ladder::forget(Conn &conn)
{
    // Kept until both sides are done: the other side's FIN still ends here.
    if (conn.mirror && !conn.mirror->finished)
        return;
    for (Conn *side : {conn.mirror, &conn}) {
        if (!side)
            continue;
        if (!side->tuple.isEmpty() && m_byTuple.value(side->tuple) == side)
            m_byTuple.remove(side->tuple);
        if (m_conns.value(side->key) == side)
            m_conns.remove(side->key);
    }
    delete conn.mirror;
    delete &conn;
}

void Ladder::onError(const Event &event)
{
    if (event.connectionId() == 0 || m_udpEndpoints.contains(event.endpointId()))
        return;
    const QString &detail = event.detail;
    const bool refused = detail.contains(u"refused", Qt::CaseInsensitive);
    if (!refused && !detail.contains(u"reset", Qt::CaseInsensitive))
        return;
    Conn &conn = connOf(event);
    conn.reset = !refused;
    if (refused && !conn.target.isEmpty()) {
        if (--m_connectingTo[conn.target] <= 0)
            m_connectingTo.remove(conn.target);
        conn.target.clear();
    }
    Arrow rst = arrivedAt(ArrowKind::Rst, farLane(conn), conn.lane, relative(event), event);
    rst.flags = refused ? Kernel : 0;
    addArrow(std::move(rst));
}

void Ladder::onTurnedAway(const Event &event)
{
    const int lane = endpointLane(event);
    int to = -1;
    QString mirrorTuple;
    bool ours = false;
    if (event.source) {
        const EventSource &s = *event.source;
        mirrorTuple = addressKey(s.peerAddress, s.peerPort) + u'>' + addressKey(s.localAddress, s.localPort);
        if (const Conn *client = m_byTuple.value(mirrorTuple))
            to = client->lane;
        // One of our clients still connecting there: its Connected may come after this.
        ours = to < 0 && m_connectingTo.value(addressKey(s.localAddress, s.localPort)) > 0;
    }
    Arrow arrow;
    arrow.from = lane;
    arrow.to = to >= 0 ? to : ours ? lane : peerLane(event.peerText());
    arrow.startNs = arrow.endNs = relative(event);
    arrow.kind = ArrowKind::TurnedAway;
    arrow.sequence = event.sequence;
    const quint64 serial = addArrow(std::move(arrow));
    if (ours) {
        if (m_turnedAway.size() > MaxQueuedWrites)
            m_turnedAway.clear(); // clients that never said Connected: forget them
        m_turnedAway.insert(mirrorTuple, serial);
    }
}

qsizetype Ladder::indexOfSequence(quint64 sequence) const
{
    // Arrows are made in event order: their own sequences only grow.
    const auto it = std::lower_bound(m_arrows.cbegin(), m_arrows.cend(), sequence,
                                     [](const Arrow &arrow, quint64 s) { return arrow.sequence < s; });
    if (it != m_arrows.cend() && it->sequence == sequence)
        return qsizetype(it - m_arrows.cbegin());
    // A read or a FIN's arrival: an earlier arrow ended there.
    const qsizetype from = qsizetype(it - m_arrows.cbegin()) - 1;
    for (qsizetype i = from; i >= 0 && i > from - BackwardSearch; --i) {
        if (m_arrows[size_t(i)].standsFor(sequence))
            return i;
    }
    return -1;
}

namespace {

// What happened to a data or datagram arrow, after its bytes: "reply 5
// bytes: hello (duplicate)". Shared by the label ("datagram " in front) and
// the description (which says "datagram" first itself).
QString dataText(const Ladder::Arrow &arrow)
{
    QString preview = PayloadCodec::renderText(arrow.preview.left(PreviewChars));
    if (preview.size() > PreviewChars)
        preview = preview.left(PreviewChars);
    const bool cut = arrow.byteCount > std::min<qint64>(arrow.preview.size(), PreviewChars) || preview.size() == PreviewChars;
    const QString bytes = arrow.byteCount == 1 ? Ladder::tr("1 byte") : Ladder::tr("%1 bytes").arg(arrow.byteCount);
    QString text = arrow.has(Ladder::Automatic) ? Ladder::tr("reply %1").arg(bytes) : bytes;
    if (!preview.isEmpty())
        text += u": " + preview + (cut ? QStringLiteral("…") : QString());
    if (arrow.chunks > 1)
        text += u' ' + Ladder::tr("(read as %1 chunks)").arg(arrow.chunks);
    if (arrow.has(Ladder::Duplicate))
        text += u' ' + Ladder::tr("(duplicate)");
    if (arrow.has(Ladder::Reordered))
        text += u' ' + Ladder::tr("(reordered)");
    if (arrow.has(Ladder::Simulated))
        text += u' ' + Ladder::tr("(dropped by the simulated link)");
    else if (arrow.has(Ladder::Lost))
        text += u' ' + Ladder::tr("(lost)");
    return text;
}

} // namespace

QString Ladder::label(const Arrow &arrow)
{
    switch (arrow.kind) {
    case ArrowKind::Syn: return QStringLiteral("SYN");
    case ArrowKind::SynAck: return QStringLiteral("SYN-ACK");
    case ArrowKind::Ack: return QStringLiteral("ACK");
    case ArrowKind::Fin: return QStringLiteral("FIN");
    case ArrowKind::Rst: return arrow.has(Kernel) ? tr("RST (refused)") : QStringLiteral("RST");
    case ArrowKind::TurnedAway: return tr("turned away (RST)");
    case ArrowKind::Data: return dataText(arrow);
    case ArrowKind::Datagram: return tr("datagram %1").arg(dataText(arrow));
    case ArrowKind::Tls:
        return arrow.preview.isEmpty() ? tr("TLS handshake") : tr("TLS handshake (%1)").arg(QString::fromUtf8(arrow.preview));
    case ArrowKind::Upgrade:
    case ArrowKind::Cookie: return QString::fromUtf8(arrow.preview);
    case ArrowKind::Dtls:
        return arrow.preview.isEmpty() ? tr("DTLS handshake") : tr("DTLS handshake (%1)").arg(QString::fromUtf8(arrow.preview));
    }
    return {};
}

QString Ladder::describe(const Arrow &arrow) const
{
    const QString from = arrow.from >= 0 && arrow.from < m_lanes.size() ? m_lanes.at(arrow.from).name : QString();
    const QString to = arrow.to >= 0 && arrow.to < m_lanes.size() ? m_lanes.at(arrow.to).name : QString();
    QString text;
    switch (arrow.kind) {
    case ArrowKind::Data: text = tr("message, %1 to %2, %3").arg(from, to, dataText(arrow)); break;
    case ArrowKind::Datagram: text = tr("datagram, %1 to %2, %3").arg(from, to, dataText(arrow)); break;
    case ArrowKind::TurnedAway: text = tr("turned away, %1 to %2").arg(from, to); break;
    default: text = tr("%1, %2 to %3").arg(label(arrow), from, to); break;
    }
    text += u", " + tr("at %1").arg(timeText(arrow.startNs));
    if (arrow.has(Kernel))
        text += u", " + tr("by the kernel");
    if (arrow.has(InFlight))
        text += u", " + tr("not seen arriving");
    return text;
}

QString Ladder::timeText(qint64 ns)
{
    if (ns < 1000000000)
        return QString::number(double(ns) / 1e6, 'f', 3) + QStringLiteral(" ms");
    return QString::number(double(ns) / 1e9, 'f', 3) + QStringLiteral(" s");
}

} // namespace SockPlay
