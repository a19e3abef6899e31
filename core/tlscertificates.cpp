#include "tlscertificates.h"

#include "cryptolibrary.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QNetworkInterface>

#include <memory>

namespace SockPlay::TlsCertificates {

namespace {

// Only made once the library is loaded: the deleter finds it loaded.
template <typename T, auto Free> struct Deleter
{
    void operator()(T *p) const { (CryptoLibrary::get(nullptr)->*Free)(p); }
};
using Key = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, &CryptoLibrary::EVP_PKEY_free>>;
using Certificate = std::unique_ptr<X509, Deleter<X509, &CryptoLibrary::X509_free>>;
using Extension = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION, &CryptoLibrary::X509_EXTENSION_free>>;
using Bignum = std::unique_ptr<BIGNUM, Deleter<BIGNUM, &CryptoLibrary::BN_free>>;
using Bio = std::unique_ptr<BIO, Deleter<BIO, &CryptoLibrary::BIO_free>>;

/// OpenSSL's reason for the last failure (its error queue, emptied).
QString openSslError(const CryptoLibrary &c, const char *what)
{
    QString reason;
    while (const unsigned long code = c.ERR_get_error()) {
        char text[256];
        c.ERR_error_string_n(code, text, sizeof text);
        reason = QString::fromLatin1(text); // the last one is the most specific
    }
    return reason.isEmpty() ? QString::fromLatin1(what) : QStringLiteral("%1: %2").arg(QString::fromLatin1(what), reason);
}

QByteArray bioBytes(const CryptoLibrary &c, BIO *bio)
{
    char *data = nullptr;
    const long size = c.BIO_ctrl(bio, BIO_CTRL_INFO, 0, &data); // BIO_get_mem_data
    return QByteArray(data, qsizetype(size));
}

/// subjectAltName for host: "IP:127.0.0.1,IP:::1,DNS:localhost".
QByteArray subjectAltNames(const QString &host)
{
    QStringList names;
    const auto add = [&names](const QString &name) {
        if (!names.contains(name))
            names.append(name);
    };
    const QHostAddress address(host);
    const bool wildcard = address == QHostAddress::AnyIPv4 || address == QHostAddress::AnyIPv6
        || address == QHostAddress::Any;
    if (address.isNull())
        add(QStringLiteral("DNS:") + host);
    else if (!wildcard)
        add(QStringLiteral("IP:") + address.toString());
    if (wildcard) {
        // Reachable by every address of this machine.
        for (const QHostAddress &own : QNetworkInterface::allAddresses()) {
            if (own.scopeId().isEmpty())
                add(QStringLiteral("IP:") + own.toString());
        }
    }
    if (wildcard || address.isLoopback() || host == QLatin1String("localhost")) {
        add(QStringLiteral("IP:127.0.0.1"));
        add(QStringLiteral("IP:::1"));
        add(QStringLiteral("DNS:localhost"));
    }
    return names.join(QLatin1Char(',')).toLatin1();
}

bool addExtension(const CryptoLibrary &c, X509 *certificate, int nid, const QByteArray &value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    c.X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    const Extension extension(c.X509V3_EXT_conf_nid(nullptr, &context, nid, value.constData()));
    return extension && c.X509_add_ext(certificate, extension.get(), -1) == 1;
}

std::optional<QByteArray> readFile(const QString &path, const QString &what, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the %1 %2: %3").arg(what, QDir::toNativeSeparators(path), file.errorString());
        return std::nullopt;
    }
    // A certificate or key file is small; a huge one is a mistake, not something to load.
    constexpr qint64 MaxBytes = 4 << 20;
    if (file.size() > MaxBytes) {
        *error = QStringLiteral("the %1 %2 is larger than 4 MiB: not a certificate or key file").arg(what, QDir::toNativeSeparators(path));
        return std::nullopt;
    }
    return file.readAll();
}

/// Whether key is the private key of certificate (OpenSSL compares the public halves).
bool keyMatches(const CryptoLibrary &c, const QSslCertificate &certificate, const QSslKey &key)
{
    const QByteArray certificatePem = certificate.toPem();
    const QByteArray keyPem = key.toPem();
    const Bio certificateBio(c.BIO_new_mem_buf(certificatePem.constData(), int(certificatePem.size())));
    const Bio keyBio(c.BIO_new_mem_buf(keyPem.constData(), int(keyPem.size())));
    const Certificate x509(c.PEM_read_bio_X509(certificateBio.get(), nullptr, nullptr, nullptr));
    const Key pkey(c.PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr));
    c.ERR_clear_error();
    return x509 && pkey && c.X509_check_private_key(x509.get(), pkey.get()) == 1;
}

} // namespace

std::optional<PemPair> makeSelfSignedPem(const SelfSignedOptions &options, QString *error)
{
    const CryptoLibrary *library = CryptoLibrary::get(error);
    if (!library)
        return std::nullopt;
    const CryptoLibrary &c = *library;
    c.ERR_clear_error();
    const Key key(c.EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256")); // EVP_EC_gen("P-256")
    if (!key) {
        *error = openSslError(c, "cannot make an EC P-256 key");
        return std::nullopt;
    }
    const Certificate certificate(c.X509_new());
    const Bignum serial(c.BN_new());
    // A random 127-bit serial: positive, and never the same twice.
    bool ok = certificate && serial && c.X509_set_version(certificate.get(), 2) == 1
        && c.BN_rand(serial.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) == 1
        && c.BN_to_ASN1_INTEGER(serial.get(), c.X509_get_serialNumber(certificate.get())) != nullptr
        && c.X509_gmtime_adj(c.X509_getm_notBefore(certificate.get()), long(options.notBeforeSeconds)) != nullptr
        && c.X509_gmtime_adj(c.X509_getm_notAfter(certificate.get()), long(options.notBeforeSeconds + qint64(options.days) * 86400)) != nullptr
        && c.X509_set_pubkey(certificate.get(), key.get()) == 1;
    if (ok) {
        X509_NAME *name = c.X509_get_subject_name(certificate.get());
        const QByteArray commonName = options.host.left(64).toUtf8();
        ok = c.X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8,
                                          reinterpret_cast<const unsigned char *>("SockPlay (self-signed)"), -1, -1, 0) == 1
            && c.X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                                            reinterpret_cast<const unsigned char *>(commonName.constData()), -1, -1, 0) == 1
            && c.X509_set_issuer_name(certificate.get(), name) == 1;
    }
    // No keyUsage: with one lacking keyCertSign OpenSSL would not see the
    // certificate as its own issuer, and a client that trusts it (--ca) could not verify it.
    ok = ok && addExtension(c, certificate.get(), NID_basic_constraints, "critical,CA:FALSE")
        && addExtension(c, certificate.get(), NID_ext_key_usage, "serverAuth,clientAuth")
        && addExtension(c, certificate.get(), NID_subject_key_identifier, "hash")
        && addExtension(c, certificate.get(), NID_subject_alt_name, subjectAltNames(options.host))
        && c.X509_sign(certificate.get(), key.get(), c.EVP_sha256()) > 0;
    if (!ok) {
        *error = openSslError(c, "cannot make a self-signed certificate");
        return std::nullopt;
    }
    const Bio certificateBio(c.BIO_new(c.BIO_s_mem()));
    const Bio keyBio(c.BIO_new(c.BIO_s_mem()));
    if (!certificateBio || !keyBio || c.PEM_write_bio_X509(certificateBio.get(), certificate.get()) != 1
        || c.PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
        *error = openSslError(c, "cannot write the self-signed certificate as PEM");
        return std::nullopt;
    }
    return PemPair{bioBytes(c, certificateBio.get()), bioBytes(c, keyBio.get())};
}

std::optional<TlsIdentity> makeSelfSigned(const QString &host, QString *error)
{
    SelfSignedOptions options;
    options.host = host;
    const std::optional<PemPair> pem = makeSelfSignedPem(options, error);
    if (!pem)
        return std::nullopt;
    TlsIdentity identity;
    identity.certificate = QSslCertificate(pem->certificate, QSsl::Pem);
    identity.key = QSslKey(pem->key, QSsl::Ec, QSsl::Pem);
    if (identity.certificate.isNull() || identity.key.isNull()) {
        *error = QStringLiteral("Qt cannot load the self-signed certificate it was given");
        return std::nullopt;
    }
    return identity;
}

std::optional<QList<QSslCertificate>> loadCertificates(const QString &file, QString *error)
{
    const std::optional<QByteArray> data = readFile(file, QStringLiteral("certificate file"), error);
    if (!data)
        return std::nullopt;
    QList<QSslCertificate> certificates = QSslCertificate::fromData(*data, QSsl::Pem);
    if (certificates.isEmpty())
        certificates = QSslCertificate::fromData(*data, QSsl::Der);
    if (certificates.isEmpty()) {
        *error = QStringLiteral("%1 holds no certificate (expected PEM: -----BEGIN CERTIFICATE-----)")
                     .arg(QDir::toNativeSeparators(file));
        return std::nullopt;
    }
    return certificates;
}

std::optional<TlsIdentity> loadPem(const QString &certificateFile, const QString &keyFile, const QString &passphrase,
                                   QString *error)
{
    const std::optional<QList<QSslCertificate>> certificates = loadCertificates(certificateFile, error);
    if (!certificates)
        return std::nullopt;
    const std::optional<QByteArray> keyData = readFile(keyFile, QStringLiteral("key file"), error);
    if (!keyData)
        return std::nullopt;
    TlsIdentity identity;
    identity.certificate = certificates->constFirst();
    identity.chain = certificates->mid(1);
    // PEM says "PRIVATE KEY" for every algorithm: try the ones Qt knows.
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa, QSsl::Dh}) {
        identity.key = QSslKey(*keyData, algorithm, QSsl::Pem, QSsl::PrivateKey, passphrase.toUtf8());
        if (!identity.key.isNull())
            break;
    }
    if (identity.key.isNull()) {
        *error = QStringLiteral("%1 holds no private key that can be read (expected PEM: -----BEGIN PRIVATE KEY-----%2)")
                     .arg(QDir::toNativeSeparators(keyFile),
                          keyData->contains("ENCRYPTED") ? QStringLiteral("; it is encrypted: is the passphrase right?")
                                                         : QString());
        return std::nullopt;
    }
    const CryptoLibrary *crypto = CryptoLibrary::get(error);
    if (!crypto)
        return std::nullopt;
    if (!keyMatches(*crypto, identity.certificate, identity.key)) {
        *error = QStringLiteral("the key %1 does not belong to the certificate %2")
                     .arg(QDir::toNativeSeparators(keyFile), QDir::toNativeSeparators(certificateFile));
        return std::nullopt;
    }
    return identity;
}

std::optional<TlsIdentity> loadPkcs12(const QString &file, const QString &passphrase, QString *error)
{
    QFile device(file);
    if (!device.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the PKCS#12 file %1: %2").arg(QDir::toNativeSeparators(file), device.errorString());
        return std::nullopt;
    }
    TlsIdentity identity;
    if (!QSslCertificate::importPkcs12(&device, &identity.key, &identity.certificate, &identity.chain,
                                       passphrase.toUtf8())) {
        *error = QStringLiteral("%1 is not a PKCS#12 file that can be read with this passphrase")
                     .arg(QDir::toNativeSeparators(file));
        return std::nullopt;
    }
    identity.chain.removeAll(identity.certificate);
    return identity;
}

QString shortName(const QSslCertificate &certificate, bool issuer)
{
    const auto info = [&](QSslCertificate::SubjectInfo field) {
        return issuer ? certificate.issuerInfo(field) : certificate.subjectInfo(field);
    };
    if (const QStringList names = info(QSslCertificate::CommonName); !names.isEmpty())
        return QStringLiteral("CN=") + names.join(QStringLiteral(", "));
    if (const QStringList names = info(QSslCertificate::Organization); !names.isEmpty())
        return QStringLiteral("O=") + names.join(QStringLiteral(", "));
    return issuer ? certificate.issuerDisplayName() : certificate.subjectDisplayName();
}

QString describe(const QSslCertificate &certificate)
{
    const QString format = QStringLiteral("yyyy-MM-dd");
    return QStringLiteral("subject %1, issuer %2, valid %3 to %4, SHA-256 %5")
        .arg(shortName(certificate), shortName(certificate, true),
             certificate.effectiveDate().toUTC().toString(format), certificate.expiryDate().toUTC().toString(format),
             QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper()));
}

} // namespace SockPlay::TlsCertificates
