#pragma once

#include "command.h"

#include <QTimer>

namespace SockPlay {
class UdpEndpoint;
}

namespace SockPlay::Cli {

/// `udp-send HOST PORT [MESSAGE]`: sends one datagram (MESSAGE, or all of
/// stdin) from a UdpEndpoint bound to a free port; --wait-reply MS waits for
/// one datagram back and prints it.
class UdpSendCommand : public Command
{
    Q_OBJECT
public:
    using Command::Command;

protected:
    void declareArguments(CliOptions &options) override;
    void readArguments(CliOptions &options) override;
    Result start() override;
    void sendInput(const QByteArray &bytes) override;
    void inputEnded() override;
    void invalidInput(const QString &reason) override;
    void eventAppended(const SockPlay::Event &event) override;
    void endpointError(const QString &message) override;

private:
    void readPayloadFromStdin();
    void send(const QByteArray &bytes);
    void onReply();

    UdpEndpoint *m_udp = nullptr;
    EndpointConfig m_bindConfig;
    QString m_host;
    quint16 m_port = 0;
    bool m_messageGiven = false;
    QByteArray m_payload;
    int m_waitReplyMs = 0; // 0: do not wait
    QTimer m_replyTimer;
};

} // namespace SockPlay::Cli
