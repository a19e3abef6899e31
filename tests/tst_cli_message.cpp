// A MESSAGE argument whose macro fails when it is sent ({{file:}} of a file
// that is not there): the command exits 1 with the macro's reason, for each
// command that sends one (Command::expandMessage).

#include "clisupport.h"

#include <QTest>

using namespace SockPlayTest;

class TestCliMessage : public QObject
{
    Q_OBJECT

private slots:
    void anUnreadableFileInTheMessageExitsOne_data();
    void anUnreadableFileInTheMessageExitsOne();
};

void TestCliMessage::anUnreadableFileInTheMessageExitsOne_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("peer"); // a tutorial server to connect to, or none
    QTest::newRow("udp-send") << QStringLiteral("udp-send") << QStringLiteral("udp_receiver.py");
    QTest::newRow("tcp-connect") << QStringLiteral("tcp-connect") << QStringLiteral("echo_server.py");
}

void TestCliMessage::anUnreadableFileInTheMessageExitsOne()
{
    QFETCH(QString, command);
    QFETCH(QString, peer);
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");
    PeerProcess server;
    const quint16 port = server.startPythonServer(python, peer);
    QVERIFY2(port != 0, qPrintable(server.errText()));
    const CliRun run = runCli({command, QStringLiteral("127.0.0.1"), QString::number(port),
                               QStringLiteral("a {{file:/nonexistent/sockplay-message}} b")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("cannot read /nonexistent/sockplay-message for the reply"), run.err.constData());
}

QTEST_GUILESS_MAIN(TestCliMessage)
#include "tst_cli_message.moc"
