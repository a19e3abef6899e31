#pragma once
// Certificates and keys for TLS endpoints: loading them from files (PEM,
// PKCS#12) with Qt, making a self-signed one in-process with OpenSSL (the
// library Qt's TLS backend uses), and describing them for the log.

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>

#include <optional>

namespace SockPlay {

/// What an endpoint proves itself with: a certificate, its private key and
/// the intermediate certificates sent after it.
struct TlsIdentity
{
    QSslCertificate certificate;
    QSslKey key;
    QList<QSslCertificate> chain; ///< intermediates, without the certificate itself
};

namespace TlsCertificates {

/// A certificate and its key, PEM-encoded.
struct PemPair
{
    QByteArray certificate;
    QByteArray key;
};

/// What a self-signed certificate is made for.
struct SelfSignedOptions
{
    /// The address or name clients reach the server by: an IP address goes
    /// into subjectAltName as IP, a name as DNS; a loopback or wildcard
    /// address adds 127.0.0.1, ::1 and localhost (a wildcard also every
    /// address of this machine).
    QString host = QStringLiteral("127.0.0.1");
    int days = 30;
    /// When it becomes valid, in seconds from now (negative: in the past, so
    /// that a test can make an expired certificate).
    qint64 notBeforeSeconds = 0;
};

/// A new EC P-256 key and an X509v3 certificate signed by it (SHA-256).
std::optional<PemPair> makeSelfSignedPem(const SelfSignedOptions &options, QString *error);
/// The same, loaded into Qt: what a server's "self-signed" button calls.
std::optional<TlsIdentity> makeSelfSigned(const QString &host, QString *error);

/// A PEM certificate (with its chain after it, if any) and its PEM key; an
/// encrypted key needs passphrase. Errors name the file and say why.
std::optional<TlsIdentity> loadPem(const QString &certificateFile, const QString &keyFile,
                                   const QString &passphrase, QString *error);
/// Certificate, key and chain from one PKCS#12 (.p12, .pfx) file.
std::optional<TlsIdentity> loadPkcs12(const QString &file, const QString &passphrase, QString *error);
/// Every PEM certificate of a file (a CA bundle); none is an error.
std::optional<QList<QSslCertificate>> loadCertificates(const QString &file, QString *error);

/// "subject CN=…, issuer CN=…, valid 2026-12-06 to 2027-01-05, SHA-256 AB:CD:…"
QString describe(const QSslCertificate &certificate);
/// "CN=example.org", or the organisation, or the whole name when there is no CN.
QString shortName(const QSslCertificate &certificate, bool issuer = false);

} // namespace TlsCertificates

} // namespace SockPlay
