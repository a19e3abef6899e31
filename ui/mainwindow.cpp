#include "mainwindow.h"

#include "clientpane.h"
#include "eventlog.h"
#include "loglimitsdialog.h"
#include "logview.h"
#include "messagelibrarymodel.h"
#include "networkthread.h"
#include "payloadeditor.h"
#include "rateformat.h"
#include "scriptpanel.h"
#include "serverpane.h"
#include "session.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QScreen>
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

    m_serverPane = new ServerPane(m_session, this);
    m_clientPane = new ClientPane(m_session, this);
    m_logView = new LogView(m_session, this);
    // One library of saved messages, shown in both panes.
    m_library = new MessageLibraryModel(this);
    m_serverPane->addLibraryTab(m_library);
    m_clientPane->addLibraryTab(m_library);

    m_panesSplitter = new QSplitter(Qt::Horizontal, this);
    m_panesSplitter->setObjectName(QStringLiteral("panesSplitter"));
    m_panesSplitter->setChildrenCollapsible(false);
    m_panesSplitter->addWidget(m_serverPane);
    m_panesSplitter->addWidget(m_clientPane);
    m_panesSplitter->setStretchFactor(0, 1);
    m_panesSplitter->setStretchFactor(1, 1);

    m_mainSplitter = new QSplitter(Qt::Vertical, this);
    m_mainSplitter->setObjectName(QStringLiteral("mainSplitter"));
    m_mainSplitter->setChildrenCollapsible(false);
    m_mainSplitter->addWidget(m_panesSplitter);
    m_mainSplitter->addWidget(m_logView);
    m_mainSplitter->setStretchFactor(0, 0);
    m_mainSplitter->setStretchFactor(1, 1);
    setCentralWidget(m_mainSplitter);

    m_totalsLabel = new QLabel(this);
    m_totalsLabel->setObjectName(QStringLiteral("totalsLabel"));
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

    connect(m_serverPane, &ServerPane::targetChanged, this, &MainWindow::syncClientToServer);
    connect(m_session, &Session::endpointChanged, this, [this](const EndpointSnapshot &snapshot) {
        m_snapshots.insert(snapshot.id, snapshot);
        updateTotals();
        if (snapshot.id == m_serverPane->endpointId())
            syncScriptToServer();
    });
    connect(m_session, &Session::endpointRemoved, this, [this](int endpointId) {
        m_snapshots.remove(endpointId);
        updateTotals();
    });

    createMenus();
    syncClientToServer();
    updateTotals();
    // 1200 x 800, or less on a smaller screen: the window always fits the
    // screen it opens on (a little is left for the title bar and the panel).
    QSize size(1200, 800);
    if (const QScreen *screen = this->screen()) {
        const QSize available = screen->availableGeometry().size();
        size = size.boundedTo(QSize(available.width() * 96 / 100, available.height() * 90 / 100));
    }
    resize(size.expandedTo(minimumSizeHint()));
    // The panes as tall as their controls need, the log the rest (and at
    // least 45%): Qt scales these to the window's real height.
    const int panes = qMin(m_panesSplitter->sizeHint().height(), height() * 55 / 100);
    m_mainSplitter->setSizes({panes, height() - panes});
}

MainWindow::~MainWindow()
{
    // The panes and the script panel (its runner) use the session: they go
    // first, then the session (on its thread), then the thread.
    delete takeCentralWidget();
    delete m_scriptDock;
    m_host.reset();
}

bool MainWindow::event(QEvent *event)
{
    const bool handled = QMainWindow::event(event);
    // Once the window has painted: what is not needed to show it. The icon
    // and the clear buttons' icon load Qt's SVG icon engine and scan the icon
    // theme, a fifth of the start-up time.
    if (event->type() == QEvent::UpdateRequest && !m_decorated) {
        m_decorated = true;
        QTimer::singleShot(0, this, &MainWindow::decorate);
    }
    return handled;
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

void MainWindow::syncClientToServer()
{
    m_clientPane->setServerTarget(m_serverPane->transport(), m_serverPane->hostForClients(),
                                  m_serverPane->port());
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
    m_scriptPanel->setServerTarget(m_serverPane->hostForClients(), m_serverPane->port(),
                                   m_serverPane->snapshot().isActive());
}

void MainWindow::updateTotals()
{
    // From the session's snapshots: refreshed once per stats tick, never per packet.
    int connections = 0;
    int peers = 0;
    EndpointStats total;
    for (const EndpointSnapshot &snapshot : std::as_const(m_snapshots)) {
        if (snapshot.isActive()) {
            if (snapshot.capabilities.hasConnections)
                connections += snapshot.connectionCount;
            else
                peers += snapshot.connectionCount;
        }
        total.bytesIn += snapshot.stats.bytesIn;
        total.bytesOut += snapshot.stats.bytesOut;
        total.bytesInPerSecond += snapshot.stats.bytesInPerSecond;
        total.bytesOutPerSecond += snapshot.stats.bytesOutPerSecond;
        total.messagesInPerSecond += snapshot.stats.messagesInPerSecond;
        total.messagesOutPerSecond += snapshot.stats.messagesOutPerSecond;
    }
    const QLocale locale;
    const QString text = tr("TCP connections: %1    UDP peers: %2    In: %3 bytes (%4, %5 msg/s)    "
                            "Out: %6 bytes (%7, %8 msg/s)")
                             .arg(locale.toString(connections), locale.toString(peers),
                                  locale.toString(total.bytesIn), formatByteRate(total.bytesInPerSecond),
                                  formatMessageRate(total.messagesInPerSecond), locale.toString(total.bytesOut),
                                  formatByteRate(total.bytesOutPerSecond), formatMessageRate(total.messagesOutPerSecond));
    m_totalsLabel->setText(text);
    m_totalsLabel->setAccessibleName(text);
}

} // namespace SockPlay
