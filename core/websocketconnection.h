#pragma once

#include "connection.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QtWebSockets/QWebSocketProtocol>

#include <memory>
#include <optional>

class QTcpSocket;
class QTimer;
class QWebSocket;
class QWebSocketServer;

namespace SockPlay {

class TlsHandshake;
struct TlsContext;

/// A WebSocket connection: on a server, a TCP connection accepted whose HTTP
/// upgrade is checked here and answered by Qt; on a client, a QWebSocket that
/// connects to the config's URL. Each WebSocket message is one whole message
/// (no framing applies) and keeps its kind: "text" or "binary" on its
/// Received event, and a reply or echo goes back as the same kind.
///
/// Pings and pongs, the upgrade and the close (code and reason, both ways)
/// are logged. A message over the config's maxMessageBytes is an error, and
/// Qt closes the connection with 1009. A WebSocket cannot stop reading: under
/// backpressure, automatic replies are dropped (and counted in the log)
/// instead, so the outgoing queue stays bounded.
///
/// On a wss:// server the accepted socket is a QSslSocket: its TLS
/// handshake comes first (TlsHandshake logs it as for a TLS connection),
/// then the upgrade request is read from the decrypted bytes. A wss://
/// client's QWebSocket makes its own QSslSocket and runs the handshake;
/// a TlsHandshake observes it and logs it as a TLS client's.
class WebSocketConnection final : public Connection
{
    Q_OBJECT
public:
    enum class Kind : quint8 { Text, Binary };

    /// Bytes the TCP socket may buffer before Qt's WebSocket reader takes them.
    static constexpr qint64 ReadBufferBytes = 256 * 1024;
    /// A server's peer must send its upgrade request within this time.
    static constexpr int UpgradeTimeoutMs = 10000;
    /// The longest request line a server reads before giving up on a peer.
    static constexpr qint64 MaxRequestLineBytes = 8192;

    /// Server: a TCP connection just accepted; its HTTP upgrade request is
    /// still to come. Once its request line checks out, handshaker (Qt's,
    /// which answers the upgrade) takes the socket; the endpoint then hands
    /// the result to upgraded(). With tls (wss://), socket is a QSslSocket
    /// and the TLS handshake comes first.
    WebSocketConnection(Endpoint *endpoint, int id, QTcpSocket *socket, QWebSocketServer *handshaker,
                        std::shared_ptr<const TlsContext> tls = {});
    /// Client: open() starts it.
    WebSocketConnection(Endpoint *endpoint, int id);
    ~WebSocketConnection() override;

    /// Client: connects to the config's URL and asks for the upgrade; with
    /// tls (wss://), over TLS with its settings (whom to trust, verify or
    /// not, SNI, ALPN, a client certificate), logged by a TlsHandshake.
    void open(std::shared_ptr<const TlsContext> tls = {});
    /// Server: Qt upgraded the connection; it is open now.
    void upgraded(QWebSocket *socket);
    /// Server: whether Qt's upgraded socket is this connection's (the same peer).
    bool isPeerOf(const QWebSocket *socket) const;

    /// A ping with this payload (at most 125 bytes); its pong is logged with the round trip.
    Result ping(const QByteArray &payload);
    /// Closes with a close frame carrying code and reason (see
    /// WebSocketText::closeProblem for what may be sent). Before the upgrade: gives up.
    Result closeWithCode(int code, const QString &reason);
    /// closeWithCode(1000, no reason).
    Result close() override;
    void closeNow() override;
    /// Refused: a WebSocket closes as a whole, with a code.
    Result halfClose() override;
    qint64 pendingWriteBytes() const override;
    /// The kind the user's sends go as (the config's binaryMessages by default).
    void setSendKind(Kind kind) { m_userKind = kind; }

    /// "text", "binary".
    static QString kindName(Kind kind);

protected:
    bool divert(const QByteArray &bytes, Origin origin, const QString &detail) override;
    qint64 transmit(const QByteArray &bytes) override;
    QString transmitErrorString() const override;
    QString sentDetail() const override { return m_sentDetail; }

private slots:
    // Connected by name: Qt's frame reader (QWebSocketDataProcessor) is private (see watchControlFrames).
    void onPingReceived(const QByteArray &payload);
    void onProtocolError(QWebSocketProtocol::CloseCode code, const QString &description);

private:
    void watchSocket();
    /// Incoming pings and protocol errors are only told to Qt's private frame reader.
    void watchControlFrames();
    void applyLimits();
    void receive(const QByteArray &bytes, Kind kind);
    void onConnected();
    void onDisconnected();
    void onError(int socketError);
    void onBytesWritten(qint64 bytes);
    /// The last event, once Qt is done closing (queued: a protocol error is reported first).
    void finishClosed();
    /// Client: logs Connected when TCP connects (and, wss://, the TLS handshake), before the upgrade.
    void watchTransport(std::shared_ptr<const TlsContext> tls);
    /// wss:// server: no more TLS handshake events or timeout (the connection is given up).
    void abandonTls();
    /// Server, before the upgrade (after the TLS handshake, for wss://): waits for the request.
    void awaitRequest();
    /// Server, before the upgrade: reads the request line as it arrives.
    void checkRequest();
    void refuseRequest(const QString &reason, const QByteArray &response = {});
    void onTcpDisconnected();
    /// "HTTP upgrade: GET /chat HTTP/1.1 → 101 Switching Protocols; ..."
    QString upgradeText() const;

    QPointer<QWebSocket> m_socket;
    QPointer<QTcpSocket> m_tcp;            // server: the accepted socket, until Qt upgrades it
    QWebSocketServer *m_handshaker = nullptr;
    TlsHandshake *m_tlsHandshake = nullptr; // wss://: the TLS handshake before the upgrade
    bool m_transportConnected = false;      // client: Connected is logged (TCP connected)
    QTimer *m_upgradeTimer = nullptr;
    QByteArray m_requestLine;              // server: "GET /chat HTTP/1.1"
    bool m_handedOver = false;             // server: Qt reads the upgrade request now
    Kind m_userKind = Kind::Text;
    std::optional<Kind> m_answering;       // the kind of the message being delivered
    Kind m_nextKind = Kind::Text;          // what divert() chose for transmit()
    QString m_sentDetail;
    bool m_closingByUs = false;
    bool m_closeFrameSeen = false;         // Qt sent a close frame (ours, or the answer to the peer's)
    bool m_finishQueued = false;
    std::optional<int> m_protocolError;    // the code Qt closed with on a protocol error
    int m_closeCode = 1000;
    QString m_closeReason;
    QString m_stopDetail;                  // closeNow(): why we closed
    QElapsedTimer m_pingClock;
    qint64 m_repliesDropped = 0;           // automatic replies dropped under backpressure
};

} // namespace SockPlay
