#pragma once
// The serial ports this machine has now, as values: for the CLI's
// `serial --list` and the window's device picker.

#include <QList>
#include <QString>

#include <optional>

class QJsonObject;

namespace SockPlay {

/// One serial port as the system describes it (QSerialPortInfo, copied).
struct SerialPortInfo
{
    QString name;         ///< "ttyUSB0", "COM3"
    QString device;       ///< what to open: "/dev/ttyUSB0", "COM3"
    QString description;  ///< "FT232R USB UART" (empty when the system has none)
    QString manufacturer; ///< "FTDI"
    QString serialNumber; ///< "A50285BI"
    std::optional<quint16> vendorId;  ///< USB: 0x0403
    std::optional<quint16> productId; ///< USB: 0x6001

    /// "0403:6001" (lowercase hex, as lsusb prints it); empty when either is unknown.
    QString vidPidText() const;
    /// One line: "/dev/ttyUSB0  FT232R USB UART — FTDI, serial A50285BI, USB 0403:6001".
    QString toText() const;
    /// {"device", "name", "description", "manufacturer", "serialNumber", "vid", "pid"}; unknown ones are empty.
    QJsonObject toJson() const;

    bool operator==(const SerialPortInfo &) const = default;
};

/// The serial ports the system lists now, sorted by device. Pseudo-terminals
/// (socat's, a terminal's) are not listed: they are opened by their path.
QList<SerialPortInfo> availableSerialPorts();

} // namespace SockPlay
