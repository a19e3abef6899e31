#pragma once

#include "clioptions.h"
#include "endpointtypes.h"
#include "event.h"

namespace SockPlay::Cli::TlsOptions {

// The TLS options tls-listen and tls-connect (and dtls-listen, dtls-connect) share, declared and read in one
// place: --cert/--key, --pkcs12/--passphrase, --ca, --alpn,
// --handshake-timeout; the server adds --self-signed and --verify-client,
// the client --insecure and --sni.

/// Declares them for a server's or a client's command (dtls-listen and
/// dtls-connect: transport Dtls, whose words differ where DTLS does).
void declare(CliOptions &options, Role role, Transport transport = Transport::Tls);
/// The names declare() adds for role, without the dashes ("cert", "ca", …).
QStringList names(Role role);
/// Reads them. The files are loaded now, so that a missing key, an
/// unreadable file or bad PEM is a usage error with its reason (exit 2)
/// before anything listens or connects.
TlsSpec read(CliOptions &options, Role role, const QString &host, Transport transport = Transport::Tls);

/// A client's error, with how to get past a certificate that failed
/// verification (--ca, --insecure) when it is one.
QString withVerificationHint(const QString &message);
/// What a client prints on stderr without -v for one of its events: the
/// handshake's outcome ("secured: TLSv1.3, …") as a note, a verification
/// problem ignored under --insecure as a warning; empty for other events.
struct HandshakeLine
{
    QString text;
    bool warning = false;
};
HandshakeLine handshakeLine(const Event &event);

} // namespace SockPlay::Cli::TlsOptions
