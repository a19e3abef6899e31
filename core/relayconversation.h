#pragma once

#include "result.h"

#include <QBasicTimer>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QString>

#include <deque>
#include <optional>

namespace SockPlay {

class Connection;

/// One client of a relay and the relay's connection to the target for it:
/// what each side delivers goes on to the other. Bytes wait here only while
/// their direction has a delay or the other side is not open yet; the
/// endpoint holds reading from a side while what waits for the other side
/// (here and in its queue) is at the bound, so this never grows without limit.
/// A UDP relay's conversation (setDatagrams()) cannot hold a sender back:
/// past the bound a datagram is dropped, as a full router queue drops it,
/// with a note once per burst.
class RelayConversation final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RelayConversation)
public:
    RelayConversation(Connection *client, Connection *target, int delayToTargetMs, int delayToClientMs,
                      qint64 maxPendingBytes, QObject *parent);
    ~RelayConversation() override;

    Connection *client() const { return m_client; }
    Connection *target() const { return m_target; }
    /// The other side of side (null when it is gone).
    Connection *otherSide(const Connection *side) const;

    /// Whether side must not read now: the other side is not open yet, or
    /// what waits for it is at the bound.
    bool holdsReading(const Connection &side) const;
    /// What side delivered goes on to the other side (now, or when due).
    void forward(Connection *from, const QByteArray &bytes);
    /// side opened, or bytes of its queue drained: what waits for it may go,
    /// and the other side may read again. From the event loop only.
    void sideMoved(Connection *side);
    /// sideMoved(side) from the event loop, if it has anything to do
    /// (something waits for side, or the other side holds reading); once
    /// per pass however often it is asked.
    void scheduleMove(Connection *side);
    /// side logged an error (kept to say why it ended).
    void sideFailed(Connection *side, const QString &message);
    /// side is over: the other side is closed once what waits for it is
    /// out; a target that never opened is an Error on the client's side.
    void sideGone(Connection *side);
    /// Bytes held here, both directions.
    qint64 heldBytes() const { return m_up.bytes + m_down.bytes; }
    /// Datagrams held here, both directions.
    int heldCount() const { return int(m_up.queue.size() + m_down.queue.size()); }

    /// A UDP relay's association: each forward() is one datagram; past the
    /// bound (maxPendingBytes, or MaxHeldDatagrams a direction) it is
    /// dropped, and the words in the log are a datagram's.
    void setDatagrams() { m_datagrams = true; }
    bool isDatagrams() const { return m_datagrams; }
    static constexpr int MaxHeldDatagrams = 10000;
    /// A datagram went either way (the UDP relay's idle timeout counts from here).
    void touch() { m_lastActivityMs = m_clock.elapsed(); }
    qint64 idleMs() const { return m_clock.elapsed() - m_lastActivityMs; }
    /// "relayed from #n": the detail of what goes to side.
    QString detailTowards(const Connection *side) const { return side == m_client ? m_down.detail : m_up.detail; }
    /// Both sides are gone.
    bool isOver() const { return !m_client && !m_target; }

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    struct Held
    {
        qint64 dueMs = 0;
        QByteArray bytes;
    };
    /// One direction: from one side to the other.
    struct Direction
    {
        int delayMs = 0;
        QString detail; // "relayed from #1", shared by every Sent event of this direction
        std::deque<Held> queue;
        qint64 bytes = 0;
        QBasicTimer timer;
        bool closeWhenEmpty = false; // the sending side is gone: close the other once this is out
        bool flushing = false;       // flush() runs: a send inside it must not start another
        mutable bool readerHeld = false; // the sending side was told to hold reading
        bool moveScheduled = false;      // sideMoved() for its destination is queued
        qint64 droppedWhileFull = 0;     // datagrams: dropped since the bound was reached
    };
    /// Datagrams: whether one more of size bytes fits in direction.
    bool fits(const Direction &direction, qint64 size) const;
    /// Datagrams: one dropped at the bound (a note for the first of a burst).
    void dropAtBound(Direction &direction);
    /// Datagrams: the burst of drops is over once half the room is free again.
    void endBurst(Direction &direction);
    bool wantsMove(const Connection *side) const;
    Direction &towards(const Connection *side) { return side == m_client ? m_down : m_up; }
    const Direction &from(const Connection *side) const { return side == m_client ? m_up : m_down; }
    void flush(Direction &direction);
    /// The reader held for direction may read again, if nothing holds it now.
    void wake(Connection *reader, const Direction &direction);
    Connection *destinationOf(const Direction &direction) const { return &direction == &m_up ? m_target : m_client; }
    Connection *sourceOf(const Direction &direction) const { return &direction == &m_up ? m_client : m_target; }

    QPointer<Connection> m_client;
    QPointer<Connection> m_target;
    const int m_clientId;
    const int m_targetId;
    const qint64 m_maxPendingBytes;
    Direction m_up;   // client → target
    Direction m_down; // target → client
    QString m_clientError;
    QString m_targetError;
    QElapsedTimer m_clock;
    qint64 m_lastActivityMs = 0;
    bool m_datagrams = false;
};

/// A relay's "send to every client": bytes to the client side of each
/// conversation whose client is open. No value when no client is open.
std::optional<Result> sendToClients(const QList<RelayConversation *> &conversations, const QByteArray &bytes);

} // namespace SockPlay
