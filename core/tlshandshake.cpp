#include "tlshandshake.h"

#include "address.h"
#include "connection.h"
#include "tlscontext.h"
#include "tlshandshaketext.h"

#include <QSslCipher>
#include <QSslSocket>
#include <QTimer>
#include <QTimerEvent>

namespace SockPlay {

TlsHandshake::TlsHandshake(Connection *connection, QSslSocket *socket, std::shared_ptr<const TlsContext> context)
    : QObject(connection)
    , m_connection(connection)
    , m_socket(socket)
    , m_context(std::move(context))
{
    connect(socket, &QSslSocket::encrypted, this, &TlsHandshake::onEncrypted);
    connect(socket, &QSslSocket::sslErrors, this, &TlsHandshake::onSslErrors);
    connect(socket, &QSslSocket::errorOccurred, this, &TlsHandshake::onError);
    connect(socket, &QSslSocket::stateChanged, this, &TlsHandshake::onState);
    // The peer's reason for giving up (our certificate was refused, say) reaches us as an alert.
    connect(socket, &QSslSocket::alertReceived, this,
            [this](QSsl::AlertLevel level, QSsl::AlertType, const QString &description) {
                m_connection->logEvent(EventKind::Note, QStringLiteral("TLS alert from the peer (%1): %2")
                                                            .arg(TlsHandshakeText::alertLevelText(level), description));
            });
}

void TlsHandshake::begin()
{
    m_socket->setSslConfiguration(m_context->configuration);
    m_running = true;
    m_timer.start(m_context->handshakeTimeoutMs, this);
}

void TlsHandshake::startClient(quint16 port)
{
    m_port = port;
    begin();
    m_socket->setPeerVerifyName(m_context->serverName);
    logClientHello();
    m_socket->startClientEncryption();
}

void TlsHandshake::logClientHello()
{
    m_connection->logEvent(EventKind::Note,
                           QStringLiteral("TLS handshake: ClientHello sent, expecting a certificate for %1")
                                   .arg(m_context->serverName)
                               + TlsHandshakeText::offeringAlpnText(m_context->alpn));
}

void TlsHandshake::startServer()
{
    begin();
    m_socket->startServerEncryption();
}

void TlsHandshake::observe()
{
    m_observing = true;
    m_running = true;
    // QSslSocket reads the name at the handshake, after the TCP connect; its configuration is the owner's.
    m_socket->setPeerVerifyName(m_context->serverName);
    // QSslSocket sends the ClientHello as it connects, then emits connected().
    connect(m_socket, &QSslSocket::connected, this, [this] {
        if (!m_running)
            return;
        m_port = m_socket->peerPort();
        logClientHello();
        m_timer.start(m_context->handshakeTimeoutMs, this);
    });
}

void TlsHandshake::abandon()
{
    m_running = false;
    m_timer.stop();
}

void TlsHandshake::logPeerCertificates()
{
    if (std::exchange(m_certificatesLogged, true))
        return;
    for (const QString &detail : TlsHandshakeText::chainDetails(m_socket->peerCertificateChain()))
        m_connection->logEvent(EventKind::Certificate, detail);
}

void TlsHandshake::onSslErrors(const QList<QSslError> &errors)
{
    if (!m_running)
        return;
    logPeerCertificates();
    if (m_context->verifyPeer) {
        // Qt ends the handshake after this signal: each reason is an error of this connection.
        m_verificationFailed = true;
        for (const QSslError &error : errors)
            m_connection->reportError(TlsHandshakeText::verificationFailedText(error));
        return;
    }
    for (const QSslError &error : errors)
        m_connection->logEvent(EventKind::Note, TlsHandshakeText::ignoredText(error));
    m_socket->ignoreSslErrors();
}

QString TlsHandshake::securedDetail() const
{
    const QSslCipher cipher = m_socket->sessionCipher();
    return TlsHandshakeText::securedDetail(cipher.protocolString(), cipher,
                                           QString::fromUtf8(m_socket->sslConfiguration().nextNegotiatedProtocol()),
                                           m_context && m_context->offersAlpn);
}

void TlsHandshake::onEncrypted()
{
    if (!m_running)
        return;
    abandon();
    logPeerCertificates();
    m_connection->logEvent(EventKind::Secured, securedDetail());
    emit secured();
}

void TlsHandshake::onError(QAbstractSocket::SocketError error)
{
    if (!m_running || m_observing)
        return;
    // Each verification problem is already an event: Qt's summary of them is not news.
    if (error == QAbstractSocket::SslHandshakeFailedError && m_verificationFailed)
        return;
    if (error == QAbstractSocket::RemoteHostClosedError) {
        m_peerLeft = true;
        return;
    }
    m_connection->reportError(error == QAbstractSocket::SslHandshakeFailedError
                                  ? QStringLiteral("TLS handshake failed: %1").arg(m_socket->errorString())
                                  : describeSocketError(m_socket->errorString(), error, m_port));
    // The socket closes: onState() ends the handshake.
}

void TlsHandshake::onState(QAbstractSocket::SocketState state)
{
    if (!m_running || state != QAbstractSocket::UnconnectedState)
        return;
    if (m_observing) {
        abandon(); // the owner says why
        return;
    }
    // The handshake failed or the peer left; its error (if any, emitted after this) first.
    QTimer::singleShot(0, this, [this] { fail(QStringLiteral("the TLS handshake did not complete")); });
}

void TlsHandshake::fail(const QString &detail)
{
    if (!m_running)
        return;
    abandon();
    if (m_peerLeft)
        emit failed(EventKind::PeerClosed, QStringLiteral("the peer closed the connection during the TLS handshake"));
    else
        emit failed(EventKind::Closed, QStringLiteral("closed: %1").arg(detail));
}

void TlsHandshake::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_timer.timerId()) {
        QObject::timerEvent(event);
        return;
    }
    m_timer.stop();
    // A silent peer must not hold a client slot of the server forever.
    m_connection->reportError(
        QStringLiteral("the TLS handshake did not finish within %1: the peer sent nothing, or not enough")
            .arg(TlsHandshakeText::limitText(m_context->handshakeTimeoutMs)));
    if (m_observing) {
        abandon();
        m_socket->abort(); // the owner sees its socket close and ends the connection
        return;
    }
    fail(QStringLiteral("the TLS handshake timed out"));
}

} // namespace SockPlay
