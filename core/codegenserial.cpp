// The serial port's part of the code view's programs (codegen.cpp): a
// pyserial program in Python, a "not shown" note in Go and C++.

#include "codegen_p.h"

#include <algorithm>

namespace SockPlay::CodegenDetail {

/// A serial port's program: the device, its settings, the message; what
/// else the endpoint does is listed as not shown.
ProgramSpec serialProgramFromEndpoint(const EndpointConfig &config, ProgramSpec::Language language,
                                      const QByteArray &message)
{
    ProgramSpec spec;
    spec.language = language;
    spec.kind = ProgramSpec::Kind::SerialPort;
    spec.serial = config.serial;
    spec.host.clear();
    spec.message = message;
    if (config.frame.kind == FrameSpec::Kind::Line)
        spec.lineFraming = true;
    else if (config.frame.kind != FrameSpec::Kind::Raw)
        spec.notShown.append(QStringLiteral("SockPlay's framing (%1) is not shown here: this program reads "
                                            "the bytes as they come.").arg(config.frame.describe()));
    if (config.echo)
        spec.notShown.append(QStringLiteral("SockPlay's echo is not shown here."));
    if (std::any_of(config.rules.cbegin(), config.rules.cend(), [](const Rule &rule) { return rule.enabled; }))
        spec.notShown.append(QStringLiteral("SockPlay's rules are not shown here."));
    return spec;
}

/// Go's standard library has no serial ports, and the C++ programs are Qt
/// network programs: for those a serial port is said not to be shown.
GeneratedProgram serialNotShown(const ProgramSpec &spec, const QString &title, const QString &fileName)
{
    GeneratedProgram program;
    program.fileName = fileName;
    const QString language = ProgramSpec::languageTitle(spec.language);
    QStringList lines{title + QStringLiteral(": not shown in %1.").arg(language)};
    if (spec.language == ProgramSpec::Language::Go)
        lines.append(QStringLiteral("Go's standard library has no serial ports (a package such as go.bug.st/serial "
                                    "opens them)."));
    else
        lines.append(QStringLiteral("Qt's QSerialPort, the class SockPlay uses, opens them; this view writes "
                                    "network programs in C++."));
    lines.append(QStringLiteral("Pick Python: the same port (%1 at %2) as a pyserial program.")
                     .arg(spec.serial.device, spec.serial.settingsText()));
    for (QString &line : lines)
        line.prepend(QStringLiteral("// "));
    program.source = lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
    return program;
}

QString pythonSerialConstant(const SerialSpec &spec, const char *what)
{
    const QByteArray name(what);
    if (name == "bytesize") {
        static const char *const sizes[] = {"serial.FIVEBITS", "serial.SIXBITS", "serial.SEVENBITS", "serial.EIGHTBITS"};
        return QLatin1String(sizes[qBound(5, spec.dataBits, 8) - 5]);
    }
    if (name == "parity") {
        switch (spec.parity) {
        case SerialSpec::Parity::None: break;
        case SerialSpec::Parity::Even: return QStringLiteral("serial.PARITY_EVEN");
        case SerialSpec::Parity::Odd: return QStringLiteral("serial.PARITY_ODD");
        case SerialSpec::Parity::Space: return QStringLiteral("serial.PARITY_SPACE");
        case SerialSpec::Parity::Mark: return QStringLiteral("serial.PARITY_MARK");
        }
        return QStringLiteral("serial.PARITY_NONE");
    }
    switch (spec.stopBits) {
    case SerialSpec::StopBits::One: break;
    case SerialSpec::StopBits::OneAndHalf: return QStringLiteral("serial.STOPBITS_ONE_POINT_FIVE");
    case SerialSpec::StopBits::Two: return QStringLiteral("serial.STOPBITS_TWO");
    }
    return QStringLiteral("serial.STOPBITS_ONE");
}

} // namespace SockPlay::CodegenDetail
