#pragma once

#include <QtGlobal>

#ifdef Q_OS_LINUX

#include <QAbstractEventDispatcher>
#include <QHash>

#include <atomic>
#include <memory>
#include <vector>

struct epoll_event;

namespace SockPlay {

/// An event dispatcher for the network thread on Linux: a wake-up costs
/// O(ready sockets), where Qt's own dispatchers hand every socket to poll()
/// on every pass (O(all sockets)).
///
/// - Socket notifiers are registered once with epoll_ctl (level-triggered,
///   as poll() is). Enabling and disabling a notifier only marks its fd; the
///   interest set is brought up to date once, just before the next wait, so a
///   write notifier switched on and off within one pass costs no system call.
/// - Timers sit in a binary min-heap of deadlines (precise, coarse and very
///   coarse; a zero interval fires once per pass and never lets the loop block).
/// - wakeUp() (every posted event, from any thread) writes an eventfd, once
///   until the loop has seen it; interrupt() makes the current or next
///   processEvents() return.
///
/// Install it on a thread before that thread starts:
/// `thread->setEventDispatcher(new EpollEventDispatcher)`.
class EpollEventDispatcher final : public QAbstractEventDispatcher
{
    Q_OBJECT
public:
    explicit EpollEventDispatcher(QObject *parent = nullptr);
    ~EpollEventDispatcher() override;

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;

    void registerSocketNotifier(QSocketNotifier *notifier) override;
    void unregisterSocketNotifier(QSocketNotifier *notifier) override;

    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject *object) override;
    QList<TimerInfo> registeredTimers(QObject *object) const override;
    int remainingTime(int timerId) override;

    void wakeUp() override;
    void interrupt() override;

    /// While a socket notifier of this thread is being activated: whether
    /// epoll reported an error on its descriptor (EPOLLERR, e.g. a TCP reset).
    /// Qt reads a reset as an orderly end of stream (recv()'s ECONNRESET
    /// becomes 0 bytes); this tells a peer's RST from its FIN. False outside
    /// an activation, and on threads that run Qt's own dispatchers.
    static bool activeSocketHasError();

    /// Diagnostics for tests and benchmarks: descriptors in the epoll set, and
    /// epoll_ctl calls made so far.
    int watchedDescriptorCount() const;
    quint64 epollCtlCalls() const { return m_ctlCalls; }

private:
    struct Watch;
    struct Timer;

    void markDirty(int fd, Watch &watch);
    void syncInterest();
    int activateSocketNotifiers(const ::epoll_event *events, int count);
    int activateTimers();
    qint64 nextTimerWaitMs() const;

    // The timer heap (ordered by deadline, then by insertion).
    void heapPush(Timer *timer);
    void heapRemove(Timer *timer);
    void heapSiftUp(int index);
    void heapSiftDown(int index);
    bool heapLess(const Timer *a, const Timer *b) const;
    void schedule(Timer *timer, qint64 nowNs, bool first);

    int m_epoll = -1;
    int m_eventFd = -1;
    std::atomic_int m_wakeUps = 0;
    std::atomic_bool m_interrupt = false;
    std::atomic<quint64> m_owner = 0; // pthread_self() of the thread that runs the loop
    bool m_postedHere = false;        // an event was posted by that thread since the pass began
    QHash<int, Watch *> m_watches;
    std::vector<int> m_dirty; // fds whose interest changed since the last wait
    QHash<int, Timer *> m_timers;
    std::vector<Timer *> m_heap;
    quint64 m_timerSequence = 0;
    quint64 m_ctlCalls = 0;
    int m_alwaysReadyCount = 0; // regular files (epoll refuses them): ready on every pass
};

} // namespace SockPlay

#endif // Q_OS_LINUX
