// The lifecycle diagram, its view and the panes' strip, driven by a tracker
// that follows a real session on loopback (offscreen).
#include "lifecyclediagram.h"
#include "lifecyclelabel.h"
#include "lifecycletracker.h"
#include "lifecycleview.h"
#include "serverpane.h"
#include "session.h"
#include "testsupport.h"

#include <QAccessible>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <cmath>

using namespace SockPlay;
using namespace SockPlay::Test;
using Call = LifecycleStep::Call;
using State = LifecycleStep::State;

namespace {

EndpointConfig config(Transport transport, Role role, const QString &name, quint16 port = 0)
{
    EndpointConfig c;
    c.transport = transport;
    c.role = role;
    c.name = name;
    c.port = port;
    return c;
}

State stateOf(const LifecycleTracker &tracker, int endpointId, Call call)
{
    for (const LifecycleStep &step : tracker.flow(endpointId).steps)
        if (step.call == call)
            return step.state;
    return State::NotYet;
}

QStringList childNames(QWidget *widget)
{
    QStringList names;
    QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
    for (int i = 0; accessible && i < accessible->childCount(); ++i)
        if (QAccessibleInterface *child = accessible->child(i))
            names.append(child->text(QAccessible::Name));
    return names;
}

double luminance(const QColor &c)
{
    const auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

/// A server (echo) and a client of one session, connected, that exchanged "hi".
struct Exchange
{
    Exchange()
    {
        tracker.follow(session.log());
        server = session.addEndpoint(config(Transport::Tcp, Role::Server, QStringLiteral("server")));
        client = session.addEndpoint(config(Transport::Tcp, Role::Client, QStringLiteral("client")));
    }
    bool run()
    {
        EndpointConfig s = config(Transport::Tcp, Role::Server, QStringLiteral("server"));
        s.echo = true;
        session.start(server, s);
        const quint16 port = session.snapshot(server).localPort;
        if (port == 0)
            return false;
        session.start(client, config(Transport::Tcp, Role::Client, QStringLiteral("client"), port));
        if (!QTest::qWaitFor([&] { return session.snapshot(client).isActive(); }))
            return false;
        session.send(client, 0, "hi");
        return QTest::qWaitFor([&] { return stateOf(tracker, client, Call::Exchange) == State::Current; });
    }

    Session session;
    LifecycleTracker tracker;
    int server = 0;
    int client = 0;
};

} // namespace

class TestUiLifecycle : public QObject
{
    Q_OBJECT
private slots:
    void diagramNamesEachStepAndItsState();
    void keyboardMovesBetweenStepsAndEnterEmitsTheEvent();
    void clickOnAStepEmitsItsEvent();
    void failedStepIsRedWithItsReason();
    void sizeHintScalesWithTheFont();
    void viewAddsAndRemovesADiagramPerEndpoint();
    void paneStripLightsCloseWithReadableGrey();
};

void TestUiLifecycle::diagramNamesEachStepAndItsState()
{
    Exchange x;
    QVERIFY(x.run());
    QTRY_COMPARE(x.tracker.flow(x.server).branches.size(), 1);
    // The client's step is current once it sent; the server's branch once it
    // read "hi", which may come a moment later.
    const auto serverExchange = [&x] {
        for (const LifecycleStep &step : x.tracker.flow(x.server).branches.constFirst().steps)
            if (step.call == Call::Exchange)
                return step.state;
        return State::NotYet;
    };
    QTRY_COMPARE(serverExchange(), State::Current);
    LifecycleDiagram diagram;
    diagram.setFlow(x.tracker.flow(x.server));
    diagram.show();
    QVERIFY(QTest::qWaitForWindowExposed(&diagram));

    const QStringList names = childNames(&diagram);
    // The main row (5 steps) and the client's branch (4 steps).
    QCOMPARE(names.size(), 9);
    QCOMPARE(names.at(0), QStringLiteral("socket(): done — a TCP socket exists, not yet tied to an address"));
    QCOMPARE(names.at(2), QStringLiteral("listen(): done — the kernel now completes handshakes for us and queues them"));
    QCOMPARE(names.at(3), QStringLiteral("accept(): current — takes the next finished handshake from the queue: "
                                         "one new socket per client"));
    QCOMPARE(names.at(4), QStringLiteral("close(): not yet — the listening socket is closed: no new clients"));
    QCOMPARE(names.at(6), QStringLiteral("connection #1: recv()/send(): current — bytes flow both ways as one "
                                         "stream: no message boundaries"));
    QCOMPARE(names.at(8).left(32), QStringLiteral("connection #1: close(): not yet "));
    // Each child sits where its box is drawn.
    QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(&diagram);
    QCOMPARE(accessible->child(2)->rect(), QRect(diagram.mapToGlobal(diagram.diagramItemRect(2).topLeft()),
                                                 diagram.diagramItemRect(2).size()));

    // The client stops: close() lights on both sides.
    x.session.stop(x.client);
    QTRY_COMPARE(x.tracker.flow(x.server).branches.at(0).ending, LifecycleBranch::Ending::ClosedByPeer);
    diagram.setFlow(x.tracker.flow(x.server));
    QVERIFY2(childNames(&diagram).at(8).startsWith(QStringLiteral("connection #1: close(): current — the peer closed "
                                                                  "first: recv() returned 0")),
             qPrintable(childNames(&diagram).at(8)));
}

void TestUiLifecycle::keyboardMovesBetweenStepsAndEnterEmitsTheEvent()
{
    Exchange x;
    QVERIFY(x.run());
    QTRY_COMPARE(x.tracker.flow(x.server).branches.size(), 1);
    const LifecycleFlow flow = x.tracker.flow(x.server);
    LifecycleDiagram diagram;
    diagram.setFlow(flow);
    diagram.show();
    QVERIFY(QTest::qWaitForWindowExposed(&diagram));
    diagram.setFocus();
    QTRY_VERIFY(diagram.hasFocus());
    QSignalSpy activated(&diagram, &LifecycleDiagram::eventActivated);

    // Focus starts on the step that just happened: accept().
    QCOMPARE(diagram.currentItem(), 3);
    QTest::keyClick(&diagram, Qt::Key_Home);
    QTest::keyClick(&diagram, Qt::Key_Right);
    QCOMPARE(diagram.currentItem(), 1);
    QTest::keyClick(&diagram, Qt::Key_Return);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).toULongLong(), eventsOf(*x.session.log(), x.server, EventKind::Bound).at(0).sequence);
    QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(&diagram);
    QVERIFY(accessible->child(1)->state().focused);

    // Right to accept(), Down into the client's branch (its accept()), Right to recv()/send().
    QTest::keyClick(&diagram, Qt::Key_Right);
    QTest::keyClick(&diagram, Qt::Key_Right);
    QCOMPARE(diagram.currentItem(), 3);
    QTest::keyClick(&diagram, Qt::Key_Down);
    QCOMPARE(diagram.currentItem(), 5);
    QTest::keyClick(&diagram, Qt::Key_Right);
    QCOMPARE(diagram.currentItem(), 6);
    QTest::keyClick(&diagram, Qt::Key_Enter);
    QCOMPARE(activated.count(), 2);
    QCOMPARE(activated.at(1).at(0).toULongLong(), flow.branches.at(0).steps.at(1).sequence);
    const QList<Event> received = eventsOf(*x.session.log(), x.server, EventKind::Received);
    QVERIFY(!received.isEmpty());
    QVERIFY(activated.at(1).at(0).toULongLong() >= received.at(0).sequence);
    // Up goes back to the main row; a step not reached yet has no event to show.
    QTest::keyClick(&diagram, Qt::Key_Up);
    QVERIFY(diagram.currentItem() < 5);
    QTest::keyClick(&diagram, Qt::Key_End);
    QTest::keyClick(&diagram, Qt::Key_Return);
    QCOMPARE(activated.count(), 2);
}

void TestUiLifecycle::clickOnAStepEmitsItsEvent()
{
    Exchange x;
    QVERIFY(x.run());
    LifecycleDiagram diagram;
    diagram.setFlow(x.tracker.flow(x.server));
    diagram.show();
    QVERIFY(QTest::qWaitForWindowExposed(&diagram));
    QSignalSpy activated(&diagram, &LifecycleDiagram::eventActivated);
    QTest::mouseClick(&diagram, Qt::LeftButton, {}, diagram.diagramItemRect(2).center());
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).toULongLong(),
             eventsOf(*x.session.log(), x.server, EventKind::Listening).at(0).sequence);
    QCOMPARE(diagram.currentItem(), 2);
}

void TestUiLifecycle::failedStepIsRedWithItsReason()
{
    QTcpServer holder;
    QVERIFY(holder.listen(QHostAddress::LocalHost, 0));
    Session session;
    LifecycleTracker tracker;
    tracker.follow(session.log());
    const int id = session.addEndpoint(config(Transport::Tcp, Role::Server, QStringLiteral("server")));
    session.start(id, config(Transport::Tcp, Role::Server, QStringLiteral("server"), holder.serverPort()));
    QTRY_COMPARE(stateOf(tracker, id, Call::Bind), State::Failed);
    LifecycleDiagram diagram;
    diagram.setFlow(tracker.flow(id));
    diagram.show();
    QVERIFY(QTest::qWaitForWindowExposed(&diagram));
    QCOMPARE(childNames(&diagram).at(1), QStringLiteral("bind(): failed — address already in use"));
    // The red is painted (and only palette colours besides it).
    const QImage image = diagram.grab().toImage();
    bool red = false;
    const QRect box = diagram.diagramItemRect(1);
    for (int y = box.top(); y <= box.bottom() && !red; ++y)
        for (int x = box.left(); x <= box.right() && !red; ++x)
            red = image.pixelColor(x, y) == QColor::fromRgba(LifecycleDiagram::FailedRed);
    QVERIFY(red);
    QVERIFY(contrast(QColor::fromRgba(LifecycleDiagram::FailedRed), Qt::white) >= 4.5);
}

void TestUiLifecycle::sizeHintScalesWithTheFont()
{
    LifecycleFlow flow;
    flow.kind = LifecycleFlow::Kind::TcpServer;
    flow.steps = LifecycleFlow::blankSteps(flow.kind);
    LifecycleDiagram diagram;
    QFont small = diagram.font();
    small.setPointSizeF(10);
    diagram.setFont(small);
    diagram.setFlow(flow);
    const QSize before = diagram.sizeHint();
    QFont large = small;
    large.setPointSizeF(20);
    diagram.setFont(large);
    const QSize after = diagram.sizeHint();
    QVERIFY2(after.width() > before.width() * 3 / 2 && after.height() > before.height() * 3 / 2,
             qPrintable(QStringLiteral("%1x%2 → %3x%4").arg(before.width()).arg(before.height())
                            .arg(after.width()).arg(after.height())));
}

void TestUiLifecycle::viewAddsAndRemovesADiagramPerEndpoint()
{
    Exchange x;
    LifecycleView view(&x.tracker);
    QCOMPARE(view.objectName(), QStringLiteral("lifecycleView"));
    QCOMPARE(view.accessibleName(), QStringLiteral("Lifecycle diagrams"));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(view.findChildren<LifecycleDiagram *>().isEmpty());
    QVERIFY(x.run());

    const QString serverName = QStringLiteral("lifecycleDiagram%1").arg(x.server);
    const QString clientName = QStringLiteral("lifecycleDiagram%1").arg(x.client);
    QTRY_VERIFY(view.findChild<LifecycleDiagram *>(serverName));
    QTRY_VERIFY(view.findChild<LifecycleDiagram *>(clientName));
    LifecycleDiagram *server = view.findChild<LifecycleDiagram *>(serverName);
    QCOMPARE(server->accessibleName(), QStringLiteral("server lifecycle"));
    QCOMPARE(view.findChild<LifecycleDiagram *>(clientName)->accessibleName(), QStringLiteral("client lifecycle"));
    // The view keeps the diagram up to date.
    QTRY_COMPARE(server->flow().branches.size(), 1);
    QSignalSpy activated(&view, &LifecycleView::eventActivated);
    QTest::mouseClick(server, Qt::LeftButton, {}, server->diagramItemRect(0).center());
    QCOMPARE(activated.count(), 1);

    // The endpoint goes (the window tells the tracker): so does its diagram.
    x.session.removeEndpoint(x.client);
    x.tracker.forget(x.client);
    QVERIFY(!view.findChild<LifecycleDiagram *>(clientName));
    QVERIFY(view.findChild<LifecycleDiagram *>(serverName));
}

void TestUiLifecycle::paneStripLightsCloseWithReadableGrey()
{
    Session session;
    LifecycleTracker tracker;
    tracker.follow(session.log());
    ServerPane pane(&session);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    auto *strip = pane.findChild<LifecycleLabel *>(QStringLiteral("serverLifecycleLabel"));
    QVERIFY(strip);
    QVERIFY(!strip->accessibleName().isEmpty());
    QVERIFY(!strip->accessibleName().contains(QStringLiteral("current")));
    pane.setLifecycleTracker(&tracker);

    session.start(pane.endpointId(), config(Transport::Tcp, Role::Server, QStringLiteral("server")));
    QTRY_VERIFY2(strip->accessibleName().contains(QStringLiteral("listen() current")), qPrintable(strip->accessibleName()));
    QVERIFY2(strip->accessibleName().contains(QStringLiteral("close() not yet")), qPrintable(strip->accessibleName()));
    // Every grey of the strip (steps not reached yet) reads at 4.5:1 against the window.
    const QColor window = strip->palette().color(QPalette::Window);
    const QRegularExpression colour(QStringLiteral("color:(#[0-9a-f]{6})"));
    int colours = 0;
    for (const QRegularExpressionMatch &m : colour.globalMatch(strip->text())) {
        ++colours;
        QVERIFY2(contrast(QColor(m.captured(1)), window) >= 4.5, qPrintable(m.captured(1)));
    }
    QVERIFY(colours > 0);

    session.stop(pane.endpointId());
    QTRY_VERIFY2(strip->accessibleName().contains(QStringLiteral("close() current")), qPrintable(strip->accessibleName()));
    QVERIFY(strip->text().contains(QStringLiteral("<u>close()</u>")));
}

QTEST_MAIN(TestUiLifecycle)
#include "tst_ui_lifecycle.moc"
