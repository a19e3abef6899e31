// The window's part of the built-in demos (issue 10): the Demos menu, the
// Demo dock with its panel, and the stage that gives each demo endpoint a
// pane. The DemoRunner (core) runs the steps; the window only shows them.
#include "mainwindow.h"

#include "demopanel.h"
#include "presentermode.h"
#include "session.h"
#include "workspacedemostage.h"

#include <QAction>
#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <QScreen>
#include <QStatusBar>
#include <QTimer>

namespace SockPlay {

QString MainWindow::demoActionName(const QString &demoId)
{
    // "tcp-vs-udp" → "demoTcpVsUdpAction": the house's camelCase names.
    QString name = QStringLiteral("demo");
    const QStringList words = demoId.split(u'-', Qt::SkipEmptyParts);
    for (const QString &word : words)
        name += word.left(1).toUpper() + word.mid(1);
    return name + QStringLiteral("Action");
}

void MainWindow::createDemos()
{
    m_demoStage = new WorkspaceDemoStage(m_workspace, m_session, this);
    m_demoRunner = new DemoRunner(m_demoStage, this);
    m_demoRunner->setObjectName(QStringLiteral("demoRunner"));
    connect(m_demoStage, &WorkspaceDemoStage::viewRequested, this, &MainWindow::showDemoView);

    m_demoPanel = new DemoPanel(m_demoRunner, this);
    // At the right, above the sequence diagram when both show: the narration
    // is read first, the ladder it explains under it.
    m_demoDock = addHiddenDock(tr("Demo"), QStringLiteral("demoDock"), m_demoPanel, Qt::RightDockWidgetArea);
    splitDockWidget(m_demoDock, m_sequenceDock, Qt::Vertical);
    connect(m_demoDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible && !m_demoDockSized)
            QTimer::singleShot(0, this, &MainWindow::makeRoomForDemoDock);
    });
    // Presenter mode shows the sequence dock beside the panel: once laid out,
    // the panel keeps its share.
    connect(m_presenter, &PresenterMode::toggled, this, [this](bool on) {
        if (on)
            QTimer::singleShot(0, this, [this] { QTimer::singleShot(0, this, &MainWindow::balanceDemoColumn); });
    });
    // Ctrl+Right runs the next step wherever the focus is in the window.
    addAction(m_demoPanel->nextAction());

    QAction *toggle = m_demoDock->toggleViewAction();
    toggle->setText(tr("Demo panel"));
    toggle->setObjectName(QStringLiteral("toggleDemoAction"));
    toggle->setToolTip(tr("Show or hide the demo's steps, narration and counters"));

    // After View and Endpoints: the menus a demo's user already knows. No
    // Alt letter: every letter of "Demos" drives a pane's button (F10, then
    // the arrows, opens it, as every menu of the window).
    m_demosMenu = menuBar()->addMenu(tr("Demos"));
    m_demosMenu->setObjectName(QStringLiteral("demosMenu"));
    m_demosMenu->setAccessibleName(tr("Demos menu"));
    m_demosMenu->setToolTipsVisible(true);
    const QList<DemoInfo> demos = DemoRunner::demos();
    for (const DemoInfo &demo : demos) {
        QAction *action = m_demosMenu->addAction(demo.title);
        action->setObjectName(demoActionName(demo.id));
        action->setData(demo.id);
        action->setToolTip(demo.summary);
        action->setStatusTip(demo.summary);
        connect(action, &QAction::triggered, this, [this, id = demo.id] { loadDemo(id); });
    }
    m_demosMenu->addSeparator();
    m_demosMenu->addAction(toggle);
}

void MainWindow::destroyDemos()
{
    // The panel reads the runner, the runner drives the stage, the stage
    // closes panes: each goes before what it uses, all before the panes.
    delete m_demoDock;
    m_demoDock = nullptr;
    m_demoPanel = nullptr;
    delete m_demoRunner;
    m_demoRunner = nullptr;
    delete m_demoStage;
    m_demoStage = nullptr;
}

Result MainWindow::loadDemo(const QString &demoId)
{
    // The demo before is reset by load(): its panes close, the user's stay.
    QString error;
    if (!m_demoRunner->load(demoId, &error)) {
        statusBar()->showMessage(error, 10000);
        return Result::failure(error);
    }
    m_demoPanel->showDemo();
    m_demoDock->show();
    m_demoDock->raise();
    m_demoPanel->focusFirstControl();
    QTimer::singleShot(0, this, &MainWindow::balanceDemoColumn);
    return Result::success();
}

void MainWindow::showDemoView(DemoStage::View view)
{
    // A demo asks for the view that shows what its step does: the dock opens
    // and comes to the front, the keyboard stays where it is.
    QDockWidget *dock = m_demoDock;
    switch (view) {
    case DemoStage::View::Lifecycle:
        dock = m_lifecycleDock;
        break;
    case DemoStage::View::Sequence:
        dock = m_sequenceDock;
        break;
    case DemoStage::View::Counters:
        break;
    }
    dock->show();
    dock->raise();
    if (view == DemoStage::View::Counters)
        m_demoPanel->showCounters();
    QTimer::singleShot(0, this, &MainWindow::balanceDemoColumn);
}

void MainWindow::balanceDemoColumn()
{
    // The demo's panel and the sequence diagram share the right column: the
    // narration and the counters are what the room reads, the panel gets
    // three fifths of the height (presenter mode shows both docks).
    const auto docked = [this](QDockWidget *dock) {
        return dock->isVisible() && !dock->isFloating() && dockWidgetArea(dock) == Qt::RightDockWidgetArea;
    };
    if (!docked(m_demoDock) || !docked(m_sequenceDock))
        return;
    const int column = m_demoDock->height() + m_sequenceDock->height();
    resizeDocks({m_demoDock, m_sequenceDock}, {column * 3 / 5, column - column * 3 / 5}, Qt::Vertical);
}

void MainWindow::makeRoomForDemoDock()
{
    // Shown the first time, the dock gets what its panel asks for (about
    // forty characters a line): the window grows where the screen has room,
    // else the panes give it up. Later the user's choices stand.
    if (m_demoDockSized || !m_demoDock->isVisible() || m_demoDock->isFloating())
        return;
    m_demoDockSized = true;
    const int wanted = m_demoPanel->sizeHint().width();
    const QScreen *screen = this->screen();
    if (screen && !isMaximized() && !isFullScreen()) {
        const QRect available = screen->availableGeometry();
        const int grow = qMin(wanted - m_demoDock->width(), available.right() - frameGeometry().right());
        if (grow > 0)
            resize(width() + grow, height());
    }
    resizeDocks({m_demoDock}, {wanted}, Qt::Horizontal);
}

} // namespace SockPlay
