// The endpoint's side of the user's commands: what answers by itself (echo,
// rules, a chat server's relay: one responder list every connection shares,
// rebuilt when they change), how a connection's bytes are cut into messages,
// and sending, closing and half-closing (each refusal logged with its
// reason). The rest of Endpoint is endpoint.cpp's; its outgoing queues are
// endpointqueues.cpp's.

#include "endpoint.h"

#include "connection.h"
#include "relayresponder.h"
#include "responder.h"

#include <QPointer>

namespace SockPlay {

QList<std::shared_ptr<Responder>> Endpoint::responders() const
{
    // One list, implicitly shared by every connection: 10,000 clients hold
    // one copy of it, not 10,000.
    return m_responders;
}

void Endpoint::rebuildResponders()
{
    m_responders.clear();
    if (m_echo)
        m_responders.append(m_echo);
    if (!m_config.rules.isEmpty())
        m_responders.append(std::make_shared<RuleResponder>(m_config.rules));
    // A relay (Transport::Relay) forwards each client to its target instead.
    if (m_config.relayToOthers && capabilities().listens && capabilities().hasConnections
        && m_config.transport != Transport::Relay)
        m_responders.append(std::make_shared<RelayResponder>());
}

void Endpoint::setEcho(bool echo)
{
    if (m_config.echo == echo)
        return;
    m_config.echo = echo;
    if (echo)
        m_echo = std::make_shared<EchoResponder>();
    else
        m_echo.reset();
    rebuildResponders();
    const QList<std::shared_ptr<Responder>> list = responders();
    for (Connection *connection : std::as_const(m_connections))
        connection->setResponders(list);
    if (m_state != EndpointState::Idle)
        logEvent(EventKind::Note, echo ? QStringLiteral("echo on") : QStringLiteral("echo off"));
}

void Endpoint::setRules(const QList<Rule> &rules)
{
    if (m_config.rules == rules)
        return;
    m_config.rules = rules;
    rebuildResponders();
    const QList<std::shared_ptr<Responder>> list = responders();
    for (Connection *connection : std::as_const(m_connections))
        connection->setResponders(list);
    if (m_state != EndpointState::Idle) {
        const qsizetype on = std::count_if(rules.cbegin(), rules.cend(), [](const Rule &rule) { return rule.enabled; });
        logEvent(EventKind::Note, QStringLiteral("auto-reply rules: %1 of %2 on").arg(on).arg(rules.size()));
    }
}

Result Endpoint::setFraming(int connectionId, const FrameSpec &spec)
{
    if (connectionId != AllConnections) {
        Connection *connection = m_connections.value(connectionId);
        if (!connection)
            return refuse(tr("Cannot change the framing: connection #%1 is gone.").arg(connectionId));
        connection->changeFraming(spec);
        return {};
    }
    if (m_config.frame == spec)
        return {};
    m_config.frame = spec;
    for (Connection *connection : std::as_const(m_connections))
        connection->changeFraming(spec);
    if (m_state != EndpointState::Idle)
        logEvent(EventKind::Note, QStringLiteral("framing now %1 for every connection").arg(spec.toString()));
    return {};
}

Result Endpoint::send(int connectionId, const QByteArray &bytes)
{
    if (m_state != EndpointState::Active)
        return refuse(capabilities().hasTarget ? tr("not connected — connect first")
                                                    : tr("%1 is not started").arg(m_name));
    if (connectionId == AllConnections) {
        QList<Connection *> targets;
        for (int id : std::as_const(m_order)) {
            Connection *connection = m_connections.value(id);
            if (connection->isOpen())
                targets.append(connection);
        }
        if (targets.isEmpty()) {
            return refuse(capabilities().hasConnections
                              ? tr("no client is connected")
                              : tr("no peer yet — nobody has sent a datagram here"));
        }
        Result result;
        for (const QPointer<Connection> &connection : QList<QPointer<Connection>>(targets.cbegin(), targets.cend())) {
            if (!connection)
                continue;
            if (const Result sent = connection->send(bytes); !sent)
                result = sent;
        }
        return result;
    }
    Connection *connection = m_connections.value(connectionId);
    if (!connection) {
        return refuse(capabilities().hasConnections ? tr("connection #%1 is not open").arg(connectionId)
                                                    : tr("peer #%1 is not known").arg(connectionId));
    }
    return connection->send(bytes);
}

Result Endpoint::disconnectConnection(int connectionId)
{
    if (connectionId == AllConnections) {
        closeAllConnections();
        return Result::success();
    }
    Connection *connection = m_connections.value(connectionId);
    if (!connection) {
        return refuse(capabilities().hasConnections ? tr("connection #%1 is not open").arg(connectionId)
                                                    : tr("peer #%1 is not known").arg(connectionId));
    }
    return connection->close();
}

Result Endpoint::halfClose(int connectionId)
{
    if (!capabilities().canHalfClose)
        return refuse(tr("%1 has nothing to half-close").arg(m_name));
    if (connectionId == AllConnections) {
        if (m_order.isEmpty())
            return Result::failure(QStringLiteral("not connected")); // nothing left to half-close
        Result result;
        for (Connection *connection : std::as_const(m_connections)) {
            if (const Result r = connection->halfClose(); !r)
                result = r;
        }
        return result;
    }
    Connection *connection = m_connections.value(connectionId);
    if (!connection)
        return refuse(tr("connection #%1 is not open").arg(connectionId));
    return connection->halfClose();
}

} // namespace SockPlay
