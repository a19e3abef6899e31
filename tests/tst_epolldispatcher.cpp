// EpollEventDispatcher, installed as this test's main-thread dispatcher (and
// on a QThread where a test needs a second loop): Qt's own test ideas for
// socket notifiers, timers, wake-ups, interrupts and posted events.

#include "epolleventdispatcher.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkDatagram>
#include <QPointer>
#include <QSignalSpy>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QUdpSocket>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <memory>
#include <vector>

using SockPlay::EpollEventDispatcher;

namespace {

/// Two connected local sockets, closed at the end of the scope.
struct SocketPair
{
    int fd[2] = {-1, -1};
    SocketPair() { ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, fd); }
    ~SocketPair() { closeBoth(); }
    void closeBoth()
    {
        for (int &f : fd) {
            if (f >= 0)
                ::close(f);
            f = -1;
        }
    }
    bool ok() const { return fd[0] >= 0 && fd[1] >= 0; }
    void send(int side = 1) const { [[maybe_unused]] const auto n = ::write(fd[side], "x", 1); }
    void drain(int side = 0) const
    {
        char buffer[256];
        while (::read(fd[side], buffer, sizeof buffer) > 0) {
        }
    }
};

qint64 g_descriptorLimit = 0;

EpollEventDispatcher *dispatcher()
{
    return qobject_cast<EpollEventDispatcher *>(QAbstractEventDispatcher::instance());
}

/// Runs a few passes of this thread's loop without waiting.
void passes(int n = 5)
{
    for (int i = 0; i < n; ++i)
        QCoreApplication::processEvents(QEventLoop::AllEvents);
}

/// Counts the timer events of one timer it starts; stops it after maxShots when asked.
class TimerCounter : public QObject
{
public:
    int fired = 0;
    int id = 0;
    std::function<void(TimerCounter *)> onTimer;
    void timerEvent(QTimerEvent *event) override
    {
        if (event->timerId() != id)
            return;
        ++fired;
        if (onTimer)
            onTimer(this);
    }
};

class PostedEvent : public QEvent
{
public:
    explicit PostedEvent(int n)
        : QEvent(Type(QEvent::User + 1))
        , number(n)
    {
    }
    int number;
};

class Receiver : public QObject
{
public:
    QList<int> numbers;
    std::function<void()> onEvent;
    bool event(QEvent *event) override
    {
        if (event->type() == QEvent::User + 1) {
            numbers.append(static_cast<PostedEvent *>(event)->number);
            if (onEvent)
                onEvent();
            return true;
        }
        return QObject::event(event);
    }
};

/// A QThread running the epoll dispatcher.
std::unique_ptr<QThread> epollThread()
{
    auto thread = std::make_unique<QThread>();
    thread->setEventDispatcher(new EpollEventDispatcher);
    thread->start();
    return thread;
}

} // namespace

class TestEpollDispatcher : public QObject
{
    Q_OBJECT
private slots:
    void isInstalled();

    // Socket notifiers
    void readNotifierFiresUntilDrained();
    void writeNotifierFiresOnAWritableSocket();
    void exceptionNotifierFiresOnUrgentData();
    void disablingStopsAndEnablingResumes();
    void readAndWriteOnOneDescriptor();
    void deletingANotifierInsideItsOwnActivation();
    void aNotifierDeletedInThePassIsNotActivated();
    void aReusedDescriptorNumberWorks();
    void onlyTheReadySocketFiresAmongThousands();
    void toggledWithinOnePassCostsNoSystemCall();
    void qtSocketsOnTop();

    // Timers
    void timersOfEveryTypeFire_data();
    void timersOfEveryTypeFire();
    void singleShotsOfEveryType();
    void aZeroTimerFiresEveryPassAndStarvesNoSocket();
    void killingTimersInsideTimerEvents();
    void remainingTimeAndRegisteredTimers();
    void timersMoveBetweenThreads();
    void aTimerIsNotReenteredByANestedLoop();

    // Wake-ups, interrupts, posted events
    void aPostFromAnotherThreadWakesTheLoop();
    void postsFromSeveralThreadsAllArrive();
    void manyWakeUpsLeaveNoBusyLoop();
    void aPostFromTheLoopsOwnThreadKeepsTheNextWaitShort();
    void interruptEndsABlockedWait();
    void excludeFlagsAreHonoured();
    void postedEventsInOrderAndDeleteLater();
    void aboutToBlockAndAwakeAreEmitted();
};

void TestEpollDispatcher::isInstalled()
{
    QVERIFY2(dispatcher(), "the suite must run on EpollEventDispatcher, not Qt's own");
}

void TestEpollDispatcher::readNotifierFiresUntilDrained()
{
    SocketPair pair;
    QVERIFY(pair.ok());
    QSocketNotifier notifier(pair.fd[0], QSocketNotifier::Read);
    QSignalSpy activated(&notifier, &QSocketNotifier::activated);
    passes();
    QCOMPARE(activated.count(), 0); // nothing to read yet
    pair.send();
    QVERIFY(activated.wait(2000));
    pair.drain();
    const int count = activated.count();
    passes();
    QCOMPARE(activated.count(), count); // drained: quiet again
}

void TestEpollDispatcher::writeNotifierFiresOnAWritableSocket()
{
    SocketPair pair;
    QSocketNotifier notifier(pair.fd[0], QSocketNotifier::Write);
    QSignalSpy activated(&notifier, &QSocketNotifier::activated);
    QVERIFY(activated.wait(2000));
}

void TestEpollDispatcher::exceptionNotifierFiresOnUrgentData()
{
    // A TCP connection over loopback; urgent (out-of-band) data is EPOLLPRI.
    const int listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address = {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    QCOMPARE(::bind(listener, reinterpret_cast<sockaddr *>(&address), length), 0);
    QCOMPARE(::listen(listener, 1), 0);
    QCOMPARE(::getsockname(listener, reinterpret_cast<sockaddr *>(&address), &length), 0);
    const int client = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    QCOMPARE(::connect(client, reinterpret_cast<sockaddr *>(&address), length), 0);
    const int server = ::accept4(listener, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
    QVERIFY(server >= 0);

    QSocketNotifier exception(server, QSocketNotifier::Exception);
    QSignalSpy activated(&exception, &QSocketNotifier::activated);
    passes();
    QCOMPARE(activated.count(), 0);
    QCOMPARE(::send(client, "!", 1, MSG_OOB), ssize_t(1));
    QVERIFY(activated.wait(2000));
    exception.setEnabled(false);
    ::close(server);
    ::close(client);
    ::close(listener);
}

void TestEpollDispatcher::disablingStopsAndEnablingResumes()
{
    SocketPair pair;
    QSocketNotifier notifier(pair.fd[0], QSocketNotifier::Read);
    QSignalSpy activated(&notifier, &QSocketNotifier::activated);
    notifier.setEnabled(false);
    pair.send();
    passes();
    QCOMPARE(activated.count(), 0);
    notifier.setEnabled(true); // level-triggered: the unread byte is news again
    QVERIFY(activated.wait(2000));
}

void TestEpollDispatcher::readAndWriteOnOneDescriptor()
{
    SocketPair pair;
    QSocketNotifier reader(pair.fd[0], QSocketNotifier::Read);
    QSocketNotifier writer(pair.fd[0], QSocketNotifier::Write);
    QSignalSpy read(&reader, &QSocketNotifier::activated);
    QSignalSpy write(&writer, &QSocketNotifier::activated);
    QVERIFY(write.wait(2000));
    writer.setEnabled(false);
    write.clear();
    pair.send();
    QVERIFY(read.wait(2000));
    QCOMPARE(write.count(), 0); // disabling the writer left the reader alone
    QCOMPARE(dispatcher()->watchedDescriptorCount() >= 1, true);
}

void TestEpollDispatcher::deletingANotifierInsideItsOwnActivation()
{
    SocketPair pair;
    QPointer<QSocketNotifier> notifier = new QSocketNotifier(pair.fd[0], QSocketNotifier::Read);
    int calls = 0;
    connect(notifier, &QSocketNotifier::activated, this, [&] {
        ++calls;
        delete notifier;
    });
    const int watched = dispatcher()->watchedDescriptorCount();
    pair.send();
    QTRY_VERIFY(notifier.isNull());
    passes();
    QCOMPARE(calls, 1);
    QCOMPARE(dispatcher()->watchedDescriptorCount(), watched - 1);
}

void TestEpollDispatcher::aNotifierDeletedInThePassIsNotActivated()
{
    // Both sockets are readable in the same pass; whichever fires first
    // deletes the other, which must then not be activated.
    SocketPair a, b;
    auto *first = new QSocketNotifier(a.fd[0], QSocketNotifier::Read);
    auto *second = new QSocketNotifier(b.fd[0], QSocketNotifier::Read);
    QList<QSocketNotifier *> fired;
    auto onActivated = [&](QSocketNotifier *self, QSocketNotifier *&other, const SocketPair &mine) {
        fired.append(self);
        mine.drain();
        delete other;
        other = nullptr;
    };
    QSocketNotifier *firstPtr = first;
    QSocketNotifier *secondPtr = second;
    connect(first, &QSocketNotifier::activated, this, [&] { onActivated(firstPtr, secondPtr, a); });
    connect(second, &QSocketNotifier::activated, this, [&] { onActivated(secondPtr, firstPtr, b); });
    a.send();
    b.send();
    QTRY_COMPARE(fired.size(), 1);
    passes();
    QCOMPARE(fired.size(), 1);
    delete firstPtr;
    delete secondPtr;
}

void TestEpollDispatcher::aReusedDescriptorNumberWorks()
{
    // The descriptor is closed while its notifier still exists (the kernel
    // drops it from the epoll set), its number comes back for a new socket,
    // and only then is the old notifier deleted: the new one must work.
    auto old = std::make_unique<SocketPair>();
    const int number = old->fd[0];
    auto *stale = new QSocketNotifier(old->fd[0], QSocketNotifier::Read);
    passes(1); // in the epoll set now
    old->closeBoth();
    SocketPair fresh; // the lowest free numbers: the old pair's
    QCOMPARE(fresh.fd[0], number);
    delete stale;
    QSocketNotifier notifier(fresh.fd[0], QSocketNotifier::Read);
    QSignalSpy activated(&notifier, &QSocketNotifier::activated);
    fresh.send();
    QVERIFY(activated.wait(2000));
}

void TestEpollDispatcher::onlyTheReadySocketFiresAmongThousands()
{
    constexpr int Count = 2000;
    if (g_descriptorLimit < 3 * Count)
        QSKIP("too few descriptors allowed for 2,000 socket pairs");
    std::vector<std::unique_ptr<SocketPair>> pairs;
    std::vector<std::unique_ptr<QSocketNotifier>> notifiers;
    std::vector<int> fired(Count, 0);
    const int watchedBefore = dispatcher()->watchedDescriptorCount();
    for (int i = 0; i < Count; ++i) {
        pairs.push_back(std::make_unique<SocketPair>());
        QVERIFY(pairs.back()->ok());
        notifiers.push_back(std::make_unique<QSocketNotifier>(pairs.back()->fd[0], QSocketNotifier::Read));
        const SocketPair *pair = pairs.back().get();
        connect(notifiers.back().get(), &QSocketNotifier::activated, this, [&fired, i, pair] {
            ++fired[size_t(i)];
            pair->drain();
        });
    }
    passes(2); // registered
    QCOMPARE(dispatcher()->watchedDescriptorCount(), watchedBefore + Count);
    const quint64 ctlBefore = dispatcher()->epollCtlCalls();
    passes(20);
    QCOMPARE(dispatcher()->epollCtlCalls(), ctlBefore); // idle sockets cost nothing per pass

    pairs[1234]->send();
    QTRY_COMPARE(fired[1234], 1);
    passes();
    for (int i = 0; i < Count; ++i)
        QCOMPARE(fired[size_t(i)], i == 1234 ? 1 : 0);

    notifiers.clear();
    QCOMPARE(dispatcher()->watchedDescriptorCount(), watchedBefore);
}

void TestEpollDispatcher::toggledWithinOnePassCostsNoSystemCall()
{
    SocketPair pair;
    QSocketNotifier reader(pair.fd[0], QSocketNotifier::Read);
    QSocketNotifier writer(pair.fd[0], QSocketNotifier::Write);
    writer.setEnabled(false);
    passes(2);
    const quint64 before = dispatcher()->epollCtlCalls();
    for (int i = 0; i < 10; ++i) { // what a socket does around a write that the kernel took at once
        writer.setEnabled(true);
        writer.setEnabled(false);
    }
    passes(2);
    QCOMPARE(dispatcher()->epollCtlCalls(), before);
}

void TestEpollDispatcher::qtSocketsOnTop()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    QTcpSocket *accepted = nullptr;
    connect(&server, &QTcpServer::newConnection, this, [&] {
        accepted = server.nextPendingConnection();
        connect(accepted, &QTcpSocket::readyRead, accepted, [accepted] { accepted->write(accepted->readAll()); });
    });
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, server.serverPort());
    QByteArray sent(1 << 20, Qt::Uninitialized);
    for (qsizetype i = 0; i < sent.size(); ++i)
        sent[i] = char(i * 7 + i / 251);
    QByteArray received;
    connect(&client, &QTcpSocket::readyRead, this, [&] { received += client.readAll(); });
    QVERIFY(QTest::qWaitFor([&] { return client.state() == QAbstractSocket::ConnectedState; }, 5000));
    client.write(sent);
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), sent.size(), 20000);
    QVERIFY(received == sent);

    QUdpSocket a, b;
    QVERIFY(a.bind(QHostAddress::LocalHost, 0));
    QVERIFY(b.bind(QHostAddress::LocalHost, 0));
    QSignalSpy ready(&b, &QUdpSocket::readyRead);
    a.writeDatagram("one", QHostAddress::LocalHost, b.localPort());
    QVERIFY(ready.wait(2000));
    QCOMPARE(b.receiveDatagram().data(), QByteArrayLiteral("one"));
    a.writeDatagram("two", QHostAddress::LocalHost, b.localPort());
    QVERIFY(ready.wait(2000)); // still heard after the first was read
    QCOMPARE(b.receiveDatagram().data(), QByteArrayLiteral("two"));
}

void TestEpollDispatcher::timersOfEveryTypeFire_data()
{
    QTest::addColumn<Qt::TimerType>("type");
    QTest::addColumn<int>("interval");
    QTest::addColumn<int>("earliest"); // ms: a timer never fires before this
    QTest::newRow("precise 50 ms") << Qt::PreciseTimer << 50 << 50;
    QTest::newRow("coarse 100 ms") << Qt::CoarseTimer << 100 << 95; // 5% early is allowed
    QTest::newRow("very coarse 1 s") << Qt::VeryCoarseTimer << 1000 << 500; // whole seconds
}

void TestEpollDispatcher::timersOfEveryTypeFire()
{
    QFETCH(Qt::TimerType, type);
    QFETCH(int, interval);
    QFETCH(int, earliest);
    TimerCounter counter;
    QElapsedTimer clock;
    clock.start();
    qint64 firstAt = -1;
    counter.onTimer = [&](TimerCounter *) {
        if (firstAt < 0)
            firstAt = clock.elapsed();
    };
    counter.id = counter.startTimer(interval, type);
    QTRY_VERIFY_WITH_TIMEOUT(counter.fired >= 2, 5000); // and it repeats
    QVERIFY2(firstAt >= earliest, qPrintable(QString::number(firstAt)));
    counter.killTimer(counter.id);
}

void TestEpollDispatcher::singleShotsOfEveryType()
{
    int fired[3] = {};
    QTimer::singleShot(10, Qt::PreciseTimer, this, [&] { ++fired[0]; });
    QTimer::singleShot(10, Qt::CoarseTimer, this, [&] { ++fired[1]; });
    QTimer::singleShot(10, Qt::VeryCoarseTimer, this, [&] { ++fired[2]; });
    QTimer timer;
    timer.setSingleShot(true);
    timer.setInterval(20);
    QSignalSpy timeout(&timer, &QTimer::timeout);
    timer.start();
    QTRY_VERIFY_WITH_TIMEOUT(fired[0] == 1 && fired[1] == 1 && fired[2] == 1 && timeout.count() == 1, 5000);
    QTest::qWait(50); // (a wait for what must not happen: a second shot)
    QCOMPARE(timeout.count(), 1);
    QCOMPARE(fired[0] + fired[1] + fired[2], 3);
}

void TestEpollDispatcher::aZeroTimerFiresEveryPassAndStarvesNoSocket()
{
    TimerCounter counter;
    counter.id = counter.startTimer(0);
    passes(10);
    QVERIFY(counter.fired >= 9); // once per pass: it never lets the loop block

    SocketPair pair;
    QSocketNotifier notifier(pair.fd[0], QSocketNotifier::Read);
    QSignalSpy activated(&notifier, &QSocketNotifier::activated);
    Receiver receiver;
    pair.send();
    QCoreApplication::postEvent(&receiver, new PostedEvent(1));
    QVERIFY(activated.wait(2000));
    QTRY_COMPARE(receiver.numbers.size(), 1);
    counter.killTimer(counter.id);
}

void TestEpollDispatcher::killingTimersInsideTimerEvents()
{
    // A timer killed in its own event fires once; one killed by another
    // timer due in the same pass does not fire at all.
    TimerCounter self;
    self.onTimer = [](TimerCounter *t) { t->killTimer(t->id); };
    self.id = self.startTimer(5);

    TimerCounter victim;
    TimerCounter killer;
    killer.onTimer = [&victim](TimerCounter *t) {
        t->killTimer(t->id);
        if (victim.id)
            victim.killTimer(victim.id);
        victim.id = 0;
    };
    killer.id = killer.startTimer(20, Qt::PreciseTimer); // started first: first in a pass where both are due
    victim.id = victim.startTimer(20, Qt::PreciseTimer);
    QTRY_VERIFY(self.fired >= 1 && killer.fired >= 1);
    passes();
    QCOMPARE(self.fired, 1);
    QCOMPARE(killer.fired, 1);
    QCOMPARE(victim.fired, 0);

    // A timer started inside a timer event runs too.
    TimerCounter started;
    TimerCounter starter;
    starter.onTimer = [&started](TimerCounter *t) {
        t->killTimer(t->id);
        started.id = started.startTimer(5);
    };
    starter.id = starter.startTimer(5);
    QTRY_VERIFY(started.fired >= 1);
    started.killTimer(started.id);
}

void TestEpollDispatcher::remainingTimeAndRegisteredTimers()
{
    QObject owner;
    const int id = owner.startTimer(10'000, Qt::PreciseTimer);
    const int remaining = dispatcher()->remainingTime(id);
    QVERIFY2(remaining > 9'000 && remaining <= 10'000, qPrintable(QString::number(remaining)));
    QCOMPARE(dispatcher()->remainingTime(987'654), -1);
    const int other = owner.startTimer(500, Qt::CoarseTimer);
    const QList<QAbstractEventDispatcher::TimerInfo> timers = dispatcher()->registeredTimers(&owner);
    QCOMPARE(timers.size(), 2);
    for (const QAbstractEventDispatcher::TimerInfo &info : timers) {
        QVERIFY(info.timerId == id || info.timerId == other);
        QCOMPARE(info.interval, info.timerId == id ? 10'000 : 500);
        QCOMPARE(info.timerType, info.timerId == id ? Qt::PreciseTimer : Qt::CoarseTimer);
    }
    QVERIFY(dispatcher()->unregisterTimers(&owner));
    QCOMPARE(dispatcher()->registeredTimers(&owner).size(), 0);
    QCOMPARE(dispatcher()->remainingTime(id), -1);
}

void TestEpollDispatcher::timersMoveBetweenThreads()
{
    // QObject::moveToThread takes running timers along (unregistered here,
    // registered there), both ways between two epoll dispatchers.
    const std::unique_ptr<QThread> thread = epollThread();
    auto *timer = new QTimer;
    timer->setInterval(5);
    std::atomic_int ticks = 0;
    std::atomic<QThread *> tickedIn = nullptr;
    connect(timer, &QTimer::timeout, timer, [&] {
        ++ticks;
        tickedIn = QThread::currentThread();
    }, Qt::DirectConnection);
    timer->start();
    QTRY_VERIFY(ticks > 0);
    QCOMPARE(tickedIn.load(), QThread::currentThread());

    timer->moveToThread(thread.get());
    ticks = 0;
    QTRY_VERIFY(ticks > 2 && tickedIn.load() == thread.get());
    QVERIFY(dispatcher()->registeredTimers(timer).isEmpty());

    QMetaObject::invokeMethod(timer, [timer, main = QThread::currentThread()] { timer->moveToThread(main); },
                              Qt::BlockingQueuedConnection);
    ticks = 0;
    QTRY_VERIFY(ticks > 2 && tickedIn.load() == QThread::currentThread());
    delete timer;
    thread->quit();
    QVERIFY(thread->wait(5000));
}

void TestEpollDispatcher::aTimerIsNotReenteredByANestedLoop()
{
    TimerCounter counter;
    int depth = 0;
    int maxDepth = 0;
    counter.onTimer = [&](TimerCounter *t) {
        ++depth;
        maxDepth = std::max(maxDepth, depth);
        if (t->fired == 1) {
            QEventLoop nested; // runs for a while: the timer comes due many times meanwhile
            QTimer::singleShot(50, &nested, &QEventLoop::quit);
            nested.exec();
        }
        --depth;
    };
    counter.id = counter.startTimer(2, Qt::PreciseTimer);
    QTRY_VERIFY(counter.fired >= 3);
    counter.killTimer(counter.id);
    QCOMPARE(maxDepth, 1);
}

void TestEpollDispatcher::aPostFromAnotherThreadWakesTheLoop()
{
    // The epoll thread blocks in exec() with nothing to wake it but the post.
    const std::unique_ptr<QThread> thread = epollThread();
    QObject context;
    context.moveToThread(thread.get());
    std::atomic_bool ran = false;
    QMetaObject::invokeMethod(&context, [&] { ran = true; }, Qt::QueuedConnection);
    QTRY_VERIFY(ran.load());
    QMetaObject::invokeMethod(&context, [&context] { context.moveToThread(qApp->thread()); },
                              Qt::BlockingQueuedConnection);
    thread->quit();
    QVERIFY(thread->wait(5000));
}

void TestEpollDispatcher::postsFromSeveralThreadsAllArrive()
{
    Receiver receiver;
    constexpr int Threads = 4;
    constexpr int Posts = 1000;
    std::vector<std::unique_ptr<QThread>> posters;
    for (int t = 0; t < Threads; ++t) {
        posters.push_back(std::unique_ptr<QThread>(QThread::create([&receiver, t] {
            for (int i = 0; i < Posts; ++i)
                QCoreApplication::postEvent(&receiver, new PostedEvent(t * Posts + i));
        })));
        posters.back()->start();
    }
    for (auto &poster : posters)
        QVERIFY(poster->wait(10000));
    QTRY_COMPARE(receiver.numbers.size(), Threads * Posts);
}

void TestEpollDispatcher::manyWakeUpsLeaveNoBusyLoop()
{
    // From another thread: the eventfd path.
    EpollEventDispatcher *mine = dispatcher();
    std::unique_ptr<QThread> waker(QThread::create([mine] {
        for (int i = 0; i < 100; ++i)
            mine->wakeUp();
    }));
    waker->start();
    QVERIFY(waker->wait(5000));
    // Then nothing is due for 200 ms: waiting until then takes a couple of
    // passes, not thousands.
    bool fired = false;
    QTimer::singleShot(200, this, [&] { fired = true; });
    int passesTaken = 0;
    while (!fired && passesTaken < 100'000) {
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        ++passesTaken;
    }
    QVERIFY(fired);
    QVERIFY2(passesTaken <= 10, qPrintable(QString::number(passesTaken)));
}

void TestEpollDispatcher::aPostFromTheLoopsOwnThreadKeepsTheNextWaitShort()
{
    // An event posted by this thread just before the loop waits (here: from
    // aboutToBlock) must be delivered without waiting for the fallback timer.
    Receiver receiver;
    bool posted = false;
    const QMetaObject::Connection connection =
        connect(dispatcher(), &QAbstractEventDispatcher::aboutToBlock, this, [&] {
            if (!std::exchange(posted, true))
                QCoreApplication::postEvent(&receiver, new PostedEvent(7));
        });
    bool fallback = false;
    bool deliveredFirst = false;
    receiver.onEvent = [&] { deliveredFirst = !fallback; };
    QTimer::singleShot(3000, this, [&] { fallback = true; });
    while (receiver.numbers.isEmpty() && !fallback)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    disconnect(connection);
    QVERIFY(posted);
    QCOMPARE(receiver.numbers, QList<int>{7});
    QVERIFY2(deliveredFirst, "the loop slept through an event its own thread posted");
}

void TestEpollDispatcher::interruptEndsABlockedWait()
{
    // A blocked wait (no timers, no sockets) on another thread ends on interrupt().
    auto *loopDispatcher = new EpollEventDispatcher;
    std::atomic_bool entered = false;
    std::atomic_bool returned = false;
    std::unique_ptr<QThread> thread(QThread::create([&] {
        entered = true;
        loopDispatcher->processEvents(QEventLoop::WaitForMoreEvents);
        returned = true;
    }));
    thread->setEventDispatcher(loopDispatcher);
    thread->start();
    QTRY_VERIFY(entered.load());
    QTest::qWait(50); // (a wait for what must not happen: returning on its own)
    QVERIFY(!returned.load());
    loopDispatcher->interrupt();
    QTRY_VERIFY(returned.load());
    QVERIFY(thread->wait(5000));

    // quit() ends a thread's exec().
    const std::unique_ptr<QThread> running = epollThread();
    running->quit();
    QVERIFY(running->wait(5000));
}

void TestEpollDispatcher::excludeFlagsAreHonoured()
{
    SocketPair pair;
    QSocketNotifier notifier(pair.fd[0], QSocketNotifier::Read);
    QSignalSpy activated(&notifier, &QSocketNotifier::activated);
    pair.send();
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents(QEventLoop::ExcludeSocketNotifiers);
    QCOMPARE(activated.count(), 0);
    QVERIFY(activated.wait(2000));
    pair.drain();

    TimerCounter counter;
    counter.id = counter.startTimer(0);
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents(QEventLoop::X11ExcludeTimers);
    QCOMPARE(counter.fired, 0);
    passes(2);
    QVERIFY(counter.fired > 0);
    counter.killTimer(counter.id);
}

void TestEpollDispatcher::postedEventsInOrderAndDeleteLater()
{
    Receiver receiver;
    for (int i = 0; i < 100; ++i)
        QCoreApplication::postEvent(&receiver, new PostedEvent(i));
    QTRY_COMPARE(receiver.numbers.size(), 100);
    for (int i = 0; i < 100; ++i)
        QCOMPARE(receiver.numbers.at(i), i);

    QPointer<QObject> doomed = new QObject;
    doomed->deleteLater();
    QTRY_VERIFY(doomed.isNull());
}

void TestEpollDispatcher::aboutToBlockAndAwakeAreEmitted()
{
    QSignalSpy awake(dispatcher(), &QAbstractEventDispatcher::awake);
    QSignalSpy aboutToBlock(dispatcher(), &QAbstractEventDispatcher::aboutToBlock);
    QEventLoop loop; // a loop that waits (qWait's does not)
    QTimer::singleShot(20, &loop, &QEventLoop::quit);
    loop.exec();
    QVERIFY(awake.count() > 0);
    QVERIFY(aboutToBlock.count() > 0);
}

int main(int argc, char *argv[])
{
    // 2,000 socket pairs need more than the usual 1,024 descriptors.
    rlimit limit = {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0) {
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit);
        ::getrlimit(RLIMIT_NOFILE, &limit);
        g_descriptorLimit = limit.rlim_cur == RLIM_INFINITY ? 1 << 30 : qint64(limit.rlim_cur);
    }
    // This thread's dispatcher, before the application makes Qt's own.
    QCoreApplication::setEventDispatcher(new EpollEventDispatcher);
    QCoreApplication app(argc, argv);
    TestEpollDispatcher test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_epolldispatcher.moc"
