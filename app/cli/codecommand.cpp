#include "codecommand.h"

#include "console.h"
#include "payloadcodec.h"
#include "serialoptions.h"

namespace SockPlay::Cli {

CodeCommand::CodeCommand(const QString &name, const QString &summary, QObject *parent)
    : CliCommand(parent)
    , m_options(name, summary
                    + QStringLiteral("\n\nThe program does what a SockPlay endpoint set up the same way does, "
                                     "written to be read: one socket call per line where the language "
                                     "allows, each named as SockPlay's lifecycle view names it. Servers "
                                     "print \"listening on HOST:PORT\" with the real port (PORT 0: the "
                                     "system picks one) and serve until stopped; clients and senders "
                                     "send their message and print what comes back (a UDP sender waits "
                                     "one second)."))
{
}

CliOptions::Outcome CodeCommand::parse(const QStringList &arguments)
{
    m_options.addExamples({
        {QStringLiteral("python tcp-server 127.0.0.1 12345 --greet 'Welcome to the server!' > server.py"),
         QStringLiteral("the tutorial's welcome server; run it with python3 server.py")},
        {QStringLiteral("go tcp-client 127.0.0.1 8080 --message 'hello\\n' --frame line > client.go"),
         QStringLiteral("the Go tutorial's echo client; run it with go run client.go")},
        {QStringLiteral("cpp udp-receiver 127.0.0.1 0 --echo > udp_receiver.cpp"),
         QStringLiteral("a Qt UDP echo receiver...")},
        {QStringLiteral("cpp udp-receiver 127.0.0.1 0 --echo --cmake > CMakeLists.txt"),
         QStringLiteral("...and the CMakeLists.txt that builds it: cmake -S . -B build && cmake --build build")},
        {QStringLiteral("python serial-port /dev/ttyUSB0 --baud 115200 --message 'AT\\r\\n' --frame line > modem.py"),
         QStringLiteral("a pyserial program: send AT, print the line that comes back (python3 modem.py)")},
    });
    m_options.addOption({QStringLiteral("echo"),
                         QStringLiteral("Servers (tcp-server, udp-receiver): send every message straight back.")});
    m_options.addOption({QStringLiteral("greet"),
                         QStringLiteral("tcp-server: send TEXT to each client as it connects, then hang up "
                                        "(with --echo: then echo). Escapes as in a MESSAGE (\\n, \\x41); "
                                        "hex with --hex."),
                         QStringLiteral("TEXT")});
    m_options.addOption({QStringLiteral("message"),
                         QStringLiteral("Clients (tcp-client, udp-sender, serial-port): what to send. Escapes as "
                                        "above; hex with --hex. Without it a TCP client only prints what the "
                                        "server sends, a UDP sender sends \"hello\", a serial port only reads."),
                         QStringLiteral("TEXT")});
    m_options.addOption({QStringLiteral("frame"),
                         QStringLiteral("TCP and serial-port: line (messages are lines: the server reads line by "
                                        "line, the client ends its message with a newline and reads one line back) "
                                        "or raw (the default: the stream as it comes)."),
                         QStringLiteral("line|raw"), QStringLiteral("raw")});
    // serial-port: the line's settings, as `serial` takes them.
    SerialOptions::declare(m_options);
    m_options.addOption({QStringLiteral("cmake"),
                         QStringLiteral("cpp: print the CMakeLists.txt that builds the program instead "
                                        "(the program carries it as a comment too).")});
    m_options.addPositional(QStringLiteral("LANGUAGE"),
                            QStringLiteral("%1 (Python's socket module, Go's net, C++ with Qt).")
                                .arg(ProgramSpec::languageNames().join(QStringLiteral(", "))));
    m_options.addPositional(QStringLiteral("KIND"), ProgramSpec::kindNames().join(QStringLiteral(", "))
                                                        + QLatin1Char('.'));
    m_options.addPositional(QStringLiteral("HOST"),
                            QStringLiteral("Servers: the address to listen on; clients: the server's; serial-port: "
                                           "the device (/dev/ttyUSB0)."));
    m_options.addPositional(QStringLiteral("PORT"),
                            QStringLiteral("Servers: the port to listen on (0: the system picks); clients: "
                                           "the server's; serial-port: none."),
                            true);
    const CliOptions::Outcome outcome = m_options.parse(arguments);
    if (outcome != CliOptions::Outcome::Run)
        return outcome;

    for (const char *unused : {"json", "verbose", "log-capacity", "log-payload-bytes", "log-event-bytes"}) {
        if (m_options.isSet(QLatin1String(unused)))
            m_options.fail(QStringLiteral("--%1 is not an option of code: it prints a program and runs nothing")
                               .arg(QLatin1String(unused)));
    }
    const QString languageText = m_options.positional(0);
    const QString kindText = m_options.positional(1);
    const std::optional<ProgramSpec::Language> language = ProgramSpec::parseLanguage(languageText);
    const std::optional<ProgramSpec::Kind> kind = ProgramSpec::parseKind(kindText);
    if (!language)
        m_options.fail(QStringLiteral("unknown language '%1': expected one of %2")
                           .arg(languageText, ProgramSpec::languageNames().join(QStringLiteral(", "))));
    if (!kind)
        m_options.fail(QStringLiteral("unknown kind '%1': expected one of %2")
                           .arg(kindText, ProgramSpec::kindNames().join(QStringLiteral(", "))));
    if (m_options.hasError())
        return CliOptions::Outcome::UsageError;

    m_spec.language = *language;
    m_spec.kind = *kind;
    const bool serial = m_spec.kind == ProgramSpec::Kind::SerialPort;
    const QString kindName = ProgramSpec::kindName(m_spec.kind);
    if (serial) {
        m_spec.host.clear();
        m_spec.serial.device = m_options.positional(2).trimmed();
        if (m_spec.serial.device.isEmpty())
            m_options.fail(QStringLiteral("DEVICE is empty: serial-port takes the device (/dev/ttyUSB0) where HOST is"));
        else if (m_options.hasPositional(3))
            m_options.fail(QStringLiteral("serial-port takes a DEVICE and no PORT (its speed is --baud N)"));
        SerialOptions::read(m_options, &m_spec.serial);
    } else {
        m_spec.host = m_options.positional(2).trimmed();
        if (m_spec.host.isEmpty())
            m_options.fail(QStringLiteral("HOST is empty"));
        if (!m_options.hasPositional(3))
            m_options.fail(QStringLiteral("missing PORT"));
        else
            m_spec.port = m_options.port(m_options.positional(3), m_spec.isServer() ? CliOptions::PortUse::Listen
                                                                                     : CliOptions::PortUse::Peer);
        for (const QString &name : SerialOptions::names()) {
            if (m_options.isSet(name)) {
                m_options.fail(QStringLiteral("--%1 is for serial-port, not %2").arg(name, kindName));
                break;
            }
        }
    }
    const auto onlyFor = [this, &kindName](const char *option, bool allowed, const QString &which) {
        if (m_options.isSet(QLatin1String(option)) && !allowed)
            m_options.fail(QStringLiteral("--%1 is for %2, not %3").arg(QLatin1String(option), which, kindName));
    };
    onlyFor("echo", m_spec.isServer(), QStringLiteral("tcp-server and udp-receiver"));
    onlyFor("greet", m_spec.kind == ProgramSpec::Kind::TcpServer, QStringLiteral("tcp-server"));
    onlyFor("message", !m_spec.isServer(), QStringLiteral("tcp-client, udp-sender and serial-port"));
    onlyFor("cmake", m_spec.language == ProgramSpec::Language::Cpp, QStringLiteral("cpp"));
    m_spec.echo = m_options.isSet(QStringLiteral("echo"));
    m_spec.greeting = bytesOption(QStringLiteral("greet"));
    m_spec.closeAfterGreeting = !m_spec.echo;
    m_spec.message = bytesOption(QStringLiteral("message"));
    m_cmake = m_options.isSet(QStringLiteral("cmake"));

    const QString frame = m_options.value(QStringLiteral("frame"));
    if (frame == QLatin1String("line")) {
        onlyFor("frame", m_spec.isTcp() || serial,
                QStringLiteral("tcp-server, tcp-client and serial-port (a datagram is a message)"));
        m_spec.lineFraming = true;
    } else if (frame != QLatin1String("raw")) {
        m_options.fail(QStringLiteral("--frame '%1': a program can be shown with line or raw framing").arg(frame));
    }
    return m_options.hasError() ? CliOptions::Outcome::UsageError : CliOptions::Outcome::Run;
}

QByteArray CodeCommand::bytesOption(const QString &name)
{
    if (!m_options.isSet(name))
        return {};
    const ParseResult parsed = m_options.hex() ? PayloadCodec::parseHex(m_options.value(name))
                                               : PayloadCodec::parseText(m_options.value(name));
    if (!parsed.ok)
        m_options.fail(QStringLiteral("--%1: %2").arg(name, parsed.error));
    return parsed.bytes;
}

void CodeCommand::run()
{
    const GeneratedProgram program = generateProgram(m_spec);
    if (!program.error.isEmpty()) {
        // A template out of step with the generator: a bug, said as one.
        Console::writeErr(QStringLiteral("sockplay-cli: code: the %1 template is broken: %2")
                              .arg(program.fileName, program.error));
        emit finished(ExitNetworkError);
        return;
    }
    Console::writeOut((m_cmake ? program.cmakeLists : program.source).toUtf8());
    emit finished(ExitDone);
}

} // namespace SockPlay::Cli
