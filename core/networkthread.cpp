#include "networkthread.h"

#include "epolleventdispatcher.h"
#include "session.h"

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
