// File sends: a file streams through the session to a peer with
// backpressure (a peer that does not read costs at most the bound, never the
// file), arrives whole, can be cancelled, and every way it can fail is an
// error in the log. UDP: one datagram, or a clear refusal. Loopback only.
#include "filesender.h"
#include "session.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QLocale>
#include <QNetworkDatagram>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

#include <unistd.h>

using namespace SockPlay;
using namespace SockPlay::Test;

namespace {

constexpr int WaitMs = 60000; // generous: a passing test never waits this long

EndpointConfig clientConfig(Transport transport, quint16 port)
{
    EndpointConfig c;
    c.transport = transport;
    c.role = Role::Client;
    c.name = QStringLiteral("client");
    c.host = QStringLiteral("127.0.0.1");
    c.port = port;
    return c;
}

/// "33,554,432", as the log writes numbers.
QString thousands(qint64 n)
{
    QLocale grouped = QLocale::c();
    grouped.setNumberOptions(QLocale::DefaultNumberOptions);
    return grouped.toString(n);
}

/// A file of `size` bytes that are not all alike (seeded: the same every run).
QString makeFile(const QTemporaryDir &dir, const QString &name, qint64 size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator random(42);
    for (char &byte : bytes)
        byte = char(random.bounded(256));
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != size)
        return {};
    return path;
}

QByteArray sha256Of(const QString &path)
{
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    return file.open(QIODevice::ReadOnly) && hash.addData(&file) ? hash.result() : QByteArray();
}

/// A TCP server whose clients' sockets read at most ReadBufferSize bytes
/// until the test lets them read: a peer that does not read.
class HoldingServer : public QTcpServer
{
public:
    static constexpr int ReadBufferSize = 64 * 1024;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        // Limited before it is opened: QTcpServer's own socket would read
        // everything that arrives until nextPendingConnection().
        auto *socket = new QTcpSocket(this);
        socket->setReadBufferSize(ReadBufferSize);
        if (socket->setSocketDescriptor(descriptor))
            addPendingConnection(socket);
        else
            delete socket;
    }
};

struct FileProgress
{
    qint64 sent = 0;
    qint64 total = 0;
    bool finished = false;
};

/// A session with a TCP client connected to a peer that does not read yet,
/// recording what the session says about file sends.
class Fixture : public QObject
{
public:
    bool connectClient()
    {
        if (!server.listen(QHostAddress::LocalHost, 0))
            return false;
        connect(&session, &Session::fileSendProgress, this, [this](int, qint64 sent, qint64 total, bool finished) {
            progress.append({sent, total, finished});
            samplePending();
        });
        connect(&session, &Session::errorOccurred, this, [this](int, const QString &message) { errors.append(message); });
        connect(&session, &Session::bytesWritten, this,
                [this](int, int, qint64, qint64 pending) { mostPending = std::max(mostPending, pending); });
        id = session.addEndpoint(clientConfig(Transport::Tcp, server.serverPort()));
        session.start(id, clientConfig(Transport::Tcp, server.serverPort()));
        if (!QTest::qWaitFor([&] { return session.snapshot(id).isActive() && server.hasPendingConnections(); }, WaitMs))
            return false;
        peer = server.nextPendingConnection();
        return true;
    }

    void samplePending() { mostPending = std::max(mostPending, session.snapshot(id).pendingWriteBytes); }

    /// The send waits for the peer: our queue is full (what the kernel
    /// would take, it took), and it has not finished.
    bool waitUntilBlocked()
    {
        return QTest::qWaitFor([&] {
            samplePending();
            return session.snapshot(id).pendingWriteBytes > FileSender::MaxQueuedBytes - FileSender::ChunkBytes;
        }, WaitMs) && !finished();
    }

    /// From now on the peer reads everything, hashing it.
    void startReading()
    {
        peer->setReadBufferSize(0);
        const auto read = [this] {
            const QByteArray bytes = peer->readAll();
            received += bytes.size();
            hash.addData(bytes);
        };
        connect(peer, &QTcpSocket::readyRead, this, read);
        read();
    }

    bool finished() const { return !progress.isEmpty() && progress.constLast().finished; }

    Session session;
    HoldingServer server;
    QTcpSocket *peer = nullptr;
    int id = 0;
    QList<FileProgress> progress;
    QStringList errors;
    qint64 mostPending = 0;
    qint64 received = 0;
    QCryptographicHash hash{QCryptographicHash::Sha256};
};

} // namespace

class TestFileSend : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void aBigFileWaitsForAPeerThatDoesNotReadThenArrivesWhole();
    void cancelMidWayLogsTheNoteAndSendsNothingMore();
    void aSecondFileSendIsRefusedWhileOneRuns();
    void theConnectionClosingEndsItWithAnError();
    void stoppingTheEndpointEndsItWithAnError();
    void anUnreadablePathIsAnError_data();
    void anUnreadablePathIsAnError();
    void udpSendsAFileAsOneDatagramOrRefusesIt_data();
    void udpSendsAFileAsOneDatagramOrRefusesIt();

private:
    QTemporaryDir m_dir;
    QString m_big; // 32 MiB
};

void TestFileSend::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_big = makeFile(m_dir, QStringLiteral("big.bin"), 32 << 20);
    QVERIFY(!m_big.isEmpty());
}

void TestFileSend::aBigFileWaitsForAPeerThatDoesNotReadThenArrivesWhole()
{
    Fixture f;
    QVERIFY(f.connectClient());
    QElapsedTimer clock;
    clock.start();
    f.session.sendFile(f.id, 0, m_big);
    // Blocked: the kernel's buffers are full and our queue is at its bound
    // (not at the file's 32 MiB).
    QVERIFY(f.waitUntilBlocked());
    QVERIFY2(f.mostPending <= FileSender::MaxQueuedBytes, qPrintable(QString::number(f.mostPending)));
    QVERIFY(!f.progress.isEmpty());
    QCOMPARE(f.progress.constFirst().total, qint64(32 << 20));

    // The peer reads: the rest follows as bytes drain, and what arrives is the file.
    f.startReading();
    QTRY_VERIFY_WITH_TIMEOUT(f.finished() && f.received == qint64(32 << 20), WaitMs);
    QCOMPARE(f.hash.result(), sha256Of(m_big));
    QCOMPARE(f.progress.constLast().sent, qint64(32 << 20));
    QCOMPARE(f.progress.constLast().total, qint64(32 << 20));
    QVERIFY2(f.mostPending <= FileSender::MaxQueuedBytes, qPrintable(QString::number(f.mostPending)));
    QVERIFY(f.errors.isEmpty());
    QVERIFY(!eventsOf(*f.session.log(), f.id, EventKind::Sent).isEmpty()); // logged as any user send
    const QList<Event> notes = eventsOf(*f.session.log(), f.id, EventKind::Note);
    QCOMPARE(notes.constLast().detail, QStringLiteral("file sent: %1, 33,554,432 bytes").arg(m_big));
    // Throttled: one at the start, one at the end, at most one per stats
    // tick between (not one per chunk or per write).
    const qint64 ticks = clock.elapsed() / Session::StatsIntervalMs;
    QVERIFY2(f.progress.size() <= ticks + 3,
             qPrintable(QStringLiteral("%1 reports in %2 ms").arg(f.progress.size()).arg(clock.elapsed())));
}

void TestFileSend::cancelMidWayLogsTheNoteAndSendsNothingMore()
{
    Fixture f;
    QVERIFY(f.connectClient());
    f.session.sendFile(f.id, 0, m_big);
    QVERIFY(f.waitUntilBlocked());
    f.session.cancelFileSend(f.id);
    QTRY_VERIFY(f.finished());
    const FileProgress last = f.progress.constLast();
    QVERIFY(last.sent > 0 && last.sent < last.total);
    const QList<Event> notes = eventsOf(*f.session.log(), f.id, EventKind::Note);
    QCOMPARE(notes.constLast().detail, QStringLiteral("file send cancelled after %1 of %2 bytes")
                                           .arg(thousands(last.sent), thousands(last.total)));
    QVERIFY(f.errors.isEmpty());

    // We close after what was sent; the peer reads to the end: exactly the
    // bytes sent before the cancel, nothing after.
    bool closed = false;
    connect(f.peer, &QTcpSocket::disconnected, this, [&] { closed = true; });
    f.session.closeConnection(f.id, 0);
    f.startReading();
    QTRY_VERIFY_WITH_TIMEOUT(closed, WaitMs);
    f.received += f.peer->bytesAvailable();
    QCOMPARE(f.received, last.sent);
}

void TestFileSend::aSecondFileSendIsRefusedWhileOneRuns()
{
    Fixture f;
    QVERIFY(f.connectClient());
    f.session.sendFile(f.id, 0, m_big);
    QVERIFY(f.waitUntilBlocked());
    f.session.sendFile(f.id, 0, m_big);
    QTRY_COMPARE(f.errors.size(), 1);
    QVERIFY2(f.errors.constFirst().contains(QStringLiteral("still being sent")), qPrintable(f.errors.constFirst()));
    QVERIFY(!f.finished()); // the first goes on
    f.startReading();
    QTRY_VERIFY_WITH_TIMEOUT(f.finished() && f.received == qint64(32 << 20), WaitMs);
    QCOMPARE(f.hash.result(), sha256Of(m_big));
}

void TestFileSend::theConnectionClosingEndsItWithAnError()
{
    // Waiting for bytes to drain from a connection that is gone would wait forever.
    Fixture f;
    QVERIFY(f.connectClient());
    f.session.sendFile(f.id, 0, m_big);
    QVERIFY(f.waitUntilBlocked());
    f.peer->abort();
    QTRY_VERIFY_WITH_TIMEOUT(f.finished(), WaitMs);
    QVERIFY(f.progress.constLast().sent < f.progress.constLast().total);
    const QList<Event> logged = eventsOf(*f.session.log(), f.id, EventKind::Error);
    QVERIFY(std::any_of(logged.cbegin(), logged.cend(), [](const Event &e) {
        return e.detail.contains(QStringLiteral("file send of")) && e.detail.contains(QStringLiteral("closed"));
    }));
}

void TestFileSend::stoppingTheEndpointEndsItWithAnError()
{
    Fixture f;
    QVERIFY(f.connectClient());
    f.session.sendFile(f.id, 0, m_big);
    QVERIFY(f.waitUntilBlocked());
    f.session.stop(f.id);
    QTRY_VERIFY(f.finished());
    QVERIFY(f.progress.constLast().sent < f.progress.constLast().total);
    QCOMPARE(f.errors.size(), 1);
    QVERIFY2(f.errors.constFirst().contains(QStringLiteral("the endpoint stopped")), qPrintable(f.errors.constFirst()));
    QVERIFY(!eventsOf(*f.session.log(), f.id, EventKind::Error).isEmpty());
}

void TestFileSend::anUnreadablePathIsAnError_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("reason");
    QTest::newRow("no such file") << QStringLiteral("missing.bin") << QStringLiteral("cannot read");
    QTest::newRow("a folder") << QStringLiteral("subdir") << QStringLiteral("is a folder");
    QTest::newRow("no permission to read") << QStringLiteral("secret.bin") << QStringLiteral("cannot read");
}

void TestFileSend::anUnreadablePathIsAnError()
{
    QFETCH(QString, name);
    QFETCH(QString, reason);
    const QString path = m_dir.filePath(name);
    if (name == QLatin1String("subdir")) {
        QVERIFY(QDir(m_dir.path()).mkpath(name));
    } else if (name == QLatin1String("secret.bin")) {
        if (::geteuid() == 0)
            QSKIP("root reads any file: no permission to take away");
        QVERIFY(!makeFile(m_dir, name, 10).isEmpty());
        QVERIFY(QFile::setPermissions(path, QFileDevice::WriteOwner));
    }
    Fixture f;
    QVERIFY(f.connectClient());
    f.session.sendFile(f.id, 0, path);
    QTRY_VERIFY(f.finished());
    QCOMPARE(f.progress.constLast().sent, qint64(0));
    QCOMPARE(f.errors.size(), 1);
    QVERIFY2(f.errors.constFirst().contains(path) && f.errors.constFirst().contains(reason),
             qPrintable(f.errors.constFirst()));
    const QList<Event> logged = eventsOf(*f.session.log(), f.id, EventKind::Error);
    QCOMPARE(logged.size(), 1);
    QCOMPARE(logged.constFirst().detail, f.errors.constFirst());
    QVERIFY(eventsOf(*f.session.log(), f.id, EventKind::Sent).isEmpty());
}

void TestFileSend::udpSendsAFileAsOneDatagramOrRefusesIt_data()
{
    QTest::addColumn<qint64>("size");
    QTest::addColumn<bool>("fits");
    QTest::newRow("1,000 bytes: one datagram") << qint64(1000) << true;
    QTest::newRow("65,507 bytes: the largest datagram") << qint64(65507) << true;
    QTest::newRow("65,508 bytes: refused") << qint64(65508) << false;
    QTest::newRow("1 MiB: refused") << qint64(1 << 20) << false;
}

void TestFileSend::udpSendsAFileAsOneDatagramOrRefusesIt()
{
    QFETCH(qint64, size);
    QFETCH(bool, fits);
    const QString path = makeFile(m_dir, QStringLiteral("datagram-%1.bin").arg(size), size);
    QVERIFY(!path.isEmpty());
    QUdpSocket receiver;
    QVERIFY(receiver.bind(QHostAddress::LocalHost, 0));
    Session session;
    QList<FileProgress> progress;
    connect(&session, &Session::fileSendProgress, this,
            [&](int, qint64 sent, qint64 total, bool finished) { progress.append({sent, total, finished}); });
    QStringList errors;
    connect(&session, &Session::errorOccurred, this, [&](int, const QString &message) { errors.append(message); });
    const int id = session.addEndpoint(clientConfig(Transport::Udp, receiver.localPort()));
    session.start(id, clientConfig(Transport::Udp, receiver.localPort()));
    QTRY_VERIFY(session.snapshot(id).isActive());

    session.sendFile(id, 0, path);
    QTRY_VERIFY(!progress.isEmpty() && progress.constLast().finished);
    // A marker after it: what arrives first is the file, if anything was sent.
    session.send(id, 0, "marker");
    QList<QByteArray> datagrams;
    const auto markerArrived = [&] {
        while (receiver.hasPendingDatagrams())
            datagrams.append(receiver.receiveDatagram().data());
        return !datagrams.isEmpty() && datagrams.constLast() == "marker";
    };
    QTRY_VERIFY_WITH_TIMEOUT(markerArrived(), WaitMs);
    if (fits) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(datagrams, (QList<QByteArray>{file.readAll(), "marker"}));
        QCOMPARE(progress.constLast().sent, size);
        QVERIFY(errors.isEmpty());
    } else {
        QCOMPARE(datagrams, QList<QByteArray>{"marker"});
        QCOMPARE(progress.constLast().sent, qint64(0));
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.constFirst().contains(QStringLiteral("65,507")) && errors.constFirst().contains(path),
                 qPrintable(errors.constFirst()));
    }
    QCOMPARE(eventsOf(*session.log(), id, EventKind::DatagramSent).size(), qsizetype(fits ? 2 : 1));
}

QTEST_GUILESS_MAIN(TestFileSend)
#include "tst_filesend.moc"
