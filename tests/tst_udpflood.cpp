// A UDP endpoint flooded with datagrams keeps receiving: after the flood, a
// fresh datagram is received and logged. Qt's glib dispatcher (the default on
// Linux) stops polling a UDP socket whose readyRead slot leaves datagrams
// unread and defers the rest; the endpoint must read every pending datagram.
#include "testsupport.h"
#include "udpendpoint.h"

#include <QScopeGuard>
#include <QTest>
#include <QTimer>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <thread>

using namespace SockPlay;
using namespace SockPlay::Test;

namespace {

/// A plain blocking UDP socket on 127.0.0.1, driven from a thread of its own.
class RawUdp
{
public:
    RawUdp()
    {
        m_fd = ::socket(AF_INET, SOCK_DGRAM, 0);
        sockaddr_in local{};
        local.sin_family = AF_INET;
        local.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(m_fd, reinterpret_cast<sockaddr *>(&local), sizeof local);
        timeval timeout{0, 200000}; // a lost echo must not hang the sender
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    }
    ~RawUdp() { ::close(m_fd); }
    bool sendTo(quint16 port, const QByteArray &bytes) const
    {
        sockaddr_in to{};
        to.sin_family = AF_INET;
        to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        to.sin_port = htons(port);
        return ::sendto(m_fd, bytes.constData(), size_t(bytes.size()), 0, reinterpret_cast<sockaddr *>(&to),
                        sizeof to) == bytes.size();
    }
    bool receive() const
    {
        char buffer[65536];
        return ::recv(m_fd, buffer, sizeof buffer, 0) >= 0;
    }

private:
    int m_fd = -1;
};

} // namespace

class TestUdpFlood : public QObject
{
    Q_OBJECT
private slots:
    void stillReceivesAfterAFlood_data();
    void stillReceivesAfterAFlood();
};

void TestUdpFlood::stillReceivesAfterAFlood_data()
{
    QTest::addColumn<bool>("echo");
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("window"); // datagrams in flight (echo); 0: as fast as the sender can
    QTest::addColumn<int>("count");
    QTest::newRow("echo, 64 bytes, 16 in flight") << true << 64 << 16 << 60000;
    QTest::newRow("echo, 64 bytes, 1 in flight") << true << 64 << 1 << 30000;
    QTest::newRow("echo, 1400 bytes, 16 in flight") << true << 1400 << 16 << 30000;
    QTest::newRow("no echo, 64 bytes, a burst") << false << 64 << 0 << 200000;
    QTest::newRow("no echo, 1400 bytes, a burst") << false << 1400 << 0 << 100000;
}

void TestUdpFlood::stillReceivesAfterAFlood()
{
    QFETCH(bool, echo);
    QFETCH(int, size);
    QFETCH(int, window);
    QFETCH(int, count);

    EventLog::Limits limits;
    limits.capacity = 10000;
    EventLog log(limits);
    UdpEndpoint server(&log);
    EndpointConfig config;
    config.host = QStringLiteral("127.0.0.1");
    config.echo = echo;
    QVERIFY(server.start(config));
    const quint16 port = server.localPort();

    std::atomic_bool done = false;
    std::atomic_bool stop = false;
    std::atomic_int answered = 0;
    std::atomic_int silences = 0; // consecutive echoes that never came
    std::thread sender([&] {
        RawUdp socket;
        const QByteArray datagram(size, 'f');
        if (window == 0) {
            for (int i = 0; i < count && !stop; ++i)
                socket.sendTo(port, datagram);
        } else {
            // Keep `window` in flight: one more for every echo (or lost one).
            for (int i = 0; i < window; ++i)
                socket.sendTo(port, datagram);
            // A receiver that went silent for a couple of seconds ends the flood.
            for (int sent = window; sent < count && !stop && silences < 10; ++sent) {
                if (socket.receive()) {
                    ++answered;
                    silences = 0;
                } else {
                    ++silences;
                }
                socket.sendTo(port, datagram);
            }
        }
        done = true;
    });
    // However this test ends, the sender stops and is joined.
    const auto joiner = qScopeGuard([&] {
        stop = true;
        sender.join();
    });
    QTRY_VERIFY_WITH_TIMEOUT(done.load(), 60000);

    // The flood is over: a fresh datagram must still be received and logged.
    // It is sent again every 100 ms: the kernel drops a datagram that meets a
    // queue still full of the flood, and that is UDP, not a stall. A stalled
    // socket logs none of them.
    RawUdp late;
    const QByteArray fresh("after the flood");
    QTimer resend;
    connect(&resend, &QTimer::timeout, this, [&] { late.sendTo(port, fresh); });
    late.sendTo(port, fresh);
    resend.start(100);
    const auto arrived = [&] {
        for (const Event &e : eventsOf(log, server.id(), EventKind::DatagramReceived)) {
            if (e.payload == fresh)
                return true;
        }
        return false;
    };
    QTRY_VERIFY2_WITH_TIMEOUT(arrived(), qPrintable(QStringLiteral("the endpoint stopped receiving (%1 echoes came back)")
                                                        .arg(answered.load())),
                              5000);
    if (echo)
        QVERIFY2(answered.load() > 0, "echo answered nothing");
}

QTEST_GUILESS_MAIN(TestUdpFlood)
#include "tst_udpflood.moc"
