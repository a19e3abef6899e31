#pragma once

#include "command.h"

#include <QSet>

namespace SockPlay::Cli {

/// `relay LISTEN_PORT TARGET_HOST TARGET_PORT`: a relay endpoint. Each
/// client it accepts is forwarded to the target over a connection of its
/// own; both directions are printed as they pass, a line per read (or per
/// message with --frame), "#1 -> " from client #1 to the target and
/// "#1 <- " back. --listen-tls and --target-tls put TLS on either side,
/// --delay holds each chunk on its way. Runs until Ctrl-C (--once: until
/// the first client's conversation ends). --udp relays datagrams instead,
/// an association per client, with the simulated link's --sim-* options.
class RelayCommand final : public Command
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
    void endpointError(const QString &message) override;
    void clientTurnedAway(const QString &peer, const QString &reason) override;
    QString printMarker(int connectionId) const override;

private:
    void readTls(CliOptions &options);
    void readUdp(CliOptions &options);
    int delayOption(CliOptions &options, const QString &name, int fallback);

    EndpointConfig m_config;
    bool m_once = false;
    bool m_failed = false;
    QSet<int> m_clients; // open connections, both sides
};

} // namespace SockPlay::Cli
