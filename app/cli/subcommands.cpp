#include "subcommands.h"

#include "codecommand.h"
#include "dtlsconnectcommand.h"
#include "dtlslistencommand.h"
#include "relaycommand.h"
#include "runcommand.h"
#include "serialcommand.h"
#include "tcpconnectcommand.h"
#include "tcplistencommand.h"
#include "tlsconnectcommand.h"
#include "tlslistencommand.h"
#include "udplistencommand.h"
#include "udpsendcommand.h"
#include "wsconnectcommand.h"
#include "wslistencommand.h"

namespace SockPlay::Cli {

namespace {

template <typename T>
std::unique_ptr<CliCommand> make(const QString &name, const QString &summary)
{
    return std::make_unique<T>(name, summary);
}

} // namespace

const QList<Subcommand> &subcommands()
{
    static const QList<Subcommand> list = {
        {QStringLiteral("tcp-listen"),
         QStringLiteral("Listen for TCP clients; print what they send, send them what you type."),
         &make<TcpListenCommand>},
        {QStringLiteral("tcp-connect"),
         QStringLiteral("Connect to a TCP server; send what you type, print what comes back."),
         &make<TcpConnectCommand>},
        {QStringLiteral("tls-listen"),
         QStringLiteral("Listen for TLS clients (a certificate from files, or self-signed); as tcp-listen, decrypted."),
         &make<TlsListenCommand>},
        {QStringLiteral("tls-connect"),
         QStringLiteral("Connect to a TLS server, verifying its certificate; as tcp-connect, decrypted."),
         &make<TlsConnectCommand>},
        {QStringLiteral("dtls-listen"),
         QStringLiteral("Listen for DTLS clients over UDP (cookie exchange, then a handshake each); a datagram a message."),
         &make<DtlsListenCommand>},
        {QStringLiteral("dtls-connect"),
         QStringLiteral("Connect to a DTLS server over UDP, verifying its certificate; a line a datagram, decrypted."),
         &make<DtlsConnectCommand>},
        {QStringLiteral("udp-listen"),
         QStringLiteral("Bind a UDP port; print each datagram, reply with what you type."),
         &make<UdpListenCommand>},
        {QStringLiteral("udp-send"),
         QStringLiteral("Send one UDP datagram, optionally wait for a reply."),
         &make<UdpSendCommand>},
        {QStringLiteral("code"),
         QStringLiteral("Print the same program in Python, Go or C++ (Qt), to read and run."),
         &make<CodeCommand>},
        {QStringLiteral("run"),
         QStringLiteral("Run a script of checks (open, send, expect, wait, close); exit 0 if all pass."),
         &make<RunCommand>},
        {QStringLiteral("ws-listen"),
         QStringLiteral("Listen for WebSocket clients; print each message, send each line you type as one."),
         &make<WsListenCommand>},
        {QStringLiteral("ws-connect"),
         QStringLiteral("Connect to a WebSocket server (ws:// or wss:// URL); a message a line, both ways."),
         &make<WsConnectCommand>},
        {QStringLiteral("relay"),
         QStringLiteral("Listen and forward each client to a target (TCP or TLS on either side); print both ways."),
         &make<RelayCommand>},
        {QStringLiteral("serial"),
         QStringLiteral("Open a serial port (--list: see them); send what you type, print what the device sends."),
         &make<SerialCommand>},
    };
    return list;
}

const Subcommand *findSubcommand(const QString &name)
{
    for (const Subcommand &subcommand : subcommands()) {
        if (subcommand.name == name)
            return &subcommand;
    }
    return nullptr;
}

} // namespace SockPlay::Cli
