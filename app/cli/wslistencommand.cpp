#include "wslistencommand.h"

#include "tlsoptions.h"
#include "websockettext.h"

namespace SockPlay::Cli {

namespace {

QByteArray withoutLineEnd(QByteArray line)
{
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return line;
}

} // namespace

void WsListenCommand::declareArguments(CliOptions &options)
{
    options.addExamples({
        {QStringLiteral("--echo 8080"),
         QStringLiteral("a WebSocket echo server on ws://127.0.0.1:8080/ (try: sockplay-cli ws-connect ws://127.0.0.1:8080/)")},
        {QStringLiteral("--path /chat --subprotocol chat --relay 8080"),
         QStringLiteral("a chat server on ws://127.0.0.1:8080/chat: each message goes to every other client")},
        {QStringLiteral("--reply 'exact:ping=>pong' -v 0"),
         QStringLiteral("answer the text message ping with pong, and show every step (the upgrade, pings, closes)")},
        {QStringLiteral("--tls --self-signed --echo 8443"),
         QStringLiteral("a wss:// echo server with a certificate made now (try: sockplay-cli ws-connect --insecure "
                        "wss://127.0.0.1:8443/)")},
        {QStringLiteral("--tls --pkcs12 server.p12 --passphrase secret -v 8443"),
         QStringLiteral("wss:// with a certificate and key from a PKCS#12 file; -v shows each TLS handshake and upgrade")},
    });
    declareServerArguments(options);
    options.addOption({QStringLiteral("path"),
                       QStringLiteral("The path served (default /); a request for another gets 404 Not Found."),
                       QStringLiteral("PATH"), QStringLiteral("/")});
    options.addOption({QStringLiteral("subprotocol"),
                       QStringLiteral("Accept this subprotocol (repeat for more); the first one a client offers "
                                      "that is accepted is chosen."),
                       QStringLiteral("S")});
    options.addOption({QStringLiteral("binary"),
                       QStringLiteral("Send the lines typed on stdin as binary messages (default: text).")});
    options.addOption({QStringLiteral("max-message"),
                       QStringLiteral("The largest message taken in, in bytes (default 1048576); a bigger one "
                                      "closes its connection with 1009."),
                       QStringLiteral("BYTES")});
    options.addOption({QStringLiteral("tls"),
                       QStringLiteral("Serve wss:// (WebSocket over TLS): each client's TLS handshake, then its "
                                      "upgrade. Needs a certificate: --self-signed, --cert and --key, or --pkcs12.")});
    TlsOptions::declare(options, Role::Server);
}

void WsListenCommand::readArguments(CliOptions &options)
{
    readServerArguments(options, Transport::WebSocket);
    m_config.path = options.value(QStringLiteral("path"));
    if (!m_config.path.startsWith(QLatin1Char('/')))
        options.fail(QStringLiteral("--path must start with /, not “%1”").arg(m_config.path));
    m_config.subprotocols = options.values(QStringLiteral("subprotocol"));
    m_config.binaryMessages = options.isSet(QStringLiteral("binary"));
    if (options.isSet(QStringLiteral("max-message")))
        m_config.maxMessageBytes = options.positiveNumber(QStringLiteral("max-message"));
    if (options.hasError())
        return;
    m_config.secure = options.isSet(QStringLiteral("tls"));
    if (m_config.secure) {
        m_config.tls = TlsOptions::read(options, Role::Server, m_config.host);
        return;
    }
    for (const char *name : {"self-signed", "cert", "key", "pkcs12", "passphrase", "ca", "alpn", "handshake-timeout",
                             "verify-client"}) {
        if (options.isSet(QLatin1String(name))) {
            options.fail(QStringLiteral("--%1 is for wss:// servers: add --tls").arg(QLatin1String(name)));
            return;
        }
    }
}

void WsListenCommand::started(const EndpointSnapshot &snapshot)
{
    note(QStringLiteral("listening on ") + snapshot.localText);
    note(QStringLiteral("serving %1://%2%3")
             .arg(m_config.secure ? QStringLiteral("wss") : QStringLiteral("ws"), snapshot.localText, m_config.path));
}

void WsListenCommand::sendInput(const QByteArray &bytes)
{
    // Each line is one message, without its line end (--hex lines are bytes already).
    send(0, options().hex() ? bytes : withoutLineEnd(bytes));
}

} // namespace SockPlay::Cli
