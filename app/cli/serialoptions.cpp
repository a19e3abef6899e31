#include "serialoptions.h"

#include <algorithm>

namespace SockPlay::Cli::SerialOptions {

void declare(CliOptions &options)
{
    options.addOption({QStringLiteral("baud"),
                       QStringLiteral("Bits per second, any whole number the device takes (common: 9600, 19200, "
                                      "38400, 57600, 115200, 230400, 460800, 921600). Required."),
                       QStringLiteral("N")});
    options.addOption({QStringLiteral("data-bits"), QStringLiteral("Bits per character: 5, 6, 7 or 8 (default 8)."),
                       QStringLiteral("N")});
    options.addOption({QStringLiteral("parity"),
                       QStringLiteral("none (default), even, odd, space or mark."), QStringLiteral("PARITY")});
    options.addOption({QStringLiteral("stop-bits"),
                       QStringLiteral("1 (default), 1.5 (with 5 data bits only) or 2."), QStringLiteral("N")});
    options.addOption({QStringLiteral("mode"),
                       QStringLiteral("Data bits, parity and stop bits at once: 8N1 (the default), 7E1, 8O2, 5N1.5 "
                                      "(N none, E even, O odd, S space, M mark)."),
                       QStringLiteral("FORMAT")});
    options.addOption({QStringLiteral("flow"),
                       QStringLiteral("Flow control: none (default), hardware (RTS/CTS) or software (XON/XOFF)."),
                       QStringLiteral("FLOW")});
    options.addOption({QStringLiteral("dtr"),
                       QStringLiteral("DTR after opening: on (default, as opening leaves it) or off."),
                       QStringLiteral("on|off")});
    options.addOption({QStringLiteral("rts"),
                       QStringLiteral("RTS after opening: on (default) or off (not with --flow hardware)."),
                       QStringLiteral("on|off")});
}

QStringList names()
{
    return {QStringLiteral("baud"), QStringLiteral("data-bits"), QStringLiteral("parity"), QStringLiteral("stop-bits"),
            QStringLiteral("mode"), QStringLiteral("flow"), QStringLiteral("dtr"), QStringLiteral("rts")};
}

namespace {

/// An option's value through a SerialSpec parser; a usage error names the option.
template <typename Parse> auto settingOf(CliOptions &options, const QString &name, Parse parse)
{
    QString error;
    auto value = parse(options.value(name), &error);
    if (!value)
        options.fail(QStringLiteral("invalid value for --%1: %2").arg(name, error));
    return value;
}

} // namespace

void read(CliOptions &options, SerialSpec *target)
{
    SerialSpec &spec = *target;
    if (!options.isSet(QStringLiteral("baud")))
        options.fail(QStringLiteral("--baud is required: the device's speed in bits per second (common: 9600, 115200)"));
    else if (const auto baud = settingOf(options, QStringLiteral("baud"), &SerialSpec::parseBaudRate))
        spec.baudRate = *baud;

    const QStringList parts{QStringLiteral("data-bits"), QStringLiteral("parity"), QStringLiteral("stop-bits")};
    if (options.isSet(QStringLiteral("mode"))) {
        if (std::any_of(parts.cbegin(), parts.cend(), [&](const QString &part) { return options.isSet(part); }))
            options.fail(QStringLiteral("--mode sets data bits, parity and stop bits at once: give it, or "
                                        "--data-bits, --parity and --stop-bits, not both"));
        QString error;
        if (!SerialSpec::parseCharacterFormat(options.value(QStringLiteral("mode")), &spec, &error))
            options.fail(QStringLiteral("invalid value for --mode: ") + error);
    }
    if (options.isSet(QStringLiteral("data-bits"))) {
        if (const auto bits = settingOf(options, QStringLiteral("data-bits"), &SerialSpec::parseDataBits))
            spec.dataBits = *bits;
    }
    if (options.isSet(QStringLiteral("parity"))) {
        if (const auto parity = settingOf(options, QStringLiteral("parity"), &SerialSpec::parseParity))
            spec.parity = *parity;
    }
    if (options.isSet(QStringLiteral("stop-bits"))) {
        if (const auto stopBits = settingOf(options, QStringLiteral("stop-bits"), &SerialSpec::parseStopBits))
            spec.stopBits = *stopBits;
    }
    if (options.isSet(QStringLiteral("flow"))) {
        if (const auto flow = settingOf(options, QStringLiteral("flow"), &SerialSpec::parseFlowControl))
            spec.flowControl = *flow;
    }
    if (options.isSet(QStringLiteral("dtr"))) {
        if (const auto on = settingOf(options, QStringLiteral("dtr"), &SerialSpec::parseOnOff))
            spec.dtr = *on;
    }
    if (options.isSet(QStringLiteral("rts"))) {
        if (const auto on = settingOf(options, QStringLiteral("rts"), &SerialSpec::parseOnOff))
            spec.rts = *on;
    }
    if (const QString problem = spec.validate(); !problem.isEmpty())
        options.fail(problem);
}

} // namespace SockPlay::Cli::SerialOptions
