#pragma once
// The equivalent program: what an endpoint does, written as a small program
// in Python (the socket module, as the tutorials write it), Go (net) or C++
// (Qt, the classes SockPlay itself uses), for a student to read and run.

#include "endpointtypes.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace SockPlay {

/// What a generated program does; a value type. The CLI's `code` command
/// fills it from its arguments, fromEndpoint() from an endpoint's settings.
struct ProgramSpec
{
    enum class Language : quint8 { Python, Go, Cpp };
    /// SerialPort: a device opened, written to and read (Python's pyserial
    /// only). Relay: a TCP server that connects to a target for each client
    /// and passes the bytes both ways, printing them (Python only; not one
    /// of the CLI's kinds).
    enum class Kind : quint8 { TcpServer, TcpClient, UdpReceiver, UdpSender, SerialPort, Relay };

    Language language = Language::Python;
    Kind kind = Kind::TcpServer;
    /// A server's address to listen on; a client's server.
    QString host = QStringLiteral("127.0.0.1");
    /// 0 (servers): the system picks; the program prints the port it got.
    quint16 port = 0;
    /// Servers: send every message straight back.
    bool echo = false;
    /// TCP server: sent to each client as it connects (empty: none)...
    QByteArray greeting;
    /// ...and then the connection is closed, as the tutorial's welcome
    /// server does, unless this is false (then it goes on: echo or print).
    bool closeAfterGreeting = true;
    /// Clients: sent once connected (TCP; empty: the client only listens,
    /// as the tutorial's client does) or as the datagram (UDP; empty: "hello",
    /// since a receiver learns of a sender only from a datagram).
    QByteArray message;
    /// TCP: messages are lines (the server reads line by line, the client
    /// ends its message with a newline and reads one line back).
    bool lineFraming = false;
    /// SerialPort: the device and its settings (host and port do not apply).
    SerialSpec serial;
    /// Relay: the target, and TLS on either side (a side's TLS is shown only
    /// with PEM files; programFromEndpoint() leaves out what Python's ssl
    /// cannot simply do, and says so in notShown).
    RelaySpec relay;
    /// What SockPlay's endpoint does that the program leaves out, one
    /// sentence each; they head the program as comments.
    QStringList notShown;

    bool isServer() const { return kind == Kind::TcpServer || kind == Kind::UdpReceiver || kind == Kind::Relay; }
    bool isTcp() const { return kind == Kind::TcpServer || kind == Kind::TcpClient; }

    /// The CLI's names: "python", "go", "cpp"; "tcp-server", "tcp-client",
    /// "udp-receiver", "udp-sender", "serial-port" (kindName() also names "relay").
    static QStringList languageNames();
    static QStringList kindNames();
    static QString languageName(Language language);
    static QString kindName(Kind kind);
    static std::optional<Language> parseLanguage(const QString &name);
    static std::optional<Kind> parseKind(const QString &name);
    /// For people: "Python", "Go", "C++".
    static QString languageTitle(Language language);

    bool operator==(const ProgramSpec &) const = default;
};

/// The spec of the program equivalent to an endpoint as configured: its
/// transport and role, address, port, echo, a greeting (the first enabled
/// `connect` rule that sends fixed text) and line framing. message is what
/// a client sends (the window passes its editor's bytes). Whatever else the
/// endpoint does (other rules, other framings, the simulated link, the chat
/// relay, TCP_NODELAY) is listed in notShown. A relay is a Relay program in
/// Python; in Go and C++ the TCP server under it, with a notShown line.
ProgramSpec programFromEndpoint(const EndpointConfig &config, ProgramSpec::Language language,
                                const QByteArray &message = {});

/// A generated program: the source, its file name, and for C++ the
/// CMakeLists.txt that builds it (the source also carries it, as a comment
/// at its top, so that what is copied is enough to build).
struct GeneratedProgram
{
    QString fileName; ///< "tcp_server.py", "tcp_server.go", "tcp_server.cpp"
    QString source;
    QString cmakeLists; ///< C++ only: the one-file project
    QString error;      ///< a template out of step with the generator (a bug; tests catch it)
};

/// The program for a spec, from the templates in resources/code/.
GeneratedProgram generateProgram(const ProgramSpec &spec);

} // namespace SockPlay
