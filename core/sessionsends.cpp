// Session's repeat and file-send commands: a second translation unit of
// Session (see session.cpp for the rest), sharing Session::Entry through
// session_p.h. Both kinds of send go through the endpoint's send path, so
// they log, count and refuse exactly as Session::send() does.

#include "session.h"
#include "session_p.h"

#include "endpoint.h"
#include "filesender.h"
#include "repeater.h"
#include "replytemplate.h"

namespace SockPlay {

void Session::startRepeat(int endpointId, int connectionId, const ReplyTemplate &payload, quint64 count,
                          int intervalMs)
{
    command([this, endpointId, connectionId, payload, count, intervalMs] {
        Entry *e = entry(endpointId);
        if (!e || !e->endpoint)
            return;
        if (e->repeater)
            e->repeater->stop(); // replaced: its last progress says so
        Endpoint *endpoint = e->endpoint;
        if (intervalMs < 1) {
            endpoint->reportError(QStringLiteral("a repeat needs an interval of at least 1 ms, not %1").arg(intervalMs));
            emit repeatProgress(endpointId, 0, count, false);
            return;
        }
        // Through send()'s path: the same events, counters and refusals. The
        // endpoint outlives the repeat (stop, restart and remove end it first).
        const auto send = [this, endpoint, endpointId, connectionId, payload](quint64 counter) {
            if (endpoint->pendingWriteBytes() > FileSender::MaxQueuedBytes)
                return Repeater::SendResult::Held; // a peer that does not read must not cost memory
            QString error;
            const std::optional<QByteArray> bytes = payload.expand({}, counter, &error);
            if (!bytes) {
                endpoint->reportError(QStringLiteral("repeat send %1: %2").arg(counter).arg(error));
                return Repeater::SendResult::Failed;
            }
            const Result sent = endpoint->send(connectionId, *bytes); // a refusal is logged and signalled
            if (Entry *e = m_entries.value(endpointId)) // a handler of the refusal may have removed it
                e->countersChanged = true;
            return sent ? Repeater::SendResult::Sent : Repeater::SendResult::Failed;
        };
        auto *repeater = new Repeater(count, intervalMs, StatsIntervalMs, send, this);
        e->repeater = repeater;
        connect(repeater, &Repeater::note, endpoint,
                [endpoint](const QString &text) { endpoint->logEvent(EventKind::Note, text); });
        connect(repeater, &Repeater::progress, this,
                [this, endpointId, repeater](quint64 sent, quint64 count, bool running) {
                    if (!running) {
                        if (Entry *e = m_entries.value(endpointId); e && e->repeater == repeater)
                            e->repeater = nullptr;
                        repeater->deleteLater();
                    }
                    emit repeatProgress(endpointId, sent, count, running);
                });
        repeater->start();
    });
}

void Session::stopRepeat(int endpointId)
{
    command([this, endpointId] {
        if (Entry *e = entry(endpointId); e && e->repeater)
            e->repeater->stop();
    });
}

void Session::sendFile(int endpointId, int connectionId, const QString &path)
{
    command([this, endpointId, connectionId, path] {
        Entry *e = entry(endpointId);
        if (!e || !e->endpoint)
            return;
        Endpoint *endpoint = e->endpoint;
        if (e->fileSender) {
            endpoint->reportError(QStringLiteral("cannot send %1: %2 is still being sent (cancel it first)")
                                      .arg(path, e->fileSender->path()));
            return;
        }
        auto *sender = new FileSender(endpoint, connectionId, path, StatsIntervalMs, this);
        e->fileSender = sender;
        connect(sender, &FileSender::note, endpoint,
                [endpoint](const QString &text) { endpoint->logEvent(EventKind::Note, text); });
        connect(sender, &FileSender::failed, endpoint, [endpoint](const QString &reason) { endpoint->reportError(reason); });
        connect(sender, &FileSender::progress, this, [this, endpointId, sender](qint64 sent, qint64 total, bool finished) {
            if (Entry *e = m_entries.value(endpointId)) {
                e->countersChanged = true;
                if (finished && e->fileSender == sender)
                    e->fileSender = nullptr;
            }
            if (finished)
                sender->deleteLater();
            emit fileSendProgress(endpointId, sent, total, finished);
        });
        sender->start();
    });
}

void Session::cancelFileSend(int endpointId)
{
    command([this, endpointId] {
        if (Entry *e = entry(endpointId); e && e->fileSender)
            e->fileSender->cancel();
    });
}

void Session::endSends(int endpointId, const QString &why)
{
    if (Entry *e = m_entries.value(endpointId)) {
        if (e->repeater)
            e->repeater->stop();
        if (e->fileSender)
            e->fileSender->fail(why);
    }
}

} // namespace SockPlay
