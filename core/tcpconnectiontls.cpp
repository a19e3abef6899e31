// TcpConnection's TLS mode: the handshake after the TCP one, its events, its
// timeout. The plain TCP path (tcpconnection.cpp) only branches on m_tls.

#include "tcpconnection.h"

#include "endpoint.h"
#include "tlscontext.h"
#include "tlshandshake.h"

#include <QSslCipher>
#include <QSslSocket>
#include <QTimerEvent>

namespace SockPlay {

namespace {

QSslSocket *sslSocket(QTcpSocket *socket)
{
    return static_cast<QSslSocket *>(socket); // a TLS connection's socket is always one
}

} // namespace

QString TcpConnection::socketText() const
{
    return m_tls ? QStringLiteral("TLS client socket (TCP, then a TLS handshake)") : QStringLiteral("TCP client socket");
}

void TcpConnection::watchTls()
{
    QSslSocket *ssl = sslSocket(m_socket);
    connect(ssl, &QSslSocket::connected, this, &TcpConnection::onTcpConnected); // a client's
    connect(ssl, &QSslSocket::encrypted, this, &TcpConnection::onEncrypted);
    connect(ssl, &QSslSocket::sslErrors, this, &TcpConnection::onSslErrors);
    // The peer's reason for giving up (our certificate was refused, say) reaches us as an alert.
    connect(ssl, &QSslSocket::alertReceived, this,
            [this](QSsl::AlertLevel level, QSsl::AlertType, const QString &description) {
                logEvent(EventKind::Note, QStringLiteral("TLS alert from the peer (%1): %2")
                                              .arg(TlsHandshake::alertLevelText(level), description));
            });
}

void TcpConnection::startClientEncryption()
{
    QSslSocket *ssl = sslSocket(m_socket);
    ssl->setSslConfiguration(m_tls->configuration);
    ssl->setPeerVerifyName(m_tls->serverName);
    m_handshaking = true;
    m_handshakeTimer.start(m_tls->handshakeTimeoutMs, this);
    logEvent(EventKind::Note, QStringLiteral("TLS handshake: ClientHello sent, expecting a certificate for %1")
                                      .arg(m_tls->serverName)
                                  + TlsHandshake::offeringAlpnText(m_tls->alpn));
    ssl->startClientEncryption();
}

void TcpConnection::startServerEncryption()
{
    QSslSocket *ssl = sslSocket(m_socket);
    ssl->setSslConfiguration(m_tls->configuration);
    m_handshaking = true;
    m_handshakeTimer.start(m_tls->handshakeTimeoutMs, this);
    ssl->startServerEncryption();
}

void TcpConnection::logPeerCertificates()
{
    if (std::exchange(m_certificatesLogged, true))
        return;
    for (const QString &detail : TlsHandshake::chainDetails(sslSocket(m_socket)->peerCertificateChain()))
        logEvent(EventKind::Certificate, detail);
}

void TcpConnection::onSslErrors(const QList<QSslError> &errors)
{
    if (!m_socket)
        return;
    logPeerCertificates();
    if (m_tls->verifyPeer) {
        // Qt ends the handshake after this signal: each reason is an error of this connection.
        m_verificationFailed = true;
        for (const QSslError &error : errors)
            reportError(TlsHandshake::verificationFailedText(error));
        return;
    }
    for (const QSslError &error : errors)
        logEvent(EventKind::Note, TlsHandshake::ignoredText(error));
    sslSocket(m_socket)->ignoreSslErrors();
}

QString TcpConnection::securedDetail() const
{
    const QSslSocket *ssl = sslSocket(m_socket);
    const QSslCipher cipher = ssl->sessionCipher();
    return TlsHandshake::securedDetail(cipher.protocolString(), cipher,
                                       QString::fromUtf8(ssl->sslConfiguration().nextNegotiatedProtocol()),
                                       m_tls->offersAlpn);
}

void TcpConnection::onEncrypted()
{
    m_handshaking = false;
    m_handshakeTimer.stop();
    logPeerCertificates();
    logEvent(EventKind::Secured, securedDetail());
    setState(State::Open);
    readFromSocket(); // application data may have come with the last handshake message
}

void TcpConnection::handshakeFailed(const QString &detail)
{
    if (!std::exchange(m_handshaking, false))
        return;
    m_handshakeTimer.stop();
    const bool peerLeft = m_peerLeftHandshake;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
    if (peerLeft)
        finish(EventKind::PeerClosed, QStringLiteral("the peer closed the connection during the TLS handshake"));
    else
        finish(EventKind::Closed, QStringLiteral("closed: %1").arg(detail));
}

void TcpConnection::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_handshakeTimer.timerId()) {
        Connection::timerEvent(event);
        return;
    }
    m_handshakeTimer.stop();
    // A silent peer must not hold a client slot of the server forever.
    reportError(QStringLiteral("the TLS handshake did not finish within %1: the peer sent nothing, or not enough")
                    .arg(TlsHandshake::limitText(m_tls->handshakeTimeoutMs)));
    handshakeFailed(QStringLiteral("the TLS handshake timed out"));
}

} // namespace SockPlay
