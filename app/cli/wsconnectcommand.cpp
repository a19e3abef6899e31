#include "wsconnectcommand.h"

#include "session.h"
#include "tlsoptions.h"
#include "websockettext.h"

namespace SockPlay::Cli {

void WsConnectCommand::declareArguments(CliOptions &options)
{
    options.addExamples({
        {QStringLiteral("ws://127.0.0.1:8080/"), QStringLiteral("type messages, one a line; Ctrl-D closes with 1000")},
        {QStringLiteral("--subprotocol chat --header 'Authorization: Bearer abc' ws://127.0.0.1:8080/chat"),
         QStringLiteral("offer a subprotocol and send a header with the upgrade request")},
        {QStringLiteral("--ping ws://127.0.0.1:8080/ hello"),
         QStringLiteral("ping, send one message, print the answer, close")},
        {QStringLiteral("--insecure wss://localhost:8443/"),
         QStringLiteral("wss:// to a server with a self-signed certificate (its errors are still shown)")},
        {QStringLiteral("--ca ca.pem --cert client.pem --key client.key wss://localhost:8443/"),
         QStringLiteral("wss:// trusting ca.pem only, presenting a client certificate (--pkcs12 FILE for one file)")},
    });
    options.addOption({QStringLiteral("subprotocol"),
                       QStringLiteral("Offer this subprotocol (repeat for more, in order of preference)."),
                       QStringLiteral("S")});
    options.addOption({QStringLiteral("header"),
                       QStringLiteral("Send this header with the upgrade request (repeatable): 'Name: value'."),
                       QStringLiteral("HEADER")});
    options.addOption({QStringLiteral("binary"),
                       QStringLiteral("Send binary messages (default: text; bytes that are not UTF-8 go as binary).")});
    options.addOption({QStringLiteral("ping"),
                       QStringLiteral("Ping the server once connected; the pong's round trip is printed on stderr.")});
    options.addLingerOption(QStringLiteral("close"));
    options.addOption({QStringLiteral("close-code"),
                       QStringLiteral("The close code sent at the end (default 1000 normal; 3000-4999 are the "
                                      "application's)."),
                       QStringLiteral("CODE"), QStringLiteral("1000")});
    options.addOption({QStringLiteral("close-reason"),
                       QStringLiteral("The reason sent with the close code (at most 123 bytes)."),
                       QStringLiteral("TEXT")});
    options.addOption({QStringLiteral("max-message"),
                       QStringLiteral("The largest message taken in, in bytes (default 1048576); a bigger one "
                                      "closes the connection with 1009."),
                       QStringLiteral("BYTES")});
    // wss:// takes the TLS client's options (tls-connect's names and meanings).
    TlsOptions::declare(options, Role::Client);
    options.addPositional(QStringLiteral("URL"),
                          QStringLiteral("ws://HOST[:PORT]/PATH or wss://HOST[:PORT]/PATH (ports 80 and 443 by default)."));
    options.addMessagePositional(QStringLiteral(" as one message"));
}

void WsConnectCommand::readArguments(CliOptions &options)
{
    m_config.transport = Transport::WebSocket;
    m_config.role = Role::Client;
    m_config.name = QStringLiteral("client");
    m_url = options.positional(0).trimmed();
    if (const Result parsed = WebSocketText::parseUrl(m_url, &m_config); !parsed)
        options.fail(parsed.error);
    m_config.subprotocols = options.values(QStringLiteral("subprotocol"));
    for (const QString &line : options.values(QStringLiteral("header"))) {
        QString error;
        const std::optional<QPair<QByteArray, QByteArray>> header = WebSocketText::parseHeader(line, &error);
        if (!header)
            options.fail(QStringLiteral("--header: ") + error);
        else
            m_config.headers.append(*header);
    }
    m_config.binaryMessages = options.isSet(QStringLiteral("binary"));
    if (m_config.secure) {
        if (!options.hasError())
            m_config.tls = TlsOptions::read(options, Role::Client, m_config.host);
    } else {
        for (const QString &name : TlsOptions::names(Role::Client)) {
            if (options.isSet(name)) {
                options.fail(QStringLiteral("--%1 is for wss:// URLs (ws:// has no TLS)").arg(name));
                break;
            }
        }
    }
    if (options.isSet(QStringLiteral("max-message")))
        m_config.maxMessageBytes = options.positiveNumber(QStringLiteral("max-message"));
    m_ping = options.isSet(QStringLiteral("ping"));
    m_lingerMs = options.lingerMs();
    bool ok = false;
    m_closeCode = options.value(QStringLiteral("close-code")).toInt(&ok);
    m_closeReason = options.value(QStringLiteral("close-reason"));
    if (!ok)
        options.fail(QStringLiteral("--close-code must be a number, not “%1”").arg(options.value(QStringLiteral("close-code"))));
    else if (const QString problem = WebSocketText::closeProblem(m_closeCode, m_closeReason); !problem.isEmpty())
        options.fail(QStringLiteral("--close-code/--close-reason: ") + problem);
    if (options.hasPositional(1))
        m_message = options.message(options.positional(1));
    m_linger.setSingleShot(true);
    connect(&m_linger, &QTimer::timeout, this, &WsConnectCommand::closeNow);
}

void WsConnectCommand::connectionOpened(int connectionId)
{
    Q_UNUSED(connectionId)
    m_connected = true;
}

void WsConnectCommand::started(const EndpointSnapshot &snapshot)
{
    Q_UNUSED(snapshot)
    // Not at connectionOpened: the endpoint turns active right after its
    // connection opens, and a send before that is refused.
    if (m_ping)
        session()->ping(endpointId());
    if (!m_message) {
        setInputEnabled(true);
        return;
    }
    const std::optional<QByteArray> bytes = expandMessage(*m_message);
    if (!bytes)
        return;
    send(0, *bytes);
    inputEnded();
}

void WsConnectCommand::sendInput(const QByteArray &bytes)
{
    QByteArray message = bytes;
    if (!options().hex()) {
        while (message.endsWith('\n') || message.endsWith('\r'))
            message.chop(1);
    }
    send(0, message);
}

void WsConnectCommand::inputEnded()
{
    m_inputDone = true;
    setInputEnabled(false);
    m_linger.start(m_lingerMs);
}

void WsConnectCommand::received(int connectionId, const QByteArray &bytes)
{
    Q_UNUSED(connectionId)
    Q_UNUSED(bytes)
    if (m_inputDone && !m_closeSent)
        m_linger.start(m_lingerMs); // still answering: wait on
}

void WsConnectCommand::closeNow()
{
    if (m_closeSent || isFinishing())
        return;
    m_closeSent = true;
    session()->closeWithCode(endpointId(), 0, m_closeCode, m_closeReason);
}

void WsConnectCommand::eventAppended(const SockPlay::Event &event)
{
    if (event.endpointId() != endpointId() || event.connectionId() == 0)
        return;
    // wss:// without -v: what protects the connection, as tls-connect says it.
    if (m_config.secure && !options().verbose() && !options().json()) {
        const TlsOptions::HandshakeLine line = TlsOptions::handshakeLine(event);
        if (line.warning)
            warn(line.text);
        else if (!line.text.isEmpty())
            note(line.text);
    }
    // What a WebSocket user wants to see without -v: the pong's round trip and how it closed.
    if (m_ping && event.kind == EventKind::Note && event.detail.startsWith(QLatin1String("pong received")))
        note(event.detail);
    else if (event.kind == EventKind::PeerClosed || event.kind == EventKind::Closed)
        note(QStringLiteral("closed: ") + event.detail);
}

void WsConnectCommand::connectionClosed(int connectionId)
{
    Q_UNUSED(connectionId)
    finish(ExitDone); // the server closed, or we did
}

void WsConnectCommand::stopped()
{
    if (m_connected)
        finish(ExitDone);
}

void WsConnectCommand::startFailed(const QString &message)
{
    finish(ExitNetworkError, QStringLiteral("cannot connect to %1: %2")
                                 .arg(m_url, message.isEmpty() ? QStringLiteral("gave up")
                                                               : TlsOptions::withVerificationHint(message)));
}

} // namespace SockPlay::Cli
