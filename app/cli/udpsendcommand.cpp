#include "udpsendcommand.h"

#include "payloadcodec.h"
#include "address.h"
#include "session.h"

#include <unistd.h>

namespace SockPlay::Cli {

void UdpSendCommand::declareArguments(CliOptions &options)
{
    options.addExamples({
        {QStringLiteral("127.0.0.1 9000 hello"), QStringLiteral("one datagram, no answer expected")},
        {QStringLiteral("--wait-reply 1000 127.0.0.1 9000 ping"), QStringLiteral("send, then print the reply (exit 1 if none in 1 s)")},
        {QStringLiteral("--hex 127.0.0.1 9000 \"de ad be ef\""), QStringLiteral("four raw bytes")},
    });
    options.addOption({QStringLiteral("bind"),
                       QStringLiteral("Send from this local address (default: any, on a free port)."),
                       QStringLiteral("ADDR"), QStringLiteral("any")});
    options.addOption({QStringLiteral("wait-reply"),
                       QStringLiteral("Wait up to MS milliseconds for one datagram back and print "
                                      "it; exit 1 if none comes."),
                       QStringLiteral("MS")});
    options.addPositional(QStringLiteral("HOST"),
                          QStringLiteral("Where to send (a name or an address)."));
    options.addPositional(QStringLiteral("PORT"), QStringLiteral("The receiver's port."));
    options.addPositional(QStringLiteral("MESSAGE"),
                          QStringLiteral("The payload (hex with --hex). Without it, all of stdin "
                                         "is sent as one datagram."),
                          true);
}

void UdpSendCommand::readArguments(CliOptions &options)
{
    // A UDP client: its target is HOST:PORT, it binds --bind on a free port.
    m_config.transport = Transport::Udp;
    m_config.role = Role::Client;
    m_config.name = QStringLiteral("udp");
    m_config.localHost = options.value(QStringLiteral("bind"));
    options.bindAddress(m_config.localHost);

    m_host = options.positional(0).trimmed();
    if (m_host.isEmpty())
        options.fail(QStringLiteral("HOST is empty"));
    m_port = options.port(options.positional(1), CliOptions::PortUse::Peer);
    m_config.host = m_host;
    m_config.port = m_port;
    if (options.isSet(QStringLiteral("wait-reply")))
        m_waitReplyMs = options.positiveNumber(QStringLiteral("wait-reply"));

    m_messageGiven = options.hasPositional(2);
    if (!m_messageGiven)
        return;
    const QString message = options.positional(2);
    if (!options.hex()) {
        m_payload = message.toUtf8();
        return;
    }
    const ParseResult parsed = PayloadCodec::parseHex(message);
    if (!parsed.ok)
        options.fail(QStringLiteral("MESSAGE: ") + parsed.error);
    m_payload = parsed.bytes;
}

void UdpSendCommand::started(const EndpointSnapshot &snapshot)
{
    Q_UNUSED(snapshot)
    m_replyTimer.setSingleShot(true);
    m_replyTimer.setInterval(m_waitReplyMs);
    connect(&m_replyTimer, &QTimer::timeout, this, [this] {
        finish(ExitNetworkError,
               QStringLiteral("no reply within %1 ms from %2:%3").arg(m_waitReplyMs).arg(m_host).arg(m_port));
    });
    if (m_messageGiven)
        sendDatagram(m_payload);
    else
        readPayloadFromStdin();
}

void UdpSendCommand::readPayloadFromStdin()
{
    // Without MESSAGE the datagram is all of stdin, sent at its end; a person
    // at a terminal must know that the program waits for them.
    if (::isatty(STDIN_FILENO) == 1)
        note(QStringLiteral("type the datagram, then Ctrl-D to send it"));
    setInputEnabled(true);
}

void UdpSendCommand::sendInput(const QByteArray &bytes)
{
    // One datagram carries at most this much over IPv4: stop at once rather
    // than read an endless stdin into memory.
    constexpr qsizetype MaxDatagramBytes = 65507;
    if (m_payload.size() + bytes.size() > MaxDatagramBytes) {
        m_payload.clear();
        finish(ExitUsage, QStringLiteral("stdin: more than %1 bytes, the most one UDP datagram carries; nothing sent")
                              .arg(MaxDatagramBytes));
        return;
    }
    m_payload += bytes;
}

void UdpSendCommand::inputEnded()
{
    sendDatagram(m_payload);
}

void UdpSendCommand::invalidInput(const QString &reason)
{
    finish(ExitUsage, QStringLiteral("stdin: ") + reason + QStringLiteral("; nothing sent"));
}

void UdpSendCommand::sendDatagram(const QByteArray &bytes)
{
    // Success shows as a "datagram sent" event (a host name is resolved
    // first); a refusal arrives through errorOccurred.
    send(0, bytes);
}

void UdpSendCommand::endpointError(const QString &message)
{
    // The socket's own errors (an ICMP "port unreachable" after the datagram
    // went out shows as "connection refused") must say with whom.
    finish(ExitNetworkError, message.contains(m_host) ? message
                                                      : QStringLiteral("%1:%2: %3").arg(m_host).arg(m_port).arg(message));
}

void UdpSendCommand::eventAppended(const SockPlay::Event &event)
{
    // "Datagram sent" has no signal of its own (a name is resolved first).
    if (event.endpointId() != endpointId() || isFinishing() || m_sent || event.kind != EventKind::DatagramSent)
        return;
    m_sent = true;
    if (m_waitReplyMs > 0)
        m_replyTimer.start();
    else
        finish(ExitDone);
}

void UdpSendCommand::received(int connectionId, const QByteArray &bytes)
{
    Q_UNUSED(connectionId)
    Q_UNUSED(bytes)
    if (m_waitReplyMs > 0)
        finish(ExitDone); // the reply was printed
}

} // namespace SockPlay::Cli
