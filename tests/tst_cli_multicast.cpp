// sockplay-cli's multicast and broadcast options as a user runs them: the
// built executable against Python's socket module (tests/peers/mcast_peer.py)
// on the loopback interface. Every wait runs the event loop; nothing sleeps.
// Where the kernel carries no multicast on lo, a test skips with its reason.

#include "clisupport.h"
#include "multicasttestsupport.h"

#include <QTest>

using namespace SockPlayTest;

class TestCliMulticast : public QObject
{
    Q_OBJECT
private slots:
    void helpDescribesTheOptions_data();
    void helpDescribesTheOptions();
    void badArgumentsExitTwoWithAOneLineReason_data();
    void badArgumentsExitTwoWithAOneLineReason();
    void udpListenJoinPrintsWhatAPythonSenderSendsToTheGroup();
    void udpSendToAGroupReachesAPythonMember_data();
    void udpSendToAGroupReachesAPythonMember();
    void udpSendToABroadcastAddress_data();
    void udpSendToABroadcastAddress();
};

void TestCliMulticast::helpDescribesTheOptions_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("mentions");
    QTest::newRow("udp-listen") << QStringLiteral("udp-listen")
                                << QStringList{QStringLiteral("--join <GROUP>"), QStringLiteral("--iface <NAME>"),
                                               QStringLiteral("--join 239.255.0.1 --iface lo 9000")};
    QTest::newRow("udp-send") << QStringLiteral("udp-send")
                              << QStringList{QStringLiteral("--ttl <N>"), QStringLiteral("--iface <NAME>"),
                                             QStringLiteral("--no-loopback"), QStringLiteral("--broadcast"),
                                             QStringLiteral("EACCES"),
                                             QStringLiteral("--iface lo --ttl 1 239.255.0.1 9000 hello")};
}

void TestCliMulticast::helpDescribesTheOptions()
{
    QFETCH(QString, command);
    QFETCH(QStringList, mentions);
    const CliRun run = runCli({command, QStringLiteral("--help")});
    QCOMPARE(run.exitCode, 0);
    const QString out = QString::fromUtf8(run.out);
    for (const QString &mention : mentions)
        QVERIFY2(out.contains(mention), qPrintable(mention + QStringLiteral(" missing from:\n") + out));
}

void TestCliMulticast::badArgumentsExitTwoWithAOneLineReason_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("reason");
    const auto args = [](const char *text) { return QString::fromUtf8(text).split(u'|'); };
    QTest::newRow("--join of a unicast address") << args("udp-listen|--join|10.0.0.1|0")
                                                 << QStringLiteral("--join: 10.0.0.1 is not a multicast group address");
    QTest::newRow("--join of no address") << args("udp-listen|--join|lots|0")
                                          << QStringLiteral("--join: “lots” is not an IP address");
    QTest::newRow("--join twice the same") << args("udp-listen|--join|239.255.0.1|--join|239.255.0.1|0")
                                           << QStringLiteral("--join: 239.255.0.1 is listed twice");
    QTest::newRow("--join with --bind") << args("udp-listen|--join|239.255.0.1|--bind|127.0.0.1|0")
                                        << QStringLiteral("--bind and --join");
    QTest::newRow("udp-listen --iface not here") << args("udp-listen|--join|239.255.0.1|--iface|nosuch0|0")
                                                 << QStringLiteral("--iface: no network interface called “nosuch0” here");
    QTest::newRow("udp-send --iface not here") << args("udp-send|--iface|nosuch0|239.255.0.1|9|hi")
                                               << QStringLiteral("--iface: no network interface called “nosuch0” here");
    QTest::newRow("udp-send --iface empty") << args("udp-send|--iface||239.255.0.1|9|hi")
                                            << QStringLiteral("--iface: the interface's name is empty");
    QTest::newRow("--ttl above 255") << args("udp-send|--ttl|256|239.255.0.1|9|hi")
                                     << QStringLiteral("invalid value '256' for --ttl: expected a whole number from 0 to 255");
    QTest::newRow("--ttl below 0") << args("udp-send|--ttl|-1|239.255.0.1|9|hi")
                                   << QStringLiteral("invalid value '-1' for --ttl");
    QTest::newRow("--ttl not a number") << args("udp-send|--ttl|high|239.255.0.1|9|hi")
                                        << QStringLiteral("invalid value 'high' for --ttl");
}

void TestCliMulticast::badArgumentsExitTwoWithAOneLineReason()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, reason);
    const CliRun run = runCli(arguments);
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.out, QByteArray());
    const QString err = QString::fromUtf8(run.err);
    QCOMPARE(err.count(QLatin1Char('\n')), 1);
    QVERIFY2(err.startsWith(QStringLiteral("sockplay-cli")), qPrintable(err));
    QVERIFY2(err.contains(reason), qPrintable(err));
}

void TestCliMulticast::udpListenJoinPrintsWhatAPythonSenderSendsToTheGroup()
{
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");
    SOCKPLAY_SKIP_IF_NO_LOOPBACK_MULTICAST(GroupA);
    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), {QStringLiteral("udp-listen"), QStringLiteral("-v"), QStringLiteral("--join"), GroupA,
                                  QStringLiteral("--iface"), QStringLiteral("lo"), QStringLiteral("--count"),
                                  QStringLiteral("1"), QStringLiteral("0")}));
    const quint16 port = cli.waitForCliPort();
    QVERIFY2(port != 0, qPrintable(cli.errText()));
    QVERIFY2(cli.errText().contains(QStringLiteral("bound to 0.0.0.0:")), qPrintable(cli.errText()));

    PeerProcess sender;
    QVERIFY(sender.startPython(python, QStringLiteral("mcast_peer.py"), {QStringLiteral("send")}));
    const quint16 senderPort = sender.waitForPortLine();
    QVERIFY2(senderPort != 0, qPrintable(sender.errText()));
    sender.write(GroupA.toUtf8() + ' ' + QByteArray::number(port) + " hello group\n");
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 0);
    QCOMPARE(cli.out(), QByteArrayLiteral("hello group"));
    const QString err = cli.errText();
    QVERIFY2(err.contains(QStringLiteral("member of %1 on lo").arg(GroupA)), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("joined group %1 on lo").arg(GroupA)), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("from 127.0.0.1:%1").arg(senderPort)), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("to group ") + GroupA), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("left group %1 on lo").arg(GroupA)), qPrintable(err));
}

void TestCliMulticast::udpSendToAGroupReachesAPythonMember_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("ttlSeen");
    QTest::addColumn<QString>("note");
    QTest::newRow("--ttl 2") << QStringList{QStringLiteral("--ttl"), QStringLiteral("2")} << QStringLiteral("ttl=2")
                             << QStringLiteral("TTL 2, loopback on, on lo");
    QTest::newRow("--no-loopback") << QStringList{QStringLiteral("--no-loopback")} << QStringLiteral("ttl=1")
                                   << QStringLiteral("loopback off");
}

void TestCliMulticast::udpSendToAGroupReachesAPythonMember()
{
    QFETCH(QStringList, options);
    QFETCH(QString, ttlSeen);
    QFETCH(QString, note);
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");
    SOCKPLAY_SKIP_IF_NO_LOOPBACK_MULTICAST(GroupB);
    PeerProcess member;
    QVERIFY(member.startPython(python, QStringLiteral("mcast_peer.py"),
                               {QStringLiteral("receive"), GroupB, QStringLiteral("--count"), QStringLiteral("1")}));
    const quint16 port = member.waitForPortLine();
    QVERIFY2(port != 0, qPrintable(member.errText()));

    const CliRun run = runCli(QStringList{QStringLiteral("udp-send"), QStringLiteral("-v"), QStringLiteral("--iface"),
                                          QStringLiteral("lo")}
                              + options + QStringList{GroupB, QString::number(port), QStringLiteral("hello members")});
    const QString err = QString::fromUtf8(run.err);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(err.contains(note), qPrintable(err));
    QVERIFY(member.waitForExit());
    const QString got = QString::fromUtf8(member.out());
    QVERIFY2(got.contains(QStringLiteral(" %1 hello members\n").arg(ttlSeen)), qPrintable(got));
}

void TestCliMulticast::udpSendToABroadcastAddress_data()
{
    QTest::addColumn<bool>("allowed");
    QTest::newRow("--broadcast") << true;
    QTest::newRow("without --broadcast: EACCES") << false;
}

void TestCliMulticast::udpSendToABroadcastAddress()
{
    QFETCH(bool, allowed);
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");
    const QString address = QStringLiteral("127.255.255.255");
    PeerProcess receiver;
    QVERIFY(receiver.startPython(python, QStringLiteral("mcast_peer.py"),
                                 {QStringLiteral("receive-broadcast"), address, QStringLiteral("--count"), QStringLiteral("1")}));
    const quint16 port = receiver.waitForPortLine();
    QVERIFY2(port != 0, qPrintable(receiver.errText()));

    QStringList arguments{QStringLiteral("udp-send"), address, QString::number(port), QStringLiteral("to all")};
    if (allowed)
        arguments.insert(1, QStringLiteral("--broadcast"));
    const CliRun run = runCli(arguments);
    const QString err = QString::fromUtf8(run.err);
    if (allowed) {
        QCOMPARE(run.exitCode, 0);
        QVERIFY(receiver.waitForExit());
        QVERIFY2(receiver.out().endsWith(" to all\n"), receiver.out().constData());
    } else {
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(err.contains(QStringLiteral("Permission denied (EACCES)")) && err.contains(QStringLiteral("--broadcast")),
                 qPrintable(err));
        QCOMPARE(err.count(u'\n'), 1);
    }
}

QTEST_GUILESS_MAIN(TestCliMulticast)
#include "tst_cli_multicast.moc"
