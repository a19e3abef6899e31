#pragma once
// What the WebSocket suites share: a python3 that has the websockets package
// (the peer no one here wrote), a wss:// server of it, and waiting for a log
// event.

#include "eventlog.h"
#include "peers/peerprocess.h"
#include "tlstestsupport.h"

#include <QProcess>
#include <QStandardPaths>

namespace SockPlayTest {

/// A python3 that can import websockets: the one on PATH, else Debian's
/// (a pyenv on PATH may lack the system's packages). Empty: none.
inline QString pythonWithWebSockets()
{
    QStringList candidates{QStandardPaths::findExecutable(QStringLiteral("python3")), QStringLiteral("/usr/bin/python3")};
    for (const QString &python : candidates) {
        if (python.isEmpty())
            continue;
        QProcess probe;
        probe.start(python, {QStringLiteral("-c"), QStringLiteral("import websockets")});
        if (probe.waitForFinished(PeerTimeoutMs) && probe.exitStatus() == QProcess::NormalExit && probe.exitCode() == 0)
            return python;
    }
    return {};
}

/// Ends the test without such a python: skipped, or failed with SOCKPLAY_REQUIRE_PEERS=1.
#define SOCKPLAY_REQUIRE_WEBSOCKETS_PYTHON(variable)                                                    \
    const QString variable = SockPlayTest::pythonWithWebSockets();                                      \
    do {                                                                                                \
        if (variable.isEmpty()) {                                                                       \
            if (qEnvironmentVariable("SOCKPLAY_REQUIRE_PEERS") == QLatin1String("1"))                   \
                QFAIL("python3 with the websockets package is not installed (python3-websockets), "     \
                      "and SOCKPLAY_REQUIRE_PEERS=1 requires it");                                      \
            QSKIP("python3 with the websockets package is not installed (python3-websockets)");         \
        }                                                                                               \
    } while (false)

/// Python's websockets over Python's ssl as a wss:// echo server
/// (tests/peers/ws_peer.py server) with pki's server certificate; with
/// requireClientCertificate it also asks for a client certificate and
/// verifies it against pki's CA. Its port, 0 when it did not start
/// (server.errText() says why).
inline quint16 startWssPeer(PeerProcess &server, const QString &python, const TestPki &pki,
                            bool requireClientCertificate = false)
{
    QStringList arguments{QStringLiteral("server"), QStringLiteral("--cert"), pki.server(), QStringLiteral("--key"),
                          pki.serverKey()};
    if (requireClientCertificate)
        arguments << QStringLiteral("--client-ca") << pki.ca();
    return server.startPythonServer(python, QStringLiteral("ws_peer.py"), arguments);
}

/// The details of an endpoint's events of a kind, in order.
inline QStringList detailsOf(const SockPlay::EventLog &log, int endpointId, SockPlay::EventKind kind)
{
    QStringList details;
    for (const SockPlay::Event &event : log.snapshot()) {
        if (event.kind == kind && event.endpointId() == endpointId)
            details.append(event.detail);
    }
    return details;
}

/// Whether an event of that kind has a detail containing text.
inline bool hasDetail(const SockPlay::EventLog &log, int endpointId, SockPlay::EventKind kind, const QString &text)
{
    for (const QString &detail : detailsOf(log, endpointId, kind)) {
        if (detail.contains(text))
            return true;
    }
    return false;
}

/// A line the peer printed (the whole line), waited for.
inline bool waitForLine(PeerProcess &peer, const QString &line)
{
    const QRegularExpression pattern(QStringLiteral("(?:^|\\n)(%1)\\n").arg(QRegularExpression::escape(line)));
    return !peer.waitForMatch(pattern, QProcess::StandardOutput).isEmpty();
}

} // namespace SockPlayTest
