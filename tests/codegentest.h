#pragma once
// What tst_codegen (Python, Go) and tst_codegen_cpp share: SockPlay's own
// endpoints in a Session, to talk to the generated programs over loopback,
// and the texts the programs must carry byte for byte.

#include "codegen.h"
#include "peers/peerprocess.h"
#include "session.h"
#include "testsupport.h"

#include <QRegularExpression>

namespace SockPlayTest {

/// Quotes, a backslash, a line break, a tab and non-ASCII text: each
/// language quotes them its own way, and the bytes must arrive as they are.
inline const QByteArray TrickyText = QByteArrayLiteral("say \"hi\" \\ it's 'ok'\nnext line\tgrüße ü");

/// A SockPlay endpoint on loopback (servers on a port the system picks).
inline SockPlay::EndpointConfig endpointConfig(SockPlay::Transport transport, SockPlay::Role role, quint16 port = 0,
                                               bool echo = false)
{
    SockPlay::EndpointConfig config;
    config.transport = transport;
    config.role = role;
    config.host = QStringLiteral("127.0.0.1");
    config.port = port;
    config.echo = echo;
    return config;
}

/// Adds and starts an endpoint and waits until it is active (listening,
/// connected, bound); its id, or 0 if it did not get there.
inline int startEndpoint(SockPlay::Session &session, const SockPlay::EndpointConfig &config)
{
    const int id = session.addEndpoint(config);
    session.start(id, config);
    return QTest::qWaitFor([&] { return session.snapshot(id).isActive(); }, PeerTimeoutMs) ? id : 0;
}

/// The port in a generated server's "listening on HOST:PORT" line (0 on timeout).
inline quint16 waitForListening(PeerProcess &program)
{
    static const QRegularExpression line(QStringLiteral("listening on \\S+:(\\d+)\\n"));
    return quint16(program.waitForMatch(line, QProcess::StandardOutput).toUInt());
}

/// Runs the event loop until the program printed text (or ended).
inline bool waitForPrinted(PeerProcess &program, const QByteArray &text)
{
    return QTest::qWaitFor([&] { return program.out().contains(text) || program.hasExited(); }, PeerTimeoutMs)
        && program.out().contains(text);
}

/// How a generated program prints what came in: "received: TEXT".
inline QByteArray printed(const QByteArray &text)
{
    return QByteArrayLiteral("received: ") + text;
}

/// What the test says when a program did not do its part.
inline QByteArray describe(const PeerProcess &program)
{
    return QByteArrayLiteral("program stdout:\n") + program.out() + QByteArrayLiteral("\nstderr:\n") + program.err();
}

} // namespace SockPlayTest
