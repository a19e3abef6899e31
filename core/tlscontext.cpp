#include "tlscontext.h"

#include "tlscertificates.h"

#include <QDateTime>
#include <QDir>
#include <QSslSocket>

namespace SockPlay {

namespace {

std::optional<TlsIdentity> loadIdentity(const TlsSpec &spec, const QString &host, QString *error, QString *how)
{
    if (spec.selfSigned) {
        *how = QStringLiteral("self-signed, made now for %1").arg(host);
        return TlsCertificates::makeSelfSigned(host, error);
    }
    if (!spec.pkcs12File.isEmpty()) {
        *how = QStringLiteral("from %1").arg(QDir::toNativeSeparators(spec.pkcs12File));
        return TlsCertificates::loadPkcs12(spec.pkcs12File, spec.passphrase, error);
    }
    *how = QStringLiteral("from %1").arg(QDir::toNativeSeparators(spec.certificateFile));
    return TlsCertificates::loadPem(spec.certificateFile, spec.keyFile, spec.passphrase, error);
}

} // namespace

std::shared_ptr<const TlsContext> TlsContext::make(const TlsSpec &spec, Role role, const QString &host, QString *error,
                                                   QStringList *notes, Transport transport)
{
    const bool datagram = transport == Transport::Dtls;
    const QString protocol = datagram ? QStringLiteral("DTLS") : QStringLiteral("TLS");
    QStringList ignored;
    if (!notes)
        notes = &ignored;
    if (!QSslSocket::supportsSsl()) {
        *error = QStringLiteral("%1 is not available: Qt found no TLS library (install OpenSSL 3: libssl3)").arg(protocol);
        return nullptr;
    }
    if (const QString problem = spec.validate(); !problem.isEmpty()) {
        *error = problem;
        return nullptr;
    }
    const bool server = role == Role::Server;
    if (server && !spec.hasIdentity()) {
        *error = QStringLiteral("a %1 server needs a certificate: a certificate and key, a PKCS#12 file, or a "
                                "self-signed one made at start")
                     .arg(protocol);
        return nullptr;
    }
    auto context = std::make_shared<TlsContext>();
    // DTLS: Qt's default DTLS configuration (DTLS 1.2 or later, cookie verification on for a server).
    QSslConfiguration configuration =
        datagram ? QSslConfiguration::defaultDtlsConfiguration() : QSslConfiguration::defaultConfiguration();
    if (spec.hasIdentity()) {
        QString how;
        const std::optional<TlsIdentity> identity = loadIdentity(spec, host, error, &how);
        if (!identity)
            return nullptr;
        configuration.setLocalCertificateChain(QList<QSslCertificate>{identity->certificate} + identity->chain);
        configuration.setPrivateKey(identity->key);
        notes->append(QStringLiteral("our certificate (%1): %2").arg(how, TlsCertificates::describe(identity->certificate)));
        if (identity->certificate.expiryDate() < QDateTime::currentDateTimeUtc())
            notes->append(QStringLiteral("our certificate has expired: peers that verify it will refuse it"));
    }
    if (!spec.caFile.isEmpty()) {
        const std::optional<QList<QSslCertificate>> authorities = TlsCertificates::loadCertificates(spec.caFile, error);
        if (!authorities)
            return nullptr;
        // Only these: --ca names whom to trust, as curl's --cacert does.
        configuration.setCaCertificates(*authorities);
        notes->append(QStringLiteral("trusting only the %1 certificate(s) of %2")
                          .arg(authorities->size())
                          .arg(QDir::toNativeSeparators(spec.caFile)));
    }
    // A client always verifies, so that every problem is reported (sslErrors);
    // with verification off they are logged as notes and ignored.
    configuration.setPeerVerifyMode(server ? (spec.verifyPeer ? QSslSocket::VerifyPeer : QSslSocket::VerifyNone)
                                           : QSslSocket::VerifyPeer);
    if (!spec.alpn.isEmpty()) {
        QList<QByteArray> protocols;
        for (const QString &name : spec.alpn)
            protocols.append(name.toUtf8());
        configuration.setAllowedNextProtocols(protocols);
    }
    if (server) {
        notes->append(spec.verifyPeer ? QStringLiteral("clients must present a certificate we can verify")
                                      : QStringLiteral("clients are not asked for a certificate"));
    } else if (!spec.verifyPeer) {
        notes->append(QStringLiteral("verification off: the server's certificate is not checked (problems are "
                                     "logged as notes); anyone in the middle could read the traffic"));
    }
    context->configuration = configuration;
    context->serverName = server ? QString() : spec.effectiveServerName(host);
    context->verifyPeer = spec.verifyPeer;
    context->offersAlpn = !spec.alpn.isEmpty();
    context->alpn = spec.alpn;
    context->datagram = datagram;
    context->handshakeTimeoutMs = spec.handshakeTimeoutMs;
    return context;
}

} // namespace SockPlay
