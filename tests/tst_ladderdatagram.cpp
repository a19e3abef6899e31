// The ladder's datagrams through a simulated link (issue 10): real sockets
// through a Session on loopback, numbered datagrams; each arrow must end at
// the arrival of its own datagram, "lost" only where a datagram was dropped,
// "(reordered)" where a later-sent one arrived first, and a duplicate's
// second copy an arrow of its own. Then the lost rules and the bounds on
// made-up logs.
#include "ladder.h"
#include "session.h"
#include "simulatedlink.h"
#include "testsupport.h"

#include <QSet>
#include <QTest>

Q_DECLARE_METATYPE(SockPlay::SimLinkSpec::Direction)

using namespace SockPlay;
using Arrow = Ladder::Arrow;
using ArrowKind = Ladder::ArrowKind;
using Direction = SimLinkSpec::Direction;

namespace {

constexpr int Count = 50;

/// A UDP receiver and a UDP sender to it, the link on the side asked, followed by a ladder.
struct Rig
{
    Session session;
    Ladder ladder;
    int receiver = 0;
    int sender = 0;

    bool start(const SimLinkSpec &link)
    {
        ladder.follow(session.log());
        EndpointConfig r;
        r.transport = Transport::Udp;
        r.role = Role::Server;
        r.name = QStringLiteral("receiver");
        if (link.direction == Direction::Receive)
            r.simLink = link;
        receiver = session.addEndpoint(r);
        session.start(receiver, r);
        if (!QTest::qWaitFor([&] { return session.snapshot(receiver).localPort != 0; }))
            return false;
        EndpointConfig s = r;
        s.role = Role::Client;
        s.name = QStringLiteral("sender");
        s.port = session.snapshot(receiver).localPort;
        s.simLink = link.direction == Direction::Send ? link : SimLinkSpec{};
        sender = session.addEndpoint(s);
        session.start(sender, s);
        return QTest::qWaitFor([&] { return session.snapshot(sender).isActive(); });
    }
    void sendNumbers()
    {
        for (int n = 1; n <= Count; ++n)
            session.send(sender, 0, QByteArray::number(n));
    }
    QList<Event> events(int endpoint, EventKind kind) const { return Test::eventsOf(*session.log(), endpoint, kind); }
    /// Where the link drops: the sender's or the receiver's events.
    int linkSide(Direction side) const { return side == Direction::Send ? sender : receiver; }
    QHash<quint64, Event> bySequence() const
    {
        QHash<quint64, Event> all;
        for (const Event &e : session.log()->snapshot())
            all.insert(e.sequence, e);
        return all;
    }
    QList<Arrow> datagrams() const
    {
        QList<Arrow> arrows;
        for (qsizetype i = 0; i < ladder.arrowCount(); ++i)
            if (ladder.arrow(i).kind == ArrowKind::Datagram)
                arrows.append(ladder.arrow(i));
        return arrows;
    }
    /// The ladder has read the last arrival or drop in the log (it reads in order: all before it too).
    bool caughtUp() const
    {
        quint64 last = 0;
        for (const Event &e : session.log()->snapshot())
            if (e.kind == EventKind::DatagramReceived || e.kind == EventKind::SimulatedDrop)
                last = e.sequence;
        return last != 0 && ladder.indexOfSequence(last) >= 0;
    }
};

/// How many datagrams of Count the link duplicates (its decisions are fixed by the seed).
int duplicatesOf(const SimLinkSpec &spec)
{
    SimulatedLink link;
    link.setSpec(spec);
    int copies = 0;
    for (int i = 0; i < Count; ++i)
        copies += link.decide().duplicate ? 1 : 0;
    return copies;
}

SimLinkSpec jittery(Direction side)
{
    SimLinkSpec link;
    link.delayMs = 20;
    link.jitterMs = 15;
    link.seed = 7;
    link.direction = side;
    return link;
}

/// A made-up event of endpoint `endpoint` from local to peer.
Event madeUp(EventKind kind, quint64 sequence, qint64 timeNs, int endpoint, quint16 localPort, quint16 peerPort,
             const QByteArray &payload = {})
{
    Event e;
    e.kind = kind;
    e.sequence = sequence;
    e.timeNs = timeNs;
    e.byteCount = payload.size();
    e.payload = payload;
    e.source = makeEventSource(endpoint, 0, QStringLiteral("ep%1").arg(endpoint), QHostAddress::LocalHost, localPort,
                               peerPort ? QHostAddress(QHostAddress::LocalHost) : QHostAddress(), peerPort);
    return e;
}

/// Endpoint 1 on 6000 sends to endpoint 2, bound on 7000.
Event sent(quint64 sequence, qint64 timeNs, const QByteArray &payload)
{
    return madeUp(EventKind::DatagramSent, sequence, timeNs, 1, 6000, 7000, payload);
}
Event received(quint64 sequence, qint64 timeNs, const QByteArray &payload)
{
    return madeUp(EventKind::DatagramReceived, sequence, timeNs, 2, 7000, 6000, payload);
}

void sideRows()
{
    QTest::addColumn<Direction>("side");
    QTest::newRow("link on the sender") << Direction::Send;
    QTest::newRow("link on the receiver") << Direction::Receive;
}

} // namespace

class TestLadderDatagram : public QObject
{
    Q_OBJECT
private slots:
    void reorderedDatagramsArriveAndSaySo_data() { sideRows(); }
    void reorderedDatagramsArriveAndSaySo()
    {
        QFETCH(Direction, side);
        Rig rig;
        QVERIFY(rig.start(jittery(side)));
        rig.sendNumbers();
        QTRY_COMPARE(rig.events(rig.receiver, EventKind::DatagramReceived).size(), Count);
        QTRY_VERIFY(rig.caughtUp());
        // Reordered as the log tells it, without the ladder: a datagram
        // whose send comes before that of one that arrived earlier.
        QHash<QByteArray, quint64> sendOf;
        for (const Event &e : rig.events(rig.sender, EventKind::DatagramSent))
            sendOf.insert(e.payload, e.sequence);
        QSet<QByteArray> reordered;
        quint64 newest = 0;
        for (const Event &e : rig.events(rig.receiver, EventKind::DatagramReceived)) {
            const quint64 send = sendOf.value(e.payload);
            if (send < newest)
                reordered.insert(e.payload);
            newest = std::max(newest, send);
        }
        // On the receiver the link holds datagrams sent in order; on the
        // sender it reorders them before the socket, so the log sends them
        // in the order they arrive (the numbers show it, the arrows do not cross).
        if (side == Direction::Receive)
            QVERIFY(!reordered.isEmpty());
        const QHash<quint64, Event> events = rig.bySequence();
        const QList<Arrow> arrows = rig.datagrams();
        QCOMPARE(arrows.size(), Count);
        for (const Arrow &a : arrows) {
            const QString label = Ladder::label(a);
            QVERIFY2(!a.has(Ladder::Lost), qPrintable(label));
            QCOMPARE(events.value(a.sequence).kind, EventKind::DatagramSent);
            QCOMPARE(events.value(a.endSequence).kind, EventKind::DatagramReceived);
            QCOMPARE(events.value(a.endSequence).payload, events.value(a.sequence).payload);
            QCOMPARE(label.endsWith(QLatin1String(" (reordered)")), reordered.contains(a.preview));
        }
    }

    void onlyDroppedDatagramsAreLost_data() { sideRows(); }
    void onlyDroppedDatagramsAreLost()
    {
        QFETCH(Direction, side);
        SimLinkSpec link = jittery(side);
        link.lossPercent = 20;
        Rig rig;
        QVERIFY(rig.start(link));
        rig.sendNumbers();
        QTRY_COMPARE(rig.events(rig.receiver, EventKind::DatagramReceived).size()
                         + rig.events(rig.linkSide(side), EventKind::SimulatedDrop).size(),
                     Count);
        QTRY_VERIFY(rig.caughtUp());
        QSet<quint64> drops;
        for (const Event &e : rig.events(rig.linkSide(side), EventKind::SimulatedDrop))
            drops.insert(e.sequence);
        QVERIFY(!drops.isEmpty());
        const QHash<quint64, Event> events = rig.bySequence();
        QSet<quint64> lost;
        for (const Arrow &a : rig.datagrams()) {
            if (a.has(Ladder::Lost)) {
                QVERIFY(a.has(Ladder::Simulated));
                lost.insert(side == Direction::Send ? a.sequence : a.endSequence);
                QCOMPARE(events.value(side == Direction::Send ? a.sequence : a.endSequence).payload, a.preview);
            } else {
                QCOMPARE(events.value(a.endSequence).payload, events.value(a.sequence).payload);
            }
        }
        QCOMPARE(lost, drops);
    }

    void aDuplicateIsAnArrowOfItsOwn_data() { sideRows(); }
    void aDuplicateIsAnArrowOfItsOwn()
    {
        QFETCH(Direction, side);
        SimLinkSpec link = jittery(side);
        link.duplicatePercent = 30;
        const int copies = duplicatesOf(link);
        QVERIFY(copies > 0);
        Rig rig;
        QVERIFY(rig.start(link));
        rig.sendNumbers();
        QTRY_COMPARE(rig.events(rig.receiver, EventKind::DatagramReceived).size(), Count + copies);
        // The copies as the link logged them: a send on the sender, an arrival on the receiver.
        QSet<quint64> copyEvents;
        const EventKind copyKind = side == Direction::Send ? EventKind::DatagramSent : EventKind::DatagramReceived;
        for (const Event &e : rig.events(rig.linkSide(side), copyKind))
            if (SimulatedLink::isCopy(e.detail))
                copyEvents.insert(e.sequence);
        QCOMPARE(copyEvents.size(), copies);
        QTRY_VERIFY(rig.caughtUp());
        const QHash<quint64, Event> events = rig.bySequence();
        QSet<quint64> duplicates;
        for (const Arrow &a : rig.datagrams()) {
            const QString label = Ladder::label(a);
            QVERIFY2(!a.has(Ladder::Lost), qPrintable(label));
            QCOMPARE(events.value(a.endSequence).payload, a.preview);
            QCOMPARE(label.contains(QLatin1String(" (duplicate)")), a.has(Ladder::Duplicate));
            if (!a.has(Ladder::Duplicate)) {
                QCOMPARE(events.value(a.sequence).payload, a.preview);
                continue;
            }
            duplicates.insert(side == Direction::Send ? a.sequence : a.endSequence);
            // Drawn from the same sender, naming the send of its original.
            QCOMPARE(rig.ladder.lanes().at(a.from).name, QStringLiteral("sender"));
            QCOMPARE(events.value(a.copyOf).kind, EventKind::DatagramSent);
            QCOMPARE(events.value(a.copyOf).payload, a.preview);
        }
        QCOMPARE(duplicates, copyEvents);
    }

    void lostOnlyOnEvidence_data()
    {
        QTest::addColumn<int>("overtakers");
        QTest::addColumn<qint64>("laterNs");
        QTest::addColumn<bool>("arrivesAtLast");
        QTest::addColumn<QString>("label");
        const int k = Ladder::OvertakenLostAfter;
        QTest::newRow("overtaken by K: in flight") << k << qint64(0) << false << u"datagram 1 byte: a"_qs;
        QTest::newRow("overtaken by K + 1: lost") << k + 1 << qint64(0) << false << u"datagram 1 byte: a (lost)"_qs;
        QTest::newRow("overtaken, then arrives") << k + 1 << qint64(0) << true << u"datagram 1 byte: a (reordered)"_qs;
        const qint64 t = Ladder::DatagramLostAfterNs + 1;
        QTest::newRow("T of log time: lost") << 0 << t << false << u"datagram 1 byte: a (lost)"_qs;
        QTest::newRow("T of log time, then arrives") << 0 << t << true << u"datagram 1 byte: a"_qs;
    }
    void lostOnlyOnEvidence()
    {
        QFETCH(int, overtakers);
        QFETCH(qint64, laterNs);
        QFETCH(bool, arrivesAtLast);
        QFETCH(QString, label);
        Ladder ladder;
        quint64 seq = 0;
        QList<Event> events{madeUp(EventKind::Bound, ++seq, 0, 2, 7000, 0), sent(++seq, 10, "a")};
        for (int i = 0; i < overtakers; ++i) {
            events << sent(++seq, 20, "bb");
            events << received(++seq, 30, "bb");
        }
        ladder.addEvents(events);
        if (laterNs > 0)
            ladder.addEvents({madeUp(EventKind::Note, ++seq, 10 + laterNs, 1, 6000, 0)});
        if (arrivesAtLast)
            ladder.addEvents({received(++seq, 20 + laterNs, "a")});
        QCOMPARE(ladder.arrowCount(), 1 + overtakers);
        const Arrow &a = ladder.arrow(0);
        QCOMPARE(Ladder::label(a), label);
        QCOMPARE(a.has(Ladder::InFlight), !arrivesAtLast && label.endsWith(u'a'));
        QCOMPARE(a.endSequence, arrivesAtLast ? seq : 0);
        for (qsizetype i = 1; i < ladder.arrowCount(); ++i)
            QVERIFY(!ladder.arrow(i).has(Ladder::Lost) && !ladder.arrow(i).has(Ladder::InFlight));
    }

    void theContentPicksTheMatch()
    {
        // Same size, other payload: the one with the same payload is taken,
        // and a datagram of another size takes nothing.
        Ladder ladder;
        quint64 seq = 0;
        ladder.addEvents({madeUp(EventKind::Bound, ++seq, 0, 2, 7000, 0), sent(++seq, 10, "11"), sent(++seq, 20, "12"),
                          received(++seq, 30, "12"), received(++seq, 40, "xyz"), received(++seq, 50, "11")});
        QCOMPARE(ladder.arrowCount(), 3);
        QCOMPARE(ladder.arrow(0).endSequence, quint64(6));
        QCOMPARE(Ladder::label(ladder.arrow(0)), u"datagram 2 bytes: 11 (reordered)"_qs);
        QCOMPARE(ladder.arrow(1).endSequence, quint64(4));
        QCOMPARE(Ladder::label(ladder.arrow(1)), u"datagram 2 bytes: 12"_qs);
        QCOMPARE(ladder.arrow(2).sequence, quint64(5)); // an arrival of its own
    }

    void reorderingUnderAFloodStaysBoundedAndMatched()
    {
        // 10,000 datagrams arriving in blocks of 100 in reverse: each block's
        // oldest is overtaken by 99 (presumed lost past K), then arrives.
        Ladder ladder;
        quint64 seq = 1;
        QList<Event> events{madeUp(EventKind::Bound, seq, 0, 2, 7000, 0)};
        const int blocks = 100, block = 100;
        for (int b = 0; b < blocks; ++b) {
            for (int i = 0; i < block; ++i, ++seq)
                events << sent(seq + 1, qint64(seq) * 1000, QByteArray::number(b * block + i));
            for (int i = block - 1; i >= 0; --i, ++seq)
                events << received(seq + 1, qint64(seq) * 1000, QByteArray::number(b * block + i));
        }
        ladder.addEvents(events);
        QCOMPARE(ladder.arrowCount(), blocks * block);
        int reordered = 0;
        for (qsizetype i = 0; i < ladder.arrowCount(); ++i) {
            const Arrow &a = ladder.arrow(i);
            QVERIFY(!a.has(Ladder::Lost) && !a.has(Ladder::InFlight));
            QCOMPARE(a.preview, QByteArray::number(i));
            reordered += a.has(Ladder::Reordered) ? 1 : 0;
        }
        QCOMPARE(reordered, blocks * (block - 1)); // each block's newest came first
        // Past MaxPendingPerPath a datagram is no longer waited for: lost, and
        // its late arrival is an arrow of its own.
        Ladder bounded;
        seq = 1;
        QList<Event> more{madeUp(EventKind::Bound, seq, 0, 2, 7000, 0)};
        for (int i = 0; i <= Ladder::MaxPendingPerPath; ++i)
            more << sent(++seq, 10, QByteArray::number(i));
        more << received(++seq, 20, "0");
        bounded.addEvents(more);
        QCOMPARE(bounded.arrowCount(), Ladder::MaxPendingPerPath + 2);
        QVERIFY(bounded.arrow(0).has(Ladder::Lost));
        QVERIFY(bounded.arrow(1).has(Ladder::InFlight));
        QCOMPARE(bounded.arrow(bounded.arrowCount() - 1).sequence, seq);
    }
};

QTEST_GUILESS_MAIN(TestLadderDatagram)
#include "tst_ladderdatagram.moc"
