#pragma once

#include "command.h"

#include <QSet>

namespace SockPlay::Cli {

/// `tcp-listen PORT`: a TCP server endpoint that prints what its
/// clients send and sends them the lines typed on stdin; --echo sends every
/// chunk back, --once ends after the first client leaves. tls-listen
/// (TlsListenCommand) is the same server with TLS, ws-listen
/// (WsListenCommand) over WebSocket.
class TcpListenCommand : public Command
{
    Q_OBJECT
public:
    using Command::Command;

protected:
    /// What every listening command takes: --bind (or --host), --echo,
    /// --relay, --once, --max-clients and PORT.
    void declareServerArguments(CliOptions &options);
    /// --nodelay (TCP and TLS servers).
    static void declareNoDelay(CliOptions &options);
    /// Reads them into m_config, a server of this transport.
    void readServerArguments(CliOptions &options, Transport transport);

    void declareArguments(CliOptions &options) override;
    void readArguments(CliOptions &options) override;
    EndpointConfig endpointConfig() const override { return m_config; }
    void started(const EndpointSnapshot &snapshot) override;
    void connectionOpened(int connectionId) override;
    void connectionClosed(int connectionId) override;
    void sendInput(const QByteArray &bytes) override;
    void endpointError(const QString &message) override;
    void clientTurnedAway(const QString &peer, const QString &reason) override;

    EndpointConfig m_config;

private:
    void reportTurnedAway();

    bool m_once = false;
    static constexpr int MaxTurnedAwayShown = 5;
    QSet<int> m_clients;
    // Turned-away clients: the first few one by one, then a count at most
    // once a second (a storm of connects must not flood the terminal).
    int m_turnedAwayShown = 0;
    int m_turnedAwayUnshown = 0;
    QString m_turnedAwayReason;
    bool m_turnedAwayReportPending = false;
};

} // namespace SockPlay::Cli
