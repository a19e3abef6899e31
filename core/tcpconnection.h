#pragma once

#include "connection.h"

#include <memory>

class QTcpSocket;

namespace SockPlay {

class TlsHandshake;
struct TlsContext;

/// A TCP connection: an accepted socket (server side) or one that connects
/// (client side). It reads what the kernel has, applies backpressure by not
/// reading (its socket's read buffer is bounded, so TCP's own flow control
/// then slows the peer), and tells apart "closed by the peer" from "closed by us".
///
/// With a TlsContext it is a TLS connection: its socket is a QSslSocket, the
/// TLS handshake follows the TCP one (the peer's certificates, verification
/// problems and the outcome are events), the connection opens only once it
/// is encrypted, and the pipeline sees the decrypted bytes. A handshake that
/// fails or does not finish in time is an error and closes the connection.
class TcpConnection final : public Connection
{
    Q_OBJECT
public:
    /// Bytes a socket may buffer from the kernel before we read them.
    static constexpr qint64 ReadBufferBytes = 256 * 1024;

    /// An accepted, connected socket; the connection takes it over.
    /// With tls, socket is a QSslSocket and startServerEncryption() follows.
    TcpConnection(Endpoint *endpoint, int id, QTcpSocket *socket, std::shared_ptr<const TlsContext> tls = {});
    /// A client connection; connectTo() starts it (with tls: then the TLS handshake).
    TcpConnection(Endpoint *endpoint, int id, std::shared_ptr<const TlsContext> tls = {});
    ~TcpConnection() override;

    /// Reads what is already there (data that came with the handshake).
    void readPending() { readFromSocket(); }
    /// An accepted TLS connection: the server side of the handshake.
    void startServerEncryption();
    bool isTls() const { return m_tls != nullptr; }
    /// Looks host up (a name) and connects; each step is an event.
    void connectTo(const QString &host, quint16 port);
    /// What the log calls the peer when it closes ("the target closed the
    /// connection"); by default "client" for an accepted socket, else "server".
    void setPeerName(const QString &name) { m_peerName = name; }

    /// Open: queued bytes go out, then FIN. Closing: abort (queued bytes are
    /// dropped). Connecting: give up.
    Result close() override;
    void closeNow() override;
    /// shutdown(SHUT_WR) once queued bytes are out: a HalfClosed event.
    /// Refused for TLS (QSslSocket can only close both ways).
    Result halfClose() override;
    qint64 pendingWriteBytes() const override;
    void resumeReading() override;

protected:
    qint64 transmit(const QByteArray &bytes) override;
    QString transmitErrorString() const override;

private:
    void watchSocket();
    /// TCP_NODELAY as the endpoint's config says (Nagle's algorithm off).
    void applyNoDelay();
    void readFromSocket();
    /// TCP's handshake is done (client): the addresses, Connected, then TLS's handshake or Open.
    void onTcpConnected();
    void onSocketState(int socketState);
    void onDisconnected();
    void onError(int socketError);
    void giveUp(const QString &detail);

    // TLS (tcpconnectiontls.cpp).
    void watchTls();
    void startClientEncryption();
    /// The TLS handshake is under way: the socket's errors and its closing are its to report.
    bool isHandshaking() const;
    /// "TCP client socket", "TLS client socket (TCP, then a TLS handshake)".
    QString socketText() const;

    QTcpSocket *m_socket = nullptr;
    QString m_peerName;
    QString m_host;
    quint16 m_port = 0;
    bool m_closingByUs = false;
    bool m_aborting = false;
    bool m_resetByPeer = false; // the end of stream came with an error: an RST, not a FIN
    bool m_readingPaused = false;
    bool m_halfClosed = false;
    std::shared_ptr<const TlsContext> m_tls; // null: plain TCP
    TlsHandshake *m_handshake = nullptr;     // TLS: logs the handshake, times it out
};

} // namespace SockPlay
