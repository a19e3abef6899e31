#include "tcplistencommand.h"

#include "address.h"

#include <QTimer>

namespace SockPlay::Cli {

void TcpListenCommand::declareArguments(CliOptions &options)
{
    options.addExamples({
        {QStringLiteral("--echo 5000"), QStringLiteral("an echo server on 127.0.0.1:5000 (try: nc 127.0.0.1 5000)")},
        {QStringLiteral("--once 0 < file"), QStringLiteral("send a file to the first client, on any free port")},
        {QStringLiteral("--json 5000 > events.jsonl"), QStringLiteral("record every step and byte as JSON lines")},
        {QStringLiteral("--reply 'connect=>Welcome to the server!\\n;close' 5000"),
         QStringLiteral("greet each client, then close (the tutorial's welcome server)")},
        {QStringLiteral("--relay --frame line 5000"),
         QStringLiteral("a chat server: each line a client sends goes to every other client")},
        {QStringLiteral("--frame line --reply 'regex:^PING (\\d+)$=>PONG \\1\\n' 5000"),
         QStringLiteral("answer each line PING n with PONG n")},
    });
    declareServerArguments(options);
    declareNoDelay(options);
}

void TcpListenCommand::declareNoDelay(CliOptions &options)
{
    options.addOption({QStringLiteral("nodelay"),
                       QStringLiteral("TCP_NODELAY on every client's connection: Nagle's algorithm off, "
                                      "each small write goes out at once.")});
}

void TcpListenCommand::declareServerArguments(CliOptions &options)
{
    options.addOption({{QStringLiteral("bind"), QStringLiteral("host")},
                       QStringLiteral("Listen on this local address (default 127.0.0.1; "
                                      "0.0.0.0 or :: accept clients from other machines)."),
                       QStringLiteral("ADDR"), QStringLiteral("127.0.0.1")});
    options.addOption({QStringLiteral("echo"),
                       QStringLiteral("Send everything a client sends straight back to it.")});
    options.addOption({QStringLiteral("relay"),
                       QStringLiteral("Pass each message on to the other clients (a chat server; with "
                                      "--frame line, each line).")});
    options.addOption({QStringLiteral("once"),
                       QStringLiteral("Serve one client, exit when it disconnects "
                                      "(others are turned away meanwhile).")});
    options.addOption({QStringLiteral("max-clients"),
                       QStringLiteral("Serve at most N clients at once; more are turned away "
                                      "with a message (default 1000)."),
                       QStringLiteral("N"), QStringLiteral("1000")});
    options.addPositional(QStringLiteral("PORT"),
                          QStringLiteral("The port to listen on; 0 lets the system pick a free "
                                         "one (printed on stderr)."));
}

void TcpListenCommand::readArguments(CliOptions &options)
{
    readServerArguments(options, Transport::Tcp);
    m_config.noDelay = options.isSet(QStringLiteral("nodelay"));
}

void TcpListenCommand::readServerArguments(CliOptions &options, Transport transport)
{
    m_config.transport = transport;
    m_config.role = Role::Server;
    m_config.name = QStringLiteral("server");
    m_config.host = options.value(QStringLiteral("bind"));
    options.bindAddress(m_config.host);
    m_config.port = options.port(options.positional(0), CliOptions::PortUse::Listen);
    m_config.echo = options.isSet(QStringLiteral("echo"));
    m_config.relayToOthers = options.isSet(QStringLiteral("relay"));
    m_config.maxConnections = options.positiveNumber(QStringLiteral("max-clients"));
    m_once = options.isSet(QStringLiteral("once"));
    if (m_once)
        m_config.maxConnections = 1;
}

void TcpListenCommand::started(const EndpointSnapshot &snapshot)
{
    note(QStringLiteral("listening on ") + snapshot.localText);
}

void TcpListenCommand::clientTurnedAway(const QString &peer, const QString &reason)
{
    m_turnedAwayReason = m_once ? QStringLiteral("--once serves one client at a time")
                                : reason + QStringLiteral(" (raise it with --max-clients)");
    if (m_turnedAwayShown < MaxTurnedAwayShown) {
        ++m_turnedAwayShown;
        warn(QStringLiteral("turned away %1: %2").arg(peer, m_turnedAwayReason));
        return;
    }
    ++m_turnedAwayUnshown;
    if (!m_turnedAwayReportPending) {
        m_turnedAwayReportPending = true;
        QTimer::singleShot(1000, this, &TcpListenCommand::reportTurnedAway);
    }
}

void TcpListenCommand::reportTurnedAway()
{
    m_turnedAwayReportPending = false;
    if (m_turnedAwayUnshown == 0)
        return;
    warn(QStringLiteral("turned away %1 more clients: %2").arg(m_turnedAwayUnshown).arg(m_turnedAwayReason));
    m_turnedAwayUnshown = 0;
}


void TcpListenCommand::connectionOpened(int connectionId)
{
    m_clients.insert(connectionId);
    setInputEnabled(true);
}

void TcpListenCommand::connectionClosed(int connectionId)
{
    if (!m_clients.remove(connectionId))
        return; // a client turned away (--once, or too many): never counted
    if (m_once)
        finish(ExitDone);
    else if (m_clients.isEmpty())
        setInputEnabled(false); // typed lines wait for the next client
}

void TcpListenCommand::sendInput(const QByteArray &bytes)
{
    send(0, bytes); // to every client

}

void TcpListenCommand::endpointError(const QString &message)
{
    // One client's trouble (a reset, say) does not end the server.
    warn(message);
}

} // namespace SockPlay::Cli
