// WebSocketConnection's end: a close frame with a code and reason (ours or
// the peer's), giving up before the upgrade, and the last event once Qt is
// done closing.

#include "websocketconnection.h"

#include "endpoint.h"
#include "websockettext.h"

#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>

namespace SockPlay {

Result WebSocketConnection::close()
{
    return closeWithCode(QWebSocketProtocol::CloseCodeNormal, {});
}

Result WebSocketConnection::closeWithCode(int code, const QString &reason)
{
    switch (state()) {
    case State::LookingUp:
    case State::Connecting:
        m_closingByUs = true;
        abandonTls();
        if (m_socket)
            m_socket->abort();
        if (m_tcp)
            m_tcp->abort();
        finish(EventKind::Closed, QStringLiteral("gave up before the upgrade; %1").arg(totalsText()));
        return Result::success();
    case State::Open:
        break;
    case State::Closing:
        // Asked again while the close is under way: at once.
        if (m_socket)
            m_socket->abort();
        return Result::success();
    case State::Closed:
        return Result::success();
    }
    if (const QString problem = WebSocketText::closeProblem(code, reason); !problem.isEmpty()) {
        reportError(problem);
        return Result::failure(problem);
    }
    m_closingByUs = true;
    m_closeCode = code;
    m_closeReason = reason;
    setState(State::Closing);
    // Qt sends the close frame, then closes TCP without waiting for the
    // peer's answer: disconnected() follows, and finishClosed() logs.
    m_socket->close(QWebSocketProtocol::CloseCode(code), reason);
    return Result::success();
}

void WebSocketConnection::closeNow()
{
    const QString stopped = endpoint()->name();
    if (state() != State::Open && state() != State::Closing) {
        abandonTls();
        if (m_socket) {
            m_socket->disconnect(this);
            m_socket->abort();
        }
        if (m_tcp) {
            m_tcp->disconnect(this);
            m_tcp->abort();
        }
        finish(EventKind::Closed, QStringLiteral("closed by us (%1 stopped) before the upgrade").arg(stopped));
        return;
    }
    // Going away: the close frame goes out now; for us the connection ends now.
    m_socket->disconnect(this);
    if (state() == State::Open)
        m_socket->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("%1 stopped").arg(stopped));
    finish(EventKind::Closed, QStringLiteral("closed by us (%1 stopped): %2; %3")
                                  .arg(stopped, WebSocketText::describeClose(1001, QStringLiteral("%1 stopped").arg(stopped)),
                                       totalsText()));
}

Result WebSocketConnection::halfClose()
{
    const QString message = QStringLiteral("a WebSocket has no half-close: close it with a code instead");
    reportError(message);
    return Result::failure(message);
}

void WebSocketConnection::onDisconnected()
{
    // Queued: when Qt closes on a protocol error, the socket disconnects
    // inside that close, before the error reaches onProtocolError.
    if (std::exchange(m_finishQueued, true))
        return;
    QTimer::singleShot(0, this, &WebSocketConnection::finishClosed);
}

void WebSocketConnection::finishClosed()
{
    if (state() == State::Connecting || state() == State::LookingUp) {
        // A connect or upgrade that failed: its error is logged. Once TCP
        // was connected (logged), the connection's end is logged too.
        if (m_transportConnected)
            finish(EventKind::Closed, QStringLiteral("closed: no WebSocket upgrade; %1").arg(totalsText()));
        else
            finishQuietly();
        return;
    }
    const bool server = endpoint()->config().role == Role::Server;
    QString detail;
    EventKind kind = EventKind::Closed;
    if (m_protocolError) {
        detail = QStringLiteral("closed by us: %1").arg(WebSocketText::describeClose(m_closeCode, m_closeReason));
    } else if (m_closingByUs) {
        detail = QStringLiteral("closed by us: %1").arg(WebSocketText::describeClose(m_closeCode, m_closeReason));
    } else if (m_closeFrameSeen && m_socket) {
        kind = EventKind::PeerClosed;
        detail = QStringLiteral("%1 closed the connection: %2")
                     .arg(server ? QStringLiteral("the client") : QStringLiteral("the server"),
                          WebSocketText::describeClose(int(m_socket->closeCode()), m_socket->closeReason()));
    } else {
        kind = EventKind::PeerClosed;
        detail = QStringLiteral("%1 dropped the connection without a close frame (%2)")
                     .arg(server ? QStringLiteral("the client") : QStringLiteral("the server"),
                          WebSocketText::closeCodeName(1006));
    }
    finish(kind, detail + QStringLiteral("; ") + totalsText());
}

} // namespace SockPlay
