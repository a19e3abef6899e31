#include "relaycommand.h"

#include "tlscontext.h"

namespace SockPlay::Cli {

void RelayCommand::declareArguments(CliOptions &options)
{
    options.addExamples({
        {QStringLiteral("5000 127.0.0.1 7000"),
         QStringLiteral("clients of 127.0.0.1:5000 reach the server on port 7000; both directions printed")},
        {QStringLiteral("--frame line 5000 example.org 80"),
         QStringLiteral("print a line per line each way (\"#1 -> \" to the target, \"#1 <- \" back)")},
        {QStringLiteral("--delay 200 5000 127.0.0.1 7000"),
         QStringLiteral("hold everything 200 ms on its way, each direction")},
        {QStringLiteral("--listen-tls --self-signed 4433 127.0.0.1 7000"),
         QStringLiteral("TLS for the clients, plain TCP to the target (a TLS terminator)")},
        {QStringLiteral("--target-tls --ca ca.pem --sni localhost 5000 127.0.0.1 4433"),
         QStringLiteral("plain TCP for the clients, TLS to the target, verified against ca.pem")},
        {QStringLiteral("--json 5000 127.0.0.1 7000 > relay.jsonl"),
         QStringLiteral("record both sides of every conversation as JSON lines")},
        {QStringLiteral("--udp 5353 127.0.0.1 53"),
         QStringLiteral("a UDP relay: each client gets a socket of its own to the target, a datagram for a datagram")},
        {QStringLiteral("--udp --sim-loss 20 --sim-delay 50±30 --sim-seed 7 9000 127.0.0.1 9001"),
         QStringLiteral("the same through a simulated bad network on the way to the target (--sim-on receive: on "
                        "the way back)")},
    });
    options.addSimLinkOptions(SimLinkSpec::Direction::Send);
    options.addOption({{QStringLiteral("bind"), QStringLiteral("host")},
                       QStringLiteral("Listen on this local address (default 127.0.0.1; 0.0.0.0 or :: accept "
                                      "clients from other machines)."),
                       QStringLiteral("ADDR"), QStringLiteral("127.0.0.1")});
    options.addOption({QStringLiteral("max-clients"),
                       QStringLiteral("Relay at most N clients at once; more are turned away (default 1000)."),
                       QStringLiteral("N"), QStringLiteral("1000")});
    options.addOption({QStringLiteral("once"),
                       QStringLiteral("Relay one client, exit when its conversation ends (others are turned away "
                                      "meanwhile); exit 1 if it ended in an error.")});
    options.addOption({QStringLiteral("delay"),
                       QStringLiteral("Hold each chunk MS milliseconds on its way, both directions (0 to 60000)."),
                       QStringLiteral("MS")});
    options.addOption({QStringLiteral("delay-to-target"),
                       QStringLiteral("As --delay, from the clients to the target only."), QStringLiteral("MS")});
    options.addOption({QStringLiteral("delay-to-client"),
                       QStringLiteral("As --delay, from the target to the clients only."), QStringLiteral("MS")});
    options.addOption({QStringLiteral("nodelay"),
                       QStringLiteral("TCP_NODELAY on both sides of every conversation: Nagle's algorithm off.")});
    options.addOption({QStringLiteral("udp"),
                       QStringLiteral("A UDP relay: each client (address and port) gets a socket of its own to the "
                                      "target, datagrams pass one for one; the --sim-* options apply on the relay's "
                                      "side to the target (send: to it, receive: back from it).")});
    options.addOption({QStringLiteral("idle-timeout"),
                       QStringLiteral("With --udp: a client's association ends after MS milliseconds without a "
                                      "datagram either way (default 30000)."),
                       QStringLiteral("MS")});
    options.addOption({QStringLiteral("listen-tls"),
                       QStringLiteral("Clients reach the relay over TLS; give --cert and --key, or --self-signed.")});
    options.addOption({QStringLiteral("cert"),
                       QStringLiteral("With --listen-tls: the relay's certificate (PEM)."), QStringLiteral("FILE")});
    options.addOption({QStringLiteral("key"), QStringLiteral("The private key of --cert (PEM)."), QStringLiteral("FILE")});
    options.addOption({QStringLiteral("self-signed"),
                       QStringLiteral("With --listen-tls: make a self-signed certificate for the listening address "
                                      "now (clients must trust it or not verify).")});
    options.addOption({QStringLiteral("target-tls"),
                       QStringLiteral("The relay reaches the target over TLS, verifying its certificate (--ca, "
                                      "--insecure, --sni).")});
    options.addOption({QStringLiteral("ca"),
                       QStringLiteral("With --target-tls: trust only the certificates in FILE (PEM), not the "
                                      "system's CAs."),
                       QStringLiteral("FILE")});
    options.addOption({QStringLiteral("insecure"),
                       QStringLiteral("With --target-tls: do not verify the target's certificate (each problem is "
                                      "logged as a note).")});
    options.addOption({QStringLiteral("sni"),
                       QStringLiteral("With --target-tls: the name to send (SNI) and to find in the target's "
                                      "certificate (default: TARGET_HOST)."),
                       QStringLiteral("NAME")});
    options.addPositional(QStringLiteral("LISTEN_PORT"),
                          QStringLiteral("The port clients connect to; 0 lets the system pick (printed on stderr)."));
    options.addPositional(QStringLiteral("TARGET_HOST"), QStringLiteral("The host each client is forwarded to."));
    options.addPositional(QStringLiteral("TARGET_PORT"), QStringLiteral("The target's port (1 to 65535)."));
}

int RelayCommand::delayOption(CliOptions &options, const QString &name, int fallback)
{
    if (!options.isSet(name))
        return fallback;
    bool ok = false;
    const int ms = options.value(name).toInt(&ok);
    if (!ok || ms < 0 || ms > RelaySpec::MaxDelayMs) {
        options.fail(QStringLiteral("invalid value '%1' for --%2: expected milliseconds from 0 to %3")
                         .arg(options.value(name), name)
                         .arg(RelaySpec::MaxDelayMs));
        return fallback;
    }
    return ms;
}

void RelayCommand::readArguments(CliOptions &options)
{
    m_config.transport = Transport::Relay;
    m_config.role = Role::Server;
    m_config.name = QStringLiteral("relay");
    m_config.host = options.value(QStringLiteral("bind"));
    options.bindAddress(m_config.host);
    m_config.port = options.port(options.positional(0), CliOptions::PortUse::Listen);
    RelaySpec &relay = m_config.relay;
    relay.targetHost = options.positional(1).trimmed();
    if (!options.hasError() && relay.targetHost.isEmpty())
        options.fail(QStringLiteral("TARGET_HOST is empty: give the host each client is forwarded to"));
    relay.targetPort = options.port(options.positional(2), CliOptions::PortUse::Peer);
    m_config.maxConnections = options.positiveNumber(QStringLiteral("max-clients"));
    m_once = options.isSet(QStringLiteral("once"));
    if (m_once)
        m_config.maxConnections = 1;
    m_config.noDelay = options.isSet(QStringLiteral("nodelay"));
    const int both = delayOption(options, QStringLiteral("delay"), 0);
    relay.delayToTargetMs = delayOption(options, QStringLiteral("delay-to-target"), both);
    relay.delayToClientMs = delayOption(options, QStringLiteral("delay-to-client"), both);
    if (!options.hasError())
        readUdp(options);
    if (!options.hasError())
        readTls(options);
}

void RelayCommand::readUdp(CliOptions &options)
{
    RelaySpec &relay = m_config.relay;
    relay.udp = options.isSet(QStringLiteral("udp"));
    if (!relay.udp) {
        for (const QString &name : {QStringLiteral("sim-loss"), QStringLiteral("sim-dup"), QStringLiteral("sim-delay"),
                                    QStringLiteral("sim-seed"), QStringLiteral("sim-on"), QStringLiteral("idle-timeout")}) {
            if (options.isSet(name)) {
                return options.fail(name.startsWith(QLatin1String("sim-"))
                                        ? QStringLiteral("--%1: the simulated link is for UDP only: add --udp for a UDP "
                                                         "relay (TCP resends what a network loses, so its program "
                                                         "never sees a gap)").arg(name)
                                        : QStringLiteral("--%1 is for a UDP relay: add --udp").arg(name));
            }
        }
        return;
    }
    for (const QString &name : {QStringLiteral("listen-tls"), QStringLiteral("target-tls"), QStringLiteral("nodelay")}) {
        if (options.isSet(name))
            return options.fail(QStringLiteral("--udp and --%1 do not go together: a UDP relay has neither TLS nor "
                                               "TCP's options").arg(name));
    }
    if (options.isSet(QStringLiteral("idle-timeout"))) {
        bool ok = false;
        const int ms = options.value(QStringLiteral("idle-timeout")).toInt(&ok);
        if (!ok || ms < RelaySpec::MinIdleTimeoutMs || ms > RelaySpec::MaxIdleTimeoutMs)
            return options.fail(QStringLiteral("invalid value '%1' for --idle-timeout: expected milliseconds from %2 to %3")
                                    .arg(options.value(QStringLiteral("idle-timeout")))
                                    .arg(RelaySpec::MinIdleTimeoutMs)
                                    .arg(RelaySpec::MaxIdleTimeoutMs));
        relay.idleTimeoutMs = ms;
    }
    m_config.simLink = options.simLink();
}

void RelayCommand::readTls(CliOptions &options)
{
    RelaySpec &relay = m_config.relay;
    const bool listenTls = options.isSet(QStringLiteral("listen-tls"));
    const bool targetTls = options.isSet(QStringLiteral("target-tls"));
    for (const QString &name : {QStringLiteral("cert"), QStringLiteral("key"), QStringLiteral("self-signed")}) {
        if (options.isSet(name) && !listenTls)
            return options.fail(QStringLiteral("--%1 is for the listening side's TLS: add --listen-tls").arg(name));
    }
    for (const QString &name : {QStringLiteral("ca"), QStringLiteral("insecure"), QStringLiteral("sni")}) {
        if (options.isSet(name) && !targetTls)
            return options.fail(QStringLiteral("--%1 is for TLS to the target: add --target-tls").arg(name));
    }
    if (listenTls) {
        TlsSpec spec;
        spec.certificateFile = options.value(QStringLiteral("cert"));
        spec.keyFile = options.value(QStringLiteral("key"));
        spec.selfSigned = options.isSet(QStringLiteral("self-signed"));
        spec.verifyPeer = false; // clients are not asked for certificates
        if (!spec.hasIdentity())
            return options.fail(QStringLiteral("--listen-tls needs a certificate: --cert FILE --key FILE, or "
                                               "--self-signed"));
        if (const QString problem = spec.validate(); !problem.isEmpty())
            return options.fail(QStringLiteral("--listen-tls: ") + problem);
        QString error;
        if (!TlsContext::make(spec, Role::Server, m_config.host, &error))
            return options.fail(QStringLiteral("--listen-tls: ") + error);
        relay.listenTls = spec;
    }
    if (targetTls) {
        TlsSpec spec;
        spec.caFile = options.value(QStringLiteral("ca"));
        spec.verifyPeer = !options.isSet(QStringLiteral("insecure"));
        spec.serverName = options.value(QStringLiteral("sni"));
        QString error;
        if (!TlsContext::make(spec, Role::Client, relay.targetHost, &error))
            return options.fail(QStringLiteral("--target-tls: ") + error);
        relay.targetTls = spec;
    }
}

void RelayCommand::started(const EndpointSnapshot &snapshot)
{
    note((m_config.relay.udp ? QStringLiteral("bound to ") : QStringLiteral("listening on ")) + snapshot.localText);
    if (!m_config.relay.udp) {
        note(QStringLiteral("relaying each client to ") + m_config.relay.targetText());
        return;
    }
    note(QStringLiteral("relaying each client's datagrams to %1 (UDP; an association ends after %2 ms without a "
                        "datagram)")
             .arg(m_config.relay.targetText())
             .arg(m_config.relay.idleTimeoutMs));
    if (m_config.simLink.isActive())
        note(m_config.simLink.describe() + QStringLiteral(" (on the relay's side to the target)"));
}

QString RelayCommand::printMarker(int connectionId) const
{
    return RelaySpec::isTargetSide(connectionId)
        ? QStringLiteral("#%1 <- ").arg(RelaySpec::clientSideOf(connectionId))
        : QStringLiteral("#%1 -> ").arg(connectionId);
}

void RelayCommand::connectionOpened(int connectionId)
{
    m_clients.insert(connectionId);
}

void RelayCommand::connectionClosed(int connectionId)
{
    m_clients.remove(connectionId);
    const int client = RelaySpec::clientSideOf(connectionId);
    if (m_once && !m_clients.contains(client) && !m_clients.contains(client + 1))
        finish(m_failed ? ExitNetworkError : ExitDone);
}

void RelayCommand::endpointError(const QString &message)
{
    // One conversation's trouble (a target that refuses, a reset) does not end the relay.
    m_failed = true;
    warn(message);
}

void RelayCommand::clientTurnedAway(const QString &peer, const QString &reason)
{
    warn(QStringLiteral("turned away %1: %2").arg(peer, m_once ? QStringLiteral("--once relays one client at a time")
                                                               : reason + QStringLiteral(" (raise it with --max-clients)")));
}

} // namespace SockPlay::Cli
