#pragma once

#include "tcplistencommand.h"

namespace SockPlay::Cli {

/// `ws-listen PORT`: tcp-listen over WebSocket. Serves one path (--path,
/// "/" by default; other paths get 404), offers --subprotocol S (repeatable),
/// prints each message a client sends on a line of its own, and sends each
/// line typed on stdin as one message (text, or binary with --binary).
/// --tls serves wss:// with tls-listen's certificate options (TlsOptions).
class WsListenCommand : public TcpListenCommand
{
    Q_OBJECT
public:
    using TcpListenCommand::TcpListenCommand;

protected:
    void declareArguments(CliOptions &options) override;
    void readArguments(CliOptions &options) override;
    void started(const EndpointSnapshot &snapshot) override;
    void sendInput(const QByteArray &bytes) override;
};

} // namespace SockPlay::Cli
