#include "simulatedlink.h"

#include <QRandomGenerator>

#include <algorithm>

namespace SockPlay {

SimulatedLink::SimulatedLink(QObject *parent)
    : QObject(parent)
{
    m_clock.start();
    m_timer.setSingleShot(true);
    // Coarse timers may fire up to 5% late: a 20 ms delay must look like 20 ms.
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &SimulatedLink::releaseDue);
    setSpec({});
}

SimulatedLink::~SimulatedLink() = default;

void SimulatedLink::setSpec(const SimLinkSpec &spec)
{
    m_spec = spec;
    m_seed = spec.seed;
    // 0 asks for a random one. A picked one is never 0 and fits an int (the
    // window's seed field), so it can be typed back.
    while (m_seed == 0)
        m_seed = QRandomGenerator::global()->generate() & 0x7fffffffU;
    m_engine.seed(m_seed);
    m_counts = {};
}

QString SimulatedLink::describe() const
{
    SimLinkSpec shown = m_spec;
    shown.seed = m_seed;
    QString text = shown.describe();
    if (seedPicked())
        text += QStringLiteral(" (picked at random; set this seed to see the same again)");
    return text;
}

double SimulatedLink::uniform()
{
    // As genrand_res53 of the reference Mersenne Twister: 27 + 26 bits.
    const quint64 high = m_engine() >> 5;
    const quint64 low = m_engine() >> 6;
    return (double(high) * 67108864.0 + double(low)) * (1.0 / 9007199254740992.0);
}

SimulatedLink::Decision SimulatedLink::decide()
{
    const double lossDraw = uniform();
    const double duplicateDraw = uniform();
    const double jitterDraw = uniform();
    Decision decision;
    decision.drop = lossDraw * 100.0 < m_spec.lossPercent;
    decision.duplicate = !decision.drop && duplicateDraw * 100.0 < m_spec.duplicatePercent;
    int offset = 0;
    if (m_spec.jitterMs > 0) {
        // 2J + 1 whole offsets, -J..J, equally likely.
        const int span = 2 * m_spec.jitterMs + 1;
        offset = std::min(int(jitterDraw * span), span - 1) - m_spec.jitterMs;
    }
    decision.delayMs = std::max(0, m_spec.delayMs + offset);
    ++m_counts.datagrams;
    if (decision.drop)
        ++m_counts.dropped;
    if (decision.duplicate)
        ++m_counts.duplicated;
    return decision;
}

bool SimulatedLink::later(const Entry &a, const Entry &b)
{
    return a.dueNs != b.dueNs ? a.dueNs > b.dueNs : a.serial > b.serial;
}

SimulatedLink::HoldResult SimulatedLink::hold(Datagram &&datagram)
{
    const qint64 size = datagram.bytes.size();
    if (int(m_heap.size()) >= MaxHeldDatagrams || m_heldBytes + size > MaxHeldBytes) {
        ++m_counts.overflowed;
        return std::exchange(m_overflowing, true) ? HoldResult::Full : HoldResult::FullFirst;
    }
    const qint64 dueNs = m_clock.nsecsElapsed() + qint64(datagram.delayMs) * 1000000;
    m_heap.push_back({dueNs, ++m_serial, std::move(datagram)});
    std::push_heap(m_heap.begin(), m_heap.end(), &SimulatedLink::later);
    m_heldBytes += size;
    if (m_heap.front().serial == m_serial) // the new one is the earliest
        arm();
    return HoldResult::Held;
}

void SimulatedLink::arm()
{
    if (m_heap.empty()) {
        m_timer.stop();
        return;
    }
    const qint64 waitNs = m_heap.front().dueNs - m_clock.nsecsElapsed();
    m_timer.start(waitNs <= 0 ? 0 : int((waitNs + 999999) / 1000000));
}

void SimulatedLink::releaseDue()
{
    const qint64 now = m_clock.nsecsElapsed();
    // One at a time off the heap: the release may send, log, even stop the
    // endpoint (discard()), so the heap is read afresh each turn.
    while (!m_heap.empty() && m_heap.front().dueNs <= now) {
        std::pop_heap(m_heap.begin(), m_heap.end(), &SimulatedLink::later);
        Datagram datagram = std::move(m_heap.back().datagram);
        m_heap.pop_back();
        m_heldBytes -= datagram.bytes.size();
        if (m_heap.size() < size_t(MaxHeldDatagrams) / 2 && m_heldBytes < MaxHeldBytes / 2)
            m_overflowing = false; // room again: the next refusal is a new burst
        if (m_release)
            m_release(std::move(datagram));
    }
    arm();
}

int SimulatedLink::discard()
{
    const int count = int(m_heap.size());
    m_heap.clear();
    m_heap.shrink_to_fit();
    m_heldBytes = 0;
    m_overflowing = false;
    m_timer.stop();
    return count;
}

QString SimulatedLink::detailFor(int delayMs, bool copy)
{
    if (copy && delayMs > 0)
        return QStringLiteral("duplicated by the simulated link; delayed %1 ms").arg(delayMs);
    if (copy)
        return QStringLiteral("duplicated by the simulated link");
    if (delayMs > 0)
        return QStringLiteral("delayed %1 ms by the simulated link").arg(delayMs);
    return {};
}

QString SimulatedLink::overflowDetail()
{
    return QStringLiteral("dropped by the simulated link: it already holds %1 datagrams or %2 MiB (its limit)")
        .arg(MaxHeldDatagrams)
        .arg(MaxHeldBytes >> 20);
}

void SimLinkSlot::apply(QObject *owner, const SimLinkSpec &spec, const SimulatedLink::Release &release)
{
    const bool active = spec.isActive();
    if (active && !link) {
        link = new SimulatedLink(owner);
        link->setRelease(release);
    }
    if (link)
        link->setSpec(spec);
    onSend = active && spec.direction == SimLinkSpec::Direction::Send;
    onReceive = active && spec.direction == SimLinkSpec::Direction::Receive;
}

} // namespace SockPlay
