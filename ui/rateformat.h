#pragma once
// How rates read wherever the window shows them (the connections table, the
// rate charts, the status bar): one wording, one rounding.

#include <QString>

namespace SockPlay {

/// Bytes per second as QLocale::formattedDataSize plus "/s": "1.2 KiB/s", "0 bytes/s".
QString formatByteRate(double bytesPerSecond);
/// Messages per second: whole numbers from 10 on, one decimal below ("0.5", "12").
QString formatMessageRate(double messagesPerSecond);

} // namespace SockPlay
