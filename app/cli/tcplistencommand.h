#pragma once

#include "command.h"

#include <QSet>

namespace SockPlay::Cli {

/// `tcp-listen PORT`: a TCP server endpoint that prints what its
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
    EndpointConfig endpointConfig() const override { return m_config; }
    void started(const EndpointSnapshot &snapshot) override;
    void connectionOpened(int connectionId) override;
    void connectionClosed(int connectionId) override;
    void sendInput(const QByteArray &bytes) override;
    void endpointError(const QString &message) override;

private:
    EndpointConfig m_config;
    bool m_once = false;
    QSet<int> m_clients;
};

} // namespace SockPlay::Cli
