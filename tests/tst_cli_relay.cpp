// sockplay-cli relay LISTEN_PORT TARGET_HOST TARGET_PORT, run as a user
// runs it, between a Python client and a Python server (Python's socket
// module, tests/peers/relay_peer.py): both directions printed with their
// markers, the target refusing, and usage errors with their reasons; and
// relay --udp between the UDP peers (tests/peers/udp_relay_peer.py).
#include "clisupport.h"

#include <QRegularExpression>
#include <QTcpServer>
#include <QUdpSocket>
#include <QTest>

using namespace SockPlayTest;

class TestCliRelay : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void relaysAPythonClientToAPythonServerPrintingBothWays();
    void framedLinesArePrintedAMessageALine();
    void aTargetThatRefusesIsSaidOnStderr();
    void aUdpRelayPrintsEachDatagramThroughTheSimulatedLink();
    void aUdpTargetThatRefusesIsSaidOnStderr();
    void usageErrorsNameTheReason_data();
    void usageErrorsNameTheReason();
    void helpSaysHowToReadTheOutput();

private:
    QString m_python;
};

void TestCliRelay::initTestCase()
{
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");
    m_python = python;
}

void TestCliRelay::relaysAPythonClientToAPythonServerPrintingBothWays()
{
    PeerProcess server;
    const quint16 targetPort = server.startPythonServer(m_python, QStringLiteral("relay_peer.py"), {QStringLiteral("server")});
    QVERIFY2(targetPort, qPrintable(server.errText()));
    PeerProcess relay;
    QVERIFY(relay.start(cliPath(), {QStringLiteral("relay"), QStringLiteral("--once"), QStringLiteral("0"),
                                    QStringLiteral("127.0.0.1"), QString::number(targetPort)}));
    const quint16 port = relay.waitForCliPort();
    QVERIFY2(port, qPrintable(relay.errText()));
    QVERIFY2(relay.errText().contains(QStringLiteral("relaying each client to 127.0.0.1:%1").arg(targetPort)),
             qPrintable(relay.errText()));

    PeerProcess client;
    QVERIFY(client.startPython(m_python, QStringLiteral("relay_peer.py"),
                               {QStringLiteral("client"), QStringLiteral("--port"), QString::number(port),
                                QStringLiteral("--send"), QStringLiteral("hello"), QStringLiteral("--send"),
                                QStringLiteral("bye")}));
    QVERIFY2(client.waitForExit(), qPrintable(client.errText()));
    QCOMPARE(client.out(), QByteArray("connected\nreply echo: hello\nreply bye\n"));
    // --once: the conversation is over, so is the relay.
    QVERIFY2(relay.waitForExit(), qPrintable(relay.errText()));
    QCOMPARE(relay.exitCode(), 0);
    QCOMPARE(relay.out(), QByteArray("#1 -> hello\\n\n#1 <- echo: hello\\n\n#1 -> bye\\n\n#1 <- bye\\n\n"));
}

void TestCliRelay::framedLinesArePrintedAMessageALine()
{
    PeerProcess server;
    const quint16 targetPort = server.startPythonServer(m_python, QStringLiteral("relay_peer.py"), {QStringLiteral("server")});
    QVERIFY2(targetPort, qPrintable(server.errText()));
    PeerProcess relay;
    QVERIFY(relay.start(cliPath(), {QStringLiteral("relay"), QStringLiteral("--once"), QStringLiteral("--frame"),
                                    QStringLiteral("line"), QStringLiteral("--delay"), QStringLiteral("50"),
                                    QStringLiteral("0"), QStringLiteral("127.0.0.1"), QString::number(targetPort)}));
    const quint16 port = relay.waitForCliPort();
    QVERIFY2(port, qPrintable(relay.errText()));
    PeerProcess client;
    QVERIFY(client.startPython(m_python, QStringLiteral("relay_peer.py"),
                               {QStringLiteral("client"), QStringLiteral("--port"), QString::number(port),
                                QStringLiteral("--send"), QStringLiteral("one"), QStringLiteral("--send"), QStringLiteral("bye")}));
    QVERIFY2(client.waitForExit(), qPrintable(client.errText()));
    QCOMPARE(client.out(), QByteArray("connected\nreply echo: one\nreply bye\n"));
    QVERIFY2(relay.waitForExit(), qPrintable(relay.errText()));
    QCOMPARE(relay.exitCode(), 0);
    QCOMPARE(relay.out(), QByteArray("#1 -> one\n#1 <- echo: one\n#1 -> bye\n#1 <- bye\n"));
}

void TestCliRelay::aTargetThatRefusesIsSaidOnStderr()
{
    quint16 closedPort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        closedPort = probe.serverPort();
    }
    PeerProcess relay;
    QVERIFY(relay.start(cliPath(), {QStringLiteral("relay"), QStringLiteral("--once"), QStringLiteral("0"),
                                    QStringLiteral("127.0.0.1"), QString::number(closedPort)}));
    const quint16 port = relay.waitForCliPort();
    QVERIFY2(port, qPrintable(relay.errText()));
    PeerProcess client;
    QVERIFY(client.startPython(m_python, QStringLiteral("relay_peer.py"),
                               {QStringLiteral("client"), QStringLiteral("--port"), QString::number(port),
                                QStringLiteral("--send"), QStringLiteral("hello")}));
    QVERIFY2(client.waitForExit(), qPrintable(client.errText()));
    QVERIFY2(!client.out().contains("reply"), client.out().constData());
    QVERIFY2(relay.waitForExit(), qPrintable(relay.errText()));
    QCOMPARE(relay.exitCode(), 1);
    const QString expected = QStringLiteral("the relay's target 127.0.0.1:%1 cannot be reached: ").arg(closedPort);
    QVERIFY2(relay.errText().contains(expected), qPrintable(relay.errText()));
    QVERIFY2(relay.errText().contains(QLatin1String("refused")), qPrintable(relay.errText()));
}

void TestCliRelay::aUdpRelayPrintsEachDatagramThroughTheSimulatedLink()
{
    PeerProcess server;
    const quint16 targetPort = server.startPythonServer(m_python, QStringLiteral("udp_relay_peer.py"), {QStringLiteral("server")});
    QVERIFY2(targetPort, qPrintable(server.errText()));
    PeerProcess relay;
    QVERIFY(relay.start(cliPath(), {QStringLiteral("relay"), QStringLiteral("--udp"), QStringLiteral("--once"),
                                    QStringLiteral("--idle-timeout"), QStringLiteral("300"), QStringLiteral("--sim-dup"),
                                    QStringLiteral("100"), QStringLiteral("--sim-seed"), QStringLiteral("7"),
                                    QStringLiteral("0"), QStringLiteral("127.0.0.1"), QString::number(targetPort)}));
    const quint16 port = relay.waitForCliPort();
    QVERIFY2(port, qPrintable(relay.errText()));
    QVERIFY2(relay.errText().contains(QLatin1String("simulated link on send: 100% duplicates, seed 7")),
             qPrintable(relay.errText()));
    PeerProcess client;
    QVERIFY(client.startPython(m_python, QStringLiteral("udp_relay_peer.py"),
                               {QStringLiteral("client"), QStringLiteral("--port"), QString::number(port),
                                QStringLiteral("--send"), QStringLiteral("hello"), QStringLiteral("--extra"),
                                QStringLiteral("1")}));
    QVERIFY2(client.waitForExit(), qPrintable(client.errText()));
    // Sent once, duplicated on its way to the target, answered twice.
    QCOMPARE(client.out(), QByteArray("reply echo: hello\nreply echo: hello\n"));
    // --once: the association ends after 300 ms of quiet, so does the relay.
    QVERIFY2(relay.waitForExit(), qPrintable(relay.errText()));
    QCOMPARE(relay.exitCode(), 0);
    QCOMPARE(relay.out(), QByteArray("#1 -> hello\n#1 <- echo: hello\n#1 <- echo: hello\n"));
}

void TestCliRelay::aUdpTargetThatRefusesIsSaidOnStderr()
{
    quint16 closedPort = 0;
    {
        QUdpSocket probe;
        QVERIFY(probe.bind(QHostAddress::LocalHost, 0));
        closedPort = probe.localPort();
    }
    PeerProcess relay;
    QVERIFY(relay.start(cliPath(), {QStringLiteral("relay"), QStringLiteral("--udp"), QStringLiteral("--once"),
                                    QStringLiteral("0"), QStringLiteral("127.0.0.1"), QString::number(closedPort)}));
    const quint16 port = relay.waitForCliPort();
    QVERIFY2(port, qPrintable(relay.errText()));
    PeerProcess client;
    QVERIFY(client.startPython(m_python, QStringLiteral("udp_relay_peer.py"),
                               {QStringLiteral("client"), QStringLiteral("--port"), QString::number(port),
                                QStringLiteral("--flood"), QStringLiteral("1")}));
    QVERIFY2(client.waitForExit(), qPrintable(client.errText()));
    QVERIFY2(relay.waitForExit(), qPrintable(relay.errText()));
    QCOMPARE(relay.exitCode(), 1);
    QVERIFY2(relay.errText().contains(QStringLiteral("the relay's target 127.0.0.1:%1 cannot be reached: ICMP port unreachable")
                                          .arg(closedPort)),
             qPrintable(relay.errText()));
}

void TestCliRelay::usageErrorsNameTheReason_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("reason");
    const QString r = QStringLiteral("relay");
    QTest::newRow("no target port") << QStringList{r, QStringLiteral("0"), QStringLiteral("127.0.0.1")}
                                    << QStringLiteral("missing TARGET_PORT");
    QTest::newRow("target port 0") << QStringList{r, QStringLiteral("0"), QStringLiteral("127.0.0.1"), QStringLiteral("0")}
                                   << QStringLiteral("invalid port '0': expected a number from 1 to 65535");
    QTest::newRow("listen port not a number") << QStringList{r, QStringLiteral("x"), QStringLiteral("h"), QStringLiteral("1")}
                                              << QStringLiteral("invalid port 'x'");
    QTest::newRow("empty target host") << QStringList{r, QStringLiteral("0"), QStringLiteral(" "), QStringLiteral("1")}
                                       << QStringLiteral("TARGET_HOST is empty");
    QTest::newRow("bad bind") << QStringList{r, QStringLiteral("--bind"), QStringLiteral("nowhere"), QStringLiteral("0"),
                                             QStringLiteral("h"), QStringLiteral("1")}
                              << QStringLiteral("invalid bind address 'nowhere'");
    QTest::newRow("delay too long") << QStringList{r, QStringLiteral("--delay"), QStringLiteral("60001"), QStringLiteral("0"),
                                                   QStringLiteral("h"), QStringLiteral("1")}
                                    << QStringLiteral("invalid value '60001' for --delay: expected milliseconds from 0 to 60000");
    QTest::newRow("cert without listen-tls") << QStringList{r, QStringLiteral("--cert"), QStringLiteral("c.pem"), QStringLiteral("0"),
                                                            QStringLiteral("h"), QStringLiteral("1")}
                                             << QStringLiteral("--cert is for the listening side's TLS: add --listen-tls");
    QTest::newRow("listen-tls without a certificate") << QStringList{r, QStringLiteral("--listen-tls"), QStringLiteral("0"),
                                                                     QStringLiteral("h"), QStringLiteral("1")}
                                                      << QStringLiteral("--listen-tls needs a certificate");
    QTest::newRow("listen-tls with a missing file")
        << QStringList{r, QStringLiteral("--listen-tls"), QStringLiteral("--cert"), QStringLiteral("/nonexistent/c.pem"),
                       QStringLiteral("--key"), QStringLiteral("/nonexistent/c.key"), QStringLiteral("0"), QStringLiteral("h"),
                       QStringLiteral("1")}
        << QStringLiteral("--listen-tls: ");
    QTest::newRow("ca without target-tls") << QStringList{r, QStringLiteral("--ca"), QStringLiteral("ca.pem"), QStringLiteral("0"),
                                                          QStringLiteral("h"), QStringLiteral("1")}
                                           << QStringLiteral("--ca is for TLS to the target: add --target-tls");
    QTest::newRow("simulated link") << QStringList{r, QStringLiteral("--sim-loss"), QStringLiteral("5"), QStringLiteral("0"),
                                                   QStringLiteral("h"), QStringLiteral("1")}
                                    << QStringLiteral("the simulated link is for UDP only: add --udp");
    QTest::newRow("udp with listen-tls") << QStringList{r, QStringLiteral("--udp"), QStringLiteral("--listen-tls"),
                                                        QStringLiteral("--self-signed"), QStringLiteral("0"),
                                                        QStringLiteral("h"), QStringLiteral("1")}
                                         << QStringLiteral("--udp and --listen-tls do not go together");
    QTest::newRow("idle timeout without udp") << QStringList{r, QStringLiteral("--idle-timeout"), QStringLiteral("500"),
                                                             QStringLiteral("0"), QStringLiteral("h"), QStringLiteral("1")}
                                              << QStringLiteral("--idle-timeout is for a UDP relay: add --udp");
    QTest::newRow("idle timeout too short") << QStringList{r, QStringLiteral("--udp"), QStringLiteral("--idle-timeout"),
                                                           QStringLiteral("5"), QStringLiteral("0"), QStringLiteral("h"),
                                                           QStringLiteral("1")}
                                            << QStringLiteral("invalid value '5' for --idle-timeout: expected milliseconds from 100");
    QTest::newRow("udp with a framing") << QStringList{r, QStringLiteral("--udp"), QStringLiteral("--frame"),
                                                       QStringLiteral("line"), QStringLiteral("0"), QStringLiteral("h"),
                                                       QStringLiteral("1")}
                                        << QStringLiteral("--frame is for TCP: each UDP datagram is one message already");
    QTest::newRow("udp with a bad loss") << QStringList{r, QStringLiteral("--udp"), QStringLiteral("--sim-loss"),
                                                        QStringLiteral("101"), QStringLiteral("0"), QStringLiteral("h"),
                                                        QStringLiteral("1")}
                                         << QStringLiteral("invalid value '101' for --sim-loss");
}

void TestCliRelay::usageErrorsNameTheReason()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, reason);
    const CliRun run = runCli(arguments);
    QCOMPARE(run.exitCode, 2);
    const QString err = QString::fromUtf8(run.err);
    QVERIFY2(err.contains(reason), qPrintable(err));
    // One line with the reason (and the usual pointer to --help).
    QVERIFY2(err.startsWith(QLatin1String("sockplay-cli relay: ")), qPrintable(err));
    QVERIFY(run.out.isEmpty());
}

void TestCliRelay::helpSaysHowToReadTheOutput()
{
    const CliRun run = runCli({QStringLiteral("relay"), QStringLiteral("--help")});
    QCOMPARE(run.exitCode, 0);
    const QString help = QString::fromUtf8(run.out + run.err);
    for (const QString &expected : {QStringLiteral("LISTEN_PORT"), QStringLiteral("TARGET_HOST"), QStringLiteral("TARGET_PORT"),
                                    QStringLiteral("--listen-tls"), QStringLiteral("--target-tls"), QStringLiteral("--delay"),
                                    QStringLiteral("\"#1 -> \""), QStringLiteral("--max-clients"), QStringLiteral("--udp"),
                                    QStringLiteral("--idle-timeout"), QStringLiteral("--sim-loss"), QStringLiteral("--sim-on")})
        QVERIFY2(help.contains(expected), qPrintable(expected + QStringLiteral(" not in:\n") + help));
    // And the list of commands names it.
    const CliRun list = runCli({QStringLiteral("--help")});
    QVERIFY2(QString::fromUtf8(list.out + list.err).contains(QLatin1String("relay")), list.out.constData());
}

QTEST_GUILESS_MAIN(TestCliRelay)
#include "tst_cli_relay.moc"
