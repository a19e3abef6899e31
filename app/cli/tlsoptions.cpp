#include "tlsoptions.h"

#include "tlscontext.h"

#include <QLoggingCategory>

namespace SockPlay::Cli::TlsOptions {

void declare(CliOptions &options, Role role, Transport transport)
{
    const bool server = role == Role::Server;
    const bool dtls = transport == Transport::Dtls;
    options.addOption({QStringLiteral("cert"),
                       server ? QStringLiteral("The server's certificate (PEM; its chain may follow it in the file).")
                              : QStringLiteral("A client certificate to present (PEM), for servers that ask for one."),
                       QStringLiteral("FILE")});
    options.addOption({QStringLiteral("key"), QStringLiteral("The private key of --cert (PEM)."), QStringLiteral("FILE")});
    options.addOption({QStringLiteral("pkcs12"),
                       QStringLiteral("Certificate, key and chain in one PKCS#12 file (.p12, .pfx), instead of "
                                      "--cert and --key."),
                       QStringLiteral("FILE")});
    options.addOption({QStringLiteral("passphrase"),
                       QStringLiteral("The passphrase of --pkcs12 or of an encrypted --key."), QStringLiteral("TEXT")});
    options.addOption({QStringLiteral("ca"),
                       server ? QStringLiteral("Trust only the certificates in FILE (PEM) for client certificates.")
                              : QStringLiteral("Trust only the certificates in FILE (PEM), not the system's CAs: "
                                               "the server's CA, or its self-signed certificate."),
                       QStringLiteral("FILE")});
    options.addOption({QStringLiteral("alpn"),
                       server ? QStringLiteral("Application protocols to accept, in order of preference (h2,http/1.1).")
                              : QStringLiteral("Application protocols to offer (ALPN), in order of preference "
                                               "(h2,http/1.1); the log says which the server chose."),
                       QStringLiteral("NAMES")});
    options.addOption({QStringLiteral("handshake-timeout"),
                       QStringLiteral("Give up on a %1 handshake that takes longer than MS milliseconds "
                                      "(default 10000).")
                           .arg(dtls ? QStringLiteral("DTLS") : QStringLiteral("TLS")),
                       QStringLiteral("MS")});
    if (server) {
        options.addOption({QStringLiteral("self-signed"),
                           QStringLiteral("Make a self-signed certificate for the listening address now (EC P-256, "
                                          "30 days); clients must trust it (--ca) or not verify (--insecure).")});
        options.addOption({QStringLiteral("verify-client"),
                           QStringLiteral("Ask each client for a certificate and refuse clients without one that "
                                          "--ca (or the system's CAs) vouches for.")});
    } else {
        options.addOption({QStringLiteral("insecure"),
                           QStringLiteral("Do not verify the server's certificate: each problem is logged as a note "
                                          "and the connection goes on.")});
        options.addOption({QStringLiteral("sni"),
                           dtls ? QStringLiteral("The server name to find in its certificate (default: HOST); "
                                                 "Qt's DTLS does not send it as SNI.")
                                : QStringLiteral("The server name to send (SNI) and to find in its certificate "
                                                 "(default: HOST)."),
                           QStringLiteral("NAME")});
    }
}

QStringList names(Role role)
{
    QStringList names{QStringLiteral("cert"), QStringLiteral("key"), QStringLiteral("pkcs12"),
                      QStringLiteral("passphrase"), QStringLiteral("ca"), QStringLiteral("alpn"),
                      QStringLiteral("handshake-timeout")};
    if (role == Role::Server)
        names << QStringLiteral("self-signed") << QStringLiteral("verify-client");
    else
        names << QStringLiteral("insecure") << QStringLiteral("sni");
    return names;
}

TlsSpec read(CliOptions &options, Role role, const QString &host, Transport transport)
{
    // Qt's TLS backend warns on stderr about a file it cannot read (a wrong
    // PKCS#12 passphrase) before our error says which file and why: a usage
    // error stays one line. QT_LOGGING_RULES still turns it back on. Only
    // commands that take TLS options pay for the rule (0.3 ms of start-up,
    // measured with perf on tcp-connect).
    QLoggingCategory::setFilterRules(QStringLiteral("qt.tlsbackend.ossl.warning=false"));
    const bool server = role == Role::Server;
    TlsSpec spec;
    spec.certificateFile = options.value(QStringLiteral("cert"));
    spec.keyFile = options.value(QStringLiteral("key"));
    spec.pkcs12File = options.value(QStringLiteral("pkcs12"));
    spec.passphrase = options.value(QStringLiteral("passphrase"));
    spec.caFile = options.value(QStringLiteral("ca"));
    if (options.isSet(QStringLiteral("alpn"))) {
        QString error;
        if (const std::optional<QStringList> alpn = TlsSpec::parseAlpn(options.value(QStringLiteral("alpn")), &error))
            spec.alpn = *alpn;
        else
            options.fail(QStringLiteral("invalid value for --alpn: ") + error);
    }
    if (options.isSet(QStringLiteral("handshake-timeout"))) {
        bool ok = false;
        const int ms = options.value(QStringLiteral("handshake-timeout")).toInt(&ok);
        if (!ok || ms < 1 || ms > TlsSpec::MaxHandshakeTimeoutMs)
            options.fail(QStringLiteral("invalid value '%1' for --handshake-timeout: expected milliseconds from 1 to %2")
                             .arg(options.value(QStringLiteral("handshake-timeout")))
                             .arg(TlsSpec::MaxHandshakeTimeoutMs));
        else
            spec.handshakeTimeoutMs = ms;
    }
    if (server) {
        spec.selfSigned = options.isSet(QStringLiteral("self-signed"));
        spec.verifyPeer = options.isSet(QStringLiteral("verify-client"));
        if (!spec.hasIdentity()) {
            options.fail(QStringLiteral("a %1 server needs a certificate: --cert FILE --key FILE, --pkcs12 FILE, or "
                                        "--self-signed (one made now for the listening address)")
                             .arg(transport == Transport::Dtls ? QStringLiteral("DTLS") : QStringLiteral("TLS")));
            return spec;
        }
    } else {
        spec.verifyPeer = !options.isSet(QStringLiteral("insecure"));
        spec.serverName = options.value(QStringLiteral("sni"));
    }
    if (!spec.certificateFile.isEmpty() && spec.keyFile.isEmpty())
        options.fail(QStringLiteral("--cert needs --key FILE: the certificate's private key"));
    else if (spec.certificateFile.isEmpty() && !spec.keyFile.isEmpty())
        options.fail(QStringLiteral("--key needs --cert FILE: the certificate it belongs to"));
    else if (!spec.pkcs12File.isEmpty() && !spec.certificateFile.isEmpty())
        options.fail(QStringLiteral("give --cert and --key, or --pkcs12, not both"));
    else if (spec.selfSigned && (!spec.certificateFile.isEmpty() || !spec.pkcs12File.isEmpty()))
        options.fail(QStringLiteral("--self-signed makes the certificate now: give no --cert or --pkcs12 with it"));
    if (options.hasError())
        return spec;
    if (const QString problem = spec.validate(); !problem.isEmpty()) {
        // The spec's words name its fields; on a command line, the options.
        options.fail(problem);
        return spec;
    }
    // Load what the files hold now: a bad file is the user's input, not a network error.
    QString error;
    if (!TlsContext::make(spec, role, host, &error, nullptr, transport))
        options.fail(error);
    return spec;
}

QString withVerificationHint(const QString &message)
{
    if (!message.contains(QLatin1String("certificate verification failed")))
        return message;
    return message + QStringLiteral(" — trust its issuer with --ca FILE, or connect without verifying with --insecure");
}

HandshakeLine handshakeLine(const Event &event)
{
    if (event.kind == EventKind::Secured)
        return {QStringLiteral("secured: ") + event.detail, false};
    if (event.kind == EventKind::Note && event.detail.startsWith(QLatin1String("ignored (verification off)")))
        return {event.detail, true};
    return {};
}

} // namespace SockPlay::Cli::TlsOptions
