#pragma once

#include "tcplistencommand.h"

namespace SockPlay::Cli {

/// `tls-listen PORT`: tcp-listen with TLS. Each client's TLS handshake
/// follows accept; what clients send is printed decrypted, and every option
/// of tcp-listen (echo, frame, reply rules, capture, …) works the same. A
/// certificate option is required: --cert/--key, --pkcs12, or --self-signed.
class TlsListenCommand : public TcpListenCommand
{
    Q_OBJECT
public:
    using TcpListenCommand::TcpListenCommand;

protected:
    void declareArguments(CliOptions &options) override;
    void readArguments(CliOptions &options) override;
    EndpointConfig endpointConfig() const override;
    /// Tls here; DtlsListenCommand: Dtls.
    virtual Transport transport() const { return Transport::Tls; }

private:
    TlsSpec m_tls;
};

} // namespace SockPlay::Cli
