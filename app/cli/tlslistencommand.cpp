#include "tlslistencommand.h"

#include "tlsoptions.h"

namespace SockPlay::Cli {

void TlsListenCommand::declareArguments(CliOptions &options)
{
    options.addExamples({
        {QStringLiteral("--self-signed --echo 4433"),
         QStringLiteral("a TLS echo server with a certificate made now (try: openssl s_client -connect 127.0.0.1:4433)")},
        {QStringLiteral("--cert server.pem --key server.key --frame line 4433"),
         QStringLiteral("a certificate from files; print each line a client sends")},
        {QStringLiteral("--self-signed --alpn h2,http/1.1 -v 4433"),
         QStringLiteral("accept ALPN h2 or http/1.1; -v shows each handshake (version, cipher, ALPN)")},
        {QStringLiteral("--cert server.pem --key server.key --ca clients-ca.pem --verify-client 4433"),
         QStringLiteral("only clients with a certificate from clients-ca.pem")},
    });
    declareServerArguments(options);
    declareNoDelay(options);
    TlsOptions::declare(options, Role::Server);
}

void TlsListenCommand::readArguments(CliOptions &options)
{
    readServerArguments(options, transport());
    if (transport() == Transport::Tls)
        m_config.noDelay = options.isSet(QStringLiteral("nodelay"));
    if (!options.hasError())
        m_tls = TlsOptions::read(options, Role::Server, m_config.host, transport());
}

EndpointConfig TlsListenCommand::endpointConfig() const
{
    EndpointConfig config = TcpListenCommand::endpointConfig();
    config.tls = m_tls;
    return config;
}

} // namespace SockPlay::Cli
