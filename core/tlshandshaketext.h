#pragma once
// What a TLS handshake (over TCP) and a DTLS handshake (over UDP) log alike:
// the words of their events, made in one place so that both read the same.

#include <QList>
#include <QSsl>
#include <QString>
#include <QStringList>

class QSslCertificate;
class QSslCipher;
class QSslError;

namespace SockPlay::TlsHandshakeText {

/// "the certificate is self-signed, and untrusted (CN=localhost)": a reason in the middle of a sentence.
QString describeError(const QSslError &error);
/// "certificate verification failed: …": an Error of a connection that verifies its peer.
QString verificationFailedText(const QSslError &error);
/// "ignored (verification off): …": a Note of a connection that does not verify.
QString ignoredText(const QSslError &error);
/// One Certificate event's detail per certificate of the peer's chain.
QStringList chainDetails(const QList<QSslCertificate> &chain);
/// The Secured event's detail: "TLSv1.3, TLS_AES_256_GCM_SHA384, ALPN h2"
/// (protocol is the version's name; an empty alpn with offersAlpn says none was agreed).
QString securedDetail(const QString &protocol, const QSslCipher &cipher, const QString &alpn, bool offersAlpn);
/// "…, offering ALPN h2, http/1.1" when names are offered, else empty.
QString offeringAlpnText(const QStringList &names);
/// "10 s", "1500 ms": a handshake's limit in words.
QString limitText(int ms);
/// "warning", "fatal": an alert's level in words.
QString alertLevelText(QSsl::AlertLevel level);

} // namespace SockPlay::TlsHandshakeText
