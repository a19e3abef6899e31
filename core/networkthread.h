#pragma once

#include "eventlog.h"

#include <QThread>

namespace SockPlay {

class Session;

/// The thread every socket lives on, named "sockplay-net" (so `ps -L` and a
/// debugger show it). On Linux it runs EpollEventDispatcher: a wake-up costs
/// O(ready sockets) however many connections are open. SOCKPLAY_DISPATCHER=qt
/// in the environment keeps Qt's own dispatcher (for comparisons).
class NetworkThread : public QThread
{
    Q_OBJECT
public:
    static constexpr const char *Name = "sockplay-net";

    explicit NetworkThread(QObject *parent = nullptr);
    /// Quits and waits: the thread's objects must be gone (or deleteLater'd) by then.
    ~NetworkThread() override;

    /// Raises this process's soft limit of open descriptors to its hard limit
    /// (often 1,024 -> 20,000 or more): a server of 10,000 clients needs as
    /// many. Returns the limit now in force (-1 where there is none to raise).
    static qint64 raiseDescriptorLimit();

    /// glibc's allocator, set for a stream of short-lived buffers of 64 KiB
    /// to 1 MiB (socket reads, the log's payload chunks): served from the
    /// heap and kept for reuse (up to 64 MiB free), not mapped, faulted in
    /// and unmapped again for each one. A 1 GiB echo: 520 -> 630 MB/s here.
    /// EventLog::clear() still gives memory back (malloc_trim).
    static void tuneAllocator();

    /// True if this thread runs SockPlay's epoll dispatcher.
    bool usesEpollDispatcher() const { return m_epoll; }

protected:
    /// The event loop; then the thread's OpenSSL state goes (see the .cpp).
    void run() override;

private:
    bool m_epoll = false;
};

/// A Session living on its own NetworkThread: made there, deleted there. The
/// window and the CLI hold one; they reach the session only through its
/// commands (queued to the thread) and its signals (queued back).
class SessionHost
{
    Q_DISABLE_COPY_MOVE(SessionHost)
public:
    explicit SessionHost(const EventLog::Limits &limits = {});
    /// Deletes the session on its thread, then ends the thread.
    ~SessionHost();

    Session *session() const { return m_session; }
    NetworkThread *thread() { return &m_thread; }

private:
    NetworkThread m_thread;
    Session *m_session = nullptr;
};

} // namespace SockPlay
