#include "epolleventdispatcher.h"
#include "timeunits.h"

#ifdef Q_OS_LINUX

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSocketNotifier>
#include <QTimerEvent>
#include <QVarLengthArray>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <poll.h>
#include <pthread.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace SockPlay {

Q_LOGGING_CATEGORY(lcDispatcher, "sockplay.core.dispatcher")

namespace {

// The epoll events of the socket notifier being activated on this thread (0: none).
thread_local uint32_t t_activeEvents = 0;

constexpr qint64 NsPerSecond = 1'000'000'000;
constexpr int MaxEventsPerWait = 256;

qint64 monotonicNs()
{
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * NsPerSecond + ts.tv_nsec;
}

// What each kind of notifier hears, as poll() would tell it: a hang-up or an
// error wakes readers and writers, so they find out by reading or writing.
constexpr uint32_t ReadEvents = EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR;
constexpr uint32_t WriteEvents = EPOLLOUT | EPOLLHUP | EPOLLERR;
constexpr uint32_t ExceptionEvents = EPOLLPRI;
constexpr uint32_t EventsOf[3] = {ReadEvents, WriteEvents, ExceptionEvents}; // by QSocketNotifier::Type

} // namespace

/// One descriptor in the epoll set: its enabled notifiers by type, what the
/// kernel watches now, and whether that is out of date.
struct EpollEventDispatcher::Watch
{
    QSocketNotifier *notifiers[3] = {};
    uint32_t registered = 0; // the mask the kernel has (0: not in the set)
    bool dirty = false;
    bool alwaysReady = false; // a regular file: epoll refuses it, poll() calls it always ready

    uint32_t wanted() const
    {
        return (notifiers[QSocketNotifier::Read] ? uint32_t(EPOLLIN) : 0u)
            | (notifiers[QSocketNotifier::Write] ? uint32_t(EPOLLOUT) : 0u)
            | (notifiers[QSocketNotifier::Exception] ? uint32_t(EPOLLPRI) : 0u);
    }
    bool empty() const { return !notifiers[0] && !notifiers[1] && !notifiers[2]; }
};

struct EpollEventDispatcher::Timer
{
    int id = 0;
    qint64 intervalMs = 0; // very coarse: whole seconds, in ms
    Qt::TimerType type = Qt::CoarseTimer;
    QObject *object = nullptr;
    qint64 deadlineNs = 0;
    quint64 sequence = 0; // tells a timer from a later one that reuses its id
    int heapIndex = -1;
    bool inTimerEvent = false;
};

EpollEventDispatcher::EpollEventDispatcher(QObject *parent)
    : QAbstractEventDispatcher(parent)
{
    m_epoll = epoll_create1(EPOLL_CLOEXEC);
    m_eventFd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (m_epoll < 0 || m_eventFd < 0)
        qFatal("EpollEventDispatcher: cannot create epoll or eventfd: %s", std::strerror(errno));
    epoll_event ev = {};
    ev.events = EPOLLIN;
    ev.data.fd = m_eventFd;
    if (epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_eventFd, &ev) < 0)
        qFatal("EpollEventDispatcher: cannot watch the eventfd: %s", std::strerror(errno));
}

EpollEventDispatcher::~EpollEventDispatcher()
{
    qDeleteAll(m_watches);
    qDeleteAll(m_timers);
    ::close(m_eventFd);
    ::close(m_epoll);
}

// ---------------------------------------------------------------- the loop

bool EpollEventDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    if (m_owner.load(std::memory_order_relaxed) == 0)
        m_owner.store(quint64(pthread_self()), std::memory_order_release);
    m_interrupt.store(false, std::memory_order_relaxed);
    emit awake();
    m_postedHere = false; // events posted from here on (by this thread) keep the next wait short
    QCoreApplication::sendPostedEvents();

    const bool includeTimers = !(flags & QEventLoop::X11ExcludeTimers);
    const bool includeNotifiers = !(flags & QEventLoop::ExcludeSocketNotifiers);
    const bool canWait = (flags & QEventLoop::WaitForMoreEvents) && !m_interrupt.load(std::memory_order_relaxed);
    if (canWait)
        emit aboutToBlock();
    if (m_interrupt.load(std::memory_order_relaxed))
        return false;

    // Every event posted to this thread since the last wake-up was seen has
    // written the eventfd, so a wait here never sleeps through one.
    int timeoutMs = 0;
    if (canWait && !m_postedHere) {
        timeoutMs = includeTimers ? int(nextTimerWaitMs()) : -1;
        if (includeNotifiers && m_alwaysReadyCount > 0)
            timeoutMs = 0;
    }

    epoll_event events[MaxEventsPerWait];
    int count = 0;
    int activated = 0;
    if (includeNotifiers) {
        syncInterest();
        count = epoll_wait(m_epoll, events, MaxEventsPerWait, timeoutMs);
    } else {
        // Sockets stay out of this wait: only a wake-up or a timer ends it.
        pollfd wake = {m_eventFd, POLLIN, 0};
        count = ::poll(&wake, 1, timeoutMs);
        if (count > 0) {
            events[0].events = EPOLLIN;
            events[0].data.fd = m_eventFd;
            count = 1;
        }
    }
    if (count < 0) {
        if (errno != EINTR)
            qCWarning(lcDispatcher, "epoll_wait: %s", std::strerror(errno));
        count = 0;
    }

    for (int i = 0; i < count; ++i) {
        if (events[i].data.fd == m_eventFd) {
            eventfd_t value;
            (void)eventfd_read(m_eventFd, &value);
            m_wakeUps.store(0, std::memory_order_release); // after the read: see wakeUp()
            ++activated;
        }
    }
    if (includeNotifiers)
        activated += activateSocketNotifiers(events, count);
    if (includeTimers)
        activated += activateTimers();
    return activated > 0;
}

void EpollEventDispatcher::wakeUp()
{
    // Posted from this loop's own thread: it is awake (it is running this),
    // so it only must not block on its next wait; no system call.
    if (m_owner.load(std::memory_order_acquire) == quint64(pthread_self())) {
        m_postedHere = true;
        return;
    }
    // From another thread: one write until the loop has read it, so a flood
    // of posted events costs one system call per pass, not one per event.
    if (m_wakeUps.exchange(1, std::memory_order_acq_rel) == 0)
        (void)eventfd_write(m_eventFd, 1);
}

void EpollEventDispatcher::interrupt()
{
    m_interrupt.store(true, std::memory_order_relaxed);
    wakeUp();
}

// ---------------------------------------------------------------- sockets

void EpollEventDispatcher::registerSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    const int type = int(notifier->type());
    if (fd < 0 || type < 0 || type > 2)
        return;
    Watch *&watch = m_watches[fd];
    if (!watch)
        watch = new Watch;
    if (watch->notifiers[type] && watch->notifiers[type] != notifier)
        qCWarning(lcDispatcher, "two socket notifiers of one type on descriptor %d; the later one wins", fd);
    watch->notifiers[type] = notifier;
    markDirty(fd, *watch);
}

void EpollEventDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    const int type = int(notifier->type());
    const auto it = m_watches.find(fd);
    if (it == m_watches.end() || type < 0 || type > 2 || it.value()->notifiers[type] != notifier)
        return;
    Watch *watch = it.value();
    watch->notifiers[type] = nullptr;
    if (!watch->empty()) {
        markDirty(fd, *watch); // applied before the next wait: an off-and-on costs nothing
        return;
    }
    // The last notifier: the descriptor is likely about to be closed (and its
    // number reused), so it leaves the set now.
    if (watch->registered) {
        ++m_ctlCalls;
        epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr); // EBADF: closed already, the kernel dropped it
    }
    if (watch->alwaysReady)
        --m_alwaysReadyCount;
    delete watch;
    m_watches.erase(it); // a pending entry in m_dirty finds nothing and is skipped
}

int EpollEventDispatcher::watchedDescriptorCount() const
{
    return int(m_watches.size());
}

void EpollEventDispatcher::markDirty(int fd, Watch &watch)
{
    if (!watch.dirty) {
        watch.dirty = true;
        m_dirty.push_back(fd);
    }
}

void EpollEventDispatcher::syncInterest()
{
    for (const int fd : m_dirty) {
        Watch *watch = m_watches.value(fd);
        if (!watch || !watch->dirty)
            continue;
        watch->dirty = false;
        if (watch->alwaysReady)
            continue;
        const uint32_t wanted = watch->wanted();
        if (wanted == watch->registered)
            continue;
        epoll_event ev = {};
        ev.events = wanted;
        ev.data.fd = fd;
        int op = watch->registered ? EPOLL_CTL_MOD : EPOLL_CTL_ADD;
        ++m_ctlCalls;
        int rc = epoll_ctl(m_epoll, op, fd, &ev);
        if (rc < 0 && errno == ENOENT && op == EPOLL_CTL_MOD) {
            // The descriptor was closed and its number reused: the kernel forgot it.
            op = EPOLL_CTL_ADD;
            ++m_ctlCalls;
            rc = epoll_ctl(m_epoll, op, fd, &ev);
        } else if (rc < 0 && errno == EEXIST && op == EPOLL_CTL_ADD) {
            op = EPOLL_CTL_MOD;
            ++m_ctlCalls;
            rc = epoll_ctl(m_epoll, op, fd, &ev);
        }
        if (rc == 0) {
            watch->registered = wanted;
        } else if (errno == EPERM) {
            // A regular file (stdin from "< file"): poll() reports it always
            // readable and writable; so does this dispatcher.
            watch->alwaysReady = true;
            watch->registered = 0;
            ++m_alwaysReadyCount;
        } else {
            qCWarning(lcDispatcher, "epoll_ctl on descriptor %d: %s", fd, std::strerror(errno));
            watch->registered = 0;
        }
    }
    m_dirty.clear();
}

bool EpollEventDispatcher::activeSocketHasError()
{
    return t_activeEvents & EPOLLERR;
}

int EpollEventDispatcher::activateSocketNotifiers(const epoll_event *events, int count)
{
    // What each ready descriptor's notifiers are now; a notifier unregistered
    // (or deleted) by an earlier activation of this pass is looked up again
    // and skipped.
    struct Pending
    {
        int fd;
        uint32_t events;
    };
    Pending pending[MaxEventsPerWait + 64];
    int n = 0;
    for (int i = 0; i < count; ++i) {
        if (events[i].data.fd != m_eventFd)
            pending[n++] = {events[i].data.fd, events[i].events};
    }
    if (m_alwaysReadyCount > 0) {
        for (auto it = m_watches.cbegin(); it != m_watches.cend() && n < int(std::size(pending)); ++it) {
            if (it.value()->alwaysReady)
                pending[n++] = {it.key(), uint32_t(EPOLLIN | EPOLLOUT)};
        }
    }

    int activated = 0;
    for (int i = 0; i < n; ++i) {
        bool heard = false;
        for (int type = 0; type < 3; ++type) {
            if (!(pending[i].events & EventsOf[type]))
                continue;
            Watch *watch = m_watches.value(pending[i].fd);
            if (!watch)
                break;
            QSocketNotifier *notifier = watch->notifiers[type];
            if (!notifier)
                continue;
            heard = true;
            QEvent event(QEvent::SockAct);
            const uint32_t outer = t_activeEvents; // an activation may run a nested loop
            t_activeEvents = pending[i].events;
            QCoreApplication::sendEvent(notifier, &event);
            t_activeEvents = outer;
            ++activated;
        }
        if (!heard) {
            // Nothing listens for what happened (a hang-up on a descriptor
            // with only an exception notifier, say). Level-triggered, it would
            // be reported on every pass: leave the set until the notifiers change.
            if (Watch *watch = m_watches.value(pending[i].fd); watch && watch->registered) {
                ++m_ctlCalls;
                epoll_ctl(m_epoll, EPOLL_CTL_DEL, pending[i].fd, nullptr);
                watch->registered = 0;
            }
        }
    }
    return activated;
}

// ---------------------------------------------------------------- timers

void EpollEventDispatcher::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object)
{
    if (timerId < 1 || interval < 0 || !object)
        return;
    auto *timer = new Timer;
    timer->id = timerId;
    timer->object = object;
    timer->sequence = ++m_timerSequence;
    // Qt's rules: a coarse timer of 20 ms or less is precise, one of 20 s or
    // more is very coarse; a very coarse one fires on whole seconds.
    timer->type = timerType;
    if (timerType == Qt::CoarseTimer && interval >= 20'000)
        timer->type = Qt::VeryCoarseTimer;
    timer->intervalMs = timer->type == Qt::VeryCoarseTimer ? (interval + 500) / 1000 * 1000 : interval;
    if (Timer *old = m_timers.value(timerId)) {
        qCWarning(lcDispatcher, "timer id %d registered twice", timerId);
        heapRemove(old);
        delete old;
    }
    m_timers.insert(timerId, timer);
    schedule(timer, monotonicNs(), true);
    heapPush(timer);
}

void EpollEventDispatcher::schedule(Timer *timer, qint64 nowNs, bool first)
{
    const qint64 interval = timer->intervalMs * NsPerMs;
    if (timer->type == Qt::VeryCoarseTimer) {
        const qint64 base = first ? (nowNs + NsPerSecond / 2) / NsPerSecond * NsPerSecond : timer->deadlineNs;
        timer->deadlineNs = base + interval;
        if (timer->deadlineNs < nowNs)
            timer->deadlineNs = (nowNs + NsPerSecond / 2) / NsPerSecond * NsPerSecond + interval;
        return;
    }
    if (first || interval == 0) {
        timer->deadlineNs = nowNs + interval;
        return;
    }
    // Keep the beat; after a stall, one catch-up firing, not a burst.
    timer->deadlineNs += interval;
    if (timer->deadlineNs < nowNs)
        timer->deadlineNs = nowNs + interval;
}

bool EpollEventDispatcher::unregisterTimer(int timerId)
{
    Timer *timer = m_timers.take(timerId);
    if (!timer)
        return false;
    heapRemove(timer);
    delete timer;
    return true;
}

bool EpollEventDispatcher::unregisterTimers(QObject *object)
{
    QList<int> ids;
    for (auto it = m_timers.cbegin(); it != m_timers.cend(); ++it) {
        if (it.value()->object == object)
            ids.append(it.key());
    }
    for (const int id : std::as_const(ids))
        unregisterTimer(id);
    return !ids.isEmpty();
}

QList<QAbstractEventDispatcher::TimerInfo> EpollEventDispatcher::registeredTimers(QObject *object) const
{
    QList<TimerInfo> list;
    for (const Timer *timer : m_timers) {
        if (timer->object == object)
            list.append(TimerInfo(timer->id, int(timer->intervalMs), timer->type));
    }
    return list;
}

int EpollEventDispatcher::remainingTime(int timerId)
{
    const Timer *timer = m_timers.value(timerId);
    if (!timer)
        return -1;
    const qint64 left = timer->deadlineNs - monotonicNs();
    return left > 0 ? int(left / NsPerMs) : 0;
}

qint64 EpollEventDispatcher::nextTimerWaitMs() const
{
    if (m_heap.empty())
        return -1;
    const qint64 left = m_heap.front()->deadlineNs - monotonicNs();
    if (left <= 0)
        return 0;
    return (left + NsPerMs - 1) / NsPerMs; // round up: never wake before the deadline
}

int EpollEventDispatcher::activateTimers()
{
    if (m_heap.empty())
        return 0;
    const qint64 now = monotonicNs();
    if (m_heap.front()->deadlineNs > now)
        return 0;

    // The timers due now, in deadline order, each rescheduled before it
    // fires (as Qt does); a timer started or made due by a handler waits for
    // the next pass, so a zero-interval timer cannot starve the sockets.
    struct Due
    {
        int id;
        quint64 sequence;
    };
    QVarLengthArray<Due, 32> due;
    while (!m_heap.empty() && m_heap.front()->deadlineNs <= now) {
        Timer *timer = m_heap.front();
        heapRemove(timer);
        due.append({timer->id, timer->sequence});
    }
    for (const Due &d : due) {
        Timer *timer = m_timers.value(d.id);
        schedule(timer, now, false);
        heapPush(timer);
    }

    int activated = 0;
    for (const Due &d : due) {
        Timer *timer = m_timers.value(d.id);
        if (!timer || timer->sequence != d.sequence || timer->inTimerEvent)
            continue; // killed (or its id reused) by an earlier handler, or still running its last event
        timer->inTimerEvent = true;
        QTimerEvent event(d.id);
        QCoreApplication::sendEvent(timer->object, &event);
        ++activated;
        timer = m_timers.value(d.id); // the handler may have killed it
        if (timer && timer->sequence == d.sequence)
            timer->inTimerEvent = false;
    }
    return activated;
}

// ---------------------------------------------------------------- the heap

bool EpollEventDispatcher::heapLess(const Timer *a, const Timer *b) const
{
    return a->deadlineNs != b->deadlineNs ? a->deadlineNs < b->deadlineNs : a->sequence < b->sequence;
}

void EpollEventDispatcher::heapPush(Timer *timer)
{
    timer->heapIndex = int(m_heap.size());
    m_heap.push_back(timer);
    heapSiftUp(timer->heapIndex);
}

void EpollEventDispatcher::heapRemove(Timer *timer)
{
    const int index = timer->heapIndex;
    if (index < 0)
        return;
    timer->heapIndex = -1;
    Timer *last = m_heap.back();
    m_heap.pop_back();
    if (last == timer)
        return;
    m_heap[size_t(index)] = last;
    last->heapIndex = index;
    heapSiftUp(index);
    heapSiftDown(last->heapIndex);
}

void EpollEventDispatcher::heapSiftUp(int index)
{
    Timer *timer = m_heap[size_t(index)];
    while (index > 0) {
        const int parent = (index - 1) / 2;
        if (!heapLess(timer, m_heap[size_t(parent)]))
            break;
        m_heap[size_t(index)] = m_heap[size_t(parent)];
        m_heap[size_t(index)]->heapIndex = index;
        index = parent;
    }
    m_heap[size_t(index)] = timer;
    timer->heapIndex = index;
}

void EpollEventDispatcher::heapSiftDown(int index)
{
    const int size = int(m_heap.size());
    Timer *timer = m_heap[size_t(index)];
    for (;;) {
        int child = 2 * index + 1;
        if (child >= size)
            break;
        if (child + 1 < size && heapLess(m_heap[size_t(child + 1)], m_heap[size_t(child)]))
            ++child;
        if (!heapLess(m_heap[size_t(child)], timer))
            break;
        m_heap[size_t(index)] = m_heap[size_t(child)];
        m_heap[size_t(index)]->heapIndex = index;
        index = child;
    }
    m_heap[size_t(index)] = timer;
    timer->heapIndex = index;
}

} // namespace SockPlay

#endif // Q_OS_LINUX
