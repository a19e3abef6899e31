#pragma once

#include "command.h"

#include <QTimer>

namespace SockPlay::Cli {

/// `udp-send HOST PORT [MESSAGE]`: sends one datagram (MESSAGE, or all of
/// stdin, at most 65,507 bytes) from a UDP client endpoint bound to a free port; --wait-reply MS waits for
/// one datagram back and prints it. --repeat N --interval MS sends MESSAGE N
/// times (0: until interrupted), and --wait-reply waits after the last one.
class UdpSendCommand : public Command
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
    bool wantsEvents() const override { return true; }
    void sendInput(const QByteArray &bytes) override;
    void inputEnded() override;
    void invalidInput(const QString &reason) override;
    void eventAppended(const SockPlay::Event &event) override;
    void endpointError(const QString &message) override;

private:
    /// --ttl, --iface, --no-loopback and --broadcast: a usage error for a TTL
    /// out of 0..255 or an interface that is not here.
    void readMulticastArguments(CliOptions &options);
    void readPayloadFromStdin();
    void sendDatagram(const QByteArray &bytes);
    void repeatProgress(int endpointId, quint64 sent, quint64 count, bool running);
    /// Every datagram went out: wait for the reply, or end.
    void allSent();

    EndpointConfig m_config;
    QString m_host;
    quint16 m_port = 0;
    bool m_messageGiven = false;
    QByteArray m_payload;
    std::optional<ReplyTemplate> m_message; // MESSAGE, when given
    std::optional<CliOptions::Repeat> m_repeat;
    bool m_repeatDone = false;
    quint64 m_datagramsSent = 0; // sent or dropped by the simulated link: each datagram once
    quint64 m_datagramsDropped = 0;
    quint64 m_datagramsCopied = 0; // the simulated link's duplicates
    bool m_gotReply = false; // a reply came while the repeat still ran
    int m_waitReplyMs = 0; // 0: do not wait
    QTimer m_replyTimer{this}; // a child: it moves to the network thread with the command
    bool m_sent = false;
};

} // namespace SockPlay::Cli
