#pragma once

#include "command.h"

namespace SockPlay {
class TcpClientEndpoint;
}

namespace SockPlay::Cli {

/// `tcp-connect HOST PORT`: a TCP client (TcpClientEndpoint). Lines typed on
/// stdin are sent, what comes back is printed. At the end of stdin it
/// half-closes and keeps printing until the server closes (like `nc -N`).
class TcpConnectCommand : public Command
{
    Q_OBJECT
public:
    using Command::Command;

protected:
    void declareArguments(CliOptions &options) override;
    void readArguments(CliOptions &options) override;
    Result start() override;
    void sendInput(const QByteArray &bytes) override;
    void inputEnded() override;
    void endpointError(const QString &message) override;

private:
    void onStateChanged(EndpointState state);
    /// "127.0.0.1:80", "[::1]:80", "example.org:80" as the user named it.
    QString serverText() const;

    TcpClientEndpoint *m_client = nullptr;
    EndpointConfig m_config;
    bool m_connected = false;
};

} // namespace SockPlay::Cli
