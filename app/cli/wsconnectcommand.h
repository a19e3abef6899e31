#pragma once

#include "command.h"

#include <QTimer>

namespace SockPlay::Cli {

/// `ws-connect URL [MESSAGE]`: a WebSocket client. Each line typed on stdin
/// is one message (text, or binary with --binary); each message that comes
/// back is printed on a line of its own. After the end of stdin (or after
/// MESSAGE) it waits until nothing arrived for --linger MS, then closes with
/// 1000 (or --close-code and --close-reason); a server that closes first
/// ends it too. --ping pings once connected and prints the round trip.
/// wss:// takes tls-connect's options (TlsOptions: --ca, --insecure, --sni,
/// --alpn, --cert/--key or --pkcs12/--passphrase, --handshake-timeout).
class WsConnectCommand : public Command
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
    void stopped() override;
    void received(int connectionId, const QByteArray &bytes) override;
    void sendInput(const QByteArray &bytes) override;
    void inputEnded() override;
    void startFailed(const QString &message) override;
    bool wantsEvents() const override { return true; }
    void eventAppended(const SockPlay::Event &event) override;

private:
    void closeNow();

    EndpointConfig m_config;
    QString m_url;
    std::optional<ReplyTemplate> m_message; // MESSAGE, when given
    bool m_ping = false;
    bool m_connected = false;
    bool m_inputDone = false;
    bool m_closeSent = false;
    int m_lingerMs = 500;
    int m_closeCode = 1000;
    QString m_closeReason;
    QTimer m_linger{this}; // a child: it moves to the network thread with the command
};

} // namespace SockPlay::Cli
