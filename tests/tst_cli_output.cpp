// What sockplay-cli shows and keeps besides the bytes: --json (one event per
// line, in the lifecycle's order), --lifecycle (each socket call, and which
// failed) and --capture (the file after a signal), against the tutorials'
// Python peers over loopback. Every wait runs the event loop; nothing sleeps.

#include "clisupport.h"
#include "event.h"
#include "peers/peerprocess.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace SockPlayTest;
using SockPlay::EventKind;
using SockPlay::eventKindName;

class TestCliOutput : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void tcpListenCaptureHoldsWhatThePeerSentAfterASignal_data();
    void tcpListenCaptureHoldsWhatThePeerSentAfterASignal();
    void jsonLinesOfTcpConnectFollowTheLifecycle();
    void jsonLinesOfUdpListenFollowTheLifecycle();
    void lifecycleTracesEachStepOfAServerAndItsTutorialClient();
    void lifecycleSaysWhichStepFailed_data();
    void lifecycleSaysWhichStepFailed();
};

void TestCliOutput::initTestCase()
{
    QVERIFY2(QFileInfo(cliPath()).isExecutable(), qPrintable(cliPath() + QStringLiteral(" is not built")));
}

// --- --capture ------------------------------------------------------------

void TestCliOutput::tcpListenCaptureHoldsWhatThePeerSentAfterASignal_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::newRow("pcapng, read by tshark") << QStringLiteral("capture.pcapng");
    QTest::newRow("JSON Lines") << QStringLiteral("capture.jsonl");
    QTest::newRow("CSV") << QStringLiteral("capture.csv");
}

void TestCliOutput::tcpListenCaptureHoldsWhatThePeerSentAfterASignal()
{
    QFETCH(QString, fileName);
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");
    const bool pcapng = fileName.endsWith(QLatin1String(".pcapng"));
    QString tshark;
    if (pcapng) {
        SOCKPLAY_REQUIRE_PROGRAM(found, "tshark");
        tshark = found;
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(fileName);
    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), {QStringLiteral("tcp-listen"), QStringLiteral("--capture"), path, QStringLiteral("0")}));
    const quint16 port = cli.waitForCliPort();
    QVERIFY2(port != 0, qPrintable(cli.errText()));

    // A Python peer sends its bytes and stays connected until the server goes.
    const QByteArray sent = "GET / HTTP/1.0\r\nX-Note: \"a, b\"\r\n\r\n";
    PeerProcess peer;
    QVERIFY(peer.start(python, {QStringLiteral("-c"),
                                QStringLiteral("import socket, sys\n"
                                               "s = socket.create_connection(('127.0.0.1', int(sys.argv[1])))\n"
                                               "s.sendall(b'GET / HTTP/1.0\\r\\nX-Note: \"a, b\"\\r\\n\\r\\n')\n"
                                               "while s.recv(4096): pass\n"
                                               "print('closed')\n"),
                                QString::number(port)}));
    QVERIFY(cli.waitForOutput(sent.size()));
    QCOMPARE(cli.out(), sent);
    // Flushed while it runs (at least once a second), not only at the end.
    const auto contentsNow = [&path] {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    };
    QTRY_VERIFY_WITH_TIMEOUT(contentsNow().contains(pcapng ? sent : QByteArray("received")), PeerTimeoutMs);

    QCOMPARE(::kill(pid_t(cli.processId()), SIGTERM), 0);
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 0);
    QVERIFY(peer.waitForExit());
    QCOMPARE(peer.out(), QByteArray("closed\n"));

    const QByteArray contents = contentsNow();
    if (pcapng) {
        QProcess follow;
        follow.start(tshark, {QStringLiteral("-r"), path, QStringLiteral("-q"), QStringLiteral("-z"),
                              QStringLiteral("follow,tcp,raw,0")});
        QVERIFY(follow.waitForFinished(PeerTimeoutMs));
        QByteArray fromPeer;
        QByteArray toPeer;
        bool inData = false;
        for (const QByteArray &line : follow.readAllStandardOutput().split('\n')) {
            if (line.startsWith("Node 1: "))
                inData = true;
            else if (inData && !line.isEmpty() && !line.startsWith('='))
                (line.startsWith('\t') ? toPeer : fromPeer) += QByteArray::fromHex(line.trimmed());
        }
        QCOMPARE(fromPeer, sent);
        QCOMPARE(toPeer, QByteArray());
        // The stop is in it too: our FIN (the connection closed by us), then the "stopped" event.
        QProcess fields;
        fields.start(tshark, {QStringLiteral("-r"), path, QStringLiteral("-T"), QStringLiteral("fields"),
                              QStringLiteral("-e"), QStringLiteral("frame.comment")});
        QVERIFY(fields.waitForFinished(PeerTimeoutMs));
        const QByteArray comments = fields.readAllStandardOutput();
        QVERIFY2(comments.contains("closed by us") && comments.contains("stopped"), comments.constData());
    } else if (fileName.endsWith(QLatin1String(".jsonl"))) {
        QString error;
        const QList<QJsonObject> events = parseJsonLines(contents, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(inOrder(kindsOf(events), {EventKind::Listening, EventKind::Accepted, EventKind::Received,
                                           EventKind::Closed, EventKind::Stopped}),
                 qPrintable(kindsOf(events).join(u", ")));
    } else {
        QVERIFY2(contents.startsWith("seq,time,endpoint,"), contents.constData());
        QVERIFY2(contents.contains(",received,") && contents.contains(",stopped,"), contents.constData());
        // The payload's quotes and comma are quoted, once, in the payload text column.
        QVERIFY2(contents.contains("\"GET / HTTP/1.0\\r\\nX-Note: \"\"a, b\"\"\\r\\n\\r\\n\""),
                 contents.constData());
    }
}

// --- --json ---------------------------------------------------------------

void TestCliOutput::jsonLinesOfTcpConnectFollowTheLifecycle()
{
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");

    PeerProcess server;
    const quint16 port = server.startPythonServer(python, QStringLiteral("welcome_server.py"));
    QVERIFY2(port != 0, qPrintable(server.errText()));

    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), {QStringLiteral("tcp-connect"), QStringLiteral("--json"), QStringLiteral("127.0.0.1"),
                                  QString::number(port)}));
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 0);

    // stdout holds JSON lines only: the welcome itself is not printed raw.
    QString error;
    const QList<QJsonObject> events = parseJsonLines(cli.out(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!events.isEmpty());

    const QStringList kinds = kindsOf(events);
    QVERIFY2(inOrder(kinds, {EventKind::Connecting, EventKind::Connected, EventKind::Received, EventKind::PeerClosed}),
             qPrintable(kinds.join(u", ")));

    const QStringList fields = {QStringLiteral("seq"), QStringLiteral("time"), QStringLiteral("monotonic_ms"),
                                QStringLiteral("endpoint"), QStringLiteral("connection"), QStringLiteral("kind"),
                                QStringLiteral("local"), QStringLiteral("peer"), QStringLiteral("bytes"),
                                QStringLiteral("payload_text"), QStringLiteral("payload_hex"), QStringLiteral("detail")};
    qint64 previousSeq = 0;
    for (const QJsonObject &event : events) {
        for (const QString &field : fields)
            QVERIFY2(event.contains(field), qPrintable(field));
        const qint64 seq = event.value(QStringLiteral("seq")).toInteger();
        QVERIFY(seq > previousSeq);
        previousSeq = seq;
        const QDateTime time = QDateTime::fromString(event.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
        QVERIFY2(time.isValid(), qPrintable(event.value(QStringLiteral("time")).toString()));
        QCOMPARE(event.value(QStringLiteral("endpoint")).toString(), QStringLiteral("client"));
    }

    QByteArray received;
    for (const QJsonObject &event : events) {
        if (event.value(QStringLiteral("kind")).toString() != eventKindName(EventKind::Received))
            continue;
        received += QByteArray::fromHex(event.value(QStringLiteral("payload_hex")).toString().toLatin1());
        QCOMPARE(event.value(QStringLiteral("peer")).toString(), QStringLiteral("127.0.0.1:%1").arg(port));
        QVERIFY(event.value(QStringLiteral("bytes")).toInteger() > 0);
    }
    QCOMPARE(received, TutorialWelcome);
    const QJsonObject first = events.at(kinds.indexOf(eventKindName(EventKind::Received)));
    QVERIFY(TutorialWelcome.startsWith(first.value(QStringLiteral("payload_text")).toString().toUtf8()));
}

void TestCliOutput::jsonLinesOfUdpListenFollowTheLifecycle()
{
    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), {QStringLiteral("udp-listen"), QStringLiteral("--json"), QStringLiteral("--echo"),
                                  QStringLiteral("--count"), QStringLiteral("1"), QStringLiteral("0")}));
    const quint16 port = cli.waitForCliPort();
    QVERIFY2(port != 0, qPrintable(cli.errText()));

    QUdpSocket sender;
    QVERIFY(sender.bind(QHostAddress::LocalHost, 0));
    QCOMPARE(sender.writeDatagram("a\tb\n", QHostAddress::LocalHost, port), qint64(4));
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 0);

    QString error;
    const QList<QJsonObject> events = parseJsonLines(cli.out(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QStringList kinds = kindsOf(events);
    QVERIFY2(inOrder(kinds, {EventKind::Bound, EventKind::DatagramReceived, EventKind::AutoReplied, EventKind::Closed}),
             qPrintable(kinds.join(u", ")));
    const QJsonObject datagram = events.at(kinds.indexOf(eventKindName(EventKind::DatagramReceived)));
    QCOMPARE(datagram.value(QStringLiteral("bytes")).toInteger(), 4);
    QCOMPARE(datagram.value(QStringLiteral("payload_text")).toString(), QStringLiteral("a\\tb\\n"));
    QCOMPARE(datagram.value(QStringLiteral("payload_hex")).toString(), QStringLiteral("61 09 62 0a"));
    QCOMPARE(datagram.value(QStringLiteral("peer")).toString(), QStringLiteral("127.0.0.1:%1").arg(sender.localPort()));
    QCOMPARE(datagram.value(QStringLiteral("local")).toString(), QStringLiteral("127.0.0.1:%1").arg(port));
    QTRY_VERIFY_WITH_TIMEOUT(sender.hasPendingDatagrams(), PeerTimeoutMs);
    QCOMPARE(sender.receiveDatagram().data(), QByteArrayLiteral("a\tb\n"));
}

// --- --lifecycle ----------------------------------------------------------

void TestCliOutput::lifecycleTracesEachStepOfAServerAndItsTutorialClient()
{
    SOCKPLAY_REQUIRE_PROGRAM(python, "python3");

    PeerProcess cli;
    QVERIFY(cli.start(cliPath(), {QStringLiteral("tcp-listen"), QStringLiteral("--once"), QStringLiteral("--lifecycle"),
                                  QStringLiteral("0")}));
    cli.write(TutorialWelcome);
    cli.closeInput();
    const quint16 port = cli.waitForCliPort();
    QVERIFY2(port != 0, qPrintable(cli.errText()));

    // The tutorial's client: connect, recv(1024), close.
    PeerProcess client;
    QVERIFY(client.startPython(python, QStringLiteral("tutorial_client.py"),
                               {QStringLiteral("127.0.0.1"), QString::number(port)}));
    QVERIFY(client.waitForExit());
    QCOMPARE(client.out(), TutorialWelcome + '\n');
    QVERIFY(cli.waitForExit());
    QCOMPARE(cli.exitCode(), 0);

    // Each step once, as it lit, in the order it lit; stdout is untouched.
    const QStringList lines = cli.errText().split(QLatin1Char('\n'));
    QStringList steps;
    for (const QString &line : lines)
        if (line.startsWith(u'['))
            steps.append(line);
    const QStringList expected = {
        QStringLiteral("[server] socket(): a TCP socket exists, not yet tied to an address"),
        QStringLiteral("[server] bind(): the socket now owns a local address and port"),
        QStringLiteral("[server] listen(): the kernel now completes handshakes for us and queues them"),
        QStringLiteral("[server] accept(): takes the next finished handshake from the queue: one new socket per client"),
        QStringLiteral("[server #1] recv()/send(): bytes flow both ways as one stream: no message boundaries"),
        QStringLiteral("[server #1] close(): the peer closed first: recv() returned 0 (FIN received), so we close too"),
        QStringLiteral("[server] close(): the listening socket is closed: no new clients"),
    };
    QCOMPARE(steps, expected);
    QCOMPARE(cli.out(), QByteArray());
}

void TestCliOutput::lifecycleSaysWhichStepFailed_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("line");
    QTest::newRow("a port in use fails bind()")
        << QStringLiteral("tcp-listen") << QStringLiteral("[server] bind() failed: address already in use");
    QTest::newRow("nobody listening fails connect()")
        << QStringLiteral("tcp-connect") << QStringLiteral("[client] connect() failed: connection refused");
}

void TestCliOutput::lifecycleSaysWhichStepFailed()
{
    QFETCH(QString, command);
    QFETCH(QString, line);
    // A port that is in use (tcp-listen), and that nobody accepts on (tcp-connect).
    const int held = ::socket(AF_INET, SOCK_STREAM, 0);
    QVERIFY(held >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    QCOMPARE(::bind(held, reinterpret_cast<const sockaddr *>(&address), sizeof address), 0);
    socklen_t length = sizeof address;
    QCOMPARE(::getsockname(held, reinterpret_cast<sockaddr *>(&address), &length), 0);
    const QString port = QString::number(ntohs(address.sin_port));

    PeerProcess cli;
    const QStringList arguments = command == QStringLiteral("tcp-listen")
        ? QStringList{command, QStringLiteral("--lifecycle"), port}
        : QStringList{command, QStringLiteral("--lifecycle"), QStringLiteral("127.0.0.1"), port};
    QVERIFY(cli.start(cliPath(), arguments));
    QVERIFY(cli.waitForExit());
    ::close(held);
    QCOMPARE(cli.exitCode(), 1);
    const QStringList lines = cli.errText().split(QLatin1Char('\n'));
    QVERIFY2(lines.contains(line), qPrintable(cli.errText()));
    // socket() came first, and lit.
    QVERIFY2(cli.errText().contains(QStringLiteral("] socket(): a TCP socket exists")), qPrintable(cli.errText()));
}

QTEST_GUILESS_MAIN(TestCliOutput)
#include "tst_cli_output.moc"
