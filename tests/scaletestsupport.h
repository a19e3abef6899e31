#pragma once
// What the scale and storm suites (tst_scale, tst_storm) share: the servers
// they load, on 127.0.0.1 with a port the system picks, started and waited
// for the way the window does it (commands to the session, which may run
// on its network thread).

#include "session.h"

#include <QTest>

namespace SockPlay::Test {

/// A TCP server named "server" on 127.0.0.1, port 0, that echoes every
/// message (cut as frame says, in the CLI's syntax) and takes at most
/// maxClients at once.
inline EndpointConfig tcpEchoServer(const QString &frame = QStringLiteral("raw"),
                                    int maxClients = EndpointConfig().maxConnections)
{
    EndpointConfig config;
    config.transport = Transport::Tcp;
    config.role = Role::Server;
    config.name = QStringLiteral("server");
    config.host = QStringLiteral("127.0.0.1");
    config.echo = true;
    config.frame = *FrameSpec::parse(frame, nullptr);
    config.maxConnections = maxClients;
    return config;
}

/// A UDP socket named "server" bound to 127.0.0.1, port 0.
inline EndpointConfig udpServer(bool echo = false)
{
    EndpointConfig config;
    config.transport = Transport::Udp;
    config.role = Role::Server;
    config.name = QStringLiteral("server");
    config.host = QStringLiteral("127.0.0.1");
    config.echo = echo;
    return config;
}

/// Starts an endpoint (on the session's thread, wherever that is) and waits
/// up to 5 s for it to be active: its port, 0 when it did not start.
inline quint16 startEndpoint(Session *session, int id, const EndpointConfig &config)
{
    session->start(id, config);
    if (!QTest::qWaitFor([&] { return session->snapshot(id).isActive(); }, 5000))
        return 0;
    return session->snapshot(id).localPort;
}

} // namespace SockPlay::Test
