// Session's commands to a running endpoint (send, close, half-close, open
// another connection, echo, the simulated link, rules, framing) and to the
// log (errors and notes, clear, limits): a translation unit of Session,
// sharing Session::Entry through session_p.h. Each runs on the session's
// thread (command()), and what it leads to arrives as events and snapshots.

#include "session.h"
#include "session_p.h"

#include "endpoint.h"
#include "simlinkendpoint.h"
#include "tcpclientendpoint.h"

namespace SockPlay {

void Session::send(int endpointId, int connectionId, const QByteArray &bytes)
{
    command([this, endpointId, connectionId, bytes] {
        if (Entry *e = entry(endpointId); e && e->endpoint) {
            e->endpoint->send(connectionId, bytes); // a refusal is logged and signalled
            // ... to handlers that may remove the endpoint (a script fails its
            // step and cleans up): look the entry up again.
            if (Entry *still = entry(endpointId))
                still->countersChanged = true;
        }
    });
}

void Session::closeConnection(int endpointId, int connectionId)
{
    command([this, endpointId, connectionId] {
        if (Entry *e = entry(endpointId); e && e->endpoint)
            e->endpoint->disconnectConnection(connectionId);
    });
}

void Session::halfClose(int endpointId, int connectionId)
{
    command([this, endpointId, connectionId] {
        if (Entry *e = entry(endpointId); e && e->endpoint)
            e->endpoint->halfClose(connectionId);
    });
}

void Session::openConnection(int endpointId)
{
    command([this, endpointId] {
        Entry *e = entry(endpointId);
        if (!e || !e->endpoint)
            return;
        if (auto *client = qobject_cast<TcpClientEndpoint *>(e->endpoint))
            client->openConnection();
        else
            emit errorOccurred(endpointId, QStringLiteral("only a TCP client opens more connections"));
    });
}

void Session::setEcho(int endpointId, bool on)
{
    command([this, endpointId, on] {
        Entry *e = entry(endpointId);
        if (!e)
            return;
        e->config.echo = on;
        if (e->endpoint)
            e->endpoint->setEcho(on);
        publish(endpointId);
    });
}

void Session::setSimLink(int endpointId, const SimLinkSpec &spec)
{
    command([this, endpointId, spec] {
        Entry *e = entry(endpointId);
        if (!e)
            return;
        QString problem = spec.validate();
        if (problem.isEmpty() && spec.isActive() && !e->config.usesSimLink())
            problem = QStringLiteral("the simulated link is for UDP only (TCP never shows a loss to the program)");
        if (!problem.isEmpty()) {
            if (e->endpoint)
                e->endpoint->logUserError(QStringLiteral("simulated link: ") + problem);
            emit errorOccurred(endpointId, QStringLiteral("simulated link: ") + problem);
            return;
        }
        e->config.simLink = spec;
        if (auto *linked = qobject_cast<SimLinkEndpoint *>(e->endpoint))
            linked->setSimLink(spec);
        publish(endpointId);
    });
}

void Session::setRules(int endpointId, const QList<Rule> &rules)
{
    command([this, endpointId, rules] {
        Entry *e = entry(endpointId);
        if (!e)
            return;
        e->config.rules = rules;
        if (e->endpoint)
            e->endpoint->setRules(rules);
        publish(endpointId);
    });
}

void Session::setFraming(int endpointId, int connectionId, const FrameSpec &spec)
{
    command([this, endpointId, connectionId, spec] {
        Entry *e = entry(endpointId);
        if (!e)
            return;
        if (connectionId == Endpoint::AllConnections)
            e->config.frame = spec;
        if (e->endpoint)
            e->endpoint->setFraming(connectionId, spec);
        publish(endpointId);
    });
}

void Session::logError(int endpointId, const QString &message)
{
    command([this, endpointId, message] {
        if (Entry *e = entry(endpointId); e && e->endpoint) {
            e->endpoint->logUserError(message);
            publish(endpointId);
        }
    });
}

void Session::logNote(const QString &who, const QString &text, bool error)
{
    // The log is thread-safe: no need to go through the session's thread.
    m_log->append(error ? EventKind::Error : EventKind::Note, makeEventSource(0, 0, who, {}, 0, {}, 0), {}, -1, -1, text);
}

void Session::clearLog()
{
    command([this] { m_log->clear(); });
}

void Session::setLogLimits(const EventLog::Limits &limits)
{
    command([this, limits] { m_log->setLimits(limits); });
}

} // namespace SockPlay
