#pragma once

#include "tcpserverendpoint.h"

namespace SockPlay {

/// A TLS server: a TCP server whose accepted connections each do a TLS
/// handshake (QSslSocket::startServerEncryption()) before they open. The
/// certificate comes from config.tls: files (PEM, PKCS#12) loaded at start,
/// or a self-signed one made at start for the listening address. Max
/// clients, backpressure, framing, rules, echo and relay work on the
/// decrypted bytes as for TCP. There is no half-close (see capabilities()).
class TlsServerEndpoint final : public TcpServerEndpoint
{
    Q_OBJECT
public:
    TlsServerEndpoint(const QString &name, EventLog *log, QObject *parent = nullptr, int id = 0);

    EndpointCapabilities capabilities() const override;

protected:
    Result prepare(const EndpointConfig &config) override;
};

} // namespace SockPlay
