// Recording: the log's events (and the endpoints' configs) become a script
// that does the same again. Tables of events appended by hand, then a real
// session on loopback recorded as a user would make it.
#include "eventlog.h"
#include "scriptrecorder.h"
#include "scriptrunner.h"
#include "session.h"

#include <QSignalSpy>
#include <QTest>

using namespace SockPlay;

Q_DECLARE_METATYPE(QList<SockPlay::Event>)
Q_DECLARE_METATYPE(QList<SockPlay::EndpointSnapshot>)

namespace {

constexpr int ServerId = 1;
constexpr int ClientId = 2;
constexpr quint16 ServerPort = 5000;

EndpointSnapshot endpoint(int id, Transport transport, Role role, const QString &frame = QStringLiteral("raw"),
                          const QStringList &rules = {})
{
    EndpointSnapshot s;
    s.id = id;
    s.name = role == Role::Server ? QStringLiteral("server") : QStringLiteral("client");
    s.config.transport = transport;
    s.config.role = role;
    s.config.name = s.name;
    s.config.port = role == Role::Server ? 0 : ServerPort;
    s.config.frame = *FrameSpec::parse(frame, nullptr);
    for (const QString &rule : rules)
        s.config.rules.append(*Rule::parse(rule, nullptr));
    return s;
}

/// An event as the endpoints log it; the server's connection 1 is the client's connection 1.
Event logged(EventKind kind, int endpointId, int connectionId, const QByteArray &payload = {},
            quint16 peerPort = 0, const QString &detail = {})
{
    const bool server = endpointId == ServerId;
    const quint16 local = server ? ServerPort : 40000;
    Event e;
    e.kind = kind;
    e.payload = payload;
    e.byteCount = payload.size();
    e.detail = detail;
    e.source = makeEventSource(endpointId, connectionId, server ? QStringLiteral("server") : QStringLiteral("client"),
                               QHostAddress::LocalHost, local, QHostAddress::LocalHost,
                               peerPort ? peerPort : (server ? 40000 : ServerPort));
    return e;
}

/// A step in one line, every field that matters to its kind: failures read as text.
QString describe(const ScriptStep &s)
{
    switch (s.kind) {
    case ScriptStep::Kind::Open:
        return QStringLiteral("open %1 %2 %3 %4:%5 frame=%6 echo=%7 rules=%8")
            .arg(s.endpoint, s.transport == Transport::Udp ? QStringLiteral("udp") : QStringLiteral("tcp"),
                 s.role == Role::Server ? (s.bindOnly ? QStringLiteral("bind") : QStringLiteral("listen"))
                                        : QStringLiteral("connect"),
                 s.host, s.port, s.frame, s.echo ? QStringLiteral("1") : QStringLiteral("0"),
                 s.rules.join(QLatin1Char('|')));
    case ScriptStep::Kind::Send:
        return QStringLiteral("send %1 %2 \"%3\"")
            .arg(s.endpoint, s.mode == PayloadMode::Hex ? QStringLiteral("hex") : QStringLiteral("text"), s.payload);
    case ScriptStep::Kind::Expect:
        return QStringLiteral("expect %1 %2 \"%3\"")
            .arg(s.endpoint,
                 s.match == ScriptStep::Match::Regex ? QStringLiteral("regex")
                     : s.match == ScriptStep::Match::Hex ? QStringLiteral("hex")
                                                         : QStringLiteral("text"),
                 s.pattern);
    case ScriptStep::Kind::Close:
        return QStringLiteral("close %1").arg(s.endpoint);
    case ScriptStep::Kind::Wait:
        break;
    }
    return QStringLiteral("wait");
}

QStringList describe(const QList<ScriptStep> &steps)
{
    QStringList lines;
    for (const ScriptStep &step : steps)
        lines.append(describe(step));
    return lines;
}

} // namespace

class TestScriptRecorder : public QObject
{
    Q_OBJECT
private slots:
    void eventsBecomeSteps_data();
    void eventsBecomeSteps();
    void aRealSessionIsRecordedFromWhereRecordingBeganAndReplays();
};

void TestScriptRecorder::eventsBecomeSteps_data()
{
    QTest::addColumn<QList<EndpointSnapshot>>("atStart");
    QTest::addColumn<QList<EndpointSnapshot>>("endpoints");
    QTest::addColumn<QList<Event>>("events");
    QTest::addColumn<QStringList>("steps");
    QTest::addColumn<QStringList>("variables");
    QTest::addColumn<QStringList>("notes"); // a substring of each note, in order

    const EndpointSnapshot lineServer = endpoint(ServerId, Transport::Tcp, Role::Server, QStringLiteral("line"),
                                                 {QStringLiteral("prefix:PING=>PONG 1\\n")});
    const EndpointSnapshot lineClient = endpoint(ClientId, Transport::Tcp, Role::Client, QStringLiteral("line"));
    const QString lineServerOpen = QStringLiteral("open server tcp listen 127.0.0.1:%1 frame=line echo=0 rules=prefix:PING=>PONG 1\\n");
    const QStringList pingPong{
        lineServerOpen.arg(0),
        QStringLiteral("open client tcp connect 127.0.0.1:${server.port} frame=line echo=0 rules="),
        QStringLiteral("send client text \"PING 1\n\""),
        QStringLiteral("expect server regex \"^PING 1$\""),
        QStringLiteral("expect client regex \"^PONG 1$\""),
        QStringLiteral("close client"),
        QStringLiteral("close server")};
    QTest::newRow("framed server with a rule, client sends, both close")
        << QList<EndpointSnapshot>{} << QList<EndpointSnapshot>{lineServer, lineClient}
        << QList<Event>{logged(EventKind::Created, ServerId, 0), logged(EventKind::Bound, ServerId, 0),
                        logged(EventKind::Listening, ServerId, 0), logged(EventKind::Connecting, ClientId, 1),
                        logged(EventKind::Accepted, ServerId, 1), logged(EventKind::Connected, ClientId, 1),
                        logged(EventKind::Sent, ClientId, 1, "PING 1\n"), logged(EventKind::Received, ServerId, 1, "PING 1\n"),
                        logged(EventKind::Message, ServerId, 1, "PING 1\n"),
                        logged(EventKind::AutoReplied, ServerId, 1, "PONG 1\n"),
                        logged(EventKind::Received, ClientId, 1, "PONG 1\n"), logged(EventKind::Message, ClientId, 1, "PONG 1\n"),
                        logged(EventKind::Closed, ClientId, 1), logged(EventKind::PeerClosed, ServerId, 1),
                        logged(EventKind::Stopped, ServerId, 0)}
        << pingPong << QStringList{} << QStringList{};

    QTest::newRow("endpoints active before recording are opened first")
        << QList<EndpointSnapshot>{[&] { auto s = lineClient; s.state = EndpointState::Active; return s; }(),
                                   [&] { auto s = lineServer; s.state = EndpointState::Active; s.localPort = ServerPort; return s; }()}
        << QList<EndpointSnapshot>{lineServer, lineClient}
        << QList<Event>{logged(EventKind::Sent, ClientId, 1, "PING 1\n"), logged(EventKind::Message, ServerId, 1, "PING 1\n"),
                        logged(EventKind::Message, ClientId, 1, "PONG 1\n"), logged(EventKind::Closed, ClientId, 1),
                        logged(EventKind::Closed, ServerId, 1), logged(EventKind::Stopped, ServerId, 0)}
        << pingPong << QStringList{}
        << QStringList{QStringLiteral("server was already listening"), QStringLiteral("client was already connected")};

    const EndpointSnapshot rawClient = endpoint(ClientId, Transport::Tcp, Role::Client);
    QTest::newRow("raw stream to a server outside the script: reads as text, target as variables")
        << QList<EndpointSnapshot>{} << QList<EndpointSnapshot>{rawClient}
        << QList<Event>{logged(EventKind::Connected, ClientId, 1, {}, 7000), logged(EventKind::Sent, ClientId, 1, "hi\r\n"),
                        logged(EventKind::Received, ClientId, 1, "hello wor"), logged(EventKind::Received, ClientId, 1, "ld (1+1)\n"),
                        logged(EventKind::Received, ClientId, 1, QByteArray("\x00\xff", 2)),
                        logged(EventKind::Sent, ClientId, 1, QByteArray("\x01\x02", 2))}
        << QStringList{QStringLiteral("open client tcp connect ${host}:${port} frame=raw echo=0 rules="),
                       QStringLiteral("send client text \"hi\r\n\""), QStringLiteral("expect client text \"hello wor\""),
                       QStringLiteral("expect client text \"ld (1+1)\n\""), QStringLiteral("expect client hex \"00 ff\""),
                       QStringLiteral("send client hex \"01 02\"")}
        << QStringList{QStringLiteral("host=127.0.0.1"), QStringLiteral("port=7000")} << QStringList{};

    QTest::newRow("a literal ${ is written $${, in sends and texts; a regex escapes it anyway")
        << QList<EndpointSnapshot>{} << QList<EndpointSnapshot>{rawClient, lineServer}
        << QList<Event>{logged(EventKind::Connected, ClientId, 1, {}, 7000), logged(EventKind::Sent, ClientId, 1, "${a}"),
                        logged(EventKind::Received, ClientId, 1, "${b}"), logged(EventKind::Listening, ServerId, 0),
                        logged(EventKind::Message, ServerId, 1, "${c}\n")}
        << QStringList{QStringLiteral("open client tcp connect ${host}:${port} frame=raw echo=0 rules="),
                       QStringLiteral("send client text \"$${a}\""), QStringLiteral("expect client text \"$${b}\""),
                       lineServerOpen.arg(0), QStringLiteral("expect server regex \"^\\$\\{c\\}$\"")}
        << QStringList{QStringLiteral("host=127.0.0.1"), QStringLiteral("port=7000")} << QStringList{};

    QTest::newRow("framed message with regex characters is escaped exactly")
        << QList<EndpointSnapshot>{} << QList<EndpointSnapshot>{lineClient}
        << QList<Event>{logged(EventKind::Connected, ClientId, 1, {}, 7000),
                        logged(EventKind::Message, ClientId, 1, "a.b*(c)? [$5]\t^\r\n")}
        << QStringList{QStringLiteral("open client tcp connect ${host}:${port} frame=line echo=0 rules="),
                       QStringLiteral("expect client regex \"^a\\.b\\*\\(c\\)\\? \\[\\$5\\]\\t\\^$\"")}
        << QStringList{QStringLiteral("host=127.0.0.1"), QStringLiteral("port=7000")} << QStringList{};

    const EndpointSnapshot udpServer = endpoint(ServerId, Transport::Udp, Role::Server, QStringLiteral("raw"),
                                                {QStringLiteral("any=>echo")});
    const EndpointSnapshot udpClient = endpoint(ClientId, Transport::Udp, Role::Client);
    QTest::newRow("udp: bind, datagrams each a message, close")
        << QList<EndpointSnapshot>{} << QList<EndpointSnapshot>{udpServer, udpClient}
        << QList<Event>{logged(EventKind::Bound, ServerId, 0), logged(EventKind::Bound, ClientId, 0),
                        logged(EventKind::DatagramSent, ClientId, 1, "one"),
                        logged(EventKind::DatagramReceived, ServerId, 1, "one"),
                        logged(EventKind::AutoReplied, ServerId, 1, "one"),
                        logged(EventKind::DatagramReceived, ClientId, 1, "one"), logged(EventKind::Closed, ClientId, 0),
                        logged(EventKind::Note, ServerId, 1, {}, 0, QStringLiteral("forgot this peer"))}
        << QStringList{QStringLiteral("open server udp bind 127.0.0.1:0 frame= echo=0 rules=any=>echo"),
                       QStringLiteral("open client udp connect 127.0.0.1:${server.port} frame= echo=0 rules="),
                       QStringLiteral("send client text \"one\""), QStringLiteral("expect server regex \"^one$\""),
                       QStringLiteral("expect client regex \"^one$\""), QStringLiteral("close client")}
        << QStringList{} << QStringList{};

    EndpointSnapshot fixedPortServer = lineServer;
    fixedPortServer.config.port = ServerPort;
    fixedPortServer.config.rules.clear();
    QTest::newRow("server: send to all is one step, a kick and errors are notes, a fixed port stays")
        << QList<EndpointSnapshot>{} << QList<EndpointSnapshot>{fixedPortServer}
        << QList<Event>{logged(EventKind::Listening, ServerId, 0), logged(EventKind::Accepted, ServerId, 1),
                        logged(EventKind::Accepted, ServerId, 2), logged(EventKind::Sent, ServerId, 1, "all\n"),
                        logged(EventKind::Sent, ServerId, 2, "all\n"), logged(EventKind::Sent, ServerId, 2, "two\n"),
                        logged(EventKind::Closed, ServerId, 2), logged(EventKind::Error, ServerId, 1, {}, 0, QStringLiteral("boom")),
                        logged(EventKind::Closed, ServerId, 1), logged(EventKind::Stopped, ServerId, 0)}
        << QStringList{QStringLiteral("open server tcp listen 127.0.0.1:5000 frame=line echo=0 rules="),
                       QStringLiteral("send server text \"all\n\""), QStringLiteral("send server text \"two\n\""),
                       QStringLiteral("close server")}
        << QStringList{}
        << QStringList{QStringLiteral("server closed one connection"), QStringLiteral("\"boom\""),
                       QStringLiteral("server sent to one of several connections")};

    QTest::newRow("a server on a fixed port that a recorded client reaches listens on any port")
        << QList<EndpointSnapshot>{} << QList<EndpointSnapshot>{fixedPortServer, lineClient}
        << QList<Event>{logged(EventKind::Listening, ServerId, 0), logged(EventKind::Connected, ClientId, 1)}
        << QStringList{QStringLiteral("open server tcp listen 127.0.0.1:0 frame=line echo=0 rules="),
                       QStringLiteral("open client tcp connect 127.0.0.1:${server.port} frame=line echo=0 rules=")}
        << QStringList{} << QStringList{};

    Event truncated = logged(EventKind::Sent, ClientId, 1, "abc");
    truncated.byteCount = 100000;
    truncated.flags = Event::PayloadTruncated;
    QTest::newRow("truncated payloads, unknown endpoints and second connections are left out, said once")
        << QList<EndpointSnapshot>{} << QList<EndpointSnapshot>{rawClient}
        << QList<Event>{logged(EventKind::Connected, ClientId, 1, {}, 7000), truncated, truncated,
                        logged(EventKind::Connected, ClientId, 2, {}, 7000), logged(EventKind::Sent, 9, 1, "x")}
        << QStringList{QStringLiteral("open client tcp connect ${host}:${port} frame=raw echo=0 rules=")}
        << QStringList{QStringLiteral("host=127.0.0.1"), QStringLiteral("port=7000")}
        << QStringList{QStringLiteral("100000 bytes"), QStringLiteral("another connection"),
                       QStringLiteral("1 events of endpoints no longer in the session")};

    QTest::newRow("nothing happened")
        << QList<EndpointSnapshot>{} << QList<EndpointSnapshot>{rawClient} << QList<Event>{} << QStringList{}
        << QStringList{} << QStringList{QStringLiteral("Nothing to replay")};
}

void TestScriptRecorder::eventsBecomeSteps()
{
    QFETCH(QList<EndpointSnapshot>, atStart);
    QFETCH(QList<EndpointSnapshot>, endpoints);
    QFETCH(QList<Event>, events);
    QFETCH(QStringList, steps);
    QFETCH(QStringList, variables);
    QFETCH(QStringList, notes);

    const ScriptRecorder::Recording recording = ScriptRecorder::build(events, atStart, endpoints);
    QCOMPARE(describe(recording.script.steps), steps);
    QStringList actualVariables;
    for (const auto &[name, value] : recording.script.variables)
        actualVariables.append(name + QLatin1Char('=') + value);
    QCOMPARE(actualVariables, variables);
    QCOMPARE(recording.notes.size(), notes.size());
    for (int i = 0; i < notes.size(); ++i)
        QVERIFY2(recording.notes.at(i).contains(notes.at(i)), qPrintable(recording.notes.at(i)));

    // What is recorded is a script the strict reader takes back as it is.
    if (!recording.script.steps.isEmpty()) {
        QString error;
        const std::optional<Script> read = Script::fromJson(recording.script.toJson(), &error);
        QVERIFY2(read, qPrintable(error));
        QVERIFY(*read == recording.script);
    }
}

void TestScriptRecorder::aRealSessionIsRecordedFromWhereRecordingBeganAndReplays()
{
    Session session;
    EndpointConfig serverConfig;
    serverConfig.name = QStringLiteral("server");
    serverConfig.frame = *FrameSpec::parse(QStringLiteral("line"), nullptr);
    serverConfig.rules = {*Rule::parse(QStringLiteral("regex:^PING (\\d+)$=>PONG \\1\\n"), nullptr)};
    const int server = session.addEndpoint(serverConfig);
    EndpointConfig clientConfig;
    clientConfig.role = Role::Client;
    clientConfig.name = QStringLiteral("client");
    clientConfig.frame = serverConfig.frame;
    const int client = session.addEndpoint(clientConfig);

    // What happens before Record is not recorded.
    session.log()->append(EventKind::Note, makeEventSource(server, 0, QStringLiteral("server"), {}, 0, {}, 0), {}, 0,
                          -1, QStringLiteral("before"));
    ScriptRecorder recorder;
    const auto snapshots = [&] { return QList<EndpointSnapshot>{session.snapshot(server), session.snapshot(client)}; };
    recorder.begin(session.log()->nextSequence(), snapshots());
    QVERIFY(recorder.isRecording());

    session.start(server, serverConfig);
    QVERIFY(session.snapshot(server).isActive());
    clientConfig.port = session.snapshot(server).localPort;
    QSignalSpy messages(&session, &Session::messageReceived);
    session.start(client, clientConfig);
    QTRY_VERIFY(session.snapshot(client).isActive());
    session.send(client, 0, QByteArrayLiteral("PING 7\n"));
    QTRY_VERIFY(std::any_of(messages.cbegin(), messages.cend(),
                            [&](const QList<QVariant> &args) { return args.at(0).toInt() == client; }));
    session.stop(client);
    QTRY_VERIFY(!session.snapshot(client).isRunning());

    const ScriptRecorder::Recording recording = recorder.finish(*session.log(), snapshots());
    QVERIFY(!recorder.isRecording());
    QCOMPARE(describe(recording.script.steps),
             (QStringList{QStringLiteral("open server tcp listen 127.0.0.1:0 frame=line echo=0 rules=regex:^PING (\\d+)$=>PONG \\1\\n"),
                          QStringLiteral("open client tcp connect 127.0.0.1:${server.port} frame=line echo=0 rules="),
                          QStringLiteral("send client text \"PING 7\n\""), QStringLiteral("expect server regex \"^PING 7$\""),
                          QStringLiteral("expect client regex \"^PONG 7$\""), QStringLiteral("close client")}));
    QVERIFY2(recording.notes.isEmpty(), qPrintable(recording.notes.join(QLatin1Char('\n'))));

    // Replayed in the same session, next to the endpoints it was recorded
    // from (the server still listens on its port): every step passes.
    ScriptRunner runner(&session);
    QSignalSpy finished(&runner, &ScriptRunner::finished);
    runner.start(recording.script);
    QVERIFY(finished.wait(10000));
    const auto report = finished.at(0).at(0).value<ScriptReport>();
    QStringList failures;
    for (const StepResult &result : report.results) {
        if (result.status != StepResult::Status::Passed)
            failures.append(result.message);
    }
    QVERIFY2(report.passed(), qPrintable(failures.join(QLatin1Char('\n'))));
    QCOMPARE(report.results.size(), recording.script.steps.size());
}

QTEST_GUILESS_MAIN(TestScriptRecorder)
#include "tst_scriptrecorder.moc"
