#include "udplistencommand.h"

#include "address.h"
#include "multicast.h"

namespace SockPlay::Cli {

void UdpListenCommand::declareArguments(CliOptions &options)
{
    options.addExamples({
        {QStringLiteral("-v 9000"), QStringLiteral("print datagrams, and who sent them, on 127.0.0.1:9000")},
        {QStringLiteral("--echo --count 1 0"), QStringLiteral("answer one datagram with itself on any free port, then exit")},
        {QStringLiteral("-v --sim-loss 10 --sim-dup 5 --sim-delay 20±15 --sim-seed 7 9000"),
         QStringLiteral("receive through a simulated bad network: 10% lost, 5% twice, 5-35 ms late, reordered")},
        {QStringLiteral("-v --join 239.255.0.1 --iface lo 9000"),
         QStringLiteral("a multicast group member on this machine: print what is sent to 239.255.0.1:9000, and by whom")},
    });
    options.addSimLinkOptions(SimLinkSpec::Direction::Receive);
    options.addOption({QStringLiteral("bind"),
                       QStringLiteral("Bind this local address (default 127.0.0.1; "
                                      "0.0.0.0 or :: receive from other machines)."),
                       QStringLiteral("ADDR"), QStringLiteral("127.0.0.1")});
    options.addOption({QStringLiteral("echo"),
                       QStringLiteral("Send every datagram straight back to its sender.")});
    options.addOption({QStringLiteral("count"),
                       QStringLiteral("Exit after N datagrams."), QStringLiteral("N")});
    options.addOption({QStringLiteral("join"),
                       QStringLiteral("Join this multicast group (IPv4 224.0.0.0-239.255.255.255 or IPv6 ff00::/8); "
                                      "repeat it for more groups. A member binds every interface of the "
                                      "group's family (0.0.0.0 or ::) at PORT, sharing the port with other members."),
                       QStringLiteral("GROUP")});
    options.addOption({QStringLiteral("iface"),
                       QStringLiteral("Join the groups on this network interface (\"lo\": this machine only; "
                                      "default: the system's choice)."),
                       QStringLiteral("NAME")});
    options.addPositional(QStringLiteral("PORT"),
                          QStringLiteral("The port to bind; 0 lets the system pick a free one "
                                         "(printed on stderr)."));
}

void UdpListenCommand::readArguments(CliOptions &options)
{
    m_config.transport = Transport::Udp;
    m_config.role = Role::Server;
    m_config.name = QStringLiteral("udp");
    m_config.host = options.value(QStringLiteral("bind"));
    options.bindAddress(m_config.host);
    m_config.port = options.port(options.positional(0), CliOptions::PortUse::Listen);
    m_config.echo = options.isSet(QStringLiteral("echo"));
    if (options.isSet(QStringLiteral("count")))
        m_count = options.positiveNumber(QStringLiteral("count"));
    m_config.simLink = options.simLink();
    readMulticastArguments(options);
}

void UdpListenCommand::readMulticastArguments(CliOptions &options)
{
    const QStringList groups = options.values(QStringLiteral("join"));
    QString error;
    if (!groups.isEmpty() && Multicast::parseGroups(groups, &error).isEmpty())
        options.fail(QStringLiteral("--join: ") + error);
    if (!groups.isEmpty() && options.isSet(QStringLiteral("bind")))
        options.fail(QStringLiteral("--bind and --join: a group member binds every interface (0.0.0.0 or ::); "
                                    "leave out --bind"));
    for (const QString &group : groups)
        m_config.multicastGroups.append(group.trimmed());
    m_config.multicastInterface = options.interfaceName(QStringLiteral("iface"));
}

void UdpListenCommand::started(const EndpointSnapshot &snapshot)
{
    note(QStringLiteral("bound to ") + snapshot.localText);
    if (!m_config.multicastGroups.isEmpty()) {
        note(QStringLiteral("member of %1 on %2")
                 .arg(m_config.multicastGroups.join(QStringLiteral(", ")),
                      m_config.multicastInterface.isEmpty() ? QStringLiteral("the system's choice of interface")
                                                            : m_config.multicastInterface));
    }
    if (m_config.simLink.isActive())
        note(m_config.simLink.describe());
}

void UdpListenCommand::received(int connectionId, const QByteArray &bytes)
{
    Q_UNUSED(bytes)
    m_lastSender = connectionId;
    setInputEnabled(true); // there is someone to reply to now
    if (m_count > 0 && ++m_received >= m_count)
        finish(ExitDone);
}

void UdpListenCommand::sendInput(const QByteArray &bytes)
{
    send(m_lastSender, bytes); // a reply to whoever sent the last datagram
}

void UdpListenCommand::endpointError(const QString &message)
{
    // A reply to a sender that is gone comes back as "port unreachable";
    // the socket itself is fine.
    warn(message);
}

} // namespace SockPlay::Cli
