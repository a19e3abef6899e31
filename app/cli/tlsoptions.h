#pragma once

#include "clioptions.h"
#include "endpointtypes.h"

namespace SockPlay::Cli::TlsOptions {

// The TLS options tls-listen and tls-connect (and dtls-listen, dtls-connect) share, declared and read in one
// place: --cert/--key, --pkcs12/--passphrase, --ca, --alpn,
// --handshake-timeout; the server adds --self-signed and --verify-client,
// the client --insecure and --sni.

/// Declares them for a server's or a client's command (dtls-listen and
/// dtls-connect: transport Dtls, whose words differ where DTLS does).
void declare(CliOptions &options, Role role, Transport transport = Transport::Tls);
/// Reads them. The files are loaded now, so that a missing key, an
/// unreadable file or bad PEM is a usage error with its reason (exit 2)
/// before anything listens or connects.
TlsSpec read(CliOptions &options, Role role, const QString &host, Transport transport = Transport::Tls);

} // namespace SockPlay::Cli::TlsOptions
