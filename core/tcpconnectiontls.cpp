// TcpConnection's TLS mode: the handshake after the TCP one (TlsHandshake
// logs it and times it out). The plain TCP path (tcpconnection.cpp) only
// branches on m_tls.

#include "tcpconnection.h"

#include "tlscontext.h"
#include "tlshandshake.h"

#include <QSslSocket>

namespace SockPlay {

QString TcpConnection::socketText() const
{
    return m_tls ? QStringLiteral("TLS client socket (TCP, then a TLS handshake)") : QStringLiteral("TCP client socket");
}

void TcpConnection::watchTls()
{
    auto *ssl = static_cast<QSslSocket *>(m_socket); // a TLS connection's socket is always one
    connect(ssl, &QSslSocket::connected, this, &TcpConnection::onTcpConnected); // a client's
    m_handshake = new TlsHandshake(this, ssl, m_tls);
    connect(m_handshake, &TlsHandshake::secured, this, [this] {
        setState(State::Open);
        readFromSocket(); // application data may have come with the last handshake message
    });
    connect(m_handshake, &TlsHandshake::failed, this, [this](EventKind kind, const QString &detail) {
        if (m_socket) {
            m_socket->disconnect(this);
            m_socket->abort();
        }
        finish(kind, detail);
    });
}

bool TcpConnection::isHandshaking() const
{
    return m_handshake && m_handshake->isRunning();
}

void TcpConnection::startClientEncryption()
{
    m_handshake->startClient(m_port);
}

void TcpConnection::startServerEncryption()
{
    m_handshake->startServer();
}

} // namespace SockPlay
