#pragma once
// The settings of a serial port: a value type in EndpointConfig. What opens
// the device with them is SerialConnection; this file knows no QSerialPort,
// so that the CLI, session files and the window parse and print the same words.

#include <QList>
#include <QString>

#include <optional>

class QJsonObject;

namespace SockPlay {

/// How a serial line is driven: the device to open, its speed and character
/// format ("115200 8N1"), flow control, and the DTR and RTS modem lines.
struct SerialSpec
{
    enum class Parity : quint8 { None, Even, Odd, Space, Mark };
    enum class StopBits : quint8 { One, OneAndHalf, Two };
    enum class FlowControl : quint8 {
        None,     ///< nothing holds the sender back
        Hardware, ///< RTS/CTS: the modem lines (RTS is then the driver's, not ours)
        Software, ///< XON/XOFF: the bytes 0x11 and 0x13 in the stream
    };
    /// The modem control lines a program may set.
    enum class Line : quint8 { Dtr, Rts };

    /// What to open: "/dev/ttyUSB0", "COM3" (a name without a folder is looked up in /dev on Unix).
    QString device;
    /// Bits per second; any whole number the device takes (standardBaudRates() are the usual ones).
    qint32 baudRate = 115200;
    /// Bits per character, 5 to 8.
    int dataBits = 8;
    Parity parity = Parity::None;
    /// 1.5 exists only with 5 data bits (what a UART sends for "2" then).
    StopBits stopBits = StopBits::One;
    FlowControl flowControl = FlowControl::None;
    /// Data Terminal Ready and Request To Send. On: as opening the device
    /// leaves them (raised); off: lowered right after opening.
    bool dtr = true;
    bool rts = true;

    static constexpr qint32 MaxBaudRate = 2147483647;

    /// The rates a user picks from: 300 to 4,000,000 bits per second.
    static const QList<qint32> &standardBaudRates();

    /// Empty when the fields fit together; else why not ("1.5 stop bits need 5 data bits").
    QString validate() const;
    /// "8N1", "7E2", "5N1.5".
    QString characterFormat() const;
    /// "115200 8N1, no flow control".
    QString settingsText() const;
    /// "DTR on, RTS off".
    QString linesText() const;

    // The words the CLI and session files use for each setting; parsing is
    // case-insensitive, and a failure says what is expected.
    static QString parityName(Parity parity);
    static QString stopBitsName(StopBits stopBits);
    static QString flowControlName(FlowControl flowControl);
    /// "no flow control", "hardware flow control (RTS/CTS)", "software flow control (XON/XOFF)".
    static QString flowControlText(FlowControl flowControl);
    static QString lineName(Line line);

    // The log's words for an open port's steps: SerialConnection writes them,
    // the lifecycle tracker reads a serial port's open() and configure from them.
    /// Connected: "opened at 115200 8N1, no flow control; DTR on, RTS on".
    QString openedText() const;
    static bool isOpenedText(const QString &detail);
    /// Error: "cannot open /dev/ttyUSB0: No such file or directory".
    static QString openFailureText(const QString &device, const QString &reason);
    static bool isOpenFailure(const QString &detail, const QString &device);
    /// Error: "cannot turn DTR off on /dev/ttyUSB0: …", "cannot set RTS …":
    /// a modem line the device would not take.
    static QString lineFailureText(Line line, bool on, const QString &device, const QString &reason);
    static bool isLineFailure(const QString &detail);
    /// Note: "DTR on (raised)", "RTS off (lowered)".
    static QString lineNote(Line line, bool on);
    static bool isLineNote(const QString &detail);
    static std::optional<qint32> parseBaudRate(const QString &text, QString *error);
    static std::optional<int> parseDataBits(const QString &text, QString *error);
    static std::optional<Parity> parseParity(const QString &text, QString *error);
    static std::optional<StopBits> parseStopBits(const QString &text, QString *error);
    static std::optional<FlowControl> parseFlowControl(const QString &text, QString *error);
    /// "on" or "off" (also 1/0, true/false).
    static std::optional<bool> parseOnOff(const QString &text, QString *error);
    /// "8N1"-style shorthand: data bits, parity letter (N E O S M), stop bits
    /// (1, 1.5, 2) into spec; false with the reason.
    static bool parseCharacterFormat(const QString &text, SerialSpec *spec, QString *error);

    /// The session file's "serial" object: every key, always (a serial line
    /// is only understood with all of them).
    QJsonObject toJson() const;
    /// Unknown keys and bad values are refused, the error naming the key; "device" is required.
    static std::optional<SerialSpec> fromJson(const QJsonObject &json, QString *error);

    bool operator==(const SerialSpec &) const = default;
};

} // namespace SockPlay
