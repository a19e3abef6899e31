#pragma once

// What the relay's tests share: a relay's config, the relay between two
// Python peers no one here wrote (tests/peers/relay_peer.py for TCP and TLS,
// tests/peers/udp_relay_peer.py for UDP), and the trail of its data events.

#include "eventlog.h"
#include "peers/peerprocess.h"
#include "relayendpoint.h"
#include "testsupport.h"
#include "udprelayendpoint.h"

#include <QStringList>

#include <type_traits>

namespace SockPlay::Test {

/// A relay on 127.0.0.1, any free port, to 127.0.0.1:targetPort (UDP when udp).
inline EndpointConfig relayConfig(quint16 targetPort, bool udp = false)
{
    EndpointConfig config;
    config.transport = Transport::Relay;
    config.role = Role::Server;
    config.name = QStringLiteral("relay");
    config.host = QStringLiteral("127.0.0.1");
    config.port = 0;
    config.relay.targetHost = QStringLiteral("127.0.0.1");
    config.relay.targetPort = targetPort;
    config.relay.udp = udp;
    return config;
}

/// "R#1 hello\n": the data events of the relay, in the log's order, each
/// as its kind (R received, S sent, a datagram's too; A automatic reply, M
/// message, D dropped by the simulated link), its connection and its bytes.
inline QStringList dataTrail(const EventLog &log, int endpointId)
{
    QStringList trail;
    for (const Event &e : log.snapshot()) {
        if (e.endpointId() != endpointId)
            continue;
        const char *letter = e.kind == EventKind::Received || e.kind == EventKind::DatagramReceived ? "R"
            : e.kind == EventKind::Sent || e.kind == EventKind::DatagramSent                        ? "S"
            : e.kind == EventKind::AutoReplied                                                      ? "A"
            : e.kind == EventKind::Message                                                          ? "M"
            : e.kind == EventKind::SimulatedDrop                                                    ? "D"
                                                                                                    : nullptr;
        if (letter)
            trail.append(QStringLiteral("%1#%2 %3").arg(QLatin1String(letter)).arg(e.connectionId())
                             .arg(QString::fromUtf8(e.payload)));
    }
    return trail;
}

/// The details of one connection's events of a kind, joined with '|'.
inline QString detailsOf(const EventLog &log, int endpointId, EventKind kind, int connectionId)
{
    QStringList details;
    for (const Event &e : eventsOf(log, endpointId, kind))
        if (e.connectionId() == connectionId)
            details.append(e.detail);
    return details.join(QLatin1Char('|'));
}

/// A relay between two Python peers: the peer's server started first (the
/// relay's target), then the relay, then the peer's client through it.
/// RelayEndpoint with relay_peer.py, or UdpRelayEndpoint with udp_relay_peer.py.
template<typename Relay = RelayEndpoint>
struct RelayAndPeers
{
    static constexpr bool Udp = std::is_same_v<Relay, UdpRelayEndpoint>;

    explicit RelayAndPeers(const QString &python, const EventLog::Limits &limits = {})
        : python(python)
        , log(limits)
    {
    }

    /// The peer's server (with these arguments); its port, 0 when it did not
    /// start or print one (see server.errText()).
    quint16 startServer(const QStringList &arguments = {})
    {
        targetPort = server.startPythonServer(python, script(), QStringList{QStringLiteral("server")} + arguments);
        return targetPort;
    }
    /// The relay's config to the server's port.
    EndpointConfig config() const { return relayConfig(targetPort, Udp); }
    /// The peer's client (with --send for each line, then arguments) through
    /// the relay, to its exit; false when it did not exit in time.
    bool runClient(const QStringList &lines, const QStringList &arguments = {})
    {
        return runClient(client, lines, arguments);
    }
    bool runClient(SockPlayTest::PeerProcess &process, const QStringList &lines, const QStringList &arguments = {})
    {
        QStringList all{QStringLiteral("client"), QStringLiteral("--port"), QString::number(relay.localPort())};
        for (const QString &line : lines)
            all << QStringLiteral("--send") << line;
        return process.startPython(python, script(), all + arguments) && process.waitForExit();
    }
    /// Waits for the server to print a line matching pattern (its first capture).
    bool serverPrinted(const QString &pattern)
    {
        return !server.waitForMatch(QRegularExpression(pattern), QProcess::StandardOutput).isEmpty();
    }

    static QString script() { return Udp ? QStringLiteral("udp_relay_peer.py") : QStringLiteral("relay_peer.py"); }

    const QString python;
    SockPlayTest::PeerProcess server;
    EventLog log;
    Relay relay{QStringLiteral("relay"), &log};
    SockPlayTest::PeerProcess client;
    quint16 targetPort = 0;
};

} // namespace SockPlay::Test
