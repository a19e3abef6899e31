#pragma once

#include "command.h"

namespace SockPlay::Cli {

/// `udp-listen PORT`: a bound UDP socket endpoint that prints each
/// datagram's payload and sends the lines typed on stdin to the last sender;
/// --echo sends every datagram back, --count N ends after N datagrams.
class UdpListenCommand : public Command
{
    Q_OBJECT
public:
    using Command::Command;

protected:
    void declareArguments(CliOptions &options) override;
    void readArguments(CliOptions &options) override;
    EndpointConfig endpointConfig() const override { return m_config; }
    void started(const EndpointSnapshot &snapshot) override;
    void received(int connectionId, const QByteArray &bytes) override;
    void sendInput(const QByteArray &bytes) override;
    void endpointError(const QString &message) override;

private:
    EndpointConfig m_config;
    int m_lastSender = 0; // the peer that sent the last datagram
    int m_count = 0; // 0: no limit
    int m_received = 0;
};

} // namespace SockPlay::Cli
