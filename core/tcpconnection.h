#pragma once

#include "connection.h"

class QTcpSocket;

namespace SockPlay {

/// A TCP connection: an accepted socket (server side) or one that connects
/// (client side). It reads what the kernel has, applies backpressure by not
/// reading (its socket's read buffer is bounded, so TCP's own flow control
/// then slows the peer), and tells apart "closed by the peer" from "closed by us".
class TcpConnection final : public Connection
{
    Q_OBJECT
public:
    /// Bytes a socket may buffer from the kernel before we read them.
    static constexpr qint64 ReadBufferBytes = 256 * 1024;

    /// An accepted, connected socket; the connection takes it over.
    TcpConnection(Endpoint *endpoint, int id, QTcpSocket *socket);
    /// A client connection; connectTo() starts it.
    TcpConnection(Endpoint *endpoint, int id);
    ~TcpConnection() override;

    /// Reads what is already there (data that came with the handshake).
    void readPending() { readFromSocket(); }
    /// Looks host up (a name) and connects; each step is an event.
    void connectTo(const QString &host, quint16 port);

    /// Open: queued bytes go out, then FIN. Closing: abort (queued bytes are
    /// dropped). Connecting: give up.
    Result close() override;
    void closeNow() override;
    /// shutdown(SHUT_WR) once queued bytes are out: a HalfClosed event.
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
    void onSocketState(int socketState);
    void onDisconnected();
    void onError(int socketError);
    void giveUp(const QString &detail);

    QTcpSocket *m_socket = nullptr;
    QString m_host;
    quint16 m_port = 0;
    bool m_closingByUs = false;
    bool m_aborting = false;
    bool m_resetByPeer = false; // the end of stream came with an error: an RST, not a FIN
    bool m_readingPaused = false;
    bool m_halfClosed = false;
};

} // namespace SockPlay
