#pragma once

#include "event.h"

#include <QAbstractSocket>
#include <QBasicTimer>
#include <QObject>

#include <memory>

class QSslError;
class QSslSocket;

namespace SockPlay {

class Connection;
struct TlsContext;

/// The TLS handshake of one connection, logged as that connection's events
/// the same way for every transport that runs over TLS: TcpConnection
/// (tls://) and a wss:// server's and client's WebSocketConnection.
///
/// It watches the connection's QSslSocket: the peer's chain as Certificate
/// events (once), each verification problem as an error (or, with
/// verification off, a note and ignored), the peer's TLS alerts as notes,
/// then Secured with the version, cipher and ALPN; or the reason it failed
/// and a timeout (the context's handshakeTimeoutMs). The connection reacts
/// to secured() (it opens, or goes on to its own handshake) and to failed()
/// (it drops the socket and ends with the kind and detail given). While
/// isRunning(), the socket's errors and its closing are the handshake's to
/// report: the connection ignores them.
class TlsHandshake final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TlsHandshake)
public:
    /// socket belongs to connection (which parents this object).
    TlsHandshake(Connection *connection, QSslSocket *socket, std::shared_ptr<const TlsContext> context);

    /// Client: sends the ClientHello (SNI and ALPN from the context) on a connected socket.
    void startClient(quint16 port);
    /// Server: waits for the ClientHello on an accepted socket.
    void startServer();
    /// A client handshake Qt starts for another owner (a wss:// client's
    /// QWebSocket, which connects and sends the ClientHello itself; call it
    /// right after the socket was made, before it connects). The SNI name
    /// is set here; the ClientHello's note, the peer's chain, each
    /// verification problem (as for startClient) and Secured are logged
    /// here, and the timeout aborts the socket. The owner reports the
    /// socket's errors and its end; failed() is not emitted.
    void observe();
    /// Verification failed (its errors are logged): the socket's summary of them is not news.
    bool verificationFailed() const { return m_verificationFailed; }
    bool isRunning() const { return m_running; }
    /// The connection gives up (closed by the user or stopped): no timeout, no more events.
    void abandon();

signals:
    /// The socket is encrypted; Secured is logged.
    void secured();
    /// The handshake ended without encryption; its reason is logged. The
    /// connection must end with kind (PeerClosed or Closed) and detail.
    void failed(SockPlay::EventKind kind, const QString &detail);

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    void begin();
    /// The peer's chain as Certificate events, once per handshake.
    void logPeerCertificates();
    /// The ClientHello went out (startClient, or the observed socket connected): its note.
    void logClientHello();
    void onEncrypted();
    void onSslErrors(const QList<QSslError> &errors);
    void onError(QAbstractSocket::SocketError error);
    void onState(QAbstractSocket::SocketState state);
    QString securedDetail() const;
    /// Ends the handshake without encryption: failed() with the last event's words.
    void fail(const QString &detail);

    Connection *const m_connection;
    QSslSocket *const m_socket;
    const std::shared_ptr<const TlsContext> m_context;
    QBasicTimer m_timer;
    quint16 m_port = 0;
    bool m_running = false;
    bool m_observing = false;
    bool m_certificatesLogged = false;
    bool m_verificationFailed = false; // its errors are logged: Qt's summary of them is not
    bool m_peerLeft = false;
};

} // namespace SockPlay
