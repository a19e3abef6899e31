#include "dtlsconnectcommand.h"

#include "tlsoptions.h"

namespace SockPlay::Cli {

void DtlsConnectCommand::declareArguments(CliOptions &options)
{
    options.addExamples({
        {QStringLiteral("--ca server.pem 127.0.0.1 4433"),
         QStringLiteral("trust a self-signed server's certificate (its PEM file); each line typed is one datagram")},
        {QStringLiteral("--insecure -v 127.0.0.1 4433"),
         QStringLiteral("connect without verifying; -v shows the cookie exchange, the certificates and what was "
                        "ignored")},
        {QStringLiteral("--ca server.pem --alpn coap 127.0.0.1 4433 'hello\\n'"),
         QStringLiteral("offer ALPN coap, send one datagram, print what comes back (Ctrl-C to quit)")},
    });
    declareClientArguments(options);
    TlsOptions::declare(options, Role::Client, Transport::Dtls);
}

} // namespace SockPlay::Cli
