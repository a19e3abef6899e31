#include "tcpconnectcommand.h"

#include "session.h"

namespace SockPlay::Cli {

void TcpConnectCommand::declareArguments(CliOptions &options)
{
    options.addExamples({
        {QStringLiteral("127.0.0.1 5000"), QStringLiteral("type lines to the server; Ctrl-D ends your side, Ctrl-C quits")},
        {QStringLiteral("example.org 80 < request.txt"), QStringLiteral("send a file, print the answer until the server closes")},
        {QStringLiteral("--hex ::1 5000"), QStringLiteral("type bytes as hex (\"48 69 0a\"), see replies as hex")},
    });
    options.addPositional(QStringLiteral("HOST"),
                          QStringLiteral("The server's name or address (example.org, 127.0.0.1, ::1)."));
    options.addPositional(QStringLiteral("PORT"), QStringLiteral("The server's port."));
}

void TcpConnectCommand::readArguments(CliOptions &options)
{
    m_config.transport = Transport::Tcp;
    m_config.role = Role::Client;
    m_config.name = QStringLiteral("client");
    m_config.host = options.positional(0).trimmed();
    if (m_config.host.isEmpty())
        options.fail(QStringLiteral("HOST is empty"));
    m_config.port = options.port(options.positional(1), CliOptions::PortUse::Peer);
}

void TcpConnectCommand::connectionOpened(int connectionId)
{
    Q_UNUSED(connectionId)
    m_connected = true;
    setInputEnabled(true);
}

void TcpConnectCommand::connectionClosed(int connectionId)
{
    Q_UNUSED(connectionId)
    finish(ExitDone); // the server closed (or we did, after a half-close)
}

void TcpConnectCommand::stopped()
{
    if (m_connected)
        finish(ExitDone);
}

void TcpConnectCommand::startFailed(const QString &message)
{
    // The core's reason says what went wrong; on a command line it must also
    // say with whom, since no field is next to it.
    finish(ExitNetworkError, QStringLiteral("cannot connect to %1: %2")
                                 .arg(serverText(), message.isEmpty() ? QStringLiteral("gave up") : message));
}

void TcpConnectCommand::endpointError(const QString &message)
{
    finish(ExitNetworkError, message);
}

QString TcpConnectCommand::serverText() const
{
    const QString host = m_config.host.contains(QLatin1Char(':')) && !m_config.host.startsWith(QLatin1Char('['))
        ? QLatin1Char('[') + m_config.host + QLatin1Char(']')
        : m_config.host;
    return host + QLatin1Char(':') + QString::number(m_config.port);
}

void TcpConnectCommand::sendInput(const QByteArray &bytes)
{
    send(0, bytes);
}

void TcpConnectCommand::inputEnded()
{
    session()->halfClose(endpointId());
}

} // namespace SockPlay::Cli
