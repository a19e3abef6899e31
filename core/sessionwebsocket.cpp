// Session's WebSocket commands (ping, close with a code): a third translation
// unit of Session, sharing Session::Entry through session_p.h.

#include "session.h"
#include "session_p.h"

#include "endpoint.h"
#include "websocketconnection.h"

namespace SockPlay {

namespace {

/// The WebSocket connections a command is for: one, or every open one (0).
/// A refusal (not a WebSocket endpoint, no such connection) is the reason.
QList<WebSocketConnection *> webSocketTargets(Endpoint *endpoint, int connectionId, QString *refusal)
{
    QList<WebSocketConnection *> targets;
    if (!endpoint->capabilities().wholeMessages) {
        *refusal = QStringLiteral("%1 is not a WebSocket endpoint").arg(endpoint->name());
        return targets;
    }
    const QList<Connection *> candidates = connectionId == Endpoint::AllConnections
        ? endpoint->openConnections()
        : QList<Connection *>{endpoint->connection(connectionId)};
    for (Connection *connection : candidates) {
        if (auto *webSocket = qobject_cast<WebSocketConnection *>(connection))
            targets.append(webSocket);
    }
    if (targets.isEmpty())
        *refusal = connectionId == Endpoint::AllConnections
            ? QStringLiteral("no WebSocket connection is open")
            : QStringLiteral("connection #%1 is not open").arg(connectionId);
    return targets;
}

} // namespace

void Session::ping(int endpointId, int connectionId, const QByteArray &payload)
{
    command([this, endpointId, connectionId, payload] {
        Entry *e = entry(endpointId);
        if (!e || !e->endpoint)
            return;
        QString refusal;
        const QList<WebSocketConnection *> targets = webSocketTargets(e->endpoint, connectionId, &refusal);
        if (targets.isEmpty()) {
            e->endpoint->reportError(QStringLiteral("cannot ping: ") + refusal);
            return;
        }
        for (WebSocketConnection *connection : targets)
            connection->ping(payload); // a refusal is logged and signalled
    });
}

void Session::closeWithCode(int endpointId, int connectionId, int code, const QString &reason)
{
    command([this, endpointId, connectionId, code, reason] {
        Entry *e = entry(endpointId);
        if (!e || !e->endpoint)
            return;
        QString refusal;
        const QList<WebSocketConnection *> targets = webSocketTargets(e->endpoint, connectionId, &refusal);
        if (targets.isEmpty()) {
            e->endpoint->reportError(QStringLiteral("cannot close with a code: ") + refusal);
            return;
        }
        for (const QPointer<WebSocketConnection> &connection :
             QList<QPointer<WebSocketConnection>>(targets.cbegin(), targets.cend())) {
            if (connection)
                connection->closeWithCode(code, reason);
        }
    });
}

} // namespace SockPlay
