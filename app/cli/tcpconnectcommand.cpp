#include "tcpconnectcommand.h"

#include "tcpclientendpoint.h"

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
    m_config.host = options.positional(0).trimmed();
    if (m_config.host.isEmpty())
        options.fail(QStringLiteral("HOST is empty"));
    m_config.port = options.port(options.positional(1), CliOptions::PortUse::Peer);
}

Result TcpConnectCommand::start()
{
    m_client = new TcpClientEndpoint(QStringLiteral("client"), log(), this);
    watch(m_client);
    connect(m_client, &Endpoint::connectionOpened, this, [this] {
        m_connected = true;
        setInputEnabled(true);
    });
    // The server closed (or we did, after a half-close): done.
    connect(m_client, &Endpoint::connectionClosed, this, [this] { finish(ExitDone); });
    connect(m_client, &Endpoint::stateChanged, this, &TcpConnectCommand::onStateChanged);
    return m_client->start(m_config);
}

void TcpConnectCommand::onStateChanged(EndpointState state)
{
    // Normally an error (refused, host not found) has ended us already; this
    // covers an attempt that stops without one.
    if (state == EndpointState::Idle && !m_connected) {
        endpointError(m_client->errorString());
    }
}

void TcpConnectCommand::endpointError(const QString &message)
{
    // The core's reason says what went wrong; on a command line it must also
    // say with whom, since no field is next to it.
    if (m_connected)
        finish(ExitNetworkError, message);
    else
        finish(ExitNetworkError, QStringLiteral("cannot connect to %1: %2")
                                     .arg(serverText(), message.isEmpty() ? QStringLiteral("gave up") : message));
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
    // A refusal reaches endpointError() through the endpoint's errorOccurred.
    m_client->send(0, bytes);
}

void TcpConnectCommand::inputEnded()
{
    const Result closed = m_client->shutdownWrite();
    if (!closed)
        warn(closed.error);
}

} // namespace SockPlay::Cli
