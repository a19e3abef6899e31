#pragma once

#include "connection.h"

#include <QBasicTimer>
#include <QHostAddress>

#include <memory>

class QDtls;
class QUdpSocket;

namespace SockPlay {

struct DtlsRecord;
struct TlsContext;

/// One DTLS association over UDP: a server's verified client (sharing the
/// server's one QUdpSocket) or a client (owning its connected QUdpSocket).
/// A QDtls does the handshake; its events are TLS's (Certificate per
/// certificate of the peer's chain, each verification problem, Secured with
/// version, cipher and ALPN), plus DTLS's own: the cookie exchange seen from
/// the client, each retransmission of a flight, close_notify. It opens once
/// the handshake is done; then each datagram is decrypted into one message
/// (DatagramReceived) and each send is one encrypted datagram.
///
/// A datagram that is not DTLS, or does not decrypt, is an Error and
/// dropped; the association goes on. A handshake that does not finish
/// within TlsContext::handshakeTimeoutMs is an Error and ends it.
class DtlsConnection final : public Connection
{
    Q_OBJECT
public:
    /// The largest UDP payload there is.
    static constexpr qsizetype MaxDatagramBytes = 65536;

    /// A server's client whose ClientHello carried a valid cookie; start()
    /// answers that hello. The socket stays the endpoint's.
    DtlsConnection(Endpoint *endpoint, int id, QUdpSocket *socket, const QHostAddress &peer, quint16 peerPort,
                   std::shared_ptr<const TlsContext> tls);
    /// A client: connectTo() makes its socket and starts.
    DtlsConnection(Endpoint *endpoint, int id, std::shared_ptr<const TlsContext> tls);
    ~DtlsConnection() override;

    /// Server side: the handshake from the verified ClientHello on.
    void startServer(const QByteArray &clientHello, const DtlsRecord &hello);
    /// Client side: looks host up if it is a name, connects a UDP socket to
    /// it (which only fixes the peer) and sends the ClientHello.
    void connectTo(const QString &host, quint16 port);
    /// A datagram from the peer: the handshake's, data, close_notify or garbage.
    void receiveDatagram(const QByteArray &datagram);
    bool isHandshaking() const { return m_handshaking; }

    /// Open: close_notify, then forgotten. Handshaking: given up.
    Result close() override;
    void closeNow() override;

protected:
    qint64 transmit(const QByteArray &bytes) override;
    QString transmitErrorString() const override;
    void timerEvent(QTimerEvent *event) override;

private:
    void makeDtls(int mode);
    void onSocketConnected();
    void onSocketError(int socketError);
    void readSocket();
    /// After each doHandshake(): done, verification failed, failed, or going on.
    void handshakeStep(bool ok);
    void onRetransmit();
    void onEncrypted();
    void onVerificationFailed();
    void logPeerCertificates();
    /// Says what a handshake datagram from the peer is (the client sees the cookie exchange).
    void noteHandshakeRecord(const DtlsRecord &record);
    /// Ends the handshake: an Error was logged; the association is over.
    void handshakeFailed(const QString &detail);
    /// A datagram dropped with its reason (an Error; the association goes on).
    void dropDatagram(const QByteArray &datagram, const QString &reason);
    /// close_notify if secured, then the last event.
    void shutDown(EventKind kind, const QString &detail);

    QUdpSocket *m_socket = nullptr;
    bool m_ownsSocket = false; // a client's; a server's clients share the endpoint's
    QDtls *m_dtls = nullptr;
    std::shared_ptr<const TlsContext> m_tls;
    QBasicTimer m_handshakeTimer;
    bool m_handshaking = false;
    bool m_certificatesLogged = false;
    int m_retransmissions = 0;
    QString m_alpn; ///< the ALPN protocol agreed, as the hellos say (QDtls does not)
    QString m_host;
    quint16 m_port = 0;
};

} // namespace SockPlay
