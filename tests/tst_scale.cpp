// Scale: the session on its network thread (window and CLI alike), the limit
// of clients a server takes and what a client turned away is told, the
// listen backlog, and the epoll dispatcher under the real endpoints.

#include "endpoint.h"
#include "epolleventdispatcher.h"
#include "networkthread.h"
#include "peers/peerprocess.h"
#include "scaletestsupport.h"
#include "session.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QUdpSocket>

using namespace SockPlay;
using namespace SockPlay::Test;
using SockPlayTest::PeerProcess;

namespace {

QString cliPath()
{
    return QStringLiteral(SOCKPLAY_CLI_PATH);
}

/// The names of a process's threads, as `ps -L` shows them.
QStringList threadNames(qint64 pid)
{
    QStringList names;
    const QString taskDir = QStringLiteral("/proc/%1/task").arg(pid);
    const QStringList tasks = QDir(taskDir).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &task : tasks) {
        QFile comm(taskDir + QLatin1Char('/') + task + QStringLiteral("/comm"));
        if (comm.open(QIODevice::ReadOnly))
            names.append(QString::fromUtf8(comm.readAll()).trimmed());
    }
    return names;
}

EndpointConfig echoServer(int maxClients)
{
    return tcpEchoServer(QStringLiteral("raw"), maxClients);
}

/// True once the peer has closed the socket (an EOF or a reset).
bool closedByPeer(QTcpSocket &socket)
{
    return QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::UnconnectedState; }, 5000);
}

} // namespace

class TestScale : public QObject
{
    Q_OBJECT
private slots:
    void sessionHostRunsTheSessionOnTheNetworkThread();
    void echoThroughTheNetworkThreadFromThisOne();
    void theBacklogFollowsMaxClients();
    void aClientOverTheLimitIsTurnedAwayWithAReason();
    void aBurstOfDatagramsIsReadInBatchesOneEventEach();
    void cliRunsItsSocketsOnTheNetworkThread();
    void cliMaxClientsTurnsAwayAndSaysSoOnStderr();
    void cliRejectsABadMaxClients();
    void cliRaisesItsDescriptorLimit();
};

void TestScale::sessionHostRunsTheSessionOnTheNetworkThread()
{
    SessionHost host;
    Session *session = host.session();
    QVERIFY(session->thread() != QThread::currentThread());
    QCOMPARE(session->thread()->objectName(), QStringLiteral("sockplay-net"));
    QTRY_VERIFY(threadNames(QCoreApplication::applicationPid()).contains(QStringLiteral("sockplay-net")));
#ifdef Q_OS_LINUX
    if (qEnvironmentVariable("SOCKPLAY_DISPATCHER") != QLatin1String("qt")) {
        QVERIFY(host.thread()->usesEpollDispatcher());
        QTRY_VERIFY(qobject_cast<EpollEventDispatcher *>(host.thread()->eventDispatcher()));
    }
#endif
}

void TestScale::echoThroughTheNetworkThreadFromThisOne()
{
    // Commands from this thread, answers as queued signals: the window's way.
    SessionHost host;
    Session *session = host.session();
    QSignalSpy changed(session, &Session::endpointChanged);
    const int id = session->addEndpoint(echoServer(10));
    const quint16 port = startEndpoint(session, id, echoServer(10));
    QVERIFY(port != 0);
    QVERIFY(changed.count() > 0);

    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(client.waitForConnected(5000));
    client.write("over the thread\n");
    QTRY_COMPARE(client.bytesAvailable(), qint64(16));
    QCOMPARE(client.readAll(), QByteArrayLiteral("over the thread\n"));
    QTRY_COMPARE(session->snapshot(id).connectionCount, 1);
    QTRY_VERIFY(bytesOf(*session->log(), id, EventKind::AutoReplied) == QByteArrayLiteral("over the thread\n"));
}

void TestScale::theBacklogFollowsMaxClients()
{
    Session session;
    const int small = session.addEndpoint(echoServer(10));
    QVERIFY(startEndpoint(&session, small, echoServer(10)) != 0);
    QCOMPARE(session.snapshot(small).config.listenBacklog, 4096); // never below the default

    const int large = session.addEndpoint(echoServer(10000));
    QVERIFY(startEndpoint(&session, large, echoServer(10000)) != 0);
    QCOMPARE(session.snapshot(large).config.listenBacklog, 10000);
}

void TestScale::aClientOverTheLimitIsTurnedAwayWithAReason()
{
    Session session;
    QSignalSpy turnedAway(&session, &Session::clientTurnedAway);
    const int id = session.addEndpoint(echoServer(2));
    const quint16 port = startEndpoint(&session, id, echoServer(2));
    QVERIFY(port != 0);

    QTcpSocket first, second, third;
    for (QTcpSocket *socket : {&first, &second}) {
        socket->connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(socket->waitForConnected(5000));
    }
    QTRY_COMPARE(session.connections(id).size(), 2);
    third.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(closedByPeer(third));
    QTRY_COMPARE(turnedAway.count(), 1);
    QCOMPARE(turnedAway.at(0).at(2).toString(), QStringLiteral("the limit of 2 clients is reached"));
    const QList<Event> logged = eventsOf(*session.log(), id, EventKind::TurnedAway);
    QCOMPARE(logged.size(), 1);
    QCOMPARE(logged.at(0).detail, QStringLiteral("the limit of 2 clients is reached"));

    // The two that were let in are still served.
    first.write("still here");
    QTRY_COMPARE(first.bytesAvailable(), qint64(10));
    QCOMPARE(session.connections(id).size(), 2);
}

void TestScale::aBurstOfDatagramsIsReadInBatchesOneEventEach()
{
    // More datagrams wait than one batch holds (32), of every size up to the
    // largest: each is its own event, whole, in order; and the socket still
    // hears the next one after the batches drained it.
    Session session;
    const int id = session.addEndpoint(udpServer());
    const quint16 port = startEndpoint(&session, id, udpServer());
    QVERIFY(port != 0);

    QUdpSocket sender;
    QList<qsizetype> sizes;
    for (int i = 1; i <= 100; ++i)
        sizes.append(i);
    sizes.append(65'507); // the largest UDP payload
    sizes.append(0);      // an empty datagram is a datagram too
    for (int i = 0; i < sizes.size(); ++i) {
        const QByteArray bytes(sizes.at(i), char('a' + i % 26));
        QCOMPARE(sender.writeDatagram(bytes, QHostAddress::LocalHost, port), sizes.at(i));
    }
    // Nothing was read yet: the session's thread is this one, busy until now.
    QTRY_COMPARE(eventsOf(*session.log(), id, EventKind::DatagramReceived).size(), sizes.size());
    const QList<Event> received = eventsOf(*session.log(), id, EventKind::DatagramReceived);
    for (int i = 0; i < sizes.size(); ++i)
        QCOMPARE(received.at(i).byteCount, qint64(sizes.at(i)));

    QCOMPARE(sender.writeDatagram(QByteArrayLiteral("one more"), QHostAddress::LocalHost, port), qint64(8));
    QTRY_COMPARE(eventsOf(*session.log(), id, EventKind::DatagramReceived).size(), sizes.size() + 1);
}

void TestScale::cliRunsItsSocketsOnTheNetworkThread()
{
    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), {QStringLiteral("tcp-listen"), QStringLiteral("0")}));
    QVERIFY2(cli.waitForCliPort() != 0, qPrintable(cli.errText()));
    const QStringList names = threadNames(cli.processId());
    QVERIFY2(names.contains(QStringLiteral("sockplay-net")), qPrintable(names.join(QLatin1Char(','))));
}

void TestScale::cliMaxClientsTurnsAwayAndSaysSoOnStderr()
{
    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), {QStringLiteral("tcp-listen"), QStringLiteral("--echo"),
                                  QStringLiteral("--max-clients"), QStringLiteral("1"), QStringLiteral("0")}));
    const quint16 port = cli.waitForCliPort();
    QVERIFY2(port != 0, qPrintable(cli.errText()));

    QTcpSocket first;
    first.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(first.waitForConnected(5000));
    first.write("one\n");
    QTRY_COMPARE(first.bytesAvailable(), qint64(4)); // served (and counted) before the second comes

    QTcpSocket second;
    second.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(closedByPeer(second));
    // Without -v: the reason, and how to raise the limit.
    const QString line = cli.waitForMatch(QRegularExpression(QStringLiteral("(turned away 127\\.0\\.0\\.1:\\d+: .*)\\n")),
                                          QProcess::StandardError);
    QVERIFY2(line.contains(QLatin1String("the limit of 1 client is reached")), qPrintable(cli.errText()));
    QVERIFY2(line.contains(QLatin1String("--max-clients")), qPrintable(line));
}

void TestScale::cliRejectsABadMaxClients()
{
    for (const QString &value : {QStringLiteral("0"), QStringLiteral("many"), QStringLiteral("-5")}) {
        PeerProcess cli;
        QVERIFY(cli.start(cliPath(), {QStringLiteral("tcp-listen"), QStringLiteral("--max-clients"), value,
                                      QStringLiteral("0")}));
        QVERIFY(cli.waitForExit());
        QCOMPARE(cli.exitCode(), 2);
        QVERIFY2(cli.errText().contains(QStringLiteral("invalid value '%1' for --max-clients").arg(value)),
                 qPrintable(cli.errText()));
    }
}

void TestScale::cliRaisesItsDescriptorLimit()
{
    // Started with a soft limit of 256 open files (a server of 10,000 clients
    // needs 10,000): the CLI raises it to the hard limit.
    PeerProcess cli;
    QVERIFY(cli.start(QStringLiteral("/bin/sh"),
                      {QStringLiteral("-c"), QStringLiteral("ulimit -Sn 256 && exec \"$0\" tcp-listen 0"), cliPath()}));
    QVERIFY2(cli.waitForCliPort() != 0, qPrintable(cli.errText()));
    QFile limits(QStringLiteral("/proc/%1/limits").arg(cli.processId()));
    QVERIFY(limits.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(limits.readAll());
    const QRegularExpressionMatch match =
        QRegularExpression(QStringLiteral("Max open files\\s+(\\S+)\\s+(\\S+)")).match(text);
    QVERIFY2(match.hasMatch(), qPrintable(text));
    QCOMPARE(match.captured(1), match.captured(2)); // soft = hard
}

QTEST_GUILESS_MAIN(TestScale)
#include "tst_scale.moc"
