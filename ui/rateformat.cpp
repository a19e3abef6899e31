#include "rateformat.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace SockPlay {

QString formatByteRate(double bytesPerSecond)
{
    // Rounded, not truncated: 0.9 bytes in the last second is still "1 bytes/s"
    // rather than a 0 that says nothing moved (rates reach exactly 0 when so).
    const qint64 bytes = bytesPerSecond > 0 ? qMax<qint64>(1, qRound64(bytesPerSecond)) : 0;
    return QCoreApplication::translate("SockPlay::RateFormat", "%1/s").arg(QLocale().formattedDataSize(bytes, 1));
}

QString formatMessageRate(double messagesPerSecond)
{
    const double rate = qMax(0.0, messagesPerSecond);
    const bool whole = rate >= 10 || rate == std::floor(rate);
    return QLocale().toString(rate, 'f', whole ? 0 : 1);
}

} // namespace SockPlay
