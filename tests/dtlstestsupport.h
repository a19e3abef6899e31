#pragma once
// What the DTLS suites share: endpoint configs, the log's details, and a
// DTLS client made of Qt's own QDtls, stepped by hand (to prove an address
// and go silent, or to finish a handshake and then misbehave).

#include "dtlsrecord.h"
#include "endpointtypes.h"
#include "eventlog.h"
#include "peers/peerprocess.h"
#include "testsupport.h"

#include <QDtls>
#include <QSignalSpy>
#include <QUdpSocket>

namespace SockPlayTest {

using namespace SockPlay;

QStringList detailsOf(const EventLog &log, int endpointId, EventKind kind)
{
    QStringList details;
    for (const Event &e : SockPlay::Test::eventsOf(log, endpointId, kind))
        details.append(e.detail);
    return details;
}

EndpointConfig dtlsConfig(Role role, quint16 port, const TlsSpec &tls)
{
    EndpointConfig config;
    config.transport = Transport::Dtls;
    config.role = role;
    config.host = QStringLiteral("127.0.0.1");
    config.port = port;
    config.tls = tls;
    if (role == Role::Server)
        config.tls.verifyPeer = false;
    return config;
}

quint16 waitForOpensslPort(PeerProcess &server)
{
    return quint16(server.waitForMatch(QRegularExpression(QStringLiteral("ACCEPT 127\\.0\\.0\\.1:(\\d+)")),
                                       QProcess::StandardOutput).toUInt());
}

/// The next datagram a socket receives (empty after a timeout).
QByteArray nextDatagram(QUdpSocket &socket)
{
    if (!socket.hasPendingDatagrams() && !QSignalSpy(&socket, &QUdpSocket::readyRead).wait(PeerTimeoutMs))
        return {};
    QByteArray datagram(socket.pendingDatagramSize(), Qt::Uninitialized);
    datagram.resize(socket.readDatagram(datagram.data(), datagram.size()));
    return datagram;
}

/// A DTLS client made of Qt's QDtls on its own socket, stepped by hand: it
/// proves its address (echoes the cookie) and may then go silent.
struct HalfOpenClient
{
    QUdpSocket socket;
    QDtls dtls{QSslSocket::SslClientMode};

    /// ClientHello, HelloVerifyRequest, ClientHello with the cookie; true once the cookie went back.
    bool proveAddress(quint16 serverPort)
    {
        QSslConfiguration configuration = QSslConfiguration::defaultDtlsConfiguration();
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
        dtls.setDtlsConfiguration(configuration);
        socket.bind(QHostAddress::LocalHost, 0);
        dtls.setPeer(QHostAddress::LocalHost, serverPort);
        if (!dtls.doHandshake(&socket))
            return false;
        const QByteArray answer = nextDatagram(socket);
        return DtlsRecord::parse(answer).kind == DtlsRecord::Kind::HelloVerifyRequest && dtls.doHandshake(&socket, answer);
    }

    /// After proveAddress(): the server's flights in, ours out, until encrypted.
    bool finishHandshake()
    {
        while (!dtls.isConnectionEncrypted()) {
            const QByteArray flight = nextDatagram(socket);
            if (flight.isEmpty() || !dtls.doHandshake(&socket, flight))
                return false;
        }
        return true;
    }
};

} // namespace SockPlayTest
