#pragma once

#include "command.h"

namespace SockPlay::Cli {

/// `udp-listen PORT`: a bound UDP socket endpoint that prints each
/// datagram's payload and sends the lines typed on stdin to the last sender;
/// --echo sends every datagram back, --count N ends after N datagrams;
/// --join GROUP (repeatable) and --iface NAME make it a multicast group member.
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
    /// --join and --iface: a usage error for a group that is not one, or an interface that is not here.
    void readMulticastArguments(CliOptions &options);

    EndpointConfig m_config;
    int m_lastSender = 0; // the peer that sent the last datagram
    int m_count = 0; // 0: no limit
    int m_received = 0;
};

} // namespace SockPlay::Cli
