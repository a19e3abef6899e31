// "TCP vs UDP": 100 numbered messages over each; the UDP sender goes through
// the simulated link (loss, duplicates, delay with jitter, a fixed seed). The
// counters come from what the receivers really got: the numbers are parsed
// out of each message and datagram.
#include "demo_p.h"

#include "replytemplate.h"
#include "session.h"

#include <QSet>

#include <memory>

namespace SockPlay {

namespace {

const QString TcpSender = QStringLiteral("TCP sender");
const QString TcpReceiver = QStringLiteral("TCP receiver");
const QString UdpSender = QStringLiteral("UDP sender");
const QString UdpReceiver = QStringLiteral("UDP receiver");

/// Folds the numbers a receiver got, in arrival order, into counts.
struct Arrivals
{
    QSet<int> seen;
    int received = 0;
    int duplicated = 0; ///< a number that had arrived before
    int reordered = 0;  ///< a number lower than one that arrived before it
    int inOrder = 0;    ///< the first arrival of a number higher than every one before it
    int highest = 0;

    void add(const QByteArray &payload)
    {
        bool ok = false;
        const int number = payload.trimmed().toInt(&ok);
        if (!ok)
            return; // not one of ours
        ++received;
        if (seen.contains(number)) {
            ++duplicated;
            return;
        }
        seen.insert(number);
        if (number < highest) {
            ++reordered;
        } else {
            ++inOrder;
            highest = number;
        }
    }
};

struct State
{
    int count = 100;
    SimLinkSpec link;
    Arrivals tcp;
    Arrivals udp;
    quint64 lastUdpArrival = 0; // sequence of the last datagram in
    bool udpSettled = false;    // no datagram came for a while after the last send
    int settleMs = 0;
    int intervalMs = 5; // between two UDP sends
};

void publish(DemoContext &c, const State &s)
{
    c.setCounter(QStringLiteral("tcp.received"), s.tcp.received);
    c.setCounter(QStringLiteral("tcp.inOrder"), s.tcp.inOrder);
    c.setCounter(QStringLiteral("tcp.duplicated"), s.tcp.duplicated);
    c.setCounter(QStringLiteral("tcp.lost"), c.counter(QStringLiteral("tcp.sent")) - s.tcp.seen.size());
    c.setCounter(QStringLiteral("udp.received"), s.udp.received);
    c.setCounter(QStringLiteral("udp.duplicated"), s.udp.duplicated);
    c.setCounter(QStringLiteral("udp.reordered"), s.udp.reordered);
    c.setCounter(QStringLiteral("udp.lost"), c.counter(QStringLiteral("udp.sent")) - s.udp.seen.size());
}

/// Waits for quiet after the UDP sends: a lost datagram is an absence, which
/// the log can only show as nothing more arriving. Re-armed by each arrival.
void armSettle(DemoContext &c, const std::shared_ptr<State> &s, quint64 arrival)
{
    c.after(s->settleMs, [&c, s, arrival] {
        if (s->lastUdpArrival != arrival)
            return; // another datagram came since: its own timer decides
        s->udpSettled = true;
        c.recheck();
    });
}

} // namespace

namespace Demos {

DemoScript tcpVsUdp()
{
    auto s = std::make_shared<State>();
    s->link.lossPercent = 10;
    s->link.duplicatePercent = 5;
    s->link.delayMs = 20;
    s->link.jitterMs = 15;
    s->link.seed = 7;
    s->link.direction = SimLinkSpec::Direction::Send;
    // The longest a datagram can be held, and a margin for a busy machine.
    s->settleMs = s->link.delayMs + s->link.jitterMs + 400;

    DemoScript script;
    script.info = {QStringLiteral("tcp-vs-udp"), DemoRunner::tr("TCP vs UDP"),
                   DemoRunner::tr("100 numbered messages over TCP and over UDP through a lossy simulated link: "
                                  "UDP loses, duplicates and reorders; TCP delivers each one, in order, once.")};
    const QString tcpGroup = DemoRunner::tr("TCP");
    const QString udpGroup = DemoRunner::tr("UDP");
    script.counters = {
        {QStringLiteral("tcp.sent"), DemoRunner::tr("Sent"), tcpGroup, 0},
        {QStringLiteral("tcp.received"), DemoRunner::tr("Received"), tcpGroup, 0},
        {QStringLiteral("tcp.inOrder"), DemoRunner::tr("Arrived in order"), tcpGroup, 0},
        {QStringLiteral("tcp.lost"), DemoRunner::tr("Lost"), tcpGroup, 0},
        {QStringLiteral("tcp.duplicated"), DemoRunner::tr("Duplicated"), tcpGroup, 0},
        {QStringLiteral("udp.sent"), DemoRunner::tr("Sent"), udpGroup, 0},
        {QStringLiteral("udp.received"), DemoRunner::tr("Received"), udpGroup, 0},
        {QStringLiteral("udp.lost"), DemoRunner::tr("Lost"), udpGroup, 0},
        {QStringLiteral("udp.duplicated"), DemoRunner::tr("Duplicated"), udpGroup, 0},
        {QStringLiteral("udp.reordered"), DemoRunner::tr("Reordered"), udpGroup, 0},
    };
    script.eventsRead = [s](DemoContext &c, const QList<Event> &events) {
        const int tcpReceiver = c.id(TcpReceiver);
        const int udpReceiver = c.id(UdpReceiver);
        bool udpArrived = false;
        for (const Event &event : events) {
            if (event.endpointId() == tcpReceiver && event.kind == EventKind::Message) {
                s->tcp.add(event.payload);
            } else if (event.endpointId() == udpReceiver && event.kind == EventKind::DatagramReceived) {
                s->udp.add(event.payload);
                s->lastUdpArrival = event.sequence;
                udpArrived = true;
            }
        }
        publish(c, *s);
        if (udpArrived && c.counter(QStringLiteral("udp.sent")) > 0 && !s->udpSettled)
            armSettle(c, s, s->lastUdpArrival);
    };

    DemoStep receivers;
    receivers.title = DemoRunner::tr("Start the receivers");
    receivers.narration = DemoRunner::tr("A TCP server that cuts its stream into lines, and a UDP socket bound to "
                                         "a port: each waits for 100 numbered messages.");
    receivers.run = [](DemoContext &c) {
        EndpointConfig tcp;
        tcp.transport = Transport::Tcp;
        tcp.role = Role::Server;
        tcp.name = TcpReceiver;
        tcp.frame = lineFraming();
        EndpointConfig udp;
        udp.transport = Transport::Udp;
        udp.role = Role::Server;
        udp.name = UdpReceiver;
        c.add(tcp);
        c.add(udp);
        EndpointConfig tcpSender = tcp;
        tcpSender.role = Role::Client;
        tcpSender.name = TcpSender;
        tcpSender.frame = {};
        EndpointConfig udpSender = udp;
        udpSender.role = Role::Client;
        udpSender.name = UdpSender;
        c.add(tcpSender);
        c.add(udpSender);
        c.showView(DemoStage::View::Counters);
        c.start(TcpReceiver);
        c.start(UdpReceiver);
    };
    receivers.check = [](DemoContext &c) {
        if (const std::optional<QString> error = c.errorOf({TcpReceiver, UdpReceiver}))
            return DemoCheck::failed(*error);
        return DemoCheck::when(c.count(TcpReceiver, EventKind::Listening) > 0 && c.port(UdpReceiver) != 0);
    };
    receivers.waitingFor = DemoRunner::tr("both receivers bound");
    script.steps.append(receivers);

    DemoStep senders;
    senders.title = DemoRunner::tr("Start the senders");
    senders.narration = DemoRunner::tr("The TCP sender connects (a handshake). The UDP sender only binds: there is "
                                       "no connection. Its datagrams go through a simulated link — %1 — "
                                       "not a real network.")
                            .arg(DemoRunner::tr("%1% loss, %2% duplicates, %3 ± %4 ms delay, seed %5")
                                     .arg(s->link.lossPercent)
                                     .arg(s->link.duplicatePercent)
                                     .arg(s->link.delayMs)
                                     .arg(s->link.jitterMs)
                                     .arg(s->link.seed));
    senders.run = [s](DemoContext &c) {
        c.start(TcpSender, c.port(TcpReceiver));
        c.start(UdpSender, c.port(UdpReceiver), [s](EndpointConfig &config) { config.simLink = s->link; });
    };
    senders.check = [](DemoContext &c) {
        if (const std::optional<QString> error = c.errorOf({TcpSender, UdpSender}))
            return DemoCheck::failed(*error);
        return DemoCheck::when(c.count(TcpSender, EventKind::Connected) > 0 && c.port(UdpSender) != 0);
    };
    senders.waitingFor = DemoRunner::tr("the TCP sender connected and the UDP sender bound");
    script.steps.append(senders);

    DemoStep tcp;
    tcp.title = DemoRunner::tr("100 messages over TCP");
    tcp.narration = DemoRunner::tr("The TCP sender writes the lines 1 to 100. TCP numbers every byte and "
                                   "acknowledges it: the receiver reads each line once, in order.");
    tcp.run = [s](DemoContext &c) {
        c.setCounter(QStringLiteral("tcp.sent"), s->count);
        for (int n = 1; n <= s->count; ++n)
            c.send(TcpSender, QByteArray::number(n) + '\n');
    };
    tcp.check = [s](DemoContext &) { return DemoCheck::when(s->tcp.seen.size() >= s->count); };
    tcp.waitingFor = DemoRunner::tr("the 100 lines at the TCP receiver");
    script.steps.append(tcp);

    DemoStep udp;
    udp.title = DemoRunner::tr("100 datagrams over UDP");
    udp.narration = DemoRunner::tr("The UDP sender sends the datagrams 1 to 100, one every 5 ms. Nothing numbers or acknowledges "
                                   "them: what the link drops is gone, and the rest arrive in whatever order "
                                   "the delays give them.");
    udp.run = [s](DemoContext &c) {
        c.setCounter(QStringLiteral("udp.sent"), s->count);
        // Paced as a program sending one at a time would: in one burst, the
        // link's ± jitter would shuffle nearly all of them.
        const std::optional<ReplyTemplate> numbered = ReplyTemplate::parse(QStringLiteral("{{counter}}"), nullptr);
        if (numbered)
            c.session()->startRepeat(c.id(UdpSender), 0, *numbered, quint64(s->count), s->intervalMs);
        // Even if not one datagram arrives: after the last send and the settle time.
        c.after(s->count * s->intervalMs, [&c, s] { armSettle(c, s, s->lastUdpArrival); });
    };
    udp.check = [s](DemoContext &c) {
        const bool everyOne = s->udp.seen.size() >= s->count && !s->link.isActive();
        if (!everyOne && !s->udpSettled)
            return DemoCheck::waiting();
        c.setNarration(c.currentStep(),
                       DemoRunner::tr("Of %1 datagrams, %2 arrived: %3 lost, %4 duplicated, %5 out of order. "
                                      "UDP itself tells the program nothing of this.")
                           .arg(s->count)
                           .arg(s->udp.received)
                           .arg(s->count - s->udp.seen.size())
                           .arg(s->udp.duplicated)
                           .arg(s->udp.reordered));
        return DemoCheck::done();
    };
    udp.waitingFor = DemoRunner::tr("the datagrams to stop arriving");
    script.steps.append(udp);

    DemoStep lesson;
    lesson.title = DemoRunner::tr("What this means");
    lesson.narration = DemoRunner::tr("TCP delivered every message, in order, once; UDP did not. On a real lossy "
                                      "network TCP retransmits what is lost and slows down, but it never shows "
                                      "the application a gap.");
    lesson.check = [](DemoContext &) { return DemoCheck::done(); };
    script.steps.append(lesson);
    return script;
}

} // namespace Demos

} // namespace SockPlay
