#include "relayconversation.h"

#include "connection.h"
#include "endpoint.h"
#include "eventlog.h"

#include <QTimerEvent>

namespace SockPlay {

RelayConversation::RelayConversation(Connection *client, Connection *target, int delayToTargetMs,
                                     int delayToClientMs, qint64 maxPendingBytes, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_target(target)
    , m_clientId(client->id())
    , m_targetId(target->id())
    , m_maxPendingBytes(std::max<qint64>(1, maxPendingBytes))
{
    m_up.delayMs = delayToTargetMs;
    m_down.delayMs = delayToClientMs;
    m_up.detail = QStringLiteral("relayed from #%1").arg(m_clientId);
    m_down.detail = QStringLiteral("relayed from #%1").arg(m_targetId);
    m_clock.start();
}

RelayConversation::~RelayConversation() = default;

Connection *RelayConversation::otherSide(const Connection *side) const
{
    return side == m_client ? m_target.data() : side == m_target ? m_client.data() : nullptr;
}

bool RelayConversation::holdsReading(const Connection &side) const
{
    const Direction &direction = from(&side);
    const Connection *to = destinationOf(direction);
    if (!to)
        return false; // this side is being closed too; what it still reads is dropped
    if (to->state() == Connection::State::LookingUp || to->state() == Connection::State::Connecting) {
        direction.readerHeld = true;
        return true;
    }
    if (direction.bytes + to->pendingWriteBytes() >= m_maxPendingBytes) {
        direction.readerHeld = true;
        return true;
    }
    return false;
}

void RelayConversation::forward(Connection *from, const QByteArray &bytes)
{
    Direction &direction = from == m_client ? m_up : m_down;
    Connection *to = destinationOf(direction);
    if (!to || to->state() == Connection::State::Closing || to->state() == Connection::State::Closed)
        return; // the other side is gone or going: the conversation is ending
    if (direction.delayMs == 0 && direction.queue.empty() && !direction.flushing && to->isOpen()) {
        to->send(bytes, Connection::Origin::User, direction.detail);
        return;
    }
    // Delayed, or the other side is not open yet (what a closing client sent
    // last, or data from a read that came before the hold): held, bounded
    // because the sending side stops reading at the bound (a datagram
    // sender cannot be stopped: past the bound its datagram is dropped).
    if (m_datagrams && !fits(direction, bytes.size())) {
        dropAtBound(direction);
        return;
    }
    direction.queue.push_back({m_clock.elapsed() + direction.delayMs, bytes});
    direction.bytes += bytes.size();
    flush(direction);
}

void RelayConversation::flush(Direction &direction)
{
    if (std::exchange(direction.flushing, true))
        return;
    const qint64 before = direction.bytes;
    while (!direction.queue.empty()) {
        Connection *to = destinationOf(direction);
        if (!to || !to->isOpen() || direction.queue.front().dueMs > m_clock.elapsed())
            break;
        const QByteArray bytes = std::move(direction.queue.front().bytes);
        direction.queue.pop_front();
        direction.bytes -= bytes.size();
        to->send(bytes, Connection::Origin::User, direction.detail);
    }
    direction.flushing = false;
    if (m_datagrams)
        endBurst(direction);
    Connection *to = destinationOf(direction);
    if (!direction.queue.empty() && to && to->isOpen()) {
        const qint64 wait = std::max<qint64>(0, direction.queue.front().dueMs - m_clock.elapsed());
        direction.timer.start(int(wait), Qt::PreciseTimer, this);
    } else {
        direction.timer.stop();
    }
    if (direction.queue.empty() && direction.closeWhenEmpty && to) {
        direction.closeWhenEmpty = false;
        to->close();
        return;
    }
    if (direction.bytes < before)
        wake(sourceOf(direction), direction);
}

void RelayConversation::wake(Connection *reader, const Direction &direction)
{
    if (reader && direction.readerHeld && !holdsReading(*reader)) {
        direction.readerHeld = false;
        reader->resumeReading();
    }
}

void RelayConversation::sideMoved(Connection *side)
{
    // Queued by the endpoint: never inside the write that drained the queue
    // (a nested read and forward would log sends out of order).
    if (side != m_client && side != m_target)
        return;
    Direction &toSide = towards(side);
    flush(toSide);
    wake(sourceOf(toSide), toSide);
}

bool RelayConversation::wantsMove(const Connection *side) const
{
    const Direction &toSide = side == m_client ? m_down : m_up;
    return !toSide.queue.empty() || toSide.readerHeld;
}

void RelayConversation::scheduleMove(Connection *side)
{
    if ((side != m_client && side != m_target) || !wantsMove(side))
        return;
    const bool client = side == m_client;
    if (std::exchange(towards(side).moveScheduled, true))
        return;
    QMetaObject::invokeMethod(this, [this, client] {
        (client ? m_down : m_up).moveScheduled = false;
        if (Connection *side = client ? m_client.data() : m_target.data())
            sideMoved(side);
    }, Qt::QueuedConnection);
}

void RelayConversation::sideFailed(Connection *side, const QString &message)
{
    if (side == m_client)
        m_clientError = message;
    else if (side == m_target)
        m_targetError = message;
}

void RelayConversation::sideGone(Connection *side)
{
    const bool wasClient = side == m_client;
    if (!wasClient && side != m_target)
        return;
    const bool opened = side->info().connectedSince.isValid();
    (wasClient ? m_client : m_target) = nullptr;
    // What waited for the side that is gone goes nowhere.
    Direction &toSide = wasClient ? m_down : m_up;
    toSide.queue.clear();
    toSide.bytes = 0;
    toSide.timer.stop();
    Connection *other = wasClient ? m_target.data() : m_client.data();
    if (!other || other->state() == Connection::State::Closed)
        return;
    const QString target = other->endpoint()->config().relay.targetText();
    if (m_datagrams && !wasClient && (!opened || !m_targetError.isEmpty())) {
        // A UDP target that cannot be resolved, or answered with ICMP port unreachable.
        other->reportAutomaticError(
            QStringLiteral("the relay's target %1 cannot be reached: %2; client #%3's association ends")
                .arg(target, m_targetError.isEmpty() ? QStringLiteral("its socket closed") : m_targetError)
                .arg(m_clientId));
    } else if (m_datagrams) {
        const QString why = wasClient ? QStringLiteral("client #%1's side was closed").arg(m_clientId)
                                      : QStringLiteral("the relay's side to the target (#%1) was closed").arg(m_targetId);
        other->endpoint()->log()->append(EventKind::Note, other->source(), {}, 0, -1,
                                         why + QStringLiteral(": the association ends once what waits for this side is out"));
    } else if (!wasClient && !opened) {
        // Said where the user looks: on the client's side, naming the target and why.
        other->reportAutomaticError(
            QStringLiteral("the relay's target %1 cannot be reached: %2; closing client #%3")
                .arg(target, m_targetError.isEmpty() ? QStringLiteral("the connection attempt ended") : m_targetError)
                .arg(m_clientId));
    } else if (!wasClient && !m_targetError.isEmpty()) {
        other->reportAutomaticError(QStringLiteral("the relay's target %1 failed (%2); closing client #%3")
                                        .arg(target, m_targetError)
                                        .arg(m_clientId));
    } else {
        const QString why = wasClient
            ? (m_clientError.isEmpty() ? QStringLiteral("client #%1 closed").arg(m_clientId)
                                       : QStringLiteral("client #%1 failed (%2)").arg(m_clientId).arg(m_clientError))
            : QStringLiteral("the target closed its side (#%1)").arg(m_targetId);
        other->endpoint()->log()->append(EventKind::Note, other->source(), {}, 0, -1,
                                         why + QStringLiteral(": closing this side once what waits for it is out"));
    }
    Direction &toOther = wasClient ? m_up : m_down;
    if (!toOther.queue.empty()) {
        toOther.closeWhenEmpty = true; // flush() closes it (at once, or once it opens)
        flush(toOther);
    } else {
        other->close();
    }
}

bool RelayConversation::fits(const Direction &direction, qint64 size) const
{
    return direction.droppedWhileFull == 0 && int(direction.queue.size()) < MaxHeldDatagrams
        && direction.bytes + size <= m_maxPendingBytes;
}

void RelayConversation::dropAtBound(Direction &direction)
{
    if (direction.droppedWhileFull++ > 0)
        return;
    if (Connection *to = destinationOf(direction)) {
        to->endpoint()->log()->append(
            EventKind::Note, to->source(), {}, 0, -1,
            QStringLiteral("the relay holds its limit for this side (%1 datagrams or %2 bytes, waiting for the delay or "
                           "for this side to open): datagrams for it are dropped until half of that has gone out")
                .arg(MaxHeldDatagrams)
                .arg(m_maxPendingBytes));
    }
}

void RelayConversation::endBurst(Direction &direction)
{
    if (direction.droppedWhileFull == 0 || int(direction.queue.size()) > MaxHeldDatagrams / 2
        || direction.bytes > m_maxPendingBytes / 2)
        return;
    const qint64 dropped = std::exchange(direction.droppedWhileFull, 0);
    if (Connection *to = destinationOf(direction)) {
        to->endpoint()->log()->append(EventKind::Note, to->source(), {}, 0, -1,
                                      QStringLiteral("%1 datagrams for this side were dropped while the relay's hold "
                                                     "was full; room again")
                                          .arg(dropped));
    }
}

void RelayConversation::timerEvent(QTimerEvent *event)
{
    for (Direction *direction : {&m_up, &m_down}) {
        if (event->timerId() == direction->timer.timerId()) {
            direction->timer.stop();
            flush(*direction);
            return;
        }
    }
    QObject::timerEvent(event);
}

std::optional<Result> sendToClients(const QList<RelayConversation *> &conversations, const QByteArray &bytes)
{
    // Pointers first: a send may end a conversation and change the list.
    QList<QPointer<Connection>> clients;
    for (const RelayConversation *conversation : conversations) {
        if (conversation->client() && conversation->client()->isOpen())
            clients.append(conversation->client());
    }
    if (clients.isEmpty())
        return std::nullopt;
    Result result;
    for (const QPointer<Connection> &client : std::as_const(clients)) {
        if (client)
            if (const Result sent = client->send(bytes); !sent)
                result = sent;
    }
    return result;
}

} // namespace SockPlay
