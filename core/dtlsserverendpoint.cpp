#include "dtlsserverendpoint.h"

#include "address.h"
#include "dtlsconnection.h"
#include "dtlsrecord.h"
#include "dtlstext.h"
#include "endpointcapabilities.h"
#include "tlscontext.h"
#include "tlshandshaketext.h"

#include <QDtlsClientVerifier>
#include <QUdpSocket>

namespace SockPlay {

DtlsServerEndpoint::DtlsServerEndpoint(const QString &name, EventLog *log, QObject *parent, int id)
    : Endpoint(name, log, parent, id)
{
}

DtlsServerEndpoint::~DtlsServerEndpoint()
{
    if (m_socket)
        m_socket->disconnect(this);
}

EndpointCapabilities DtlsServerEndpoint::capabilities() const
{
    return endpointCapabilities(Transport::Dtls, Role::Server);
}

Result DtlsServerEndpoint::start(const EndpointConfig &requested)
{
    if (m_socket)
        stop();
    EndpointConfig config = requested;
    config.transport = Transport::Dtls;
    config.role = Role::Server;
    beginStart(config);
    m_idByPeer.clear();
    m_handshaking.clear();
    m_handshakesFull = false;
    m_clientsFull = false;

    const QHostAddress address = parseBindAddress(config.host);
    if (address.isNull())
        return refuse(tr("“%1” is not an address to bind to — use 127.0.0.1, ::1, 0.0.0.0 or ::").arg(config.host));
    QString error;
    QStringList notes;
    m_tls = TlsContext::make(config.tls, Role::Server, config.host, &error, &notes, Transport::Dtls);
    if (!m_tls)
        return refuse(tr("cannot start the DTLS server: %1").arg(error));

    m_socket = new QUdpSocket(this);
    logEvent(EventKind::Created, DtlsText::serverSocketDetail());
    if (!m_socket->bind(address, config.port, QAbstractSocket::DontShareAddress)) {
        const QString message = describeSocketError(m_socket->errorString(), m_socket->error(), config.port);
        delete m_socket;
        m_socket = nullptr;
        return refuse(tr("cannot bind %1: %2").arg(formatAddress(address, config.port), message));
    }
    updateSource();
    m_verifier = new QDtlsClientVerifier(m_socket);
    connect(m_socket, &QUdpSocket::readyRead, this, &DtlsServerEndpoint::onReadyRead);
    QString detail = QStringLiteral("waiting for ClientHellos; a cookie exchange comes first for each client");
    if (config.port == 0)
        detail += QStringLiteral("; port 0 asked: the system chose %1").arg(m_socket->localPort());
    logEvent(EventKind::Bound, detail);
    for (const QString &note : std::as_const(notes))
        logEvent(EventKind::Note, note);
    if (const QString exposed = networkReachableNote(address, true); !exposed.isEmpty())
        logEvent(EventKind::Note, exposed);
    setState(EndpointState::Active);
    return Result::success();
}

void DtlsServerEndpoint::stop()
{
    if (!m_socket)
        return;
    closeAllConnections(); // close_notify to each
    m_socket->disconnect(this);
    m_socket->close();
    logEvent(EventKind::Closed, QStringLiteral("socket closed; %1 bytes in, %2 out").arg(bytesIn()).arg(bytesOut()));
    m_socket->deleteLater();
    m_socket = nullptr;
    m_verifier = nullptr; // the socket's child
    m_idByPeer.clear();
    m_handshaking.clear();
    setState(EndpointState::Idle);
}

void DtlsServerEndpoint::onReadyRead()
{
    for (int read = 0; m_socket && read < MaxDatagramsPerWakeUp && m_socket->hasPendingDatagrams(); ++read) {
        QByteArray datagram(qMax<qint64>(m_socket->pendingDatagramSize(), 0), Qt::Uninitialized);
        QHostAddress sender;
        quint16 senderPort = 0;
        const qint64 size = m_socket->readDatagram(datagram.data(), datagram.size(), &sender, &senderPort);
        if (size < 0)
            return;
        datagram.resize(size);
        const auto it = m_idByPeer.constFind(PeerKey{sender, senderPort});
        if (it != m_idByPeer.constEnd()) {
            if (auto *client = static_cast<DtlsConnection *>(connection(*it)))
                client->receiveDatagram(datagram);
            continue;
        }
        receiveFromStranger(datagram, sender, senderPort);
    }
}

void DtlsServerEndpoint::receiveFromStranger(const QByteArray &datagram, const QHostAddress &address, quint16 port)
{
    const EventSourcePtr source = makeEventSource(id(), 0, name(), localAddress(), localPort(), address, port);
    const DtlsRecord record = DtlsRecord::parse(datagram);
    if (record.kind != DtlsRecord::Kind::ClientHello) {
        const QString what = record.kind == DtlsRecord::Kind::NotDtls
            ? QStringLiteral("not DTLS: %1").arg(record.problem)
            : QStringLiteral("a DTLS %1, but no handshake was started with this peer").arg(DtlsRecord::kindName(record.kind));
        reportError(QStringLiteral("a datagram of %1 bytes from %2 was dropped: %3")
                        .arg(datagram.size())
                        .arg(formatAddress(address, port), what),
                    source);
        return;
    }
    if (m_verifier->verifyClient(m_socket, datagram, address, port)) {
        // Only a client that proved its address costs memory: that is where the cap applies.
        if (roomForHandshake(source))
            acceptVerified(m_verifier->verifiedHello(), record, address, port);
        return;
    }
    if (m_verifier->dtlsError() != QDtlsError::NoError) {
        reportError(QStringLiteral("a ClientHello from %1 was dropped: %2")
                        .arg(formatAddress(address, port), m_verifier->dtlsErrorString()),
                    source);
        return;
    }
    // Stateless: nothing is kept for this peer until it echoes the cookie.
    logEvent(EventKind::Note, source,
             record.cookie.isEmpty()
                 ? DtlsText::cookieSentPrefix()
                       + QStringLiteral(" with one (nothing is kept until the client echoes it from this address)")
                 : DtlsText::cookieRefusedPrefix()
                       + QStringLiteral(" (stale, or made for another address): HelloVerifyRequest sent again"));
}

bool DtlsServerEndpoint::roomForHandshake(const EventSourcePtr &source)
{
    if (m_handshaking.size() >= MaxPendingHandshakes) {
        if (!std::exchange(m_handshakesFull, true)) {
            logEvent(EventKind::Note, source,
                     QStringLiteral("%1 DTLS handshakes in progress, the most at once: new ClientHellos are ignored "
                                    "until one finishes or times out")
                         .arg(MaxPendingHandshakes));
        }
        return false;
    }
    if (connectionCount() >= config().maxConnections) {
        if (!std::exchange(m_clientsFull, true)) {
            const QString reason = QStringLiteral("%1 clients, the most (max clients): new ClientHellos are ignored "
                                                  "until one leaves")
                                       .arg(config().maxConnections);
            logEvent(EventKind::Note, source, reason);
            emit clientTurnedAway(source->peerText, reason);
        }
        return false;
    }
    return true;
}

void DtlsServerEndpoint::acceptVerified(const QByteArray &hello, const DtlsRecord &record, const QHostAddress &address,
                                        quint16 port)
{
    auto *client = new DtlsConnection(this, nextConnectionId(), m_socket, address, port, m_tls);
    m_idByPeer.insert(PeerKey{address, port}, client->id());
    m_handshaking.insert(client->id());
    adopt(client);
    QString detail = DtlsText::cookieVerifiedPrefix()
        + QStringLiteral(": the client's address is proven, the DTLS handshake starts");
    if (!record.serverName.isEmpty())
        detail += QStringLiteral("; it asks for %1 (SNI)").arg(record.serverName);
    if (!record.alpn.isEmpty())
        detail += TlsHandshakeText::offeringAlpnText(record.alpn);
    logEvent(EventKind::Note, client->source(), detail);
    client->startServer(hello, record);
}

void DtlsServerEndpoint::connectionStateChanged(Connection *connection)
{
    if (connection->isOpen() && m_handshaking.remove(connection->id()) && m_handshaking.size() < MaxPendingHandshakes)
        m_handshakesFull = false;
}

void DtlsServerEndpoint::connectionForgotten(Connection *connection)
{
    const ConnectionInfo info = connection->info();
    m_idByPeer.remove(PeerKey{info.peerAddress, info.peerPort});
    if (m_handshaking.remove(connection->id()))
        m_handshakesFull = false;
    m_clientsFull = false;
}

QHostAddress DtlsServerEndpoint::localAddress() const
{
    return m_socket ? m_socket->localAddress() : QHostAddress();
}

quint16 DtlsServerEndpoint::localPort() const
{
    return m_socket ? m_socket->localPort() : 0;
}

} // namespace SockPlay
