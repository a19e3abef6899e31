#pragma once

#include "tlslistencommand.h"

namespace SockPlay::Cli {

/// `dtls-listen PORT`: a DTLS server over UDP, with tls-listen's certificate
/// options. Each client's cookie exchange and handshake come first; then
/// each datagram it sends is printed decrypted (one message each), and
/// typed lines go to every client, one datagram each.
class DtlsListenCommand final : public TlsListenCommand
{
    Q_OBJECT
public:
    using TlsListenCommand::TlsListenCommand;

protected:
    void declareArguments(CliOptions &options) override;
    Transport transport() const override { return Transport::Dtls; }
};

} // namespace SockPlay::Cli
