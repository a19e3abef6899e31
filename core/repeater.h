#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <functional>
#include <limits>

namespace SockPlay {

/// The arithmetic of a repeat's schedule: pure, so that a test can drive it
/// with any clock.
///
/// Time is cut into slots of one interval from the start; slot k (from 0) is
/// due at start + k * interval. Each send takes the next slot. A deadline is
/// never "the last send + interval": a pass that runs late does not move the
/// ones after it, so 10,000 sends at 1 ms end at start + 9,999 ms however
/// late each wake-up was (within one interval).
namespace RepeatSchedule {

/// What one pass of the loop does, at some time now.
struct Step
{
    quint64 send = 0;          ///< sends due now: at most maxCatchUp, at most what is left
    quint64 skip = 0;          ///< slots given up (the loop fell behind by more than maxCatchUp)
    qint64 nextDeadlineNs = 0; ///< when the slot after these is due
};

/// Sends left when the repeat runs until it is stopped.
inline constexpr quint64 Unbounded = std::numeric_limits<quint64>::max();

/// The deadline of slot `slot` (from 0).
constexpr qint64 deadline(qint64 startNs, qint64 intervalNs, quint64 slot)
{
    return startNs + qint64(slot) * intervalNs;
}

/// One pass at nowNs: slotsUsed slots are gone (sent or skipped), remaining
/// sends are left (Unbounded: until stopped).
///
/// Behind by a few slots (a busy loop, a 2 ms wake-up for a 1 ms repeat),
/// the pass sends all of them at once, so the count over time stays on
/// schedule. Behind by more than maxCatchUp slots (the machine was
/// suspended, the thread stalled for seconds), it sends maxCatchUp and skips
/// the rest: a burst of thousands of messages after a stall is a flood
/// nobody asked for, and the schedule goes on from now. Skipped slots are
/// not sends: a repeat of N still sends N times.
Step step(qint64 startNs, qint64 intervalNs, quint64 slotsUsed, quint64 remaining, qint64 nowNs,
          quint64 maxCatchUp);

} // namespace RepeatSchedule

/// Sends something count times (0: until stopped), every interval, on the
/// schedule of RepeatSchedule, from a precise single-shot timer set for the
/// next deadline on the monotonic clock. What a send is (expanding a
/// template, writing it to a connection) is the owner's: a SendFunction.
///
/// Progress is reported once at the start, at most once per progress
/// interval while it runs, and once at the end with the exact count; what a
/// user should read in the log comes as note()s.
class Repeater final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Repeater)
public:
    enum class SendResult : quint8 {
        Sent,   ///< done: it counts
        Held,   ///< the outgoing queue is over its bound: the slots due now are given up
        Failed, ///< refused (the owner reported why): the repeat ends
    };
    /// Makes and sends send number `counter` (from 1).
    using SendFunction = std::function<SendResult(quint64 counter)>;

    /// Slots sent at once when the loop fell behind; past this they are skipped.
    static constexpr quint64 MaxCatchUp = 100;

    /// count 0: until stop(). intervalMs is at least 1.
    Repeater(quint64 count, int intervalMs, int progressIntervalMs, SendFunction send, QObject *parent = nullptr);
    ~Repeater() override;

    /// The first send goes out now, the next ones on schedule.
    void start();
    /// Ends now: nothing is sent after this returns.
    void stop();

    bool isRunning() const { return m_running; }
    quint64 sent() const { return m_sent; }
    quint64 count() const { return m_count; }
    /// Slots skipped because the loop fell too far behind.
    quint64 skipped() const { return m_skipped; }
    /// The last send was refused (the repeat ended because of it).
    bool hasFailed() const { return m_failed; }

signals:
    /// running false: it ended (count reached, stopped, or a send failed); once.
    void progress(quint64 sent, quint64 count, bool running);
    /// A line for the log: it started, fell behind (and skipped sends), ended.
    void note(const QString &text);

private:
    void pass();
    void finish();
    void reportProgress(qint64 nowNs, bool force);

    const quint64 m_count;
    const qint64 m_intervalNs;
    const qint64 m_progressIntervalNs;
    SendFunction m_send;
    QTimer m_timer{this};
    QElapsedTimer m_clock; // monotonic, as the event dispatchers' timers are
    quint64 m_sent = 0;
    quint64 m_slots = 0; // sent + skipped
    quint64 m_skipped = 0;
    qint64 m_lastProgressNs = 0;
    bool m_running = false;
    bool m_failed = false;
};

} // namespace SockPlay
