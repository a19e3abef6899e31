// OpenSSL's libcrypto is not in the process until SockPlay first needs it
// (core/cryptolibrary.h): a sockplay-cli that listens on TCP has not loaded
// it; one that made a self-signed certificate has. In this process too, and
// the certificate made through it is one Qt reads back.
#include "clisupport.h"
#include "cryptolibrary.h"
#include "peers/peerprocess.h"
#include "tlscertificates.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QTest>

using namespace SockPlay;
using namespace SockPlayTest;

namespace {

/// Whether a library whose file name starts with \a prefix is mapped into a process (this one by default).
bool mapped(const QByteArray &prefix, const QString &process = QStringLiteral("self"))
{
    QFile maps(QStringLiteral("/proc/%1/maps").arg(process));
    if (!maps.open(QIODevice::ReadOnly))
        return false;
    for (const QByteArray &line : maps.readAll().split('\n')) {
        const qsizetype slash = line.lastIndexOf('/');
        if (slash >= 0 && line.mid(slash + 1).startsWith(prefix))
            return true;
    }
    return false;
}

} // namespace

class TestCryptoLibrary : public QObject
{
    Q_OBJECT
private slots:
    void theCliLoadsItForTlsOnly()
    {
        if (!QFile::exists(QStringLiteral("/proc/self/maps")))
            QSKIP("no /proc/self/maps here to see what is loaded");
        PeerProcess tcp;
        QVERIFY(tcp.start(cliPath(), {QStringLiteral("tcp-listen"), QStringLiteral("0")}));
        QVERIFY2(tcp.waitForCliPort() != 0, qPrintable(tcp.errText()));
        const QString tcpPid = QString::number(tcp.processId());
        QVERIFY2(mapped("libQt6Network.so", tcpPid), "the check sees what the CLI loaded");
        QVERIFY2(!mapped("libcrypto.so", tcpPid), "a TCP listener loaded libcrypto: is it linked again?");

        PeerProcess tls;
        QVERIFY(tls.start(cliPath(), {QStringLiteral("tls-listen"), QStringLiteral("--self-signed"), QStringLiteral("0")}));
        QVERIFY2(tls.waitForCliPort() != 0, qPrintable(tls.errText()));
        QVERIFY(mapped("libcrypto.so", QString::number(tls.processId())));
    }

    void loadedOnFirstUseOnly()
    {
        if (!QFile::exists(QStringLiteral("/proc/self/maps")))
            QSKIP("no /proc/self/maps here to see what is loaded");
        QVERIFY2(mapped("libc.so"), "the check sees what is loaded"); // guards the test itself
        QVERIFY2(!mapped("libcrypto.so"), "libcrypto was loaded at start: is it linked again?");
        // Freeing a thread's OpenSSL state when OpenSSL was never used loads nothing.
        CryptoLibrary::stopThread();
        QVERIFY(!mapped("libcrypto.so"));

        TlsCertificates::SelfSignedOptions options;
        options.host = QStringLiteral("127.0.0.1");
        QString error;
        const std::optional<TlsCertificates::PemPair> pem = TlsCertificates::makeSelfSignedPem(options, &error);
        QVERIFY2(pem, qPrintable(error));
        QVERIFY(mapped("libcrypto.so"));
        const QSslCertificate certificate(pem->certificate, QSsl::Pem);
        QVERIFY(!certificate.isNull());
        QCOMPARE(certificate.subjectInfo(QSslCertificate::CommonName), QStringList{QStringLiteral("127.0.0.1")});
        QVERIFY(!QSslKey(pem->key, QSsl::Ec, QSsl::Pem).isNull());
        CryptoLibrary::stopThread(); // now with the library in: frees this thread's state, and returns
    }
};

QTEST_GUILESS_MAIN(TestCryptoLibrary)
#include "tst_cryptolibrary.moc"
