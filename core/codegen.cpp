#include "codegen.h"

#include "codegen_p.h"
#include "codeliteral.h"
#include "codetemplate.h"
#include "payloadcodec.h"

#include <QFile>

namespace SockPlay {

using namespace CodegenDetail;

// ------------------------------------------------------------------ names

QStringList ProgramSpec::languageNames()
{
    return {QStringLiteral("python"), QStringLiteral("go"), QStringLiteral("cpp")};
}

QStringList ProgramSpec::kindNames()
{
    return {QStringLiteral("tcp-server"), QStringLiteral("tcp-client"), QStringLiteral("udp-receiver"),
            QStringLiteral("udp-sender"), QStringLiteral("serial-port")};
}

QString ProgramSpec::languageName(Language language)
{
    return languageNames().value(int(language));
}

QString ProgramSpec::kindName(Kind kind)
{
    if (kind == Kind::Relay)
        return QStringLiteral("relay");
    return kindNames().value(int(kind));
}

std::optional<ProgramSpec::Language> ProgramSpec::parseLanguage(const QString &name)
{
    const qsizetype index = languageNames().indexOf(name);
    if (index < 0)
        return std::nullopt;
    return Language(index);
}

std::optional<ProgramSpec::Kind> ProgramSpec::parseKind(const QString &name)
{
    const qsizetype index = kindNames().indexOf(name);
    if (index < 0)
        return std::nullopt;
    return Kind(index);
}

QString ProgramSpec::languageTitle(Language language)
{
    switch (language) {
    case Language::Python: return QStringLiteral("Python");
    case Language::Go: return QStringLiteral("Go");
    case Language::Cpp: return QStringLiteral("C++");
    }
    return {};
}

// ------------------------------------------------------- from an endpoint

namespace {

/// The bytes a connect rule sends, when they are fixed (no macros that
/// change per send, no file read at send time).
std::optional<QByteArray> fixedReply(const Rule &rule)
{
    if (rule.reply == Rule::Reply::Hex) {
        const ParseResult parsed = PayloadCodec::parseHex(rule.replyText);
        return parsed.ok ? std::optional<QByteArray>(parsed.bytes) : std::nullopt;
    }
    if (rule.reply != Rule::Reply::Text || rule.replyText.contains(QLatin1String("{{")))
        return std::nullopt;
    QString error;
    const std::optional<ReplyTemplate> parsed = ReplyTemplate::parse(rule.replyText, &error);
    if (!parsed || parsed->highestCapture() > 0)
        return std::nullopt;
    return parsed->expand({}, 1, &error);
}

} // namespace

ProgramSpec programFromEndpoint(const EndpointConfig &config, ProgramSpec::Language language,
                                const QByteArray &message)
{
    ProgramSpec spec;
    spec.language = language;
    if (config.transport == Transport::Serial)
        return serialProgramFromEndpoint(config, language, message);
    if (config.transport == Transport::Relay && language == ProgramSpec::Language::Python)
        return relayProgramFromEndpoint(config);
    // TLS and WebSocket run over a TCP connection, DTLS over UDP: the
    // program is that TCP (UDP) program, and notShown says what layer it leaves out.
    const bool tcp = config.transport != Transport::Udp && config.transport != Transport::Dtls;
    const bool server = config.role == Role::Server;
    spec.kind = tcp ? (server ? ProgramSpec::Kind::TcpServer : ProgramSpec::Kind::TcpClient)
                    : (server ? ProgramSpec::Kind::UdpReceiver : ProgramSpec::Kind::UdpSender);
    if (!config.host.trimmed().isEmpty())
        spec.host = config.host.trimmed();
    spec.port = config.port;
    if (server)
        spec.echo = config.echo;
    else
        spec.message = message;
    if (!server && config.echo)
        spec.notShown.append(QStringLiteral("SockPlay's echo on a client is not shown here."));
    if (config.transport == Transport::Tls)
        spec.notShown.append(QStringLiteral("TLS is not shown here: this is the plain TCP program under it "
                                            "(the handshake and the encryption are left out)."));
    if (config.transport == Transport::Dtls)
        spec.notShown.append(QStringLiteral("DTLS is not shown here: this is the plain UDP program under it "
                                            "(the cookie exchange, the handshake and the encryption are left out)."));
    if (config.transport == Transport::WebSocket)
        spec.notShown.append(QStringLiteral("WebSocket is not shown here: this is the plain TCP program under it "
                                            "(the HTTP upgrade and the message frames are left out)."));
    if (config.transport == Transport::Relay)
        spec.notShown.append(QStringLiteral("The relay is not shown here in %1 (pick Python): this is a TCP server on "
                                            "its listening port; opening a connection to %2 for each client and "
                                            "passing the bytes both ways are left out.")
                                 .arg(ProgramSpec::languageTitle(language), config.relay.targetText()));

    bool greetingTaken = false;
    bool otherRules = false;
    for (const Rule &rule : config.rules) {
        if (!rule.enabled)
            continue;
        if (!greetingTaken && tcp && server && rule.match == Rule::Match::Connect) {
            if (const std::optional<QByteArray> greeting = fixedReply(rule)) {
                spec.greeting = *greeting;
                spec.closeAfterGreeting = rule.closeAfter;
                greetingTaken = true;
                if (rule.delayMs > 0)
                    spec.notShown.append(QStringLiteral("SockPlay waits %1 ms before the greeting; this program "
                                                        "sends it at once.").arg(rule.delayMs));
                continue;
            }
        }
        otherRules = true;
    }
    if (otherRules)
        spec.notShown.append(QStringLiteral("SockPlay's rules other than a greeting are not shown here."));

    if (tcp) {
        switch (config.frame.kind) {
        case FrameSpec::Kind::Raw:
            break;
        case FrameSpec::Kind::Line:
            spec.lineFraming = true;
            break;
        case FrameSpec::Kind::Crlf:
            spec.lineFraming = true;
            spec.notShown.append(QStringLiteral("SockPlay cuts lines at CR LF; this program cuts them at LF."));
            break;
        default:
            spec.notShown.append(QStringLiteral("SockPlay's framing (%1) is not shown here: this program reads "
                                                "the stream as it comes.").arg(config.frame.describe()));
            break;
        }
        if (config.noDelay)
            spec.notShown.append(QStringLiteral("TCP_NODELAY (Nagle's algorithm off) is not shown here."));
        if (server && config.relayToOthers)
            spec.notShown.append(QStringLiteral("SockPlay's chat relay (each message passed on to the other "
                                                "clients) is not shown here."));
    } else {
        if (config.simLink.isActive())
            spec.notShown.append(QStringLiteral("SockPlay's simulated link (loss, duplicates, delay) is not shown "
                                                "here: this program uses the network as it is."));
        if (server && !config.multicastGroups.isEmpty())
            spec.notShown.append(QStringLiteral("Joining the multicast groups (%1) is not shown here: this program "
                                                "gets only datagrams sent to its own address.")
                                     .arg(config.multicastGroups.join(QStringLiteral(", "))));
        if (!server && (config.multicastTtl >= 0 || !config.multicastLoopback || config.broadcast
                        || !config.multicastInterface.trimmed().isEmpty()))
            spec.notShown.append(QStringLiteral("The multicast and broadcast options (TTL, loopback, interface, "
                                                "SO_BROADCAST) are not shown here."));
    }
    return spec;
}

// ------------------------------------------------------------- generating

namespace {

/// A template compiled in from resources/code/; a missing one is said in *error.
QString readTemplate(const QString &path, QString *error)
{
    QFile file(QStringLiteral(":/sockplay/code/") + path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error->isEmpty())
            *error = QStringLiteral("no template %1: %2").arg(path, file.errorString());
        return {};
    }
    return QString::fromUtf8(file.readAll());
}

/// One line in plain words: what the program does.
QString titleOf(const ProgramSpec &spec)
{
    QStringList does;
    switch (spec.kind) {
    case ProgramSpec::Kind::TcpServer: {
        const bool greets = !spec.greeting.isEmpty();
        const bool hangsUp = greets && spec.closeAfterGreeting;
        QString title = QStringLiteral("A TCP server that ");
        if (greets)
            title += hangsUp ? QStringLiteral("greets each client and hangs up") : QStringLiteral("greets each client, then ");
        if (!hangsUp)
            title += (spec.echo ? QStringLiteral("echoes") : QStringLiteral("prints")) + QStringLiteral(" what it receives")
                + (spec.lineFraming ? QStringLiteral(", line by line") : QString());
        return title;
    }
    case ProgramSpec::Kind::TcpClient:
        return spec.message.isEmpty() ? QStringLiteral("A TCP client that prints what the server sends")
                                      : QStringLiteral("A TCP client that sends a message and prints the reply");
    case ProgramSpec::Kind::UdpReceiver:
        return spec.echo ? QStringLiteral("A UDP receiver that echoes each datagram")
                         : QStringLiteral("A UDP receiver that prints each datagram");
    case ProgramSpec::Kind::UdpSender:
        return QStringLiteral("A UDP sender that sends a datagram and waits a second for a reply");
    case ProgramSpec::Kind::SerialPort:
        return spec.message.isEmpty() ? QStringLiteral("A serial port program that prints what the device sends")
                                      : QStringLiteral("A serial port program that sends a message and prints the reply");
    case ProgramSpec::Kind::Relay:
        return relayTitle(spec);
    }
    return {};
}

QString commented(const QStringList &lines, const QString &marker)
{
    QStringList out;
    for (const QString &line : lines)
        out.append(line.isEmpty() ? marker : marker + QLatin1Char(' ') + line);
    return out.join(QLatin1Char('\n'));
}

} // namespace

GeneratedProgram generateProgram(const ProgramSpec &spec)
{
    GeneratedProgram program;
    const QString base = ProgramSpec::kindName(spec.kind).replace(QLatin1Char('-'), QLatin1Char('_'));
    const bool tcpServer = spec.kind == ProgramSpec::Kind::TcpServer;
    const bool tcpClient = spec.kind == ProgramSpec::Kind::TcpClient;

    QByteArray message = spec.message;
    if (spec.kind == ProgramSpec::Kind::UdpSender && message.isEmpty())
        message = QByteArrayLiteral("hello");
    // A line server waits for the end of the line: the client's message ends one.
    if (tcpClient && spec.lineFraming && !message.isEmpty() && !message.endsWith('\n'))
        message += '\n';
    const bool greet = tcpServer && !spec.greeting.isEmpty();

    QString directory;
    QString extension;
    QString marker = QStringLiteral("//");
    switch (spec.language) {
    case ProgramSpec::Language::Python:
        directory = QStringLiteral("python/");
        extension = QStringLiteral(".py");
        marker = QStringLiteral("#");
        break;
    case ProgramSpec::Language::Go:
        directory = QStringLiteral("go/");
        extension = QStringLiteral(".go");
        break;
    case ProgramSpec::Language::Cpp:
        directory = QStringLiteral("cpp/");
        extension = QStringLiteral(".cpp");
        break;
    }
    program.fileName = base + extension;
    const bool serial = spec.kind == ProgramSpec::Kind::SerialPort;
    const bool relay = spec.kind == ProgramSpec::Kind::Relay;
    if (serial && spec.language != ProgramSpec::Language::Python)
        return serialNotShown(spec, titleOf(spec), program.fileName);
    if (relay && spec.language != ProgramSpec::Language::Python)
        return relayNotShown(spec, titleOf(spec), program.fileName);
    const QString notes = commented(spec.notShown, marker);

    QString error; // the first template problem
    const auto render = [&error](const CodeTemplate &code) {
        QString problem;
        QString text = code.render(&problem);
        if (error.isEmpty())
            error = problem;
        return text;
    };
    CodeTemplate source(readTemplate(directory + base + extension, &error));
    source.setValue(QStringLiteral("TITLE"), titleOf(spec));
    source.setValue(QStringLiteral("FILE"), program.fileName);
    source.setValue(QStringLiteral("NOTES"), notes);
    source.setFlag(QStringLiteral("echo"), spec.echo);
    source.setFlag(QStringLiteral("greet"), greet);
    source.setFlag(QStringLiteral("close"), greet && spec.closeAfterGreeting);
    // A server that hangs up after its greeting reads nothing: no lines either.
    source.setFlag(QStringLiteral("line"), (spec.isTcp() || serial) && spec.lineFraming && !(greet && spec.closeAfterGreeting));
    source.setFlag(QStringLiteral("message"), !message.isEmpty());

    switch (spec.language) {
    case ProgramSpec::Language::Python:
        source.setValue(QStringLiteral("HOST"), CodeLiteral::pythonString(spec.host));
        source.setValue(QStringLiteral("PORT"), QString::number(spec.port));
        // An IPv6 address needs an IPv6 socket; names and IPv4 addresses an IPv4 one.
        source.setValue(QStringLiteral("FAMILY"), spec.host.contains(QLatin1Char(':')) ? QStringLiteral("socket.AF_INET6")
                                                                                      : QStringLiteral("socket.AF_INET"));
        source.setValue(QStringLiteral("GREETING"), CodeLiteral::pythonBytes(spec.greeting));
        source.setValue(QStringLiteral("MESSAGE"), CodeLiteral::pythonBytes(message));
        if (serial) {
            const SerialSpec &line = spec.serial;
            source.setValue(QStringLiteral("DEVICE"), CodeLiteral::pythonString(line.device));
            source.setValue(QStringLiteral("SETTINGS"), line.settingsText());
            source.setValue(QStringLiteral("BAUD"), QString::number(line.baudRate));
            source.setValue(QStringLiteral("BYTESIZE"), pythonSerialConstant(line, "bytesize"));
            source.setValue(QStringLiteral("PARITY"), pythonSerialConstant(line, "parity"));
            source.setValue(QStringLiteral("STOPBITS"), pythonSerialConstant(line, "stopbits"));
            const bool software = line.flowControl == SerialSpec::FlowControl::Software;
            const bool hardware = line.flowControl == SerialSpec::FlowControl::Hardware;
            source.setValue(QStringLiteral("XONXOFF"), software ? QStringLiteral("True") : QStringLiteral("False"));
            source.setValue(QStringLiteral("RTSCTS"), hardware ? QStringLiteral("True") : QStringLiteral("False"));
            source.setFlag(QStringLiteral("dtr"), line.dtr);
            source.setFlag(QStringLiteral("rts"), line.rts || hardware);
        }
        if (relay)
            fillRelayTemplate(spec, &source);
        break;
    case ProgramSpec::Language::Go:
        source.setValue(QStringLiteral("HOST"), CodeLiteral::goString(spec.host.toUtf8()));
        source.setValue(QStringLiteral("PORT"), CodeLiteral::goString(QByteArray::number(spec.port)));
        source.setValue(QStringLiteral("GREETING"), CodeLiteral::goString(spec.greeting));
        source.setValue(QStringLiteral("MESSAGE"), CodeLiteral::goString(message));
        break;
    case ProgramSpec::Language::Cpp: {
        CodeTemplate cmake(readTemplate(QStringLiteral("cpp/CMakeLists.txt.in"), &error));
        cmake.setValue(QStringLiteral("TARGET"), base);
        cmake.setValue(QStringLiteral("FILE"), program.fileName);
        program.cmakeLists = render(cmake);
        CodeTemplate header(readTemplate(QStringLiteral("cpp/header.in"), &error));
        header.setValue(QStringLiteral("TITLE"), titleOf(spec));
        QStringList cmakeLines = program.cmakeLists.split(QLatin1Char('\n'));
        cmakeLines.removeLast(); // after the last newline
        for (QString &line : cmakeLines)
            line.prepend(QStringLiteral("  ")); // set off from the prose
        header.setValue(QStringLiteral("CMAKE"), commented(cmakeLines, marker));
        header.setValue(QStringLiteral("TARGET"), base);
        header.setValue(QStringLiteral("NOTES"), notes);
        QString headerText = render(header);
        headerText.chop(1); // the template's line carries its own newline
        source.setValue(QStringLiteral("HEADER"), headerText);
        source.setValue(QStringLiteral("HOST"), CodeLiteral::cppString(spec.host));
        source.setValue(QStringLiteral("PORT"), QString::number(spec.port));
        source.setValue(QStringLiteral("GREETING"), CodeLiteral::cppByteArrayArguments(spec.greeting));
        source.setValue(QStringLiteral("MESSAGE"), CodeLiteral::cppByteArrayArguments(message));
        break;
    }
    }
    program.source = render(source);
    program.error = error;
    return program;
}

} // namespace SockPlay
