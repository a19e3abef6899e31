#pragma once

#include "command.h"

namespace SockPlay::Cli {

/// `tcp-connect HOST PORT`: a TCP client endpoint. Lines typed on
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
    EndpointConfig endpointConfig() const override { return m_config; }
    void connectionOpened(int connectionId) override;
    void connectionClosed(int connectionId) override;
    void stopped() override;
    void sendInput(const QByteArray &bytes) override;
    void inputEnded() override;
    void startFailed(const QString &message) override;
    void endpointError(const QString &message) override;

private:
    /// "127.0.0.1:80", "[::1]:80", "example.org:80" as the user named it.
    QString serverText() const;

    EndpointConfig m_config;
    bool m_connected = false;
};

} // namespace SockPlay::Cli
