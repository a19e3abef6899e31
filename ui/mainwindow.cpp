#include "mainwindow.h"

#include "clientpane.h"
#include "endpointpane.h"
#include "eventlog.h"
#include "logfilterbar.h"
#include "lifecycletracker.h"
#include "loglimitsdialog.h"
#include "logmodel.h"
#include "logview.h"
#include "messagelibrarymodel.h"
#include "networkthread.h"
#include "payloadeditor.h"
#include "rateformat.h"
#include "scriptpanel.h"
#include "serverpane.h"
#include "session.h"
#include "workspace.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QScreen>
#include <QScrollArea>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>
#include <QToolButton>

namespace SockPlay {

namespace {

// Readable on a projector: never smaller than this, whatever the desktop says.
constexpr qreal minimumPointSize = 11.0;

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("SockPlay"));

    QFont base = font();
    if (base.pointSizeF() > 0 && base.pointSizeF() < minimumPointSize) {
        base.setPointSizeF(minimumPointSize);
        setFont(base);
    }
    m_basePointSize = base.pointSizeF();

    // Every socket lives on the network thread; this one only renders.
    m_host = std::make_unique<SessionHost>(LogLimitsDialog::load());
    m_session = m_host->session();

    // One library of saved messages, shown in every pane.
    m_library = new MessageLibraryModel(this);
    m_workspace = new Workspace(m_session, m_library, this);
    // Listening before the first endpoint is added: its first snapshot counts.
    connect(m_workspace, &Workspace::serverTargetChanged, this, &MainWindow::syncScriptToServer);
    connect(m_workspace, &Workspace::renameRequested, this, [this](EndpointPane *pane) { askToRename(pane); });
    connect(m_session, &Session::endpointChanged, this, &MainWindow::endpointPublished);
    connect(m_session, &Session::endpointRemoved, this, [this](int endpointId) {
        m_snapshots.remove(endpointId);
        if (m_logView)
            m_logView->filterBar()->removeEndpoint(endpointId);
        updateTotals();
    });
    // Opens as it always has: one server, one client.
    m_workspace->addServerPane();
    m_workspace->addClientPane();
    m_workspace->showPane(m_workspace->serverPanes().constFirst());

    // Made after the panes: the Tab key reaches it after them.
    m_logView = new LogView(m_session, this);

    // The panes scroll when the window is shorter than their controls: on a
    // small (or magnified) screen the log keeps its share of the height.
    m_panesScroll = new QScrollArea(this);
    m_panesScroll->setObjectName(QStringLiteral("panesScrollArea"));
    m_panesScroll->setAccessibleName(tr("Endpoints"));
    m_panesScroll->setFrameShape(QFrame::NoFrame);
    m_panesScroll->setWidgetResizable(true);
    m_panesScroll->setFocusPolicy(Qt::NoFocus);
    m_panesScroll->setWidget(m_workspace);
    m_workspace->followViewport(m_panesScroll->viewport());

    m_mainSplitter = new QSplitter(Qt::Vertical, this);
    m_mainSplitter->setObjectName(QStringLiteral("mainSplitter"));
    m_mainSplitter->setChildrenCollapsible(false);
    m_mainSplitter->addWidget(m_panesScroll);
    m_mainSplitter->addWidget(m_logView);
    m_mainSplitter->setStretchFactor(0, 0);
    m_mainSplitter->setStretchFactor(1, 1);
    setCentralWidget(m_mainSplitter);

    m_totalsLabel = new QLabel(this);
    m_totalsLabel->setObjectName(QStringLiteral("totalsLabel"));
    // Long: on a narrow screen it is cut (the tooltip has it all) rather
    // than making the window wider than the screen.
    m_totalsLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    statusBar()->setObjectName(QStringLiteral("statusbar"));
    statusBar()->addWidget(m_totalsLabel, 1);

    // Scripts run against this window's session; the panel docks at the
    // right, hidden until Ctrl+Shift+R (or the status bar's button) asks.
    m_scriptPanel = new ScriptPanel(m_session, this);
    m_scriptDock = new QDockWidget(tr("Script"), this);
    m_scriptDock->setObjectName(QStringLiteral("scriptDock"));
    m_scriptDock->setFont(font()); // a floating dock is a window: fonts do not reach it on their own
    m_scriptDock->setWidget(m_scriptPanel);
    addDockWidget(Qt::RightDockWidgetArea, m_scriptDock);
    m_scriptDock->hide();
    QAction *toggleScript = toggleScriptPanelAction();
    toggleScript->setText(tr("Script panel"));
    toggleScript->setObjectName(QStringLiteral("toggleScriptPanelAction"));
    toggleScript->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    toggleScript->setShortcutContext(Qt::ApplicationShortcut); // also from the panel floating
    toggleScript->setToolTip(tr("Show or hide the script panel (Ctrl+Shift+R)"));
    addAction(toggleScript); // the shortcut works while the dock is hidden
    m_scriptToggleButton = new QToolButton(this);
    m_scriptToggleButton->setObjectName(QStringLiteral("scriptPanelToggleButton"));
    m_scriptToggleButton->setDefaultAction(toggleScript);
    m_scriptToggleButton->setAccessibleName(tr("Show or hide the script panel"));
    m_scriptToggleButton->setAutoRaise(true);
    statusBar()->addPermanentWidget(m_scriptToggleButton);
    connect(m_scriptDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (!visible)
            return;
        m_scriptPanel->focusFirstControl();
        if (!m_scriptDockSized)
            QTimer::singleShot(0, this, &MainWindow::makeRoomForScriptDock);
    });

    createTeachingViews();
    createMenus();
    createCodeView();
    createDemos();
    createHelpMenu();
    syncScriptToServer();
    updateTotals();
    // 1280 x 900, or less on a smaller screen: the window always fits the
    // screen it opens on (a little is left for the title bar and the panel).
    QSize size(1280, 900);
    if (const QScreen *screen = this->screen()) {
        const QSize available = screen->availableGeometry().size();
        size = size.boundedTo(QSize(available.width() * 96 / 100, available.height() * 90 / 100));
    }
    resize(size.expandedTo(minimumSizeHint()));
    // A small screen (or a magnified one: QT_SCALE_FACTOR=2 on a 1080p
    // projector is 960 x 540) gets all of it: every row of the log counts.
    m_smallScreen = size.height() < 640;
    if (m_smallScreen)
        setWindowState(windowState() | Qt::WindowMaximized);
    // The panes as tall as their controls need, the log the rest: at least
    // half on a small screen, 35% on a larger one (where the panes' tables
    // then show several rows). Qt scales these to the real height.
    const int total = height() - menuBar()->sizeHint().height() - statusBar()->sizeHint().height();
    const int log = total < 600 ? total / 2 : total * 35 / 100;
    const int panes = qMin(m_workspace->sizeHint().height(), total - log);
    m_mainSplitter->setSizes({panes, total - panes});
}

MainWindow::~MainWindow()
{
    // Focus moves while the children go: the application's focusChanged must
    // not reach this half-destroyed window (UBSan saw it in every UI test).
    disconnect(qApp, nullptr, this, nullptr);
    // The panes and the script panel (its runner) use the session: they go
    // first, then the session (on its thread), then the thread. A demo
    // closes its panes through the workspace, and the code view reads them:
    // both go before them.
    destroyDemos();
    delete m_codeDock;
    delete takeCentralWidget();
    delete m_scriptDock;
    delete m_lifecycleDock; // the views and the tracker follow the session's log
    delete m_sequenceDock;
    delete m_lifecycle;
    m_host.reset();
}

bool MainWindow::event(QEvent *event)
{
    const bool handled = QMainWindow::event(event);
    // Once the window has painted: what is not needed to show it. The icon
    // and the clear buttons' icon load Qt's SVG icon engine and scan the icon
    // theme, a fifth of the start-up time.
    if (event->type() == QEvent::Show && !m_logRowsGiven && m_smallScreen) {
        m_logRowsGiven = true;
        QTimer::singleShot(0, this, &MainWindow::giveTheLogItsRows); // once laid out at its real size
    }
    if (event->type() == QEvent::UpdateRequest && !m_decorated) {
        m_decorated = true;
        QTimer::singleShot(0, this, &MainWindow::decorate);
    }
    return handled;
}

void MainWindow::giveTheLogItsRows()
{
    // A short window (a small screen, or QT_SCALE_FACTOR=2 on a projector)
    // gives the log half its height, which may be two rows once the log's
    // own controls are in: the log takes what MinimumLogRows rows need, the
    // panes keep at least their scroll area's minimum and scroll.
    const QList<int> sizes = m_mainSplitter->sizes();
    if (sizes.size() != 2)
        return;
    const int total = sizes.at(0) + sizes.at(1);
    const int wanted = m_logView->heightForRows(MinimumLogRows);
    const int panesMinimum = m_panesScroll->minimumSizeHint().height();
    const int log = qMin(wanted, total - panesMinimum);
    if (log > sizes.at(1))
        m_mainSplitter->setSizes({total - log, log});
}

void MainWindow::decorate()
{
    const QIcon icon(QStringLiteral(":/sockplay/sockplay.svg"));
    QApplication::setWindowIcon(icon);
    setWindowIcon(icon);
    const QList<PayloadEditor *> editors = findChildren<PayloadEditor *>();
    for (PayloadEditor *editor : editors)
        editor->enableClearButton();
}

EventLog *MainWindow::log() const
{
    return m_session->log();
}

ServerPane *MainWindow::serverPane() const
{
    const QList<ServerPane *> panes = m_workspace->serverPanes();
    return panes.isEmpty() ? nullptr : panes.constFirst();
}

ClientPane *MainWindow::clientPane() const
{
    const QList<ClientPane *> panes = m_workspace->clientPanes();
    return panes.isEmpty() ? nullptr : panes.constFirst();
}

QList<ServerPane *> MainWindow::serverPanes() const
{
    return m_workspace->serverPanes();
}

QList<ClientPane *> MainWindow::clientPanes() const
{
    return m_workspace->clientPanes();
}

ServerPane *MainWindow::addServerPane(const QString &name)
{
    return m_workspace->addServerPane(name);
}

ClientPane *MainWindow::addClientPane(const QString &name)
{
    return m_workspace->addClientPane(name);
}

void MainWindow::closePane(EndpointPane *pane)
{
    m_workspace->closePane(pane);
}

Result MainWindow::renamePane(EndpointPane *pane, const QString &name)
{
    const QString old = pane->name();
    const Result renamed = m_workspace->renamePane(pane, name);
    if (renamed && pane->name() != old)
        statusBar()->showMessage(tr("“%1” is now “%2”").arg(old, pane->name()), 5000);
    return renamed;
}

void MainWindow::endpointPublished(const EndpointSnapshot &snapshot)
{
    if (!m_logView)
        return; // not before the window is built (snapshots come queued, after it)
    // Most snapshots are a stats tick: names matter only when they change.
    const auto known = m_snapshots.constFind(snapshot.id);
    if (known == m_snapshots.cend() || known->name != snapshot.name) {
        m_logView->model()->setEndpointName(snapshot.id, snapshot.name);
        m_logView->filterBar()->setEndpoint(snapshot.id, snapshot.name);
    }
    m_snapshots.insert(snapshot.id, snapshot);
    updateTotals();
    if (const ServerPane *server = m_workspace->currentServer(); server && snapshot.id == server->endpointId())
        syncScriptToServer();
}

void MainWindow::makeRoomForScriptDock()
{
    // Shown the first time, the dock gets only its minimum width (the panes
    // take the rest) and the window grows by that much. Where the screen has
    // room, it grows some more, so that a step's line fits; where it has not
    // (the docked panel would be off the screen's edge), the panel floats
    // over the window's right side instead. Later the user's choices stand.
    if (m_scriptDockSized || !m_scriptDock->isVisible() || m_scriptDock->isFloating())
        return;
    m_scriptDockSized = true;
    const QScreen *screen = this->screen();
    if (!screen || isMaximized() || isFullScreen())
        return;
    const QRect available = screen->availableGeometry();
    const int wanted = m_scriptPanel->sizeHint().width();
    // The window's own geometry may lag (the window system resizes it
    // later): what it needs now is at least its minimum size.
    const int frame = frameGeometry().width() - width();
    const int right = frameGeometry().left() + frame + qMax(width(), minimumSizeHint().width());
    if (right > available.right()) {
        m_scriptDock->setFloating(true);
        // Narrower again once the layout has let go of the dock.
        QTimer::singleShot(0, this, [this, available] {
            resize(QSize(available.width() * 96 / 100, height()).expandedTo(minimumSizeHint()));
        });
        const int dockWidth = qMin(wanted, available.width() / 2);
        m_scriptDock->setGeometry(available.right() - dockWidth, geometry().top(), dockWidth,
                                  qMin(height(), available.height()));
        m_scriptDock->activateWindow(); // the keyboard follows the panel into its window
        m_scriptPanel->focusFirstControl();
        return;
    }
    const int room = available.right() - right;
    const int missing = wanted - m_scriptDock->width();
    if (missing > 0 && room > 0)
        resize(width() + qMin(missing, room), height());
    resizeDocks({m_scriptDock}, {wanted}, Qt::Horizontal);
}

QAction *MainWindow::toggleScriptPanelAction() const
{
    return m_scriptDock->toggleViewAction();
}

void MainWindow::syncScriptToServer()
{
    if (!m_scriptPanel)
        return; // the first panes come before the script panel
    if (const ServerPane *server = m_workspace->currentServer())
        m_scriptPanel->setServerTarget(server->hostForClients(), server->port(), server->snapshot().isActive());
}

void MainWindow::updateTotals()
{
    // From the session's snapshots: refreshed once per stats tick, never per packet.
    if (!m_totalsLabel)
        return; // a snapshot before the status bar exists
    int connections = 0;
    int peers = 0;
    int running = 0;
    EndpointStats total;
    for (const EndpointSnapshot &snapshot : std::as_const(m_snapshots)) {
        if (snapshot.isRunning())
            ++running;
        if (snapshot.isActive()) {
            // A serial port is no TCP connection (its pane says it is open).
            if (!snapshot.capabilities.hasConnections)
                peers += snapshot.connectionCount;
            else if (snapshot.config.transport != Transport::Serial)
                connections += snapshot.connectionCount;
        }
        total.bytesIn += snapshot.stats.bytesIn;
        total.bytesOut += snapshot.stats.bytesOut;
        total.bytesInPerSecond += snapshot.stats.bytesInPerSecond;
        total.bytesOutPerSecond += snapshot.stats.bytesOutPerSecond;
        total.messagesInPerSecond += snapshot.stats.messagesInPerSecond;
        total.messagesOutPerSecond += snapshot.stats.messagesOutPerSecond;
    }
    const QLocale locale;
    const QString text = tr("Endpoints: %1 (%2 running)    TCP connections: %3    UDP peers: %4    "
                            "In: %5 bytes (%6, %7 msg/s)    Out: %8 bytes (%9, %10 msg/s)")
                             .arg(locale.toString(m_snapshots.size()), locale.toString(running),
                                  locale.toString(connections), locale.toString(peers),
                                  locale.toString(total.bytesIn), formatByteRate(total.bytesInPerSecond),
                                  formatMessageRate(total.messagesInPerSecond), locale.toString(total.bytesOut),
                                  formatByteRate(total.bytesOutPerSecond), formatMessageRate(total.messagesOutPerSecond));
    m_totalsLabel->setText(text);
    m_totalsLabel->setToolTip(text);
    m_totalsLabel->setAccessibleName(text);
}

} // namespace SockPlay
