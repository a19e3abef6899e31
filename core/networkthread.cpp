#include "networkthread.h"

#include "cryptolibrary.h"
#include "epolleventdispatcher.h"
#include "session.h"

#include <limits>


#ifdef __GLIBC__
#include <malloc.h>
#endif

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

namespace SockPlay {

NetworkThread::NetworkThread(QObject *parent)
    : QThread(parent)
{
    setObjectName(QLatin1String(Name)); // Qt names the system thread after it when it starts
#ifdef Q_OS_LINUX
    if (qEnvironmentVariable("SOCKPLAY_DISPATCHER") != QLatin1String("qt")) {
        setEventDispatcher(new EpollEventDispatcher);
        m_epoll = true;
    }
#endif
}

qint64 NetworkThread::raiseDescriptorLimit()
{
#ifdef Q_OS_UNIX
    rlimit limit = {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return -1;
    if (limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit);
        ::getrlimit(RLIMIT_NOFILE, &limit);
    }
    return limit.rlim_cur == RLIM_INFINITY ? std::numeric_limits<qint64>::max() : qint64(limit.rlim_cur);
#else
    return -1;
#endif
}

void NetworkThread::run()
{
    QThread::run(); // exec()
    // TLS handshakes made OpenSSL's per-thread random generators here. OpenSSL
    // frees them when the thread exits only if its exit handler runs for
    // this thread, which it did not (LeakSanitizer saw every sockplay-cli
    // tls-connect leak them): free them before the thread ends.
    CryptoLibrary::stopThread();
}

void NetworkThread::tuneAllocator()
{
#ifdef __GLIBC__
    mallopt(M_MMAP_THRESHOLD, 4 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);
#endif
}

NetworkThread::~NetworkThread()
{
    quit();
    wait();
}

SessionHost::SessionHost(const EventLog::Limits &limits)
    : m_session(new Session(limits))
{
    m_session->moveToThread(&m_thread);
    m_thread.start();
}

SessionHost::~SessionHost()
{
    // Deferred deletes posted from another thread run on the thread's next
    // pass, or as it finishes: either way there, and before wait() returns.
    m_session->deleteLater();
    m_thread.quit();
    m_thread.wait();
}

} // namespace SockPlay
