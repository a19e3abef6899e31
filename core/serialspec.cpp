#include "serialspec.h"

#include "jsonfile.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QStringList>

namespace SockPlay {

namespace {

const QString DeviceKey = QStringLiteral("device");
const QString BaudKey = QStringLiteral("baud");
const QString DataBitsKey = QStringLiteral("dataBits");
const QString ParityKey = QStringLiteral("parity");
const QString StopBitsKey = QStringLiteral("stopBits");
const QString FlowKey = QStringLiteral("flowControl");
const QString DtrKey = QStringLiteral("dtr");
const QString RtsKey = QStringLiteral("rts");

constexpr SerialSpec::Parity Parities[] = {SerialSpec::Parity::None, SerialSpec::Parity::Even,
                                           SerialSpec::Parity::Odd, SerialSpec::Parity::Space,
                                           SerialSpec::Parity::Mark};
constexpr SerialSpec::FlowControl FlowControls[] = {SerialSpec::FlowControl::None, SerialSpec::FlowControl::Hardware,
                                                    SerialSpec::FlowControl::Software};
constexpr SerialSpec::StopBits AllStopBits[] = {SerialSpec::StopBits::One, SerialSpec::StopBits::OneAndHalf,
                                                SerialSpec::StopBits::Two};

QChar parityLetter(SerialSpec::Parity parity)
{
    return SerialSpec::parityName(parity).at(0).toUpper();
}

} // namespace

const QList<qint32> &SerialSpec::standardBaudRates()
{
    static const QList<qint32> rates{300,    600,    1200,   2400,   4800,    9600,    19200,   38400,  57600,
                                     115200, 230400, 460800, 500000, 921600, 1000000, 2000000, 3000000, 4000000};
    return rates;
}

QString SerialSpec::validate() const
{
    if (baudRate < 1)
        return QStringLiteral("the baud rate must be a whole number from 1 to %1").arg(MaxBaudRate);
    if (dataBits < 5 || dataBits > 8)
        return QStringLiteral("data bits must be 5, 6, 7 or 8, not %1").arg(dataBits);
    // A UART's "2 stop bits" are 1.5 at 5 data bits; termios has no other way to ask.
    if (stopBits == StopBits::OneAndHalf && dataBits != 5)
        return QStringLiteral("1.5 stop bits go with 5 data bits only (a UART sends 1.5 for 2 then); pick 1 or 2");
    if (!rts && flowControl == FlowControl::Hardware)
        return QStringLiteral("RTS belongs to hardware flow control (RTS/CTS): it cannot be held off by hand; "
                              "turn flow control off or leave RTS on");
    return {};
}

QString SerialSpec::characterFormat() const
{
    return QString::number(dataBits) + parityLetter(parity) + stopBitsName(stopBits);
}

QString SerialSpec::settingsText() const
{
    return QStringLiteral("%1 %2, %3").arg(baudRate).arg(characterFormat(), flowControlText(flowControl));
}

QString SerialSpec::linesText() const
{
    return QStringLiteral("DTR %1, RTS %2")
        .arg(dtr ? QStringLiteral("on") : QStringLiteral("off"), rts ? QStringLiteral("on") : QStringLiteral("off"));
}

QString SerialSpec::parityName(Parity parity)
{
    switch (parity) {
    case Parity::None: break;
    case Parity::Even: return QStringLiteral("even");
    case Parity::Odd: return QStringLiteral("odd");
    case Parity::Space: return QStringLiteral("space");
    case Parity::Mark: return QStringLiteral("mark");
    }
    return QStringLiteral("none");
}

QString SerialSpec::stopBitsName(StopBits stopBits)
{
    switch (stopBits) {
    case StopBits::One: break;
    case StopBits::OneAndHalf: return QStringLiteral("1.5");
    case StopBits::Two: return QStringLiteral("2");
    }
    return QStringLiteral("1");
}

QString SerialSpec::flowControlName(FlowControl flowControl)
{
    switch (flowControl) {
    case FlowControl::None: break;
    case FlowControl::Hardware: return QStringLiteral("hardware");
    case FlowControl::Software: return QStringLiteral("software");
    }
    return QStringLiteral("none");
}

QString SerialSpec::flowControlText(FlowControl flowControl)
{
    switch (flowControl) {
    case FlowControl::None: break;
    case FlowControl::Hardware: return QStringLiteral("hardware flow control (RTS/CTS)");
    case FlowControl::Software: return QStringLiteral("software flow control (XON/XOFF)");
    }
    return QStringLiteral("no flow control");
}

QString SerialSpec::lineName(Line line)
{
    return line == Line::Dtr ? QStringLiteral("DTR") : QStringLiteral("RTS");
}

QString SerialSpec::openedText() const
{
    return QStringLiteral("opened at %1; %2").arg(settingsText(), linesText());
}

bool SerialSpec::isOpenedText(const QString &detail)
{
    return detail.startsWith(QLatin1String("opened at "));
}

QString SerialSpec::openFailureText(const QString &device, const QString &reason)
{
    return QStringLiteral("cannot open %1: %2").arg(device, reason);
}

bool SerialSpec::isOpenFailure(const QString &detail, const QString &device)
{
    return !device.isEmpty() && detail.startsWith(QStringLiteral("cannot open %1: ").arg(device));
}

QString SerialSpec::lineFailureText(Line line, bool on, const QString &device, const QString &reason)
{
    return QStringLiteral("cannot turn %1 %2 on %3: %4")
        .arg(lineName(line), on ? QStringLiteral("on") : QStringLiteral("off"), device, reason);
}

bool SerialSpec::isLineFailure(const QString &detail)
{
    for (const Line line : {Line::Dtr, Line::Rts}) {
        if (detail.startsWith(QStringLiteral("cannot turn %1 ").arg(lineName(line)))
            || detail.startsWith(QStringLiteral("cannot set %1").arg(lineName(line))))
            return true;
    }
    return false;
}

QString SerialSpec::lineNote(Line line, bool on)
{
    return on ? QStringLiteral("%1 on (raised)").arg(lineName(line)) : QStringLiteral("%1 off (lowered)").arg(lineName(line));
}

bool SerialSpec::isLineNote(const QString &detail)
{
    for (const Line line : {Line::Dtr, Line::Rts}) {
        if (detail == lineNote(line, true) || detail == lineNote(line, false))
            return true;
    }
    return false;
}

std::optional<qint32> SerialSpec::parseBaudRate(const QString &text, QString *error)
{
    bool ok = false;
    const qlonglong rate = text.trimmed().toLongLong(&ok);
    if (!ok || rate < 1 || rate > MaxBaudRate) {
        *error = QStringLiteral("the baud rate must be a whole number from 1 to %1 (common: 9600, 115200), not '%2'")
                     .arg(MaxBaudRate)
                     .arg(text);
        return std::nullopt;
    }
    return qint32(rate);
}

std::optional<int> SerialSpec::parseDataBits(const QString &text, QString *error)
{
    bool ok = false;
    const int bits = text.trimmed().toInt(&ok);
    if (!ok || bits < 5 || bits > 8) {
        *error = QStringLiteral("data bits must be 5, 6, 7 or 8, not '%1'").arg(text);
        return std::nullopt;
    }
    return bits;
}

std::optional<SerialSpec::Parity> SerialSpec::parseParity(const QString &text, QString *error)
{
    for (Parity parity : Parities) {
        if (text.trimmed().compare(parityName(parity), Qt::CaseInsensitive) == 0)
            return parity;
    }
    *error = QStringLiteral("the parity must be none, even, odd, space or mark, not '%1'").arg(text);
    return std::nullopt;
}

std::optional<SerialSpec::StopBits> SerialSpec::parseStopBits(const QString &text, QString *error)
{
    for (StopBits stopBits : AllStopBits) {
        if (text.trimmed() == stopBitsName(stopBits))
            return stopBits;
    }
    *error = QStringLiteral("stop bits must be 1, 1.5 or 2, not '%1'").arg(text);
    return std::nullopt;
}

std::optional<SerialSpec::FlowControl> SerialSpec::parseFlowControl(const QString &text, QString *error)
{
    for (FlowControl flowControl : FlowControls) {
        if (text.trimmed().compare(flowControlName(flowControl), Qt::CaseInsensitive) == 0)
            return flowControl;
    }
    *error = QStringLiteral("flow control must be none, hardware (RTS/CTS) or software (XON/XOFF), not '%1'").arg(text);
    return std::nullopt;
}

std::optional<bool> SerialSpec::parseOnOff(const QString &text, QString *error)
{
    const QString word = text.trimmed().toLower();
    if (word == QLatin1String("on") || word == QLatin1String("1") || word == QLatin1String("true"))
        return true;
    if (word == QLatin1String("off") || word == QLatin1String("0") || word == QLatin1String("false"))
        return false;
    *error = QStringLiteral("expected on or off, not '%1'").arg(text);
    return std::nullopt;
}

bool SerialSpec::parseCharacterFormat(const QString &text, SerialSpec *spec, QString *error)
{
    static const QRegularExpression format(QStringLiteral("^([5-8])([NEOSM])(1|1\\.5|2)$"),
                                           QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = format.match(text.trimmed());
    if (!match.hasMatch()) {
        *error = QStringLiteral("'%1' is not a character format: data bits 5-8, a parity letter (N none, E even, "
                                "O odd, S space, M mark), stop bits 1, 1.5 or 2, as in 8N1 or 7E2")
                     .arg(text);
        return false;
    }
    spec->dataBits = match.captured(1).toInt();
    const QChar letter = match.captured(2).at(0).toUpper();
    for (Parity parity : Parities) {
        if (parityLetter(parity) == letter)
            spec->parity = parity;
    }
    for (StopBits stopBits : AllStopBits) {
        if (match.captured(3) == stopBitsName(stopBits))
            spec->stopBits = stopBits;
    }
    return true;
}

QJsonObject SerialSpec::toJson() const
{
    return QJsonObject{
        {DeviceKey, device},
        {BaudKey, baudRate},
        {DataBitsKey, dataBits},
        {ParityKey, parityName(parity)},
        // A number, as people write it: 1, 1.5, 2.
        {StopBitsKey, stopBits == StopBits::OneAndHalf ? QJsonValue(1.5) : QJsonValue(stopBits == StopBits::Two ? 2 : 1)},
        {FlowKey, flowControlName(flowControl)},
        {DtrKey, dtr},
        {RtsKey, rts},
    };
}

std::optional<SerialSpec> SerialSpec::fromJson(const QJsonObject &json, QString *error)
{
    const QStringList known{DeviceKey, BaudKey, DataBitsKey, ParityKey, StopBitsKey, FlowKey, DtrKey, RtsKey};
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!known.contains(it.key())) {
            *error = QStringLiteral("unknown key %1 (known: %2)").arg(JsonFile::quoted(it.key()), known.join(QStringLiteral(", ")));
            return std::nullopt;
        }
    }
    QString problem;
    // Each reader leaves the value as it was when the key is absent, and
    // records the first problem, naming the key.
    const auto fail = [&](const QString &key, const QString &why) {
        if (problem.isEmpty())
            problem = QStringLiteral("\"%1\": %2").arg(key, why);
    };
    const auto word = [&](const QString &key, auto parse, auto *field) {
        const QJsonValue value = json.value(key);
        if (value.isUndefined())
            return;
        if (!value.isString()) {
            fail(key, QStringLiteral("must be a string, not %1").arg(JsonFile::typeName(value)));
            return;
        }
        QString why;
        if (const auto parsed = parse(value.toString(), &why))
            *field = *parsed;
        else
            fail(key, why);
    };
    const auto boolean = [&](const QString &key, bool *field) {
        const QJsonValue value = json.value(key);
        if (value.isUndefined())
            return;
        if (!value.isBool())
            fail(key, QStringLiteral("must be true or false, not %1").arg(JsonFile::typeName(value)));
        else
            *field = value.toBool();
    };
    const auto wholeNumber = [&](const QString &key, qint64 min, qint64 max) -> std::optional<qint64> {
        const QJsonValue value = json.value(key);
        if (value.isUndefined())
            return std::nullopt;
        const double number = value.toDouble(-1);
        if (!value.isDouble() || number != double(qint64(number)) || number < double(min) || number > double(max)) {
            fail(key, QStringLiteral("must be a whole number from %1 to %2, not %3")
                          .arg(min)
                          .arg(max)
                          .arg(value.isDouble() ? QString::number(number) : JsonFile::typeName(value)));
            return std::nullopt;
        }
        return qint64(number);
    };

    SerialSpec spec;
    const QJsonValue device = json.value(DeviceKey);
    if (!device.isString() || device.toString().trimmed().isEmpty())
        fail(DeviceKey, device.isUndefined() ? QStringLiteral("is missing: name the device to open (/dev/ttyUSB0, COM3)")
                                             : QStringLiteral("must be a device path such as /dev/ttyUSB0, not %1")
                                                   .arg(device.isString() ? QStringLiteral("an empty string")
                                                                          : JsonFile::typeName(device)));
    spec.device = device.toString();
    if (const std::optional<qint64> baud = wholeNumber(BaudKey, 1, MaxBaudRate))
        spec.baudRate = qint32(*baud);
    if (const std::optional<qint64> bits = wholeNumber(DataBitsKey, 5, 8))
        spec.dataBits = int(*bits);
    word(ParityKey, &SerialSpec::parseParity, &spec.parity);
    const QJsonValue stopBits = json.value(StopBitsKey);
    if (!stopBits.isUndefined()) {
        const double number = stopBits.toDouble(-1);
        if (stopBits.isDouble() && (number == 1 || number == 1.5 || number == 2))
            spec.stopBits = number == 1 ? StopBits::One : number == 2 ? StopBits::Two : StopBits::OneAndHalf;
        else
            fail(StopBitsKey, QStringLiteral("must be 1, 1.5 or 2, not %1")
                                  .arg(stopBits.isDouble() ? QString::number(number) : JsonFile::typeName(stopBits)));
    }
    word(FlowKey, &SerialSpec::parseFlowControl, &spec.flowControl);
    boolean(DtrKey, &spec.dtr);
    boolean(RtsKey, &spec.rts);
    if (problem.isEmpty())
        problem = spec.validate();
    if (!problem.isEmpty()) {
        *error = problem;
        return std::nullopt;
    }
    return spec;
}

} // namespace SockPlay
