// The relay's part of the code view's programs (codegen.cpp): a Python
// program that listens, connects to the target for each client and passes
// the bytes both ways in one thread per client (select on both sockets), with TLS on either side where
// Python's ssl module simply does what SockPlay's side does.

#include "codegen_p.h"

#include "address.h"
#include "codeliteral.h"

#include <algorithm>

namespace SockPlay::CodegenDetail {

namespace {

/// ["h2", "http/1.1"] as a Python list.
QString pythonList(const QStringList &names)
{
    QStringList items;
    for (const QString &name : names)
        items.append(CodeLiteral::pythonString(name));
    return QLatin1Char('[') + items.join(QStringLiteral(", ")) + QLatin1Char(']');
}

} // namespace

ProgramSpec relayProgramFromEndpoint(const EndpointConfig &config)
{
    ProgramSpec spec;
    spec.language = ProgramSpec::Language::Python;
    spec.kind = ProgramSpec::Kind::Relay;
    if (!config.host.trimmed().isEmpty())
        spec.host = config.host.trimmed();
    spec.port = config.port;
    spec.relay = config.relay;
    spec.relay.targetHost = unbracketHost(spec.relay.targetHost.trimmed());
    if (const std::optional<TlsSpec> &tls = spec.relay.listenTls; tls && tls->certificateFile.isEmpty()) {
        // A certificate made at Start, or one in a PKCS#12 file: Python's ssl loads PEM files only.
        spec.notShown.append(QStringLiteral("TLS for the clients is not shown here: SockPlay's certificate is %1, "
                                            "and Python's ssl loads PEM files only, so this program listens "
                                            "without TLS.")
                                 .arg(tls->selfSigned ? QStringLiteral("made at Start") : QStringLiteral("a PKCS#12 file")));
        spec.relay.listenTls.reset();
    }
    if (std::optional<TlsSpec> &tls = spec.relay.targetTls; tls && !tls->pkcs12File.isEmpty()) {
        spec.notShown.append(QStringLiteral("The client certificate in a PKCS#12 file is not shown here: Python's "
                                            "ssl loads PEM files only, so this program presents none to the target."));
        tls->pkcs12File.clear();
        tls->passphrase.clear();
    }
    for (const std::optional<TlsSpec> &tls : {spec.relay.listenTls, spec.relay.targetTls}) {
        if (tls && !tls->passphrase.isEmpty()) {
            spec.notShown.append(QStringLiteral("The key's passphrase is not shown here: Python asks for it when "
                                                "the program starts."));
            break;
        }
    }
    if (config.relay.delayToTargetMs > 0 || config.relay.delayToClientMs > 0)
        spec.notShown.append(QStringLiteral("SockPlay's delays (%1 ms to the target, %2 ms to the clients) are not "
                                            "shown here: this program passes the bytes on at once.")
                                 .arg(config.relay.delayToTargetMs)
                                 .arg(config.relay.delayToClientMs));
    if (config.frame.kind != FrameSpec::Kind::Raw)
        spec.notShown.append(QStringLiteral("SockPlay's framing (%1) is not shown here: this program passes the "
                                            "stream on as it comes.").arg(config.frame.describe()));
    if (config.echo)
        spec.notShown.append(QStringLiteral("SockPlay's echo is not shown here."));
    if (std::any_of(config.rules.cbegin(), config.rules.cend(), [](const Rule &rule) { return rule.enabled; }))
        spec.notShown.append(QStringLiteral("SockPlay's rules are not shown here."));
    if (config.maxConnections != EndpointConfig().maxConnections)
        spec.notShown.append(QStringLiteral("SockPlay's limit of %1 clients is not shown here.").arg(config.maxConnections));
    return spec;
}

void fillRelayTemplate(const ProgramSpec &spec, CodeTemplate *source)
{
    const RelaySpec &relay = spec.relay;
    source->setValue(QStringLiteral("TARGET_HOST"), CodeLiteral::pythonString(relay.targetHost));
    source->setValue(QStringLiteral("TARGET_PORT"), QString::number(relay.targetPort));
    const TlsSpec listen = relay.listenTls.value_or(TlsSpec());
    const TlsSpec target = relay.targetTls.value_or(TlsSpec());
    source->setFlag(QStringLiteral("tls"), relay.listenTls || relay.targetTls);
    source->setFlag(QStringLiteral("listen_tls"), relay.listenTls.has_value());
    source->setFlag(QStringLiteral("listen_verify"), relay.listenTls && listen.verifyPeer);
    source->setFlag(QStringLiteral("listen_ca"), !listen.caFile.isEmpty());
    source->setFlag(QStringLiteral("listen_alpn"), !listen.alpn.isEmpty());
    source->setValue(QStringLiteral("LISTEN_CERT"), CodeLiteral::pythonString(listen.certificateFile));
    source->setValue(QStringLiteral("LISTEN_KEY"), CodeLiteral::pythonString(listen.keyFile));
    source->setValue(QStringLiteral("LISTEN_CA"), CodeLiteral::pythonString(listen.caFile));
    source->setValue(QStringLiteral("LISTEN_ALPN"), pythonList(listen.alpn));
    source->setFlag(QStringLiteral("target_tls"), relay.targetTls.has_value());
    source->setFlag(QStringLiteral("target_verify"), target.verifyPeer);
    source->setFlag(QStringLiteral("target_ca"), !target.caFile.isEmpty());
    source->setFlag(QStringLiteral("target_cert"), !target.certificateFile.isEmpty());
    source->setFlag(QStringLiteral("target_alpn"), !target.alpn.isEmpty());
    source->setValue(QStringLiteral("TARGET_CA"), CodeLiteral::pythonString(target.caFile));
    source->setValue(QStringLiteral("TARGET_CERT"), CodeLiteral::pythonString(target.certificateFile));
    source->setValue(QStringLiteral("TARGET_KEY"), CodeLiteral::pythonString(target.keyFile));
    source->setValue(QStringLiteral("TARGET_ALPN"), pythonList(target.alpn));
    source->setValue(QStringLiteral("SERVER_NAME"),
                     CodeLiteral::pythonString(target.effectiveServerName(relay.targetHost)));
}

QString relayTitle(const ProgramSpec &spec)
{
    const QString tls = spec.relay.listenTls && spec.relay.targetTls ? QStringLiteral(" (TLS on both sides)")
        : spec.relay.listenTls                                      ? QStringLiteral(" (TLS for the clients)")
        : spec.relay.targetTls                                      ? QStringLiteral(" (TLS to the target)")
                                                                    : QString();
    return QStringLiteral("A TCP relay%1 that passes each client on to %2 and prints both directions")
        .arg(tls, spec.relay.targetText());
}

GeneratedProgram relayNotShown(const ProgramSpec &spec, const QString &title, const QString &fileName)
{
    GeneratedProgram program;
    program.fileName = fileName;
    QStringList lines{title + QStringLiteral(": not shown in %1.").arg(ProgramSpec::languageTitle(spec.language)),
                      QStringLiteral("Pick Python: the same relay as a program with a thread per client.")};
    for (QString &line : lines)
        line.prepend(QStringLiteral("// "));
    program.source = lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
    return program;
}

} // namespace SockPlay::CodegenDetail
