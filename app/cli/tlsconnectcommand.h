#pragma once

#include "tcpconnectcommand.h"

namespace SockPlay::Cli {

/// `tls-connect HOST PORT [MESSAGE]`: tcp-connect with TLS. The server's
/// certificate is verified (--ca, or the system's CAs) unless --insecure;
/// the handshake's outcome (version, cipher, ALPN) is printed on stderr.
/// TLS has no half-close here, so at the end of stdin (or after MESSAGE) it
/// keeps printing until the server closes, or Ctrl-C.
class TlsConnectCommand : public TcpConnectCommand
{
    Q_OBJECT
public:
    using TcpConnectCommand::TcpConnectCommand;

protected:
    void declareArguments(CliOptions &options) override;
    void readArguments(CliOptions &options) override;
    EndpointConfig endpointConfig() const override;
    void inputEnded() override;
    void startFailed(const QString &message) override;
    void endpointError(const QString &message) override;
    bool wantsEvents() const override { return true; }
    void eventAppended(const SockPlay::Event &event) override;
    /// Tls here; DtlsConnectCommand: Dtls.
    virtual Transport transport() const { return Transport::Tls; }

private:
    TlsSpec m_tls;
    bool m_inputEndNoted = false;
};

} // namespace SockPlay::Cli
