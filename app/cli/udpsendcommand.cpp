#include "udpsendcommand.h"

#include "address.h"
#include "multicast.h"
#include "session.h"
#include "simulatedlink.h"

#include <unistd.h>

namespace SockPlay::Cli {

void UdpSendCommand::declareArguments(CliOptions &options)
{
    options.addExamples({
        {QStringLiteral("127.0.0.1 9000 hello"), QStringLiteral("one datagram, no answer expected")},
        {QStringLiteral("--wait-reply 1000 127.0.0.1 9000 ping"), QStringLiteral("send, then print the reply (exit 1 if none in 1 s)")},
        {QStringLiteral("--hex 127.0.0.1 9000 \"de ad be ef\""), QStringLiteral("four raw bytes")},
        {QStringLiteral("--repeat 100 --interval 10 127.0.0.1 9000 'tick {{counter}} {{time}}'"),
         QStringLiteral("100 datagrams, 10 ms apart: tick 1 ... tick 100, each with the time it went out")},
        {QStringLiteral("--repeat 100 --interval 10 --sim-loss 10 --sim-delay 20±15 --sim-seed 7 127.0.0.1 9000 'n={{counter}}'"),
         QStringLiteral("the same through a simulated lossy link: about 10 lost, the rest 5-35 ms late and out of order")},
        {QStringLiteral("-v --iface lo --ttl 1 239.255.0.1 9000 hello"),
         QStringLiteral("one datagram to a multicast group, on this machine only")},
        {QStringLiteral("--broadcast 192.168.1.255 9000 hello"), QStringLiteral("one datagram to every host of a subnet")},
    });
    options.addRepeatOptions();
    options.addSimLinkOptions(SimLinkSpec::Direction::Send);
    options.addOption({QStringLiteral("bind"),
                       QStringLiteral("Send from this local address (default: any, on a free port)."),
                       QStringLiteral("ADDR"), QStringLiteral("any")});
    options.addOption({QStringLiteral("ttl"),
                       QStringLiteral("Multicast: the TTL (IPv6: hop limit) of what is sent to a group, 0 to 255 "
                                      "(default: the system's, 1: the local network only)."),
                       QStringLiteral("N")});
    options.addOption({QStringLiteral("iface"),
                       QStringLiteral("Multicast: send to the group out of this network interface "
                                      "(\"lo\": this machine only; default: the system's choice)."),
                       QStringLiteral("NAME")});
    options.addOption({QStringLiteral("no-loopback"),
                       QStringLiteral("Multicast: this machine's own group members do not get what is sent "
                                      "(on \"lo\" they still do: loopback is where it goes).")});
    options.addOption({QStringLiteral("broadcast"),
                       QStringLiteral("Allow sending to a broadcast address (255.255.255.255, a subnet's x.x.x.255); "
                                      "without it the system refuses such a send (EACCES).")});
    options.addOption({QStringLiteral("wait-reply"),
                       QStringLiteral("Wait up to MS milliseconds for one datagram back and print "
                                      "it; exit 1 if none comes."),
                       QStringLiteral("MS")});
    options.addPositional(QStringLiteral("HOST"),
                          QStringLiteral("Where to send (a name or an address)."));
    options.addPositional(QStringLiteral("PORT"), QStringLiteral("The receiver's port."));
    options.addPositional(QStringLiteral("MESSAGE"),
                          QStringLiteral("The payload: text with \\n escapes and {{counter}} {{time}} "
                                         "{{random:N}} {{hex:...}} {{file:PATH}} macros (hex with --hex). "
                                         "Without it, all of stdin is sent as one datagram."),
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
    if (m_messageGiven)
        m_message = options.message(options.positional(2));
    m_repeat = options.repeat(m_messageGiven);
    m_config.simLink = options.simLink();
    readMulticastArguments(options);
}

void UdpSendCommand::readMulticastArguments(CliOptions &options)
{
    if (options.isSet(QStringLiteral("ttl"))) {
        const QString text = options.value(QStringLiteral("ttl"));
        bool ok = false;
        m_config.multicastTtl = text.toInt(&ok);
        if (!ok || !Multicast::checkTtl(m_config.multicastTtl).isEmpty() || m_config.multicastTtl < 0) {
            options.fail(QStringLiteral("invalid value '%1' for --ttl: expected a whole number from 0 to %2")
                             .arg(text)
                             .arg(Multicast::MaxTtl));
        }
    }
    m_config.multicastInterface = options.interfaceName(QStringLiteral("iface"));
    m_config.multicastLoopback = !options.isSet(QStringLiteral("no-loopback"));
    m_config.broadcast = options.isSet(QStringLiteral("broadcast"));
}

void UdpSendCommand::started(const EndpointSnapshot &snapshot)
{
    Q_UNUSED(snapshot)
    if (m_config.simLink.isActive())
        note(m_config.simLink.describe());
    m_replyTimer.setSingleShot(true);
    m_replyTimer.setInterval(m_waitReplyMs);
    connect(&m_replyTimer, &QTimer::timeout, this, [this] {
        finish(ExitNetworkError,
               QStringLiteral("no reply within %1 ms from %2:%3").arg(m_waitReplyMs).arg(m_host).arg(m_port));
    });
    if (!m_messageGiven) {
        readPayloadFromStdin();
        return;
    }
    if (m_repeat) {
        connect(session(), &Session::repeatProgress, this, &UdpSendCommand::repeatProgress);
        session()->startRepeat(endpointId(), 0, *m_message, m_repeat->count, m_repeat->intervalMs);
        return;
    }
    const std::optional<QByteArray> bytes = expandMessage(*m_message);
    if (!bytes)
        return;
    sendDatagram(*bytes);
}

void UdpSendCommand::repeatProgress(int endpointId, quint64 sent, quint64 count, bool running)
{
    // A repeat that failed ended the command with its error already.
    if (endpointId != this->endpointId() || running || count == 0 || sent != count || isFinishing())
        return;
    m_repeatDone = true;
    if (m_datagramsSent >= count) // else: the last ones wait for a host name's lookup
        allSent();
}

void UdpSendCommand::allSent()
{
    if (m_config.simLink.isActive()) {
        note(QStringLiteral("%1 of %2 datagrams dropped, %3 duplicated by the simulated link")
                 .arg(m_datagramsDropped)
                 .arg(m_datagramsSent)
                 .arg(m_datagramsCopied));
    }
    if (m_waitReplyMs == 0 || m_gotReply)
        finish(ExitDone);
    else
        m_replyTimer.start();
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
    // Through the simulated link, a datagram's fate is "sent" (perhaps late)
    // or "dropped"; a duplicate's copy goes out right after its original.
    if (event.endpointId() != endpointId() || isFinishing())
        return;
    if (event.kind == EventKind::DatagramSent && SimulatedLink::isCopy(event.detail)) {
        ++m_datagramsCopied;
        return;
    }
    if (event.kind == EventKind::SimulatedDrop)
        ++m_datagramsDropped;
    else if (event.kind != EventKind::DatagramSent)
        return;
    ++m_datagramsSent;
    if (m_repeat) {
        if (m_repeatDone && m_datagramsSent == m_repeat->count)
            allSent();
        return;
    }
    if (m_sent)
        return;
    m_sent = true;
    allSent();
}

void UdpSendCommand::received(int connectionId, const QByteArray &bytes)
{
    Q_UNUSED(connectionId)
    Q_UNUSED(bytes)
    if (m_waitReplyMs == 0)
        return;
    if (m_repeat && !m_repeatDone)
        m_gotReply = true; // printed; the end waits for the last send
    else
        finish(ExitDone); // the reply was printed
}

} // namespace SockPlay::Cli
