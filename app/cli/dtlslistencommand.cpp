#include "dtlslistencommand.h"

#include "tlsoptions.h"

namespace SockPlay::Cli {

void DtlsListenCommand::declareArguments(CliOptions &options)
{
    options.addExamples({
        {QStringLiteral("--self-signed --echo 4433"),
         QStringLiteral("a DTLS echo server with a certificate made now (try: openssl s_client -dtls "
                        "-connect 127.0.0.1:4433)")},
        {QStringLiteral("--cert server.pem --key server.key -v 4433"),
         QStringLiteral("a certificate from files; -v shows each cookie exchange and handshake")},
        {QStringLiteral("--cert server.pem --key server.key --ca clients-ca.pem --verify-client 4433"),
         QStringLiteral("only clients with a certificate from clients-ca.pem")},
    });
    declareServerArguments(options);
    TlsOptions::declare(options, Role::Server, Transport::Dtls);
}

} // namespace SockPlay::Cli
