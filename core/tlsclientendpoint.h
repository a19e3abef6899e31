#pragma once

#include "tcpclientendpoint.h"

namespace SockPlay {

/// A TLS client: a TCP client whose connections do a TLS handshake
/// (QSslSocket::startClientEncryption()) once TCP's is done, and open when
/// encrypted. config.tls says whom to trust (a CA file or the system's),
/// whether to verify (off: each problem is a note), SNI, ALPN, and an
/// optional client certificate. There is no half-close (see capabilities()).
class TlsClientEndpoint final : public TcpClientEndpoint
{
    Q_OBJECT
public:
    TlsClientEndpoint(const QString &name, EventLog *log, QObject *parent = nullptr, int id = 0);

    EndpointCapabilities capabilities() const override;

protected:
    Result prepare(const EndpointConfig &config) override;
};

} // namespace SockPlay
