// ScriptRunner against real peers over loopback: a Python PONG server no one
// here wrote, and SockPlay's own server in the same session. Every row runs
// with the session on this thread and on a NetworkThread (SessionHost), where
// every signal reaches the runner queued, as in the window.

#include "address.h"
#include "networkthread.h"
#include "peers/peerprocess.h"
#include "scriptinbox.h"
#include "scriptrunner.h"
#include "session.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace SockPlay;
using namespace SockPlayTest;
using Status = StepResult::Status;

namespace {

/// A session on this thread, or on its own network thread.
class SessionUnderTest
{
public:
    explicit SessionUnderTest(bool threaded)
    {
        if (threaded)
            m_host = std::make_unique<SessionHost>();
        else
            m_local = std::make_unique<Session>();
    }
    Session *get() const { return m_host ? m_host->session() : m_local.get(); }

private:
    std::unique_ptr<Session> m_local;
    std::unique_ptr<SessionHost> m_host;
};

std::optional<Script> parse(const QByteArray &steps, const QByteArray &variables = "{}")
{
    const QByteArray json = R"({"format": "sockplay-script", "version": 1, "name": "t", "variables": )" + variables
        + R"(, "steps": [)" + steps + "]}";
    QString error;
    std::optional<Script> script = Script::fromJson(QJsonDocument::fromJson(json).object(), &error);
    if (!script)
        qWarning("%s", qPrintable(error));
    return script;
}

/// Runs the script to its end; nullopt if it never ends.
std::optional<ScriptReport> run(ScriptRunner &runner, const Script &script)
{
    QSignalSpy finished(&runner, &ScriptRunner::finished);
    runner.start(script);
    if (!finished.wait(PeerTimeoutMs * 2))
        return std::nullopt;
    return finished.first().first().value<ScriptReport>();
}

QString describe(const ScriptReport &report)
{
    QStringList lines;
    for (qsizetype i = 0; i < report.results.size(); ++i)
        lines.append(QStringLiteral("%1 %2 %3 — %4")
                         .arg(stepStatusName(report.results.at(i).status))
                         .arg(i + 1)
                         .arg(report.steps.at(i).summary(), report.results.at(i).message));
    return lines.join(u'\n');
}

QList<Status> statuses(const ScriptReport &report)
{
    QList<Status> list;
    for (const StepResult &result : report.results)
        list.append(result.status);
    return list;
}

const QByteArray PingSteps = R"(
    {"open": "client", "connect": "${host}:${port}", "frame": "line"},
    {"send": "PING 1\n", "to": "client"},
    {"expect": "^PONG 1$", "as": "regex", "on": "client", "within": 1000},
    {"close": "client"})";

} // namespace

class TestScriptRunner : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void passesAgainstAPythonPongServer_data();
    void passesAgainstAPythonPongServer();
    void passesAgainstASockPlayServerOnAPortZeroListen_data();
    void passesAgainstASockPlayServerOnAPortZeroListen();
    void failingStepSaysWhyAndSkipsTheRest_data();
    void failingStepSaysWhyAndSkipsTheRest();
    void refusedSendFailsTheStep_data();
    void refusedSendFailsTheStep();
    void capturesFeedALaterStep_data();
    void capturesFeedALaterStep();
    void stopFailsTheRunningStepAndSkipsTheRest_data();
    void stopFailsTheRunningStepAndSkipsTheRest();
    void adoptedEndpointIsLeftRunning_data();
    void adoptedEndpointIsLeftRunning();
    void floodingPeerIsBoundedAndTheFailureSaysWhatWasDropped();
    void inboxKeepsTheLastMessagesAndBytes_data();
    void inboxKeepsTheLastMessagesAndBytes();

private:
    void addThreadRows();
};

void TestScriptRunner::initTestCase()
{
    qRegisterMetaType<ScriptReport>();
}

void TestScriptRunner::addThreadRows()
{
    QTest::addColumn<bool>("threaded");
    QTest::newRow("session on this thread") << false;
    QTest::newRow("session on a network thread") << true;
}

void TestScriptRunner::passesAgainstAPythonPongServer_data()
{
    addThreadRows();
}

void TestScriptRunner::passesAgainstAPythonPongServer()
{
    QFETCH(bool, threaded);
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");
    PeerProcess server;
    const quint16 port = server.startPythonServer(python, QStringLiteral("pong_server.py"));
    QVERIFY2(port != 0, qPrintable(server.errText()));

    SessionUnderTest session(threaded);
    ScriptRunner runner(session.get());
    runner.setVariable(QStringLiteral("port"), QString::number(port)); // over the file's default
    const std::optional<Script> script = parse(PingSteps, R"({"host": "127.0.0.1", "port": "7000"})");
    QVERIFY(script);
    QSignalSpy started(&runner, &ScriptRunner::stepStarted);
    QSignalSpy stepped(&runner, &ScriptRunner::stepFinished);
    const std::optional<ScriptReport> report = run(runner, *script);
    QVERIFY(report);
    QVERIFY2(report->passed(), qPrintable(describe(*report)));
    QCOMPARE(started.size(), 4);
    QCOMPARE(stepped.size(), 4);
    // The report holds the steps as they ran: variables substituted.
    QCOMPARE(report->steps.first().summary(), QStringLiteral("open client (tcp connect 127.0.0.1:%1)").arg(port));
    QCOMPARE(report->results.at(2).message, QStringLiteral("got \"PONG 1\""));
    // The script's endpoints are gone from the session once the run ends.
    QTRY_VERIFY(session.get()->endpointIds().isEmpty());
}

void TestScriptRunner::passesAgainstASockPlayServerOnAPortZeroListen_data()
{
    addThreadRows();
}

void TestScriptRunner::passesAgainstASockPlayServerOnAPortZeroListen()
{
    QFETCH(bool, threaded);
    SessionUnderTest session(threaded);
    ScriptRunner runner(session.get());
    const std::optional<Script> script = parse(R"(
        {"open": "server", "listen": "0", "rules": ["regex:^PING (\\d+)$=>PONG \\1\\n"]},
        {"open": "client", "connect": "127.0.0.1:${server.port}"},
        {"wait": "connection", "on": "server"},
        {"send": "PING 42\n", "to": "client"},
        {"expect": "PING 42", "on": "server"},
        {"expect": "^PONG 42$", "as": "regex", "on": "client"},
        {"close": "client"},
        {"close": "server"})");
    QVERIFY(script);
    const std::optional<ScriptReport> report = run(runner, *script);
    QVERIFY(report);
    QVERIFY2(report->passed(), qPrintable(describe(*report)));
    // ${server.port} was the port the system picked, not 0.
    const QString connect = report->steps.at(1).summary();
    QVERIFY2(!connect.endsWith(QLatin1String(":0)")) && connect.startsWith(QLatin1String("open client (tcp connect 127.0.0.1:")),
             qPrintable(connect));
}

void TestScriptRunner::failingStepSaysWhyAndSkipsTheRest_data()
{
    QTest::addColumn<bool>("threaded");
    QTest::addColumn<QStringList>("serverArguments"); // empty: nothing listens
    QTest::addColumn<int>("failingStep");
    QTest::addColumn<QString>("message");
    for (const bool threaded : {false, true}) {
        const char *where = threaded ? "network thread" : "this thread";
        QTest::addRow("wrong reply shows what arrived, %s", where)
            << threaded << QStringList{QStringLiteral("--reply"), QStringLiteral("PONX")} << 2
            << QStringLiteral("got \"PONX 1\" (no match within 1000 ms)");
        QTest::addRow("no reply times out, %s", where)
            << threaded << QStringList{QStringLiteral("--silent")} << 2
            << QStringLiteral("nothing arrived within 1000 ms");
        QTest::addRow("connection refused fails the open, %s", where)
            << threaded << QStringList() << 0 << QStringLiteral("cannot connect to 127.0.0.1:%1: Connection refused");
    }
}

void TestScriptRunner::failingStepSaysWhyAndSkipsTheRest()
{
    QFETCH(bool, threaded);
    QFETCH(QStringList, serverArguments);
    QFETCH(int, failingStep);
    QFETCH(QString, message);
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");
    PeerProcess server;
    quint16 port = 0;
    if (serverArguments.isEmpty()) {
        port = findFreeTcpPort();
    } else {
        port = server.startPythonServer(python, QStringLiteral("pong_server.py"), serverArguments);
        QVERIFY2(port != 0, qPrintable(server.errText()));
    }

    SessionUnderTest session(threaded);
    ScriptRunner runner(session.get());
    runner.setVariable(QStringLiteral("port"), QString::number(port));
    const std::optional<Script> script = parse(PingSteps, R"({"host": "127.0.0.1"})");
    QVERIFY(script);
    const std::optional<ScriptReport> report = run(runner, *script);
    QVERIFY(report);
    QVERIFY(!report->passed());
    QList<Status> expected(4, Status::Passed);
    expected[failingStep] = Status::Failed;
    for (int i = failingStep + 1; i < 4; ++i)
        expected[i] = Status::Skipped;
    QCOMPARE(statuses(*report), expected);
    const QString got = report->results.at(failingStep).message;
    QVERIFY2(got.startsWith(message.contains(u'%') ? message.arg(port) : message), qPrintable(got));
    // The failed run removed what it opened.
    QTRY_VERIFY(session.get()->endpointIds().isEmpty());
}

void TestScriptRunner::refusedSendFailsTheStep_data()
{
    QTest::addColumn<bool>("threaded");
    QTest::addColumn<QByteArray>("steps");
    QTest::addColumn<int>("failingStep");
    QTest::addColumn<QString>("message");
    for (const bool threaded : {false, true}) {
        const char *where = threaded ? "network thread" : "this thread";
        // The endpoint is open, so only the session can refuse: the step
        // waits for its word (SessionFence) instead of passing at once.
        QTest::addRow("server without clients, %s", where) << threaded << QByteArray(R"(
            {"open": "server", "listen": "0"},
            {"send": "hello\n"},
            {"close": "server"})") << 1 << QStringLiteral("no client is connected");
        QTest::addRow("client after it closed, %s", where) << threaded << QByteArray(R"(
            {"open": "server", "listen": "0"},
            {"open": "client", "connect": "127.0.0.1:${server.port}"},
            {"close": "client"},
            {"send": "hello\n"})") << 3 << QStringLiteral("client is not open");
        QTest::addRow("newest connection without one, %s", where) << threaded << QByteArray(R"(
            {"open": "server", "listen": "0"},
            {"send": "hello\n", "connection": "last"})") << 1 << QStringLiteral("server has no connection to send to");
    }
}

void TestScriptRunner::refusedSendFailsTheStep()
{
    QFETCH(bool, threaded);
    QFETCH(QByteArray, steps);
    QFETCH(int, failingStep);
    QFETCH(QString, message);
    SessionUnderTest session(threaded);
    ScriptRunner runner(session.get());
    const std::optional<Script> script = parse(steps);
    QVERIFY(script);
    const std::optional<ScriptReport> report = run(runner, *script);
    QVERIFY(report);
    QCOMPARE(report->results.at(failingStep).status, Status::Failed);
    QVERIFY2(report->results.at(failingStep).message.contains(message), qPrintable(describe(*report)));
    for (int i = 0; i < failingStep; ++i)
        QCOMPARE(report->results.at(i).status, Status::Passed);
}

void TestScriptRunner::capturesFeedALaterStep_data()
{
    addThreadRows();
}

void TestScriptRunner::capturesFeedALaterStep()
{
    QFETCH(bool, threaded);
    SessionUnderTest session(threaded);
    ScriptRunner runner(session.get());
    const std::optional<Script> script = parse(R"(
        {"open": "server", "listen": "0", "rules": ["prefix:HELLO=>TOKEN a1b2 7\n"]},
        {"open": "client", "connect": "127.0.0.1:${server.port}"},
        {"send": "HELLO\n"},
        {"expect": "^TOKEN (\\w+) (?<n>\\d+)$", "as": "regex", "capture": ["token"]},
        {"send": "USE ${token} ${n}\n"},
        {"expect": "USE a1b2 7", "on": "server"})");
    QVERIFY(script);
    const std::optional<ScriptReport> report = run(runner, *script);
    QVERIFY(report);
    QVERIFY2(report->passed(), qPrintable(describe(*report)));
    QCOMPARE(report->steps.at(4).payload, QStringLiteral("USE a1b2 7\n"));
}

void TestScriptRunner::stopFailsTheRunningStepAndSkipsTheRest_data()
{
    addThreadRows();
}

void TestScriptRunner::stopFailsTheRunningStepAndSkipsTheRest()
{
    QFETCH(bool, threaded);
    SessionUnderTest session(threaded);
    ScriptRunner runner(session.get());
    const std::optional<Script> script = parse(R"(
        {"open": "server", "listen": "0"},
        {"wait": "connection", "within": 600000},
        {"close": "server"})");
    QVERIFY(script);
    QSignalSpy started(&runner, &ScriptRunner::stepStarted);
    QSignalSpy finished(&runner, &ScriptRunner::finished);
    runner.start(*script);
    QVERIFY(runner.isRunning());
    QTRY_COMPARE(started.size(), 2);
    runner.stop();
    QVERIFY(finished.wait());
    QVERIFY(!runner.isRunning());
    const auto report = finished.first().first().value<ScriptReport>();
    QCOMPARE(statuses(report), (QList<Status>{Status::Passed, Status::Failed, Status::Skipped}));
    QCOMPARE(report.results.at(1).message, QStringLiteral("stopped by the user"));
    QTRY_VERIFY(session.get()->endpointIds().isEmpty());
}

void TestScriptRunner::adoptedEndpointIsLeftRunning_data()
{
    addThreadRows();
}

void TestScriptRunner::adoptedEndpointIsLeftRunning()
{
    QFETCH(bool, threaded);
    SessionUnderTest session(threaded);
    Session *s = session.get();
    EndpointConfig config;
    config.name = QStringLiteral("echo");
    config.echo = true;
    FrameSpec line;
    line.kind = FrameSpec::Kind::Line;
    config.frame = line;
    const int echo = s->addEndpoint(config);
    s->start(echo, config);
    QTRY_VERIFY(s->snapshot(echo).isActive());

    ScriptRunner runner(s);
    runner.adoptEndpoint(QStringLiteral("echo"), echo);
    const std::optional<Script> script = parse(R"(
        {"open": "client", "connect": "127.0.0.1:${echo.port}"},
        {"send": "hello\n"},
        {"expect": "hello", "on": "echo"},
        {"expect": "hello", "on": "client"},
        {"close": "client"})");
    QVERIFY(script);
    const std::optional<ScriptReport> report = run(runner, *script);
    QVERIFY(report);
    QVERIFY2(report->passed(), qPrintable(describe(*report)));
    QTRY_COMPARE(s->endpointIds(), QList<int>{echo}); // the client went, the adopted server stayed
    QVERIFY(s->snapshot(echo).isActive());
}

void TestScriptRunner::floodingPeerIsBoundedAndTheFailureSaysWhatWasDropped()
{
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");
    PeerProcess server;
    const quint16 port = server.startPythonServer(python, QStringLiteral("pong_server.py"),
                                                  {QStringLiteral("--flood"), QStringLiteral("20000")});
    QVERIFY2(port != 0, qPrintable(server.errText()));
    SessionHost host;
    ScriptRunner runner(host.session());
    runner.setVariable(QStringLiteral("port"), QString::number(port));
    // While no expect runs, the noise piles up in the inbox: it keeps the last
    // ScriptInbox::MaxMessages. (The wait only gives 200 kB on loopback time to arrive.)
    const std::optional<Script> script = parse(R"(
        {"open": "client", "connect": "127.0.0.1:${port}"},
        {"wait": 2000},
        {"expect": "NEVER", "within": 0})");
    QVERIFY(script);
    const std::optional<ScriptReport> report = run(runner, *script);
    QVERIFY(report);
    const QString message = report->results.at(2).message;
    QCOMPARE(report->results.at(2).status, Status::Failed);
    QVERIFY2(message.contains(QLatin1String("older messages were dropped (a script keeps the last 1000)")), qPrintable(message));
}

void TestScriptRunner::inboxKeepsTheLastMessagesAndBytes_data()
{
    QTest::addColumn<bool>("stream");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("misses");
    QTest::newRow("messages under the cap") << false << 10 << QStringLiteral("got \"m0\", \"m1\", \"m2\" and 7 more");
    QTest::newRow("messages over the cap")
        << false << 1500 << QStringLiteral("got \"m500\", \"m501\", \"m502\" and 997 more (no match now); 500 older messages were dropped");
    QTest::newRow("stream over the cap") << true << 300000 << QStringLiteral("older bytes were dropped");
}

void TestScriptRunner::inboxKeepsTheLastMessagesAndBytes()
{
    QFETCH(bool, stream);
    QFETCH(int, count);
    QFETCH(QString, misses);
    ScriptInbox inbox(stream);
    for (int i = 0; i < count; ++i)
        inbox.add("m" + QByteArray::number(i));
    QString error;
    const std::optional<ScriptInbox::Pattern> never =
        ScriptInbox::Pattern::make(ScriptStep::Match::Text, QStringLiteral("NEVER"), {}, &error);
    QVERIFY(never);
    QVERIFY(!inbox.take(*never));
    const QString got = inbox.describeMisses(QStringLiteral("now"));
    QVERIFY2(got.contains(misses), qPrintable(got));
}

QTEST_GUILESS_MAIN(TestScriptRunner)
#include "tst_scriptrunner.moc"
