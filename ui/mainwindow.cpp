#include "mainwindow.h"

#include "clientpane.h"
#include "eventlog.h"
#include "loglimitsdialog.h"
#include "logview.h"
#include "messagelibrarymodel.h"
#include "networkthread.h"
#include "payloadeditor.h"
#include "rateformat.h"
#include "serverpane.h"
#include "session.h"

#include <QApplication>
#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QScreen>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>

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

    connect(m_serverPane, &ServerPane::targetChanged, this, &MainWindow::syncClientToServer);
    connect(m_session, &Session::endpointChanged, this, [this](const EndpointSnapshot &snapshot) {
        m_snapshots.insert(snapshot.id, snapshot);
        updateTotals();
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
    // The panes read the session's log: they go first, then the session
    // (on its thread), then the thread.
    delete takeCentralWidget();
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
