#include "tlsconnectcommand.h"

#include "event.h"
#include "tlsoptions.h"

namespace SockPlay::Cli {

void TlsConnectCommand::declareArguments(CliOptions &options)
{
    options.addExamples({
        {QStringLiteral("example.org 443 'GET / HTTP/1.0\\r\\nHost: example.org\\r\\n\\r\\n'"),
         QStringLiteral("an HTTPS request by hand, verified against the system's CAs")},
        {QStringLiteral("--ca server.pem 127.0.0.1 4433"),
         QStringLiteral("trust a self-signed server's certificate (its PEM file), type lines to it")},
        {QStringLiteral("--insecure -v 127.0.0.1 4433"),
         QStringLiteral("connect without verifying; -v shows the certificates and what was ignored")},
        {QStringLiteral("--alpn h2,http/1.1 --sni example.org 127.0.0.1 4433"),
         QStringLiteral("offer ALPN protocols and send another server name than HOST")},
    });
    declareClientArguments(options);
    TlsOptions::declare(options, Role::Client);
}

void TlsConnectCommand::readArguments(CliOptions &options)
{
    TcpConnectCommand::readArguments(options);
    if (transport() == Transport::Dtls && options.isSet(QStringLiteral("nodelay")))
        options.fail(QStringLiteral("--nodelay is a TCP option: DTLS runs over UDP, where each send is one datagram"));
    if (!options.hasError())
        m_tls = TlsOptions::read(options, Role::Client, TcpConnectCommand::endpointConfig().host, transport());
}

EndpointConfig TlsConnectCommand::endpointConfig() const
{
    EndpointConfig config = TcpConnectCommand::endpointConfig();
    config.transport = transport();
    config.tls = m_tls;
    return config;
}

void TlsConnectCommand::inputEnded()
{
    // QSslSocket cannot say "done sending" and keep receiving: the answer
    // would be lost if we closed now, so the server decides when it ends.
    if (!std::exchange(m_inputEndNoted, true))
        note(transport() == Transport::Dtls
                 ? QStringLiteral("end of input: DTLS cannot half-close, so the association stays open until the "
                                  "server sends close_notify (Ctrl-C to quit)")
                 : QStringLiteral("end of input: TLS cannot half-close, so the connection stays open until the "
                                  "server closes it (Ctrl-C to quit)"));
}

void TlsConnectCommand::startFailed(const QString &message)
{
    TcpConnectCommand::startFailed(TlsOptions::withVerificationHint(message));
}

void TlsConnectCommand::endpointError(const QString &message)
{
    TcpConnectCommand::endpointError(TlsOptions::withVerificationHint(message));
}

void TlsConnectCommand::eventAppended(const SockPlay::Event &event)
{
    // Without -v the handshake's outcome is still worth a line: what protects the connection.
    if (options().verbose() || options().json())
        return;
    const TlsOptions::HandshakeLine line = TlsOptions::handshakeLine(event);
    if (line.warning)
        warn(line.text);
    else if (!line.text.isEmpty())
        note(line.text);
}

} // namespace SockPlay::Cli
