// `sockplay-cli run` as CI runs it: the built executable, the shipped
// examples, a Python PONG server and the tutorial's welcome server over
// loopback; the exit code, the report on stdout, and the JUnit file read by
// Python's xml.etree as CI tools read it. Every wait runs the event loop.

#include "peers/peerprocess.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace SockPlayTest;

namespace {

QString cliPath()
{
    return QStringLiteral(SOCKPLAY_CLI_PATH);
}

QString example(const char *name)
{
    return QStringLiteral(SOCKPLAY_PEERS_DIR "/../../examples/") + QString::fromLatin1(name);
}

/// What Python's xml.etree (as pytest's and CI tools' readers do) reads in a JUnit file.
const char *ReadJUnit = R"(
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
suite = root.find('testsuite')
cases = suite.findall('testcase')
print(root.tag, suite.get('name'), suite.get('tests'), suite.get('failures'), suite.get('skipped'), len(cases),
      len(suite.findall('testcase/failure')), len(suite.findall('testcase/skipped')))
for case in cases:
    failure = case.find('failure')
    print(case.get('name') + (' | ' + failure.get('message') if failure is not None else ''))
)";

} // namespace

class TestCliRun : public QObject
{
    Q_OBJECT

private slots:
    void pingPassesAgainstAPythonPongServer();
    void pingFailsAgainstAWrongReplyWithExitOneAndAJUnitFailure();
    void welcomeExamplePassesAgainstTheTutorialServer();
    void brokenFilesExitTwoWithTheReason_data();
    void brokenFilesExitTwoWithTheReason();
    void badArgumentsExitTwo_data();
    void badArgumentsExitTwo();
    void interruptStopsTheRunAndSkipsTheRest();
    void helpShowsExamples();

private:
    QTemporaryDir m_dir;
};

void TestCliRun::pingPassesAgainstAPythonPongServer()
{
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");
    PeerProcess server;
    const quint16 port = server.startPythonServer(python, QStringLiteral("pong_server.py"));
    QVERIFY2(port != 0, qPrintable(server.errText()));

    const QString junit = m_dir.filePath(QStringLiteral("pass.xml"));
    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), {QStringLiteral("run"), example("ping.json"), QStringLiteral("--set"),
                                  QStringLiteral("port=%1").arg(port), QStringLiteral("--junit"), junit}));
    QVERIFY(cli.waitForExit());
    QVERIFY2(cli.exitCode() == 0, QByteArray(cli.out() + cli.err()).constData());
    const QStringList lines = QString::fromUtf8(cli.out()).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 5);
    QCOMPARE(lines.at(0), QStringLiteral("PASS 1 open client (tcp connect 127.0.0.1:%1)").arg(port));
    QCOMPARE(lines.at(1), QStringLiteral("PASS 2 send \"PING 1\\n\" to client"));
    QCOMPARE(lines.at(2), QStringLiteral("PASS 3 expect /^PONG 1$/ on client"));
    QCOMPARE(lines.at(3), QStringLiteral("PASS 4 close client"));
    QVERIFY2(lines.at(4).startsWith(QLatin1String("4 passed, 0 failed, 0 skipped in ")), qPrintable(lines.at(4)));
    QCOMPARE(cli.err(), QByteArray());

    PeerProcess reader;
    QVERIFY(reader.start(python, {QStringLiteral("-c"), QString::fromLatin1(ReadJUnit), junit}));
    QVERIFY(reader.waitForExit());
    QVERIFY2(reader.exitCode() == 0, reader.err());
    QVERIFY2(reader.out().startsWith("testsuites ping 4 0 0 4 0 0\n"), reader.out());
    QVERIFY2(reader.out().contains("\n3: expect /^PONG 1$/ on client\n"), reader.out());
}

void TestCliRun::pingFailsAgainstAWrongReplyWithExitOneAndAJUnitFailure()
{
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");
    PeerProcess server;
    const quint16 port = server.startPythonServer(python, QStringLiteral("pong_server.py"),
                                                  {QStringLiteral("--reply"), QStringLiteral("PONX")});
    QVERIFY2(port != 0, qPrintable(server.errText()));

    const QString junit = m_dir.filePath(QStringLiteral("fail.xml"));
    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), {QStringLiteral("run"), QStringLiteral("--set"), QStringLiteral("port=%1").arg(port),
                                  QStringLiteral("--junit"), junit, example("ping.json")}));
    QVERIFY(cli.waitForExit());
    QVERIFY2(cli.exitCode() == 1, QByteArray(cli.out() + cli.err()).constData());
    const QString out = QString::fromUtf8(cli.out());
    QVERIFY2(out.contains(QStringLiteral("\nFAIL 3 expect /^PONG 1$/ on client — got \"PONX 1\" (no match within 1000 ms)\n")),
             qPrintable(out));
    QVERIFY2(out.contains(QLatin1String("\nSKIP 4 close client\n2 passed, 1 failed, 1 skipped in ")), qPrintable(out));

    PeerProcess reader;
    QVERIFY(reader.start(python, {QStringLiteral("-c"), QString::fromLatin1(ReadJUnit), junit}));
    QVERIFY(reader.waitForExit());
    QVERIFY2(reader.exitCode() == 0, reader.err());
    QVERIFY2(reader.out().startsWith("testsuites ping 4 1 1 4 1 1\n"), reader.out());
    QVERIFY2(reader.out().contains("\n3: expect /^PONG 1$/ on client | got \"PONX 1\" (no match within 1000 ms)\n"),
             reader.out());
}

void TestCliRun::welcomeExamplePassesAgainstTheTutorialServer()
{
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");
    PeerProcess server;
    const quint16 port = server.startPythonServer(python, QStringLiteral("welcome_server.py"));
    QVERIFY2(port != 0, qPrintable(server.errText()));

    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), {QStringLiteral("run"), example("welcome.json"), QStringLiteral("--set"),
                                  QStringLiteral("port=%1").arg(port)}));
    QVERIFY(cli.waitForExit());
    QVERIFY2(cli.exitCode() == 0, QByteArray(cli.out() + cli.err()).constData());
    QVERIFY2(cli.out().contains("PASS 2 expect \"Welcome to the server!\" on client within 2000 ms\n"), cli.out());
    QVERIFY2(cli.out().contains("\n3 passed, 0 failed, 0 skipped in "), cli.out());
    QVERIFY(server.waitForExit());
    QVERIFY(server.out().contains("has been established!"));
}

void TestCliRun::brokenFilesExitTwoWithTheReason_data()
{
    QTest::addColumn<QByteArray>("content"); // empty: no such file
    QTest::addColumn<QString>("reason");
    QTest::newRow("no such file") << QByteArray() << QStringLiteral("No such file or directory");
    QTest::newRow("not JSON") << QByteArray("{\"format\": \"sockplay-script\",\n oops") << QStringLiteral("not valid JSON at line 2, column 2");
    QTest::newRow("newer version") << QByteArray(R"({"format": "sockplay-script", "version": 3, "steps": [{"wait": 1}]})")
                                   << QStringLiteral("this script is version 3; this SockPlay reads version 1");
    QTest::newRow("unknown key") << QByteArray(R"({"format": "sockplay-script", "version": 1, "steps": [{"wait": 1}, {"close": "c", "now": true}]})")
                                 << QStringLiteral("step 2 (close): unknown key \"now\"");
    QTest::newRow("another format") << QByteArray(R"({"format": "sockplay-messages", "version": 1, "messages": []})")
                                    << QStringLiteral("not a SockPlay script: \"format\" is \"sockplay-messages\"");
    QTest::newRow("session file") << QByteArray(R"({"format": "sockplay-session", "version": 1})")
                                  << QStringLiteral("session files: not yet supported");
}

void TestCliRun::brokenFilesExitTwoWithTheReason()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, reason);
    const QString path = m_dir.filePath(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-') + QStringLiteral(".json"));
    if (!content.isEmpty()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), {QStringLiteral("run"), path}));
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 2);
    QCOMPARE(cli.out(), QByteArray());
    const QString err = cli.errText();
    QVERIFY2(err.startsWith(QStringLiteral("sockplay-cli: ") + path + QStringLiteral(": ")), qPrintable(err));
    QVERIFY2(err.contains(reason), qPrintable(err));
}

void TestCliRun::badArgumentsExitTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("reason");
    const QString ping = example("ping.json");
    QTest::newRow("--set without =") << QStringList{QStringLiteral("--set"), QStringLiteral("port"), ping}
                                     << QStringLiteral("--set 'port': expected NAME=VALUE");
    QTest::newRow("--set without a name") << QStringList{QStringLiteral("--set"), QStringLiteral("=7000"), ping}
                                          << QStringLiteral("--set '=7000': expected NAME=VALUE");
    QTest::newRow("--set with a space in the name") << QStringList{QStringLiteral("--set"), QStringLiteral("my port=1"), ping}
                                                    << QStringLiteral("expected NAME=VALUE");
    QTest::newRow("no FILE") << QStringList() << QStringLiteral("missing FILE");
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--junti"), QStringLiteral("x.xml"), ping}
                                    << QStringLiteral("unknown option 'junti'");
}

void TestCliRun::badArgumentsExitTwo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, reason);
    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), QStringList{QStringLiteral("run")} + arguments));
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 2);
    QCOMPARE(cli.out(), QByteArray());
    QVERIFY2(cli.errText().contains(reason), qPrintable(cli.errText()));
}

void TestCliRun::interruptStopsTheRunAndSkipsTheRest()
{
    const QString path = m_dir.filePath(QStringLiteral("forever.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"format": "sockplay-script", "version": 1, "steps": [
        {"open": "server", "listen": "0"},
        {"wait": "connection", "within": 600000},
        {"close": "server"}]})");
    file.close();
    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), {QStringLiteral("run"), path}));
    QVERIFY(cli.waitForOutput(qsizetype(qstrlen("PASS 1 open server (tcp listen 0)\n"))));
    ::kill(pid_t(cli.processId()), SIGINT);
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 130);
    const QString out = QString::fromUtf8(cli.out());
    QVERIFY2(out.startsWith(QStringLiteral("PASS 1 open server (tcp listen 0)\n"
                                          "FAIL 2 wait for a connection on server within 600000 ms — stopped by the user\n"
                                          "SKIP 3 close server\n"
                                          "1 passed, 1 failed, 1 skipped in ")),
             qPrintable(out));
}

void TestCliRun::helpShowsExamples()
{
    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), {QStringLiteral("run"), QStringLiteral("--help")}));
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 0);
    const QString out = QString::fromUtf8(cli.out());
    QVERIFY2(out.contains(QLatin1String("sockplay-cli run examples/ping.json --set port=7000")), qPrintable(out));
    QVERIFY2(out.contains(QLatin1String("--junit <FILE>")), qPrintable(out));
    QVERIFY2(out.contains(QLatin1String("130 stopped by")), qPrintable(out));
}

QTEST_GUILESS_MAIN(TestCliRun)
#include "tst_clirun.moc"
