// The tutorials' demos: the welcome server, echo, a chat, and the two errors
// every student meets. Each step waits for its effect in the log.
#include "demo_p.h"

#include "session.h"

#include <memory>

namespace SockPlay {

namespace Demos {

EndpointConfig tcpConfig(Role role, const QString &name)
{
    EndpointConfig config;
    config.transport = Transport::Tcp;
    config.role = role;
    config.name = name;
    config.host = QStringLiteral("127.0.0.1");
    config.port = 0;
    return config;
}

FrameSpec lineFraming()
{
    return FrameSpec::parse(QStringLiteral("line"), nullptr).value_or(FrameSpec{});
}

DemoStep startServerStep(const QString &name, const QString &title, const QString &narration,
                         const std::function<void(DemoContext &)> &add)
{
    DemoStep step;
    step.title = title;
    step.narration = narration;
    step.run = [name, add](DemoContext &c) {
        if (add)
            add(c);
        c.start(name);
    };
    step.check = [name, narration](DemoContext &c) {
        if (const std::optional<QString> error = c.errorOf({name}))
            return DemoCheck::failed(*error);
        if (c.count(name, EventKind::Listening) == 0)
            return DemoCheck::waiting();
        c.setNarration(c.currentStep(), narration + QLatin1Char(' ')
                                            + DemoRunner::tr("The system picked port %1.").arg(c.port(name)));
        return DemoCheck::done();
    };
    step.waitingFor = DemoRunner::tr("“%1” listening").arg(name);
    return step;
}

DemoStep connectClientStep(const QString &client, const QString &server, const QString &title,
                           const QString &narration)
{
    DemoStep step;
    step.title = title;
    step.narration = narration;
    step.run = [client, server](DemoContext &c) { c.start(client, c.port(server)); };
    step.check = [client](DemoContext &c) {
        if (const std::optional<QString> error = c.errorOf({client}))
            return DemoCheck::failed(*error);
        return DemoCheck::when(c.count(client, EventKind::Connected) > 0);
    };
    step.waitingFor = DemoRunner::tr("“%1” connected").arg(client);
    return step;
}

DemoScript welcome()
{
    DemoScript script;
    script.info = {QStringLiteral("welcome"), DemoRunner::tr("Welcome server"),
                   DemoRunner::tr("The Python tutorial's server: it greets each client with “Welcome to the "
                                  "server!” and closes.")};
    const QString greeting = QStringLiteral("Welcome to the server!");
    script.steps.append(startServerStep(
        QStringLiteral("server"), DemoRunner::tr("Start the server"),
        DemoRunner::tr("socket(), bind() to 127.0.0.1 on port 0, listen(): the server waits for clients. A rule "
                       "greets each one with “Welcome to the server!” and closes."),
        [greeting](DemoContext &c) {
            EndpointConfig server = tcpConfig(Role::Server, QStringLiteral("server"));
            // The tutorial's greeting, as the CLI's --reply would say it.
            if (const std::optional<Rule> rule = Rule::parse(QStringLiteral("connect=>%1;close").arg(greeting), nullptr))
                server.rules = {*rule};
            c.add(server);
            c.add(tcpConfig(Role::Client, QStringLiteral("client")));
            c.showView(DemoStage::View::Lifecycle);
        }));

    script.steps.append(connectClientStep(
        QStringLiteral("client"), QStringLiteral("server"), DemoRunner::tr("Connect a client"),
        DemoRunner::tr("The client's connect() sends SYN; the kernels do the handshake, and the server's "
                       "accept() returns a new socket for this client.")));

    DemoStep greet;
    greet.title = DemoRunner::tr("Read the greeting");
    greet.narration = DemoRunner::tr("The server sends “Welcome to the server!” at once; the client's recv() "
                                     "returns those bytes.");
    greet.check = [greeting](DemoContext &c) {
        return DemoCheck::when(c.bytesOf(QStringLiteral("client"), EventKind::Received).contains(greeting.toUtf8()));
    };
    greet.waitingFor = DemoRunner::tr("the greeting at the client");
    script.steps.append(greet);

    DemoStep close;
    close.title = DemoRunner::tr("The server hangs up");
    close.narration = DemoRunner::tr("Then the server closes its socket: FIN. The client's next recv() returns 0 "
                                     "bytes, which is how a program learns the other side closed.");
    close.check = [](DemoContext &c) {
        return DemoCheck::when(c.count(QStringLiteral("server"), EventKind::Closed) > 0
                               && c.count(QStringLiteral("client"), EventKind::PeerClosed) > 0);
    };
    close.waitingFor = DemoRunner::tr("the server's close at the client");
    script.steps.append(close);
    return script;
}

DemoScript echo()
{
    DemoScript script;
    script.info = {QStringLiteral("echo"), DemoRunner::tr("Echo"),
                   DemoRunner::tr("The Go tutorial's echo server: a client sends a line and reads it back.")};
    script.steps.append(startServerStep(
        QStringLiteral("echo server"), DemoRunner::tr("Start the echo server"),
        DemoRunner::tr("A TCP server listens on 127.0.0.1, on a free port the system picks; it sends every byte "
                       "it reads straight back."),
        [](DemoContext &c) {
            EndpointConfig server = tcpConfig(Role::Server, QStringLiteral("echo server"));
            server.echo = true;
            c.add(server);
            c.add(tcpConfig(Role::Client, QStringLiteral("client")));
            c.showView(DemoStage::View::Sequence);
        }));
    script.steps.append(connectClientStep(QStringLiteral("client"), QStringLiteral("echo server"),
                                      DemoRunner::tr("Connect the client"),
                                      DemoRunner::tr("The client connects: a three-way handshake, then each side "
                                                     "has a socket for the conversation.")));

    const QByteArray line = QByteArrayLiteral("hello\n");
    DemoStep send;
    send.title = DemoRunner::tr("Send a line");
    send.narration = DemoRunner::tr("The client writes “hello” and a newline; the server reads it and writes the "
                                    "same bytes back, and the client reads its echo.");
    send.run = [line](DemoContext &c) { c.send(QStringLiteral("client"), line); };
    send.check = [line](DemoContext &c) {
        return DemoCheck::when(c.bytesOf(QStringLiteral("client"), EventKind::Received, c.stepStart()).contains(line));
    };
    send.waitingFor = DemoRunner::tr("the echo at the client");
    script.steps.append(send);

    DemoStep close;
    close.title = DemoRunner::tr("Close");
    close.narration = DemoRunner::tr("The client closes: its FIN reaches the server, whose recv() returns 0, and "
                                     "the server closes its side too.");
    close.run = [](DemoContext &c) { c.session()->closeConnection(c.id(QStringLiteral("client")), 0); };
    close.check = [](DemoContext &c) {
        return DemoCheck::when(c.count(QStringLiteral("client"), EventKind::Closed) > 0
                               && c.count(QStringLiteral("echo server"), EventKind::PeerClosed) > 0);
    };
    close.waitingFor = DemoRunner::tr("the close at both ends");
    script.steps.append(close);
    return script;
}

DemoScript chat()
{
    DemoScript script;
    script.info = {QStringLiteral("chat"), DemoRunner::tr("Chat"),
                   DemoRunner::tr("Three clients connected through a server that relays each message to the others.")};
    const QStringList people = {QStringLiteral("Alice"), QStringLiteral("Bob"), QStringLiteral("Carol")};
    script.steps.append(startServerStep(
        QStringLiteral("server"), DemoRunner::tr("Start the chat server"),
        DemoRunner::tr("The server listens; it cuts each client's stream into lines and passes each line on to "
                       "every other client (a relay)."),
        [people](DemoContext &c) {
            EndpointConfig server = tcpConfig(Role::Server, QStringLiteral("server"));
            server.frame = lineFraming();
            server.relayToOthers = true;
            c.add(server);
            for (const QString &name : people) {
                EndpointConfig client = tcpConfig(Role::Client, name);
                client.frame = lineFraming();
                c.add(client);
            }
            c.showView(DemoStage::View::Sequence);
        }));

    DemoStep join;
    join.title = DemoRunner::tr("Alice, Bob and Carol join");
    join.narration = DemoRunner::tr("Three clients connect. The server's accept() returns one socket per client: "
                                    "three conversations on the one listening port.");
    join.run = [people](DemoContext &c) {
        for (const QString &name : people)
            c.start(name, c.port(QStringLiteral("server")));
    };
    join.check = [people](DemoContext &c) {
        if (const std::optional<QString> error = c.errorOf(people))
            return DemoCheck::failed(*error);
        for (const QString &name : people) {
            if (c.count(name, EventKind::Connected) == 0)
                return DemoCheck::waiting();
        }
        return DemoCheck::when(c.count(QStringLiteral("server"), EventKind::Accepted) >= people.size());
    };
    join.waitingFor = DemoRunner::tr("the three clients connected");
    script.steps.append(join);

    const QList<QByteArray> lines = {QByteArrayLiteral("Alice: hello, everyone\n"),
                                     QByteArrayLiteral("Bob: hi Alice\n"),
                                     QByteArrayLiteral("Carol: hi both of you\n")};
    for (qsizetype i = 0; i < people.size(); ++i) {
        const QString speaker = people.at(i);
        const QByteArray line = lines.at(i);
        QStringList others = people;
        others.removeAt(i);
        DemoStep say;
        say.title = DemoRunner::tr("%1 says something").arg(speaker);
        say.narration = DemoRunner::tr("%1 writes one line to the server. The server reads it and writes it to "
                                       "%2 and %3 — not back to %1.")
                            .arg(speaker, others.at(0), others.at(1));
        say.run = [speaker, line](DemoContext &c) { c.send(speaker, line); };
        say.check = [others, line](DemoContext &c) {
            for (const QString &name : others) {
                if (!c.bytesOf(name, EventKind::Received).contains(line))
                    return DemoCheck::waiting();
            }
            return DemoCheck::done();
        };
        say.waitingFor = DemoRunner::tr("the line at %1 and %2").arg(others.at(0), others.at(1));
        script.steps.append(say);
    }
    return script;
}

DemoScript errors()
{
    DemoScript script;
    script.info = {QStringLiteral("errors"), DemoRunner::tr("Port in use and connection refused"),
                   DemoRunner::tr("The two errors every student meets, each at its step of the socket API.")};
    script.steps.append(startServerStep(QStringLiteral("server"), DemoRunner::tr("Start a server"),
                                        DemoRunner::tr("A server binds a free port on 127.0.0.1 and listens."),
                                        [](DemoContext &c) {
                                            c.add(tcpConfig(Role::Server, QStringLiteral("server")));
                                            c.add(tcpConfig(Role::Server, QStringLiteral("second server")));
                                            c.add(tcpConfig(Role::Client, QStringLiteral("client")));
                                            c.showView(DemoStage::View::Lifecycle);
                                        }));

    DemoStep inUse;
    inUse.title = DemoRunner::tr("A second server on the same port");
    inUse.narration = DemoRunner::tr("A second server tries to bind() the same address and port. Only one socket "
                                     "may listen there: bind() fails with “address already in use”.");
    inUse.run = [](DemoContext &c) { c.start(QStringLiteral("second server"), c.port(QStringLiteral("server"))); };
    inUse.check = [narration = inUse.narration](DemoContext &c) {
        const QString name = QStringLiteral("second server");
        if (c.count(name, EventKind::Listening) > 0)
            return DemoCheck::failed(DemoRunner::tr("the second server could listen on the same port"));
        const LifecycleStep bind = c.step(name, LifecycleStep::Call::Bind);
        if (bind.state != LifecycleStep::State::Failed)
            return DemoCheck::waiting();
        c.setNarration(c.currentStep(), narration + QLatin1Char(' ') + DemoRunner::tr("Here: %1.").arg(bind.error));
        return DemoCheck::done();
    };
    inUse.waitingFor = DemoRunner::tr("bind() failing for the second server");
    script.steps.append(inUse);

    DemoStep free;
    free.title = DemoRunner::tr("Stop the first server");
    free.narration = DemoRunner::tr("The first server stops: it closes its listening socket, and nothing listens "
                                    "on that port any more.");
    free.run = [](DemoContext &c) { c.stop(QStringLiteral("server")); };
    free.check = [](DemoContext &c) {
        return DemoCheck::when(c.count(QStringLiteral("server"), EventKind::Stopped) > 0);
    };
    free.waitingFor = DemoRunner::tr("the server stopped");
    script.steps.append(free);

    DemoStep refused;
    refused.title = DemoRunner::tr("Connect where nothing listens");
    refused.narration = DemoRunner::tr("A client connects to that port. Its SYN gets an RST back from the kernel: "
                                       "connect() fails with “connection refused”.");
    // The port the first server had: the step before stopped it, its Bound event stays.
    refused.run = [](DemoContext &c) { c.start(QStringLiteral("client"), c.port(QStringLiteral("server"))); };
    refused.check = [narration = refused.narration](DemoContext &c) {
        const QString name = QStringLiteral("client");
        if (c.count(name, EventKind::Connected) > 0)
            return DemoCheck::failed(DemoRunner::tr("something accepted the connection on the freed port"));
        const LifecycleStep connect = c.step(name, LifecycleStep::Call::Connect);
        if (connect.state != LifecycleStep::State::Failed)
            return DemoCheck::waiting();
        c.setNarration(c.currentStep(), narration + QLatin1Char(' ') + DemoRunner::tr("Here: %1.").arg(connect.error));
        return DemoCheck::done();
    };
    refused.waitingFor = DemoRunner::tr("connect() failing for the client");
    script.steps.append(refused);
    return script;
}

} // namespace Demos

} // namespace SockPlay
