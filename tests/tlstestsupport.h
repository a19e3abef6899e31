#pragma once
// Certificates for the TLS tests, made in a temporary folder: a CA, a
// server and a client certificate it signed, the server's as PKCS#12 too (with openssl, a tool no one here wrote), and
// self-signed and expired ones (with our own OpenSSL helper: openssl 3.0's
// command line cannot back-date a certificate).

#include "clisupport.h"
#include "tlscertificates.h"

#include <QProcess>
#include <QTemporaryDir>

namespace SockPlayTest {

struct TestPki
{
    QTemporaryDir dir;
    QString error;

    QString path(const QString &name) const { return dir.filePath(name); }
    QString ca() const { return path(QStringLiteral("ca.pem")); }
    /// CN=localhost, subjectAltName 127.0.0.1, ::1, localhost; signed by ca().
    QString server() const { return path(QStringLiteral("server.pem")); }
    QString serverKey() const { return path(QStringLiteral("server.key")); }
    /// Self-signed for 127.0.0.1 (our helper).
    QString selfSigned() const { return path(QStringLiteral("self.pem")); }
    QString selfSignedKey() const { return path(QStringLiteral("self.key")); }
    /// Self-signed for 127.0.0.1, valid from 40 days ago for 30 days.
    QString expired() const { return path(QStringLiteral("expired.pem")); }
    QString expiredKey() const { return path(QStringLiteral("expired.key")); }
    /// CN=SockPlay Test Client, signed by ca(): a client certificate.
    QString client() const { return path(QStringLiteral("client.pem")); }
    QString clientKey() const { return path(QStringLiteral("client.key")); }
    /// server() and its key (and ca() as its chain) in one PKCS#12 file made
    /// by openssl pkcs12 -export, with the passphrase pkcs12Passphrase().
    QString serverPkcs12() const { return path(QStringLiteral("server.p12")); }
    /// client() and its key (and ca() as its chain), the same way, with the same passphrase.
    QString clientPkcs12() const { return path(QStringLiteral("client.p12")); }
    static QString pkcs12Passphrase() { return QStringLiteral("right horse"); }

    bool run(const QString &openssl, const QStringList &arguments)
    {
        QProcess process;
        process.setWorkingDirectory(dir.path());
        process.start(openssl, arguments);
        if (!process.waitForFinished(PeerTimeoutMs) || process.exitCode() != 0) {
            error = QStringLiteral("openssl %1: %2").arg(arguments.join(u' '), QString::fromUtf8(process.readAllStandardError()));
            return false;
        }
        return true;
    }

    bool writeOwn(const QString &certificate, const QString &key, qint64 notBeforeSeconds)
    {
        SockPlay::TlsCertificates::SelfSignedOptions options;
        options.host = QStringLiteral("127.0.0.1");
        options.notBeforeSeconds = notBeforeSeconds;
        const std::optional<SockPlay::TlsCertificates::PemPair> pem =
            SockPlay::TlsCertificates::makeSelfSignedPem(options, &error);
        return pem && writeFile(certificate, pem->certificate) && writeFile(key, pem->key);
    }

    /// Makes every file; false with error set if a step failed.
    bool make(const QString &openssl)
    {
        const QString ec = QStringLiteral("ec");
        const QStringList curve{QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256")};
        return dir.isValid()
            && run(openssl, QStringList{QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), ec} + curve
                       + QStringList{QStringLiteral("-nodes"), QStringLiteral("-keyout"), QStringLiteral("ca.key"),
                                     QStringLiteral("-out"), QStringLiteral("ca.pem"), QStringLiteral("-days"),
                                     QStringLiteral("30"), QStringLiteral("-subj"), QStringLiteral("/CN=SockPlay Test CA")})
            && run(openssl, QStringList{QStringLiteral("req"), QStringLiteral("-newkey"), ec} + curve
                       + QStringList{QStringLiteral("-nodes"), QStringLiteral("-keyout"), QStringLiteral("server.key"),
                                     QStringLiteral("-out"), QStringLiteral("server.csr"), QStringLiteral("-subj"),
                                     QStringLiteral("/CN=localhost")})
            && writeFile(path(QStringLiteral("ext.cnf")), "subjectAltName=IP:127.0.0.1,IP:::1,DNS:localhost\n")
            && run(openssl, {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), QStringLiteral("server.csr"),
                             QStringLiteral("-CA"), QStringLiteral("ca.pem"), QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
                             QStringLiteral("-CAcreateserial"), QStringLiteral("-out"), QStringLiteral("server.pem"),
                             QStringLiteral("-days"), QStringLiteral("30"), QStringLiteral("-extfile"), QStringLiteral("ext.cnf")})
            && run(openssl, QStringList{QStringLiteral("req"), QStringLiteral("-newkey"), ec} + curve
                       + QStringList{QStringLiteral("-nodes"), QStringLiteral("-keyout"), QStringLiteral("client.key"),
                                     QStringLiteral("-out"), QStringLiteral("client.csr"), QStringLiteral("-subj"),
                                     QStringLiteral("/CN=SockPlay Test Client")})
            && run(openssl, {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), QStringLiteral("client.csr"),
                             QStringLiteral("-CA"), QStringLiteral("ca.pem"), QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
                             QStringLiteral("-CAcreateserial"), QStringLiteral("-out"), QStringLiteral("client.pem"),
                             QStringLiteral("-days"), QStringLiteral("30")})
            && run(openssl, {QStringLiteral("pkcs12"), QStringLiteral("-export"), QStringLiteral("-in"), QStringLiteral("server.pem"),
                             QStringLiteral("-inkey"), QStringLiteral("server.key"), QStringLiteral("-certfile"),
                             QStringLiteral("ca.pem"), QStringLiteral("-out"), QStringLiteral("server.p12"),
                             QStringLiteral("-passout"), QStringLiteral("pass:") + pkcs12Passphrase()})
            && run(openssl, {QStringLiteral("pkcs12"), QStringLiteral("-export"), QStringLiteral("-in"), QStringLiteral("client.pem"),
                             QStringLiteral("-inkey"), QStringLiteral("client.key"), QStringLiteral("-certfile"),
                             QStringLiteral("ca.pem"), QStringLiteral("-out"), QStringLiteral("client.p12"),
                             QStringLiteral("-passout"), QStringLiteral("pass:") + pkcs12Passphrase()})
            && writeOwn(selfSigned(), selfSignedKey(), 0)
            && writeOwn(expired(), expiredKey(), -40 * 86400);
    }
};

} // namespace SockPlayTest
