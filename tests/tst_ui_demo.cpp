// The built-in demos in the window: the Demos menu, the Demo dock's panel
// driven by real clicks and keys, each demo run through the window to its end
// state over real sockets on 127.0.0.1, Stop and Reset, and `--demo NAME`.
#include "clientpane.h"
#include "demo.h"
#include "democommandline.h"
#include "democounterstable.h"
#include "demopanel.h"
#include "endpointpane.h"
#include "eventlog.h"
#include "mainwindow.h"
#include "presentermode.h"
#include "serverpane.h"
#include "session.h"
#include "workspace.h"
#include "workspacedemostage.h"

#include <QAction>
#include <QCommandLineParser>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace SockPlay;

namespace {

// A demo's steps wait for real effects (100 datagrams through a delaying
// link, a 200 KB write read back): bounded, never a sleep.
constexpr int DemoTimeoutMs = 60000;

} // namespace

class TestUiDemo : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void menuHasAnActionPerDemo();
    void welcomeStepByStepWithNextAndTheKeyboard();
    void tcpVsUdpRunAllShowsTheCounters();
    void stopMidDemoLeavesNothingRunning();
    void resetRemovesOnlyTheDemosPanes();
    void aFailureShowsTheReason();
    void aDemoAsksForAView_data();
    void aDemoAsksForAView();
    void presenterModeKeepsThePanelAndItFits();
    void commandLine_data();
    void commandLine();
    void commandLineLoadsTheDemo();
    void everyDemoRunsToItsEnd_data();
    void everyDemoRunsToItsEnd();

private:
    template<typename T>
    T *widget(const char *name) const
    {
        return m_window->findChild<T *>(QString::fromLatin1(name));
    }
    void click(const char *name);
    QAction *demoAction(const QString &id) const;
    /// Each step's state as the list shows it.
    QList<DemoPanel::StepState> stepStates() const;
    /// Every incoming byte an endpoint logged, concatenated.
    QByteArray received(int endpointId) const;
    QString counterText(const QString &key) const;

    std::unique_ptr<MainWindow> m_window;
};

void TestUiDemo::init()
{
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestUiDemo::cleanup()
{
    m_window.reset();
}

void TestUiDemo::click(const char *name)
{
    auto *button = widget<QPushButton>(name);
    QVERIFY2(button, name);
    QVERIFY2(button->isVisible(), name);
    QVERIFY2(button->isEnabled(), name);
    QTest::mouseClick(button, Qt::LeftButton);
}

QAction *TestUiDemo::demoAction(const QString &id) const
{
    return m_window->findChild<QAction *>(MainWindow::demoActionName(id));
}

QList<DemoPanel::StepState> TestUiDemo::stepStates() const
{
    QList<DemoPanel::StepState> states;
    const auto *steps = widget<QListWidget>("demoSteps");
    for (int i = 0; steps && i < steps->count(); ++i)
        states.append(DemoPanel::StepState(steps->item(i)->data(DemoPanel::StepStateRole).toInt()));
    return states;
}

QByteArray TestUiDemo::received(int endpointId) const
{
    QByteArray bytes;
    const QList<Event> events = m_window->log()->snapshot();
    for (const Event &event : events) {
        if (event.endpointId() == endpointId && isIncomingKind(event.kind))
            bytes += event.payload;
    }
    return bytes;
}

QString TestUiDemo::counterText(const QString &key) const
{
    const auto *table = widget<DemoCountersTable>("demoCounters");
    for (int row = 0; table && row < table->rowCount(); ++row) {
        for (int column = 0; column < table->columnCount(); ++column) {
            const QTableWidgetItem *cell = table->item(row, column);
            if (cell && cell->data(DemoCountersTable::CounterKeyRole).toString() == key)
                return cell->text();
        }
    }
    return {};
}

void TestUiDemo::menuHasAnActionPerDemo()
{
    QMenu *menu = m_window->demosMenu();
    QVERIFY(menu);
    QCOMPARE(menu->objectName(), QStringLiteral("demosMenu"));
    QVERIFY(!menu->accessibleName().isEmpty());
    // In the menu bar, after the menus a user knows first; only Help follows.
    const QList<QAction *> bar = m_window->menuBar()->actions();
    QCOMPARE(bar.indexOf(menu->menuAction()), bar.size() - 2);

    const QList<DemoInfo> demos = DemoRunner::demos();
    QCOMPARE(demos.size(), 6);
    for (const DemoInfo &demo : demos) {
        QAction *action = demoAction(demo.id);
        QVERIFY2(action, qPrintable(demo.id));
        QVERIFY(menu->actions().contains(action));
        // What a screen reader says for a menu item: its text.
        QCOMPARE(action->text(), demo.title);
        QCOMPARE(action->toolTip(), demo.summary);
        QCOMPARE(action->data().toString(), demo.id);
    }
    QCOMPARE(MainWindow::demoActionName(QStringLiteral("tcp-vs-udp")), QStringLiteral("demoTcpVsUdpAction"));
}

void TestUiDemo::welcomeStepByStepWithNextAndTheKeyboard()
{
    QVERIFY(m_window->demoDock()->isHidden());
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    demoAction(QStringLiteral("welcome"))->trigger();
    QVERIFY(m_window->demoDock()->isVisible());
    DemoRunner *runner = m_window->demoRunner();
    QCOMPARE(runner->demoId(), QStringLiteral("welcome"));
    QCOMPARE(runner->state(), DemoRunner::State::Idle); // waits for Next
    QCOMPARE(m_window->focusWidget(), widget<QWidget>("demoNextButton"));
    const int count = runner->stepCount();
    QVERIFY(count >= 2);
    QCOMPARE(widget<QListWidget>("demoSteps")->count(), count);
    QCOMPARE(stepStates().constFirst(), DemoPanel::StepState::Next);
    auto *narration = widget<QLabel>("demoNarration");
    QVERIFY(narration->text().contains(runner->stepTitle(0)));

    for (int step = 0; step < count; ++step) {
        // The first step by the keyboard, from wherever the focus is; the rest by clicks.
        if (step == 0) {
            widget<QWidget>("clientPayloadEdit")->setFocus();
            QTest::keyClick(m_window.get(), Qt::Key_Right, Qt::ControlModifier);
        } else {
            click("demoNextButton");
        }
        QTRY_VERIFY_WITH_TIMEOUT(runner->state() == DemoRunner::State::Paused
                                     || runner->state() == DemoRunner::State::Finished,
                                 DemoTimeoutMs);
        QCOMPARE(runner->currentStep(), step);
        // Done steps ticked, the rest to come; the narration is this step's.
        QTRY_COMPARE(stepStates().at(step), DemoPanel::StepState::Done);
        for (int later = step + 2; later < count; ++later)
            QCOMPARE(stepStates().at(later), DemoPanel::StepState::ToCome);
        QCOMPARE(narration->text(), runner->narration(step));
        const QString spoken = widget<QListWidget>("demoSteps")->item(step)->data(Qt::AccessibleTextRole).toString();
        QVERIFY2(spoken.contains(QLatin1String("done")), qPrintable(spoken));
    }
    QCOMPARE(runner->state(), DemoRunner::State::Finished);
    QVERIFY(!widget<QPushButton>("demoNextButton")->isEnabled());
    QVERIFY(widget<QLabel>("demoStatus")->text().contains(QLatin1String("Finished")));

    // The end state: a demo client pane received the greeting (the log says so).
    bool greeted = false;
    for (ClientPane *client : m_window->clientPanes()) {
        if (runner->endpointIds().contains(client->endpointId()))
            greeted = greeted || received(client->endpointId()).contains("Welcome to the server!");
    }
    QVERIFY(greeted);
}

void TestUiDemo::tcpVsUdpRunAllShowsTheCounters()
{
    demoAction(QStringLiteral("tcp-vs-udp"))->trigger();
    auto *table = widget<DemoCountersTable>("demoCounters");
    QVERIFY(table);
    click("demoRunAllButton");
    QTRY_COMPARE_WITH_TIMEOUT(m_window->demoRunner()->state(), DemoRunner::State::Finished, DemoTimeoutMs);
    QVERIFY(table->isVisible());
    // TCP: every one arrived, in order, once; UDP: what the link did, counted.
    QCOMPARE(counterText(QStringLiteral("tcp.received")), QStringLiteral("100"));
    QCOMPARE(counterText(QStringLiteral("tcp.lost")), QStringLiteral("0"));
    QCOMPARE(counterText(QStringLiteral("udp.sent")), QStringLiteral("100"));
    // Each datagram arrived once, more than once or never: the counts add up.
    const int udpReceived = counterText(QStringLiteral("udp.received")).toInt();
    const int udpDuplicated = counterText(QStringLiteral("udp.duplicated")).toInt();
    const int udpLost = counterText(QStringLiteral("udp.lost")).toInt();
    QCOMPARE(udpReceived - udpDuplicated + udpLost, 100);
    // Groups are the columns, labels the rows; each cell says what it counts.
    QStringList groups;
    for (int column = 0; column < table->columnCount(); ++column)
        groups.append(table->horizontalHeaderItem(column)->text());
    QCOMPARE(groups, (QStringList{QStringLiteral("TCP"), QStringLiteral("UDP")}));
    QVERIFY(table->verticalScrollBar()->isHidden() || !table->verticalScrollBar()->isVisible());
    bool named = false;
    for (int row = 0; row < table->rowCount(); ++row) {
        const QTableWidgetItem *cell = table->item(row, 0);
        if (cell->data(DemoCountersTable::CounterKeyRole).toString() == QLatin1String("tcp.received"))
            named = cell->data(Qt::AccessibleTextRole).toString().contains(QLatin1String("TCP"));
    }
    QVERIFY(named);
    // Large digits: bigger than the window's text.
    QVERIFY(table->font().pointSizeF() > m_window->font().pointSizeF() * 1.2);
}

void TestUiDemo::stopMidDemoLeavesNothingRunning()
{
    demoAction(QStringLiteral("chat"))->trigger();
    DemoRunner *runner = m_window->demoRunner();
    QSignalSpy started(runner, &DemoRunner::stepStarted);
    click("demoRunAllButton");
    // Mid-demo: once the second step is under way.
    QTRY_VERIFY_WITH_TIMEOUT(started.count() >= 2, DemoTimeoutMs);
    QVERIFY(!runner->endpointIds().isEmpty());
    click("demoStopButton");
    QTRY_COMPARE(runner->state(), DemoRunner::State::Stopped);
    Session *session = m_window->session();
    const QList<int> ids = runner->endpointIds();
    for (int id : ids)
        QTRY_VERIFY2(!session->snapshot(id).isRunning(), qPrintable(session->snapshot(id).name));
    // They stay in sight; the panel says so and offers Reset.
    QCOMPARE(m_window->workspace()->panes().size(), 2 + ids.size());
    QVERIFY(widget<QLabel>("demoStatus")->text().contains(QLatin1String("Stopped")));
    QVERIFY(widget<QPushButton>("demoResetButton")->isEnabled());
    QVERIFY(!widget<QPushButton>("demoStopButton")->isEnabled());
}

void TestUiDemo::resetRemovesOnlyTheDemosPanes()
{
    const QList<EndpointPane *> mine = m_window->workspace()->panes();
    QCOMPARE(mine.size(), 2);
    demoAction(QStringLiteral("echo"))->trigger();
    click("demoRunAllButton");
    DemoRunner *runner = m_window->demoRunner();
    QTRY_COMPARE_WITH_TIMEOUT(runner->state(), DemoRunner::State::Finished, DemoTimeoutMs);
    const QList<int> ids = runner->endpointIds();
    QVERIFY(!ids.isEmpty());
    QCOMPARE(m_window->workspace()->panes().size(), mine.size() + ids.size());
    for (EndpointPane *pane : m_window->workspace()->panes())
        QVERIFY(mine.contains(pane) || ids.contains(pane->endpointId()));

    click("demoResetButton");
    QTRY_COMPARE(m_window->workspace()->panes(), mine);
    QCOMPARE(runner->state(), DemoRunner::State::Idle);
    QVERIFY(runner->endpointIds().isEmpty());
    QCOMPARE(stepStates().constFirst(), DemoPanel::StepState::Next);
    // Loading another demo resets this one the same way.
    click("demoNextButton");
    QTRY_VERIFY_WITH_TIMEOUT(!runner->endpointIds().isEmpty(), DemoTimeoutMs);
    demoAction(QStringLiteral("welcome"))->trigger();
    QTRY_COMPARE(m_window->workspace()->panes(), mine);
}

void TestUiDemo::aFailureShowsTheReason()
{
    demoAction(QStringLiteral("echo"))->trigger();
    auto *error = widget<QLabel>("demoError");
    QVERIFY(error->isHidden());
    // What the runner says when a step never reaches its effect.
    emit m_window->demoRunner()->failed(QStringLiteral("the echo never came back within 10 s"));
    QVERIFY(error->isVisible());
    QVERIFY(error->text().contains(QLatin1String("the echo never came back")));
}

void TestUiDemo::aDemoAsksForAView_data()
{
    QTest::addColumn<int>("view");
    QTest::addColumn<QString>("dock");
    QTest::newRow("lifecycle") << int(DemoStage::View::Lifecycle) << QStringLiteral("lifecycleDock");
    QTest::newRow("sequence") << int(DemoStage::View::Sequence) << QStringLiteral("sequenceDock");
    QTest::newRow("counters") << int(DemoStage::View::Counters) << QStringLiteral("demoDock");
}

void TestUiDemo::aDemoAsksForAView()
{
    QFETCH(int, view);
    QFETCH(QString, dock);
    auto *stage = m_window->findChild<WorkspaceDemoStage *>(QStringLiteral("workspaceDemoStage"));
    QVERIFY(stage);
    auto *shown = m_window->findChild<QDockWidget *>(dock);
    QVERIFY(shown->isHidden());
    stage->showView(DemoStage::View(view));
    QVERIFY(shown->isVisible());
}

void TestUiDemo::presenterModeKeepsThePanelAndItFits()
{
    demoAction(QStringLiteral("tcp-vs-udp"))->trigger();
    click("demoNextButton"); // a narration and the counters to lay out
    QTRY_COMPARE_WITH_TIMEOUT(m_window->demoRunner()->state(), DemoRunner::State::Paused, DemoTimeoutMs);
    auto *narration = widget<QLabel>("demoNarration");
    auto *scroll = widget<QScrollArea>("demoScrollArea");
    // Wrapped to the dock: the buttons and the narration within its width
    // (the panel scrolls down, never sideways), and the dock not squeezed
    // below what its content needs.
    const auto fits = [this, scroll]() -> bool {
        if (scroll->widget()->width() > scroll->viewport()->width())
            return false;
        for (const char *name : {"demoNextButton", "demoResetButton", "demoNarration", "demoCounters"}) {
            auto *w = widget<QWidget>(name);
            if (w->mapTo(scroll->viewport(), QPoint(w->width(), 0)).x() > scroll->viewport()->width())
                return false;
        }
        return true;
    };
    QTRY_VERIFY(fits());
    const qreal before = narration->font().pointSizeF();
    QVERIFY(before >= m_window->font().pointSizeF() * 1.2);

    m_window->presenterMode()->setOn(true);
    QVERIFY(m_window->demoDock()->isVisible()); // not an advanced control
    QVERIFY(narration->font().pointSizeF() > before); // larger still
    QTRY_VERIFY(fits());
    m_window->presenterMode()->setOn(false);
    QVERIFY(m_window->demoDock()->isVisible());
}

void TestUiDemo::commandLine_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode"); // -1: the window opens
    QTest::addColumn<QString>("demoId");
    QTest::addColumn<bool>("runAll");
    QTest::addColumn<bool>("listsTheDemos"); // on stdout (0) or stderr (2)

    QTest::newRow("no demo") << QStringList{} << -1 << QString() << false << false;
    QTest::newRow("a demo") << QStringList{QStringLiteral("--demo"), QStringLiteral("tcp-vs-udp")} << -1
                            << QStringLiteral("tcp-vs-udp") << false << false;
    QTest::newRow("a demo, all at once") << QStringList{QStringLiteral("--demo=welcome"), QStringLiteral("--run-all")}
                                         << -1 << QStringLiteral("welcome") << true << false;
    QTest::newRow("list") << QStringList{QStringLiteral("--demo"), QStringLiteral("list")} << 0 << QString() << false
                          << true;
    QTest::newRow("unknown name") << QStringList{QStringLiteral("--demo"), QStringLiteral("tcp-vs-sctp")} << 2
                                  << QString() << false << true;
    QTest::newRow("run-all alone") << QStringList{QStringLiteral("--run-all")} << 2 << QString() << true << false;
}

void TestUiDemo::commandLine()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, demoId);
    QFETCH(bool, runAll);
    QFETCH(bool, listsTheDemos);

    QCommandLineParser parser;
    parser.addHelpOption();
    DemoCommandLine::addOptions(parser);
    QVERIFY(parser.parse(QStringList{QStringLiteral("sockplay")} + arguments));
    // --help names every demo.
    QVERIFY(parser.helpText().contains(QLatin1String("--demo <NAME>")));
    QVERIFY(parser.helpText().contains(QLatin1String("tcp-vs-udp")));

    const DemoCommandLine demo(parser);
    QCOMPARE(demo.exitCode().value_or(-1), exitCode);
    QCOMPARE(demo.demoId(), demoId);
    QCOMPARE(demo.runAll(), runAll);
    const QString listed = exitCode == 0 ? demo.output() : demo.errorText();
    if (exitCode == 2)
        QVERIFY(demo.output().isEmpty());
    for (const DemoInfo &info : DemoRunner::demos())
        QCOMPARE(listed.contains(info.id), listsTheDemos);
    if (exitCode == 2)
        QVERIFY(!demo.errorText().isEmpty());
}

void TestUiDemo::commandLineLoadsTheDemo()
{
    QCommandLineParser parser;
    DemoCommandLine::addOptions(parser);
    QVERIFY(parser.parse({QStringLiteral("sockplay"), QStringLiteral("--demo"), QStringLiteral("welcome"),
                          QStringLiteral("--run-all")}));
    DemoCommandLine(parser).apply(*m_window);
    QVERIFY(m_window->demoDock()->isVisible());
    QCOMPARE(m_window->demoRunner()->demoId(), QStringLiteral("welcome"));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->demoRunner()->state(), DemoRunner::State::Finished, DemoTimeoutMs);
}

void TestUiDemo::everyDemoRunsToItsEnd_data()
{
    QTest::addColumn<QString>("demoId");
    for (const DemoInfo &demo : DemoRunner::demos())
        QTest::newRow(qPrintable(demo.id)) << demo.id;
}

void TestUiDemo::everyDemoRunsToItsEnd()
{
    QFETCH(QString, demoId);
    const QList<EndpointPane *> mine = m_window->workspace()->panes();
    demoAction(demoId)->trigger();
    DemoRunner *runner = m_window->demoRunner();
    QSignalSpy failures(runner, &DemoRunner::failed);
    click("demoRunAllButton");
    QTRY_VERIFY_WITH_TIMEOUT(runner->state() == DemoRunner::State::Finished || !failures.isEmpty(), DemoTimeoutMs);
    QVERIFY2(failures.isEmpty(), failures.isEmpty() ? "" : qPrintable(failures.constFirst().constFirst().toString()));
    QVERIFY(widget<QLabel>("demoError")->isHidden());
    for (const DemoPanel::StepState state : stepStates())
        QCOMPARE(state, DemoPanel::StepState::Done);
    // Each of the demo's endpoints has a pane, named as the demo names it.
    const QList<int> ids = runner->endpointIds();
    for (int id : ids) {
        const auto panes = m_window->workspace()->panes();
        const auto pane = std::find_if(panes.cbegin(), panes.cend(),
                                       [id](const EndpointPane *p) { return p->endpointId() == id; });
        QVERIFY(pane != panes.cend());
        QTRY_COMPARE((*pane)->name(), m_window->session()->snapshot(id).name);
    }
    click("demoResetButton");
    QTRY_COMPARE(m_window->workspace()->panes(), mine);
}

QTEST_MAIN(TestUiDemo)
#include "tst_ui_demo.moc"
