#pragma once
// Session's private parts shared by its translation units: session.cpp
// (making and starting endpoints), sessioncommands.cpp (commands to a running
// endpoint), sessionsnapshots.cpp (snapshots, statistics), sessionsends.cpp
// (repeats and file sends) and the transports' own (sessionwebsocket.cpp,
// sessionmulticast.cpp, sessionserial.cpp). Not part of the core's API:
// include it from Session's .cpp files only.

#include "endpointtypes.h"
#include "ratemeter.h"
#include "session.h"

#include <QMetaObject>
#include <QThread>

#include <utility>

namespace SockPlay {

class Endpoint;
class FileSender;
class Repeater;

struct Session::Entry
{
    Endpoint *endpoint = nullptr;
    EndpointConfig config;
    RateMeter meter;
    bool countersChanged = false;
    // Bytes written since the last bytesWritten report (one per loop pass).
    qint64 writtenSinceReport = 0;
    int lastWriter = 0; // the connection, or 0 for several
    bool writeReportQueued = false;
    Repeater *repeater = nullptr;     // the running repeat, a child of the session
    FileSender *fileSender = nullptr; // the running file send, a child of the session
};

// A template both translation units instantiate, so it lives here, not in one .cpp.
template <typename F> void Session::command(F &&f)
{
    if (QThread::currentThread() == thread())
        f();
    else
        QMetaObject::invokeMethod(this, std::forward<F>(f), Qt::QueuedConnection);
}

} // namespace SockPlay
