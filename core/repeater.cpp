#include "repeater.h"
#include "timeunits.h"

#include <QLocale>

#include <algorithm>

namespace SockPlay {

namespace {

/// "1,000 sends", or "1 send"; "37 of 1,000 sends" when a count is given.
QString sendsText(quint64 sent, quint64 count = 0)
{
    static const QLocale grouped = [] {
        QLocale c = QLocale::c(); // the C locale omits group separators unless told
        c.setNumberOptions(QLocale::DefaultNumberOptions);
        return c;
    }();
    const quint64 last = count == 0 ? sent : count;
    const QString unit = last == 1 ? QStringLiteral("send") : QStringLiteral("sends");
    if (count == 0)
        return grouped.toString(sent) + QLatin1Char(' ') + unit;
    return QStringLiteral("%1 of %2 %3").arg(grouped.toString(sent), grouped.toString(count), unit);
}
} // namespace

RepeatSchedule::Step RepeatSchedule::step(qint64 startNs, qint64 intervalNs, quint64 slotsUsed, quint64 remaining,
                                          qint64 nowNs, quint64 maxCatchUp)
{
    Step s;
    if (nowNs >= startNs && intervalNs > 0) {
        const quint64 dueSlots = quint64((nowNs - startNs) / intervalNs) + 1; // slots whose deadline has come
        const quint64 behind = dueSlots > slotsUsed ? dueSlots - slotsUsed : 0;
        s.send = std::min({behind, maxCatchUp, remaining});
        // Skipping only matters while more sends follow: the last ones of
        // a repeat go out in this pass anyway.
        if (behind > maxCatchUp && remaining > maxCatchUp)
            s.skip = behind - maxCatchUp;
    }
    s.nextDeadlineNs = deadline(startNs, intervalNs, slotsUsed + s.skip + s.send);
    return s;
}

Repeater::Repeater(quint64 count, int intervalMs, int progressIntervalMs, SendFunction send, QObject *parent)
    : QObject(parent)
    , m_count(count)
    , m_intervalNs(std::max(1, intervalMs) * NsPerMs)
    , m_progressIntervalNs(qint64(progressIntervalMs) * NsPerMs)
    , m_send(std::move(send))
{
    // Precise: a coarse timer may fire 5% early or late, and early is a
    // deadline missed the other way. Even so a timer only wakes us; the
    // schedule decides what is due.
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &Repeater::pass);
}

Repeater::~Repeater() = default;

void Repeater::start()
{
    if (m_running)
        return;
    m_running = true;
    const qint64 intervalMs = m_intervalNs / NsPerMs;
    emit note(m_count == 0 ? QStringLiteral("repeat: a send every %1 ms until stopped").arg(intervalMs)
                           : QStringLiteral("repeat: %1 every %2 ms").arg(sendsText(m_count)).arg(intervalMs));
    m_clock.start(); // slot 0 is due now
    reportProgress(0, true);
    pass();
}

void Repeater::stop()
{
    if (m_running)
        finish();
}

void Repeater::finish()
{
    m_running = false;
    m_timer.stop();
    if (m_count != 0 && m_sent == m_count)
        emit note(QStringLiteral("repeat done: ") + sendsText(m_sent));
    else
        emit note(QStringLiteral("repeat %1 after %2")
                      .arg(m_failed ? QStringLiteral("ended by an error") : QStringLiteral("stopped"),
                           sendsText(m_sent, m_count)));
    emit progress(m_sent, m_count, false);
}

void Repeater::reportProgress(qint64 nowNs, bool force)
{
    if (!force && nowNs - m_lastProgressNs < m_progressIntervalNs)
        return;
    m_lastProgressNs = nowNs;
    emit progress(m_sent, m_count, true);
}

void Repeater::pass()
{
    if (!m_running)
        return;
    const quint64 remaining = m_count == 0 ? RepeatSchedule::Unbounded : m_count - m_sent;
    const qint64 passNs = m_clock.nsecsElapsed();
    const RepeatSchedule::Step step = RepeatSchedule::step(0, m_intervalNs, m_slots, remaining, passNs, MaxCatchUp);
    if (step.skip > 0) {
        m_slots += step.skip;
        m_skipped += step.skip;
        emit note(QStringLiteral("repeat fell behind (the loop stalled): skipped %1 to keep the schedule")
                      .arg(sendsText(step.skip)));
    }
    for (quint64 i = 0; i < step.send; ++i) {
        const SendResult result = m_send(m_sent + 1);
        if (!m_running)
            return; // stopped by whoever heard of the send (an error handler, a test)
        if (result == SendResult::Failed) {
            m_failed = true;
            finish();
            return;
        }
        if (result == SendResult::Held) {
            // The peer reads slower than we send: the slots due now are
            // given up (a slow reader thins the sends; it does not get a
            // burst when it catches up), and the next try is on the next slot.
            m_slots = std::max(m_slots + (step.send - i), quint64(passNs / m_intervalNs) + 1);
            break;
        }
        ++m_sent;
        ++m_slots;
        if (m_count != 0 && m_sent == m_count) {
            finish();
            return;
        }
    }
    const qint64 now = m_clock.nsecsElapsed();
    if (step.send > 0)
        reportProgress(now, false);
    const qint64 next = RepeatSchedule::deadline(0, m_intervalNs, m_slots);
    // Timers count whole milliseconds and never fire early: round up.
    const qint64 waitMs = std::max<qint64>(0, (next - now + NsPerMs - 1) / NsPerMs);
    m_timer.start(int(std::min<qint64>(waitMs, std::numeric_limits<int>::max())));
}

} // namespace SockPlay
