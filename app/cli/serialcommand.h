#pragma once

#include "command.h"

#include <QTimer>

namespace SockPlay::Cli {

/// `serial DEVICE --baud N [MESSAGE]`: a serial port. Lines typed on stdin
/// are sent (MESSAGE instead: sent, --repeat N times), what the device sends
/// is printed. A serial line cannot say "done sending": after the end of
/// input, once the bytes are out, it waits until nothing arrived for
/// --linger MS, then exits. --count N exits after N reads (messages with
/// --frame) instead; with --linger too, exit 1 if they do not come in time.
/// `serial --list` prints the ports the system has, one a line.
class SerialCommand final : public Command
{
    Q_OBJECT
public:
    using Command::Command;

    void run() override;

protected:
    void declareArguments(CliOptions &options) override;
    void readArguments(CliOptions &options) override;
    EndpointConfig endpointConfig() const override { return m_config; }
    void started(const EndpointSnapshot &snapshot) override;
    void stopped() override;
    void connectionClosed(int connectionId) override;
    void received(int connectionId, const QByteArray &bytes) override;
    void sendInput(const QByteArray &bytes) override;
    void inputEnded() override;

private:
    void listPorts();
    void sendMessage();
    void repeatProgress(int endpointId, quint64 sent, quint64 count, bool running);
    /// A read (a message with --frame) arrived.
    void counted();
    /// The input ended and nothing waits to go out: the linger starts.
    void maybeLinger(qint64 pending);
    void lingerEnded();

    EndpointConfig m_config;
    bool m_list = false;
    std::optional<ReplyTemplate> m_message; // MESSAGE, when given
    std::optional<CliOptions::Repeat> m_repeat;
    bool m_messageSent = false;
    bool m_framed = false;
    int m_count = 0; // 0: no --count
    int m_received = 0;
    int m_lingerMs = 500;
    bool m_lingerGiven = false;
    bool m_inputEnded = false;
    bool m_lingering = false;
    QTimer m_linger{this}; // a child: it moves to the network thread with the command
};

} // namespace SockPlay::Cli
