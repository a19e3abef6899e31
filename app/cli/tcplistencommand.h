#pragma once

#include "command.h"

#include <QSet>

namespace SockPlay {
class TcpServerEndpoint;
}

namespace SockPlay::Cli {

/// `tcp-listen PORT`: a TCP server (TcpServerEndpoint) that prints what its
/// clients send and sends them the lines typed on stdin; --echo sends every
/// chunk back, --once ends after the first client leaves.
class TcpListenCommand : public Command
{
    Q_OBJECT
public:
    using Command::Command;

protected:
    void declareArguments(CliOptions &options) override;
    void readArguments(CliOptions &options) override;
    Result start() override;
    void sendInput(const QByteArray &bytes) override;
    void endpointError(const QString &message) override;

private:
    void onConnectionOpened(int connectionId);
    void onConnectionClosed(int connectionId);

    TcpServerEndpoint *m_server = nullptr;
    EndpointConfig m_config;
    bool m_once = false;
    QSet<int> m_clients;
};

} // namespace SockPlay::Cli
