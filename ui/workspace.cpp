#include "workspace.h"

#include "clientpane.h"
#include "endpointcolors.h"
#include "serverpane.h"
#include "session.h"

#include <QAbstractButton>
#include <QApplication>
#include <QEvent>
#include <QLabel>
#include <QStackedWidget>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace SockPlay {

Workspace::Workspace(Session *session, MessageLibraryModel *library, QWidget *parent)
    : QSplitter(Qt::Horizontal, parent)
    , m_session(session)
    , m_library(library)
{
    setObjectName(QStringLiteral("panesSplitter"));
    setChildrenCollapsible(false);

    m_serverTabs = new QTabWidget(this);
    m_serverTabs->setObjectName(QStringLiteral("serverEndpointTabs"));
    m_serverTabs->setAccessibleName(tr("Servers"));
    m_serverTabs->tabBar()->setObjectName(QStringLiteral("serverEndpointTabBar"));
    m_serverTabs->tabBar()->setAccessibleName(tr("Server tabs"));
    m_clientTabs = new QTabWidget(this);
    m_clientTabs->setObjectName(QStringLiteral("clientEndpointTabs"));
    m_clientTabs->setAccessibleName(tr("Clients"));
    m_clientTabs->tabBar()->setObjectName(QStringLiteral("clientEndpointTabBar"));
    m_clientTabs->tabBar()->setAccessibleName(tr("Client tabs"));

    m_serverHint = new QLabel(tr("No server — Endpoints → New server (Ctrl+Shift+N)"), this);
    m_serverHint->setObjectName(QStringLiteral("serverSideHint"));
    m_clientHint = new QLabel(tr("No client — Endpoints → New client (Ctrl+Shift+K)"), this);
    m_clientHint->setObjectName(QStringLiteral("clientSideHint"));
    addWidget(makeSide(m_serverTabs, m_serverHint, &m_serverSide));
    addWidget(makeSide(m_clientTabs, m_clientHint, &m_clientSide));
    setStretchFactor(0, 1);
    setStretchFactor(1, 1);

    connect(m_serverTabs, &QTabWidget::currentChanged, this, [this] {
        syncClientsToServer();
        emit serverTargetChanged();
    });
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) { trackFocus(now); });
    updateHints();
}

void Workspace::followViewport(QWidget *viewport)
{
    m_viewport = viewport;
    viewport->installEventFilter(this);
    fitWidth(viewport->width());
}

bool Workspace::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_viewport && event->type() == QEvent::Resize)
        fitWidth(m_viewport->width());
    return QSplitter::eventFilter(watched, event);
}

void Workspace::fitWidth(int width)
{
    int besides = handleWidth();
    for (int i = 0; i < count(); ++i)
        besides += widget(i)->minimumSizeHint().width();
    const Qt::Orientation wanted = width >= besides ? Qt::Horizontal : Qt::Vertical;
    if (wanted != orientation())
        setOrientation(wanted);
}

QWidget *Workspace::makeSide(QTabWidget *tabs, QLabel *hint, QStackedWidget **stack)
{
    tabs->setTabsClosable(true);
    // Out of the Tab chain (it would come before every pane, made first):
    // Ctrl+Tab and Ctrl+Page Down switch endpoints, the Endpoints menu
    // adds, renames and closes them.
    tabs->tabBar()->setFocusPolicy(Qt::NoFocus);
    tabs->setMovable(true);
    tabs->setDocumentMode(true);
    hint->setAlignment(Qt::AlignCenter);
    hint->setWordWrap(true);
    hint->setAccessibleName(hint->text());
    *stack = new QStackedWidget(this);
    (*stack)->addWidget(tabs);
    (*stack)->addWidget(hint);
    connect(tabs, &QTabWidget::tabCloseRequested, this, [this, tabs](int index) {
        closePane(qobject_cast<EndpointPane *>(tabs->widget(index)));
    });
    connect(tabs->tabBar(), &QTabBar::tabBarDoubleClicked, this, [this, tabs](int index) {
        if (auto *pane = qobject_cast<EndpointPane *>(tabs->widget(index)))
            emit renameRequested(pane);
    });
    return *stack;
}

ServerPane *Workspace::addServerPane(const QString &name)
{
    // A name given (a session file's) is kept unless another endpoint has it.
    const QString chosen = uniqueName(name.isEmpty() ? QStringLiteral("server") : name);
    auto *pane = new ServerPane(m_session, chosen, freePrefix(QStringLiteral("server")), this);
    connect(pane, &ServerPane::targetChanged, this, [this, pane] {
        if (pane == currentServer()) {
            syncClientsToServer();
            emit serverTargetChanged();
        }
    });
    addPane(pane, m_serverTabs);
    return pane;
}

ClientPane *Workspace::addClientPane(const QString &name)
{
    // A name given (a session file's) is kept unless another endpoint has it.
    const QString chosen = uniqueName(name.isEmpty() ? QStringLiteral("client") : name);
    auto *pane = new ClientPane(m_session, chosen, freePrefix(QStringLiteral("client")), this);
    if (const ServerPane *server = currentServer())
        pane->setServerTarget(server->transportForClients(), server->hostForClients(), server->port(), server->webSocketPath(),
                              server->webSocketSecure());
    addPane(pane, m_clientTabs);
    return pane;
}

void Workspace::addPane(EndpointPane *pane, QTabWidget *tabs)
{
    pane->addLibraryTab(m_library);
    const int index = tabs->addTab(pane, EndpointColors::swatch(pane->endpointId()), pane->name());
    tabs->setTabToolTip(index, tr("%1 — F2 or a double click renames it, Ctrl+W closes it").arg(pane->name()));
    // The tab's close button is a control of its own: screen readers name it.
    const auto nameCloseButton = [tabs, pane] {
        const int at = tabs->indexOf(pane);
        const QTabBar::ButtonPosition side = QTabBar::ButtonPosition(
            tabs->style()->styleHint(QStyle::SH_TabBar_CloseButtonPosition, nullptr, tabs->tabBar()));
        if (auto *close = qobject_cast<QAbstractButton *>(tabs->tabBar()->tabButton(at, side))) {
            close->setObjectName(pane->objectPrefix() + QStringLiteral("CloseButton"));
            close->setAccessibleName(tr("Close %1").arg(pane->name()));
        }
    };
    nameCloseButton();
    connect(pane, &EndpointPane::nameChanged, tabs, [tabs, pane, nameCloseButton](const QString &name) {
        const int at = tabs->indexOf(pane);
        tabs->setTabText(at, name);
        tabs->setTabToolTip(at, tr("%1 — F2 or a double click renames it, Ctrl+W closes it").arg(name));
        nameCloseButton();
    });
    tabs->setCurrentWidget(pane);
    m_lastPane = pane;
    updateHints();
    emit paneAdded(pane);
}

void Workspace::closePane(EndpointPane *pane)
{
    QTabWidget *tabs = tabsOf(pane);
    if (!tabs)
        return;
    const int endpointId = pane->endpointId();
    // Stops it too: its connections close, and the peers see them close.
    m_session->removeEndpoint(endpointId);
    m_closedIds.insert(endpointId); // its snapshot may linger until the session's thread removes it
    tabs->removeTab(tabs->indexOf(pane));
    delete pane;
    updateHints();
    if (tabs == m_serverTabs)
        emit serverTargetChanged();
    emit paneClosed(endpointId);
}

void Workspace::closeAll()
{
    const QList<EndpointPane *> all = panes();
    for (EndpointPane *pane : all)
        closePane(pane);
}

QList<ServerPane *> Workspace::serverPanes() const
{
    QList<ServerPane *> list;
    for (int i = 0; i < m_serverTabs->count(); ++i)
        list.append(qobject_cast<ServerPane *>(m_serverTabs->widget(i)));
    return list;
}

QList<ClientPane *> Workspace::clientPanes() const
{
    QList<ClientPane *> list;
    for (int i = 0; i < m_clientTabs->count(); ++i)
        list.append(qobject_cast<ClientPane *>(m_clientTabs->widget(i)));
    return list;
}

QList<EndpointPane *> Workspace::panes() const
{
    QList<EndpointPane *> list;
    for (ServerPane *pane : serverPanes())
        list.append(pane);
    for (ClientPane *pane : clientPanes())
        list.append(pane);
    return list;
}

ServerPane *Workspace::currentServer() const
{
    return qobject_cast<ServerPane *>(m_serverTabs->currentWidget());
}

EndpointPane *Workspace::currentPane() const
{
    for (QWidget *w = QApplication::focusWidget(); w; w = w->parentWidget()) {
        if (auto *pane = qobject_cast<EndpointPane *>(w); pane && tabsOf(pane))
            return pane;
    }
    if (m_lastPane && tabsOf(m_lastPane))
        return m_lastPane;
    if (ServerPane *server = currentServer())
        return server;
    return qobject_cast<EndpointPane *>(m_clientTabs->currentWidget());
}

void Workspace::showPane(EndpointPane *pane)
{
    if (QTabWidget *tabs = tabsOf(pane)) {
        tabs->setCurrentWidget(pane);
        m_lastPane = pane;
    }
}

Result Workspace::renamePane(EndpointPane *pane, const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return Result::failure(tr("A name cannot be empty: type one, such as “Alice”."));
    if (trimmed == pane->name())
        return Result::success();
    if (nameTaken(trimmed, pane))
        return Result::failure(tr("“%1” is taken: every endpoint needs a name of its own.").arg(trimmed));
    pane->setName(trimmed);
    return Result::success();
}

QString Workspace::uniqueName(const QString &base) const
{
    if (!nameTaken(base, nullptr))
        return base;
    for (int n = 2;; ++n) {
        const QString name = QStringLiteral("%1 %2").arg(base).arg(n);
        if (!nameTaken(name, nullptr))
            return name;
    }
}

bool Workspace::nameTaken(const QString &name, const EndpointPane *except) const
{
    for (const EndpointPane *pane : panes()) {
        if (pane != except && pane->name().compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    // Endpoints without a pane (a script's) have names too.
    const QList<int> ids = m_session->endpointIds();
    for (int id : ids) {
        if ((!except || id != except->endpointId()) && !m_closedIds.contains(id)
            && m_session->snapshot(id).name.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QString Workspace::freePrefix(const QString &base) const
{
    const auto taken = [this](const QString &prefix) {
        const QList<EndpointPane *> all = panes();
        return std::any_of(all.cbegin(), all.cend(),
                           [&prefix](const EndpointPane *pane) { return pane->objectPrefix() == prefix; });
    };
    if (!taken(base))
        return base;
    for (int n = 2;; ++n) {
        if (const QString prefix = base + QString::number(n); !taken(prefix))
            return prefix;
    }
}

QTabWidget *Workspace::tabsOf(const EndpointPane *pane) const
{
    if (!pane)
        return nullptr;
    if (m_serverTabs->indexOf(const_cast<EndpointPane *>(pane)) >= 0)
        return m_serverTabs;
    if (m_clientTabs->indexOf(const_cast<EndpointPane *>(pane)) >= 0)
        return m_clientTabs;
    return nullptr;
}

void Workspace::syncClientsToServer()
{
    const ServerPane *server = currentServer();
    if (!server)
        return;
    for (ClientPane *client : clientPanes())
        client->setServerTarget(server->transportForClients(), server->hostForClients(), server->port(), server->webSocketPath(),
                              server->webSocketSecure());
}

void Workspace::updateHints()
{
    m_serverSide->setCurrentWidget(m_serverTabs->count() > 0 ? static_cast<QWidget *>(m_serverTabs) : m_serverHint);
    m_clientSide->setCurrentWidget(m_clientTabs->count() > 0 ? static_cast<QWidget *>(m_clientTabs) : m_clientHint);
}

void Workspace::trackFocus(QWidget *now)
{
    for (QWidget *w = now; w; w = w->parentWidget()) {
        if (auto *pane = qobject_cast<EndpointPane *>(w); pane && tabsOf(pane)) {
            m_lastPane = pane;
            return;
        }
    }
}

Workspace::~Workspace()
{
    // Focus moves while the children go: the application's focusChanged
    // must not reach this half-destroyed widget (UBSan saw it).
    disconnect(qApp, nullptr, this, nullptr);
}

} // namespace SockPlay
