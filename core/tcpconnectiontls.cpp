// TcpConnection's TLS mode: the handshake after the TCP one, its events, its
// timeout. The plain TCP path (tcpconnection.cpp) only branches on m_tls.

#include "tcpconnection.h"

#include "endpoint.h"
#include "tlscertificates.h"
#include "tlscontext.h"

#include <QSslCipher>
#include <QSslSocket>
#include <QTimerEvent>

namespace SockPlay {

namespace {

QSslSocket *sslSocket(QTcpSocket *socket)
{
    return static_cast<QSslSocket *>(socket); // a TLS connection's socket is always one
}

/// "the certificate is self-signed, and untrusted (CN=localhost)": a reason in the middle of a sentence.
QString describeSslError(const QSslError &error)
{
    QString reason = error.errorString();
    if (!reason.isEmpty())
        reason[0] = reason.at(0).toLower();
    if (!error.certificate().isNull())
        reason += QStringLiteral(" (%1)").arg(TlsCertificates::shortName(error.certificate()));
    return reason;
}

QString alertLevelText(QSsl::AlertLevel level)
{
    switch (level) {
    case QSsl::AlertLevel::Warning: return QStringLiteral("warning");
    case QSsl::AlertLevel::Fatal: return QStringLiteral("fatal");
    case QSsl::AlertLevel::Unknown: break;
    }
    return QStringLiteral("unknown level");
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
                                              .arg(alertLevelText(level), description));
            });
}

void TcpConnection::startClientEncryption()
{
    QSslSocket *ssl = sslSocket(m_socket);
    ssl->setSslConfiguration(m_tls->configuration);
    ssl->setPeerVerifyName(m_tls->serverName);
    m_handshaking = true;
    m_handshakeTimer.start(m_tls->handshakeTimeoutMs, this);
    QString detail = QStringLiteral("TLS handshake: ClientHello sent, expecting a certificate for %1").arg(m_tls->serverName);
    if (m_tls->offersAlpn) {
        QStringList names;
        for (const QByteArray &name : m_tls->configuration.allowedNextProtocols())
            names.append(QString::fromUtf8(name));
        detail += QStringLiteral(", offering ALPN %1").arg(names.join(QStringLiteral(", ")));
    }
    logEvent(EventKind::Note, detail);
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
    for (const QSslCertificate &certificate : sslSocket(m_socket)->peerCertificateChain())
        logEvent(EventKind::Certificate, TlsCertificates::describe(certificate));
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
            reportError(QStringLiteral("certificate verification failed: %1").arg(describeSslError(error)));
        return;
    }
    for (const QSslError &error : errors)
        logEvent(EventKind::Note, QStringLiteral("ignored (verification off): %1").arg(describeSslError(error)));
    sslSocket(m_socket)->ignoreSslErrors();
}

QString TcpConnection::securedDetail() const
{
    const QSslSocket *ssl = sslSocket(m_socket);
    const QSslCipher cipher = ssl->sessionCipher();
    QString detail = QStringLiteral("%1, %2").arg(cipher.protocolString(), cipher.name());
    const QByteArray alpn = ssl->sslConfiguration().nextNegotiatedProtocol();
    if (!alpn.isEmpty())
        detail += QStringLiteral(", ALPN ") + QString::fromUtf8(alpn);
    else if (m_tls->offersAlpn)
        detail += QStringLiteral(", no ALPN protocol agreed");
    return detail;
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
    const int ms = m_tls->handshakeTimeoutMs;
    const QString limit = ms % 1000 == 0 ? QStringLiteral("%1 s").arg(ms / 1000) : QStringLiteral("%1 ms").arg(ms);
    reportError(QStringLiteral("the TLS handshake did not finish within %1: the peer sent nothing, or not enough")
                    .arg(limit));
    handshakeFailed(QStringLiteral("the TLS handshake timed out"));
}

} // namespace SockPlay
