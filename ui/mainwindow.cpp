#include "mainwindow.h"

#include "clientpane.h"
#include "eventlog.h"
#include "logview.h"
#include "serverpane.h"

#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QStatusBar>

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
    setWindowIcon(QIcon(QStringLiteral(":/sockplay/sockplay.svg")));

    QFont base = font();
    if (base.pointSizeF() > 0 && base.pointSizeF() < minimumPointSize) {
        base.setPointSizeF(minimumPointSize);
        setFont(base);
    }

    m_log = new EventLog(this);

    m_serverPane = new ServerPane(m_log, this);
    m_clientPane = new ClientPane(m_log, this);
    m_logView = new LogView(m_log, this);

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
    connect(m_log, &EventLog::eventsChanged, this, &MainWindow::updateTotals);

    syncClientToServer();
    updateTotals();
    resize(1200, 800);
}

MainWindow::~MainWindow()
{
    // Endpoints log until they are gone: delete the panes (and the endpoints
    // they own) while the log still exists.
    delete takeCentralWidget();
}

void MainWindow::syncClientToServer()
{
    m_clientPane->setServerTarget(m_serverPane->transport(), m_serverPane->hostForClients(),
                                  m_serverPane->port());
}

void MainWindow::updateTotals()
{
    // Refreshed once per log batch, never per packet.
    const Endpoint *server = m_serverPane->endpoint();
    const Endpoint *client = m_clientPane->endpoint();
    const int serverConnections = server && server->isActive() ? server->connectionCount() : 0;
    const int clientConnections = client && client->isActive() ? client->connectionCount() : 0;
    const qint64 in = (server ? server->bytesIn() : 0) + (client ? client->bytesIn() : 0);
    const qint64 out = (server ? server->bytesOut() : 0) + (client ? client->bytesOut() : 0);
    const QLocale locale;
    const QString text = tr("Connections: %1 (server %2, client %3)    Bytes in: %4    Bytes out: %5")
                             .arg(locale.toString(serverConnections + clientConnections),
                                  locale.toString(serverConnections),
                                  locale.toString(clientConnections), locale.toString(in),
                                  locale.toString(out));
    m_totalsLabel->setText(text);
    m_totalsLabel->setAccessibleName(text);
}

} // namespace SockPlay
