#pragma once

#include "tlsconnectcommand.h"

namespace SockPlay::Cli {

/// `dtls-connect HOST PORT [MESSAGE]`: a DTLS client over UDP, with
/// tls-connect's options. It verifies the server's certificate unless
/// --insecure, answers its HelloVerifyRequest, and prints the handshake's
/// outcome on stderr; each typed line is one encrypted datagram, each
/// datagram that comes back is printed decrypted. DTLS has no half-close:
/// at the end of stdin it keeps printing until the server sends close_notify.
class DtlsConnectCommand final : public TlsConnectCommand
{
    Q_OBJECT
public:
    using TlsConnectCommand::TlsConnectCommand;

protected:
    void declareArguments(CliOptions &options) override;
    Transport transport() const override { return Transport::Dtls; }
};

} // namespace SockPlay::Cli
