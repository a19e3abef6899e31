#include "dtlsconnection.h"

#include "address.h"
#include "dtlsrecord.h"
#include "dtlstext.h"
#include "endpoint.h"
#include "tlscontext.h"
#include "tlshandshaketext.h"

#include <QDtls>
#include <QSslCipher>
#include <QTimerEvent>
#include <QUdpSocket>

namespace SockPlay {

namespace {

/// "DTLSv1.2": what the Secured event calls the version.
QString protocolName(QSsl::SslProtocol protocol)
{
    switch (protocol) {
    case QSsl::DtlsV1_2: return QStringLiteral("DTLSv1.2");
    case QSsl::DtlsV1_2OrLater: return QStringLiteral("DTLSv1.2 or later");
    default: break;
    }
    return QStringLiteral("DTLS");
}

/// The ALPN protocol a Qt DTLS server picks: the first the client offers that it accepts.
QString serverChoice(const QStringList &offered, const QStringList &accepted)
{
    for (const QString &name : offered)
        if (accepted.contains(name))
            return name;
    return {};
}

} // namespace

DtlsConnection::DtlsConnection(Endpoint *endpoint, int id, QUdpSocket *socket, const QHostAddress &peer,
                               quint16 peerPort, std::shared_ptr<const TlsContext> tls)
    : Connection(endpoint, id, true)
    , m_socket(socket)
    , m_tls(std::move(tls))
{
    setHasConnection();
    setAddresses(socket->localAddress(), socket->localPort(), peer, peerPort);
}

DtlsConnection::DtlsConnection(Endpoint *endpoint, int id, std::shared_ptr<const TlsContext> tls)
    : Connection(endpoint, id, true)
    , m_tls(std::move(tls))
{
    setHasConnection();
}

DtlsConnection::~DtlsConnection()
{
    if (m_socket && m_ownsSocket)
        m_socket->disconnect(this);
}

void DtlsConnection::makeDtls(int mode)
{
    m_dtls = new QDtls(QSslSocket::SslMode(mode), this);
    m_dtls->setDtlsConfiguration(m_tls->configuration);
    connect(m_dtls, &QDtls::handshakeTimeout, this, &DtlsConnection::onRetransmit);
    m_handshaking = true;
    m_handshakeTimer.start(m_tls->handshakeTimeoutMs, this);
}

void DtlsConnection::startServer(const QByteArray &clientHello, const DtlsRecord &hello)
{
    setState(State::Connecting);
    makeDtls(QSslSocket::SslServerMode);
    const ConnectionInfo peer = info();
    m_dtls->setPeer(peer.peerAddress, peer.peerPort);
    m_alpn = serverChoice(hello.alpn, m_tls->alpn);
    handshakeStep(m_dtls->doHandshake(m_socket, clientHello));
}

void DtlsConnection::connectTo(const QString &host, quint16 port)
{
    m_host = unbracketHost(host);
    m_port = port;
    m_socket = new QUdpSocket(this);
    m_ownsSocket = true;
    setSource(makeEventSource(endpoint()->id(), id(), endpoint()->name(), {}, 0, {}, 0, hostPortText(m_host, port)));
    connect(m_socket, &QUdpSocket::connected, this, &DtlsConnection::onSocketConnected);
    connect(m_socket, &QUdpSocket::readyRead, this, &DtlsConnection::readSocket);
    connect(m_socket, &QUdpSocket::errorOccurred, this,
            [this](QAbstractSocket::SocketError error) { onSocketError(int(error)); });
    logEvent(EventKind::Created, DtlsText::clientSocketDetail());
    if (QHostAddress(m_host).isNull()) {
        setState(State::LookingUp);
        logEvent(EventKind::LookingUp, QStringLiteral("looking up %1").arg(m_host));
    } else {
        setState(State::Connecting);
    }
    m_socket->connectToHost(m_host, port);
}

void DtlsConnection::onSocketConnected()
{
    setState(State::Connecting);
    setAddresses(m_socket->localAddress(), m_socket->localPort(), m_socket->peerAddress(), m_socket->peerPort());
    logEvent(EventKind::Bound, QStringLiteral("UDP socket on %1, sending to %2 (connect() on UDP only fixes the "
                                              "peer: nothing was sent)")
                                   .arg(source()->localText, source()->peerText));
    makeDtls(QSslSocket::SslClientMode);
    m_dtls->setPeer(m_socket->peerAddress(), m_socket->peerPort(), m_tls->serverName);
    logEvent(EventKind::Note, QStringLiteral("DTLS handshake: ClientHello sent, expecting a certificate for %1 "
                                             "(Qt's DTLS sends no SNI: the name is only checked)")
                                      .arg(m_tls->serverName)
                                  + TlsHandshakeText::offeringAlpnText(m_tls->alpn));
    handshakeStep(m_dtls->doHandshake(m_socket));
}

void DtlsConnection::onSocketError(int socketError)
{
    const auto error = QAbstractSocket::SocketError(socketError);
    if (error == QAbstractSocket::TemporaryError)
        return; // a read that found nothing
    // A connected UDP socket hears the peer's ICMP "port unreachable" as ECONNREFUSED.
    const QString reason = describeSocketError(m_socket->errorString(), error, m_port);
    if (error == QAbstractSocket::ConnectionRefusedError && state() == State::Open) {
        reportError(QStringLiteral("%1 (the peer's port is closed now)").arg(reason));
        return; // the next datagram may find it again
    }
    reportError(reason);
    if (state() == State::LookingUp || error == QAbstractSocket::HostNotFoundError) {
        finishQuietly();
        return;
    }
    if (m_handshaking)
        handshakeFailed(QStringLiteral("gave up: %1").arg(reason));
}

void DtlsConnection::readSocket()
{
    // Every pending datagram (see UdpEndpoint::onReadyRead); a connected socket hears only its peer.
    // Read without peeking first: a peek would swallow the ECONNREFUSED of an
    // ICMP "port unreachable", which a read reports (errorOccurred).
    QByteArray buffer(MaxDatagramBytes, Qt::Uninitialized);
    while (m_socket && state() != State::Closed) {
        const qint64 size = m_socket->readDatagram(buffer.data(), buffer.size());
        if (size < 0)
            return; // none left, or an error errorOccurred says
        receiveDatagram(QByteArray(buffer.constData(), size));
    }
}

void DtlsConnection::receiveDatagram(const QByteArray &datagram)
{
    if (!m_dtls || state() == State::Closed)
        return;
    const DtlsRecord record = DtlsRecord::parse(datagram);
    if (record.kind == DtlsRecord::Kind::NotDtls) {
        dropDatagram(datagram, QStringLiteral("not DTLS: %1").arg(record.problem));
        return;
    }
    if (m_handshaking) {
        noteHandshakeRecord(record);
        handshakeStep(m_dtls->doHandshake(m_socket, datagram));
        return;
    }
    const QByteArray plain = m_dtls->decryptDatagram(m_socket, datagram);
    if (!plain.isEmpty()) {
        deliver(plain);
        return;
    }
    switch (m_dtls->dtlsError()) {
    case QDtlsError::RemoteClosedConnectionError:
        finish(EventKind::PeerClosed, DtlsText::closeNotifyPrefix() + QStringLiteral("; ") + totalsText());
        return;
    case QDtlsError::NoError:
        // OpenSSL drops a record that fails its integrity check without a word (RFC 6347, 4.1.2.7).
        if (record.kind == DtlsRecord::Kind::ApplicationData)
            dropDatagram(datagram, QStringLiteral("it did not decrypt (wrong keys, or altered on the way)"));
        return;
    default:
        dropDatagram(datagram, m_dtls->dtlsErrorString());
        return;
    }
}

void DtlsConnection::dropDatagram(const QByteArray &datagram, const QString &reason)
{
    reportError(QStringLiteral("a datagram of %1 bytes from %2 was dropped: %3")
                    .arg(datagram.size())
                    .arg(source()->peerText, reason));
}

void DtlsConnection::noteHandshakeRecord(const DtlsRecord &record)
{
    if (m_dtls->sslMode() != QSslSocket::SslClientMode)
        return;
    if (record.kind == DtlsRecord::Kind::HelloVerifyRequest) {
        logEvent(EventKind::Note, DtlsText::cookieReceivedPrefix()
                                      + QStringLiteral(": a cookie of %1 bytes; the ClientHello goes again with it, "
                                                       "to prove our address")
                                            .arg(record.cookie.size()));
    } else if (record.kind == DtlsRecord::Kind::ServerHello) {
        m_alpn = record.alpn.value(0);
    }
}

void DtlsConnection::handshakeStep(bool ok)
{
    if (!m_dtls || !m_handshaking)
        return;
    switch (m_dtls->handshakeState()) {
    case QDtls::HandshakeComplete:
        onEncrypted();
        return;
    case QDtls::PeerVerificationFailed:
        onVerificationFailed();
        return;
    case QDtls::HandshakeInProgress:
        if (ok)
            return; // waiting for the peer's next flight
        break;
    case QDtls::HandshakeNotStarted:
        break;
    }
    const QString reason = m_dtls->dtlsErrorString();
    reportError(QStringLiteral("DTLS handshake failed: %1").arg(reason.isEmpty() ? QStringLiteral("no reason given")
                                                                                 : reason));
    handshakeFailed(QStringLiteral("closed: the DTLS handshake failed"));
}

void DtlsConnection::onRetransmit()
{
    if (!m_dtls || !m_handshaking)
        return;
    ++m_retransmissions;
    logEvent(EventKind::Note, QStringLiteral("DTLS handshake: no answer in time, our last flight sent again "
                                             "(retransmission %1)")
                                  .arg(m_retransmissions));
    m_dtls->handleTimeout(m_socket);
}

void DtlsConnection::logPeerCertificates()
{
    if (std::exchange(m_certificatesLogged, true))
        return;
    for (const QString &detail : TlsHandshakeText::chainDetails(m_dtls->dtlsConfiguration().peerCertificateChain()))
        logEvent(EventKind::Certificate, detail);
}

void DtlsConnection::onVerificationFailed()
{
    logPeerCertificates();
    const QList<QSslError> errors = m_dtls->peerVerificationErrors();
    if (m_tls->verifyPeer) {
        for (const QSslError &error : errors)
            reportError(TlsHandshakeText::verificationFailedText(error));
        handshakeFailed(QStringLiteral("closed: the peer's certificate did not verify"));
        return;
    }
    for (const QSslError &error : errors)
        logEvent(EventKind::Note, TlsHandshakeText::ignoredText(error));
    m_dtls->ignoreVerificationErrors(errors);
    if (m_dtls->resumeHandshake(m_socket)) {
        onEncrypted();
        return;
    }
    reportError(QStringLiteral("DTLS handshake failed: %1").arg(m_dtls->dtlsErrorString()));
    handshakeFailed(QStringLiteral("closed: the DTLS handshake failed"));
}

void DtlsConnection::onEncrypted()
{
    m_handshaking = false;
    m_handshakeTimer.stop();
    logPeerCertificates();
    logEvent(EventKind::Secured, TlsHandshakeText::securedDetail(protocolName(m_dtls->sessionProtocol()),
                                                             m_dtls->sessionCipher(), m_alpn, m_tls->offersAlpn));
    setState(State::Open);
}

void DtlsConnection::handshakeFailed(const QString &detail)
{
    if (!std::exchange(m_handshaking, false))
        return;
    m_handshakeTimer.stop();
    const QDtls::HandshakeState handshake = m_dtls->handshakeState();
    if (handshake == QDtls::HandshakeInProgress || handshake == QDtls::PeerVerificationFailed)
        m_dtls->abortHandshake(m_socket); // after a failed verification: close_notify
    finish(EventKind::Closed, detail);
}

void DtlsConnection::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_handshakeTimer.timerId()) {
        Connection::timerEvent(event);
        return;
    }
    m_handshakeTimer.stop();
    // A silent or half-gone peer must not hold a server's handshake slot forever.
    reportError(QStringLiteral("the DTLS handshake did not finish within %1 (%2 retransmissions): the peer sent "
                               "nothing, or not enough")
                    .arg(TlsHandshakeText::limitText(m_tls->handshakeTimeoutMs))
                    .arg(m_retransmissions));
    handshakeFailed(QStringLiteral("closed: the DTLS handshake timed out"));
}

qint64 DtlsConnection::transmit(const QByteArray &bytes)
{
    return m_dtls->writeDatagramEncrypted(m_socket, bytes);
}

QString DtlsConnection::transmitErrorString() const
{
    return m_dtls->dtlsErrorString();
}

void DtlsConnection::shutDown(EventKind kind, const QString &detail)
{
    if (m_handshaking) {
        handshakeFailed(QStringLiteral("closed during the DTLS handshake; %1").arg(totalsText()));
        return;
    }
    QString text = detail;
    if (m_dtls && m_dtls->isConnectionEncrypted()) {
        m_dtls->shutdown(m_socket);
        text = QStringLiteral("close_notify sent; ") + detail;
    }
    if (m_socket && m_ownsSocket) {
        m_socket->disconnect(this);
        m_socket->close();
    }
    finish(kind, text);
}

Result DtlsConnection::close()
{
    shutDown(EventKind::Closed, totalsText());
    return Result::success();
}

void DtlsConnection::closeNow()
{
    shutDown(EventKind::Closed, totalsText());
}

} // namespace SockPlay
