#pragma once

#include "command.h"

namespace SockPlay::Cli {

/// `tcp-connect HOST PORT [MESSAGE]`: a TCP client endpoint. Lines typed on
/// stdin are sent, what comes back is printed. At the end of stdin it
/// half-closes and keeps printing until the server closes (like `nc -N`).
/// With MESSAGE, that is sent instead of stdin (--repeat N --interval MS:
/// N times), and then it half-closes as at the end of stdin.
/// TlsConnectCommand is the same client with TLS.
class TcpConnectCommand : public Command
{
    Q_OBJECT
public:
    using Command::Command;

protected:
    /// The options every client command has (--repeat, --interval, --nodelay, HOST PORT [MESSAGE]).
    static void declareClientArguments(CliOptions &options);
    void declareArguments(CliOptions &options) override;
    void readArguments(CliOptions &options) override;
    EndpointConfig endpointConfig() const override { return m_config; }
    void started(const EndpointSnapshot &snapshot) override;
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
    /// MESSAGE, once or repeated, once connected.
    void sendMessage();
    void repeatProgress(int endpointId, quint64 sent, quint64 count, bool running);

    EndpointConfig m_config;
    bool m_connected = false;
    std::optional<ReplyTemplate> m_message; // MESSAGE, when given
    std::optional<CliOptions::Repeat> m_repeat;
    bool m_messageSent = false;
};

} // namespace SockPlay::Cli
