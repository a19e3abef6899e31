#include "tcpconnectcommand.h"

#include "session.h"

namespace SockPlay::Cli {

void TcpConnectCommand::declareArguments(CliOptions &options)
{
    options.addExamples({
        {QStringLiteral("127.0.0.1 5000"), QStringLiteral("type lines to the server; Ctrl-D ends your side, Ctrl-C quits")},
        {QStringLiteral("example.org 80 < request.txt"), QStringLiteral("send a file, print the answer until the server closes")},
        {QStringLiteral("--hex ::1 5000"), QStringLiteral("type bytes as hex (\"48 69 0a\"), see replies as hex")},
        {QStringLiteral("--repeat 5 --interval 10 127.0.0.1 9000 'ping {{counter}}\\n'"),
         QStringLiteral("send ping 1 ... ping 5, 10 ms apart, then print the replies until the server closes")},
    });
    declareClientArguments(options);
}

void TcpConnectCommand::declareClientArguments(CliOptions &options)
{
    options.addRepeatOptions();
    options.addOption({QStringLiteral("nodelay"),
                       QStringLiteral("TCP_NODELAY: Nagle's algorithm off, each small write goes out at once.")});
    options.addPositional(QStringLiteral("HOST"),
                          QStringLiteral("The server's name or address (example.org, 127.0.0.1, ::1)."));
    options.addPositional(QStringLiteral("PORT"), QStringLiteral("The server's port."));
    options.addMessagePositional(QStringLiteral(", then end your side as at the end of stdin"));
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
    m_config.noDelay = options.isSet(QStringLiteral("nodelay"));
    const bool messageGiven = options.hasPositional(2);
    if (messageGiven)
        m_message = options.message(options.positional(2));
    m_repeat = options.repeat(messageGiven);
}

void TcpConnectCommand::connectionOpened(int connectionId)
{
    Q_UNUSED(connectionId)
    m_connected = true;
    if (!m_message)
        setInputEnabled(true);
}

void TcpConnectCommand::started(const EndpointSnapshot &snapshot)
{
    Q_UNUSED(snapshot)
    // Not at connectionOpened: the endpoint turns active right after its
    // connection opens, and a send before that is refused.
    if (m_message)
        sendMessage();
}

void TcpConnectCommand::sendMessage()
{
    if (m_messageSent)
        return;
    m_messageSent = true;
    if (m_repeat) {
        connect(session(), &Session::repeatProgress, this, &TcpConnectCommand::repeatProgress);
        session()->startRepeat(endpointId(), 0, *m_message, m_repeat->count, m_repeat->intervalMs);
        return;
    }
    const std::optional<QByteArray> bytes = expandMessage(*m_message);
    if (!bytes)
        return;
    send(0, *bytes);
    inputEnded();
}

void TcpConnectCommand::repeatProgress(int endpointId, quint64 sent, quint64 count, bool running)
{
    // The last send went out: our side is done, as at the end of stdin. A
    // repeat that failed ended the command with its error already.
    if (endpointId == this->endpointId() && !running && count != 0 && sent == count && !isFinishing())
        inputEnded();
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
