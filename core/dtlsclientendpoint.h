#pragma once

#include "endpoint.h"

namespace SockPlay {

/// A DTLS client: one DtlsConnection to config.host:config.port over its
/// own connected UDP socket. It verifies the server's certificate as a TLS
/// client does (config.tls: CA file, the name to check, ALPN offered, a
/// client certificate), answers the server's HelloVerifyRequest (a Note),
/// and is active once the handshake is done. Each send is one encrypted
/// datagram; stop() sends close_notify.
class DtlsClientEndpoint final : public Endpoint
{
    Q_OBJECT
public:
    DtlsClientEndpoint(const QString &name, EventLog *log, QObject *parent = nullptr, int id = 0);

    EndpointCapabilities capabilities() const override;
    Result start(const EndpointConfig &config) override;
    void stop() override;
    QHostAddress localAddress() const override;
    quint16 localPort() const override;

protected:
    void connectionStateChanged(Connection *connection) override;
    void connectionForgotten(Connection *connection) override;

private:
    void updateState();
};

} // namespace SockPlay
