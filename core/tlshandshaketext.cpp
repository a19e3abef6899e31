#include "tlshandshaketext.h"

#include "tlscertificates.h"

#include <QSslCertificate>
#include <QSslCipher>
#include <QSslError>

namespace SockPlay::TlsHandshakeText {

QString describeError(const QSslError &error)
{
    QString reason = error.errorString();
    if (!reason.isEmpty())
        reason[0] = reason.at(0).toLower();
    if (!error.certificate().isNull())
        reason += QStringLiteral(" (%1)").arg(TlsCertificates::shortName(error.certificate()));
    return reason;
}

QString verificationFailedText(const QSslError &error)
{
    return QStringLiteral("certificate verification failed: %1").arg(describeError(error));
}

QString ignoredText(const QSslError &error)
{
    return QStringLiteral("ignored (verification off): %1").arg(describeError(error));
}

QStringList chainDetails(const QList<QSslCertificate> &chain)
{
    QStringList details;
    for (const QSslCertificate &certificate : chain)
        details.append(TlsCertificates::describe(certificate));
    return details;
}

QString securedDetail(const QString &protocol, const QSslCipher &cipher, const QString &alpn, bool offersAlpn)
{
    QString detail = QStringLiteral("%1, %2").arg(protocol, cipher.name());
    if (!alpn.isEmpty())
        detail += QStringLiteral(", ALPN ") + alpn;
    else if (offersAlpn)
        detail += QStringLiteral(", no ALPN protocol agreed");
    return detail;
}

QString offeringAlpnText(const QStringList &names)
{
    return names.isEmpty() ? QString() : QStringLiteral(", offering ALPN %1").arg(names.join(QStringLiteral(", ")));
}

QString limitText(int ms)
{
    return ms % 1000 == 0 ? QStringLiteral("%1 s").arg(ms / 1000) : QStringLiteral("%1 ms").arg(ms);
}

QString alertLevelText(QSsl::AlertLevel level)
{
    switch (level) {
    case QSsl::AlertLevel::Warning: return QStringLiteral("warning");
    case QSsl::AlertLevel::Fatal: return QStringLiteral("fatal");
    case QSsl::AlertLevel::Unknown: break;
    }
    return QStringLiteral("unknown level");
}

} // namespace SockPlay::TlsHandshakeText
