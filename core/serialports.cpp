#include "serialports.h"

#include <QJsonObject>
#include <QSerialPortInfo>

#include <algorithm>

namespace SockPlay {

namespace {

QString hex4(quint16 value)
{
    return QStringLiteral("%1").arg(value, 4, 16, QLatin1Char('0'));
}

} // namespace

QString SerialPortInfo::vidPidText() const
{
    if (!vendorId || !productId)
        return {};
    return hex4(*vendorId) + QLatin1Char(':') + hex4(*productId);
}

QString SerialPortInfo::toText() const
{
    QStringList about;
    if (!manufacturer.isEmpty())
        about.append(manufacturer);
    if (!serialNumber.isEmpty())
        about.append(QStringLiteral("serial ") + serialNumber);
    if (const QString usb = vidPidText(); !usb.isEmpty())
        about.append(QStringLiteral("USB ") + usb);
    QString line = device;
    if (!description.isEmpty())
        line += QStringLiteral("  ") + description;
    if (!about.isEmpty())
        line += (description.isEmpty() ? QStringLiteral("  ") : QStringLiteral(" — ")) + about.join(QStringLiteral(", "));
    return line;
}

QJsonObject SerialPortInfo::toJson() const
{
    return QJsonObject{
        {QStringLiteral("device"), device},
        {QStringLiteral("name"), name},
        {QStringLiteral("description"), description},
        {QStringLiteral("manufacturer"), manufacturer},
        {QStringLiteral("serialNumber"), serialNumber},
        {QStringLiteral("vid"), vendorId ? hex4(*vendorId) : QString()},
        {QStringLiteral("pid"), productId ? hex4(*productId) : QString()},
    };
}

QList<SerialPortInfo> availableSerialPorts()
{
    QList<SerialPortInfo> ports;
    for (const QSerialPortInfo &info : QSerialPortInfo::availablePorts()) {
        SerialPortInfo port;
        port.name = info.portName();
        port.device = info.systemLocation();
        port.description = info.description();
        port.manufacturer = info.manufacturer();
        port.serialNumber = info.serialNumber();
        if (info.hasVendorIdentifier())
            port.vendorId = info.vendorIdentifier();
        if (info.hasProductIdentifier())
            port.productId = info.productIdentifier();
        ports.append(port);
    }
    std::sort(ports.begin(), ports.end(),
              [](const SerialPortInfo &a, const SerialPortInfo &b) { return a.device < b.device; });
    return ports;
}

} // namespace SockPlay
