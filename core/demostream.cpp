// "TCP is a stream": what a program writes and what the other side reads
// are not the same pieces. The receiver logs each read exactly as it came
// (raw framing), so the counts below are the real reads; then a line framing
// turns the stream back into messages.
//
// What is deterministic: the bytes (every byte arrives, in order), and the
// framed messages (exactly 5). The numbers of reads depend on the kernel's
// timing; the demo reports what it saw, and its test only asserts bounds
// that hold whatever the timing: 5 writes never make more than 5 reads here
// (nothing splits a 4-byte segment), and 200 KB do not fit the receiver's
// socket buffer at once (128 KB by default on Linux), so they take ≥ 2 reads.
#include "demo_p.h"

#include "session.h"

namespace SockPlay {

namespace {

const QString Sender = QStringLiteral("sender");
const QString Receiver = QStringLiteral("receiver");

const QList<QByteArray> &smallWrites()
{
    static const QList<QByteArray> writes = {"one ", "two ", "three ", "four ", "five "};
    return writes;
}

qint64 totalOf(const QList<QByteArray> &writes)
{
    qint64 total = 0;
    for (const QByteArray &write : writes)
        total += write.size();
    return total;
}

constexpr qint64 BigWriteBytes = 200 * 1024;

/// Reads at the receiver since the step started, once `bytes` arrived (-1 before).
int readsFor(DemoContext &c, qint64 bytes)
{
    qint64 arrived = 0;
    const QList<Event> reads = c.eventsOf(Receiver, EventKind::Received, c.stepStart());
    for (const Event &read : reads)
        arrived += read.byteCount;
    return arrived >= bytes ? int(reads.size()) : -1;
}

QString readsText(int reads)
{
    return reads == 1 ? DemoRunner::tr("1 read") : DemoRunner::tr("%1 reads").arg(reads);
}

/// Five small writes in one go; done when their bytes arrived, with the
/// count of reads in the counter `key` and the narration.
DemoStep fiveWrites(const QString &title, const QString &narration, const QString &key)
{
    DemoStep step;
    step.title = title;
    step.narration = narration;
    step.run = [](DemoContext &c) {
        for (const QByteArray &write : smallWrites())
            c.send(Sender, write);
    };
    step.check = [narration, key](DemoContext &c) {
        const int reads = readsFor(c, totalOf(smallWrites()));
        if (reads < 0)
            return DemoCheck::waiting();
        c.setCounter(key, reads);
        c.setNarration(c.currentStep(), narration + QLatin1Char(' ')
                                            + DemoRunner::tr("Here the 5 writes arrived as %1.").arg(readsText(reads)));
        return DemoCheck::done();
    };
    step.waitingFor = DemoRunner::tr("the five writes' bytes at the receiver");
    return step;
}

} // namespace

namespace Demos {

DemoScript stream()
{
    DemoScript script;
    script.info = {QStringLiteral("stream"), DemoRunner::tr("TCP is a stream"),
                   DemoRunner::tr("Writes and reads are not the same pieces: small writes merge, a big one is cut; "
                                  "a framing turns the stream back into messages.")};
    const QString nagleOn = DemoRunner::tr("Nagle on");
    const QString nagleOff = DemoRunner::tr("Nagle off (TCP_NODELAY)");
    script.counters = {
        {QStringLiteral("stream.smallReads"), DemoRunner::tr("Reads for 5 small writes"), nagleOn, 0},
        {QStringLiteral("stream.bigReads"), DemoRunner::tr("Reads for one 200 KB write"), nagleOn, 0},
        {QStringLiteral("stream.smallReadsNoDelay"), DemoRunner::tr("Reads for 5 small writes"), nagleOff, 0},
        {QStringLiteral("stream.messages"), DemoRunner::tr("Messages after line framing"), DemoRunner::tr("Framing"), 0},
    };

    script.steps.append(startServerStep(
        Receiver, DemoRunner::tr("Start the receiver"),
        DemoRunner::tr("A TCP server that logs each read exactly as recv() returned it: no framing."),
        [](DemoContext &c) {
            c.add(tcpConfig(Role::Server, Receiver));
            c.add(tcpConfig(Role::Client, Sender));
            c.showView(DemoStage::View::Sequence);
        }));
    script.steps.append(connectClientStep(Sender, Receiver, DemoRunner::tr("Connect the sender"),
                                          DemoRunner::tr("The sender connects, with Nagle's algorithm on (the "
                                                         "default): small writes may wait to go out together.")));
    script.steps.append(fiveWrites(DemoRunner::tr("Five small writes"),
                                   DemoRunner::tr("The sender writes “one ”, “two ”, “three ”, “four ”, “five ” "
                                                  "in one go. TCP keeps no boundaries between writes: the "
                                                  "receiver reads whatever has arrived."),
                                   QStringLiteral("stream.smallReads")));

    DemoStep big;
    big.title = DemoRunner::tr("One 200 KB write");
    big.narration = DemoRunner::tr("Now one write of 200 KB. It is more than the receiver's socket buffer "
                                   "holds at once, so the receiver gets it in pieces.");
    big.run = [](DemoContext &c) { c.send(Sender, QByteArray(BigWriteBytes, 'x')); };
    big.check = [narration = big.narration](DemoContext &c) {
        const int reads = readsFor(c, BigWriteBytes);
        if (reads < 0)
            return DemoCheck::waiting();
        c.setCounter(QStringLiteral("stream.bigReads"), reads);
        c.setNarration(c.currentStep(), narration + QLatin1Char(' ')
                                            + DemoRunner::tr("Here: one write, %1.").arg(readsText(reads)));
        return DemoCheck::done();
    };
    big.waitingFor = DemoRunner::tr("the 200 KB at the receiver");
    script.steps.append(big);

    DemoStep noDelay;
    noDelay.title = DemoRunner::tr("Nagle's algorithm off");
    noDelay.narration = DemoRunner::tr("The sender connects again with TCP_NODELAY: each small write now goes out "
                                       "at once, in a segment of its own.");
    noDelay.run = [](DemoContext &c) {
        c.start(Sender, c.port(Receiver), [](EndpointConfig &config) { config.noDelay = true; });
    };
    noDelay.check = [](DemoContext &c) {
        if (c.count(Sender, EventKind::Error, c.stepStart()) > 0)
            return DemoCheck::failed(c.lastError(Sender));
        return DemoCheck::when(c.count(Sender, EventKind::Connected, c.stepStart()) > 0);
    };
    noDelay.waitingFor = DemoRunner::tr("the sender connected again");
    script.steps.append(noDelay);

    script.steps.append(fiveWrites(DemoRunner::tr("Five small writes, Nagle off"),
                                   DemoRunner::tr("The same five writes. Each leaves at once, yet the receiver "
                                                  "still reads whatever has arrived when it reads."),
                                   QStringLiteral("stream.smallReadsNoDelay")));

    DemoStep framing;
    framing.title = DemoRunner::tr("Line framing");
    framing.narration = DemoRunner::tr("The receiver now cuts the stream at each newline. The sender writes five "
                                       "lines in three writes that cut lines in the middle; the framing still "
                                       "gives exactly the five lines.");
    framing.run = [](DemoContext &c) {
        c.session()->setFraming(c.id(Receiver), 0, lineFraming());
        for (const QByteArray &write : {QByteArrayLiteral("one\ntw"), QByteArrayLiteral("o\nthree\nfo"),
                                       QByteArrayLiteral("ur\nfive\n")})
            c.send(Sender, write);
    };
    framing.check = [narration = framing.narration](DemoContext &c) {
        const int messages = c.count(Receiver, EventKind::Message, c.stepStart());
        c.setCounter(QStringLiteral("stream.messages"), messages);
        if (messages < 5)
            return DemoCheck::waiting();
        const int reads = int(c.eventsOf(Receiver, EventKind::Received, c.stepStart()).size());
        c.setNarration(c.currentStep(), narration + QLatin1Char(' ')
                                            + DemoRunner::tr("Here: 3 writes, %1, 5 messages.").arg(readsText(reads)));
        return DemoCheck::done();
    };
    framing.waitingFor = DemoRunner::tr("five lines at the receiver");
    script.steps.append(framing);
    return script;
}

} // namespace Demos

} // namespace SockPlay
